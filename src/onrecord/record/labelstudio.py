"""The Label Studio round trip: stored attributions out as pre-annotations, corrected annotations back in.

Export writes a JSON list of tasks, one per article, in Label Studio's import format: ``data`` holds the text
and the store's ``article_id``; ``predictions[0].result`` has, per attribution, labelled regions over the text
(``Content``, ``Source``, ``Cue``, with character offsets), relations from source and cue to the content, and per
region of content the speaker's name (a text area) and the type (choices). :data:`LABEL_CONFIG` is the labelling
interface to create the project with.

Import reads Label Studio's JSON export of those tasks after correction (``annotations``; the last one that was
not cancelled counts), rebuilds the attributions of each annotated article from its regions and relations, and
stores them as corrected by a person (``pipeline_version = "human"``): reprocessing keeps them. Their claims and
provenance flags are computed again from the corrected attributions (a new parse of the text). A malformed file
raises :class:`onrecord.errors.LabelFileError` naming the file and where in it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

from onrecord.errors import LabelFileError, NotFoundError
from onrecord.record import provenance
from onrecord.record.store import Store
from onrecord.types import ATTRIBUTION_TYPES, Attribution, AttributionType, CharSpan, SpeakerKind

if TYPE_CHECKING:
    from spacy.language import Language

CONTENT, SOURCE, CUE = "Content", "Source", "Cue"

LABEL_CONFIG = """<View>
  <Labels name="label" toName="text">
    <Label value="Content" background="#ffd966"/>
    <Label value="Source" background="#9fc5e8"/>
    <Label value="Cue" background="#b6d7a8"/>
  </Labels>
  <Relations>
    <Relation value="attribution"/>
  </Relations>
  <Text name="text" value="$text"/>
  <View visibleWhen="region-selected" whenLabelValue="Content">
    <Header value="Speaker (resolved full name; empty when unnamed)"/>
    <TextArea name="speaker" toName="text" perRegion="true" editable="true" maxSubmissions="1"/>
    <Choices name="type" toName="text" perRegion="true" choice="single">
      <Choice value="direct"/>
      <Choice value="indirect"/>
      <Choice value="mixed"/>
      <Choice value="unknown"/>
    </Choices>
  </View>
