"""Who is a person, by the article's own evidence, whatever the recogniser labelled the name (issue 17).

The small English recogniser knows few names: an invented or a foreign one ("Marit Solbakk", "Zeb Tarkington")
comes back as an organisation, a place or nothing. A reader knows it is a person by how the article writes of it.
Here a proper-noun chain (two to four title-case words, hyphenated parts joined) that the recogniser did not label
a person is asked the table :data:`PERSON_EVIDENCE`: a first name of the name list with, besides, its family name
used alone as a subject, a he/she that takes it up, or a verb of saying it is the subject of. (A title before the
chain, a person's role or an age beside it are read by the article index itself: see
:meth:`onrecord.attribution.resolution.index.ArticleIndex._index_chains`.) The list alone is never enough
("Grace", "Jordan" and "Chase" are places, firms and words too), and a chain with a word of an organisation's, a
place's or a street's name is none. Conversely, a name the recogniser labelled a person's that ends with a
street's word ("Mill Lane") is the street's.

While speakers are resolved the Doc's entities carry these corrections (:func:`people_by_evidence`), together
with the organisations' and people's names the recogniser swapped (:func:`organisation_person_swaps`); the
recogniser's own labels are restored after, so the rest of the pipeline sees them. One pass over the tokens'
arrays finds the chains, the family names used alone as subjects and the he/she subjects; each chain is then
judged by look-ups (sets, bisection), never by reading the article again.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.arrays import ents_of, ids, one_of, positions, set_ents, token_arrays
from onrecord.attribution.resolution.given_names import names_given
from onrecord.attribution.resolution.names import (
    LEADING_ROLES,
    ROLE_ENDINGS,
    clean_name,
    hyphen_joins,
    leaning_gender,
    listed_first_name,
    listed_gender,
    name_joint,
    surname,
)
from onrecord.attribution.resolution.patronyms import patronymic_people
from onrecord.attribution.resolution.syntax import (
    PERSON_TITLES,
    copular_nouns,
    is_subject,
    organisation_person_swaps,
    person_noun,
)
from onrecord.attribution.rules import RuleTable, rule
from onrecord.lexicon.en import (
    ANONYMOUS_HEADS,
    COURTESY_TITLES,
    DAY_WORDS,
    FEMALE_FIRST_NAMES,
    MALE_FIRST_NAMES,
    NOT_NAMES,
    ORGANISATION_HEADS,
    ORGANISATION_NAME_ENDINGS,
    OUTLET_WORDS,
    PLACE_FEATURE_WORDS,
    PLACE_HEADS,
    PLACE_NAME_ENDINGS,
    SPEECH_VERBS,
)

if TYPE_CHECKING:
    from onrecord.attribution.resolution.index import ArticleIndex

#: Words of an organisation's, an outlet's, a place's or a street's name, or of page furniture: a chain with one is
#: no person.
NOT_A_PERSONS_WORD = ORGANISATION_HEADS | ORGANISATION_NAME_ENDINGS | PLACE_FEATURE_WORDS | PLACE_HEADS \
    | PLACE_NAME_ENDINGS | OUTLET_WORDS | NOT_NAMES | DAY_WORDS
#: What the recogniser may have made of a person's name that this layer may correct (not a date, a number, a law).
#: A name's word with an apostrophe inside it ("Wanjug'u", "O'Dowd"), which is neither letters only nor title case.
_INNER_APOSTROPHE = re.compile(r"[A-Z][a-z]*['’][A-Za-z][a-z]*")
_CORRECTABLE = frozenset({"", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})
#: Labels of places and of peoples or parties: a first name with a verb of saying or a he/she is not enough to undo
#: one entity so labelled ("British Columbia", "the California Democrat").
_PLACES = frozenset({"GPE", "LOC", "FAC", "NORP"})
#: How sure the first-name list must be of a gender for a he/she to take up a name, or for a verb of saying to make
#: it a person: uncertainty (0.5 - |0.5 - P(woman)|) at most this ("Zeb" 0.08; not "California" 0.33).
_LEANING = 0.1
_SUBJECT = ids("nsubj", "nsubjpass")
_HE_SHE = ids("he", "she")
_PROPN = ids("PROPN")
#: How many tokens after a chain a he/she subject may take it up.
_PRONOUN_REACH = 60


@dataclass(frozen=True, slots=True)
class Facts:
    """What the whole article says, gathered in one pass: the family names used alone as subjects (lower case), the
    he/she subjects (token, "m"/"f"), and where each person or candidate name starts (sorted)."""

    alone: frozenset[str]
    pronouns: tuple[tuple[int, str], ...]
    starts: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Chain:
    """A proper-noun chain the recogniser did not label a person: ``doc[start:end]``, with the article's facts."""

    doc: Doc
    start: int
    end: int
    label: str  # the label of the one entity the recogniser made of the whole chain ("" for none or several)
    facts: Facts

    @property
    def name(self) -> str:
        return clean_name(self.doc[self.start : self.end].text)

    @property
    def last(self) -> Token:
        return self.doc[self.end - 1]

    @property
    def place(self) -> bool:
        """Did the recogniser label the whole chain one place, people or party?"""
        return self.label in _PLACES

    @property
    def listed_first(self) -> bool:
        """Does it begin with a first name of nomquamgender's list (and a family name follow)?"""
        return listed_first_name(self.doc[self.start]) and len(self.name.split()) >= 2

    @property
    def subject(self) -> bool:
        """Is it a verb's subject, or joined to one ("Ana Lind and Ivo Tarn met")?"""
        tok = self.last
        return tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ == "conj" and tok.head.dep_ in ("nsubj", "nsubjpass"))


