"""The last two stages: each content's speaker (sources), then the attribution records (records).

:func:`find_sources` walks the contents in text order with one article's :class:`SpeakerResolver`: a content
with a source mention gets that mention's speaker; a quotation with no cue (a continuation) is the person's that
the sentence right after it names as its speaker ("That was the verdict of ..."), else the one the sentence right
before it is about, or else carries on the attribution before it. Its result gives the
``onrecord_sources`` group (:mod:`onrecord.attribution.keys`). :func:`build_records` turns it into
:class:`onrecord.types.Attribution` records, with their exact character offsets, type, channel and confidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.channels import medium_for
from onrecord.attribution.cues import Statement
from onrecord.attribution.keys import SOURCES, Groups
from onrecord.attribution.nested import NESTED
from onrecord.attribution.pullquotes import PULL_QUOTE
from onrecord.attribution.quotes import (
    AMBIGUOUS,
    CLOSING,
    OPENING,
    PAIRED_AMBIGUOUS,
    PAIRED_CURLY,
    PAIRED_OPEN,
    Quote,
)
from onrecord.attribution.resolution import UNKNOWN, Speaker, SpeakerResolver
from onrecord.attribution.resolution.names import hyphen_extent, person_name
from onrecord.attribution.resolution.people import people_by_evidence
from onrecord.attribution.subjects import subject_of
from onrecord.attribution.transcripts import QA_LABELS, qa_speakers
from onrecord.lexicon.en import VERDICT_NOUNS
from onrecord.spans import trimmed_within
from onrecord.types import Attribution, AttributionType, CharSpan

__all__ = ["Sourced", "Sources", "build_records", "find_sources", "quoted_parts", "type_of"]

#: How a content got its speaker: from its source mention, from a transcript line's label, from no source at
#: all, from the person the sentence before it is about, or by carrying on the attribution before it (with that
#: attribution's cue and source when the quotation is interrupted by them, with its speaker only when not).
How = Literal["source", "label", "none", "person-before", "continues", "continues-interrupted"]


@dataclass(frozen=True, slots=True)
class Sourced:
    """One content and its speaker: the sources stage's answer for one statement."""

    statement: Statement
    speaker: Speaker
    how: How
    cue: CharSpan | None  # the cue its record has (a continuation interrupted by a cue clause: the one before's)
    previous: int | None = None  # a continuation: the index, in the stage's list, of the attribution it carries
    # on (the last one before it with a speaker of its own)


@dataclass(frozen=True, slots=True)
class Sources:
    """The sources stage's result: each content and its speaker, in text order."""

    sourced: list[Sourced]

    @property
    def spans(self) -> Groups:
        """``onrecord_sources``: each record's source mention, labelled with the speaker kind, ``kb_id_`` the
        speaker's name ("" when unnamed)."""
        return {SOURCES: [(s.statement.source, s.speaker.kind, s.speaker.name or "") for s in self.sourced
                          if s.how in ("source", "label") and s.statement.source is not None]}


def find_sources(
    doc: Doc, statements: Sequence[Statement], said: list[tuple[int, int]], *, text: str | None = None
) -> Sources:
    """The speaker of each statement, in text order (``statements`` sorted by content start, one per content).

    ``said`` are the ranges of everything said (contents and quotations): names inside them are not antecedents
    for a later "he said". A continuation that carries on nothing is left out.
    """
    with people_by_evidence(doc):
        return _find_sources(doc, statements, said, doc.text if text is None else text)


