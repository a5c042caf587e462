"""What each statement asserts and how firmly: a :class:`Claim` per attribution, read off the article's parse.

A claim keeps what the later steps compare, never a verdict:

- ``stances``: the predicates the content asserts, each as a concept and a sign. A word's concept comes from the
  lexicon's ``concepts`` map (withdraw = leave = pull out; stay = the opposite of leave; fake = the opposite of
  authentic) or is its own lemma; the sign flips for a negation on it ("will not close"), for a denying cue ("Lind
  denied the plant will close") and for an opposite word. A predicate inside a condition ("if they ask us to
  leave") or under a verb of wanting or asking ("they want us to leave") is not asserted and gives no stance.
- ``cue``: how the cue frames the content (:data:`CueStance`), decided by the ``stance`` rules; a negated cue
  ("did not deny") and a question assert nothing, so they take part in no flag.
- ``modals`` and ``condition``: the hedge ("may", "probably") or obligation ("must") on each predicate; the
  "if"/"unless" clause, as written.
- ``numbers``: each number with the noun it counts ("200 jobs" -> ("job", 200.0)).
- ``keys``: what the statement is about (lemmas of its nouns, its named entities, its documents), and
  ``context``: the nouns of the sentence before, when the content's subject is only a pronoun ("it will close").
- ``own_words``: whether the words are the speaker's (quoted) or the reporter's paraphrase.

Everything comes from the one parse extraction made (the Doc), so claims cost a walk over the content tokens.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.arrays import ids, positions, token_arrays
from onrecord.lexicon import load
from onrecord.provenance.anonymity import doc_ents, doc_text
from onrecord.provenance.asserted import embedded_sign, unasserted
from onrecord.provenance.clauses import (
    CONFLICT_SIGNALS,
    condition_of,
    counterfactual,
    questions,
    sides_with,
    signal_of,
)
from onrecord.provenance.negations import not_denied
from onrecord.provenance.numbers import numbers
from onrecord.provenance.predicates import (
    CONCEPTS,
    DEONTIC,
    HEDGES,
    POSITION_WORDS,
    SUPPORT_VERBS,
    THING_PRONOUNS,
    arguments,
    event_of,
    first_person,
    may_predicate,
    modal_on,
    negation_of,
    noun_of,
    participle_base,
    position,
    predicated_of,
    subject_phrase,
    tense_on,
    years_on,
)
from onrecord.provenance.stance import CUE_STANCE_RULES, NEGATORS, CueCase, CueStance
from onrecord.types import Attribution

_EN = load("en")
DOCUMENT_HEADS = _EN.words("document_heads")
_CONCEPT_WORDS = frozenset(word.split("_")[0] for word in CONCEPTS) | POSITION_WORDS  # ("pull" of "pull_out")

#: Verbs too light to say what a statement is about ("is", "have", "do"); they carry negation and tense only. With a
#: particle they are phrasal verbs of their own ("the alarm did not go off", "the deal fell through").
_LIGHT = frozenset("be have do get make go come take give say will would shall should can".split())
_NOUN, _PROPN = ids("NOUN", "PROPN")
_KEY_ENTS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"})
_KEEPING = frozenset("stay remain keep leave".split())
#: Words that give a count roughly before "to" and a number ("closer to 600"): no predicate.
#: Adverbs that bound a negation in time ("not yet", "still not", "no longer"): flags.different-time.
TIME_BOUND = _EN.words("time_bound_negations")
_APPROXIMATORS = _EN.words("approximators")
_PARTICLES = _EN.words("light_particles")
#: What opening or closing begins or ends ("opened an investigation"), not opens or shuts.
_UNDERTAKINGS = _EN.words("opened_undertakings")
#: What a thing is (real, a copy, final, a draft), which receiving it does not say ("received a copy of the memo").
_NATURE = frozenset({"authentic", "final"})
#: Verbs of getting, holding or passing on a thing: their object ("obtained a copy") is named, not predicated.
_HOLDING = frozenset("obtain receive get have see send read review keep give show release publish leak post share "
                     "attach file submit hold".split())


@dataclass(frozen=True, slots=True)
class Claim:
    """What one attribution (``ordinal``: its place in the article's extraction) asserts, and how firmly."""

    ordinal: int
    cue: CueStance = "assert"
    stances: tuple[tuple[str, int], ...] = ()  # (concept, +1 or -1), main clause first
    words: tuple[tuple[str, str], ...] = ()  # (concept, the words that gave its sign: "not closing")
    arguments: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (concept, what it is said of: ("memo",))
    # (concept, the head nouns of its subject and object; "~noun": a candidate a pronoun may stand for; "+noun": a
    # noun modifying a head, "+cod" in "the cod quota", and "+other")
    heads: tuple[tuple[str, tuple[str, ...]], ...] = ()
    modals: tuple[tuple[str, str], ...] = ()  # (concept, the hedge or obligation on it: "may", "must")
    phrases: tuple[tuple[str, str], ...] = ()  # (concept, what it is said of, as written: "the Lakeview plant")
    tenses: tuple[tuple[str, str], ...] = ()  # (concept, "past" or "future": when it happens, if the verb says)
    own: tuple[str, ...] = ()  # the concepts said of the speaker's own side ("we accept", "nobody in my building")
    years: tuple[tuple[str, tuple[int, ...]], ...] = ()  # (concept, the years its time phrases name: (2027,))
    condition: str | None = None
    numbers: tuple[tuple[str, float], ...] = ()
    keys: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # the keys that are names (proper nouns)
    context: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    signal: str | None = None  # a conflict word in the content ("inconsistent with")
    own_words: bool = False
    sides: tuple[str, ...] = ()  # the words naming whoever the speaker says they stand with ("the director")
    concedes: str | None = None  # the words marking a change of position ("conceded", "I was wrong"): concessions

    @property
    def asserts(self) -> bool:
        """Does the statement assert anything a flag can use (not a question, a demand or a negated cue)?"""
        return self.cue not in ("ask", "demand", "act", "unclear")

    def arguments_of(self, concept: str) -> tuple[str, ...]:
        return next((a for c, a in self.arguments if c == concept), ())

    def phrase_of(self, concept: str) -> str | None:
        """What a concept's predicate is said of, as written ("the Lakeview plant")."""
        return next((p for c, p in self.phrases if c == concept), None)

    def modal_of(self, concept: str) -> str | None:
        """The hedge ("may") or obligation ("must") on a concept's predicate, if any."""
        return next((m for c, m in self.modals if c == concept), None)

    def tense_of(self, concept: str) -> str | None:
        """When a concept's predicate happens, "past" or "future", if its verb says."""
        return next((t for c, t in self.tenses if c == concept), None)

    def years_of(self, concept: str) -> tuple[int, ...]:
        return next((y for c, y in self.years if c == concept), ())

    def heads_of(self, concept: str) -> tuple[str, ...]:
        return next((a for c, a in self.heads if c == concept), ())

    def stance(self, concept: str) -> int | None:
        return next((sign for c, sign in self.stances if c == concept), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ordinal": self.ordinal, "cue": self.cue, "stances": [list(s) for s in self.stances],
            "words": [list(w) for w in self.words], "arguments": [[c, list(a)] for c, a in self.arguments],
            "heads": [[c, list(a)] for c, a in self.heads], "modals": [list(m) for m in self.modals],
            "phrases": [list(p) for p in self.phrases], "tenses": [list(t) for t in self.tenses], "own": list(self.own),
            "years": [[c, list(y)] for c, y in self.years],
            "condition": self.condition,
            "numbers": [list(n) for n in self.numbers], "keys": list(self.keys), "names": list(self.names),
            "context": list(self.context),
            "documents": list(self.documents), "signal": self.signal, "own_words": self.own_words,
            "sides": list(self.sides), "concedes": self.concedes,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return cls(
            ordinal=int(data["ordinal"]), cue=data.get("cue", "assert"),
            stances=tuple((str(c), int(s)) for c, s in data.get("stances", ())),
            words=tuple((str(c), str(w)) for c, w in data.get("words", ())),
            arguments=tuple((str(c), tuple(str(k) for k in a)) for c, a in data.get("arguments", ())),
            heads=tuple((str(c), tuple(str(k) for k in a)) for c, a in data.get("heads", ())),
            modals=tuple((str(c), str(m)) for c, m in data.get("modals", ())),
            phrases=tuple((str(c), str(p)) for c, p in data.get("phrases", ())),
            tenses=tuple((str(c), str(t)) for c, t in data.get("tenses", ())), own=tuple(data.get("own", ())),
            years=tuple((str(c), tuple(int(y) for y in ys)) for c, ys in data.get("years", ())),
            condition=data.get("condition"),
            numbers=tuple((str(k), float(v)) for k, v in data.get("numbers", ())),
            keys=tuple(data.get("keys", ())), names=tuple(data.get("names", ())),
            context=tuple(data.get("context", ())),
            documents=tuple(data.get("documents", ())), signal=data.get("signal"),
            own_words=bool(data.get("own_words", False)), sides=tuple(data.get("sides", ())),
            concedes=data.get("concedes"),
        )


# --- the content ---------------------------------------------------------------------------------------------


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _reports_event(tok: Token) -> bool:
    """Is an event noun what its clause reports: the object of a verb of receiving or making ("received no
    payment", "reached an agreement"), or what "there is" says exists ("there is no seepage from the dam": nothing
    seeps; "there was a leak")?"""
    if tok.pos_ != "NOUN":
        return False
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in SUPPORT_VERBS:
        return True
    return tok.dep_ == "attr" and tok.head.lemma_ == "be" and any(c.dep_ == "expl" for c in tok.head.children)


def _concept(tok: Token, phrase_root: int = -1) -> tuple[str, int] | None:
    """A predicate's concept and sign; ``phrase_root``: the index of the noun a content that is only a noun
    phrase ("a fair deal", "not a real document") is headed by, whose adjectives are then its predicates."""
    lemma = tok.lemma_.lower()
    if lemma in POSITION_WORDS and tok.pos_ in ("ADP", "ADV"):  # "below the limit", "behind schedule"
        return position(tok)
    if _reports_event(tok):
        event = event_of(lemma)
        if event is not None and event.lstrip("-") not in _NATURE:  # "received no payment": was not paid
            return (event[1:], -1) if event.startswith("-") else (event, 1)
    if lemma in _APPROXIMATORS and any(c.dep_ == "prep" and c.lower_ == "to" and any(
            g.like_num or any(n.dep_ == "nummod" for n in g.children) for g in c.children) for c in tok.children):
        return None  # "it was closer to 600": a count given roughly, nothing closed
    if lemma in ("open", "close") and any(c.dep_ == "dobj" and c.lemma_.lower() in _UNDERTAKINGS for c in tok.children):
        return None  # "the police opened an investigation": began one, opened nothing
    if lemma not in _CONCEPT_WORDS and tok.pos_ not in ("VERB", "ADJ"):
        return None  # (most words: no concept of the lexicon's, and no verb or adjective's own)
    if tok.pos_ not in ("VERB", "ADJ", "NOUN", "PROPN", "AUX"):
        return None  # an adverb or particle ("back in service", "up front") is no predicate
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt" or (  # ("go ahead": an adverb after "go")
        c.dep_ == "advmod" and c.i == tok.i + 1 and lemma in _LIGHT and c.lower_ in _PARTICLES)), None)
    mapped = CONCEPTS.get(f"{lemma}_{particle}") if particle else None
    if mapped is None:
        mapped = CONCEPTS.get(lemma)
    noun = noun_of(tok) or tok.head
    if tok.dep_ in ("amod", "compound", "nummod", "npadvmod") and (tok.pos_ != "VERB" or tok.dep_ == "amod") and not (
            tok.dep_ == "amod" and (noun.i == phrase_root or noun.dep_ in ("attr", "oprd", "appos"))):
        return None  # an attributive word ("the next year", "a fake memo") asserts nothing of its own
    if tok.dep_ in ("nmod", "compound", "amod", "npadvmod") and tok.head.pos_ in ("NOUN", "PROPN") and _hyphened(tok):
        return None  # "stop-and-search encounters", "a close-up photograph": a word of a hyphened name, no predicate
    if mapped == "authentic" and not _of_a_thing(tok, noun):
        return None  # "a real gain" (an intensifier), "that is not true" (said of a claim, not of a document)
    if lemma in _KEEPING and any((c.pos_ == "ADJ" and c.dep_ != "amod") or position(c) for c in tok.children):
        return None  # "stay open", "keep the depot open", "stay ahead": the adjective or position says what is kept
    if mapped is None:
        light = not particle and (lemma in _LIGHT or len(lemma) < 3)  # ("go off" is a predicate; "go" is not)
        if tok.pos_ not in ("VERB", "ADJ") or not tok.is_alpha or light:
            return None
        if tok.pos_ == "ADJ" and lemma.startswith("un") and len(lemma) > 5:  # "unfair" is the opposite of "fair"
            stem = CONCEPTS.get(lemma[2:], participle_base(lemma[2:]))
            return (stem[1:], 1) if stem.startswith("-") else (stem, -1)
        if tok.pos_ == "ADJ" and lemma.endswith("ed") and len(lemma) > 5:  # "stay closed": what "close" says
            stem = participle_base(lemma)
            return (stem[1:], -1) if stem.startswith("-") else (stem, 1)
        return (f"{lemma}_{particle}" if particle else lemma), 1  # "break through" is not "break"
    if tok.pos_ in ("NOUN", "PROPN") and (tok.dep_ not in ("dobj", "attr", "oprd") or tok.head.i == tok.i) and (
            predicated_of(tok) is None):
        return None  # a noun ("the summer closure") names an event; it asserts one only as a verb's argument
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _HOLDING:
        return None  # "obtained a copy", "has a draft": holding a thing says nothing of it
    return (mapped[1:], -1) if mapped.startswith("-") else (mapped, 1)


