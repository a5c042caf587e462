"""Durations: how long a statement says something lasted or will take, as a range of hours read off its words ("for
less than a day": 0-24; "at least six weeks": 1,008 and more; "a few hours": 2-5; "thirty-one hours": about 31),
and the ``flags`` rule that rates two statements on one subject whose ranges cannot both hold (:func:`changed_duration`,
half a change, as a changed number: "open for less than a day" / "open for at least six weeks").

A count of time is read only where it is a stretch, not a point or a rate: not "two years ago" or "in five years",
not "40 lorries a day" (a rate: "a" or "an" counts a stretch only after "for", "than" or a bound word), not "every
two weeks". The units, the bound words and the vague counts are the lexicon's ``span_hours``, ``duration_bounds``
and ``vague_counts`` (lexicon/en/stance.toml); number words are ``number_values``."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache

from onrecord.attribution.rules import rule
from onrecord.lexicon import load
from onrecord.lexicon.en import NUMBER_VALUES
from onrecord.provenance.claims import Claim
from onrecord.provenance.pairs import Pair, Verdict

_EN = load("en")
SPAN_HOURS = {w: float(v) for w, v in _EN.mapping("span_hours").items()}
_BOUNDS = {w.replace("_", " "): v for w, v in _EN.mapping("duration_bounds").items()}
_VAGUE = {w.replace("_", " "): tuple(float(x) for x in v.split("-")) for w, v in _EN.mapping("vague_counts").items()}
#: The concept a changed duration is flagged on.
DURATION = "duration"


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: -len(w)))  # (longest first)


_NUMBER = rf"\d[\d,]*(?:\.\d+)?|(?:{_alternation(NUMBER_VALUES)})(?:-(?:{_alternation(NUMBER_VALUES)}))?"
_SPAN = re.compile(
    rf"(?:\b(?P<before>\w+)\s+)?(?:(?P<bound>{_alternation(_BOUNDS)})\s+)?"
    rf"\b(?P<count>{_alternation(_VAGUE)}|{_NUMBER})\s+(?:(?:more|further|full|whole|flight|consecutive)\s+)?"
    rf"(?P<unit>{_alternation(SPAN_HOURS)})s?\b(?!-)(?P<after>\s+\w+)?")
_BARE = re.compile(rf"\b(?P<bound>within|for)\s+(?P<unit>{_alternation(SPAN_HOURS)})s\b(?!-)")
#: Words after which a count of time is a point or a frequency, not a stretch ("in five years", "every two weeks").
_POINT_BEFORE = frozenset({"in", "every", "each", "per", "since", "after", "before", "at"})
_POINT_AFTER = frozenset({"ago", "later", "earlier", "old", "before", "after", "from", "into"})


#: A bound before a count of anything ("more than ninety per cent", "fewer than 1,000 homes"): a side, not a value.
_COUNT_BOUNDS = [w for w, k in _BOUNDS.items() if k in ("upper", "lower") and (" " in w or w in ("over", "under"))]
_BOUNDED = re.compile(rf"\b(?P<bound>{_alternation(_COUNT_BOUNDS)})\s+(?P<count>{_NUMBER})\b")


@lru_cache(maxsize=4096)
def bounded(text: str) -> tuple[tuple[float, str], ...]:
    """The counts a statement gives as bounds, each with its side ("more than ninety per cent": (90, "lower");
    "no more than 40 stewards": (40, "upper")); single words that only stress a count ("only", "just") are none."""
    out = []
    for m in _BOUNDED.finditer(text.lower()):
        count = _count(m.group("count"))
        if count is not None:
            out.append((count[0], _BOUNDS[m.group("bound")]))
    return tuple(out)


_PARTITIVE = re.compile(rf"\b(?P<part>{_NUMBER})\s+of\s+(?:the|its|their|our)\s+(?P<whole>{_NUMBER})\b")


@lru_cache(maxsize=4096)
def partitives(text: str) -> tuple[tuple[float, float], ...]:
    """The parts of a whole a statement counts ("three of the nine members": (3, 9))."""
    out = []
    for m in _PARTITIVE.finditer(text.lower()):
        part, whole = _count(m.group("part")), _count(m.group("whole"))
        if part is not None and whole is not None:
            out.append((part[0], whole[0]))
    return tuple(out)


def _count(words: str) -> tuple[float, float] | None:
    if words in _VAGUE:
        low, high = _VAGUE[words]
        return low, high
    if words[0].isdigit():
        value = float(words.replace(",", ""))
        return value, value
    parts = [NUMBER_VALUES.get(p) for p in words.split("-")]
    return None if None in parts else (float(sum(p or 0 for p in parts)),) * 2


def _range(count: tuple[float, float], hours: float, bound: str | None, exact: bool) -> tuple[float, float]:
    low, high = count[0] * hours, count[1] * hours
    kind = _BOUNDS.get(bound or "")
    if kind == "upper":
        return 0.0, high
    if kind == "lower":
        return low, math.inf
    if kind == "near":
        return 0.8 * low, high
    if kind == "about":
        return 0.75 * low, 1.33 * high
    return (0.9 * low, 1.1 * high) if exact else (low, high)  # ("31 hours" is about 31, "a few" its own range)


@lru_cache(maxsize=4096)
def durations(text: str) -> tuple[tuple[float, float], ...]:
    """The stretches of time a statement's words give, each a range of hours (low, high; high may be infinite)."""
    out: list[tuple[float, float]] = []
    lower = text.lower()
    for m in _SPAN.finditer(lower):
        before, bound, words = m.group("before"), m.group("bound"), m.group("count")
        if bound is None and before in _BOUNDS:
            before, bound = None, before  # ("almost 300 hours": the word before is the bound)
        after = (m.group("after") or "").strip()
        if before in _POINT_BEFORE or after in _POINT_AFTER or (
                words in ("a", "an") and bound is None and before not in ("for", "than")):
            continue  # ("in five years", "two years ago", "40 lorries a day": no stretch)
        count = _count(words)
        if count is not None:
            out.append(_range(count, SPAN_HOURS[m.group("unit")], bound, words not in _VAGUE))
    for m in _BARE.finditer(lower):  # "within hours", "for weeks": two to twenty of them
        hours = SPAN_HOURS[m.group("unit")]
        out.append((0.0, 20 * hours) if m.group("bound") == "within" else (2 * hours, 20 * hours))
    return tuple(out)