def _find_sources(doc: Doc, statements: Sequence[Statement], said: list[tuple[int, int]], text: str) -> Sources:
    """find_sources, with the entities as speaker resolution reads them."""
    resolver = SpeakerResolver(doc, said, text=text)
    out: list[Sourced] = []
    last: int | None = None  # the last one with a speaker of its own: continuations carry it on, not each other
    qa: dict[str, str | None] | None = None  # who a Q&A's labels are (asked at its first line)
    for cand in statements:
        if cand.source is not None:
            cand = replace(cand, source=whole_hyphenated(cand.source))
        if cand.origin == "continuation":
            found = _continuation(doc, text, cand, out, last, resolver)
            if found is not None:
                if found.previous is None:
                    last = len(out)
                out.append(found)
            continue
        how: How
        if cand.source is None:
            speaker, how = Speaker(None, "unknown"), "none"
        elif cand.origin == "transcript" and cand.source.text in QA_LABELS:
            if qa is None:
                qa = qa_speakers(doc, text, lambda ent: resolver.fullest(person_name(ent)))
            name = qa[cand.source.text]
            speaker, how = Speaker(name, "person" if name else "unknown"), "label"
        elif cand.origin == "transcript":
            speaker, how = resolver.resolve_label(cand.source.text), "label"
        else:
            speaker, how = resolver.resolve(cand.source), "source"
        anchor = cand.cue.i if cand.cue is not None else (cand.source.start if cand.source is not None else 0)
        # (someone quoted inside a quotation, or in a pull quote set off from the story, is not the speaker the
        # story goes on with)
        if cand.origin not in (NESTED, PULL_QUOTE):
            resolver.note(anchor, speaker, cand.source if cand.origin != "transcript" else None)
            last = len(out)
        out.append(Sourced(cand, speaker, how, cand.cue_span))
    return Sources(out)


def whole_hyphenated(span: Span) -> Span:
    """A source cut inside a hyphenated name ("Greaves" of "Greaves-Mbeki said"), widened to the whole name."""
    start, end = hyphen_extent(span.doc, span.start, span.end)
    return span if (start, end) == (span.start, span.end) else span.doc[start:end]


def _continuation(
    doc: Doc, text: str, cand: Statement, out: list[Sourced], k: int | None, resolver: SpeakerResolver
) -> Sourced | None:
    """A quotation no cue claims: the person the sentence after it names as its speaker, the person the sentence
    before it is about, or it carries on ``out[k]``, the last attribution with a speaker of its own (the gap to it
    decides whether it shares its cue)."""
    last = out[k] if k is not None else None
    named = _person_after(doc, text, cand.content)
    speaker = resolver.resolve(named) if named is not None else UNKNOWN
    if named is not None and speaker.name and speaker.kind == "person":
        resolver.note(named.root.i, speaker, named)  # ("“…” That was the verdict of Ana Lind": hers)
        return Sourced(cand, speaker, "person-before", None)
    subject = _person_before(doc, text, cand.content)
    speaker = resolver.resolve(subject) if subject is not None else UNKNOWN
    if subject is not None and speaker.name and speaker.kind == "person":
        # "Ana Lind touted her record. “We need …”": the person the sentence before it is about, not the last
        # speaker; when that is the last speaker, the quotation carries them on (sharing the cue where near)
        carried = _carried(doc, text, cand, out, k) if last is not None and last.speaker.name == speaker.name \
            else None
        if carried is None:
            resolver.note(subject.root.i, speaker, subject)
        return carried or Sourced(cand, speaker, "person-before", None)
    return _follow_up_question(text, cand, out, k) or _carried(doc, text, cand, out, k)


def _follow_up_question(text: str, cand: Statement, out: list[Sourced], k: int | None) -> Sourced | None:
    """A question with no cue, a paragraph of its own, right after one person's answer to another's question, each
    in the paragraph before it ("“Did you read them?” Lind asked. / “I read one,” Tarn said. / “Which one?”"):
    the one who asked goes on asking, not the one who answered."""
    if k is None or k < 1 or not _opens_paragraph(text, cand.content):
        return None
    answer, question = out[k], out[k - 1]
    asked, answered = question.speaker, answer.speaker
    if not (asked.kind == "person" and answered.kind == "person" and asked.name and answered.name
            and asked.name != answered.name and answer.previous is None and question.previous is None):
        return None
    said = text[cand.content.start : cand.content.end].rstrip(" ”\"'’")
    between = (text[question.statement.content.end : answer.statement.content.start],
               text[answer.statement.content.end : cand.content.start])
    asking = text[question.statement.content.start : question.statement.content.end].rstrip(" ”\"'’")
    if not (said.endswith("?") and asking.endswith("?")) or any(g.count("\n") not in (1, 2) or len(g.strip()) > 80
                                                                 for g in between):
        return None
    return Sourced(cand, asked, "continues", None, k - 1)


