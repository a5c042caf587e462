"""Speaker gender: the article's evidence, conflicts, the first-name fallback, and the eval on GGT dev."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.provenance.gender import GenderCall, first_name, first_name_call, speaker_genders

#: A made-up first-name list (lower case -> P(woman)), so that the tests do not depend on nomquamgender's numbers.
NAMES = {"ana": 0.99, "ivo": 0.01, "kai": 0.5, "mira": 0.97, "oren": 0.02}
REPO = Path(__file__).resolve().parents[2]


def calls(text: str, **options: object) -> dict[str, GenderCall]:
    from onrecord.nlp import load_pipeline

    doc = load_pipeline()(text)
    return speaker_genders(doc, doc._.onrecord_attributions, names=NAMES, **options)  # type: ignore[arg-type]


def call_of(text: str, name: str, **options: object) -> GenderCall:
    found = calls(text, **options)
    assert name in found, found
    return found[name]


# -- the value -------------------------------------------------------------------------------------------------------


def test_a_call_round_trips_and_refuses_bad_values() -> None:
    call = GenderCall("woman", "article", ("she said", "Ms. Varga"))
    assert GenderCall.from_dict(call.to_dict()) == call
    assert call.to_dict() == {"label": "woman", "basis": "article", "evidence": ["she said", "Ms. Varga"]}
    with pytest.raises(ValueError):
        GenderCall("female")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        GenderCall("man", "guess")  # type: ignore[arg-type]


# -- first names -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "expected"), [
    ("Ana Okafor", "Ana"), ("J. Ivo Tarn", "Ivo"), ("Dr. Mira Okafor", "Mira"), ("Okafor", None), ("A. B. Tarn", None),
])
def test_the_first_name_of_a_full_name(name: str, expected: str | None) -> None:
    assert first_name(name) == expected


def test_a_listed_first_name_decides_and_an_ambiguous_or_unseen_one_does_not() -> None:
    assert first_name_call("Ána Varga", names=NAMES) == GenderCall("woman", "first name",
                                                                   ("first name Ána (P(woman) 0.99)",))
    assert first_name_call("Oren Tarn", names=NAMES).label == "man"
    assert first_name_call("Kai Tarn", names=NAMES) == GenderCall()  # P 0.5: ambiguous
    assert first_name_call("Zorvex Tarn", names=NAMES) == GenderCall()  # not in the list
    assert first_name_call("Tarn", names=NAMES) == GenderCall()  # a single name may be a surname
    assert first_name_call("Mira Tarn", names={"mira": 0.8}).label == "unknown"  # uncertainty 0.2 > 0.15


def test_nomquamgender_is_read_offline() -> None:
    pytest.importorskip("nomquamgender")
    from onrecord.provenance.gender import first_names

    table = first_names()
    assert table["mary"] > 0.9 and table["john"] < 0.1 and "xqzvw" not in table
    assert first_name_call("Mary Okafor").label == "woman"


# -- the article's evidence (the real model) -------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "name", "label", "evidence"), [
    # a he or she that extraction resolved to the speaker
    ("Kai Tarn spoke at the harbour on Monday.\n\n“The pier will stay open,” she said.",
     "Kai Tarn", "woman", "she said"),
    # an honorific before the name
    ("Mira Okafor opened the hearing.\n\n“We will vote in May,” Mr. Okafor said.", "Mira Okafor", "man",
     "Mr. Okafor"),
    # a role noun in apposition
    ("“The pier will stay open,” said Kai Varga, the council's spokeswoman.", "Kai Varga", "woman", "spokeswoman"),
    # a kinship noun that the name stands beside: his wife is a woman, whoever "his" is
    ("“We never saw the flood coming,” said his wife, Kai Varga.", "Kai Varga", "woman", "his wife"),
    # a title before the name
    ("“Rates will hold,” Chairwoman Kai Varga told reporters.", "Kai Varga", "woman", "Chairwoman Kai Varga"),
    # a reflexive in the clause the name is the subject of
    ("Kai Varga has trained himself for the race.\n\n“It hurts,” Varga said.", "Kai Varga", "man", "trained himself"),
])
def test_the_article_says_the_gender(text: str, name: str, label: str, evidence: str) -> None:
    call = call_of(text, name)
    assert (call.label, call.basis) == (label, "article"), call
    assert any(evidence in e for e in call.evidence), call


@pytest.mark.model
def test_the_article_outweighs_the_first_name() -> None:
    # Ana is a woman's name by the list; the article says Mr.
    call = call_of("“The pier will stay open,” said Mr. Ana Okafor, who runs the ferry.", "Ana Okafor")
    assert (call.label, call.basis) == ("man", "article")


@pytest.mark.model
def test_conflicting_evidence_is_unknown_with_both_pieces_kept() -> None:
    text = "“We will vote in May,” Mr. Kai Varga said.\n\nLater, Ms. Varga said the vote could slip."
    call = call_of(text, "Kai Varga")
    assert (call.label, call.basis) == ("unknown", "article")
    assert any("Mr." in e for e in call.evidence) and any("Ms." in e for e in call.evidence)


@pytest.mark.model
def test_without_evidence_the_first_name_decides_or_the_speaker_stays_unknown() -> None:
    found = calls("“The pier will stay open,” Ana Okafor said. “It will not,” Kai Tarn said. "
                  "“Maybe,” Zorvex Lind said.")
    assert found["Ana Okafor"] == GenderCall("woman", "first name", ("first name Ana (P(woman) 0.99)",))
    assert found["Kai Tarn"] == GenderCall()  # ambiguous
    assert found["Zorvex Lind"] == GenderCall()  # unseen
    alone = calls("“The pier will stay open,” Ana Okafor said.", first_name_fallback=False)
    assert alone["Ana Okafor"] == GenderCall()


@pytest.mark.model
def test_a_pronoun_for_someone_else_is_no_evidence() -> None:
    # "his" is the patient's, not Varga's; "his wife" gives the wife's gender, not the possessor's
    text = "“We were worried,” Kai Varga said.\n\nKai Varga offered to stay over to monitor his breathing.\n\n" \
           "“He was brave,” said Oren Tarn's wife, Kai Lind."
    found = calls(text)
    assert found["Kai Varga"] == GenderCall()
    assert found["Kai Lind"].label == "woman" and "Oren Tarn" not in found


@pytest.mark.model
def test_organisations_and_unnamed_speakers_get_no_call() -> None:
    found = calls("“The pier will stay open,” the Harbour Commission said. “It will not,” a senior official said.")
    assert found == {}


# -- the eval ---------------------------------------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.corpus
def test_the_eval_scores_ten_ggt_dev_documents() -> None:
    from onrecord.eval.corpora import corpus_file
    from onrecord.eval.gender import score

    if corpus_file("ggt/dev.jsonl") is None:
        pytest.skip("../shared/data/ggt/dev.jsonl is absent")
    report = score(REPO / "data" / "gender", limit=10)
    both = report.ways["onrecord"]
    assert report.docs == 10 and both.lines == sum(report.gold.values()) > 20
    assert both.accuracy >= 0.95 and both.coverage >= 0.8, report.lines()
    assert report.ways["article"].given <= both.given
    assert "accuracy" in "\n".join(report.lines())
