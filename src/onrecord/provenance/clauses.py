"""Clause-level facts about a statement's content: the question sentences in it, a hypothetical "if", the condition
it puts on its claim, and a conflict word (read by :mod:`onrecord.provenance.claims`). Each takes the content and,
optionally, its tokens as a list: walking a Span builds its Tokens anew each time."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from onrecord.lexicon import load

_EN = load("en")
CONDITION_MARKERS = _EN.words("condition_markers")
CONFLICT_SIGNALS = _EN.words("conflict_signals")
_EMBEDDING = _EN.words("embedding_verbs")
_TIME_MARKERS = _EN.words("time_markers")


def questions(content: Span, tokens: Iterable[Token] | None = None) -> set[int]:
    """The tokens of the content's sentences that are questions ("Did the plant close? Workers deserve an answer."):
    a question asserts nothing, whatever the sentence after it says. ``tokens``: the content's tokens, listed once
    by a caller that walks them several times (as for the functions below)."""
    out: set[int] = set()
    for tok in content if tokens is None else tokens:
        if tok.text == "?":
            out.update(range(max(tok.sent.start, content.start), tok.i + 1))
    return out


def counterfactual(content: Span, tokens: Iterable[Token] | None = None) -> bool:
    """An "if" clause in the past perfect or the past with "would" in the main clause ("if the council had found
    the money, the station would stay open"; "if the council refused, we would not build") is a hypothetical:
    neither it nor its main clause is asserted. "Even if" concedes: its main clause holds whatever happens ("even if
    the grant came tomorrow, the line could not open"). So is a clause that opens on "had" or "were" before its
    subject ("had the council published the figures, none of this would have happened")."""
    for tok in content if tokens is None else tokens:
        if tok.dep_ == "advcl" and _inverted(tok):
            return True
        if tok.dep_ == "mark" and tok.lower_ == "if" and not _conceding(tok):
            clause = tok.head
            if any(c.lower_ == "had" and c.dep_ == "aux" for c in clause.children) or (
                    clause.lower_ == "had" and clause.dep_ != "aux"):
                return True
            main = clause.head
            if clause.tag_ == "VBD" and any(c.lower_ in ("would", "could", "might") for c in main.children):
                return True
    return False


def _inverted(clause: Token) -> bool:
    """Does a clause open on "had" or "were" before its subject ("Had the council asked, ...", "Were the grant to
    end, ..."): a condition written without "if"?"""
    first = clause.left_edge
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return first.lower_ in ("had", "were") and subject is not None and first.i < subject.i


def _conceding(tok: Token) -> bool:
    """Is this "if" an "even if", which puts no condition on the claim?"""
    return tok.i > 0 and tok.doc[tok.i - 1].lower_ == "even"


def condition_of(content: Span, tokens: Iterable[Token] | None = None) -> str | None:
    """The condition the content puts on its claim, as written ("unless the state pays"); "even if" is none, and so
    is a clause of time in the past ("co-operated once the investigation began": it began)."""
    for tok in content if tokens is None else tokens:
        if tok.dep_ == "mark" and tok.lower_ in CONDITION_MARKERS and tok.lower_ != "whether" and not _conceding(tok):
            clause = tok.head
            if tok.lower_ in _TIME_MARKERS and _past(clause):
                continue
            left = min(clause.left_edge.i, tok.i)
            right = min(clause.right_edge.i + 1, content.end)
            return content.doc[left:right].text
    return _imperative_condition(content, tokens)


def _imperative_condition(content: Span, tokens: Iterable[Token] | None = None) -> str | None:
    """The order a clause joined to it by "and" depends on ("Use the fund, and the station stays open": if the
    fund is used): an imperative that opens its sentence (a bare verb with no subject) with a clause of its own
    after "and"; the imperative, as written."""
    for tok in content if tokens is None else tokens:
        if tok.tag_ != "VB" or tok.dep_ not in ("ROOT", "ccomp") or any(
                c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children):
            continue
        first = next((t for t in content.doc[max(tok.sent.start, content.start):tok.i + 1] if not t.is_punct), tok)
        cc = next((c for c in tok.children if c.dep_ == "cc" and c.lower_ == "and"), None)
        if first.i != tok.i or cc is None or not any(
                t.dep_ in ("nsubj", "nsubjpass") for t in content.doc[cc.i + 1:min(tok.sent.end, content.end)]):
            continue  # (the clause after "and" has a subject of its own: "and the station stays open")
        return content.doc[max(tok.i, content.start):cc.i].text.rstrip(" ,")
    return None


def hypothetical(condition: str | None) -> bool:
    """Does a condition make its claim a case, not a report of how things are: an "if" ("if the grant ends") or an
    order it depends on ("Use the fund, and ...": written without a condition's marker)?"""
    words = (condition or "").lower().split()
    return bool(words) and (words[0] == "if" or not CONDITION_MARKERS & set(words[:2]))  # (not "only if", "even if")


def _past(clause: Token) -> bool:
    """Is a clause in the past ("began", "had begun"), not the present or the future ("begins", "has begun")?"""
    return clause.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ == "had" for c in clause.children)


def signal_of(content: Span, tokens: Iterable[Token] | None = None) -> str | None:
    for tok in content if tokens is None else tokens:
        if tok.dep_ in ("amod", "compound"):
            continue  # "a disputed email" names no conflict
        lemma = "odds" if tok.lower_ == "odds" else tok.lemma_.lower()
        if lemma in CONFLICT_SIGNALS and tok.pos_ in ("VERB", "ADJ", "NOUN"):
            if tok.lower_ == "odds" and not (tok.i > 1 and tok.doc[tok.i - 1].lower_ == "at"):
                continue
            return tok.doc[max(tok.i - 1, content.start) if tok.lower_ == "odds" else tok.i: tok.i + 1].text
    return None


#: Verbs of siding with someone ("stands with the director", "agreed with Lind", "backed the mayor").
_SIDING_WITH = frozenset("stand side agree concur".split())
_SIDING = frozenset("back support endorse".split())
_SIDING_ALL = _SIDING_WITH | _SIDING | {"right"}


def sides_with(content: Span, tokens: Iterable[Token] | None = None) -> tuple[str, ...]:
    """The words naming whoever the content says its speaker stands with ("the board stands with the director",
    "I agree with Ana Lind", "we back the mayor", "the mayor is right that ..."): a party on that side holds the
    same position, so the two do not conflict. A negated verb ("we do not stand with them") sides with no one."""
    out: list[str] = []
    for tok in content if tokens is None else tokens:
        lemma = tok.lemma_.lower()
        if lemma not in _SIDING_ALL or any(c.dep_ == "neg" for c in tok.children):
            continue
        if lemma in _SIDING_WITH and tok.pos_ == "VERB":
            held = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children
                    if o.dep_ == "pobj"]
        elif lemma in _SIDING and tok.pos_ == "VERB":
            held = [o for o in tok.children if o.dep_ == "dobj" and (o.ent_type_ == "PERSON" or o.pos_ == "NOUN")]
        elif lemma == "right" and tok.dep_ == "acomp":
            held = [s for s in tok.head.children if s.dep_ == "nsubj" and s.lower_ not in ("i", "we", "it")]
        else:
            continue
        out.extend(w.lower_ for o in held for w in o.subtree if w.is_alpha and not w.is_stop and len(w) > 2)
    return tuple(dict.fromkeys(out))


def wanting(head: Token) -> bool:
    """Is ``head`` a verb of wanting or asking ("asked for"), or a copula whose subject holds one ("all we want is
    for ...", "what they asked was for ...")?"""
    if head.lemma_.lower() in _EMBEDDING:
        return True
    return head.lemma_ == "be" and any(t.lemma_.lower() in _EMBEDDING for c in head.children
                                       if c.dep_ in ("nsubj", "csubj") for t in c.subtree)


__all__ = ["CONDITION_MARKERS", "CONFLICT_SIGNALS", "condition_of", "counterfactual", "hypothetical", "questions",
           "sides_with", "signal_of", "wanting"]
