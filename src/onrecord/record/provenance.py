"""Provenance in the store: each attribution's claim, and the flags within an article and across the store's
articles (onrecord.provenance; docs/provenance.md).

:meth:`onrecord.record.Store.add` calls :func:`write` for every new article whose extraction carries its
provenance (``onrecord ingest`` and ``reprocess`` always compute it), in the article's own transaction:

- ``claims``: the claim of each attribution (``Claim.to_dict()`` and the document whose words it gives);
- ``claim_keys``: the claim's subject keys, to find the statements of other articles on one subject;
- ``flags``: the article's own flags (its statements' ordinals mapped to attribution ids), then the flags across
  articles: reversals against the stored statements of the same speaker (the store's speaker identity, so "Lind"
  in one article and "Ana Lind" in another are one speaker), and conflicts against the stored statements of other
  speakers that share at least :data:`MIN_SHARED_KEYS` subject keys (the :data:`MAX_CANDIDATES` most recent); a
  signalled conflict that recalls a person's claim gets that person's earlier words of a stored article of the
  story in ``also`` (:mod:`onrecord.record.recalled`).

Flags are recomputed, never edited: reprocessing an article deletes its flags (and, with its attributions, every
flag that names one of them) and computes them again. One flag per kind and pair of statements (a unique index),
so a rerun, a crash in the middle of a batch or two writers never store one twice.

Reading (:func:`flags`, :func:`article_flags`, :func:`marks`) needs no NLP and works on a store made before flags
existed (it then has none).
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from onrecord.errors import OnrecordError, StoreError
from onrecord.record.queries import _limit
from onrecord.record.recalled import with_recalled_stored
from onrecord.record.store import POSTGRES, Store, _attribution, _now
from onrecord.types import Extraction

if TYPE_CHECKING:
    from spacy.language import Language

    from onrecord.provenance import Flag, Statement

#: How many subject keys a statement of another speaker must share with a new one to be compared for a conflict.
MIN_SHARED_KEYS = 2
#: At most this many stored statements (the most recent) are compared with each new statement, per kind.
MAX_CANDIDATES = 200
KINDS = ("reversal", "conflict", "document")

_ATTRIBUTION_COLUMNS = ("a.content_start, a.content_end, a.source_start, a.source_end, a.cue_start, a.cue_end,"
                        " a.speaker, a.speaker_kind, a.speaker_description, a.type, a.medium, a.cue_kind, a.via,"
                        " a.confidence, a.quoted")


def has_flags(store: Store) -> bool:
    """Does this store have the provenance tables (a store made before them, opened read-only, has not)?"""
    if store.backend == POSTGRES:
        return store.one("SELECT to_regclass('flags') IS NOT NULL") == (True,)
    return store.one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'flags'") is not None


# --- writing -------------------------------------------------------------------------------------------------------


def write(store: Store, article_id: int, extraction: Extraction, *, corrected: bool = False) -> int:
    """Store the claims and flags of a just-stored article (inside the caller's transaction); returns the number
    of flags stored. ``extraction.provenance`` holds its claims, one per attribution, and its own flags;
    ``corrected``: the article's attributions are a person's (Label Studio import), not the machine's."""
    from onrecord.provenance import statements

    prov = extraction.provenance
    article = extraction.article
    ids = _attribution_ids(store, article_id, corrected)
    if len(ids) != len(extraction.attributions) or len(prov.claims) != len(ids):
        raise StoreError(f"{len(prov.claims)} claims for {len(ids)} stored attributions",
                            document=article.id or str(article_id))
    key = str(article_id)
    written = statements(article, extraction.attributions, prov.claims, key=key, names=prov.names[:40])
    rows: list[tuple[int, str]] = []
    keys: list[tuple[str, int]] = []
    for (attribution_id, _speaker_id), said_one in zip(ids, written, strict=True):
        claim = said_one.claim
        data = {**claim.to_dict(), "document": said_one.document, "story": list(prov.names[:40])}
        rows.append((attribution_id, json.dumps(data, ensure_ascii=False)))
        keys.extend((k, attribution_id) for k in dict.fromkeys(claim.keys))
    store.executemany("INSERT INTO claims (attribution_id, data) VALUES (?, ?)", rows)
    if len(prov.sourcing) == len(ids):
        store.executemany("UPDATE attributions SET sourcing = ? WHERE id = ?",
                          [(json.dumps(s.to_dict(), ensure_ascii=False), attribution_id)
                           for (attribution_id, _), s in zip(ids, prov.sourcing, strict=True)])
    store.execute("DELETE FROM speaker_genders WHERE article_id = ?", (article_id,))
    store.executemany("INSERT INTO speaker_genders (article_id, name, label, basis, evidence) VALUES (?, ?, ?, ?, ?)",
                      [(article_id, name, call.label, call.basis, json.dumps(list(call.evidence), ensure_ascii=False))
                       for name, call in prov.genders])
    store.executemany("INSERT INTO claim_keys (key, attribution_id) VALUES (?, ?) ON CONFLICT DO NOTHING", keys)
    own = {i: attribution_id for i, (attribution_id, _) in enumerate(ids)}
    named = {(article.id or "", i): v for i, v in own.items()} | {(key, i): v for i, v in own.items()}
    said = _canonical(store, written, [speaker for _, speaker in ids])
    across = {(key, i): v for i, v in own.items()}
    found = _across(store, article_id, said, across, [speaker for _, speaker in ids])
    mine = with_recalled_stored(store, article_id, extraction, written, said, [speaker for _, speaker in ids], across)
    return _insert_joined(store, [*mine, *(f for f, _ in found)], article_id, named | across)


def _insert_joined(store: Store, found: Sequence[Flag], article_id: int, ids: dict[tuple[str, int], int]) -> int:
    """Store the flags one article's ingest raised, one per disagreement as the cards show them
    (:func:`onrecord.provenance.flags.group_flags`): the article's own flags and those across articles joined when
    they hold one claim said twice (a quotation in one article, its recap in the next, against one statement), a
    statement known by its attribution id whichever way a flag names it; and none that joins a flag another
    article's ingest stored (:func:`_stored_already`)."""
    from onrecord.provenance.flags import group_flags

    def same(ref: dict[str, Any]) -> Any:
        return _side(ref, ids) or (str(ref.get("article")), str(ref.get("ordinal")))

    return sum(_insert(store, f, article_id, ids) for f in group_flags(found, same)
               if not _stored_already(store, f, article_id, ids))


def _stored_already(store: Store, flag: Flag, article_id: int, ids: dict[tuple[str, int], int]) -> bool:
    """Does another article's ingest hold this disagreement already: a stored flag of the same kind, concept,
    parties and rating that names one of this flag's statements (a reversal of one claim said again in a third
    article joins the stored one, as :func:`onrecord.provenance.flags.group_flags` joins them)?"""
    if flag.kind not in ("reversal", "conflict") or flag.concept is None:
        return False
    mine = {i for i in (_side(r, ids) for pair in flag.pairs() for r in pair) if i is not None}
    if not mine:
        return False
    marks_ = ", ".join("?" * len(mine))
    parties = sorted((flag.speaker or "", flag.other or ""))
    for rating, speaker, other, data in store.rows(
            f"SELECT rating, speaker, other, data FROM flags WHERE kind = ? AND article_id <> ? AND"
            f" (a_attribution_id IN ({marks_}) OR b_attribution_id IN ({marks_}))",
            [flag.kind, article_id, *mine, *mine]):
        if (json.loads(data).get("concept") == flag.concept and rating == flag.rating
                and sorted((speaker or "", other or "")) == parties):
            return True
    return False


def _attribution_ids(store: Store, article_id: int, corrected: bool = False) -> list[tuple[int, int | None]]:
    return [(int(i), int(s) if s is not None else None) for i, s in store.rows(
        "SELECT id, speaker_id FROM attributions WHERE article_id = ? AND human_corrected = ? ORDER BY ordinal",
        (article_id, int(corrected)))]


def _canonical(store: Store, said: list[Statement], speaker_ids: Sequence[int | None]) -> list[Statement]:
    """The statements with each speaker's name as the store knows the speaker (one name across articles)."""
    names = {}
    for sid in set(speaker_ids) - {None}:
        row = store.one("SELECT name FROM speakers WHERE id = ?", (sid,))
        if row is not None:
            names[sid] = row[0]
    return [_named(s, names.get(sid)) for s, sid in zip(said, speaker_ids, strict=True)]


def _named(s: Statement, name: str | None) -> Statement:
    if name is None or s.attribution.speaker == name:
        return s
    return dataclasses.replace(s, attribution=dataclasses.replace(s.attribution, speaker=name))


def _across(store: Store, article_id: int, said: list[Statement], ids: dict[tuple[str, int], int],
            speaker_ids: Sequence[int | None]) -> list[tuple[Flag, int]]:
    """The reversals and conflicts between an article's statements and the stored statements of other articles,
    each with the article whose ingest raises it (``ids`` gains the stored statements met)."""
    done = _Compared()
    return [found for s, speaker_id in zip(said, speaker_ids, strict=True)
            for found in _against_stored(store, article_id, s, speaker_id, ids, done)]


@dataclass
class _Compared:
    """What one computation has met so far: the pairs flagged, the stored statements read (an article's
    statements by one speaker meet the same stored ones: each is read and decoded once) and each speaker's
    stored statements outside an article."""

    pairs: set[tuple[str, int, int]] = dataclasses.field(default_factory=set)
    groups: set[tuple[Any, ...]] = dataclasses.field(default_factory=set)  # one flag per disagreement
    statements: dict[int, Statement] = dataclasses.field(default_factory=dict)
    topics: dict[int, frozenset[str]] = dataclasses.field(default_factory=dict)  # (flags.topics of each read)
    speakers: dict[tuple[int, int], list[int]] = dataclasses.field(default_factory=dict)


def _against_stored(store: Store, article_id: int, s: Statement, speaker_id: int | None,
                    ids: dict[tuple[str, int], int], done: _Compared, *,
                    later: bool = False) -> list[tuple[Flag, int]]:
    """The flags between one statement of article ``article_id`` and the stored statements of other articles:
    those of the same speaker, and those of others sharing its subject keys, each with the article that raises
    it: ``article_id``, or with ``later`` the article of the later statement (as its ingest would have)."""
    from onrecord.provenance.concessions import strongest
    from onrecord.provenance.flags import comparable, group_key, judge, order, same_story, topics
    from onrecord.provenance.parties import same_person

    mine = topics(s.claim)
    if not s.claim.asserts or s.party is None or not (mine or s.claim.concedes):
        return []  # (a statement without a concept or a counted noun can earn no flag: no stored statement is read)
    raised: list[tuple[Flag, int]] = []
    found: list[tuple[Flag, Statement, Statement]] = []
    if speaker_id is not None and (article_id, speaker_id) not in done.speakers:
        done.speakers[(article_id, speaker_id)] = _same_speaker(store, article_id, speaker_id)
    same = done.speakers.get((article_id, speaker_id), []) if speaker_id is not None else []
    candidates = sorted({*same, *_sharing_keys(store, article_id, s.claim.keys, speaker_id)})
    done.statements.update((i, st) for st, i in _stored_statements(
        store, [i for i in candidates if i not in done.statements]))
    for attribution_id in candidates:
        other = done.statements.get(attribution_id)
        if other is None:
            continue
        ids[(other.article, other.ordinal)] = attribution_id
        if attribution_id not in done.topics:
            done.topics[attribution_id] = topics(other.claim)
        if not comparable(s, mine, other, done.topics[attribution_id]):
            continue  # (no flag possible: see onrecord.provenance.flags.topics)
        a, b = order(s, other)
        if not same_person(a.speaker, b.speaker) and not same_story(a, b):
            continue  # (two articles of one story, as provenance.flags.pair_flags compares them)
        flag = judge(a, b)
        if flag is not None:
            found.append((flag, a, b))
    kept = {id(f) for f in strongest([f for f, _, _ in found], [s, *(done.statements[i] for i in candidates
                                                                       if i in done.statements)])}
    for flag, a, b in found:
        if id(flag) not in kept:
            continue  # (a concession pairs the statement it concedes: provenance.concessions.strongest)
        pair = (flag.kind, ids[(a.article, a.ordinal)], ids[(b.article, b.ordinal)])
        group = group_key(flag)
        if pair in done.pairs or (group is not None and group in done.groups):
            continue
        done.pairs.add(pair)
        if group is not None:
            done.groups.add(group)
        raised.append((flag, int(b.article) if later else article_id))
    return raised


def _same_speaker(store: Store, article_id: int, speaker_id: int | None) -> list[int]:
    if speaker_id is None:
        return []
    return [int(i) for (i,) in store.rows(
        "SELECT a.id FROM attributions a JOIN claims c ON c.attribution_id = a.id"
        " WHERE a.speaker_id = ? AND a.article_id <> ? ORDER BY a.id DESC LIMIT ?",
        (speaker_id, article_id, MAX_CANDIDATES))]


def _sharing_keys(store: Store, article_id: int, keys: Sequence[str], speaker_id: int | None) -> list[int]:
    keys = list(dict.fromkeys(keys))
    if len(keys) < MIN_SHARED_KEYS:
        return []
    marks = ", ".join("?" * len(keys))
    other = " AND (a.speaker_id IS NULL OR a.speaker_id <> ?)" if speaker_id is not None else ""
    return [int(i) for (i, _n) in store.rows(
        f"SELECT k.attribution_id, count(*) FROM claim_keys k JOIN attributions a ON a.id = k.attribution_id"
        f" WHERE k.key IN ({marks}) AND a.article_id <> ?{other}"
        f" GROUP BY k.attribution_id HAVING count(*) >= ? ORDER BY k.attribution_id DESC LIMIT ?",
        [*keys, article_id, *([speaker_id] if speaker_id is not None else []), MIN_SHARED_KEYS, MAX_CANDIDATES])]


def _stored_statements(store: Store, attribution_ids: Sequence[int]) -> list[tuple[Statement, int]]:
    """Stored attributions as Statements (key: the article's store id; speaker: the store's name for them)."""
    out = []
    for chunk in range(0, len(attribution_ids), 500):
        part = list(dict.fromkeys(attribution_ids[chunk: chunk + 500]))
        if not part:
            continue
        rows = store.rows(
            f"SELECT {_ATTRIBUTION_COLUMNS}, a.id, a.article_id, a.ordinal, a.content_text, c.data, r.published,"
            " r.outlet, s.name FROM attributions a JOIN claims c ON c.attribution_id = a.id"
            " JOIN articles r ON r.id = a.article_id LEFT JOIN speakers s ON s.id = a.speaker_id"
            f" WHERE a.id IN ({', '.join('?' * len(part))}) ORDER BY a.id", part)
        for r in rows:
            out.append((_decoded(tuple(r)), int(r[15])))
    return out


@functools.lru_cache(maxsize=10_000)
def _decoded(r: tuple[Any, ...]) -> Statement:
    """A stored statement's row decoded (with the store's name for its speaker, the row's last column): the same row
    always decodes to the same Statement, so the articles of a batch, which meet the same stored statements again
    and again, decode each once."""
    from onrecord.provenance import Claim, Statement

    data = json.loads(r[19])
    return _named(Statement(str(r[16]), int(r[17]), _attribution(r[:15]), Claim.from_dict(data), r[18], r[20], r[21],
                            data.get("document"), frozenset(data.get("story", ()))), r[22])


def _side(ref: dict[str, Any] | None, ids: dict[tuple[str, int], int]) -> int | None:
    if not ref or ref.get("ordinal") is None:
        return None
    return ids.get((str(ref.get("article") or ""), int(ref["ordinal"])))


def _insert(store: Store, flag: Flag, article_id: int, ids: dict[tuple[str, int], int]) -> int:
    """Store one flag (1), or nothing when the same kind and pair is stored already (0)."""
    a, b = _side(flag.a, ids), _side(flag.b, ids)
    data = flag.to_dict()
    for name, side, attribution_id in (("a", flag.a, a), ("b", flag.b, b)):
        if side is not None:
            data[name] = {**side, "attribution_id": attribution_id,
                          "article_id": _article_of(store, attribution_id, article_id)}
    data["article_id"] = article_id
    row = store.one(
        "INSERT INTO flags (kind, rating, subject, reason, speaker, other, a_attribution_id, b_attribution_id,"
        " article_id, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
        (flag.kind, flag.rating, flag.subject, flag.reason, flag.speaker, flag.other, a, b, article_id,
         json.dumps(data, ensure_ascii=False), _now()))
    return 0 if row is None else 1


def _article_of(store: Store, attribution_id: int | None, default: int) -> int:
    if attribution_id is None:
        return default
    row = store.one("SELECT article_id FROM attributions WHERE id = ?", (attribution_id,))
    return int(row[0]) if row else default


def forget(store: Store, article_id: int) -> None:
    """Delete the flags an article's ingest raised (before they are computed again)."""
    store.execute("DELETE FROM flags WHERE article_id = ?", (article_id,))


# --- computing again -----------------------------------------------------------------------------------------------


def recompute_article(store: Store, article_id: int, nlp: Language | None = None) -> int:
    """An article's claims and flags computed again from its stored attributions and a new parse of its text
    with ``nlp`` (:func:`onrecord.provenance.analyse_text`): after a person's correction (``onrecord
    import-labels``), whose statements are not the machine's. What it had is dropped first: its claims, the
    flags it raised and every flag that names one of its statements. Inside the caller's transaction; returns
    the number of flags stored (none in a store made before flags)."""
    from onrecord.provenance import analyse_text

    if not has_flags(store):
        return 0
    rows = store.rows("SELECT id, human_corrected FROM attributions WHERE article_id = ? ORDER BY ordinal",
                      (article_id,))
    forget(store, article_id)
    _drop(store, [int(i) for i, _ in rows], claims=True)
    extraction = store.extraction(article_id)
    extraction = dataclasses.replace(extraction, provenance=analyse_text(extraction, nlp))
    return write(store, article_id, extraction, corrected=any(human for _, human in rows))


def recompute_for_speakers(store: Store, speaker_ids: Iterable[int]) -> int:
    """The flags across articles of these speakers' statements computed again, after the store's idea of who
    they are changed (``onrecord speakers merge``, ``split``): reversals follow the speaker's identity, and
    conflicts are between other speakers. Their flags across articles are dropped, then each of their
    statements is compared with the stored statements of other articles as at ingest (:func:`write`); flags
    within one article stay (they compare the article's own names). Inside the caller's transaction; returns
    the number of flags stored."""
    if not has_flags(store):
        return 0
    found: list[int] = []
    speakers = list(dict.fromkeys(speaker_ids))
    for chunk in range(0, len(speakers), 500):
        part = speakers[chunk: chunk + 500]
        found.extend(int(i) for (i,) in store.rows(
            "SELECT a.id FROM attributions a JOIN claims c ON c.attribution_id = a.id"
            f" WHERE a.speaker_id IN ({', '.join('?' * len(part))}) ORDER BY a.id", part))
    return _recompute_across(store, found)


def speaker_groups(store: Store) -> dict[int, int | None]:
    """Each statement with a claim and its speaker id: what :func:`recompute_changed` compares with after
    ``relink``, which gives every speaker a new id."""
    if not has_flags(store):
        return {}
    return {int(i): int(s) if s is not None else None for i, s in store.rows(
        "SELECT a.id, a.speaker_id FROM attributions a JOIN claims c ON c.attribution_id = a.id")}


def recompute_changed(store: Store, before: dict[int, int | None]) -> int:
    """After a relink: the flags across articles of the statements whose group of statements by one speaker
    changed (:func:`speaker_groups` before it; a speaker's id alone changing is no change), computed again."""
    after = speaker_groups(store)

    def groups(of: dict[int, int | None]) -> dict[int, frozenset[int]]:
        members: dict[int | None, set[int]] = {}
        for attribution_id, speaker_id in of.items():
            members.setdefault(speaker_id, set()).add(attribution_id)
        return {i: frozenset(members[s]) if s is not None else frozenset() for i, s in of.items()}

    old, new = groups(before), groups(after)
    return _recompute_across(store, sorted(i for i in after if old.get(i) != new[i]))


def _recompute_across(store: Store, attribution_ids: Sequence[int]) -> int:
    if not attribution_ids:
        return 0
    _drop(store, attribution_ids, across_only=True)
    loaded = _stored_statements(store, attribution_ids)
    speaker_of: dict[int, int | None] = {}
    for chunk in range(0, len(attribution_ids), 500):
        part = list(attribution_ids[chunk: chunk + 500])
        speaker_of.update((int(i), int(s) if s is not None else None) for i, s in store.rows(
            f"SELECT id, speaker_id FROM attributions WHERE id IN ({', '.join('?' * len(part))})", part))
    ids = {(s.article, s.ordinal): attribution_id for s, attribution_id in loaded}
    done = _Compared(statements={attribution_id: s for s, attribution_id in loaded})
    by_article: dict[int, list[Flag]] = {}
    for s, attribution_id in loaded:
        for flag, raiser in _against_stored(store, int(s.article), s, speaker_of[attribution_id], ids, done,
                                            later=True):
            by_article.setdefault(raiser, []).append(flag)
    return sum(_insert_joined(store, found, raiser, ids) for raiser, found in by_article.items())


def _drop(store: Store, attribution_ids: Sequence[int], *, claims: bool = False, across_only: bool = False) -> None:
    """Delete the flags that name these statements (``across_only``: those between two articles), and with
    ``claims`` their claims and subject keys."""
    ids = list(dict.fromkeys(attribution_ids))
    for chunk in range(0, len(ids), 500):
        part = ids[chunk: chunk + 500]
        marks_ = ", ".join("?" * len(part))
        if across_only:
            store.execute(
                "DELETE FROM flags WHERE id IN (SELECT f.id FROM flags f"
                " JOIN attributions x ON x.id = f.a_attribution_id JOIN attributions y ON y.id = f.b_attribution_id"
                f" WHERE x.article_id <> y.article_id AND (f.a_attribution_id IN ({marks_})"
                f" OR f.b_attribution_id IN ({marks_})))", [*part, *part])
        else:
            store.execute(f"DELETE FROM flags WHERE a_attribution_id IN ({marks_}) OR b_attribution_id IN"
                          f" ({marks_})", [*part, *part])
        if claims:
            store.execute(f"DELETE FROM claim_keys WHERE attribution_id IN ({marks_})", part)
            store.execute(f"DELETE FROM claims WHERE attribution_id IN ({marks_})", part)


# --- reading -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredFlag:
    """A flag as stored: its id, the article whose ingest raised it, and the flag's record (``Flag.to_dict()``
    with ``attribution_id`` and ``article_id`` on each statement)."""

    id: int
    kind: str
    rating: str | None
    subject: str
    reason: str
    speaker: str | None
    other: str | None
    article_id: int
    created_at: str
    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "article_id": self.article_id, "created_at": self.created_at, **self.data}

    @property
    def a(self) -> dict[str, Any] | None:
        value = self.data.get("a")
        return value if isinstance(value, dict) else None

    @property
    def b(self) -> dict[str, Any] | None:
        value = self.data.get("b")
        return value if isinstance(value, dict) else None


