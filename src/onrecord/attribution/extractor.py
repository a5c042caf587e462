"""Orchestrates the attribution stages over one parsed Doc.

1. quotations are found in the raw text, paragraph by paragraph (``quotes``);
2. cues are found on the parse: verbs of saying/believing with a clause complement, "according to",
   nouns of saying with a that-clause, parenthetical "X said";
3. each quotation is attached to the cue whose content it overlaps, or to a cue right after it
   (``“…,” she said``), right before it (``She said: “…”``), a dash attribution (``“…” — Lin Okafor``),
   or, failing all, continues the previous speaker's attribution (a continuation quote);
4. sources are resolved to speakers, the channel and relays are read off the cue's context.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.channels import medium_for
from onrecord.attribution.cuemodel import CONTENT_DEPS, CUE_POS, load_cue_model, pair_features
from onrecord.attribution.lexicon import (
    BELIEF_VERBS,
    DOCUMENT_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
)
from onrecord.attribution.quotes import Quote, find_quotes
from onrecord.attribution.relays import relay_from
from onrecord.attribution.speakers import Speaker, SpeakerResolver
from onrecord.settings import SCOPES
from onrecord.types import Attribution, CharSpan, Relay, Skipped

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLAUSE_DEPS = ("ccomp",)
_OBJECT_TAIL = ("oprd", "xcomp", "acomp", "attr", "ccomp", "prep", "dobj", "dative", "conj")
_CLAUSE_TAIL = ("conj",)
_FOCUS_ADVERBS = frozenset("even also only just too still yet".split())
#: Verbs whose subject belongs to the claim ("X seems to be ...", "X is expected to ...").
_RAISING = frozenset("seem appear".split())
#: ... and verbs that do so in the passive only ("X is expected to", but "Brun expects to win").
_RAISING_PASSIVE = frozenset("expect project predict forecast".split())
_PUNCT_EDGE = " \t\n,;:—–-"
_DASHES = "—–―"


@dataclass(frozen=True, slots=True)
class Candidate:
    """An attribution under construction (token-level handles kept until it is written out)."""

    content: CharSpan
    cue: Token | None
    cue_span: CharSpan | None
    source: Span | None
    kind: str
    confidence: float
    origin: str
    quote: Quote | None = None
    relays: tuple[Relay, ...] = ()
    form: str = "clause"  # clause: a clause or quotation was said; object: an act or stance towards something


# What counts as an attribution (see onrecord.settings.Settings.scope): ``quotes`` -- statements (speech,
# writing, documents) whose content is a clause or a quotation, i.e. who said what; ``all`` -- broad attribution
# as in PARC/PolNeAR, adding beliefs, intentions and stances ("Trump wants to ...", "Clinton supports the bill").


def find_attributions(doc: Doc, *, scope: str = "quotes") -> tuple[tuple[Attribution, ...], tuple[Skipped, ...]]:
    """Every attribution in a parsed article, and the paragraphs that could not be read fully."""
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}; expected one of {SCOPES}")
    text = doc.text
    quotes, skipped = find_quotes(text)
    cues = _CueFinder(doc, text, quoted=_quoted_test(quotes))
    candidates = cues.syntactic()
    if scope == "quotes":
        # statements only: no beliefs or stances, and no findings of data ("the poll shows ...")
        candidates = [
            c for c in candidates
            if c.kind != "belief" and c.form == "clause"
            and not (c.kind == "document" and c.cue is not None and c.cue.lemma_.lower() not in SPEECH_VERBS)
        ]
    candidates = [_within_paragraph(text, c) for c in candidates if c.cue is None or not _in_heading(text, c.cue)]
    candidates = [c for c in candidates if c is not None and any(ch.isalnum() for ch in c.content.of(text))]
    candidates += _transcript_lines(doc, cues)
    candidates = _relays(doc, candidates, keep_relayed=scope == "all")
    candidates = _outside_quotes(candidates, quotes)
    candidates = _attach_quotes(doc, quotes, candidates, cues)
    return _finish(doc, text, candidates, quotes), tuple(skipped)


# -- cues ---------------------------------------------------------------------------------------------------
class _CueFinder:
    def __init__(
        self,
        doc: Doc,
        text: str | None = None,
        *,
        quoted: Callable[[int], bool] | None = None,
        use_model: bool = True,
    ) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text is rebuilt on every access: read it once
        self.model = load_cue_model() if use_model else None
        self.quoted = quoted or (lambda char: False)
        self.starts = [t.idx for t in doc]

    def cue_kind(self, tok: Token) -> tuple[str, float] | None:
        """(kind, prior confidence) when ``tok`` can be a verb of saying or thinking at all."""
        if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
            return None
        lemma = tok.lemma_.lower()
        if lemma in SPEECH_VERBS:
            return "speech", 0.8
        if lemma in BELIEF_VERBS:
            return "belief", 0.55
        return None

    def complements(self, tok: Token) -> list[tuple[float, Token]]:
        """The dependents of ``tok`` that can be its content, with the learned probability of each."""
        if self.model is not None:
            return self._scored_complements(tok)
        out: list[tuple[float, Token]] = []
        lemma = tok.lemma_.lower()
        for child in tok.children:  # without the model: verbs of saying and thinking with a clause
            if child.dep_ in _CLAUSE_DEPS:
                if lemma in SPEECH_VERBS:
                    out.append((0.7, child))
                elif lemma in BELIEF_VERBS:
                    out.append((0.45, child))
        return self._in_paragraph(tok, out)

    def _in_paragraph(self, tok: Token, out: list[tuple[float, Token]]) -> list[tuple[float, Token]]:
        # a complement in another paragraph is a parser error (a heading run into the next sentence)
        text = self.text
        lo = text.rfind("\n", 0, tok.idx) + 1
        hi = text.find("\n", tok.idx)
        hi = len(text) if hi < 0 else hi
        out = [(p, c) for p, c in out if lo <= c.idx < hi]
        # the best-scored first -- but of two clauses (a parser error), the one after the cue
        out.sort(key=lambda pc: -pc[0])
        clauses = [pc for pc in out if pc[1].dep_ in _CLAUSE_DEPS]
        if len(clauses) > 1 and out[0] in clauses:
            right = [pc for pc in clauses if pc[1].i > tok.i]
            if right:
                out.remove(right[0])
                out.insert(0, right[0])
        return out

    def _scored_complements(self, tok: Token) -> list[tuple[float, Token]]:
        out: list[tuple[float, Token]] = []
        children = [c for c in tok.children if c.dep_ in CONTENT_DEPS]
        if not children or tok.pos_ not in CUE_POS:
            return out
        subject = subject_of(tok)
        root = subject.root if subject is not None else None
        quoted = self.quoted(tok.idx)
        lemma = tok.lemma_.lower()
        for child in children:
            p = self.model.probability(pair_features(tok, child, root, quoted))
            if child.dep_ in _CLAUSE_DEPS and (lemma in SPEECH_VERBS or lemma in BELIEF_VERBS):
                p = max(p, self.model.threshold)  # a verb of saying with a clause: always a candidate
            if p < self.model.threshold:
                continue
            if child.dep_ == "prep":
                child = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                if child is None:
                    continue
            out.append((p, child))
        return self._in_paragraph(tok, out)

    def token_at(self, char: int) -> int:
        """Index of the token that contains or follows character ``char``."""
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def syntactic(self) -> list[Candidate]:
        out: list[Candidate] = []
        for tok in self.doc:
            if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
                cand = self._according(tok)
            elif tok.pos_ == "NOUN":
                cand = self._nominal(tok)
            else:
                cand = self._verbal(tok)
            if cand is not None:
                out.append(cand)
        return out

    def _verbal(self, tok: Token) -> Candidate | None:
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        lemma = tok.lemma_.lower()
        kind = "speech" if lemma in SPEECH_VERBS else "belief"
        options = self.complements(tok)
        content: CharSpan | None = None
        prior = 0.0
        form = "clause"
        raised = False
        if options:
            prior, clause = options[0]
            form = "clause" if clause.dep_ in _CLAUSE_DEPS else "object"
            end = clause.right_edge.i + 1
            if clause.i > tok.i:
                tail = _OBJECT_TAIL if form == "object" else _CLAUSE_TAIL
                # "called half of them “deplorables”", "cited the election as a reason to ...": the object and
                # what completes it; "says she hopes to win, but she knows that ...": coordinated clauses
                for child in tok.rights:
                    if child.i > clause.i and child.dep_ in tail and "\n" not in self.doc[clause.i : child.i].text:
                        if child.dep_ == "conj" and self.cue_kind(child) is not None:
                            break  # "said X and added Y": the next cue starts its own attribution
                        if child.lower_ == "according":
                            break
                        end = max(end, child.right_edge.i + 1)
            start = clause.left_edge.i
            if clause.dep_ == "xcomp" and (lemma in _RAISING or lemma in _RAISING_PASSIVE and any(
                    c.dep_ == "nsubjpass" for c in tok.children)):
                # "About one in nine voters is expected to be Latino": the whole clause is the claim
                subj = next((c for c in tok.children if c.dep_ in _SUBJECTS), None)
                if subj is not None and subj.i < tok.i:
                    start = subj.left_edge.i
                    raised = True
            content = _span_chars(self.doc, start, end)
        elif tok.dep_ == "parataxis" and self.cue_kind(tok):
            # "Too often, Mr. Clarke said, the debate ..." -> the host clause, interruption included
            host = tok.head
            lo, hi = host.left_edge.i, host.right_edge.i + 1
            if host.pos_ not in ("VERB", "AUX"):  # misparsed around the cue: the sentence is the host
                lo, hi = tok.sent.start, tok.sent.end
            left, right = tok.left_edge.i, tok.right_edge.i + 1
            while hi > right and self.doc[hi - 1].is_punct:
                hi -= 1
            if right >= hi:  # "“The pier will close,” she said." -- the cue clause closes the sentence
                content = _span_chars(self.doc, lo, left)
            elif left <= lo:  # "She said, the pier will close."
                content = _span_chars(self.doc, right, hi)
            else:  # interrupted: the envelope, interruption included
                content = _span_chars(self.doc, lo, hi)
            prior = self.cue_kind(tok)[1] - 0.1
        if content is None:
            return None
        source = None if raised else subject_of(tok) or _left_name(self.doc, tok)
        if kind == "speech" and source is not None and source.root.lemma_.lower() in ("report", "study", "poll",
                                                                                         "survey", "data"):
            kind = "document"
        if tok.lemma_.lower() in DOCUMENT_VERBS and source is not None and source.root.pos_ == "NOUN" \
                and source.root.lemma_.lower() not in ("official", "spokesman", "spokeswoman"):
            if tok.lemma_.lower() in ("find", "show", "indicate", "reveal", "estimate"):
                kind = "document"
        return Candidate(
            content=content,
            cue=tok,
            cue_span=CharSpan(tok.idx, tok.idx + len(tok.text)),
            source=source,
            kind=kind,
            confidence=prior if source is not None else prior - 0.2,
            origin="verb",
            form=form,
        )

    def _according(self, tok: Token) -> Candidate | None:
        to = next(c for c in tok.children if c.lower_ == "to")
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        source = self.doc[obj.left_edge.i : obj.right_edge.i + 1]
        host = tok.head
        phrase_start, phrase_end = tok.i, obj.right_edge.i + 1
        comma = next((t for t in source if t.text == "," and t.i > obj.i), None)
        if comma is not None and any(t.pos_ in ("VERB", "AUX") and t.i > comma.i for t in source):
            # "According to X, the move reeks of ..." parsed as one phrase: the clause after the comma is the content
            clause_end = source.end
            source = self.doc[obj.left_edge.i : comma.i]
            content = _span_chars(self.doc, comma.i + 1, clause_end)
            if content is None:
                return None
            return Candidate(content=content, cue=tok, cue_span=CharSpan(tok.idx, to.idx + len(to.text)),
                             source=source, kind="speech", confidence=0.6, origin="according")
        root = tok.sent.root
        if (tok.i <= tok.sent.start + 1 or phrase_end >= tok.sent.end - 1) and root.i != tok.i:
            host = root  # a sentence-initial or sentence-final "according to" scopes over the whole sentence
        lo, hi = host.left_edge.i, host.right_edge.i + 1
        while hi > phrase_end and self.doc[hi - 1].is_punct:
            hi -= 1
        if tok.i <= lo:  # "According to X, ..."
            # "According to X, the city's engineer, the supports ..." -- an apposition the parser made a subject
            subjects = [c for c in host.children if c.dep_ in _SUBJECTS]
            if len(subjects) >= 2:
                edge = subjects[0].right_edge.i
                if self.doc[edge].text != "," and edge + 1 < len(self.doc) and self.doc[edge + 1].text == ",":
                    edge += 1
                if self.doc[edge].text == ",":
                    phrase_end = edge + 1
                    source = self.doc[obj.left_edge.i : edge]
            content = _span_chars(self.doc, phrase_end, hi)
        elif phrase_end >= hi:  # "..., according to X."
            content = _span_chars(self.doc, lo, phrase_start)
        else:  # "..., according to X, and ...": the clause before it
            content = _span_chars(self.doc, lo, phrase_start)
        if content is None or len(content) == 0:
            return None
        return Candidate(
            content=content,
            cue=tok,
            cue_span=CharSpan(tok.idx, to.idx + len(to.text)),
            source=source,
            kind="speech",
            confidence=0.75,
            origin="according",
        )

    def _nominal(self, tok: Token) -> Candidate | None:
        """"Trump's warning that ...", "the claim that ..." -- and nouns the cue model scores as introducing
        attributed content ("Clinton's criticism of the plan", "his support for the bill")."""
        clause = next(
            (c for c in tok.children if c.dep_ in ("acl", "ccomp", "appos") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children)),
            None,
        )
        form = "clause"
        prior = 0.6
        if clause is None or tok.lemma_.lower() not in SPEECH_NOUNS:
            options = self.complements(tok) if self.model is not None else []
            if not options:
                return None
            prior, clause = options[0]
            form = "object"
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        source = _phrase(self.doc, poss) if poss is not None else None
        if form == "object" and source is None:
            return None  # a stance noun without its holder ("the support for ...") says nothing about who
        return Candidate(
            content=_span_chars(self.doc, clause.left_edge.i, clause.right_edge.i + 1),
            cue=tok,
            cue_span=CharSpan(tok.idx, tok.idx + len(tok.text)),
            source=source,
            kind="speech" if form == "clause" else "belief",
            confidence=prior if source is not None else prior - 0.2,
            origin="noun",
            form=form,
        )


def subject_of(verb: Token) -> Span | None:
    """The verb's subject phrase, inherited along participles and conjunctions ("…, saying …")."""
    doc = verb.doc
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subj is None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            if agent is not None:
                subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if subj is not None:
            return _phrase(doc, subj)
        if verb.dep_ in ("advcl", "conj", "xcomp", "acl", "acomp") and verb.head != verb:
            verb = verb.head
            continue
        if verb.dep_ == "pcomp" and verb.head.head != verb.head:
            # "by marveling at ...", "for refusing to ...": through the preposition to what it modifies
            host = verb.head.head
            if host.pos_ in ("NOUN", "PROPN"):
                poss = next((c for c in host.children if c.dep_ == "poss"), None)
                return _phrase(doc, poss) if poss is not None else None
            verb = host
            continue
        break
    return None


