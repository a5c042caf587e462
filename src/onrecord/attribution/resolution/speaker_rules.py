"""The speaker rules: who a source mention refers to, decided by the first rule of :data:`SPEAKER_RULES` that does.

This module holds the rules for pronouns and names, and the table at its foot, which states the precedence;
the rules for descriptions (organisations, roles, "the patient") are in
:mod:`onrecord.attribution.resolution.description_rules`, those for documents in
:mod:`onrecord.attribution.resolution.document_rules`. Each rule looks at a :class:`Mention` and returns a
:class:`Speaker` or passes (None). ``python -m onrecord.attribution.rules`` lists them with their examples.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from onrecord.attribution.resolution import apposition_rules as appos
from onrecord.attribution.resolution import bodies
from onrecord.attribution.resolution import campaign_rules as camp
from onrecord.attribution.resolution import court_rules as court
from onrecord.attribution.resolution import description_rules as d
from onrecord.attribution.resolution import document_rules as doc
from onrecord.attribution.resolution import exchange_rules as ex
from onrecord.attribution.resolution import given_names as given
from onrecord.attribution.resolution import group_rules as g
from onrecord.attribution.resolution import headline_rules as headline
from onrecord.attribution.resolution import interview_rules as interview
from onrecord.attribution.resolution import joined_rules as j
from onrecord.attribution.resolution import maker_rules as mk
from onrecord.attribution.resolution import organisations as orgs
from onrecord.attribution.resolution import owner_rules as owner
from onrecord.attribution.resolution import quoting_rules as quoting
from onrecord.attribution.resolution import relations as k
from onrecord.attribution.resolution import surname_rules as sn
from onrecord.attribution.resolution import turn_rules as turns
from onrecord.attribution.resolution.antecedents import group_antecedent
from onrecord.attribution.resolution.apposition_rules import second_subject
from onrecord.attribution.resolution.kinds import kind_only, named_as_body
from onrecord.attribution.resolution.mention import Mention
from onrecord.attribution.resolution.names import (
    Speaker,
    clean_name,
    hyphen_extent,
    name_like,
    org_text,
    person_name,
    strip_det,
    surname,
)
from onrecord.attribution.resolution.offices import office_of_words
from onrecord.attribution.resolution.person_antecedents import person_antecedent, pronoun_gender
from onrecord.attribution.resolution.roles import introduced_holder
from onrecord.attribution.resolution.syntax import (
    ORG_LABELS,
    compound_start,
    person_before_thing,
    pronoun_possessed,
    run_in,
    titled_name,
)
from onrecord.attribution.rules import RuleTable, rule
from onrecord.lexicon.en import (
    FEMALE_FIRST_NAMES,
    GROUP_PRONOUNS,
    GROUP_QUANTIFIERS,
    MALE_FIRST_NAMES,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    TITLES,
)


@rule(
    "speakers.relative-pronoun",
    ("Sarah Lind, who said the vote was close, left early.", "Sarah Lind"),
    ("Lakeview Power Corporation cut jobs. News came from the Bank of Lakeview, which said rates would rise.",
     "Bank of Lakeview"),
    ("Yesterday I met Ana Lind, a nurse who says the ward is unsafe.", "Ana Lind"),
    ("The Lakeview Rowing Club, a charity that says the course is safe, met on Monday.", "Lakeview Rowing Club"),
    ("Another memorial has grown outside the Lakeview Rowing Center, a downtown museum that promotes the sport's "
     "ideals.", "Lakeview Rowing Center"),
    ("The plan came from Ana Lind, who founded the club in 1990 and who says the course is safe.", "Ana Lind"),
    ("Ivo Tarn shouts at Senator Ana Lind on camera, who responds: “Okay!”", "Ana Lind"),
    ("The group that says it organised the march, Lakeview Forward, has asked the council for a permit.",
     "Lakeview Forward"),
)
def relative_pronoun(case: Mention) -> Speaker | None:
    """A relative pronoun speaks for the noun its clause modifies ("Ana Lind, who ... said"; also the second of two
    joined clauses: "who founded it and who says"; for a "who" the parser hung on a thing, the person named just
    before it: "shouts at Ana Lind on camera, who responds"), with all of that
    noun's phrase before the clause ("the Bank of Lakeview, which said": not "the Bank"); for "a nurse" in
    apposition to a name ("Ana Lind, a nurse who says ..."), the one named; for a noun whose name is set off
    after the clause ("The group that says ..., Lakeview Forward,"), that name."""
    head = case.head
    clause = head.head
    while clause.dep_ == "conj" and clause.head.i < clause.i:  # "Ana Lind, who founded it and who says ..."
        clause = clause.head
    if head.lower_ in RELATIVE_PRONOUNS and clause.dep_ == "relcl" and case.moves:
        antecedent = clause.head
        named = _named_before(case, antecedent) or person_before_thing(head, antecedent, case.resolver.index.persons) \
            or _named_after_clause(case, antecedent, clause)
        if named is not None:
            return case.resolver.resolve(named)
        end = max(antecedent.i + 1, min(clause.left_edge.i, head.i))
        return case.resolver.resolve(case.resolver.doc[antecedent.left_edge.i : end])
    return None


def _named_after_clause(case: Mention, noun: Token, clause: Token) -> Span | None:
    """The name set off after a noun's relative clause ("The group that says it organised the march, Lakeview
    Forward, has asked ..."): a title-case proper noun in apposition to the noun, after the clause; else None."""
    doc = case.resolver.doc
    if noun.pos_ != "NOUN":
        return None  # (not a name's own clause: "Ana Lind, who ..., just as her mentor Ivo Tarn")
    named = next((c for c in noun.children if c.dep_ == "appos" and c.i > clause.i and c.pos_ == "PROPN"
                  and c.is_title and c.ent_type_ in ("", "ORG", "PERSON")), None)
    return doc[compound_start(named) : named.i + 1] if named is not None else None


