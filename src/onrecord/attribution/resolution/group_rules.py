"""The speaker rules for groups: parties and bodies in the plural, "both" (campaigns: campaign_rules.py).

"Democrats said", "companies say", "patient groups note": many people or bodies nobody names, so the speaker is
unnamed and the description is kept (kind anonymous); a "they" after them is that group, never the last single
person (:func:`onrecord.attribution.resolution.antecedents.plural_antecedent`); "the physicians" are the group
they were introduced as. "Both" and "both men" are the two people last named; "the agreement" is no person in
view; "Tarn" after "Tarn Research Group" is that organisation. Their order is the table's, in
:mod:`onrecord.attribution.resolution.speaker_rules`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from onrecord.attribution.resolution.antecedents import author, group_of, members, named_pair
from onrecord.attribution.resolution.mention import Mention
from onrecord.attribution.resolution.names import Speaker, listed, org_text, person_name
from onrecord.attribution.resolution.person_antecedents import PRONOUN_WINDOW
from onrecord.attribution.resolution.syntax import compound_start, counted_as_pair, is_document, person_noun
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import (
    ANONYMOUS_HEADS,
    DOCUMENT_NOUNS,
    NAME_ROLES,
    ORGANISATION_HEADS,
    SAME_PEOPLE_NOUNS,
    SELF_NAMING_VERBS,
    THING_ENDINGS,
)


@rule(
    "speakers.party-plural",
    ("The council met on Monday. Democrats said the vote was unfair.", None),
    ("The council met on Monday. Senate Republicans said the vote was unfair.", None),
)
def party_plural(case: Mention) -> Speaker | None:
    """Members of a party or a people in the plural ("Democrats said", "Senate Republicans say", "the
    Liberals argued") are many people, not one body: unnamed, the description kept."""
    head, ent = case.head, case.head_ent
    if ent is None or ent.label_ != "NORP" or head.tag_ not in ("NNPS", "NNS") or case.own:
        return None
    if head.lower_ not in case.resolver.index.by_surname and not any(c.dep_ == "appos" for c in head.children):
        # (not a family name the recogniser took for a people: "Tarns said")
        return Speaker(None, "anonymous", case.description)
    return None


@rule(
    "speakers.organisations-unnamed",
    ("Companies say the new rules would cost jobs.", None),
    ("Patient advocacy groups noted that the clinic had closed.", None),
    ("Transcarga and Nordlink Freight agreed to merge last year. The two companies said the merger would help.",
     "Transcarga and Nordlink Freight"),
    ("Lakeview Freight Co. has agreed to buy Orvane Cargo Inc. for $90 million, the companies said on Monday.",
     "Lakeview Freight Co. and Orvane Cargo Inc."),
)
def organisations_unnamed(case: Mention) -> Speaker | None:
    """Organisations in the plural that no entity in the phrase names ("companies say", "patient advocacy
    groups note", "these research firms promote"): many bodies, unnamed, the description kept; but "the two
    companies", "both firms" are the two named together before ("Transcarga and Nordlink Freight"), and "the
    companies" the two its own sentence names ("X has agreed to buy Y, the companies said"; see
    antecedents.named_pair)."""
    head = case.head
    if head.tag_ != "NNS" or not (case.lemma in ORGANISATION_HEADS or head.lower_ in ORGANISATION_HEADS):
        return None
    if any(e.label_ in ("ORG", "FAC") for e in case.phrase_ents) or case.own:
        return None
    pair = named_pair(case.resolver, head)
    return Speaker(None, "anonymous", case.description) if pair is None else replace(pair,
                                                                                     description=case.description)


@rule(
    "speakers.both-people",
    ("Sarah Lind met David Okafor in Lakeview on Monday. Both said the talks went well.",
     "Sarah Lind and David Okafor"),
    ("Sarah Lind shook hands with David Okafor after the final. “The pitch was a disgrace,” both coaches said.",
     "Sarah Lind and David Okafor"),  # (a role the two were not introduced with: see speakers.pair-by-role)
)
def both_people(case: Mention) -> Speaker | None:
    """"Both", "both men", "the two candidates", "both senators" (any person's role), "neither man": the last
    speakers named together, else the last two people named (outside quotations), in the order the article first
    names them; for "both women" ("both men") not one known to be a man (a woman), and the last two women named a
    few paragraphs back when fewer were named just before. Not "Neither" alone, more often the two just described
    ("two men ... (Neither wanted ...)")."""
    head, r = case.head, case.resolver
    pair = counted_as_pair(head)
    people = case.lemma in ANONYMOUS_HEADS or case.lemma in NAME_ROLES or person_noun(case.lemma)
    if not (head.lower_ == "both" or (pair and head.tag_ in ("NNS", "NN") and people)):
        return None
    start = max(0, head.sent.start - PRONOUN_WINDOW)
    joined = next((s for i, s in reversed(r.recent) if start <= i < head.i and s.name and " and " in s.name), None)
    if joined is not None:
        return joined
    # "both women": not a man named last, and the two women further back when fewer were named just before
    other = {"woman": "m", "man": "f"}.get(case.lemma) if pair else None
    latest: dict[str, int] = {}
    for wide in (False, True) if other else (False,):
        since = max(0, head.sent.start - 3 * PRONOUN_WINDOW) if wide else start
        latest = {}
        for i, name, _subject in r.index.persons:
            if since <= i < head.i:
                full = r.index.fullest(name, r.index.honorific.get(i))
                if other is None or r.index.gender(full) != other:
                    latest[full] = i
        if len(latest) >= 2:
            break
    two = sorted(latest, key=lambda n: latest[n])[-2:]
    if len(two) < 2 or any(len(n.split()) < 2 for n in two):
        return None
    first = {n: min((i for i, name, _s in r.index.persons if r.index.fullest(name) == n), default=latest[n])
             for n in two}
    a, b = sorted(two, key=lambda n: first[n])
    return Speaker(f"{a} and {b}", "person", case.description)


@rule(
    "speakers.named-examples",
    ("Sarah Lind has sat on the council since 2019. Critics like Lind say the plan would help the mayor.",
     "Sarah Lind"),
    ("Sarah Lind and David Okafor sit on the council. Some Democrats, such as Lind and Okafor, say the plan would "
     "help the mayor.", "Sarah Lind and David Okafor"),
)
def named_examples(case: Mention) -> Speaker | None:
    """A plural whose examples are named ("critics like Ana Lind", "some Democrats, such as Lind and Tarn"): the
    people named, the ones the reader can credit; with a name that is no person's, the plural stays a group."""
    head, r = case.head, case.resolver
    if head.tag_ not in ("NNS", "NNPS") or not case.moves:
        return None
    like = next((c for c in head.children if c.dep_ == "prep" and (c.lower_ == "like" or (
        c.lower_ == "as" and any(a.lower_ == "such" for a in c.children)))), None)
    first = next((c for c in like.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None) if like else None
    if first is None:
        return None
    found = r.resolve(r.doc[compound_start(first) : first.right_edge.i + 1])  # (the names joined: one speaker)
    return replace(found, description=case.description) if found.kind == "person" and found.name else None


@rule("speakers.family-of-named", (
    "Engineer Mira Oduya died in the fire with a colleague, Ivo Tarn. The family of Engineer Oduya said in a "
    "statement that she had loved the sea.", "family of Mira Oduya"))
def family_of_named(case: Mention) -> Speaker | None:
    """"The family of Engineer Oduya": the family, a collective named by the person it is the family of -- not
    that person, nor anyone else in view."""
    head = case.head
    if head.lower_ != "family" or not case.moves:
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    member = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None) if of else None
    if member is None:
        return None
    found = case.resolver.resolve(case.resolver.doc[compound_start(member) : member.i + 1])
    if found.kind != "person" or not found.name or " and " in found.name:
        return None
    return Speaker(f"family of {found.name}", "organisation", case.description)


@rule("speakers.cleft-it", (
    "Ana Lind spoke at the Harbour Freedom Conference in May. It was at the conference that Lind attacked the mayor "
    "in a long speech, pointing to his record on the pier.", "Ana Lind"))
def cleft_it(case: Mention) -> Speaker | None:
    """The "it" of a cleft sentence ("It was at the conference that Lind attacked the mayor, pointing to ..."),
    which stands for nothing: whoever the "that" clause has act, its subject (not the place or the event the
    sentence puts first)."""
    head, r = case.head, case.resolver
    if head.lower_ != "it" or head.dep_ != "nsubj" or head.head.lemma_ != "be" or not case.moves:
        return None
    for verb in r.doc[head.head.i + 1 : head.sent.end]:
        if verb.pos_ == "VERB" and verb.dep_ in ("relcl", "ccomp", "advcl") and any(
                c.lower_ == "that" and c.dep_ in ("dobj", "mark", "advmod") for c in verb.children):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.lower_ in ("it", "that", "which"):
                return None
            found = r.resolve(r.doc[subject.left_edge.i : subject.i + 1])
            return replace(found, description=case.description) if found.name else None
    return None


@rule("speakers.thing-described", (
    "Sarah Lind met the council on Monday. The investigation shows the port will close in May.", None))
def thing_described(case: Mention) -> Speaker | None:
    """A definite noun for a thing, an act or a state ("the investigation", "the settlement", "the
    conversation": an ending no person noun has) is not the person in view: unnamed, the description kept."""
    head = case.head
    if case.det in ("the", "this", "that") and head.tag_ in ("NN", "NNS") and head.pos_ == "NOUN" and not case.people \
            and case.lemma.endswith(tuple(THING_ENDINGS)):
        return Speaker(None, "unknown", case.description)
    return None


@rule("speakers.organisation-noun-named", (
    "The Lakeview aid group Halvard said its director was among the dead. A statement said the group was "
    "\"shocked and saddened.\"", "Halvard"))
def organisation_noun_named(case: Mention) -> Speaker | None:
    """An organisation noun with the name right after it in apposition ("the aid group Halvard", "the charity
    Tarn Trust"): the organisation so named, whatever the recogniser made of the name (a person, a place) or of the
    words before the noun ("Lakeview")."""
    head, r = case.head, case.resolver
    if head.tag_ != "NN" or not (case.lemma in ORGANISATION_HEADS or head.lower_ in ORGANISATION_HEADS):
        return None
    named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                  and compound_start(c) == head.i + 1), None)
    if named is None or not named.is_title:
        return None
    ent = r.index.ent_of.get(named.i)
    if ent is not None and ent.label_ == "ORG" and ent.start == head.i + 1:
        return Speaker(r.index.fullest_org(org_text(ent)), "organisation")
    return Speaker(r.doc[head.i + 1 : named.i + 1].text, "organisation")


