"""How news copy names a body besides its name: an outlet's reporter written with it as one name ("Fox News'
Bret Baier"), an outlet by its kind ("the newspaper", "the news outlet"), a body by the role of the person who
heads it ("Lind's agency" for the agency of "Transport Secretary Ana Lind").

These are forms of copy that recur across outlets; each finds a body the article names, never a body of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from onrecord.attribution.arrays import ents_of
from onrecord.attribution.resolution.kinds import name_kinds
from onrecord.attribution.resolution.mention import Mention
from onrecord.attribution.resolution.names import Speaker, clean_name, name_like, org_text, person_name
from onrecord.attribution.resolution.syntax import compound_start, is_subject
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import (
    COMPANY_LEGAL_FORMS,
    HEADED_BODIES,
    LEGAL_SUFFIXES,
    ORGANISATION_HEADS,
    OUTLET_NOUNS,
    OUTLET_WORDS,
)

if TYPE_CHECKING:
    from onrecord.attribution.resolution.index import ArticleIndex

#: Words of an organisation's or a place's name, never of a person's ("Macy's Herald Square", "Tarn's Lakeview Inc.").
NOT_A_PERSONS_WORD = ORGANISATION_HEADS | LEGAL_SUFFIXES | {"square", "street", "park", "center", "centre", "hall"}


def owned_person(ent: Span) -> int | None:
    """Where a person's name starts that one entity of the recogniser writes after an organisation's possessive
    ("Fox News' Bret Baier", "Ashgrove's Tor Bergqvist-Lowe"): the token after the possessive, when what follows it
    is two or three title-case proper nouns that may be a person's name (no word of a body's or a place's name);
    else None."""
    doc = ent.doc
    poss = next((t.i for t in ent[:-2] if t.tag_ == "POS" or _bare_apostrophe(t)), None)
    if poss is None:
        return None
    tail = doc[poss + 1 : ent.end]
    name = clean_name(tail.text)
    if 2 <= len(name.split()) <= 3 and name_like(name) and all(w[:1].isupper() for w in name.split()) \
            and all(t.pos_ == "PROPN" or (t.text == "-" and not t.whitespace_) for t in tail) \
            and not any(t.lower_.rstrip(".") in NOT_A_PERSONS_WORD for t in tail):
        return poss + 1
    return None


def _bare_apostrophe(tok: Token) -> bool:
    """An apostrophe alone after a plural or a name in s, that the tagger took for a closing quotation mark
    ("Fox News’ Bret Baier"): written on to the word before it, a space after it."""
    return tok.text in ("’", "'") and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_ \
        and tok.doc[tok.i - 1].lower_.endswith("s") and bool(tok.whitespace_)


def body_name(ent: Span) -> str:
    """An organisation entity's name as the article's bodies are indexed by: without a person written after its
    possessive ("Fox News' Bret Baier" is Fox News, whose reporter Bret Baier is), else :func:`org_text`."""
    start = owned_person(ent)
    if start is None or ent.label_ != "ORG" or start - 1 <= ent.start:
        return org_text(ent)
    return org_text(ent.doc[ent.start : start - 1])


#: How far back (in tokens) the outlet that "the newspaper" stands for may be named.
_OUTLET_VIEW = 400


def outlet_name(name: str) -> bool:
    """Does a name the recogniser gave an organisation name a news outlet ("Wall Street Journal", "Fox News",
    "Chicago Sun-Times", "Politico"): a word of an outlet's name in title case or capitals, and no kind of body
    its head gives ("Independent Party" is a party)?"""
    words = [w for part in name.replace("-", " ").split() for w in [part.strip(".,’'")] if w]
    return any(w[:1].isupper() and w.lower() in OUTLET_WORDS for w in words) and not name_kinds(name)


@rule("speakers.outlet-by-its-noun", (
    "The Kestrel Times ran an editorial on Sunday. The Harbour Council voted on Monday to keep the pier open. The "
    "newspaper, long a critic of the plan, writes that the council should close it.", "Kestrel Times"),
    ("Two officers were suspended, an official told Harbour News. The rules apply to every statement, according to "
     "the news outlet.", "Harbour News"))
def outlet_by_its_noun(case: Mention) -> Speaker | None:
    """"The newspaper", "the news outlet", "the network": a definite noun for a news outlet (lexicon
    outlet_nouns), with no name or owner of its own, is the outlet the article named last before it (an
    organisation whose name is an outlet's: see :func:`outlet_name`), within a few paragraphs; else passes (the
    description stands for itself)."""
    head, r = case.head, case.resolver
    if case.lemma not in OUTLET_NOUNS or case.det != "the" or head.tag_ != "NN" or case.phrase_ents or any(
            c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN")
            for c in head.children):
        return None
    for i, name, _subject, _quoted, label in reversed(r.index.org_mentions):
        if i < head.i - _OUTLET_VIEW:
            break
        if i < head.i and label == "ORG" and outlet_name(name):
            return Speaker(r.index.expand(name), "organisation", case.description)
    return None


@rule("speakers.relative-after-body", (
    "The rumour was traced to a website called Lakeview News Right Now, which claims that the council sold the "
    "pier.", "Lakeview News Right Now"),
    ("In the late 1990s, it was the Harbour Party that warned that the pier would close.", "Harbour Party"))
def relative_after_body(case: Mention) -> Speaker | None:
    """A "which" or "that" subject right after an organisation's name, or after the name and a comma, whose clause
    the parser did not hang on the name as a relative clause ("a website called Lakeview Daily Truth, which posts
    ...", a cleft "it was the Harbour Party that managed ..."): that organisation, by its name read on over the
    title-case words the recogniser left out of it ("Right Now" of "Real News Right Now"). For a clause the
    parser did hang on its noun, see speakers.relative-pronoun."""
    head, r = case.head, case.resolver
    doc, k = r.doc, head.i - 1
    if head.lower_ not in ("which", "that") or not head.dep_.startswith("nsubj") or head.head.dep_ == "relcl" \
            or not case.moves or k < 1:
        return None
    k -= doc[k].text == ","
    end = k + 1
    while k > 0 and k not in r.index.ent_of and doc[k].is_title and doc[k].pos_ in ("PROPN", "ADV", "ADJ", "NOUN") \
            and end - k < 4:
        k -= 1
    ent = r.index.ent_of.get(k)
    if ent is None or ent.label_ != "ORG" or ent.end - 1 != k:
        return None
    name = body_name(ent) if end == ent.end else org_text(doc[ent.start : end])
    return Speaker(r.index.expand(name), "organisation", case.description)


@rule("speakers.body-of-its-head", (
    "Ana Lind met Harbour Safety Secretary Ivo Tarnowski on Monday. Tarnowski's agency declined to comment.",
    "Harbour Safety"),)
def body_of_its_head(case: Mention) -> Speaker | None:
    """"Johnson's agency", "Tarn's ministry": a body a person heads (lexicon headed_bodies), with the person as its
    owner, is the organisation the person's title names where the article gives it before their name ("Homeland
    Security Secretary Jeh Johnson"), by its fullest name; passes when no title of theirs names one."""
    head, r = case.head, case.resolver
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if case.lemma not in HEADED_BODIES or owner is None or not case.moves:
        return None
    who = r.resolve(r.doc[owner.left_edge.i : owner.i + 1])
    if who.kind != "person" or not who.name:
        return None
    for person in ents_of(r.doc):  # (in reported speech too: "he had spoken to Homeland Security Secretary X")
        start = person.start
        if start >= head.i or person.label_ != "PERSON" or r.index.fullest(person_name(person)) != who.name:
            continue
        k = start - 1
        while k > 0 and start - k <= 2 and k not in r.index.ent_of and r.doc[k].is_title:
            k -= 1  # (the title: "Secretary", "Deputy Secretary")
        ent = r.index.ent_of.get(k)
        if k < start - 1 and ent is not None and ent.label_ == "ORG" and ent.end == k + 1:
            return Speaker(r.index.expand(body_name(ent)), "organisation", case.description)
    return None


#: What the recogniser may make of a company's name it does not know: nothing, a place, a product, a building.
_MISREAD_COMPANY_LABELS = frozenset({"", "GPE", "LOC", "NORP", "PRODUCT", "FAC", "WORK_OF_ART"})


def index_traded_companies(index: ArticleIndex) -> None:
    """A company the recogniser did not know, named by its shares as business copy names the firm it is about
    ("Shares of Tarn Appliances fell 14%", "Tarn Appliances shares rose", "Tarn Appliances' shares"): a mention of
    an organisation (counted as a subject: the story's firm), and a name "Tarn" alone or "the company" may stand for.
    Title-case proper nouns only, none of them a person's or an organisation's the recogniser found."""
    doc = index.doc
    for tok in doc:
        if tok.lemma_.lower() != "share" or tok.tag_ != "NNS":
            continue
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        name = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else next(
            (c for c in tok.children if c.dep_ in ("compound", "poss") and c.i < tok.i), None)
        if name is None or name.pos_ != "PROPN":
            continue
        start = compound_start(name)
        words = doc[start : name.i + 1]
        if any(not (t.is_title or t.is_upper) or t.ent_type_ not in _MISREAD_COMPANY_LABELS for t in words):
            continue
        _add_company(index, words, subject=True)


def index_legal_forms(index: ArticleIndex) -> None:
    """A company the recogniser did not know, named with its legal form ("Tarnwerk Antriebe GmbH will close the
    plant", "Orla Freight Ltd said"): a mention of an organisation, which "the company" or its first word alone
    may stand for. Title-case proper nouns before the form, none of them an organisation's the recogniser found
    (a name it took for a person's counts: no person's name ends in "GmbH")."""
    doc = index.doc
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.lower_.rstrip(".") not in COMPANY_LEGAL_FORMS or tok.ent_type_ not in \
                _LEGAL_FORM_LABELS or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
            continue
        start = compound_start(tok)
        words = doc[start : tok.i + 1]
        if len(words) < 2 or any(not (t.is_title or t.is_upper) or t.ent_type_ not in _LEGAL_FORM_LABELS
                                 for t in words[:-1]):  # (the form itself as written: "GmbH")
            continue
        _add_company(index, words, subject=is_subject(tok, tok.i + 1, start))


def _add_company(index: ArticleIndex, words: Span, *, subject: bool) -> None:
    """Index ``words`` as a mention of an organisation the recogniser missed (the index sorts its mentions once all
    are in)."""
    text = org_text(words)
    index.org_names.append(text)
    index.org_mentions.append((words.start, text, subject, index.inside(words.start_char), "ORG"))


#: What the recogniser may take a company named with its legal form for.
_LEGAL_FORM_LABELS = _MISREAD_COMPANY_LABELS | {"PERSON"}
