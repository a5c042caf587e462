"""Quotation attachment: each quotation found in the text goes to the cue whose content it overlaps, or to a cue
right after it (``“…,” she said``), right before it (``She said: “…”``), a dash attribution (``“…” — Lin Okafor``),
or, failing all, continues the previous speaker's attribution (a continuation quote). The rules of the table
``contents.quote-attachment`` at the foot of this module decide, in order, for each quotation;
:func:`attach_quotes` is the entry point.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from onrecord.attribution.beside import cue_after_quote, reads
from onrecord.attribution.beside_names import inverted_source, left_name
from onrecord.attribution.calling import called, named_in_turn
from onrecord.attribution.cues import CueFinder, Statement, cue_words
from onrecord.attribution.extent import second_quoted_clause
from onrecord.attribution.layout import in_heading
from onrecord.attribution.quotation import Attachment, Quotation
from onrecord.attribution.quotes import Quote
from onrecord.attribution.rules import RuleTable, rule
from onrecord.attribution.subjects import subject_of
from onrecord.attribution.transcripts import is_transcript
from onrecord.lexicon.en import TITLE_MINOR_WORDS
from onrecord.spans import trimmed_within
from onrecord.types import CharSpan

__all__ = ["QUOTE_ATTACHMENT", "attach_quotes"]

_DASHES = "—–―"
#: What breaks a sentence off before a quotation: a dash or an ellipsis.
_BREAKS = _DASHES + "…"
#: What stands before the name of a work: a preposition or a possessive.
_WORK_LEAD = re.compile(r"(?:\b(?:on|in|at|of|from|to|for|with|about)|[A-Za-z]['’]s?)\s*$")
#: Words that introduce a quoted name or title, not a statement.
_TITLED = re.compile(
    r"\b(?:titled|entitled|named|dubbed|nicknamed|headlined|labelled|labeled)\s*[,:]?\s*$", re.IGNORECASE
)
_LEFT = Attachment()  # the quotation is attributed to nobody


def _answer(attachment: Attachment) -> str | None:
    return cue_words(attachment.statement) if attachment.statement is not None else None


def attach_quotes(doc: Doc, quotes: list[Quote], candidates: list[Statement], cues: CueFinder) -> list[Statement]:
    """The statements with every quotation attached (or left out) as the table ``contents.quote-attachment``
    decides, quotation by quotation in the order of the text."""
    out = list(candidates)
    for k in range(len(quotes)):
        decided = QUOTE_ATTACHMENT.first(Quotation(doc, cues, quotes, k, out))
        if decided is None:
            continue
        name, a = decided[0].name, decided[1]
        if a.drops:
            out = [c for i, c in enumerate(out) if i not in a.drops]
        if a.statement is None:
            continue
        if a.replaces is not None:
            out[a.replaces] = a.statement
        else:
            out.append(replace(a.statement, rule=name))
    return out


# -- the rules ------------------------------------------------------------------------------------------------
@rule("contents.quote-attachment.named-work", ("Ana Lind said on “Meet the Harbour” that the pier would close.",
                                               None))
def named_work(c: Quotation) -> Attachment | None:
    """A show, film or book named after a preposition: he said on “Meet the Press.” -- no one's words, and not
    the content of a cue either (nor is "on “Face the Nation”" the content of "said")."""
    text, q = c.text, c.q
    body = q.content.of(text).strip().rstrip(".,!?;:")
    words = body.split()
    if not 1 <= len(words) <= 5 or not _WORK_LEAD.search(text[max(0, q.span.start - 30) : q.span.start]):
        return None
    if not (words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in TITLE_MINOR_WORDS for w in words)
            and not body.isupper()):
        return None
    return Attachment(drops=frozenset(i for i, s in enumerate(c.statements) if s.content.overlaps(q.content)
                                      and s.content.start >= q.span.start - 8 and s.content.end <= q.span.end + 2))


@rule("contents.quote-attachment.quoted-transcript",
      ("Mayor Ana Lind and councillor Ivo Tarn debated the pier on Monday. The station released the transcript:\n\n"
       "\"LIND: We will rebuild the pier before the storms arrive.\n\n"
       "\"TARN: The ferry will carry every commuter until then.\"", None))
def quoted_transcript(c: Quotation) -> Attachment | None:
    """A quoted transcript: each line is its label's, not the whole quotation one speaker's (nor, when the
    quotation runs over paragraphs, any of its paragraphs)."""
    q = c.q
    whole = CharSpan(c.quotes[c.k - q.part].content.start, c.quotes[c.k + q.paragraphs - 1 - q.part].content.end)
    return _LEFT if any(is_transcript(s) and s.content.overlaps(whole) for s in c.statements) else None


@rule("contents.quote-attachment.cue-clause", ("Ana Lind said: “The pier will close in May, and we regret it.”",
                                               "said"))
def cue_clause(c: Quotation) -> Attachment | None:
    """The cue's clause is (part of) the quotation: the whole quotation is what was said ("“…,” mused Harbor
    Radio co-host Ana Lind": a source after the verb when the parse gave none)."""
    if c.best is None:
        return None
    cand = c.statements[c.best]
    q = c.q
    if not trimmed_within(c.text, cand.content, q.content):
        return None
    source = cand.source
    if source is None and cand.cue is not None and cand.cue.idx >= q.span.end:
        source = inverted_source(c.doc, cand.cue)
    return Attachment(replace(cand, content=q.content, quote=q, source=source, confidence=max(cand.confidence, 0.85)),
                      replaces=c.best)


