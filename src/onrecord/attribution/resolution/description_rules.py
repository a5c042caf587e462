"""The speaker rules for descriptions: organisations, people by role, definite descriptions.

"The harbour master" is the person introduced with that role (before, else after: a lede's cataphora; "A
Lakeview coach" in the lede is the one coach named further down); "the laid-back resident" is the person in
view; "the commission" is an organisation named with that word, "the company" the last organisation named as a
subject, else the description stands for itself (documents: see
:mod:`onrecord.attribution.resolution.document_rules`). Their order is the table's, in
:mod:`onrecord.attribution.resolution.speaker_rules`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from onrecord.attribution.resolution.kinds import broad
from onrecord.attribution.resolution.mention import Mention
from onrecord.attribution.resolution.names import Speaker, org_text, strip_det, surname
from onrecord.attribution.resolution.organisations import lede_body_named_next, org_for, spoke_of_kind
from onrecord.attribution.resolution.person_antecedents import person_antecedent
from onrecord.attribution.resolution.roles import lede_person as lede
from onrecord.attribution.resolution.roles import named_after_lede as named_after
from onrecord.attribution.resolution.roles import (
    pair_holders,
    pair_in_one_sentence,
    role_holder,
    unroled_subject_before,
)
from onrecord.attribution.resolution.roles import redescribed_before as redescribed
from onrecord.attribution.resolution.syntax import (
    ORG_LABELS,
    PERSON_TITLES,
    compound_start,
    counted_as_pair,
    described,
    modifies,
    person_noun,
    pronoun_possessed,
)
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import (
    ANONYMOUS_HEADS,
    COLLECTIVE_HEADS,
    ORGANISATION_HEADS,
    PLACE_HEADS,
    QUANTITY_HEADS,
    SPOKESPERSON_HEADS,
    UNNAMED_HEADS,
)

if TYPE_CHECKING:
    from onrecord.attribution.resolution.index import ArticleIndex


def _organisation(case: Mention) -> bool:
    return case.lemma in ORGANISATION_HEADS or case.head.lower_ in ORGANISATION_HEADS


@rule("speakers.organisation-named-in-phrase", (
    "The Danish government said the road would close.", "Danish government"))
def organisation_named_in_phrase(case: Mention) -> Speaker | None:
    """An organisation noun named in its own phrase: by a place or a people ("the Canadian government",
    "Lakeview council": the description is its name; so a place the recogniser took for a body that another body
    is named after, "the Lakeview police" after "University of Lakeview"), by an organisation it modifies ("the
    group People for the Ethical Treatment of Animals"), or by a proper noun ("the independent Sage group of
    science advisers")."""
    if not _organisation(case):
        return None
    head, description = case.head, case.description
    if any(e.label_ in ("GPE", "NORP") for e in case.phrase_ents):
        return Speaker(strip_det(description), "organisation", description)
    named = next((e for e in case.phrase_ents if e.label_ in ORG_LABELS and modifies(e.root, head)), None)
    if named is not None and _place_of_a_body(org_text(named), case.resolver.index):
        return Speaker(strip_det(description), "organisation", description)  # ("the Lakeview police")
    if named is not None:
        return Speaker(case.resolver.index.fullest_org(org_text(named)), "organisation", description)
    proper = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN"]
    if proper:
        return Speaker(case.resolver.doc[proper[0].left_edge.i : head.i + 1].text, "organisation", description)
    return None


@rule(
    "speakers.organisation-in-view",
    ("Lakeview Power Corporation cut jobs on Monday. The company said prices would rise.",
     "Lakeview Power Corporation"),
    ("The Lakeview Council approved the tunnel on Monday. But the mayor said a study had been done by the Harbour "
     "Transit Authority. The agency told reporters it had done no such study.", "Harbour Transit Authority"),
    ("Mira and Ivo Oduya received a letter this week from Lakeview Water Services Canada informing them that the "
     "federal department has concerns about their well. The department added that \"in some cases, extra tests "
     "may be needed.\"", "Lakeview Water Services Canada"),
    ("Shares of Tarn Freight Inc. rose on Thursday after the freight company said profit had topped forecasts. "
     "Analysts surveyed by Orbis Data had expected less. Revenue climbed 9 percent. The company said it expected "
     "revenue of about $950 million.", "Tarn Freight Inc."),
    ("Lakeview Airways cancelled 300 flights on Monday. The Ministry of Roads said mediators would meet both sides. "
     "The airline said it would study the invitation.", "Lakeview Airways"),
    ("The pilots' union called the strike on Monday. Orla, the state-owned carrier, cancelled 300 flights. The "
     "Harbour Commission said the talks had failed. The carrier said it had rebooked 18,000 passengers.", "Orla"),
    ("The Ministry of Ports closed the pier. Tarn Minera, which runs the copper mine, says its own monitoring shows "
     "no link to the springs. “The data are clear,” the company said.", "Tarn Minera"),
    ("A spokesman for the Office of Harbour Law said it was reviewing the ruling. The office said it would not "
     "appeal.", "Office of Harbour Law"),
)
def organisation_in_view(case: Mention) -> Speaker | None:
    """A definite organisation noun is the last organisation named with that word ("the commission" -> "the
    Harbour Commission"; not a description the recogniser took for a name, "the federal department"), or for a
    generic head ("the company") the one organisation the sentence before names, else the last one named as a
    subject, else the last one that spoke (not one named in passing: "Analysts surveyed by Orbis Data"). A kind
    noun ("the airline", "the carrier", "the utility") is the organisation of that kind (see kinds.py), and a body
    of another kind is none ("the company" is not a ministry), nor is a person's own ("the Governor's office"); with
    none left in view, the last body that spoke whose name gives it that kind ("the union" after "Lakeview Nurses
    Association" spoke), or in the story's opening the one body of that kind named right after it ("The union
    representing 900 nurses said ..."), else the name the recogniser
    missed that the sentence before has as its subject ("Tarn Minera, which runs the mine, says"). Passes a noun
    with its name in apposition ("the airport operator, Portavia,": see organisation-description)."""
    if not (_organisation(case) and case.definite and case.head.tag_ == "NN") or any(
            c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ not in ("PERSON", "GPE", "DATE")
            for c in case.head.rights):
        return None  # (its name in apposition: "the airport operator, Portavia," -- see organisation-description)
    if any(c.dep_ == "poss" and (c.lemma_.lower() in PERSON_TITLES or c.ent_type_ == "PERSON")
           for c in case.head.children):
        return None  # a person's own: "the Governor's office" is no office named before (organisation-description)
    org = org_for(case.resolver, case.head)
    if org is None and case.det == "the" and not broad(case.head.lower_):  # ("the union": a body that spoke)
        org = spoke_of_kind(case.resolver, case.head)
    if org is None and (case.det == "the" or any(c.dep_ == "poss" and c.lower_ in ("their", "its")
                                                 for c in case.head.children)):  # ("The union representing ...")
        org = lede_body_named_next(case.resolver, case.head)
    return Speaker(org, "organisation", case.description) if org is not None else None


@rule(
    "speakers.organisation-description",
    ("The union said the plant would close.", "union"),
    ("The city of Lakeview, which wrote the fines, said it would comply with the ruling.", "city of Lakeview"),
    ("The hospital where Ana Lind worked, Carrow General, said in a statement that she was a fine doctor.",
     "Carrow General"),
    ("The Marlow Estuary Trust published its bird survey on Monday. The regional environment agency said it would "
     "study the survey.", "regional environment agency"),
)
def organisation_description(case: Mention) -> Speaker | None:
    """Any other organisation noun: an organisation named in its phrase or in apposition to it ("the hospital
    where she worked, Carrow General,", which the recogniser may not know for one), else for "a group of
    employees" no one named body, else the description is the organisation ("the union"; "the city of Lakeview",
    with the place it names)."""
    if not _organisation(case):
        return None
    for ent in case.phrase_ents:
        if ent.label_ in ORG_LABELS:
            return Speaker(case.resolver.index.fullest_org(org_text(ent)), "organisation", case.description)
    named = next((c for c in case.head.rights if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ not in
                  ("PERSON", "GPE", "DATE")), None)
    if named is not None and case.head.lower_ != "group":
        return Speaker(case.resolver.doc[compound_start(named) : named.i + 1].text, "organisation", case.description)
    if case.det in ("a", "an") and not any(c.dep_ == "compound" for c in case.head.children):
        return Speaker(None, "unknown", case.description)
    head = case.head
    end = head.i + 1
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == end), None)
    place = next((c for c in of.children if c.dep_ == "pobj" and c.ent_type_ == "GPE"), None) if of else None
    if head.lower_ in PLACE_HEADS and place is not None:  # "the city of Lakeview": the place named with it
        end = place.i + 1
    return Speaker(strip_det(case.resolver.doc[head.left_edge.i : end].text), "organisation", case.description)


