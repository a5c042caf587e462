"""Provenance as the pages show it: the flags of an article, of a speaker and of the store, each with both of its
statements, and the documents an article names (onrecord.provenance; docs/provenance.md).

The records come from the store (:func:`onrecord.record.provenance.flag_records`: ``Flag.to_dict()`` with the
store's ids, each statement's article title and relays) or, for a pasted article that is not stored, from the
extraction's own flags. Nothing here makes markup: the templates escape every value. These are suggestions with
their evidence, never verdicts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

#: How each rating reads on a badge (PolitiFact's Flip-O-Meter words: a half flip, a full flop).
RATINGS = {"full": "Full", "half": "Half"}
#: The symbol that marks a statement taking part in a flag.
MARK = "\u2691"
#: What a document's facts read as, by value.
_FACTS = {"signed": ("signed", "unsigned"), "draft": ("a draft", "final"), "leaked": ("leaked", None)}


def _relays(ref: dict[str, Any]) -> list[dict[str, Any]]:
    """A statement's relays: as stored (name and outlet), else the names its record keeps."""
    stored = ref.get("relays")
    if isinstance(stored, list):
        return [r for r in stored if isinstance(r, dict) and (r.get("name") or r.get("outlet"))]
    return [{"name": v, "outlet": None} for v in ref.get("via") or () if isinstance(v, str) and v]


def _href(number: int | None, where: int | None, here: int | None) -> str | None:
    """Where a statement is: its place in its article's page (``#s-N`` on that page itself)."""
    anchor = f"#s-{number}" if number is not None else ""
    if where is not None and where != here:
        return f"/articles/{where}{anchor}"
    return anchor or None


def side(ref: Any, *, here: int | None = None, article_id: int | None = None) -> dict[str, Any] | None:
    """One statement of a flag as the page shows it: who, the words, the article (linked to the statement's place
    in it: ``/articles/ID#s-N``, or ``#s-N`` on the page of the article itself or of a pasted one)."""
    if not isinstance(ref, dict):
        return None
    ordinal = ref.get("ordinal")
    number = int(ordinal) + 1 if isinstance(ordinal, int) else None
    stored = ref.get("article_id", article_id)
    where = int(stored) if stored is not None else None
    href = _href(number, where, here)
    return {"speaker": ref.get("speaker") or ref.get("document") or "unknown", "document": ref.get("document"),
            "words": " ".join(str(ref.get("text") or "").split()) or None, "article_id": where, "number": number,
            "title": ref.get("title"), "outlet": ref.get("outlet"), "published": ref.get("published"),
            "relays": _relays(ref), "href": href, "here": where is None or where == here,
            "type": ref.get("type"), "channel": ref.get("medium")}


def document(record: Any, *, here: int | None = None, article_id: int | None = None) -> dict[str, Any] | None:
    """A document flag's record: its name, author, facts (signed or not, draft or final, leaked) and the history
    of its authenticity (who disputed or confirmed it, when, in which words)."""
    if not isinstance(record, dict):
        return None
    facts = []
    for name, (yes, no) in _FACTS.items():
        value = record.get(name)
        if value is True:
            facts.append(yes)
        elif value is False and no:
            facts.append(no)
    history = []
    for h in record.get("authenticity") or ():
        if not isinstance(h, dict):
            continue
        ordinal = h.get("ordinal")
        history.append({"stance": h.get("stance"), "by": h.get("by"), "published": h.get("published"),
                        "words": h.get("words") or None, "text": h.get("text"),
                        "href": _href(ordinal + 1, article_id, here) if isinstance(ordinal, int) else None})
    return {"name": record.get("name") or "the document", "author": record.get("author"), "facts": facts,
            "unsigned": record.get("signed") is False, "draft": bool(record.get("draft")),
            "leaked": bool(record.get("leaked")), "history": history,
            "statements": record.get("statements") or 0, "mentions": record.get("mentions") or 0}


