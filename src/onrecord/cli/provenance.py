"""Commands for provenance (onrecord.provenance; docs/provenance.md): an article's provenance card, and the flags
stored across the record.

``register(sub, add_command)`` adds ``provenance`` and ``flags`` to the top-level parser (see
:mod:`onrecord.cli.record`, whose ``--db`` and ``--limit`` conventions they share).
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from onrecord.errors import NotFoundError, OnrecordError, StoreError
from onrecord.types import Article, Attribution, Extraction, Relay

#: How much of a statement's words the card shows in its list of statements (flags show them in full).
SHORT = 120


def _clip(text: str | None, width: int = SHORT) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def relay_words(relays: Iterable[Relay]) -> list[str]:
    """Each relay as the card names it: "Mustafa Salim (Washington Post)", "New York Times"."""
    out = []
    for r in relays:
        if r.name and r.outlet:
            out.append(f"{r.name} ({r.outlet})")
        elif r.name or r.outlet:
            out.append(r.name or r.outlet or "")
    return out


def _statement(ordinal: int, a: Attribution, text: str, attribution_id: int | None = None) -> dict[str, Any]:
    return {
        "ordinal": ordinal, "attribution_id": attribution_id,
        "speaker": a.speaker or a.speaker_description or (a.source.of(text) if a.source else None),
        "speaker_kind": a.speaker_kind, "channel": a.medium, "relays": relay_words(a.via), "type": a.type,
        "words": a.content.of(text),
    }


def _article(article: Article, article_id: int | None = None) -> dict[str, Any]:
    return {"id": article_id, "doc_id": article.id, "title": article.title, "outlet": article.outlet,
            "published": article.published, "url": article.url}


def card(article: Article, attributions: Iterable[Attribution], flags: Iterable[dict[str, Any]], *,
         article_id: int | None = None, attribution_ids: Iterable[int] | None = None) -> dict[str, Any]:
    """An article's provenance card as one JSON-ready value: the article, its statements, its flags."""
    ids = list(attribution_ids) if attribution_ids is not None else None
    return {
        "article": _article(article, article_id),
        "statements": [_statement(i, a, article.text, ids[i] if ids is not None and i < len(ids) else None)
                       for i, a in enumerate(attributions)],
        "flags": list(flags),
    }


# --- a file or folder: extracted with provenance -------------------------------------------------------------------


def cards_of_paths(paths: list[str], settings: Any, report: Callable[[OnrecordError], None]) -> list[dict[str, Any]]:
    """Extract the articles of ``paths`` with provenance; each card holds the flags within its article and the
    reversals and conflicts between it and the other articles read (as the store would find them)."""
    from onrecord.api import extract_many
    from onrecord.ingest import iter_inputs
    from onrecord.provenance import across_articles
    from onrecord.provenance.flags import group_flags
    from onrecord.provenance.restatements import with_recalled
    from onrecord.provenance.subjects import subjects

    def articles() -> Iterable[Article]:
        for item in iter_inputs(paths, max_chars=settings.max_chars):
            if isinstance(item, Article):
                yield item
            else:
                report(item)

    done: list[Extraction] = []
    for result in extract_many(articles(), settings=settings.with_(provenance=True), on_error="yield"):
        if isinstance(result, OnrecordError):
            report(result)
        else:
            done.append(result)
    said, between = across_articles(done)
    everyone = [s for group in said for s in group]
    texts = {ex.article.id or "": ex.article.text for ex in done}
    out = []
    for ex, mine_said in zip(done, said, strict=True):
        key = ex.article.id or ""
        theirs = [f for f in between if key in (_key(f.a), _key(f.b))]
        own = with_recalled(ex.provenance.flags, everyone, texts)  # (a recalled claim: its owner's earlier words)
        mine = [f.to_dict() for f in group_flags([*own, *theirs])]  # (one claim said twice: one flag)
        found = card(ex.article, ex.attributions, mine)
        found["subjects"] = [s.to_dict() for s in subjects(mine_said)]
        out.append(found)
    return out


def _key(ref: Any) -> str | None:
    return str(ref.get("article") or "") if isinstance(ref, dict) else None


# --- a stored article ----------------------------------------------------------------------------------------------


def open_read_only(db: str, target: str | None) -> Any:
    """The store of ``--db``, read-only; a store that cannot be read is an error naming ``target`` when the
    command was given one (it was neither a file nor a stored article)."""
    from onrecord.record import open_store

    try:
        return open_store(db, read_only=True)
    except StoreError as exc:
        if target is None:
            raise
        raise OnrecordError(f"no such file or folder, and the store cannot be read ({exc.document}: {exc.reason})",
                            document=target) from None



