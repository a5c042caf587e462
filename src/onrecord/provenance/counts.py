"""Counts: two statements that give one thing different numbers ("200 jobs" / "80 jobs"), and the ``flags``
rule that rates it (:func:`changed_number`, half a change); one predicate said of two differently modified things
("the cod quota" / "the haddock quota"), or a counted noun under two different predicates, counts two things, not
one thing twice. Read by :mod:`onrecord.provenance.flags`, whose rule table asks :func:`changed_number` in its
place."""

from __future__ import annotations

import re

from onrecord.attribution.rules import rule
from onrecord.lexicon import load
from onrecord.lexicon.en import DAY_WORDS, NUMBER_VALUES
from onrecord.provenance.claims import Claim
from onrecord.provenance.concessions import corrected, gives_detail
from onrecord.provenance.durations import bounded, partitives
from onrecord.provenance.pairs import Pair, Verdict, firm, modifiers

#: Counted nouns too common to say two counts are of one thing ("3 percent", "$2 million", "two years").
COMMON_COUNTS = frozenset({"", "percent", "money", "year", "day", "week", "month", "time", "hour", "minute"})
#: Nouns a count is given under without naming what it counts ("the true number is 212,000"): lexicon
#: ``count_figures``.
COUNT_FIGURES = load("en").words("count_figures")


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
       "members advised the plan.", "none: two parts of one whole"),
      ("Ana Lind said: “Sixty-one percent is the figure the Lakeview board was given.” Later Ana Lind said: "
       "“Ninety percent is a long way from sixty-one.”", "none: count given back"))
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
    if _given_back(pair, changed[1]):
        return Verdict(None, "count given back")
    if _parts_of_one_whole(pair, changed[1], changed[2]):
        return Verdict(None, "two parts of one whole")
    detail = corrected(pair.b)
    if detail and not gives_detail(pair.a, detail):
        return Verdict(None, "corrects another statement")  # ("it was 3.4 metres, not 3.1" puts right a 3.1)
    return Verdict("half", "changed number", changed[0])


def _given_back(pair: Pair, value: float) -> bool:
    """Does the later side give the earlier count back under no noun, and not to deny it ("94 percent is a long way
    from sixty-one" holds to the 61 percent said before; "611 people, not 540" puts the 540 right)?"""
    return value in [v for k, v in pair.b.claim.numbers if not k] and value not in _denied(pair.b.text)


_NOT_A_COUNT = re.compile(r"\bnot\s+(?:the\s+|about\s+)?([\d,.]*\d|[a-z]+(?:-[a-z]+)?)\b", re.I)


def _denied(text: str) -> set[float]:
    """The counts a statement denies ("not 200", "not sixty-one")."""
    out = set()
    for m in _NOT_A_COUNT.finditer(text):
        word = m.group(1).lower()
        if word[0].isdigit():
            out.add(float(word.replace(",", "")))
        elif all(w in NUMBER_VALUES for w in word.split("-")):
            out.add(sum(float(NUMBER_VALUES[w]) for w in word.split("-")))
    return out


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


def counts(claim: Claim) -> bool:
    """Does a claim count a thing by name ("40,000 users"), or give a count under a figure word ("the true number
    is 212,000")? Such claims are compared with :func:`recounted`."""
    return any(k and k not in COMMON_COUNTS and k not in COUNT_FIGURES for k, _ in claim.numbers) or bool(
        set(claim.keys) & COUNT_FIGURES and _bare(claim))


def _bare(claim: Claim) -> list[float]:
    """The counts a claim gives under no noun of its own, or under a figure word ("the true number is 212,000"),
    years left out."""
    return [v for k, v in claim.numbers if (not k or k in COUNT_FIGURES) and not 1900 <= v <= 2100]


_FIGURE = re.compile(rf"\b(?:{'|'.join(sorted(COUNT_FIGURES))})\b", re.I)
_A_COUNT = re.compile(rf"\d|\b(?:{'|'.join(sorted(w for w in NUMBER_VALUES if w != 'one'))})\b", re.I)


def _figure_before_count(text: str) -> bool:
    """Does a count follow a figure word ("the true number is 212,000"; not "eleven kites is not our number", which
    names what it counts)?"""
    figure = _FIGURE.search(text)
    return figure is not None and _A_COUNT.search(text, figure.end()) is not None


def recounted(pair: Pair) -> tuple[str, float, float] | None:
    """One speaker giving, under a figure word ("the true number is 212,000", "the right figure is about 4,800",
    "the true size of the list was nearer 3,700"), a new count of the one thing they counted by name before ("about
    40,000 users were affected"): the counted noun, the named count and the new one. The figure's side names nothing
    else (but times), or names the counted noun itself; a count it gives back ("I said 2,000. The true number was
    48,600") is not the new one."""
    if not pair.same_speaker:
        return None
    for named, bare in ((pair.a, pair.b), (pair.b, pair.a)):
        counts = [(k, v) for k, v in named.claim.numbers if k and k not in COMMON_COUNTS and k not in COUNT_FIGURES]
        values = _bare(bare.claim)
        if len(counts) != 1 or not values or not _figure_before_count(bare.text):
            continue
        key, value = counts[0]
        others = set(bare.claim.keys) - COUNT_FIGURES - DAY_WORDS - set(named.claim.keys) - set(named.claim.context)
        if key not in bare.claim.keys and others:
            continue  # ("the number of complaints rose to 40" counts complaints, not the users counted before)
        given = {v for _, v in named.claim.numbers}
        new = [v for v in values if v not in given]
        if new and not _within_bound(pair, *((value, new[0]) if named is pair.a else (new[0], value))):
            return (key, value, new[0]) if named is pair.a else (key, new[0], value)
    return None


@rule("flags.recounted",
      ("Ana Lind said about 4,000 Lakeview homes lost power. In May, Ana Lind said: “The true number is a little "
       "over 9,000.”", "half: changed number"))
def recount(pair: Pair) -> Verdict | None:
    """A speaker's new count of what they counted before, given under a figure word and no noun of its own ("about
    40,000 users were affected" / "the true number is a little over 212,000": :func:`recounted`) is half a change,
    as a changed number is."""
    found = recounted(pair)
    return Verdict("half", "changed number", found[0]) if found else None


__all__ = ["COMMON_COUNTS", "COUNT_FIGURES", "changed_number", "changed_numbers", "counted", "counts", "recount",
           "recounted"]