def _phrase(doc: Doc, head: Token) -> Span:
    """A noun phrase with its modifiers, without trailing punctuation, within the head's paragraph."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    for k in range(head.i - 1, start - 1, -1):
        if "\n" in doc[k].text:
            start = k + 1
            break
    for k in range(head.i + 1, end):
        if "\n" in doc[k].text:
            end = k
            break
    # a dateline or a fronted phrase the parser took in: "BRUSSELS - European leaders", "the vote, Jo Roe"
    name_start = head.i
    while name_start > start and doc[name_start - 1].dep_ in ("compound", "amod", "det", "poss", "nummod", "case") \
            and doc[name_start - 1].text not in ",-—–":
        name_start -= 1
    for k in range(name_start - 1, start - 1, -1):
        if doc[k].text in ("-", "—", "–", "--") and k > 0 and doc[k - 1].whitespace_:
            start = k + 1
            break
    if start < head.i and doc[start].dep_ == "advmod" and doc[start].lower_ in _FOCUS_ADVERBS:
        start += 1  # "Even China, ..."
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return doc[start:end]


def _span_chars(doc: Doc, start: int, end: int) -> CharSpan | None:
    if end <= start:
        return None
    piece = doc[start:end].text  # a slice's text, not the whole document's (Doc.text rebuilds it)
    base = doc[start].idx
    s, e = 0, len(piece)
    while s < e and piece[s] in _PUNCT_EDGE:
        s += 1
    while e > s and piece[e - 1] in _PUNCT_EDGE:
        e -= 1
    if e <= s:
        return None
    return CharSpan(base + s, base + e)


_SPEAKER_LABEL = re.compile(r"^[\"“]?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(?=\S)", re.MULTILINE)


def _transcript_lines(doc: Doc, cues: _CueFinder) -> list[Candidate]:
    """Transcript and Q&A paragraphs: ``PENCE: Well, look ...`` / ``Lin Okafor: We will build it.``"""
    text = cues.text
    out = []
    for m in _SPEAKER_LABEL.finditer(text):
        label = m.group(1)
        if label.lower() in _NOT_LABELS or len(label) < 2:
            continue
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


#: Line labels that are not speakers.
_NOT_LABELS = frozenset(
    """note update updated editor's correction related read watch photo video source sources disclaimer
    warning advertisement listen also see subscribe q a question answer""".split()
)


def _trim(text: str, start: int, end: int) -> CharSpan | None:
    while start < end and text[start] in _PUNCT_EDGE + "\"“”":
        start += 1
    while end > start and text[end - 1] in _PUNCT_EDGE + "\"“”":
        end -= 1
    return CharSpan(start, end) if end > start else None


def _quoted_test(quotes: list[Quote]) -> Callable[[int], bool]:
    starts = [q.content.start for q in quotes]

    def quoted(char: int) -> bool:
        k = bisect.bisect_right(starts, char) - 1
        return k >= 0 and quotes[k].content.start <= char < quotes[k].content.end

    return quoted


def _within_paragraph(text: str, cand: Candidate) -> Candidate | None:
    """Clip a syntactic content to the cue's paragraph: the parser sometimes runs a clause over a break."""
    if cand.cue_span is None or "\n" not in text[cand.content.start : cand.content.end]:
        return cand
    para_start = text.rfind("\n", 0, cand.cue_span.start) + 1
    para_end = text.find("\n", cand.cue_span.end)
    para_end = len(text) if para_end < 0 else para_end
    start, end = max(cand.content.start, para_start), min(cand.content.end, para_end)
    while start < end and text[start] in _PUNCT_EDGE:
        start += 1
    while end > start and text[end - 1] in _PUNCT_EDGE:
        end -= 1
    if end - start < 3:
        return None
    return replace(cand, content=CharSpan(start, end))


