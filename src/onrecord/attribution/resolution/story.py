"""The person a story is about: who a he/she with nobody else in view refers to, and who the story turns back to.

An obituary or a profile opens with its subject ("Ana Lind, the singer who ran the club, died on Sunday"); a
he/she far from any other person of that gender is that subject, and so is one opening a paragraph right after a
relative introduced by her/his ("Her daughter, Mira Lind, said ...\n\nBorn in 1934, she came ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from onrecord.attribution.resolution.index import PersonMention
from onrecord.lexicon.en import FAMILY_HEADS

if TYPE_CHECKING:
    from onrecord.attribution.resolution.resolver import SpeakerResolver


def story_subject(r: SpeakerResolver, pronoun: Token) -> PersonMention | None:
    """The person the story is about, when nobody is in view of a he/she: the subject of its first sentence
    ("Ana Lind, the singer who ran the club, died on Sunday. ... She called it a front room.")."""
    first = r.doc[0].sent
    lede = next((p for p in r.index.persons if p[0] < first.end), None)
    return lede if lede is not None and lede[2] and lede[0] < pronoun.i and not r.index.inside(r.doc[lede[0]].idx) \
        else None


def kin_of_the_story(r: SpeakerResolver, name: str | None, subject: str, pronoun: Token) -> bool:
    """Was ``name`` introduced as a relative of the story's subject ("her daughter, Ana Lind,"), with a he/she of
    that her/his opening a new paragraph? The story has turned back to its subject."""
    sent = pronoun.sent
    if name is None or name == subject or not (sent.start == 0 or "\n" in r.doc[sent.start - 1].text_with_ws):
        return False
    possessive = "her" if pronoun.lower_ == "she" else "his" if pronoun.lower_ == "he" else None
    for start, mentioned, _subject in r.index.persons:
        ent = r.index.ent_of.get(start)
        if ent is None or r.index.fullest(mentioned) != name:
            continue
        root = ent.root
        kin = [root.head] if root.dep_ == "appos" else [c for c in root.children if c.dep_ == "appos"]
        return any(k.lower_ in FAMILY_HEADS and any(c.lower_ == possessive for c in k.children) for k in kin)
    return False


def pronoun_chain(r: SpeakerResolver, pronoun: Token, since: int) -> Token | None:
    """The last he/she of the same word as ``pronoun`` that is a subject outside quotations, after token ``since``
    and before the pronoun's own phrase: with nobody of that gender named in view, the story has kept talking of
    one person by pronoun ("Lind offered to stay. ... She crawled into bed. ... She slept over. “…,” she said.")."""
    for tok in reversed(r.doc[max(since + 1, pronoun.sent.start - _CHAIN_WINDOW) : pronoun.left_edge.i]):
        if tok.lower_ == pronoun.lower_ and tok.dep_ in ("nsubj", "nsubjpass") and not r.index.inside(tok.idx):
            return tok
    return None


#: How far back (in tokens before the pronoun's sentence) a he/she of the chain is looked for.
_CHAIN_WINDOW = 80


__all__ = ["kin_of_the_story", "pronoun_chain", "story_subject"]
