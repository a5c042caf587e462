"""Session 33 he/she/they mechanisms, end to end with the real model: a speaker heard only in a relative clause on
someone the sentence names after its subject is an aside (the subject stays in view); a he/she that is the main
subject of the sentence before keeps its person against a name after it; an aside in brackets is no sentence the
story turns in; a story's last line that reports words is no line about its writer; the one who asked is not the
one who answers; an owner named in a clause that ended before the pronoun's is still its owner; "X, along with Y
and Z," are all three for a later "they"; "As for X, he ..." is X; a chain of he's far from the last speaker is
followed back to its person; "they" after two sentences that each introduce one person is the two of them; a role
subject the parse hung below an opening participle ("Asked later, the admiral chuckled.") is still the sentence's
subject. Every passage is made up."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

import onrecord
from onrecord.attribution.resolution.names import Speaker
from onrecord.attribution.resolution.person_antecedents import person_antecedent
from onrecord.attribution.resolution.resolver import SpeakerResolver
from onrecord.nlp import load_pipeline
from onrecord.settings import Settings

pytestmark = pytest.mark.model


def speaker_of(text: str, content: str) -> str | None:
    """The speaker of the first statement (scope ``all``) whose content holds ``content``."""
    found = [a for a in onrecord.extract(text, settings=Settings(scope="all")).attributions
             if content in text[a.content.start : a.content.end]]
    assert found, content
    return found[0].speaker


_DEBATE = ("Governor Ana Lind says she expects to win the primary on Tuesday.\n\nSpeaking on a morning show, Lind "
           "declined to attack her rivals, particularly Mayor Rosa Tarn and Senator Mia Brook, who say the governor "
           "lacks experience.\n\n")
_QUILL = ("Tomas Brenn was governor of the state in 1978.\n\nMara Quill, who said Brenn attacked her in 1978, "
          "recounted the incident on a radio show. She has said that it took place in the spring, when she met him "
          "at an event. ")
_FAR = ("“We will win this,” said Ivo Brandt, a lawmaker from the north.\n\nThe resurgence of the old rivalries, the "
        "war in the hills and the rise of the militias, along with the attacks on the border towns and the long "
        "drought in the south, have unsettled many voters in the valley this year and the year before it, and the "
        "markets have fallen for months on end while the harvests failed again and again across the plains.\n\n")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(_DEBATE + "She dismissed criticism of her debate performance, saying the crowd loved it.",
                     "criticism of her debate", "Ana Lind", id="relative-clause-speaker-is-an-aside"),
        # look-alike: nobody else is the sentence's subject, so the one heard in the relative clause stays
        pytest.param("The plan drew criticism from councillors, like Pavel Grint, who said it was rushed. “It is a "
                     "mess,” he said.", "It is a mess", "Pavel Grint", id="relative-clause-speaker-alone"),
        pytest.param(_QUILL + "She has gone public with her story again as Brenn has emerged to play a role in the "
                     "campaign of his wife, Ilse Brenn, as she pursues the nomination.\n\nOn Sunday, she disclosed "
                     "for the first time that Tomas Brenn had called her.", "Tomas Brenn had called", "Mara Quill",
                     id="main-clause-she-before-the-name"),
        # look-alike: the she comes only after the name, so the story turned to that person
        pytest.param("“We rest now,” Ana Lind said. In Mia Oduya's case, she stayed on at the clinic. “I am "
                     "worried,” she continued.", "I am worried", "Mia Oduya", id="she-after-the-name"),
    ],
)
def test_the_sentence_s_subject_stays_in_view(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param("Twelve years ago, when she was starting out, Laura Price covered the council for the Lakeview "
                     "Ledger. Her advice to young reporters is to listen.\n\n(Listen to Ana Reyes's podcast with Mia "
                     "Brook.)\n\n“I covered planning, which is hard to break into,” she said.", "I covered planning",
                     "Laura Price", id="an-aside-in-brackets"),
        # look-alike: the aside speaks of the person the he/she is
        pytest.param("Bram Tolliver spoke on a morning show on Monday. The host asked about the debt. (Although, as "
                     "with most of Tolliver's remarks, it was not clear what he meant.) A downturn, he said, “could "
                     "be a good time to borrow.”", "good time to borrow", "Bram Tolliver",
                     id="an-aside-about-the-same-person"),
        pytest.param("The refugees now run a bakery on Main Street.\n\nLena Hart, director of the Hope and Me "
                     "reading program, said she encourages families to share recipes. \"This is a way to learn in a "
                     "way that is welcoming,\" she said.", "This is a way", "Lena Hart",
                     id="a-last-line-that-reports-words-is-no-writer-line"),
        pytest.param("Mr. Dorran himself tried to draw a distinction during an interview this month, when a reporter "
                     "asked if the new deployments meant that he was reversing his pledge.\n\n“We are not going to "
                     "invade anyone,” he said.", "not going to invade", "Dorran", id="the-asker-does-not-answer"),
        # look-alike: the owner's clause ended before the pronoun's, however the parse hangs it
        pytest.param("Kira Ayto has tangled with Bram Tolliver once directly, saying she was “appalled” that he "
                     "would “disparage” the parents of a soldier. For that she drew Tolliver's ire - he called her "
                     "“weak” and said she had “zero support” in the state.", "zero support", "Bram Tolliver",
                     id="an-owner-before-the-pronoun-s-clause"),
    ],
)
def test_asides_askers_and_writers(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param("The court made it easier for cities to sue.\n\nMs. Brook, along with Judge Ivo Tarnow of the "
                     "Ninth Circuit and Pavel Grint, a law professor at Lakeview University, wrote a long assessment "
                     "of the cases. In it, they conclude that the court had shifted.", "the court had shifted",
                     "Brook, Ivo Tarnow and Pavel Grint", id="along-with"),
        pytest.param("Senator Ted Morrow trails badly in the South. As for the moderate Governor Karl Brandt -- "
                     "endorsed by both papers -- he said the small state mattered most to him.",
                     "small state mattered", "Karl Brandt", id="as-for"),
        pytest.param(_FAR + "One of the hardest things for a president to do is to calm fear, and Mr. Tarn's style "
                     "tends toward the dry, even as he is trying to be reassuring. He took over in hard times. But "
                     "he has a pulpit, and he said on Tuesday night that he intends to use it.",
                     "he intends to use it", "Tarn", id="a-chain-of-he-far-from-the-speaker"),
        # look-alike: the speaker heard just before stays
        pytest.param("“We will win this,” said Ivo Brandt, a lawmaker from the north. He took over in hard times. "
                     "But he has a pulpit, and he said on Tuesday night that he intends to use it.",
                     "he intends to use it", "Ivo Brandt", id="the-speaker-in-view"),
    ],
)
def test_groups_topics_and_chains(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param("Lakeview businessman Ivo Tarn is a member of the harbour board. His friend Pavel Grint started a "
                     "rowing club. They say the pier must stay open.", "pier must stay open",
                     "Ivo Tarn and Pavel Grint", id="they-two-introduced"),
        # look-alike: a plural subject in view is not two people
        pytest.param("Ivo Tarn is a member of the harbour board. Local fishermen packed the hall on Monday. They say "
                     "the pier must stay open.", "pier must stay open", None, id="they-not-two-people"),
    ],
)
def test_they_after_two_people_introduced(text: str, content: str, speaker: str | None) -> None:
    assert speaker_of(text, content) == speaker


def _hand_parsed(subject: str) -> Doc:
    """"Admiral Karl Voss commands the fleet. General Ivo Tarn asked him. Asked later, the <subject> chuckled. He
    said it was late." parsed as the model sometimes parses such a sentence: on the opening participle, with the
    clause after it hung below."""
    rows = [("Admiral", "PROPN", "NNP", "compound", 2, "O"), ("Karl", "PROPN", "NNP", "compound", 2, "B-PERSON"),
            ("Voss", "PROPN", "NNP", "nsubj", 3, "I-PERSON"), ("commands", "VERB", "VBZ", "ROOT", 3, "O"),
            ("the", "DET", "DT", "det", 5, "O"), ("fleet", "NOUN", "NN", "dobj", 3, "O"),
            (".", "PUNCT", ".", "punct", 3, "O"), ("General", "PROPN", "NNP", "compound", 9, "O"),
            ("Ivo", "PROPN", "NNP", "compound", 9, "B-PERSON"), ("Tarn", "PROPN", "NNP", "nsubj", 10, "I-PERSON"),
            ("asked", "VERB", "VBD", "ROOT", 10, "O"), ("him", "PRON", "PRP", "dobj", 10, "O"),
            (".", "PUNCT", ".", "punct", 10, "O"), ("Asked", "VERB", "VBN", "ROOT", 13, "O"),
            ("later", "ADV", "RB", "advmod", 13, "O"), (",", "PUNCT", ",", "punct", 13, "O"),
            ("the", "DET", "DT", "det", 17, "O"), (subject, "NOUN", "NN", "nsubj", 18, "O"),
            ("chuckled", "VERB", "VBD", "ccomp", 13, "O"), (".", "PUNCT", ".", "punct", 13, "O"),
            ("He", "PRON", "PRP", "nsubj", 21, "O"), ("said", "VERB", "VBD", "ROOT", 21, "O"),
            ("it", "PRON", "PRP", "nsubj", 23, "O"), ("was", "AUX", "VBD", "ccomp", 21, "O"),
            ("late", "ADJ", "JJ", "acomp", 23, "O"), (".", "PUNCT", ".", "punct", 21, "O")]
    lemmas = {"commands": "command", "asked": "ask", "Asked": "ask", "chuckled": "chuckle", "said": "say", "was": "be",
              "him": "he", "He": "he"}
    words = [w[0] for w in rows]
    return Doc(load_pipeline().vocab, words=words, spaces=[k + 1 < len(words) and words[k + 1] not in ".," for k in
                                                          range(len(words))],
               pos=[w[1] for w in rows], tags=[w[2] for w in rows], deps=[w[3] for w in rows],
               heads=[w[4] for w in rows], lemmas=[lemmas.get(w, w) for w in words], ents=[w[5] for w in rows],
               sent_starts=[k in (0, 7, 13, 20) for k in range(len(words))])


@pytest.mark.parametrize(
    ("subject", "speaker"),
    [
        pytest.param("admiral", "Karl Voss", id="a-role-below-an-opening-participle"),
        # look-alike: no role there, so the one who spoke last stays
        pytest.param("crowd", "Ivo Tarn", id="no-role-below-it"),
    ],
)
def test_a_role_subject_below_an_opening_participle(subject: str, speaker: str) -> None:
    doc = _hand_parsed(subject)
    r = SpeakerResolver(doc)
    r.note(10, Speaker("Ivo Tarn", "person"))
    assert person_antecedent(r, doc[20], "m").name == speaker