@rule("speakers.people-family-name-alone", (
    "Ines Quaresma and Teodor Vlk met on Tuesday. “It went well,” Quaresma said.", "Ines Quaresma"))
def family_name_alone(chain: Chain) -> str | None:
    """A first name of the list, and the chain's last word used alone elsewhere as a subject ("Quaresma said"): a
    person, called by the family name."""
    return chain.name if chain.listed_first and surname(chain.name) in chain.facts.alone else None


@rule("speakers.people-taken-up-by-pronoun", (
    "Wanjiru Kamau counts birds at the lake every morning. “The flamingos are back,” she said.", "Wanjiru Kamau"))
def taken_up_by_pronoun(chain: Chain) -> str | None:
    """A first name of the list, a subject, and the next he or she subject after it (a few sentences on, no other
    person named between) of the gender the list clearly gives that first name takes it up: a person. Not for a
    chain the recogniser labelled, whole, a place, a people or a party."""
    if not (chain.listed_first and chain.subject):
        return None
    facts = chain.facts
    k = bisect.bisect_left(facts.pronouns, (chain.end, ""))
    if k == len(facts.pronouns) or facts.pronouns[k][0] - chain.end > _PRONOUN_REACH:
        return None
    at, gender = facts.pronouns[k]
    between = bisect.bisect_left(facts.starts, at) - bisect.bisect_right(facts.starts, chain.start)
    return chain.name if between == 0 and not chain.place and _leaning(chain.name) == gender else None


@rule("speakers.people-speaking", ("Priyanka Venkataraman said the grant was too small.", "Priyanka Venkataraman"))
def speaking(chain: Chain) -> str | None:
    """A first name the list clearly gives one gender, and the subject of a verb of saying, not labelled, whole, a
    place, a people or a party: a person ("Priyanka Venkataraman said")."""
    verb = chain.last.head
    return chain.name if chain.listed_first and chain.subject and chain.last.dep_ != "conj" \
        and verb.lemma_.lower() in SPEECH_VERBS and not chain.place and _leaning(chain.name) is not None else None


@rule("speakers.people-given-a-role-by-is", (
    "A message was sent by an engineer aboard the ship. The engineer was Marit Solbakk.", "Marit Solbakk"))
def given_a_role_by_is(chain: Chain) -> str | None:
    """A first name the list clearly gives one gender, said with "is" to be a person's role ("The engineer was
    Marit Solbakk", "Marit Solbakk is the club's treasurer"): a person, whatever the recogniser labelled it."""
    if not chain.listed_first or _leaning(chain.name) is None:
        return None
    return chain.name if any(person_noun(n.lemma_.lower()) or n.lemma_.lower().endswith(ROLE_ENDINGS)
                             for n in copular_nouns(chain.last)) else None


def _leaning(name: str) -> str | None:
    """"m" or "f" where the list leans clearly to one gender for the name's first name (:data:`_LEANING`)."""
    return leaning_gender(name, _LEANING)


