"""The learned cue model: features of (cue word, dependent) pairs on a hand-built parse, and the packaged
weights' behaviour on clear cases."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from onrecord.attribution.cuemodel import CueModel, candidate_pairs, load_cue_model, pair_features, subject_kind

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