@rule("speakers.organisation-short-name", (
    "Tarn Research Group counts the city's rich. Tarn said the list had grown.", "Tarn Research Group"))
def organisation_short_name(case: Mention) -> Speaker | None:
    """One word that opens the name of an organisation of the article and is the family name of no person there
    (named in full, or a he or she) ("Tarn" after "Tarn Research Group"), whatever the recogniser made of it:
    that organisation."""
    name, ix = case.head_name, case.resolver.index
    if not name or len(name.split()) != 1 or name.isupper():
        return None
    known = ix.by_surname.get(name.lower(), ())
    if any(len(n.split()) >= 2 for n in known) or (known and ix.gender(name) is not None):
        return None  # a person's family name in the article, or one that he or she refers to
    if case.head_ent is not None and case.head_ent.label_ == "PERSON" and len(case.head_ent) > 1:
        return None
    full = ix.fullest_org(name)
    return Speaker(full, "organisation") if full != name else None


@rule(
    "speakers.group-introduced",
    ("David Okafor spoke first. A group of 30 physicians wrote to the council. The physicians said the clinic was "
     "unsafe.", None),
    ("Sarah Lind spoke first. The Lakeview Clinic Alliance, a group of physicians, wrote to the council. The "
     "physicians said the clinic was unsafe.", "Lakeview Clinic Alliance"),
    ("John Miller and David Brown, the firm's co-founders, sat at the head of the table. The firm's founders insisted "
     "that they were not looking to sell.", "John Miller and David Brown"),
)
def group_introduced(case: Mention) -> Speaker | None:
    """A definite plural ("the physicians") is the group they were introduced as: the organisation of "Lakeview
    Clinic Alliance, a group of physicians", else unnamed, described as introduced ("a group of 30 physicians",
    "residents of the north end"); never the person in view."""
    head, r = case.head, case.resolver
    if not (case.definite and head.tag_ == "NNS" and head.pos_ == "NOUN") or case.people:
        return None
    if case.lemma in ORGANISATION_HEADS or case.lemma in DOCUMENT_NOUNS:
        return None
    if case.lemma == "researcher" and r.index.roles.get("author"):
        return None  # a study's researchers when its lead author is named: speakers.lead-author
    fallback: Token | None = None
    same = SAME_PEOPLE_NOUNS.get(case.lemma, case.lemma)  # ("230 doctors wrote ... the physicians said")
    for tok in reversed(r.doc[max(0, head.i - 300) : head.i]):
        lemma = tok.lemma_.lower()
        if (lemma != case.lemma and SAME_PEOPLE_NOUNS.get(lemma, lemma) != same) or tok.tag_ != "NNS" \
                or r.index.inside(tok.idx):
            continue
        if _mentioned_again(tok) and fallback is None:
            fallback = tok  # "published by the doctors": a mention again; the group was introduced before
            continue
        return _introduced_as(case, tok)
    return _introduced_as(case, fallback) if fallback is not None else None