def _named_before(case: Mention, noun: Token) -> Span | None:
    """The person or organisation an indefinite noun stands in apposition to ("Ana Lind, a nurse"; "the Lakeview
    Rowing Center, a downtown museum", the parse's apposition or the comma alone), or None."""
    doc, ix = case.resolver.doc, case.resolver.index
    if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return None
    start = noun.left_edge.i
    ent = ix.ent_of.get(noun.head.i) if noun.dep_ == "appos" and noun.head.i < start else None
    if ent is None and start >= 2 and doc[start - 1].text == ",":
        ent = ix.ent_of.get(start - 2)
        ent = ent if ent is not None and ent.end == start - 1 else None
    return ent if ent is not None and ent.label_ in ("PERSON", "ORG") else None


@rule(
    "speakers.person-pronoun",
    ("Sarah Lind spoke first. She said the vote was close.", "Sarah Lind"),
    ("Per Lind, a researcher, said the case was weak. Even as he accused the ministry of favouritism, Ivo Tarn "
     "would not speculate about its motives.", "Ivo Tarn"),
    ("“We will win,” Maria Tarn said. Sarah Okafor’s children slept beside her. She said the night was long.",
     "Sarah Okafor"),
)
def person_pronoun(case: Mention) -> Speaker | None:
    """A he or she opening a clause set before its main clause is that clause's subject, when a name of its
    gender ("Even as he accused ..., Ivo Tarn would not ..."). A he/she subject after a sentence (or the start of
    its own) that names one person, only as the owner of a thing, not a person, and has no he/she or person as
    a subject, is that owner ("Okafor's children slept beside her. She said ..."). Else the most salient person of
    that gender
    before it: the current speaker, unless another
    person has since become a subject; a person the previous sentence turned to (of two named there, the one
    known to be of its gender; not one named as an object inside a clause that modifies a noun: "a chart,
    provided by Ben Statz,"); the nearest subject; with nobody of its gender named in view, whoever the he/she
    subjects before it stand for (the story kept talking of one person by pronoun), before the last speaker. Never
    the writer of an opinion piece who speaks as "I" ("I support him. He knows ...")."""
    if case.head.lower_ in PERSON_PRONOUNS:
        return person_antecedent(case.resolver, case.head, pronoun_gender(case.head))
    return None


