"""Several independent sources in one mention (:mod:`onrecord.provenance.backing`): "Lind and Tarn", "both", "two
officials", "recent polls", "politicians like Lind and Tarn", "the brothers", and a "they" standing for a listed
plural (in its sentence, or the listed subject of the sentence before). A candidate and their own people are one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from onrecord.lexicon import en as lex
from onrecord.lexicon import load
from onrecord.provenance.anonymity import mention, mention_noun, named_examples
from onrecord.types import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_LEXICON = load("en")
_AGGREGATES = _LEXICON.words("aggregate_heads")
_INDEPENDENT, _PLURAL_DOCUMENTS, _SEVERAL_DOCUMENTS, PAIRS, _SETS, _EVERY_ONE = (_LEXICON.words(name) for name in (
    "independent_counts", "plural_document_heads", "several_document_modifiers", "pair_heads", "set_quantifiers",
    "every_one_pronouns"))
NOT_PEOPLE = frozenset("ORG GPE LOC FAC NORP PRODUCT WORK_OF_ART EVENT LAW".split())


def plural_mention(doc: Doc, a: Attribution, kind: str) -> str | None:
    """A mention that is itself several independent sources ("Lind and Tarn", "two officials", "recent polls")."""
    span = mention(doc, a)
    if span is None:
        return None
    head = mention_noun(span)
    # two sources joined ("Lind and Tarn", "pilots - and many outside the port -"; a conjunct the parser
    # hung outside the mention counts after the mention's own "and"); a candidate and their campaign are one source
    if any(t.dep_ == "conj" and (t.head == head or (not span.start <= t.head.i < span.end and any(
            c.dep_ == "cc" for c in span[: t.i - span.start]))) and (
            t.pos_ in ("PROPN", "NOUN") or t.lower_ in lex.WITHHELD_PRONOUNS)
           and t.lemma_.lower() not in lex.CAMPAIGN_HEADS and not _own_people(t) and not _these_and(t) for t in span):
        return span.text
    if any(t.dep_ == "conj" and t.pos_ == t.head.pos_ == "PROPN" and (t.head == head or (
            t.head.dep_ == "appos" and t.head.head == head)) and not {t.ent_type_, t.head.ent_type_} & NOT_PEOPLE
           for t in span):  # the mention's own names ("stewards Mara Quill and Tobias Fenn"), not a description's
        return span.text
    before = doc[head.i - 2] if head.i >= 2 else None
    if head.dep_ == "conj" and head.pos_ == "PROPN" and before is not None and before == head.head and \
            before.pos_ == "PROPN" and doc[head.i - 1].dep_ == "cc" and not {head.ent_type_, before.ent_type_} & \
            NOT_PEOPLE and len(span) == 1:  # (the parse left the mention only the last of "Lind and Tarn")
        return f"{before.text} and {span.text}"
    beside = _another_subject(head, a)
    if beside is not None:  # ("The family, protesters and civic leaders have demanded ...", parsed as two subjects;
        return f"{beside.text}, {span.text}"  # a headline's "Lind, others warn ...")
    if len(named_examples(head)) >= 2 or _every_one(span, head) or _of_several(head):
        return span.text  # "politicians like Ana Lind and Ivo Tarn", "each", "everyone I asked", "mayors of both
        # camps"
    if named_pair(head):  # "the brothers noted": two people the article has named
        return span.text
    if len(span) == 1 and head.lower_ in ("they", "them") and _listed_antecedent(head):
        return f"{span.text}: {_listed_antecedent(head)}"
    if kind == "document" and head.tag_ == "NNS" and (head.lemma_.lower() in _PLURAL_DOCUMENTS or any(
            c.lower_ in _SEVERAL_DOCUMENTS for c in head.children)):  # "recent polls", "various reports"
        return span.text
    if aggregate(head):
        return span.text  # ("the average of polls taken this month")
    # a count of independent sources: "both", "two officials", "none of those three"
    # ("majorities in all five", "one in five": a share of a group, not a count of sources)
    counts = [t for t in span if (t.lower_ in _INDEPENDENT or _a_number(t, head)) and t.ent_type_ not in (
              "PERCENT", "MONEY", "DATE")
              and (t == head or (t.head == head and t.dep_ in ("nummod", "det", "predet", "amod", "compound"))
                   or (t.dep_ == "pobj" and t.head.lower_ == "of" and not _parent_of(t.head.head)))
              and not any(w.lower_ == "in" for w in span[max(0, t.i - span.start - 2) : t.i - span.start])
              and not (len(span) > 1 and span[0].lower_ == "one" and span[1].lower_ == "of")]  # ("one of the
    # two candidates": one source)
    return span.text if counts else None


def _another_subject(head: Token, a: Attribution) -> Token | None:
    """Another noun subject of the mention's verb, set off from it by a comma: a list the parser split into
    several subjects ("The family, protesters and civic leaders have been demanding ...") or a headline's "Lind,
    others warn ..."; not the speaker's own people ("Lind, her aides ..."), nor a subject inside the words said
    ("'The loopholes he cited are ...,' the Herald reported", where the content may start after the subject).
    """
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for c in head.head.children:
        first, last = sorted((c.i, head.i))
        if c is head or a.content.start <= c.idx < a.content.end or not (c.pos_ == "PROPN" or c.tag_ == "NNS"):
            continue  # (a name or a plural: not "At the time, she ...")
        if (c.dep_ == head.dep_ or (c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i < head.i)) and \
                c.lemma_.lower() not in lex.CAMPAIGN_HEADS and not _own_people(c) and \
                any(w.lower_ == "," for w in head.doc[first + 1 : last]) and c.ent_type_ in ("PERSON", "ORG", "") \
                and not any(w.is_quote for w in head.doc[first:last]):
            return c
    return None


def aggregate(head: Token) -> bool:
    """Is the head one figure drawn from several documents ("the average of polls", "a review of studies")?"""
    return head.lemma_.lower() in _AGGREGATES and any(o.tag_ == "NNS" and o.lemma_.lower() in _PLURAL_DOCUMENTS
                                                      for p in head.children if p.lower_ == "of" for o in p.children)


def _a_number(t: Token, head: Token) -> bool:
    """Is the word a count above one of the plural head's people ("31 voters", "Some 40 residents", "Thirty
    fishers", which the parse may take as a compound)?"""
    if not t.like_num or t.head != head or head.tag_ not in ("NNS", "NNPS") or t.dep_ not in ("nummod", "compound"):
        return False
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):
        return False  # (a named person the parse set beside the count: "As he welcomed several hundred guests, Scott
        # (D-Va.) was ...", where the mention is Scott)
    value = t.text.replace(",", "")
    return not value.isdigit() or int(value) > 1