def timed(claim: Claim) -> bool:
    """May a claim give a duration (a span noun among its keys)? What lets two statements be compared on it."""
    return any(k in SPAN_HOURS for k in claim.keys)


def _apart(a: tuple[tuple[float, float], ...], b: tuple[tuple[float, float], ...]) -> bool:
    return bool(a and b) and all(ha < lb or hb < la for la, ha in a for lb, hb in b)


def _about_one_thing(pair: Pair) -> bool:
    """Do two statements with durations speak of one thing: a predicate or a noun in common besides the span nouns
    ("the database was open for less than a day" / "the database was exposed for six weeks"; not "the force knew
    about it for months" / "four minutes and twenty seconds is not brief", which share only "minute")?"""
    a, b = pair.a.claim, pair.b.claim
    return bool(pair.shared) or bool((set(a.keys) & set(b.keys)) - set(SPAN_HOURS))


@rule("flags.changed-duration",
      ("Ana Lind said the Lakeview database was open for less than a day. Ana Lind later said the Lakeview "
       "database was open for at least six weeks.", "half: changed number"),
      ("Ana Lind said the Lakeview ferry would be refloated within 48 hours. Ana Lind later said refloating the "
       "Lakeview ferry would take at least three more weeks.", "half: changed number"),
      ("Ana Lind said the minutes showed the Kestrel force had known about the fault for months. Ana Lind later "
       "said four minutes and twenty seconds was not brief.", "none: two things timed"))
def changed_duration(pair: Pair) -> Verdict | None:
    """One subject said to have lasted, or to take, two stretches of time that cannot both hold ("open for less than
    a day" / "open for at least six weeks", "within 48 hours" / "at least three more weeks"): a changed number, in
    the units of time each side chose. Ranges that meet ("a few hours" / "about four hours") agree; two statements
    that share only a span noun ("knew about it for months" / "four minutes is not brief") speak of two things."""
    if not _apart(durations(pair.a.text), durations(pair.b.text)):
        return None
    if not _about_one_thing(pair):
        return Verdict(None, "two things timed")
    return Verdict("half", "changed number", DURATION)


__all__ = ["DURATION", "SPAN_HOURS", "bounded", "changed_duration", "durations", "partitives", "timed"]