@rule(
    "speakers.group-pronoun",
    ("Sarah Lind and David Okafor said the plan was sound. They said the vote was close.",
     "Sarah Lind and David Okafor"),
    ("Lakeview Rowing Club said the race would go ahead. It said the course was safe.", "Lakeview Rowing Club"),
    ("Sarah Lind and David Okafor said the plan was sound. Several physicians at the clinic wrote to the council on "
     "Monday. They said the ward should close.", None),
    ("Transcarga and Nordlink Freight agreed to merge last year. The two companies welcomed the ruling. In a joint"
     " statement, they said the merger would help.", "Transcarga and Nordlink Freight"),
    ("Sarah Lind and David Okafor met the harbour board on Monday. They said the pier was unsafe.",
     "Sarah Lind and David Okafor"),
    ("Orvane Mining said on Monday that the springs were clean. The national audit office, which monitors public "
     "spending, has examined 191 late projects since May. In its latest report, it warned that costs were rising.",
     "national audit office"),
)
def group_pronoun(case: Mention) -> Speaker | None:
    """"It" is the organisation the sentence before has as its subject (by its name, or the description that
    stands for it: "The national audit office, which ..., has ... In its report, it warned"), else the one speaking
    or the last one named as a subject; "they" the speakers named
    together, the people a subject names together, or the last plural subject that can speak (a party, bodies,
    people by a role: "several physicians", then unnamed); "I", "we" and "you" stay unknown."""
    if case.head.lower_ in GROUP_PRONOUNS:
        return group_antecedent(case.resolver, case.head)
    return None


@rule("speakers.run-in-heading", (
    "Prosecutor David Okafor called the finding bold.\n\nPHOTOS: Sarah Lind says she looked for a stop sign "
    "before the crash on the old ferry road\n\nOkafor argued the sign was hidden.", "David Okafor"))
def run_in_heading(case: Mention) -> Speaker | None:
    """A source found in a heading, a "WATCH:" line or a photo credit that the parser ran into the next
    paragraph ("Road plans\\n\\nLind said ..."): the speaker is the noun phrase that opens that paragraph."""
    opener = run_in(case.whole, case.resolver.text) if case.moves else None
    return case.resolver.resolve(opener) if opener is not None else None


@rule(
    "speakers.one-named",
    ("Local estate agents said prices would hold. One, Mira Castellan of Ash & Elm, said buyers cared more "
     "about the trains.", "Mira Castellan"),
    ("Two firms objected to the plan. One, Tarn Energy, said it would appeal.", "Tarn Energy"),
    ("Dozens of musicians played there. One of them, the songwriter Kwabena Ofori-Ross, said the club was kind.",
     "Kwabena Ofori-Ross"),
)
def one_named(case: Mention) -> Speaker | None:
    """"One, Ana Lind of Ash & Elm, said": a member of a group just mentioned, named in apposition to "one" or
    "another" -- the one named, whatever the recogniser made of the name and the firm after it."""
    head = case.head
    if head.lower_ not in ("one", "another") or not case.moves:
        return None
    appositions = [c for c in head.children if c.dep_ == "appos"] + [t for t in (second_subject(head),) if t]
    # "One, Ana Lind," or "One of them, the songwriter Ana Lind," (which the parse may make a second subject)
    named = next((c for c in appositions if c.pos_ == "PROPN"), None) or next(
        (c for a in appositions if a.pos_ == "NOUN" for c in a.children if c.dep_ == "appos" and c.pos_ == "PROPN"),
        None)
    if named is None:
        return None
    r, name = case.resolver, case.resolver.doc[compound_start(named) : named.i + 1]
    found = r.resolve(name)
    if found.kind == "organisation" and found.name and found.name != name.text \
            and found.name.startswith(name.text) and name_like(name.text):
        return Speaker(r.index.fullest(clean_name(name.text)), "person")  # "Ana Lind of" read as a firm
    return found


