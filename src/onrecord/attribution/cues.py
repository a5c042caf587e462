"""Cues on the parse and the candidates they start.

Verbs of saying/believing with a clause complement (or, with the cue model, an object complement), "according
to", nouns of saying with a that-clause, parenthetical "X said"; each becomes a :class:`Candidate`, an attribution
under construction. Also the shared token helpers: :func:`subject_of`, the source phrase, the content span.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.cuemodel import CONTENT_DEPS, CUE_POS, load_cue_model, pair_features
from onrecord.lexicon.en import (
    BELIEF_VERBS,
    DASH_TOKENS,
    DOCUMENT_VERBS,
    FINDING_NOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
)
from onrecord.attribution.quotes import Quote
from onrecord.types import CharSpan, Relay

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLAUSE_DEPS = ("ccomp",)
#: What completes an object content after the chosen dependent ("cited the election as a reason to ..."); not a
#: conjoined verb ("praised the plan but also asked for time": a second predicate of the speaker's).
_OBJECT_TAIL = ("oprd", "xcomp", "acomp", "attr", "ccomp", "prep", "dobj", "dative")
#: A trailing aside set off by a comma that is not part of an object content ("likened RT to the BBC, which ...").
_ASIDE_DEPS = ("relcl", "advcl", "acl")
_CLAUSE_TAIL = ("conj",)
_FOCUS_ADVERBS = frozenset("even also only just too still yet".split())
#: Verbs whose subject belongs to the claim ("X seems to be ...", "X is expected to ...").
_RAISING = frozenset("seem appear".split())
#: ... and verbs that do so in the passive only ("X is expected to", but "Brun expects to win").
_RAISING_PASSIVE = frozenset("expect project predict forecast".split())
_PUNCT_EDGE = " \t\n,;:—–-"
#: Words that join a sentence to the one before without being part of its claim ("But according to ...").
_CONNECTIVES = frozenset("but and yet so still however meanwhile also now then".split())


def _connectives_only(tokens: Span) -> bool:
    """Do only conjunctions, connectives and punctuation stand here ("But", "And yet,")? Then an "according to"
    after them still opens its sentence."""
    return all(t.is_punct or t.is_space or t.dep_ == "cc" or t.pos_ == "CCONJ" or t.lower_ in _CONNECTIVES
               for t in tokens)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An attribution under construction (token-level handles kept until it is written out)."""

    content: CharSpan
    cue: Token | None
    cue_span: CharSpan | None
    source: Span | None
    kind: str
    confidence: float
    origin: str
    quote: Quote | None = None
    relays: tuple[Relay, ...] = ()
    form: str = "clause"  # clause: a clause or quotation was said; object: an act or stance towards something