def first_names_alone(doc: Doc, index: ArticleIndex) -> list[tuple[int, str, bool]]:
    """The mentions of a person introduced in full by the first name alone, outside quotations ("Ana Lind hosted
    the show. ... Ana was incredulous."): where one person of the article has that first name, it is no family name
    of the article's, and the recogniser left the word unlabelled."""
    fullest_of = functools.cache(index.fullest)  # (once a name, not once a pair: nothing here changes the index)
    firsts: dict[str, set[str]] = {}
    for name in {fullest_of(n) for names in index.by_surname.values() for n in names if len(n.split()) >= 2}:
        firsts.setdefault(name.split()[0].lower(), set()).add(name)
    one = {first: names.pop() for first, names in firsts.items() if len(names) == 1 and first not in index.by_surname}
    if not one:
        return []
    introduced = {name: min((i for i, n, _s in index.persons if fullest_of(n) == name), default=len(doc))
                  for name in one.values()}
    a = token_arrays(doc)
    found = []
    for i in positions(one_of(a.lower, ids(*one)) & a.is_title):
        tok, name = doc[i], one[doc[i].lower_]
        if tok.pos_ != "PROPN" and tok.ent_type_ not in _MISREAD_FIRST_NAME:
            continue  # (the tagger's verb or noun, when the recogniser still read a name: "Micheline now volunteers")
        alone = not (i and _name_part(doc, i - 1)) and not (i + 1 < len(doc) and _name_part(doc, i + 1))
        if alone and _unlabelled_or_misread(tok) and i > introduced[name] and not index.inside(tok.idx):
            found.append((i, name, is_subject(tok, i + 1, i)))
    return found