def _in_heading(text: str, tok: Token) -> bool:
    """Is the token in a heading, caption or boilerplate line ("Story continues below advertisement")?
    Such a line is short and does not end like a sentence."""
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    line = text[start : len(text) if end < 0 else end].strip()
    return len(line.split()) < 16 and line[-1:] not in ".!?\"”’'»:,;)"


def _outside_quotes(candidates: list[Candidate], quotes: list[Quote]) -> list[Candidate]:
    """Drop cues inside a quotation ("“I think we won,” she said"): the quoted words are the speaker's own."""
    if not quotes:
        return candidates
    starts = [q.content.start for q in quotes]
    out = []
    for c in candidates:
        if c.cue_span is not None:
            k = bisect.bisect_right(starts, c.cue_span.start) - 1
            if k >= 0 and quotes[k].content.contains(c.cue_span):
                continue
        out.append(c)
    return out


# -- quotations ---------------------------------------------------------------------------------------------
def _attach_quotes(doc: Doc, quotes: list[Quote], candidates: list[Candidate], cues: _CueFinder) -> list[Candidate]:
    text = cues.text
    out = list(candidates)
    for q in quotes:
        words = q.word_count(text)
        inside = [i for i, c in enumerate(out) if c.content.overlaps(q.content)]
        if inside:
            best = max(inside, key=lambda i: (_trimmed_within(text, out[i].content, q.content),
                                              _overlap(out[i].content, q.content)))
            cand = out[best]
            if _trimmed_within(text, cand.content, q.content):
                # the cue's clause is (part of) the quotation: the whole quotation is what was said
                out[best] = replace(cand, content=q.content, quote=q, confidence=max(cand.confidence, 0.85))
                continue
            if q.content.start >= cand.content.start and q.content.end <= cand.content.end + 2:
                continue  # a quoted fragment inside reported speech: a mixed quotation
        if words < 3 and not _sentence_like(text, q):
            continue  # scare quotes, titles, nicknames
        if any(c.source is not None and c.source.start_char <= q.span.start < c.source.end_char for c in out):
            continue  # a quoted fragment inside a source phrase ("Doug Purdy, who lost “two belt loops”, says")
        if words < 6 and q.content.of(text)[:1].islower() and not text[: q.span.start].rstrip().endswith(":"):
            continue  # a quoted fragment of a sentence that nothing attributes
        cand = _cue_after(doc, q, cues) or _cue_before(doc, q, cues) or _dash(doc, q, cues)
        if cand is not None:
            out.append(cand)
            continue
        out.append(
            Candidate(
                content=q.content, cue=None, cue_span=None, source=None, kind="speech",
                confidence=0.45, origin="continuation", quote=q,
            )
        )
    return out