class CueFinder:
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
        self.model = load_cue_model() if use_model else None
        # the probability a (cue, dependent) pair needs to be a candidate: the model's own unless asked otherwise
        # (the accurate mode reads more candidates and lets its tagger judge them)
        self.threshold = threshold if threshold is not None else (self.model.threshold if self.model else 0.5)
        self.quoted = quoted or (lambda char: False)
        self.starts = [t.idx for t in doc]

    def cue_kind(self, tok: Token) -> tuple[str, float] | None:
        """(kind, prior confidence) when ``tok`` can be a verb of saying or thinking at all."""
        if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
            return None
        lemma = tok.lemma_.lower()
        if lemma == "say" and _that_said(tok):
            return None
        if lemma in SPEECH_VERBS:
            return "speech", 0.8
        if lemma in BELIEF_VERBS:
            return "belief", 0.55
        return None

    def complements(self, tok: Token) -> list[tuple[float, Token]]:
        """The dependents of ``tok`` that can be its content, with the learned probability of each."""
        if tok.lemma_ == "say" and _that_said(tok):
            return []
        if self.model is not None:
            return self._scored_complements(tok)
        out: list[tuple[float, Token]] = []
        lemma = tok.lemma_.lower()
        for child in tok.children:  # without the model: verbs of saying and thinking with a clause
            if child.dep_ in _CLAUSE_DEPS:
                if lemma in SPEECH_VERBS:
                    out.append((0.7, child))
                elif lemma in BELIEF_VERBS:
                    out.append((0.45, child))
        return self._in_paragraph(tok, out)

    def _in_paragraph(self, tok: Token, out: list[tuple[float, Token]]) -> list[tuple[float, Token]]:
        # a complement in another paragraph is a parser error (a heading run into the next sentence)
        text = self.text
        lo = text.rfind("\n", 0, tok.idx) + 1
        hi = text.find("\n", tok.idx)
        hi = len(text) if hi < 0 else hi
        out = [(p, c) for p, c in out if lo <= c.idx < hi]
        # the best-scored first -- but of two clauses (a parser error), the one after the cue
        out.sort(key=lambda pc: -pc[0])
        clauses = [pc for pc in out if pc[1].dep_ in _CLAUSE_DEPS]
        if len(clauses) > 1 and out[0] in clauses:
            right = [pc for pc in clauses if pc[1].i > tok.i]
            if right:
                out.remove(right[0])
                out.insert(0, right[0])
        return out

    def _scored_complements(self, tok: Token) -> list[tuple[float, Token]]:
        out: list[tuple[float, Token]] = []
        children = [c for c in tok.children if c.dep_ in CONTENT_DEPS]
        if not children or tok.pos_ not in CUE_POS:
            return out
        subject = subject_of(tok)
        root = subject.root if subject is not None else None
        quoted = self.quoted(tok.idx)
        lemma = tok.lemma_.lower()
        for child in children:
            p = self.model.probability(pair_features(tok, child, root, quoted))
            if child.dep_ in _CLAUSE_DEPS and (lemma in SPEECH_VERBS or lemma in BELIEF_VERBS):
                p = max(p, self.model.threshold)  # a verb of saying with a clause: always a candidate
            if p < self.threshold:
                continue
            if child.dep_ == "prep":
                child = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                if child is None:
                    continue
            out.append((p, child))
        return self._in_paragraph(tok, out)

    def token_at(self, char: int) -> int:
        """Index of the token that contains or follows character ``char``."""
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def syntactic(self) -> list[Candidate]:
        out: list[Candidate] = []
        for tok in self.doc:
            if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
                cand = self._according(tok)
            elif tok.lower_ == "in" and tok.dep_ == "prep":
                cand = self._fronted_in(tok)
            elif tok.pos_ == "NOUN":
                cand = self._nominal(tok)
            else:
                cand = self._verbal(tok)
            if cand is not None:
                out.append(cand)
        return out

    def _verbal(self, tok: Token) -> Candidate | None:
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        lemma = tok.lemma_.lower()
        kind = "speech" if lemma in SPEECH_VERBS else "belief"
        options = self.complements(tok)
        content: CharSpan | None = None
        prior = 0.0
        form = "clause"
        raised = False
        if options:
            prior, clause = options[0]
            form = "clause" if clause.dep_ in _CLAUSE_DEPS else "object"
            end = clause.right_edge.i + 1
            if clause.i > tok.i:
                tail = _OBJECT_TAIL if form == "object" else _CLAUSE_TAIL
                # "called half of them “deplorables”", "cited the election as a reason to ...": the object and
                # what completes it; "says she hopes to win, but she knows that ...": coordinated clauses
                for child in tok.rights:
                    if child.i > clause.i and child.dep_ in tail and "\n" not in self.doc[clause.i : child.i].text:
                        if child.dep_ == "conj" and self.cue_kind(child) is not None:
                            break  # "said X and added Y": the next cue starts its own attribution
                        if child.lower_ == "according":
                            break
                        if child.dep_ == "prep" and not _completes(child):
                            break  # "denounced the annexation in an on-air diatribe": when, where, how -- the act's
                        end = max(end, child.right_edge.i + 1)
            start = clause.left_edge.i
            lead = self.doc[start : min(start + 3, tok.i)]
            marker = next((t for t in lead if t.lemma_ == "say" and _that_said(t)), None)
            if marker is not None:
                start = marker.i + 2  # "That being said, “…,” she said": the connective is not what she said
            if clause.dep_ == "xcomp" and (lemma in _RAISING or lemma in _RAISING_PASSIVE and any(
                    c.dep_ == "nsubjpass" for c in tok.children)):
                # "About one in nine voters is expected to be Latino": the whole clause is the claim
                subj = next((c for c in tok.children if c.dep_ in _SUBJECTS), None)
                if subj is not None and subj.i < tok.i:
                    start = subj.left_edge.i
                    raised = True
            if form == "object" and clause.i > tok.i:
                # "criticized Shelby for shooting ...", "urged North Korea to resume ...", "called Clinton a
                # champion": the act or stance is towards the object as well -- but not a trailing aside
                obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative") and tok.i < c.i < clause.i
                            and c.left_edge.i > tok.i), None)
                if obj is not None and "\n" not in self.doc[obj.left_edge.i : clause.i].text:
                    start = min(start, obj.left_edge.i)
                end = _without_aside(self.doc, start, end)
            content = _span_chars(self.doc, start, end)
        elif tok.dep_ == "parataxis" and self.cue_kind(tok):
            # "Too often, Mr. Clarke said, the debate ..." -> the host clause, interruption included
            host = tok.head
            lo, hi = host.left_edge.i, host.right_edge.i + 1
            if host.pos_ not in ("VERB", "AUX"):  # misparsed around the cue: the sentence is the host
                lo, hi = tok.sent.start, tok.sent.end
            left, right = tok.left_edge.i, tok.right_edge.i + 1
            while hi > right and self.doc[hi - 1].is_punct:
                hi -= 1
            if right >= hi:  # "“The pier will close,” she said." -- the cue clause closes the sentence
                content = _span_chars(self.doc, lo, left)
            elif left <= lo:  # "She said, the pier will close."
                content = _span_chars(self.doc, right, hi)
            elif _between_quotations(self.doc, left, right):
                return None  # “A,” she said, “B.”: two quotations, each attached on its own (and B continues A)
            else:  # interrupted: the envelope, interruption included
                content = _span_chars(self.doc, lo, hi)
            prior = self.cue_kind(tok)[1] - 0.1
        if content is None:
            return None
        source = None if raised else _same_paragraph(subject_of(tok), tok) or _left_name(self.doc, tok) or (
            _right_name(self.doc, tok) if content.end <= tok.idx else None)
        if kind == "speech" and source is not None and source.root.lemma_.lower() in ("report", "study", "poll",
                                                                                         "survey", "data"):
            kind = "document"
        if tok.lemma_.lower() in DOCUMENT_VERBS and source is not None and source.root.pos_ == "NOUN" \
                and source.root.lemma_.lower() not in ("official", "spokesman", "spokeswoman"):
            if tok.lemma_.lower() in ("find", "show", "indicate", "reveal", "estimate"):
                kind = "document"
        return Candidate(
            content=content,
            cue=tok,
            cue_span=CharSpan(tok.idx, tok.idx + len(tok.text)),
            source=source,
            kind=kind,
            confidence=prior if source is not None else prior - 0.2,
            origin="verb",
            form=form,
        )

    def _according(self, tok: Token) -> Candidate | None:
        to = next(c for c in tok.children if c.lower_ == "to")
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        source = self.doc[obj.left_edge.i : obj.right_edge.i + 1]
        host = tok.head
        phrase_start, phrase_end = tok.i, obj.right_edge.i + 1
        comma = next((t for t in source if t.text == "," and t.i > obj.i), None)
        opens = _connectives_only(self.doc[tok.sent.start : tok.i])
        if comma is not None and opens and any(t.pos_ in ("VERB", "AUX") and t.i > comma.i for t in source):
            # "According to X, the move reeks of ..." parsed as one phrase: the clause after the comma is the content
            clause_end = source.end
            source = self.doc[obj.left_edge.i : comma.i]
            content = _span_chars(self.doc, comma.i + 1, clause_end)
            if content is None:
                return None
            return Candidate(content=content, cue=tok, cue_span=CharSpan(tok.idx, to.idx + len(to.text)),
                             source=source, kind="speech", confidence=0.6, origin="according")
        root = tok.sent.root
        if (tok.i <= tok.sent.start + 1 or phrase_end >= tok.sent.end - 1) and root.i != tok.i:
            host = root  # a sentence-initial or sentence-final "according to" scopes over the whole sentence
        lo, hi = host.left_edge.i, host.right_edge.i + 1
        while hi > phrase_end and self.doc[hi - 1].is_punct:
            hi -= 1
        # "But according to X, ...": a conjunction or connective ahead of the phrase does not make it a tail
        fronted = tok.i <= lo or _connectives_only(self.doc[lo : tok.i])
        if fronted:  # "According to X, ..."
            # "According to X, the city's engineer, the supports ..." -- an apposition the parser made a subject
            subjects = [c for c in host.children if c.dep_ in _SUBJECTS]
            if len(subjects) >= 2:
                edge = subjects[0].right_edge.i
                if self.doc[edge].text != "," and edge + 1 < len(self.doc) and self.doc[edge + 1].text == ",":
                    edge += 1
                if self.doc[edge].text == ",":
                    phrase_end = edge + 1
                    source = self.doc[obj.left_edge.i : edge]
            content = _span_chars(self.doc, phrase_end, hi)
        elif phrase_end >= hi:  # "..., according to X."
            content = _span_chars(self.doc, lo, phrase_start)
        else:  # "..., according to X, and ...": the clause before it
            content = _span_chars(self.doc, lo, phrase_start)
        if content is None or len(content) == 0:
            return None
        return Candidate(
            content=content,
            cue=tok,
            cue_span=CharSpan(tok.idx, to.idx + len(to.text)),
            source=source,
            kind="speech",
            confidence=0.75,
            origin="according",
        )

    def _fronted_in(self, tok: Token) -> Candidate | None:
        """"In the latest poll, Clinton leads by five points": a fronted finding's source before the comma."""
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        host = tok.head
        if obj is None or obj.lemma_.lower() not in FINDING_NOUNS or host.pos_ not in ("VERB", "AUX"):
            return None
        first = tok.sent.start
        while first < tok.i and (self.doc[first].is_punct or self.doc[first].dep_ == "cc"):
            first += 1
        comma = tok.right_edge.i + 1
        if first != tok.i or comma >= len(self.doc) or self.doc[comma].text != "," or host.i < comma:
            return None
        if self.cue_kind(host) is not None or any(c.dep_ == "ccomp" for c in host.children):
            return None  # "In a statement, the ministry said ...": the verb is the cue
        end = host.right_edge.i + 1
        while end > comma + 1 and self.doc[end - 1].is_punct:
            end -= 1
        content = _span_chars(self.doc, comma + 1, end)
        if content is None:
            return None
        return Candidate(
            content=content,
            cue=tok,
            cue_span=CharSpan(tok.idx, tok.idx + len(tok.text)),
            source=self.doc[obj.left_edge.i : obj.right_edge.i + 1],
            kind="document",
            confidence=0.6,
            origin="according",
        )

    def _nominal(self, tok: Token) -> Candidate | None:
        """"Trump's warning that ...", "the claim that ..." -- and nouns the cue model scores as introducing
        attributed content ("Clinton's criticism of the plan", "his support for the bill")."""
        clause = next(
            (c for c in tok.children if c.dep_ in ("acl", "ccomp", "appos") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children)),
            None,
        )
        form = "clause"
        prior = 0.6
        if clause is None or tok.lemma_.lower() not in SPEECH_NOUNS:
            options = self.complements(tok) if self.model is not None else []
            if not options:
                return None
            prior, clause = options[0]
            form = "object"
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        source = _phrase(self.doc, poss, possessive=True) if poss is not None else _misparsed_subject(tok)
        if form == "object" and source is None:
            return None  # a stance noun without its holder ("the support for ...") says nothing about who
        return Candidate(
            content=_span_chars(self.doc, clause.left_edge.i, clause.right_edge.i + 1),
            cue=tok,
            cue_span=CharSpan(tok.idx, tok.idx + len(tok.text)),
            source=source,
            kind="speech" if form == "clause" else "belief",
            confidence=prior if source is not None else prior - 0.2,
            origin="noun",
            form=form,
        )