</View>
"""


def _region(rid: str, label: str, span: CharSpan, text: str) -> dict[str, Any]:
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": span.start, "end": span.end, "text": span.of(text), "labels": [label]}}


def export_tasks(store: Store, *, article_ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """Label Studio tasks with pre-annotations for the given (default: all) articles."""
    ids = list(article_ids) if article_ids is not None else store.article_ids(include_reviewed=True)
    tasks = []
    for article_id in ids:
        extraction = store.extraction(article_id)
        art, text = extraction.article, extraction.article.text
        stored_ids = [i for (i,) in store.rows("SELECT id FROM attributions WHERE article_id = ? ORDER BY ordinal",
                                               (article_id,))]
        result: list[dict[str, Any]] = []
        for attribution_id, a in zip(stored_ids, extraction.attributions, strict=True):
            cid = f"a{attribution_id}-content"
            result.append(_region(cid, CONTENT, a.content, text))
            for suffix, label, span in (("source", SOURCE, a.source), ("cue", CUE, a.cue)):
                if span is not None:
                    rid = f"a{attribution_id}-{suffix}"
                    result.append(_region(rid, label, span, text))
                    result.append({"type": "relation", "from_id": rid, "to_id": cid, "direction": "right",
                                   "labels": ["attribution"]})
            value = {"start": a.content.start, "end": a.content.end}
            if a.speaker:
                result.append({"id": cid, "from_name": "speaker", "to_name": "text", "type": "textarea",
                               "value": {**value, "text": [a.speaker]}})
            result.append({"id": cid, "from_name": "type", "to_name": "text", "type": "choices",
                           "value": {**value, "choices": [a.type]}})
        data = {"text": text, "article_id": article_id, "title": art.title, "outlet": art.outlet, "url": art.url,
                "published": art.published}
        tasks.append({"data": data, "predictions": [{"model_version": f"onrecord {extraction.pipeline_version} "
                                                                      f"({extraction.model})", "result": result}]})
    return tasks


@dataclass(frozen=True, slots=True)
class ImportResult:
    articles: int
    attributions: int
    skipped_tasks: int  # tasks without an annotation to import


def import_tasks(store: Store, path: Path) -> ImportResult:
    """Read a Label Studio JSON export and store each annotated task's attributions as human-corrected."""
    name = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LabelFileError("no such file", document=name) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LabelFileError(f"cannot read: {exc}", document=name) from None
    except json.JSONDecodeError as exc:
        # ("Unterminated string starting at" is one of json's messages: no "at at line")
        raise LabelFileError(f"not JSON: {exc.msg.removesuffix(' at')} at line {exc.lineno} column {exc.colno}",
                             document=name) from None
    except RecursionError:
        raise LabelFileError("not a Label Studio export: JSON nested too deeply to read", document=name) from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise LabelFileError("expected a JSON list of Label Studio tasks", document=name)
    plans: list[tuple[int, list[Attribution]]] = []
    skipped = 0
    for n, task in enumerate(data, 1):
        where = f"task {n}"
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            raise LabelFileError(f"{where}: not a task (an object with 'data')", document=name)
        article_id = task["data"].get("article_id")
        if not _is_offset(article_id) or not 0 < article_id <= _MAX_ID:
            raise LabelFileError(f"{where}: data.article_id is missing or not an integer (export the tasks from "
                                 "`onrecord export --format labelstudio`)", document=name)
        where += f" (article {article_id})"
        annotations = [a for a in task.get("annotations") or () if isinstance(a, dict) and not a.get("was_cancelled")]
        if not annotations:
            skipped += 1
            continue
        try:
            text = store.article(article_id).text
        except NotFoundError:
            raise LabelFileError(f"{where}: article {article_id} is not in the store {store.url.display}",
                                 document=name) from None
        previous = _previous(store, article_id)
        result = annotations[-1].get("result")
        if not isinstance(result, list):
            raise LabelFileError(f"{where}: annotation has no 'result' list", document=name)
        plans.append((article_id, _attributions(result, text, previous, where=where, document=name)))
    total = 0
    nlp = _parser(store) if plans else None
    with store.transaction():
        for article_id, attributions in plans:
            total += store.replace_with_corrections(article_id, attributions)
            if nlp is not None:  # its claims and flags, from the corrected statements
                provenance.recompute_article(store, article_id, nlp)
    return ImportResult(len(plans), total, skipped)


def _parser(store: Store) -> Language | None:
    """The parse that provenance reads (loaded before the transaction), or None for a store that keeps no
    provenance: made before it, or filled by :meth:`Store.add` with extractions that carry none."""
    if not provenance.has_flags(store) or store.one("SELECT 1 FROM claims LIMIT 1") is None:
        return None
    from onrecord.nlp import load_pipeline

    return load_pipeline(with_attribution=False)


#: The largest id a store holds (a signed 64-bit integer).
_MAX_ID = 2**63 - 1


