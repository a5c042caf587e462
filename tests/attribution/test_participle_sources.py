"""Who says what a participle of saying says, where the parser hung it away from its doer (subjects.subject_of):
on a verb inside the quotation it introduces, inside the reported clause of the verb before it, on the object of
a verb ("opened a rally blasting X"), through an adjective or adverb ("stopped short of endorsing"), or on a
subject it belongs to ("a gunman claiming allegiance to X"); and a verb's second subject after a fronted phrase
the parser made its first. Every passage is made up; the look-alikes keep the source they had."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from onrecord.attribution.subjects import subject_of
from speaking import source_by_cue


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        pytest.param(
            "Lind seemed to be ready to joke about the mishap in Ohio, telling the crowd, “Some people get a little "
            "carried away, have you noticed that?”", "telling", "Lind", id="hung-inside-its-quotation",
        ),
        pytest.param(
            "Harbour Committee Chair Ana Lind dismissed Ivo Tarn’s accusations that the Okafor campaign is violating "
            "election law through its joint fundraising deal with the committee — saying the Tarn campaign chose not "
            "to accept the same help.", "saying", "Harbour Committee Chair Ana Lind",
            id="after-the-clause-of-the-verb-s-object",
        ),
        pytest.param(
            "When Mr. Lind did take Mr. Tarn on, he did it sideways, acknowledging that Mr. Tarn had tapped into a "
            "vein but warning that his style would have repercussions.", "warning", "he",
            id="a-second-participle-hung-in-the-first-s-clause",
        ),
        pytest.param(
            "Tuesday, the Vermont senator opened a Rochester rally blasting Lind for promoting fracking in other "
            "countries while governor.", "blasting", "the Vermont senator", id="on-the-verb-s-object",
        ),
        pytest.param(
            "Tarn's campaign entered Thursday's conversation believing they have more leverage than the party's "
            "establishment figures.", "believing", "Tarn's campaign", id="on-the-object-of-a-verb-of-no-saying",
        ),
        pytest.param(
            "The former governor, who spent much of his 30-minute speech defending his administration and his "
            "response to the floods, was greeted warmly.", "defending", "who", id="through-much-of",
        ),
        pytest.param(
            "And he wants to avoid giving any grist to her opponents, recalling how the Tarn campaign exploited Mr. "
            "Lind's remark in 2008 describing Mr. Tarn's statement that he opposed the ferry as \"the biggest fairy "
            "tale I have ever seen.\"", "describing", "Mr. Lind", id="on-someone-s-remark",
        ),
        pytest.param("Don Pellow stopped short of fully endorsing Lind's criticisms.", "fully endorsing",
                     "Don Pellow", id="through-an-adverb"),
        pytest.param(
            "At the same time, Tarn has been the most aggressive in the field in denouncing the mainstream media.",
            "denouncing", "Tarn", id="through-an-adjective",
        ),
        pytest.param(
            "Ana Lind arrived in Alder four days after a locally born gunman claiming allegiance to a militant group "
            "carried out the attack.", "claiming", "a locally born gunman", id="on-a-subject",
        ),
        # look-alikes: participles of one doer; a participle on the name of the one who said it
        pytest.param(
            "I am old enough to remember President Ivo Tarn going on TV on April 18, 1977, declaring a \"moral "
            "equivalent of war\" against dependence on foreign oil, and telling Americans that \"we need to shift "
            "to plentiful peat.\"", "telling", "President Ivo Tarn", id="participles-of-one-doer",
        ),
        pytest.param(
            "“The folks who understand the game are engaged,” said Don Pellow, the party chairman for Alder County, "
            "explaining that dissatisfaction with Tarn had largely fallen away since the convention.", "explaining",
            "Don Pellow, the party chairman for Alder County", id="said-x-explaining",
        ),
    ],
)
def test_a_participle_s_source(text: str, cue: str, source: str | None) -> None:
    assert source_by_cue(text, cue) == source


def _hand_parsed(words: list[str], heads: list[int], deps: list[str], ents: list[str]) -> Doc:
    pos = ["PUNCT" if w == "," else "VERB" if d in ("ROOT", "advcl") else "PROPN" if w[0].isupper() and i > 1
           else "NOUN" if d in ("nsubj", "pobj", "dobj") else "DET" if d == "det" else "ADP" if d == "prep" else "ADV"
           for i, (w, d) in enumerate(zip(words, deps, strict=True))]
    tags = ["VBG" if w.endswith("ing") else "VBD" if d == "ROOT" else "NNP" if p == "PROPN" else "XX"
            for w, d, p in zip(words, deps, pos, strict=True)]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents,
               spaces=[w != "," and (k + 1 == len(words) or words[k + 1] != ",") for k, w in enumerate(words)])


def test_a_second_subject_after_a_fronted_phrase_is_the_verb_s() -> None:
    # "The day before, at a rally in Alder, Mr. Tarn was blunt, claiming ...": the parser made "day" a subject too
    words = ["The", "day", "before", ",", "at", "a", "rally", "in", "Alder", ",", "Mr.", "Tarn", "was", "blunt", ",",
             "claiming", "so"]
    heads = [1, 12, 1, 12, 12, 6, 4, 6, 7, 12, 11, 12, 12, 12, 12, 12, 15]
    deps = ["det", "nsubj", "advmod", "punct", "prep", "det", "pobj", "prep", "pobj", "punct", "compound", "nsubj",
            "ROOT", "acomp", "punct", "advcl", "advmod"]
    ents = ["O"] * 8 + ["B-GPE", "O", "B-PERSON", "I-PERSON"] + ["O"] * 5
    doc = _hand_parsed(words, heads, deps, ents)
    found = subject_of(doc[15])
    assert found is not None and found.text == "Mr. Tarn"


def test_a_role_and_its_name_both_made_subjects_keep_the_role() -> None:
    # look-alike: "The chair, Mira Lind, a teacher, said": the name has an apposition of its own -> the first
    words = ["The", "chair", ",", "Mira", "Lind", ",", "a", "teacher", ",", "said", "so"]
    heads = [1, 9, 9, 4, 9, 4, 7, 4, 4, 9, 9]
    deps = ["det", "nsubj", "punct", "compound", "nsubj", "punct", "det", "appos", "punct", "ROOT", "advmod"]
    ents = ["O", "O", "O", "B-PERSON", "I-PERSON"] + ["O"] * 6
    doc = _hand_parsed(words, heads, deps, ents)
    found = subject_of(doc[9])
    assert found is not None and found.root.text == "chair"
