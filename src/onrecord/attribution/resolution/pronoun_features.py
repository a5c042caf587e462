"""The people a he/she may stand for, each with cheap features of salience, for a learned choice between them.

``tools/train_pronouns.py`` labels these candidates with the gold speakers and fits a linear model on them; the
features are read off the resolver's state at the moment the pronoun is resolved: the people the index names in the
window before it (of its gender, as :func:`~onrecord.attribution.resolution.person_antecedents.person_antecedent`
keeps them), the speakers found so far, and the rules' own choice.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from spacy.tokens import Token

from onrecord.attribution.quotes import quoted_at
from onrecord.attribution.resolution.index import PersonMention
from onrecord.attribution.resolution.names import Speaker
from onrecord.attribution.resolution.person_antecedents import PRONOUN_WINDOW, fullest_for
from onrecord.attribution.resolution.syntax import possessive_at

if TYPE_CHECKING:
    from onrecord.attribution.resolution.resolver import SpeakerResolver

#: At most this many people (the most recent) are candidates, besides the rules' choice and the last speaker.
MAX_CANDIDATES = 4


def candidates(r: SpeakerResolver, pronoun: Token, gender: str | None,
               choice: Speaker) -> list[tuple[str, dict[str, float]]]:
    """The people of the pronoun's gender in view before it, each with its features (the rules' choice among them)."""
    writer = r.first_person_writer()
    names: dict[tuple[int, str], str] = {}

    def full(i: int, name: str) -> str:
        if (i, name) not in names:
            names[(i, name)] = fullest_for(r, (i, name, False), gender, pronoun.i)
        return names[(i, name)]

    def fits(name: str) -> bool:
        g = r.index.gender(name, listed=True)
        return (gender is None or g is None or g == gender) and name != writer

    every = [m for m in ((i, full(i, n), s) for i, n, s in r.index.persons if i < pronoun.left_edge.i) if fits(m[1])]
    spoke = [(i, s.name) for i, s in r.recent if i < pronoun.i and s.kind == "person" and s.name and fits(s.name)]
    view = _View(r, pronoun, gender, every, spoke, choice)
    order: list[str] = []
    for _, name, _ in reversed([m for m in every if m[0] >= view.window_start]):
        if name not in order:
            order.append(name)
    order = order[:MAX_CANDIDATES]
    for extra in (view.last_speaker, choice.name if choice.kind == "person" else None):
        if extra is not None and extra not in order:
            order.append(extra)
    return [(name, view.features(rank, name)) for rank, name in enumerate(order)]


class _View:
    """What the features of one he/she's candidates read: the people before it, the speakers, the rules' choice."""

    def __init__(self, r: SpeakerResolver, pronoun: Token, gender: str | None, every: list[PersonMention],
                 spoke: list[tuple[int, str]], choice: Speaker) -> None:
        self.r, self.pronoun, self.gender, self.choice = r, pronoun, gender, choice
        self.every, self.spoke = every, spoke
        self.window_start = max(0, pronoun.sent.start - PRONOUN_WINDOW)
        self.last_speaker = spoke[-1][1] if spoke else None
        self.sent_start = pronoun.sent.start
        self.prev_start = r.doc[self.sent_start - 1].sent.start if self.sent_start > 0 else 0
        self.para_start = r.text.rfind("\n", 0, pronoun.idx) + 1
        self.quoted = r.index.inside(pronoun.idx) or quoted_at(r.text, pronoun.idx)
        self.subject = pronoun.dep_ in ("nsubj", "nsubjpass")
        self.first_named = every[0][1] if every else None

    def features(self, rank: int, name: str) -> dict[str, float]:
        doc = self.r.doc
        mine = [m for m in self.every if m[1] == name]
        near = [m for m in mine if m[0] >= self.window_start]
        last = mine[-1] if mine else None
        said = [i for i, n in self.spoke if n == name]
        at = max([last[0] if last else -1] + said[-1:])
        return {
            "rule": float(self.choice.name == name),
            "rank0": float(rank == 0), "rank1": float(rank == 1), "rank2": float(rank >= 2 and bool(near)),
            "outside_window": float(not near),
            "log_dist": math.log1p(self.pronoun.i - at) if at >= 0 else 6.0,
            "same_sent": float(last is not None and last[0] >= self.sent_start),
            "prev_sent": float(last is not None and self.prev_start <= last[0] < self.sent_start),
            "same_para": float(last is not None and doc[last[0]].idx >= self.para_start),
            "last_subject": float(last is not None and last[2]),
            "any_subject": float(any(m[2] for m in near)),
            "prev_subject": float(any(m[2] and self.prev_start <= m[0] < self.sent_start for m in mine)),
            "possessive": float(last is not None and possessive_at(doc, last[0])),
            "log_mentions": math.log1p(len(near)),
            "log_doc_mentions": math.log1p(len(mine)),
            "last_speaker": float(name == self.last_speaker),
            "log_spoke": math.log1p(len(said)),
            "spoke_in_para": float(any(doc[i].idx >= self.para_start for i in said)),
            "gender_known": float(self.gender is not None and self.r.index.gender(name) == self.gender),
            "first_named": float(name == self.first_named),
            "q_last_speaker": float(self.quoted and name == self.last_speaker),
            "q_rank0": float(self.quoted and rank == 0),
            "s_last_subject": float(self.subject and last is not None and last[2]),
        }
