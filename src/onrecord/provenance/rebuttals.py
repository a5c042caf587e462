"""Rebuttals: a reporter's sentence that sets the next speaker against the one before ("Lind disagreed.", "Tarn said
that was wrong.", "The engineer said otherwise.", "The tenants' chair rejected that."), followed by the rebutting
speaker's own words.

News writes a disagreement so: one party's claim, a short sentence of the reporter's saying that another disputes
it, then the other's words. The rebuttal sentence holds no claim of its own (a bare verb, or "that", "this", "the
claim" as its object), so the flags rules, which compare claims, cannot see it. Each rebuttal sentence gives a
**conflict** between the last statement before it by another named party and the first statement after it by the
rebutting party (in the same or the next paragraph), with the reporter's words as its evidence; the other
statements of either side around it are the flag's further pairs (``also``): "Lind disagreed" disagrees with the
account the previous speaker gave, not with one sentence of it.

Not a rebuttal: a negated verb ("did not dispute that the alert failed"; but "did not agree" is one), a verb with a
clause of its own ("disputed that the plan would fail": a statement, compared by the flags rules), a rebuttal by
someone who then says nothing, or against no named party.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.tokens import Doc, Span, Token

from onrecord.attribution.arrays import ids, positions, token_arrays
from onrecord.lexicon import load
from onrecord.provenance.pairs import subject_or_sentence
from onrecord.provenance.values import Flag, Statement

_EN = load("en")
#: Verbs whose bare use, or with "that" or "the claim" as object, sets a speaker against what was just said.
REBUTTAL_VERBS = _EN.words("rebuttal_verbs")
#: Predicates of "that was ___" in a speaker's mouth that reject what was just said ("said that was wrong").
REJECTING_WORDS = _EN.words("rejecting_words")
#: What "that was not ___" denies ("said that was not true", "not the case", "not her experience").
_GRANTING = frozenset({"true", "so", "correct", "right", "accurate", "case", "fair", "experience"})
#: Objects that point back at what was said ("rejected that", "disputed the claim").
_BACK = frozenset({"that", "this", "it", "claim", "claims", "account", "suggestion", "assertion", "version",
                   "characterisation", "characterization", "figure", "figures", "description", "view"})
#: The verbs a rebuttal sentence is built on.
_ROOTS = REBUTTAL_VERBS | {"agree", "say", "suggest", "insist", "tell"}
#: A claim's nouns a rebuttal may name with their owner ("the study's central finding", "the county's claim").
_OWNED = frozenset({"claim", "claims", "finding", "findings", "conclusion", "conclusions", "account", "assurance",
                    "statement", "figure", "figures", "version", "assessment"})
#: How far after the rebuttal sentence the rebutting party's words may start, and how far before it the other's.
_AFTER, _BEFORE = 400, 900


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _points_back(obj: Token) -> bool:
    """Does an object point back at what was just said ("that", "the claim", "those figures", "with him"), rather
    than name what is rejected ("suggestions that the plant was closing", "any suggestion of a fault", "the
    county's claim that ...": someone else's words, or no one's)?"""
    if obj.dep_ == "prep":
        objects = [c for c in obj.children if c.dep_ == "pobj"]
        return obj.lower_ == "with" and bool(objects) and all(
            o.lower_ in ("him", "her", "them", "that", "this", "it") or _points_back(o) for o in objects)
    if obj.lower_ in ("that", "this", "it"):
        return True
    return obj.lemma_.lower() in _BACK and not any(
        c.dep_ in ("acl", "relcl", "prep", "ccomp", "poss", "appos") for c in obj.children)


def _owned_claim(sent: Span) -> tuple[str, Token] | None:
    """A rebuttal of someone's claim named by its owner ("rejected the study's central finding", "disputed the
    county's claim that ..."): the words and the owner (a name or a document's noun), or None."""
    root = sent.root
    if root.lemma_.lower() not in REBUTTAL_VERBS or _negated(root) or any(
            c.dep_ in ("ccomp", "xcomp") for c in root.children):
        return None
    obj = next((c for c in root.children if c.dep_ == "dobj" and c.lemma_.lower() in _OWNED), None)
    owner = next((c for c in obj.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None) if obj else None
    return (sent.doc[root.i: obj.i + 1].text, owner) if obj is not None and owner is not None else None


def _of_owner(s: Statement, owner: Token) -> bool:
    """Is the statement the owner's: the document the owner's noun names, or the party a name of the owner's is?"""
    if owner.pos_ == "NOUN":
        return s.document == owner.lemma_.lower()
    words = {t.text for t in owner.subtree if t.pos_ == "PROPN"}
    return bool(s.party) and any(w in words for w in str(s.party).split())


def _rebuttal_words(sent: Span) -> str | None:
    """The words of ``sent`` that make it a rebuttal, or None: "disagreed", "rejected that", "did not agree",
    "said otherwise", "said that was wrong"."""
    root = sent.root
    lemma = root.lemma_.lower()
    if root.pos_ not in ("VERB", "AUX"):
        return None
    clause = [c for c in root.children if c.dep_ in ("ccomp", "xcomp")]
    objects = [c for c in root.children if c.dep_ in ("dobj", "prep")]
    if lemma in REBUTTAL_VERBS and not _negated(root) and not clause and all(_points_back(o) for o in objects):
        return sent.doc[root.i: (objects[0].right_edge.i if objects else root.i) + 1].text
    if lemma == "agree" and _negated(root) and not clause:
        return "did not agree"
    if any(c.lower_ == "otherwise" for c in root.children):
        return f"{root.text} otherwise"
    for c in clause:
        if any(t.lower_ == "otherwise" for t in c.children):  # "said his own list suggested otherwise"
            return f"{c.text} otherwise"
        said = {t.lemma_.lower() for t in c.subtree}
        subject = next((t for t in c.children if t.dep_ == "nsubj"), None)
        negated = bool(said & {"not", "n't", "never"})
        if subject is not None and subject.lower_ in ("that", "this", "it") and (
                (said & REJECTING_WORDS and not negated) or (negated and said & _GRANTING)):
            return sent.doc[root.i: c.right_edge.i + 1].text
    return None


def _rebutter(sent: Span) -> Span | None:
    subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return sent.doc[subject.left_edge.i: subject.right_edge.i + 1] if subject is not None else None


def _names(party: str | None, who: Span) -> bool:
    """Does the rebuttal sentence's subject stand for this party: a he/she, or a word of the party's name?"""
    if party is None:
        return False
    if who.root.lower_ in ("he", "she", "they"):
        return True
    words = {w.lower() for w in who.text.replace("-", " ").replace("’s", " ").replace("'s", " ").split()}
    return any(w.lower() in words for w in party.replace("-", " ").split() if len(w) > 2 and w[:1].isupper())


def rebuttals(doc: Doc, statements: Sequence[Statement]) -> list[Flag]:
    """The conflicts the article's rebuttal sentences point out (see the module's docstring)."""
    said = sorted((s for s in statements if s.claim.asserts), key=lambda s: s.attribution.content.start)
    if len(said) < 2:
        return []
    out = []
    arr = token_arrays(doc)  # (only the sentences whose root is a rebuttal's verb are looked at)
    for i in positions(arr.lemma_in(_ROOTS) & np.isin(arr.dep, ids("ROOT"))):
        sent = doc[i].sent
        if any(s.attribution.content.start <= doc[i].idx < s.attribution.content.end for s in said):
            continue  # (a rebuttal inside someone's words is theirs, not the reporter's)
        words = _rebuttal_words(sent)
        owned = _owned_claim(sent) if words is None else None
        words = owned[0] if owned is not None else words
        who = _rebutter(sent) if words else None
        if words is None or who is None:
            continue
        after = [s for s in said if sent.end_char <= s.attribution.content.start < sent.end_char + _AFTER]
        b = next((s for s in after if _names(s.party, who)), None)
        if b is None:
            continue
        before = [s for s in said if s.attribution.content.end <= sent.start_char
                  and s.attribution.content.end > sent.start_char - _BEFORE]
        if owned is not None:  # (the owner's statements, wherever before: "the study's central finding")
            before = [s for s in said if s.attribution.content.end <= sent.start_char and _of_owner(s, owned[1])
                      and s.party != b.party]
        if not before or not before[-1].party or before[-1].party == b.party:
            continue  # (the rebutter spoke last: "She rejected suggestions that ...", no one else's words)
        a = before[-1]
        theirs = [s for s in before if s.party == a.party and s is not a]
        ours = [s for s in after if s.party == b.party and s is not b]
        also = tuple((x.ref(), y.ref()) for x in [a, *theirs] for y in [b, *ours] if (x, y) != (a, b))
        out.append(Flag(kind="conflict", subject=subject_or_sentence(a, b, None, sent),
                        reason=f"the reporter says so: “{words}”", a=a.ref(), b=b.ref(), speaker=a.party,
                        other=b.party, also=also, evidence=(words,)))
    return out


__all__ = ["REBUTTAL_VERBS", "REJECTING_WORDS", "rebuttals"]
