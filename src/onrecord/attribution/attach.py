"""Quotation attachment: each quotation found in the text goes to the cue whose content it overlaps, or to a cue
right after it (``“…,” she said``), right before it (``She said: “…”``), a dash attribution (``“…” — Lin Okafor``),
or, failing all, continues the previous speaker's attribution (a continuation quote). Also transcript lines
(``PENCE: Well, look ...``), which are attributed by their label.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.cues import _PUNCT_EDGE, Candidate, CueFinder, _in_heading, _phrase, name_word, subject_of
from onrecord.attribution.quotes import Quote
from onrecord.types import CharSpan

_DASHES = "—–―"


_SPEAKER_LABEL = re.compile(r"^[\"“]?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(?=\S)", re.MULTILINE)


def _transcript_lines(doc: Doc, cues: CueFinder) -> list[Candidate]:
    """Transcript and Q&A paragraphs: ``PENCE: Well, look ...`` / ``Lin Okafor: We will build it.``"""
    text = cues.text
    out = []
    for m in _SPEAKER_LABEL.finditer(text):
        label = m.group(1)
        if label.lower() in _NOT_LABELS or len(label) < 2 or label.split()[0].lower() in _BYLINE_WORDS \
                or label.split()[-1].lower() in _NOT_LABELS:
            continue  # (not a byline, "By Ana Lind: The harbour ...", nor a caption, "Header Image: Divers ...")
        start = m.end()
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        content = _trim(text, start, end)
        if content is None or len(content) < 12:
            continue
        s_i, e_i = cues.token_at(m.start(1)), cues.token_at(m.end(1) - 1) + 1
        if not _is_person_label(doc, label, doc[s_i:e_i]):
            continue
        colon = m.start(1) + len(label)
        out.append(Candidate(
            content=content, cue=None, cue_span=CharSpan(colon, colon + 1), source=doc[s_i:e_i], kind="speech",
            confidence=0.6, origin="transcript",
        ))
    return out


def _is_person_label(doc: Doc, label: str, span: Span) -> bool:
    """A line label is a speaker when it is a recognised person or the surname of one named elsewhere."""
    if any(t.ent_type_ == "PERSON" for t in span):
        return True
    last = label.split()[-1].lower().strip(".")
    return any(ent.label_ == "PERSON" and ent.text.split()[-1].lower().strip(".,’'s") == last for ent in doc.ents
               if ent.start_char != span.start_char)


#: Words that open a byline, not a speaker's label ("By Ana Lind:", "Reporting by Ana Lind:").
_BYLINE_WORDS = frozenset("by reporting written posted photos story".split())

#: Line labels that are not speakers.
_NOT_LABELS = frozenset(
    """note update updated editor's correction related read watch photo video source sources disclaimer
    warning advertisement listen also see subscribe q a question answer image picture caption credit credits
    graphic illustration map chart""".split()
)


def _trim(text: str, start: int, end: int) -> CharSpan | None:
    while start < end and text[start] in _PUNCT_EDGE + "\"“”":
        start += 1
    while end > start and text[end - 1] in _PUNCT_EDGE + "\"“”":
        end -= 1
    return CharSpan(start, end) if end > start else None


# -- quotations ---------------------------------------------------------------------------------------------
def _attach_quotes(doc: Doc, quotes: list[Quote], candidates: list[Candidate], cues: CueFinder) -> list[Candidate]:
    text = cues.text
    out = list(candidates)
    for k, q in enumerate(quotes):
        words = q.word_count(text)
        if _named_work(text, q):
            # a show, film or book named after a preposition: he said on “Meet the Press.” (nor is "on “Face the
            # Nation”" the content of "said")
            out = [c for c in out if not (c.content.overlaps(q.content) and c.content.start >= q.span.start - 8
                                          and c.content.end <= q.span.end + 2)]
            continue
        inside = [i for i, c in enumerate(out) if c.content.overlaps(q.content)]
        if any(out[i].origin == "transcript" for i in inside):
            continue  # a quoted transcript: each line is its label's, not the whole quotation one speaker's
        if inside:
            best = max(inside, key=lambda i: (_trimmed_within(text, out[i].content, q.content),
                                              _overlap(out[i].content, q.content)))
            cand = out[best]
            if _trimmed_within(text, cand.content, q.content):
                # the cue's clause is (part of) the quotation: the whole quotation is what was said
                source = cand.source
                if source is None and cand.cue is not None and cand.cue.idx >= q.span.end:
                    source = _inverted_source(doc, cand.cue)  # "“…,” mused Harbor Radio co-host Ana Lind"
                out[best] = replace(cand, content=q.content, quote=q, source=source,
                                    confidence=max(cand.confidence, 0.85))
                continue
            if q.content.start >= cand.content.start and q.content.end <= cand.content.end + 2:
                continue  # a quoted fragment inside reported speech: a mixed quotation
        if words < 3 and not _sentence_like(text, q):
            continue  # scare quotes, titles, nicknames
        if _TITLED.search(text[max(0, q.span.start - 20) : q.span.start]):
            continue  # a title: the report, titled “Crossing the Harbor: A Plan for 2040,”
        if any(c.source is not None and c.source.start_char <= q.span.start < c.source.end_char for c in out):
            continue  # a quoted fragment inside a source phrase ("Doug Purdy, who lost “two belt loops”, says")
        if words < 6 and q.content.of(text)[:1].islower() and not text[: q.span.start].rstrip().endswith(":") \
                and not (k and _resumes(text, quotes[k - 1], q)):
            continue  # a quoted fragment of a sentence that nothing attributes
        cand = _cue_after(doc, q, cues) or _cue_before(doc, q, cues) or _dash(doc, q, cues)
        if cand is not None:
            out.append(cand)
            continue
        if words <= 6 and text[: q.span.start].rstrip(" \t")[-1:].isalnum():
            continue  # no cue, short, and running on from a word ("in the biopic “Judy.”"): a title or a term
        out.append(
            Candidate(
                content=q.content, cue=None, cue_span=None, source=None, kind="speech",
                confidence=0.45, origin="continuation", quote=q,
            )
        )
    return out


def _named_work(text: str, q: Quote) -> bool:
    """A short quotation in title case right after a preposition or a possessive ("on “Meet the Press,”", "Fox
    News’s “Hannity”"): the name of a work or a programme, not words someone said."""
    body = q.content.of(text).strip().rstrip(".,!?;:")
    words = body.split()
    if not 1 <= len(words) <= 5 or not _WORK_LEAD.search(text[max(0, q.span.start - 30) : q.span.start]):
        return False
    return words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in words) \
        and not body.isupper()


