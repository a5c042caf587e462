"""The package's top level: its public names, and that importing the store does not load spaCy."""

from __future__ import annotations

import subprocess
import sys

import onrecord


def test_public_names() -> None:
    for name in onrecord.__all__:
        assert getattr(onrecord, name) is not None, name
    from onrecord.nlp import load_pipeline

    assert onrecord.load_pipeline is load_pipeline


def test_the_store_and_the_types_do_not_load_spacy() -> None:
    code = "import sys, onrecord, onrecord.record, onrecord.types; sys.exit('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
