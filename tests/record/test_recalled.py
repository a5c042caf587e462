"""Recalled claims in the store (session 33): a reporter's conflict sentence that recalls a person's claim from an
earlier article of the story ("The report is at odds with what Mara Quill said in March, when she told savers
that ...") is stored with the pair the person's own earlier quotation makes, as the eval and ``onrecord
provenance`` give it; once, through reruns and reprocessing. Invented texts; each has a look-alike that stores no
such pair. Real model, real stores (SQLite, and PostgreSQL as the other store tests)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from onrecord.cli import main
from onrecord.record import Store
from onrecord.record import provenance as stored
from onrecord.record.commands import ingest_paths, reprocess
from onrecord.settings import Settings

pytestmark = pytest.mark.model

EARLIER = {"id": "mutual-1", "title": "Savers reassured", "outlet": "Lakeview Ledger", "published": "2031-03-03",
           "text": "Savers in the Kestrel Mutual were reassured on Tuesday. “Not a penny of your savings was lent to "
                   "Orlin Developments,” said Mara Quill, the chief executive of Kestrel Mutual."}
TOLD = ("The Kestrel Mutual annual report, published on Monday, states that “a loan of 9 million was made to Orlin "
        "Developments in 2030.” The report is at odds with what Mara Quill said in March, when she told savers that "
        "{claim}.")
ROLE = ("The Kestrel Mutual annual report, published on Monday, states that “a loan of 9 million was made to Orlin "
        "Developments in 2030.” The report gives the lie to the chief executive's assurance in March that no money "
        "had been lent to Orlin Developments.")
#: A second holder of the role, who said it too: whose claim the recap recalls is not known.
OTHER_HOLDER = {"id": "mutual-0", "title": "Loans denied", "outlet": "Harlow Post", "published": "2031-02-10",
                "text": "“No money of the savers was lent to Orlin Developments,” said Piet Rall, the chief executive "
                        "of Kestrel Mutual, on Monday."}


def _later(text: str) -> dict[str, str]:
    return {"id": "mutual-2", "title": "Report out", "outlet": "Harlow Post", "published": "2031-06-02",
            "text": text}


def _ingest(store: Store, tmp_path: Path, rows: list[dict[str, str]], settings: Settings | None = None) -> Path:
    path = tmp_path / "mutual.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ingest_paths(store, [path], **({"settings": settings} if settings else {}))
    return path


def _recalled(store: Store) -> list[tuple[stored.StoredFlag, list[Any]]]:
    """The stored signalled conflicts, each with the pairs of it that name the earlier article's quotation."""
    out = []
    for f in stored.flags(store, kind="conflict"):
        pairs = [p for p in f.data["also"] if any("Not a penny" in (r.get("text") or "") for r in p)]
        if f.reason.startswith("the reporter"):
            out.append((f, pairs))
    return out


def _earlier_id(store: Store) -> str:
    (article_id,) = store.one("SELECT id FROM articles WHERE doc_id = 'mutual-1'")  # type: ignore[misc]
    return str(article_id)


def test_a_recalled_claim_is_stored_with_the_persons_earlier_words(store: Store, store_url: str, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = _ingest(store, tmp_path, [EARLIER, _later(TOLD.format(claim="no money had been lent to Orlin "
                                                                       "Developments"))])

    def check() -> None:
        ((flag, pairs),) = _recalled(store)
        assert flag.other == "Mara Quill" or flag.speaker == "Mara Quill"
        (pair,) = pairs
        assert any(r.get("article") == _earlier_id(store) for r in pair)

    check()
    assert ingest_paths(store, [path]).known == 2  # a rerun
    check()
    assert reprocess(store, every=True).done == 2
    check()
    assert main(["flags", "--kind", "conflict", "--json", "--db", store_url]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert sum("Not a penny" in json.dumps(f["also"]) for f in listed) == 1


def test_a_claim_on_another_matter_stores_no_earlier_words(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path, [EARLIER, _later(TOLD.format(claim="the mutual would open two new branches"))])
    assert [pairs for _, pairs in _recalled(store)] == [[]]  # (the conflict within the article is stored)


def test_a_role_one_person_holds_pairs_her_words_and_two_holders_pair_none(store: Store, tmp_path: Path) -> None:
    everything = Settings(scope="all")  # (a recap with no verb of saying is a stance)
    _ingest(store, tmp_path, [EARLIER, _later(ROLE)], everything)
    assert [len(pairs) for _, pairs in _recalled(store)] == [1]
    _ingest(store, tmp_path, [OTHER_HOLDER], everything)
    assert reprocess(store, every=True, settings=everything).done == 3
    assert [pairs for _, pairs in _recalled(store)] == [[]]


def test_the_earlier_article_stored_after_the_recap_is_paired_on_reprocess(store: Store, tmp_path: Path) -> None:
    """An earlier article stored after the recap's adds nothing to the recap's stored flag (flags are computed at
    their article's write, never edited); reprocessing gives it the pair, once."""
    _ingest(store, tmp_path, [_later(TOLD.format(claim="no money had been lent to Orlin Developments")), EARLIER])
    assert [pairs for _, pairs in _recalled(store)] == [[]]
    reprocess(store, every=True)
    assert [len(pairs) for _, pairs in _recalled(store)] == [1]