def subject_of(verb: Token) -> Span | None:
    """The verb's subject phrase, inherited along participles and conjunctions ("…, saying …")."""
    doc = verb.doc
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subj is None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            if agent is not None:
                subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if subj is not None:
            return _phrase(doc, subj)
        if verb.dep_ in ("advcl", "conj", "xcomp", "acl", "acomp") and verb.head != verb:
            verb = verb.head
            continue
        if verb.dep_ == "pcomp" and verb.head.head != verb.head:
            # "by marveling at ...", "for refusing to ...": through the preposition to what it modifies
            host = verb.head.head
            if host.pos_ in ("NOUN", "PROPN"):
                poss = next((c for c in host.children if c.dep_ == "poss"), None)
                return _phrase(doc, poss) if poss is not None else None
            verb = host
            continue
        break
    return None


def _misparsed_subject(noun: Token) -> Span | None:
    """"Trump charges that ...": a verb of saying the parser read as a plural noun with a name as its compound;
    the name is the subject."""
    if noun.tag_ != "NNS" or not noun.text.endswith("s") or noun.text[:-1].lower() not in SPEECH_VERBS | BELIEF_VERBS:
        return None
    subject = next((c for c in noun.lefts if c.dep_ in _SUBJECTS), None)
    if subject is not None:  # "Okafor charges that ...", the noun made the root with a subject
        return _phrase(noun.doc, subject)
    names = [c for c in noun.lefts if c.dep_ == "compound" and (c.pos_ == "PROPN" or c.is_title)]
    if not names:  # "Trump charges that ...", the name made a compound of the noun
        return None
    return noun.doc[names[0].left_edge.i : noun.i]