#: What stands before the name of a work: a preposition or a possessive.
_WORK_LEAD = re.compile(r"(?:\b(?:on|in|at|of|from|to|for|with|about)|[A-Za-z]['’]s?)\s*$")
_MINOR_WORDS = frozenset("a an the and or of in on at to for with by from".split())


def _resumes(text: str, previous: Quote, q: Quote) -> bool:
    """Does ``q`` resume the quotation ``previous`` after a short cue clause ("“The timing,” she said, “matters
    more.”")? Then it is the second half of one interrupted sentence, lower case or not."""
    gap = text[previous.span.end : q.span.start]
    return 0 < len(gap) <= 80 and "\n" not in gap and not any(c in gap for c in ".!?") \
        and gap.rstrip().endswith(",")


#: Words that introduce a quoted name or title, not a statement.
_TITLED = re.compile(r"\b(?:titled|entitled|named|dubbed|nicknamed|headlined|labelled|labeled)\s*[,:]?\s*$", re.IGNORECASE)


def _cue_after(doc: Doc, q: Quote, cues: CueFinder) -> Candidate | None:
    """``“…,” she said`` / ``“…,” said Jane Roe, the mayor`` / ``“…” Roe told reporters``."""
    text = cues.text
    i = cues.token_at(q.span.end)
    if i < len(doc) and doc[i].idx < q.span.end:
        i += 1
    limit = min(len(doc), i + 10)
    start_i = i
    inside = q.content.of(text).rstrip()
    if inside.endswith(".") and i < len(doc) and doc[i].is_title and not doc[i].is_punct:
        # “… the end.” Then a new sentence: what follows belongs to the next statement, not to this quotation
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is None or cues.cue_kind(nxt) is None:
            return None
    if inside.endswith(".") and i < len(doc) and doc[i].text in "([":
        return None  # “… the end.” (A parenthetical sentence follows: its verb is not this quotation's cue.)
    while i < limit:
        tok = doc[i]
        if "\n" in tok.text:
            return None  # the paragraph ended: the cue belongs to the next one
        if i > start_i and tok.text in "“«\"":
            return None
        if tok.text in ".!?" and i > start_i:
            return None
        found = cues.cue_kind(tok)
        if found is not None and found[0] == "speech" and not _in_heading(cues.text, tok):
            source = subject_of(tok)
            if source is None or source.start > tok.i + 8 or source.end <= start_i - 1:
                source = _bare_source(doc, start_i, tok.i) or _inverted_source(doc, tok)
            return Candidate(
                content=q.content, cue=tok, cue_span=CharSpan(tok.idx, tok.idx + len(tok.text)),
                source=source, kind="speech", confidence=0.9 if source is not None else 0.6,
                origin="quote-after", quote=q,
            )
        if tok.pos_ in ("VERB",) and tok.dep_ not in ("amod", "compound") and i > start_i + 1:
            return None
        i += 1
    return None


