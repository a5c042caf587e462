"""The learned cue model: features of (cue word, dependent) pairs on a hand-built parse, and the packaged
weights' behaviour on clear cases."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from onrecord.attribution.cuemodel import (
    CueModel,
    WordFeatures,
    candidate_pairs,
    load_cue_model,
    pair_features,
    subject_kind,
)

VOCAB = spacy.blank("en").vocab


def said_that() -> Doc:
    """Brun said that the pier had closed."""
    words = ["Brun", "said", "that", "the", "pier", "had", "closed", "."]
    return Doc(
        VOCAB, words=words, spaces=[True] * 6 + [False, False],
        pos=["PROPN", "VERB", "SCONJ", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
        tags=["NNP", "VBD", "IN", "DT", "NN", "VBD", "VBN", "."],
        deps=["nsubj", "ROOT", "mark", "det", "nsubj", "aux", "ccomp", "punct"],
        heads=[1, 1, 6, 4, 6, 6, 1, 1],
        lemmas=["Brun", "say", "that", "the", "pier", "have", "close", "."],
        ents=["B-PERSON", "O", "O", "O", "O", "O", "O", "O"],
    )


def test_features_describe_the_pair() -> None:
    doc = said_that()
    feats = pair_features(doc[1], doc[6], doc[0], quoted=False)
    assert "ld=say/VERB|ccomp" in feats
    assert "lds=say/VERB|ccomp|person" in feats
    assert "m=that|ccomp" in feats
    assert "q=False" in feats and "bias" in feats


def test_subject_kinds() -> None:
    doc = said_that()
    assert subject_kind(doc[0]) == "person"
    assert subject_kind(doc[4]) == "noun"
    assert subject_kind(None) == "none"


def test_candidate_pairs_take_content_dependents_only() -> None:
    doc = said_that()
    pairs = list(candidate_pairs(doc, lambda w: doc[0] if w.i == 1 else None, lambda char: False))
    assert [(w.text, c.text) for w, c, _ in pairs] == [("said", "closed")]


def test_probability_is_a_logistic_of_the_summed_weights() -> None:
    model = CueModel(weights={"bias": -1.0, "a": 1.0}, threshold=0.5)
    assert model.probability(["bias", "a"]) == 0.5
    assert model.probability(["bias"]) < 0.5 < model.probability(["a"])
    assert 0.0 < model.probability(["bias"] * 1000) < 1e-9  # clipped, no overflow


def test_the_packaged_model_accepts_clear_cues_and_rejects_clear_non_cues() -> None:
    model = load_cue_model()
    assert model is not None and 0.0 < model.threshold < 1.0
    doc = said_that()
    assert model.probability(pair_features(doc[1], doc[6], doc[0], quoted=False)) > model.threshold
    # "Brun had the pier" -- possession is no attribution
    words = ["Brun", "had", "the", "pier", "."]
    have = Doc(VOCAB, words=words, pos=["PROPN", "VERB", "DET", "NOUN", "PUNCT"], tags=["NNP", "VBD", "DT", "NN", "."],
               deps=["nsubj", "ROOT", "det", "dobj", "punct"], heads=[1, 1, 3, 1, 1],
               lemmas=["Brun", "have", "the", "pier", "."], ents=["B-PERSON", "O", "O", "O", "O"])
    assert model.probability(pair_features(have[1], have[3], have[0], quoted=False)) < model.threshold


def test_the_words_own_features_and_the_marker_before_the_dependent() -> None:
    """The word's negation, modal and possessor flags come from its children; the dependent's marker is one
    before it ("that"), never a word after it (read once per word, on the children before the dependent)."""
    # Lind would not say that it closed to .  ("to": a stray auxiliary after the clause's verb)
    words = ["Lind", "would", "not", "say", "that", "it", "closed", "to", "."]
    doc = Doc(VOCAB, words=words, spaces=[True] * 7 + [False, False],
              pos=["PROPN", "AUX", "PART", "VERB", "SCONJ", "PRON", "VERB", "PART", "PUNCT"],
              tags=["NNP", "MD", "RB", "VB", "IN", "PRP", "VBD", "TO", "."],
              deps=["nsubj", "aux", "neg", "ROOT", "mark", "nsubj", "ccomp", "aux", "punct"],
              heads=[3, 3, 3, 3, 6, 6, 3, 6, 3],
              lemmas=["Lind", "would", "not", "say", "that", "it", "close", "to", "."],
              ents=["B-PERSON", "O", "O", "O", "O", "O", "O", "O", "O"])
    feats = pair_features(doc[3], doc[6], doc[0], quoted=True)
    assert {"neg=True", "modal=True", "pass=False|ccomp", "poss=False|VERB", "m=that|ccomp", "q=True"} <= set(feats)
    no_mark = Doc(VOCAB, words=["Lind", "said", "closed", "to"], pos=["PROPN", "VERB", "VERB", "PART"],
                  tags=["NNP", "VBD", "VBD", "TO"], deps=["nsubj", "ROOT", "ccomp", "aux"], heads=[1, 1, 1, 2],
                  lemmas=["Lind", "say", "close", "to"])
    feats = pair_features(no_mark[1], no_mark[2], no_mark[0], quoted=False)
    assert {"m=-|ccomp", "neg=False", "modal=False"} <= set(feats)


def test_a_words_pairs_list_the_words_own_features_then_the_dependents() -> None:
    """The features of each pair of one word: the word's own (summed once for all its dependents by
    ``probabilities``), then those that read the dependent; ``probabilities`` gives what ``probability`` gives."""
    doc = said_that()
    words = WordFeatures(doc[1], doc[0], quoted=False)
    own = ["bias", "l=say/VERB", "s=person", "t=VBD", "h=ROOT", "lh=say/VERB|ROOT", "q=False", "neg=False",
           "modal=False", "lpass=say/VERB|False", "lt=say/VERB|VBD", "poss=False|VERB"]
    expected = {
        6: ["d=ccomp", "ld=say/VERB|ccomp", "ds=ccomp|person", "lds=say/VERB|ccomp|person", "cp=VERB|ccomp",
            "m=that|ccomp", "lm=say/VERB|that", "qd=False|ccomp|person", "pass=False|ccomp",
            "ldc=say/VERB|ccomp|close", "dc=ccomp|close", "root=True|ccomp", "sl=brun|ccomp", "hl=-|ccomp",
            "side=True|ccomp"],
        0: ["d=nsubj", "ld=say/VERB|nsubj", "ds=nsubj|person", "lds=say/VERB|nsubj|person", "cp=PROPN|nsubj",
            "m=-|nsubj", "lm=say/VERB|-", "qd=False|nsubj|person", "pass=False|nsubj",
            "ldc=say/VERB|nsubj|brun", "dc=nsubj|brun", "root=True|nsubj", "sl=brun|nsubj", "hl=-|nsubj",
            "side=False|nsubj"],
    }
    assert words.own() == own
    model = load_cue_model()
    assert model is not None
    scored = list(model.probabilities(words, [doc[i] for i in expected]))
    for (i, pair), p in zip(expected.items(), scored, strict=True):
        assert words.with_dependent(doc[i]) == pair
        assert words.pair(doc[i]) == own + pair == pair_features(doc[1], doc[i], doc[0], quoted=False)
        assert p == pytest.approx(model.probability(own + pair), abs=1e-12)
