"""What one predicate of a statement is said of and how: the nouns of its subject and object, the hedge or
obligation on it, and its subject as written (read by :mod:`onrecord.provenance.claims`)."""

from __future__ import annotations

from typing import TypeAlias

import numpy as np
from spacy.tokens import Doc, Span, Token

from onrecord.attribution.arrays import ids, memo_of, token_arrays
from onrecord.lexicon import load
from onrecord.provenance.stance import NEGATORS

_EN = load("en")
HEDGES = _EN.words("hedges")
DEONTIC = _EN.words("deontic_modals")
TELLING_MODIFIERS = _EN.words("telling_modifiers")
PRONOUN_SUBJECTS = frozenset("it they this that these those he she its their them".split())
#: Those that may stand for a thing (what a claim is about): not "he" or "she", who are people.
THING_PRONOUNS = PRONOUN_SUBJECTS - {"he", "she"}
#: Verbs whose object names the event they report ("received a payment", "reached an agreement", "made a cut").
SUPPORT_VERBS = frozenset("receive get make reach strike".split())
_MODALS = HEDGES | DEONTIC
#: Predicates that say the same or the opposite thing: word -> concept, '-' for the opposite (lexicon ``concepts``).
CONCEPTS: dict[str, str] = _EN.mapping("concepts")
#: Where a word of position after a copula places its subject: against a mark it names ("below the limit":
#: -exceed), or in time against what was due ("behind schedule", "up to date": late, -late).
_MARKS: dict[str, str] = _EN.mapping("positions")
POSITIONS: dict[str, str] = {**_MARKS, **_EN.mapping("timeliness")}
POSITION_WORDS = frozenset(w.split("_")[0] for w in POSITIONS)
_POSITION_VERBS = _EN.words("position_verbs")
_NEGATIVE_PRONOUNS = frozenset("nothing nobody none noone neither".split())
_NOBODY = frozenset("one nobody nothing none anyone anybody anything someone somebody something everyone".split())


def noun_of(tok: Token) -> Token | None:
    """The noun an attributive adjective describes, past the compounds it may hang from ("a real city document":
    document)."""
    if tok.dep_ != "amod":
        return None
    head = tok.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return head


def may_predicate(doc: Doc, words: frozenset[str]) -> list[bool] | None:
    """For each token of ``doc``, whether it may give a concept (``claims._concept``): a verb or an adjective, a noun
    object, passive subject or attribute (an event noun: "received no payment", "there is no seepage"), or a word
    whose lemma (lowercased) is one of ``words``; no other does. Read once per analyse off the token arrays; None
    outside one (every token is tried)."""
    memo = memo_of(doc)
    if memo is None:
        return None
    if ("predicates", words) not in memo:
        a = token_arrays(doc)
        event = (a.pos == _NOUN) & np.isin(a.dep, _EVENT_DEPS)
        memo[("predicates", words)] = (a.lemma_in(words) | np.isin(a.pos, _VERB_ADJ) | event).tolist()
    return memo[("predicates", words)]  # type: ignore[no-any-return]


_NOUN, _VERB_ADJ, _EVENT_DEPS = ids("NOUN")[0], ids("VERB", "ADJ"), ids("dobj", "nsubjpass", "attr")


def position(tok: Token) -> tuple[str, int] | None:
    """The concept and sign a word of position gives a copula's subject, read off the word and the one or two after
    it ("the samples were below the limit": not exceed; "the works are behind schedule", "the trains ran late":
    late; "the fleet is up to date": not late; lexicon ``positions`` and ``timeliness``). Above or below places its
    subject against a mark it names, a noun ("the strike is over" places nothing); with a person or a pronoun after
    it, it places nothing in time ("the players are behind him" back him)."""
    if tok.pos_ not in ("ADP", "ADV") or tok.dep_ not in ("prep", "advmod", "acomp") or (
            tok.head.lemma_.lower() not in _POSITION_VERBS) or any(c.lower_ == "how" for c in tok.children):
        return None  # (not "how late the repairs were": a question of its own)
    doc, objects = tok.doc, [c.pos_ for c in tok.children if c.dep_ == "pobj"]
    if any(pos != "NOUN" for pos in objects) or (tok.lower_ in _MARKS and not objects):
        return None  # "behind him" backs him; "the strike is over" names no mark
    for n in (3, 2, 1):
        mapped = POSITIONS.get("_".join(t.lower_ for t in doc[tok.i:tok.i + n])) if tok.i + n <= len(doc) else None
        if mapped is not None:
            return (mapped[1:], -1) if mapped.startswith("-") else (mapped, 1)
    return None


