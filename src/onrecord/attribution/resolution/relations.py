"""People named by a relation to someone named before: "his wife", "their father", "her husband", "the couple",
"the Crosses", "Noor's parents".

A couple is two people named together as one: first names joined before one family name ("Ana and Ivo Tarn",
both first names on the list), or a person and a spouse noun ("Ivo Tarn and his wife, Mira Tarn"). The couple
last named before "the couple", "Noor's parents" or a family name in the plural ("the Tarns") speaks as one; a
"their father" is its man, a "his wife" the other of the couple he is in. Else a relative by a kin noun ("his
mother") is the one other person of the possessor's family name of the noun's gender -- only where there is one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from onrecord.attribution.arrays import ents_of, ids, one_of, positions, token_arrays
from onrecord.attribution.resolution.genders import GENDER_NOUNS
from onrecord.attribution.resolution.names import Speaker, clean_name, hyphen_joins, surname
from onrecord.attribution.resolution.syntax import Inside, captions, copular_nouns, is_subject
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import COUPLE_HEADS, FAMILY_HEADS, NAMESAKE_HEADS, SPOUSE_HEADS

if TYPE_CHECKING:
    from onrecord.attribution.resolution.index import ArticleIndex
    from onrecord.attribution.resolution.mention import Mention
    from onrecord.attribution.resolution.resolver import SpeakerResolver

#: A couple: (token of its first mention, the first-named, the second-named).
Couple = tuple[int, str, str]
#: How far apart the lists' P(woman) of a couple's two first names must be to tell who is the man.
_FIRST_NAME_GAP = 0.25
#: How many sentences of a quotation a he/she's cue after it is looked past for the sentence before it.
_QUOTED_SENTENCES = 8
#: How far back (in tokens) the couple "the couple" refers to may have been named.
_COUPLE_WINDOW = 600


def _first_name_p(word: str) -> float | None:
    """P(woman) of a first name on nomquamgender's list, or None for a word not on it."""
    from onrecord.provenance.gender import first_names  # (the list is read once, when first needed)

    return first_names().get(word.lower())


def find_couples(doc: Doc, index: ArticleIndex) -> list[Couple]:
    """The couples the article names, in text order (only its "and" tokens are looked at); a name of one the
    recogniser did not take for a person's is a person mention ("Ana and Ivo Tarn" read as organisations)."""
    couples: list[Couple] = []
    in_caption: Inside | None = None
    for i in positions(one_of(token_arrays(doc).lower, ids("and"))):
        if not 0 < i < len(doc) - 3 or index.inside(doc[i].idx):
            continue
        in_caption = in_caption or Inside(captions(index.text))
        if in_caption(doc[i].idx):
            continue  # (the people in a photo caption are not in the story)
        joined = _first_names_joined(doc, i)
        found = joined or _with_spouse(doc, i)
        if found is None:
            continue
        couples.append((i - 1, *found))
        ats = (i - 1, i + 1) if joined is not None else (i - len(found[0].split()), i + 3 + (doc[i + 3].text == ","))
        for name, at in zip(found, ats, strict=True):
            if joined is None and name in doc[at : at + 6].text:  # (a name as written; "Kim" of "Kim and Ivo
                index.learn(name)                                 # Tarn" alone later stays "Kim")
            elif joined is not None:  # (each of "Ana and Ivo Tarn" is of the family: "Mr. Tarn" is Ivo Tarn)
                _learn_member(index, name)
            ent = index.ent_of.get(at)
            if ent is None or ent.label_ != "PERSON":  # (a couple the recogniser took for organisations)
                index.persons.append((at, name, is_subject(doc[at], at + 1, at)))
    if couples:
        _mentions_again(doc, index, {n for c in couples for n in c[1:]})
    return couples


def _learn_member(index: ArticleIndex, name: str) -> None:
    """Index a couple's member the article names only shared ("Ivo Tarn" of "Ana and Ivo Tarn"),
    so that a titled family name ("Mr. Tarn") can pick them; the first name alone ("Ivo") is not taken for it (GGT
    keeps "Kim" of "Kim and Ivo Tarn")."""
    known = index.by_surname.setdefault(surname(name), [])
    if name not in known:
        known.append(name)
        index.ent_names.add(name)
        index.family_only.add(name)


