"""Named rules: every decision the attribution stages take is a small named function in an ordered table.

A rule looks at one case (a source mention, a token that may be a cue, a quotation) and either decides it -- it
returns the answer -- or passes (``None``), and the next rule in its table is asked. The table's order is the
precedence, stated in one place, at the foot of the module that defines the rules::

    @rule("speakers.relative-pronoun", ("Ana Lind, who chairs the board, said the vote was close.", "Ana Lind"))
    def relative_pronoun(case: Mention) -> Speaker | None:
        \"\"\"A relative pronoun speaks for the noun it modifies.\"\"\"
        ...

    SPEAKER_RULES = RuleTable("speakers", [relative_pronoun, person_pronoun, ...])
    decided = SPEAKER_RULES.first(case)  # (the rule, its answer) or None

Each rule carries its examples, (text, expected) pairs: an invented sentence and what the stage gives for it
when that rule decides (a speaker's name, a cue's words). ``tests/attribution/test_rules.py`` runs every example
through the whole extraction and checks both the answer and that the rule named is the one that decided, so a
rule's examples are its test table. ``python -m onrecord.attribution.rules`` lists every table, in order, with
each rule's summary and examples (``--markdown`` for the generated page in docs/rules.md).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import inspect
import sys
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

#: The stages, in the order they run (docs/architecture.md describes each and the ``doc.spans`` key it writes).
#: After them, provenance (onrecord.provenance, docs/provenance.md): a statement's stance, then the flags.
Stage = Literal["quotations", "cues", "contents", "sources", "speakers", "channels", "relays", "stance", "flags"]
STAGES: tuple[Stage, ...] = ("quotations", "cues", "contents", "sources", "speakers", "channels", "relays", "stance",
                             "flags")
#: The stages that run after extraction, in onrecord.provenance: their examples are run through it.
PROVENANCE_STAGES: tuple[Stage, ...] = ("stance", "flags")

#: The modules that define rule tables; importing them registers their tables.
RULE_MODULES: tuple[str, ...] = (
    "onrecord.attribution.quotes",
    "onrecord.attribution.cues",
    "onrecord.attribution.headings",
    "onrecord.attribution.pullquotes",
    "onrecord.attribution.attach",
    "onrecord.attribution.nested",
    "onrecord.attribution.resolution",
    "onrecord.attribution.channels",
    "onrecord.attribution.relays",
    "onrecord.provenance.stance",
    "onrecord.provenance.negations",
    "onrecord.provenance.flags",
)

C = TypeVar("C")  # what a rule looks at
R = TypeVar("R")  # what it decides


@dataclass(frozen=True, slots=True)
class Example:
    """An invented text and what the rule's stage gives for it when the rule decides."""

    text: str
    expected: str | None