def _is_offset(value: Any) -> TypeGuard[int]:
    """An integer, and not ``true`` or ``false`` (which JSON gives as Python's bool, a kind of int)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _previous(store: Store, article_id: int) -> dict[str, Attribution]:
    ids = [i for (i,) in store.rows("SELECT id FROM attributions WHERE article_id = ? ORDER BY ordinal",
                                    (article_id,))]
    return {f"a{i}-content": a for i, a in zip(ids, store.attributions_of(article_id), strict=True)}


def _attributions(result: list[Any], text: str, previous: dict[str, Attribution], *, where: str,
                  document: str) -> list[Attribution]:
    regions: dict[str, tuple[str, CharSpan]] = {}
    speakers: dict[str, str] = {}
    types: dict[str, AttributionType] = {}
    links: dict[str, dict[str, CharSpan]] = defaultdict(dict)
    relations: list[tuple[str, str]] = []
    for item in result:
        if not isinstance(item, dict):
            raise LabelFileError(f"{where}: a result item is not an object", document=document)
        kind = item.get("type")
        if kind == "relation":
            if not isinstance(item.get("from_id"), str) or not isinstance(item.get("to_id"), str):
                raise LabelFileError(f"{where}: a relation lacks from_id or to_id", document=document)
            relations.append((item["from_id"], item["to_id"]))
            continue
        rid = item.get("id")
        value = item.get("value")
        if not isinstance(rid, str) or not isinstance(value, dict):
            raise LabelFileError(f"{where}: a region lacks its id or value", document=document)
        if kind == "labels":
            labels = value.get("labels") or []
            label = labels[0] if labels else None
            if label not in (CONTENT, SOURCE, CUE):
                raise LabelFileError(f"{where}: region {rid!r} has label {label!r}, not one of Content, Source, Cue",
                                     document=document)
            start, end = value.get("start"), value.get("end")
            if not _is_offset(start) or not _is_offset(end) or not 0 <= start <= end <= len(text):
                raise LabelFileError(f"{where}: region {rid!r} has offsets {start!r}..{end!r} outside the text "
                                     f"({len(text)} characters)", document=document)
            if "text" in value and value["text"] != text[start:end]:
                raise LabelFileError(f"{where}: region {rid!r} says {value['text']!r} but the article has "
                                     f"{text[start:end]!r} at [{start}, {end}) (was the text changed?)",
                                     document=document)
            regions[rid] = (label, CharSpan(start, end))
        elif kind == "textarea" and item.get("from_name") == "speaker":
            words = [t for t in value.get("text") or () if isinstance(t, str) and t.strip()]
            speakers[rid] = words[-1].strip() if words else ""
        elif kind == "choices" and item.get("from_name") == "type":
            choice = (value.get("choices") or [None])[0]
            if choice not in ATTRIBUTION_TYPES:
                raise LabelFileError(f"{where}: region {rid!r} has type {choice!r}, not one of "
                                     f"{', '.join(ATTRIBUTION_TYPES)}", document=document)
            types[rid] = choice
    for a, b in relations:
        for x, y in ((a, b), (b, a)):  # either direction: Label Studio lets people draw them both ways
            if x in regions and y in regions and regions[y][0] == CONTENT and regions[x][0] in (SOURCE, CUE):
                links[y].setdefault(regions[x][0], regions[x][1])
        if a not in regions or b not in regions:
            raise LabelFileError(f"{where}: relation {a!r} -> {b!r} names a region that does not exist",
                                 document=document)
    out = []
    quote_spans: list[CharSpan] | None = None
    for rid, (label, span) in sorted(regions.items(), key=lambda kv: kv[1][1]):
        if label != CONTENT:
            continue
        if quote_spans is None:
            quote_spans = _quotations(text)
        old = previous.get(rid)
        speaker = speakers.get(rid, old.speaker if old else None) or None
        speaker_kind: SpeakerKind
        if old is not None and speaker == old.speaker:
            speaker_kind, description = old.speaker_kind, old.speaker_description
        else:
            speaker_kind, description = ("person", None) if speaker else ("unknown", None)
        out.append(Attribution(
            content=span, source=links[rid].get(SOURCE), cue=links[rid].get(CUE), speaker=speaker,
            speaker_kind=speaker_kind, speaker_description=description,
            type=types.get(rid, old.type if old else "unknown"), medium=old.medium if old else "unknown",
            cue_kind=old.cue_kind if old else "speech", via=old.via if old else (), confidence=1.0,
            quoted=_quoted_parts(text, span, quote_spans),
        ))
    return out


def _quotations(text: str) -> list[CharSpan]:
    """The contents of the article's quotations, as extraction finds them (imported here: the attribution package
    loads spaCy, which the store and the web app do without)."""
    from onrecord.attribution.quotes import find_quotes

    return [q.content for q in find_quotes(text)[0]]


def _quoted_parts(text: str, content: CharSpan, quote_spans: list[CharSpan]) -> tuple[CharSpan, ...]:
    from onrecord.attribution.records import quoted_parts

    return quoted_parts(text, content, quote_spans)
