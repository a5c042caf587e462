"""Cues on the parse and the statements they start.

Verbs of saying/believing with a clause complement (or, with the cue model, an object complement), "according
to", nouns of saying with a that-clause, parenthetical "X said"; each becomes a :class:`Statement`, an attribution
under construction. Which kind of cue a token is, is decided by the rules of the table ``cues`` at the foot of
this module (``python -m onrecord.attribution.rules`` lists them); the parts of a statement (a content's extent,
a verb's source, the kind) by the tables of :mod:`.extent` and :mod:`.cueparts`; the phrases they read (subject,
source, a content's characters) are found by :mod:`.phrases`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Container
from dataclasses import dataclass, field, replace
from typing import cast

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.arrays import positions, token_arrays
from onrecord.attribution.candidates import may_cue
from onrecord.attribution.cuemodel import CONTENT_DEPS, CUE_POS, CueModel, WordFeatures, load_cue_model
from onrecord.attribution.cueparts import (
    ACCORDING,
    KIND,
    VERB_SOURCE,
    According,
    KindCase,
    VerbCue,
    parenthetical_content,
)
from onrecord.attribution.extent import absolute_phrase, closing_clause, complement_content, tail_end, to_quotation_end
from onrecord.attribution.phrases import CLAUSE_DEPS, noun_phrase, quote_marker, span_chars, that_said
from onrecord.attribution.quotes import Quote
from onrecord.attribution.rules import RuleTable, rule
from onrecord.attribution.subjects import misparsed_subject, subject_of
from onrecord.attribution.thatclause import clause_start, own_that_clause, stranded_that_clause
from onrecord.lexicon.en import BELIEF_VERBS, FINDING_NOUNS, SAID_IN_NOUNS, SPEECH_NOUNS, SPEECH_VERBS
from onrecord.types import CharSpan, CueKind, Relay


@dataclass(frozen=True, slots=True)
class Statement:
    """An attribution under construction (token-level handles kept until it is written out): what a cue, a
    quotation or a transcript line says, and who says it. ``rule`` names the rule that made it."""

    content: CharSpan
    cue: Token | None
    cue_span: CharSpan | None
    source: Span | None
    kind: CueKind
    confidence: float
    origin: str
    quote: Quote | None = None
    relays: tuple[Relay, ...] = ()
    form: str = "clause"  # clause: a clause or quotation was said; object: an act or stance towards something
    rule: str | None = None


def cue_words(statement: Statement) -> str | None:
    """The statement's cue as the rules' examples write it: its words in the text (None without a cue)."""
    span = statement.cue_span
    anchor = statement.cue if statement.cue is not None else statement.source
    if span is None or anchor is None:
        return None
    return anchor.doc.text[span.start : span.end]


class CueFinder:
    """The cues of one parsed document: which words can be cues, their complements (the cue model's scores),
    and :meth:`statements`, every statement the table ``cues`` finds."""

    def __init__(
        self,
        doc: Doc,
        text: str | None = None,
        *,
        quoted: Callable[[int], bool] | None = None,
        use_model: bool = True,
        threshold: float | None = None,
    ) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text is rebuilt on every access: read it once
        self.model: CueModel | None = load_cue_model() if use_model else None
        # the probability a (cue, dependent) pair needs to be a candidate: the model's own unless asked otherwise
        # (the accurate mode reads more candidates and lets its tagger judge them)
        self.threshold = threshold if threshold is not None else (self.model.threshold if self.model else 0.5)
        self.quoted = quoted or (lambda char: False)
        self.arrays = token_arrays(doc)
        self.starts: list[int] = self.arrays.idx.tolist()
        self._complements: dict[int, list[tuple[float, Token]]] = {}

    def cue_kind(self, tok: Token) -> tuple[CueKind, float] | None:
        """(kind, prior confidence) when ``tok`` can be a verb of saying or thinking at all."""
        if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
            return None
        lemma = tok.lemma_.lower()
        if (lemma == "say" and that_said(tok)) or (lemma == "quote" and quote_marker(tok)):
            return None
        if lemma in SPEECH_VERBS:
            return "speech", 0.8
        if lemma in BELIEF_VERBS:
            return "belief", 0.55
        return None

    def complements(self, tok: Token) -> list[tuple[float, Token]]:
        """The dependents of ``tok`` that can be its content, with the learned probability of each, best first."""
        found = self._complements.get(tok.i)
        if found is None:
            found = self._complements[tok.i] = self._find_complements(tok)
        return found

    def _find_complements(self, tok: Token) -> list[tuple[float, Token]]:
        if (tok.lemma_ == "say" and that_said(tok)) or (tok.lemma_ == "quote" and quote_marker(tok)):
            return []
        if self.model is not None:
            return self._scored_complements(self.model, tok)
        out: list[tuple[float, Token]] = []
        lemma = tok.lemma_.lower()
        for child in tok.children:  # without the model: verbs of saying and thinking with a clause
            if child.dep_ in CLAUSE_DEPS:
                if lemma in SPEECH_VERBS:
                    out.append((0.7, child))
                elif lemma in BELIEF_VERBS:
                    out.append((0.45, child))
        return self._in_paragraph(tok, out) if out else out  # (most verbs: no candidate)

    def _in_paragraph(self, tok: Token, out: list[tuple[float, Token]]) -> list[tuple[float, Token]]:
        # a complement in another paragraph is a parser error (a heading run into the next sentence)
        text = self.text
        lo = text.rfind("\n", 0, tok.idx) + 1
        hi = text.find("\n", tok.idx)
        hi = len(text) if hi < 0 else hi
        out = [(p, c) for p, c in out if lo <= c.idx < hi]
        # the best-scored first -- but of two clauses (a parser error), the one after the cue
        out.sort(key=lambda pc: -pc[0])
        clauses = [pc for pc in out if pc[1].dep_ in CLAUSE_DEPS]
        if len(clauses) > 1 and out[0] in clauses:
            right = [pc for pc in clauses if pc[1].i > tok.i]
            if right:
                out.remove(right[0])
                out.insert(0, right[0])
        return out

    def _scored_complements(self, model: CueModel, tok: Token) -> list[tuple[float, Token]]:
        out: list[tuple[float, Token]] = []
        if tok.pos_ not in CUE_POS or not (
                children := [c for c in tok.children if c.dep_ in CONTENT_DEPS and not absolute_phrase(c)]):
            return out
        subject = subject_of(tok)
        root = subject.root if subject is not None else None
        features = WordFeatures(tok, root, self.quoted(tok.idx))
        lemma = tok.lemma_.lower()
        for child, p in zip(children, model.probabilities(features, children), strict=True):
            if child.dep_ in CLAUSE_DEPS and (lemma in SPEECH_VERBS or lemma in BELIEF_VERBS):
                p = max(p, model.threshold)  # a verb of saying with a clause: always a candidate
            if p < self.threshold:
                continue
            if child.dep_ == "prep":
                obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is None:
                    continue
                child = obj
            out.append((p, child))
        return self._in_paragraph(tok, out) if out else out  # (most verbs: no candidate)

    def token_at(self, char: int) -> int:
        """Index of the token that contains or follows character ``char``."""
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def statements(self, unread: Callable[[Token], bool] | None = None) -> list[Statement]:
        """Every statement a cue on the parse makes, in the order of the cues (the table ``cues`` decides); not
        asked of the tokens ``unread`` leaves out (a scope that would drop what they make)."""
        out: list[Statement] = []
        doc = self.doc
        for i in positions(may_cue(self.arrays)):
            tok = doc[i]
            if unread is not None and unread(tok):
                continue
            decided = CUES.first(Word(self, tok))
            if decided is not None:
                out.append(replace(decided[1], rule=decided[0].name))
        return out


_THAT = ("acl", "ccomp", "appos")  # (how the parse hangs a noun's that-clause)


@dataclass(frozen=True, slots=True)
class Word:
    """What a ``cues`` rule looks at: a token that may be a cue, and the finder that reads its document."""

    finder: CueFinder
    tok: Token
    doc: Doc = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "doc", self.finder.doc)


def is_according_to(tok: Token) -> bool:
    """The "according" of "according to" (whatever the tagger made of it)."""
    return tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children)


def _fronted_in(tok: Token) -> bool:
    return tok.lower_ == "in" and tok.dep_ == "prep"


# -- the rules: which kind of cue a token is ------------------------------------------------------------------
@rule(
    "cues.according-to",
    ("The ferry will stop running in May, according to Ana Lind.", "according to"),
    ("According to Lakeview officials, the pier is unsafe.", "According to"),
)
def according_to(w: Word) -> Statement | None:
    """"According to X": X is the source of the clause the phrase belongs to (the table ``cues.according``
    decides which clause)."""
    tok = w.tok
    if not is_according_to(tok):
        return None
    to = next(c for c in tok.children if c.lower_ == "to")
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    decided = ACCORDING.first(According(w.doc, tok, to, obj))
    reading = decided[1] if decided is not None else None
    if reading is None or reading.content is None or len(reading.content) == 0:
        return None
    return Statement(
        content=reading.content, cue=tok, cue_span=CharSpan(tok.idx, to.idx + len(to.text)), source=reading.source,
        kind="speech", confidence=reading.confidence, origin="according",
    )


@rule("cues.fronted-finding", ("In the latest poll, Mira Oduya leads by five points.", "In"))
def fronted_finding(w: Word) -> Statement | None:
    """"In the latest poll, Clinton leads by five points": a fronted finding's source before the comma."""
    tok, doc = w.tok, w.doc
    if not _fronted_in(tok):
        return None
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    host = tok.head
    if obj is None or obj.lemma_.lower() not in FINDING_NOUNS or host.pos_ not in ("VERB", "AUX"):
        return None
    first = tok.sent.start
    while first < tok.i and (doc[first].is_punct or doc[first].dep_ == "cc"):
        first += 1
    comma = tok.right_edge.i + 1
    if first != tok.i or comma >= len(doc) or doc[comma].text != "," or host.i < comma:
        return None
    if w.finder.cue_kind(host) is not None or any(c.dep_ == "ccomp" for c in host.children):
        return None  # "In a statement, the ministry said ...": the verb is the cue
    end = host.right_edge.i + 1
    while end > comma + 1 and doc[end - 1].is_punct:
        end -= 1
    content = span_chars(doc, comma + 1, end)
    if content is None:
        return None
    return Statement(
        content=content, cue=tok, cue_span=CharSpan(tok.idx, tok.idx + len(tok.text)),
        source=doc[obj.left_edge.i : obj.right_edge.i + 1], kind="document", confidence=0.6, origin="according",
    )


def _noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and not is_according_to(tok) and not _fronted_in(tok)


def _that_clause(tok: Token, nouns: Container[str] = SPEECH_NOUNS, deps: Container[str] = _THAT) -> Token | None:
    """The that-clause of a noun of saying ("the claim that ..."), or of another of ``nouns``, if it has one."""
    if tok.lemma_.lower() not in nouns:
        return None
    return next((c for c in tok.children if c.dep_ in deps and any(
        g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)


def _saying_host(tok: Token) -> Token | None:
    """The verb of saying a noun is the medium of ("said in a statement that ...", "wrote in an email"), if any."""
    prep = tok.head
    verb = prep.head
    if tok.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX"):
        return None
    return verb if verb.lemma_.lower() in SPEECH_VERBS and verb.i < tok.i else None


@rule(
    "cues.said-in-noun-that-clause",
    ("Ivo Tarn, a spokesman for the Lakeview council, said in a statement that the harbour team would work with the "
     "police.", "said"),
    ("Ivo Tarn, asked for comment after the meeting, said in a brief statement that the mayor “respects the board’s "
     "work” but remained opposed to the plan.", "said"),
    ("The Harbour Review Board said in a written response to questions that it had received “a number of "
     "complaints” this year.", "said"),
)
def said_in_noun_that_clause(w: Word) -> Statement | None:
    """"X said in a statement that ...": the parser hung the that-clause on the noun; the clause is the
    verb's content and its subject the source (the cue phrase, in PolNeAR's convention, "said in a
    statement"); so a document or channel the words came in ("said in a report that ..."), also when the parser
    hung the clause on what the noun answered ("said in a written response to questions that ...")."""
    if not _noun(w.tok):
        return None
    clause = _that_clause(w.tok, SAID_IN_NOUNS, (*_THAT, "relcl"))  # (relcl: "that" marks it)
    if clause is None and w.tok.lemma_.lower() in SAID_IN_NOUNS:
        clause = _addressed_that_clause(w.tok)
    verb = _saying_host(w.tok) if clause is not None else None
    if clause is None or verb is None:
        return None
    said = Word(w.finder, verb)
    # (what the verb's conjoined predicates add: "… that the mayor “respects her” but remained opposed")
    content = span_chars(w.doc, clause.left_edge.i, tail_end(said, clause, "clause"))
    return _verb_statement(said, content, 0.7, "clause", raised=False)


def _addressed_that_clause(tok: Token) -> Token | None:
    """"said in a written response to questions that ...": the parser hung the that-clause on the object of the
    noun's "to" (what the response answered), not on the noun; the clause must follow that object directly."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "to":
            continue
        for obj in prep.children:
            clause = next((c for c in obj.children if c.dep_ in (*_THAT, "relcl") and c.i > obj.i and any(
                g.dep_ == "mark" and g.lower_ == "that" and g.i == obj.i + 1 for g in c.children)), None)
            if obj.dep_ == "pobj" and clause is not None:
                return clause
    return None


@rule("cues.noun-that-clause", ("Ana Lind's warning that the pier would close upset the council.", "warning"))
def noun_that_clause(w: Word) -> Statement | None:
    """"Trump's warning that ...", "the claim that ...": a noun of saying with a that-clause; the possessor,
    if any, is the source, else who "from" or "by" names right after the noun ("an admission from X that")."""
    if not _noun(w.tok):
        return None
    clause = _that_clause(w.tok)
    return _noun_statement(w, clause, "clause", 0.6) if clause is not None else None


@rule("cues.noun-object", ("Ivo Tarn's criticism of the plan was sharp.", "criticism"))
def noun_object(w: Word) -> Statement | None:
    """Nouns the cue model scores as introducing attributed content ("Clinton's criticism of the plan", "his
    support for the bill"), when a possessor says whose stance it is."""
    if not _noun(w.tok) or _that_clause(w.tok) is not None or w.finder.model is None or not _has_holder(w.tok):
        return None  # (whose stance it is, checked before the complements are scored: most nouns have none)
    options = w.finder.complements(w.tok)
    if not options:
        return None
    prior, clause = options[0]
    return _noun_statement(w, clause, "object", prior)


def _has_holder(tok: Token) -> bool:
    """Does the noun say whose it is: a possessor, or the subject of a verb the parser read as a noun?"""
    return any(c.dep_ == "poss" for c in tok.children) or misparsed_subject(tok) is not None


def _noun_statement(w: Word, clause: Token, form: str, prior: float) -> Statement | None:
    tok = w.tok
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    source = noun_phrase(w.doc, poss, possessive=True) if poss is not None else misparsed_subject(tok)
    agent = _noun_agent(tok) if source is None and form == "clause" else None
    source = noun_phrase(w.doc, agent) if agent is not None else source
    if form == "object" and source is None:
        return None  # a stance noun without its holder ("the support for ...") says nothing about who
    content = span_chars(w.doc, clause.left_edge.i, clause.right_edge.i + 1)
    if content is None:  # (never: a clause has a word)
        return None
    return Statement(
        content=content, cue=tok, cue_span=CharSpan(tok.idx, tok.idx + len(tok.text)), source=source,
        kind="speech" if form == "clause" else "belief", confidence=prior if source is not None else prior - 0.2,
        origin="noun", form=form,
    )


def _noun_agent(tok: Token) -> Token | None:
    """Who made the statement a noun of saying names with "by" or "from" before its that-clause ("an admission
    from Ana Lind that ...", "the suggestion by a former mayor that ..."): a name, a pronoun or a person noun
    phrase, not a time ("the warning from Tuesday") or a number."""
    for prep in tok.rights:
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep.dep_ == "prep" else None
        if obj is None or prep.lower_ not in ("by", "from") or prep.i != tok.i + 1:
            continue
        if obj.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY") or obj.like_num:
            return None
        return obj if obj.pos_ in ("PROPN", "PRON", "NOUN") else None
    return None


def _verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and not is_according_to(tok) and not _fronted_in(tok)


@rule(
    "cues.addressee-that-clause",
    ("Ana Lind defended the harbour levy on Tuesday, telling a packed chamber that the town could no longer "
     "“borrow its way out of a hole” and that the levy would raise 2 million crowns.", "telling"),
    ("The harbour's lawyer, Ana Lind, advised members before the vote that the levy had been checked by outside "
     "counsel and was “lawful.”", "advised"),
)
def addressee_that_clause(w: Word) -> Statement | None:
    """"telling a packed chamber that ...": the parser hung the that-clause on the verb's addressee, as if the
    noun took it; a clause with its own "that" and subject is what the verb of saying says (and the verb's
    conjoined "and that ..." with it). Not a relative clause ("the chamber that voted": "that" its subject). So
    a clause hung on a phrase between them ("advised members before the vote that ...": :mod:`.thatclause`)."""
    tok = w.tok
    found = w.finder.cue_kind(tok) if _verb(tok) else None
    if found is None or found[0] != "speech":
        return None
    clause = next((c for obj in tok.rights if obj.dep_ in ("dobj", "dative") and obj.lemma_.lower() not in SPEECH_NOUNS
                   for c in obj.rights if c.dep_ == "acl" and own_that_clause(c)), None) or stranded_that_clause(
        tok, lambda t: (w.finder.cue_kind(t) or ("",))[0] == "speech")
    if clause is None:
        return None
    content = span_chars(w.doc, clause_start(clause), tail_end(w, clause, "clause"))
    return _verb_statement(w, content, found[1] - 0.1, "clause", raised=False)


@rule(
    "cues.verb-complement",
    ("Ana Lind said that the pier would close.", "said"),
    ("Ivo Tarn believes the ferry is too slow.", "believes"),
)
def verb_complement(w: Word) -> Statement | None:
    """A verb of saying or thinking with a clause complement ("X said that ..."), or, as the cue model scores
    it, a verb with an object complement ("X criticized the plan"): the complement is the content (its extent
    is decided in :mod:`.extent`)."""
    if not _verb(w.tok):
        return None
    options = w.finder.complements(w.tok)
    if not options:
        return None
    prior, clause = options[0]
    content, form, raised = complement_content(w, clause)
    return _verb_statement(w, to_quotation_end(w, content) if form == "clause" else content, prior, form,
                           raised=raised)


@rule(
    "cues.parenthetical",
    ("The pier, Ana Lind said, will close in May.", "said"),
)
def parenthetical(w: Word) -> Statement | None:
    """A parenthetical "X said" without a complement of its own ("Too often, Mr. Clarke said, the debate ..."):
    the clause it interrupts or closes is the content (the table ``cues.parenthetical`` decides which part)."""
    tok = w.tok
    if not _verb(tok) or w.finder.complements(tok) or tok.dep_ != "parataxis":
        return None
    found = w.finder.cue_kind(tok)
    if found is None:
        return None
    return _verb_statement(w, parenthetical_content(w), found[1] - 0.1, "clause", raised=False)


@rule("cues.closing-cue", ("Parking fines are a cost for the drivers who collect them, and for the town at large, "
                            "argued Ana Lind.", "argued"))
def closing_cue(w: Word) -> Statement | None:
    """A verb of saying that closes its sentence after a comma with only its subject beside it ("…, Ana Lind
    writes.", "…, argued Ana Lind."), where the parser made no clause complement of what comes before (it read
    the content's subject as the verb's, or the name as its object): that is the content, from the sentence's
    start (:func:`.extent.closing_clause`), and the subject its source."""
    tok = w.tok
    if tok.dep_ == "parataxis" or any(c.dep_ in CLAUSE_DEPS for c in tok.lefts):  # (its children before it)
        return None  # (the parse read the sentence: the rules after this one take it)
    found = w.finder.cue_kind(tok)
    closing = closing_clause(w) if found is not None and found[0] == "speech" else None
    if found is None or closing is None:
        return None
    content, source = closing
    kind = KIND.first(KindCase(tok, source))
    return Statement(
        content=content, cue=tok, cue_span=CharSpan(tok.idx, tok.idx + len(tok.text)), source=source,
        kind=cast("CueKind", kind[1]) if kind is not None else "speech", confidence=found[1] - 0.1, origin="verb",
    )


def _verb_statement(w: Word, content: CharSpan | None, prior: float, form: str, *, raised: bool) -> Statement | None:
    """A verb cue's statement: its source (the table ``cues.verb-source``; none when the subject is raised into
    the claim) and kind (``cues.kind``)."""
    if content is None:
        return None
    tok = w.tok
    found = None if raised else VERB_SOURCE.first(VerbCue(w.doc, tok, content))
    source = found[1] if found is not None else None
    kind = KIND.first(KindCase(tok, source))
    return Statement(
        content=content, cue=tok, cue_span=CharSpan(tok.idx, tok.idx + len(tok.text)), source=source,
        kind=cast("CueKind", kind[1]) if kind is not None else "belief",
        confidence=prior if source is not None else prior - 0.2, origin="verb", form=form,
    )


#: Which kind of cue a token is: the first rule that makes a statement of it wins.
CUES: RuleTable[Word, Statement] = RuleTable(
    "cues",
    [according_to, fronted_finding, said_in_noun_that_clause, noun_that_clause, noun_object, addressee_that_clause,
     closing_cue, verb_complement, parenthetical],
    describe=cue_words,
)