def _mentioned_again(tok: Token) -> bool:
    """Is the plural noun a bare definite mention ("the doctors"), not the group's introduction?"""
    return [c.lower_ for c in tok.children] == ["the"]


@rule("speakers.group-named-itself", (
    "About sixty students occupied the library. The occupiers, who have named themselves Lakeview Open Science, said "
    "they would stay.", "Lakeview Open Science"))
def group_named_itself(case: Mention) -> Speaker | None:
    """A group that gives itself a name in a clause on its noun ("The occupiers, who have named themselves Lakeview
    Open Science,", "protesters calling themselves Harbour Watch"): the body of that name, not the people it was
    introduced as nor anyone in view."""
    name = self_named(case.head)
    return Speaker(name, "organisation", case.description) if name is not None else None


def self_named(noun: Token) -> str | None:
    """The name a clause on ``noun`` says it gave itself ("who have named themselves Lakeview Open Science"): the
    title-case proper nouns right after "themselves" or "itself"; else None."""
    for verb in noun.children:
        if verb.dep_ not in ("relcl", "acl") or verb.lemma_.lower() not in SELF_NAMING_VERBS:
            continue
        own = next((c for c in verb.children if c.lower_ in ("themselves", "itself")), None)
        if own is None:
            continue
        doc, end = noun.doc, own.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        if end > own.i + 1:
            return doc[own.i + 1 : end].text
    return None


