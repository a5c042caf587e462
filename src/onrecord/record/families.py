"""Quote families in the store: the store's quotations grouped by :mod:`onrecord.analysis.families`.

:func:`rebuild` reads every quoted part of the stored direct and mixed attributions (with its article's outlet,
date, URL and the speaker the store links it to), groups them, and replaces the ``quote_families`` and
``quote_members`` tables in one transaction (an advisory lock on PostgreSQL, the write lock on SQLite), so two
writers rebuilding at once leave one complete set, never a mix or a duplicate. ``onrecord ingest`` and
``reprocess`` rebuild after they store anything; deleting an attribution removes its memberships at once.

Reading (:func:`families`, :func:`family`, :func:`member_families`) needs no NLP and works on a store made before
families existed (it then has none).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from onrecord.analysis.families import Appearance, Family, quote_families
from onrecord.errors import OnrecordError
from onrecord.record.queries import _limit
from onrecord.record.store import POSTGRES, Store

_LOCK = 7413282  # the advisory lock that serialises rebuilds on PostgreSQL


def has_families(store: Store) -> bool:
    """Does this store have the family tables (a store made before them, opened read-only, has not)?"""
    if store.backend == POSTGRES:
        return store.one("SELECT to_regclass('quote_families') IS NOT NULL") == (True,)
    return store.one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'quote_families'") is not None


def appearances(store: Store) -> Iterator[Appearance]:
    """Every quoted part of the stored direct and mixed attributions, keyed ``a<attribution id>.<part>``."""
    cur = store.execute(
        "SELECT a.id, a.quoted, a.content_start, a.content_text, COALESCE(s.name, a.speaker), r.outlet,"
        " COALESCE(r.published_on, r.published), r.url, r.doc_id, r.title"
        " FROM attributions a JOIN articles r ON r.id = a.article_id LEFT JOIN speakers s ON s.id = a.speaker_id"
        " WHERE a.type IN ('direct', 'mixed') AND a.quoted <> '[]' ORDER BY a.id")
    while rows := cur.fetchmany(5000):
        for aid, quoted, start, content, speaker, outlet, published, url, doc_id, title in rows:
            for part, (qs, qe) in enumerate(json.loads(quoted)):
                yield Appearance(appearance_key(aid, part), content[qs - start : qe - start], speaker, outlet,
                                 published[:10] if published else None, url, doc_id, title)


_KEY = re.compile(r"a(\d+)\.(\d+)")


def appearance_key(attribution_id: int, part: int) -> str:
    """The key of a stored quoted part: "a123.0" (attribution 123, its first quoted part)."""
    return f"a{attribution_id}.{part}"


def parse_key(key: str) -> tuple[int, int] | None:
    """(attribution id, part) of a stored appearance's key; None for a key that is not one ("s1/doc#0.0")."""
    m = _KEY.fullmatch(key)
    return (int(m[1]), int(m[2])) if m else None


def _key(key: str) -> tuple[int, int]:
    found = parse_key(key)
    if found is None:
        raise ValueError(f"not a stored appearance's key: {key!r}")
    return found


def rebuild(store: Store) -> int:
    """Group the store's quotations into families again and store them (replacing the previous ones); returns
    the number of families (of at least two appearances)."""
    with store.transaction():
        if store.backend == POSTGRES:
            store.execute(f"SELECT pg_advisory_xact_lock({_LOCK})")
        found = quote_families(appearances(store))
        store.execute("DELETE FROM quote_members")
        store.execute("DELETE FROM quote_families")
        for fam in found:
            root_id, root_part = _key(fam.root.key)
            row = store.one(
                "INSERT INTO quote_families (root_attribution_id, root_part, text, speaker, size, outlets,"
                " first_published, dangerous, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (root_id, root_part, fam.root.text, fam.speaker, fam.size, len(fam.outlets), fam.root.published,
                 len(fam.dangerous), json.dumps(fam.to_dict(), ensure_ascii=False)))
            assert row is not None
            store.executemany(
                "INSERT INTO quote_members (attribution_id, part, family_id, changes, dangerous)"
                " VALUES (?, ?, ?, ?, ?)",
                [(*_key(m.appearance.key), row[0], json.dumps(list(m.changes)),
                  json.dumps([d.to_dict() for d in m.dangerous], ensure_ascii=False)) for m in fam.members])
    return len(found)


