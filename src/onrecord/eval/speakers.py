"""Resolved speaker names laid over a gold corpus that has none, and the figures only such a gold can give.

PolNeAR marks each attribution's source mention ("he", "the senator", "officials") but never says who it is. A
*speakers file* (``data/speakers/polnear-train.jsonl``; its README says how it was made) adds that: one JSON line per
document, ``{"id": ..., "attributions": [entry, ...]}``, one entry per attribution with a source::

    {"source": [s, e], "content": [s, e], "speaker": "Ana Lind" | null, "kind": "person", "certain": true}

:func:`read_speakers` reads and checks such a file (errors name ``file:line``); :func:`overlay_speakers` gives each
gold attribution the ``speaker`` of the entry with the same source and content spans (and keeps the entry's kind
as ``speaker_kind``), leaving out the documents the file does not cover. The usual scorer then computes speaker
accuracy and end-to-end figures. :func:`score_kinds` adds what a corpus without kinds (GGT) cannot show:

* accuracy on the pairs whose gold is a named person, organisation or several named people (``NAMED_KINDS``);
* *named wrongly*: pairs whose gold is an unnamed group or an anonymous individual (``UNNAMED_KINDS``: "officials",
  a plural "they") but whose prediction gives a speaker **name**, as a count and a share of those pairs.

Pairs are those of the scorer's content matching (:func:`onrecord.eval.scorer.match_contents`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onrecord.errors import GoldFormatError
from onrecord.eval.scorer import match_contents, speakers_match

#: The kinds an entry may have (see data/speakers/README.md).
KINDS = ("person", "organisation", "people", "group", "anonymous", "document", "unknown")
#: Gold kinds that name someone: a person, an organisation, several named people.
NAMED_KINDS = ("person", "organisation", "people")
#: Gold kinds that name nobody: an unnamed group or plural, one unnamed individual.
UNNAMED_KINDS = ("group", "anonymous")

Span = tuple[int, int]
Key = tuple[Span, Span]  # (source, content)


@dataclass(frozen=True, slots=True)
class SpeakerEntry:
    """Who one attribution's source is: a name (or None), its kind, and whether the annotator was sure."""

    speaker: str | None
    kind: str
    certain: bool = True


@dataclass(frozen=True, slots=True)
class SpeakerDoc:
    """The entries of one document of a speakers file, keyed by (source, content) span, and where it was read."""

    id: str
    where: str  # "path:line"
    entries: Mapping[Key, SpeakerEntry]


def _span(value: Any, name: str, k: int) -> Span:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(x, int) and not isinstance(x, bool) for x in value)
        or not 0 <= value[0] <= value[1]
    ):
        raise ValueError(f"entry {k}: {name} {value!r} is not a span [start, end]")
    return value[0], value[1]


def _entry(raw: Any, k: int) -> tuple[Key, SpeakerEntry]:
    """One checked entry of a document line."""
    if not isinstance(raw, Mapping):
        raise ValueError(f"entry {k} is not an object")
    key = (_span(raw.get("source"), "source", k), _span(raw.get("content"), "content", k))
    speaker = raw.get("speaker")
    if speaker is not None and (not isinstance(speaker, str) or not speaker.strip()):
        raise ValueError(f"entry {k}: speaker must be a non-empty string or null")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise ValueError(f"entry {k}: kind {kind!r} is not one of {', '.join(KINDS)}")
    certain = raw.get("certain", True)
    if not isinstance(certain, bool):
        raise ValueError(f"entry {k}: certain must be true or false")
    return key, SpeakerEntry(speaker, kind, certain)


def _document(line: str) -> tuple[str, dict[Key, SpeakerEntry]]:
    """The id and entries of one line (ValueError saying what is wrong)."""
    try:
        doc = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(doc, Mapping):
        raise ValueError(f"expected a JSON object, got {type(doc).__name__}")
    if not isinstance(doc.get("id"), str) or not doc["id"]:
        raise ValueError("missing or empty 'id'")
    raws = doc.get("attributions")
    if not isinstance(raws, list):
        raise ValueError("missing 'attributions' (a list)")
    entries: dict[Key, SpeakerEntry] = {}
    for k, raw in enumerate(raws):
        key, entry = _entry(raw, k)
        if key in entries:
            raise ValueError(f"entry {k}: source {list(key[0])} and content {list(key[1])} appear twice")
        entries[key] = entry
    return doc["id"], entries


