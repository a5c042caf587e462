"""The parts of a cue's statement, each decided by a small table of rules: which part of the sentence a
parenthetical "X said" claims (``cues.parenthetical``), which clause an "according to X" scopes over
(``cues.according``), a verb cue's source (``cues.verb-source``) and the kind of statement (``cues.kind``);
how far a verb's complement runs (``cues.content-tail``) is :mod:`.extent`'s. :mod:`.cues` asks them while it
builds a statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.beside_names import left_name, right_name
from onrecord.attribution.cuesources import (
    source_fronted_phrase_subject,
    source_issued_message,
    source_quoted_person,
)
from onrecord.attribution.phrases import SUBJECT_DEPS, noun_phrase, same_paragraph, span_chars
from onrecord.attribution.quotes import CLOSING_BEFORE_CUE, OPENING_AFTER_CUE
from onrecord.attribution.rules import RuleTable, rule
from onrecord.attribution.subjects import subject_of
from onrecord.lexicon.en import (
    DOCUMENT_SPEAKERS,
    DOCUMENT_VERBS,
    FINDING_VERBS,
    SENTENCE_CONNECTIVES,
    SPEECH_VERBS,
    SPOKESPERSON_NOUNS,
)
from onrecord.types import CharSpan, CueKind

if TYPE_CHECKING:
    from onrecord.attribution.cues import Word


@dataclass(frozen=True, slots=True)
class Reading:
    """A part-rule's decision: the content's characters (None: the cue makes no statement) and, for an
    "according to", its source and confidence."""

    doc: Doc
    content: CharSpan | None
    source: Span | None = None
    confidence: float = 0.0


def _content_words(reading: Reading) -> str | None:
    c = reading.content
    return reading.doc.text[c.start : c.end] if c is not None else None


# -- cues.parenthetical: which part of the sentence a parenthetical "X said" claims ---------------------------
@dataclass(frozen=True, slots=True)
class Interruption:
    """A cue clause doc[left:right] inside (or at an edge of) the clause doc[lo:hi] it is parenthetical to."""

    doc: Doc
    lo: int
    hi: int
    left: int
    right: int


@rule("cues.parenthetical.at-an-edge", ("Nobody will come back, she said, ever.", "Nobody will come back"))
def at_an_edge(p: Interruption) -> Reading | None:
    """The cue clause closes the sentence ("“The pier will close,” she said."): what comes before is said; or it
    opens it ("She said, the pier will close."): what follows is said."""
    if p.right >= p.hi:
        return Reading(p.doc, span_chars(p.doc, p.lo, p.left))
    if p.left <= p.lo:
        return Reading(p.doc, span_chars(p.doc, p.right, p.hi))
    return None


@rule("cues.parenthetical.between-quotations",
      ("“The pier,” Ana Lind said, “will close in May.”", None))
def between_quotations(p: Interruption) -> Reading | None:
    """“A,” she said, “B.”: two quotations, each attached on its own (and B continues A): no statement here."""
    doc, left, right = p.doc, p.left, p.right
    while left < right and doc[left].is_punct:
        left += 1
    while right > left and doc[right - 1].is_punct:
        right -= 1
    if left >= right:
        return None
    before = doc[max(0, left - 3) : left].text_with_ws.rstrip(" \t,")  # the neighbourhood, not all of Doc.text
    after = doc[right : right + 3].text.lstrip(" \t,")
    if before and before[-1] in CLOSING_BEFORE_CUE and after and after[0] in OPENING_AFTER_CUE:
        return Reading(p.doc, None)
    return None


@rule("cues.parenthetical.interrupted", ("The pier, Ana Lind said, will close in May.", "The pier, Ana Lind said, "
                                                                                       "will close in May"))
def interrupted(p: Interruption) -> Reading | None:
    """"Too often, Mr. Clarke said, the debate ...": the cue interrupts the clause; the content is the whole
    envelope, the interruption included."""
    return Reading(p.doc, span_chars(p.doc, p.lo, p.hi))


PARENTHETICAL: RuleTable[Interruption, Reading] = RuleTable(
    "cues.parenthetical", [at_an_edge, between_quotations, interrupted],
    describe=_content_words,
)


def parenthetical_content(w: Word) -> CharSpan | None:
    """The content of a parenthetical cue ("Too often, Mr. Clarke said, the debate ..."): the host clause, as
    the table ``cues.parenthetical`` cuts it."""
    doc, tok = w.doc, w.tok
    host = tok.head
    lo, hi = host.left_edge.i, host.right_edge.i + 1
    if host.pos_ not in ("VERB", "AUX"):  # misparsed around the cue: the sentence is the host
        lo, hi = tok.sent.start, tok.sent.end
    left, right = tok.left_edge.i, tok.right_edge.i + 1
    while hi > right and doc[hi - 1].is_punct:
        hi -= 1
    decided = PARENTHETICAL.first(Interruption(doc, lo, hi, left, right))
    return decided[1].content if decided is not None else None


# -- cues.according: which clause an "according to X" scopes over ------------------------------------------
@dataclass(frozen=True, slots=True)
class According:
    """An "according to X": the word "according", its "to", and X (the preposition's object)."""

    doc: Doc
    tok: Token
    to: Token
    obj: Token

    @property
    def source(self) -> Span:
        return self.doc[self.obj.left_edge.i : self.obj.right_edge.i + 1]


def connectives_only(tokens: Span) -> bool:
    """Do only conjunctions, connectives and punctuation stand here ("But", "And yet,")? Then an "according to"
    after them still opens its sentence."""
    return all(t.is_punct or t.is_space or t.dep_ == "cc" or t.pos_ == "CCONJ" or t.lower_ in SENTENCE_CONNECTIVES
               for t in tokens)


@rule("cues.according.one-phrase",  # (the parse of this example makes the relative clause the content)
      ("According to Ivo Tarn, who runs the ferry, the pier is too low.", "who runs the ferry"))
def according_one_phrase(a: According) -> Reading | None:
    """"According to X, the move reeks of ..." parsed as one phrase: the clause after the comma is the content,
    and X ends at the comma."""
    doc, tok, source = a.doc, a.tok, a.source
    comma = next((t for t in source if t.text == "," and t.i > a.obj.i), None)
    if comma is None or not connectives_only(doc[tok.sent.start : tok.i]) or not any(
            t.pos_ in ("VERB", "AUX") and t.i > comma.i for t in source):
        return None
    return Reading(doc, span_chars(doc, comma.i + 1, source.end), doc[a.obj.left_edge.i : comma.i], 0.6)


def _scope(a: According) -> tuple[Token, int, int, int]:
    """(host, lo, hi, phrase_end): the head of the clause the phrase belongs to, the clause without its closing
    punctuation, and where the phrase ends. A sentence-initial or sentence-final "according to" scopes over the
    whole sentence."""
    doc, tok = a.doc, a.tok
    phrase_end = a.obj.right_edge.i + 1
    host = tok.head
    root = tok.sent.root
    if (tok.i <= tok.sent.start + 1 or phrase_end >= tok.sent.end - 1) and root.i != tok.i:
        host = root
    lo, hi = host.left_edge.i, host.right_edge.i + 1
    hi = _before_another_saying(host, hi)
    while hi > phrase_end and doc[hi - 1].is_punct:
        hi -= 1
    return host, lo, hi, phrase_end


def _before_another_saying(host: Token, hi: int) -> int:
    """Where the clause ends before a clause joined to it in which someone says something of their own: a verb of
    saying with a subject and a clause ("According to X, the target is met, but Ana Lind says it is not": X's
    words end at "but"; not "and the threat will continue to grow")."""
    for conj in host.children:
        deps = {c.dep_ for c in conj.children}
        if conj.dep_ == "conj" and conj.i < hi and conj.lemma_.lower() in SPEECH_VERBS and "ccomp" in deps \
                and deps & set(SUBJECT_DEPS):
            joins = [c.i for c in host.children if c.dep_ == "cc" and c.i < conj.i]
            hi = min(hi, joins[-1] if joins else conj.left_edge.i)
    return hi


@rule("cues.according.fronted", ("According to Ana Lind, the pier will close in May.", "the pier will close in May"),
      ("But according to Ivo Tarn, the ferry is late.", "the ferry is late"))
def according_fronted(a: According) -> Reading | None:
    """"According to X, ...": what follows the phrase is the content ("But according to X, ...": a conjunction
    or connective ahead of the phrase does not make it a tail)."""
    doc, tok, source = a.doc, a.tok, a.source
    host, lo, hi, phrase_end = _scope(a)
    if not (tok.i <= lo or connectives_only(doc[lo : tok.i])):
        return None
    # "According to X, the city's engineer, the supports ..." -- an apposition the parser made a subject
    subjects = [c for c in host.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) >= 2:
        edge = subjects[0].right_edge.i
        if doc[edge].text != "," and edge + 1 < len(doc) and doc[edge + 1].text == ",":
            edge += 1
        if doc[edge].text == ",":
            phrase_end = edge + 1
            source = doc[a.obj.left_edge.i : edge]
    return Reading(doc, span_chars(doc, phrase_end, hi), source, 0.75)


@rule("cues.according.after-clause", ("The pier will close in May, according to Ana Lind.",
                                      "The pier will close in May"))
def according_after(a: According) -> Reading | None:
    """"..., according to X." and "..., according to X, and ...": the clause before the phrase is the content."""
    _, lo, _, _ = _scope(a)
    return Reading(a.doc, span_chars(a.doc, lo, a.tok.i), a.source, 0.75)


ACCORDING: RuleTable[According, Reading] = RuleTable(
    "cues.according", [according_one_phrase, according_fronted, according_after], describe=_content_words,
)


# -- cues.verb-source: who a verb cue's statement is from ----------------------------------------------------
@dataclass(frozen=True, slots=True)
class VerbCue:
    """A verb cue and the content it has been given."""

    doc: Doc
    tok: Token
    content: CharSpan


@rule(
    "cues.verb-source.after-a-quotation",
    ("Ana Lind said “nobody knows the story behind it,” and added: “We will close the pier.”", "Ana Lind"),
)
def source_after_quotation(v: VerbCue) -> Span | None:
    """"X said “A,” and added: “B”": the parser hangs "added" on the quoted clause, whose subject is in the
    quotation ("nobody"); the verb's subject is the one who said the quotation."""
    tok = v.tok
    head = tok.head
    if tok.dep_ != "conj" or head.dep_ != "ccomp" or not head.head.i < head.i < tok.i \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) \
            or not any(t.text in "”\"" for t in v.doc[head.i : tok.i]):
        return None  # (the first verb before its quotation, the second with no subject of its own)
    return same_paragraph(subject_of(head.head), tok)