@rule("speakers.organisation-by-its-word", (
    "The Lakeview Chamber of Commerce surveyed 800 households. Grocer Abel Mensah said his margins were thin. The "
    "chamber said it would repeat the survey.", "Lakeview Chamber of Commerce"))
def organisation_by_its_word(case: Mention) -> Speaker | None:
    """"The chamber", "the alliance", "the fund": a definite noun that is the noun the name of an organisation named
    before is built on ("the Lakeview Chamber of Commerce"; not "the research" after "Center for Forestry
    Research") is that organisation, whether or not the noun is one of the organisation words of the lexicon --
    not a person's role, a place or a state."""
    head, r = case.head, case.resolver
    if not (case.det == "the" and head.tag_ == "NN" and head.pos_ == "NOUN") or person_noun(case.lemma) \
            or head.lower_ in PLACE_HEADS or head.lower_ == "state":
        return None
    word = head.lower_
    named = [m for m in r.index.org_mentions if m[0] < head.i and m[4] == "ORG" and m[1].lower() != word
             and _name_head(m[1]) == word]
    return Speaker(r.index.expand(named[-1][1]), "organisation", case.description) if named else None


def _name_head(name: str) -> str:
    """The noun an organisation's name is built on: its last word before "of", "for" and the like ("Chamber" of
    "Lakeview Chamber of Commerce", "Center" of "Center for Forestry Research"), else its last word."""
    words = name.lower().replace(",", " ").split()
    cut = next((k for k, w in enumerate(words) if w in ("of", "for", "on", "in", "at", "to") and k > 0), len(words))
    return words[cut - 1] if cut else ""


