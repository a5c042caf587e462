"""A document's record: whether it is signed, a draft, leaked, and the history of its authenticity, from the
words of the article (:mod:`onrecord.provenance.documents` keeps the records and raises the flags)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Span, Token

from onrecord.lexicon import load
from onrecord.provenance.claims import NEGATORS
from onrecord.provenance.values import Statement

_EN = load("en")
UNSIGNED = _EN.words("document_unsigned")
SIGNED = _EN.words("document_signed")
DRAFT = _EN.words("document_draft")
FINAL = _EN.words("document_final")
LEAKED = _EN.words("document_leaked")
PUBLISHED = _EN.words("document_published")
SENT = _EN.words("document_sent")
DOUBTING = _EN.words("doubting_cues")


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in (*tok.children, *tok.head.children)
               if c.i < tok.i)


def attributes(sentences: list[Span], mentions: list[Token]) -> dict[str, bool | None]:
    """Whether the document the ``mentions`` name is signed, a draft, leaked, by the words of their sentences, and
    whether its writers published it or sent it to those it was for (:func:`_done_to`; :func:`settled` reads
    that)."""
    out: dict[str, bool | None] = {"signed": None, "draft": None, "leaked": None}
    published = sent_on = False
    for sent in sentences:
        for tok in sent:
            if _done_to(tok, mentions):
                published = published or tok.lemma_.lower() in PUBLISHED
                sent_on = sent_on or tok.lemma_.lower() in SENT
            low = tok.lower_
            if low in UNSIGNED:
                out["signed"] = False
            elif tok.lemma_.lower() in SIGNED and tok.pos_ in ("VERB", "ADJ") and out["signed"] is None:
                out["signed"] = not _negated(tok)
            if low in DRAFT or tok.lemma_.lower() in DRAFT:
                out["draft"] = True
            elif low in FINAL and out["draft"] is None:
                out["draft"] = False
            if low in LEAKED or tok.lemma_.lower() in LEAKED:
                out["leaked"] = True
    return {**out, "published": published, "sent": sent_on}


def settled(attrs: dict[str, Any]) -> dict[str, bool | None]:
    """Signed, draft and leaked, where a document its writers published is final and not leaked unless words say
    otherwise."""
    out = {name: attrs.get(name) for name in ("signed", "draft", "leaked")}
    if attrs.get("published") or attrs.get("sent"):
        out["draft"] = False if out["draft"] is None else out["draft"]
    if attrs.get("published"):
        out["leaked"] = False if out["leaked"] is None else out["leaked"]
    return out


def _done_to(tok: Token, mentions: list[Token]) -> bool:
    """Whether ``tok`` is a verb of publishing or sending (the lexicon's ``document_published`` and
    ``document_sent``), not negated, whose object or passive subject is one of ``mentions`` ("filed a grievance",
    "the report was released"), or that describes one ("an audit released Monday", "the accounts it filed")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in PUBLISHED | SENT or _negated(tok):
        return False
    if tok.dep_ in ("acl", "relcl") and tok.head in mentions:
        return True
    return any(c in mentions for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))


def _about(statement: Statement, lemma: str) -> bool:
    c = statement.claim
    return lemma in c.keys or lemma in c.context or lemma in c.documents


def authenticity_history(doc: Doc, statements: Sequence[Statement], lemma: str) -> list[dict[str, Any]]:
    """Each statement on whether the document is real, in order: confirmed or disputed. Questioning whether it
    is real disputes it ("questioned whether the memo is genuine"); asking alone does not. What a party is told
    to have said before ("had called the memo a fake", a pluperfect cue) comes before the article's own news."""
    out = []
    for s in statements:
        sign = s.claim.stance("authentic")
        if sign is None or not _about(s, lemma) or s.document == lemma:
            continue
        cue = _cue_of(doc, s)
        if not s.claim.asserts:
            if s.claim.cue != "ask" or sign < 0 or cue is None or cue.lemma_.lower() not in DOUBTING:
                continue
            sign = -1
        recalled = cue is not None and cue.tag_ == "VBN" and any(c.lower_ == "had" for c in cue.children)
        out.append({"by": s.party, "stance": "confirmed" if sign > 0 else "disputed", "recalled": recalled,
                    "words": next((w for c, w in s.claim.words if c == "authentic"), ""), **_where(s)})
    return sorted(out, key=lambda h: not h["recalled"])


def _cue_of(doc: Doc, s: Statement) -> Token | None:
    """The verb of the statement's cue, if the parse has one there."""
    cue = s.attribution.cue
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand") if cue is not None else None
    if span is None:
        return None
    return next((t for t in span if t.pos_ == "VERB"), None) or next((t for t in span if t.pos_ == "AUX"), None)


def _where(s: Statement) -> dict[str, Any]:
    return {"article": s.article, "ordinal": s.ordinal, "published": s.published, "text": s.text}


__all__ = ["attributes", "authenticity_history", "settled"]