@rule(
    "cues.verb-source.subject",
    ("Ana Lind said that the pier would close.", "Ana Lind"),
    ("Ana Lind on Friday held an impromptu press briefing to brag that the jobless rate has fallen below 5 percent.",
     "Ana Lind"),
)
def source_subject(v: VerbCue) -> Span | None:
    """The verb's subject, inherited along participles and conjunctions ("…, saying …"), from the noun's
    possessor or the verb whose object an infinitive modifies ("held a briefing to brag that ..."), or hung by
    the parser on its auxiliary ("wasn't saying"); a participle the parser hung inside the quotation it introduces
    or inside the clause of the verb before it, on an occasion the verb's object names ("opened a rally blasting
    X"), or under an adjective or adverb ("stopped short of endorsing") takes the subject of the verb it belongs
    to; one on a subject is the subject's ("a gunman claiming ..."); when no paragraph break separates it from the
    verb (see
    :func:`onrecord.attribution.subjects.subject_of` and :func:`~onrecord.attribution.phrases.same_paragraph`)."""
    return same_paragraph(subject_of(v.tok), v.tok)


@rule(
    "cues.verb-source.name-beside",
    ("“The pier will close,” says Early.", "Early"),
    ("“The pier is too low,” said Early, explaining that the tides had risen.", "Early"),
)
def source_name_beside(v: VerbCue) -> Span | None:
    """A verb the parser left without a subject: a name or pronoun right before it (``”, Seely wrote``), else,
    when the verb follows its content, a name right after it that the tagger read as a modifier ("…,” says
    Early." with Early an adverb); a participle without a subject takes the name beside the verb it hangs on
    ("“…,” said Early, explaining that ...")."""
    doc, tok = v.doc, v.tok
    found = left_name(doc, tok) or (right_name(doc, tok) if v.content.end <= tok.idx else None)
    host = tok.head
    if found is None and tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG" and host.i < tok.i \
            and subject_of(host) is None and any(c.i < host.i and c.dep_ != "punct" for c in host.children):
        found = right_name(doc, host)  # (the host follows what it says: "“…,” said Early, explaining ...")
    return found


