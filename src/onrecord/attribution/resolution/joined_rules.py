"""Speaker rules for several people who speak together: names joined by "and" ("Ana Lind and Mira Oduya said"),
surnames of people named before ("Lind and Okafor said"), and a he or she joined to a named person ("He and the
developer Ivo Tarn said"). They sit in :data:`~onrecord.attribution.resolution.speaker_rules.SPEAKER_RULES`.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Span, Token

from onrecord.attribution.resolution.mention import Mention
from onrecord.attribution.resolution.names import Speaker, clean_name, listed, person_name
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import DASH_TOKENS, NUMBER_VALUES, TITLES


@rule(
    "speakers.pronoun-and-name",
    ("Sarah Lind met the board in May. She and the developer David Okafor said the deal was sound.",
     "Sarah Lind and David Okafor"),
)
def pronoun_and_name(case: Mention) -> Speaker | None:
    """"He and the developer Ivo Tarn said": a he or she joined by "and" to one named person speaks together with
    that person (whom the pronoun stands for, then the name)."""
    head, r = case.head, case.resolver
    if head.lower_ not in ("he", "she") or len(case.people) != 1 or len(case.source) < 3 \
            or not any(c.dep_ == "cc" and c.lower_ == "and" for c in head.children):
        return None
    joined, person = next((c for c in head.children if c.dep_ == "conj"), None), case.people[0]
    if joined is None or not joined.left_edge.i <= person.start < person.end <= joined.right_edge.i + 1:
        return None
    first = r.resolve(r.doc[head.i : head.i + 1])
    if first.kind != "person" or not first.name or " and " in first.name:
        return None
    return Speaker(listed([first.name, r.index.fullest(person_name(person))]), "person")


@rule(
    "speakers.joined-names",
    ("Sarah Lind and David Okafor said the vote was close.", "Sarah Lind and David Okafor"),
    ("Sarah Lind, David Okafor and Harbour Board Chairman Ivo Tarn said the vote was close.",
     "Sarah Lind, David Okafor and Ivo Tarn"),
    ("Sarah Lind, David Okafor and Ivo Tarn met. Later, former mayor Lind, retired judge Okafor and Tarn said the "
     "vote was close.", "Sarah Lind, David Okafor and Ivo Tarn"),
)
def joined_names(case: Mention) -> Speaker | None:
    """Names joined by "and" ("Ana Lind and Mira Oduya") are spoken for together: "A and B", also when a role
    stands before a name of the list ("A, B and Council Chairman C")."""
    if len(case.own) < 2:
        return None
    r, people = case.resolver, case.own
    names = [r.index.fullest(person_name(e)) for e in people]
    gaps = [_list_gap(r.doc[a.end : b.start], b) for a, b in itertools.pairwise(people)]
    if gaps[-1].lstrip(",").strip() not in ("and", "&") or any(g != "," for g in gaps[:-1]):
        return None
    return Speaker(listed(names), "person")


def _list_gap(gap: Span, following: Span) -> str:
    """What joins two names of a list, without the role that belongs to the second ("and RNC Chairman" before
    "Reince Priebus" -> "and"; ", retired judge" -> ",")."""
    def role(t: Token) -> bool:
        while t.i < following.start and t.dep_ in ("compound", "amod", "nmod") and t.ent_type_ != "PERSON":
            t = t.head
        return following.start <= t.i < following.end
    return " ".join(t.text for t in gap if not role(t)).strip()


@rule(
    "speakers.joined-surnames",
    ("Sarah Lind and David Okafor met. Later, Lind and Okafor said the vote was close.", "Sarah Lind and David Okafor"),
    ("Sarah Lind, David Okafor and Maria Tarn met on Monday. The other candidates -- former mayor Sarah Lind, "
     "retired judge Okafor and Tarn -- said the vote was close.", "Sarah Lind, David Okafor and Maria Tarn"),
    ("Sarah Lind and David Okafor spoke first. Democrats Lind of Port Ellis and Okafor of Ashgrove Bay said the "
     "school should stay open.", "Sarah Lind and David Okafor"),
)
def joined_surnames(case: Mention) -> Speaker | None:
    """"Both Lind and Tarn said", "former mayor Lind, retired judge Okafor and Tarn": a list of surnames of
    people named in full before, whatever the recogniser said and whatever role stands before each ("Democrats
    Lind of Port Ellis and Okafor"); also in apposition to a plural ("the other candidates -- A, B and C --")."""
    head, r = case.head, case.resolver
    if head.tag_ in ("NNS", "NNPS"):
        head = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), head)
    together, places = [head], []
    for t in together:  # the whole chain: "A, B and C" hangs C on B; "A of Lakeview and B" may hang B on the place
        of = [p for o in t.children if o.dep_ == "prep" and o.lower_ == "of" for p in o.children
              if p.dep_ == "pobj" and p.pos_ == "PROPN"]
        places += of
        together += [c for c in t.children if c.pos_ == "PROPN" and (
            c.dep_ == "conj" or (c.dep_ == "appos" and c.lower_ in r.index.by_surname))] + [
            c for p in of for c in p.children if c.dep_ == "conj" and c.lower_ in r.index.by_surname]
    if len(together) >= 2 and all(t.lower_ in r.index.by_surname for t in together) and any(
        c.dep_ == "cc" and c.lower_ in ("and", "&") for t in together + places for c in t.children
    ):
        names = [r.index.fullest(_proper_run(t)) for t in sorted(together, key=lambda t: t.i)]
        return Speaker(listed(names), "person")
    return None


