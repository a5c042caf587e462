"""A refusal joined to the cue ends what was said: "said its money is “secured through 2030” but declined to say
what happens after" (``cues.content-tail.refusal``, a rule of :mod:`.extent`'s table ``cues.content-tail``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from onrecord.attribution.rules import rule
from onrecord.lexicon.en import REFUSING_VERBS

if TYPE_CHECKING:
    from onrecord.attribution.extent import Tail

__all__ = ["tail_refusal"]


@rule("cues.content-tail.refusal",
      ("A spokeswoman for the Lakeview Water Board said its budget is “secured through 2030” but declined to say "
       "what happens after that.", "declined"))
def tail_refusal(t: Tail) -> Tail | None:
    """"said X but declined to say Y", "said X and refused to comment further": a verb of refusing joined to the
    cue, with a "to" complement and no subject of its own, is the speaker's refusal, not more of what was said;
    the content ends before it."""
    c = t.child
    if c.dep_ != "conj" or c.lemma_.lower() not in REFUSING_VERBS or any(
            g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
        return None  # (not "…, but a judge refused to let them": someone else's refusal, in what was said)
    return t if any(g.dep_ == "xcomp" for g in c.children) else None