def _same_paragraph(phrase: Span | None, cue: Token) -> Span | None:
    """The phrase, unless a paragraph break separates it from the cue (a heading the parser ran into the text):
    then the noun phrase that opens the cue's paragraph, when the parser hung it on the heading."""
    if phrase is None:
        return None
    doc = cue.doc
    lo, hi = (phrase.end, cue.i) if phrase.end <= cue.i else (cue.i + 1, phrase.start)
    if not any("\n" in t.text for t in doc[lo:hi]):
        return phrase
    start = cue.i
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    for tok in doc[start : cue.i]:
        if tok.pos_ in ("PROPN", "NOUN", "PRON") and not start <= tok.head.i < cue.i + 1:
            found = _phrase(doc, tok)
            return found if found.start >= start and found.end <= cue.i else None
    return None


def _phrase(doc: Doc, head: Token, *, possessive: bool = False) -> Span:
    """A noun phrase with its modifiers, without trailing punctuation, within the head's paragraph; with
    ``possessive``, a possessor keeps its "'s" ("Trump's" in "Trump's claim that ...", as news annotators mark it)."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    while end < len(doc) and head.head != head:
        # "said Chris Early", "said Harbor Radio co-host Ana Lind": one name or one hyphenated word parsed as
        # subjects side by side
        nxt = next((c for c in head.head.children if c.dep_ == head.dep_ and c.i > head.i and c.left_edge.i == end),
                   None)
        if nxt is None or not (head.pos_ == "PROPN" and nxt.pos_ == "PROPN" or not doc[end - 1].whitespace_):
            break
        end = nxt.right_edge.i + 1
    for k in range(head.i - 1, start - 1, -1):
        if "\n" in doc[k].text:
            start = k + 1
            break
    for k in range(head.i + 1, end):
        if "\n" in doc[k].text:
            end = k
            break
    # a dateline or a fronted phrase the parser took in: "BRUSSELS - European leaders", "the vote, Jo Roe"
    name_start = head.i
    while name_start > start and doc[name_start - 1].dep_ in ("compound", "amod", "det", "poss", "nummod", "case") \
            and doc[name_start - 1].text not in ",-—–":
        name_start -= 1
    for k in range(name_start - 1, start - 1, -1):
        if doc[k].text in DASH_TOKENS and k > 0 and doc[k - 1].whitespace_:
            start = k + 1
            break
    if start == 0 or "\n" in doc[start - 1].text_with_ws:
        # a dateline the parser made the phrase's head: "New York (AFP) – Vice President Ana Lind"
        for k in range(start + 1, min(end - 1, start + 8)):
            if doc[k].text in DASH_TOKENS and doc[k - 1].whitespace_ and doc[k].whitespace_:
                before = doc[start:k]
                if all(t.pos_ == "PROPN" or t.is_punct for t in before) and (
                    any(t.ent_type_ == "GPE" for t in before) or before.text.isupper()
                ) and not any(t.text in DASH_TOKENS and t.whitespace_ for t in doc[k + 1 : end]):
                    start = k + 1  # (a place, not "Democrats — and some Republicans — say")
                break
    if start < head.i and doc[start].dep_ == "advmod" and doc[start].lower_ in _FOCUS_ADVERBS:
        start += 1  # "Even China, ..."
    if end < len(doc) and doc[end].text == ")" and doc[start:end].text.count("(") > doc[start:end].text.count(")"):
        end += 1  # the parser hung the closing bracket on the verb
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ == "POS"
                               and not possessive):
        if doc[end - 1].text == ")" and "(" in doc[start : end - 1].text:
            break  # "Sen. Ana Lind (D-Ore.)": the bracket closes what the phrase opened
        end -= 1
    if end == head.i + 1 and head.pos_ == "PROPN":
        while end < len(doc) and name_word(doc[end]) and "\n" not in doc[end].text:
            end += 1  # "said Chris Early", the family name read as an adverb
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return doc[start:end]


def _span_chars(doc: Doc, start: int, end: int) -> CharSpan | None:
    """The characters of tokens ``start``..``end`` without edge punctuation and whitespace (:data:`_PUNCT_EDGE`),
    or None when nothing else is left. Reads only the edges, token by token: never the whole span's text, which
    made a document of many long clauses cost time and memory in the square of its length."""
    if end <= start:
        return None
    s = None
    for k in range(start, end):
        tok = doc[k]
        chars = tok.text if k == end - 1 else tok.text_with_ws
        i = 0
        while i < len(chars) and chars[i] in _PUNCT_EDGE:
            i += 1
        if i < len(chars):
            s = tok.idx + i
            break
    if s is None:
        return None
    e = s + 1
    for k in range(end - 1, start - 1, -1):
        tok = doc[k]
        chars = tok.text if k == end - 1 else tok.text_with_ws
        j = len(chars)
        while j > 0 and chars[j - 1] in _PUNCT_EDGE:
            j -= 1
        if j > 0:
            e = tok.idx + j
            break
    return CharSpan(s, e) if e > s else None


def _left_name(doc: Doc, verb: Token) -> Span | None:
    """A name or pronoun right before a verb the parser left without a subject (``”, Seely wrote``)."""
    end = verb.i
    while end > 0 and doc[end - 1].dep_ in ("aux", "neg", "advmod") and doc[end - 1].pos_ in ("AUX", "PART", "ADV") \
            and not doc[end - 1].is_title:
        end -= 1
    start = end
    while start > 0 and (doc[start - 1].pos_ in ("PROPN", "PRON") or doc[start - 1].is_title) \
            and doc[start - 1].tag_ not in ("PRP$", "WDT", "WP") and not doc[start - 1].is_sent_start:
        start -= 1
    if start == end or end - start > 5:
        return None
    return doc[start:end]


def _that_said(tok: Token) -> bool:
    """"That said, ..." / "That being said, ...": a connective, not a statement."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ",":
        return False
    k = tok.i - 1
    if k >= 0 and doc[k].lower_ == "being":
        k -= 1
    return k >= 0 and doc[k].lower_ in ("that", "this") and (
        doc[k].is_sent_start or k == 0 or doc[k - 1].is_punct or doc[k - 1].pos_ == "CCONJ")


