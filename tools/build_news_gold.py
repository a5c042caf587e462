"""Build an invented news gold set's dev.jsonl and heldout.jsonl (odd ids dev, even held out) from its article
sources: data/news2 and data/news3, each written by hand in its src/ folder.

    python3 tools/build_news_gold.py data/news3 [-v] [news3-NN ...]

``-v`` prints every span back with its context; naming articles checks only those (nothing is written). The set's
source name is "invented-" + the folder's name with a dash before its number ("news3" -> "invented-news-3").

Each source file (SET-NN.txt) has header lines (@id, @outlet, @published, @title, @quotes: curly, straight or
british), then @text
(paragraphs separated by one blank line), @ann (one attribution a line: TYPE | content | source | cue | speaker,
TYPE D or M, "-" for null, "^" for "same as the previous attribution"), @skip (quoted segments that are not
statements: substring | reason) and @hard (free notes).

A field may end in "@@N" (the N-th occurrence in the text, 1-based), "@<" (nearest occurrence before its anchor)
or "@>" (nearest after). The content must occur once unless it says which occurrence; the cue is the occurrence
nearest the content, outside it; the source is the occurrence nearest the cue (nearest the content when the cue
is null), outside the content.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

#: The longest article a set may hold, in words (the shortest is 450).
MAX_WORDS = 1000
QUOTES = "“”‘’\"'"


def occurrences(text: str, sub: str) -> list[int]:
    out, i = [], text.find(sub)
    while i >= 0:
        j = i + len(sub)
        left_ok = not (sub[0].isalnum() and i > 0 and text[i - 1].isalnum())
        right_ok = not (sub[-1].isalnum() and j < len(text) and text[j].isalnum())
        if left_ok and right_ok:
            out.append(i)
        i = text.find(sub, i + 1)
    return out


def gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return -1  # overlap


def locate(text: str, spec: str, anchor: tuple[int, int] | None, avoid: tuple[int, int] | None,
           warn: list[str]) -> tuple[int, int]:
    mode = None
    nth = None
    if "@@" in spec:
        spec, n = spec.rsplit("@@", 1)
        nth = int(n)
    elif spec.endswith("@<") or spec.endswith("@>"):
        mode = spec[-1]
        spec = spec[:-2]
    if " ~~ " in spec and anchor is None:
        head, tail = spec.split(" ~~ ")
        hs = locate(text, head + (f"@@{nth}" if nth else ""), None, None, warn)
        te = text.find(tail, hs[1])
        if te < 0:
            raise SystemExit(f"tail not found: {spec!r}")
        return hs[0], te + len(tail)
    occ = occurrences(text, spec)
    if not occ:
        raise SystemExit(f"not found: {spec!r}")
    if nth is not None:
        s = occ[nth - 1]
        return s, s + len(spec)
    if anchor is None:
        if len(occ) != 1:
            raise SystemExit(f"content occurs {len(occ)} times: {spec!r}")
        return occ[0], occ[0] + len(spec)
    cands = []
    for s in occ:
        span = (s, s + len(spec))
        if avoid and gap(span, avoid) < 0:
            continue
        if mode == "<" and span[1] > anchor[0]:
            continue
        if mode == ">" and span[0] < anchor[1]:
            continue
        g = gap(span, anchor)
        if g < 0:
            continue
        same_para = "\n\n" not in text[min(span[0], anchor[0]):max(span[1], anchor[1])]
        cands.append((0 if same_para else 1, g, span))
    if not cands:
        raise SystemExit(f"no usable occurrence: {spec!r}")
    cands.sort()
    if len(cands) > 1 and mode is None and cands[1][0] == cands[0][0] and cands[1][1] - cands[0][1] < 12:
        warn.append(f"AMBIGUOUS {spec!r}: gaps {cands[0][1]} vs {cands[1][1]}")
    return cands[0][2]


def parse(path: Path) -> dict:
    raw = path.read_text(encoding="utf-8")
    head, rest = raw.split("@text\n", 1)
    body, rest = rest.split("@ann\n", 1)
    meta = {}
    for line in head.splitlines():
        if line.startswith("@"):
            k, v = line[1:].split(" ", 1)
            meta[k] = v.strip()
    parts = re.split(r"^@(skip|hard)\n", rest, flags=re.M)
    ann = parts[0]
    extra = dict(zip(parts[1::2], parts[2::2], strict=True))
    text = body.strip("\n")
    return {"meta": meta, "text": text, "ann": ann, "skip": extra.get("skip", ""), "hard": extra.get("hard", "")}


def field(text: str, spec: str, previous: list[int] | None, anchor: tuple[int, int], avoid: tuple[int, int],
          warn: list[str]) -> tuple[int, int] | list[int] | None:
    """A source or cue field's span: "^" the previous attribution's, "-" none, else the occurrence ``locate``
    finds nearest ``anchor``."""
    if spec == "^":
        return previous
    return None if spec == "-" else locate(text, spec, anchor, avoid, warn)


def build(path: Path, verbose: bool, source: str) -> dict:
    doc = parse(path)
    text = doc["text"]
    meta = doc["meta"]
    atts = []
    prev = None
    out_lines = []
    for line in doc["ann"].splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        f = [x.strip() for x in line.split(" | ")]
        if len(f) != 5:
            raise SystemExit(f"{path.name}: bad line {line!r}")
        typ, c, s, q, spk = f
        warn: list[str] = []
        cont = locate(text, c, None, None, warn)
        cue = field(text, q, prev["cue"] if q == "^" else None, cont, cont, warn)
        src = field(text, s, prev["source"] if s == "^" else None, cue or cont, cont, warn)
        if spk == "^":
            spk = prev["speaker"]
        speaker = None if spk == "-" else spk
        a = {"content": list(cont), "source": list(src) if src else None, "cue": list(cue) if cue else None,
             "speaker": speaker, "type": {"D": "direct", "M": "mixed"}[typ]}
        atts.append(a)
        prev = a
        if verbose:
            ct = text[cont[0]:cont[1]]
            short = ct if len(ct) < 90 else ct[:50] + " … " + ct[-30:]
            def ctx(sp):
                if not sp:
                    return "—"
                return f"{text[max(0, sp[0]-25):sp[0]]}[{text[sp[0]:sp[1]]}]{text[sp[1]:sp[1]+25]}".replace("\n", "¶")
            out_lines.append(f"  {typ} «{short}»\n     src {ctx(src)}\n     cue {ctx(cue)}\n     spk {speaker}")
            if src and cue and gap(src, cue) > 120:
                warn.append(f"FAR source/cue gap {gap(src, cue)}")
            if cue and gap(cue, cont) > 150 and q != "^":
                warn.append(f"FAR cue/content gap {gap(cue, cont)}")
            for w in warn:
                out_lines.append("     !! " + w)
    rec = {"id": meta["id"], "source": source, "outlet": meta["outlet"], "published": meta["published"],
           "title": meta["title"], "text": text, "attributions": atts}
    rec["_skip"] = [x.split(" | ")[0].strip() for x in doc["skip"].splitlines() if x.strip()]
    rec["_hard"] = doc["hard"].strip()
    rec["_quotes"] = meta.get("quotes", "curly")
    if verbose:
        print(f"== {rec['id']} ({len(text.split())} words, {len(atts)} attributions)")
        print("\n".join(out_lines))
    return rec


def british_segments(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Spans of ‘…’ segments in a British-style article (single marks outside, “…” inside).

    ‘ opens a segment when it follows the start of a paragraph, a space, "(" or a dash; ’ closes the open segment
    when no letter or digit follows it (’ followed by a letter is an apostrophe: don’t, Ofori’s). A paragraph left
    open runs to its end (multi-paragraph quotations). Errors: a closing ’ with nothing open (a plural possessive
    such as "parents’ " is not allowed in these articles, so every such mark is a quotation mark), a ‘ opened
    inside an open segment, a “…” pair outside every ‘…’ segment.
    """
    segs: list[tuple[int, int]] = []
    errs: list[str] = []
    pos = 0
    for para in text.split("\n\n"):
        start = text.find(para, pos)
        pos = start + len(para)
        open_at = None
        for i, ch in enumerate(para):
            if ch == "‘":
                if i > 0 and para[i - 1] not in " (—–\n":
                    errs.append(f"opening mark after {para[i - 1]!r}: {para[max(0, i - 20):i + 20]!r}")
                if open_at is not None:
                    errs.append(f"‘ inside an open segment: {para[max(0, i - 20):i + 20]!r}")
                open_at = i
            elif ch == "’" and not (i + 1 < len(para) and para[i + 1].isalnum()):
                if open_at is None:
                    errs.append(f"closing ’ with nothing open: {para[max(0, i - 20):i + 20]!r}")
                else:
                    segs.append((start + open_at, start + i + 1))
                    open_at = None
        if open_at is not None:
            segs.append((start + open_at, start + len(para)))
    for a, b in ((m.start(), m.end()) for m in re.finditer(r"“[^”]*”", text)):
        if not any(s <= a and b <= e for s, e in segs):
            errs.append(f"“…” outside every ‘…’ segment: {text[a:b][:40]!r}")
    return segs, errs