_FLAG_COLUMNS = "f.id, f.kind, f.rating, f.subject, f.reason, f.speaker, f.other, f.article_id, f.created_at, f.data"


def _flag(r: Sequence[Any]) -> StoredFlag:
    return StoredFlag(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], int(r[7]), r[8], json.loads(r[9]))


def flags(store: Store, *, speaker: str | None = None, kind: str | None = None,
          limit: int | None = 200, before: int | None = None) -> list[StoredFlag]:
    """Stored flags, newest first; ``speaker`` (any name the store resolves: an alias, "#12") keeps those where
    one of the two statements is theirs; ``kind`` one of :data:`KINDS`; ``before``: only flags with a smaller id
    (the next page after a flag)."""
    _limit(limit)
    if kind is not None and kind not in KINDS:
        raise OnrecordError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    who = store.resolve_speaker(speaker) if speaker else None
    if not has_flags(store):
        return []
    where: list[str] = []
    params: list[Any] = []
    if kind is not None:
        where.append("f.kind = ?")
        params.append(kind)
    if who is not None:
        where.append("EXISTS (SELECT 1 FROM attributions x WHERE x.speaker_id = ?"
                     " AND x.id IN (f.a_attribution_id, f.b_attribution_id))")
        params.append(who.id)
    if before is not None:
        where.append("f.id < ?")
        params.append(before)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = store.rows(f"SELECT {_FLAG_COLUMNS} FROM flags f{clause} ORDER BY f.id DESC"
                      + (" LIMIT ?" if limit else ""), [*params, limit] if limit else params)
    return [_flag(r) for r in rows]