def event_of(noun: str) -> str | None:
    """The concept of an event noun: the lexicon's ("closure": close), else the verb of a "-ment" noun ("payment":
    pay, "agreement": agree)."""
    if noun in CONCEPTS:
        return CONCEPTS[noun]
    if noun.endswith("ment") and len(noun) > 6:
        return CONCEPTS.get(noun[:-4], noun[:-4])
    return None


def participle_base(word: str) -> str:
    """The verb a participle comes from, for an "un-" word ("uncounted": count; "unchanged": change): the concept a
    verb's lemma gives."""
    if not word.endswith("ed") or len(word) < 5:
        return word
    base = word[:-2]
    if base[-1] == base[-2] and base[-1] not in "ls":
        base = base[:-1]  # "planned"
    elif base[-1] in "cgvzu" or (base[-1] == "s" and base[-2] not in "s") or base.endswith("at"):
        base += "e"  # "changed", "opposed", "related"
    return CONCEPTS.get(base, base)


def noun_keys(tok: Token, context: tuple[str, ...]) -> list[str]:
    """The nouns and names of one argument's phrase, not of a relative clause describing it ("riders who refused
    orders": riders, not orders); a pronoun stands for the context's nouns."""
    out: list[str] = []
    described = {d.i for t in tok.subtree if t.dep_ == "relcl" and t.i != tok.i for d in t.subtree}
    for t in tok.subtree:
        if t.i in described:
            continue
        if t.pos_ in ("NOUN", "PROPN") and t.is_alpha and not t.is_stop and len(t) > 2:
            out.append(t.lemma_.lower())
        elif t.i == tok.i and t.pos_ == "PRON" and t.lower_ in PRONOUN_SUBJECTS:
            out.extend(context[:4])
    return out


