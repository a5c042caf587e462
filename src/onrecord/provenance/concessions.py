"""Concessions: a statement that marks a change of position, in the speaker's words or the reporter's.

News writes a reversal in words of its own as often as in the same predicate turned over: the reporter says the
speaker "conceded", "admitted" or "apologised", and the speaker says "I was wrong", "we are sorry" or "I had been
misinformed". The new claim is then often worded nothing like the old one ("the ward is fully staffed" / "we were
short-staffed on some nights, and I was wrong to say otherwise"), so the flags rules, which compare predicates,
miss it. :func:`conceding` marks such statements (``Claim.concedes``: the words that mark them); the
``flags.conceded`` rule (:mod:`onrecord.provenance.flags`) pairs a marked statement with what the same speaker
said on the matter in an earlier article.

A statement concedes when:

- its own cue is a conceding verb ("Lind conceded that the ward was short of staff");
- its words say, of the speaker, that they were wrong, sorry or misled ("I was wrong to blame tenants", "we
  apologise", "she had been misinformed"), not negated ("I have done nothing wrong" concedes nothing) and not
  under a condition ("if those figures were massaged, I was wrong" concedes nothing yet);
- the sentence before it is the reporter's and says the speaker conceded, admitted or apologised, the speaker its
  subject by name or as he or she ("Lind apologised. “Some patients waited too long,” she said.").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from onrecord.lexicon import load
from onrecord.provenance.parties import same_person
from onrecord.provenance.stance import NEGATORS
from onrecord.provenance.values import Statement

_EN = load("en")
#: Verbs with which a speaker, or the reporter of a speaker, grants having been wrong before.
CONCEDING_VERBS = _EN.words("conceding_verbs")
#: Words with which speakers say, of themselves, that they were wrong, sorry or misled.
ADMITTING_WORDS = _EN.words("admitting_words")
#: Verbs of saying with which a reporter recalls, in a clause of time, what a speaker said before.
RECALLED_VERBS = _EN.words("recalled_verbs")
#: The subjects that are the speaker in their own words ("I", "we") or in the reporter's ("he", "she").
_SELF = frozenset({"i", "we", "he", "she"})


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in (*tok.children, tok))


def _subject(tok: Token) -> Token | None:
    """The subject of the clause a word belongs to: its own, or that of the first word above it that has one, within
    its clause and at most three steps up ("I was wrong", "she had been misinformed", "he had been given wrong
    information")."""
    for _ in range(4):
        found = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if found is not None or tok.dep_ in ("ROOT", "ccomp", "advcl", "relcl", "conj") or tok.head is tok:
            return found
        tok = tok.head
    return None


def _admits(tok: Token) -> bool:
    """Does a word of admission speak of the speaker and stand un-negated ("I was wrong"; not "I have done
    nothing wrong", not "they were wrong")?"""
    subject = _subject(tok)
    if subject is None or subject.lower_ not in _SELF:
        return False
    path = [tok]
    while path[-1] is not subject.head and path[-1].head is not path[-1] and len(path) < 5:
        path.append(path[-1].head)
    return not any(_negated(t) for t in path)


def _names(subject: Token, person: str) -> bool:
    if subject.lower_ in ("he", "she"):
        return True
    words = {t.text for t in subject.subtree}
    return any(w in words for w in person.replace("-", " ").split() if len(w) > 2 and w[:1].isupper())


def _reporter_says(sent: Span, person: str, content: Span, *, own: bool = False) -> str | None:
    """The words of a reporter's sentence that mark the speaker's change of position: a conceding verb whose
    subject is the speaker ("Lind apologised."; not in the statement's ``own`` sentence, where the cue says it), or
    a clause of time recalling what the speaker, or a role without a name, said before ("seven weeks after she told
    reporters the plant would stay open", "days after its director said ...": the whole clause, which the earlier
    statement must share a noun with, see :func:`recalls`), the statement's words not inside it, if any."""
    for tok in sent:
        if content.start <= tok.i < content.end or tok.pos_ != "VERB" or _negated(tok):
            continue
        lemma = tok.lemma_.lower()
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        if lemma in CONCEDING_VERBS and not own and _names(subject, person):
            return tok.text
        after = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ == "after"), None)
        if lemma in RECALLED_VERBS and after is not None and any(c.dep_ == "npadvmod" for c in tok.children) and (
                _names(subject, person) or (subject.pos_ == "NOUN" and not any(
                    t.pos_ == "PROPN" for t in subject.subtree))):
            clause = sent.doc[after.i:tok.right_edge.i + 1]
            if not (clause.start <= content.start < clause.end):  # (the recalled words are the earlier position)
                return clause.text
    return None


def recalls(words: str | None, keys: Sequence[str]) -> bool:
    """Does an earlier statement with these subject ``keys`` answer a concession's marking ``words``: any, unless
    the words are a reporter's clause recalling what was said before ("after she told reporters the company would
    not recall a safe product"), which must name one of its keys?"""
    if not words or not words.startswith("after "):
        return True
    said = words.lower()
    return any(k in said for k in keys)


def concession(doc: Doc, s: Statement) -> str | None:
    """The words that mark a statement as conceding a change of position (see the module's docstring), or None."""
    a, claim = s.attribution, s.claim
    if not claim.asserts or claim.condition is not None:
        return None
    content = doc.char_span(a.content.start, a.content.end, alignment_mode="expand")
    if content is None or len(content) == 0:
        return None
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    for tok in cue or ():
        if tok.lemma_.lower() in CONCEDING_VERBS and not _negated(tok):
            return tok.text
    for tok in content:
        if tok.lemma_.lower() in ADMITTING_WORDS and _admits(tok):
            return doc[min(tok.i, _subject(tok).i):tok.i + 1].text  # type: ignore[union-attr]
    first = content[0].sent
    if not s.person:
        return None
    return _reporter_says(first, s.person, content, own=True) or (
        _reporter_says(doc[first.start - 1].sent, s.person, content) if first.start > 0 else None)


def conceding(doc: Doc, statements: Sequence[Statement]) -> list[Statement]:
    """The statements, those that concede a change of position with ``Claim.concedes`` set. The reporter's
    paraphrase of a concession carries it to the same speaker's next statement when that begins in the same or the
    next sentence ("Lind said she had been misinformed. “The fund lent the money,” she said."); a concession in a
    speaker's own words carries to nothing after it."""
    out: list[Statement] = []
    own = None  # (the last statement that conceded by its own words, not carried)
    for s in statements:
        words = concession(doc, s)
        carried = _carried(doc, own, s) if words is None and own is not None else None
        marked = replace(s, claim=replace(s.claim, concedes=words or carried)) if words or carried else s
        own = marked if words else None
        out.append(marked)
    return out


def _carried(doc: Doc, before: Statement, s: Statement) -> str | None:
    if before.attribution.type != "indirect" or not s.claim.asserts or s.claim.condition is not None or not (
            s.person and same_person(before.person, s.person)) or s.text.strip() in str(before.claim.concedes):
        return None  # (nor to the earlier words a reporter's clause recalls: "after she said the depot would stay")
    end = doc.char_span(before.attribution.content.start, before.attribution.content.end, alignment_mode="expand")
    start = doc.char_span(s.attribution.content.start, s.attribution.content.end, alignment_mode="expand")
    if end is None or start is None or not len(end) or not len(start):
        return None
    last, first = end[-1].sent, start[0].sent
    return before.claim.concedes if first.start in (last.start, last.end) else None


__all__ = ["ADMITTING_WORDS", "CONCEDING_VERBS", "RECALLED_VERBS", "conceding", "concession", "recalls"]
