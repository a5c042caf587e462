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
    return holder_of_role(words[1:], text)


def holder_of_role(role_words: Sequence[str], text: str) -> str | None:
    """The one person the article gives a role ("chief executive"), in either order and in any case ("the
    company's chief executive, Ana Lind"; "Ana Lind, the chief executive"); two people given it: nobody."""
    role = r"\s+".join(re.escape(w) for w in role_words)
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


def owner_of_claim(attribution: Attribution, text: str, speakers: Sequence[str],
                   earlier: Sequence[str] = ()) -> str | None:
    """The person whose claim a reporter's conflict word introduces, which extraction took for the speaker's words
    ("The review belies Osgood's claim in March that ...": Osgood's; "The report contradicts the account Ana Lind
    gave ...": Lind's), when that person speaks elsewhere in the article; also a role's claim ("gives the lie to
    the chief executive's assurance in May that ...": the one person the article gives that role) and "his" or
    "her" claim (the last of the ``earlier`` person speakers whose first name is not of the other sex)."""
    cue = attribution.cue
    lead = _lead(attribution, text)
    if cue is None or lead is None:
        return None
    recalled = _recalled_owner(lead, text, earlier)
    if recalled is not None:
        return recalled
    between = text[cue.end:attribution.content.end]
    m = re.search(r"([A-Z][\w-]+)['’]s\s+(?:[a-z]+\s+){0,2}?(\w+)", between)
    if m is not None and m.group(2).lower() in _ACCOUNTS:
        return _speaker_named(m.group(1), speakers)
    m = re.match(r"\s*the\s+(\w+)\s+((?:[A-Z][\w.'’-]*\s+)*[A-Z][\w'’-]+)", between)
    if m is not None and m.group(1).lower() in _ACCOUNTS:
        return _speaker_named(m.group(2).split()[-1], speakers)
    return None


def recalled_claim(attribution: Attribution, text: str) -> bool:
    """Is the attribution a claim a reporter's conflict word recalls as someone's ("belies Osgood's claim in March
    that ...", "sits uneasily with his February statement that ..."): words of conflict, an account noun before
    the content?"""
    lead = _lead(attribution, text)
    return lead is not None and bool(set(re.findall(r"[a-z]+", lead.lower())) & _ACCOUNTS)


def _lead(attribution: Attribution, text: str) -> str | None:
    """The words of conflict that introduce a claim, up to it: from a cue of conflict ("belies Osgood's claim in
    March"), or, when extraction took the account noun for the cue, from the start of its sentence ("The deficit
    sits uneasily with the vice-chancellor's statement"); None when no conflict word introduces it."""
    cue = attribution.cue
    if cue is None or cue.start >= attribution.content.start:
        return None
    lead = text[cue.start:attribution.content.start]
    if set(re.findall(r"[a-z]+", cue.of(text).lower())) & _SIGNALS_FORMS or _signal_phrase(lead):
        return lead
    if cue.of(text).lower() not in _ACCOUNTS:
        return None
    start = max(text.rfind(". ", 0, cue.start), text.rfind("\n", 0, cue.start)) + 1
    lead = text[start:attribution.content.start]
    words = set(re.findall(r"[a-z]+", text[start:cue.start].lower()))
    return lead if words & _SIGNALS_FORMS or _signal_phrase(lead) else None


def _signal_phrase(words: str) -> bool:
    """Do the words hold a conflict phrase of several words ("gives the lie to", "sits uneasily with")?"""
    low = " ".join(re.findall(r"[a-z]+", words.lower()))
    return any(f" {p} " in f" {low} " for p in _PHRASES)


def _recalled_owner(lead: str, text: str, earlier: Sequence[str]) -> str | None:
    """Whose claim the words before a recalled claim name: a role's ("the chief executive's assurance in May":
    the one person the article gives that role) or "his"/"her" ("her account in March": the last person of
    ``earlier`` whose first name is not of the other sex)."""
    m = _ROLE_CLAIM.search(lead)
    if m is not None and m.group(2).lower() in _ACCOUNTS:
        words = m.group(1).lower().split()
        if words[-1].split("-")[-1] in TITLES:  # (unnamed in this article: the role, which others may name)
            return holder_of_role(words, text) or "the " + " ".join(words)
    m = _PRONOUN_CLAIM.search(lead)
    if m is not None and m.group(2).lower() in _ACCOUNTS:
        unlike = _FEMALE if m.group(1).lower() == "his" else _MALE
        return next((s for s in reversed(earlier) if s.split()[0].lower() not in unlike), None)
    return None


#: "the chief executive's statement", "the clinic nurse manager's first assurance" (a role of up to four words).
_ROLE_CLAIM = re.compile(r"\b[Tt]he\s+((?:(?!the\b)[a-z][\w-]*\s+){0,3}[a-z][\w-]*)['’]s\s+"
                         r"(?:[\w-]+\s+){0,2}?([a-z]+)\b")
#: "his statement", "her account in March", "his February statement".
_PRONOUN_CLAIM = re.compile(r"\b([Hh]is|[Hh]er)\s+(?:[\w-]+\s+){0,2}?([a-z]+)\b")
_PHRASES = tuple(" ".join(p.split("_")) for p in _EN.words("conflict_phrases"))


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
    "recalled_claim",
    "role_of_previous",
    "same_person",
    "same_story",
]