def arguments(tok: Token, context: tuple[str, ...], content: Span) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What a predicate is said of: the head nouns of its subject and object (a copula's subject for an adjective:
    "the memo is genuine" -> memo; the noun a participle hangs from), and every noun of those phrases and of its
    prepositional objects."""
    holders = [tok]
    if tok.dep_ in ("acomp", "attr", "oprd") or (tok.pos_ in ("ADJ", "NOUN") and tok.head.lemma_ == "be"):
        holders.append(tok.head)
    if tok.dep_ in ("xcomp", "ccomp", "conj") and tok.head.pos_ in ("VERB", "AUX"):
        holders.append(tok.head)
    if tok.pos_ in ("ADP", "ADV") and tok.dep_ in ("prep", "advmod", "acomp"):
        holders.append(tok.head)  # a word of position ("the samples were below the limit"): said of the samples
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in SUPPORT_VERBS:
        holders.append(tok.head)  # "Lind received no payment": said of Lind
    noun = noun_of(tok) or tok.head
    if tok.dep_ == "amod" and noun.dep_ == "attr":  # "the memo was a genuine draft": said of the memo
        holders = [noun.head]
    holders = [h for h in holders if content.start <= h.i < content.end]  # (not the cue "said" outside it)
    heads: list[str] = []
    keys: list[str] = []
    named = predicated_of(tok)
    if named is not None and content.start <= named.i < content.end and named.pos_ in ("NOUN", "PROPN"):
        heads.append(named.lemma_.lower())  # "called the audit a draft": said of the audit
        keys.extend(noun_keys(named, context))
    if tok.dep_ in ("acl", "relcl", "amod") and noun.pos_ in ("NOUN", "PROPN") and noun.dep_ != "attr":
        heads.append(noun.lemma_.lower())
        keys.extend(noun_keys(noun, context)[:4])
    for h in holders:
        for c in h.children:
            if c.i == tok.i:
                continue  # (an event noun is no argument of itself: "there will be no cut")
            if c.lower_ in ("i", "me") and c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative"):
                heads.append("@self")  # (the speaker: onrecord.provenance.pairs puts in their name)
            elif c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") or (c.dep_ == "poss" and h.pos_ == "NOUN"):
                found = noun_keys(c, context)
                keys.extend(found)
                if c.lemma_.lower() in _NOBODY:
                    continue  # "no one", "nothing": a quantity, not a thing the predicate is said of
                if c.pos_ in ("NOUN", "PROPN"):
                    heads.append(c.lemma_.lower())
                    heads.extend(f"+{m.lemma_.lower()}" for m in c.children  # "+cod" of "the cod quota"
                                 if (m.dep_ == "compound" and m.pos_ == "NOUN") or m.lower_ == "other"
                                 or (m.dep_ == "amod" and m.lower_ in TELLING_MODIFIERS))  # "+western"
                elif c.pos_ == "PRON" and c.lower_ in THING_PRONOUNS:
                    heads.extend(f"~{k}" for k in context[:4])  # "it": one of these, we cannot say which
            elif c.dep_ in ("prep", "pobj") and h.i == tok.i:
                keys.extend(noun_keys(c, context))
                if tok.pos_ == "NOUN" and c.lower_ in ("to", "of", "on"):  # "no cut to the cod quota"
                    heads.extend(h for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN" for h in (
                        o.lemma_.lower(), *(f"+{m.lemma_.lower()}" for m in o.children if m.dep_ == "compound"
                                            and m.pos_ == "NOUN")))
    return tuple(dict.fromkeys(heads)), tuple(dict.fromkeys(keys))


Pairs: TypeAlias = tuple[tuple[str, tuple[str, ...]], ...]


def modal_on(tok: Token) -> str | None:
    """The hedge or obligation on one predicate: a modal or adverb on it, its copula or the verb it complements
    ("may close", "is probably fake", "must stay open", "could be forced to close")."""
    holders = [tok]
    if tok.dep_ in ("acomp", "attr", "oprd", "xcomp") or tok.head.pos_ == "AUX":
        holders.append(tok.head)
    for h in holders:
        for c in h.children:
            if c.lower_ in _MODALS and c.dep_ in ("aux", "advmod"):
                if c.lower_ in ("can", "could") and any(n.dep_ == "neg" or n.lower_ == "never" for n in h.children):
                    return None  # "could never", "could not": not a hedge but a firm no ("may not" stays one)
                return c.lower_
    return None


def subject_phrase(tok: Token) -> str | None:
    """The subject (else the object) of a predicate as written, up to eight words: "the Lakeview plant"."""
    holders = [tok, tok.head] if tok.dep_ in ("acomp", "attr", "oprd") or tok.head.pos_ == "AUX" else [tok]
    for dep in (("nsubj", "nsubjpass"), ("dobj",)):
        for h in holders:
            for c in h.children:
                if c.dep_ in dep and c.pos_ in ("NOUN", "PROPN"):
                    start, end = c.left_edge.i, c.right_edge.i + 1
                    return c.doc[start:end].text if end - start <= 8 else c.text
    return None


#: Auxiliaries that put a predicate in the future ("will close", "said it would close").
_FUTURE = frozenset("will shall 'll wo".split())
#: Auxiliaries that put it in the past ("was closed", "had paid", "has hired", "did not read").
_PAST = frozenset("was were had has have 've 'd did".split())
_FIRST_PERSON = frozenset("i we me us my our".split())


def tense_on(tok: Token) -> str | None:
    """When a predicate happens, as its auxiliaries and tense say: "future" ("will close", "would close"), "past"
    ("closed", "was closed", "has closed", "would have closed"), else None (the present, or a modal with no time). A
    conjunct of the same verb with a time of its own counts when the first has none ("are not flying and will not
    fly": future)."""
    for t in (tok, *(c for c in tok.children if c.dep_ == "conj" and c.lemma_ == tok.lemma_)):
        found = _tense(t)
        if found is not None:
            return found
    return None


def _tense(tok: Token) -> str | None:
    holders = [tok]
    if tok.dep_ in ("acomp", "attr", "oprd") or tok.head.pos_ == "AUX":
        holders.append(tok.head)
    auxes = [c.lower_ for h in holders for c in h.children if c.dep_ in ("aux", "auxpass")]
    auxes += [h.lower_ for h in holders[1:] if h.pos_ == "AUX"]
    if "have" in auxes and any(a in ("would", "could", "should", "might", "must", "may") for a in auxes):
        return "past"  # "would have closed", "may have entered"
    if any(a in _FUTURE or a == "would" for a in auxes):
        return "future"
    if any(a in _PAST for a in auxes) or (not auxes and (tok.tag_ == "VBD" or (
            tok.tag_ == "VBN" and tok.dep_ in ("ROOT", "ccomp", "conj", "advcl")))):
        return "past"  # (a clause's verb tagged VBN with no auxiliary is the parser's VBD: "the plant closed")
    return None


def years_on(tok: Token) -> tuple[int, ...]:
    """The years a predicate's own time phrases name ("will open in 2027", "closed on March 3, 2025"), not those of
    a clause below it."""
    holders = [tok, tok.head] if tok.dep_ in ("acomp", "attr", "oprd") or tok.head.pos_ == "AUX" else [tok]
    out = [int(t.text) for h in holders for c in h.children if c.dep_ in ("prep", "npadvmod")
           for t in c.subtree if len(t.text) == 4 and t.text.isdigit() and 1900 <= int(t.text) <= 2100]
    return tuple(dict.fromkeys(out))


def predicated_of(tok: Token) -> Token | None:
    """The object a word is predicated of after a verb of calling ("called the audit a draft", "dismissed the memo
    as a fake", "described the claims as false": the audit, the memo, the claims), if it is such a word."""
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "as" else tok.head if tok.dep_ == "oprd" else None
    if verb is None:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i != tok.i), None)


