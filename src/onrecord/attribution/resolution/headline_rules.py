"""Sources in an article's headline that name a person only by a role ("Former Lakeview Pollster Says ...").

A headline is short and written before the story names anyone: "Pastor Wants ...", "Club Chair Dismisses ...",
"Former Harbour Pollster Says ...". The body then introduces the person with that role ("Former harbour pollster
Ivo Tarn said ..."): the headline's role is that person's. Read by the speaker rules' table
(:mod:`onrecord.attribution.resolution.speaker_rules`).
"""

from __future__ import annotations

from onrecord.attribution.resolution.mention import Mention
from onrecord.attribution.resolution.names import Speaker, surname
from onrecord.attribution.resolution.syntax import role_key
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES

#: The longest block of text before the first blank line that is read as a headline (with its deck).
_HEADLINE_CHARS = 250


def headline_end(text: str) -> int | None:
    """Where the headline (and its deck) ends: the first blank line, when what is before it is short; None when
    the article opens with no such block."""
    end = text.find("\n\n")
    return end if 0 < end <= _HEADLINE_CHARS and text[end:].strip() else None


def _titled_after(case: Mention, end: int) -> set[str]:
    """The people of the body whose name follows the headline's role word as a title the recogniser left out of
    the name ("Party Committee Chair Mira Okonjo", "progressive Democrat Ivo Tarn")."""
    r = case.resolver
    word = case.head.lemma_.lower()
    found = set()
    for start, name, _subject in r.index.persons:
        first = r.doc[start]
        if first.idx <= end or r.index.inside(first.idx):
            continue
        given = name.split()[0]
        at = next((t.i for t in r.doc[start : start + 6] if t.text == given), start)
        k = at - 1  # back over the proper nouns and nouns that run into the name ("Committee Chair Debbie ...")
        while k >= 0 and at - k <= 3 and r.doc[k].pos_ in ("NOUN", "PROPN") and r.doc[k].lemma_.lower() != word:
            k -= 1
        if k >= 0 and at - k <= 3 and r.doc[k].lemma_.lower() == word and r.doc[k].idx > end:
            found.add(r.index.fullest(name))
    return found


@rule(
    "speakers.headline-role",
    ("Former Harbour Pollster Says Mayor Is In Trouble.\n\nFormer Lakeview pollster Ivo Tarnberg was blunt on "
     "Tuesday about the race.", "Ivo Tarnberg"),
    ("Union chair dismisses claims on pension fund.\n\nRail union chair Mira Okonjo rejected the claims on "
     "Monday.", "Mira Okonjo"),
    ("This Democrat Is Not Challenging Her Opponent.\n\nThe race had been led by progressive Democrat Mira Okonjo. "
     "Okonjo said she would not debate.", "Mira Okonjo"),
)
def headline_role(case: Mention) -> Speaker | None:
    """A source in the headline that is only a role ("Former Harbour Pollster Says ...", "Union chair dismisses
    ..."): the one person the body introduces with that role, by a title before their name or in apposition
    ("Former Lakeview pollster Ivo Tarnberg"). Passes when the body gives the role to nobody or to several, and
    for a head that is a name ("Tarnberg Says ...")."""
    r = case.resolver
    end = headline_end(r.text)
    head = case.head
    if end is None or head.idx >= end or case.whole.start_char >= end or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if head.is_stop or head.tag_ in ("NNS", "NNPS") or not head.is_alpha:
        return None  # "Who ...?", "Democratic Candidates Pivot": no one person's role
    if any(surname(name) == head.lower_ for i, name, _ in r.index.persons if r.doc[i].idx > end):
        return None  # a name the body gives a person ("Tarnberg Says ..."), not a role
    holders = {r.index.fullest(name) for i, name in r.index.roles.get(role_key(head), ())
               if r.doc[i].idx > end} | _titled_after(case, end)
    if len(holders) != 1:
        return None
    return Speaker(holders.pop(), "person", case.description)


@rule(
    "speakers.headline-epithet",
    ("Absent Tarnberg Says Debate Is A Farce.\n\nIvo Tarnberg stayed away from the debate on Thursday.",
     "Ivo Tarnberg"),
)
def headline_epithet(case: Mention) -> Speaker | None:
    """A headline's name with a word of description before the family name, in the headline's capitals ("Absent
    Tarnberg Says ...", "Defiant Okonjo Vows ..."): the one person of that family name the body names in full.
    Passes when the word is a first name (lexicon first-name lists) or a word of a name the body gives, for a
    family name the body gives to none or to several, and for an opening block of sentences (no headline)."""
    r, head = case.resolver, case.head
    end = headline_end(r.text)
    if end is None or case.whole.start_char >= end or head.pos_ != "PROPN" or not case.head_name \
            or ". " in r.text[:end].strip():
        return None  # (an opening paragraph of sentences, not a headline: "... the driver, Ivo Tarn. Mira Tarn ...")
    words = case.head_name.split()
    if len(words) != 2 or words[-1].lower() != head.lower_ or not words[0].istitle():
        return None
    first = words[0].lower()
    if first in MALE_FIRST_NAMES or first in FEMALE_FIRST_NAMES:
        return None
    body = {r.index.fullest(name) for i, name, _ in r.index.persons if r.doc[i].idx > end}
    if any(first in (w.lower() for w in name.split()) for name in body):
        return None  # a word of a name the body gives ("Ana Tarn", "Tarn Okonjo")
    holders = {name for name in body if len(name.split()) >= 2 and surname(name) == head.lower_}
    return Speaker(holders.pop(), "person") if len(holders) == 1 else None
