"""That-clauses the parser hung away from their verb of saying: on the verb's addressee ("telling a packed chamber
that ..."), or on a word of a phrase between the verb and the clause ("advised members before the vote that ...",
"said in a written submission, included in the agenda, that ..."). :mod:`.cues` (the rule
``cues.addressee-that-clause``) asks them for a verb of saying with no clause of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from onrecord.lexicon.en import COMPLETING_PREPOSITIONS, NOT_COMPLEMENT_THAT, SAID_IN_NOUNS, SPEECH_NOUNS

__all__ = ["clause_start", "own_that_clause", "stranded_that_clause"]

#: How many tokens after the verb its stranded "that" may stand.
_REACH = 16


def own_that_clause(verb: Token) -> bool:
    """Does the verb open a clause of its own with "that" and a subject (not a relative clause, "the chamber that
    voted": "that" its subject)?"""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.lefts) and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in verb.lefts)


def clause_start(clause: Token) -> int:
    """Where a that-clause's content starts: at its "that" ("soon after that the lines ...": a word the parser
    hung on the clause before it is not what was said), else at its left edge."""
    return next((c.i for c in clause.lefts if c.dep_ == "mark" and c.lower_ == "that"), clause.left_edge.i)


def stranded_that_clause(verb: Token, says: Callable[[Token], bool]) -> Token | None:
    """The clause of a "that" a few words after a verb of saying with no clause complement, with only phrases
    between them -- its object, when and where, a participle's aside, commas -- and hung elsewhere by the parser
    ("advised members before the vote that the policy was “lawful”"): what the verb says. None when the verb has
    a clause, or another verb (not a participle's aside), a conjunction, a preposition that completes a word
    ("responded to the news that ..."), a quotation or a sentence's end comes first, or the "that" is not a
    complementizer ("so that", "now that"), or the parser hung it on a noun of saying or a document
    (``cues.said-in-noun-that-clause``, ``cues.noun-that-clause`` read it), or on the verb's object or its
    complement ("disputes the idea that ...", "calls it a story that nobody buys": the object's clause)."""
    doc = verb.doc
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    for tok in doc[verb.i + 1 : min(verb.sent.end, verb.i + _REACH)]:
        if tok.is_quote or tok.text in (".", ";", ":", "!", "?", "(", "—") or "\n" in tok.text:
            return None
        if tok.lower_ == "that" and tok.dep_ == "mark":
            clause = tok.head
            if doc[tok.i - 1].lower_ in NOT_COMPLEMENT_THAT or doc[tok.i - 1].i == verb.i or clause.i < tok.i \
                    or not own_that_clause(clause) or clause.head.lemma_.lower() in SAID_IN_NOUNS | SPEECH_NOUNS \
                    or (clause.head.dep_ in ("dobj", "dative", "oprd", "attr") and clause.head.head == verb):
                return None  # (a noun of saying or a document's, "said in a statement that"; the object's own)
            return clause
        if tok.pos_ == "CCONJ" or (tok.pos_ == "ADP" and tok.lower_ in COMPLETING_PREPOSITIONS):
            return None  # ("and hoping that", "responded to the news that": the clause is another word's)
        if tok.pos_ in ("VERB", "AUX") and not _aside(tok, says):
            return None
    return None


def _aside(verb: Token, says: Callable[[Token], bool]) -> bool:
    """Is the verb a participle's aside between a verb of saying and its clause ("said in a written submission,
    included in the agenda, that ..."): a participle read as an adjective ("written"), or a past participle
    modifying a word, with no subject, not itself a verb of saying (``says``)?"""
    return verb.dep_ == "amod" or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and not says(verb) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))
