"""Counts: two statements that give one thing different numbers ("200 jobs" / "80 jobs"), and the ``flags``
rule that rates it (:func:`changed_number`, half a change); one predicate said of two differently modified things
("the cod quota" / "the haddock quota"), or a counted noun under two different predicates, counts two things, not
one thing twice. Read by :mod:`onrecord.provenance.flags`, whose rule table asks :func:`changed_number` in its
place."""

from __future__ import annotations

import re

from onrecord.attribution.rules import rule
from onrecord.provenance.claims import Claim
from onrecord.provenance.concessions import corrected, gives_detail
from onrecord.provenance.durations import bounded, partitives
from onrecord.provenance.pairs import Pair, Verdict, firm, modifiers

#: Counted nouns too common to say two counts are of one thing ("3 percent", "$2 million", "two years").
COMMON_COUNTS = frozenset({"", "percent", "money", "year", "day", "week", "month", "time", "hour", "minute"})


def counted(a: Claim, b: Claim) -> bool:
    """Does one speaker count the same thing twice, differently ("400 homes will be affordable" / "we will build
    220 affordable homes"): a counted noun of its own, no other place or person named?"""
    changed = changed_numbers(a, b)
    na, nb = set(a.names), set(b.names)
    return changed is not None and changed[0] not in COMMON_COUNTS and not (na and nb and not na & nb)


def changed_numbers(a: Claim, b: Claim) -> tuple[str, float, float] | None:
    """A noun both count, differently: not one both give the same count of ("four engines overdue, two engine
    repairs put off" and "four engines overdue" agree on the engines: the two is of something else)."""
    nb: dict[str, list[float]] = {}
    for key, value in b.numbers:
        nb.setdefault(key, []).append(value)
    both = {k for k, v in a.numbers if v in nb.get(k, ())}
    for key, value in a.numbers:
        if key and key in nb and key not in both and nb[key][0] != value:
            return key, value, nb[key][0]
    return None


@rule("flags.changed-number",
      ("Ana Lind said the Lakeview plant will cut 200 jobs. Ana Lind later said the Lakeview plant will cut 80 "
       "jobs.", "half: changed number"),
      ("Ana Lind said the city will cut the cod quota by 10 percent. Ana Lind later said the city will cut the "
       "haddock quota by 15 percent.", "none: two things counted"),
      ("Ana Lind said 300 Lakeview ballots were cast. Ana Lind later said 40 Lakeview ballots were set aside.",
       "none: two things counted"),
      ("Ana Lind said the river peaked at 4.2 metres at Tarnwick Bridge. Ana Lind later said the river peaked at 4.6 "
       "metres at Kestrel Weir.", "none: two things counted"),
      ("Ana Lind said Lakeview cameras are on in more than 90 percent of searches. Ana Lind later said Lakeview "
       "cameras were on in 94 percent of searches.", "none: within the bound"),
      ("Ana Lind said three of the nine Lakeview members advised against the plan. Ana Lind later said six Lakeview "
       "members advised the plan.", "none: two parts of one whole"))
def changed_number(pair: Pair) -> Verdict | None:
    """The same claim with another number for the same thing ("200 jobs" / "80 jobs"); one predicate said of two
    differently modified things ("the cod quota" / "the haddock quota") or of two named places ("at Tarnwick
    Bridge" / "at Kestrel Weir"), or the counted noun under two different predicates ("300 ballots were cast" / "40
    ballots were set aside"), counts two things, not one twice. A count the other side's bound keeps ("more than
    90 percent" / "94 percent") agrees, and so do the two parts of a whole one side names ("three of the nine
    advised against" / "six advised for"); a count put right by name ("it was 3.4 metres, not 3.1") corrects the
    statement that gave the wrong one, not another count."""
    changed = changed_numbers(pair.a.claim, pair.b.claim)
    if changed is None:
        return None
    if _told_apart(pair.a.claim, pair.b.claim) or _done_apart(pair, changed[0]) or _placed_apart(pair):
        return Verdict(None, "two things counted")
    if _within_bound(pair, changed[1], changed[2]):
        return Verdict(None, "within the bound")
    if _parts_of_one_whole(pair, changed[1], changed[2]):
        return Verdict(None, "two parts of one whole")
    detail = corrected(pair.b)
    if detail and not gives_detail(pair.a, detail):
        return Verdict(None, "corrects another statement")  # ("it was 3.4 metres, not 3.1" puts right a 3.1)
    return Verdict("half", "changed number", changed[0])


