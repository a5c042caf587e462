"""Orchestrates the attribution stages over one parsed Doc.

1. quotations are found in the raw text, paragraph by paragraph (``quotes``);
2. cues are found on the parse (``cues``): verbs of saying/believing with a clause complement, "according to",
   nouns of saying with a that-clause, parenthetical "X said"; the scope keeps statements only or all of them;
3. each quotation is attached to a cue or continues the previous speaker's attribution (``attach``); one with no
   cue right after a sentence about another person is that person's (here);
4. sources are resolved to speakers, the channel and relays are read off the cue's context (here).
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.attach import _overlap, _trimmed_within, attach_quotes
from onrecord.attribution.channels import medium_for
from onrecord.attribution.cues import CueFinder, Statement
from onrecord.attribution.phrases import PUNCT_EDGE, cue_phrase, in_heading, span_chars, subject_of
from onrecord.attribution.transcripts import transcript_lines
from onrecord.lexicon.en import SPEECH_VERBS
from onrecord.attribution.quotes import Quote, find_quotes, inside_quotes
from onrecord.attribution.relays import relay_from
from onrecord.attribution.resolution import UNKNOWN, Speaker, SpeakerResolver
from onrecord.settings import CUE_SPANS, SCOPES
from onrecord.types import Attribution, CharSpan, Skipped

__all__ = ["find_attributions", "subject_of"]  # subject_of lives in phrases; re-exported for older imports

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
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}; expected one of {SCOPES}")
    if cue_span not in CUE_SPANS:
        raise ValueError(f"unknown cue_span {cue_span!r}; expected one of {CUE_SPANS}")
    text = doc.text
    quotes, skipped = find_quotes(text)
    cues = CueFinder(doc, text, quoted=inside_quotes(quotes), threshold=cue_threshold)
    candidates = cues.statements()
    if scope == "quotes":
        # statements only: no beliefs or stances, and no findings of data ("the poll shows ...")
        candidates = [
            c for c in candidates
            if c.kind != "belief"
            and not (c.kind == "document" and c.cue is not None and c.cue.lemma_.lower() not in SPEECH_VERBS)
            or c.form == "clause" and _quotes_within(text, c, quotes)
        ]
        clauses = [c for c in candidates if c.form == "clause"]
        objects = [_quoted_object(text, c, quotes, clauses) for c in candidates if c.form != "clause"]
        candidates = clauses + [c for c in objects if c is not None]
    candidates = [_within_paragraph(text, c) for c in candidates if c.cue is None or not in_heading(text, c.cue)]
    candidates = [c for c in candidates if c is not None and any(ch.isalnum() for ch in c.content.of(text))]
    candidates += transcript_lines(doc, cues)
    candidates = _relays(doc, candidates, keep_relayed=scope == "all")
    candidates = _outside_quotes(candidates, quotes)
    candidates = attach_quotes(doc, quotes, candidates, cues)
    if cue_span == "phrase":
        candidates = [_with_cue_phrase(doc, c) for c in candidates]
    return _finish(doc, text, candidates, quotes), tuple(skipped)


def _quotes_within(text: str, cand: Statement, quotes: list[Quote]) -> bool:
    """Does the clause quote someone's words ("fired back that the “voters chose me twice”")? Then its subject
    said them, whatever the verb: a statement in scope ``quotes`` too, not a quotation left to the last speaker."""
    return any(cand.content.start <= q.content.start and q.content.end <= cand.content.end + 2
               and q.word_count(text) >= 3 and not text[: q.span.start].rstrip().endswith(":")
               for q in quotes)  # (not a quotation a colon introduces: "… but he resents it: “…”" stands alone)


def _quoted_object(text: str, cand: Statement, quotes: list[Quote], clauses: list[Statement]) -> Statement | None:
    """The quotation in the object of a verb of saying ("urged an “end to the violence on all sides”"), as a
    statement of its own in scope ``quotes`` (the act itself is not one); None when it quotes nothing, or when
    a clause already reports the quotation ("repeated his warning that the quotas would “empty the villages”")."""
    if cand.kind != "speech":
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
    return replace(cand, cue_span=cue_phrase(doc, cue, cand.content))


def _within_paragraph(text: str, cand: Statement) -> Statement | None:
    """Clip a syntactic content to the cue's paragraph: the parser sometimes runs a clause over a break."""
    if cand.cue_span is None or "\n" not in text[cand.content.start : cand.content.end]:
        return cand
    para_start = text.rfind("\n", 0, cand.cue_span.start) + 1
    para_end = text.find("\n", cand.cue_span.end)
    para_end = len(text) if para_end < 0 else para_end
    start, end = max(cand.content.start, para_start), min(cand.content.end, para_end)
    while start < end and text[start] in PUNCT_EDGE:
        start += 1
    while end > start and text[end - 1] in PUNCT_EDGE:
        end -= 1
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
            if k in absorbed:
                continue
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


