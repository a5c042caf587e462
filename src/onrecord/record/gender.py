"""Who gets quoted, and how each outlet sources its news, read from the store (issue 16, parts 2 and 3).

- Each person speaker's gender: a gender set by hand (:func:`set_gender`, recorded with the speaker merges and
  splits, so it survives ``reprocess``) wins; else what the articles show (``speaker_genders``: one call per
  article, from its own evidence first, then the first name); else ``unknown``. Article evidence outranks first
  names; article evidence of both genders gives ``unknown``.
- :func:`gender_shares`: per outlet and month, the people quoted (one per article and speaker) who are women, men
  and unknown, with their shares, as the GenderGapTracker counts them, the share unknown always beside them.
- :func:`sourcing_shares`: per outlet, the statements from anonymous sources (with a stated reason, without),
  relayed only, resting on a single source, and from people, organisations, documents, groups.

All read-only; a store made before these tables has no gender and no sourcing (every share is of nothing).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from onrecord.errors import OnrecordError
from onrecord.record.queries import outlet_and_dates
from onrecord.record.store import POSTGRES, Store

LABELS = ("woman", "man", "unknown")


def has_gender(store: Store) -> bool:
    """Does this store have the gender and sourcing columns (a store made before them, read-only, has not)?"""
    if store.backend == POSTGRES:
        return store.one("SELECT to_regclass('speaker_genders') IS NOT NULL") == (True,)
    return store.one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'speaker_genders'") is not None


@dataclass(frozen=True)
class SpeakerGender:
    """A speaker's gender across the store: the label, how it was reached (``hand``, ``article``, ``first name``,
    ``none``) and the evidence (per article: its id and phrases)."""

    label: str = "unknown"
    basis: str = "none"
    evidence: tuple[tuple[int, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "basis": self.basis,
                "evidence": [{"article_id": a, "words": w} for a, w in self.evidence]}


def combine(calls: Sequence[tuple[int, str, str, Sequence[str]]], hand: str | None = None) -> SpeakerGender:
    """One speaker's gender from its per-article calls ``(article_id, label, basis, evidence)``."""
    if hand:
        return SpeakerGender(hand, "hand")
    for basis in ("article", "first name"):
        found = [(a, label, ev) for a, label, b, ev in calls if b == basis and label != "unknown"]
        conflicted = [(a, label, ev) for a, label, b, ev in calls if b == basis and label == "unknown" and ev]
        if found or conflicted:
            labels = {label for _, label, _ in found}
            evidence = tuple((a, w) for a, _, ev in [*found, *conflicted] for w in ev)
            if len(labels) == 1 and not conflicted:
                return SpeakerGender(labels.pop(), basis, evidence)
            return SpeakerGender("unknown", basis, evidence)  # the articles disagree: no guess
    return SpeakerGender()


def speaker_genders(store: Store, speaker_ids: Sequence[int] | None = None) -> dict[int, SpeakerGender]:
    """The gender of stored speakers (all the people the articles or a hand give one; or these), in one pass."""
    if not has_gender(store):
        return {}
    only = f" AND a.speaker_id IN ({', '.join('?' * len(speaker_ids))})" if speaker_ids is not None else ""
    params = list(speaker_ids or ())
    calls: dict[int, list[tuple[int, str, str, Sequence[str]]]] = defaultdict(list)
    for sid, article_id, label, basis, evidence in store.rows(
            "SELECT DISTINCT a.speaker_id, g.article_id, g.label, g.basis, g.evidence FROM speaker_genders g"
            " JOIN attributions a ON a.article_id = g.article_id AND a.speaker = g.name"
            f" WHERE a.speaker_id IS NOT NULL{only} ORDER BY g.article_id", params):
        calls[int(sid)].append((int(article_id), label, basis, json.loads(evidence)))
    only = f" AND id IN ({', '.join('?' * len(speaker_ids))})" if speaker_ids is not None else ""
    hand = {int(i): g for i, g in store.rows(f"SELECT id, gender FROM speakers WHERE gender IS NOT NULL{only}",
                                             params)}
    return {sid: combine(calls.get(sid, []), hand.get(sid)) for sid in {*calls, *hand}}


def speaker_gender(store: Store, speaker_id: int) -> SpeakerGender:
    """The gender of one stored speaker (see the module docstring)."""
    return speaker_genders(store, [speaker_id]).get(speaker_id, SpeakerGender())


def set_gender(store: Store, speaker: str, label: str) -> tuple[int, str, SpeakerGender]:
    """Set a speaker's gender by hand (``woman``, ``man`` or ``unknown``), or ``auto`` to go back to what the
    articles show; recorded, so that reprocessing keeps it. Returns (id, name, the gender now)."""
    if label not in (*LABELS, "auto"):
        raise OnrecordError(f"gender must be one of woman, man, unknown or auto, not {label!r}")
    with store.transaction():
        ref = store.resolve_speaker(speaker)
        if ref.kind != "person":
            raise OnrecordError(f"#{ref.id} {ref.name} is an organisation: only people have a gender")
        store.execute("UPDATE speakers SET gender = ? WHERE id = ?", (None if label == "auto" else label, ref.id))
        store._record_override("gender", {"speaker": ref.key, "gender": None if label == "auto" else label})
    return ref.id, ref.name, speaker_gender(store, ref.id)