@rule("speakers.party-members", ("Some Democrats said the bill would fail.", None))
def party_members(case: Mention) -> Speaker | None:
    """"some Democrats said", "one Republican involved in the planning": members, not the party speaking
    (but "one red-state Democrat, Sen. Ana Lind," is named)."""
    head, head_ent = case.head, case.head_ent
    if head_ent is not None and head_ent.label_ in ("NORP", "ORG") and any(
        c.dep_ in ("det", "amod", "nummod", "predet") and c.lower_ in GROUP_QUANTIFIERS for c in head.children
    ) and not any(e.label_ == "PERSON" for e in case.ents) and not any(c.dep_ == "appos" for c in head.children):
        return Speaker(None, "anonymous", case.description)
    return None


@rule("speakers.named-head", ("Maria de la Cruz Tarn said the vote was close.", "Maria de la Cruz Tarn"))
def named_head(case: Mention) -> Speaker | None:
    """The person the head itself names, with the gender its honorific gives ("Mrs. Lind")."""
    head_ent = case.head_ent
    if head_ent is not None and head_ent.label_ == "PERSON" and head_ent in case.own:
        return Speaker(case.resolver.index.fullest(person_name(head_ent), case.resolver.index.honorific.get(
            head_ent.start)), "person")
    return None


@rule("speakers.named-in-phrase", ("Lind's aunt, Maria Tarn, said the vote was close.", "Maria Tarn"))
def named_in_phrase(case: Mention) -> Speaker | None:
    """A person named in the head's phrase (appositions: "the spokesman, Josh Earnest"), not its possessor
    ("Lind's aunt, Mira Oduya" is Oduya; "Lind's staff" is not Lind)."""
    return Speaker(case.resolver.index.fullest(person_name(case.own[0])), "person") if case.own else None


@rule("speakers.party-member-in-view", (
    "Sarah Lind spoke in Lakeview on Monday. The Republican said the vote was close.", "Sarah Lind"), (
    "The ranking Democrat, Rep. Ana Velloro, pressed the chief executive. “I read one,” Ivo Tarn said. “And was "
    "it?” the ranking Democrat asked.", "Ana Velloro"))
def party_member_in_view(case: Mention) -> Speaker | None:
    """"the Kentucky Republican": a party member described, the person in view; "the ranking Democrat": the one
    the article introduced with those words, whoever is in view."""
    head, head_ent = case.head, case.head_ent
    if head_ent is not None and head_ent.label_ == "NORP" and head.tag_ in ("NN", "NNP") and case.det == "the":
        if (introduced := introduced_holder(case.resolver, head)) is not None:
            return Speaker(introduced, "person", case.description)
        found = person_antecedent(case.resolver, head, None, prefer_speaker=False, any_mention=False)
        if found.name:
            return replace(found, description=case.description)
    return None


@rule("speakers.person-of-organisation", (
    "A living wage in Lakeview is about $12 an hour, according to calculations by Ana Lind of Lakeview University.",
    "Ana Lind"))
def person_of_organisation(case: Mention) -> Speaker | None:
    """A person with the organisation they work for that the recogniser read as one organisation ("Ana Lind of
    Lakeview University", the first name left out or not): the person, when the words before "of" are a
    known first name and a surname, or a surname the article gives a person."""
    ent, r = case.head_ent, case.resolver
    if ent is None or ent.label_ != "ORG" or " of " not in ent.text or case.head.i >= ent.start + 4:
        return None
    who = strip_det(ent.text.split(" of ", 1)[0]).split()
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if len(who) == 1 and before is not None and before.pos_ == "PROPN" and before.is_title:
        who = [before.text, *who]  # "Ana" left out of the entity
    if not 1 <= len(who) <= 3 or not name_like(" ".join(who)):
        return None
    first = who[0].lower()
    if (len(who) >= 2 and (first in MALE_FIRST_NAMES or first in FEMALE_FIRST_NAMES)) or (
        surname(who[-1]) in r.index.by_surname
    ):
        return Speaker(r.index.fullest(" ".join(who)), "person")
    return None


@rule("speakers.titled-in-organisation", (
    "But Lakeview Hereditary Chief Ta'moks said he did not see the vote as a threat.", "Ta'moks"))
def titled_in_organisation(case: Mention) -> Speaker | None:
    """The name after a title inside an entity the recogniser called an organisation ("Hereditary Chief Ana
    Lind" -> "Ana Lind")."""
    if case.head_ent is not None and case.head_ent.label_ in ORG_LABELS:
        titled = titled_name(case.head_ent)
        if titled:
            return Speaker(case.resolver.index.fullest(titled), "person")
    return None