def quoted_segments(text: str) -> list[tuple[int, int]]:
    """Spans of “…” and "…" segments (a paragraph left open runs to its end)."""
    segs = []
    pos = 0
    for para in text.split("\n\n"):
        start = text.find(para, pos)
        pos = start + len(para)
        i = 0
        open_at = None
        straight_open = None
        while i < len(para):
            ch = para[i]
            if ch == "“":
                open_at = i
            elif ch == "”" and open_at is not None:
                segs.append((start + open_at, start + i + 1))
                open_at = None
            elif ch == '"':
                if straight_open is None:
                    straight_open = i
                else:
                    segs.append((start + straight_open, start + i + 1))
                    straight_open = None
            i += 1
        for o in (open_at, straight_open):
            if o is not None:
                segs.append((start + o, start + len(para)))
    return segs


def validate(rec: dict) -> list[str]:
    errs = []
    text = rec["text"]
    n = len(text.split())
    if not 450 <= n <= MAX_WORDS:
        errs.append(f"words {n}")
    for a in rec["attributions"]:
        for k in ("content", "source", "cue"):
            sp = a[k]
            if sp is not None and not (0 <= sp[0] < sp[1] <= len(text)):
                errs.append(f"span {k} {sp}")
        c = text[a["content"][0]:a["content"][1]]
        if not c.strip():
            errs.append("empty content")
        if a["type"] == "direct" and (c[0] in QUOTES or c[-1] in QUOTES):
            errs.append(f"quote mark at end of direct content {c[:40]!r}")
        if a["source"] is None:
            errs.append("null source")
    if rec["_quotes"] == "straight" and ("“" in text or "”" in text):
        errs.append("curly quotes in a straight article")
    if rec["_quotes"] == "curly" and '"' in text:
        errs.append("straight quotes in a curly article")
    if rec["_quotes"] == "british":
        if '"' in text:
            errs.append("straight quotes in a british article")
        segs, berrs = british_segments(text)
        errs.extend(berrs)
    else:
        segs = quoted_segments(text)
    for seg in segs:
        covered = any(gap(tuple(a["content"]), seg) < 0 for a in rec["attributions"])
        skipped = any(s and (s in text[seg[0]:seg[1]] or text[seg[0]:seg[1]] in s) for s in rec["_skip"])
        if not covered and not skipped:
            errs.append(f"unannotated quoted segment {text[seg[0]:seg[1]][:60]!r}")
        if covered and skipped:
            errs.append(f"segment both annotated and skipped {text[seg[0]:seg[1]][:60]!r}")
    for s in rec["_skip"]:
        if s not in text:
            errs.append(f"skip not found {s!r}")
    return errs


