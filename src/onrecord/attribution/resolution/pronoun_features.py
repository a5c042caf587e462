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

from onrecord.attribution.resolution.names import Speaker
from onrecord.attribution.resolution.person_antecedents import PRONOUN_WINDOW, fullest_for, quoted_at
from onrecord.attribution.resolution.syntax import possessive_at

if TYPE_CHECKING:
    from onrecord.attribution.resolution.resolver import SpeakerResolver

#: At most this many people (the most recent) are candidates, besides the rules' choice and the last speaker.
MAX_CANDIDATES = 4


def candidates(r: SpeakerResolver, pronoun: Token, gender: str | None,
               choice: Speaker) -> list[tuple[str, dict[str, float]]]:
    """The people of the pronoun's gender in view before it, each with its features (the rules' choice among them)."""
    doc, text = r.doc, r.text
    writer = r.first_person_writer()
    names: dict[str, str] = {}

    def full(i: int, name: str) -> str:
        key = f"{i}\t{name}"
        if key not in names:
            names[key] = fullest_for(r, (i, name, False), gender, pronoun.i)
        return names[key]

    def fits(name: str) -> bool:
        g = r.index.gender(name, listed=True)
        return (gender is None or g is None or g == gender) and name != writer

    window_start = max(0, pronoun.sent.start - PRONOUN_WINDOW)
    edge = pronoun.left_edge.i
    every = [(i, full(i, n), s) for i, n, s in r.index.persons if i < edge]
    every = [m for m in every if fits(m[1])]
    in_window = [m for m in every if m[0] >= window_start]
    spoke = [(i, s.name) for i, s in r.recent if i < pronoun.i and s.kind == "person" and s.name and fits(s.name)]
    last_speaker = spoke[-1][1] if spoke else None
    order: list[str] = []
    for _, name, _ in reversed(in_window):
        if name not in order:
            order.append(name)
    order = order[:MAX_CANDIDATES]
    for extra in (last_speaker, choice.name if choice.kind == "person" else None):
        if extra is not None and extra not in order:
            order.append(extra)
    sent_start = pronoun.sent.start
    prev_start = doc[sent_start - 1].sent.start if sent_start > 0 else 0
    para_start = text.rfind("\n", 0, pronoun.idx) + 1
    quoted = r.index.inside(pronoun.idx) or quoted_at(text, pronoun.idx)
    subject = pronoun.dep_ in ("nsubj", "nsubjpass")
    first_named = every[0][1] if every else None
    out = []
    for rank, name in enumerate(order):
        mine = [m for m in every if m[1] == name]
        near = [m for m in mine if m[0] >= window_start]
        last = mine[-1] if mine else None
        said = [i for i, n in spoke if n == name]
        at = max([last[0] if last else -1] + said[-1:])
        f = {
            "rule": float(choice.name == name),
            "rank0": float(rank == 0), "rank1": float(rank == 1), "rank2": float(rank >= 2 and bool(near)),
            "outside_window": float(not near),
            "log_dist": math.log1p(pronoun.i - at) if at >= 0 else 6.0,
            "same_sent": float(last is not None and last[0] >= sent_start),
            "prev_sent": float(last is not None and prev_start <= last[0] < sent_start),
            "same_para": float(last is not None and doc[last[0]].idx >= para_start),
            "last_subject": float(last is not None and last[2]),
            "any_subject": float(any(m[2] for m in near)),
            "prev_subject": float(any(m[2] and prev_start <= m[0] < sent_start for m in mine)),
            "possessive": float(last is not None and possessive_at(doc, last[0])),
            "log_mentions": math.log1p(len(near)),
            "log_doc_mentions": math.log1p(len(mine)),
            "last_speaker": float(name == last_speaker),
            "log_spoke": math.log1p(len(said)),
            "spoke_in_para": float(any(doc[i].idx >= para_start for i in said)),
            "gender_known": float(gender is not None and r.index.gender(name) == gender),
            "first_named": float(name == first_named),
            "q_last_speaker": float(quoted and name == last_speaker),
            "q_rank0": float(quoted and rank == 0),
            "s_last_subject": float(subject and last is not None and last[2]),
        }
        out.append((name, f))
    return out