def first_person(tok: Token) -> bool:
    """Is a predicate said of the speaker's own side: its subject "I", "we" or a phrase with "my"/"our" in it ("we
    accept the offer", "nobody in my building will accept")?"""
    holders = [tok, tok.head] if tok.dep_ in ("acomp", "attr", "oprd") or tok.head.pos_ == "AUX" else [tok]
    for h in holders:
        for c in h.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return any(t.lower_ in _FIRST_PERSON for t in c.subtree)
    return False


def negation_of(tok: Token) -> Token | None:
    """The negation on a predicate: a neg child of it or of its copula or auxiliary head; a negative subject or
    object ("nothing entered", "no payment was made", "received no payment"); a negated noun it hangs from
    ("there is no plan to move")."""
    holders = [tok]
    if tok.dep_ in ("acomp", "attr", "xcomp", "oprd", "pobj", "dobj", "advmod") or tok.pos_ in ("ADJ", "NOUN"):
        holders.append(tok.head)
    if tok.head.pos_ == "AUX" or tok.head.lemma_ in ("be", "become", "seem"):
        holders.append(tok.head)
    noun = noun_of(tok)
    if noun is not None and noun.dep_ in ("attr", "oprd"):  # "was not a real city document"
        holders.extend((noun, noun.head))
    for h in holders:
        for c in h.children:
            if c.dep_ == "neg" or (c.lower_ in NEGATORS and c.i < h.i + 1 and c.dep_ in ("advmod", "det", "neg")):
                return c
            no = next((n for n in c.children if n.lower_ in ("no", "not")), None) if c.lower_ == "longer" else None
            if no is not None and c.dep_ == "advmod":  # "would no longer affect fees"
                return no
    for c in (c for h in holders[:2] for c in h.children):  # "nothing entered", "received no payment"
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and negative(c):
            return c
    if tok.dep_ in ("acl", "relcl") and any(d.dep_ == "det" and d.lower_ == "no" for d in tok.head.children):
        return next(d for d in tok.head.children if d.dep_ == "det" and d.lower_ == "no")
    return None


def negative(np: Token) -> bool:
    """Is a subject or object a negative quantity: "nothing", "no payment", "not one ballot", "not even half"?"""
    if np.lower_ in _NEGATIVE_PRONOUNS or any(d.dep_ == "det" and d.lower_ == "no" for d in np.children):
        return True
    quantifiers = [np, *(d for d in np.children if d.dep_ in ("nummod", "det", "amod", "quantmod"))]
    return any(d.dep_ == "neg" for q in quantifiers for d in q.children)



__all__ = [
    "CONCEPTS",
    "DEONTIC",
    "HEDGES",
    "POSITIONS",
    "POSITION_WORDS",
    "PRONOUN_SUBJECTS",
    "THING_PRONOUNS",
    "Pairs",
    "arguments",
    "event_of",
    "first_person",
    "may_predicate",
    "modal_on",
    "negation_of",
    "negative",
    "noun_keys",
    "noun_of",
    "participle_base",
    "position",
    "subject_phrase",
    "tense_on",
]
