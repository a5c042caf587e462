"""Court documents as sources: a judgment or a ruling speaks for the judge who gave it."""

from __future__ import annotations

from onrecord.attribution.resolution.mention import Mention
from onrecord.attribution.resolution.names import Speaker
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import JUDGMENT_NOUNS


@rule(
    "speakers.judge-of-judgment",
    ("Judge Ivo Marrick dismissed the claim on Friday. “The email speaks for itself,” the judgment says.",
     "Ivo Marrick"),
    ("A chef was unfairly dismissed, a tribunal has ruled, in a judgment that calls the inquiry “a formality.” The "
     "chef, Tariq Abel, had run the kitchen for six years. Employment Judge Ana Lind-Oduya found that the decision "
     "had been taken in advance.", "Ana Lind-Oduya"),
)
def judge_of_judgment(case: Mention) -> Speaker | None:
    """A judgment or a ruling that no one is said to have given (not "his ruling", "the court's judgment"): the
    one judge the article names, before or after it ("in a judgment that describes ..." in the opening, the judge
    named paragraphs later); nobody when it names several."""
    if case.lemma not in JUDGMENT_NOUNS or case.phrase_ents:
        return None
    judges = list(dict.fromkeys(name for _, name in case.resolver.index.roles.get("judge", ())))
    return Speaker(judges[0], "person", case.description) if len(judges) == 1 else None


__all__ = ["judge_of_judgment"]
