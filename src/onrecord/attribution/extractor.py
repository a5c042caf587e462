"""The attribution stages over one parsed Doc, in order, each a function with one typed entry point.

1. **quotations** (:func:`find_quotations`): quotation marks paired in the raw text, paragraph by paragraph
   (``quotes``); a paragraph whose marks do not pair is recorded as skipped;
2. **cues** (:func:`find_cues`): cues on the parse (``cues``) -- verbs of saying/believing with a clause
   complement, "according to", nouns of saying with a that-clause, parenthetical "X said" -- and transcript
   lines; the scope keeps statements only or all of them;
3. **contents** (:func:`find_contents`): relays ("according to X" inside another attribution), each quotation
   attached to a cue or continuing the previous speaker's attribution (``attach``), cue phrases, one statement
   per content;
4. **sources** (:func:`onrecord.attribution.records.find_sources`): each content's speaker (``resolution``);
5. **records** (:func:`onrecord.attribution.records.build_records`): the :class:`~onrecord.types.Attribution`
   records, with their channel (``channels``) and relays (``relays``).

Each stage gives, beside its result, its spans under the ``doc.spans`` keys of :mod:`onrecord.attribution.keys`
(``onrecord_quotations``, ``onrecord_cues``, ``onrecord_contents``, ``onrecord_sources``); :func:`predict` collects
them with the records and touches nothing, the spaCy component writes them (token-aligned views, for inspection;
the records keep the exact character offsets).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from onrecord.attribution.arrays import shared, text_of
from onrecord.attribution.attach import attach_quotes
from onrecord.attribution.candidates import unsaid
from onrecord.attribution.cues import CueFinder, Statement
from onrecord.attribution.cuesources import issuer_phrase
from onrecord.attribution.headings import HEADING_RULES
from onrecord.attribution.keys import CONTENTS, CUES, QUOTATIONS, Groups, SpanItem
from onrecord.attribution.layout import in_heading
from onrecord.attribution.nested import NESTED, nested_statements
from onrecord.attribution.phrases import PUNCT_EDGE, cue_phrase, span_chars
from onrecord.attribution.pullquotes import pull_quotes
from onrecord.attribution.quotes import Quote, find_quotes, in_double_marks, inside_quotes
from onrecord.attribution.records import build_records, find_sources, type_of
from onrecord.attribution.relays import relay_from
from onrecord.attribution.subjects import subject_of
from onrecord.attribution.transcripts import qa_lines, transcript_lines
from onrecord.lexicon.en import ASKED_IF_WORDS, ASKING_VERBS, QUESTION_WORDS, REFERRING_VERBS, SPEECH_VERBS
from onrecord.settings import CUE_SPANS, SCOPES
from onrecord.spans import merge, overlap, strip_chars
from onrecord.types import Attribution, CharSpan, Skipped

__all__ = [
    "Contents",
    "Cues",
    "Prediction",
    "Quotations",
    "find_attributions",
    "find_contents",
    "find_cues",
    "find_quotations",
    "predict",
    "subject_of",  # subject_of lives in phrases; re-exported for older imports
    "type_of",
]

# What counts as an attribution (see onrecord.settings.Settings.scope): ``quotes`` -- statements (speech,
# writing, documents) whose content is a clause or a quotation, i.e. who said what; ``all`` -- broad attribution
# as in PARC/PolNeAR, adding beliefs, intentions and stances ("Trump wants to ...", "Clinton supports the bill").


def find_attributions(
    doc: Doc, *, scope: str = "quotes", cue_span: str = "phrase", cue_threshold: float | None = None
) -> tuple[tuple[Attribution, ...], tuple[Skipped, ...]]:
    """Every attribution in a parsed article, and the paragraphs that could not be read fully.

    ``scope`` and ``cue_span`` are :class:`onrecord.settings.Settings`' fields of those names. ``cue_threshold``
    overrides the cue model's threshold (the accurate mode reads more candidates and lets its tagger judge them).
    """
    found = predict(doc, scope=scope, cue_span=cue_span, cue_threshold=cue_threshold)
    return found.attributions, found.skipped


@dataclass(frozen=True, slots=True)
class Prediction:
    """A whole run's result: the records, the parts that could not be read, and the stages' span groups (by
    ``doc.spans`` key; :func:`onrecord.attribution.keys.write_groups` writes them)."""

    attributions: tuple[Attribution, ...]
    skipped: tuple[Skipped, ...]
    spans: Groups


def predict(
    doc: Doc, *, scope: str = "quotes", cue_span: str = "phrase", cue_threshold: float | None = None
) -> Prediction:
    """Run the stages in order over a parsed article (see :func:`find_attributions`); touches nothing."""
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}; expected one of {SCOPES}")
    if cue_span not in CUE_SPANS:
        raise ValueError(f"unknown cue_span {cue_span!r}; expected one of {CUE_SPANS}")
    with shared(doc):  # the token arrays of the passes over the whole doc, read once
        quotations = find_quotations(doc)
        cues = find_cues(doc, quotations, scope=scope, cue_threshold=cue_threshold)
        contents = find_contents(doc, quotations, cues, scope=scope, cue_span=cue_span)
        sources = find_sources(doc, contents.statements, contents.said, text=quotations.text)
        records = build_records(doc, sources.sourced, quotations.quotes, text=quotations.text)
    if scope == "quotes":  # (a reported question is no statement; it stays a context for the speakers until here)
        records = tuple(r for r, s in zip(records, sources.sourced, strict=True)
                        if r.type != "indirect" or not _asks(s.statement))
    spans = {**quotations.spans, **cues.spans, **contents.spans, **sources.spans}
    return Prediction(records, tuple(quotations.skipped), spans)


# -- the stages' results ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Quotations:
    """The quotations stage's result: the article's text (read once), its quotations, what could not be read."""

    text: str
    quotes: list[Quote]
    skipped: list[Skipped]

    @property
    def spans(self) -> Groups:
        """``onrecord_quotations``: each quotation, its marks included."""
        return {QUOTATIONS: [(q.span, "quotation", "") for q in self.quotes]}


@dataclass(frozen=True, slots=True)
class Cues:
    """The cues stage's result: the statements the cues start, and the finder (it also judges later tokens)."""

    finder: CueFinder
    statements: list[Statement]

    @property
    def spans(self) -> Groups:
        """``onrecord_cues``: each statement's cue, labelled with its kind."""
        return {CUES: _cue_spans(self.statements)}