def _cue_before(doc: Doc, q: Quote, cues: CueFinder) -> Candidate | None:
    """``She said: “…”`` / ``Trump added, “…”`` / ``The statement read: “…”``."""
    text = cues.text
    lead = text[: q.span.start].rstrip()
    if not lead or lead[-1] not in ":,":
        return None
    end_i = cues.token_at(len(lead) - 1)
    # the lead-in's paragraph: the quotation's own, or the one before when a colon ends it ("Lin Okafor said:",
    # then the statement as a paragraph of its own)
    para_start = text.rfind("\n", 0, len(lead)) + 1
    if lead[-1] != ":" and para_start < text.rfind("\n", 0, q.span.start) + 1:
        return None
    i = end_i - 1
    while i >= 0 and doc[i].idx >= para_start and end_i - i <= 25:
        tok = doc[i]
        if tok.text in ".!?”\"" and i < end_i - 1:
            break
        found = cues.cue_kind(tok)
        if found is not None and found[0] in ("speech", "document") and not _in_heading(cues.text, tok):
            source = subject_of(tok)
            return Candidate(
                content=q.content, cue=tok, cue_span=CharSpan(tok.idx, tok.idx + len(tok.text)),
                source=source, kind=found[0], confidence=0.85 if source is not None else 0.55,
                origin="quote-before", quote=q,
            )
        i -= 1
    if lead[-1] == ":":
        # "Lin Okafor put it plainly: “…”" -- a colon lead-in whose clause has a named subject
        verb = doc[end_i].head if end_i < len(doc) else None
        while verb is not None and verb.head != verb and verb.pos_ not in ("VERB", "AUX"):
            verb = verb.head
        if verb is not None and verb.idx >= para_start and verb.i < end_i:
            source = subject_of(verb)
            if source is not None and (source.root.pos_ in ("PROPN", "PRON") or source.root.ent_type_):
                colon = len(lead) - 1
                return Candidate(
                    content=q.content, cue=verb, cue_span=CharSpan(colon, colon + 1), source=source,
                    kind="speech", confidence=0.6, origin="colon", quote=q,
                )
    return None


def _dash(doc: Doc, q: Quote, cues: CueFinder) -> Candidate | None:
    """``“…” — Mayor Lin Okafor``: a dash and a short name closing the paragraph."""
    text = cues.text
    j = q.span.end
    while j < len(text) and text[j] in " \t\u00a0":
        j += 1
    if j < len(text) and text[j] == "\n":  # the signature on the next line
        j += 1
        while j < len(text) and text[j] in " \t\u00a0":
            j += 1
    if j >= len(text) or text[j] not in _DASHES and not text.startswith("- ", j) and not text.startswith("--", j):
        return None
    dash_end = j + 1
    while dash_end < len(text) and text[dash_end] in _DASHES + "-":
        dash_end += 1
    line_end = text.find("\n", dash_end)
    line_end = len(text) if line_end < 0 else line_end
    s_i = cues.token_at(dash_end)
    while s_i < len(doc) and doc[s_i].idx < dash_end:
        s_i += 1
    e_i = s_i
    while e_i < len(doc) and doc[e_i].idx < line_end:
        e_i += 1
    if e_i - s_i == 0 or e_i - s_i > 12:
        return None
    source = doc[s_i:e_i]
    while len(source) > 1 and source[-1].is_punct:
        source = source[:-1]
    if not any(t.pos_ == "PROPN" for t in source):
        return None
    return Candidate(
        content=q.content, cue=None, cue_span=CharSpan(j, dash_end), source=source, kind="speech",
        confidence=0.75, origin="dash", quote=q,
    )


def _bare_source(doc: Doc, start: int, verb_i: int) -> Span | None:
    """The words between a closing quotation mark and its verb, when they name someone ("Seely wrote")."""
    while start < verb_i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    span = doc[start:verb_i]
    while len(span) and span[-1].dep_ in ("advmod", "aux", "neg") and span[-1].pos_ != "PROPN":
        span = span[:-1]
    if not len(span) or len(span) > 8:
        return None
    if any(t.pos_ in ("PROPN", "PRON", "NOUN") for t in span):
        return span
    return None


def _inverted_source(doc: Doc, verb: Token) -> Span | None:
    """``said Jane Roe, the mayor``: the noun phrase after the verb."""
    for child in verb.rights:
        if child.dep_ in ("nsubj", "dobj", "npadvmod", "attr") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return _phrase(doc, child)
    nxt = verb.i + 1
    if nxt < len(doc) and (doc[nxt].pos_ in ("PROPN", "DET", "NOUN") or name_word(doc[nxt])):
        end = nxt
        while end < len(doc) and (doc[end].pos_ in ("PROPN", "DET", "NOUN", "ADJ", "PUNCT") or name_word(doc[end])) \
                and doc[end].text not in ",.":
            end += 1
        if end > nxt:
            return doc[nxt:end]
    return None


def _sentence_like(text: str, q: Quote) -> bool:
    body = q.content.of(text).strip()
    return len(body) > 1 and body[-1] in ".!?," and body[0].isupper()


def _overlap(a: CharSpan, b: CharSpan) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _trimmed_within(text: str, inner: CharSpan, outer: CharSpan) -> bool:
    s, e = inner.start, inner.end
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not text[e - 1].isalnum():
        e -= 1
    return outer.start <= s and e <= outer.end
