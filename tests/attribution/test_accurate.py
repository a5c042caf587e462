"""The accurate mode end to end: the real spaCy model, the rules, and the shipped role tagger."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("torch", reason="the accurate mode needs the 'accurate' extra (make install has it)")

from onrecord import extract
from onrecord.errors import TaggerUnavailable
from onrecord.settings import Settings

pytestmark = pytest.mark.model

STORY = (
    "Port officials said on Tuesday that the ferry service will resume in May after repairs to the pier.\n\n"
    "Councillor Amira Haddad, who chairs the transport committee, criticized the delay and called for an "
    "independent review of the contract.\n\n"
    "\u201cWe were promised a working pier by spring,\u201d Haddad told reporters. "
    "\u201cThat promise was broken.\u201d\n\n"
    "Many residents believe the repairs were rushed, according to a survey by the local newspaper."
)


@pytest.fixture(scope="module")
def broad():
    return extract(STORY, settings=Settings(scope="all", mode="accurate"), id="pier")


@pytest.fixture(scope="module")
def quotes():
    return extract(STORY, settings=Settings(scope="quotes", mode="accurate"), id="pier")


def test_the_record_names_the_tagger_in_its_model(broad) -> None:
    assert broad.model.endswith("+role_tagger")


def test_statements_keep_their_speakers(broad, match) -> None:
    a = match.find(broad, "the ferry service will resume in May")
    assert a is not None and a.cue is not None and a.source.of(STORY) == "Port officials"
    q = match.find(broad, "We were promised a working pier by spring")
    assert q is not None and q.speaker == "Amira Haddad" and q.type == "direct"


def test_broad_scope_finds_beliefs(broad, match) -> None:
    assert match.find(broad, "the repairs were rushed") is not None


def test_quotes_scope_keeps_statements_only(quotes, broad, match) -> None:
    assert match.find(quotes, "We were promised a working pier by spring") is not None
    assert all(a.cue_kind != "belief" for a in quotes.attributions)
    assert len(quotes.attributions) < len(broad.attributions)


def test_spans_lie_inside_the_text_and_cues_outside_contents(broad) -> None:
    for a in broad.attributions:
        for s in (a.content, a.cue, a.source):
            if s is not None:
                assert 0 <= s.start < s.end <= len(STORY)
        if a.cue is not None:
            assert not a.cue.overlaps(a.content)


def test_missing_weights_are_a_clear_error(tmp_path: Path) -> None:
    from onrecord.attribution.tagger import RoleTaggerRuntime

    with pytest.raises(TaggerUnavailable, match="no tagger weights"):
        RoleTaggerRuntime(weights=tmp_path / "absent.safetensors")


def test_the_tagger_runs_on_the_cpu_where_torch_sees_no_gpu(broad, monkeypatch) -> None:
    import torch

    from onrecord.attribution.accurate import runtime
    from onrecord.attribution.tagger import DEVICE_ENV, resolve_device

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    monkeypatch.delenv(DEVICE_ENV, raising=False)
    assert resolve_device(torch) == "cpu" and runtime().device == "cpu"
    assert resolve_device(torch, "CPU") == "cpu" and resolve_device(torch, " ") == "cpu"
    monkeypatch.setenv(DEVICE_ENV, "auto")
    assert resolve_device(torch) == "cpu"


def test_forcing_a_gpu_where_there_is_none_is_a_clear_error(monkeypatch) -> None:
    import torch

    from onrecord.attribution.tagger import DEVICE_ENV, RoleTaggerRuntime, resolve_device

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    monkeypatch.setenv(DEVICE_ENV, "cuda")
    with pytest.raises(TaggerUnavailable, match="ONRECORD_DEVICE=cuda, but torch sees no CUDA GPU"):
        RoleTaggerRuntime()
    with pytest.raises(TaggerUnavailable, match="sees no CUDA GPU"):
        resolve_device(torch, "cuda:0")
    with pytest.raises(TaggerUnavailable, match="expected auto, cpu, cuda or cuda:N"):
        resolve_device(torch, "gpu")


def test_the_command_line_reports_a_missing_gpu_without_a_traceback(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    story = tmp_path / "story.txt"
    story.write_text("Ana Lind said the pier would close.\n", encoding="utf-8")
    env = {**os.environ, "ONRECORD_DEVICE": "cuda"}
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from onrecord.cli import main; sys.exit(main())",
         "extract", str(story), "--mode", "accurate"],
        env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode != 0
    assert "sees no CUDA GPU" in done.stderr and "Traceback" not in done.stderr