def _unlabelled_or_misread(tok: Token) -> bool:
    """Did the recogniser leave the first name unlabelled, or take it alone for a people, a firm or a work
    ("Micheline" read as a nationality), never for a place?"""
    return not tok.ent_type_ or (tok.ent_type_ in _MISREAD_FIRST_NAME and tok.ent_iob_ == "B" and (
        tok.i + 1 == len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I"))  # (an entity of this word alone)


#: What the recogniser may take a first name alone for (not a place: "Jordan", "Georgia").
_MISREAD_FIRST_NAME = frozenset({"NORP", "ORG", "PRODUCT", "WORK_OF_ART"})


def family_names_alone(doc: Doc, index: ArticleIndex) -> list[tuple[int, str, bool]]:
    """A family name of two words used alone ("Quispe Lara sat by the fire" after "Marta Quispe Lara") that the
    recogniser took for an organisation or a place: a mention of the person whose full name ends with it, when
    one person of the article does. (One word alone: see the index's stray surnames.)"""
    out = []
    for ent in ents_of(doc):
        if ent.label_ not in _CORRECTABLE or len(ent) < 2 or not all(t.is_title for t in ent) \
                or index.inside(ent.start_char) or (ent.start and doc[ent.start - 1].pos_ == "PROPN"):
            continue
        words = ent.text.lower().split()
        full = {n for n in index.by_surname.get(surname(ent.text), ()) if len(n.split()) > len(words)
                and [w.lower() for w in n.split()[-len(words):]] == words}
        if len(full) == 1:
            out.append((ent.start, full.pop(), is_subject(ent.root, ent.end, ent.start)))
    return out


def first_name_votes(name: str, *, listed: bool) -> tuple[int, int]:
    """(male, female) votes a full name's first name gives: 2 for one of the short lists (weaker than an
    honorific, outweighs one stray he/she); with ``listed``, as much for a first name the long list is near sure
    of (:func:`listed_gender`: "Ilsa", "Thaddeus"), so that a "his" in the clause after "Ilsa Lind, an
    expert, noted" does not make her a man."""
    words = name.split()
    if len(words) < 2:
        return 0, 0
    first = words[0].lower()
    if first in MALE_FIRST_NAMES or first in FEMALE_FIRST_NAMES:
        return 2 * (first in MALE_FIRST_NAMES), 2 * (first in FEMALE_FIRST_NAMES)
    sure = listed_gender(name) if listed else None
    return 2 * (sure == "m"), 2 * (sure == "f")


#: The evidence that a chain is a person, asked in order; the first that finds some decides.
PERSON_EVIDENCE: RuleTable[Chain, str] = RuleTable("speakers.people", [
    family_name_alone,
    taken_up_by_pronoun,
    speaking,
    given_a_role_by_is,
])


def _name_part(doc: Doc, k: int) -> bool:
    """Is ``doc[k]`` a word of a name: a title-case proper noun, the first part of a double-barrelled name that the
    tagger took for a noun ("Tremblay" of "Ana Tremblay-Vos"), or the lower part of a hyphenated first name ("woo"
    of "Ji-woo")?"""
    tok = doc[k]
    if tok.is_title and (tok.pos_ == "PROPN" or (tok.is_alpha and k + 1 < len(doc) and hyphen_joins(doc, k + 1))):
        return True
    return k >= 2 and tok.is_alpha and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ \
        and not doc[k - 2].whitespace_ and doc[k - 2].is_title


def _chains(doc: Doc) -> Iterator[tuple[int, int]]:
    """The proper-noun chains of the article: (start, end) of two or more name words (hyphens inside)."""
    a = token_arrays(doc)
    n = len(doc)
    # (a proper noun, or the first part of a hyphenated first name the tagger took for a noun: "Hye" of "Hye-jin")
    starts = set(positions(one_of(a.pos, _PROPN) & a.is_title)) | {
        int(i) for i in positions(a.is_title) if i + 2 < n and doc[i].is_alpha and doc[i + 1].text == "-"
        and not doc[i].whitespace_ and not doc[i + 1].whitespace_ and doc[i + 2].is_lower and doc[i + 2].is_alpha
        and i + 3 < n and doc[i + 3].pos_ == "PROPN" and doc[i + 3].is_title}
    for i in sorted(starts):
        if i and (_name_part(doc, i - 1) or (doc[i - 1].text == "-" and not doc[i - 1].whitespace_)):
            continue  # (not a chain's start)
        end = i + 1
        while end < n and (_name_part(doc, end) or (
                doc[end].text == "-" and not doc[end].whitespace_ and not doc[end - 1].whitespace_
                and end + 1 < n and doc[end + 1].is_alpha)):
            end += 1
        if doc[end - 1].text != "-":
            yield i, end


def _candidate(doc: Doc, start: int, end: int) -> tuple[int, str] | None:
    """(start, the label of the one entity that covers it, else "") of a chain that may be a person the recogniser
    missed: a title at its start left out, two to four words, none of an organisation's or a place's name nor,
    after the first, a role's ("Market Strategist"), no article before it, not ending with a plural or a party's
    member, all inside the chain's entities; else None."""
    first = start
    while start < end and doc[start].lower_.rstrip(".") in _TITLES_NOT_NAMES:
        start += 1  # ("Dr Ana Lind": the title is evidence, not a word of the name)
    words = [t for t in doc[start:end] if t.text != "-"]
    if not 2 <= len(words) <= 4 or any(_not_a_name_word(t) or (t.is_upper and len(t) > 1) for t in words[1:]) \
            or words[0].lower_.rstrip(".") in NOT_A_PERSONS_WORD or (words[0].is_upper and len(words[0]) > 1):
        return None
    if start and doc[start - 1].lower_ in ("the", "a", "an"):
        return None  # a description ("the California Democrat"), not a name
    last = doc[end - 1]
    if (last.tag_ == "NNPS" and not _family_name_in_s(doc, start, end)) \
            or (last.ent_type_ == "NORP" and doc[start].ent_type_ != "NORP"):
        return None  # members of a party or a people ("Lakeview Democrats", "Tarnish Republican")
    labels = {t.ent_type_ for t in doc[start:end]}
    if "PERSON" in labels or not labels <= _CORRECTABLE:
        return None
    # an entity that runs on past the chain ("Ana Lind of Lakeview University") is read by other rules
    if doc[first].ent_iob_ == "I" or (end < len(doc) and doc[end].ent_iob_ == "I"):
        return None
    return start, labels.pop() if len(labels) == 1 and doc[start].ent_iob_ == "B" else ""


def _family_name_in_s(doc: Doc, start: int, end: int) -> bool:
    """Is a chain the tagger read as a plural ("Micheline Desrochers", "Ivo Edwards": a family name ending in "s")
    a first name of the list with one family name, not members of a party or a people ("Lakeview Democrats")?"""
    return end - start == 2 and listed_first_name(doc[start]) and _leaning(doc[start:end].text) is not None \
        and doc[end - 1].ent_type_ != "NORP" and not person_noun(doc[end - 1].lemma_.lower())


#: A title or role word at a chain's start that is no word of a name ("Dr", "Senator"), read off the chain.
_TITLES_NOT_NAMES = LEADING_ROLES - NOT_A_PERSONS_WORD


def _not_a_name_word(tok: Token) -> bool:
    """Is the word one of an organisation's, a place's or a role's, never a person's name? A part of a
    double-barrelled family name is judged by the organisations' and the roles' lists alone, not by a place's word
    nor a role's ending ("Park" and "Lindqvist" of "Ana Lindqvist-Park": no park, no "-ist" occupation)."""
    word = tok.lower_.rstrip(".")
    doc = tok.doc
    if hyphen_joins(doc, tok.i - 1) or (tok.i + 1 < len(doc) and hyphen_joins(doc, tok.i + 1)):
        return word in _NOT_A_NAME_PART or word in PERSON_TITLES or word in ANONYMOUS_HEADS
    return word in NOT_A_PERSONS_WORD or tok.lower_ in NOT_A_PERSONS_WORD or person_noun(tok.lower_)


#: Words that are no part of a double-barrelled person's name: an organisation's or an outlet's, page furniture.
_NOT_A_NAME_PART = ORGANISATION_HEADS | ORGANISATION_NAME_ENDINGS | OUTLET_WORDS | NOT_NAMES | DAY_WORDS


def _facts(doc: Doc, starts: list[int]) -> Facts:
    """The article's family names used alone as subjects, its he/she subjects, and where its people start."""
    a = token_arrays(doc)
    subjects = one_of(a.dep, _SUBJECT)
    alone = set()
    for i in positions(subjects & one_of(a.pos, _PROPN) & a.is_title):
        tok = doc[i]
        if (i and _name_part(doc, i - 1) and doc[i - 1].text != "-") or (i + 1 < len(doc) and _name_part(doc, i + 1)):
            continue  # (a word of a longer name)
        first = i
        while first >= 2 and doc[first - 1].text == "-" and not doc[first - 1].whitespace_ \
                and not doc[first - 2].whitespace_:
            first -= 2  # "Adeyemi-Cole said"
        if first and doc[first - 1].lower_ in ("the", "a", "an"):
            continue
        alone.add(doc[first : tok.i + 1].text.lower())
    pronouns = tuple((i, "m" if doc[i].lower_ == "he" else "f") for i in positions(subjects & one_of(a.lower, _HE_SHE)))
    people = [e.start for e in ents_of(doc) if e.label_ == "PERSON"]
    return Facts(frozenset(alone), pronouns, tuple(sorted({*people, *starts})))


def evidenced_people(doc: Doc) -> list[Span]:
    """The chains the article shows to be people, as PERSON spans."""
    found: list[tuple[int, str, int]] = []
    for s, e in _chains(doc):
        cand = _candidate(doc, s, e)
        if cand is not None:
            found.append((cand[0], cand[1], e))
    if not found:
        return []
    # (a chain the recogniser took, whole, for a place is no person named between a name and its he/she: "Ana
    # Lind, who moved to New Brunswick from Seoul, ... she said")
    facts = _facts(doc, [s for s, label, _e in found if label not in ("GPE", "LOC", "FAC")])
    out = []
    for start, label, end in found:
        chain = Chain(doc, start, end, label, facts)
        # (what the recogniser took, whole, for a place is a person only with a first name the list is clear on:
        # "Ines Quaresma", not "North Lakeview" or "New Ashcombe")
        if (label not in _PLACES - {"NORP"} or _leaning(chain.name) is not None) \
                and PERSON_EVIDENCE.first(chain) is not None:
            out.append(Span(doc, start, end, label="PERSON"))
    return out


def streets_read_as_people(doc: Doc) -> list[Span]:
    """Names the recogniser labelled a person's that end with a street's or a place's word ("Mill Lane", "Oduya
    Valley"): the place's."""
    return [e for e in ents_of(doc) if e.label_ == "PERSON" and len(e) >= 2 and e[-1].is_title
            and e[-1].lower_ in PLACE_NAME_ENDINGS]


def courtesy_titled_people(doc: Doc) -> list[tuple[int, Span]]:
    """(where its honorific starts, the name) of each name after a courtesy title ("Smt. R. Varsha", "Alhaja Remi
    Adekola-Bello", "Engr. Tunde Okoro"): a person's, whatever the recogniser made of it (a place, a firm, the
    honorific with the words before it); the title itself, and the titles after it ("Hon. Justice"), left out.
    The name's words: capitalised, initials, joined by hyphens or particles; none of an organisation's or a place's
    name ("Dr. Lind Hospital" is none)."""
    a = token_arrays(doc)
    n, found = len(doc), []
    for i in positions(one_of(a.lower, ids(*COURTESY_TITLES)) & a.is_title):
        if doc[i].ent_type_ in _PLACES or doc[i].ent_type_ == "DATE":
            continue  # (a place's name that opens with such a word: "Miss Lakeview" of a pageant's state)
        k = i + 2 if i + 2 < n and doc[i + 1].text == "." and not doc[i].whitespace_ else i + 1
        while k < n - 1 and doc[k].is_title and doc[k].lower_.rstrip(".") in LEADING_ROLES:
            k += 1
        end = k
        while end < n and end - k < 6 and (doc[end].is_title or name_joint(doc, end)):
            end += 1
        while end > k and not doc[end - 1].is_title:
            end -= 1  # (not ending on a hyphen or a particle)
        words = [t for t in doc[k:end] if t.is_title]
        if not words or not doc[k].is_title or any(t.lower_.rstrip(".") in NOT_A_PERSONS_WORD for t in words) \
                or any(t.is_sent_start for t in doc[k + 1 : end]):
            continue
        found.append((i, Span(doc, k, end, label="PERSON")))
    return found


def names_cut_short(doc: Doc) -> list[Span]:
    """A person's name the recogniser ended after the first name, the family name of one or two more words left
    out ("Col. Ulrico [Benavente Ochoa]", "Marta [Quispe Lara]"): the whole name, when the parse reads the words as
    one name (the first name a compound of the chain's last word) and none of them is an organisation's, a place's
    or a role's word, nor labelled a date or a number."""
    n, found = len(doc), []
    for ent in ents_of(doc):
        if ent.label_ != "PERSON" or len(ent) > 2 or ent.end >= n:
            continue
        end = ent.end
        while end < n and end - ent.end < 2 and doc[end].pos_ == "PROPN" and _name_word(doc[end]) \
                and doc[end].ent_type_ in _CORRECTABLE and doc[end - 1].whitespace_ \
                and not doc[end].is_sent_start and doc[end].lower_ not in NOT_A_PERSONS_WORD \
                and not person_noun(doc[end].lower_):
            end += 1
        last = doc[end - 1]
        if end == ent.end or not (ent.end <= ent[-1].head.i < end and ent[-1].dep_ == "compound") \
                or ent.start <= last.head.i < end or (end < n and doc[end].pos_ == "PROPN") \
                or (end < n and doc[end].ent_iob_ == "I"):
            continue  # (the chain's last word must end it, and the first name hang on it)
        found.append(Span(doc, ent.start, end, label="PERSON"))
    return found


def _name_word(tok: Token) -> bool:
    """A word of a name: in title case, letters only, or with an apostrophe inside ("Wanjug'u", "O'Dowd")."""
    return (tok.is_title and tok.is_alpha) or _INNER_APOSTROPHE.fullmatch(tok.text) is not None


@contextmanager
def people_by_evidence(doc: Doc) -> Iterator[None]:
    """While speakers are resolved, the Doc's entities as the article's evidence corrects them: the people
    :func:`evidenced_people` finds, the names written with a patronym and their given names alone
    (:func:`onrecord.attribution.resolution.patronyms.patronymic_people`), the names after courtesy titles
    (:func:`courtesy_titled_people`), the streets the recogniser read as people, and the organisations and people
    it swapped (:func:`organisation_person_swaps`); the recogniser's own entities are restored after."""
    ents = ents_of(doc)
    relabel = organisation_person_swaps(ents)
    relabel.update((e.start, Span(doc, e.start, e.end, label="FAC")) for e in streets_read_as_people(doc))
    people = [(p.start, p) for p in evidenced_people(doc)]
    people += [(p.start, p) for p in names_cut_short(doc)]
    people += [(p.start, p) for p in patronymic_people(doc)]  # "Ana Sari binti Osman", then "Ana Sari" alone
    people += [(p.start, p) for p in names_given(doc) if p not in ents]  # "who gave his name only as Tito"
    people += [(i, p) for i, p in courtesy_titled_people(doc) if p not in ents]  # (last: they win)
    if not relabel and not people:
        yield
        return
    spans = [relabel.get(e.start, e) for e in ents]
    for start, person in people:  # (an entity over the honorific goes too: "Roads Smt" of "Roads Smt. Ana Lind")
        spans = [s for s in spans if s.end <= start or s.start >= person.end] + [person]
    set_ents(doc, sorted(spans, key=lambda s: s.start))
    try:
        yield
    finally:
        set_ents(doc, ents)
