"""Quote families as the pages show them (:mod:`onrecord.record.families`): the list's rows, one family's
appearances in date order with a word-level diff against the root, and the badges of an article's statements.

The diff compares words as families do (:func:`onrecord.analysis.families.words`: case, punctuation and apostrophes
set aside), so "ignore," and "ignore" are the same word; a removed or added word that a dangerous change names (a
lost negation, a changed number) is marked as such. Nothing here makes markup: the templates escape every value.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from onrecord.analysis.families import Danger, Family, Variant, words
from onrecord.record.families import StoredFamily, parse_key
from onrecord.record.store import Store

#: The columns of the CSV twin of /quotes.
COLUMNS = ["family_id", "text", "speaker", "first_outlet", "first_published", "first_article_id", "appearances",
           "outlets", "dangerous"]
#: The columns of the CSV twin of /quotes/{id}: one row per appearance.
MEMBER_COLUMNS = ["family_id", "key", "attribution_id", "article_id", "number", "published", "outlet", "speaker",
                  "title", "url", "changes", "dangerous", "similarity", "text"]

_TOKEN = re.compile(r"\S+")


def attribution_id(key: str) -> int | None:
    """The stored attribution of an appearance's key ("a123.0" -> 123)."""
    found = parse_key(key)
    return found[0] if found else None