def _introduced_as(case: Mention, tok: Token) -> Speaker:
    own = self_named(tok)
    if own is not None:  # ("The occupiers, who have named themselves Lakeview Open Science,": later "the occupiers")
        return Speaker(own, "organisation", case.description)
    named = _beside_names(case, tok)
    if named is not None:
        return named
    group = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok
    found = group_of(case.resolver, group if members(group) is not None else tok)
    return replace(found, description=found.description or case.description)


def _beside_names(case: Mention, tok: Token) -> Speaker | None:
    """"Ana Lind and Ivo Tarn, the firm's co-founders": the people named, joined, that the plural stands beside."""
    ents = case.resolver.index.ent_of
    people = [tok.head, *(c for c in tok.head.children if c.dep_ == "conj")] if tok.dep_ == "appos" else []
    if len(people) < 2 or any(p.i not in ents or ents[p.i].label_ != "PERSON" for p in people):
        return None
    names = [case.resolver.index.fullest(person_name(ents[p.i])) for p in people]
    return Speaker(listed(names), "person", case.description)


@rule(
    "speakers.organisation-indefinite",
    ("A climate group said the plan would fail.", None),
    ("A major climate group is demanding that candidates back clean energy. Lakeview Climate, founded by Ivo Tarn, "
     "will air an ad during the debate.", "Lakeview Climate"),
    ("Two staff members left to help start Riverwatch, a private water research firm also devoted to counting "
     "fish.", "Riverwatch"),
)
def organisation_indefinite(case: Mention) -> Speaker | None:
    """An organisation described, not named ("a major climate group", "a policy institute", "one research
    firm"): the organisation it stands in apposition to ("Lakeview Trust, a policy institute", also when the
    parse hung the phrase on a participle of its own), or the one the next sentence opens with as its subject
    when the phrase is the subject of the story's opening (a delayed lede), else unnamed, the description kept --
    the description is no organisation's name."""
    head, r = case.head, case.resolver
    if not (case.lemma in ORGANISATION_HEADS or head.lower_ in ORGANISATION_HEADS) or head.tag_ != "NN":
        return None
    if case.det not in ("a", "an", "one", "another") or case.phrase_ents or case.own:
        return None
    named = head.head if head.dep_ == "appos" else None
    ent = r.index.ent_of.get(named.i) if named is not None and named.i < head.i else None
    start = head.left_edge.i
    if ent is None and start >= 2 and r.doc[start - 1].text == ",":
        # "Riverwatch, a water research firm devoted to ...": the parse hung the phrase on a verb of its own
        ent = r.index.ent_of.get(start - 2)
        ent = ent if ent is not None and ent.end == start - 1 else None
    if ent is None:
        ent = _named_next(case)
    if ent is not None and ent.label_ == "ORG":
        return Speaker(r.index.fullest_org(org_text(ent)), "organisation", case.description)
    return Speaker(None, "anonymous", case.description)


