"""Recalled claims in the store: a new article's signalled conflict whose side recalls a person's claim ("The report
gives the lie to the chief executive's assurance in March that ...") gets, in its ``also``, the pairs that person's
own earlier words in a stored article of the same story make, as the eval and ``onrecord provenance`` give them
(:func:`onrecord.provenance.restatements.with_recalled`).

:func:`with_recalled_stored` is called by :func:`onrecord.record.provenance.write` on the article's own flags before
they are stored: the earlier words are looked for among the stored statements of other articles that the store's
candidate lookup gives (the recap's speaker, and statements of any speaker sharing its subject keys), of the
recap's story (the names kept in ``claims.data``); the holders of a role ("the chief executive") are read from
those statements' sources. The pairs are stored in the flag's record (``also``), so a rerun, a reprocess or two
writers store the flag, and them, once (the flag's unique pair).

An earlier article stored after the recap's adds nothing to the stored flag: ``onrecord reprocess`` of the recap's
article does (docs/provenance.md, "recalled claims").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from onrecord.types import Extraction

if TYPE_CHECKING:
    from onrecord.provenance import Flag, Statement
    from onrecord.record.store import Store


def with_recalled_stored(store: Store, article_id: int, extraction: Extraction, written: Sequence[Statement],
                         said: Sequence[Statement], speaker_ids: Sequence[int | None],
                         ids: dict[tuple[str, int], int]) -> list[Flag]:
    """The article's own flags, each signalled conflict with a recalled side given the pairs its owner's earlier
    statements in stored articles of the story make. ``written``: the article's statements as provenance names
    their parties; ``said``: the same with the store's names; ``ids`` gains the stored statements paired (their
    attribution ids, for :func:`onrecord.record.provenance._insert_joined`)."""
    from onrecord.provenance.parties import recalled_claim
    from onrecord.provenance.restatements import _in_signal_sentence, with_recalled

    article = extraction.article
    own, key = article.id or "", str(article_id)  # (the store's key, which no other stored article has)
    flags = [_keyed(f, own, key) for f in extraction.provenance.flags]
    signalled = [f for f in flags if f.kind == "conflict" and f.reason.startswith("the reporter")]
    if not signalled:
        return list(extraction.provenance.flags)
    mine = {s.ordinal: _as(s, said[i], extraction, i, key) for i, s in enumerate(written)}
    sides = {int(r["ordinal"]) for f in signalled for r in (f.a, f.b)
             if r and r.get("ordinal") is not None and str(r.get("article") or "") == key}
    recaps = [s for i, s in sorted(mine.items()) if i in sides and s.document is None and (
        recalled_claim(s.attribution, article.text)
        or any(_in_signal_sentence(s, f, article.text) for f in signalled))]
    if not recaps:
        return list(extraction.provenance.flags)
    earlier = _candidates(store, article_id, recaps, [speaker_ids[s.ordinal] for s in recaps])
    if not earlier:
        return list(extraction.provenance.flags)
    for s, attribution_id in earlier:
        ids[(s.article, s.ordinal)] = attribution_id
    texts = {key: article.text, **_texts(store, {int(s.article) for s, _ in earlier})}
    return [_keyed(f, key, own) for f in with_recalled(flags, [*mine.values(), *(s for s, _ in earlier)], texts)]


def _keyed(f: Flag, old: str, new: str) -> Flag:
    """The flag with the statements of article ``old`` named as of article ``new``."""
    def ref(r: dict[str, Any] | None) -> dict[str, Any] | None:
        return {**r, "article": new} if r is not None and str(r.get("article") or "") == old else r

    also = tuple((ref(x) or x, ref(y) or y) for x, y in f.also)
    return dataclasses.replace(f, a=ref(f.a), b=ref(f.b), also=also)


def _as(s: Statement, stored_name: Statement, extraction: Extraction, i: int, own: str) -> Statement:
    """The article's statement keyed as its flags name it, with the store's name for its speaker where provenance
    kept the extraction's speaker (a recalled claim re-owned to a role keeps the role)."""
    named = stored_name if s.speaker == extraction.attributions[i].speaker else s
    return dataclasses.replace(named, article=own)


def _candidates(store: Store, article_id: int, recaps: Sequence[Statement],
                speaker_ids: Sequence[int | None]) -> list[tuple[Statement, int]]:
    """The stored statements of other articles that may give a recap's claim back: its speaker's, and any
    speaker's sharing its subject keys (:data:`onrecord.record.provenance.MIN_SHARED_KEYS`), of the recap's
    story."""
    from onrecord.record.provenance import _same_speaker, _sharing_keys, _stored_statements

    found: list[int] = []
    for recap, speaker_id in zip(recaps, speaker_ids, strict=True):
        found.extend(_same_speaker(store, article_id, speaker_id))
        found.extend(_sharing_keys(store, article_id, recap.claim.keys, None))
    story = frozenset().union(*(r.story for r in recaps))
    return [(s, i) for s, i in _stored_statements(store, sorted(set(found))) if s.story & story]


def _texts(store: Store, articles: set[int]) -> dict[str, str]:
    ordered = sorted(articles)
    out: dict[str, Any] = {}
    for chunk in range(0, len(ordered), 500):
        part = ordered[chunk: chunk + 500]
        out.update((str(i), t) for i, t in store.rows(
            f"SELECT id, text FROM articles WHERE id IN ({', '.join('?' * len(part))})", part))
    return out


__all__ = ["with_recalled_stored"]