@rule("speakers.people-counted", ("The majority said the plan was unfair.", None))
def people_counted(case: Mention) -> Speaker | None:
    """"The number who said ...": people counted, not one in view."""
    return Speaker(None, "unknown", case.description) if case.lemma in QUANTITY_HEADS else None


@rule("speakers.lede-person", (
    "A Lakeview hockey coach says the rink will close. Coach Sarah Lind has run the team for years.", "Sarah Lind"))
def lede_person(case: Mention) -> Speaker | None:
    """A delayed lede: "A Lakeview hockey coach says ..." opens the story, and the one person given that role
    further down ("Coach Ana Lind") is who it was. Not for withheld identities ("a senior official")."""
    found = lede(case.resolver.index, case.head, case.det)
    return Speaker(found, "person", case.description) if found is not None else None


def _by_role(case: Mention) -> bool:
    """A person by role ("a former party chairman"): the organisation in the phrase is an affiliation."""
    return case.lemma in ANONYMOUS_HEADS or case.head.lower_ in ANONYMOUS_HEADS or case.lemma in PERSON_TITLES


@rule(
    "speakers.role-holder",
    ("Sen. Sarah Lind spoke on Monday. The senator said the vote was close.", "Sarah Lind"),
    ("Midfielder Sara Lund has signed a new deal with the Lakeview Lions. The 23-year-old joined the Lions in 2021. "
     "“I never wanted to leave,” the midfielder said.", "Sara Lund"),
    ("Former mayor Janet Cole and current mayor Victor Osei clashed on Tuesday. Osei said the building cost too "
     "much. \"We cannot keep it,\" the mayor said. \"He is selling the family silver,\" the former mayor said.",
     "Janet Cole"),
    ("Sen. Ana Tarn has campaigned as an outsider all year.\n\nSenator Per Lind of Lakeview lost his seat in 2019."
     "\n\nTarn appears in a commercial running on local TV. \"We need to secure the harbour,\" the senator says "
     "directly to the camera.", "Ana Tarn"),
    ("Sen. Ana Tarn spoke at the harbour on Monday. The crowd was small. “We need to secure the harbour,” the "
     "senator says.", "Ana Tarn"),
    ("Education Minister Ana Lind chaired the meeting.\n\nAfter the meeting, the Minister said: “We will hold "
     "the examination again.”", "Ana Lind"),
)
def role_holder_by_title(case: Mention) -> Speaker | None:
    """A person's title or an unnamed source's noun, definite ("the senator", "the spokesman"): the person last
    introduced with that role before it ("Sen. Ana Lind", "Midfielder Sara Lund"; "the former mayor": one introduced
    as a former one), else the first after it (a lede's cataphora).
    Nobody else given the role since the one just quoted: that one ("Sen. Ana Dale ... said Dale. The senator
    paused"); else the subject in view, when the role is theirs ("Tarn defends her record. “…,” the senator
    says")."""
    # (a lower-case title the tagger took for a proper noun is still a common one: "the senator" as NNP; so is a
    # capitalised one after "the" or a possessor, as house styles write an office: "the Minister", "the new Health
    # Minister", "Her former Treasurer")
    if not (_by_role(case) and case.definite and (case.head.tag_ == "NN" or (case.head.tag_ == "NNP" and (
            case.head.is_lower or (case.head.is_title and (case.det == "the" or pronoun_possessed(case.head)) and all(
                c.dep_ in ("det", "poss") or (c.dep_ in ("amod", "compound") and c.i < case.head.i)
                for c in case.head.children)))))):
        return None
    if case.head.i in case.resolver.index.redescribed:
        return None  # (the role it was given itself: see redescribed_person)
    role = role_holder(case.resolver, case.head)
    return Speaker(role, "person", case.description) if role else None