def _done_apart(pair: Pair, counted: str) -> bool:
    """Is the counted noun said of different predicates on the two sides ("300 ballots were cast" / "40 ballots
    were set aside"): two sets of it counted, not one set counted twice? A predicate one side asserts and the other
    writes as the noun's modifier ("400 homes will be affordable" / "220 affordable homes") is one."""
    done = []
    for s, other in ((pair.a, pair.b), (pair.b, pair.a)):
        concepts = {c for c, args in s.claim.arguments if counted in args}
        written = {w.split()[-1].lower() for c, w in s.claim.words if c in concepts}
        if any(re.search(rf"\b{re.escape(w)}\s+(?:[\w-]+\s+)?{re.escape(counted)}", other.text.lower())
               for w in written):
            return False  # ("affordable" before "homes" on the other side)
        done.append(concepts)
    return bool(done[0] and done[1] and not done[0] & done[1])


def _placed_apart(pair: Pair) -> bool:
    """Does each side say the predicate they share of its own named place or thing, and none in common ("peaked at
    4.2 metres at Brannock Bridge" / "peaked at 4.6 metres at Holme Weir"): two measures of two places, not one
    measure changed? (A name said with another predicate, "they will go to Ashby", places nothing.)"""
    a, b = pair.a.claim, pair.b.claim
    for concept in {c for c, _ in a.stances} & {c for c, _ in b.stances}:
        na = {n for n in a.names if set(n.split()) <= set(a.arguments_of(concept))}
        nb = {n for n in b.names if set(n.split()) <= set(b.arguments_of(concept))}
        if na and nb and not na & nb:
            return True
    return False


def _within_bound(pair: Pair, value_a: float, value_b: float) -> bool:
    """Is one side's count a bound the other's count keeps ("more than ninety per cent" / "ninety-four per cent";
    "fewer than 1,000 homes" / "about 800 homes"): two counts that agree?"""
    for s, mine, other in ((pair.a, value_a, value_b), (pair.b, value_b, value_a)):
        for value, side in bounded(s.text):
            if value == mine and ((side == "lower" and other >= value) or (side == "upper" and other <= value)):
                return True
    return False


def _parts_of_one_whole(pair: Pair, value_a: float, value_b: float) -> bool:
    """Is one side's count a part of a whole it names that the other side's count makes up ("three of the nine
    members advised against" / "six members advised approval": three and six are the nine)? The two counts are of
    the whole's two parts, not one count changed."""
    for s, mine, other in ((pair.a, value_a, value_b), (pair.b, value_b, value_a)):
        for part, whole in partitives(s.text):
            if part == mine and part + other == whole:
                return True
    return False


def _told_apart(a: Claim, b: Claim) -> bool:
    """Do the two say one predicate of differently modified things ("cut the cod quota" / "cut the haddock quota"):
    their counts are of two things, not two counts of one."""
    for concept in {c for c, _ in a.stances} & {c for c, _ in b.stances}:
        ha, hb = firm(a.heads_of(concept)), firm(b.heads_of(concept))
        ma, mb = modifiers(a.heads_of(concept)), modifiers(b.heads_of(concept))
        if ha & hb and ma and mb and not ma & mb:
            return True
    return False


__all__ = ["COMMON_COUNTS", "changed_number", "changed_numbers", "counted"]