def places(store: Store, keys: Iterable[str]) -> dict[int, tuple[int, int]]:
    """Where each appearance's attribution is: {attribution id: (article id, statement number from 1)}."""
    ids = sorted({i for k in keys if (i := attribution_id(k)) is not None})
    out: dict[int, tuple[int, int]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for aid, article_id, ordinal in store.rows(
                f"SELECT id, article_id, ordinal FROM attributions WHERE id IN ({', '.join('?' * len(chunk))})",
                chunk):
            out[int(aid)] = (int(article_id), int(ordinal) + 1)
    return out


def _place(key: str, where: dict[int, tuple[int, int]]) -> tuple[int | None, int | None]:
    aid = attribution_id(key)
    return where.get(aid, (None, None)) if aid is not None else (None, None)


def row(stored: StoredFamily, where: dict[int, tuple[int, int]]) -> dict[str, Any]:
    """One family as a row of /quotes: the root's words, the family's speaker (the one most articles credit), its
    first appearance, how far it went."""
    fam = stored.family
    first = fam.members[0].appearance if fam.members else fam.root
    article_id, number = _place(first.key, where)
    return {"family_id": stored.id, "text": fam.root.text, "speaker": fam.speaker,
            "first_outlet": first.outlet, "first_published": first.published, "first_article_id": article_id,
            "first_number": number, "appearances": fam.size, "outlets": len(fam.outlets),
            "outlet_names": list(fam.outlets), "dangerous": len(fam.dangerous)}


@dataclass(frozen=True)
class Piece:
    """A run of the diff: ``op`` is ``same``, ``removed`` (in the root, not here) or ``added`` (here, not in the
    root); ``danger`` when a dangerous change names its words."""

    op: str
    text: str
    danger: bool = False


def _normal(token: str) -> str:
    return " ".join(words(token))


def diff(root: str, variant: str, dangers: Sequence[Danger] = ()) -> list[Piece]:
    """The words of ``variant`` against ``root``: kept, removed and added runs, in reading order (a replacement
    reads as the removed words, then the added ones)."""
    a, b = _TOKEN.findall(root), _TOKEN.findall(variant)
    risky_root = {w for d in dangers if d.kind != "speaker" for w in words(d.root)}
    risky_variant = {w for d in dangers if d.kind != "speaker" for w in words(d.variant)}
    matcher = difflib.SequenceMatcher(None, [_normal(t) for t in a], [_normal(t) for t in b], autojunk=False)
    out: list[Piece] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(Piece("same", " ".join(b[j1:j2])))
            continue
        if i2 > i1:
            out.extend(_run("removed", a[i1:i2], risky_root))
        if j2 > j1:
            out.extend(_run("added", b[j1:j2], risky_variant))
    return out


def _run(op: str, tokens: Sequence[str], risky: set[str]) -> list[Piece]:
    """Removed or added tokens, cut where the danger marking changes."""
    pieces: list[Piece] = []
    for t in tokens:
        danger = bool(risky & set(words(t)))
        if pieces and pieces[-1].danger == danger:
            pieces[-1] = Piece(op, f"{pieces[-1].text} {t}", danger)
        else:
            pieces.append(Piece(op, t, danger))
    return pieces


def appearance(fam: Family, v: Variant, where: dict[int, tuple[int, int]], *, index: int) -> dict[str, Any]:
    """One appearance of a family as /quotes/{id} shows it: when, where, who is credited, its article (and
    statement), its changes, its dangerous changes described and its diff against the root."""
    a = v.appearance
    article_id, number = _place(a.key, where)
    speaker_danger = [d.describe() for d in v.dangerous if d.kind == "speaker"]
    return {"index": index, "key": a.key, "attribution_id": attribution_id(a.key), "article_id": article_id,
            "number": number, "published": a.published, "outlet": a.outlet, "speaker": a.speaker,
            "title": a.title, "url": a.url, "text": a.text, "changes": list(v.changes),
            "dangerous": [d.to_dict() for d in v.dangerous], "warnings": [d.describe() for d in v.dangerous],
            "speaker_warning": "; ".join(speaker_danger) or None, "similarity": round(v.similarity, 3),
            "root": index == 0, "diff": [] if index == 0 else diff(fam.root.text, a.text, v.dangerous)}


def detail(stored: StoredFamily, where: dict[int, tuple[int, int]]) -> dict[str, Any]:
    """A family for its page: the root (first appearance) and every appearance in date order (the root first)."""
    fam = stored.family
    ordered = sorted(enumerate(fam.members), key=lambda iv: (iv[0] != 0, iv[1].appearance.published or "9999",
                                                             iv[0]))
    members = [appearance(fam, v, where, index=i) for i, v in ordered]
    return {"id": stored.id, "root": members[0] if members else None, "members": members, "size": fam.size,
            "outlets": list(fam.outlets), "dangerous": len(fam.dangerous), "speaker": fam.speaker,
            "text": fam.root.text}


def member_rows(detail_: dict[str, Any]) -> list[dict[str, Any]]:
    """The CSV rows of /quotes/{id}: one per appearance."""
    return [{"family_id": detail_["id"], **{k: m[k] for k in MEMBER_COLUMNS if k in m},
             "changes": "; ".join(m["changes"]), "dangerous": "; ".join(m["warnings"])} for m in detail_["members"]]


def badges(found: dict[int, list[tuple[int, int, Sequence[str], list[dict[str, str]]]]],
           families: dict[int, StoredFamily]) -> dict[int, list[dict[str, Any]]]:
    """For each attribution in a family: what its badge says (how many outlets carried the quotation, whether
    this version changed something dangerous) and where it links."""
    out: dict[int, list[dict[str, Any]]] = {}
    for aid, memberships in found.items():
        seen: set[int] = set()
        for part, fid, changes, dangerous in memberships:
            fam = families.get(fid)
            if fam is None or fid in seen:
                continue
            seen.add(fid)
            outlets = len(fam.family.outlets)
            danger = [Danger.from_dict(d).describe() for d in dangerous]
            out.setdefault(aid, []).append({
                "family_id": fid, "part": part, "href": f"/quotes/{fid}", "size": fam.family.size,
                "outlets": outlets, "changes": list(changes), "dangerous": danger,
                "label": f"carried by {outlets} outlet{'s' if outlets != 1 else ''}" if outlets > 1
                else f"{fam.family.size} appearances",
                "root": fam.family.root.key == f"a{aid}.{part}"})
    return out


def article_badges(store: Store, attribution_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
    """The badges of an article's statements (see :func:`badges`), read from the store."""
    from onrecord.record.families import family, member_families

    found = member_families(store, attribution_ids)
    fids = {fid for memberships in found.values() for _, fid, _, _ in memberships}
    return badges(found, {fid: family(store, fid) for fid in sorted(fids)})


__all__ = ["COLUMNS", "MEMBER_COLUMNS", "Piece", "appearance", "article_badges", "attribution_id", "badges",
           "detail", "diff", "member_rows", "places", "row"]