@dataclass(frozen=True, slots=True)
class Contents:
    """The contents stage's result: one statement per content in text order, and the ranges of everything said
    (every content found and every quotation, merged), whose names are no antecedents for a later "he said"."""

    statements: list[Statement]
    said: list[tuple[int, int]]

    @property
    def spans(self) -> Groups:
        """``onrecord_contents``: each content, labelled with the rule (or the way) that found it; and
        ``onrecord_cues`` again: the cues as they now stand."""
        return {CONTENTS: [(c.content, c.rule or c.origin, "") for c in self.statements],
                CUES: _cue_spans(self.statements)}


# -- 1. quotations ------------------------------------------------------------------------------------------
def find_quotations(doc: Doc) -> Quotations:
    """The quotations of the article, and the paragraphs whose marks do not pair. The text the later stages read
    is the article's with a British-style article's marks read as double ones (:func:`in_double_marks`: same
    offsets), so every rule that looks at the marks reads its quotations as any other outlet's."""
    text = in_double_marks(text_of(doc))
    quotes, skipped = find_quotes(text, double_marks=True)
    return Quotations(text, quotes, skipped)


# -- 2. cues ------------------------------------------------------------------------------------------------
def find_cues(
    doc: Doc, quotations: Quotations, *, scope: str = "quotes", cue_threshold: float | None = None
) -> Cues:
    """The statements the parse's cues start, and the transcript lines. Scope ``quotes`` keeps statements only:
    no beliefs or stances, no findings of data ("the poll shows ..."), and an act's object only where it quotes
    someone ("urged an “end to the violence”")."""
    text, quotes = quotations.text, quotations.quotes
    finder = CueFinder(doc, text, quoted=inside_quotes(quotes), threshold=cue_threshold)
    if scope == "quotes":
        statements = _statements_only(text, finder.statements(unsaid(text, quotes)), quotes)
    else:
        statements = finder.statements()
    clipped = [_within_paragraph(text, c) for c in statements
               if c.cue is None or not in_heading(text, c.cue) or HEADING_RULES.first(c) is not None]
    statements = [c for c in clipped if c is not None and any(ch.isalnum() for ch in c.content.of(text))]
    lines = transcript_lines(doc, finder)
    statements += lines + qa_lines(doc, finder, lines)
    statements += pull_quotes(doc, finder, statements)
    return Cues(finder, statements)


def _cue_spans(statements: list[Statement]) -> list[SpanItem]:
    return [(c.cue_span, c.kind, "") for c in statements if c.cue_span is not None]