def article_flags(store: Store, article_id: int) -> list[StoredFlag]:
    """The flags of one stored article: those its ingest raised and those of other articles that name one of its
    statements, oldest first."""
    if not has_flags(store):
        return []
    rows = store.rows(
        f"SELECT {_FLAG_COLUMNS} FROM flags f WHERE f.article_id = ? OR EXISTS (SELECT 1 FROM attributions x"
        " WHERE x.article_id = ? AND x.id IN (f.a_attribution_id, f.b_attribution_id)) ORDER BY f.id",
        (article_id, article_id))
    return [_flag(r) for r in rows]


def flag_records(store: Store, found: Iterable[StoredFlag]) -> list[dict[str, Any]]:
    """Each flag's record (:meth:`StoredFlag.to_dict`) with, on each statement, the ``title`` of its article and
    its ``relays`` as stored (``{"name", "outlet"}``: the statement's own record keeps only a name per relay)."""
    records = [f.to_dict() for f in found]
    sides = [ref for r in records for ref in (r.get("a"), r.get("b")) if isinstance(ref, dict)]
    articles = list(dict.fromkeys(int(ref["article_id"]) for ref in sides if ref.get("article_id") is not None))
    statements = list(dict.fromkeys(int(ref["attribution_id"]) for ref in sides
                                    if ref.get("attribution_id") is not None))
    titles: dict[int, Any] = {}
    relays: dict[int, list[dict[str, Any]]] = {}
    for chunk in range(0, len(articles), 500):
        part = articles[chunk: chunk + 500]
        titles.update((int(i), t) for i, t in store.rows(
            f"SELECT id, title FROM articles WHERE id IN ({', '.join('?' * len(part))})", part))
    for chunk in range(0, len(statements), 500):
        part = statements[chunk: chunk + 500]
        for i, via in store.rows(f"SELECT id, via FROM attributions WHERE id IN ({', '.join('?' * len(part))})",
                                 part):
            relays[int(i)] = [{"name": v.get("name"), "outlet": v.get("outlet")} for v in json.loads(via or "[]")]
    for ref in sides:
        if ref.get("article_id") is not None:
            ref["title"] = titles.get(int(ref["article_id"]))
        if ref.get("attribution_id") is not None and int(ref["attribution_id"]) in relays:
            ref["relays"] = relays[int(ref["attribution_id"])]
    _one_quotation(store, records, statements)
    return records