@rule(
    "cues.verb-source.apposition-before",
    ("Worried by the protests in Ohio, Senator Ana Lind, the majority whip, said that the vote would wait.",
     "Senator Ana Lind, the majority whip"),
    ("In the fishing town of Port Averly, where two crews share one shed, the harbour clerk, Ana Lind, said the ice "
     "would run out \"by Friday at the latest.\"", "the harbour clerk, Ana Lind"),
)
def source_apposition_before(v: VerbCue) -> Span | None:
    """A verb the parser left without a subject, right after a name and its apposition set off by commas ("Worried
    by the protests in Ohio, Senator Ana Lind, the majority whip, said ...", the name read as a second place;
    "But Ivo Tarn, a data operative, vouched for ..." with the name read as an adverb): the name with its
    apposition; a role and its name read as the apposition of a place before them ("In the town of P, where ...,
    the harbour clerk, Ana Lind, said ..."): the role and the name."""
    doc = v.doc
    k = v.tok.i
    while k > 0 and doc[k - 1].dep_ in ("aux", "neg", "advmod") and doc[k - 1].head == v.tok \
            and doc[k - 1].pos_ != "PROPN":
        k -= 1
    if k < 3 or doc[k - 1].text != ",":
        return None
    appos = next((t for t in reversed(doc[max(0, k - 12) : k - 1]) if t.dep_ == "appos"), None)
    if appos is None or appos.right_edge.i != k - 2:
        return None
    role = appos.head
    if role.dep_ == "appos" and role.pos_ == "NOUN" and role.i < appos.i and doc[role.left_edge.i - 1].text == ",":
        return doc[role.left_edge.i : k - 1]  # a role and its name both read as the place's
    if appos.head.pos_ != "PROPN" or appos.head.i > appos.i:
        return None
    name = appos.head
    start = name.left_edge.i
    opening = doc[name.sent.start : start]
    apart = (start > 0 and doc[start - 1].text == ",") or all(t.pos_ in ("CCONJ", "PUNCT") for t in opening)
    if name.dep_ in SUBJECT_DEPS or not apart:
        return None  # (a subject is the subject rule's; the phrase must stand apart from the words before it)
    return doc[start : k - 1]


