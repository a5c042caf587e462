"""Resolving a source mention to a speaker: the fullest name of that person or organisation in the article.

No neural coreference runs offline, so this is ours: names are indexed by surname (titles and suffixes
dropped), surnames and titled mentions resolve to the longest compatible full name, pronouns to the most
salient person before them, relative pronouns to the noun they modify, and unnamed sources
("a senior official") stay unnamed with their description kept.

Salience, in order: the current speaker, unless another person has since become a subject (by the parse, by a
finite verb right after the name, or by opening the paragraph); a person the previous sentence turned to; the
nearest subject. Gender comes from honorifics, he/she after a subject, and common first names. Mentions include
known surnames the recogniser labelled otherwise; photo captions give none.

Descriptions: "the harbour master" is the person introduced with that role (before, else after: a lede's
cataphora; "A Lakeview coach" in the lede is the one coach named further down); "the laid-back resident"
is the person in view; "the commission" is an organisation named with that word, "the company" the last
organisation named as a subject, else the description stands for itself. A document speaks for its author
(possessor, "by"/"from", who wrote in it earlier, else the article's main organisation). "They" is speakers
named together or the last plural subject that can speak. A source's description is its noun phrase without
relative clauses; possessors, objects of prepositions and names modifying a common noun are not the speaker.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from onrecord.lexicon.en import (
    ANONYMOUS_HEADS,
    DASH_TOKENS,
    FEMALE_FIRST_NAMES,
    GROUP_PRONOUNS,
    MALE_FIRST_NAMES,
    ORGANISATION_HEADS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    TITLES,
)

_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv v".split())
_POSSESSIVE = re.compile(r"(?:['’]s?|\s)+$")
_ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a source mention refers to."""

    name: str | None
    kind: str  # person | organisation | anonymous | unknown
    description: str | None = None


UNKNOWN = Speaker(None, "unknown")


#: Zero-width characters that web pages leave inside names ("Traeger\u200b").
_INVISIBLE = str.maketrans("", "", "\u200b\u200c\u200d\u2060\ufeff\u00ad")
_DATELINE = re.compile(r"^([^-—–]+?)\s+[-—–]{1,2}\s+(?=\S)")


def clean_name(text: str) -> str:
    """Drop possessives, leading titles and surrounding punctuation: "Sen. Jeff Merkley's" -> "Jeff Merkley"."""
    text = _POSSESSIVE.sub("", text.translate(_INVISIBLE).strip().strip(",;:()[]\"“”'’"))
    dateline = _DATELINE.match(text)
    place = dateline.group(1).split(",")[0].replace(".", "").replace(" ", "") if dateline else ""
    if len(place) >= 3 and place.isupper():
        text = text[dateline.end() :]  # "CLEVELAND - Donald Trump": a dateline the recogniser took in
    words = text.split()
    for k in range(len(words) - 3, -1, -1):
        if words[k].endswith(("’s", "'s", "’", "'")) and all(w[:1].isupper() for w in words[k + 1 :]):
            words = words[k + 1 :]  # "Fox News’ Bret Baier", "Commentary’s Noah Rothman": the outlet's person
            break
    while len(words) > 1 and (words[0].lower() in TITLES or words[0].lower().rstrip(".") in TITLES):
        words.pop(0)
    while len(words) > 1 and words[-1].rstrip(",").isdigit():
        words.pop()  # an age the recogniser took in ("Ana Lind 16" from "Ana Lind, 16,")
    # a team or outlet before the title ("Browns DL Sheldon Richardson", "Leafs forward John Tavares"): the name
    # is what follows the last title word, when two words or more follow it
    for k in range(len(words) - 3, 0, -1):
        if words[k].lower().rstrip(".") in TITLES and words[k + 1][:1].isupper():
            return " ".join(words[k + 1 :])
    return " ".join(words)


@functools.lru_cache(maxsize=65536)
def surname(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in _SUFFIXES]
    return (words[-1] if words else name).lower().strip(".,")


def _initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


@functools.lru_cache(maxsize=65536)
def _compatible(short: str, full: str) -> bool:
    """Can ``short`` refer to ``full``? Same surname, and first names (or initials) don't conflict."""
    s, f = short.split(), full.split()
    if surname(short) != surname(full):
        return False
    if len(s) < 2:
        return True
    if len(s) < len(f) and s[0].lower() in _SURNAME_PARTICLES and [w.lower() for w in f[-len(s):]] == [
        w.lower() for w in s
    ]:
        return True  # a surname with a particle, alone: "Abu Hatab" for "Walid Abu Hatab", "van Dijk"
    first_s, first_f = s[0].lower().rstrip("."), f[0].lower().rstrip(".")
    return first_s == first_f or (len(first_s) == 1 and first_f.startswith(first_s)) or (
        len(first_f) == 1 and first_s.startswith(first_f)
    ) or _short_form(first_s, first_f) or _short_form(first_f, first_s)


#: Words that open a family name of more than one word ("Abu Hatab", "de la Cruz", "van Dijk", "Al Amin").
_SURNAME_PARTICLES = frozenset(
    "abu al el bin ben ibn de del della de' di da dos das du des la le van von ver ter mac st. st san santa".split()
)


def _short_form(short: str, full: str) -> bool:
    """A first name's short form: its start ("Alex", "Alexander") or its end ("Xander", "Alexander")."""
    return len(short) < len(full) and (
        len(short) >= 3 and full.startswith(short) or len(short) >= 4 and full.endswith(short)
    )


#: Documents whose author is the speaker ("the union's release", "a study by Civic Action").
DOCUMENT_NOUNS = frozenset(
    """report study release statement survey poll analysis paper document documents letter memo filing suit
    lawsuit claim complaint submission audit review ad advertisement video post tweet email book column essay
    blog website memoir findings""".split()
)

_NOT_NAMES = frozenset(
    """story article advertisement continued continues below photo photos image images video videos getty
    file reuters associated press caption credit share comment comments read more related""".split()
)
#: How far back (in tokens before the pronoun's sentence) antecedents are looked for.
_PRONOUN_WINDOW = 80
_MALE = frozenset("he him his himself mr mr.".split())
_FEMALE = frozenset("she her hers herself mrs mrs. ms ms. miss".split())