@rule(
    "speakers.named-organisation",
    ("Lakeview Rowing Club said the race would go ahead.", "Lakeview Rowing Club"),
    ("The Ministry of Labour and Migrant Affairs said in a statement that it had closed the agency.",
     "Ministry of Labour and Migrant Affairs"),
    ("The Department of Transport and Harbour Services said it would reopen the pier.",
     "Department of Transport and Harbour Services"),
    ("But the Kestrel Court of Appeals for the 4th District overruled and said the vote stood.",
     "Kestrel Court of Appeals for the 4th District"),
    ("The Ministry of Labour and Ana Tarn said in a statement that they had closed the agency.", "Ministry of Labour"),
    ("Lakeview Forward PAC, a Super PAC aimed at Okafor, launched an ad. The Super PAC also plans to target voters.",
     "Lakeview Forward PAC"),
)
def named_organisation(case: Mention) -> Speaker | None:
    """An organisation (or a place or people speaking as one) the head names: its fullest name in the article,
    with the words the recogniser cut at "and" or "for" ("the Ministry of Labour and Migrant Affairs", "the Court
    of Appeals for the 4th District": see organisations.continued_name). A name that is only a kind in capitals
    ("the Super PAC") is the body of that kind in view, as "the airline" is (organisations.org_for)."""
    if case.head_ent is not None and case.head_ent.label_ in ORG_LABELS:
        if case.det == "the" and office_of_words(org_text(case.head_ent).split()) is not None:
            return None  # an office in capitals ("the CFO"): its holder (see roles.role_holder)
        if kind_only(org_text(case.head_ent)) and case.det == "the":
            found = orgs.org_for(case.resolver, case.head) or orgs.spoke_of_kind(case.resolver, case.head)
            if found is not None and not kind_only(found) and any(w[:1].isupper() for w in found.split()):
                return Speaker(found, "organisation", case.description)
        name = orgs.continued_name(case.head_ent, case.source)
        short = None if name.isupper() else case.resolver.index.acronyms.get(name)  # ("Laketrans": see short_forms)
        return Speaker(short or case.resolver.index.fullest_org(name), "organisation")
    return None


def proper_head(case: Mention) -> bool:
    """A proper noun head, unless a title with an article or a possessive pronoun describes someone ("the
    Conservative MP", "Her former Treasurer")."""
    head = case.head
    return head.pos_ == "PROPN" and not (head.lower_ in TITLES and (
        case.det in ("the", "a", "an") or pronoun_possessed(head)))


@rule("speakers.proper-noun", ("Tarn Energy said prices would rise.", "Tarn Energy"), (
    "Lakeview Forward has made an ad buy to answer an ad that attacks Lind and is funded by strategist Ivo Tarn's PAC, "
    "Harbour Crossroads. The Tarn ad hits Lind for taking money from banks.", "Harbour Crossroads"))
def proper_noun(case: Mention) -> Speaker | None:
    """A proper noun the recogniser did not label: an organisation by its head ("Lakeview Rowing Club"; a last
    word that ends only organisations' names, "Harbour Rights Watch"), by "of" and a proper noun ("the Bank of
    Lakeview") or by a thing's "which" ("Tarn Minera, which runs the mine,"), else a person's name (three words at
    most), else a name of unknown kind; words that are no name stay unknown. A kind of body alone with a name in
    apposition is the body named ("Ivo Tarn's PAC, Harbour Crossroads,")."""
    if not proper_head(case):
        return None
    head, doc = case.head, case.resolver.doc
    joined = not any(d.dep_ == "cc" for d in head.children)  # (a conjunct with no "and": the parse's apposition)
    named = next((c for c in head.rights if c.ent_type_ == "ORG" and (
        c.dep_ == "appos" or (c.dep_ == "conj" and joined))), None)
    if named is not None and kind_only(head.text):  # "Ivo Tarn's PAC, Harbour Crossroads,": the body named
        ent = case.resolver.index.ent_of[named.i]
        return Speaker(case.resolver.index.fullest_org(org_text(ent)), "organisation")
    start, end = compound_start(head), hyphen_extent(doc, head.i, head.i + 1)[1]  # ("Greaves-Mbeki": two subjects)
    name = clean_name(doc[start:end].text)
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1), None)
    place = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None) if of else None
    if place is not None and place.i < case.source.end and place.is_title:
        # "the Bank of Lakeview", "University of Lakeview": a name with "of" is an organisation's
        return Speaker(strip_det(clean_name(doc[compound_start(head) : place.i + 1].text)), "organisation")
    if named_as_body(head, name):
        return Speaker(strip_det(name), "organisation")  # ("Harbour Rights Watch": a last word no person's name has)
    if not name_like(name):
        return Speaker(None, "unknown", case.description)
    if len(name.split()) <= 3 and name[:1].isupper():
        return Speaker(case.resolver.index.fullest(name), "person")  # "Okoro said": the Ada Okoro named before
    return Speaker(name, "unknown")