@rule(
    "cues.verb-source.after-its-quotation",
    ("“No bank records were exposed,” the firm’s co-founder and chief executive, Ana Lind, said in a video.",
     "the firm’s co-founder and chief executive, Ana Lind"),
)
def source_after_its_quotation(v: VerbCue) -> Span | None:
    """A verb the parser left without a subject after its quotation ("“…,” the firm's co-founder and chief
    executive, Ana Lind, said", the role and name run into the quoted clause): the words between the closing mark
    and the verb, when they are a noun phrase (a name, or a role and the name in apposition) in one paragraph."""
    doc, tok = v.doc, v.tok
    if v.content.end > tok.idx:
        return None
    start = tok.i
    while start > 0 and doc[start - 1].idx >= v.content.end:
        start -= 1
    while start < tok.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    end = tok.i
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    span = doc[start:end]
    if not 0 < len(span) <= 14 or any(t.pos_ in ("VERB", "AUX") or "\n" in t.text for t in span):
        return None
    return span if any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in span) else None


@rule(
    "cues.verb-source.inserted-participle",
    ("A spokeswoman for the Kestrel Globe, asked about the delay, said the paper would “look again at the schedule”.",
     "A spokeswoman for the Kestrel Globe"),
)
def source_inserted_participle(v: VerbCue) -> Span | None:
    """A verb the parser left without a subject after a participle set off by commas ("A spokesman for X, asked
    about the ferries, said ..."), the participle read as the sentence's verb and given the subject: the
    participle's subject, when both commas stand and no paragraph break comes between."""
    doc, tok = v.doc, v.tok
    if tok.i < 4 or doc[tok.i - 1].text != "," or any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return None
    inserted = next((c for c in tok.children if c.dep_ in ("ccomp", "advcl") and c.tag_ in ("VBD", "VBN")
                     and c.i < tok.i), None)
    if inserted is None or inserted.right_edge.i not in (tok.i - 2, tok.i - 1):
        return None
    subj = next((c for c in inserted.children if c.dep_ == "nsubj" and c.i < inserted.i), None)
    if subj is None or doc[inserted.i - 1].text != ",":
        return None
    return same_paragraph(noun_phrase(doc, subj), tok)


