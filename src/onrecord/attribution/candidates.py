"""Which tokens the cue rules read: those some rule of the table ``cues`` can make a statement of
(:func:`may_cue`), and, in scope ``quotes``, not the verbs and nouns whose statements the scope would drop
(:func:`unsaid`)."""

from __future__ import annotations

import bisect
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray
from spacy.tokens import Token

from onrecord.attribution.arrays import TokenArrays, ids, one_of
from onrecord.attribution.cuemodel import CONTENT_DEPS
from onrecord.attribution.phrases import CLAUSE_DEPS
from onrecord.attribution.quotes import Quote
from onrecord.lexicon.en import BELIEF_VERBS, SAID_IN_NOUNS, SPEECH_NOUNS, SPEECH_VERBS

_VERB = ids("VERB", "AUX")
_NOUN = ids("NOUN")
_POSS = ids("poss")
_NNS = ids("NNS")
_CHILD_DEPS = ids(*sorted(CONTENT_DEPS | set(CLAUSE_DEPS)))
_PARATAXIS = ids("parataxis")
_ACCORDING = ids("according")
_IN = ids("in")
_PREP = ids("prep")
_COMMA = ids(",")
_PUNCT = ids("PUNCT")


def may_cue(a: TokenArrays) -> NDArray[np.bool_]:
    """The tokens some rule of the table ``cues`` can make a statement of (every other token fails each rule's
    first test, or has no content): a verb with a dependent that can be its content, a verb in parataxis, a noun
    with such a dependent and a possessor (or a plural noun: a verb misread), a noun of saying or a document (its
    that-clause), "according", a preposition "in", a verb of saying after a comma or before a stop ("…, argued
    Ana Lind.")."""
    verb = one_of(a.pos, _VERB)
    noun = one_of(a.pos, _NOUN)
    hosts = a.has_child(_CHILD_DEPS)
    held = a.has_child(_POSS) | one_of(a.tag, _NNS)  # (a noun's object needs a holder: _has_holder)
    in_prep = one_of(a.lower, _IN) & one_of(a.dep, _PREP)
    after_comma = np.zeros(a.n, dtype=bool)
    after_comma[1:] = one_of(a.lower, _COMMA)[:-1]
    closing = verb & a.lemma_in(SPEECH_VERBS) & (after_comma | a.next_is(one_of(a.pos, _PUNCT)))
    mask: NDArray[np.bool_] = (
        (verb & (hosts | one_of(a.dep, _PARATAXIS))) | (noun & ((hosts & held) | a.lemma_in(SAID_IN_NOUNS)))
        | one_of(a.lower, _ACCORDING) | in_prep | closing
    )
    return mask


def unsaid(text: str, quotes: list[Quote]) -> Callable[[Token], bool]:
    """Scope ``quotes``: the verbs and nouns whose every statement the scope would drop
    (``extractor._statements_only``), which are not read at all (half the candidates of a news article, and half
    the cues stage's time). A verb that is no verb of saying makes no speech: its statement is a belief, a stance
    or a finding, kept only where its clause holds a quotation (``extractor._quotes_within``); and the contents a
    verb's rules give lie in the words it governs (a clause run on to the end of a quotation opened in them), but
    for a parenthetical verb of thinking's ("The pier, Ana Lind believes, will close": the clause it interrupts).
    So: a verb (not "according", not "in") not of saying, and not a verb of thinking in parataxis, with no
    quotation of three words or more opening in its subtree. A noun speaks only with a that-clause, as a noun of
    saying or of a channel (``cues.noun-that-clause``, ``cues.said-in-noun-that-clause``); any other noun's
    statement is its holder's stance ("Ana Lind's criticism of the plan"), which the scope drops: a noun (not one
    the tagger read as a verb's form, nor "according") of neither list."""
    starts = sorted(q.content.start for q in quotes if q.word_count(text) >= 3)

    def unread(tok: Token) -> bool:
        if tok.lower_ in ("according", "in"):
            return False
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN":
            return lemma not in SPEECH_NOUNS and lemma not in SAID_IN_NOUNS and not tok.tag_.startswith("VB")
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        if lemma in SPEECH_VERBS or (lemma in BELIEF_VERBS and tok.dep_ == "parataxis"):
            return False
        last = tok.right_edge
        k = bisect.bisect_left(starts, tok.left_edge.idx)
        return k == len(starts) or starts[k] > last.idx + len(last.text)

    return unread