@dataclass(frozen=True, slots=True)
class Rule(Generic[C, R]):
    """One named decision. ``apply`` returns the answer, or None to pass to the next rule of the table."""

    name: str
    apply: Callable[[C], R | None]
    examples: tuple[Example, ...]

    @property
    def stage(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def summary(self) -> str:
        """The first paragraph of the rule's docstring, on one line."""
        doc = inspect.getdoc(self.apply) or ""
        return " ".join(doc.split("\n\n", 1)[0].split())

    @property
    def where(self) -> str:
        """module:line of the rule's function, for a reader who wants to change it."""
        code = getattr(self.apply, "__code__", None)
        module = getattr(self.apply, "__module__", "?")
        return f"{module}:{code.co_firstlineno}" if code is not None else module

    def __call__(self, case: C) -> R | None:
        return self.apply(case)


def rule(name: str, *examples: tuple[str, str | None]) -> Callable[[Callable[[C], R | None]], Rule[C, R]]:
    """Make a function a named rule. ``name`` is ``"<stage>.<what-it-recognises>"``; each example is a
    (text, expected) pair. A rule must have a docstring and at least one example."""
    stage = name.split(".", 1)[0]
    if stage not in STAGES or "." not in name:
        raise ValueError(f"rule name {name!r} must be '<stage>.<name>' with a stage among {STAGES}")

    def make(fn: Callable[[C], R | None]) -> Rule[C, R]:
        if not inspect.getdoc(fn):
            raise ValueError(f"rule {name!r} has no docstring")
        if not examples:
            raise ValueError(f"rule {name!r} has no example")
        return Rule(name, fn, tuple(Example(text, expected) for text, expected in examples))

    return make


@dataclass(frozen=True, slots=True)
class Decision:
    """A rule that decided, and its answer as the rule's examples write it (see :func:`tracing`)."""

    rule: str
    answer: str | None


_TABLES: dict[str, RuleTable[object, object]] = {}
_TRACE: ContextVar[list[Decision] | None] = ContextVar("onrecord_rule_trace", default=None)


@contextlib.contextmanager
def tracing() -> Iterator[list[Decision]]:
    """Record every decision a rule table takes while the block runs (in this thread or task)::

        with tracing() as decisions:
            onrecord.extract(text)
        [d.rule for d in decisions]
    """
    decisions: list[Decision] = []
    token = _TRACE.set(decisions)
    try:
        yield decisions
    finally:
        _TRACE.reset(token)


class RuleTable(Generic[C, R]):
    """Rules asked in order; the first that decides wins. Creating a table registers it under its name.

    ``describe`` writes an answer as the rules' examples do (a Speaker as its name, a cue as its words), for
    :func:`tracing` and the examples' test.
    """

    def __init__(
        self, name: str, rules: Sequence[Rule[C, R]], *, describe: Callable[[R], str | None] = str
    ) -> None:
        names = [r.name for r in rules]
        if len(set(names)) != len(names):
            raise ValueError(f"table {name!r} lists a rule twice: {names}")
        self.name = name
        self.rules: tuple[Rule[C, R], ...] = tuple(rules)
        self.describe = describe
        _TABLES[name] = self  # type: ignore[assignment]  # the registry holds tables of every case type

    def first(self, case: C) -> tuple[Rule[C, R], R] | None:
        """The first rule that decides ``case``, and its answer; None when every rule passes."""
        for r in self.rules:
            answer = r.apply(case)
            if answer is not None:
                trace = _TRACE.get()
                if trace is not None:
                    trace.append(Decision(r.name, self.describe(answer)))
                return r, answer
        return None

    def __iter__(self) -> Iterator[Rule[C, R]]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)


def tables() -> list[RuleTable[object, object]]:
    """Every rule table, in the stages' order; within a stage its main table, then the others as registered."""
    for module in RULE_MODULES:
        importlib.import_module(module)
    order: dict[str, int] = {stage: i for i, stage in enumerate(STAGES)}
    registered = list(_TABLES)
    # by stage; within one, the stage's own table first ("cues", then the tables its rules ask: "cues.kind" ...)
    return sorted(_TABLES.values(), key=lambda t: (
        order.get(t.name.split(".", 1)[0], len(order)), "." in t.name, registered.index(t.name)))


def all_rules() -> list[Rule[object, object]]:
    return [r for table in tables() for r in table]


MARKDOWN_HEAD = """# The attribution rules

Generated by `python -m onrecord.attribution.rules --markdown > docs/rules.md` (a test fails when this page and the
code differ). Each table is asked in the order shown; the first rule that decides wins. Each example is an invented
text and what the rule's stage gives for it; `tests/attribution/test_rules.py` runs every one. How to add a rule:
docs/architecture.md.
"""


def _listing(markdown: bool) -> Iterator[str]:
    if markdown:
        yield MARKDOWN_HEAD
    for table in tables():
        yield f"## {table.name} ({len(table)} rules, asked in this order)" if markdown else f"{table.name}:"
        yield ""
        for i, r in enumerate(table, 1):
            if markdown:  # (the module, not the line: the page is checked against the code)
                yield f"{i}. **`{r.name}`**: {r.summary} (`{r.apply.__module__}`)"
                for ex in r.examples:
                    yield f"   - {ex.text!r} → {ex.expected!r}"
            else:
                yield f"  {i:2}. {r.name}  ({r.where})"
                yield f"      {r.summary}"
                for ex in r.examples:
                    yield f"      e.g. {ex.text!r} -> {ex.expected!r}"
        yield ""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m onrecord.attribution.rules",
        description="List every attribution rule, table by table in the order the tables ask them.",
    )
    parser.add_argument("--markdown", action="store_true", help="write the listing as Markdown (docs/rules.md)")
    args = parser.parse_args(argv)
    try:
        for line in _listing(args.markdown):
            sys.stdout.write(line + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # (piped into head: the reader has what it wanted)
        sys.stderr.close()
    return 0