def copular_roles(doc: Doc, index: ArticleIndex) -> None:
    """Index the roles the article gives its people with "is" ("The lead plaintiff is Ana Lind, 41,", the name
    whatever the recogniser made of it), as :meth:`ArticleIndex._index_roles` does those of appositions."""
    done: set[int] = set()
    # (the fullest mention of a name first: not "Bell" of "Ana Onyango-Bell" where both are indexed)
    for start, name, _subject in sorted(index.persons, key=lambda p: -len(p[1])):
        root = doc[start]
        while (root.dep_ == "compound" and root.head.i > root.i) or hyphen_joins(doc, root.i + 1):
            root = doc[root.i + 2] if hyphen_joins(doc, root.i + 1) else root.head
        if root.i in done:
            continue
        done.add(root.i)
        for noun in copular_nouns(root):
            held = index.roles.setdefault(noun.lemma_.lower(), [])
            held.append((start, index.fullest(name)))
            held.sort()


def _mentions_again(doc: Doc, index: ArticleIndex, names: set[str]) -> None:
    """A couple's name written in full again, that the recogniser took for an organisation's ("Ivo Tarn declined
    to comment"), is a person mention too."""
    for ent in ents_of(doc):
        if ent.label_ != "PERSON" and clean_name(ent.text) in names and not index.inside(ent.start_char) \
                and not any(p[0] == ent.start for p in index.persons):
            index.persons.append((ent.start, clean_name(ent.text), is_subject(ent.root, ent.end, ent.start)))


def _first_names_joined(doc: Doc, i: int) -> tuple[str, str] | None:
    """"Ana and Ivo Tarn" around the "and" at ``i``: two listed first names, one family name after them."""
    first, second = doc[i - 1], doc[i + 1]
    if not (first.is_title and second.is_title) or (i >= 2 and doc[i - 2].pos_ == "PROPN"):
        return None
    if _first_name_p(first.text) is None or _first_name_p(second.text) is None:
        return None
    end = i + 2
    while end < len(doc) and ((doc[end].is_title and doc[end].pos_ == "PROPN") or hyphen_joins(doc, end)):
        end += 1
    if end == i + 2:
        return None
    family = doc[i + 2 : end].text
    return f"{first.text} {family}", f"{second.text} {family}"


def _with_spouse(doc: Doc, i: int) -> tuple[str, str] | None:
    """"Ivo Tarn and his wife, Mira Tarn" (or "Mira"): a full name, "and", a his/her spouse noun, the spouse's
    name -- each opening with a listed first name, whatever the recogniser labelled them."""
    if doc[i + 1].lower_ not in ("his", "her") or doc[i + 2].lower_ not in SPOUSE_HEADS:
        return None
    start = i
    while start > 0 and i - start < 4 and (_name_word(doc[start - 1]) or hyphen_joins(doc, start - 1)):
        start -= 1
    k = i + 3 + (doc[i + 3].text == ",")
    end = k
    while end < len(doc) and end - k < 4 and (_name_word(doc[end]) or hyphen_joins(doc, end)):
        end += 1
    if i - start < 2 or end == k or _first_name_p(doc[start].text) is None or _first_name_p(doc[k].text) is None:
        return None
    one, other = clean_name(doc[start:i].text), clean_name(doc[k:end].text)
    if len(other.split()) == 1:
        other = f"{other} {doc[i - 1].text}"  # "Ivo Tarn and his wife, Mira"
    return one, other


def _name_word(tok: Token) -> bool:
    return tok.is_title and tok.pos_ == "PROPN"


def _full(r: SpeakerResolver, name: str) -> str:
    return r.index.fullest(name)


def last_couple(r: SpeakerResolver, before: int, family: str | None = None) -> tuple[str, str] | None:
    """The couple last named before token ``before`` (of the family name ``family`` when given)."""
    for start, one, other in reversed(r.index.couples):
        if start < before and before - start <= _COUPLE_WINDOW and (
                family is None or surname(one) == family or surname(other) == family):
            return _full(r, one), _full(r, other)
    return None


def _of_gender(r: SpeakerResolver, couple: tuple[str, str], gender: str) -> str | None:
    """The one of a couple of ``gender``: by the article's evidence, else by their first names on the list."""
    said = [r.index.gender(n, listed=True) for n in couple]
    if said[0] != said[1]:
        known = [k for k in (0, 1) if said[k] is not None]
        k = known[0] if len(known) == 1 else 0
        return couple[k] if said[k] == gender else couple[1 - k]
    if said[0] is not None:
        return None
    p = [_first_name_p(n.split()[0]) for n in couple]
    if p[0] is None or p[1] is None or abs(p[0] - p[1]) < _FIRST_NAME_GAP:
        return None
    woman = 0 if p[0] > p[1] else 1
    return couple[woman] if gender == "f" else couple[1 - woman]


