"""The article's index of mentions: the people and organisations it names, and what it says of them.

Built once per article, in this order: entities (people outside quotations and photo captions, organisations,
acronyms, honorifics); proper-noun chains the recogniser missed; known surnames it labelled otherwise; the owner
of a family name used alone; acronyms used alone; roles learnt from titles and appositions, with the gender
evidence for each name. Then it answers: the fullest name compatible with a short one, an organisation's
fullest name, a name's gender, the article's main organisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.arrays import ents_of, ids, one_of, positions, root_of, token_arrays
from onrecord.attribution.resolution.bodies import body_name, index_legal_forms, index_traded_companies, owned_person
from onrecord.attribution.resolution.entity_roles import index_roles
from onrecord.attribution.resolution.genders import of_honorific
from onrecord.attribution.resolution.names import (
    LEADING_ROLES,
    clean_name,
    compatible,
    honorific_gender,
    hyphen_extent,
    hyphen_joins,
    initial,
    listed_gender,
    name_joint,
    name_like,
    nicknamed_names,
    org_text,
    particle_names,
    person_name,
    shared_family_name,
    short_form,
    surname,
    titled_name,
    who_follows_name,
)
from onrecord.attribution.resolution.patronyms import patronymic_names
from onrecord.attribution.resolution.people import family_names_alone, first_name_votes, first_names_alone
from onrecord.attribution.resolution.relations import Couple, copular_roles, find_couples
from onrecord.attribution.resolution.roles import (
    apposed_roles,
    graded_roles,
    place_of_a_role,
    redescriptions,
    share_plural_titles,
    title_read_as_name,
)
from onrecord.attribution.resolution.short_forms import acronym_after, acronym_keys, fullest_org
from onrecord.attribution.resolution.syntax import (
    ORG_LABELS,
    PERSON_TITLES,
    Inside,
    age_apposition,
    captions,
    is_subject,
    looks_like_a_persons_name,
    places_read_as_people,
    role_apposition,
    role_key,
)
from onrecord.attribution.resolution.writer import find_writer
from onrecord.lexicon.en import (
    FAMILY_HEADS,
)

#: News media: they report what organisations say, and credit photos; never the article's main organisation.
_MEDIA = re.compile(r"\b(?:Press|News|Reuters|AFP|Bloomberg|Postmedia|CBC|CTV|CNN|BBC|Globe|Times|Herald|Tribune)\b")

#: What the recogniser may make of a person's name it misreads: "June Okafor" as a date, "Ivo Okafor" as a place or
#: a building.
_MISREAD_NAME_LABELS = frozenset({"ORG", "GPE", "FAC", "DATE"})

_PROPN = ids("PROPN")


def _double_barrel(doc: Doc, k: int) -> bool:
    """Is ``doc[k]`` the hyphen of a double-barrelled family name between proper nouns ("Ana Varga-Holm Brandt":
    the chain that ends with "Brandt" goes on back over "Varga-Holm")?"""
    return k > 0 and hyphen_joins(doc, k) and doc[k - 1].pos_ == "PROPN" and doc[k + 1].pos_ == "PROPN"
_PROPN_NOUN = ids("PROPN", "NOUN")
_APPOS = ids("appos")

#: A mention of a person: (token index, name, is subject).
PersonMention = tuple[int, str, bool]
#: A mention of an organisation: (token index, name, is subject, inside a quotation, entity label).
OrgMention = tuple[int, str, bool, bool, str]


class ArticleIndex:
    """The people and organisations one parsed article names.

    ``quoted`` are the character spans of the article's quotations: names inside them are not antecedents
    for a pronoun outside.
    """

    def __init__(self, doc: Doc, text: str, quoted: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = text
        self.persons: list[PersonMention] = []  # outside quotations
        self.org_mentions: list[OrgMention] = []
        self.org_names: list[str] = []
        self.by_surname: dict[str, list[str]] = {}
        self.ent_names: set[str] = set()  # names the recogniser found (the others come from proper-noun chains)
        self.ent_of: dict[int, Span] = {}
        self.acronyms: dict[str, str] = {}
        self.honorific: dict[int, str] = {}  # a person mention's first token -> the gender its honorific gives
        self.owner: dict[str, str] = {}  # family name -> the person it stands for alone (see _find_owners)
        self.family_only: set[str] = set()  # names written only shared ("Ana and Ivo Tarn"; see relations.py)
        self.couples: list[Couple] = []  # (found after the names: fullest reads it, empty until then)
        # "senator" -> [(token, "Jeff Merkley")], learnt from titled mentions and appositions, in text order
        self.roles: dict[str, list[tuple[int, str]]] = {}
        self.votes: dict[str, list[int]] = {}  # fullest name -> [male votes, female votes]
        # fullest's answers, kept once the index is built (None while building: the names still change); cleared
        # whenever a name or a gender vote is learnt afterwards
        self._fullest_memo: dict[tuple[str, str | None, bool], str] | None = None
        self.inside = Inside(quoted)
        named = self._index_entities(Inside(captions(text)))
        self._index_chains()
        self._index_owned_people()
        self._index_stray_surnames()
        self._index_family_first_names()
        nicknamed, self.nicknames = nicknamed_names(doc)  # 'Ana "Sparky" Lind': "Sparky" alone is Ana Lind
        patronymic, given = patronymic_names(doc)  # "Ana Sari binti Osman": "Ana Sari" alone is she
        self.nicknames.update(given)
        for start, name in particle_names(doc) + nicknamed + patronymic:  # "Pieter ter Horst", 'Ana "Sparky" Lind'
            self.learn(name)
            self.persons.append((start, name, is_subject(doc[start], start + 1, start)))
        self.couples = find_couples(doc, self)  # "Ana and Ivo Tarn", "Ivo Tarn and his wife, Mira Tarn"
        self.persons += first_names_alone(doc, self)  # "Ana Lind hosted the show. ... Ana was incredulous."
        self.persons += family_names_alone(doc, self)  # "Marta Quispe Lara ... Quispe Lara sat by the fire"
        self.persons.sort()
        self._find_owners(named)
        self._index_acronym_mentions()
        index_traded_companies(self)  # "Shares of Tarn Appliances fell": a company the recogniser missed
        index_legal_forms(self)  # "Tarnwerk Antriebe GmbH will close": so is one named with its legal form
        self.org_mentions.sort()
        index_roles(self, self._names)  # (roles from titles and appositions, and the gender votes)
        copular_roles(doc, self)  # roles given with "is" ("The lead plaintiff is Ana Lind")
        share_plural_titles(doc, self)  # "Senators Ana Lind and Ivo Tarn": each a senator
        self.redescribed = redescriptions(doc, self)  # "... Ana Lind. The treasurer and former candidate, ..."
        self.graded = graded_roles(self.roles)  # "admiral" -> the vice and rear admirals
        self._writer: tuple[str | None] | None = None  # the article's writer, once looked for (see writer)
        self._fullest_memo = {}

    # -- building ---------------------------------------------------------------------------------------
    def _index_entities(self, in_caption: Inside) -> list[tuple[int, str]]:
        """Index the recogniser's entities; returns every person mention it found, in what was said too."""
        doc, inside = self.doc, self.inside
        named: list[tuple[int, str]] = []
        self._names: dict[int, str] = {}  # each person entity's person_name, by its first token
        places = places_read_as_people(doc)
        # (the last words of names of several words: "Julie Bishop" makes "Bishop" alone a name, not a title)
        self.full_surnames = {e[-1].lower_ for e in ents_of(doc) if e.label_ == "PERSON" and len(e) > 1}
        for ent in ents_of(doc):
            for i in range(ent.start, ent.end):
                self.ent_of[i] = ent
            if ent.label_ in ("ORG", "GPE"):
                org = body_name(ent)  # (not "Fox News' Bret Baier": Fox News, and its reporter)
                if ent.label_ == "ORG":
                    self.org_names.append(org)
                subject = is_subject(root_of(ent), ent.end, ent.start)
                self.org_mentions.append((ent.start, org, subject, inside(ent.start_char), ent.label_))
            if ent.label_ in ORG_LABELS and ent.label_ != "GPE":
                org = org if ent.label_ == "ORG" else org_text(ent)  # (an organisation's: read just above)
                for key in acronym_keys(org):
                    self.acronyms.setdefault(key, org)
            if (given := acronym_after(ent)) is not None:  # "the Harbour People's Party, or HVP," (even as a person)
                self.acronyms.setdefault(given, org_text(ent))
            if ent.label_ != "PERSON":
                continue
            honorific = honorific_gender(doc, ent.start)
            if honorific is not None:
                self.honorific[ent.start] = honorific
            self._names[ent.start] = person_name(ent)  # (read again by _index_roles)
            name = shared_family_name(ent) or self._names[ent.start]
            if not name_like(name) or name.lower() in places or place_of_a_role(ent) \
                    or title_read_as_name(ent, self.full_surnames):  # ("Her former Treasurer")
                continue
            self.by_surname.setdefault(surname(name), []).append(name)
            self.ent_names.add(name)
            named.append((ent.start, name))
            # the people in a photo caption are not in the story
            if not inside(ent.start_char) and not in_caption(ent.start_char):
                self.persons.append((ent.start, name, is_subject(root_of(ent), ent.end, ent.start)))
        return named

    def _index_chains(self) -> None:
        """Proper-noun chains the recogniser missed ("Sen. Jeff Merkley (D-OR)") still index their surnames; a chain
        with a title, a role or an age is a person mention, and so is one name alone with a role or an age."""
        doc = self.doc
        a = token_arrays(doc)
        propn = one_of(a.pos, _PROPN)
        for i in positions(propn & ~a.next_is(propn)):  # the last proper noun of a chain (no other token counts)
            tok = doc[i]
            ent = self.ent_of.get(tok.i)
            aged = ent is not None and ent.label_ != "PERSON" and ent.end == tok.i + 1 and age_apposition(tok)
            # "Ilse Varga, the institute's hydrologist", "former councillor Ivo Marsh", "his wife, June Okafor": a
            # short name taken for an organisation, a place or a date, with a person's role or kin noun
            roled = ent is not None and ent.label_ in _MISREAD_NAME_LABELS and ent.end == tok.i + 1 \
                and looks_like_a_persons_name(ent)
            titled = ent is not None and ent.label_ == "ORG" and ent.end == tok.i + 1 and (
                titled_name(doc, ent) or who_follows_name(doc, ent))
            if ent is not None and ent.label_ != "PERSON" and ((len(ent) == 1 and role_apposition(tok)) or aged
                                                               or roled or titled):
                ent = None  # "Ana Lind, the party chairwoman," or "Ana Lind, 35," taken for an organisation
            if ent is None:
                start = tok.i
                joins = titled or roled  # (over the hyphen or particle of a name taken for something else)
                while start > 0 and (doc[start - 1].pos_ == "PROPN" or (joins and name_joint(doc, start - 1))
                                     or _double_barrel(doc, start - 1)) and (
                        start - 1 not in self.ent_of or (
                        (aged or roled or titled) and self.ent_of[start - 1] is self.ent_of[tok.i])):
                    start -= 1
                if start > 0 and doc[start - 1].text in "-–" and not doc[start - 1].whitespace_ and start < tok.i:
                    # the end of a hyphenated title ("Sergeant-at-Arms Ana Lind") is not a first name; a dateline's
                    # spaced dash ("CHICAGO - Ana Lind") is not part of one
                    start += 1
                name = clean_name(doc[start : tok.i + 1].text)
                if titled:  # (the title's role is the person's: "the mayor" later; "coroner" of "Senior Coroner")
                    k = start
                    while k + 1 < tok.i and doc[k + 1].lower_.rstrip(".") in LEADING_ROLES:
                        k += 1
                    self.roles.setdefault(role_key(doc[k]), []).append((start, name))
                shared = len(name.split()) >= 2 and name.split()[0][:1].isupper() and surname(name) in self.by_surname
                if shared:
                    self.by_surname[surname(name)].append(name)
                elif (len(name.split()) >= 2 and (
                    doc[start - 1 if start else 0].lower_.rstrip(".") in LEADING_ROLES or role_apposition(tok) or aged
                    or roled or titled)) or (start == tok.i and tok.is_title and tok.lower_ not in PERSON_TITLES
                                             and (role_apposition(tok) or aged)):
                    # "Sen. Ana Lind", "Ana Lind, the party chairwoman,", "Ana Lind, 35,": a person it missed; one
                    # name alone too when a role or an age says it is a person's ("Oduya, a resident of Lakeview,")
                    self.by_surname.setdefault(surname(name), []).append(name)
                else:
                    continue
                # (a family's second person, with a role or kin noun: "His wife, Ana Lind", is a mention too)
                if (not shared or roled or titled or aged) and not self.inside(doc[start].idx):
                    self.persons.append((start, name, is_subject(tok, tok.i + 1, start)))
                for role in apposed_roles(tok):  # "Ivo Okafor, a retired welder": "the welder" later
                    self.roles.setdefault(role, []).append((start, name))

    def _index_owned_people(self) -> None:
        """A person named after a team's or a firm's possessive that the recogniser took, with it, for one
        organisation ("Ashgrove's Tor Bergqvist-Lowe") is a person of the article (the family name alone later: see
        :meth:`_index_stray_surnames`)."""
        doc = self.doc
        for ent in ents_of(doc):
            start = owned_person(ent) if ent.label_ == "ORG" else None
            if start is None:
                continue
            name = clean_name(doc[start : ent.end].text)
            self.by_surname.setdefault(surname(name), []).append(name)
            if not self.inside(doc[start].idx):
                self.persons.append((start, name, is_subject(root_of(ent), ent.end, start)))

    def _index_stray_surnames(self) -> None:
        """A known surname the recogniser took for a place, an organisation or a common noun ("Vickers said",
        "Tarn brags" read as a noun compound) is still a mention; with the first name before it that the
        recogniser missed too ("Mira Lind, 34, spoke" after "Ana Lind"), the mention is of that full name, not of
        the family name alone (which stands for the family's first-named person)."""
        doc = self.doc
        a = token_arrays(doc)
        # (first on the arrays: a capitalised noun, not before a proper noun, whose lower case may be a surname)
        maybe = one_of(a.pos, _PROPN_NOUN) & a.is_title & ~a.next_is(one_of(a.pos, _PROPN)) \
            & one_of(a.lower, ids(*self.by_surname))
        for i in positions(maybe):
            tok = doc[i]
            ent = self.ent_of.get(tok.i)
            if (tok.pos_ in ("PROPN", "NOUN") and tok.is_title
                    and (ent is None or (ent.label_ != "PERSON" and len(ent) == 1))
                    and tok.lower_ in self.by_surname and not self.inside(tok.idx)
                    and (tok.i + 1 == len(doc) or doc[tok.i + 1].pos_ != "PROPN")):
                start, name = self._missed_first_name(tok)
                self.persons.append((start, name, is_subject(tok, tok.i + 1, start)))
        # a hyphenated family name alone ("Talbot-Ames", "Bergqvist-Lowe was scathing", cut in three by the
        # tokenizer) that the recogniser took for an organisation or a place, or left unlabelled
        last_parts = {s.rsplit("-", 1)[-1] for s in self.by_surname if "-" in s.strip("-")}
        for i in positions(one_of(a.lower, ids(*last_parts)) & a.is_title) if last_parts else ():
            start, _ = hyphen_extent(doc, i, i + 1)
            ent = self.ent_of.get(i)
            if start < i and doc[start : i + 1].text.lower() in self.by_surname \
                    and (ent is None or ent.label_ != "PERSON") and not self.inside(doc[start].idx) \
                    and (start == 0 or doc[start - 1].pos_ != "PROPN"):  # (alone: not a full name's end)
                self.persons.append((start, doc[start : i + 1].text, is_subject(doc[i], i + 1, start)))

    def _index_family_first_names(self) -> None:
        """A first name alone in apposition to a family member of a named person ("Ivo Tarn's wife, Mira,") is
        a person of that family: "Mira Tarn"."""
        doc = self.doc
        a = token_arrays(doc)
        for i in positions(one_of(a.dep, _APPOS) & one_of(a.pos, _PROPN)):  # a proper noun in apposition
            tok = doc[i]
            head = tok.head
            if head.lemma_.lower() not in FAMILY_HEADS or any(c.dep_ == "compound" for c in tok.children) \
                    or self.inside(tok.idx):
                continue
            poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON")), None)
            ent = self.ent_of.get(tok.i)
            family = poss.text if poss is not None and poss.pos_ == "PROPN" else self._family_before(head, poss)
            if family is None or family.lower() not in self.by_surname or (ent is not None and len(ent) > 1):
                continue
            name = f"{tok.text} {family}"
            self.learn(name)
            self.persons.append((tok.i, name, is_subject(tok, tok.i + 1, tok.i)))

    def _family_before(self, head: Token, poss: Token | None) -> str | None:
        """The family name of a "his"/"her" before a family noun: the last full name before it in the sentence,
        else in the sentence before ("... Aya Tarn held a sign. Her father, Ivo, said")."""
        if poss is None or poss.lower_ not in ("his", "her"):
            return None
        sent = head.sent
        before = self.doc[sent.start - 1].sent.ents if sent.start else ()
        named = [e for e in (*before, *sent.ents) if e.label_ == "PERSON" and e.end <= poss.i and len(e) >= 2]
        return named[-1][-1].text if named else None

    def _missed_first_name(self, tok: Token) -> tuple[int, str]:
        """(start, name) of a known surname's mention: with the proper nouns before it when, together, they
        make a full name the article's chains indexed ("Mira Lind"), else the surname alone."""
        doc = self.doc
        start = tok.i
        while start > 0 and tok.i - start < 2 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                and start - 1 not in self.ent_of:
            start -= 1
        name = clean_name(doc[start : tok.i + 1].text)
        if start < tok.i and len(name.split()) >= 2 and name in self.by_surname.get(tok.lower_, ()):
            return start, name
        return tok.i, tok.text

    def _find_owners(self, named: list[tuple[int, str]]) -> None:
        """A family name used alone while one person of that name had been introduced is that person's for the
        article ("Sen. Chris Murphy", "Murphy said", later "a teacher's aide, Anne Marie Murphy")."""
        seen: dict[str, list[str]] = {}
        for _i, name in sorted({*named, *((i, name) for i, name, _subject in self.persons)}):
            key = surname(name)
            if len(name.split()) >= 2:
                seen.setdefault(key, []).append(name)
            elif key not in self.owner and seen.get(key):
                first = seen[key][0]
                if all(compatible(p, first) or compatible(first, p) for p in seen[key]):
                    self.owner[key] = first

    def _index_acronym_mentions(self) -> None:
        """An acronym of an organisation named in full, used alone, is a mention of that organisation."""
        if not self.acronyms:
            return
        doc = self.doc
        a = token_arrays(doc)
        for i in positions(one_of(a.orth, ids(*self.acronyms))):  # (the tokens written as one of them)
            tok = doc[i]
            if tok.text in self.acronyms and tok.i not in self.ent_of and len(tok.text) >= 2:
                subject = is_subject(tok, tok.i + 1, tok.i)
                self.org_mentions.append((tok.i, tok.text, subject, self.inside(tok.idx), "ORG"))

    def learn(self, name: str) -> None:
        """Index a speaker's full name the recogniser missed ("Ana Lind, who represents ..."), so that "Lind"
        later resolves to it."""
        known = self.by_surname.setdefault(surname(name), [])
        if name not in known:
            known.append(name)
            self.ent_names.add(name)
            if self._fullest_memo:
                self._fullest_memo.clear()

    def heard(self, name: str, said: str) -> None:
        """Gender evidence from a bare "he said" / "she said" of a name the article gave no other evidence for."""
        self.votes[name] = [int(said == "he"), int(said == "she")]
        if self._fullest_memo:
            self._fullest_memo.clear()

    # -- questions --------------------------------------------------------------------------------------
    def gender(self, name: str, *, listed: bool = False) -> str | None:
        """"m", "f" or None by the article's evidence; with ``listed``, where it has none, a first name the list
        is near sure of (:func:`listed_gender`): a he/she is not given to a Priscilla or a Colm."""
        male, female = self.votes.get(name, (0, 0))
        by_first = first_name_votes(name, listed=listed)  # a common first name (a sure one of the list: listed)
        male, female = male + by_first[0], female + by_first[1]
        if male > female:
            return "m"
        if female > male:
            return "f"
        return listed_gender(name) if listed and not male else None

    def fullest(self, name: str, gender: str | None = None, *, titled: bool = False) -> str:
        """The longest name in the article compatible with ``name``: one the recogniser found if any is fuller,
        else one from a proper-noun chain ("Sen. Jeff Merkley" it missed; not "Rip Jeff Merkley" in a headline).
        With ``gender`` (an honorific's: "Mrs. Clinton"), of a family's names those of that gender come first;
        ``titled`` (the honorific is the mention's own: "Mr. Tarn"), then those not known to be of the other."""
        memo, key = self._fullest_memo, (name, gender, titled)
        if memo is not None and (known := memo.get(key)) is not None:
            return known  # (a long article asks for the same names thousands of times)
        best = self._fullest(name, gender, titled=titled)
        if memo is not None:
            memo[key] = best
        return best

    def _fullest(self, name: str, gender: str | None, *, titled: bool) -> str:
        cands = list(dict.fromkeys(self.by_surname.get(surname(name), ())))  # (each name once)
        owner = self.owner.get(surname(name)) if len(name.split()) < 2 else None
        if gender is not None:  # (only a name known to be of that gender: not one the article says nothing of)
            cands, owner = of_honorific(self, cands, owner, gender, titled=titled)
        best = self._fullest_among(name, [c for c in cands if c in self.ent_names], owner)
        # (not another's name of the family the single name's fallback found: "Mr. Tarn")
        return best if best != name and (gender is None or best in cands) else self._fullest_among(name, cands, owner)

    def _fullest_among(self, name: str, candidates: Iterable[str], owner: str | None) -> str:
        best = name
        # each name once, in the order first seen: a name mentioned 700 times was compared 700 times, for every
        # speaker of a long article (time in the square of its length); only a strictly fuller name replaces
        # ``best``, so the result is the same
        cands = list(dict.fromkeys(candidates))
        if owner is not None:  # not the fuller name of another person of the family
            cands = [c for c in cands if compatible(c, owner) or compatible(owner, c)] or cands
        for cand in cands:
            if not compatible(name, cand):
                continue
            if len(cand.split()) > len(best.split()) or (
                len(cand.split()) == len(best.split()) and len(cand.split()[0]) > len(best.split()[0])
                and (initial(best.split()[0]) or short_form(best.split()[0].lower(), cand.split()[0].lower()))
            ):
                best = cand  # more words, or a first name spelt out ("I. Varga", "Il Varga" -> "Ilse Varga")
        if best == name and len(name.split()) == 1:
            # a single name that is not a surname: family-name-first ("Mahathir", "Hua") or a first name
            key = name.lower()
            # (each once; not "Kim Tarn" of "Kim and Ivo Tarn" for "Kim": see relations._learn_member)
            for cand in dict.fromkeys(c for ns in self.by_surname.values() for c in ns if c not in self.family_only):
                words = cand.split()
                if len(words) > len(best.split()) and key in [w.lower() for w in words]:
                    best = cand
            best = self.fullest(self.nicknames[key]) if best == name and key in self.nicknames else best
        elif best == name and (full := self.nicknames.get(name.lower())) is not None:
            best = full  # a given name of two words before a patronym ("Ana Sari" of "Ana Sari binti Osman")
        elif best == name and (full := self.nicknames.get(name.split()[-1].lower())) is not None \
                and name.split()[0] not in full.split():
            best = self.fullest(full)  # a nickname after a headline's role word ("Hacker Zorbix")
        return best

    def fullest_org(self, name: str) -> str:
        """The fullest organisation name in the article that begins with ``name`` (see short_forms.fullest_org)."""
        return fullest_org(name, self.org_names)

    def expand(self, org: str) -> str:
        """An acronym or short form the article spells out ("CRA" -> "Coastal Rail Authority"), else the fullest
        name."""
        return self.acronyms.get(org) or self.fullest_org(org)  # (or a short form: "Laketrans")

    def main_org(self, before: int) -> str | None:
        """The organisation named most often before ``before`` (at least twice), ties to the latest; a name as
        another noun's modifier ("the Harbour Party debate") is no mention of it, and names differing in case only
        ("Lakeview PAC", "Lakeview Pac") are one."""
        counts: dict[str, list[int]] = {}
        cased: dict[str, str] = {}
        for i, name, _subject, _quoted, label in self.org_mentions:
            # (not a person the recogniser took for an organisation: "Lind" of "Ana Lind")
            if label == "ORG" and i < before and not _MEDIA.search(name) and name.lower() not in self.by_surname \
                    and not self._modifier(i):
                full = cased.setdefault(self.expand(name).lower(), self.expand(name))
                entry = counts.setdefault(full, [0, 0])
                entry[0] += 1
                entry[1] = i
        if not counts:
            return None
        name, (count, _last) = max(counts.items(), key=lambda kv: (kv[1][0], kv[1][1]))
        return name if count >= 2 else None

    def _modifier(self, i: int) -> bool:
        ent = self.ent_of.get(i)
        if ent is None:
            return False
        last = ent[-1]
        return last.dep_ == "compound" and last.head.i >= ent.end and last.head.pos_ == "NOUN"

    def placed(self, name: str, places: set[str]) -> bool:
        """Is one of ``places`` written within a few words of a mention of ``name``'s family name?"""
        key = surname(name)
        a = token_arrays(self.doc)
        for i in positions(one_of(a.lower, ids(key))):
            tok = self.doc[i]
            if tok.lower_ == key:
                near = self.doc[max(0, tok.i - 8) : tok.i + 8]
                if any(t.text in places for t in near):
                    return True
        return False

    def writer(self) -> str | None:
        """Who wrote the article, when it says so: a headline that opens with the name and a colon ("Ana Lind:
        The pier must stay"), a byline ("By Ana Lind") in the first lines, a closing line about the writer ("Ana
        Lind is the mayor of Lakeview."), or a line giving the text as an excerpt of their book ("From DAYS by X")."""
        if self._writer is None:
            self._writer = (find_writer(self),)
        return self._writer[0]
