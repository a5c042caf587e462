"""Speakers' gender and statements' sourcing in the store (both backends): written with each article's provenance,
combined across articles, set by hand (surviving a reprocess-like rewrite), and counted by outlet and month."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from onrecord.cli import main
from onrecord.errors import OnrecordError
from onrecord.provenance import ArticleProvenance, GenderCall, Sourcing
from onrecord.provenance.claims import Claim
from onrecord.record import Store, open_store
from onrecord.record.gender import combine, gender_shares, set_gender, sourcing_shares, speaker_gender
from onrecord.record.queries import stats
from onrecord.types import Extraction
from storydata import Said, story


def article(key: str, outlet: str, published: str, speakers: list[tuple[str, GenderCall]],
            sourced: list[Sourcing] | None = None) -> Extraction:
    text = " ".join(f"{name} said the ferry would run on time in {key}." for name, _ in speakers)
    ex = story(text, *(Said(f"the ferry would run on time in {key}", name, "said", name) for name, _ in speakers),
               id=key, outlet=outlet, published=published)
    # the same words in every sentence: point each attribution at its own sentence
    attributions = []
    at = 0
    for a, (name, _) in zip(ex.attributions, speakers, strict=True):
        start = text.index(name, at)
        src = replace(a.source, start=start, end=start + len(name)) if a.source else None
        content_start = text.index("the ferry", start)
        cue_start = text.index("said", start)
        attributions.append(replace(a, source=src, cue=replace(a.cue, start=cue_start, end=cue_start + 4) if a.cue
                                    else None, content=replace(a.content, start=content_start,
                                                               end=content_start + len(a.content.of(text)))))
        at = content_start
    sourced = sourced or [Sourcing() for _ in speakers]
    prov = ArticleProvenance(claims=tuple(Claim(i) for i in range(len(speakers))), sourcing=tuple(sourced),
                             genders=tuple(speakers))
    return replace(ex, attributions=tuple(attributions), provenance=prov)


WOMAN = GenderCall("woman", "article", ("she said",))
MAN_BY_NAME = GenderCall("man", "first name", ("first name Ivo (P(woman) 0.01)",))
NONE = GenderCall()


def test_combine_prefers_article_evidence_and_refuses_to_guess_on_conflict() -> None:
    assert combine([(1, "woman", "article", ["she said"]), (2, "man", "first name", ["first name"])]).label == "woman"
    assert combine([(1, "woman", "article", ["she said"]), (2, "man", "article", ["he said"])]).label == "unknown"
    assert combine([(1, "man", "first name", ["x"])]).basis == "first name"
    assert combine([], "woman").basis == "hand" and combine([]).label == "unknown"


def test_genders_and_sourcing_are_stored_and_counted(store: Store) -> None:
    store.add([
        article("a1", "Ledger", "2031-03-01", [("Ana Lind", WOMAN), ("Ivo Tarn", MAN_BY_NAME)],
                [Sourcing(), Sourcing(anonymous=False, relay_only=True, kind="organisation")]),
        article("a2", "Ledger", "2031-03-09", [("Ana Lind", NONE), ("Mira Oduya", NONE)],
                [Sourcing(anonymous=True, kind="anonymous"), Sourcing(single_source=False)]),
        article("a3", "Tribune", "2031-04-02", [("Ivo Tarn", MAN_BY_NAME)]),
    ])
    lind = store.resolve_speaker("Ana Lind")
    assert speaker_gender(store, lind.id).label == "woman"
    assert speaker_gender(store, store.resolve_speaker("Mira Oduya").id).label == "unknown"
    rows = {(r.month, r.outlet): r for r in gender_shares(store)}
    march = rows[("2031-03", "Ledger")]
    assert (march.people, march.women, march.men, march.unknown) == (4, 2, 1, 1)
    assert march.to_dict()["unknown_share"] == 0.25 and march.women_of_gendered == round(2 / 3, 4)
    assert rows[("2031-04", "Tribune")].men == 1
    src = {r.outlet: r for r in sourcing_shares(store)}
    assert (src["Ledger"].statements, src["Ledger"].anonymous, src["Ledger"].relay_only,
            src["Ledger"].single_source) == (4, 1, 1, 3)
    assert src["Ledger"].to_dict()["anonymous_without_reason"] == 1
    assert src["Ledger"].kinds == {"person": 2, "organisation": 1, "anonymous": 1}
    assert stats(store).to_dict()["gender"][0]["people"] == 4


def test_a_gender_set_by_hand_wins_and_survives_a_rewrite_of_the_speakers(store: Store) -> None:
    store.add([article("a1", "Ledger", "2031-03-01", [("Ana Lind", WOMAN)])])
    sid, name, now = set_gender(store, "Lind", "man")
    assert (name, now.label, now.basis) == ("Ana Lind", "man", "hand")
    store.relink()  # every statement linked again from scratch, recorded decisions re-applied
    assert speaker_gender(store, store.resolve_speaker("Ana Lind").id).basis == "hand"
    sid, _, now = set_gender(store, "Ana Lind", "auto")
    assert now.basis == "article" and speaker_gender(store, sid).to_dict()["label"] == "woman"
    with pytest.raises(OnrecordError, match="must be one of"):
        set_gender(store, "Ana Lind", "female")


def test_stats_and_speakers_gender_commands(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "g.db")
    with open_store(db) as store:
        store.add([article("a1", "Ledger", "2031-03-01", [("Ana Lind", WOMAN), ("Ivo Tarn", MAN_BY_NAME)])])
    assert main(["stats", "--db", db, "--csv", "--gender"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("month,outlet,people,women,men,unknown")
    assert lines[1].startswith("2031-03,Ledger,2,1,1,0")
    assert main(["stats", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sourcing"][0]["statements"] == 2
    assert main(["speakers", "gender", "Ana Lind", "--db", db]) == 0
    assert "woman (article)" in capsys.readouterr().out
    assert main(["speakers", "gender", "Tarn", "unknown", "--db", db]) == 0
    assert "unknown (hand)" in capsys.readouterr().out
