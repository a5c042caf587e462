"""The command line, run in-process through ``main([...])`` and once as the installed ``onrecord`` script.

These tests check structure (exit codes, stderr messages naming documents, the JSONL shape), not which
attributions the engine finds; sentences and pages are written for these tests.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import onrecord.eval
from onrecord.cli import build_parser, main, settings_flag
from onrecord.settings import Settings

STORY = (
    "\u201cThe ferry will run every hour from June,\u201d said Ines Carvalho, the harbour master. "
    "She told the council that the old pier would close for repairs."
)
SECOND = "Officials said the vote would take place next week, according to a draft seen by the paper."

def _commands() -> tuple[str, ...]:
    from onrecord.cli import build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return tuple(sub.choices)


COMMANDS = _commands()


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A directory with two good text files, a JSONL file with a bad line, and an empty file."""
    root = tmp_path / "docs"
    root.mkdir()
    (root / "a.txt").write_text(STORY, encoding="utf-8")
    (root / "b.txt").write_text(SECOND, encoding="utf-8")
    (root / "c.jsonl").write_text(
        json.dumps({"id": "feed-1", "text": SECOND, "outlet": "Wire"}) + "\n{broken\n", encoding="utf-8"
    )
    (root / "d.txt").write_bytes(b"")
    return root


# --- help, settings and the docs test ------------------------------------------------------------------------


def test_every_setting_is_documented(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["settings"], capsys)
    assert code == 0
    for field in dataclasses.fields(Settings):
        assert field.metadata.get("help"), f"Settings.{field.name} has no help text"
        assert f"{field.name}  ({settings_flag(field.name)}" in out
        assert field.metadata["help"] in out
        assert f"default: {field.default!r}" in out


