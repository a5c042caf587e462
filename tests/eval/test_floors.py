"""The accuracy gate: each pinned dev-split figure must stay at or above its floor (minus EPSILON)."""

from __future__ import annotations

import pytest

from onrecord.eval import evaluate_file
from onrecord.eval.corpora import corpus_file, repo_file
from onrecord.eval.floors import EPSILON, GATES, Gate, below_floors


@pytest.mark.corpus
@pytest.mark.model
@pytest.mark.parametrize("gate", GATES, ids=lambda g: g.name)
def test_dev_scores_stay_above_floors(gate: Gate, shared_corpus) -> None:
    speakers = None if gate.speakers is None else repo_file(gate.speakers)
    if gate.speakers is not None and speakers is None:
        pytest.skip(f"{gate.speakers} is not in this checkout")
    report = evaluate_file(shared_corpus(gate.corpus), settings=gate.settings, speakers=speakers)
    print("\n" + report.to_text())
    assert report.n_docs > 0
    assert not report.errors, report.errors
    assert below_floors(report, gate.floors) == [], report.to_text()


def test_floors_are_f1_values_with_a_small_epsilon() -> None:
    assert 0 < EPSILON <= 0.05
    for gate in GATES:
        assert gate.floors, gate.name
        assert gate.scope in ("quotes", "all")
        for metric, floor in gate.floors.items():
            assert 0.0 <= floor <= 1.0, (gate.name, metric)


def test_speakers_files_of_the_gates_are_in_the_checkout() -> None:
    for gate in GATES:
        if gate.speakers is not None:
            assert repo_file(gate.speakers) is not None, gate.speakers


@pytest.mark.model
def test_provenance_flags_stay_above_floors() -> None:
    """The reversal and conflict flags on the dev stories of the provenance gold (data/provenance)."""
    from onrecord.eval.floors import PROVENANCE_FLOORS, PROVENANCE_GOLD
    from onrecord.eval.provenance import score

    folder = repo_file(PROVENANCE_GOLD)
    if folder is None:
        pytest.skip(f"{PROVENANCE_GOLD} is not in this checkout")
    report = score(folder, split="dev")
    print("\n" + "\n".join(report.lines()))
    assert report.articles > 0
    assert report.below(PROVENANCE_FLOORS) == [], "\n".join(report.lines())


@pytest.mark.corpus
def test_quote_families_stay_above_floors() -> None:
    """Pairwise precision and recall of the quote families on the hand-verified PolNeAR families (data/quotes)."""
    from onrecord.eval.families import score
    from onrecord.eval.floors import FAMILIES_FLOORS, FAMILIES_GOLD

    folder = repo_file(FAMILIES_GOLD)
    if folder is None or corpus_file("polnear/train.jsonl.gz") is None:
        pytest.skip("the families gold or PolNeAR is not here")
    report = score(folder)
    print("\n" + "\n".join(report.lines()))
    assert report.gold_pairs > 50
    assert report.precision >= FAMILIES_FLOORS["precision"], report.lines()
    assert report.recall >= FAMILIES_FLOORS["recall"], report.lines()


@pytest.mark.model
@pytest.mark.corpus
def test_speaker_gender_stays_above_floors() -> None:
    """Accuracy and coverage of the speakers' gender calls on GGT dev (data/gender)."""
    from onrecord.eval.floors import GENDER_FLOORS, GENDER_GOLD
    from onrecord.eval.gender import score

    path = repo_file(GENDER_GOLD)
    if path is None or corpus_file("ggt/dev.jsonl") is None:
        pytest.skip("the gender gold or GGT dev is not here")
    report = score(path)
    print("\n" + "\n".join(report.lines()))
    both = report.ways["onrecord"]
    assert both.accuracy >= GENDER_FLOORS["accuracy"] and both.coverage >= GENDER_FLOORS["coverage"], report.lines()


@pytest.mark.model
@pytest.mark.parametrize("which", ["news", "news2", "news3", "news4", "news6", "news7", "news8", "news9", "news10",
                                   "news11", "news12", "news13", "news14", "news15", "news16",
                                   "news17", "realnews"])
def test_quotations_of_the_news_sets_stay_above_floors(which: str) -> None:
    """Direct and mixed quotations with their speakers on the dev halves of the news sets (data/news: invented
    hard cases; data/news2: invented wire and newspaper copy where the speaker is the hard part; data/news3:
    invented copy weighted to what real news showed, British single marks among it; data/news4: invented copy
    weighted to who speaks; data/news6: long everyday copy with many speakers; data/news7: one outlet form an
    article; data/news8: house styles of many countries; data/news9: the everyday report of the big outlets;
    data/news10: local news and the web's everyday copy; data/news11: public affairs, people named by office;
    data/news12: features, business, courts and sport; data/news13: broadcasters' web copy in the present tense;
    data/news14: exchanges, trials, hearings, briefings and post-match interviews; data/news15: institutions,
    groups and documents that speak, and relays; data/news16: science, health and technology desks,
    obituaries and profiles; data/news17: live blogs, wires and conflict reporting, sport off the field, opinion and
    analysis, crime and courts;
    data/realnews: the saved real pages of ../shared/data/html)."""
    from onrecord.eval import floors as f
    from onrecord.settings import Settings

    gold, floors, n_docs = {"news": (f.NEWS_GOLD, f.NEWS_FLOORS, 15), "news2": (f.NEWS2_GOLD, f.NEWS2_FLOORS, 15),
                            "news3": (f.NEWS3_GOLD, f.NEWS3_FLOORS, 12), "news4": (f.NEWS4_GOLD, f.NEWS4_FLOORS, 12),
                            "news6": (f.NEWS6_GOLD, f.NEWS6_FLOORS, 7),
                            "news7": (f.NEWS7_GOLD, f.NEWS7_FLOORS, 7),
                            "news8": (f.NEWS8_GOLD, f.NEWS8_FLOORS, 7),
                            "news9": (f.NEWS9_GOLD, f.NEWS9_FLOORS, 7),
                            "news10": (f.NEWS10_GOLD, f.NEWS10_FLOORS, 7),
                            "news11": (f.NEWS11_GOLD, f.NEWS11_FLOORS, 7),
                            "news12": (f.NEWS12_GOLD, f.NEWS12_FLOORS, 7),
                            "news13": (f.NEWS13_GOLD, f.NEWS13_FLOORS, 7),
                            "news14": (f.NEWS14_GOLD, f.NEWS14_FLOORS, 7),
                            "news15": (f.NEWS15_GOLD, f.NEWS15_FLOORS, 7),
                            "news16": (f.NEWS16_GOLD, f.NEWS16_FLOORS, 7),
                            "news17": (f.NEWS17_GOLD, f.NEWS17_FLOORS, 7),
                            "realnews": (f.REALNEWS_GOLD, f.REALNEWS_FLOORS, 37)}[which]
    path = repo_file(gold)
    if path is None:
        pytest.skip(f"{gold} is not in this checkout")
    if which == "realnews" and corpus_file("html/manifest.jsonl") is None:
        pytest.skip("the saved pages (../shared/data/html) are absent")
    report = evaluate_file(path, settings=Settings(scope="quotes", cue_span="word", doc_timeout=0),
                           types=f.NEWS_TYPES)
    print("\n" + report.to_text())
    assert report.n_docs == n_docs and not report.errors
    assert below_floors(report, floors) == [], report.to_text()