@rule(
    "cues.verb-source.inserted-relative",
    ("Mr. Halloran, whose latest venture, Brightloop, sells used bicycles to schools, said Ms. Ames was a candidate "
     "very much in the spirit of the valley.",
     "Mr. Halloran, whose latest venture, Brightloop, sells used bicycles to schools"),
    ("Pike, who backed Sen. Ana Lind, D-Maine, and fiercely opposed Tarn during the primaries, last week said Tarn was "
     "trying to start a movement.", "Pike, who backed Sen. Ana Lind, D-Maine, and fiercely opposed Tarn during the "
     "primaries"),
)
def source_inserted_relative(v: VerbCue) -> Span | None:
    """A verb the parser left without a subject after a name and its relative clause set off by commas ("X, whose
    firm sells bicycles, said ...", "X, head of Y, a union that backed Z and that has sent ..., also said ...",
    "X, who backed Z, last week said ..."), the clause's verb read as the sentence's with X as its subject, or X
    read as a modifier of the cue: X with its clause, as a right parse gives it, when a comma follows X, a relative
    word (who, whose, which, that) stands between X and the clause's end, and the clause ends at the comma before
    the cue (and its adverbs)."""
    doc, tok = v.doc, v.tok
    k = tok.i
    while k > 0 and tok.i - k < 4 and doc[k - 1].pos_ not in ("PROPN", "PRON", "VERB", "PUNCT") \
            and tok.is_ancestor(doc[k - 1]):
        k -= 1  # ("…, also said", "…, last week said")
    if k < 5 or doc[k - 1].text != "," or any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return None
    name = next((c for c in tok.children if c.i < k and c.right_edge.i == k - 2 and any(r.dep_ == "relcl" for r in
                 c.rights) and (c.pos_ in ("PROPN", "NOUN") or c.ent_type_ in ("PERSON", "ORG"))), None)
    # (X read as a modifier of the cue: "Pike" an adverb)
    if name is None:
        inserted = next((c for c in tok.children if c.dep_ in ("ccomp", "advcl", "conj") and c.i < tok.i
                         and c.right_edge.i == k - 2 and c.pos_ in ("VERB", "AUX")), None)
        name = next((c for c in inserted.children if c.dep_ == "nsubj"), None) if inserted is not None else None
        if name is None or inserted is None or not name.i < inserted.i or name.pos_ not in ("PROPN", "NOUN"):
            return None
    if doc[name.i + 1].text != "," or not any(t.tag_ in ("WDT", "WP", "WP$") for t in doc[name.i + 2 : k - 1]):
        return None  # (no relative clause: a subject with a verb of its own)
    return same_paragraph(doc[name.left_edge.i : k - 1], tok)


VERB_SOURCE: RuleTable[VerbCue, Span] = RuleTable(
    "cues.verb-source", [source_quoted_person, source_after_quotation, source_subject, source_name_beside,
                         source_apposition_before, source_after_its_quotation, source_inserted_participle,
                         source_inserted_relative,
                         source_issued_message, source_fronted_phrase_subject],
    describe=lambda s: s.text,
)


# -- cues.kind: speech, belief or a document's -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class KindCase:
    """A verb cue and its source (if any)."""

    tok: Token
    source: Span | None


@rule("cues.kind.finding", ("The study found that the pier was too low.", "document"))
def kind_finding(k: KindCase) -> CueKind | None:
    """A finding verb with a noun subject other than a spokesperson ("the study found that ..."): a document's."""
    lemma = k.tok.lemma_.lower()
    source = k.source
    if lemma in DOCUMENT_VERBS and lemma in FINDING_VERBS and source is not None and source.root.pos_ == "NOUN" \
            and source.root.lemma_.lower() not in SPOKESPERSON_NOUNS:
        return "document"
    return None


@rule("cues.kind.document-speaker", ("The report says that the pier is too low.", "document"))
def kind_document_speaker(k: KindCase) -> CueKind | None:
    """A verb of saying whose subject is a report, study, poll, survey or data ("the report says ...")."""
    if k.tok.lemma_.lower() in SPEECH_VERBS and k.source is not None \
            and k.source.root.lemma_.lower() in DOCUMENT_SPEAKERS:
        return "document"
    return None


@rule("cues.kind.speech", ("Ana Lind said that the pier would close.", "speech"))
def kind_speech(k: KindCase) -> CueKind | None:
    """A verb of saying: speech."""
    return "speech" if k.tok.lemma_.lower() in SPEECH_VERBS else None


@rule("cues.kind.belief", ("Ivo Tarn believes the ferry is too slow.", "belief"))
def kind_belief(k: KindCase) -> CueKind | None:
    """Any other verb cue (of thinking, wanting, or a stance the cue model found): belief."""
    return "belief"


KIND: RuleTable[KindCase, str] = RuleTable(
    "cues.kind", [kind_finding, kind_document_speaker, kind_speech, kind_belief],
)
