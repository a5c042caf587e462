"""Reversals and conflicts between statements: pairs of claims on one subject that do not agree.

Two statements are compared when they share a subject (:func:`overlap`: the nouns, names and documents they are
about, and the concept of a predicate both use). The ``flags`` rules then decide the pair, first match wins:

- a question or a negated cue ("did not deny") asserts nothing: no flag;
- a speaker who concedes ("conceded", "I was wrong", "after she told reporters ..."; provenance.concessions)
  against their earlier statement on the matter, in whatever words: **full**;
- one predicate concept with opposite signs: **full** ("will close" / "will not close": opposite polarity;
  "real" / "fake": antonym);
- the same concept with a changed number ("200 jobs" / "80 jobs"), or the same claim made less certain ("will" /
  "may") or put under a condition ("unless they pay"): **half** (reversals only: two speakers who differ in
  certainty do not conflict);
- anything else agrees (a clarification, a repetition): no flag.

The same speaker gives a **reversal** (rated); two speakers, or a speaker and a document, give a **conflict**. The
values compared and raised, :class:`Statement` and :class:`Flag`, live in :mod:`onrecord.provenance.values`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from onrecord.attribution.rules import RuleTable, rule
from onrecord.lexicon import load
from onrecord.provenance.claims import DEONTIC, TIME_BOUND, Claim
from onrecord.provenance.clauses import hypothetical
from onrecord.provenance.concessions import CONCEDED, QUOTED, link, quoted_back, strongest
from onrecord.provenance.counts import changed_number, changed_numbers, counted, counts, recount, recounted
from onrecord.provenance.durations import DURATION, changed_duration, durations, timed
from onrecord.provenance.hoped import HOPING_VERBS, hoped, hoped_claim
from onrecord.provenance.pairs import SUBJECT_THRESHOLD, Pair, Verdict, overlap, subject_of
from onrecord.provenance.parties import person_key, same_person, same_story
from onrecord.provenance.values import DOCUMENT_MEDIA, Flag, FlagKind, Rating, Statement

#: What speakers say they cannot be of their own words ("I cannot be certain"): a hedge on the claim beside it.
UNSURE_WORDS = load("en").words("unsure_words")
#: Words after which what a speaker is unsure of is a question of its own ("not sure when the repairs start").
UNSURE_OPENERS = load("en").words("unsure_openers")


def _softened(pair: Pair) -> Verdict | None:
    """An opposite claim made uncertain or conditional is half a change ("will not close" / "may have to close if
    the grant ends")."""
    a, b = pair.a.claim, pair.b.claim
    concept = (pair.opposed or [""])[0]
    if (_hedged(pair.a, concept)) != (_hedged(pair.b, concept)):
        return Verdict("half", "certainty")
    if (a.condition is None) != (b.condition is None):
        return Verdict("half", "condition")
    return None


def _hedged(s: Statement, concept: str) -> bool:
    """Is the claim on ``concept`` made uncertain ("may", "probably"; not "must", which demands), or does the
    speaker say beside it that they cannot be sure ("the bridge is safe for cars, but I cannot be certain"; not
    "I am not sure when the repairs will start", unsure of a question of its own)?"""
    claim = s.claim
    if claim.modal_of(concept) not in (None, *DEONTIC):
        return True
    return any(sign < 0 and "@self" in claim.heads_of(c) for c, sign in claim.stances if c in UNSURE_WORDS) and not (
        _UNSURE_OF.search(s.text.lower()))


#: An unsure word followed by a question of its own ("not sure when", "cannot be certain whether").
_UNSURE_OF = re.compile(rf"\b(?:{'|'.join(sorted(UNSURE_WORDS))})\W+(?:{'|'.join(sorted(UNSURE_OPENERS))})\b")


def _words(claim: Claim, concept: str) -> str:
    return next((w for c, w in claim.words if c == concept), concept)


@rule("flags.not-asserted",
      ("Ana Lind said the plant will close. Later, Ana Lind asked whether the plant will close.", "none: question"),
      ("Ana Lind said the plant will close. Ana Lind did not deny that the plant will not close.",
       "none: negated cue"),
      ("Ana Lind said the Kestrel depot will close in May. The council ordered Ana Lind to close the Kestrel depot "
       "in May.", "none: demand"),
      ("Ana Lind said the Kestrel depot will not close. The Lakeview council voted on Monday to close the Kestrel "
       "depot.", "none: act"))
def not_asserted(pair: Pair) -> Verdict | None:
    """A question, a negated cue ("did not deny"), a demand ("ordered the firm to lower the water") or an act
    ("voted to close the depot", ``stance.act``) asserts nothing, so it reverses and contradicts nothing."""
    for claim in (pair.a.claim, pair.b.claim):
        if claim.cue == "ask":
            return Verdict(None, "question")
        if claim.cue == "unclear":
            return Verdict(None, "negated cue")
        if claim.cue in ("demand", "act"):
            return Verdict(None, str(claim.cue))
    return None


@rule("flags.conceded",
      ("Ana Lind said the Lakeview ward was fully staffed. In May, Ana Lind conceded that the Lakeview ward had been "
       "short of nurses.", "full: conceded"),
      ("Ana Lind said every fire door was open. In June, Ana Lind said: “I said every fire door was open. That was "
       "wrong.”", "full: conceded"))
def conceded(pair: Pair) -> Verdict | None:
    """A speaker who concedes, apologises or says they were wrong (``Claim.concedes``, provenance.concessions)
    reverses what they said before on the matter, in whatever words: the earlier statement asserts something, is
    tied to what the conceding one concedes (:func:`onrecord.provenance.concessions.link`: the same predicate, a
    predicate of the same thing, the words a reporter's clause recalls; not a noun of the story named on both
    sides), and does not already say the same (a predicate said of the same thing with the same sign and none
    opposed, unless that sign is in the words the concession gives back: "I said every door was open. That was
    wrong"). Of the speaker's earlier statements, the likeliest to be the one conceded are kept
    (:func:`onrecord.provenance.concessions.strongest`): one whose own words the concession gives back first. A
    concession that puts right a count or a detail ("it was the Tuesday, not the Monday"; "we had 94 stewards, I
    gave the wrong figure") is half a change, as a changed number is."""
    a, b = pair.a.claim, pair.b.claim
    if not (pair.same_speaker and b.concedes) or a.concedes or not a.stances:
        return None
    tied = link(pair.a, pair.b)
    if pair.shared and not pair.opposed and tied < QUOTED:
        return None  # (the same sign again, unless it is in the words the concession gives back)
    if not tied:
        return None
    return Verdict("half" if quoted_back(pair.a, pair.b) == "count" else "full", "conceded", CONCEDED)


@rule("flags.different-subject",
      ("Ana Lind said the plant will close. Ana Lind said the school will not close.", "none: different subject"))
def different_subject(pair: Pair) -> Verdict | None:
    """Opposite words about different things ("the plant will close" / "the school will not") are no reversal: the
    two share no predicate said of the same thing, and not enough of what they are about."""
    if not pair.opposed and not pair.shared and overlap(pair.a.claim, pair.b.claim) < SUBJECT_THRESHOLD and not (
            pair.same_speaker and (counted(pair.a.claim, pair.b.claim) or recounted(pair) or hoped(pair.a, pair.b))):
        return Verdict(None, "different subject")
    return None


def _apart(pair: Pair, concept: str) -> bool:
    """Is a concept said of two times: the past on one side and the future on the other, or the present "now" ("was
    open for weeks" / "is closed now"), a negation bound in time on one side ("not yet", "still not": so far, not
    ever; "no longer": not now, but before; the lexicon's ``time_bound_negations``), or years that differ ("will
    open in 2027" / "will not open in 2029")?"""
    a, b = pair.a.claim, pair.b.claim
    ta, tb = a.tense_of(concept), b.tense_of(concept)
    na, nb = (bool(re.search(r"\bnow\b", s.text, re.I)) for s in (pair.a, pair.b))  # ("is closed now", "was now")
    if {ta, tb} == {"past", "future"} or (na != nb and (tb if na else ta) == "past"):
        return True
    if any(TIME_BOUND & set(_words(c, concept).lower().split()) for c in (a, b)):
        return True  # "had not yet boarded when the ship left" / "boarded after it left": so far, then later; "can
        # no longer be switched off" / "was switched off": not now, then before
    ya, yb = a.years_of(concept), b.years_of(concept)
    return bool(ya and yb and not set(ya) & set(yb))


@rule("flags.different-time",
      ("Ana Lind said the Lakeview plant would not pay the bonus until June. In July, Ana Lind said the Lakeview "
       "plant had paid the bonus.", "none: different time"),
      ("Ana Lind said the Lakeview bridge will open in 2027. Ivo Tarn said the Lakeview bridge will not open in "
       "2029.", "none: different time"),
      ("Ana Lind said the Lakeview gate was open for six weeks. In July, Ana Lind said the Lakeview gate is closed "
       "now.", "none: different time"),
      ("Ivo Tarn said the Lakeview camera was switched off before the arrest. Ana Lind said Lakeview cameras can no "
       "longer be switched off.", "none: different time"))
def different_time(pair: Pair) -> Verdict | None:
    """Opposite signs at two times ("would not pay until June" / "had paid"; "will open in 2027" / "will not open
    in 2029"; "had not yet signed when the crane fell" / "signed after it fell") are no change of mind and no
    dispute: one side is said of the future, the other of the past, or of another year, or one says "not yet", on
    every concept they oppose ("cameras can no longer be switched off" / "the camera was switched off")."""
    if pair.opposed and all(_apart(pair, c) for c in pair.opposed):
        return Verdict(None, "different time")
    return None


@rule("flags.own-side",
      ("Ana Lind said: “We will accept the Lakeview offer.” Ivo Tarn said: “We will not accept the Lakeview "
       "offer.”", "none: each of their own side"))
def own_side(pair: Pair) -> Verdict | None:
    """Two parties each saying what their own side does ("we accept the offer" / "nobody in my building will
    accept it") do not contradict each other: the first person is a different agent in each mouth."""
    if not pair.same_speaker and pair.opposed and all(
            c in pair.a.claim.own and c in pair.b.claim.own for c in pair.opposed):
        return Verdict(None, "each of their own side")
    return None


def _named_by(party: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", (party or "").lower()) if len(w) > 2 and w not in ("the", "and")}


@rule("flags.agreement",
      ("Ana Lind said the Lakeview plant will close. Later Ivo Tarn said: “I stand with Ana Lind: the Lakeview plant "
       "will not close.”", "none: sides with the other"))
def agreement(pair: Pair) -> Verdict | None:
    """A party who says they stand with the other ("the board stands with the director", "I agree with Lind")
    holds the other's position, whatever an earlier statement of the other's said: no conflict between them."""
    a, b = pair.a, pair.b
    if not (a.claim.sides or b.claim.sides):
        return None  # (most pairs: nobody sides with anyone)
    if not pair.same_speaker and (set(b.claim.sides) & (_named_by(a.party) | _named_by(a.person))
                                  or set(a.claim.sides) & (_named_by(b.party) | _named_by(b.person))):
        return Verdict(None, "sides with the other")
    return None


@rule("flags.opposite-polarity",
      ("Ana Lind said the Lakeview plant will close. A week later, Ana Lind said the Lakeview plant will not "
       "close.", "full: opposite polarity"),
      ("Ivo Tarn said the levy was fair. Ivo Tarn later denied that the levy was fair.", "full: opposite polarity"))
def opposite_polarity(pair: Pair) -> Verdict | None:
    """The same predicate asserted and denied ("will close" / "will not close", "said" / "denied")."""
    for concept in pair.opposed:
        wa, wb = _words(pair.a.claim, concept), _words(pair.b.claim, concept)
        if wa.split()[-1].lower() == wb.split()[-1].lower() or "deny" in (pair.a.claim.cue, pair.b.claim.cue):
            soft = _softened(pair) if pair.same_speaker else None
            return Verdict("half", soft.reason, concept) if soft else Verdict("full", "opposite polarity", concept)
    return None


@rule("flags.antonym",
      ("Ana Lind said the memo about the Lakeview plant was fake. Ana Lind later said the memo about the Lakeview "
       "plant was genuine.", "full: antonym"))
def antonym(pair: Pair) -> Verdict | None:
    """Opposite words for one predicate ("fake" / "genuine", "stay" / "withdraw", "approve" / "reject")."""
    if pair.opposed:
        soft = _softened(pair) if pair.same_speaker else None
        return Verdict("half", soft.reason, pair.opposed[0]) if soft else Verdict("full", "antonym", pair.opposed[0])
    return None


@rule("flags.certainty",
      ("Ana Lind said the Lakeview plant will close. Ana Lind later said the Lakeview plant may close.",
       "half: certainty"),
      ("“The Lakeview bridge is safe for lorries,” Ana Lind said in March. In May she said: “The Lakeview bridge is "
       "safe for lorries, but I cannot be certain of it.”", "half: certainty"))
def certainty(pair: Pair) -> Verdict | None:
    """One speaker's firm claim made uncertain later ("will close", then "may close"); growing firmer in the same
    direction is no reversal."""
    for concept in pair.shared if pair.same_speaker else ():
        if not _hedged(pair.a, concept) and _hedged(pair.b, concept):
            return Verdict("half", "certainty", concept)
    return None


@rule("flags.condition",
      ("Ana Lind said the city will build the Lakeview bridge. Ana Lind later said the city will build the "
       "Lakeview bridge only if the state pays.", "half: condition"))
def condition(pair: Pair) -> Verdict | None:
    """One speaker's plain claim put under a condition later ("will build", then "will build only if ...")."""
    if pair.same_speaker and pair.shared and pair.a.claim.condition is None and pair.b.claim.condition is not None:
        return Verdict("half", "condition", pair.shared[0])
    return None


FLAG_RULES: RuleTable[Pair, Verdict] = RuleTable(
    "flags", [not_asserted, conceded, different_subject, different_time, own_side, agreement, opposite_polarity,
              antonym, changed_number, recount, changed_duration, certainty, hoped_claim, condition])


def _reports(claim: Claim, concept: str | None, other: Claim) -> bool:
    """Does a claim report how things are on ``concept``, firmly enough to contradict another party (not "may",
    not "must", not under "if ..." -- unless the other is conditional too: two predictions of what a strike would
    do can contradict each other)?"""
    if concept is not None and claim.modal_of(concept) is not None:
        return False
    return not hypothetical(claim.condition) or other.condition is not None


def conditions(*statements: Statement) -> str:
    """The conditions the statements put on their claims, for a flag's reason ("; Donald Trump: “unless they pay
    us back”")."""
    said = [f"{s.party}: “{s.claim.condition}”" for s in statements if s.claim.condition]
    return "; conditioned by " + "; ".join(said) if said else ""


def judge(a: Statement, b: Statement) -> Flag | None:
    """The flag two statements earn, if any: a reversal (same speaker) or a conflict (two parties)."""
    if a.party is None or b.party is None:
        return None
    pair = Pair(a, b)
    same = pair.same_speaker
    if not same and a.party == b.party and a.speaker == b.speaker:
        return None
    decided = FLAG_RULES.first(pair)
    if decided is None or decided[1].rating is None:
        return None
    concept = decided[1].concept
    if not same and not (_reports(a.claim, concept, b.claim) and _reports(b.claim, concept, a.claim)):
        return None
    verdict = decided[1]
    if verdict.rating != "full" and not (_counted_apart(pair, concept) if not same else a.article != b.article or (
            pair.opposed and verdict.reason == "certainty")):
        return None  # a conflict is a full disagreement (or two counts of one thing); within one article, a
        # softened restatement is no change, a softened opposite is ("no aircraft flew" / "some may have flown")
    concept = verdict.concept
    evidence = tuple(dict.fromkeys(w for w in (_words(a.claim, concept or ""), _words(b.claim, concept or ""))
                                   if w and concept))
    if verdict.reason == CONCEDED:
        evidence = (str(b.claim.concedes),)
    if verdict.reason == "changed number":
        evidence = tuple(f"{v:g} {concept}".strip() for s in (a, b) for k, v in s.claim.numbers if k == concept)
    if concept == DURATION:
        evidence = tuple(f"{lo:g}-{hi:g} hours" for s in (a, b) for lo, hi in durations(s.text))
    return Flag(
        kind="reversal" if same else "conflict", subject=subject_of(a.claim, b.claim, concept),
        reason=verdict.reason + conditions(a, b), a=a.ref(), b=b.ref(), rating=verdict.rating if same else None,
        speaker=a.person if same else a.party, other=None if same else b.party, evidence=evidence, concept=concept,
    )


def _counted_apart(pair: Pair, concept: str | None = None) -> bool:
    """Do two parties give one thing different counts: a changed number on a predicate both assert firmly of the
    same thing ("the tunnel is 70 percent complete" / "the tunnel was 48 percent complete"), or two stretches of
    time on one such predicate ("was open for less than a day" / "was open for at least six weeks")?"""
    if concept == DURATION:
        return bool(pair.shared)
    changed = changed_numbers(pair.a.claim, pair.b.claim)
    if changed is None or abs(changed[1] - changed[2]) <= 0.1 * max(abs(changed[1]), abs(changed[2])):
        return False  # ("about 40" and "38" are one count, roughly given)
    return any(_reports(pair.a.claim, c, pair.b.claim) and _reports(pair.b.claim, c, pair.a.claim)
               for c in pair.shared[:1])


def _strength(flag: Flag) -> tuple[int, int, int]:
    """Which of two flags on one disagreement to show: a full rating, the speakers' own (quoted) words."""
    own = sum(1 for r in (flag.a, flag.b) if r and r.get("type") in ("direct", "mixed"))
    return (flag.rating == "full", flag.reason.startswith("the reporter"), own)


def group_key(f: Flag) -> tuple[Any, ...] | None:
    """What makes flags one disagreement: kind, parties, concept and the two articles (None: not grouped)."""
    if f.kind == "document" or f.concept is None:
        return None
    arts = tuple(sorted(str((r or {}).get("article")) for r in (f.a, f.b)))
    if f.concept == CONCEDED:  # (a count put right and a claim taken back are two concessions)
        arts = (*arts, str(f.rating))
    return (f.kind, tuple(sorted((f.speaker or "", f.other or ""))), f.concept, arts)


def group_flags(flags: Iterable[Flag], same: Callable[[dict[str, Any]], Hashable] | None = None) -> list[Flag]:
    """One flag per disagreement: flags of one kind between the same parties, on the same concept, between the
    same two articles (a lede's paraphrase and the quotation below it say one thing) become one, the strongest
    pair shown and the others kept in ``also``. ``same``: what identifies a statement of a flag (by default its
    article and ordinal; the store gives its attribution id, one statement named two ways)."""
    groups: dict[tuple[Any, ...], list[Flag]] = {}
    order: list[tuple[Any, ...]] = []
    for f in flags:
        key: tuple[Any, ...] = group_key(f) or (id(f),)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(f)
    order = _join_shared(groups, order, same or _place)
    out = []
    for key in order:
        members = sorted(groups[key], key=_strength, reverse=True)
        best = members[0]
        if len(members) > 1:
            best = replace(best, also=(*best.also, *(p for m in members[1:] for p in _oriented(m, best))))
        out.append(best)
    return out


def _oriented(m: Flag, best: Flag) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """The pairs of ``m`` (its own and those it holds) with the side of ``best``'s speaker first, as ``also`` keeps
    them (a conflict joined from the other party's side is turned round)."""
    pairs = [(m.a or {}, m.b or {}), *m.also]
    swap = m.kind == "conflict" and m.speaker != best.speaker and m.speaker == best.other
    return [(b, a) for a, b in pairs] if swap else pairs


def _place(ref: dict[str, Any]) -> Hashable:
    return str(ref.get("article")), str(ref.get("ordinal"))


def _statements(flags: list[Flag], same: Callable[[dict[str, Any]], Hashable]) -> set[Hashable]:
    return {same(r) for f in flags for r in (f.a, f.b) if r}


def _join_shared(groups: dict[tuple[Any, ...], list[Flag]], order: list[tuple[Any, ...]],
                 same: Callable[[dict[str, Any]], Hashable]) -> list[tuple[Any, ...]]:
    """Flags on one concept that share a statement are one disagreement: conflicts between the same two articles,
    whatever the other side is called ("the audit" and "the Regional Audit Office" contradicting one claim), and
    flags between the same parties in any articles (``flags.restated``: one claim said twice, a quotation in March
    and the reporter's recap of it in May, against the one statement that takes it back)."""
    kept: list[tuple[Any, ...]] = []
    for key in order:
        target = next((k for k in kept if len(k) == 4 and len(key) == 4 and k[0] == key[0] and k[2] == key[2]
                       and ((k[1] == key[1] and groups[k][0].rating == groups[key][0].rating)
                            or (k[0] == "conflict" and k[3] == key[3]))
                       and _statements(groups[k], same) & _statements(groups[key], same)), None)
        if target is None:
            kept.append(key)
        else:
            groups[target].extend(groups.pop(key))
    return kept


def comparable(a: Statement, ta: frozenset[str], b: Statement, tb: frozenset[str]) -> bool:
    """May two statements earn a flag: their :func:`topics` meet, or one concedes (``flags.conceded`` needs no
    shared topic), or the later gives only as hoped what the earlier claimed (``flags.hoped``)?"""
    if not ta.isdisjoint(tb):  # (a count on both sides and nothing else shared: only one speaker's recount)
        return _COUNTED not in ta or _COUNTED not in tb or len(ta & tb) > 1 or _one_person(a, b)
    if a.claim.concedes or b.claim.concedes:
        return True
    return (_HOPING in ta or _HOPING in tb) and _one_person(a, b) and hoped(*order(a, b)) is not None


def _one_person(a: Statement, b: Statement) -> bool:
    """Are two statements one person's (their last names first, the cheap test, as it is asked of many pairs)?"""
    pa, pb = a.person, b.person
    if not pa or not pb:
        return False
    return pa.rsplit(" ", 1)[-1] == pb.rsplit(" ", 1)[-1] and same_person(pa, pb)


def topics(claim: Claim) -> frozenset[str]:
    """The predicate concepts a claim asserts and the nouns it counts. Every rule that rates a pair needs one of
    them on both sides (a concept both use for opposite or shared signs, a noun both count for a changed number),
    so two statements whose topics are disjoint earn no flag (but a conceding one: :func:`comparable`):
    :func:`pair_flags` does not ask the rules about them."""
    return frozenset([*(c for c, _ in claim.stances), *(k for k, _ in claim.numbers if k),
                      *((DURATION,) if timed(claim) else ()), *((_COUNTED,) if counts(claim) else ()),
                      *((_HOPING,) if not HOPING_VERBS.isdisjoint(c for c, _ in claim.stances) else ())])


#: The topic of every claim that counts something, by name or under a figure word ("the true number is ..."):
#: ``flags.recounted`` compares them.
_COUNTED = "#count"
#: The topic of a claim with a verb of hoping ("we hope to fly again"): ``flags.hoped`` reads its words.
_HOPING = "#hoping"


def order(a: Statement, b: Statement) -> tuple[Statement, Statement]:
    """The earlier statement first (by date, then article, then place), as the flags compare them."""
    ka = (a.published or "", a.article, a.ordinal)
    kb = (b.published or "", b.article, b.ordinal)
    return (a, b) if ka <= kb else (b, a)


def pair_flags(statements: Sequence[Statement], against: Iterable[Statement] | None = None, *,
               conflicts: bool = False) -> list[Flag]:
    """Every reversal and conflict among ``statements`` (one article), or between them and ``against`` (statements
    of other articles: reversals by the same speaker, and with ``conflicts`` conflicts with every other party)."""
    out: list[Flag] = []
    if against is None:
        mine = [(s, topics(s.claim)) for s in statements]
        for i, (a, ta) in enumerate(mine):
            for b, tb in mine[i + 1:]:
                if not comparable(a, ta, b, tb):
                    continue  # (no flag possible: see topics)
                flag = judge(*order(a, b))
                if flag is not None:
                    out.append(flag)
        return strongest(out, statements)
    others = [(s, topics(s.claim)) for s in against]
    by_speaker: dict[str, list[tuple[Statement, frozenset[str]]]] = {}
    for s, t in others:
        if s.person:
            by_speaker.setdefault(person_key(s.person), []).append((s, t))
    for a in statements:
        ta = topics(a.claim)
        for b, tb in (others if conflicts else by_speaker.get(person_key(a.person or ""), ())):
            if not comparable(a, ta, b, tb) or b.article == a.article or (
                    not same_person(a.person, b.person) and not same_story(a, b)):
                continue
            flag = judge(*order(a, b))
            if flag is not None:
                out.append(flag)
    return strongest(out, [*statements, *(s for s, _ in others)])


__all__ = ["DOCUMENT_MEDIA", "FLAG_RULES", "Flag", "FlagKind", "Pair", "Rating", "Statement", "Verdict", "group_flags",
           "group_key", "judge", "order", "overlap", "pair_flags", "same_story", "topics"]
