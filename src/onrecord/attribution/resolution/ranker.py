"""A learned ranker over who a "he", "she", a role noun or a bare surname is, weighed against the rules' answer.

A careful reader weighs many cues at once: who the paragraph is about, who spoke last, the grammatical subject,
gender, distance, whether the person was just quoted, whether the role fits the person. The speaker rules take
the first that decides. Here each candidate (a person the article's index names before the mention, or one of the
next two named just after it, or one who already spoke) gets cheap features of those cues, and a logistic
regression scores them; the features include whether the rules chose the candidate, so the model learns when to
trust them. ``tools/train_speaker_ranker.py`` trains it on the resolved speaker golds and writes
``onrecord/data/speaker_ranker.json``; here it is only read and applied (a dot product per candidate).

Only the mention kinds for which grouped cross-validation showed the ranker beating the rules are ranked, only
where the rules chose a named person (the training pairs all have a named gold speaker: the model never learnt
when a source names nobody), and only when the best candidate outscores the rules' choice by the model's margin:
elsewhere the rules' answer stays.
"""

from __future__ import annotations

import bisect
import json
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from onrecord.attribution.resolution.names import Speaker, honorific_gender, surname
from onrecord.attribution.resolution.syntax import compound_start, role_key
from onrecord.lexicon.en import DOCUMENT_NOUNS, GENDERED_ROLES, ORGANISATION_HEADS

if TYPE_CHECKING:
    from onrecord.attribution.resolution.mention import Mention
    from onrecord.attribution.resolution.resolver import SpeakerResolver

#: The mention kinds the ranker can weigh.
KINDS = ("pronoun", "role", "surname")
#: How many people named just after the mention are candidates too (a lede's cataphora), and how near.
_AFTER = 2
_AFTER_TOKENS = 60
#: At most this many candidates, the most recently named first.
_MAX_CANDIDATES = 12
_PRONOUN_GENDER = {"he": "m", "she": "f"}


@dataclass(frozen=True, slots=True)
class RankerModel:
    """Logistic-regression weights by feature name, the kinds it may decide and its margin over the rules."""

    weights: dict[str, float]
    kinds: frozenset[str]
    margin: float

    def probability(self, features: dict[str, float]) -> float:
        z = self.weights.get("bias", 0.0) + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_ranker() -> RankerModel | None:
    """The packaged model, or None when the package was built without one."""
    try:
        raw = resources.files("onrecord.data").joinpath("speaker_ranker.json").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    data = json.loads(raw)
    return RankerModel(dict(data["weights"]), frozenset(data["kinds"]), float(data["margin"]))


@dataclass(frozen=True, slots=True)
class Ranked:
    """One ranked mention, as recorded for training: where it is, its kind, the candidates, the rules' choice."""

    start: int  # the mention's characters
    end: int
    kind: str
    names: tuple[str, ...]
    features: tuple[dict[str, float], ...]
    rules: str | None


_RECORDING: ContextVar[list[Ranked] | None] = ContextVar("onrecord_ranker_recording", default=None)


@contextmanager
def recording() -> Iterator[list[Ranked]]:
    """Record every ranked mention (its candidates and features) while the block runs: the training data."""
    out: list[Ranked] = []
    token = _RECORDING.set(out)
    try:
        yield out
    finally:
        _RECORDING.reset(token)


def is_recording() -> bool:
    return _RECORDING.get() is not None


def mention_kind(case: Mention) -> str | None:
    """"pronoun" (he, she), "role" (a definite singular role noun: "the admiral"), "surname" (one known family
    name alone), or None: a mention the ranker does not weigh."""
    head = case.head
    if len(case.source) == 1 and head.lower_ in _PRONOUN_GENDER:
        return "pronoun"
    if case.head_name and len(case.head_name.split()) == 1 \
            and surname(case.head_name) in case.resolver.index.by_surname:
        return "surname"
    if head.is_lower and head.tag_ in ("NN", "NNP") and case.definite and not case.ents and not head.ent_type_ \
            and head.lower_ not in ORGANISATION_HEADS and head.lemma_.lower() not in DOCUMENT_NOUNS:
        return "role"
    return None