@rule("speakers.described-person-in-view", (
    "Sarah Lind runs a bakery in Lakeview. The busy Lakeview resident said the road was unsafe.", "Sarah Lind"))
def described_person_in_view(case: Mention) -> Speaker | None:
    """"The laid-back Lakeview resident": a person in view, described again; a bare "the official" or "the
    senior official" stays unnamed."""
    head = case.head
    if not (_by_role(case) and case.definite and head.tag_ == "NN") or case.lemma in UNNAMED_HEADS:
        return None
    if not described(head) or head.i in case.resolver.index.redescribed:  # (see redescribed_person)
        return None
    found = person_antecedent(case.resolver, head, None, prefer_speaker=False, any_mention=False)
    return replace(found, description=case.description) if found.name else None


@rule(
    "speakers.redescribed-person",
    ("As the count slipped away, many voters turned on Janet Morrow. The treasurer and former council candidate, an "
     "ally of the mayor, said on radio that the vote was over.", "Janet Morrow"),
)
def redescribed_person(case: Mention) -> Speaker | None:
    """A definite description that opens its sentence and tells more of the one person the sentence before named
    ("... voters turned on Janet Morrow. The treasurer and former candidate, an ally of the mayor, said"): that person,
    and the role is theirs from then on (see :func:`onrecord.attribution.resolution.roles.redescribed_before`)."""
    head = case.head
    if not (_by_role(case) and case.det == "the" and head.tag_ == "NN") or case.lemma in UNNAMED_HEADS:
        return None
    found = redescribed(case.resolver, head)
    return Speaker(found, "person", case.description) if found else None


@rule("speakers.named-after-lede", (
    "By Ana Lind\n\n“You can smell it from the bridge,” says the man who has walked the river every morning for "
    "nineteen years.\n\nIvo Tarn is the river keeper for the angling club.", "Ivo Tarn"))
def named_after_lede(case: Mention) -> Speaker | None:
    """A feature's opening that quotes someone described by what they do ("says the man who has walked the river
    every morning") and names them after ("Ivo Tarn is the river keeper"): that person. Not an unnamed source's
    noun ("The official, who was not authorised to speak, said ..."): who they are is withheld."""
    if not (case.det == "the" and case.head.tag_ == "NN" and _by_role(case)) or case.lemma in UNNAMED_HEADS:
        return None
    found = named_after(case.resolver, case.head)
    return Speaker(found, "person", case.description) if found else None


