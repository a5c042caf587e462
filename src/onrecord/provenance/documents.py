"""Documents as sources, and the conflicts a reporter or speaker points out in words.

A **document** (a letter, memo, filing, report ...) is recorded when an article names it: whether it is signed,
a draft or final, leaked, who wrote it (a statement in its words: "In the letter, Seely wrote ..."; "signed by
..."), and the history of its authenticity: each statement that calls it real or fake, or denies that, in order.
A document flag is raised when there is something a fact-checker should see: an unsigned, draft or leaked
document, or one whose authenticity someone questioned.

A **signalled conflict** is a sentence of the reporter's ("the letter belies Trump's warning") or a statement
("the letter is inconsistent with where we are now") with a conflict word (the lexicon's ``conflict_signals``)
that names two parties: a document and a person, or two people. Its flag pairs their statements on the closest
subject.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Span, Token

from onrecord.lexicon import load
from onrecord.provenance.claims import CONFLICT_SIGNALS, NEGATORS
from onrecord.provenance.flags import Flag, Statement, overlap

_EN = load("en")
UNSIGNED = _EN.words("document_unsigned")
SIGNED = _EN.words("document_signed")
DRAFT = _EN.words("document_draft")
FINAL = _EN.words("document_final")
LEAKED = _EN.words("document_leaked")
#: The documents a record is kept of (a narrower set than the heads a claim can be about).
RECORDED = frozenset(
    "letter memo memorandum filing report audit email e-mail contract document dossier transcript directive "
    "affidavit invoice".split())


def _mentions(doc: Doc, lemma: str) -> list[Token]:
    return [t for t in doc if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() == lemma]


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in (*tok.children, *tok.head.children)
               if c.i < tok.i)


def _attributes(sentences: list[Span]) -> dict[str, bool | None]:
    out: dict[str, bool | None] = {"signed": None, "draft": None, "leaked": None}
    for sent in sentences:
        for tok in sent:
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
    return out


def _about(statement: Statement, lemma: str) -> bool:
    c = statement.claim
    return lemma in c.keys or lemma in c.context or lemma in c.documents


def _history(statements: Sequence[Statement], lemma: str) -> list[dict[str, Any]]:
    out = []
    for s in statements:
        sign = s.claim.stance("authentic")
        if sign is None or not s.claim.asserts or not _about(s, lemma) or s.document == lemma:
            continue
        out.append({"by": s.party, "stance": "confirmed" if sign > 0 else "disputed",
                    "words": next((w for c, w in s.claim.words if c == "authentic"), ""), **_where(s)})
    return out


def _where(s: Statement) -> dict[str, Any]:
    return {"article": s.article, "ordinal": s.ordinal, "published": s.published, "text": s.text}


def _reason(name: str, attrs: dict[str, bool | None], history: list[dict[str, Any]]) -> str:
    words = []
    if attrs["signed"] is False:
        words.append("unsigned")
    if attrs["draft"]:
        words.append("draft")
    if attrs["leaked"]:
        words.append("leaked")
    parts = [" ".join(words + [name])] if words else [name]
    if history:
        steps = [f"{h['stance']} by {h['by']}" for h in history]
        parts.append("authenticity " + ", then ".join(steps))
    return "; ".join(parts)


def document_flags(doc: Doc, statements: Sequence[Statement]) -> list[Flag]:
    """A flag for each document the article names that is unsigned, a draft, leaked, or of disputed
    authenticity, with its record."""
    out = []
    for lemma in sorted({t.lemma_.lower() for t in doc if t.pos_ == "NOUN"} & RECORDED):
        mentions = _mentions(doc, lemma)
        sentences = list(dict.fromkeys(t.sent for t in mentions))
        attrs = _attributes(sentences)
        history = _history(statements, lemma)
        if not history and not (attrs["signed"] is False or attrs["draft"] or attrs["leaked"]):
            continue
        authors = list(dict.fromkeys(s.speaker for s in statements if s.document == lemma and s.speaker))
        author = authors[0] if authors else None
        record = {"name": f"the {lemma}", "author": author, **attrs,
                  "authenticity": history, "mentions": len(mentions),
                  "first": [sentences[0].start_char, sentences[0].end_char] if sentences else None}
        evidence = tuple(h["words"] for h in history if h["words"])
        out.append(Flag(kind="document", subject=f"the {lemma}", reason=_reason(f"the {lemma}", attrs, history),
                        speaker=author, evidence=evidence, document=record,
                        a=_ref(history[0]) if history else None,
                        b=_ref(history[-1]) if len(history) > 1 else None))
    return out


def _ref(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: entry[k] for k in ("article", "ordinal", "published", "text")} | {"speaker": entry["by"]}


def _signal_tokens(doc: Doc, inside: list[tuple[int, int]]) -> list[Token]:
    def covered(t: Token) -> bool:
        return any(s <= t.idx < e for s, e in inside)

    found = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma not in CONFLICT_SIGNALS or covered(tok) or tok.pos_ not in ("VERB", "ADJ", "NOUN"):
            continue
        if lemma == "odds" and not (tok.i > 0 and doc[tok.i - 1].lower_ == "at"):
            continue
        if lemma in ("dispute", "counter", "refute", "rebut"):  # (cues of speech, taken by extraction)
            continue
        found.append(tok)
    return found


def _parties(sent: Span, statements: Sequence[Statement]) -> list[list[Statement]]:
    """The statements of each party the sentence names: a document by its noun, a speaker by a name."""
    groups: list[list[Statement]] = []
    lemmas = {t.lemma_.lower() for t in sent if t.pos_ == "NOUN"}
    for lemma in sorted(lemmas & RECORDED):
        group = [s for s in statements if s.document == lemma]
        if group:
            groups.append(group)
    names = {t.text for ent in sent.ents if ent.label_ in ("PERSON", "ORG") for t in ent if t.is_title}
    speakers = list(dict.fromkeys(s.speaker for s in statements if s.speaker and s.document is None))
    for speaker in speakers:
        if speaker.split()[-1] in names:
            groups.append([s for s in statements if s.speaker == speaker and s.document is None])
    return groups


def signalled_conflicts(doc: Doc, statements: Sequence[Statement]) -> list[Flag]:
    """Conflicts a reporter's sentence points out ("the letter belies Trump's warning"): the two parties it names,
    paired on their closest statements."""
    inside = [(s.attribution.content.start, s.attribution.content.end) for s in statements]
    out = []
    for tok in _signal_tokens(doc, inside):
        groups = _parties(tok.sent, statements)
        if len(groups) < 2:
            continue
        best = max(((a, b) for a in groups[0] for b in groups[1] if a.claim.asserts and b.claim.asserts),
                   key=lambda p: (bool(_opposed(p[0], p[1])), overlap(p[0].claim, p[1].claim)), default=None)
        if best is None:
            continue
        a, b = best
        concepts = _opposed(a, b)
        words = doc[tok.i - 1: tok.i + 1].text if tok.lower_ == "odds" else tok.text
        out.append(Flag(kind="conflict", subject=", ".join(concepts[:1] + list(a.claim.keys[:2])) or "?",
                        reason=f"the reporter says so: “{words}”", a=a.ref(), b=b.ref(), speaker=a.party,
                        concept=concepts[0] if concepts else None,
                        other=b.party, evidence=(words, *(w for c, w in (*a.claim.words, *b.claim.words)
                                                         if c in concepts[:1]))))
    return out


def _opposed(a: Statement, b: Statement) -> list[str]:
    sb = dict(b.claim.stances)
    return [c for c, s in a.claim.stances if sb.get(c) == -s]


def spoken_conflicts(statements: Sequence[Statement]) -> list[Flag]:
    """A statement that calls a document wrong in its own words ("the letter is inconsistent with where we are
    now"): a conflict between its speaker and the document."""
    out = []
    for s in statements:
        c = s.claim
        if c.signal is None or not c.asserts or not c.documents or s.speaker is None:
            continue
        for lemma in c.documents:
            if lemma not in RECORDED or s.document == lemma:
                continue
            theirs = [t for t in statements if t.document == lemma]
            b = max(theirs, key=lambda t: overlap(c, t.claim), default=None)
            if b is None:
                continue
            out.append(Flag(kind="conflict", subject=f"the {lemma}", reason=f"the speaker says so: “{c.signal}”",
                            a=s.ref(), b=b.ref(),
                            speaker=s.party, other=f"the {lemma}", evidence=(c.signal,)))
            break
    return out


__all__ = ["RECORDED", "document_flags", "signalled_conflicts", "spoken_conflicts"]