class ArticleView:
    """What the ranker reads of one article, computed once: each person mention's fullest name, sentence and
    paragraph."""

    def __init__(self, r: SpeakerResolver) -> None:
        doc, index = r.doc, r.index
        self.sent_starts = [s.start for s in doc.sents]
        breaks = [i for i, t in enumerate(doc) if "\n" in t.text or "\n" in t.whitespace_]
        self.breaks = breaks  # tokens after which a paragraph ends
        full: dict[str, str] = {}
        self.mentions: list[tuple[int, str, bool]] = []  # (token, fullest name, subject), in text order
        for i, name, subject in index.persons:
            if name not in full:
                full[name] = index.fullest(name)
            self.mentions.append((i, full[name], subject))
        self.tokens = [m[0] for m in self.mentions]

    def sentence(self, i: int) -> int:
        return bisect.bisect_right(self.sent_starts, i)

    def paragraph(self, i: int) -> int:
        return bisect.bisect_left(self.breaks, i)

    def opens_paragraph(self, i: int) -> bool:
        p = self.paragraph(i)
        return (self.breaks[p - 1] + 1 if p else 0) >= i - 2


def _gender_of(case: Mention, kind: str) -> str | None:
    head = case.head
    if kind == "pronoun":
        return _PRONOUN_GENDER[head.lower_]
    if kind == "role":
        return GENDERED_ROLES.get(head.lower_)
    return honorific_gender(case.resolver.doc, compound_start(head))


def candidates(case: Mention, view: ArticleView, rules: str | None) -> dict[str, list[tuple[int, bool]]]:
    """Each candidate's mentions (token, subject): everyone named before the mention, the next few named just
    after it, every person who already spoke, and the rules' choice."""
    at = case.whole.start
    k = bisect.bisect_left(view.tokens, at)
    found: dict[str, list[tuple[int, bool]]] = {}
    for i, name, subject in view.mentions[:k]:
        found.setdefault(name, []).append((i, subject))
    named_before = len(found)
    for i, name, subject in view.mentions[k:]:
        if i >= case.whole.end and (name in found or len(found) < named_before + _AFTER) and i - at <= _AFTER_TOKENS:
            found.setdefault(name, []).append((i, subject))
    for i, s in case.resolver.recent:
        if i < at and s.kind == "person" and s.name and s.name not in found:
            found[s.name] = []
    if len(found) > _MAX_CANDIDATES:  # the most recently named
        last = sorted(found, key=lambda n: max((i for i, _ in found[n] if i < at), default=-1), reverse=True)
        found = {n: found[n] for n in last[:_MAX_CANDIDATES]}
    if rules is not None and rules not in found:
        found[rules] = []
    return found


Rows = list[dict[str, float]]