@rule(
    "speakers.pair-by-role",
    ("Sen. Ana Lind and Sen. Ivo Tarn wrote to the board on Monday. “We are not taking sides,” both senators said.",
     "Ana Lind and Ivo Tarn"),
    ("Harbour Committee Chairman Ana Lind (Lakeview) and Roads Committee Chairman Ivo Tarn (Ashgrove) wrote to the "
     "board on Monday. “The evidence is clear,” the committee chairmen wrote.", "Ana Lind and Ivo Tarn"),
)
def pair_by_role(case: Mention) -> Speaker | None:
    """"Both senators", "the two coaches": the two people the article introduced with that role (by title, by
    apposition), when exactly two were; "the committee chairmen": the two given the role in one sentence, the last
    sentence before it that gave it (not the members of a body, when more or fewer were named so)."""
    head = case.head
    pair = counted_as_pair(head)
    if not (head.tag_ == "NNS" and (pair or case.det == "the")):
        return None
    two = pair_holders(case.resolver, head) if pair else pair_in_one_sentence(case.resolver, head)
    return Speaker(f"{two[0]} and {two[1]}", "person", case.description) if two else None


@rule("speakers.role-of-subject-in-view", (
    "Ana Lind runs the youth teams. Ivo Tarn, asked about the second goal, shook his head.\n\n“I misjudged it,” the "
    "goalkeeper said.", "Ivo Tarn"))
def role_of_subject_in_view(case: Mention) -> Speaker | None:
    """A bare definite role noun ("the goalkeeper") that the article gave nobody, right after a person named as
    the subject of the narration and given no role: that person, described by what they do. Not an unnamed
    source's noun ("the official"), nor a role someone else holds (see :func:`role_holder_by_title`)."""
    head = case.head
    if not (_by_role(case) and case.det == "the" and head.tag_ == "NN") or case.lemma in UNNAMED_HEADS \
            or described(head):
        return None
    found = unroled_subject_before(case.resolver, head)
    return Speaker(found, "person", case.description) if found else None


@rule(
    "speakers.spokesperson-of-organisation",
    ("A spokeswoman for the Lakeview Water Board said the pipes would be replaced.", "Lakeview Water Board"),
    ("A Lakeview Power Corporation spokesman said prices would rise.", "Lakeview Power Corporation"),
    ("The Lowmoor Wildlife Trust published the survey on Tuesday. A spokesman for the trust said the report had"
     " been sent to every water company.", "Lowmoor Wildlife Trust"),
    ("A spokesperson for the Schools and Colleges Employers’ Association (SCEA) said its members had cut such "
     "contracts.", "Schools and Colleges Employers’ Association"),
    ("Dock workers walked out at Port Ellery. Mediator Hana Brandt urged calm. A spokesperson for the state "
     "conciliation agency said it was ready to convene talks.", "state conciliation agency"),
    ("Orla cancelled 300 flights on Monday. A spokeswoman for the airport operator, Portavia, said extra staff had "
     "been brought in.", "Portavia"),
)
def spokesperson_of_organisation(case: Mention) -> Speaker | None:
    """An unnamed spokesperson speaks for the organisation the phrase names ("a spokeswoman for the Ministry of
    Health", "a Halvard spokesman"): the words are the organisation's, the spokesperson its description. A named
    one ("spokeswoman Ines Varg") is the person (rules before this one); a spokesman for a person is unnamed."""
    if case.lemma not in SPOKESPERSON_HEADS:
        return None
    head, index = case.head, case.resolver.index
    for ent in case.ents:
        root = ent.root
        of_it = root.dep_ == "pobj" and root.head.lower_ in ("for", "of", "at") and root.head.head == head
        person = _a_persons(ent.text, index)  # (a person the article named, tagged an organisation)
        if ent.label_ == "ORG" and (of_it or modifies(root, head)) and not person:  # ("a spokesman for Ana Lind")
            return Speaker(case.resolver.index.fullest_org(org_text(ent)), "organisation", case.description)
    # "a spokesperson for the Schools and Colleges Employers' Association": a name the recogniser did not take whole
    named = next((c for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at")
                  for c in prep.children if c.dep_ == "pobj" and c.tag_ == "NNP" and c.ent_type_ != "PERSON"
                  and c.lower_ in ORGANISATION_HEADS), None)
    if named is not None:
        return Speaker(strip_det(case.resolver.doc[named.left_edge.i : named.i + 1].text), "organisation",
                       case.description)
    # "a spokesman for the trust": the organisation that word stands for, as "the trust said" would
    body = next((c for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at")
                 for c in prep.children if c.dep_ == "pobj" and c.lower_ in ORGANISATION_HEADS
                 and any(d.lower_ in ("the", "this", "that") for d in c.children)), None)
    if body is not None and case.moves:
        found = case.resolver.resolve(case.resolver.doc[body.left_edge.i : body.i + 1])
        if found.kind == "organisation" and found.name and (found.name in index.org_names or " " in found.name):
            # (named, or a body a description names: "the conciliation agency"; not "the authority" alone)
            return Speaker(found.name, "organisation", case.description)
    return None