def name_word(tok: Token) -> bool:
    """A capitalised word inside a sentence that the tagger read as another part of speech: a family name such as
    Early, Young or Long ("“…,” says Early.")."""
    if not tok.is_title or tok.is_sent_start or tok.pos_ not in ("ADV", "ADJ") or tok.ent_type_ in ("DATE", "TIME"):
        return False
    words = [t for t in tok.sent if t.is_alpha]
    return sum(t.is_title for t in words) * 2 < len(words)  # not in a headline, where every word is capitalised


def _right_name(doc: Doc, verb: Token) -> Span | None:
    """A name right after a verb that follows its content, when the tagger read the name as a modifier ("…,”
    says Early." with Early an adverb)."""
    end = verb.i + 1
    while end < len(doc) and end - verb.i <= 4 and (doc[end].pos_ == "PROPN" or name_word(doc[end])) \
            and doc[end].ent_type_ not in ("DATE", "TIME"):
        end += 1
    if end == verb.i + 1 or not name_word(doc[verb.i + 1]) and doc[verb.i + 1].dep_ in _SUBJECTS:
        return None
    if end < len(doc) and not doc[end].is_punct:
        return None  # "says Early voting ...": the words go on; not a name alone
    return doc[verb.i + 1 : end]


def _in_heading(text: str, tok: Token) -> bool:
    """Is the token in a heading, caption or boilerplate line ("Story continues below advertisement")?
    Such a line is short and does not end like a sentence."""
    return _lines(text).heading(tok.idx)


