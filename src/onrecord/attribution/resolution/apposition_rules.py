"""Roles with a name in apposition that the parse did not put in the role's phrase ("The club's chair, Mira Lind,
a teacher, said": the parse made "Lind" a second subject)."""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.attribution.resolution.mention import Mention
from onrecord.attribution.resolution.names import Speaker, clean_name, name_like, surname
from onrecord.attribution.resolution.syntax import compound_start, person_noun
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import DAY_WORDS, DOCUMENT_NOUNS, FAMILY_HEADS, ORGANISATION_HEADS


@rule("speakers.role-named-in-apposition", (
    "The club met on Monday. The club's chair, Mira Oduya-Lind, a retired teacher who lives nearby, said she "
    "would stay.", "Mira Oduya-Lind"), (
    "“She is calm,” said Captain Ivo Tarn. A deckhand who sailed with her in the south, Ana Lind-Okoro, put it "
    "differently: “She is the only chief who can row.”", "Ana Lind-Okoro"))
def role_named_in_apposition(case: Mention) -> Speaker | None:
    """A person's role (or any singular lower-case noun but a document's or an organisation's, with a person's
    name) with a name in apposition is the person named, not another with that role, where the parse made the
    name a second subject ("The club's chair, Mira Lind, a teacher, said") or left it out of the phrase.
    (A name beside a role that the recogniser took for an organisation's is read as a person's before any rule:
    :func:`onrecord.attribution.resolution.people.people_by_evidence`.)"""
    head, r = case.head, case.resolver
    if head.pos_ != "NOUN" or case.lemma in DOCUMENT_NOUNS | ORGANISATION_HEADS:
        return None
    named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is None:
        named = second_subject(head)
        named = named if named is not None and named.pos_ == "PROPN" else None
    unlisted = named is not None and named.ent_type_ == "PERSON" and head.tag_ == "NN" and head.is_lower
    if named is None or not (person_noun(case.lemma) or unlisted):
        return None  # (a role the lexicon does not list, "a lifeboat coxswain, Ana Lind,": by the person named)
    name = clean_name(r.doc[compound_start(named) : named.i + 1].text)
    if len(name.split()) >= 2 and name_like(name) and surname(name) in r.index.by_surname:
        return Speaker(r.index.fullest(name), "person")
    return None


@rule("speakers.body-named-in-apposition", (
    "Ana Lind runs a bakery. The booking app, Tablr, said in a statement that it had removed the reviews.", "Tablr"))
def body_named_in_apposition(case: Mention) -> Speaker | None:
    """A definite noun for no person, no document and no kind of organisation the lexicon knows, with a proper
    name in apposition ("The booking app, Tablr, said"): the organisation that name is, not someone in view."""
    head, r = case.head, case.resolver
    if head.pos_ != "NOUN" or case.det != "the" or case.own or person_noun(case.lemma) or case.lemma in (
            DOCUMENT_NOUNS | FAMILY_HEADS | ORGANISATION_HEADS):
        return None
    doc = r.doc
    named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.is_title), None)
    start = compound_start(named) if named is not None else head.i + 2
    end = named.i + 1 if named is not None else next((k for k in range(start, min(start + 3, len(doc)))
                                                      if doc[k].text == ","), start)
    # (the parse may miss a coined name between commas: "The review platform, Zapply, said")
    words = doc[start:end]
    if not words or doc[start - 1].text != "," or end >= len(doc) or doc[end].text != "," or any(
            not (t.is_title and t.is_alpha) or t.lower_ in DAY_WORDS or t.ent_type_ in ("PERSON", "NORP")
            for t in words):
        return None
    name = clean_name(words.text)
    if not name or surname(name) in r.index.by_surname:
        return None  # (a person's name)
    return Speaker(r.index.fullest_org(name), "organisation", case.description)


def second_subject(head: Token) -> Token | None:
    """The phrase the parse made a second subject of the verb, right after ``head``'s phrase and a comma: an
    apposition it missed ("The club's chair, Mira Lind, a teacher, said": "Lind"), the comma the parse may have
    hung on the phrase itself ("One patient in the trial, Ana Lind, 81, said")."""
    doc, edge = head.doc, head.right_edge.i
    if edge > head.i and doc[edge].text == ",":
        edge -= 1
    after = edge + 2
    if head.dep_ != "nsubj" or after >= len(doc) or doc[after - 1].text != ",":
        return None
    return next((c for c in head.head.children if c.dep_ == "nsubj" and c.i > head.i and c.left_edge.i == after),
                None)


__all__ = ["body_named_in_apposition", "role_named_in_apposition", "second_subject"]


@rule("speakers.who-past-affiliation", (
    "“Costs will fall,” said Ivo Tarnberg, a senior analyst at Harbour Securities, who notes that the firm has "
    "vowed to cut jobs.", "Ivo Tarnberg"))
def who_past_affiliation(case: Mention) -> Speaker | None:
    """A "who" the parser hung on the body a person's role is at or with ("Ivo Tarn, a senior analyst at Harbour
    Securities, who notes"; "a pollster with the governor's former party who ..."), or on a party member's word
    ("Ana Lind, a Democrat who ..."), stands for the person named before the role, not the body or the party:
    the role stands after "a" or "an" in apposition to that person's name."""
    head = case.head
    clause = head.head
    if head.lower_ != "who" or clause.dep_ != "relcl" or not case.moves:
        return None
    noun = clause.head
    if noun.dep_ == "pobj" and noun.ent_type_ != "PERSON" and not person_noun(noun.lemma_.lower()) \
            and noun.head.dep_ == "prep" and noun.head.head.tag_ == "NN":
        role = noun.head.head  # "an analyst" of "an analyst at Harbour Securities, who"
    elif noun.pos_ == "PROPN" and noun.ent_type_ == "NORP":
        role = noun  # "a Democrat who"
    else:
        return None
    if role.dep_ != "appos" or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in role.children):
        return None
    ent = case.resolver.index.ent_of.get(role.head.i)
    return case.resolver.resolve(ent) if ent is not None and ent.label_ == "PERSON" and ent.end <= role.i else None
