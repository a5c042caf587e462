"""What is someone's speaks for them: an organisation's thing ("its licensing conditions say", "their figures
show"), a person's words ("Ana Lind's remarks suggested ...")."""

from __future__ import annotations

from dataclasses import replace

from onrecord.attribution.resolution.kinds import kind_only
from onrecord.attribution.resolution.mention import Mention
from onrecord.attribution.resolution.names import Speaker, clean_name, name_like
from onrecord.attribution.resolution.syntax import compound_start, person_noun
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import (
    GROUP_PRONOUNS,
    MEDIUM_WORDS,
    ORGANISATION_HEADS,
    OWN_ACCOUNTS,
    SOCIAL_ACCOUNTS,
    SPEECH_NOUNS,
)


@rule(
    "speakers.organisations-own-words",
    ("The district council, which licenses the festival, said it had been in contact with the organisers. Its "
     "licensing conditions, published in May, say that the stage must close in high winds.", "district council"),
    ("Lakeview Power Corporation raised its prices on Monday. Its annual accounts say that the rise will pay for "
     "new pipes.", "Lakeview Power Corporation"),
)
def organisations_own_words(case: Mention) -> Speaker | None:
    """A thing an "its" or "their" says is the organisation's it stands for ("Its licensing conditions say",
    "their guidance says"): not a person ("its chairman", another rule's), not an organisation ("its board").
    The organisation is the one that spoke since the sentence before (nobody, when a person did), else the one
    named last as a subject there, outside quotations."""
    head = case.head
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ not in ("its", "their") or head.pos_ != "NOUN" or not case.moves:
        return None
    if person_noun(case.lemma) or case.lemma in ORGANISATION_HEADS or case.lemma in GROUP_PRONOUNS:
        return None
    r = case.resolver
    since = r.doc[head.sent.start - 1].sent.start if head.sent.start > 0 else 0
    last = next((s for i, s in reversed(r.recent) if since <= i < head.i), None)  # (the one that just spoke)
    if last is not None:
        return replace(last, description=case.description) if last.kind == "organisation" and last.name else None
    named = [m for m in r.index.org_mentions if since <= m[0] < head.i and m[2] and not m[3] and m[4] == "ORG"]
    return Speaker(r.index.expand(named[-1][1]), "organisation", case.description) if named else None


@rule(
    "speakers.possessors-words",
    ("Mayor Ana Lind spoke at the harbour on Monday. Lind's remarks suggested that the pier would close.", "Ana Lind"),
    ("Mark Doyle opened his campaign in Lakeview on Monday. Doyle's rhetoric on the budget portrays the council as "
     "reckless.", "Mark Doyle"),
    ("Mira Okafor met Ivo Tarn at a dinner in 2012. Tarn wanted to run for the council at the time, according to "
     "Okafor’s account.", "Mira Okafor"),
)
def possessors_words(case: Mention) -> Speaker | None:
    """What someone said, by a noun for it with its possessor named ("Lind's remarks suggested ...", "Tarn's
    caustic rhetoric portrays ...", "according to Lind's account"): the possessor, resolved in its turn. Not with
    a pronoun ("His denial contradicts the records"): such a noun points back to what was just quoted, and its
    clause is the reporter's own comment on it, which nobody is to be credited with (the rule passes; the mention
    stays unresolved)."""
    head = case.head
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or (case.lemma not in SPEECH_NOUNS and case.lemma not in OWN_ACCOUNTS) or owner.pos_ != "PROPN" \
            or not case.moves:
        return None
    found = case.resolver.resolve(case.resolver.doc[owner.left_edge.i : owner.i + 1])
    return replace(found, description=case.description) if found.name else None


@rule(
    "speakers.account-of-owner",
    ("Sarah Okafor spoke at the harbour on Monday. The next day, her Twitter account posted: “Thank you, "
     "Lakeview.”", "Sarah Okafor"),
    ("Lakeview Council closed the pier on Monday. The council's Facebook page said repairs would take a month.",
     "Lakeview Council"),
)
def account_of_owner(case: Mention) -> Speaker | None:
    """A social network's account, page or feed with its owner ("her Twitter account posted", "Lind's Facebook page
    said", "the council's Instagram feed"): the owner, resolved in its turn -- the account is the owner's own
    channel, a pronoun's as much as a name's (unlike "His denial", see possessors-words)."""
    head = case.head
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or case.lemma not in SOCIAL_ACCOUNTS or not case.moves or not any(
            c.dep_ in ("compound", "nmod", "amod") and MEDIUM_WORDS.get(c.lower_) == "post" for c in head.children):
        return None
    found = case.resolver.resolve(case.resolver.doc[owner.left_edge.i : owner.i + 1])
    return replace(found, description=case.description) if found.name else None


__all__ = ["account_of_owner", "organisations_own_words", "possessors_words"]


@rule("speakers.body-of-person", (
    "The state sued the U.S. Department of Justice in May. President Ana Lind’s DOJ said in a letter that the law "
    "was unfair.", "U.S. Department of Justice"))
def body_of_person(case: Mention) -> Speaker | None:
    """A proper noun that a person's possessive opens ("President Ana Lind's DOJ") is a body of theirs, named by
    the words after the possessive -- spelt out where the article gives it ("U.S. Department of Justice"), the
    person only its owner."""
    head, doc = case.head, case.resolver.doc
    if head.pos_ != "PROPN" or any(c.dep_ in ("appos", "conj") for c in head.children):
        return None  # ("Ivo Tarn's PAC, Harbour Crossroads,": the body named in apposition, see proper-noun)
    start = compound_start(head)
    owner = next((t for t in reversed(doc[start : head.i]) if t.dep_ == "poss" and t.ent_type_ == "PERSON"), None)
    body = clean_name(doc[owner.right_edge.i + 1 : head.i + 1].text) if owner is not None else ""
    if not body or not name_like(body) or kind_only(body):  # (a kind alone, "Tarn's PAC", names no body)
        return None
    return Speaker(case.resolver.index.expand(body), "organisation")
