"""What in a statement's content is asserted, and with which sign: the scopes that keep a predicate from being
the speaker's claim (read by :mod:`onrecord.provenance.claims` for each predicate).

A predicate is not asserted when it is wanted, asked or conditional ("they want us to leave", "declined to say
whether it closed", "if they ask us to leave"), a view the content reports as someone else's ("some people say
the ward is safe"), what a thing may do ("safe to fly", "no power to switch it off"), what picks a noun out ("every
family that lost a home"), what a comparison is made against, or a clause as subject. Its sign turns under a verb
of doubting or denying inside the content ("I doubt it is real") or of failing ("failed to count the ballots").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from onrecord.lexicon import load
from onrecord.provenance.clauses import CONDITION_MARKERS, wanting
from onrecord.provenance.predicates import negation_of
from onrecord.provenance.stance import DENYING_CUES

_EN = load("en")
EMBEDDING_VERBS = _EN.words("embedding_verbs")
SPEECH_NOUNS = _EN.words("speech_nouns")
SPEECH_VERBS = _EN.words("speech_verbs")
#: Nouns of being able or allowed ("no power to switch off the line"): their infinitive is what may be done.
_ABILITY = _EN.words("ability_nouns")
_TOLD = frozenset("tell inform advise assure brief warn".split())
#: Verbs that, in a speaker's own words, say the clause they govern is not so ("I doubt it is real").
_DOUBTING = DENYING_CUES | frozenset({"doubt"})
#: Adjectives whose infinitive is asserted ("certain to close" says it will close; "safe to fly" does not say it flies).
_SURE = frozenset("certain sure bound set due".split())
#: Verbs that say the verb they govern did not happen ("failed to count", "neglected to file").
_FAILING = frozenset("fail neglect omit".split())


def embedded_sign(tok: Token, content: Span) -> int:
    """-1 when the predicate sits under a verb of doubting or denying inside the content ("I doubt it is real")."""
    node, sign = tok, 1
    while node.head.i != node.i and content.start <= node.head.i < content.end:
        if node.dep_ in ("ccomp", "xcomp") and node.head.lemma_.lower() in _DOUBTING and negation_of(node.head) is None:
            sign = -sign
        elif node.dep_ == "xcomp" and node.head.lemma_.lower() in _FAILING and negation_of(node.head) is None:
            sign = -sign  # "failed to count the ballots": did not count them
        node = node.head
    return sign


def _evidence(clause: Token) -> bool:
    """Is a clause what a thing "suggests" is so, not what someone proposes: told in the past or present ("the
    figures suggested about 200 riders had logged off"; not "the union suggested the depot close", not "nothing
    suggests the fleet is unsafe")?"""
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() == "suggest" and negation_of(clause.head) is None and (
        clause.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP")
                                                    and c.lemma_ in ("have", "be") for c in clause.children))


def asked(tok: Token, content: Span) -> bool:
    """Is a word inside an indirect question of the content ("declined to say whether the memo was genuine", "asked
    her to explain why she had given the wrong account")?"""
    node = tok
    while node.head.i != node.i and content.start <= node.head.i < content.end:
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in node.children) or _asked(node):
            return True
        node = node.head
    return False


def unasserted(tok: Token, content: Span) -> bool:
    """Is this predicate wanted, asked or conditional rather than asserted (within the content)? So is a view the
    content reports as someone's ("contradicting the mayor's claim that it was fake")."""
    if tok.dep_ == "oprd" and content.start <= tok.head.i < content.end and any(
            c.dep_ == "nsubj" and c.lower_ not in ("i", "we") for c in tok.head.children):
        return True  # "some have called it a forgery": a name others give it, often to reject it
    node = tok
    while node.head.i != node.i and content.start <= node.head.i < content.end:
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in node.children) or _asked(node):
            return True  # "declined to say whether the memo was genuine", "will look at when it knew": a question
        if (node.dep_ == "relcl" and node.head.dep_ not in ("attr", "oprd", "ROOT")) or (
                node.dep_ == "acl" and node.head.lemma_.lower() in _ABILITY):
            return True  # "every family that lost a home" picks the noun out (but "it is a warning we cannot
            # ignore" says it through the noun); "no power to switch it off": what may be done
        if node.dep_ == "csubj":
            return True  # "opening an inquiry is not a finding": a clause as subject names an event, not asserts it
        if node.dep_ == "pcomp" and (node.head.lower_ == "without" or node.head.head.pos_ == "NOUN"):
            return True  # "without cutting programs", "a memo on closing the depot": a topic, not what is done
        if node.dep_ in ("acl", "ccomp") and node.head.lemma_.lower() in SPEECH_NOUNS:
            return True
        if node.dep_ in ("ccomp", "xcomp") and node.head.lemma_.lower() in _TOLD and any(
                c.dep_ == "nsubjpass" for c in node.head.children):
            return True  # "she had been told the memo was not genuine": what she heard, not what she says
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in SPEECH_VERBS and not _evidence(node) and any(
                c.dep_ == "nsubj" and c.lower_ not in ("i", "we") for c in node.head.children):
            return True  # "some people say the ward is safe": a view the speaker reports, often to reject it
        if ((node.dep_ == "prep" and node.lower_ == "for") or any(c.dep_ == "mark" and c.lower_ == "for" for c in
                                                                 node.children)) and wanting(node.head):
            return True  # "we asked for the depot to stay open", "all we want is for the depot to stay open"
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKERS for c in node.children):
            return True
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "before" for c in node.children):
            return True  # "checked before anyone sits under it again": when, not that anyone will sit
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "than" for c in node.children):
            return True  # "a search misses more than it finds": what is compared against, not a claim
        if (node.dep_ in ("xcomp", "ccomp") or (node.dep_ == "dobj" and node.pos_ == "NOUN")) and (
                node.head.lemma_.lower() in EMBEDDING_VERBS) and not _evidence(node):
            return True  # "they want us to leave", "he did not expect a further cut"
        if node.dep_ == "xcomp" and node.head.pos_ == "ADJ" and node.head.lemma_.lower() not in _SURE:
            return True  # "the fleet is safe to fly", "ready to sign": what may be done, not what is done
        node = node.head
    return False


def _asked(clause: Token) -> bool:
    """Is a clause an indirect question opened by a wh-word, the object of a verb or preposition ("we will look at
    when the firm knew", "asked what it did"; not a clause of time: "closed when the grant ended")?"""
    first = clause.left_edge
    if first.tag_ not in ("WRB", "WP") or first.head.i != clause.i or first.i >= clause.i:
        return False
    return clause.dep_ in ("pcomp", "ccomp", "dobj") or (first.i > 0 and clause.doc[first.i - 1].pos_ == "ADP")


__all__ = ["EMBEDDING_VERBS", "SPEECH_NOUNS", "SPEECH_VERBS", "asked", "embedded_sign", "unasserted"]