def _carried(doc: Doc, text: str, cand: Statement, out: list[Sourced], k: int | None) -> Sourced | None:
    """A quotation no cue claims that carries on ``out[k]``, the last attribution with a speaker of its own,
    when it is near enough (or the story stays with that speaker); None when it is not."""
    last = out[k] if k is not None else None
    if k is None or last is None or (last.speaker.name is None and last.speaker.description is None):
        return None
    # a later paragraph of a quotation over several, or a quotation paragraph after one that carried this
    # speaker on already, is as near as the paragraph before it
    before = out[-1] if out[-1].previous == k else last
    gap = text[before.statement.content.end : cand.content.start]
    if "\n" in gap and not _opens_paragraph(text, cand.content):
        return None  # (a later paragraph's quotation with no cue, inside a sentence: a title or a term)
    if gap.count("\n") > 2 or len(gap) > 600:
        if not _stays_with(doc, text, before.statement.content.end, cand.content.start, last.speaker):
            return None
        return Sourced(cand, last.speaker, "continues", None, k)
    # “A,” she said, “B.” / “A,” she said. “B.” -- the paragraph's quotations share source and cue; a quotation
    # in a later paragraph inherits only the speaker
    if last.cue is not None and ("\n" not in gap or _opens_paragraph(text, cand.content)):
        return Sourced(cand, last.speaker, "continues-interrupted", last.cue, k)
    return Sourced(cand, last.speaker, "continues", None, k)


#: The most paragraphs (and characters) between a speaker's last words and a quotation with no cue that the
#: story can spend on that speaker and still hand the quotation to them.
_STAY_PARAGRAPHS = 2
_STAY_CHARS = 900
#: Pronouns that bring a person or a group other than the speaker into a paragraph between two quotations.
_OTHERS = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]er|[Tt]hey|[Tt]hem|[Ww]e|[Uu]s|I|[Yy]ou)\b")


def _about_nobody(span: Span, last: str) -> bool:
    """Is ``last``, the paragraph that ends ``span``, about nobody: no pronoun of a person or group, no person or
    organisation named (where it cannot be found in the span, the whole span is read)?"""
    start = span.start_char + span.text.rfind(last)
    return _OTHERS.search(last) is None and not any(
        ent.label_ in ("ORG", "PERSON") and ent.start_char >= start for ent in span.ents)


def _stays_with(doc: Doc, text: str, start: int, end: int, speaker: Speaker) -> bool:
    """Does the story stay with ``speaker`` from ``start`` to a quotation paragraph at ``end``? News writes a
    paragraph about the person between two of their quotations ("Lind lost her job in May. And there was the
    shame.¶“It took me two years …”"): at most two paragraphs, with no quotation in them, naming no other
    person, the one right before the quotation naming the speaker (surname) or a he/she."""
    if speaker.kind != "person" or not speaker.name or end - start > _STAY_CHARS:
        return False
    gap = text[start:end].strip(" \t\n\"“”«»„'`,.")  # (the marks that close the last words and open these)
    paragraphs = [p for p in re.split(r"\n\s*\n", gap) if p.strip()]
    if not paragraphs or len(paragraphs) > _STAY_PARAGRAPHS or any(ch in gap for ch in "“”\"«»„"):
        return False
    if not _opens_paragraph(text, CharSpan(end, end)):
        return False
    own = {w.lower() for w in speaker.name.split()}
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for ent in span.ents:
        if ent.label_ == "PERSON" and not {t.lower_ for t in ent} <= own | {"'s", "’s"}:
            return False
    last = paragraphs[-1]
    if _about_nobody(span, last):
        return True  # a paragraph of figures or background: the story is still with the speaker
    surname = speaker.name.split()[-1]
    return re.search(rf"\b{re.escape(surname)}\b", last) is not None or re.search(r"\b(?:[Hh]e|[Ss]he)\b", last) \
        is not None


