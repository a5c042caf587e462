"""Backing: whether a statement's claim rests on more than one source (the ``single_source`` signal of
:mod:`onrecord.provenance.sourcing`).

A claim is backed (not single-source) when its source mention is itself several independent sources ("Lind and
Tarn", "both", "recent polls"), when another party says near-identical words with the same sign, or when another
party echoes it ("other members echo her concerns"). A candidate and their own campaign are one party.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from onrecord.lexicon import en as lex
from onrecord.lexicon import load
from onrecord.provenance.anonymity import doc_text, mention, mention_noun
from onrecord.types import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc

_SAME_CONTENT = 0.6  # two parties' contents sharing this much (Jaccard of content words) make one claim
_NEGATORS = frozenset("not no never nothing none".split())
_LEXICON = load("en")
_INDEPENDENT, _PLURAL_DOCUMENTS, _FUNCTION = (
    _LEXICON.words(name) for name in ("independent_counts", "plural_document_heads", "function_words"))



def _party(a: Attribution, kind: str, text: str) -> str:
    """Who stands behind a statement, as one key: a candidate and their campaign are one party."""
    name = a.speaker or a.speaker_description or (a.source.of(text) if a.source is not None else "")
    words = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in lex.CAMPAIGN_HEADS and w not in ("the", "a")]
    return words[-1] if words and kind in ("person", "organisation") else " ".join(words)


def _plural_mention(doc: Doc, a: Attribution, kind: str) -> str | None:
    """A mention that is itself several independent sources ("Lind and Tarn", "two officials", "recent polls")."""
    span = mention(doc, a)
    if span is None:
        return None
    head = mention_noun(span)
    if any(t.dep_ == "conj" and t.head.i >= span.start and t.i < span.end and t.pos_ in ("PROPN", "NOUN")
           and t.head == head and t.lemma_.lower() not in lex.CAMPAIGN_HEADS for t in span):  # (a candidate and
        # their own campaign are one source)
        return span.text
    if kind == "document" and head.tag_ == "NNS" and head.lemma_.lower() in _PLURAL_DOCUMENTS:  # "recent polls"
        return span.text
    # a count of independent sources: "both", "two officials", "none of those three"
    # ("majorities in all five", "one in five": a share of a group, not a count of sources)
    counts = [t for t in span if t.lower_ in _INDEPENDENT and t.ent_type_ not in ("PERCENT", "MONEY", "DATE")
              and (t == head or (t.head == head and t.dep_ in ("nummod", "det", "predet", "amod"))
                   or (t.dep_ == "pobj" and t.head.lower_ == "of"))
              and not any(w.lower_ == "in" for w in span[max(0, t.i - span.start - 2) : t.i - span.start])]
    return span.text if counts else None


def _content_words(content: str) -> frozenset[str]:
    """The content's words less function words; a negation is kept as "not" ("didn't" -> "did", "not")."""
    words = re.findall(r"[a-z0-9']+", content.lower().replace("’", "'").replace("n't", " not"))
    return frozenset("not" if w in _NEGATORS else w for w in words if w not in _FUNCTION)


def backed(doc: Doc, attributions: Sequence[Attribution], kinds: Sequence[str]) -> list[str | None]:
    """For each attribution, what backs its claim with a second source, or None."""
    text = doc_text(doc)
    parties = [_party(a, k, text) for a, k in zip(attributions, kinds, strict=True)]
    out: list[str | None] = [_plural_mention(doc, a, k) for a, k in zip(attributions, kinds, strict=True)]
    keys = [_content_words(a.content.of(text)) for a in attributions]
    for i in range(len(attributions)):
        for j in range(i + 1, len(attributions)):
            if not parties[i] or not parties[j] or parties[i] == parties[j] or min(len(keys[i]), len(keys[j])) < 3:
                continue
            relayed = any(parties[k] and parties[k].split()[-1] in keys[m] for k, m in ((i, j), (j, i)))
            if relayed:  # one passes the other's words on ("Weaver told me ...", in a caption)
                continue
            same = len(keys[i] & keys[j]) / len(keys[i] | keys[j])
            if same >= _SAME_CONTENT and ("not" in keys[i]) == ("not" in keys[j]):
                out[i] = out[i] or f"{parties[j]} says the same"
                out[j] = out[j] or f"{parties[i]} says the same"
    for j, echo in enumerate(attributions):
        cue = doc.char_span(echo.cue.start, echo.cue.end, alignment_mode="expand") if echo.cue is not None else None
        if cue is None or not len(cue):
            continue
        verb = next((t for t in cue if t.lemma_.lower() in lex.BACKING_VERBS), None)
        if verb is None or any(c.dep_ == "xcomp" for c in verb.children):  # "agreed to republish": a deed
            continue
        sent = cue[0].sent
        named = {w.lower() for w in re.findall(r"[A-Za-z]+", sent.text)}
        earlier = [i for i in range(j - 1, -1, -1) if parties[i] != parties[j]
                   and attributions[i].content.end >= sent.start_char - 600]
        # the party the echo names ("echoed Clinton's line"), else the nearest earlier statement
        earlier.sort(key=lambda i: parties[i].split()[-1] not in named if parties[i] else True)
        for i in earlier[:1]:
            out[i] = out[i] or f"{cue.text}: {echo.source.of(text) if echo.source else parties[j]}"
            out[j] = out[j] or f"{cue.text} {parties[i]}"
            break
    return out


__all__ = ["backed"]