# -- writing out --------------------------------------------------------------------------------------------
def _finish(doc: Doc, text: str, candidates: list[Statement], quotes: list[Quote]) -> tuple[Attribution, ...]:
    # names inside what was said are not antecedents for the next "he said"
    said = _merge([(c.content.start, c.content.end) for c in candidates] + [(q.content.start, q.content.end) for q in quotes])
    resolver = SpeakerResolver(doc, said, text=text)
    quote_spans = [q.content for q in quotes]
    candidates = _dedupe(sorted(candidates, key=lambda c: (c.content.start, -len(c.content))))
    result: list[Attribution] = []
    last: Attribution | None = None
    for cand in sorted(candidates, key=lambda c: c.content.start):
        if cand.origin == "continuation":
            subject = _person_before(doc, text, cand.content)
            speaker = resolver.resolve(subject) if subject is not None else UNKNOWN
            if speaker.name and speaker.kind == "person" and (last is None or last.speaker != speaker.name):
                # "Ana Lind touted her record. “We need …”": the person the sentence before it is about, not
                # the last speaker
                attribution = Attribution(
                    content=cand.content, source=None, cue=None, speaker=speaker.name, speaker_kind="person",
                    type="direct", medium="unknown", cue_kind="speech", confidence=0.6,
                )
                resolver.note(subject.root.i, speaker, subject)
                result.append(attribution)
                last = attribution
                continue
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
        if cand.source is None:
            speaker = Speaker(None, "unknown")
        elif cand.origin == "transcript":
            speaker = resolver.resolve_label(cand.source.text)
        else:
            speaker = resolver.resolve(cand.source)
        anchor = cand.cue.i if cand.cue is not None else (cand.source.start if cand.source is not None else 0)
        resolver.note(anchor, speaker, cand.source if cand.origin != "transcript" else None)
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


def _person_before(doc: Doc, text: str, content: CharSpan) -> Span | None:
    """The active subject naming a person of the sentence right before a quotation, in its paragraph ("Ana Lind
    touted her record. “…”"), when that sentence quotes nobody itself; else None."""
    k = content.start - 1
    while k >= 0 and text[k] in " \t\u00a0\"“«„'`":
        k -= 1
    if k < 0 or text[k] not in ".!?" or not text[k + 1 : content.start].strip(" \t\u00a0"):
        return None  # (not the end of a sentence in the same paragraph)
    end = doc.char_span(k, k + 1, alignment_mode="expand")
    if end is None:
        return None
    sent = end[0].sent
    said = text[sent.start_char : k + 1]
    if "\n" in said or any(ch in said for ch in "“”\"«»"):
        return None
    root = sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or root.pos_ not in ("VERB", "AUX"):
        return None
    if not (subj.ent_type_ == "PERSON" or subj.pos_ == "PROPN" and not subj.ent_type_
            or subj.pos_ == "PRON" and subj.lower_ in ("he", "she")):
        return None
    return subject_of(root)


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


def _dedupe(candidates: list[Statement]) -> list[Statement]:
    """One attribution per content: keep the most confident of candidates whose content mostly coincides."""
    kept: list[Statement] = []
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


def _rank(c: Statement) -> tuple[float, int]:
    # a transcript line's label is the surest speaker evidence: it wins over a quotation that runs over the lines
    return (c.confidence + (0.2 if c.source is not None else 0.0) - (0.3 if c.origin == "continuation" else 0.0)
            + (1.0 if c.origin == "transcript" else 0.0), len(c.content))


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
