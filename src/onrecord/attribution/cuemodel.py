"""A learned cue model: does this word, with this dependent, attribute the dependent's phrase to someone?

A logistic regression over sparse features of a (cue word, dependent) pair on the parse: the word's lemma and
part of speech, the dependency, what kind of subject the word has (a person, an organisation, a pronoun, a
document...), whether the word sits inside a quotation, its tense and negation, and their combinations.
``tools/train_cue_model.py`` trains it on PolNeAR train and writes ``onrecord/data/cue_model.json``; here it is
only read and applied (a dictionary lookup per feature), so it costs almost nothing at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat

from spacy.tokens import Token

from onrecord.lexicon.en import CUE_MODEL_DOCUMENT_NOUNS, CUE_MODEL_PERSON_PRONOUNS

#: The dependents that can carry a cue's content.
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "advcl", "prep", "acl", "attr", "oprd"})
#: Parts of speech a cue word can have.
CUE_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX"})



def subject_kind(subject: Token | None) -> str:
    """A coarse class of the cue's subject."""
    if subject is None:
        return "none"
    if subject.ent_type_ == "PERSON":
        return "person"
    if subject.ent_type_ in ("ORG", "NORP", "GPE"):
        return "org"
    if subject.pos_ == "PRON":
        return "pron-person" if subject.lower_ in CUE_MODEL_PERSON_PRONOUNS else "pron-other"
    if subject.lemma_.lower() in CUE_MODEL_DOCUMENT_NOUNS:
        return "document"
    if subject.pos_ == "PROPN":
        return "propn"
    return "noun"


def pair_features(word: Token, dependent: Token, subject: Token | None, quoted: bool) -> list[str]:
    """The features of one (cue word, dependent) pair."""
    return WordFeatures(word, subject, quoted).pair(dependent)


class WordFeatures:
    """What the features of a cue word's pairs read of the word itself (its children once), for each of its
    dependents in turn: ``WordFeatures(word, subject, quoted).pair(dependent)`` is ``pair_features``."""

    __slots__ = ("head_lemma", "lemma", "modal", "negated", "passive", "poss", "quoted", "root", "subj",
                 "subject_lemma", "word")

    def __init__(self, word: Token, subject: Token | None, quoted: bool) -> None:
        self.word = word
        self.lemma = f"{word.lemma_.lower()}/{word.pos_}"
        self.subj = subject_kind(subject)
        self.quoted = quoted
        deps = [c.dep_ for c in word.children]  # (each child's dependency read once)
        self.negated = "neg" in deps
        self.modal = "aux" in deps and any(c.dep_ == "aux" and c.tag_ == "MD" for c in word.children)
        self.passive = "auxpass" in deps or "nsubjpass" in deps
        self.poss = "poss" in deps
        self.root = word.dep_ == "ROOT"
        self.subject_lemma = subject.lemma_.lower() if subject is not None else "-"
        self.head_lemma = word.head.lemma_.lower() if word.dep_ in ("xcomp", "conj", "advcl") else "-"

    def pair(self, dependent: Token) -> list[str]:
        """The features of the pair (this word, ``dependent``)."""
        return self.own() + self.with_dependent(dependent)

    def own(self) -> list[str]:
        """The features of the pair that read the word alone (the same for each of its dependents)."""
        word, lemma, subj, quoted, passive = self.word, self.lemma, self.subj, self.quoted, self.passive
        return [
            "bias",
            f"l={lemma}",
            f"s={subj}",
            f"t={word.tag_}",
            f"h={word.dep_}",
            f"lh={lemma}|{word.dep_}",
            f"q={quoted}",
            f"neg={self.negated}",
            f"modal={self.modal}",
            f"lpass={lemma}|{passive}",
            f"lt={lemma}|{word.tag_}",
            f"poss={self.poss}|{word.pos_}",
        ]

    def with_dependent(self, dependent: Token) -> list[str]:
        """The features of the pair that read ``dependent`` too."""
        word, lemma, subj, quoted, passive = self.word, self.lemma, self.subj, self.quoted, self.passive
        dep = dependent.dep_
        mark = next((c.lower_ for c in dependent.lefts if c.dep_ in ("mark", "aux")), "-")  # (children before it)
        return [
            f"d={dep}",
            f"ld={lemma}|{dep}",
            f"ds={dep}|{subj}",
            f"lds={lemma}|{dep}|{subj}",
            f"cp={dependent.pos_}|{dep}",
            f"m={mark}|{dep}",
            f"lm={lemma}|{mark}",
            f"qd={quoted}|{dep}|{subj}",
            f"pass={passive}|{dep}",
            f"ldc={lemma}|{dep}|{dependent.lemma_.lower()}",  # "raise questions", "call for", "accuse of"
            f"dc={dep}|{dependent.lemma_.lower()}",
            f"root={self.root}|{dep}",
            f"sl={self.subject_lemma}|{dep}",
            f"hl={self.head_lemma}|{dep}",
            f"side={dependent.i > word.i}|{dep}",
        ]


@dataclass(frozen=True, slots=True)
class CueModel:
    weights: dict[str, float]
    threshold: float

    def probability(self, features: Iterable[str]) -> float:
        return _logistic(sum(map(self.weights.get, features, repeat(0.0))))

    def probabilities(self, word: WordFeatures, dependents: Iterable[Token]) -> Iterator[float]:
        """:meth:`probability` of the pair (``word``, each of ``dependents``): the word's own features summed once."""
        get = self.weights.get
        own = sum(map(get, word.own(), repeat(0.0)))
        for dependent in dependents:
            yield _logistic(own + sum(map(get, word.with_dependent(dependent), repeat(0.0))))


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_cue_model() -> CueModel | None:
    """The packaged model, or None when the package was built without one."""
    try:
        raw = resources.files("onrecord.data").joinpath("cue_model.json").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    data = json.loads(raw)
    return CueModel(weights=dict(data["weights"]), threshold=float(data["threshold"]))


def candidate_pairs(
    tokens: Iterable[Token], subject_of: Callable[[Token], Token | None], quoted: Callable[[int], bool]
) -> Iterable[tuple[Token, Token, list[str]]]:
    """Every (cue word, dependent, features) pair the model scores."""
    for word in tokens:
        if word.pos_ not in CUE_POS:
            continue
        children = [c for c in word.children if c.dep_ in CONTENT_DEPS]
        if not children:
            continue
        subject = subject_of(word)
        inside = quoted(word.idx)
        for child in children:
            yield word, child, pair_features(word, child, subject, inside)
