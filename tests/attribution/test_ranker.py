"""The learned speaker ranker (onrecord.attribution.resolution.ranker): where the packaged model overrules the
rules, where the rules' answer must stay, and the mechanism with a hand-set model."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from onrecord.api import extract
from onrecord.attribution.resolution import ranker
from onrecord.attribution.rules import tracing


def _speakers(text: str) -> dict[str, str | None]:
    return {text[a.source.start : a.source.end]: a.speaker for a in extract(text).attributions if a.source}


def test_the_packaged_model_is_small_and_names_only_known_kinds() -> None:
    raw = resources.files("onrecord.data").joinpath("speaker_ranker.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    assert set(data["kinds"]) <= set(ranker.KINDS) and 0.0 <= data["margin"] < 1.0
    assert len(raw) < 20_000
    assert ranker.load_ranker() is not None


def test_a_role_noun_beside_the_person_in_view_is_that_person() -> None:
    # "the senator" in the sentence whose subject is the article's main figure (quoted twice just before) is
    # that figure, not a senator named once, paragraphs before
    text = ("Ana Lind wants to lead her party into the next election.\n\nSenator Ivo Tarn retired in May, and "
            "the party's leaders have stayed neutral.\n\nLind spoke to farmers in Dover on Monday. “The harvest "
            "comes first,” Lind said. “We will fix the roads,” Lind said.\n\nLind visited the college on Tuesday, "
            "where the senator said the vote would be close.")
    with tracing() as decisions:
        found = _speakers(text)
    assert found["the senator"] == "Ana Lind"
    assert any(d.rule == "speakers.ranked-antecedent" for d in decisions)


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # the senator in view holds the title: the rules' answer stays
    ("Ana Lind wants to lead her party into the next election.\n\nSenator Ivo Tarn backed a rival in May, and the "
     "party's leaders have stayed neutral.\n\nLind spoke to farmers in Dover on Monday. “The harvest comes first,” "
     "Lind said.\n\nTarn met students at the college. He told them the vote would be close. “We need every voice,” "
     "the senator said.", "the senator", "Ivo Tarn"),
    # the coach named by her title is still the coach after another player spoke
    ("Coach Ana Lind took the team to the final last spring.\n\n“We were lucky,” Lind said.\n\nMira Tarn has "
     "played for the club since 2015. Tarn scored twice on Sunday. “I was tired,” Tarn said. “The ground was "
     "hard,” Tarn said.\n\nNow Tarn runs the youth side as well. Tarn opened the meeting with a warning. “We train "
     "at dawn,” the coach said.", "the coach", "Ana Lind"),
])
def test_look_alikes_keep_the_rules_answer(text: str, source: str, speaker: str) -> None:
    with tracing() as decisions:
        found = _speakers(text)
    assert found[source] == speaker
    assert not any(d.rule == "speakers.ranked-antecedent" for d in decisions)


#: A long interview: the interviewee is quoted three times, another man speaks once in between, and a "he" three
#: paragraphs after the interviewee was last named is the interviewee again.
INTERVIEW = (
    "Ivo Tarn has kept the lighthouse at Kestrel Point for thirty years.\n\n"
    "“The lamp never sleeps,” Tarn said. “Neither do I,” Tarn said. “The sea decides,” Tarn said.\n\n"
    "The harbour board plans to automate the light next year.\n\n"
    "David Okafor, who chairs the board, said the change would save money.\n\n"
    "The keeper's cottage will become a museum.\n\n"
    "“I will miss the stairs,” he said."
)


def test_a_model_that_weighs_the_interviewee_gives_him_the_he(monkeypatch: pytest.MonkeyPatch) -> None:
    # the mechanism: a hand-set model that trusts the most quoted person over the rules for a he/she
    model = ranker.RankerModel({"bias": -2.0, "pronoun:most_quoted": 4.0, "pronoun:rules": 1.0},
                               frozenset({"pronoun"}), 0.1)
    monkeypatch.setattr(ranker, "load_ranker", lambda: model)
    assert _speakers(INTERVIEW)["he"] == "Ivo Tarn"


def test_without_a_model_for_pronouns_the_rules_decide_the_he(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ranker, "load_ranker", lambda: None)
    with tracing() as decisions:
        found = _speakers(INTERVIEW)
    assert found["he"] == "David Okafor"  # (the rules: the man who spoke last)
    assert not any(d.rule == "speakers.ranked-antecedent" for d in decisions)


def test_recording_gives_each_weighed_mention_its_candidates() -> None:
    with ranker.recording() as recorded:
        extract(INTERVIEW)
    he = [r for r in recorded if r.kind == "pronoun"]
    assert he and "Ivo Tarn" in he[-1].names and "David Okafor" in he[-1].names
    assert all(len(r.names) == len(r.features) for r in recorded)
