"""The surname rules: a family name alone, or one written first, misspelt or titled, is the person the article
names in full; of a family's members, the one a title or the paragraph points to.

Part of the speaker table of :mod:`onrecord.attribution.resolution.speaker_rules`, which states the precedence.
"""

from __future__ import annotations

from onrecord.attribution.resolution.mention import Mention
from onrecord.attribution.resolution.names import (
    LEADING_ROLES,
    Speaker,
    honorific_gender,
    listed_gender,
    person_name,
    surname,
)
from onrecord.attribution.resolution.syntax import compound_start, role_key
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES


@rule(
    "speakers.known-surname",
    ("Sarah Lind met the crew. Later, Lind said the vote was close.", "Sarah Lind"),
    ("Director Viktor Hrabal said the lander was lost.\n\nThe team's leader, Professor Tomas Hrabal, is his"
     " brother.\n\n\"We built it once,\" Professor Hrabal said.", "Tomas Hrabal"),
    ("The crash killed the driver, Ivo Tarn. Mira Tarn, his mother, rejected the report on Monday.\n\n\"It is "
     "wrong,\" Tarn said.", "Mira Tarn"),
    ("Prime Minister Oskar Brandt spoke first. Senator Mira Brandt voted against the bill.\n\nThe prime minister "
     "spoke to reporters later. He said the bill would return.\n\n“I have no quarrel with scrutiny,” Brandt said.",
     "Oskar Brandt"),
)
def known_surname(case: Mention) -> Speaker | None:
    """A surname the article gives in full elsewhere is that person, whatever the recogniser said; of a family's
    members, the one its title names ("Professor Hrabal": the professor, not his brother), else the one last
    named in full as a subject before it, when no member owns the name alone (the mother who "rejected the
    report", not her son named first). Not an organisation's short form the article spells out ("HVP")."""
    name, r = case.head_name, case.resolver
    if name and surname(name) in r.index.by_surname and len(name.split()) <= 4 and name not in r.index.acronyms:
        gender = honorific_gender(r.doc, compound_start(case.head))
        return Speaker(_titled_namesake(case, name) or _namesake_in_view(case, name, gender) or r.index.fullest(
            name, gender, titled=True), "person")
    return None


def _namesake_in_view(case: Mention, name: str, gender: str | None) -> str | None:
    """Of two or more people of one family the recogniser named in full with a known first name, none of whom the
    name alone belongs to (:meth:`ArticleIndex._find_owners`), the one last named in full as a subject or found
    speaking before the mention ("The prime minister ... He said ...": not a namesake named paragraphs before), of
    the gender of the mention's honorific (``gender``: "Ms. Tarn" is not the man last named); None for a name of
    two words or more, or with a single member so named. A name one member owns is still another's when that one
    was named in full as a subject in its sentence or the one before, and no other member since ("Ivo Tarn spoke
    with voters ... a woman asked for a photo and Tarn said")."""
    index = case.resolver.index
    key = surname(name)
    if len(name.split()) != 1:
        return None
    family = {n for n in index.by_surname.get(key, ()) if len(n.split()) >= 2 and n in index.ent_names and (
        n.split()[0].lower() in MALE_FIRST_NAMES or n.split()[0].lower() in FEMALE_FIRST_NAMES
        or listed_gender(n) is not None)}  # (not "Team Lind", "First Lind" at a sentence's start)
    if len({index.fullest(n) for n in family}) < 2:
        return None
    members = {index.fullest(n) for n in family}
    if key in index.owner:  # the name is one member's, unless another was named in full as a subject just before
        head = case.head
        since = case.resolver.doc[head.sent.start - 1].sent.start if head.sent.start > 0 else 0
        last = [(i, index.fullest(n)) for i, n, subject in index.persons if since <= i < head.i and n in family]
        return last[-1][1] if last and (gender is None or index.gender(last[-1][1], listed=True) in (
            None, gender)) and any(subject for i, n, subject in index.persons if i == last[-1][0]) else None
    seen = [(i, index.fullest(n)) for i, n, subject in index.persons if subject and i < case.head.i and n in family]
    seen += [(i, s.name) for i, s in case.resolver.recent if i < case.head.i and s.name in members]
    if gender is not None:
        seen = [(i, n) for i, n in seen if index.gender(n, listed=True) in (None, gender)]
    return max(seen)[1] if seen else None


