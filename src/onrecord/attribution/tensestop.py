"""Whose act a verb joined to a reported clause is, by its tense: "said she would write to the board, and told its
chair that ...", "says the landlord “treated damp as a tenant's problem” and seeks damages". The parser hangs the
second verb on the reported clause; when it agrees in form with the verb of saying and cannot share the clause's
tense, it is the speaker's next act, and what the first verb says ends before it
(``cues.content-stop.cue-tense``, :mod:`.extent`).
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["in_cue_tense"]

#: What a verb that goes on with a clause of its own brings before it (a subject, an auxiliary, a "that"): then
#: it is read as the clause's. (The parser's labels; :mod:`.phrases` asks this module, so it does not import it.)
_OWN = ("nsubj", "nsubjpass", "csubj", "aux", "auxpass", "mark")


def in_cue_tense(verb: Token, cue: Token) -> bool:
    """Is ``verb``, joined to the cue's reported clause, in the cue's own finite form (a past after "said", an
    -s present after "says") where the clause's verb has another ("would write ... and told", "treated ... and
    seeks")? A verb that could share the clause's tense stays in it ("said the levy was “a tax” and hurt
    traders", "would “fight” and appeal", "had “ignored” warnings and failed to act")."""
    clause = verb.head
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or clause.dep_ != "ccomp" or clause.head.i != cue.i:
        return False
    if cue.tag_ not in ("VBD", "VBZ") or verb.tag_ != cue.tag_ or clause.i > verb.i:
        return False
    if any(c.dep_ in _OWN and c.i < verb.i for c in verb.children):
        return False
    aux = [c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.i < clause.i]
    if any(a.tag_ == "MD" for a in aux):
        return True  # ("would write ..., and told": no modal gives a past or an -s form)
    if aux:
        return False  # ("had “ignored” warnings and failed": the "had" may be shared)
    # ("says the landlord “treated …” and seeks"; not after "said": "said it “recognises …” and expected ...",
    # where a present the writer did not shift back is followed by one shifted)
    # (a past the tagger reads as a participle, with no auxiliary, is a past all the same)
    return cue.tag_ == "VBZ" and clause.tag_ in ("VBD", "VBN")
