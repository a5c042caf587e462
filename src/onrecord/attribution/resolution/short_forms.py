"""Short forms of an organisation's name and the full name each stands for.

The short form copy gives right after the name ("the Harbour People's Party, or HVP,", "the Harbour People's
Party (HVP)", "the Lakeview Transit Authority (Laketrans)"): the article index maps each to the name
(:meth:`onrecord.attribution.resolution.index.ArticleIndex.expand`), so that the short form alone names the body
later ("Laketrans said ..."). The first words of a name ("Suncor" of "Suncor Energy", "Harbour" of "Harbour
News"): the fullest name they begin, or of two bodies they begin, the one the article names most.
"""

from __future__ import annotations

from spacy.tokens import Span

from onrecord.attribution.resolution.names import org_text
from onrecord.lexicon.en import LEGAL_SUFFIXES

#: The small words an acronym may keep the initial of ("DOJ" of "Department of Justice").
_ACRONYM_SMALL_WORDS = frozenset({"of", "for", "and"})


def acronym_keys(org: str) -> list[str]:
    """The acronyms an organisation's name may be written as: the initials of its capitalised words ("HVP" of
    "Harbour Valley Party"), with those of "of", "for" and "and" kept ("DOJ" of "Department of Justice"), and
    both without an abbreviated place before them ("U.S. Department of Justice"); none for a name of one word."""
    words = org.replace(",", " ").split()
    variants = [words, words[1:]] if words and "." in words[0] and len(words) > 2 else [words]
    keys: list[str] = []
    for ws in variants:
        capital = [w for w in ws if w[:1].isupper()]
        if len(capital) >= 2:
            keys.append("".join(w[0] for w in capital).upper())
        small = [w for w in ws if w[:1].isupper() or w in _ACRONYM_SMALL_WORDS]
        if len(small) > len(capital) >= 2:
            keys.append("".join(w[0] for w in small).upper())
    return keys


def acronym_after(ent: Span) -> str | None:
    """The short form an organisation's name is given right after it, as copy introduces one whose letters need not
    be the name's initials: "the Harbour People's Party, or HVP," "the Harbour People's Party (HVP)"; in
    parentheses, also a short word of the name's first letter ("Lakeview Transit Authority (Laketrans)"), which
    the recogniser may run into the name; else None."""
    doc, k = ent.doc, ent.end
    if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ == "or":
        short = doc[k + 2]
    elif k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
        short = doc[k + 1]
    elif len(ent) > 3 and ent[-2].text == "(" and k < len(doc) and doc[k].text == ")":
        short = ent[-1]
    else:
        return None
    word = short.text
    capitals = sum(c.isupper() for c in word)
    if 2 <= len(word) <= 6 and word.isalpha() and word[0].isupper() and capitals >= 2:
        return word
    name = org_text(ent).split()
    return word if short.i > ent.start and doc[short.i - 1].text == "(" and word.isalpha() and word.istitle() \
        and 4 <= len(word) <= 12 and len(name) >= 2 and name[0][0] == word[0] else None


def fullest_org(name: str, org_names: list[str]) -> str:
    """The fullest organisation name of ``org_names`` (the article's, a name once a mention) that begins with
    ``name`` ("Suncor" -> "Suncor Energy"; not for a legal form or a station's number: "Tarn News" stays, not
    "Tarn News 6"; not a body of its members or its fans: "Harbour Rovers" stays, not "Harbour Rovers Supporters'
    Trust"). Where the names it begins are two bodies' ("Harbour News" and "Harbour Business Network" for
    "Harbour"), the one named most often, of those the longest."""
    words = name.split()
    fits = [c for c in org_names if len(c.split()) > len(words) and _begins(c, name) and any(
        w.lower().rstrip(".,") not in LEGAL_SUFFIXES and not w.isdigit() for w in c.split()[len(words) :])
        and not _members_body(c.split()[len(words) :])]
    if not fits:
        return name
    longest = max(fits, key=lambda c: len(c.split()))  # (the first named of the longest)
    if all(_begins(longest, c) for c in fits):
        return longest
    return max(dict.fromkeys(fits), key=lambda c: (fits.count(c), len(c.split())))


def _members_body(rest: list[str]) -> bool:
    """Do the words a fuller name adds begin with a plural possessive ("Supporters' Trust", "Fans’ Forum",
    "Workers' Union")? Then the fuller name is another body, one of the first one's people."""
    return bool(rest) and rest[0][-1:] in ("'", "’") and rest[0][:-1].isalpha()


def _begins(name: str, start: str) -> bool:
    return name.split()[: len(start.split())] == start.split()
