"""Every document's extraction as one JSON line, to check that a change which should not alter the output does not.

    PYTHONPATH=src .venv/bin/python tools/dump_extractions.py OUT.jsonl [--input FILE.jsonl[.gz] ...]
    cmp before.jsonl after.jsonl   # (or diff them)

Run it from two trees (the one before the change, the one after) and compare the files byte for byte. By default
it reads PolNeAR dev and GGT dev from the shared data folder and the repository's data/realnews and data/news*/dev
sets, and extracts each set twice: with the default settings, and with the broad scope, word cues and provenance
(what each line's ``settings`` names). The pipeline version is left out of the lines (it may differ between trees).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from onrecord.api import extract_many
from onrecord.eval.corpora import corpus_file
from onrecord.eval.run import iter_documents
from onrecord.settings import DEFAULT, Settings
from onrecord.types import Article, Extraction

SHARED_INPUTS = ("polnear/dev.jsonl.gz", "ggt/dev.jsonl")
REPO_INPUTS = ("realnews", "news", "news2", "news3", "news4", "news5", "news6")
ROOT = Path(__file__).resolve().parent.parent
SETTINGS: dict[str, Settings] = {
    "default": DEFAULT,
    "all-word-provenance": DEFAULT.with_(scope="all", cue_span="word", provenance=True),
}


def default_inputs() -> list[Path]:
    shared = [p for p in (corpus_file(rel) for rel in SHARED_INPUTS) if p is not None]
    repo = [ROOT / "data" / name / "dev.jsonl" for name in REPO_INPUTS]
    return shared + [p for p in repo if p.exists()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the JSONL file to write")
    parser.add_argument("--input", action="append", type=Path, metavar="FILE",
                        help="FORMAT.md JSONL(.gz) file(s) (default: PolNeAR dev, GGT dev, data/realnews, data/news*)")
    args = parser.parse_args(argv)
    paths = args.input or default_inputs()
    count = 0
    with args.out.open("w", encoding="utf-8") as out:
        for path in paths:
            articles = [Article(text=d["text"], id=d["id"]) for d in iter_documents(path)]
            for name, settings in SETTINGS.items():
                for result in extract_many(articles, settings=settings):
                    if isinstance(result, Extraction):
                        record = result.to_dict(include_text=False)
                        record.pop("pipeline", None)
                    else:
                        record = {"id": result.document, "error": str(result)}
                    line = {"input": f"{path.parent.name}/{path.name}", "settings": name, **record}
                    out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
                    count += 1
    print(f"{count} extractions from {len(paths)} files written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