def _hyphened(tok: Token) -> bool:
    """Is a word joined by a hyphen to the word before or after it ("stop-and-search", "close-up")?"""
    doc = tok.doc
    return (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_) or (
        tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_)


def _of_a_thing(tok: Token, noun: Token) -> bool:
    """Is "real", "true" or "genuine" said of a thing whose authenticity can be asked: not of "that" or "this" (a
    claim: "that is simply not true"), and, before a noun ("it is a real gain"), only of a document or a named work
    ("a genuine draft", "a genuine Vellacourt")?"""
    holder = tok.head if tok.dep_ in ("acomp", "attr") else noun if tok.dep_ == "amod" else tok
    if any(c.dep_ == "nsubj" and c.lower_ in ("that", "this") for c in holder.children):
        return False
    if tok.dep_ == "amod" and noun.dep_ in ("attr", "oprd"):
        return noun.pos_ == "PROPN" or noun.lemma_.lower() in DOCUMENT_HEADS or any(
            c.dep_ == "nsubj" and c.lemma_.lower() in DOCUMENT_HEADS for c in noun.head.children)
    return True


def _stances(content: Span, tokens: Sequence[Token], cue: CueStance, context: tuple[str, ...]) -> dict[str, Any]:
    """The claim's fields that come from its predicates (stances, words, arguments, heads, modals, phrases, tenses,
    own), each concept read off its predicate nearest the content's root."""
    flip = -1 if cue == "deny" else 1
    # concept -> (depth, sign, words, (heads, arguments))
    found: dict[str, tuple[int, int, str, tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    said: dict[str, dict[str, str]] = {"modals": {}, "phrases": {}, "tenses": {}}
    own: set[str] = set()
    years: dict[str, tuple[int, ...]] = {}
    root = content.root
    phrase_root = root.i if root.pos_ in ("NOUN", "PROPN") else -1
    asked, may = questions(content, tokens), may_predicate(content.doc, _CONCEPT_WORDS)
    for tok in tokens:
        got = _concept(tok, phrase_root) if may is None or may[tok.i] else None  # (may_predicate: others give none)
        if got is None or tok.i in asked or unasserted(tok, content):
            continue
        if tok.pos_ in ("NOUN", "PROPN") and not content.start <= tok.head.i < content.end and cue == "assert" and (
                predicated_of(tok) is None):
            continue  # the content is only this noun ("defended the summer closure"): named, not asserted; a
            # denying or confirming cue predicates on it ("disputed the memo's authenticity")
        concept, sign = got
        neg = negation_of(tok)
        if neg is not None and not_denied(tok, neg):
            continue  # "did not act for six weeks", "never found everything": no denial (provenance.negations)
        if neg is not None:
            sign = -sign
        sign *= embedded_sign(tok, content)
        words = f"{neg.text} {tok.text}" if neg is not None and neg.i < tok.i else tok.text
        bound = next((c for c in tok.children if c.dep_ == "advmod" and c.lower_ in TIME_BOUND and (
            neg is not None and (c.lower_ in ("yet", "anymore") or abs(c.i - neg.i) == 1))), None)
        if neg is not None and bound is not None:  # "had not yet boarded", "can no longer": so far, or not now
            words = " ".join(t.text for t in sorted({neg, bound, tok}, key=lambda t: t.i))
        depth = _depth(tok, content)
        if concept not in found or depth < found[concept][0]:
            found[concept] = (depth, sign * flip, words, arguments(tok, context, content))
            for name, value in (("phrases", subject_phrase(tok)), ("modals", modal_on(tok)),
                                ("tenses", tense_on(tok))):
                if value is not None:
                    said[name][concept] = value
                elif name != "phrases":
                    said[name].pop(concept, None)
            (own.add if first_person(tok) else own.discard)(concept)
            years[concept] = years_on(tok)
    ordered = [c for c, _ in sorted(found.items(), key=lambda kv: kv[1][0])]
    out: dict[str, Any] = {
        "stances": tuple((c, found[c][1]) for c in ordered), "words": tuple((c, found[c][2]) for c in ordered),
        "arguments": tuple((c, found[c][3][1]) for c in ordered), "heads": tuple((c, found[c][3][0]) for c in ordered),
        "own": tuple(c for c in ordered if c in own), "years": tuple((c, years[c]) for c in ordered if years[c])}
    out.update({name: tuple((c, values[c]) for c in ordered if c in values) for name, values in said.items()})
    return out


def _depth(tok: Token, content: Span) -> int:
    depth, node = 0, tok
    while node.head.i != node.i and content.start <= node.head.i < content.end:
        depth, node = depth + 1, node.head
    return depth


def _keys(tokens: Sequence[Token], ents: list[Span]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    keys: list[str] = []
    documents: list[str] = []
    for ent in ents:
        if ent.label_ in _KEY_ENTS:
            keys.append(ent.text.lower().removeprefix("the ").removesuffix("'s"))
    for tok in tokens:
        if tok.pos_ in ("NOUN", "PROPN") and tok.is_alpha and not tok.is_stop and len(tok) > 2:
            lemma = tok.lemma_.lower()
            keys.append(lemma)
            if lemma in DOCUMENT_HEADS and tok.pos_ == "NOUN":
                documents.append(lemma)
    return tuple(dict.fromkeys(keys)), tuple(dict.fromkeys(documents))


def _names(ents: list[Span]) -> tuple[str, ...]:
    """The people, places and bodies a content names, whole ("brennick street", not "street"), and a person's
    surname alone (a later report may give only "Lind")."""
    out: list[str] = []
    for ent in ents:
        if ent.label_ in _KEY_ENTS and ent.label_ not in ("NORP", "LAW", "WORK_OF_ART", "PRODUCT", "EVENT"):
            out.append(ent.text.lower().removeprefix("the ").removesuffix("'s").removesuffix("’s"))
            if ent.label_ == "PERSON" and len(ent) > 1:
                out.append(ent[-1].lower_)
    return tuple(dict.fromkeys(out))


def _context(doc: Doc, content: Span, tokens: Sequence[Token], attribution: Attribution) -> tuple[str, ...]:
    """What "it" in "it will close" may be about, when the content's subject is a pronoun: the nouns before the
    pronoun, nearest first -- in the content, then in its sentence, then in the sentence before -- leaving out
    people's names and the source (the speaker is not what they speak of)."""
    pronouns = [t for t in tokens if (t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in THING_PRONOUNS)
                or (t.dep_ == "poss" and t.lower_ in ("its", "their"))]
    if not pronouns:
        return ()
    source = attribution.source
    first = content[0].sent
    start = doc[first.start - 1].sent.start if first.start > 0 else first.start
    nouns: list[str] = []
    subjects: list[str] = []  # the likelier antecedent ("An unsigned memo ... disputed its origin")
    pos = token_arrays(doc).pos[start : pronouns[0].i]  # (only a noun passes the tests below)
    for tok in (doc[start + k] for k in reversed(positions((pos == _NOUN) | (pos == _PROPN)))):
        if source is not None and source.start <= tok.idx < source.end:
            continue
        if tok.ent_type_ == "PERSON" or tok.pos_ not in ("NOUN", "PROPN") or not tok.is_alpha or tok.is_stop:
            continue
        if len(tok) > 2:
            nouns.append(tok.lemma_.lower())
            if tok.dep_ in ("nsubj", "nsubjpass"):
                subjects.append(tok.lemma_.lower())
    return tuple(dict.fromkeys(subjects + nouns))


def claim_of(doc: Doc, ordinal: int, attribution: Attribution, text: str | None = None,
             ents: list[Span] | None = None, starts: list[int] | None = None) -> Claim:
    """The claim of one attribution, read off the article's parse ``doc``. ``text`` (``doc.text``) and ``ents``
    (``list(doc.ents)``) are given by :func:`claims` once for all of an article's attributions: spaCy builds both
    anew on every access; so are ``starts``, the first token of each of ``ents``."""
    text = doc.text if text is None else text
    ents = list(doc.ents) if ents is None else ents
    content = _span(doc, attribution.content.start, attribution.content.end)
    if content is None or len(content) == 0:
        return Claim(ordinal, cue="unclear")
    cue = _span(doc, attribution.cue.start, attribution.cue.end) if attribution.cue is not None else None
    decided = CUE_STANCE_RULES.first(CueCase(cue, content, attribution.content.of(text)))
    stance = cast(CueStance, decided[1] if decided is not None else "assert")
    tokens = list(content)  # (each pass below walks these: spaCy builds a Token anew on each walk of the span)
    if stance == "assert" and counterfactual(content, tokens):
        stance = "unclear"
    context = _context(doc, content, tokens, attribution)
    read = _stances(content, tokens, stance, context)
    inside = _within(ents, starts, content) if starts is not None else [
        e for e in ents if content.start <= e.start and e.end <= content.end]
    keys, documents = _keys(tokens, inside)
    return Claim(
        ordinal=ordinal, cue=stance, **read,
        condition=condition_of(content, tokens), numbers=numbers(content, tokens), keys=keys,
        names=_names(inside),
        context=context, documents=documents, signal=signal_of(content, tokens),
        sides=sides_with(content, tokens),
        own_words=attribution.type in ("direct", "mixed"),
    )


def claims(doc: Doc, attributions: tuple[Attribution, ...] | list[Attribution]) -> tuple[Claim, ...]:
    """The claim of each attribution of an article, in order; ``doc`` is the article's parse."""
    text, ents = doc_text(doc), list(doc_ents(doc))
    starts = [e.start for e in ents]
    return tuple(claim_of(doc, i, a, text, ents, starts) for i, a in enumerate(attributions))


def _within(ents: list[Span], starts: list[int], content: Span) -> list[Span]:
    """The entities inside ``content``: ``ents`` are in order and apart (a Doc's), ``starts`` their first tokens."""
    out = []
    for k in range(bisect_left(starts, content.start), len(ents)):
        if starts[k] >= content.end:
            break
        if ents[k].end <= content.end:
            out.append(ents[k])
    return out


__all__ = ["CONFLICT_SIGNALS", "DEONTIC", "HEDGES", "NEGATORS", "Claim", "CueStance", "claim_of", "claims"]