#: How far into the text (in characters) a delayed lede's described organisation may stand.
_LEDE_CHARS = 500


def _named_next(case: Mention) -> Span | None:
    """A delayed lede: the story opens with "A major climate group is demanding ..." as its subject, and the next
    sentence opens with the organisation's name as its subject ("Lakeview Climate, founded by ..., will air an
    ad"): who the group was."""
    head, doc = case.head, case.resolver.doc
    sent = head.sent
    if head.idx > _LEDE_CHARS or head.dep_ != "nsubj" or head.head != sent.root or sent.end >= len(doc):
        return None
    after = doc[sent.end].sent
    start = next((t.i for t in after if not t.is_space), after.start)
    ent = case.resolver.index.ent_of.get(start)
    return ent if ent is not None and ent.start == start and ent.root.dep_ == "nsubj" else None


@rule("speakers.first-person-writer", (
    "Sarah Lind: The pier must stay\n\nI have walked that pier every morning for thirty years. I believe the council "
    "is wrong.", "Sarah Lind"),
    ("Editor's note: The following is an excerpt from author Ivo Marrick's new book about the harbour.\n\nThe "
     "pier was closed that winter. I walked it anyway, and I knew the council was wrong.", "Ivo Marrick"),
    ("The pier was closed that winter. I walked it anyway, and I knew the council was wrong.\n\nFrom HARBOUR "
     "DAYS by Ivo Marrick. Copyright 2025 by Ivo Marrick.", "Ivo Marrick"))
def first_person_writer(case: Mention) -> Speaker | None:
    """"I" outside any quotation is the writer of an opinion piece, when the article names them: a headline
    that opens with the name and a colon, a byline, a closing line about the writer ("Ana Lind is the mayor
    of Lakeview."), or a line presenting the text as an excerpt of their book."""
    head, r = case.head, case.resolver
    if head.lower_ not in ("i", "me") or r.index.inside(head.idx):
        return None
    writer = r.index.writer()
    return Speaker(writer, "person") if writer else None