@rule("contents.quote-attachment.after-a-break",
      ("Ana Lind has changed her account once — “I now do remember,” she said, speaking of the meeting.", "said"),
      ("The shop's minimum order is … “Ten!” says its owner, Ana Lind.", "says"))
def after_a_break(c: Quotation) -> Attachment | None:
    """A quotation opened right after a dash or an ellipsis and closed right before its own cue (``X has changed
    her account once — “…,” she said``): the writer broke the sentence off, and the speaker's words are the
    quotation alone, though the parse made the whole sentence the cue's clause (a mixed quotation). Not "The
    timing raises “great suspicion,” he said", whose words before the mark are the speaker's, reported."""
    if c.best is None:
        return None
    cand, q = c.statements[c.best], c.q
    if cand.cue is None or cand.content.start >= q.span.start or _lead(c)[-1:] not in _BREAKS:
        return None
    found = cue_after_quote(c.doc, q, c.cues)
    if found is None or found.cue != cand.cue:
        return None
    return Attachment(replace(cand, content=q.content, quote=q, source=cand.source or found.source),
                      replaces=c.best)


@rule("contents.quote-attachment.mixed", ("Ana Lind said the pier was “far too low for the new ferries” and "
                                          "would close.", None))
def mixed(c: Quotation) -> Attachment | None:
    """A quoted fragment inside reported speech: a mixed quotation, the cue's content already."""
    if c.best is None:
        return None
    content, q = c.statements[c.best].content, c.q.content
    return _LEFT if q.start >= content.start and q.end <= content.end + 2 else None


@rule("contents.quote-attachment.second-clause",
      ("The harbour board said it was “troubled by the delays,” and that it was “hard to understand” why the "
       "builders had not reported.", "said"))
def second_clause(c: Quotation) -> Attachment | None:
    """"said it was “troubled …,” and that it was “hard to understand” why ...": the quotation lies in a second
    clause joined to a cue whose content ended before it (``cues.content-tail.second-quoted-clause``); the
    clause is a statement of its own, with that cue and source."""
    doc, q = c.doc, c.q
    tok = doc[c.cues.token_at(q.content.start)]
    for _ in range(4):
        if tok.dep_ == "conj" or tok.head == tok:
            break
        tok = tok.head
    cue = tok.head
    if not second_quoted_clause(tok) or cue.i >= tok.i:
        return None
    first = next((s for s in c.statements if s.cue == cue and s.content.end <= tok.left_edge.idx), None)
    start = tok.left_edge.i + (doc[tok.left_edge.i].dep_ == "cc")
    if first is None or start >= tok.i:
        return None
    end = doc[tok.right_edge.i]
    content = CharSpan(doc[start].idx, max(q.span.end, end.idx + len(end.text)))
    if doc[start].lower_ == "that" and not c.text[doc[start].idx + 4 : q.span.start].strip() \
            and not c.text[q.span.end : content.end].strip(" .,;:"):
        content = q.content  # ("and that “…”": the quotation is the whole clause, direct)
    return Attachment(replace(first, content=content, quote=q))