def read_speakers(path: str | Path) -> dict[str, SpeakerDoc]:
    """The documents of a speakers file by id, in file order; or, for a folder, of every ``*.jsonl`` file in it,
    pooled in file-name order (``data/speakers/``: all the parts scored as one sample).

    Raises :class:`GoldFormatError` naming ``path:line`` for a line that is not a valid document (bad JSON, a
    missing field, a bad span, an unknown kind, a repeated id or entry, an id another file of the folder already
    holds), or naming ``path`` when the file cannot be read or holds no document.
    """
    path = Path(path)
    if not path.is_dir():
        return _read_file(path)
    files = sorted(path.glob("*.jsonl"))
    if not files:
        raise GoldFormatError("the folder holds no speakers file (*.jsonl)", document=str(path))
    docs: dict[str, SpeakerDoc] = {}
    for file in files:
        for doc_id, sdoc in _read_file(file).items():
            if doc_id in docs:
                raise GoldFormatError(f"id {doc_id!r} is also at {docs[doc_id].where}", document=sdoc.where)
            docs[doc_id] = sdoc
    return docs


def _read_file(path: Path) -> dict[str, SpeakerDoc]:
    """The documents of one speakers file by id, in file order (see :func:`read_speakers`)."""
    docs: dict[str, SpeakerDoc] = {}
    try:
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{path}:{lineno}"
                try:
                    doc_id, entries = _document(line)
                except ValueError as exc:
                    raise GoldFormatError(str(exc), document=where) from exc
                if doc_id in docs:
                    raise GoldFormatError(f"id {doc_id!r} appears on an earlier line", document=where)
                docs[doc_id] = SpeakerDoc(doc_id, where, entries)
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"cannot read the speakers file: {exc}", document=str(path)) from exc
    if not docs:
        raise GoldFormatError("the speakers file holds no document", document=str(path))
    return docs


def _overlay_one(doc: Mapping[str, Any], sdoc: SpeakerDoc) -> dict[str, Any]:
    """``doc`` with each sourced attribution given its entry's speaker and kind (GoldFormatError when one lacks
    an entry or an entry matches no attribution: the file does not describe this document)."""
    used: set[Key] = set()
    attributions = []
    for att in doc["attributions"]:
        att = dict(att)
        if att.get("source") is not None:
            key = ((att["source"][0], att["source"][1]), (att["content"][0], att["content"][1]))
            entry = sdoc.entries.get(key)
            if entry is None:
                raise GoldFormatError(
                    f"document {sdoc.id!r}: no entry for the attribution with source {list(key[0])} and content "
                    f"{list(key[1])}",
                    document=sdoc.where,
                )
            used.add(key)
            att.update(speaker=entry.speaker, speaker_kind=entry.kind, speaker_certain=entry.certain)
        attributions.append(att)
    unused = [key for key in sdoc.entries if key not in used]
    if unused:
        source, content = unused[0]
        raise GoldFormatError(
            f"document {sdoc.id!r}: the entry with source {list(source)} and content {list(content)} matches no "
            f"attribution of the gold document ({len(unused)} such)",
            document=sdoc.where,
        )
    return {**doc, "attributions": attributions}


def overlay_speakers(gold: Iterable[Mapping[str, Any]], speakers: Mapping[str, SpeakerDoc]) -> list[dict[str, Any]]:
    """The gold documents that ``speakers`` covers, in gold order, their sourced attributions given a ``speaker``
    (and ``speaker_kind``, ``speaker_certain``) from the entry with the same source and content spans.

    Documents absent from ``speakers`` are left out. Raises :class:`GoldFormatError` (naming the speakers file's
    ``path:line``) when a document of the file is not in ``gold``, or its entries and the document's sourced
    attributions do not correspond one to one.
    """
    out = []
    seen: set[str] = set()
    for doc in gold:
        sdoc = speakers.get(doc["id"])
        if sdoc is not None:
            out.append(_overlay_one(doc, sdoc))
            seen.add(sdoc.id)
    for sdoc in speakers.values():
        if sdoc.id not in seen:
            raise GoldFormatError(f"document {sdoc.id!r} is not in the gold corpus", document=sdoc.where)
    return out


# --------------------------------------------------------------------------------------------- the figures


@dataclass(frozen=True, slots=True)
class KindRow:
    """Over the content pairs whose gold has one kind: how many, how many predicted speakers match the gold
    name (named gold only), how many predictions give a ``speaker`` name."""

    pairs: int = 0
    right: int = 0
    named: int = 0

    def to_dict(self) -> dict[str, int]:
        return {"pairs": self.pairs, "right": self.right, "named": self.named}


