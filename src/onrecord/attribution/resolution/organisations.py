"""Which organisation a definite description refers to ("the commission", "the company", "the city"), and the
rule for a spokesperson of a body given by its word alone ("a ministry spokeswoman")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from onrecord.attribution.resolution.index import OrgMention
from onrecord.attribution.resolution.kinds import KIND_NOUNS, article_kinds, broad, kind_fit, kind_only, name_kinds
from onrecord.attribution.resolution.mention import Mention
from onrecord.attribution.resolution.names import Speaker, org_text, strip_det
from onrecord.attribution.resolution.syntax import compound_start, person_noun
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import (
    FEMALE_FIRST_NAMES,
    GENERIC_ORGANISATION_HEADS,
    GOVERNING_BODIES,
    MALE_FIRST_NAMES,
    NAMED_BODY_HEADS,
    ORGANISATION_HEADS,
    PLACE_HEADS,
    PUBLICATIONS,
    SPOKESPERSON_HEADS,
)

if TYPE_CHECKING:
    from onrecord.attribution.resolution.resolver import SpeakerResolver


def org_for(r: SpeakerResolver, head: Token) -> str | None:
    """The organisation a definite description refers to: the last one named with its head word ("the
    commission" -> "the Harbour Commission"), or for a generic head ("the company") the last one named as a
    subject outside quotations; None when nothing fits (the description then stands for itself). A kind noun
    ("the airline", "the utility") is the organisation of that kind, and a body known to be of another kind is
    never one (see kinds.py); with none left in view, a name the recogniser missed, the subject just before."""
    word = head.lower_
    places = word in PLACE_HEADS
    if places and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return None  # "the city of Lakeview" names itself
    people = {s.name for _, s in r.recent if s.kind == "person" and s.name}  # (a name the recogniser took for an
    # organisation that has spoken as a person is none: "Brackley's chairman, Chase Manning, said")
    cands = [m for m in r.index.org_mentions if m[0] < head.i and m[4] == ("GPE" if places else "ORG")
             and not _spoken_person(m[1], people) and not kind_only(m[1])]  # (not "a Super PAC": no body of its own)
    with_word = [m for m in cands if word in m[1].lower().replace(",", " ").split() and m[1].lower() != word]
    # a name before a description the recogniser took for one ("the federal department"), kept for the last
    named = [m for m in with_word if any(w[:1].isupper() for w in m[1].split())]
    if named:
        return r.index.expand(named[-1][1])
    if not places:
        of_kind = _of_its_kind(r, head, cands)
        if of_kind is not None:
            return of_kind
        cands = [m for m in cands if kind_fit(r, word, m[1]) is not False]  # (not a body of another kind)
    cands = [m for m in cands if head.i - _BODY_VIEW <= m[0] and _fits(head, m[1])]
    if word in GENERIC_ORGANISATION_HEADS or places:
        outside = [m for m in cands if not m[3] and head.i - m[0] <= 150 and not _affiliation(r, m[0])]
        just_named = _only_org_just_named(r, head, cands)
        if just_named is not None:
            return just_named
        subjects = [m for m in outside if m[2]]
        same_word = [m for m in cands if m in with_word]  # "the transportation department" for "the department"
        spoke = None if places else next((s.name for i, s in reversed(r.recent) if head.i - _BODY_VIEW <= i < head.i
                                          and s.kind == "organisation" and s.name and not s.name.islower()), None)
        if not subjects and not same_word and spoke is not None and _fits(head, spoke) \
                and kind_fit(r, word, spoke) is not False:
            # nobody acted since: the organisation that spoke last (by its name), not one named in passing
            # ("Analysts surveyed by Orbis Data expected ...")
            return spoke
        pick = subjects or outside
        if pick:
            return r.index.expand(pick[-1][1])
        if not places and not with_word and word not in NAMED_BODY_HEADS:
            lede = _lede_org(r, head, people)
            if lede is not None:
                return lede
    if with_word:
        return with_word[-1][1]
    return None if places or cands else _unrecognised_subject_before(r, head)


def _spoken_person(name: str, people: set[str]) -> bool:
    """Is ``name`` a person who has spoken, in full or by the end of the name ("Peña Albornoz", which the recogniser
    took for an organisation, after "Marcela Peña Albornoz" spoke)?"""
    return name in people or any(p.endswith(" " + name) for p in people)


def spoke_of_kind(r: SpeakerResolver, head: Token) -> str | None:
    """The last organisation that spoke before ``head`` whose own name gives it the kind ``head`` names (a name
    the recogniser missed: "Lakeview Forward PAC, which ..., launched an ad ... The Super PAC also plans")."""
    word = head.lower_
    return next((s.name for i, s in reversed(r.recent) if i < head.i and s.kind == "organisation" and s.name
                 and not kind_only(s.name) and word in name_kinds(s.name)), None)


def _lede_org(r: SpeakerResolver, head: Token, people: set[str]) -> str | None:
    """"The company" far down an article about one: the organisation its opening names as a subject, or the one
    that speaks there (a name the recogniser took for a person's: "Tarn Foods reported a loss ... and said"), of
    the description's kind."""
    lede = next(((m[0], m[1]) for m in r.index.org_mentions if m[2] and not m[3] and m[4] == "ORG"
                 and not _spoken_person(m[1], people)), None)
    spoke = next(((i, s.name) for i, s in r.recent if s.kind == "organisation" and s.name and not s.name.islower()),
                 None)
    first = min((x for x in (lede, spoke) if x is not None), default=None)
    if first is None or first[0] >= head.i or r.doc[first[0]].sent.start >= _LEDE_TOKENS \
            or kind_fit(r, head.lower_, first[1]) is False:
        return None
    return r.index.expand(first[1])


def _unrecognised_subject_before(r: SpeakerResolver, head: Token) -> str | None:
    """With no organisation in view, the name the recogniser missed that is the main subject of the sentence
    before a description opening its own ("Tarn Minera, which runs the mine, says ... “…,” the company said"):
    title-case proper nouns outside quotations, no person's -- a name the recogniser took for one counts when a
    "which" clause or an "its" speaks of it as a thing, and no first name opens it."""
    sent = head.sent
    if sent.start == 0:
        return None
    before = r.doc[sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN" or not subject.is_title or subject.ent_type_ not in ("", "PERSON") \
            or r.index.inside(subject.idx):  # (a body the recogniser found was a candidate, of another kind)
        return None
    words = r.doc[compound_start(subject) : subject.i + 1]
    which = any(c.dep_ == "relcl" and any(d.lower_ == "which" and d.dep_.startswith("nsubj") for d in c.children)
                for c in subject.children)
    thing = which or any(t.lower_ == "its" for t in before if t.i > subject.i)
    person = any(t.ent_type_ == "PERSON" for t in words) or subject.text in r.index.by_surname
    # (a part of the name of a person who spoke, and only an "its" for a thing: "Hua told reporters that China ...
    # is cautioning its citizens" is Hua Chunying)
    spoke = not which and any(s.kind == "person" and s.name and s.name != words.text
                              and subject.text in s.name.split() for _, s in r.recent)
    if not all(t.is_title for t in words) or (person and not thing) or words[0].lower_ in MALE_FIRST_NAMES \
            or words[0].lower_ in FEMALE_FIRST_NAMES or spoke:
        return None
    return words.text


def _of_its_kind(r: SpeakerResolver, head: Token, cands: list[OrgMention]) -> str | None:
    """For a kind noun that is not a broad one ("the airline", "the utility", "the carrier"): the organisation
    named before whose kinds include it (see kinds.py), the last such one named as a subject outside quotations,
    else the last named outside them, else the last; None when none is of that kind."""
    word = head.lower_
    if word not in KIND_NOUNS or broad(word):
        return None
    fitting = [m for m in cands if kind_fit(r, word, m[1]) and _fits(head, m[1])]
    pick = [m for m in fitting if m[2] and not m[3]] or [m for m in fitting if not m[3]] or fitting
    return r.index.expand(pick[-1][1]) if pick else None


#: How far into an article its opening sentence may start (a headline and standfirst before it).
_LEDE_TOKENS = 80


def _affiliation(r: SpeakerResolver, start: int) -> bool:
    """Whether the organisation named at ``start`` is where a person works ("said Ana Lind of Tarn Bank, who
    ...", "an analyst at Orbis Capital", "Ana Lind, who covers retailers at Orbis Capital,"): the object of "of",
    "at" or "with" after a person's name or role, or in a clause about them -- named in passing, no subject,
    whatever a clause after it makes of it."""
    ent = r.index.ent_of.get(start)
    if ent is None or ent.root.dep_ != "pobj" or ent.root.head.lower_ not in ("of", "at", "with"):
        return False
    owner = ent.root.head.head
    if owner.pos_ == "VERB" and owner.dep_ in ("relcl", "acl"):
        owner = owner.head  # ("Ana Lind, who covers retailers at Orbis Capital,")
    return owner.ent_type_ == "PERSON" or (owner.pos_ == "NOUN" and person_noun(owner.lemma_.lower()))


def _fits(head: Token, name: str) -> bool:
    """Whether a name has the nouns that narrow a public body's description ("the environment agency" does not fit
    "Estuary Trust": a body of its own, which the description names; "the transport department" fits)."""
    nouns = [c.lower_[:5] for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    words = name.lower().split()
    return head.lower_ not in NAMED_BODY_HEADS or all(any(w.startswith(n) for w in words) for n in nouns)


def _only_org_just_named(r: SpeakerResolver, head: Token, named: list[OrgMention]) -> str | None:
    """The one organisation the sentence before ``head`` names (in any role, in reported speech too: "the mayor
    said a study had been done by Harbour Transit. The agency said ..."), when ``head`` opens its sentence and
    that sentence names no other; after a phrase set before its verb ("In a statement, the company said"), the
    one it names as a subject ("Tarnwerk GmbH will close the plant, the supplier said"; not "said Ana Lind of
    Skagen Bank")."""
    sent = head.sent
    opens = head.left_edge.i == sent.start
    if sent.start == 0 or not (opens or _fronted_subject(head)):
        return None
    before = r.doc[sent.start - 1].sent
    names = {r.index.expand(m[1]) for m in named if before.start <= m[0] < before.end
             and (opens or (m[2] and not _affiliation(r, m[0])))}
    return names.pop() if len(names) == 1 else None


def _fronted_subject(head: Token) -> bool:
    """Is ``head`` the subject of its sentence's verb with only a prepositional phrase before it ("In a statement,
    the company said", "On Monday, the agency said"; not "However, the group said")?"""
    sent = head.sent
    if head.dep_ != "nsubj" or head.head != sent.root:
        return False
    return all(t.dep_ == "punct" or any(a.head == sent.root and a.dep_ == "prep"
                                        for a in (t, *t.ancestors)) for t in head.doc[sent.start : head.left_edge.i])


@rule("speakers.spokesperson-by-body-word", (
    "The Ministry of Harbours opened an inquiry in May. A ministry spokeswoman said the new ships would be ready.",
    "Ministry of Harbours"))
def spokesperson_by_body_word(case: Mention) -> Speaker | None:
    """An unnamed spokesperson whose body only a common noun gives ("a ministry spokeswoman", "a hospital
    spokesman"): the organisation named before with that word, as "the ministry said" would be -- a spokesperson
    is the body's voice (see speakers.spokesperson-of-organisation), else the body with that word that spoke last
    ("the Lakeview police", a place's police); unnamed when no such name was given."""
    if case.lemma not in SPOKESPERSON_HEADS or case.phrase_ents:
        return None
    word = next((c for c in case.head.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                 and c.lower_ in ORGANISATION_HEADS), None)
    name = org_for(case.resolver, word) if word is not None else None
    if name is None and word is not None:  # ("The Lakeview police said ... a police spokesperson told")
        name = next((s.name for i, s in reversed(case.resolver.recent) if case.head.i - _BODY_VIEW <= i < case.head.i
                     and s.kind == "organisation" and s.name and word.lower_ in s.name.lower().split()), None)
    if name is None or not any(w[:1].isupper() for w in name.split()):
        return None
    return Speaker(name, "organisation", case.description)


@rule("speakers.spokesperson-of-unrecognised-name", (
    "Asked about the defaults, a Velmora spokesperson said the company would ship an update within 30 days.",
    "Velmora"))
def spokesperson_of_unrecognised_name(case: Mention) -> Speaker | None:
    """An unnamed spokesperson whose phrase opens with a name the recogniser did not label, or took for a place, a
    building or a product ("a Velmora spokesperson"): the body of that name -- the words are its own, as for "a
    Halvard spokesman" (see speakers.spokesperson-of-organisation). Not a person's name the article gave ("a Lind
    spokesman": a spokesman for a person is unnamed), nor a first name, nor a people's."""
    head, r = case.head, case.resolver
    if case.lemma not in SPOKESPERSON_HEADS or case.det not in ("a", "an"):
        return None
    name = next((c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title
                 and c.ent_type_ in _MISREAD_BODY_LABELS), None)
    if name is None:
        return None
    words = r.doc[compound_start(name) : name.i + 1]
    if any(not t.is_title or t.ent_type_ not in _MISREAD_BODY_LABELS for t in words) \
            or words[0].lower_ in MALE_FIRST_NAMES \
            or words[0].lower_ in FEMALE_FIRST_NAMES or any(t.lower_ in r.index.by_surname for t in words):
        return None
    return Speaker(r.index.fullest_org(words.text), "organisation", case.description)


@rule("speakers.spokesperson-again", (
    "The Ministry of Harbours opened an inquiry in May. A ministry spokeswoman said the new ships would be ready. "
    "“We are confident,” the spokeswoman said.", "Ministry of Harbours"))
def spokesperson_again(case: Mention) -> Speaker | None:
    """"The spokeswoman" after an unnamed spokesperson ("A ministry spokeswoman said ... “…,” the spokeswoman
    said"): the same voice, whoever the first was given to -- the body it spoke for, or nobody named. Only a bare
    definite one (not "the council's spokesman"), with the last spokesperson in view; a spokesperson the article
    named is their role's holder (rules before this one)."""
    head, r = case.head, case.resolver
    if case.lemma not in SPOKESPERSON_HEADS or case.det != "the" or any(
            c.dep_ in ("poss", "compound", "amod", "prep") for c in head.children):
        return None
    last = max([(i, s) for i, s in r.recent if i < head.i and _spokesperson(s)]
               + [(i, s) for i, s, _g in r.described if i < head.i and _spokesperson(s)],
               key=lambda found: found[0], default=None)
    if last is None or head.i - last[0] > _SPOKESPERSON_VIEW or last[1].name is None:
        return None
    return Speaker(last[1].name, last[1].kind, case.description)


def _spokesperson(s: Speaker) -> bool:
    """Was the speaker given to a mention of an unnamed spokesperson ("a ministry spokeswoman")?"""
    return s.description is not None and any(w.strip(",.") in SPOKESPERSON_HEADS
                                             for w in s.description.lower().split())


#: What the recogniser may take an unknown body's name for: nothing, a place, a building, a product, a work.
_MISREAD_BODY_LABELS = frozenset({"", "GPE", "FAC", "PRODUCT", "WORK_OF_ART"})
#: How far back (in tokens) a body named or heard may be for a description ("the department", "a police
#: spokesperson") to take it up.
_BODY_VIEW = 250
#: How far back (in tokens) the unnamed spokesperson that "the spokesperson" takes up may be.
_SPOKESPERSON_VIEW = 250


def continued_name(ent: Span, source: Span) -> str:
    """An organisation's name where the recogniser cut it at "and" or "for" inside the mention: "the Ministry of
    Harbours and Coastal Affairs" (the pair of fields after "of", where "and" joins words inside the "of" phrase,
    not two bodies: "the Bank of Lakeview and Kestrel Energy"), "the Court of Appeals for the 4th District" (the
    district the court is for); the words after it title-case proper nouns (an ordinal after "the"), no person's
    name, that run to the mention's end. Else the recogniser's name."""
    doc, end = ent.doc, source.end
    k = ent.end - 1 if ent.end - ent.start > 2 and doc[ent.end - 1].lower_ in ("and", "for") else ent.end
    cut = doc[ent.start : k]  # (the recogniser's name, without a connector it ended on: "Department of Transport and")
    if k + 1 >= end or doc[k].lower_ not in ("and", "for") or not cut.start <= doc[k].head.i < k:
        return org_text(ent)
    if doc[k].lower_ == "and" and (doc[k].head == cut.root or not any(t.lower_ == "of" for t in cut)):
        return org_text(ent)  # (joined to the head: two bodies)
    if doc[k].lower_ == "for" and doc[k].head != cut.root:
        return org_text(ent)
    j = k + 1 + (doc[k].lower_ == "for" and doc[k + 1].lower_ == "the")
    rest = doc[j:end]
    person = any(t.ent_type_ == "PERSON" or t.lower_ in FEMALE_FIRST_NAMES or t.lower_ in MALE_FIRST_NAMES
                 for t in rest)  # ("the Ministry of Labour and Ana Tarn": a body and a person)
    if not rest or rest[-1].pos_ != "PROPN" or person or not all(
            (t.pos_ == "PROPN" and t.is_title) or (t.i > j and t.like_num) or _ordinal(t.text) for t in rest):
        return org_text(ent)
    return f"{org_text(cut)} {doc[k:end].text}"


def _ordinal(word: str) -> bool:
    """"4th", "21st", "2nd": a number written as an ordinal."""
    return word[:-2].isdigit() and word[-2:].lower() in ("st", "nd", "rd", "th")


@rule("speakers.editorial-board", (
    "The Kestrel Ledger, the county's largest newspaper, has run a string of editorials attacking Lind. “Lind has "
    "folded,” the editorial board wrote.", "Kestrel Ledger"))
def editorial_board(case: Mention) -> Speaker | None:
    """"The editorial board", "the editors": the publication named last before it, outside quotations, by a
    newspaper's or a magazine's noun in apposition to its name ("the Kestrel Ledger, the county's largest
    newspaper,") or after it ("the Kestrel Ledger newspaper"); else passes."""
    head, r = case.head, case.resolver
    board = case.lemma == "board" and any(c.lower_ == "editorial" for c in head.children)
    if not (board or (case.lemma == "editor" and head.tag_ == "NNS")) or not case.definite or case.phrase_ents \
            or any(c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" and c.is_title for c in head.children):
        return None  # (not "the Harbour Times editorial board": its own)
    for tok in reversed(r.doc[max(0, head.i - 300) : head.i]):
        if tok.lemma_.lower() not in PUBLICATIONS or tok.pos_ != "NOUN" or r.index.inside(tok.idx):
            continue
        name = tok.head if tok.dep_ == "appos" and tok.head.pos_ == "PROPN" else next(
            (c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        if name is not None and name.ent_type_ not in ("PERSON", "GPE"):
            start = next((t.i for t in name.subtree if t.pos_ == "PROPN"), name.i)
            return Speaker(r.index.fullest_org(r.doc[start : name.i + 1].text), "organisation", case.description)
    return None


@rule("speakers.body-of-kind-named-next", (
    "A liberal super PAC backing Ana Lind said on Monday that Ivo Tarn had misled voters. The claim came in a new "
    "ad from Lakeview Forward PAC, which has spent $2 million.", "Lakeview Forward PAC"))
def body_of_kind_named_next(case: Mention) -> Speaker | None:
    """An indefinite body given only by a kind written in capitals ("a conservative super PAC aimed at ...") that
    the story names in the same sentence or the two after it: the body named there whose name gives it that
    kind (see kinds.py), when it is the only one."""
    head, r = case.head, case.resolver
    ent = case.head_ent
    if case.det not in ("a", "an") or not kind_only(head.text) or head.ent_type_ == "PERSON" or (
            ent is not None and not kind_only(org_text(ent))):
        return None
    sent = head.sent
    end = sent.end
    for _ in range(2):
        end = r.doc[end].sent.end if end < len(r.doc) else end
    kinds = article_kinds(r)
    found = {r.index.expand(m[1]) for m in r.index.org_mentions if head.i < m[0] < end and m[4] == "ORG"
             and not kind_only(m[1]) and head.lower_ in kinds.get(r.index.expand(m[1]), set())}
    return Speaker(found.pop(), "organisation", case.description) if len(found) == 1 else None


@rule("speakers.governing-body-of-organisation", (
    "Lakeview Air cancelled 900 flights in December. The airline's board, in a letter to the committee, said it "
    "had full confidence in the chief executive.", "Lakeview Air board"))
def governing_body_of_organisation(case: Mention) -> Speaker | None:
    """The body that governs an organisation, given by a definite noun for the organisation ("the airline's board",
    "the company's trustees"): that body of the organisation the noun refers to (see :func:`org_for`), named with
    it ("Lakeview Air board"); passes when the noun refers to none."""
    head = case.head
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if case.lemma not in GOVERNING_BODIES or owner is None or owner.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in owner.children):
        return None
    org = org_for(case.resolver, owner)
    return Speaker(f"{org} {head.lower_}", "organisation", case.description) if org is not None else None


def lede_body_named_next(r: SpeakerResolver, head: Token) -> str | None:
    """A body the story's opening gives only by its kind before naming it ("The union representing 900 nurses
    said ...", "what their union described as ..."), with no body of that kind named before: the one body named
    in the same sentence or the two after it whose name gives it that kind (see kinds.py) -- by the recogniser's
    name or by title-case proper nouns it missed ("the Lakeview Nurses Association said"); None when none is, or
    several are."""
    word = head.lower_
    if word not in KIND_NOUNS or broad(word) or head.sent.start >= _LEDE_TOKENS:
        return None
    doc, end = r.doc, head.sent.end
    for _ in range(2):
        end = doc[end].sent.end if end < len(doc) else end
    found: set[str] = set()
    for tok in doc[head.i + 1 : end]:
        if tok.pos_ != "PROPN" or not tok.is_title or (tok.i + 1 < end and doc[tok.i + 1].pos_ == "PROPN"):
            continue
        stop = tok.i + 1  # ("Harbour Workers' Congress of Lakeview": the place after "of" is the name's)
        if stop + 1 < end and doc[stop].lower_ == "of" and doc[stop + 1].pos_ == "PROPN":
            stop += 2
        name = org_text(doc[compound_start(tok) : stop])
        if word in name_kinds(name) and not r.index.inside(tok.idx):
            found.add(r.index.expand(name))
    return found.pop() if len(found) == 1 else None


@rule("speakers.acronym-noun", (
    "Officials from the Coastal Rail Authority met on Monday. “Fares will rise,” CRA said.", "Coastal Rail Authority"))
def acronym_noun(case: Mention) -> Speaker | None:
    """An acronym the tagger read as a noun stands for the organisation the article spells out."""
    head, acronyms = case.head, case.resolver.index.acronyms
    if head.text.isupper() and head.text in acronyms and len(case.source) <= 2:
        return Speaker(acronyms[head.text], "organisation")
    return None


@rule("speakers.acronym-name", (
    "The Coastal Rail Authority runs the trains. The troubled CRA said fares would rise.", "Coastal Rail Authority"))
def acronym_name(case: Mention) -> Speaker | None:
    """A proper noun in capitals that abbreviates an organisation the article spells out ("CRA"); not one that
    introduces a titled person after it ("CRA President Ada Lind": the parser may make either word the head)."""
    name = case.head_name
    if any(person.start > case.head.i for person in case.own):
        return None
    acronym = case.resolver.index.acronyms.get(strip_det(name).upper()) if name and name.isupper() else None
    return Speaker(acronym, "organisation") if acronym else None