@rule("contents.quote-attachment.quotation-paragraph",
      ("Ana Lind said: “The pier will close in May.\n\n“We looked at every option for the ferry.\n\n"
       "“There was no other way.”", "said"),
      ("The council met on Monday.\n\n“The pier will close in May.\n\n“We looked at every option for the ferry,” "
       "Ana Lind said.", "said"),
      ("Ana Lind said: “The pier will close in May.\n\n“We looked at every option for the ferry.\n\n"
       "“There was no other way.", "said"))
def quotation_paragraph(c: Quotation) -> Attachment | None:
    """One paragraph of a quotation that runs over several (each paragraph re-opens it, only the last closes
    it, as news writes a speech): a statement of its own, with the cue and source of its own cue if it has one
    (before the first paragraph, after the last), else of the paragraph before it, else of the first paragraph
    after it with a cue of its own ("“A.¶“B,” Ana Lind said."); with none, it continues the previous speaker's
    attribution, as a one-paragraph quotation would."""
    q = c.q
    if q.paragraphs < 2:
        return None
    own = _own_cue(c)
    if own is not None:
        return Attachment(own)
    earlier = _piece_statement(c, c.k - 1) if q.part > 0 else None
    if earlier is None and (q.part > 0 or _opens_paragraph(c.text, q)):
        later = (_own_cue(replace(c, k=j)) for j in range(c.k + 1, c.k + q.paragraphs - q.part))
        earlier = next((s for s in later if s is not None), None)
    if earlier is None:
        return continuation(c)
    # (its origin too: a paragraph of a continuation is a continuation)
    return Attachment(replace(earlier, content=q.content, quote=q, confidence=min(earlier.confidence, 0.8)))


def _own_cue(c: Quotation) -> Statement | None:
    """The statement of a cue that claims this piece of a quotation itself: a cue whose clause lies in it, a cue
    after its last paragraph, a dash signature, or a lead-in before its first."""
    q = c.q
    found = cue_clause(c)
    if found is None and q.part == q.paragraphs - 1:
        found = cue_after(c) or dash(c)
    if found is None and q.part == 0:
        found = cue_before(c) or colon_lead(c)
    return found.statement if found is not None else None


def _piece_statement(c: Quotation, k: int) -> Statement | None:
    """The statement a piece of the quotation (the ``k``-th quotation) got, if any."""
    piece = c.quotes[k]
    return next((s for s in reversed(c.statements) if s.quote == piece), None)


def _opens_paragraph(text: str, q: Quote) -> bool:
    """Does the quotation open its paragraph (nothing but white space before its mark)?"""
    return not text[text.rfind("\n", 0, q.span.start) + 1 : q.span.start].strip()


@rule("contents.quote-attachment.scare-quotes", ("The “new” pier opened in May.", None))
def scare_quotes(c: Quotation) -> Attachment | None:
    """Fewer than three words that do not read as a sentence: scare quotes, titles, nicknames."""
    body = c.q.content.of(c.text).strip()
    sentence_like = len(body) > 1 and body[-1] in ".!?," and body[0].isupper()
    return _LEFT if c.words < 3 and not sentence_like else None


@rule("contents.quote-attachment.title", ("A report entitled “Crossing the Harbour in 2040” was published on Monday.",
                                          None))
def title(c: Quotation) -> Attachment | None:
    """A title: the report, titled “Crossing the Harbor: A Plan for 2040,”."""
    return _LEFT if _TITLED.search(c.text[max(0, c.q.span.start - 20) : c.q.span.start]) else None


@rule("contents.quote-attachment.in-source", ("Ivo Tarn, who lost “two of his three boats” in the storm, said the "
                                              "pier must close.", None))
def in_source(c: Quotation) -> Attachment | None:
    """A quoted fragment inside a source phrase ("Doug Purdy, who lost “two belt loops”, says")."""
    start = c.q.span.start
    return _LEFT if any(s.source is not None and s.source.start_char <= start < s.source.end_char
                        for s in c.statements) else None


