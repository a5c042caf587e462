"""The shape gate of src/onrecord/attribution/ and src/onrecord/provenance/ (the rules and what reads them): no
function of 60 lines or more, no module over 500 lines.

    python tools/shape.py            # prints the longest functions and modules; exit 1 when a limit is passed
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src" / "onrecord" / "attribution"
ROOTS = (ROOT, ROOT.parent / "provenance")
MAX_FUNCTION = 59  # "under 60 lines" (issue 14)
MAX_MODULE = 500


def functions(path: Path) -> list[tuple[int, str]]:
    """(length in lines, qualified name) of every function and method in ``path``, nested ones included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[tuple[int, str]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                start = min([child.lineno] + [d.lineno for d in child.decorator_list])
                out.append((child.end_lineno - start + 1 if child.end_lineno else 0, f"{prefix}{child.name}"))
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")

    visit(tree, "")
    return out


def check(roots: tuple[Path, ...] = ROOTS) -> list[str]:
    """What passes the limits, one line each; empty when the shape holds."""
    problems: list[str] = []
    for path in sorted(p for root in roots for p in root.rglob("*.py")):
        root = next(r for r in roots if r in path.parents)
        rel = path.relative_to(root.parent.parent)
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE:
            problems.append(f"{rel}: {lines} lines (limit {MAX_MODULE})")
        for length, name in functions(path):
            if length > MAX_FUNCTION:
                problems.append(f"{rel}:{name}: {length} lines (limit {MAX_FUNCTION})")
    return problems


def main() -> int:
    files = [p for root in ROOTS for p in root.rglob("*.py")]
    every = [(n, f"{p.relative_to(ROOT.parent.parent)}:{name}") for p in files for n, name in functions(p)]
    print("longest functions under attribution/ and provenance/:")
    for n, where in sorted(every, reverse=True)[:8]:
        print(f"  {n:4} {where}")
    modules = sorted((len(p.read_text(encoding='utf-8').splitlines()), p.name) for p in files)
    print("longest modules:", ", ".join(f"{name} {n}" for n, name in modules[::-1][:5]))
    problems = check()
    for p in problems:
        print("over the limit:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