def flag(record: dict[str, Any], *, index: int = 0, here: int | None = None) -> dict[str, Any]:
    """A flag as the page shows it: kind, rating badge, subject, reason, evidence, both statements (``sides``)
    and, for a document flag, the document."""
    fid = record.get("id")
    raised = record.get("article_id")
    sides = [s for s in (side(record.get("a"), here=here, article_id=raised),
                         side(record.get("b"), here=here, article_id=raised)) if s is not None]
    rating = record.get("rating")
    return {"id": fid, "anchor": f"flag-{fid if fid is not None else index + 1}", "kind": record.get("kind"),
            "rating": rating, "rating_label": RATINGS.get(str(rating), rating) if rating else None,
            "subject": record.get("subject") or "", "reason": record.get("reason") or "",
            "speaker": record.get("speaker"), "other": record.get("other"),
            "evidence": [str(e) for e in record.get("evidence") or () if e], "concept": record.get("concept"),
            "sides": sides, "also": len(record.get("also") or ()), "article_id": raised,
            "quotation": record.get("quotation"),
            "document": document(record.get("document"), here=here, article_id=raised)
            if record.get("kind") == "document" else None}


def label(record: dict[str, Any]) -> str:
    """What a statement's mark says of a flag: "reversal (full)", "conflict"."""
    kind, rating = record.get("kind"), record.get("rating")
    return f"{kind} ({rating})" if rating else str(kind)


def card(records: Sequence[dict[str, Any]], *, here: int | None = None) -> dict[str, Any]:
    """An article's provenance card: its flags (reversals and conflicts, within it and across articles) and its
    documents, each as the page shows it."""
    views = [flag(r, index=i, here=here) for i, r in enumerate(records)]
    return {"flags": [v for v in views if v["kind"] != "document"],
            "documents": [v for v in views if v["kind"] == "document"]}


def statement_marks(records: Iterable[dict[str, Any]],
                    ordinal_of: dict[int, int] | None = None) -> dict[int, list[dict[str, str]]]:
    """For each statement of one article (by its position, from 0) that takes part in a flag: the flags' anchors
    and labels, for the ⚑ beside its words. ``ordinal_of`` maps stored attribution ids to positions (a stored
    article); without it each statement's ``ordinal`` is its position (a pasted article)."""
    out: dict[int, list[dict[str, str]]] = {}
    for i, r in enumerate(records):
        if r.get("kind") == "document":
            continue
        view = flag(r, index=i)
        for ref in (r.get("a"), r.get("b")):
            if not isinstance(ref, dict):
                continue
            if ordinal_of is not None:
                position = ordinal_of.get(int(ref["attribution_id"])) if ref.get("attribution_id") is not None \
                    else None
            else:
                position = ref.get("ordinal") if isinstance(ref.get("ordinal"), int) else None
            if position is None:
                continue
            entry = {"anchor": view["anchor"], "label": label(r)}
            if entry not in out.setdefault(position, []):
                out[position].append(entry)
    return out


def row(record: dict[str, Any]) -> dict[str, Any]:
    """A flag as one flat row (the CSV twin of /flags)."""
    out = {k: record.get(k) for k in ("id", "kind", "rating", "subject", "reason", "speaker", "other",
                                      "article_id", "created_at")}
    out["evidence"] = list(record.get("evidence") or ())
    for name in ("a", "b"):
        value = record.get(name)
        ref: dict[str, Any] = value if isinstance(value, dict) else {}
        for key in ("speaker", "text", "article_id", "title", "outlet", "published"):
            out[f"{name}_{key}"] = ref.get(key)
    return out


#: The columns of the CSV twin of /flags.
COLUMNS = ["id", "kind", "rating", "subject", "reason", "speaker", "other", "evidence", "article_id", "created_at",
           *(f"{n}_{k}" for n in ("a", "b") for k in ("speaker", "text", "article_id", "title", "outlet",
                                                         "published"))]


__all__ = ["COLUMNS", "MARK", "RATINGS", "card", "document", "flag", "label", "row", "side", "statement_marks"]