def features(case: Mention, kind: str, rules: str | None, view: ArticleView) -> tuple[list[str], Rows]:
    """The candidates and each one's features."""
    r, at = case.resolver, case.whole.start
    found = candidates(case, view, rules)
    sent, para = view.sentence(at), view.paragraph(at)
    spoke = [s.name for i, s in r.recent if i < at and s.kind == "person" and s.name]
    last = spoke[-1] if spoke else None
    before_last = next((n for n in reversed(spoke) if n != last), None)
    gender = _gender_of(case, kind)
    role = {n for _i, n in r.index.roles.get(role_key(case.head), ())} if kind == "role" else set()
    said = surname(case.head_name) if kind == "surname" and case.head_name else None
    recency = sorted(found, key=lambda n: max((i for i, _ in found[n] if i < at), default=-1), reverse=True)
    names, rows = [], []
    for name, ms in found.items():
        before = [(i, s) for i, s in ms if i < at]
        after = [i for i, _ in ms if i >= case.whole.end]
        near = before[-1][0] if before else None
        g = r.index.gender(name, listed=True)
        f = {
            "rules": float(name == rules),
            "no_before": float(near is None),
            "log_tokens": math.log1p(at - near) if near is not None else 0.0,
            "sentences": float(min(20, sent - view.sentence(near))) if near is not None else 0.0,
            "paragraphs": float(min(10, para - view.paragraph(near))) if near is not None else 0.0,
            "last_subject": float(bool(before) and before[-1][1]),
            "subject_here": float(any(s and view.sentence(i) == sent for i, s in before)),
            "subject_prev": float(any(s and view.sentence(i) == sent - 1 for i, s in before)),
            "opens_para": float(any(view.paragraph(i) >= para - 1 and view.opens_paragraph(i) for i, _ in before)),
            "last_speaker": float(name == last),
            "speaker_before": float(name == before_last),
            "quoted": math.log1p(spoke.count(name)),
            "mentioned": math.log1p(len(before)),
            "recency": float(min(5, recency.index(name))),
            "named_here": float(any(view.sentence(i) == sent and not s for i, s in before)),
            "after_only": float(not before and bool(after)),
            "gender_agrees": float(gender is not None and g == gender),
            "gender_clashes": float(gender is not None and g is not None and g != gender),
            "role_fits": float(name in role),
            "surname_fits": float(said is not None and surname(name) == said),
            "subject_para": float(any(s and view.paragraph(i) == para for i, s in before)),
        }
        names.append(name)
        rows.append(f)
    _compare(names, rows, rules, len(spoke))
    return names, [f | {f"{kind}:{key}": value for key, value in f.items()} for f in rows]  # each kind its own way


def _compare(names: list[str], rows: Rows, rules: str | None, spoken: int) -> None:
    """Features that set a candidate against the others: the most quoted and most mentioned so far, the share of
    the statements so far, more quoted or named more recently than the rules' choice."""
    if not rows:
        return
    top_quoted = max(f["quoted"] for f in rows)
    top_mentioned = max(f["mentioned"] for f in rows)
    held = rows[names.index(rules)] if rules in names else None
    for f in rows:
        f["most_quoted"] = float(f["quoted"] > 0 and f["quoted"] == top_quoted)
        f["most_mentioned"] = float(f["mentioned"] > 0 and f["mentioned"] == top_mentioned)
        f["quote_share"] = (math.expm1(f["quoted"]) / spoken) if spoken else 0.0
        f["quoted_over_rules"] = f["quoted"] - held["quoted"] if held is not None else 0.0
        f["nearer_than_rules"] = float(held is not None and f["recency"] < held["recency"])


def view_of(r: SpeakerResolver) -> ArticleView:
    if r.ranker_view is None:
        r.ranker_view = ArticleView(r)
    return r.ranker_view


def rank(case: Mention, by_rules: Callable[[], Speaker | None]) -> Speaker | None:
    """The ranker's answer where it overrules the rules' answer (``by_rules``, asked only for a mention the
    ranker weighs) for this mention, else None (and, while :func:`recording`, the mention's candidates are
    recorded whatever the answer)."""
    kind = mention_kind(case)
    model = load_ranker()
    recorded = _RECORDING.get()
    if kind is None or (recorded is None and (model is None or kind not in model.kinds)):
        return None
    rules = by_rules()
    chosen = rules.name if rules is not None and rules.kind == "person" else None
    names, rows = features(case, kind, chosen, view_of(case.resolver))
    if recorded is not None:
        recorded.append(Ranked(case.whole.start_char, case.whole.end_char, kind, tuple(names), tuple(rows), chosen))
        return None
    if chosen is None or model is None:  # (it re-chooses among people: never names one the rules left unnamed)
        return None
    scores = [model.probability(f) for f in rows]
    best = max(range(len(names)), key=scores.__getitem__)
    held = scores[names.index(chosen)] if chosen in names else 0.0
    if names[best] != chosen and scores[best] >= 0.5 and scores[best] - held > model.margin:
        return Speaker(names[best], "person")
    return None
