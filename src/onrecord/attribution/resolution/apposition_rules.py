"""Roles with a name in apposition that the parse did not put in the role's phrase ("The club's chair, Mira Lind,
a teacher, said": the parse made "Lind" a second subject)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

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


@rule("speakers.named-beside-role", (
    "Back at the paper, I saw a man careening down the hallway pushing a mail cart.\n\nThe editor I was talking to, "
    "Ivo Tarnowski, interrupted me in mid-sentence to announce, “And… there goes the franchise.”", "Ivo Tarnowski"))
def named_beside_role(case: Mention) -> Speaker | None:
    """A person's role with a name set off beside it by a comma or a dash, as an apposition the parse did not hang
    on the role: before it ("said Ana Lind, the chairwoman of ...", "Ana Lind, the chairwoman of ..., recalled"),
    or after it and after what trails it ("The editor I was talking to, Ivo Tarn, interrupted"; "wrote the
    ambassador at the time, Ivo Tarn."); or right after it, any noun a title the mention was cut before ("Former
    Secretary of State and presidential frontrunner [Ana Lind] is calling"). The person named, not another given
    that role. Not a name the parse makes an object or a possessor ("Unlike Ana Lind, the mayor voted"), nor one
    after another person's noun ("a friend of the widow, Ana Lind": the widow)."""
    head, r = case.head, case.resolver
    if (head.pos_ == "NUM" and head.lower_ in ("one", "another")) or (head.ent_type_ == "NORP" and case.det in (
            "a", "an")) or (head.pos_ == "NOUN" and person_noun(case.lemma) and not case.own):
        # ("One of Lind's former supporters who ..., Ivo Tarn,"; "said Ivo Tarn, a Lakeview Democrat")
        named = _name_set_off(case.whole, case.source) or _name_set_off_after(case.source)
    else:
        named = None
    named = named or (_name_right_after(case.whole) if head.pos_ == "NOUN" and not case.own else None)
    if named is None:
        return None
    name = clean_name(named.text)
    if len(name.split()) < 2 or not name_like(name) or surname(name) not in r.index.by_surname:
        return None
    return Speaker(r.index.fullest(name), "person", case.description)


#: Dependencies of a name that make it something else than an apposition: an object, a possessor, a preposition's.
_NOT_APPOSED = frozenset({"dobj", "pobj", "dative", "poss", "iobj", "attr", "oprd", "conj"})
_SET_OFF = (",", "-", "—", "–")


def _person_ending(doc: Doc, start: int, end: int) -> Span | None:
    """The person entity that fills ``doc[start:end]`` exactly, set off as an apposition, or None."""
    ent = next((e for e in doc[start:end].ents if e.start == start and e.end == end), None)
    if ent is None or ent.label_ != "PERSON" or ent.root.dep_ in _NOT_APPOSED:
        return None
    return ent


def _name_set_off(whole: Span, source: Span) -> Span | None:
    """A name that closes the mention after a comma, past the role's own phrase ("The editor I was talking to, Ivo
    Tarn"), or that stands right before it with a comma ("Ana Lind, the chairwoman of ...")."""
    doc = whole.doc
    ents = [e for e in whole.ents if e.label_ == "PERSON" and e.end == whole.end and e.start > source.end]
    if ents:
        k = ents[0].start - 1
        while k > ents[0].start - 5 and doc[k].text != "," and doc[k].dep_ in ("compound", "amod"):
            k -= 1  # (a title before the name: ", former Lakeview councillor Ivo Tarn")
        before = doc[k - 1]
        if doc[k].text == "," and before.ent_type_ != "PERSON" and not person_noun(before.lemma_.lower()):
            return _person_ending(doc, ents[0].start, ents[0].end)
    k = whole.start - 1
    if k >= 1 and doc[k].dep_ == "det" and doc[k].head == whole.root:
        k -= 1  # (a mention found without its article: "Ivo Tarn, a [Lakeview Democrat]")
    if k >= 1 and doc[k].text in _SET_OFF:
        ent = next((e for e in doc[max(0, k - 5) : k].ents if e.end == k), None)
        # (the role in apposition to the name, or both hung on one verb: not "Ana Lind, the mayor said, was ...")
        if ent is not None and (whole.root.head == ent.root or (
                ent.root.dep_ in ("nsubj", "npadvmod") and ent.root.head == whole.root.head)):
            return _person_ending(doc, ent.start, ent.end)
    return None


def _name_right_after(whole: Span) -> Span | None:
    """A name right after the mention, that the role's words are a title of ("Former Secretary of State and
    presidential frontrunner [Ana Lind] is calling"): the role's noun hung on the name, or both the verb's subjects."""
    doc = whole.doc
    ent = next((e for e in doc.ents if e.start == whole.end), None)
    if ent is None or ent.label_ != "PERSON" or not (ent.start <= whole.root.head.i < ent.end or (
            whole.root.dep_ == ent.root.dep_ == "nsubj" and whole.root.head == ent.root.head)):
        return None
    return ent


def _name_set_off_after(source: Span) -> Span | None:
    """A name after the mention, a few words on past a comma, that ends its sentence or clause ("wrote the
    ambassador at the time, Ivo Tarn.")."""
    doc = source.doc
    comma = next((t.i for t in doc[source.end : min(source.end + 5, len(doc))] if t.text == ","), None)
    if comma is None or any(t.pos_ in ("VERB", "AUX") for t in doc[source.end : comma]):
        return None
    ent = next((e for e in doc.ents if e.start == comma + 1), None)
    if ent is None or ent.end >= len(doc) or doc[ent.end].text not in (".", ","):
        return None
    return _person_ending(doc, ent.start, ent.end)


__all__ = ["body_named_in_apposition", "named_beside_role", "role_named_in_apposition", "second_subject"]


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