@rule(
    "speakers.family-name-first-in-view",
    ("Tan Weiming, the port's engineer, said the crane was old. \"We cannot wait for spring,\" Tan said.\n\n"
     "The head of the school, Ivo Tan, praised the pupils.", "Tan Weiming"),
    ("Much of the work was done by Tan Weiming, a student.\n\nIt took years.\n\nThe lab is quiet now.\n\nTan, who "
     "grew up by the sea, said the birds had changed.\n\nAnother researcher, Peter Tan, agreed.", "Tan Weiming"),
)
def family_name_first_in_view(case: Mention) -> Speaker | None:
    """A single name that opens the name of the person last named in full before it, in its paragraph or the one
    before, and is no known first name: that person's family name, written first as in the person's own
    convention ("Tan Weiming ... Tan said"), though someone named elsewhere has it as a surname; further back, when
    that person is the only one named with it so far (:func:`_only_bearer_so_far`)."""
    name, ix, doc = case.head_name, case.resolver.index, case.resolver.doc
    if not name or len(name.split()) != 1 or not name.istitle() or name.lower() in MALE_FIRST_NAMES \
            or name.lower() in FEMALE_FIRST_NAMES or name.lower() not in ix.by_surname:
        return None
    named = [(i, n) for i, n, _ in ix.persons if i < case.head.i and len(n.split()) >= 2]
    if not named:
        return None
    at, last = max(named)
    if last.split()[0] != name or len(last.split()) != 2 \
            or case.resolver.text.count("\n\n", doc[at].idx, case.head.idx) > 1:
        return _only_bearer_so_far(case, name, named)
    return Speaker(ix.fullest(last), "person")


def _only_bearer_so_far(case: Mention, name: str, named: list[tuple[int, str]]) -> Speaker | None:
    """The one person named before the mention with ``name`` as a word of their name, when that is their family
    name written first ("Tan Weiming ... Tan, who grew up by the port, ..."): a namesake the article introduces
    only later ("Ivo Tan, no relation") is not yet known to the reader."""
    ix = case.resolver.index
    bearers = {ix.fullest(n) for _i, n in named if name in (n.split()[0], n.split()[-1])}
    only = bearers.pop() if len(bearers) == 1 else None
    if only is None or len(only.split()) != 2 or only.split()[0] != name or only not in ix.ent_names:
        return None
    later = ix.fullest(name)  # (who the surname rules would make it: one the text names only after the mention)
    return Speaker(only, "person") if later != only and case.resolver.text.find(later) > case.head.idx else None


@rule("speakers.family-name-first", ("Weiming Tan spoke on Monday. Weiming said the talks were over.", "Weiming Tan"))
def family_name_first(case: Mention) -> Speaker | None:
    """A single name that is a word of a fuller one, as a surname is, whatever the recogniser made of the one
    word: a family name written first ("Wang" -> "Wang Qishan") or a first name."""
    name, head_ent, ix = case.head_name, case.head_ent, case.resolver.index
    if name and len(name.split()) == 1 and ix.fullest(name) != name and (
        head_ent is None or head_ent.label_ == "PERSON" or (len(head_ent) == 1 and ix.fullest(name) in ix.ent_names)
    ):
        return Speaker(ix.fullest(name), "person")
    return None


@rule("speakers.misspelt-surname", (
    "Ivo Tarnowski spoke first. Tarnowki also questioned the idea that the dock was safe.", "Ivo Tarnowski"))
def misspelt_surname(case: Mention) -> Speaker | None:
    """A surname alone, not a place's by the recogniser nor an organisation's of more than one word, that nobody
    in the article has in full, one slip of the keys from the surname of the one person named in full there (a
    letter left out, added, changed, or two swapped; five letters at least, the same first letter; not a plural,
    "the Rockets" of a "Rocket"): a misprint of that person's name ("Tarnowki" for "Tarnowski")."""
    name, ix = case.head_name, case.resolver.index
    ent = case.head_ent  # (a misprint the recogniser took for a body, alone: "Sweeny said")
    if not name or len(name.split()) != 1 or len(name) < 5 or not name.istitle() or ix.fullest(name) != name \
            or (ent is not None and ent.label_ != "PERSON" and not (ent.label_ == "ORG" and len(ent) == 1)):
        return None
    wrong = name.lower()
    near = {full for key, names in ix.by_surname.items() if key[:1] == wrong[:1] and len(key) >= 5
            and wrong not in (key, key + "s") and _one_slip(key, wrong) for full in names if len(full.split()) >= 2}
    fullest = {ix.fullest(full) for full in near}
    return Speaker(fullest.pop(), "person") if len(fullest) == 1 else None


def _one_slip(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` differ by one letter left out, added or changed, or by two neighbours swapped?"""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _titled_namesake(case: Mention, name: str) -> str | None:
    """Of two people of one family, the one a title names: "Professor Hrabal" is Professor Tomas Hrabal, not
    his brother Viktor Hrabal; None unless the family has two or more named members and one holds the title."""
    index, doc = case.resolver.index, case.resolver.doc
    family = set(index.by_surname.get(surname(name), ()))
    if len(name.split()) != 1 or len([n for n in family if len(n.split()) >= 2]) < 2:
        return None
    start = compound_start(case.head)
    title = next((t for t in doc[max(0, start - 1) : case.head.i] if t.lower_.rstrip(".") in LEADING_ROLES), None)
    if title is None:
        return None
    # (a title given with the full name: not one learnt from a surname alone, which fullest may have guessed)
    holders = {n for at, n in index.roles.get(role_key(title), ()) if n in family and len(n.split()) >= 2
               and at in index.ent_of and len(person_name(index.ent_of[at]).split()) >= 2}
    return holders.pop() if len(holders) == 1 else None


__all__ = ["family_name_first", "family_name_first_in_view", "known_surname", "misspelt_surname"]
