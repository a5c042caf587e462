"""Who holds a position, across the ways a report names them: one person under two forms of a name, and whether
two statements of different articles belong to one story.

A reporter writes "Developer Gideon Marsh" in one article and "Gideon Marsh" in the next, or "Her spokesman, Colm
Adair"; extraction keeps the name as written. :func:`same_person` takes a full name (two words or more) at the end
of a longer one as the same person, so a reversal needs one person, not one spelling.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from onrecord.lexicon import load
from onrecord.lexicon.en import DAY_WORDS, TITLES

if TYPE_CHECKING:
    from onrecord.provenance.claims import Claim
    from onrecord.provenance.values import Statement
    from onrecord.types import Attribution


def named_in(description: str | None) -> str | None:
    """The full name a speaker's description ends with ("Her spokesman, Colm Adair": "Colm Adair"), if any."""
    m = _TRAILING_NAME.search(description or "")
    return m.group(1) if m else None


_TRAILING_NAME = re.compile(r",\s*((?:[A-Z][\w'’.-]*\s+)+[A-Z][\w'’-]+),?\s*$")


def role_of_previous(attribution: Attribution, previous: Attribution | None) -> str | None:
    """The person a definite role stands for: the named person of the statement just before ("Harriet Vallance
    told regulators ... “Corvell will close,” the Tamsin Ridge Electric chief executive said"). Only a role
    (:data:`TITLES`: "the chief executive", not "the company") with no name of its own, right after a person."""
    description = (attribution.speaker_description or "").strip()
    if attribution.speaker or previous is None or not previous.speaker or previous.speaker_kind != "person":
        return None
    words = description.lower().replace(",", " ").split()
    if len(words) < 2 or words[0] != "the" or words[-1] not in TITLES or named_in(description):
        return None
    return previous.speaker


def named_after(attribution: Attribution, text: str) -> str | None:
    """The person a nameless description stands for when the article writes it before that person's name
    ("Hospital chief executive Dr. Ana Lind rejected ... “The ward is safe,” she said": the description "Hospital
    chief executive" is Ana Lind), a title ("Dr.") left out. Only a description of two words or more, never a
    name of its own."""
    description = (attribution.speaker_description or "").strip()
    if attribution.speaker or len(description.split()) < 2 or named_in(description):
        return None
    at = text.find(description)
    while at >= 0:  # (the first place the description is followed by a name: no pattern compiled per description)
        m = _NAME_AFTER.match(text, at + len(description))
        if m is not None:
            return m.group(1)
        at = text.find(description, at + 1)
    return None


def named_by_role(attribution: Attribution, text: str) -> str | None:
    """The person a definite role with no name stands for ("the chief executive said ..."), when the article gives
    that role to one person elsewhere, in either order and in any case ("the company's chief executive, Ana
    Lind"; "Ana Lind, the chief executive"). Only a role (:data:`TITLES`); two people given it: nobody."""
    description = (attribution.speaker_description or "").strip()
    words = description.lower().replace(",", " ").split()
    if attribution.speaker or len(words) < 2 or words[0] != "the" or words[-1] not in TITLES or named_in(description):
        return None
    role = r"\s+".join(re.escape(w) for w in words[1:])
    found = [m.group(1) for m in re.finditer(rf"(?i:\b{role}),\s+{_NAME}", text)]
    found += [m.group(1) for m in re.finditer(rf"{_NAME},\s+(?i:the\s+(?:[\w-]+\s+){{0,3}}?{role})\b", text)]
    names = [n for i, n in enumerate(found) if not any(same_person(n, m) for m in found[:i])]
    return names[0] if len(names) == 1 else None


#: A full name: two capitalised words or more ("Ana Lind", "Ana Lind-Tarn").
_NAME = r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)"


#: A name right after a description, a title ("Dr.") left out (:func:`named_after`).
_NAME_AFTER = re.compile(r",?\s+(?:(?:Dr|Mr|Ms|Mrs|Prof|Sen|Gov|Rep|Lt|Capt|Col|Gen|Sgt)\.\s+)?"
                         r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)")


#: Words of a time phrase, which extraction may take for a source ("Lind's post the following evening, which said").
_TIME_WORDS = DAY_WORDS | frozenset(
    "evening morning night afternoon day week month year tomorrow ago later earlier".split())


def owner_of_time(attribution: Attribution, text: str, speakers: Sequence[str]) -> str | None:
    """The person whose words a time phrase taken for a source stands in for: the speaker named in the possessive
    before it in the sentence ("Threlfall's post on X the following evening, which said that ...")."""
    words = set((attribution.speaker_description or "").lower().split())
    if attribution.speaker or not words & _TIME_WORDS or words & TITLES:
        return None
    end = attribution.content.start
    start = max(text.rfind(". ", 0, end), text.rfind("\n", 0, end)) + 1
    owners = re.findall(r"([A-Z][\w-]+)['’]s\b", text[start:end])
    for owner in reversed(owners):
        match = next((s for s in speakers if s.split()[-1] == owner), None)
        if match is not None:
            return match
    return None


_EN = load("en")
#: What a reporter calls a position when setting it against another ("Osgood's claim", "the account Lind gave").
_ACCOUNTS = _EN.words("speech_nouns") | frozenset("account version story".split())
_SIGNALS = _EN.words("conflict_signals")
_FEMALE = _EN.words("female_first_names")
_MALE = _EN.words("male_first_names")