@rule("contents.quote-attachment.fragment", ("The pier is “too low for ferries” now.", None))
def fragment(c: Quotation) -> Attachment | None:
    """A short quoted fragment of a sentence that nothing attributes: lower case, no colon before it, and not
    the second half of an interrupted quotation."""
    text, q, k = c.text, c.q, c.k
    if c.words < 6 and q.content.of(text)[:1].islower() and not text[: q.span.start].rstrip().endswith(":") \
            and not (k and _resumes(text, c.quotes[k - 1], q)):
        return _LEFT
    return None


def _resumes(text: str, previous: Quote, q: Quote) -> bool:
    """Does ``q`` resume the quotation ``previous`` after a short cue clause ("“The timing,” she said, “matters
    more.”")? Then it is the second half of one interrupted sentence, lower case or not."""
    gap = text[previous.span.end : q.span.start]
    return 0 < len(gap) <= 80 and "\n" not in gap and not any(c in gap for c in ".!?") \
        and gap.rstrip().endswith(",")


@rule("contents.quote-attachment.cue-after", ("“Close the pier now!” Ana Lind shouted.", "shouted"),
      ("“No,” said Ivo Tarn. “The ferry will run until June.”", "said"),
      ("The harbour board disclosed a large claim. “The board had the largest insurance claim in its history,” Ivo "
       "Tarn, the board’s former chief risk officer, mentioned in a 2013 commentary.", "mentioned"),
      ("The lander went silent. \"We had a healthy lander, and then we had nothing,\" the agency's flight director, "
       "Dr. Ivo Tarn, told reporters at the control centre in Kestrel Bay shortly after 1 a.m. \"We do not know "
       "why.\"", "told"),
      ("The council got many letters.\n\n\"Frankly this is a scandal. The bakers deserve better from the town,\" a "
       "reader, whose name is withheld, wrote on May 3.", "wrote"),
      ("Ivo Tarn runs a blog.\n\nWATCH: Bakers march in Harwick\n\n“The threats came from many places. In those "
       "cases, the senders claimed to have videos,” the post read.", "read"))
def cue_after(c: Quotation) -> Attachment | None:
    """A verb of saying right after the quotation: ``“…,” she said`` / ``“…,” said Jane Roe`` / ``“…” Roe told``."""
    found = cue_after_quote(c.doc, c.q, c.cues)
    return Attachment(found) if found is not None else None


def _lead(c: Quotation) -> str:
    """The text before the quotation, without trailing whitespace."""
    return c.text[: c.q.span.start].rstrip()


#: Verbs of saying that a quotation may follow with no comma or colon ("Lind said “…”").
_BARE_CUES = frozenset({"say", "add", "write", "declare", "state", "tweet"})


@rule("contents.quote-attachment.cue-before", ("Ivo Tarn shouted: “No! Never!”", "shouted"))
def cue_before(c: Quotation) -> Attachment | None:
    """A verb of saying in a lead-in ending with a colon or comma right before the quotation (``She said: “…”``,
    ``The statement read: “…”``; a colon's may be the paragraph before), or right before the mark with a subject,
    whatever the parser made of it (``Ana Lind (D-OR) said “…”``)."""
    text, doc, cues, lead = c.text, c.doc, c.cues, _lead(c)
    end_i = cues.token_at(len(lead) - 1) if lead else 0
    bare = lead[-1:] not in (":", ",")  # (no comma or colon: the verb of saying is the lead's last word)
    if not lead or (bare and not (doc[end_i].lemma_ in _BARE_CUES and doc[end_i].pos_ == "VERB")):
        return None
    # the lead-in's paragraph: the quotation's own, or the one before when a colon ends it ("Lin Okafor said:",
    # then the statement as a paragraph of its own)
    para_start = text.rfind("\n", 0, len(lead)) + 1
    if lead[-1] != ":" and para_start < text.rfind("\n", 0, c.q.span.start) + 1:
        return None
    i = end_i if bare else end_i - 1
    while i >= 0 and doc[i].idx >= para_start and end_i - i <= 25:
        tok = doc[i]
        if tok.text in ".!?”\"" and i < end_i - 1:
            break
        found = cues.cue_kind(tok) or reads(tok)
        if found is not None and found[0] in ("speech", "document") and not in_heading(cues.text, tok):
            source = subject_of(tok)
            if source is not None and source.start_char >= c.q.span.start:  # (its words, taken for its subject)
                source = left_name(doc, tok)
            if source is None and bare:
                return None
            return Attachment(Statement(
                content=c.q.content, cue=tok, cue_span=CharSpan(tok.idx, tok.idx + len(tok.text)),
                source=source, kind=found[0], confidence=0.85 if source is not None else 0.55,
                origin="quote-before", quote=c.q,
            ))
        i -= 1
    return None