def _cue_after(doc: Doc, q: Quote, cues: _CueFinder) -> Candidate | None:
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


def _cue_before(doc: Doc, q: Quote, cues: _CueFinder) -> Candidate | None:
    """``She said: “…”`` / ``Trump added, “…”`` / ``The statement read: “…”``."""
    text = cues.text
    lead = text[: q.span.start].rstrip()
    if not lead or lead[-1] not in ":,":
        return None
    end_i = cues.token_at(len(lead) - 1)
    para_start = text.rfind("\n", 0, q.span.start) + 1
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


def _dash(doc: Doc, q: Quote, cues: _CueFinder) -> Candidate | None:
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


def _left_name(doc: Doc, verb: Token) -> Span | None:
    """A name or pronoun right before a verb the parser left without a subject (``”, Seely wrote``)."""
    end = verb.i
    while end > 0 and doc[end - 1].dep_ in ("aux", "neg", "advmod") and doc[end - 1].pos_ in ("AUX", "PART", "ADV") \
            and not doc[end - 1].is_title:
        end -= 1
    start = end
    while start > 0 and (doc[start - 1].pos_ in ("PROPN", "PRON") or doc[start - 1].is_title) \
            and doc[start - 1].tag_ not in ("PRP$", "WDT", "WP") and not doc[start - 1].is_sent_start:
        start -= 1
    if start == end or end - start > 5:
        return None
    return doc[start:end]