def apply_gender(store: Store, data: dict[str, Any]) -> None:
    """Re-apply a recorded gender (``speaker_overrides``; see :meth:`Store.apply_overrides`)."""
    speaker_id = store._by_alias(data["speaker"])
    if speaker_id is not None:
        store.execute("UPDATE speakers SET gender = ? WHERE id = ?", (data.get("gender"), speaker_id))


# --- shares --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GenderRow:
    month: str | None
    outlet: str | None
    women: int = 0
    men: int = 0
    unknown: int = 0

    @property
    def people(self) -> int:
        return self.women + self.men + self.unknown

    def share(self, n: int) -> float:
        return round(n / self.people, 4) if self.people else 0.0

    @property
    def women_of_gendered(self) -> float:
        return round(self.women / (self.women + self.men), 4) if self.women + self.men else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"month": self.month, "outlet": self.outlet, "people": self.people, "women": self.women,
                "men": self.men, "unknown": self.unknown, "women_share": self.share(self.women),
                "men_share": self.share(self.men), "unknown_share": self.share(self.unknown),
                "women_of_gendered": self.women_of_gendered}


def gender_shares(store: Store, *, outlet: str | None = None, since: str | None = None,
                  until: str | None = None) -> list[GenderRow]:
    """Per month and outlet, the people quoted (each person speaker once per article) by gender."""
    if not has_gender(store):
        return []
    clause, params = outlet_and_dates(outlet, since, until)
    rows = store.rows(
        "SELECT DISTINCT substr(r.published_on, 1, 7), r.outlet, a.article_id, a.speaker_id"
        " FROM attributions a JOIN articles r ON r.id = a.article_id JOIN speakers s ON s.id = a.speaker_id"
        f" WHERE s.kind = 'person' AND {clause}", params)
    genders = {sid: g.label for sid, g in speaker_genders(store).items()}
    counts: dict[tuple[str | None, str | None], Counter[str]] = defaultdict(Counter)
    for month, out, _article, speaker_id in rows:
        counts[(month, out)][genders.get(int(speaker_id), "unknown")] += 1
    return [GenderRow(m, o, c["woman"], c["man"], c["unknown"]) for (m, o), c in
            sorted(counts.items(), key=lambda kv: (kv[0][0] is None, kv[0][0] or "", kv[0][1] or ""))]


@dataclass(frozen=True)
class SourcingRow:
    outlet: str | None
    statements: int = 0  # with their sourcing computed
    anonymous: int = 0
    with_reason: int = 0
    relay_only: int = 0
    single_source: int = 0
    kinds: dict[str, int] = field(default_factory=dict)

    def share(self, n: int) -> float:
        return round(n / self.statements, 4) if self.statements else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "statements": self.statements, "anonymous": self.anonymous,
                "anonymous_with_reason": self.with_reason,
                "anonymous_without_reason": self.anonymous - self.with_reason,
                "relay_only": self.relay_only, "single_source": self.single_source,
                "anonymous_share": self.share(self.anonymous),
                "without_reason_share": self.share(self.anonymous - self.with_reason),
                "relay_only_share": self.share(self.relay_only), "single_source_share": self.share(self.single_source),
                **{f"kind_{k}": v for k, v in sorted(self.kinds.items())}}


def sourcing_shares(store: Store, *, outlet: str | None = None, since: str | None = None,
                    until: str | None = None) -> list[SourcingRow]:
    """Per outlet, how its statements are sourced (only statements whose sourcing was computed are counted)."""
    if not has_gender(store):
        return []
    clause, params = outlet_and_dates(outlet, since, until)
    per: dict[str | None, dict[str, Any]] = {}
    for out, data in store.rows(
            "SELECT r.outlet, a.sourcing FROM attributions a JOIN articles r ON r.id = a.article_id"
            f" WHERE a.sourcing IS NOT NULL AND {clause}", params):
        s = json.loads(data)
        row = per.setdefault(out, {"n": 0, "anon": 0, "reason": 0, "relay": 0, "single": 0, "kinds": Counter()})
        row["n"] += 1
        row["anon"] += bool(s.get("anonymous"))
        row["reason"] += bool(s.get("anonymous") and s.get("reason"))
        row["relay"] += bool(s.get("relay_only"))
        row["single"] += bool(s.get("single_source"))
        row["kinds"][s.get("kind", "person")] += 1
    return [SourcingRow(o, r["n"], r["anon"], r["reason"], r["relay"], r["single"], dict(r["kinds"]))
            for o, r in sorted(per.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))]


__all__ = ["GenderRow", "SourcingRow", "SpeakerGender", "apply_gender", "combine", "gender_shares", "has_gender",
           "set_gender", "sourcing_shares", "speaker_gender", "speaker_genders"]