def find_article(store: Any, ref: str) -> int:
    """The id of the stored article ``ref`` names: its id, its URL, or its document id."""
    text = ref.strip()
    if re.fullmatch(r"#?\d{1,18}", text):
        row = store.one("SELECT id FROM articles WHERE id = ?", (int(text.lstrip("#")),))
    else:
        row = store.one("SELECT id FROM articles WHERE url = ?", (text,)) or \
            store.one("SELECT id FROM articles WHERE doc_id = ? ORDER BY id LIMIT 1", (text,))
    if row is None:
        raise NotFoundError(f"no such file or folder, and no stored article with this id or URL in "
                            f"{store.url.display}", document=ref)
    return int(row[0])


def stored_card(store: Any, article_id: int) -> dict[str, Any]:
    """The card of a stored article, with its stored flags (those across articles included), each statement with
    its article's title and its relays (the web app's article page shows the same records)."""
    from onrecord.record.provenance import article_flags, flag_records

    article = store.article(article_id)
    ids = [int(i) for (i,) in store.rows("SELECT id FROM attributions WHERE article_id = ? ORDER BY ordinal",
                                         (article_id,))]
    flags = flag_records(store, article_flags(store, article_id))
    return card(article, store.attributions_of(article_id), flags, article_id=article_id, attribution_ids=ids)


# --- rendering -----------------------------------------------------------------------------------------------------


def _where(ref: dict[str, Any]) -> str:
    article = ref.get("article_id") or ref.get("article")
    bits = [f"article {article}" if article not in (None, "") else None,
            f"“{ref['title']}”" if ref.get("title") else None, ref.get("outlet"), ref.get("published")]
    return ", ".join(b for b in bits if b)


def _side_lines(label: str, ref: Any) -> list[str]:
    if not isinstance(ref, dict):
        return []
    who = ref.get("speaker") or ref.get("document") or "?"
    via = f" (relayed by {', '.join(ref['via'])})" if ref.get("via") else ""
    words = ref.get("text")
    head = f"    {label}: {who}{via} — {_where(ref)}" if _where(ref) else f"    {label}: {who}{via}"
    return [head, f"       “{' '.join(words.split())}”" if words else "       (the document's own words are not "
                                                                        "quoted in the article)"]


def card_lines(c: dict[str, Any]) -> list[str]:
    """A card as text: the article; each statement (speaker, channel, relays, type, words shortened); each flag
    (kind, rating, subject, reason, evidence and both statements in full)."""
    art = c["article"]
    head = art["title"] or art["doc_id"] or "(untitled)"
    if art.get("id") is not None:
        head = f"#{art['id']} {head}"
    lines = [head]
    meta = " · ".join(v for v in (art.get("outlet"), art.get("published"), art.get("url")) if v)
    if meta:
        lines.append(meta)
    lines += ["", f"{len(c['statements'])} statements"]
    for s in c["statements"]:
        relays = f", relayed by {'; '.join(s['relays'])}" if s["relays"] else ""
        lines.append(f"  {s['ordinal'] + 1}. {s['speaker'] or 'unknown'} [{s['channel']}{relays}; {s['type']}]: "
                     f"{_clip(s['words'])}")
    if c.get("subjects"):
        lines += ["", f"{len(c['subjects'])} subjects spoken of by more than one statement"]
        for sub in c["subjects"]:
            numbers = ", ".join(str(o + 1) for _, o in sub["statements"])
            lines.append(f"  {sub['label']}: statements {numbers} ({'; '.join(sub['parties'])})")
    lines += ["", f"{len(c['flags'])} flags" if c["flags"] else "no flags"]
    for f in c["flags"]:
        rating = f" ({f['rating']})" if f.get("rating") else ""
        parties = f.get("speaker") or ""
        if f.get("other"):
            parties += f" vs {f['other']}"
        lines.append(f"  ⚑ {f['kind']}{rating}: {f.get('subject') or '?'} — {f.get('reason') or ''}"
                     + (f" [{parties}]" if parties else ""))
        if f.get("evidence"):
            lines.append(f"    evidence: {'; '.join(f'“{w}”' for w in f['evidence'])}")
        if isinstance(f.get("quotation"), dict):
            lines.append(f"    ⚠ {f['quotation']['note']} (onrecord quotes {f['quotation']['family_id']})")
        lines += _side_lines("a", f.get("a")) + _side_lines("b", f.get("b"))
        doc = f.get("document")
        if isinstance(doc, dict):
            history = "; ".join(f"{h.get('stance')} by {h.get('by')}" for h in doc.get("authenticity", ()))
            facts = ", ".join(f"{k} {'yes' if doc.get(k) else 'no'}" for k in ("signed", "draft", "leaked")
                              if doc.get(k) is not None)
            lines.append(f"    document: {doc.get('name')}" + (f" by {doc['author']}" if doc.get("author") else "")
                         + (f"; {facts}" if facts else "") + (f"; authenticity: {history}" if history else ""))
    return lines