def _inverted_source(doc: Doc, verb: Token) -> Span | None:
    """``said Jane Roe, the mayor``: the noun phrase after the verb."""
    for child in verb.rights:
        if child.dep_ in ("nsubj", "dobj", "npadvmod", "attr") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return _phrase(doc, child)
    nxt = verb.i + 1
    if nxt < len(doc) and doc[nxt].pos_ in ("PROPN", "DET", "NOUN"):
        end = nxt
        while end < len(doc) and doc[end].pos_ in ("PROPN", "DET", "NOUN", "ADJ", "PUNCT") and doc[end].text not in ",.":
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


# -- relays -------------------------------------------------------------------------------------------------
def _relays(doc: Doc, candidates: list[Candidate], *, keep_relayed: bool = False) -> list[Candidate]:
    """An "according to X" inside another attribution's sentence relays that attribution (its ``via``); with
    ``keep_relayed`` (broad attribution, as PARC annotates it) it also stays an attribution of its own."""
    out: list[Candidate] = []
    according = [c for c in candidates if c.origin == "according"]
    others = [c for c in candidates if c.origin != "according"]
    absorbed: set[int] = set()
    for c in others:
        if c.cue is None:
            out.append(c)
            continue
        relays = list(c.relays)
        for k, a in enumerate(according):
            if k in absorbed or a.cue is None or a.cue.sent != c.cue.sent:
                continue
            if _governs(c.cue, a.cue) or (c.quote is not None and a.cue.i > c.cue.i):
                relays.append(relay_from(a.source))
                absorbed.add(k)
                if c.content.start < a.cue_span.start < c.content.end and a.source.end_char >= c.content.end - 1:
                    cut = _span_chars(doc, _token_index(doc, c.content.start), _token_index(doc, a.cue_span.start))
                    if cut is not None:
                        c = replace(c, content=cut)
        out.append(replace(c, relays=tuple(relays)) if relays else c)
    out.extend(a for k, a in enumerate(according) if keep_relayed or k not in absorbed)
    return out


