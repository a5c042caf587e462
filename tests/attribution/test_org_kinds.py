"""An organisation named again by its kind ("the airline", "the utility", "the company"): the organisation of that
kind in view, not the last body named (see attribution/resolution/kinds.py); and the look-alikes that must keep
their speaker."""

from __future__ import annotations

import pytest

from onrecord.attribution.resolution.kinds import name_kinds
from onrecord.settings import Settings
from speaking import speakers

ALL = Settings(scope="all")


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # a utility by its name's head, past a ministry named since
    ("Lakeview Power, whose lines cross the valley, said it was cooperating with investigators. The Ministry of "
     "Forests said the cause was unknown. “It is too early to speculate,” the utility said.", "the utility",
     "Lakeview Power"),
    # a lender by its apposition: "the bank"
    ("Lakeview Power said it would raise prices. Orvane Capital, a Lakeview-based lender, posted a loss. The bank "
     "said it would appeal.", "The bank", "Orvane Capital"),
    # the last organisation named as a subject did not speak; "it" is the description that was the subject
    ("Orvane Mining said on Monday that the springs were clean. The audit office has examined 191 late projects "
     "since May. In its latest report, it warned that costs were rising.", "it", "audit office"),
])
def test_an_organisation_named_again_by_its_kind(text: str, source: str, speaker: str) -> None:
    assert speakers(text)[source] == speaker


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # "the company" with two companies: the last subject, as before (kinds do not choose between them)
    ("Lakeview Airways cancelled 300 flights on Monday. Tarn Freight Inc. said its profit fell. The company said "
     "revenue would climb.", "The company", "Tarn Freight Inc."),
    # the airline named before the company: still the airline
    ("Tarn Freight Inc. said its profit fell. Lakeview Airways cancelled 300 flights on Monday. The airline said "
     "revenue would climb.", "The airline", "Lakeview Airways"),
    # no union named: the description stands for itself
    ("The Ministry of Roads said mediators would meet both sides. Orla said it would attend. The union said it "
     "would attend too.", "The union", "union"),
    # a person who runs a mine is not "the company"
    ("Ana Tarn, who runs the copper mine, says her own monitoring shows no link to the springs. “The data are "
     "clear,” the company said.", "the company", "company"),
    # "it" after a sentence whose subject is a document, not a body: the organisation that spoke
    ("Orvane Mining said on Monday that the springs were clean. The report has examined 191 late projects since "
     "May. In a statement, it warned that costs were rising.", "it", "Orvane Mining"),
    # the airport operator named in apposition: that body, whoever spoke before
    ("Orla cancelled 300 flights on Monday. The airport operator, Portavia, said extra staff had been brought in.",
     "The airport operator, Portavia", "Portavia"),
])
def test_look_alikes_keep_their_speaker(text: str, source: str, speaker: str) -> None:
    assert speakers(text)[source] == speaker


def test_the_kinds_a_name_gives() -> None:
    assert "airline" in name_kinds("Lakeview Airways")
    assert "carrier" in name_kinds("Lakeview Airways")
    assert "ministry" in name_kinds("Ministry of Roads and Bridges")
    assert "company" in name_kinds("Tarn Chemical Co.")
    assert not name_kinds("Union")  # a one-word name is no kind
    assert not name_kinds("Union Lakeview")  # the head is its last word


def _resolver(text: str):  # type: ignore[no-untyped-def]
    from onrecord.attribution.resolution.resolver import SpeakerResolver
    from onrecord.nlp import load_pipeline

    return SpeakerResolver(load_pipeline(ALL)(text))


def test_a_body_named_as_where_a_person_works_is_named_in_passing() -> None:
    from onrecord.attribution.resolution.organisations import _affiliation

    r = _resolver("Mira Okafor, who covers food producers at Orbis Capital, agreed. Lakeview Dairy Group cut prices.")
    starts = {name: i for i, name, *_ in r.index.org_mentions}
    assert _affiliation(r, starts["Orbis Capital"])
    assert not _affiliation(r, starts["Lakeview Dairy Group"])  # a subject of its own