def build_records(
    doc: Doc, sourced: Sequence[Sourced], quotes: Sequence[Quote], *, text: str | None = None
) -> tuple[Attribution, ...]:
    """The attribution records, one per sourced content, with exact character offsets."""
    text = doc.text if text is None else text
    quote_spans = [q.content for q in quotes]
    # a transcript's lines are direct; a lone "Name: words" line is a headline's paraphrase more often than not
    transcript = sum(1 for s in sourced if s.how == "label") >= 2
    result: list[Attribution] = []
    for s in sourced:
        cand, speaker = s.statement, s.speaker
        quoted = quoted_parts(text, cand.content, quote_spans)
        verbatim = s.how == "label" and transcript  # (a transcript or Q&A line: the speaker's words as printed)
        if s.previous is not None:
            last = result[s.previous]
            interrupted = s.how == "continues-interrupted"
            result.append(replace(
                last, content=cand.content, type="direct", source=last.source if interrupted else None,
                cue=last.cue if interrupted else None,
                confidence=round(min(last.confidence, 0.85 if interrupted else 0.7), 3), quoted=quoted,
            ))
        elif s.how == "person-before":
            result.append(Attribution(
                content=cand.content, source=None, cue=None, speaker=speaker.name, speaker_kind="person",
                type="direct", medium="unknown", cue_kind="speech", confidence=0.6, quoted=quoted,
            ))
        else:
            result.append(Attribution(
                content=cand.content,
                source=CharSpan(cand.source.start_char, cand.source.end_char) if cand.source is not None else None,
                cue=cand.cue_span,
                speaker=speaker.name,
                speaker_kind=speaker.kind,
                speaker_description=(speaker.description if speaker.name is None or speaker.voiced_by_spokesperson
                                     else None),
                type="direct" if verbatim else type_of(text, cand.content, cand.quote, quote_spans),
                medium=medium_for(text, cand.cue, cand.source.root if cand.source is not None else None),
                cue_kind=cand.kind,
                via=cand.relays,
                confidence=round(max(0.05, min(0.99, cand.confidence - (0.15 if speaker.name is None else 0.0))), 3),
                quoted=quoted or ((cand.content,) if verbatim else ()),
            ))
    return tuple(result)


def _person_before(doc: Doc, text: str, content: CharSpan) -> Span | None:
    """The active subject naming a person of the sentence right before a quotation, in its paragraph ("Ana Lind
    touted her record. “…”") or ending the paragraph before one the quotation opens, when that sentence quotes
    nobody itself; else None."""
    k = content.start - 1
    while k >= 0 and text[k] in " \t\u00a0\"“«„'`":
        k -= 1
    if k >= 0 and text[k] == "\n" and _opens_paragraph(text, content):
        # a quotation paragraph after a paragraph that ends on the person ("Ana Lind read from a statement.¶“…”")
        while k >= 0 and text[k] in " \t\u00a0\n":
            k -= 1
    if k < 0 or text[k] not in ".!?" or not text[k + 1 : content.start].strip(" \t\u00a0\n"):
        return None  # (not the end of a sentence right before the quotation's mark)
    end = doc.char_span(k, k + 1, alignment_mode="expand")
    if end is None:
        return None
    sent = end[0].sent
    for _ in range(_SENTENCES_BACK):
        said = text[sent.start_char : k + 1]
        if "\n" in said or any(ch in said for ch in "“”\"«»"):
            return None
        subj = _person_subject(sent.root)
        if subj is not None:
            return subject_of(sent.root)
        other = any(t.ent_type_ == "PERSON" for t in sent)  # (someone named: "His partner, Ivo Tarn, called him")
        first = sent.start == 0 or "\n" in text[doc[sent.start - 1].idx : sent.start_char]
        if other or first or not any(t.lower_ in _STAYS for t in sent):
            return None  # (a sentence about someone else or no one, or the paragraph's first: no further back)
        # "Erik Lund read a statement to the court. His voice shook.¶“…”": back past a sentence about them
        k = sent.start_char - 1
        sent = doc[sent.start - 1].sent
    return None