def _every_one(span: Span, head: Token) -> bool:
    """Is the mention every one of several people: a bare "each" or "all" standing for people named before ("Lind and
    Tarn toured the docks, each saying ...", "all agreed"), or "everyone" the writer asked ("everybody we spoke to")?
    ("almost everyone", "everyone knows": a public, one group.)"""
    if head.lower_ not in _EVERY_ONE:
        return False
    if any(c.dep_ == "neg" for c in head.children) and head.lower_ in ("everyone", "everybody", "all"):
        return True  # ("not everyone agrees": some of several disagree)
    if head.lower_ in ("each", "all"):
        return len(span) == 1 and head.dep_ in ("nsubj", "nsubjpass")
    return any(c.dep_ == "relcl" and any(s.dep_ == "nsubj" and s.lower_ in ("i", "we") for s in c.children)
               for c in head.children)


def _of_several(head: Token) -> bool:
    """Is a plural head counted out of several sides ("mayors of both camps", "leaders of the two chambers")?"""
    return head.tag_ in ("NNS", "NNPS") and any(
        o.dep_ == "pobj" and any(c.dep_ in ("det", "nummod") and c.lower_ in _INDEPENDENT for c in o.children)
        for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children)


def _these_and(t: Token) -> bool:
    """Is the conjunct joined to a demonstrative standing alone ("These and other ledgers", "those and even older
    returns"): one kind of thing the writer points to, not several sources?"""
    return t.head.tag_ == "DT" and t.head.lower_ in ("these", "those")


