"""Every named rule's examples are its test table: run through the whole extraction, each example must be
decided by its rule, with the answer the example gives (see onrecord.attribution.rules)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from onrecord.api import extract
from onrecord.attribution.rules import Decision, Example, Rule, all_rules, tables, tracing
from onrecord.settings import Settings

RULES = all_rules()
CASES = [pytest.param(r, ex, id=f"{r.name}[{i}]") for r in RULES for i, ex in enumerate(r.examples)]
BROAD = Settings(scope="all", provenance=True)  # (the stance and flags rules run in provenance)


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_each_example_is_decided_by_its_rule(rule: Rule[object, object], example: Example) -> None:
    with tracing() as decisions:
        extract(example.text, settings=BROAD)
    mine = [d for d in decisions if d.rule == rule.name]
    assert Decision(rule.name, example.expected) in decisions, (
        f"{rule.name} ({rule.where}) decided {[d.answer for d in mine]} on {example.text!r}, "
        f"expected {example.expected!r}"
    )


def test_every_rule_is_documented_and_has_an_example() -> None:
    assert RULES, "no rule table is registered"
    for r in RULES:
        assert r.summary and r.examples, r.name


def test_rule_names_are_unique_and_say_their_stage() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    for table in tables():
        assert all(r.stage == table.name.split(".", 1)[0] for r in table), table.name


def test_the_listing_command_shows_every_rule_with_its_example() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "onrecord.attribution.rules"], capture_output=True, text=True, check=True
    ).stdout
    for r in RULES:
        assert r.name in out
        assert repr(r.examples[0].text) in out


def test_tracing_records_nothing_outside_its_block() -> None:
    with tracing() as decisions:
        pass
    extract("Ana Lind said the bridge would reopen.", settings=BROAD)
    assert decisions == []


def test_the_rules_page_is_the_listing_of_the_code() -> None:
    """docs/rules.md is generated; after changing a rule, regenerate it (the command is on the page's first lines)."""
    page = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    out = subprocess.run(
        [sys.executable, "-m", "onrecord.attribution.rules", "--markdown"], capture_output=True, text=True, check=True
    ).stdout
    assert page.read_text(encoding="utf-8") == out, "docs/rules.md is stale: python -m onrecord.attribution.rules " \
        "--markdown > docs/rules.md"