def _person_after(doc: Doc, text: str, content: CharSpan) -> Span | None:
    """The person the sentence right after a quotation, in its paragraph, names as the one who said it: "“…” That
    was the verdict of Ana Lind, a nurse." (a noun of the lexicon's ``verdict_nouns``), "“…” That is how Ana Lind,
    who ..., remembers it."; else None."""
    k = content.end
    while k < len(text) and text[k] in " \t\u00a0\"”»'’":
        k += 1
    if k >= len(text) or not text[k].isupper() or not any(ch in text[content.end - 2 : k] for ch in ".!?"):
        return None  # (not a sentence of its own right after the quotation)
    first = doc.char_span(k, k + 1, alignment_mode="expand")
    if first is None or first[0].lower_ not in ("that", "this") or first[0].dep_ != "nsubj" \
            or first[0].head.lemma_ != "be" or first[0].sent.start != first[0].i:
        return None
    for part in first[0].head.children:
        if part.dep_ == "attr" and part.lemma_.lower() in VERDICT_NOUNS:  # "the verdict of Ana Lind"
            of = next((c for c in part.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            who = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        elif part.dep_ == "ccomp" and any(c.lower_ == "how" for c in part.children):  # "how Ana Lind remembers it"
            who = next((c for c in part.children if c.dep_ == "nsubj"), None)
        else:
            continue
        if who is not None and (who.ent_type_ == "PERSON" or who.pos_ == "PROPN"):
            return doc[who.left_edge.i : who.right_edge.i + 1]
    return None


#: How many sentences of the paragraph before a quotation the person it is about may be named in.
_SENTENCES_BACK = 2
#: The words by which a sentence between stays with the person named before it ("His voice shook").
_STAYS = frozenset({"he", "she", "his", "her", "him", "hers"})


def _person_subject(root: Token) -> Token | None:
    """The active subject of a sentence's verb when it names a person ("Ana Lind", "she", "The victim's husband,
    Erik Lund,")."""
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or root.pos_ not in ("VERB", "AUX"):
        return None
    if subj.ent_type_ == "PERSON" or (subj.pos_ == "PROPN" and not subj.ent_type_) or (
            subj.pos_ == "PRON" and subj.lower_ in ("he", "she")) or any(
            c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in subj.children):
        return subj
    return None


def _opens_paragraph(text: str, span: CharSpan) -> bool:
    """Does the span open its paragraph (after its quotation mark)? Such a continuation quotation carries on
    the previous statement, as news style writes a speech that runs over several paragraphs."""
    start = text.rfind("\n", 0, span.start) + 1
    return not text[start : span.start].strip(" \t\"“”«»„'`")


def type_of(text: str, content: CharSpan, quote: Quote | None, quote_spans: Sequence[CharSpan]) -> AttributionType:
    """direct: the content is a quotation (or lies within one); mixed: it overlaps one; indirect: neither."""
    if quote is not None and quote.content == content:
        return "direct"
    for q in quote_spans:
        if trimmed_within(text, content, q):
            return "direct"
    for q in quote_spans:
        if q.overlaps(content):
            return "mixed"
    return "indirect"


#: The quotation marks find_quotes reads: what a quotation running over paragraphs has at the edges of its inner
#: paragraphs (the mark that re-opens each).
_MARKS = frozenset(OPENING | CLOSING | AMBIGUOUS | {PAIRED_OPEN, PAIRED_AMBIGUOUS, *PAIRED_CURLY})
_LINE = re.compile(r"[^\n]+")


def quoted_parts(text: str, content: CharSpan, quote_spans: Sequence[CharSpan]) -> tuple[CharSpan, ...]:
    """The parts of ``content`` inside quotation marks, without the marks: its intersection with each
    quotation's content (``quote_spans``, in text order), cut at paragraph breaks (a quotation that runs over
    paragraphs re-opens each with a mark, left out), trimmed of white space; a part with no letter or digit is
    dropped; parts that overlap are joined. Empty for indirect speech; the content itself for a direct
    quotation."""
    out: list[CharSpan] = []
    for q in quote_spans:
        if q.start >= content.end or q.end <= content.start:
            continue
        for line in _LINE.finditer(text, max(q.start, content.start), min(q.end, content.end)):
            s, e = line.span()
            s, e = _trim(text, s, e, inner_start=s > q.start and text[s - 1] == "\n",
                         inner_end=e < q.end and text[e] == "\n")
            if any(ch.isalnum() for ch in text[s:e]):
                out.append(CharSpan(s, e))
    return tuple(CharSpan(s, e) for s, e in _disjoint(out))


def _disjoint(parts: list[CharSpan]) -> list[tuple[int, int]]:
    """The parts in order, those that overlap joined (stray marks can pair into quotations that overlap)."""
    joined: list[tuple[int, int]] = []
    for p in sorted(parts):
        if joined and p.start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], p.end))
        else:
            joined.append((p.start, p.end))
    return joined


def _trim(text: str, s: int, e: int, *, inner_start: bool, inner_end: bool) -> tuple[int, int]:
    """``text[s:e]`` without the white space at its edges, nor the quotation marks at an edge that is a paragraph
    break inside the quotation."""
    while True:
        before = (s, e)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        for width in (2, 1):
            if inner_start and e - s >= width and text[s : s + width] in _MARKS:
                s += width
            if inner_end and e - s >= width and text[e - width : e] in _MARKS:
                e -= width
        if (s, e) == before:
            return s, e