@rule("contents.quote-attachment.colon-lead", ("Ivo Tarn was clear: “We will not pay.”", ":"),
      ("A ferry pilot who served under her, Ana Lind, put it differently: “She is the only chief who can row.”", ":"))
def colon_lead(c: Quotation) -> Attachment | None:
    """"Lin Okafor put it plainly: “…”" -- a colon lead-in without a verb of saying, whose clause has a named
    subject (a name, a pronoun, an entity, a role with a name in apposition): the colon is the cue."""
    text, doc, lead = c.text, c.doc, _lead(c)
    if not lead or lead[-1] != ":":
        return None
    end_i = c.cues.token_at(len(lead) - 1)
    para_start = text.rfind("\n", 0, len(lead)) + 1
    verb = doc[end_i].head if end_i < len(doc) else None
    while verb is not None and verb.head != verb and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    if verb is None or verb.idx < para_start or verb.i >= end_i:
        return None
    source = subject_of(verb)
    named = source is not None and any(t.dep_ == "appos" and t.pos_ == "PROPN" for t in source.root.children)
    if source is None or not (source.root.pos_ in ("PROPN", "PRON") or source.root.ent_type_ or named):
        return None  # (named: a role with the name in apposition, "A ferry pilot, Ana Lind, put it differently:")
    colon = len(lead) - 1
    return Attachment(Statement(
        content=c.q.content, cue=verb, cue_span=CharSpan(colon, colon + 1), source=source, kind="speech",
        confidence=0.6, origin="colon", quote=c.q,
    ))


@rule("contents.quote-attachment.dash", ("“The pier will close in May.” — Mayor Ana Lind", "—"))
def dash(c: Quotation) -> Attachment | None:
    """``“…” — Mayor Lin Okafor``: a dash and a short name closing the paragraph (or on the next line)."""
    text, doc = c.text, c.doc
    j = c.q.span.end
    while j < len(text) and text[j] in " \t\u00a0":
        j += 1
    if j < len(text) and text[j] == "\n":  # the signature on the next line
        j += 1
        while j < len(text) and text[j] in " \t\u00a0":
            j += 1
    if j >= len(text) or (text[j] not in _DASHES and not text.startswith("- ", j) and not text.startswith("--", j)):
        return None
    dash_end = j + 1
    while dash_end < len(text) and text[dash_end] in _DASHES + "-":
        dash_end += 1
    line_end = text.find("\n", dash_end)
    line_end = len(text) if line_end < 0 else line_end
    s_i = c.cues.token_at(dash_end)
    while s_i < len(doc) and doc[s_i].idx < dash_end:
        s_i += 1
    e_i = s_i
    while e_i < len(doc) and doc[e_i].idx < line_end:
        e_i += 1
    comma = next((i for i in range(s_i, e_i) if doc[i].text in ",;("), e_i)
    if comma - s_i >= 2:
        e_i = comma  # "— Ana Lind, speaking to the club's own channel": the name, without what follows it
    if e_i - s_i == 0 or e_i - s_i > 12:
        return None
    source = doc[s_i:e_i]
    while len(source) > 1 and source[-1].is_punct:
        source = source[:-1]
    if not any(t.pos_ == "PROPN" for t in source):
        return None
    return Attachment(Statement(
        content=c.q.content, cue=None, cue_span=CharSpan(j, dash_end), source=source, kind="speech",
        confidence=0.75, origin="dash", quote=c.q,
    ))


#: A quotation as the words of a post or a message: "posted a photo with the words “…”".
_WITH_WORDS = re.compile(r"\bwith the (?:words|caption|message|line|note)\s*:?\s*$", re.IGNORECASE)