# --- commands ------------------------------------------------------------------------------------------------------


def cmd_provenance(args: argparse.Namespace) -> int:
    """The provenance card of an article: who said what, through which channel, relayed by whom, and each flag.

    Each flag (a reversal by one speaker, rated full or half; a conflict between two speakers or a speaker and a
    document; a document that is unsigned, a draft, leaked or disputed) shows its subject, its reason, the words
    that are its evidence and both statements in full, with their speakers and articles. These are suggestions
    with their evidence, never verdicts. PATH, a file or folder, is extracted with provenance (no store needed;
    the articles of a folder are also compared with one another); otherwise the argument is a stored article
    (its id, URL or document id) and the card shows its stored flags, those across articles included.

    A file or folder is read with --scope all unless told otherwise: a stance such as "disputed its
    authenticity" is not a quotation, but it is what a reversal is made of.

    Example:
      onrecord provenance story.txt
      onrecord provenance 12 --db out/onrecord.db --json
    """
    from onrecord.cli import _print_error, _settings

    target = args.target
    if target == "-" or os.path.exists(target):
        settings = _settings(args)
        if args.scope is None:  # stances ("disputed the memo's authenticity") are what reversals are made of
            settings = settings.with_(scope="all")
        cards = cards_of_paths([target], settings, _print_error)
        if not cards:
            raise OnrecordError("no article could be read", document=target)
    else:
        looks_like_path = Path(target).suffix.lower() in (".txt", ".html", ".htm", ".jsonl", ".gz", ".json") or (
            os.sep in target and not target.startswith(("http://", "https://")))
        if looks_like_path:
            raise NotFoundError("no such file or folder", document=target)
        with open_read_only(args.db, target) as store:
            cards = [stored_card(store, find_article(store, target))]
    if args.json:
        import json

        value: Any = cards[0] if len(cards) == 1 else cards
        print(json.dumps(value, ensure_ascii=False, indent=2))
        return 0
    for i, c in enumerate(cards):
        if i:
            print()
        print("\n".join(card_lines(c)))
    return 0


def cmd_flags(args: argparse.Namespace) -> int:
    """List the provenance flags stored across the record, newest first: reversals, conflicts and documents.

    --speaker NAME keeps the flags where one of the two statements is that speaker's (any name the store knows
    them by, or #id); --kind keeps one kind. Each flag is shown with its rating, subject, reason and both
    statements; `onrecord provenance ID` shows an article's card.

    Example:
      onrecord flags --kind reversal
      onrecord flags --speaker "Ana Lind" --json
    """
    from onrecord.record.provenance import flag_records, flags

    with open_read_only(args.db, None) as store:
        found = flags(store, speaker=args.speaker, kind=args.kind, limit=args.limit or None)
        records = flag_records(store, found)  # (with titles, relays, and whether both are one quotation)
    if args.json:
        import json

        print(json.dumps(records, ensure_ascii=False, indent=2))
        return 0
    quotations = {r.get("id"): r.get("quotation") for r in records}
    print(f"{len(found)} flags")
    for f in found:
        rating = f" ({f.rating})" if f.rating else ""
        parties = (f.speaker or "") + (f" vs {f.other}" if f.other else "")
        print(f"#{f.id} {f.kind}{rating}: {f.subject} — {f.reason}" + (f" [{parties}]" if parties else "")
              + f" (article {f.article_id})")
        evidence = f.data.get("evidence") or []
        if evidence:
            print(f"    evidence: {'; '.join(f'“{w}”' for w in evidence)}")
        quotation = quotations.get(f.id)
        if isinstance(quotation, dict):
            print(f"    ⚠ {quotation['note']} (onrecord quotes {quotation['family_id']})")
        for line in _side_lines("a", f.a) + _side_lines("b", f.b):
            print(line)
    return 0


def register(sub: Any, add_command: Callable[..., Any]) -> None:
    """Add the provenance commands: provenance, flags."""
    from onrecord.cli.record import _count, _db

    p = add_command(sub, "provenance", cmd_provenance)
    p.add_argument("target", metavar="PATH|ID", help="a file or folder to extract, or a stored article's id or URL")
    p.add_argument("--json", action="store_true", help="print the card as JSON")
    _db(p)

    p = add_command(sub, "flags", cmd_flags, settings=False)
    p.add_argument("--speaker", metavar="NAME", help="only flags with a statement of this speaker")
    p.add_argument("--kind", choices=("reversal", "conflict", "document"), help="only flags of this kind")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=_count, default=200, metavar="N", help="at most N flags (default 200; 0: all)")
    _db(p)


__all__ = ["card", "card_lines", "cards_of_paths", "cmd_flags", "cmd_provenance", "find_article", "register",
           "relay_words", "stored_card"]