def _statements_only(text: str, statements: list[Statement], quotes: list[Quote]) -> list[Statement]:
    """Scope ``quotes``: statements only (see :func:`find_cues`)."""
    kept = [
        c for c in statements
        if (c.kind != "belief"
            and not (c.kind == "document" and c.cue is not None and c.cue.lemma_.lower() not in SPEECH_VERBS))
        or (c.form == "clause" and _quotes_within(text, c, quotes)) or _cites(c)
    ]
    clauses = [c for c in kept if c.form == "clause"]
    objects = [_quoted_object(text, c, quotes, clauses) for c in kept if c.form != "clause"]
    return clauses + [c for c in objects if c is not None]


def _asks(c: Statement) -> bool:
    """Is the statement's content an embedded question ("asked whether the pier would close", "would not say
    which ferries stop", "explained why it failed", "asked if the ferry stops")? It asks, withholds or explains; it
    asserts nothing. (Scope ``quotes`` leaves such a reported question out; a quoted one is someone's words.) Not a
    question word that opens a subject clause ("said what happened was a mistake": that asserts), nor "if" after a
    verb that does not ask ("said if it rains the pier closes": a condition)."""
    if c.cue is None or c.form != "clause":
        return False
    span = c.cue.doc.char_span(c.content.start, c.content.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    first = span[0].lower_
    if first not in QUESTION_WORDS and not (first in ASKED_IF_WORDS and c.cue.lemma_.lower() in ASKING_VERBS):
        return False
    tok, root = span[0], span.root
    while tok != root and tok.head != tok:
        if tok.dep_ in ("csubj", "csubjpass"):
            return False
        tok = tok.head
    return True


# -- 3. contents --------------------------------------------------------------------------------------------
def find_contents(
    doc: Doc, quotations: Quotations, cues: Cues, *, scope: str = "quotes", cue_span: str = "phrase"
) -> Contents:
    """One statement per content, in text order: relays folded into the statements they relay, cues inside
    quotations dropped, quotations attached to their cues (or continuing the attribution before them), one-word
    verb cues widened to their phrase with ``cue_span="phrase"``, and of statements whose contents mostly
    coincide the surest kept."""
    quotes = quotations.quotes
    statements = _relays(doc, cues.statements, keep_relayed=scope == "all")
    statements = _outside_quotes(statements, quotes)
    statements = attach_quotes(doc, quotes, statements, cues.finder)
    statements += nested_statements(doc, quotes, cues.finder, statements)
    if cue_span == "phrase":
        statements = [_with_cue_phrase(doc, c) for c in statements]
    said = merge([(c.content.start, c.content.end) for c in statements]
                 + [(q.content.start, q.content.end) for q in quotes])
    statements = _dedupe(sorted(statements, key=lambda c: (c.content.start, -len(c.content))))
    return Contents(sorted(statements, key=lambda c: c.content.start), said)


def _quotes_within(text: str, cand: Statement, quotes: list[Quote]) -> bool:
    """Does the clause quote someone's words ("fired back that the “voters chose me twice”")? Then its subject
    said them, whatever the verb: a statement in scope ``quotes`` too, not a quotation left to the last speaker."""
    return any(cand.content.start <= q.content.start and q.content.end <= cand.content.end + 2
               and q.word_count(text) >= 3 and not text[: q.span.start].rstrip().endswith(":")
               for q in quotes)  # (not a quotation a colon introduces: "… but he resents it: “…”" stands alone)


def _cites(cand: Statement) -> bool:
    """Is the statement a verb of referring with an object ("cited “delays in hiring skilled welders”")? Its
    quoted object is the subject's words, as a verb of saying's is (:func:`_quoted_object`)."""
    return cand.form != "clause" and cand.cue is not None and cand.cue.lemma_.lower() in REFERRING_VERBS


def _quoted_object(text: str, cand: Statement, quotes: list[Quote], clauses: list[Statement]) -> Statement | None:
    """The quotation in the object of a verb of saying ("urged an “end to the violence on all sides”"), as a
    statement of its own in scope ``quotes`` (the act itself is not one); None when it quotes nothing, or when
    a clause already reports the quotation ("repeated his warning that the quotas would “empty the villages”")."""
    if cand.kind != "speech" and not _cites(cand):
        return None
    for q in quotes:
        if cand.content.start <= q.content.start < cand.content.end and q.word_count(text) >= 4 \
                and "\n" not in text[cand.content.end : q.content.end] \
                and not any(c.content.overlaps(q.content) for c in clauses):
            return replace(cand, content=q.content, quote=q, form="clause")
    return None


def _with_cue_phrase(doc: Doc, cand: Statement) -> Statement:
    """Widen a one-word verb cue to its phrase (auxiliaries, adverbs, the words leading to the content)."""
    cue = cand.cue
    if cue is None or cand.cue_span is None or cue.pos_ not in ("VERB", "AUX") \
            or cand.cue_span != CharSpan(cue.idx, cue.idx + len(cue.text)):
        return cand
    issued = issuer_phrase(cue, cand.source)  # ("released a statement saying": the cue; its issuer the source)
    if issued is not None:
        return replace(cand, cue_span=issued[0], source=issued[1])
    return replace(cand, cue_span=cue_phrase(doc, cue, cand.content))


def _within_paragraph(text: str, cand: Statement) -> Statement | None:
    """Clip a syntactic content to the cue's paragraph: the parser sometimes runs a clause over a break."""
    if cand.cue_span is None or "\n" not in text[cand.content.start : cand.content.end]:
        return cand
    para_start = text.rfind("\n", 0, cand.cue_span.start) + 1
    para_end = text.find("\n", cand.cue_span.end)
    para_end = len(text) if para_end < 0 else para_end
    start, end = strip_chars(text, max(cand.content.start, para_start), min(cand.content.end, para_end), PUNCT_EDGE)
    if end - start < 3:
        return None
    return replace(cand, content=CharSpan(start, end))


def _outside_quotes(candidates: list[Statement], quotes: list[Quote]) -> list[Statement]:
    """Drop cues inside a quotation ("“I think we won,” she said"): the quoted words are the speaker's own."""
    if not quotes:
        return candidates
    starts = [q.content.start for q in quotes]
    out = []
    for c in candidates:
        if c.cue_span is not None and c.origin != "transcript":  # a quoted transcript still names its speakers
            k = bisect.bisect_right(starts, c.cue_span.start) - 1
            if k >= 0 and quotes[k].content.contains(c.cue_span):
                continue
        out.append(c)
    return out


# -- relays -------------------------------------------------------------------------------------------------
def _relays(doc: Doc, candidates: list[Statement], *, keep_relayed: bool = False) -> list[Statement]:
    """An "according to X" inside another attribution's sentence relays that attribution (its ``via``); with
    ``keep_relayed`` (broad attribution, as PARC annotates it) it also stays an attribution of its own."""
    out: list[Statement] = []
    according = [c for c in candidates if c.origin == "according"]
    others = [c for c in candidates if c.origin != "according"]
    absorbed: set[int] = set()
    # the "according to" cues of each sentence, by its first token (a cue's sentence is found once, not once per
    # pair: that was time in the square of the number of attributions in a long article)
    by_sentence: dict[int, list[int]] = {}
    for k, a in enumerate(according):
        if a.cue is not None:
            by_sentence.setdefault(a.cue.sent.start, []).append(k)
    for c in others:
        if c.cue is None:
            out.append(c)
            continue
        relays = list(c.relays)
        for k in by_sentence.get(c.cue.sent.start, ()):
            a = according[k]
            if k in absorbed or a.cue is None or a.cue_span is None or a.source is None:
                continue  # (an "according to" statement always has its cue and source; this says so to mypy)
            if _governs(c.cue, a.cue) or (c.quote is not None and a.cue.i > c.cue.i):
                relays.append(relay_from(a.source))
                absorbed.add(k)
                if c.content.start < a.cue_span.start < c.content.end and a.source.end_char >= c.content.end - 1:
                    cut = span_chars(doc, _token_index(doc, c.content.start), _token_index(doc, a.cue_span.start))
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


def _dedupe(statements: list[Statement]) -> list[Statement]:
    """One attribution per content: keep the most confident of statements whose content mostly coincides."""
    kept: list[Statement] = []
    for cand in statements:
        clash = next(
            (k for k, other in enumerate(kept)
             if overlap(cand.content, other.content) >= 0.8 * min(len(cand.content), len(other.content))
             and NESTED not in (cand.origin, other.origin)),  # (a quotation inside another is a statement too)
            None,
        )
        if clash is None:
            kept.append(cand)
        elif _rank(cand) > _rank(kept[clash]):
            kept[clash] = cand
    return kept


def _rank(c: Statement) -> tuple[float, int]:
    # a transcript line's label is the surest speaker evidence: it wins over a quotation that runs over the lines
    return (c.confidence + (0.2 if c.source is not None else 0.0) - (0.3 if c.origin == "continuation" else 0.0)
            + (1.0 if c.origin == "transcript" else 0.0), len(c.content))