@rule("contents.quote-attachment.with-the-words",
      ("Ivo Tarn, whose boat it was, posted a photo of the pier online with the words “Spot the difference.” It "
       "was shared widely.", "posted"))
def with_the_words(c: Quotation) -> Attachment | None:
    """``posted a photo … with the words “…”``: the words of a post or a message, whose cue is the verb of saying
    the "with" hangs on (its subject the writer), not a title running on from a word."""
    found = _WITH_WORDS.search(_lead(c))
    if found is None:
        return None
    verb = c.doc[c.cues.token_at(found.start())].head
    while verb.head != verb and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    kind = c.cues.cue_kind(verb)
    source = subject_of(verb)
    if kind is None or kind[0] != "speech" or source is None or in_heading(c.text, verb):
        return None
    return Attachment(Statement(
        content=c.q.content, cue=verb, cue_span=CharSpan(verb.idx, verb.idx + len(verb.text)), source=source,
        kind="speech", confidence=0.8, origin="quote-before", quote=c.q,
    ))


@rule("contents.quote-attachment.run-on-title", ("Ana Lind starred in the film “Harbour Lights.”", None))
def run_on_title(c: Quotation) -> Attachment | None:
    """No cue, short, and running on from a word ("in the biopic “Judy.”"): a title or a term."""
    return _LEFT if c.words <= 6 and c.text[: c.q.span.start].rstrip(" \t")[-1:].isalnum() else None


@rule("contents.quote-attachment.quoted-subject",
      ("“I will see it again,” Ivo Tarn said.\n\n“The Harbour Widow” runs at the Lantern until October 31.", None),
      ("Ana Lind chaired the meeting. “Build the pier” was the phrase on every placard.", None))
def quoted_subject(c: Quotation) -> Attachment | None:
    """No cue, and the quoted words open their sentence as the subject of a verb after the closing mark
    ("“The Salt Wife” runs at the Lantern", "“Medea” opens on Friday", "“Not yet” was the phrase its chair
    used"): a title or a phrase talked about, not someone's words going on (GGT, news2, news4 dev: five such, none
    a statement in the golds)."""
    text, q = c.text, c.q
    before = text[: q.span.start].rstrip(" \t")
    if before and before[-1] not in ".!?\n”\"’":
        return None
    inside = [t for t in c.doc[c.cues.token_at(q.content.start) : c.cues.token_at(max(q.content.start,
                                                                                        q.content.end - 1)) + 1]
              if q.content.start <= t.idx < q.content.end]
    top = next((t for t in inside if not q.content.start <= t.head.idx < q.content.end), None)
    if top is None or text[q.content.end - 1 : q.content.end] in ".,!?…:;" or not text[q.span.end + 1 :
                                                                                     q.span.end + 2].islower():
        return None  # (the words end a sentence of their own, or no lower-case word goes on after the mark)
    head = top.head  # (a verb after the mark, or the word the parser took for one: "runs" tagged as a noun)
    subject = head.idx >= q.span.end and head.i - top.i <= 8 and not any(
        ch.dep_ in ("nsubj", "nsubjpass", "expl") and ch.i != top.i for ch in head.children)
    return _LEFT if subject else None


@rule("contents.quote-attachment.continuation",
      ("Ana Lind spoke to the council on Monday. “The pier will close in May.”", None))
def continuation(c: Quotation) -> Attachment | None:
    """A quotation no cue claims continues the previous speaker's attribution (or is the person's the sentence
    before it is about; the extractor decides which when it writes the statements out)."""
    return Attachment(Statement(
        content=c.q.content, cue=None, cue_span=None, source=None, kind="speech", confidence=0.45,
        origin="continuation", quote=c.q,
    ))


#: What becomes of a quotation, asked in this order for each quotation of the text.
QUOTE_ATTACHMENT: RuleTable[Quotation, Attachment] = RuleTable(
    "contents.quote-attachment",
    [named_work, quoted_transcript, named_in_turn, cue_clause, after_a_break, mixed, second_clause,
     quotation_paragraph, called, scare_quotes, title, in_source, fragment, cue_after, cue_before, dash, colon_lead,
     with_the_words, run_on_title, quoted_subject, continuation],
    describe=_answer,
)