def relative(r: SpeakerResolver, head: Token) -> str | None:
    """The person a kin noun with a possessor names ("his wife", "their father", "Lind's husband"), a "co-" role
    ("her co-plaintiff": the one other person the article gave that role), or a namesake ("her namesake")."""
    co = _co_role(head)
    if co is not None:
        return _partner_in_role(r, head.i, *co)
    if head.lower_ in NAMESAKE_HEADS:
        return _namesake(r, head)
    gender = GENDER_NOUNS.get(head.lower_)
    poss = _possessor(head)
    if gender is None or poss is None or head.lemma_.lower() not in FAMILY_HEADS or head.tag_ != "NN":
        return None
    if poss.lower_ == "their":  # "their father": the couple's man
        couple = last_couple(r, head.i)
        return _of_gender(r, couple, gender) if couple is not None else None
    owner = r.resolve(r.doc[poss.left_edge.i : poss.i + 1]).name if poss.lower_ in ("his", "her") or \
        poss.pos_ == "PROPN" else None
    if owner is None or " and " in owner:
        return None
    if head.lower_ in SPOUSE_HEADS:
        for _start, one, other in reversed(r.index.couples):
            pair = (_full(r, one), _full(r, other))
            if owner in pair and _full(r, one) != _full(r, other):
                partner = pair[1 - pair.index(owner)]
                return partner if r.index.gender(partner, listed=True) in (None, gender) else None
    family = {r.index.fullest(n) for n in r.index.by_surname.get(surname(owner), ()) if len(n.split()) >= 2}
    kin = [n for n in family if n != owner and r.index.gender(n, listed=True) == gender]
    return kin[0] if len(kin) == 1 else None


def _namesake(r: SpeakerResolver, head: Token) -> str | None:
    """"Her namesake", "Lind's namesake": the one other person named in full with the possessor's family name
    before the noun ("Cllr Ana Tarn ... Cllr Ivo Tarn, no relation ... her namesake replied" is Ivo Tarn)."""
    poss = _possessor(head)
    if poss is None or head.tag_ != "NN":
        return None
    owner = r.resolve(r.doc[poss.left_edge.i : poss.i + 1]).name
    if owner is None or " and " in owner:
        return None
    others = {r.index.fullest(n) for i, n, _s in r.index.persons if i < head.i and len(n.split()) >= 2
              and surname(n) == surname(owner)} - {owner}
    return others.pop() if len(others) == 1 else None


def _co_role(head: Token) -> tuple[str, Token] | None:
    """("plaintiff", its possessor) of "her co-plaintiff", written as one token or cut at its hyphen."""
    doc = head.doc
    if head.lower_.startswith("co-") and head.tag_ == "NN":
        role, at = head.lemma_.lower()[3:], head
    elif head.i >= 2 and doc[head.i - 1].text == "-" and doc[head.i - 2].lower_ == "co" \
            and not doc[head.i - 2].whitespace_ and not doc[head.i - 1].whitespace_:
        role, at = head.lemma_.lower(), doc[head.i - 2]
    else:
        return None
    poss = _possessor(at) or _possessor(head)
    return (role, poss) if poss is not None and role else None


def _partner_in_role(r: SpeakerResolver, before: int, role: str, poss: Token) -> str | None:
    """"Her co-plaintiff": of the people given the role ("plaintiff"), the one who is not the possessor."""
    owner = r.resolve(r.doc[poss.left_edge.i : poss.i + 1]).name
    holders = {name for i, name in r.index.roles.get(role, ()) if i < before}
    others = holders - {owner}
    return others.pop() if owner in holders and len(others) == 1 else None


def _possessor(head: Token) -> Token | None:
    """The possessor of a noun: "his", "Lind's" (which the parse may make a modifier with its "'s"), or the name
    after its "of" ("the husband of Mira Tarn")."""
    poss = next((c for c in head.children if c.dep_ == "poss" or (
        c.dep_ == "nmod" and any(g.tag_ == "POS" for g in c.children))), None)
    if poss is not None:
        return poss
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1), None)
    return next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None) if of else None


def relative_subject_before(r: SpeakerResolver, pronoun: Token, gender: str) -> str | None:
    """The person a kin noun names as a subject of the sentence before a he/she's, of its gender ("His wife, who
    was with him, stopped. “…,” she said."; "She wept; her husband held the flag. “…,” he said.")."""
    start = pronoun.sent.start
    if start == 0 or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    sent = r.doc[start - 1].sent
    for _ in range(_QUOTED_SENTENCES):  # (over the quotation the he/she closes: the sentence before it)
        if not r.index.inside(sent.root.idx) or sent.start == 0:
            break
        sent = r.doc[sent.start - 1].sent
    root = sent.root
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("he", "she") and c.lower_ == pronoun.lower_
           for c in root.children):
        return None  # "He earned his name because his father ...": the story stays with him
    # (a subject of the sentence's main verb or of one joined to it: "She wept; her husband held the flag")
    subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN"
                and GENDER_NOUNS.get(t.lower_, gender if _co_role(t) is not None else None) == gender
                and (t.head == root or (t.head.dep_ == "conj" and t.head.head == root))]
    found = relative(r, subjects[-1]) if subjects else None
    return found if found is not None and r.index.gender(found, listed=True) in (None, gender) else None