def main() -> None:
    folder = Path(sys.argv[1]).resolve()
    here, name = folder / "src", folder.name
    source = "invented-" + re.sub(r"(\d+)$", r"-\1", name)
    verbose = "-v" in sys.argv
    only = [a for a in sys.argv[2:] if a.startswith(f"{name}-")]
    recs = []
    for p in sorted(here.glob(f"{name}-*.txt")):
        if only and p.stem not in only:
            continue
        rec = build(p, verbose, source)
        for e in validate(rec):
            print(f"ERROR {rec['id']}: {e}")
        recs.append(rec)
    ids = [r["id"] for r in recs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    if only:
        return
    clean = [{k: v for k, v in r.items() if not k.startswith("_")} for r in recs]
    for split, keep in (("dev", 1), ("heldout", 0)):
        with open(folder / f"{split}.jsonl", "w", encoding="utf-8") as fh:
            for r in clean:
                if int(r["id"].split("-")[1]) % 2 == keep:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    words = sum(len(r["text"].split()) for r in recs)
    atts = [a for r in recs for a in r["attributions"]]
    print(f"articles {len(recs)} words {words} attributions {len(atts)} "
          f"direct {sum(a['type'] == 'direct' for a in atts)} mixed {sum(a['type'] == 'mixed' for a in atts)} "
          f"null cue {sum(a['cue'] is None for a in atts)} null speaker {sum(a['speaker'] is None for a in atts)}")


if __name__ == "__main__":
    main()