@pytest.mark.parametrize("command", ["extract", "show", "eval"])
def test_every_setting_has_a_flag(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([command, "--help"], capsys)
    assert code == 0
    for field in dataclasses.fields(Settings):
        assert settings_flag(field.name) in out, f"{command} lacks {settings_flag(field.name)}"


def test_flags_map_one_to_one_onto_settings() -> None:
    parser = build_parser()
    args = parser.parse_args(
        ["extract", "--model", "m", "--max-chars", "10", "--batch-size", "3", "--min-confidence", "0.5",
         "--no-progress"]
    )
    from onrecord.cli import _settings

    assert _settings(args) == Settings(model="m", max_chars=10, batch_size=3, min_confidence=0.5, progress=False)
    assert _settings(parser.parse_args(["extract"])) == Settings()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_an_example(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([command, "--help"], capsys)
    assert code == 0
    assert "Example:" in out and f"onrecord {command}" in out


def test_top_level(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([], capsys)
    assert code == 2 and "COMMAND" in err
    code, out, _ = run(["--version"], capsys)
    assert code == 0 and out.startswith("onrecord ")
    code, _, err = run(["extract", "--batch-size", "many"], capsys)
    assert code == 2 and "invalid int value" in err
    code, _, err = run(["eval", "gold.jsonl", "--limit", "-3"], capsys)
    assert code == 2 and "argument --limit: must be at least 1, not -3" in err


@pytest.mark.parametrize(("argv", "message"), [
    (["extract", "--batch-size", "0"], "onrecord: --batch-size: must be from 1 to 10,000, not 0\n"),
    (["extract", "--scope", "bogus"], "onrecord: --scope: must be one of quotes, all, not 'bogus'\n"),
    (["extract", "--max-chars", "99999999999999"], "onrecord: --max-chars: must be from 1 to 10,000,000, not "
                                                    "99,999,999,999,999\n"),
    (["extract", "--min-confidence", "nan"], "onrecord: --min-confidence: must be a finite number, not nan\n"),
    (["extract", "--doc-timeout", "-1"], "onrecord: --doc-timeout: must be 0 (no cap) or a number of seconds, "
                                         "not -1.0\n"),
    (["show", "-", "--cue-span", "verb"], "onrecord: --cue-span: must be one of phrase, word, not 'verb'\n"),
    (["eval", "gold.jsonl", "--mode", "slow"], "onrecord: --mode: must be one of fast, accurate, not 'slow'\n"),
])
def test_a_bad_setting_is_one_line_and_exit_2(argv: list[str], message: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """These were ValueError tracebacks (a MemoryError for a huge --max-chars): now one line naming the flag."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    code, out, err = run([*argv, "a.txt"] if argv[0] == "extract" else argv, capsys)
    assert (code, out, err) == (2, "", message)


# --- extract -----------------------------------------------------------------------------------------------------


@pytest.mark.model
def test_extract_a_batch_with_bad_documents(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["extract", str(docs)], capsys)
    assert code == 0
    lines = records(out)
    assert [r["id"] for r in lines] == ["a", "b", "feed-1"]
    for record in lines:
        assert set(record) >= {"id", "text", "attributions", "skipped", "pipeline"}
        for a in record["attributions"]:
            for key in ("content", "source", "cue"):
                if a[key] is not None:
                    start, end = a[key]
                    assert 0 <= start <= end <= len(record["text"])
            assert a["content_text"] == record["text"][a["content"][0] : a["content"][1]]
    assert lines[2]["outlet"] == "Wire"
    assert err.splitlines() == [
        f"onrecord: {docs}/c.jsonl:2: not JSON: Expecting property name enclosed in double quotes at column 2",
        f"onrecord: {docs}/d.txt: document is empty (no text to read)",
    ]


@pytest.mark.model
def test_extract_refused_document_is_named_and_the_rest_are_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in [("one", SECOND), ("two", STORY * 3),
                                                                  ("three", SECOND)]),
        encoding="utf-8",
    )
    code, out, err = run(["extract", str(batch), "--max-chars", "200", "--batch-size", "1"], capsys)
    assert code == 0
    assert [r["id"] for r in records(out)] == ["one", "three"]
    size = len(STORY) * 3
    assert err == f"onrecord: two: document has {size:,} characters, over the limit of 200 (settings.max_chars)\n"


@pytest.mark.model
def test_extract_five_megabyte_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"The council met again. " * (5_000_000 // 23 + 1))
    (tmp_path / "ok.txt").write_text(SECOND, encoding="utf-8")
    code, out, err = run(["extract", str(huge), str(tmp_path / "ok.txt")], capsys)
    assert code == 0 and [r["id"] for r in records(out)] == ["ok"]
    assert err.startswith(f"onrecord: {huge}: ") and "settings.max_chars" in err
    # with a higher limit, ingest reads it and the API counts its characters
    code, out, err = run(["extract", str(huge), "--max-chars", "2000000"], capsys)
    assert code == 1 and out == ""
    assert f"onrecord: huge: document has {huge.stat().st_size:,} characters, over the limit of 2,000,000" in err


@pytest.mark.model
def test_extract_nothing_processed_exits_1_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    out_path = tmp_path / "out.jsonl"
    code, out, err = run(["extract", str(tmp_path / "empty.txt"), str(tmp_path / "nope.txt"), "-o", str(out_path)],
                         capsys)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f"onrecord: {tmp_path}/empty.txt: document is empty (no text to read)",
        f"onrecord: {tmp_path}/nope.txt: no such file or directory",
        "onrecord: none of 2 documents could be processed",
    ]
    assert not out_path.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt"]  # no temp file left behind


def test_extract_no_documents_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["extract", str(tmp_path)], capsys)
    assert (code, out, err) == (1, "", "onrecord: no documents found\n")


@pytest.mark.model
def test_extract_to_output_file(docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = tmp_path / "out" / "result.jsonl"
    out_path.parent.mkdir()
    out_path.write_text("old contents\n", encoding="utf-8")
    code, out, _ = run(["extract", str(docs / "a.txt"), str(docs / "b.txt"), "-o", str(out_path), "--no-text"],
                       capsys)
    assert code == 0 and out == ""
    lines = records(out_path.read_text(encoding="utf-8"))
    assert [r["id"] for r in lines] == ["a", "b"]
    assert all("text" not in r for r in lines)
    assert [p.name for p in out_path.parent.iterdir()] == ["result.jsonl"]
    out_path.chmod(0o640)
    assert run(["extract", str(docs / "a.txt"), "-o", str(out_path)], capsys)[0] == 0
    assert out_path.stat().st_mode & 0o777 == 0o640  # replacing a file keeps its permissions


@pytest.mark.model
def test_extract_new_output_file_gets_usual_permissions(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = os.umask(0o022)
    try:
        assert run(["extract", str(docs / "a.txt"), "-o", str(tmp_path / "new.jsonl")], capsys)[0] == 0
    finally:
        os.umask(old)
    assert (tmp_path / "new.jsonl").stat().st_mode & 0o777 == 0o644


def test_extract_output_in_a_missing_directory(docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no" / "such" / "out.jsonl"
    code, out, err = run(["extract", str(docs / "a.txt"), "-o", str(target)], capsys)
    assert code == 1 and out == ""
    assert err.startswith(f"onrecord: {target}: cannot write output")


@pytest.mark.model
def test_extract_from_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = "".join(json.dumps({"id": f"in-{i}", "text": t}) + "\n" for i, t in enumerate([STORY, SECOND]))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    code, out, err = run(["extract"], capsys)
    assert (code, err) == (0, "")
    assert [r["id"] for r in records(out)] == ["in-0", "in-1"]

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    code, out, _ = run(["extract", "-"], capsys)
    (record,) = records(out)
    assert (code, record["id"], record["text"]) == (0, "stdin", STORY)


@pytest.mark.model
def test_extract_min_confidence_and_progress(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["extract", str(docs / "a.txt"), "--min-confidence", "1.01", "--progress"], capsys)
    assert code == 0
    assert records(out)[0]["attributions"] == []
    assert "1 documents" in err  # the bar, forced on although stderr is not a terminal


@pytest.mark.model
def test_extract_finds_a_plain_direct_quote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "\u201cHello there,\u201d Jane Smith said."
    (tmp_path / "hello.txt").write_text(text, encoding="utf-8")
    code, out, _ = run(["extract", str(tmp_path / "hello.txt")], capsys)
    (a,) = records(out)[0]["attributions"]
    assert code == 0
    assert (a["content_text"], a["source_text"], a["cue_text"]) == ("Hello there,", "Jane Smith", "said")
    assert (a["speaker"], a["type"]) == ("Jane Smith", "direct")


@pytest.mark.model
def test_installed_script_reads_stdin_and_stays_quiet_when_piped(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("onrecord")
    if not script.exists():
        script = Path(shutil.which("onrecord") or "onrecord")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = subprocess.run(
        [str(script), "extract", "-", str(tmp_path / "empty.txt")],
        input=STORY.encode(),
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0
    (record,) = records(result.stdout.decode("utf-8"))
    assert record["id"] == "stdin" and record["text"] == STORY
    # one line naming the bad document, and no progress bar since stderr is a pipe
    assert result.stderr.decode() == f"onrecord: {tmp_path}/empty.txt: document is empty (no text to read)\n"


# --- show --------------------------------------------------------------------------------------------------------


@pytest.mark.model
def test_show_text_file(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["show", str(docs / "a.txt")], capsys)
    assert (code, err) == (0, "")
    assert "Ines Carvalho" in out
    assert "\x1b[" not in out  # no colour codes when stdout is not a terminal
    if "attributions" in out:
        for column in ("#", "type", "speaker", "cue", "medium", "via", "confidence", "content"):
            assert column in out
    else:
        assert "No attributions found." in out


@pytest.mark.model
def test_show_jsonl_by_id(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["show", str(docs / "c.jsonl"), "--id", "feed-1"], capsys)
    assert (code, err) == (0, "")
    assert "Officials said" in out and "Wire" in out


def test_show_errors(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["show", str(docs / "c.jsonl"), "--id", "nope"], capsys)
    assert code == 1
    assert err.splitlines()[-1] == f"onrecord: {docs}/c.jsonl: no document with id 'nope'"
    code, _, err = run(["show", str(docs / "d.txt")], capsys)
    assert (code, err) == (1, f"onrecord: {docs}/d.txt: document is empty (no text to read)\n")


@pytest.mark.model
def test_show_renders_attributions(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The table lists speaker, description, cue, medium and relay, whatever the engine finds today."""
    from rich.console import Console

    from onrecord.cli import render
    from onrecord.types import Article, Attribution, CharSpan, Extraction, Relay, Skipped

    text = "An aide said the talks had stalled, according to Ledger reporter Tom Ash."
    extraction = Extraction(
        article=Article(text=text, id="x", title="Talks", outlet="Ledger"),
        attributions=(
            Attribution(content=CharSpan(13, 34), source=CharSpan(0, 6), cue=CharSpan(7, 11), speaker_kind="anonymous",
                        speaker_description="An aide", type="indirect", medium="remarks", confidence=0.75,
                        via=(Relay(span=CharSpan(49, 72), name="Tom Ash", outlet="Ledger"),)),
        ),
        skipped=(Skipped(reason="unbalanced quotation mark", span=CharSpan(0, 2)),),
    )
    console = Console(file=io.StringIO(), width=140)
    render(extraction, console)
    out = console.file.getvalue()
    for expected in ("Talks", "An aide (anonymous)", "said", "remarks", "Tom Ash, Ledger", "0.75",
                     "the talks had stalled", "skipped at [0, 2): unbalanced quotation mark"):
        assert expected in out


# --- eval --------------------------------------------------------------------------------------------------------


def test_eval_calls_the_evaluator(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    calls = []

    def fake_evaluate_file(path, *, settings, limit, progress=None, speakers=None, types=None, quoted=False):
        calls.append((path, settings, limit) + ((speakers,) if speakers else ()) + ((types,) if types else ())
                     + (("quoted",) if quoted else ()))
        return SimpleNamespace(to_text=lambda: "content exact F1 0.5", to_dict=lambda: {"f1": 0.5})

    monkeypatch.setattr(onrecord.eval, "evaluate_file", fake_evaluate_file, raising=False)
    code, out, _ = run(["eval", "gold.jsonl.gz", "--limit", "5", "--batch-size", "4"], capsys)
    assert (code, out) == (0, "content exact F1 0.5\n")
    assert calls == [("gold.jsonl.gz", Settings(batch_size=4), 5)]
    code, out, _ = run(["eval", "gold.jsonl", "--json"], capsys)
    assert (code, json.loads(out)) == (0, {"f1": 0.5})
    assert calls[-1] == ("gold.jsonl", Settings(), None)
    assert run(["eval", "gold.jsonl", "--speakers", "names.jsonl"], capsys)[0] == 0
    assert calls[-1] == ("gold.jsonl", Settings(), None, "names.jsonl")
    assert run(["eval", "gold.jsonl", "--types", "direct, mixed"], capsys)[0] == 0
    assert calls[-1] == ("gold.jsonl", Settings(), None, frozenset({"direct", "mixed"}))
    code, _, err = run(["eval", "gold.jsonl", "--types", "direct,quoted"], capsys)
    assert code == 2 and "not attribution types: quoted" in err
    assert run(["eval", "gold.jsonl", "--quoted"], capsys)[0] == 0
    assert calls[-1] == ("gold.jsonl", Settings(), None, "quoted")


def test_eval_missing_gold_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["eval", str(tmp_path / "absent.jsonl")], capsys)
    assert code == 1 and out == ""
    assert err.startswith("onrecord: ") and "absent.jsonl" in err and "Traceback" not in err


@pytest.mark.model
def test_eval_on_a_small_gold_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    text = "\u201cWe are ready,\u201d said Lena Ortiz."
    gold.write_text(
        json.dumps({"id": "g1", "source": "handmade", "text": text,
                    "attributions": [{"content": [1, 14], "source": [22, 32], "cue": [17, 21],
                                      "speaker": "Lena Ortiz", "type": "direct"}]}) + "\n",
        encoding="utf-8",
    )
    code, out, err = run(["eval", str(gold), "--json"], capsys)
    assert code == 0, err
    assert isinstance(json.loads(out), dict)