def owner_of_claim(attribution: Attribution, text: str, speakers: Sequence[str]) -> str | None:
    """The person whose claim a reporter's conflict word introduces, which extraction took for the speaker's words
    ("The review belies Osgood's claim in March that ...": Osgood's; "The report contradicts the account Ana Lind
    gave ...": Lind's), when that person speaks elsewhere in the article."""
    cue = attribution.cue
    if cue is None or not set(re.findall(r"[a-z]+", cue.of(text).lower())) & _SIGNALS_FORMS:
        return None
    between = text[cue.end:attribution.content.end]
    m = re.search(r"([A-Z][\w-]+)['’]s\s+(?:[a-z]+\s+){0,2}?(\w+)", between)
    if m is not None and m.group(2).lower() in _ACCOUNTS:
        return _speaker_named(m.group(1), speakers)
    m = re.match(r"\s*the\s+(\w+)\s+((?:[A-Z][\w.'’-]*\s+)*[A-Z][\w'’-]+)", between)
    if m is not None and m.group(1).lower() in _ACCOUNTS:
        return _speaker_named(m.group(2).split()[-1], speakers)
    return None


#: The forms of the conflict words a cue may take ("belies", "contradicted").
_SIGNALS_FORMS = _SIGNALS | {w + e for w in _SIGNALS for e in ("s", "d", "ed", "es")}


def _speaker_named(surname: str, speakers: Sequence[str]) -> str | None:
    return next((s for s in speakers if s.split()[-1] == surname), None)


def antecedent_in_sentence(attribution: Attribution, text: str, speakers: Sequence[str]) -> str | None:
    """The person a "he" or "she" source stands for when its sentence gives that person's account before it and
    extraction took someone the sentence does not name ("The report contradicts the account Chief Ana Lind gave,
    when she said ..."): the nearest speaker named with an account ("the account Lind gave", "Lind's statement"),
    whose first name does not belong to the other sex."""
    source = attribution.source
    if source is None or source.of(text).lower() not in ("he", "she"):
        return None
    start = max(text.rfind(". ", 0, source.start), text.rfind("\n", 0, source.start)) + 1
    before = text[start:source.start]
    if attribution.speaker and attribution.speaker.split()[-1] in before:
        return None
    unlike = _MALE if source.of(text).lower() == "she" else _FEMALE
    named = [s for s in speakers if s.split()[-1] in before and _with_account(s.split()[-1], before)
             and s.split()[0].lower() not in unlike]
    return max(named, key=lambda s: before.rfind(s.split()[-1]), default=None)


def _with_account(surname: str, words: str) -> bool:
    """Do the words give this person's account: "the account Ana Lind gave", "Lind's statement"?"""
    for m in re.finditer(rf"\b(\w+)\s+(?:that\s+)?(?:[A-Z][\w.'’-]*\s+)*{re.escape(surname)}\b|"
                         rf"\b{re.escape(surname)}['’]s\s+(?:[a-z]+\s+)?(\w+)", words):
        if (m.group(1) or m.group(2) or "").lower() in _ACCOUNTS:
            return True
    return False


def person_key(speaker: str) -> str:
    """What identifies a speaker by name: the last two words ("Developer Gideon Marsh": "Gideon Marsh"), or the
    whole when it is shorter."""
    words = speaker.replace(",", " ").split()
    return " ".join(words[-2:]) if len(words) > 2 else " ".join(words)


def same_person(a: str | None, b: str | None) -> bool:
    """Are two speakers one person: the same name, or a full name (two words or more) that the other ends with
    ("Gideon Marsh" and "Developer Gideon Marsh"; not "Marsh" and "Helena Marsh")?"""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a.replace(",", " ").split(), b.replace(",", " ").split()), key=len)
    return len(short) >= 2 and long[-len(short):] == short and short[0][:1].isupper()


def one_party(a: str | None, b: str | None) -> bool:
    """Are two parties one, named in full and by the last word of that name ("the Civil Air Safety Directorate"
    and "the Directorate", "Helena Marsh" and "Marsh"): a party does not contradict itself."""
    if not a or not b:
        return False
    short, long = sorted((a.replace(",", " ").split(), b.replace(",", " ").split()), key=len)
    return same_person(a, b) or (len(short) == 1 < len(long) and long[-1] == short[0] and short[0][:1].isupper())


def _share_name(a: Claim, b: Claim) -> bool:
    """Do two statements of different articles name the same person, place or body (what links two reports of
    one story, where a shared common noun -- "the memo", "the plant" -- does not)?"""
    na, nb = set(a.names), set(b.names)
    return bool(na & (nb | set(b.context))) or bool(nb & set(a.context))


#: How many names two articles must share to tell one story (with the statements themselves sharing none).
STORY_NAMES = 2


def same_story(a: Statement, b: Statement) -> bool:
    """Are two statements of different articles about one story: they name the same person, place or body, or
    their articles share at least :data:`STORY_NAMES` names?"""
    return _share_name(a.claim, b.claim) or len(a.story & b.story) >= STORY_NAMES


__all__ = [
    "STORY_NAMES",
    "TITLES",
    "antecedent_in_sentence",
    "named_after",
    "named_by_role",
    "named_in",
    "owner_of_claim",
    "owner_of_time",
    "person_key",
    "role_of_previous",
    "same_person",
    "same_story",
]