@rule(
    "speakers.document-of-named-maker",
    ("A Lakeview Ledger poll, run with Ana Lind of Tarn Research, shows the mayor ahead.", "Lakeview Ledger"),
    ("The Kestrel Evening Times and Harbour News ran a poll. A Times/Harbour News poll in May found that Lind "
     "led.", "Kestrel Evening Times and Harbour News"),
    ("Harbor Action is spending heavily in the state. One Harbor Action ad says only Lind can beat Tarn.",
     "Harbor Action"),
)
def document_of_named_maker(case: Mention) -> Speaker | None:
    """A document named by its maker ("a Lakeview Ledger poll", "the Tarn Trust report") is that
    organisation's, whoever else the phrase names ("conducted jointly with Ana Lind of Tarn Research"); makers
    written with a slash ("a Times/Harbour News poll") are all of them, each by its fullest name."""
    head, ix = case.head, case.resolver.index
    if case.lemma not in DOCUMENT_NOUNS and not is_document(head):
        return None
    joint = _slash_makers(case)
    if joint is not None:
        return joint
    for child in head.children:
        ent = ix.ent_of.get(child.i)
        if child.dep_ == "compound" and ent is not None and ent.label_ == "ORG" and ent.end == head.i:
            return Speaker(ix.fullest_org(org_text(ent)), "organisation", case.description)
    # the maker's name written again where the recogniser did not take it for one ("One Harbor Action ad" after
    # "Harbor Action is spending ..."): the proper nouns right before the noun, when they are an organisation's
    # name the article gave before
    doc, k = head.doc, head.i - 1
    while k >= 0 and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and doc[k].dep_ == "compound" \
            and not ix.ent_of.get(k):
        k -= 1
    chain = doc[k + 1 : head.i].text
    maker = ix.expand(chain) if chain else None
    if maker in ix.org_names and any(start < head.i and name == chain for start, name, *_ in ix.org_mentions):
        return Speaker(maker, "organisation", case.description)
    return None


def _slash_makers(case: Mention) -> Speaker | None:
    """The makers a slash joins in the proper nouns right before a document's noun ("a Times/Harbour News
    poll"), each by the fullest name the article gives it (one that ends with it: "the Kestrel Evening Times"),
    as one speaker; None without a slash."""
    doc, ix, k = case.head.doc, case.resolver.index, case.head.i - 1
    while k >= 0 and ((doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper()) or doc[k].text == "/"):
        k -= 1
    words = [t.text for t in doc[k + 1 : case.head.i]]
    parts = " ".join(words).split(" / ")
    if len(parts) < 2 or any(not p.strip() or "/" in p for p in parts):
        return None
    names = []
    for part in parts:
        longer = [n for n in ix.org_names if n.split()[-len(part.split()) :] == part.split() and len(n) > len(part)]
        names.append(max(longer, key=len) if longer else ix.fullest_org(part))
    return Speaker(listed(names), "organisation", case.description)


@rule(
    "speakers.document-named-next",
    ("The debate took place as a new poll showed Lind moving ahead of Okafor, 32%-25%. The Harbour Times poll "
     "gave Lind a lead.", "Harbour Times"),
    ("A new statewide poll has found that Lind holds a narrow lead over Okafor. The poll, released on Monday by "
     "the Kestrel Institute of Public Affairs, showed Lind ahead.", "Kestrel Institute of Public Affairs"),
)
def document_named_next(case: Mention) -> Speaker | None:
    """An indefinite document nobody is said to have made ("a poll shows ...", "a new survey found ..."), named
    by its maker as the story goes on, in the same sentence or the next ("The Lakeview Ledger poll"; "The poll,
    released by the Kestrel Institute,", as speakers.document-author finds a document's maker): that maker."""
    head, r = case.head, case.resolver
    if case.det not in ("a", "an") or not (case.lemma in DOCUMENT_NOUNS or is_document(head)) or case.phrase_ents:
        return None
    sent = head.sent
    end = r.doc[sent.end].sent.end if sent.end < len(r.doc) else sent.end
    for tok in r.doc[head.i + 1 : end]:
        if tok.lemma_.lower() == case.lemma and tok.pos_ == "NOUN":
            for child in tok.children:
                ent = r.index.ent_of.get(child.i)
                if child.dep_ == "compound" and ent is not None and ent.label_ == "ORG" and ent.end == tok.i:
                    return Speaker(r.index.fullest_org(org_text(ent)), "organisation", case.description)
            made = author(r, tok) if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) else None
            if made is not None and made.name and made.kind == "organisation":
                return replace(made, description=case.description)
    return None
