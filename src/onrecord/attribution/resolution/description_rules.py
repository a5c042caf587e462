"""The speaker rules for descriptions: documents, organisations, people by role, definite descriptions.

"The harbour master" is the person introduced with that role (before, else after: a lede's cataphora; "A
Lakeview coach" in the lede is the one coach named further down); "the laid-back resident" is the person in
view; "the commission" is an organisation named with that word, "the company" the last organisation named as a
subject, else the description stands for itself. A document speaks for its author (possessor, "by"/"from", who
wrote in it earlier, else the article's main organisation). Their order is the table's, in
:mod:`onrecord.attribution.resolution.speaker_rules`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from onrecord.attribution.resolution.antecedents import (
    author,
    earlier_author,
    group_of,
    maker,
    person_antecedent,
)
from onrecord.attribution.resolution.mention import Mention
from onrecord.attribution.resolution.names import Speaker, org_text, strip_det, surname
from onrecord.attribution.resolution.organisations import org_for
from onrecord.attribution.resolution.roles import role_holder
from onrecord.attribution.resolution.syntax import (
    ORG_LABELS,
    PERSON_TITLES,
    compound_start,
    described,
    is_document,
    modifies,
    person_noun,
)
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import (
    ANONYMOUS_HEADS,
    COLLECTIVE_HEADS,
    DOCUMENT_NOUNS,
    ISSUED_DOCUMENTS,
    JUDGMENT_NOUNS,
    LETTER_NOUNS,
    ORGANISATION_HEADS,
    PLACE_HEADS,
    QUANTITY_HEADS,
    RESEARCH_DOCUMENTS,
    SPOKESPERSON_HEADS,
    STUDY_LEADING_VERBS,
    UNNAMED_HEADS,
)


def _document(case: Mention) -> bool:
    return case.lemma in DOCUMENT_NOUNS or is_document(case.head)


def _one_of_documents(head: Token) -> Token | None:
    """"one of her ads", "two of the union's letters": the documents a number picks out, else None."""
    if head.lower_ not in ("one", "some", "several", "another", "two", "three") and head.pos_ != "NUM":
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    docs = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return docs if docs is not None and (docs.lemma_.lower() in DOCUMENT_NOUNS or is_document(docs)) else None


@rule(
    "speakers.document-author",
    ("A study by Civic Action said rents would rise.", "Civic Action"),
    ("“Winter is hard on the rails,” says a paper on the Lakeview Rail Company's website.", "Lakeview Rail Company"),
    ("Mira Oduya accused the Lakeview Rowing Club of blocking her race. The club denied the claims in a statement. "
     "\"We were shocked to see her statements yesterday,\" the statement read.", "Lakeview Rowing Club"),
    ("A study by the Lakeview School of Public Policy analysed 13 recent transit projects in the region. Only one "
     "showed a large benefit. “It is remarkable how little scrutiny there is,” the report said.",
     "Lakeview School of Public Policy"),
    ("Ana Lind, a nurse, spoke first. More than 40 physicians signed a letter to the Lakeview council. “The clinic "
     "is unsafe,” says the letter.", None),
    ("Ana Lind showed no sign of backing down, releasing a statement that accused the council of using “its power "
     "to block a fair process.”", "Ana Lind"),
    ("Sen. Ana Lind tied her rival to the governor, with one of her ads asking, “Is he independent enough?”",
     "Ana Lind"),
    ("Mira Oduya, vice chairwoman of the Lind campaign, emailed supporters on Monday. The email goes on to say: "
     "“The plan would damage our town.”", "Mira Oduya"),
    ("The Ports Committee met in May. Thursday's memo from the Ports Committee said 59 witnesses had never been heard.",
     "Ports Committee"),
)
def document_author(case: Mention) -> Speaker | None:
    """A document speaks for its author: its possessor ("the union's release"), "by" or "from" ("a study by
    Civic Action"), who released it ("Lind ..., releasing a statement that ..."), else, for a definite one, who
    wrote or issued it earlier ("Lind wrote in a report ... the report said"; "the club denied it in a statement
    ... the statement read"; "A study by X ... the report said"); a group nobody names that made it ("40
    physicians signed a letter") is the speaker, described."""
    picked = _one_of_documents(case.head)
    if picked is None and not _document(case):
        return None
    found = author(case.resolver, picked if picked is not None else case.head)
    if found is None and case.moves and case.head.dep_ == "dobj":
        found = maker(case.resolver, case.head)  # "her office released a note saying ...": who released it
    if found is None and case.definite:
        found = earlier_author(case.resolver, case.head) or _who_wrote_to(case) or _sent_before(case)
    if found is not None and found.name is None and found.kind == "anonymous":
        return found  # made by a group nobody names ("40 physicians signed a letter"): the group, described
    return replace(found, description=case.description) if found is not None and found.name else None


def _sent_before(case: Mention) -> Speaker | None:
    """"Ana Lind emailed supporters on Monday ... The email goes on to say": who did before, outside quotations,
    what the document's noun names as a verb (emailed, tweeted, posted)."""
    r = case.resolver
    for tok in reversed(r.doc[max(0, case.head.i - 300) : case.head.i]):
        if tok.pos_ == "VERB" and tok.lemma_.lower() == case.lemma and not r.index.inside(tok.idx):
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            found = r.resolve(r.doc[subject.left_edge.i : subject.i + 1]) if subject is not None else None
            return found if found is not None and found.name else None
    return None


def _who_wrote_to(case: Mention) -> Speaker | None:
    """"The letter" after "Eleven senators have written to the president": who wrote to someone before it, outside
    quotations -- a person or a body named, else the group as introduced."""
    r = case.resolver
    if case.lemma not in LETTER_NOUNS:
        return None
    for tok in reversed(r.doc[max(0, case.head.i - 300) : case.head.i]):
        if tok.lemma_.lower() != "write" or tok.pos_ != "VERB" or r.index.inside(tok.idx) \
                or not any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
            continue
        # (the nearest subject: not a dateline's place the parse took for another, "LAKEVIEW — Ten senators have")
        subject = next((c for c in reversed(list(tok.lefts)) if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            return None
        found = r.resolve(r.doc[subject.left_edge.i : subject.i + 1])
        return found if found.name else group_of(r, subject) if subject.tag_ == "NNS" else None
    return None


@rule("speakers.authors-of-document", (
    "The Dunmore River Trust published a report on Monday. It says the water has warmed. “The gains will be "
    "reversed,” the report’s authors wrote.", "Dunmore River Trust"))
def authors_of_document(case: Mention) -> Speaker | None:
    """"The report's authors", "the authors of the study": who wrote a document speak as its author does (the
    body that issued it, see speakers.document-author); unnamed when nobody is said to have issued it."""
    head, r = case.head, case.resolver
    if case.lemma not in _WRITERS or not case.moves:
        return None
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner = owner or (next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None)
    if owner is None or not (owner.lemma_.lower() in DOCUMENT_NOUNS or is_document(owner)):
        return None
    found = r.resolve(r.doc[owner.left_edge.i : owner.i + 1])
    return replace(found, description=case.description) if found.name else None


#: Nouns for who wrote a document.
_WRITERS = frozenset({"author", "writer", "co-author"})


@rule("speakers.document-of-last-speaker", (
    "The Lakeview Rowing Club said its coach had died in the crash. A statement said the club was shocked.",
    "Lakeview Rowing Club"))
def document_of_last_speaker(case: Mention) -> Speaker | None:
    """A statement, a release or a tweet nobody is said to have issued, right after an organisation spoke (in
    the same sentence or the one before): that organisation issued it."""
    head, r = case.head, case.resolver
    if case.lemma not in ISSUED_DOCUMENTS or case.phrase_ents:
        return None
    since = r.doc[head.sent.start - 1].sent.start if head.sent.start > 0 else 0
    last = next(((i, s) for i, s in reversed(r.recent) if i < head.i), None)
    if last is not None and last[0] >= since and last[1].kind == "organisation":
        return replace(last[1], description=case.description)
    return None


@rule("speakers.document-of-main-organisation", (
    "Tarn Energy Inc. grew. Tarn Energy Inc. hired staff. The report said prices would rise.", "Tarn Energy Inc."))
def document_of_main_organisation(case: Mention) -> Speaker | None:
    """A definite report nobody is said to have issued: the organisation the article is about (named most
    often, twice at least) issued it. Not "a 2014 study", nor "polls show"."""
    if not (_document(case) and case.definite):
        return None
    main = case.resolver.index.main_org(case.head.i)
    return Speaker(main, "organisation", case.description) if main is not None else None


@rule("speakers.lead-author", (
    "A study of Lake Tarn appeared on Monday. Its lead author, Dr. Ana Lind-Oduya, called it good news. The authors "
    "wrote that the lake had recovered.", "Ana Lind-Oduya"))
def lead_author(case: Mention) -> Speaker | None:
    """A study's authors, or the study itself, that no organisation is said to have issued: the person introduced
    before as its author ("Its lead author, Dr. Ana Lind,")."""
    head, r = case.head, case.resolver
    if not case.definite or case.phrase_ents or not (
            (case.lemma in _WRITERS and head.tag_ == "NNS") or case.lemma in RESEARCH_DOCUMENTS):
        return None
    authors = [name for i, name in r.index.roles.get("author", ()) if i < head.i]
    if authors:
        return Speaker(authors[0], "person", case.description)
    leader = _study_leader(case)
    return replace(leader, description=case.description) if leader is not None else None


def _study_leader(case: Mention) -> Speaker | None:
    """The person a study before was said to be led by ("The study, led by Professor Ana Lind of ..."), outside
    quotations."""
    r, head = case.resolver, case.head
    for tok in r.doc[max(0, head.i - 400) : head.i]:
        if tok.lemma_.lower() not in RESEARCH_DOCUMENTS or tok.pos_ != "NOUN" or r.index.inside(tok.idx):
            continue
        for verb in tok.children:
            if verb.dep_ != "acl" or verb.lemma_.lower() not in STUDY_LEADING_VERBS:
                continue
            by = next((c for c in verb.children if c.dep_ == "agent"), None)
            who = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            if who is not None and who.ent_type_ == "PERSON":
                found = r.resolve(r.doc[who.left_edge.i : who.i + 1])
                if found.name and found.kind == "person":
                    return found
    return None


@rule("speakers.document-unattributed", ("The report said prices would rise.", None))
def document_unattributed(case: Mention) -> Speaker | None:
    """A definite document with no author in sight speaks for nobody known; its description is kept."""
    return Speaker(None, "unknown", case.description) if _document(case) and case.definite else None


def _organisation(case: Mention) -> bool:
    return case.lemma in ORGANISATION_HEADS or case.head.lower_ in ORGANISATION_HEADS


@rule("speakers.organisation-named-in-phrase", (
    "The Danish government said the road would close.", "Danish government"))
def organisation_named_in_phrase(case: Mention) -> Speaker | None:
    """An organisation noun named in its own phrase: by a place or a people ("the Canadian government",
    "Lakeview council": the description is its name), by an organisation it modifies ("the group People for the
    Ethical Treatment of Animals"), or by a proper noun ("the independent Sage group of science advisers")."""
    if not _organisation(case):
        return None
    head, description = case.head, case.description
    if any(e.label_ in ("GPE", "NORP") for e in case.phrase_ents):
        return Speaker(strip_det(description), "organisation", description)
    named = next((e for e in case.phrase_ents if e.label_ in ORG_LABELS and modifies(e.root, head)), None)
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
)
def organisation_in_view(case: Mention) -> Speaker | None:
    """A definite organisation noun is the last organisation named with that word ("the commission" -> "the
    Harbour Commission"; not a description the recogniser took for a name, "the federal department"), or for a
    generic head ("the company") the one organisation the sentence before names, else the last one named as a
    subject, else the last one that spoke (not one named in passing: "Analysts surveyed by Orbis Data")."""
    if not (_organisation(case) and case.definite and case.head.tag_ == "NN"):
        return None
    org = org_for(case.resolver, case.head)
    return Speaker(org, "organisation", case.description) if org is not None else None


@rule(
    "speakers.organisation-description",
    ("The union said the plant would close.", "union"),
    ("The hospital where Ana Lind worked, Carrow General, said in a statement that she was a fine doctor.",
     "Carrow General"),
    ("The Marlow Estuary Trust published its bird survey on Monday. The regional environment agency said it would "
     "study the survey.", "regional environment agency"),
)
def organisation_description(case: Mention) -> Speaker | None:
    """Any other organisation noun: an organisation named in its phrase or in apposition to it ("the hospital
    where she worked, Carrow General,", which the recogniser may not know for one), else for "a group of
    employees" no one named body, else the description is the organisation ("the union")."""
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
    return Speaker(strip_det(case.resolver.doc[head.left_edge.i : head.i + 1].text), "organisation", case.description)


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
    found = case.resolver.index.lede_person(case.head, case.det)
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
)
def role_holder_by_title(case: Mention) -> Speaker | None:
    """A person's title or an unnamed source's noun, definite ("the senator", "the spokesman"): the person last
    introduced with that role before it ("Sen. Ana Lind", "Midfielder Sara Lund"; "the former mayor": one introduced
    as a former one), else the first after it (a lede's cataphora).
    Nobody else given the role since the one just quoted: that one ("Sen. Ana Dale ... said Dale. The senator
    paused")."""
    if not (_by_role(case) and case.definite and case.head.tag_ == "NN"):
        return None
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
    if not described(head):
        return None
    found = person_antecedent(case.resolver, head, None, prefer_speaker=False, any_mention=False)
    return replace(found, description=case.description) if found.name else None


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
        person = surname(ent.text) in index.by_surname  # (a person the article named, tagged an organisation)
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


@rule("speakers.document-goes-on", (
    "Judge Ivo Marrick dismissed the claim on Friday. “The email speaks for itself,” the judgment says. It adds "
    "that the sale stands.", "Ivo Marrick"))
def document_goes_on(case: Mention) -> Speaker | None:
    """"It" as the subject of the sentence right after one whose last speaker was a document ("“…,” the judgment
    says. It adds that ..."): the document goes on, for whoever it was found to speak for."""
    head, r = case.head, case.resolver
    if head.lower_ != "it" or head.dep_ != "nsubj" or head.sent.start == 0 or r.index.inside(head.idx):
        return None
    before = r.doc[head.sent.start - 1].sent
    spoke = next(((i, s) for i, s in reversed(r.recent) if i < before.end), None)
    if spoke is None or spoke[0] < before.start or not spoke[1].name:
        return None
    subject = next((c for c in r.doc[spoke[0]].children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() not in DOCUMENT_NOUNS | JUDGMENT_NOUNS:
        return None
    return replace(spoke[1], description=case.description)


@rule("speakers.unresolved", ("Everyone in the room said the plan would fail.", None))
def unresolved(case: Mention) -> Speaker | None:
    """Nothing else decided: the speaker is unknown, its description kept."""
    return Speaker(None, "unknown", case.description)