@dataclass(frozen=True, slots=True)
class KindScores:
    """Speaker figures by gold kind (see the module docstring)."""

    rows: Mapping[str, KindRow] = field(default_factory=dict)

    def _sum(self, kinds: Sequence[str]) -> KindRow:
        rows = [self.rows[k] for k in kinds if k in self.rows]
        return KindRow(sum(r.pairs for r in rows), sum(r.right for r in rows), sum(r.named for r in rows))

    @property
    def named_accuracy(self) -> tuple[int, int]:
        """(right, pairs) over gold person, organisation and people."""
        row = self._sum(NAMED_KINDS)
        return row.right, row.pairs

    @property
    def named_wrongly(self) -> tuple[int, int]:
        """(predictions giving a name, pairs) over gold group and anonymous."""
        row = self._sum(UNNAMED_KINDS)
        return row.named, row.pairs

    def to_dict(self) -> dict[str, Any]:
        right, total = self.named_accuracy
        wrong, unnamed = self.named_wrongly
        return {
            "by_gold_kind": {k: r.to_dict() for k, r in self.rows.items()},
            "named_accuracy": {"accuracy": round(_share(right, total), 4), "correct": right, "total": total},
            "named_wrongly": {"share": round(_share(wrong, unnamed), 4), "count": wrong, "total": unnamed},
        }

    def to_text(self) -> str:
        lines = [f"{'speakers by gold kind':<22}{'pairs':>7}{'right':>7}{'named':>7}"]
        for kind, r in self.rows.items():
            cell = f"{r.right:>7}" if kind not in UNNAMED_KINDS else f"{'-':>7}"
            lines.append(f"  {kind:<20}{r.pairs:>7}{cell}{r.named:>7}")
        right, total = self.named_accuracy
        wrong, unnamed = self.named_wrongly
        lines.append(f"{'named accuracy':<22}{_share(right, total):>7.3f}  ({right}/{total} pairs whose gold is "
                     f"{', '.join(NAMED_KINDS)})")
        lines.append(f"{'named wrongly':<22}{_share(wrong, unnamed):>7.3f}  ({wrong}/{unnamed} pairs whose gold is "
                     f"{' or '.join(UNNAMED_KINDS)} given a name)")
        return "\n".join(lines)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def speaker_pairs(
    gold: Iterable[Mapping[str, Any]], predicted: Iterable[Mapping[str, Any]]
) -> Iterator[tuple[str, Mapping[str, Any], Mapping[str, Any]]]:
    """``(document id, gold attribution, predicted attribution)`` for each pair of the content matching whose gold
    has a ``speaker_kind`` (documents without a prediction give none)."""
    preds = {p["id"]: p for p in predicted}
    for gdoc in gold:
        pdoc = preds.get(gdoc["id"])
        if pdoc is None:
            continue
        g_atts, p_atts = gdoc["attributions"], pdoc["attributions"]
        pairs, _ = match_contents(gdoc["text"], [a["content"] for a in g_atts], [a["content"] for a in p_atts])
        for gi, pi in sorted(pairs):
            if g_atts[gi].get("speaker_kind"):
                yield gdoc["id"], g_atts[gi], p_atts[pi]


def score_kinds(gold: Iterable[Mapping[str, Any]], predicted: Iterable[Mapping[str, Any]]) -> KindScores:
    """The speaker figures by gold kind over overlaid ``gold`` documents (see :func:`overlay_speakers`)."""
    counts: dict[str, list[int]] = {k: [0, 0, 0] for k in KINDS}
    for _, g, p in speaker_pairs(gold, predicted):
        row = counts[g["speaker_kind"]]
        row[0] += 1
        # the predicted speaker as the scorer reads it: the name, else the description
        row[1] += bool(g.get("speaker")) and speakers_match(p.get("speaker") or p.get("speaker_description"),
                                                            g["speaker"])
        row[2] += bool(p.get("speaker"))
    return KindScores({k: KindRow(*c) for k, c in counts.items() if c[0]})


__all__ = [
    "KINDS",
    "NAMED_KINDS",
    "UNNAMED_KINDS",
    "KindRow",
    "KindScores",
    "SpeakerDoc",
    "SpeakerEntry",
    "overlay_speakers",
    "read_speakers",
    "score_kinds",
    "speaker_pairs",
]
