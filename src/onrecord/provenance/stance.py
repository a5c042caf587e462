"""How a cue frames its content: the ``stance`` rules (docs/rules.md), asked in order, first match wins.

A question ("asked whether") and a negated cue ("did not deny") assert nothing; a denying cue ("denied",
"disputed") asserts the opposite of its content; a confirming cue ("confirmed", "admitted") asserts it. Anything
else asserts (no rule decides). The lists are the lexicon's ``denying_cues``, ``confirming_cues``, ``asking_cues``
and ``negators`` (lexicon/en/stance.toml).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

from spacy.tokens import Span

from onrecord.attribution.rules import RuleTable, rule
from onrecord.lexicon import load

_EN = load("en")
DENYING_CUES = _EN.words("denying_cues")
CONFIRMING_CUES = _EN.words("confirming_cues")
ASKING_CUES = _EN.words("asking_cues")
DIRECTIVE_CUES = _EN.words("directive_cues")
ACTING_CUES = _EN.words("acting_cues")
NEGATORS = _EN.words("negators")

#: How a cue frames its content: asserts it, denies it, grants it, asks it, demands it ("ordered the firm to lower
#: the water"), reports it as an act ("voted to close the station"), or (negated: "did not deny") neither.
CueStance: TypeAlias = Literal["assert", "deny", "confirm", "ask", "demand", "act", "unclear"]


@dataclass(frozen=True, slots=True)
class CueCase:
    """One attribution's cue and content, as the ``stance`` rules see them."""

    cue: Span | None
    content: Span
    text: str  # the content as written

    @property
    def lemma(self) -> str:
        if self.cue is None:
            return ""
        verbs = [t for t in self.cue if t.pos_ in ("VERB", "AUX", "NOUN")] or list(self.cue)
        return verbs[-1].lemma_.lower()


@rule("stance.question", ("Ana Lind asked whether the plant would close.", "ask"),
      ("“Will the plant close?” Ivo Tarn asked.", "ask"),
      ("Ana Lind would not say whether the plant would close.", "ask"))
def question(case: CueCase) -> CueStance | None:
    """A question asserts nothing: a cue of asking, content that ends with a question mark (inside the content
    or right after it: "“Did the plant close?” she asked"), or an indirect question ("declined to say whether the
    plant would close")."""
    if case.lemma in ASKING_CUES or case.text.rstrip(" ”\"'’,").endswith("?"):
        return "ask"
    if case.text.lstrip(" “\"'‘").lower().startswith("whether "):
        return "ask"
    after = case.content.doc[case.content.end: case.content.end + 2]
    if any(t.text == "?" for t in after):
        return "ask"
    return None


@rule("stance.negated-cue", ("Ana Lind did not deny that the plant will close.", "unclear"),
      ("Ivo Tarn never confirmed that the levy would rise.", "unclear"))
def negated_cue(case: CueCase) -> CueStance | None:
    """A negated cue ("did not deny", "never confirmed") neither asserts nor denies its content."""
    if case.cue is None:
        return None
    framing = DENYING_CUES | CONFIRMING_CUES
    for tok in case.cue:
        heads = [tok, *([tok.head] if tok.dep_ in ("aux", "xcomp") else [])]
        negated = any(c.dep_ == "neg" or c.lower_ in NEGATORS
                      for h in heads for c in h.children if c.i < case.content.start)
        if negated and (tok.lemma_.lower() in framing or case.lemma in framing):
            return "unclear"
    return None


@rule("stance.directive", ("The Kestrel council ordered the Tarn company to lower the water in the reservoir.",
                            "demand"),
      ("Ana Lind urged the board to keep the depot open.", "demand"))
def directive(case: CueCase) -> CueStance | None:
    """A cue of ordering or urging ("ordered the firm to lower the water", "demanded that the depot reopen") says
    what someone is to do, not what is so: it asserts nothing a report could contradict (the lexicon's
    ``directive_cues``)."""
    return "demand" if case.lemma in DIRECTIVE_CUES else None


@rule("stance.act", ("The Kestrel council voted on Monday to close the Lakeview depot.", "act"),
      ("Ana Lind sought to explain what she had told the Lakeview tenants.", "act"))
def act(case: CueCase) -> CueStance | None:
    """A cue of deciding or trying with an infinitive for content ("voted to close the station", "sought to explain
    her remarks") reports what someone did, not what they say is so: it asserts nothing a report could contradict
    (the lexicon's ``acting_cues``; "decided that the depot was unsafe" is a finding, and asserts)."""
    if case.lemma in ACTING_CUES and case.text.lstrip(" “\"'‘").lower().startswith("to "):
        return "act"
    return None


@rule("stance.called-as", ("Ana Lind dismissed the Lakeview memo as a fake.", "assert"),
      ("Ivo Tarn rejected the Lakeview audit as a draft.", "assert"))
def called_as(case: CueCase) -> CueStance | None:
    """A denying cue that says what its object is ("dismissed the memo as a fake", "rejected the audit as a
    draft") asserts that: the memo is a fake. The content is the object and what it is called."""
    if case.cue is None or case.lemma not in DENYING_CUES:
        return None
    cue = {t.i for t in case.cue}
    if any(t.lower_ == "as" and t.dep_ == "prep" and t.head.i in cue for t in case.content):
        return "assert"
    return None


@rule("stance.denying-cue", ("Ana Lind denied that the plant will close.", "deny"),
      ("Ivo Tarn disputed the memo's authenticity.", "deny"))
def denying_cue(case: CueCase) -> CueStance | None:
    """A cue of denying ("denied", "disputed", "rejected") asserts the opposite of its content."""
    return "deny" if case.lemma in DENYING_CUES else None


@rule("stance.confirming-cue", ("Ana Lind confirmed that the plant will close.", "confirm"))
def confirming_cue(case: CueCase) -> CueStance | None:
    """A cue of granting ("confirmed", "acknowledged", "admitted") asserts its content."""
    return "confirm" if case.lemma in CONFIRMING_CUES else None


CUE_STANCE_RULES: RuleTable[CueCase, str] = RuleTable(
    "stance", [question, negated_cue, directive, act, called_as, denying_cue, confirming_cue])



__all__ = ["ACTING_CUES", "ASKING_CUES", "CONFIRMING_CUES", "CUE_STANCE_RULES", "DENYING_CUES", "DIRECTIVE_CUES",
           "NEGATORS", "CueCase", "CueStance"]