def _a_persons(name: str, index: ArticleIndex) -> bool:
    """Is ``name`` a person's the article gives: a family name of someone named in full, or a word alone that
    opens the name of no organisation of the article ("Hellweg" alone, after "Hellweg Antriebstechnik GmbH", is
    the company's however the recogniser read it)?"""
    names = index.by_surname.get(surname(name), [])
    return any(" " in n for n in names) or (bool(names) and not any(o.startswith(name + " ") for o in index.org_names))


@rule("speakers.unnamed-person", ("A senior official said the talks had stalled.", None))
def unnamed_person(case: Mention) -> Speaker | None:
    """A person by role nobody names ("a senior official", "two residents") stays anonymous, described."""
    return Speaker(None, "anonymous", case.description) if _by_role(case) else None


@rule("speakers.definite-role", (
    "David Okafor, the harbour master, met the crew. The harbour master said the port would close.", "David Okafor"))
def definite_role(case: Mention) -> Speaker | None:
    """Any other definite noun that names a role someone was given in an apposition or before their name ("the
    harbour master" after "Ivo Tarn, the harbour master"). Not a plural: "the authors" of a study are not its senior
    author named further down."""
    if not case.definite or case.head.tag_ in ("NNS", "NNPS"):
        return None
    if case.head.i in case.resolver.index.redescribed:
        return None  # (the role it was given itself: see redescribed_person)
    role = role_holder(case.resolver, case.head)
    return Speaker(role, "person", case.description) if role else None


@rule("speakers.organisation-in-phrase", (
    "A Lakeview Power Corporation engineer said prices would rise.", "Lakeview Power Corporation"))
def organisation_in_phrase(case: Mention) -> Speaker | None:
    """An organisation named in the head's own phrase ("the RCMP statement"), not a person the recogniser took
    for one ("Lind's staff" is not Lind, nor an organisation)."""
    if not case.unknown_ents:
        return None
    ent = case.unknown_ents[0]
    if ent.label_ == "ORG" or (ent.label_ == "NORP" and ent.root == case.head):
        return Speaker(case.resolver.index.fullest_org(org_text(ent)), "organisation", case.description)
    return None


@rule("speakers.definite-description", (
    "Sarah Lind opened a bakery in Lakeview. The affable proprietor said bread would cost more.", "Sarah Lind"))
def definite_description(case: Mention) -> Speaker | None:
    """"The affable proprietor", "the 39-year-old founder": a definite description of someone in view (not
    "Lind's staff" or "his lawyer": someone else than the person in view; not "the community", many people)
    -- and the same description again ("the patient") is the same person, named or not, whoever is in view."""
    head, lemma, r = case.head, case.lemma, case.resolver
    if not (case.det in ("the", "this", "that") and head.tag_ == "NN" and head.pos_ == "NOUN" and not case.people
            and lemma not in COLLECTIVE_HEADS):
        return None
    earlier = r.definites.get(lemma)
    if earlier is not None and earlier[0] < head.i:
        return replace(earlier[1], description=case.description)
    found = person_antecedent(r, head, None, prefer_speaker=False, any_mention=False)
    found = replace(found, description=case.description) if found.name else Speaker(None, "unknown", case.description)
    r.definites.setdefault(lemma, (head.i, found))
    return found


@rule("speakers.unresolved", ("Everyone in the room said the plan would fail.", None))
def unresolved(case: Mention) -> Speaker | None:
    """Nothing else decided: the speaker is unknown, its description kept."""
    return Speaker(None, "unknown", case.description)


def _place_of_a_body(name: str, index: ArticleIndex) -> bool:
    """Is ``name``, which the recogniser took for an organisation's, the place another body is named after ("the
    University of Lakeview"): then "the Lakeview police" is that place's police, as "the Danish government" is?"""
    return " " not in name and any(o.endswith(" of " + name) for o in index.org_names)
