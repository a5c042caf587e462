"""The later mentions of a person whose full name the index learnt only while resolving ("Bill Oduya, who ...,
said" read as a speaker where the recogniser found no name): their family name alone in the narration ("Oduya
never played for his country.") is a mention too, so that a he/she after it sees that person as the subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

from onrecord.attribution.arrays import ids, one_of, positions, token_arrays
from onrecord.attribution.resolution.names import capitalised, clean_name, surname
from onrecord.attribution.resolution.syntax import is_subject

if TYPE_CHECKING:
    from onrecord.attribution.resolution.index import ArticleIndex, PersonMention


def learnt_name_mentions(index: ArticleIndex, name: str) -> list[PersonMention]:
    """The mentions of ``name``'s family name, capitalised, outside quotation marks and not part of a longer
    proper name, that the recogniser did not label as a person's and the index does not hold yet: the full name
    where its first name comes right before, else the family name alone."""
    key, doc = surname(name), index.doc
    if " " in key or not key.isalpha():
        return []
    held = {p[0] for p in index.persons}
    found: list[PersonMention] = []
    for i in positions(one_of(token_arrays(doc).lower, ids(key))):
        tok = doc[i]
        ent = index.ent_of.get(i)
        if not capitalised(tok) or tok.pos_ not in ("PROPN", "NOUN") or (ent is not None and ent.label_ == "PERSON") \
                or index.inside(tok.idx) or (i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN"):
            continue
        start = i - 1 if i > 0 and clean_name(doc[i - 1 : i + 1].text) == name else i
        if (start > 0 and doc[start - 1].pos_ == "PROPN") or held & {start, i}:
            continue  # (a longer name's end: "Tor Oduya-Bill McCrae", or a mention held already)
        found.append((start, name if start < i else tok.text, is_subject(tok, i + 1, start)))
    return found