class _Lines:
    """The lines of one text, each judged once: :func:`_in_heading` is asked for every cue, and reading the whole
    line each time made one long paragraph cost time in the square of its length."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.judged: dict[int, bool] = {}

    def heading(self, pos: int) -> bool:
        k = bisect.bisect_left(self.breaks, pos)  # the first line break at or after pos ends its line
        if k not in self.judged:
            start = self.breaks[k - 1] + 1 if k else 0
            end = self.breaks[k] if k < len(self.breaks) else len(self.text)
            line = self.text[start:end].strip()
            self.judged[k] = len(line.split()) < 16 and line[-1:] not in ".!?\"”’'»:,;)"
        return self.judged[k]


@functools.lru_cache(maxsize=2)
def _lines(text: str) -> _Lines:
    """The lines of ``text``, kept for the text being read (a str caches its hash; the lookup compares identity
    first, so asking again for the same text costs nothing)."""
    return _Lines(text)


_CUE_LEFT_DEPS = ("aux", "auxpass", "neg", "advmod")
#: At most this many words between a verb cue and its content are taken into the cue ("said in an interview").
_CUE_LEAD_MAX = 6


def cue_phrase(doc: Doc, cue: Token, content: CharSpan) -> CharSpan:
    """The cue as news annotators mark it: the verb with the auxiliaries, negation and adverbs right before it
    ("has also said", "did not immediately respond"), and, when the content follows, the words that lead to it
    ("called for", "said in an interview", "said Monday") -- but not an addressee ("told reporters that")."""
    start, end = cue.i, cue.i + 1
    heads = {cue.i, *(c.i for c in cue.children if c.dep_ in ("aux", "auxpass"))}
    k = cue.i - 1
    while k >= 0 and doc[k].head.i in heads and doc[k].dep_ in _CUE_LEFT_DEPS and not doc[k].is_punct \
            and "\n" not in doc[k].text and not name_word(doc[k]):
        start = k
        k -= 1
    if content.start >= cue.idx + len(cue.text):
        k = cue.i + 1
        while k < len(doc) and doc[k].idx < content.start and k - cue.i <= _CUE_LEAD_MAX:
            t = doc[k]
            if (t.is_punct and t.text not in ("'", "’")) or "\n" in t.text \
                    or (t.dep_ in ("dobj", "dative") and t.head.i == cue.i):
                break
            k += 1
        else:  # the words run up to the content: they lead to it
            if k < len(doc) and doc[k].idx >= content.start:
                end = k
    last = doc[end - 1]
    return CharSpan(doc[start].idx, last.idx + len(last.text))


#: Prepositions that complete a stance or act ("cited X as a reason", "accused X of", "likened X to") rather than
#: set it in time, place or manner ("in July", "during a rally", "since the debate", "in a statement").
_COMPLETING_PREPOSITIONS = frozenset("as of for to about against with from into over on".split())


def _completes(prep: Token) -> bool:
    if prep.lower_ not in _COMPLETING_PREPOSITIONS:
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is None or obj.ent_type_ not in ("DATE", "TIME")


_CLOSING_MARKS = "”\"'’»"
_OPENING_MARKS = "“\"'‘«"


def _between_quotations(doc: Doc, left: int, right: int) -> bool:
    """Does the cue clause doc[left:right] (its punctuation aside) stand between a closing and an opening
    quotation mark ("“A,” she said, “B.”")?"""
    while left < right and doc[left].is_punct:
        left += 1
    while right > left and doc[right - 1].is_punct:
        right -= 1
    if left >= right:
        return False
    before = doc[max(0, left - 3) : left].text_with_ws.rstrip(" \t,")  # the neighbourhood, not all of Doc.text
    after = doc[right : right + 3].text.lstrip(" \t,")
    return bool(before) and before[-1] in _CLOSING_MARKS and bool(after) and after[0] in _OPENING_MARKS


def _without_aside(doc: Doc, start: int, end: int) -> int:
    """Where a content should end to leave out a trailing aside after a comma: a relative clause, a participle
    or adverbial clause that runs to the content's end (", which receives ...", ", contradicting ...")."""
    for k in range(start + 1, end):
        if doc[k - 1].text != ",":
            continue
        head = doc[k]
        while start <= head.head.i < end and head.head != head and head.head.i >= k:
            head = head.head
        if head.left_edge.i == k and head.right_edge.i >= end - 2 and head.dep_ in _ASIDE_DEPS:
            return k - 1
    return end