def _token_index(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else len(doc)


def _governs(cue: Token, other: Token) -> bool:
    """Is ``other`` within the clause of ``cue`` (the cue itself or one of its descendants)?"""
    node = other
    for _ in range(40):
        if node == cue:
            return True
        if node.head == node:
            return False
        node = node.head
    return False


# -- writing out --------------------------------------------------------------------------------------------
def _finish(doc: Doc, text: str, candidates: list[Candidate], quotes: list[Quote]) -> tuple[Attribution, ...]:
    # names inside what was said are not antecedents for the next "he said"
    said = _merge([(c.content.start, c.content.end) for c in candidates] + [(q.content.start, q.content.end) for q in quotes])
    resolver = SpeakerResolver(doc, said)
    quote_spans = [q.content for q in quotes]
    candidates = _dedupe(sorted(candidates, key=lambda c: (c.content.start, -len(c.content))))
    result: list[Attribution] = []
    last: Attribution | None = None
    for cand in sorted(candidates, key=lambda c: c.content.start):
        if cand.origin == "continuation":
            if last is None or last.speaker is None and last.speaker_description is None:
                continue
            gap = text[last.content.end : cand.content.start]
            if gap.count("\n") > 2 or len(gap) > 600:
                continue
            # “A,” she said, “B.” / “A,” she said. “B.” -- the paragraph's quotations share source and cue;
            # a quotation in a later paragraph inherits only the speaker
            interrupted = last.cue is not None and ("\n" not in gap or _opens_paragraph(text, cand.content))
            result.append(
                replace(last, content=cand.content, type="direct",
                        source=last.source if interrupted else None, cue=last.cue if interrupted else None,
                        confidence=round(min(last.confidence, 0.85 if interrupted else 0.7), 3))
            )
            continue
        speaker = resolver.resolve(cand.source) if cand.source is not None else Speaker(None, "unknown")
        anchor = cand.cue.i if cand.cue is not None else (cand.source.start if cand.source is not None else 0)
        resolver.note(anchor, speaker)
        attribution = Attribution(
            content=cand.content,
            source=CharSpan(cand.source.start_char, cand.source.end_char) if cand.source is not None else None,
            cue=cand.cue_span,
            speaker=speaker.name,
            speaker_kind=speaker.kind,
            speaker_description=speaker.description if speaker.name is None else None,
            type=_type_of(text, cand.content, cand.quote, quote_spans),
            medium=medium_for(text, cand.cue, cand.source.root if cand.source is not None else None),
            cue_kind=cand.kind,
            via=cand.relays,
            confidence=round(max(0.05, min(0.99, cand.confidence - (0.15 if speaker.name is None else 0.0))), 3),
        )
        result.append(attribution)
        last = attribution
    return tuple(result)


def _opens_paragraph(text: str, span: CharSpan) -> bool:
    """Does the span open its paragraph (after its quotation mark)? Such a continuation quotation carries on
    the previous statement, as news style writes a speech that runs over several paragraphs."""
    start = text.rfind("\n", 0, span.start) + 1
    return not text[start : span.start].strip(" \t\"“”«»„'`")


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _dedupe(candidates: list[Candidate]) -> list[Candidate]:
    """One attribution per content: keep the most confident of candidates whose content mostly coincides."""
    kept: list[Candidate] = []
    for cand in candidates:
        clash = next(
            (k for k, other in enumerate(kept)
             if _overlap(cand.content, other.content) >= 0.8 * min(len(cand.content), len(other.content))),
            None,
        )
        if clash is None:
            kept.append(cand)
        elif _rank(cand) > _rank(kept[clash]):
            kept[clash] = cand
    return kept


def _rank(c: Candidate) -> tuple[float, int]:
    return (c.confidence + (0.2 if c.source is not None else 0.0) - (0.3 if c.origin == "continuation" else 0.0),
            len(c.content))


def _type_of(text: str, content: CharSpan, quote: Quote | None, quote_spans: list[CharSpan]) -> str:
    if quote is not None and quote.content == content:
        return "direct"
    for q in quote_spans:
        if _trimmed_within(text, content, q):
            return "direct"
    for q in quote_spans:
        if q.overlaps(content):
            return "mixed"
    return "indirect"
