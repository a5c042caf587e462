"""Session 32 speaker mechanisms, end to end with the real model: a he/she after unquoted words whose subject is a
person named there takes that person up ("Ivo Tarn backed Dorran while ..., he said"); a proper noun a person's
possessive opens ("President Ana Lind's DOJ") is a body of theirs, spelt out where the article gives it, and an
acronym keeps the initials of "of" ("DOJ" of "Department of Justice"); a misprinted surname the recogniser took
for a body alone is the person ("Sharplion" for Ed Sharplin). Every passage is made up."""

from __future__ import annotations

import pytest

from onrecord.attribution.resolution.short_forms import acronym_keys
from speaking import speaker_of, speakers

pytestmark = pytest.mark.model

_BACKING = ("Another Council Figure Backs Velasquez.\n\nSome councillors are so opposed to the pier plan that they "
            "are backing Marta Velasquez, the Harbour Party candidate.\n")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(
            _BACKING + "Former Rep. Ivo Tarnek (R-Ohio) was pro Piet Dorran while the Ashgrove mayor was in the "
            "running, he said Wednesday morning on local radio.\n“Marta is my next choice,” he said.",
            "Marta is my next choice", "Ivo Tarnek", id="the-subject-of-the-words-he-reports",
        ),
        # look-alikes: words whose subject is no person, and quoted words naming someone else
        pytest.param(
            "Piet Dorran spoke on Monday. Ivo Tarnek listened. The pier plan was dead, he said.",
            "The pier plan was dead", "Ivo Tarnek", id="a-thing-as-the-subject",
        ),
        pytest.param(
            "Harbour master Ivo Tarnek met reporters on Monday.\n\n“Piet Dorran was wrong about the pier,” he said.",
            "Piet Dorran was wrong", "Ivo Tarnek", id="a-name-in-quoted-words",
        ),
    ],
)
def test_a_he_or_she_takes_up_the_subject_of_the_words_reported(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker


_SUED = "The state sued the U.S. Department of Justice on Monday. Governor Ana Lind said the state would not back down."


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        pytest.param(_SUED + "\n\nPresident Piet Dorran’s DOJ had issued a threat to the governor in a May letter. "
                     "The DOJ responded with a lawsuit the same day.", "President Piet Dorran’s DOJ",
                     "U.S. Department of Justice", id="a-person-s-body"),
        pytest.param(_SUED + "\n\nPresident Piet Dorran’s DOJ had issued a threat to the governor in a May letter. "
                     "The DOJ responded with a lawsuit the same day.", "The DOJ", "U.S. Department of Justice",
                     id="the-body-again"),
        # look-alikes: a body's possessive before a person's name, a body whose own name holds a possessive
        pytest.param("The Harbour Party’s Ana Lind said the state would not back down.", "The Harbour Party’s Ana Lind",
                     "Ana Lind", id="a-body-s-person"),
        pytest.param("McDonald’s Corp. said prices would rise.", "McDonald’s Corp.", "McDonald’s Corp.",
                     id="a-possessive-in-a-body-s-name"),
    ],
)
def test_a_name_after_a_person_s_possessive_is_a_body(text: str, source: str, speaker: str | None) -> None:
    assert speakers(text)[source] == speaker


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("U.S. Department of Justice", ["UDJ", "UDOJ", "DJ", "DOJ"]),
        ("Harbour Valley Party", ["HVP"]),
        ("Lakeview", []),
    ],
)
def test_acronym_keys(name: str, keys: list[str]) -> None:
    assert acronym_keys(name) == keys


def _with_label(text: str, word: str, label: str) -> str | None:
    """The speaker of ``word`` (a source) once the recogniser is made to label it ``label`` alone."""
    from spacy.tokens import Span

    from onrecord.attribution.resolution.resolver import SpeakerResolver
    from onrecord.nlp import load_pipeline

    doc = load_pipeline()(text)
    i = next(t.i for t in doc if t.text == word)
    doc.ents = [e for e in doc.ents if not (e.start <= i < e.end)] + [Span(doc, i, i + 1, label=label)]
    return SpeakerResolver(doc).resolve(doc[i : i + 1]).name


@pytest.mark.parametrize(
    ("label", "speaker"),
    [
        pytest.param("ORG", "Ed Sharplin", id="a-misprint-taken-for-a-body"),
        # look-alike: a misprint taken for a place stays what the recogniser says
        pytest.param("GPE", "Sharplion", id="a-misprint-taken-for-a-place"),
    ],
)
def test_a_misprinted_surname_taken_for_a_body_is_the_person(label: str, speaker: str) -> None:
    text = "Civil rights leader Ed Sharplin spoke on his radio show. “Morrison should apologise,” Sharplion said."
    assert _with_label(text, "Sharplion", label) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param("As Its Rivals Merge, Will Quillet Be Next?\n\nQuillet, the messaging site, has struggled for a "
                     "year.\n\nIn April, Quillet reported flat user growth and weak revenue.", "Quillet",
                     id="a-headline-question-is-no-name"),
        # look-alike: a headline's verb after a name is still dropped, the name kept
        pytest.param("Quillet Says It Will Merge\n\nIn April, Quillet reported flat user growth and weak revenue.",
                     "Quillet", id="a-headline-verb-after-a-name"),
    ],
)
def test_a_name_stops_at_a_headline_s_auxiliary(text: str, speaker: str) -> None:
    assert speakers(text)["Quillet"] == speaker
