"""A speakers file laid over a gold corpus without names (onrecord.eval.speakers), on invented documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from onrecord.errors import GoldFormatError
from onrecord.eval import EvalReport, evaluate_file, score_documents
from onrecord.eval.floors import below_floors
from onrecord.eval.speakers import overlay_speakers, read_speakers, score_kinds

TEXT = (
    "Ana Lind said the bridge would open in May. "
    "She added that the cost had doubled. "
    "Officials said the plan was sound. "
    "Prices rose, the report found."
)


def span(text: str, words: str) -> list[int]:
    start = text.index(words)
    return [start, start + len(words)]


def att(source: str | None, content: str, text: str = TEXT, speaker: str | None = None) -> dict[str, Any]:
    return {"content": span(text, content), "source": span(text, source) if source else None, "cue": None,
            "speaker": speaker, "type": "indirect"}


def polnear_doc(id: str = "d1") -> dict[str, Any]:
    """A PolNeAR-like gold document: source mentions marked, no speaker names."""
    return {"id": id, "source": "handmade", "text": TEXT, "attributions": [
        att("Ana Lind", "the bridge would open in May"),
        att("She", "the cost had doubled"),
        att("Officials", "the plan was sound"),
        att(None, "Prices rose"),
    ]}


def entry(source: str, content: str, speaker: str | None, kind: str, certain: bool = True) -> dict[str, Any]:
    return {"source": span(TEXT, source), "content": span(TEXT, content), "speaker": speaker, "kind": kind,
            "certain": certain}


def speakers_line(id: str = "d1") -> dict[str, Any]:
    return {"id": id, "attributions": [
        # in another order than the gold: entries are keyed by their spans, not their place
        entry("Officials", "the plan was sound", None, "group"),
        entry("Ana Lind", "the bridge would open in May", "Ana Lind", "person"),
        entry("She", "the cost had doubled", "Ana Lind", "person", certain=False),
    ]}


def write(path: Path, lines: list[Any]) -> Path:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines), encoding="utf-8")
    return path


def test_overlay_matches_entries_by_source_and_content_spans(tmp_path: Path) -> None:
    speakers = read_speakers(write(tmp_path / "s.jsonl", [speakers_line()]))
    (doc,) = overlay_speakers([polnear_doc()], speakers)
    got = [(a["speaker"], a.get("speaker_kind"), a.get("speaker_certain")) for a in doc["attributions"]]
    assert got == [("Ana Lind", "person", True), ("Ana Lind", "person", False), (None, "group", True),
                   (None, None, None)]  # the attribution without a source is left as it was
    assert doc["text"] == TEXT and doc["id"] == "d1"


def test_documents_absent_from_the_speakers_file_are_left_out(tmp_path: Path) -> None:
    speakers = read_speakers(write(tmp_path / "s.jsonl", [speakers_line("d2")]))
    docs = overlay_speakers([polnear_doc("d1"), polnear_doc("d2"), polnear_doc("d3")], speakers)
    assert [d["id"] for d in docs] == ["d2"]


def test_a_speakers_document_missing_from_the_gold_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "s.jsonl", [speakers_line("d1"), "", speakers_line("d9")])
    with pytest.raises(GoldFormatError, match="'d9' is not in the gold corpus") as info:
        overlay_speakers([polnear_doc("d1")], read_speakers(path))
    assert info.value.document == f"{path}:3"


def test_an_attribution_without_an_entry_or_an_entry_without_an_attribution_is_an_error(tmp_path: Path) -> None:
    short = speakers_line()
    short["attributions"] = short["attributions"][:2]  # "She" has no entry
    path = write(tmp_path / "short.jsonl", [short])
    with pytest.raises(GoldFormatError, match=r"no entry for the attribution with source \[44, 47\]") as info:
        overlay_speakers([polnear_doc()], read_speakers(path))
    assert info.value.document == f"{path}:1"

    moved = speakers_line()
    moved["attributions"][2]["content"][1] -= 1  # the content span of another corpus's version
    with pytest.raises(GoldFormatError, match="no entry for the attribution with source"):
        overlay_speakers([polnear_doc()], read_speakers(write(tmp_path / "moved.jsonl", [moved])))

    extra = speakers_line()
    extra["attributions"].append(entry("the report", "Prices rose", None, "document"))  # the gold has no source
    path = write(tmp_path / "extra.jsonl", [extra])
    with pytest.raises(GoldFormatError, match=r"the entry with source \[\d+, \d+\] and content .* matches no attr"):
        overlay_speakers([polnear_doc()], read_speakers(path))


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("{not json", "not valid JSON"),
        ("[1]", "expected a JSON object"),
        ({"attributions": []}, "'id'"),
        ({"id": "d2"}, "'attributions'"),
        ({"id": "d2", "attributions": [{**entry("She", "the cost had doubled", "Ana Lind", "person"),
                                         "source": [5]}]}, r"entry 0: source \[5\] is not a span"),
        ({"id": "d2", "attributions": [entry("She", "the cost had doubled", "Ana Lind", "citizen")]},
         "kind 'citizen'"),
        ({"id": "d2", "attributions": [entry("She", "the cost had doubled", "", "person")]}, "non-empty string"),
        ({"id": "d2", "attributions": [{**entry("She", "the cost had doubled", None, "group"), "certain": "yes"}]},
         "certain must be"),
        ({"id": "d2", "attributions": [entry("She", "the cost had doubled", "Ana Lind", "person")] * 2},
         "appear twice"),
        (speakers_line("d1"), "earlier line"),
    ],
)
def test_a_malformed_line_names_the_file_and_line(tmp_path: Path, bad: Any, reason: str) -> None:
    path = write(tmp_path / "s.jsonl", [speakers_line("d1"), "", bad])
    with pytest.raises(GoldFormatError, match=reason) as info:
        read_speakers(path)
    assert str(info.value).startswith(f"{path}:3: ")


def test_a_missing_or_empty_speakers_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="cannot read") as info:
        read_speakers(tmp_path / "absent.jsonl")
    assert info.value.document == str(tmp_path / "absent.jsonl")
    with pytest.raises(GoldFormatError, match="no document"):
        read_speakers(write(tmp_path / "empty.jsonl", [""]))


def test_a_folder_pools_its_speakers_files_in_name_order(tmp_path: Path) -> None:
    folder = tmp_path / "speakers"
    folder.mkdir()
    write(folder / "part-b.jsonl", [speakers_line("d2")])
    write(folder / "part-a.jsonl", [speakers_line("d1"), speakers_line("d3")])
    (folder / "README.md").write_text("not a speakers file", encoding="utf-8")
    pooled = read_speakers(folder)
    assert list(pooled) == ["d1", "d3", "d2"]
    assert pooled["d2"].where == f"{folder / 'part-b.jsonl'}:1"
    gold = overlay_speakers([polnear_doc(id) for id in ("d1", "d2", "d3", "d9")], pooled)
    assert [d["id"] for d in gold] == ["d1", "d2", "d3"]


def test_a_document_in_two_files_of_a_folder_or_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "speakers"
    folder.mkdir()
    with pytest.raises(GoldFormatError, match="no speakers file") as info:
        read_speakers(folder)
    assert info.value.document == str(folder)
    write(folder / "a.jsonl", [speakers_line("d1")])
    write(folder / "b.jsonl", [speakers_line("d2"), speakers_line("d1")])
    with pytest.raises(GoldFormatError, match=r"'d1' is also at .*a\.jsonl:1") as info:
        read_speakers(folder)
    assert str(info.value).startswith(f"{folder / 'b.jsonl'}:2: ")


def prediction(*atts: dict[str, Any]) -> dict[str, Any]:
    return {"id": "d1", "attributions": list(atts)}


def test_figures_by_gold_kind_and_named_wrongly(tmp_path: Path) -> None:
    speakers = read_speakers(write(tmp_path / "s.jsonl", [speakers_line()]))
    gold = overlay_speakers([polnear_doc()], speakers)
    pred = prediction(
        att("Ana Lind", "the bridge would open in May", speaker="Ana Lind"),  # right
        att("She", "the cost had doubled", speaker="Ivo Tarn"),  # the pronoun given to someone else
        att("Officials", "the plan was sound", speaker="Officials"),  # a group given a name: named wrongly
    )
    kinds = score_kinds(gold, [pred])
    assert {k: r.to_dict() for k, r in kinds.rows.items()} == {
        "person": {"pairs": 2, "right": 1, "named": 2}, "group": {"pairs": 1, "right": 0, "named": 1}}
    assert kinds.named_accuracy == (1, 2)
    assert kinds.named_wrongly == (1, 1)

    # a group left unnamed, its words kept as the description, is not named wrongly
    pred["attributions"][2] = {**pred["attributions"][2], "speaker": None, "speaker_description": "Officials"}
    assert score_kinds(gold, [pred]).named_wrongly == (0, 1)

    scores = score_documents(gold, [pred])
    assert scores.accuracy["speaker_accuracy"].correct == 1 and scores.accuracy["speaker_accuracy"].total == 2
    report = EvalReport(path="g", corpus="handmade", scores=scores, seconds=1.0, chars=len(TEXT),
                        speakers="s.jsonl", kinds=kinds)
    text = report.to_text()
    for expected in ("speakers from s.jsonl", "speakers by gold kind", "named accuracy", "named wrongly"):
        assert expected in text
    data = report.to_dict()
    assert data["speaker_kinds"]["named_wrongly"] == {"share": 1.0, "count": 1, "total": 1}
    json.dumps(data)
    assert report.value("speaker_accuracy") == 0.5 and report.value("named_accuracy") == 0.5
    assert below_floors(report, {"speaker_accuracy": 0.5, "named_accuracy": 0.5}) == []
    assert below_floors(report, {"speaker_accuracy": 0.9}) == [
        "speaker_accuracy: accuracy 0.5000 < floor 0.9000 - 0.01 on g"]
    assert below_floors(report, {"no_such": 0.1}) == ["no_such: not computed for g"]


@pytest.mark.model
def test_evaluate_file_with_a_speakers_file(tmp_path: Path) -> None:
    gold = write(tmp_path / "gold.jsonl", [polnear_doc("d0"), polnear_doc("d1")])
    speakers = write(tmp_path / "s.jsonl", [speakers_line("d1")])
    report = evaluate_file(gold, speakers=speakers)
    assert report.n_docs == 1  # d0 is not in the speakers file
    assert report.speakers == str(speakers)
    assert report.kinds is not None and "speaker_accuracy" in report.scores.accuracy
    with pytest.raises(GoldFormatError, match="cannot read"):
        evaluate_file(gold, speakers=tmp_path / "absent.jsonl")
