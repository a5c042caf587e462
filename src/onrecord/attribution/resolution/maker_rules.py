"""The speaker rules for documents named by their maker in forms the recogniser does not help with.

"a Nevada Budget Watchdog report" (the maker's name taken for a place), "One Club for Fair Fares ad" (taken for
nothing), "company documents" (the maker by its kind), and "the top-line number" of the poll named just before.
Their order is the table's, in :mod:`onrecord.attribution.resolution.speaker_rules`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from onrecord.attribution.resolution.antecedents import author
from onrecord.attribution.resolution.mention import Mention
from onrecord.attribution.resolution.names import Speaker, org_text
from onrecord.attribution.resolution.organisations import org_for
from onrecord.attribution.resolution.syntax import is_document
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import (
    AD_NOUNS,
    AD_VOICES,
    DOCUMENT_NOUNS,
    DOCUMENT_RESULTS,
    MAKER_NAME_WORDS,
    ORGANISATION_HEADS,
    ORGANISATION_KINDS,
    ORGANISATION_NAME_KINDS,
    POLL_AVERAGES,
    POLL_WORDS,
)

#: Words that join the words of a body's name ("Club for Fair Fares", "Friends of the Lake").
_JOINERS = frozenset({"for", "of", "and", "&"})


def _maker_chain(head: Token) -> list[Token]:
    """The title-case proper nouns right before a document's noun, its compounds, with the small words that join
    them ("One Club for Fair Fares ad" -> Club for Fair Fares); empty when there are none."""
    doc, k = head.doc, head.i - 1
    words: list[Token] = []
    while k >= 0:
        tok = doc[k]
        titled = tok.text[:1].isupper() and tok.ent_type_ not in ("DATE", "TIME", "NORP", "CARDINAL") and (
            tok.pos_ == "PROPN" or (tok.pos_ in ("ADJ", "NOUN") and tok.i > tok.sent.start))
        joins = tok.lower_ in _JOINERS and bool(words) and k > 0 and doc[k - 1].pos_ == "PROPN" \
            and doc[k - 1].text[:1].isupper()
        if not (titled or joins):
            break
        words.insert(0, tok)
        k -= 1
    if not words or not any(t.head.i == head.i and t.dep_ in ("compound", "nmod") for t in words):
        return []
    return words


def _names_a_body(words: list[Token]) -> bool:
    return any(t.lower_ in MAKER_NAME_WORDS or t.lower_ in ORGANISATION_NAME_KINDS or t.lower_ in ORGANISATION_HEADS
               for t in words if t.lower_ not in _JOINERS)


@rule(
    "speakers.document-of-unlabelled-maker",
    ("Lind ran up a bill of $60,000, according to a Nevada Budget Watchdog report released by the governor's "
     "office.", "Nevada Budget Watchdog"),
    ("The group is spending $1 million on ads. One Fair Fares Coalition ad, which is airing now, argues that only "
     "Lind can win.", "Fair Fares Coalition"),
)
def document_of_unlabelled_maker(case: Mention) -> Speaker | None:
    """A document named by its maker where the recogniser took the maker's name for a place or for nothing ("a
    Nevada Budget Watchdog report", "One Fair Fares Coalition ad"): the proper nouns before the noun are that body,
    when one of their words is a word of bodies' names (lexicon ``maker_name_words``, organisation_name_kinds,
    organisation_heads); not "a Lakeview poll" (a place's poll), nor a person's ("the Lind ad": other rules)."""
    if case.lemma not in DOCUMENT_NOUNS and not is_document(case.head):
        return None
    words = _maker_chain(case.head)
    if not words or any(t.ent_type_ in ("ORG", "PERSON") for t in words) or not _names_a_body(words):
        return None
    name = case.head.doc[words[0].i : words[-1].i + 1].text
    return Speaker(case.resolver.index.fullest_org(name), "organisation", case.description)


def _named_maker(case: Mention, document: Token) -> Speaker | None:
    """The body a document's noun is named by: an organisation the recogniser knew ("the Harbour Ledger
    poll"), else proper nouns with a word of bodies' names (as speakers.document-of-unlabelled-maker); None."""
    ix = case.resolver.index
    for child in document.children:
        ent = ix.ent_of.get(child.i)
        if child.dep_ == "compound" and ent is not None and ent.label_ == "ORG" and ent.end == document.i:
            return Speaker(ix.fullest_org(org_text(ent)), "organisation", case.description)
    words = _maker_chain(document)
    if not words or any(t.ent_type_ == "PERSON" for t in words) or not _names_a_body(words):
        return None
    name = document.doc[words[0].i : words[-1].i + 1].text
    return Speaker(ix.fullest_org(name), "organisation", case.description)


@rule(
    "speakers.document-of-kind",
    ("Tarnwell Inc. sells coats in 40 states. It has more than 5,200 employees, according to company documents.",
     "Tarnwell Inc."),
)
def document_of_kind(case: Mention) -> Speaker | None:
    """A document named by the kind of body that made it ("company documents", "the airline's filing" is a
    possessor's): the body of that kind in view, as "the company" would be; passes when there is none."""
    head, r = case.head, case.resolver
    if case.lemma not in DOCUMENT_NOUNS or case.phrase_ents:
        return None
    kind = next((c for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                 and c.lower_ in ORGANISATION_KINDS), None)
    if kind is None or kind.i != head.i - 1:
        return None
    org = org_for(r, kind)
    return Speaker(org, "organisation", case.description) if org is not None else None


@rule(
    "speakers.document-result-named-before",
    ("The damage shows in the latest Harbour Polling Institute survey. The top-line number shows Lind in a dead "
     "heat with Tarn.", "Harbour Polling Institute"),
)
def document_result_named_before(case: Mention) -> Speaker | None:
    """A definite result with no document of its own ("the top-line number", "the figures") right after a
    sentence that names a document by its maker, or the one before it: the nearest document there, for its maker."""
    head, r = case.head, case.resolver
    if case.lemma not in DOCUMENT_RESULTS or not case.definite or case.phrase_ents \
            or any(c.dep_ == "prep" and c.lower_ in ("of", "from") for c in head.children):
        return None
    start = head.sent.start
    for _ in range(2):  # (the two sentences before: "... the latest X poll. The longer the race goes on ...")
        start = r.doc[start - 1].sent.start if start > 0 else start
    for tok in reversed(r.doc[start : head.i]):
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in DOCUMENT_NOUNS:
            continue
        named = _named_maker(case, tok)
        if named is not None:
            return named
        found = author(r, tok)
        return replace(found, description=case.description) if found is not None and found.name else None
    return None


@rule(
    "speakers.voice-of-ad",
    ("Harbour Rights Watch released a new ad on Monday. “Tarn can't be trusted,” a voice-over in the ad says.",
     "Harbour Rights Watch"),
)
def voice_of_ad(case: Mention) -> Speaker | None:
    """A voice that speaks in an ad ("a voice-over in the ad says", "a narrator says"; lexicon ``ad_voices``): the
    ad speaks, for whoever made it -- the ad it is said to be in, else the last one named within a few
    sentences, as its own mention resolves; passes without one."""
    head, r = case.head, case.resolver
    if case.lemma not in AD_VOICES and not (head.lower_ == "over" and any(t.lower_ == "voice" for t in case.source)):
        return None  # (the tokenizer splits "voice-over": "over" its head)
    inside = next((c for p in head.children if p.dep_ == "prep" and p.lower_ == "in"
                   for c in p.children if c.dep_ == "pobj" and c.lemma_.lower() in AD_NOUNS), None)
    before = next((t for t in reversed(r.doc[max(0, head.i - 200) : head.i])
                   if t.pos_ == "NOUN" and t.lemma_.lower() in AD_NOUNS), None)
    for ad in (inside, before):
        found = r.resolve(r.doc[ad.left_edge.i : ad.i + 1]) if ad is not None else None
        if found is not None and found.name and found.kind in ("organisation", "person"):
            return replace(found, description=case.description)
    return None


#: What the title-case words before a polls' average are not, when the recogniser labelled them: a place, a date.
_NOT_A_MAKER = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT"})


@rule(
    "speakers.average-of-its-maker",
    ("Lind leads by four points, according to the Harbourstats polling average.", "Harbourstats"),
    ("Ana Lind leads by two points, according to the Pollwise rolling average of polls.", "Pollwise"),
)
def average_of_its_maker(case: Mention) -> Speaker | None:
    """A polls' average named by the body that computes it ("the Harbourstats polling average", "A Pollwise Data
    average of polls", "the Harbourstats rolling average of polls"): the title-case words after the article,
    before the lower-case words of the average (lexicon poll_averages; "polling", "of polls": poll_words), are its
    maker, whatever the parser made of them; not a place's or a person's ("the Lakeview polling average")."""
    words = [t for t in case.source if not t.is_space]
    avg = next((t for t in words if t.lower_ in POLL_AVERAGES and t.is_lower), None)
    if avg is None or not words or words[0].lower_ not in ("the", "a", "an"):
        return None
    doc = avg.doc
    before = words[1 : words.index(avg)]
    upper = [t for t in before if not t.is_lower]
    lower = before[len(upper) :]
    polls = any(t.lower_ in POLL_WORDS for t in lower) or (
        avg.i + 2 < len(doc) and doc[avg.i + 1].lower_ == "of" and doc[avg.i + 2].lower_ in POLL_WORDS)
    if not upper or len(upper) > 4 or not polls or upper != before[: len(upper)] \
            or any(not t.is_alpha or not t.text[:1].isupper() or t.ent_type_ in _NOT_A_MAKER for t in upper):
        return None
    if any(t.ent_type_ == "PERSON" for t in upper) and (
            len(upper) > 1 or upper[0].lower_ in case.resolver.index.by_surname):
        return None  # a person's name (one word the recogniser took for a person's may be the maker's: "Pollwise")
    name = doc[upper[0].i : upper[-1].i + 1].text
    return Speaker(case.resolver.index.fullest_org(name), "organisation", case.description)
