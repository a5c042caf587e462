"""Quotations inside someone's words: a speaker quoting someone else in single marks after a verb of saying
(“Ana told me, ‘Say it like a secret,’ and I did.”), or a transcript line quoting someone with a cue of its own
("TARN: Our engineer, Mira Oduya, said, “Finally.”"). The inner words are the inner speaker's: a statement of their
own, besides the words around them (which stay their speaker's). The table ``contents.nested-quotation``
decides; :func:`nested_statements` is the entry point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.attach import cue_after, cue_before
from onrecord.attribution.calling import called
from onrecord.attribution.cues import CueFinder, Statement, cue_words
from onrecord.attribution.quotation import Quotation
from onrecord.attribution.quotes import SINGLE_CLOSING, SINGLE_OPENING, SINGLE_STRAIGHT, STRAIGHT, Quote
from onrecord.attribution.rules import RuleTable, rule
from onrecord.attribution.subjects import subject_of
from onrecord.attribution.transcripts import is_transcript
from onrecord.lexicon.en import MEDIUM_VERBS, PERSON_PRONOUNS
from onrecord.types import CharSpan

__all__ = ["NESTED", "NESTED_QUOTATION", "nested_quotes", "nested_statements"]

#: A single opening mark after the comma or colon that ends a cue clause, or after the "that" of a reported clause
#: that goes on in the inner speaker's own words ("Tarn replied that ‘It is done.’").
_OPENS = re.compile(r"(?:[,:]|\bthat)[ \t\u00a0]+([" + SINGLE_OPENING + SINGLE_STRAIGHT + "])")
#: What ends the inner words before the single closing mark (an apostrophe has a letter before it).
_ENDS = frozenset(".,!?…")
#: How many tokens before the inner quotation its verb of saying may stand.
_LEAD_TOKENS = 12
#: Words a speaker says to mark that a quotation follows ("asked, quote, ‘…’"), passed over on the way to the verb.
_QUOTE_MARKERS = frozenset({"quote", "quoting"})
#: Verbs of perceiving whose bare infinitive is a saying heard or seen ("I heard Ana Lind ask, ‘…’").
_PERCEIVING = frozenset({"hear", "see", "watch", "listen", "overhear"})
#: The origin of a nested quotation's statement (sourcing neither carries it on nor takes it as the last speaker).
NESTED = "nested"


def nested_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """The single-marked quotations opened after a comma or colon inside ``quotes`` and closed, inside them too,
    by a single mark after a sentence's punctuation that no letter follows; straight single marks only inside
    straight double ones ("Lind told me, 'Go.'" as web copy types it)."""
    out: list[Quote] = []
    for q in quotes:
        for m in _OPENS.finditer(text, q.content.start, q.content.end):
            start = m.end()
            closing = SINGLE_CLOSING if m.group(1) == SINGLE_OPENING else SINGLE_STRAIGHT
            if closing == SINGLE_STRAIGHT and text[q.span.start] not in STRAIGHT:
                continue  # (straight single marks nest only inside straight double ones)
            close = next((k for k in range(start + 1, q.content.end) if text[k] == closing
                          and text[k - 1] in _ENDS and not text[k + 1 : k + 2].isalnum()), None)
            if close is not None and any(ch.isalnum() for ch in text[start:close]):
                out.append(Quote(CharSpan(start - 1, close + 1), CharSpan(start, close)))
    return out


@dataclass(frozen=True, slots=True)
class Inner:
    """A quotation inside another (``nested``) or any quotation, the parse, and the contents of the transcript
    lines found."""

    doc: Doc
    cues: CueFinder
    quote: Quote
    lines: list[CharSpan]
    nested: bool


@rule("contents.nested-quotation.past-verb-before",
      ("“Ana Lind told me, ‘Say it like a secret,’ and after that I was not afraid,” Ivo Tarn said.", "told"),
      ("“I asked a clerk how long. She said, ‘Honestly, I have no idea.’ I believed her,” Ivo Tarn said.", "said"),
      ("‘The pier is late,’ Ana Lind said. ‘Again.’\n\n‘I asked an engineer. He laughed. He said, “Nobody ever fixes"
       " it.” That was all.’", "said"))
def past_verb_before(c: Inner) -> Statement | None:
    """A verb of saying in the past tense ends the words before the inner quotation's mark, in the outer one:
    “Ana Lind pointed at me and said, ‘You. Again.’” -- what was said to the speaker, the verb's subject's words.
    So does a saying heard ("I heard Ana Lind ask, ‘…’"), a named person's present ("Ana Lind says it herself,
    ‘…’"), and a reported clause that goes on in the inner speaker's words ("Lind replied that ‘…’"); "quote,"
    before the mark is passed over. Not a modal or anyone's present
    ("some would say, ‘Who cares?’": words nobody said), nor an I's or a we's (the teller's own words), nor a
    pronoun's written message ("She wrote back, ‘…’": a text the golds leave out). A "they
    said, ‘…’" is a statement with no source (people the teller does not name: the words are found, the speaker
    left unnamed); so is a "he/she said, ‘…’" after the teller brought someone in with "a"/"an" ("I asked a
    nurse how long. She said, ‘…’"). Any other he/she is most often someone the story names, whom resolution
    reads wrong more often than not inside a quotation: left out, as PolNeAR and GGT leave every inner one (the
    news golds of issue 17 count 22 of 31 inner quotations as statements of their own, across eight sets)."""
    doc, q = c.doc, c.quote
    if not c.nested:
        return None
    end = c.cues.token_at(q.span.start - 1)  # the comma, colon or "that"
    for i in range(end - 1, max(-1, end - 1 - _LEAD_TOKENS), -1):
        tok = doc[i]
        if tok.is_punct and tok.text not in ",":
            return None
        found = c.cues.cue_kind(tok)
        if found is None or found[0] != "speech" or tok.lower_ in _QUOTE_MARKERS:
            continue
        source = subject_of(tok)
        if source is None or not _said_then(tok, source):
            return None
        if source.root.pos_ == "PRON" and (not _unnamed(source.root) or tok.lemma_.lower() in MEDIUM_VERBS):
            return None  # (an I or a we: the teller's own words, or a "you"; "she wrote back, ‘…’": a message's text)
        if source.root.lower_ in PERSON_PRONOUNS and not _introduced_before(tok, _opened_at(c.cues.text, q.span.start)):
            return None  # (a he/she nobody was brought in for: most often the story's named subject)
        pronoun = source.root.pos_ == "PRON"
        return Statement(
            content=q.content, cue=tok, cue_span=CharSpan(tok.idx, tok.idx + len(tok.text)),
            source=None if pronoun else source,
            kind="speech", confidence=0.7, origin=NESTED, quote=q,
        )
    return None


def _opened_at(text: str, inner: int) -> int:
    """Where the quotation around an inner one opens: its last double mark before the inner one, in its
    paragraph (the paragraph's start when none is found)."""
    start = text.rfind("\n", 0, inner) + 1
    return max(start, text.rfind("“", start, inner), text.rfind('"', start, inner))


def _introduced_before(verb: Token, since: int) -> bool:
    """Whether the words before the verb's sentence (from ``since``, the teller's quotation or line) bring in
    someone the teller does not name, with "a" or "an" ("I asked a nurse how long. She said, ‘…’", "We had an
    engineer who … He told me, “…”"): a he/she after that is that unnamed person. Without it, the he/she is most
    often someone the story names (its subject, a "him" the teller spoke of): whom, resolution reads wrong more
    often than not, and the inner words are left out as before."""
    k = verb.sent.start - 1
    while k >= 0 and verb.doc[k].idx >= since:
        t = verb.doc[k]
        if t.pos_ == "NOUN" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in t.children):
            return True
        k -= 1
    return False


def _unnamed(pronoun: Token) -> bool:
    """Whether a subject pronoun inside someone's quotation stands for someone the teller does not name here: an
    unnamed "they", or a he/she ("He said, ‘…’", "She told me, ‘…’"): the words are found, the speaker is left
    unnamed (whom the pronoun means, resolution reads wrong more often than not inside a quotation)."""
    morph = pronoun.morph
    they = morph.get("Person", []) == ["3"] and morph.get("Number", []) == ["Plur"]
    return they or pronoun.lower_ in PERSON_PRONOUNS


def _said_then(verb: Token, subject: Span) -> bool:
    """Whether ``verb`` (whose subject is ``subject``) tells of words once said: a past tense ("told"); a bare
    infinitive after a verb of perceiving ("heard Ana Lind ask"); a named person's present ("Ana Lind says it
    herself"), not a modal's or anyone's ("some would say")."""
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ in ("VB", "VBP") and verb.dep_ in ("ccomp", "xcomp"):
        return verb.head.lemma_ in _PERCEIVING and verb.head.tag_ in ("VBD", "VBN")
    if verb.tag_ == "VBZ":
        return subject.root.pos_ == "PROPN" and not any(t.dep_ == "aux" for t in verb.children)
    return False


@rule("contents.nested-quotation.in-a-transcript-line",
      ("Mayor Ana Lind spoke to the harbour board chair, Ivo Tarn, on Monday.\n\nLIND: We will rebuild the pier."
       "\n\nTARN: Our engineer, Mira Oduya, looked at me and said, “Finally.” We had waited a year.", "said"),
      ("Mayor Ana Lind spoke to the harbour board chair, Ivo Tarn, on Monday.\n\nLIND: We will rebuild the pier."
       "\n\nTARN: We had an engineer look at it for a week. He told me, “It will not last the winter.” I believed him.",
       "told"))
def in_a_transcript_line(c: Inner) -> Statement | None:
    """A quotation in a transcript line with a cue of its own, before it, after it, or a calling verb ("My
    engineer, Mira Oduya, looked at me and said, “Finally.”"): the named person's words. A he/she's ("He said to
    me, “…”": whom the line's speaker means, resolution cannot tell) is a statement with no source; not an I's."""
    q = c.quote
    if c.nested or not any(line.start <= q.span.start and q.span.end <= line.end + 1 for line in c.lines):
        return None
    at = Quotation(c.doc, c.cues, [q], 0, [])
    found = cue_before(at) or cue_after(at) or called(at)
    said = found.statement if found is not None else None
    if said is None or said.source is None:
        return None
    if said.source.root.pos_ == "PRON":  # (a he/she brought in unnamed: the words found, the speaker left unnamed)
        line = next(ln for ln in c.lines if ln.start <= q.span.start and q.span.end <= ln.end + 1)
        unnamed = _unnamed(said.source.root) and said.cue is not None and _introduced_before(said.cue, line.start)
        return replace(said, origin=NESTED, source=None) if unnamed else None
    return replace(said, origin=NESTED)


NESTED_QUOTATION: RuleTable[Inner, Statement] = RuleTable(
    "contents.nested-quotation", [past_verb_before, in_a_transcript_line], describe=cue_words,
)


def nested_statements(doc: Doc, quotes: list[Quote], cues: CueFinder, statements: list[Statement]) -> list[Statement]:
    """A statement for each quotation inside one of ``quotes``, and each of ``quotes`` inside a transcript line
    of ``statements``, that a rule of ``contents.nested-quotation`` attributes."""
    out: list[Statement] = []
    lines = [s.content for s in statements if is_transcript(s)]
    inner = [(q, True) for q in nested_quotes(cues.text, quotes)]
    inner += [(q, False) for q in quotes if lines]
    for q, nested in inner:
        decided = NESTED_QUOTATION.first(Inner(doc, cues, q, lines, nested))
        if decided is not None:
            out.append(replace(decided[1], rule=decided[0].name))
    return out
