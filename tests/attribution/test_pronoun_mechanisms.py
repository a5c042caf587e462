"""He/she resolution mechanisms of session 29, end to end with the real model: the person spoken to answers
(:mod:`onrecord.attribution.resolution.addressees`), a his/her after an object is no evidence of the subject's
gender (:mod:`onrecord.attribution.resolution.genders`), the one asked answers, a he/she is never two people
heard together, the main clause's subject before a clause's, the subject of reported words no one named spoke,
the role named as the subject of the sentence before the quotation a he/she ends, a name inside the speaker's
description no newer subject than the speaker, a name beside a role whose family name has a capital inside
("The coach, Ewan MacOdrum,") a person's.
Every passage is made up."""

from __future__ import annotations

import pytest

from onrecord.attribution.resolution.names import Speaker
from onrecord.attribution.resolution.person_antecedents import person_antecedent
from onrecord.attribution.resolution.resolver import SpeakerResolver
from onrecord.nlp import load_pipeline
from speaking import speaker_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(
            "“I packed the dog and my pills,” Wenna Trask-Oyelaran said. “That was all.”\n\n“You forgot your coat,” "
            "Megan Pryce told her.\n\n“I forgot my coat,” she agreed, smiling.",
            "I forgot my coat", "Wenna Trask-Oyelaran", id="the-one-told-answers",
        ),
        pytest.param(
            "“I carved the first one in 1981,” said Ottilie Brandvold-Seng. Two winters ago her left hand began to "
            "shake. Her surgeon has told her it will not get better.\n\n“So this bowl is the last,” she said.",
            "So this bowl is the last", "Ottilie Brandvold-Seng", id="the-one-a-described-person-told",
        ),
        # look-alikes: the one who spoke to a person of the other gender, or the one told by a he/she of the same
        pytest.param(
            "“I packed the dog and my pills,” Wenna Trask-Oyelaran said.\n\n“You forgot your coat,” Dafydd Pryce told "
            "him.\n\n“I forgot nothing,” she said.",
            "I forgot nothing", "Wenna Trask-Oyelaran", id="told-him-then-she",
        ),
    ],
)
def test_the_person_spoken_to_answers(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker


_SPOKEN = "“We hit the ice at dawn,” said Vytautas Rimkus. “Nobody slept.”\n\n"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(
            _SPOKEN + "Janis Ozols thanked Anna Berzina and her crew in front of reporters on Sunday and said the "
            "boat had reached the floe only because the wind dropped. “We were lucky with the weather,” he said.",
            "We were lucky", "Janis Ozols", id="her-after-an-object-named-is-the-object-s",
        ),
        # look-alikes: a her with no person named before it is still the subject's (a woman named Janis here)
        pytest.param(
            _SPOKEN + "Janis Ozols said in front of reporters on Sunday that her crew had reached the floe only "
            "because the wind dropped. “We were lucky with the weather,” he said.",
            "We were lucky", "Vytautas Rimkus", id="her-after-no-object",
        ),
        pytest.param(
            _SPOKEN + "Janis Ozols thanked the rescuers and her crew in front of reporters on Sunday and said the "
            "boat had reached the floe only because the wind dropped. “We were lucky with the weather,” he said.",
            "We were lucky", "Vytautas Rimkus", id="her-after-an-object-not-named",
        ),
    ],
)
def test_a_his_or_her_after_an_object_says_nothing_of_the_subject(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker


_RADIO = "“I packed the dog and my pills,” Wenna Trask-Oyelaran said on the radio. “That was all.”\n\n"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(
            _RADIO + "“Why did nobody come sooner?” Megan Pryce asked.\n\n“Honestly? Nobody called us,” she said.",
            "Nobody called us", "Wenna Trask-Oyelaran", id="the-one-interviewed-answers",
        ),
        # look-alike: the one who spoke before asks, and goes on
        pytest.param(
            _RADIO + "“Why did nobody come sooner?” Wenna Trask-Oyelaran asked.\n\n“Nobody called us,” she said.",
            "Nobody called us", "Wenna Trask-Oyelaran", id="a-question-of-the-one-speaking",
        ),
    ],
)
def test_a_question_is_answered_by_the_one_asked(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker


def test_a_he_or_she_is_not_two_people_heard_together() -> None:
    doc = load_pipeline()("Ivo Tarn spoke first. Later Ivo Tarn and Per Lind agreed on a plan. He left early.")
    r = SpeakerResolver(doc)
    r.note(2, Speaker("Ivo Tarn", "person"))
    r.note(next(t.i for t in doc if t.text == "agreed"), Speaker("Ivo Tarn and Per Lind", "person"))
    assert person_antecedent(r, next(t for t in doc if t.text == "He"), "m").name == "Ivo Tarn"


_OKAFOR = "“The rules are clear,” Per Okafor said on Monday. "


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(
            _OKAFOR + "Justice Minister Ana Lind has the final say on whether Mira Tarn faces charges, and though she "
            "has said she will follow the prosecutors, the decision is hers.",
            "she will follow the prosecutors", "Ana Lind", id="the-main-clause-s-subject-over-a-clause-s",
        ),
        # look-alike: the one person a subject, inside a clause, with no person the main clause's subject
        pytest.param(
            _OKAFOR + "The court ruled on Friday that Mira Tarn must repay the grant. She said she would appeal.",
            "she would appeal", "Mira Tarn", id="a-clause-s-subject-alone",
        ),
    ],
)
def test_the_main_clause_s_subject_comes_first(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker


_LEAVE = ("“Leave is a right,” said Vera Okafor, a professor of ethics.\n\nIn addition to paid leave, {0} also advises "
          "her father on equal pay.\n\n“Women are paid equally for the work that we do,” she said at the convention.")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(_LEAVE.format("aides say Mira Tarn-Oduya"), "Women are paid", "Mira Tarn-Oduya",
                     id="the-subject-of-unnamed-sources-words"),
        # look-alike: a person named said it, and stays the one in view
        pytest.param(_LEAVE.format("Okafor said Mira Tarn-Oduya"), "Women are paid", "Vera Okafor",
                     id="the-words-of-someone-named"),
    ],
)
def test_the_subject_of_reported_words_when_no_one_named_spoke(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker


_RULING = ("Judge Tomas Elgar-Whitcombe ruled for the widow on Friday.\n\n“We will appeal,” said Ivo Drummond, who "
           "represents the brothers.\n\n{0}\n\n“{1},” he said.")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(_RULING.format("The judge, in a passage read aloud, addressed the brothers directly.",
                                    "I do not doubt that you loved your father. But love is not the test"),
                     "I do not doubt", "Tomas Elgar-Whitcombe", id="a-role-before-a-quotation-of-two-sentences"),
        # look-alikes: a quotation of one sentence (as before); no role before the quotation (the one who spoke)
        pytest.param(_RULING.format("The judge, in a passage read aloud, addressed the brothers directly.",
                                    "Love is not the test"),
                     "Love is not the test", "Tomas Elgar-Whitcombe", id="a-role-before-a-quotation-of-one"),
        pytest.param(_RULING.format("The hearing went on for another hour.",
                                    "I do not doubt that you loved your father. But love is not the test"),
                     "I do not doubt", "Ivo Drummond", id="no-role-before-the-quotation"),
    ],
)
def test_the_role_subject_before_the_quotation_a_he_or_she_ends(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker


_AIDE = ("Senator Ana Lind-Moreau spoke in Lakeview on Monday.\n\n“There is no doubt that she is ambitious,” said "
         "Ivo Brandt-Kessler, a former aide to Governor Tomas Quell{0} “She is trying to set a path for the party,” "
         "he said.")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(_AIDE.format(" who has known Lind-Moreau for two decades."), "She is trying", "Ivo Brandt-Kessler",
                     id="a-name-in-the-speaker-s-description"),
        # look-alikes: the other man the subject of a sentence of his own, or of a clause joined to the speaker's
        pytest.param(_AIDE.format(".\n\nQuell, who has known Lind-Moreau for two decades, disagreed."), "She is trying",
                     "Tomas Quell", id="a-name-with-a-sentence-of-its-own"),
        pytest.param(_AIDE.format(", and Quell has known Lind-Moreau for two decades."), "She is trying", "Tomas Quell",
                     id="a-name-in-a-clause-joined-to-the-speaker-s"),
    ],
)
def test_a_name_in_the_speaker_s_description_is_no_newer_subject(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker


_FINAL = ("Lakeview won the final 26-19 on Sunday.\n\n{0} said his talk at the break had been short. “I told them two "
          "things,” he said.\n\nThe other side’s player-coach, Tavita Oyelaran-Reese, was blunt. “We played one good "
          "half,” he said.")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(_FINAL.format("The coach, Ewan MacOdrum,"), "I told them two things", "Ewan MacOdrum",
                     id="a-family-name-with-a-capital-inside-beside-a-role"),
        # look-alikes: a family name written plainly; a firm whose first word has a capital inside, beside a role
        pytest.param(_FINAL.format("The coach, Ilario Brennan,"), "I told them two things", "Ilario Brennan",
                     id="a-plain-family-name-beside-a-role"),
        pytest.param("Lakeview lost its last ferry on Sunday.\n\nThe owner, MacOdrum Marine, said it would close in "
                     "May.", "it would close", None, id="a-firm-with-a-capital-inside-beside-a-role"),
    ],
)
def test_a_name_with_a_capital_inside_beside_a_role_is_a_person_s(text: str, content: str, speaker: str | None) -> None:
    assert speaker_of(text, content) == speaker