def _one_quotation(store: Store, records: list[dict[str, Any]], statements: list[int]) -> None:
    """A reversal or conflict whose two statements are versions of one quotation (one quote family) is more
    likely a quotation changed on the way (a misquote, another speaker credited) than a change of mind: such a
    record gets ``quotation`` (the family's id and that note)."""
    from onrecord.record.families import member_families

    families = {aid: {fid for _part, fid, _c, _d in found} for aid, found in member_families(store, statements).items()}
    for r in records:
        a, b = r.get("a"), r.get("b")
        if r.get("kind") not in ("reversal", "conflict") or not isinstance(a, dict) or not isinstance(b, dict):
            continue
        shared = families.get(int(a.get("attribution_id") or 0), set()) & families.get(
            int(b.get("attribution_id") or 0), set())
        if shared:
            r["quotation"] = {"family_id": min(shared), "note": "both statements are versions of one quotation: "
                              "the difference may be a change made on the way (a misquote), not a change of mind"}


def marks(store: Store, attribution_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """For each of these attributions that takes part in a flag, the flags' labels ("reversal (full)",
    "conflict")."""
    ids = list(dict.fromkeys(attribution_ids))
    out: dict[int, list[str]] = {}
    if not ids or not has_flags(store):
        return {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk: chunk + 500]
        marks_ = ", ".join("?" * len(part))
        for a, b, kind, rating in store.rows(
                f"SELECT a_attribution_id, b_attribution_id, kind, rating FROM flags WHERE a_attribution_id IN"
                f" ({marks_}) OR b_attribution_id IN ({marks_}) ORDER BY id", [*part, *part]):
            label = f"{kind} ({rating})" if rating else kind
            for side in {a, b} & set(part):
                if label not in out.setdefault(int(side), []):
                    out[int(side)].append(label)
    return {k: tuple(v) for k, v in out.items()}


__all__ = ["KINDS", "MAX_CANDIDATES", "MIN_SHARED_KEYS", "StoredFlag", "article_flags", "flag_records", "flags",
           "forget", "has_flags", "marks", "recompute_article", "recompute_changed", "recompute_for_speakers",
           "speaker_groups", "write"]