class SpeakerResolver:
    """Resolves source mentions in one parsed article.

    ``quoted`` are the character spans of the article's quotations: names inside them are not antecedents
    for a pronoun outside.
    """

    def __init__(self, doc: Doc, quoted: list[tuple[int, int]] | None = None, *, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text is rebuilt on every access: read it once
        self.persons: list[tuple[int, str, bool]] = []  # (token index, name, is subject) outside quotations
        self._org_mentions: list[tuple[int, str, bool, bool, str]] = []  # (token, name, subject, quoted, label)
        self._org_names: list[str] = []
        self._by_surname: dict[str, list[str]] = {}
        self._ent_names: set[str] = set()  # names the recogniser found (the others come from proper-noun chains)
        self._ent_of: dict[int, Span] = {}
        self._acronyms: dict[str, str] = {}
        self._hops = 0  # how deep the resolution under way has moved between mentions
        self._described: list[tuple[int, Speaker, str | None]] = []  # unnamed speakers a noun describes
        self._honorific: dict[int, str] = {}  # a person mention's first token -> the gender its honorific gives
        self._definites: dict[str, tuple[int, Speaker]] = {}  # "the patient" -> who it was the first time
        self._owner: dict[str, str] = {}  # family name -> the person it stands for alone (see below)
        inside = _Inside(quoted or [])
        named: list[tuple[int, str]] = []  # every person mention the recogniser found, in what was said too
        captions = _Inside(_captions(self.text))
        self._inside = inside
        for ent in doc.ents:
            for tok in ent:
                self._ent_of[tok.i] = ent
            if ent.label_ in ("ORG", "GPE"):
                org = _org_text(ent)
                if ent.label_ == "ORG":
                    self._org_names.append(org)
                self._org_mentions.append((ent.start, org, _is_subject(ent.root, ent.end, ent.start), inside(ent.start_char), ent.label_))
            if ent.label_ in _ORG_LABELS and ent.label_ != "GPE":
                org = _org_text(ent)
                words = [w for w in org.replace(",", " ").split() if w[:1].isupper()]
                if len(words) >= 2:
                    self._acronyms.setdefault("".join(w[0] for w in words).upper(), org)
            if ent.label_ != "PERSON":
                continue
            honorific = _honorific_gender(doc, ent.start)
            if honorific is not None:
                self._honorific[ent.start] = honorific
            name = _person_name(ent)
            if not _name_like(name):
                continue
            self._by_surname.setdefault(surname(name), []).append(name)
            self._ent_names.add(name)
            named.append((ent.start, name))
            if not inside(ent.start_char):
                if not captions(ent.start_char):  # the people in a photo caption are not in the story
                    self.persons.append((ent.start, name, _is_subject(ent.root, ent.end, ent.start)))
        # proper-noun chains the recogniser missed ("Sen. Jeff Merkley (D-OR)") still index their surnames
        for tok in doc:
            ent = self._ent_of.get(tok.i)
            if ent is not None and ent.label_ != "PERSON" and len(ent) == 1 and _role_apposition(tok):
                ent = None  # "Ana Lind, the party chairwoman," with "Lind" taken for an organisation
            if tok.pos_ == "PROPN" and ent is None and (tok.i + 1 == len(doc) or doc[tok.i + 1].pos_ != "PROPN"):
                start = tok.i
                while start > 0 and doc[start - 1].pos_ == "PROPN" and start - 1 not in self._ent_of:
                    start -= 1
                if start > 0 and doc[start - 1].text in "-–" and not doc[start - 1].whitespace_ and start < tok.i:
                    # the end of a hyphenated title ("Sergeant-at-Arms Ana Lind") is not a first name; a dateline's
                    # spaced dash ("CHICAGO - Ana Lind") is not part of one
                    start += 1
                name = clean_name(doc[start : tok.i + 1].text)
                if len(name.split()) >= 2 and name.split()[0][:1].isupper() and surname(name) in self._by_surname:
                    self._by_surname[surname(name)].append(name)
                elif len(name.split()) >= 2 and (
                    doc[start - 1 if start else 0].lower_.rstrip(".") in TITLES or _role_apposition(tok)
                ):  # "Sen. Ana Lind", or "Ana Lind, the party chairwoman,": a person the recogniser missed
                    self._by_surname.setdefault(surname(name), []).append(name)
                    if not inside(doc[start].idx):
                        self.persons.append((start, name, _is_subject(tok, tok.i + 1, start)))
        # a known surname the recogniser took for a place or an organisation ("Vickers said") is still a mention
        for tok in doc:
            ent = self._ent_of.get(tok.i)
            if (tok.pos_ == "PROPN" and tok.is_title and (ent is None or ent.label_ != "PERSON" and len(ent) == 1)
                    and tok.lower_ in self._by_surname and not inside(tok.idx)
                    and (tok.i + 1 == len(doc) or doc[tok.i + 1].pos_ != "PROPN")):
                self.persons.append((tok.i, tok.text, _is_subject(tok, tok.i + 1, tok.i)))
        self.persons.sort()
        # a family name used alone while one person of that name had been introduced is that person's for the
        # article ("Sen. Chris Murphy", "Murphy said", later "a teacher's aide, Anne Marie Murphy")
        seen: dict[str, list[str]] = {}
        for _i, name in sorted({*named, *((i, name) for i, name, _subject in self.persons)}):
            key = surname(name)
            if len(name.split()) >= 2:
                seen.setdefault(key, []).append(name)
            elif key not in self._owner and seen.get(key):
                first = seen[key][0]
                if all(_compatible(p, first) or _compatible(first, p) for p in seen[key]):
                    self._owner[key] = first
        for tok in doc:
            if tok.text in self._acronyms and tok.i not in self._ent_of and len(tok.text) >= 2:
                self._org_mentions.append((tok.i, tok.text, _is_subject(tok, tok.i + 1, tok.i), inside(tok.idx), "ORG"))
        self._org_mentions.sort()
        # "senator" -> [(token, "Jeff Merkley")], learnt from titled mentions and appositions, in text order
        self._roles: dict[str, list[tuple[int, str]]] = {}
        self._gender: dict[str, list[int]] = {}  # fullest name -> [male votes, female votes]
        for ent in doc.ents:
            if ent.label_ != "PERSON" or not _name_like(_person_name(ent)):
                continue
            full = self.fullest(_person_name(ent), self._honorific.get(ent.start))
            for left in doc[max(0, ent.start - 3) : ent.start]:
                if not (ent.start <= left.head.i < ent.end or left.i == ent.start - 1):
                    continue  # a noun of another phrase ("expert replicates Ana Lind's path")
                if left.pos_ == "NOUN" and any(t.pos_ in ("NOUN", "PROPN") for t in doc[left.i + 1 : ent.start]):
                    continue  # it qualifies the title after it: "district Vice Chair Ana Lind" is no "district"
                if left.lower_.rstrip(".") in TITLES and left.pos_ in ("NOUN", "PROPN") or left.pos_ == "NOUN":
                    self._roles.setdefault(_role_key(left), []).append((ent.start, full))
            # "Ron Robison, the league's commissioner" / "the commissioner, Ron Robison"
            root = ent.root
            for other in [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else []):
                if other.pos_ == "NOUN":
                    self._roles.setdefault(other.lemma_.lower(), []).append((ent.start, full))
            self._vote(full, ent)
        self.recent: list[tuple[int, Speaker]] = []  # speakers of attributions found so far, by token index

    def _lede_person(self, head: Token, det: str | None) -> str | None:
        """A delayed lede: "A Lakeview hockey coach says ..." opens the story, and the one person given that
        role further down ("Coach Ana Lind") is who it was. Not for withheld identities ("a senior official")."""
        if det not in ("a", "an") or head.tag_ != "NN" or head.idx > _LEDE_CHARS:
            return None
        if head.lemma_.lower() in _UNNAMED_HEADS:
            return None
        holders = {name for i, name in self._roles.get(_role_key(head), ()) if i > head.i}
        return holders.pop() if len(holders) == 1 else None

    def _role_of(self, head: Token) -> str | None:
        """The person last introduced before ``head`` with the role it names ("the harbour master"), else the
        first introduced after it (a lede's "the league commissioner said ..." named further down)."""
        roles = self._roles.get(_role_key(head), ())
        places = {c.text for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("GPE", "LOC")}
        if places:  # "the Vermont senator": not a senator the article never places in Vermont
            roles = [(i, name) for i, name in roles if self._placed(name, places)]
        last = next(((i, s.name) for i, s in reversed(self.recent) if i < head.i and s.kind == "person"), None)
        if last is not None and any(name == last[1] for _i, name in roles) and not any(
            last[0] < i < head.i and name != last[1] for i, name in roles
        ):
            # the one just quoted holds the role, and nobody else was given it since: "Sen. Ana Dale ... said
            # Dale. The senator paused" is her, not a senator introduced in between
            return last[1]
        before = [name for i, name in roles if i < head.i]
        return before[-1] if before else (roles[0][1] if roles else None)

    def _placed(self, name: str, places: set[str]) -> bool:
        """Is one of ``places`` written within a few words of a mention of ``name``'s family name?"""
        key = surname(name)
        for tok in self.doc:
            if tok.lower_ == key:
                near = self.doc[max(0, tok.i - 8) : tok.i + 8]
                if any(t.text in places for t in near):
                    return True
        return False

    def _vote(self, name: str, ent: Span) -> None:
        """Gender evidence for a name: its honorific, and he/she pronouns in a sentence it is the subject of."""
        votes = self._gender.setdefault(name, [0, 0])
        prev = self.doc[ent.start - 1].lower_ if ent.start else ""
        if prev in _MALE:
            votes[0] += 3
        elif prev in _FEMALE:
            votes[1] += 3
        if not _is_subject(ent.root):
            return
        for tok in ent.sent:
            if tok.i >= ent.end and tok.pos_ == "PRON":
                if tok.lower_ in _MALE:
                    votes[0] += 1
                    return
                if tok.lower_ in _FEMALE:
                    votes[1] += 1
                    return

    def gender(self, name: str) -> str | None:
        male, female = self._gender.get(name, (0, 0))
        words = name.split()
        if len(words) >= 2:  # a common first name: weaker than an honorific, outweighs one stray pronoun
            first = words[0].lower()
            male += 2 if first in MALE_FIRST_NAMES else 0
            female += 2 if first in FEMALE_FIRST_NAMES else 0
        if male > female:
            return "m"
        if female > male:
            return "f"
        return None

    def resolve_label(self, label: str) -> Speaker:
        """The speaker a transcript line's label names ("VARGA:", "Lin Okafor:"): the fullest name in the article
        with that surname, whatever the recogniser made of the capitals."""
        name = clean_name(label.title() if label.isupper() else label)
        return Speaker(self.fullest(name) if name else None, "person")

    # -- names ------------------------------------------------------------------------------------------
    def fullest(self, name: str, gender: str | None = None) -> str:
        """The longest name in the article compatible with ``name``: one the recogniser found if any is fuller,
        else one from a proper-noun chain ("Sen. Jeff Merkley" it missed; not "Rip Jeff Merkley" in a headline).
        With ``gender`` (an honorific's: "Mrs. Clinton"), of a family's names those of that gender come first."""
        cands = self._by_surname.get(surname(name), ())
        if gender is not None:  # (only a name known to be of that gender: not one the article says nothing of)
            cands = [c for c in cands if self.gender(c) == gender] or cands
        best = self._fullest_among(name, [c for c in cands if c in self._ent_names])
        return best if best != name else self._fullest_among(name, cands)

    def _fullest_among(self, name: str, cands) -> str:
        best = name
        # each name once, in the order first seen: a name mentioned 700 times was compared 700 times, for every
        # speaker of a long article (time in the square of its length); only a strictly fuller name replaces
        # ``best``, so the result is the same
        cands = list(dict.fromkeys(cands))
        owner = self._owner.get(surname(name)) if len(name.split()) < 2 else None
        if owner is not None:  # not the fuller name of another person of the family
            cands = [c for c in cands if _compatible(c, owner) or _compatible(owner, c)] or cands
        for cand in cands:
            if not _compatible(name, cand):
                continue
            if len(cand.split()) > len(best.split()) or (
                len(cand.split()) == len(best.split()) and len(cand.split()[0]) > len(best.split()[0])
                and (_initial(best.split()[0]) or _short_form(best.split()[0].lower(), cand.split()[0].lower()))
            ):
                best = cand  # more words, or a first name spelt out ("I. Varga", "Il Varga" -> "Ilse Varga")
        if best == name and len(name.split()) == 1:
            # a single name that is not a surname: family-name-first ("Mahathir", "Hua") or a first name
            key = name.lower()
            for names in self._by_surname.values():
                for cand in names:
                    if len(cand.split()) > len(best.split()) and key in (w.lower() for w in cand.split()):
                        best = cand
        return best

    def fullest_org(self, name: str) -> str:
        """The longest organisation name in the article that begins with ``name`` ("Suncor" -> "Suncor Energy")."""
        words = name.split()
        best = name
        for cand in self._org_names:
            more = cand.split()[len(words) :]
            if len(cand.split()) > len(best.split()) and cand.split()[: len(words)] == words and any(
                w.lower().rstrip(".,") not in _LEGAL_SUFFIXES for w in more
            ):
                best = cand  # not for a legal form alone ("Tarn Corp." stays "Tarn")
        return best

    def _joined(self, people: list[Span]) -> str | None:
        """Names joined by "and" ("Ana Lind and Mira Oduya") are spoken for together: "A and B"."""
        names = [self.fullest(_person_name(e)) for e in people]
        gaps = [self.text[a.end_char : b.start_char].strip() for a, b in zip(people, people[1:])]
        if gaps[-1].lstrip(",").strip() not in ("and", "&") or any(g != "," for g in gaps[:-1]):
            return None
        return ", ".join(names[:-1]) + " and " + names[-1]

    def note(self, token_index: int, speaker: Speaker, mention: Span | None = None) -> None:
        """Record a resolved speaker, for later pronouns and continuation quotes. A speaker's full name the
        recogniser missed ("Ana Lind, who represents ...") is indexed, so that "Lind" later resolves to it.
        An unnamed one person ``mention`` describes ("a spokeswoman for the council") is kept too: a he or she
        right after it is that person, still unnamed, not someone named earlier."""
        if speaker.name is None and speaker.description and mention is not None:
            head = mention.root
            if head.tag_ == "NN" and head.pos_ == "NOUN" and head.lower_ not in ORGANISATION_HEADS \
                    and head.lemma_.lower() not in DOCUMENT_NOUNS and not head.ent_type_:
                at = max(token_index, mention[-1].i)  # "said a spokeswoman": past the mention itself
                self._described.append((at, speaker, _GENDERED_ROLES.get(head.lower_)))
        if speaker.name:
            self.recent.append((token_index, speaker))
            words = speaker.name.split()
            if speaker.kind == "person" and 2 <= len(words) <= 3 and " and " not in speaker.name and _name_like(speaker.name):
                known = self._by_surname.setdefault(surname(speaker.name), [])
                if speaker.name not in known:
                    known.append(speaker.name)
                    self._ent_names.add(speaker.name)

    # -- resolution -------------------------------------------------------------------------------------
    def resolve(self, source: Span) -> Speaker:
        """The speaker a source mention refers to."""
        # resolution moves between mentions (a relative pronoun's antecedent, the phrase opening the next
        # paragraph, a document's author): bounded, so that misparsed text cannot send it round in a circle
        self._hops += 1
        try:
            return self._resolve(source, moves=self._hops <= _MAX_HOPS)
        finally:
            self._hops -= 1

    def _resolve(self, source: Span, moves: bool) -> Speaker:
        head = source.root
        if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and moves:
            antecedent = head.head.head
            return self.resolve(self.doc[antecedent.left_edge.i : antecedent.i + 1])
        if head.lower_ in PERSON_PRONOUNS:
            return self._antecedent(head, "m" if head.lower_ in _MALE else "f")
        if head.lower_ in GROUP_PRONOUNS:
            return self._group_antecedent(head)
        opener = _run_in(source, self.text) if moves else None
        if opener is not None:
            return self.resolve(opener)
        whole = source
        source = _core(source)
        ents = list(dict.fromkeys(self._ent_of[t.i] for t in source if t.i in self._ent_of))
        head_ent = self._ent_of.get(head.i)
        if head_ent is not None and head_ent.label_ != "PERSON" and head_ent.end >= whole.end + 2:
            # "Bernie Sanders Promises Action On Immigration In": an entity that runs on past the phrase (a
            # title-case headline) does not name it
            ents = [e for e in ents if e != head_ent]
            head_ent = None
        if head_ent is not None and head_ent.label_ in ("NORP", "ORG") and any(
            c.dep_ in ("det", "amod", "nummod", "predet") and c.lower_ in _GROUP_QUANTIFIERS for c in head.children
        ) and not any(e.label_ == "PERSON" for e in ents) and not any(c.dep_ == "appos" for c in head.children):
            # "some Democrats said", "one Republican involved in the planning": members, not the party speaking
            # (but "one red-state Democrat, Sen. Ana Lind," is named)
            return Speaker(None, "anonymous", source.text.strip())
        people = [e for e in ents if e.label_ == "PERSON" and _name_like(_person_name(e))]
        # the people the head's phrase names: the head itself, its appositions and what is joined to them --
        # not a possessor ("Lind's aunt") nor the object of a preposition ("a spokeswoman for Ana Lind")
        own = [e for e in people if not _possessor(e) and not _names_other(e, source)]
        if len(own) >= 2:
            joined = self._joined(own)
            if joined is not None:
                return Speaker(joined, "person")
        together = [head] + [c for c in head.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
        if len(together) >= 2 and all(t.lower_ in self._by_surname for t in together) and any(
            c.dep_ == "cc" and c.lower_ in ("and", "&") for c in head.children
        ):
            # "Both Lind and Tarn said" -- surnames of people named in full before, whatever the recogniser said
            names = [self.fullest(clean_name(self.doc[_compound_start(t) : t.i + 1].text)) for t in together]
            return Speaker(", ".join(names[:-1]) + " and " + names[-1], "person")
        if head.text.isupper() and head.text in self._acronyms and len(source) <= 2:
            return Speaker(self._acronyms[head.text], "organisation")  # an acronym the tagger read as a noun
        if head.is_title or head.pos_ == "PROPN":
            # a surname the article gives in full elsewhere is that person, whatever the recogniser said
            name = _person_name(head_ent) if head_ent is not None else clean_name(
                _last_line(self.doc[_compound_start(head) : head.i + 1].text))
            if name and surname(name) in self._by_surname and len(name.split()) <= 4:
                return Speaker(self.fullest(name, _honorific_gender(self.doc, _compound_start(head))), "person")
            if name and len(name.split()) == 1 and self.fullest(name) != name and (
                head_ent is None or head_ent.label_ == "PERSON" or len(head_ent) == 1 and self.fullest(name) in self._ent_names
            ):  # (as a surname is, whatever the recogniser made of the one word)
                return Speaker(self.fullest(name), "person")  # a family name written first ("Wang" -> "Wang Qishan")
            acronym = self._acronyms.get(_strip_det(name).upper()) if name.isupper() else None
            if acronym:
                return Speaker(acronym, "organisation")
        # a person named in the head's phrase (appositions: "the spokesman, Josh Earnest"), not its possessor
        # ("Lind's aunt, Mira Oduya" is Oduya; "Lind's staff" is not Lind)
        if head_ent is not None and head_ent.label_ == "PERSON" and head_ent in own:
            return Speaker(self.fullest(_person_name(head_ent), self._honorific.get(head_ent.start)), "person")
        if own:
            return Speaker(self.fullest(_person_name(own[0])), "person")
        if head_ent is not None and head_ent.label_ == "NORP" and head.tag_ in ("NN", "NNP") and _determiner(head) == "the":
            # "the Kentucky Republican": a party member described, the person in view
            found = self._antecedent(head, None, prefer_speaker=False, any_mention=False)
            if found.name:
                return replace(found, description=source.text.strip())
        if head_ent is not None and head_ent.label_ in _ORG_LABELS:
            titled = _titled_name(head_ent)
            if titled:
                return Speaker(self.fullest(titled), "person")
            return Speaker(self.fullest_org(_org_text(head_ent)), "organisation")
        # the organisations that belong to the head's own phrase ("the RCMP statement"), not those further
        # out ("the sergeant-at-arms of the Senate", "a resident of Lakeview")
        ents = [e for e in ents if _modifies(e.root, head)]
        if head.pos_ == "PROPN" and not (head.lower_ in TITLES and _determiner(head) in ("the", "a", "an")):
            # (not "the Conservative MP": a title with an article describes someone, as "the senator" does)
            name = clean_name(self.doc[_compound_start(head) : head.i + 1].text)
            if head.lower_ in ORGANISATION_HEADS:
                return Speaker(_strip_det(name), "organisation")
            if not _name_like(name):
                return Speaker(None, "unknown", source.text.strip())
            return Speaker(name, "person" if len(name.split()) <= 3 and name[:1].isupper() else "unknown")
        lemma = head.lemma_.lower()
        det = _determiner(head)
        description = source.text.strip()
        definite = det in ("the", "this", "that") or any(c.dep_ == "poss" for c in head.children)
        if lemma in DOCUMENT_NOUNS or _is_document(head):
            author = self._author(head) or (self._earlier_author(head) if definite else None)
            if author is not None and author.name:
                return replace(author, description=description)
            main = self._main_org(head.i) if definite else None  # not "a 2014 study", nor "polls show"
            if main is not None:
                # a report nobody is said to have issued: the organisation the article is about issued it
                return Speaker(main, "organisation", description)
            if definite:
                return Speaker(None, "unknown", description)
        if lemma in ORGANISATION_HEADS or head.lower_ in ORGANISATION_HEADS:
            if any(e.label_ in ("GPE", "NORP") for e in ents):
                # "the Canadian government", "Lakeview council": the description is the organisation's name
                return Speaker(_strip_det(description), "organisation", description)
            named = next((e for e in ents if e.label_ in _ORG_LABELS and _modifies(e.root, head)), None)
            if named is not None:  # "the group People for the Ethical Treatment of Animals": it names itself
                return Speaker(self.fullest_org(_org_text(named)), "organisation", description)
            proper = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN"]
            if proper:  # "the independent Sage group of science advisers": a name in its own phrase
                return Speaker(self.doc[proper[0].left_edge.i : head.i + 1].text, "organisation", description)
            if definite and head.tag_ == "NN":
                org = self._org_for(head)
                if org is not None:
                    return Speaker(org, "organisation", description)
            for ent in ents:
                if ent.label_ in _ORG_LABELS:
                    return Speaker(self.fullest_org(_org_text(ent)), "organisation", description)
            if det in ("a", "an") and not any(c.dep_ == "compound" for c in head.children):
                return Speaker(None, "unknown", description)  # "a group of employees": not one named body
            return Speaker(_strip_det(self.doc[head.left_edge.i : head.i + 1].text), "organisation", description)
        if lemma in _QUANTITY_HEADS:
            return Speaker(None, "unknown", description)  # "the number who said ...": people counted, not one in view
        lede = self._lede_person(head, det)
        if lede is not None:
            return Speaker(lede, "person", description)
        if lemma in ANONYMOUS_HEADS or head.lower_ in ANONYMOUS_HEADS or lemma in _PERSON_TITLES:
            # a person by role ("a former party chairman"): the organisation in the phrase is an affiliation
            if definite and head.tag_ == "NN":
                role = self._role_of(head)
                if role:
                    return Speaker(role, "person", description)
                if lemma not in _UNNAMED_HEADS and _described(head):
                    # "the laid-back Lakeview resident": a person in view, described again; a bare "the official"
                    # or "the senior official" stays unnamed
                    found = self._antecedent(head, None, prefer_speaker=False, any_mention=False)
                    if found.name:
                        return replace(found, description=description)
            return Speaker(None, "anonymous", description)
        role = self._role_of(head)
        if role and definite:
            return Speaker(role, "person", description)
        # not a person the recogniser took for an organisation: "Lind's staff" is not Lind, nor an organisation
        ents = [e for e in ents if surname(clean_name(e.text)) not in self._by_surname]
        if ents:
            ent = ents[0]
            if ent.label_ == "ORG" or ent.label_ == "NORP" and ent.root == head:
                return Speaker(self.fullest_org(_org_text(ent)), "organisation", description)
        if det in ("the", "this", "that") and head.tag_ == "NN" and head.pos_ == "NOUN" and not people \
                and lemma not in _COLLECTIVE_HEADS:  # ("the community" is many people, not the one in view)
            # "the affable proprietor", "the 39-year-old founder": a definite description of someone in view
            # (not "Lind's staff" or "his lawyer": someone else than the person in view) -- and the same
            # description again ("the patient") is the same person, named or not, whoever is in view by then
            earlier = self._definites.get(lemma)
            if earlier is not None and earlier[0] < head.i:
                return replace(earlier[1], description=description)
            found = self._antecedent(head, None, prefer_speaker=False, any_mention=False)
            found = replace(found, description=description) if found.name else Speaker(None, "unknown", description)
            self._definites.setdefault(lemma, (head.i, found))
            return found
        return Speaker(None, "unknown", description)

    def _antecedent(self, pronoun: Token, gender: str | None, *, prefer_speaker: bool = True,
                    any_mention: bool = True) -> Speaker:
        """The person a he/she most likely refers to: the current speaker when recent, else the nearest
        subject, else the nearest name -- skipping people of the other gender when the article shows it."""

        def fits(name: str) -> bool:
            g = self.gender(name)
            return gender is None or g is None or g == gender

        def full(mention: tuple[int, str, bool]) -> str:  # "Mrs. Clinton" is not Bill Clinton
            return self.fullest(mention[1], self._honorific.get(mention[0]) or gender)

        window_start = max(0, pronoun.sent.start - _PRONOUN_WINDOW)
        last = next(
            ((i, s) for i, s in reversed(self.recent)
             if i < pronoun.i and s.kind == "person" and s.name and fits(s.name)),
            None,
        )
        before = [p for p in self.persons if window_start <= p[0] < pronoun.i and fits(full(p))]
        subjects = [p for p in before if p[2]]
        # "... paid off for Lakeview accountant Ana Lind, 50. “It helped,” she says.": the one person named in
        # the sentence just before, after anyone who spoke or acted, is who the story turned to
        sent_start = pronoun.sent.start
        previous_start = self.doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
        lately = [p for p in before if p[0] >= previous_start and not _possessive_at(self.doc, p[0])]
        anchor = max([last[0] if last is not None else -1] + [p[0] for p in subjects])
        if len({full(p) for p in lately}) == 1 and lately[-1][0] > anchor and not any(
            t.lower_ in PERSON_PRONOUNS and t.dep_ in ("nsubj", "nsubjpass") for t in self.doc[previous_start : lately[0][0]]
        ):  # (not when a he/she before the name keeps the earlier person in view: "She praised Ivo Tarn.")
            return Speaker(full(lately[-1]), "person")
        described = self._described_in_view(pronoun, gender, max(window_start, anchor + 1), before)
        if described is not None:
            return described
        if prefer_speaker and last is not None and last[0] >= window_start:
            newer = [p for p in subjects if p[0] > last[0] and full(p) != last[1].name]
            if not newer:
                return last[1]
        if subjects:
            return Speaker(full(subjects[-1]), "person")
        if last is not None:
            return last[1]
        if before and any_mention:
            return Speaker(full(before[-1]), "person")
        return Speaker(None, "unknown", pronoun.text)

    def _described_in_view(
        self, pronoun: Token, gender: str | None, since: int, named: list[tuple[int, str, bool]]
    ) -> Speaker | None:
        """The unnamed described speaker a he/she refers to ("..., a spokeswoman for the council said. She added
        ..."), when the last one noted comes at or after token ``since`` -- and nobody else has been the subject
        since ("The mayor spoke next. He said ...") nor been named (``named``: "a reporter asked Lind, “…?” “…,”
        she replied")."""
        found = next(
            ((i, sp) for i, sp, g in reversed(self._described) if i < pronoun.i and (gender is None or g in (None, gender))),
            None,
        )
        if found is None or found[0] < since or any(p[0] > found[0] for p in named):
            return None
        for t in self.doc[found[0] + 1 : pronoun.i]:
            subject = t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN")
            object_named = t.pos_ == "PROPN" and (t.dep_ in ("dobj", "dative") or t.ent_type_ == "PERSON")
            if (subject or object_named) and not self._inside(t.idx):
                return None
        return found[1]

    def _author(self, head: Token) -> Speaker | None:
        """Who issued a document: "the union's release", "a study by Civic Action", "a release from UFCW"."""
        for child in head.children:
            if child.dep_ == "poss" and child.lower_ not in PERSON_PRONOUNS | GROUP_PRONOUNS:
                return self.resolve(self.doc[child.left_edge.i : child.i + 1])
            if child.dep_ == "compound" and child.ent_type_ in ("ORG", "PERSON") and child.i in self._ent_of:
                ent = self._ent_of[child.i]
                if ent.label_ == "ORG":
                    return Speaker(self.fullest_org(_org_text(ent)), "organisation")
                return Speaker(self.fullest(_person_name(ent)), "person")
        for tok in head.subtree:
            if tok.head.lemma_.lower() in _RECEIVING_VERBS:
                continue  # "the statement, which was obtained by Variety": who has it, not who issued it
            if tok.lower_ in ("by", "from") and tok.dep_ in ("agent", "prep"):
                obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
                if obj is not None and (obj.ent_type_ in ("PERSON", "ORG") or obj.pos_ == "PROPN"):
                    return self.resolve(self.doc[obj.left_edge.i : obj.right_edge.i + 1])
        return None

    def _org_for(self, head: Token) -> str | None:
        """The organisation a definite description refers to: the last one named with its head word ("the
        commission" -> "the Harbour Commission"), or for a generic head ("the company") the last one named as a
        subject outside quotations; None when nothing fits (the description then stands for itself)."""
        word = head.lower_
        places = word in _PLACE_HEADS
        if places and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            return None  # "the city of Lakeview" names itself
        cands = [m for m in self._org_mentions if m[0] < head.i and m[4] == ("GPE" if places else "ORG")]
        named = [m for m in cands if word in m[1].lower().replace(",", " ").split() and m[1].lower() != word]
        if named:
            return self.fullest_org(named[-1][1])
        cands = [m for m in cands if head.i - 250 <= m[0]]
        if word in _GENERIC_ORG_HEADS or places:
            outside = [m for m in cands if not m[3] and head.i - m[0] <= 150]
            subjects = [m for m in outside if m[2]]
            pick = subjects or outside
            if pick:
                return self.fullest_org(pick[-1][1])
        return None

    def _main_org(self, before: int) -> str | None:
        """The organisation named most often before ``before`` (at least twice), ties to the latest."""
        counts: dict[str, list[int]] = {}
        for i, name, _subject, _quoted, label in self._org_mentions:
            if label == "ORG" and i < before and not _MEDIA.search(name):
                entry = counts.setdefault(self._expand(name), [0, 0])
                entry[0] += 1
                entry[1] = i
        if not counts:
            return None
        name, (count, _last) = max(counts.items(), key=lambda kv: (kv[1][0], kv[1][1]))
        return name if count >= 2 else None

    def _earlier_author(self, head: Token) -> Speaker | None:
        """The author of a document mentioned before ("Lind wrote in a report ... the report said")."""
        for tok in reversed(self.doc[max(0, head.i - 300) : head.i]):
            if tok.lemma_.lower() != head.lemma_.lower() or tok.pos_ != "NOUN":
                continue
            # who wrote or released it ("Lind wrote in the trust's report") before whose it is
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head if tok.dep_ in ("dobj", "nsubjpass") else None
            if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in _AUTHORING_VERBS:
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subject is not None and (subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG")):
                    return self.resolve(self.doc[subject.left_edge.i : subject.right_edge.i + 1])
            author = self._author(tok)
            if author is not None and author.name:
                return author
        return None

    def _group_antecedent(self, pronoun: Token) -> Speaker:
        if pronoun.lower_ in ("i", "we", "you"):
            return Speaker(None, "unknown", pronoun.text)
        if pronoun.lower_ in ("they", "them"):
            return self._plural_antecedent(pronoun)
        last = next(((i, s) for i, s in reversed(self.recent) if i < pronoun.i and s.kind == "organisation"), None)
        cands = [m for m in self._org_mentions if pronoun.i - 150 <= m[0] < pronoun.i and not m[3] and m[4] == "ORG"]
        subjects = [m for m in cands if m[2]]
        if last is not None and pronoun.i - last[0] < 80:
            # the organisation speaking, unless another one has become the subject since ("EDC declined ...")
            newer = [m for m in subjects if m[0] > last[0] and self._expand(m[1]) != last[1].name]
            if not newer or pronoun.lower_ != "it":
                return last[1]
        if pronoun.lower_ == "it":
            # the last organisation named as a subject, else the last one named
            pick = subjects or cands
            if pick:
                return Speaker(self._expand(pick[-1][1]), "organisation")
        return Speaker(None, "unknown", pronoun.text)

    def _plural_antecedent(self, pronoun: Token) -> Speaker:
        """What "they" said: the last speakers named together ("Ana Lind and Ivo Tarn"), or the last plural
        subject that can speak ("Residents complained ... they said"): an organisation or a group of people."""
        last = next(((i, s) for i, s in reversed(self.recent)
                     if i < pronoun.i and s.name and " and " in s.name), None)
        window_start = max(0, pronoun.sent.start - _PRONOUN_WINDOW)
        subject = None
        for tok in reversed(self.doc[window_start : pronoun.i]):
            if _is_subject(tok, tok.i + 1, tok.i) and tok.tag_ in ("NNS", "NNPS") and (
                tok.lower_ in ANONYMOUS_HEADS or tok.lower_ in ORGANISATION_HEADS or tok.lower_ in _GROUP_HEADS
            ) and not self._inside(tok.idx):
                subject = tok
                break
        if subject is not None and (last is None or subject.i > last[0]):
            phrase = _core(self.doc[subject.left_edge.i : subject.right_edge.i + 1])
            comma = next((t.i for t in phrase if t.i > subject.i and t.text == ","), phrase.end)
            return Speaker(None, "anonymous", self.doc[phrase.start : comma].text.strip())
        if last is not None and pronoun.i - last[0] < _PRONOUN_WINDOW:
            return last[1]
        org = next(((i, s) for i, s in reversed(self.recent) if i < pronoun.i and s.kind == "organisation"), None)
        if org is not None and pronoun.i - org[0] < 80:
            return org[1]  # "the union started a campaign ... they tweet it out"
        return Speaker(None, "unknown", pronoun.text)

    def _expand(self, org: str) -> str:
        """An acronym the article spells out ("CRA" -> "Coastal Rail Authority"), else the fullest name."""
        return self._acronyms.get(org) if org.isupper() and org in self._acronyms else self.fullest_org(org)


#: Organisation heads that a definite description uses for any organisation ("the company said").
_GENERIC_ORG_HEADS = frozenset(
    """company firm agency department corporation airline retailer manufacturer operator railway railroad carrier
    chain insurer lender automaker broadcaster publisher developer organization organisation group""".split()
)
_LEGAL_SUFFIXES = frozenset("inc corp co ltd llc plc limited corporation company group ag sa nv".split())
#: Plural nouns for people who can be said to say something together (with ANONYMOUS_HEADS).
_GROUP_HEADS = frozenset(
    """parents families owners organizers organisers protesters demonstrators players fans victims survivors
    volunteers members citizens customers users tenants landlords farmers drivers passengers students
    scholars authors organizations groups""".split()
)
#: Heads of unnamed sources that a description never resolves to a person named before: who they are is
#: withheld ("the senior official", "the spokesperson").
_UNNAMED_HEADS = frozenset(
    """official source person people aide insider staffer diplomat officer spokesperson spokesman spokeswoman
    representative investigator executive analyst observer witness""".split()
)
#: News media: they report what organisations say, and credit photos; never the article's main organisation.
_MEDIA = re.compile(r"\b(?:Press|News|Reuters|AFP|Bloomberg|Postmedia|CBC|CTV|CNN|BBC|Globe|Times|Herald|Tribune)\b")
_PLACE_HEADS = frozenset("city town municipality province county".split())
_CLAUSE_OPENERS = frozenset("who whose which whom but".split())


#: Lines that point elsewhere (a video, a related story): headings, never the start of a statement.
_LABEL_LINE = re.compile(r"^\s*(?:WATCH|READ MORE|RELATED|SEE ALSO|LISTEN|VIDEO|PHOTOS|MORE)\s*:")


#: Verbs whose subject made the document ("Lind wrote in a report", "the trust released a study"); not "Warren
#: leads in the polls".
_AUTHORING_VERBS = frozenset(
    """write release publish issue commission conduct file send post sign prepare author submit present unveil
    produce launch announce draft compile circulate tweet pen say state note find show""".split()
)

#: Verbs of getting hold of a document: their agent is not its author ("a memo obtained by the Ledger").
_RECEIVING_VERBS = frozenset("obtain see review receive acquire examine view read leak hear".split())

#: Words that pick some members out of a party or a people ("some Democrats", "one Republican").
_GROUP_QUANTIFIERS = frozenset("some several many most few other others one two three four five certain various".split())

#: Nouns that count people rather than name one ("the number who said", "the share of voters who").
_QUANTITY_HEADS = frozenset(
    "number share proportion percentage percent majority minority rest half third quarter fraction bulk total "
    "amount count handful plurality".split()
)

#: Role nouns that say the person's gender.
_GENDERED_ROLES = {"spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f", "businessman": "m",
                   "businesswoman": "f", "congressman": "m", "congresswoman": "f"}

#: How many times one resolution may move to another mention (a relative pronoun's antecedent, the phrase that opens
#: the next paragraph, a document's author) before it settles for the mention it has.
_MAX_HOPS = 6


def _run_in(source: Span, text: str) -> Span | None:
    """A source found in a heading, a "WATCH:" line or a photo credit that the parser ran into the next
    paragraph ("Road plans\n\nLind said ..."): the speaker is the noun phrase that opens that paragraph."""
    doc = source.doc
    line_start = text.rfind("\n", 0, source.start_char) + 1
    line_end = text.find("\n", source.start_char)
    if line_end < 0 or source.end_char > line_end:
        return None
    line = text[line_start:line_end].strip()
    labelled = bool(_LABEL_LINE.match(line))  # "WATCH: ...", "READ MORE: ...": never where a speaker stands
    if source.root.head.idx < line_end and not labelled:
        return None  # the clause is on this line: an ordinary source
    heading = len(line.split()) <= 12 and not line.endswith((".", "!", "?", "”", '"', ":", ";", ","))
    if not (heading or labelled or _CREDIT.search(line)):
        return None
    k = line_end
    while k < len(text) and text[k].isspace():
        k += 1
    if k >= len(text) or text[k] in "“\"'‘«":
        return None  # the next paragraph is a quotation: its speaker is not at its start
    span = doc.char_span(k, k + 1, alignment_mode="expand")
    if span is None:
        return None
    tok = span[0]
    while tok.dep_ in ("compound", "amod", "nmod", "det", "poss") and tok.i < tok.head.i <= tok.i + 6:
        tok = tok.head
    if tok.pos_ not in ("PROPN", "NOUN") or not _is_subject(tok, tok.i + 1, span.start):
        return None
    return doc[span.start : tok.i + 1]


def _core(source: Span) -> Span:
    """The source mention without what trails its noun phrase: a relative clause, "but ...", a dash
    ("a person familiar with the talks but unauthorized to speak" -> "a person familiar with the talks")."""
    doc, head = source.doc, source.root
    end = source.end
    for tok in source:
        if tok.i <= head.i:
            continue
        if tok.lower_ in _CLAUSE_OPENERS and tok.dep_ == "pobj" and tok.head.head == head:
            return source  # "many of whom": the relative pronoun is the phrase's own object
        if tok.lower_ in _CLAUSE_OPENERS or tok.text in "—–(" or tok.dep_ == "relcl" or (
            tok.text == "," and tok.i + 1 < source.end and doc[tok.i + 1].lower_ in _CLAUSE_OPENERS
        ):
            end = min(tok.i, tok.left_edge.i) if tok.dep_ == "relcl" else tok.i
            break
    while end > source.start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[source.start : end]


#: Words in TITLES that name a department or a rank of one, not a person's title ("Energy Secretary").
_DEPARTMENT_WORDS = frozenset(
    """defense defence foreign finance health state interior justice homeland labor labour treasury education
    energy transportation agriculture commerce veterans affairs housing environment u.s. us federal provincial
    national senior junior""".split()
)


#: Titles that are people's ("chairman", "mayor"), as heads of a description.
_PERSON_TITLES = frozenset(t.rstrip(".") for t in TITLES if len(t.rstrip(".")) > 3) - _DEPARTMENT_WORDS - ORGANISATION_HEADS


def _titled_name(ent: Span) -> str | None:
    """The name after a title inside an entity the recogniser called an organisation ("Hereditary Chief Ana
    Lind" -> "Ana Lind"), or None."""
    words = [t for t in ent if not t.is_punct]
    for k in range(len(words) - 2, -1, -1):
        if words[k].lower_.rstrip(".") in TITLES and words[k].lower_.rstrip(".") not in _DEPARTMENT_WORDS and words[k].is_title:
            if not words[k].whitespace_:
                return None  # a word of a hyphenated name ("the Spokesman-Review" names a newspaper, not "Review")
            rest = words[k + 1 :]
            if rest and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in ORGANISATION_HEADS
                            and t.lower_.rstrip(".") not in TITLES for t in rest) and len(rest) <= 3:
                return " ".join(t.text for t in rest)
            return None
    return None


_ROLE_PREFIXES = frozenset("prime vice deputy assistant associate lieutenant".split())


#: How far into the text a story's opening (its lede) reaches, in characters.
_LEDE_CHARS = 500
_ROLE_ABBREVIATIONS = {"justice": "judge", "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
                       "lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant", "supt": "superintendent",
                       "insp": "inspector", "det": "detective", "prof": "professor", "rev": "reverend", "atty": "attorney"}


def _role_apposition(tok: Token) -> bool:
    """Is the name ending at ``tok`` in apposition with a person's role ("Ana Lind, the party chairwoman")?"""
    nouns = [c for c in tok.children if c.dep_ == "appos"] + ([tok.head] if tok.dep_ == "appos" else [])
    return any(
        n.pos_ == "NOUN" and (n.lemma_.lower() in _PERSON_TITLES or n.lemma_.lower() in ANONYMOUS_HEADS)
        for n in nouns
    )


def _role_key(word: Token) -> str:
    """The role a title or a description's head names: "minister", but "prime minister" for Prime Minister;
    an abbreviated title names the role spelt out ("Gov." -> "governor")."""
    lemma = word.lemma_.lower().rstrip(".")
    lemma = _ROLE_ABBREVIATIONS.get(lemma, lemma)
    before = [c for c in word.children if c.dep_ in ("amod", "compound") and c.i < word.i]
    prev = word.doc[word.i - 1] if word.i else None
    if prev is not None and prev.lower_ in _ROLE_PREFIXES and (prev in before or prev.head == word or prev.is_title):
        return f"{prev.lower_} {lemma}"
    return lemma


def _described(head: Token) -> bool:
    """Does the noun carry a describing modifier ("the laid-back Lakeview resident", "the 39-year-old founder")?"""
    return any(c.dep_ in ("amod", "compound", "nmod") and c.i < head.i for c in head.children)


def _names_other(ent: Span, phrase: Span) -> bool:
    """Does the name stand for someone else than the phrase's speaker: the object of a preposition in the
    phrase ("a spokeswoman for Ana Lind", "a narrator in the Lind ad") or a name modifying a common noun
    ("the Lind campaign")? Appositions and names joined to the head do not ("the spokesman, Ivo Tarn")."""
    node = ent.root
    while node.dep_ == "conj" and node.head != node and not ent.start <= node.head.i < ent.end:
        node = node.head
    inside = phrase.start <= node.head.i < phrase.end and not ent.start <= node.head.i < ent.end
    if node.dep_ == "pobj" and inside:
        # unless the parser ran an apposition into the object: "envoy to Lakeland Ana Lind"
        between = ent.doc[node.head.i + 1 : ent.start]
        return not any(t.ent_type_ in ("GPE", "ORG", "NORP") for t in between)
    return node.dep_ == "compound" and inside and node.head.pos_ == "NOUN"


def _possessive_at(doc: Doc, i: int) -> bool:
    """Is the name starting at token ``i`` a possessor ("Mr. Lind's request")?"""
    tok = doc[i]
    while tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head
    return tok.dep_ == "poss" or (tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "POS")


def _possessor(ent: Span) -> bool:
    """Is the name a possessor ("Lind's aunt")?"""
    return ent.root.dep_ == "poss" or ent.text.endswith(("'s", "’s", "'", "’")) or (
        ent.end < len(ent.doc) and ent.doc[ent.end].tag_ == "POS"
    )


def _modifies(tok: Token, head: Token) -> bool:
    """Is ``tok`` the head itself or a word of its own noun phrase (compound, possessor, modifier, apposition)?"""
    node = tok
    for _ in range(4):
        if node == head:
            return True
        if node.dep_ not in ("compound", "poss", "amod", "nmod", "appos", "nummod") or node.head == node:
            return False
        node = node.head
    return False


def _is_document(head: Token) -> bool:
    """A document named by a two-word noun ("the white paper", "the news release")."""
    return head.lemma_.lower() in ("paper", "release", "statement") and any(
        c.dep_ in ("amod", "compound") and c.lower_ in ("white", "news", "press", "position", "discussion") for c in head.children
    )


def _org_text(ent: Span) -> str:
    """An organisation's name: determiner and possessive dropped, a local's number kept ("Local 832")."""
    text = _strip_det(ent.text)
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].like_num and doc[ent.end - 1].whitespace_ == " " and \
            len(doc[ent.end].text) <= 4 and not doc[ent.end].text.startswith(("19", "20")):
        text = f"{text} {doc[ent.end].text}"
    return text


_CREDIT = re.compile(r"\(\s*[A-Z][A-Z .,'/&-]+\)\s*$")


def _captions(text: str) -> list[tuple[int, int]]:
    """Photo captions: paragraphs that end in a parenthesised credit in capitals ("( ANA LIND / THE STAR )").
    The people in them are not the antecedents of the story's pronouns."""
    out, start = [], 0
    for line in text.split("\n"):
        if _CREDIT.search(line):
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


class _Inside:
    """Membership test for character offsets in sorted, non-overlapping spans."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def __call__(self, char: int) -> bool:
        import bisect

        k = bisect.bisect_right(self.starts, char) - 1
        return k >= 0 and self.spans[k][0] <= char < self.spans[k][1]


def _is_subject(tok: Token, end: int | None = None, start: int | None = None) -> bool:
    """Is the mention the subject of its clause? By the parse, or, when the parse is off (a heading run into
    the paragraph, a long apposition), by a finite verb right after the name ("Guest said", "Lind, 73,
    credits") or by its opening the sentence ("Toronto retiree Ana Lind, who ...")."""
    if tok.dep_ in ("nsubj", "nsubjpass") or (tok.dep_ in ("appos", "compound") and tok.head.dep_ in ("nsubj", "nsubjpass")):
        return True
    if tok.dep_ == "poss" or end is None:
        return False
    doc = tok.doc
    if end < len(doc) and doc[end].tag_ in _FINITE:
        return True
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].tag_ in _FINITE:
        return True
    if start is not None:
        opening = max(tok.sent.start, next((t.i + 1 for t in reversed(doc[max(0, start - 6) : start]) if "\n" in t.text), 0))
        before = doc[opening : start]
        return len(before) <= 3 and all(t.pos_ in ("NOUN", "PROPN", "ADJ", "DET", "SPACE") for t in before)
    return False


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _person_name(ent: Span) -> str:
    """A person entity's name: the last line of it, without a headline's verbs ("Lind Says" -> "Lind")."""
    start, end = ent.start, ent.end
    while end > start + 1 and ent.doc[end - 1].pos_ in ("VERB", "AUX"):
        end -= 1
    while start < end - 1 and ent.doc[start].pos_ in ("VERB", "AUX"):
        start += 1  # "Rip Ana Lind" in a headline
    for k in range(start + 2, end - 1):
        if ent.doc[k].text in DASH_TOKENS and ent.doc[k - 1].whitespace_ and ent.doc[k].whitespace_:
            end = k  # "Ana Lind - Tarn's partner": a dash apposition the recogniser ran into the name
            break
    return clean_name(_last_line(ent.doc[start:end].text))


def _last_line(text: str) -> str:
    """A name the recogniser ran over a line break ("Lind\n\nLind") is the one on the last line."""
    return text.rsplit("\n", 1)[-1] if "\n" in text.strip() else text


def _name_like(name: str) -> bool:
    words = name.split()
    return bool(words) and any(c.isalpha() for c in name) and not all(w.lower() in _NOT_NAMES for w in words) \
        and words[0][:1].isupper() and words[0] != "The"  # "The Long Road": a title, not a person


def _determiner(head: Token) -> str | None:
    for child in head.children:
        if child.dep_ in ("det", "nummod", "quantmod", "predet") or child.like_num:
            return child.lower_
    return None


#: Nouns for many people at once: a definite one ("the community said") is not the person in view.
_COLLECTIVE_HEADS = frozenset("community public crowd audience population electorate base congregation".split())


def _honorific_gender(doc: Doc, start: int) -> str | None:
    """"m" or "f" when the name starting at token ``start`` has an honorific (Mr., Mrs., Ms., Miss) before or at
    its start."""
    for tok in doc[max(0, start - 1) : start + 1]:
        word = tok.lower_
        if word in _HONORIFICS_MALE:
            return "m"
        if word in _HONORIFICS_FEMALE:
            return "f"
    return None


_HONORIFICS_MALE = frozenset("mr mr.".split())
_HONORIFICS_FEMALE = frozenset("mrs mrs. ms ms. miss".split())


def _compound_start(head: Token) -> int:
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("compound", "amod", "poss") and child.pos_ == "PROPN":
            start = min(start, child.left_edge.i)
    return start


def _strip_det(text: str) -> str:
    text = _POSSESSIVE.sub("", text.strip())
    for det in ("the ", "The ", "a ", "an ", "A ", "An "):
        if text.startswith(det):
            return text[len(det) :]
    return text