def _parent_of(noun: Token) -> bool:
    """Is the noun one person described by a count after "of" ("the mother of three", "a father of two"): a
    singular noun with an article, not a count of sources ("none of those three")?"""
    return noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in noun.children)


def _own_people(t: Token) -> bool:
    """Is the conjunct the first one's own people ("Lind and her advisers", "the mayor and his staff")?"""
    return t.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their", "its") for c in t.children)


def set_of_people(head: Token) -> bool:
    """Is the head a noun gathering an unnamed set of people ("a wide array of economists", "a host of critics")?"""
    return head.lemma_.lower() in _SETS and any(o.dep_ == "pobj" and o.tag_ in ("NNS", "NNPS") for p in head.children
                                                if p.dep_ == "prep" and p.lower_ == "of" for o in p.children)


def named_pair(head: Token) -> bool:
    """Is the head a definite pair of people ("the brothers", "the couple", "both sisters")?"""
    return head.lower_ in PAIRS and any(c.dep_ in ("det", "predet", "poss") and c.lower_ in (
        "the", "both", "these", "those", "their", "his", "her") for c in head.children)


def _listed_antecedent(pronoun: Token) -> str | None:
    """The listed plural a "they" stands for, earlier in its sentence ("hit by the hawks and doves in his party for
    what they call ..."): the nearest plural or listed noun before it, not one inside another noun's phrase
    ("officials in Lakeview and Harlow say they ..." stand for the officials)."""
    nouns = [t for t in pronoun.sent if t.i < pronoun.i and t.pos_ in ("NOUN", "PROPN") and t.dep_ not in (
        "conj", "compound", "poss") and (t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children))
             and not (t.dep_ == "pobj" and t.head.head.pos_ in ("NOUN", "PROPN"))]
    if not nouns:
        return _listed_subject(pronoun)
    listed = [c for c in nouns[-1].children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
              and c.lemma_.lower() not in lex.CAMPAIGN_HEADS]
    return pronoun.doc[nouns[-1].i : listed[-1].i + 1].text if listed else None


def _listed_subject(pronoun: Token) -> str | None:
    """The listed plural a subject "they" opening its sentence stands for, as the subject of the sentence before
    (through another "they": "Critics, like Ana Lind and Ivo Tarn, want a change. They sent a letter. 'It must
    end,' they wrote."): one with conjoined nouns in its phrase or two named examples."""
    doc, t = pronoun.doc, pronoun
    for _ in range(3):
        if t.dep_ != "nsubj" or t.lower_ != "they" or not t.sent.start or any(
                w.pos_ in ("NOUN", "PROPN") for w in t.sent if w.i < t.i):
            return None
        at = t.sent.start - 1
        while at > 0 and doc[at].is_space:
            at -= 1
        before = doc[at].sent
        subjects = [c for c in before.root.children if c.dep_ == "nsubj"] or [before.root]
        t = subjects[0]
        if t.tag_ not in ("NNS", "NNPS"):
            continue
        if len(subjects) > 1 or len(named_examples(t)) >= 2 or any(
                w.dep_ == "conj" and w.pos_ in ("NOUN", "PROPN") and w.lemma_.lower() not in lex.CAMPAIGN_HEADS
                for w in t.subtree):
            return doc[t.left_edge.i : subjects[-1].right_edge.i + 1].text
        return None
    return None


__all__ = ["NOT_PEOPLE", "PAIRS", "aggregate", "named_pair", "plural_mention", "set_of_people"]