def _proper_run(tok: Token) -> str:
    """The name ending at ``tok``: the proper nouns right before it, without a title ("Gov. Ana Lind" -> "Ana
    Lind") or a party's members in the plural ("Democrats Lind")."""
    start = tok.i
    while start > tok.sent.start and tok.doc[start - 1].pos_ == "PROPN" and tok.doc[start - 1].dep_ == "compound" \
            and tok.doc[start - 1].lower_.rstrip(".") not in TITLES and tok.doc[start - 1].tag_ != "NNPS":
        start -= 1
    return clean_name(tok.doc[start : tok.i + 1].text)


#: Counts written as words that a plural in apposition to a list of names may give ("three former aides").
_COUNTS = {w: v for w, v in NUMBER_VALUES.items() if 2 <= v <= 6}  # (a counted list of two to six names)


@rule("speakers.counted-names", (
    "Other members, like Ana Lind, Ivo Tarn and Mira Oduya ― three former council leaders ― have also said they "
    "back the mayor.", "Ana Lind, Ivo Tarn and Mira Oduya"))
def counted_names(case: Mention) -> Speaker | None:
    """A counted plural set off right after a list of as many names ("A, B and C -- three former aides --
    said"): those people, together."""
    head, r = case.head, case.resolver
    if head.tag_ != "NNS" or not case.moves:
        return None
    doc, k = case.resolver.doc, head.i - 1  # (the count may hang on a noun before the head: "three city aides")
    while k > head.i - 10 and k >= 1 and doc[k].pos_ in ("NUM", "ADJ", "NOUN", "PROPN", "DET"):
        k -= 1
    if k < 2 or doc[k].text not in (",", "(", *DASH_TOKENS) or _COUNTS.get(doc[k + 1].lower_) is None:
        return None  # (set off by a comma, a dash or a bracket)
    count, k = _COUNTS[doc[k + 1].lower_], k - 1
    names: list[str] = []
    while True:
        stop = k
        while k >= 0 and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
            k -= 1
        if k == stop:
            return None
        names.insert(0, r.index.fullest(clean_name(doc[k + 1 : stop + 1].text)))
        if len(names) == count:
            break
        if k >= 1 and doc[k].lower_ == "and" and len(names) == 1:
            k -= 2 if doc[k - 1].text == "," else 1  # "B and C", "B, and C"
        elif k >= 1 and doc[k].text == "," and len(names) > 1:
            k -= 1
        else:
            return None
    if k >= 1 and doc[k].text == "," and doc[k - 1].pos_ == "PROPN":
        return None  # a longer list than the count
    return Speaker(listed(names), "person")