# --- reading -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredFamily:
    """A stored family: its row id and the family itself (with attribution ids in its members' keys)."""

    id: int
    family: Family

    def to_dict(self) -> dict[str, Any]:
        return {"family_id": self.id, **self.family.to_dict()}

    def to_claimreview(self) -> dict[str, Any]:
        return {**self.family.to_claimreview(), "identifier": f"onrecord-family-{self.id}"}


def families(store: Store, *, speaker: str | None = None, dangerous: bool = False, min_size: int = 2,
             text: str | None = None, limit: int | None = 100, offset: int = 0) -> list[StoredFamily]:
    """Stored families, the most carried first: of one speaker (a substring match on the family's speaker, the
    one most articles credit), only those with a dangerous change, with at least ``min_size`` appearances, whose
    root contains ``text``."""
    _limit(limit)
    _limit(offset, "offset")
    if not has_families(store):
        return []
    where: list[str] = ["size >= ?"]
    params: list[Any] = [min_size]
    if speaker:
        where.append("LOWER(speaker) LIKE ?")
        params.append(f"%{speaker.lower()}%")
    if dangerous:
        where.append("dangerous > 0")
    if text:
        where.append("LOWER(text) LIKE ?")
        params.append(f"%{text.lower()}%")
    sql = (f"SELECT id, data FROM quote_families WHERE {' AND '.join(where)} ORDER BY size DESC, first_published, id"
           + (" LIMIT ?" if limit is not None else "") + " OFFSET ?")
    params += [limit, offset] if limit is not None else [offset]
    return [StoredFamily(int(i), Family.from_dict(json.loads(d))) for i, d in store.rows(sql, params)]


def family(store: Store, family_id: int) -> StoredFamily:
    """One stored family by its id; an error naming it when there is none."""
    row = store.one("SELECT id, data FROM quote_families WHERE id = ?", (family_id,)) if has_families(store) else None
    if row is None:
        raise OnrecordError(f"no quote family {family_id} in {store.url.display}")
    return StoredFamily(int(row[0]), Family.from_dict(json.loads(row[1])))


def member_families(store: Store, attribution_ids: Iterable[int]) -> dict[int, list[tuple[int, int, Sequence[str],
                                                                                        list[dict[str, str]]]]]:
    """For each of these attributions that is in a family: (part, family id, changes, dangerous changes)."""
    ids = list(dict.fromkeys(attribution_ids))
    out: dict[int, list[tuple[int, int, Sequence[str], list[dict[str, str]]]]] = {}
    if not ids or not has_families(store):
        return out
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for aid, part, fid, changes, dangerous in store.rows(
                "SELECT attribution_id, part, family_id, changes, dangerous FROM quote_members WHERE attribution_id"
                f" IN ({', '.join('?' * len(chunk))}) ORDER BY attribution_id, part", chunk):
            out.setdefault(int(aid), []).append((int(part), int(fid), json.loads(changes), json.loads(dangerous)))
    return out


def summary(store: Store) -> dict[str, int]:
    """How many families, appearances in them, and families with a dangerous change the store holds."""
    if not has_families(store):
        return {"families": 0, "appearances": 0, "dangerous": 0}
    row = store.one("SELECT COUNT(*), COALESCE(SUM(size), 0), COALESCE(SUM(CASE WHEN dangerous > 0 THEN 1 ELSE 0"
                    " END), 0) FROM quote_families")
    assert row is not None
    return {"families": int(row[0]), "appearances": int(row[1]), "dangerous": int(row[2])}


__all__ = [
    "StoredFamily",
    "appearance_key",
    "appearances",
    "families",
    "family",
    "has_families",
    "member_families",
    "parse_key",
    "rebuild",
    "summary",
]