@rule(
    "speakers.couple",
    ("The sons of Ifeoma and Chidi Nwosu were treated there. In a statement, the couple said the boys were well.",
     "Ifeoma Nwosu and Chidi Nwosu"),
    ("The farm is run by Aldo Brisk and his wife, Vera Brisk. In a statement, the Brisks said they would appeal.",
     "Aldo Brisk and Vera Brisk"),
    ("The pilot's parents, Ivo and Ana Tarn, met the minister. Both parents said the inquiry had failed them.",
     "Ivo Tarn and Ana Tarn"),
)
def couple(case: Mention) -> Speaker | None:
    """"The couple", "Noor's parents", "both parents", "the Brisks": the couple last named (of that family name),
    both."""
    head = case.head
    if (case.definite or case.det == "both" or _possessor(head) is not None) and head.lower_ in COUPLE_HEADS \
            and head.pos_ == "NOUN":
        found = last_couple(case.resolver, head.i)
    else:
        family = _plural_family(case)
        found = last_couple(case.resolver, head.i, family) if family is not None else None
    return Speaker(f"{found[0]} and {found[1]}", "person", case.description) if found is not None else None


@rule(
    "speakers.couple-named",
    ("Ana and Ivo Tarn said the house had flooded twice.", "Ana Tarn and Ivo Tarn"),
    ("The couple, Ana and Ivo Tarn, said the house had flooded twice.", "Ana Tarn and Ivo Tarn"),
)
def couple_named(case: Mention) -> Speaker | None:
    """A couple named in the source itself ("Ana and Ivo Tarn said", "The couple, Ana and Ivo Tarn, said", "Ivo
    Tarn and his wife, Mira Tarn, said"): both of them, not the name the family name ends on. Not a couple the
    phrase only mentions ("the sons of Ana and Ivo Tarn")."""
    doc = case.resolver.doc
    for start, one, other in case.resolver.index.couples:
        if case.source.start <= start and start + 1 < case.source.end and _joined_in(doc[start + 1], case.head):
            return Speaker(f"{_full(case.resolver, one)} and {_full(case.resolver, other)}", "person",
                           case.description)
    return None


def _joined_in(conjunction: Token, head: Token) -> bool:
    """Is the "and" of a couple part of the head's own phrase: joined to it, to a name it is made of, or to its
    apposition -- not under a preposition or a possessor?"""
    node = conjunction
    while node.i != head.i:
        if node.dep_ not in ("cc", "conj", "compound", "appos", "flat") or node.head.i == node.i:
            return False
        node = node.head
    return True


def _plural_family(case: Mention) -> str | None:
    """The family name a definite plural proper noun is ("the Brisks", "the Crosses"), when the article has it."""
    head, known = case.head, case.resolver.index.by_surname
    plural = head.is_title and (head.tag_ in ("NNS", "NNPS") or head.pos_ == "PROPN") and case.det == "the"
    if not plural or not head.lower_.endswith("s"):
        return None
    bare = head.lower_[:-2] if head.lower_.endswith("es") and head.lower_[:-2] in known else head.lower_[:-1]
    return bare if bare in known else None


@rule(
    "speakers.relative",
    ("Bram Oduya and his wife, Selma Oduya, run the shop. Later, his wife said the shop would close.",
     "Selma Oduya"),
    ("The twins of Ifeoma and Chidi Nwosu were treated there. Their father said the boys were well.",
     "Chidi Nwosu"),
    ("Cllr Ivo Dolan backed the motion. Cllr Mira Dolan, no relation, opposed it.\n\nHer namesake said the library "
     "had to stay open.", "Ivo Dolan"),
)
def relative_named(case: Mention) -> Speaker | None:
    """A kin noun with a possessor ("his wife", "their father"): the relative the article named (see
    :func:`relative`)."""
    if not case.moves:
        return None
    found = relative(case.resolver, case.head)
    return Speaker(found, "person", case.description) if found is not None else None


__all__ = [
    "Couple", "copular_roles", "couple", "couple_named", "find_couples", "last_couple", "relative", "relative_named",
    "relative_subject_before",
]