#: The speaker rules, in the order they are asked: the first that decides resolves the mention.
SPEAKER_RULES: RuleTable[Mention, Speaker] = RuleTable("speakers", [
    appos.who_past_affiliation,
    relative_pronoun,
    bodies.relative_after_body,
    j.pronoun_and_name,
    person_pronoun,
    interview.interviewee,
    g.first_person_writer,
    quoting.document_quoting,
    doc.document_signed_by,
    doc.document_goes_on,
    doc.document_as_it,
    g.cleft_it,
    group_pronoun,
    d.pair_by_role,
    g.both_people,
    g.named_examples,
    g.family_of_named,
    run_in_heading,
    one_named,
    camp.candidate_campaign,
    party_members,
    g.party_plural,
    g.organisations_unnamed,
    g.document_of_named_maker,
    mk.document_of_unlabelled_maker,
    mk.document_of_kind,
    mk.average_of_its_maker,
    mk.voice_of_ad,
    k.couple_named,
    k.couple,
    g.group_named_itself,
    g.group_introduced,
    j.joined_names,
    j.joined_surnames,
    j.counted_names,
    orgs.acronym_noun,
    k.relative_named,
    ex.other_in_exchange,
    given.name_given,
    g.organisation_noun_named,
    g.organisation_short_name,
    orgs.body_of_kind_named_next,
    headline.headline_role,
    headline.headline_epithet,
    sn.misspelt_surname,
    sn.family_name_first_in_view,
    sn.known_surname,
    sn.family_name_first,
    orgs.acronym_name,
    named_head,
    named_in_phrase,
    appos.role_named_in_apposition,
    appos.named_beside_role,
    appos.body_named_in_apposition,
    party_member_in_view,
    person_of_organisation,
    titled_in_organisation,
    named_organisation,
    owner.body_of_person,
    proper_noun,
    mk.document_result_named_before,
    doc.document_yield,
    doc.document_author,
    court.judge_of_judgment,
    owner.organisations_own_words,
    owner.possessors_words,
    bodies.body_of_its_head,
    owner.account_of_owner,
    doc.authors_of_document,
    doc.document_of_last_speaker,
    doc.post_of_last_writer,
    g.document_named_next,
    doc.document_of_main_organisation,
    doc.lead_author,
    doc.document_unattributed,
    orgs.editorial_board,
    g.organisation_indefinite,
    d.organisation_named_in_phrase,
    orgs.governing_body_of_organisation,
    bodies.outlet_by_its_noun,
    d.organisation_in_view,
    d.organisation_description,
    d.organisation_by_its_word,
    d.people_counted,
    d.lede_person,
    d.role_holder_by_title,
    d.described_person_in_view,
    d.role_of_subject_in_view,
    d.redescribed_person,
    d.named_after_lede,
    d.spokesperson_of_organisation,
    orgs.spokesperson_by_body_word,
    orgs.spokesperson_of_unrecognised_name,
    orgs.spokesperson_again,
    turns.role_answering_in_turn,
    d.unnamed_person,
    d.definite_role,
    d.organisation_in_phrase,
    g.thing_described,
    d.definite_description,
    d.unresolved,
], describe=lambda s: s.name)
