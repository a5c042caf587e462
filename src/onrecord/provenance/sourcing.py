"""How each statement is sourced: anonymity and its stated reason, relays, backing, and the kind of source.

One :class:`Sourcing` per attribution, read off the article's parse and what extraction already found (the
speaker, its kind and description, the medium, the relays in ``via``), never a verdict:

- ``kind``: ``person``, ``organisation``, ``document``, ``anonymous`` or ``group``, from the source mention: a
  document ("the court filing", "recent polls") is never anonymous; an unnamed set of people ("Democrats", "some
  residents", "5 percent") is a group; a mention that withholds who spoke ("a senior official", "people familiar
  with the matter", "some note") is anonymous unless it resolves to someone the article names.
- ``reason``: for an anonymous source, the words that say why it is not named ("spoke on condition of anonymity
  because ...", "not authorized to speak publicly"), in its sentence or the one before or after (AP's rule:
  anonymous material must say why). The lexicon's ``anonymity_reasons`` holds the phrases.
- ``relay_only``: the words reached the outlet through someone else: a relay in ``via`` or an "according to"
  cue (a document excepted), "reportedly", "told <another outlet>", "in an interview with <another outlet>",
  "on <a broadcast>". Words said to this outlet (``outlet``), to reporters or in public are not relayed.
- ``single_source``: no second source in the article backs the claim. It is backed when the mention is itself
  plural and independent ("Lind and Tarn", "two officials", "recent polls"), when another party makes the same
  claim (the provenance statement model: one predicate concept with the same sign, said of the same thing), or
  when another party's cue echoes it ("other members echo her concerns") in the sentences that follow.

``evidence`` keeps the words that decided each signal. :func:`article_sourcing` gives an article's counts and shares.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, get_args

from onrecord.lexicon.en import (
    ANONYMITY_REASONS,
    BACKING_VERBS,
    BROADCAST_WORDS,
    CAMPAIGN_HEADS,
    DOCUMENT_NOUNS,
    FINDING_NOUNS,
    ORGANISATION_HEADS,
    ORGANISATION_SOURCE_HEADS,
    OUTLET_WORDS,
    QUANTITY_HEADS,
    RELAY_ADVERBS,
    REPORTER_ROLES,
    SOURCE_DOCUMENT_HEADS,
    TELLING_VERBS,
    WITHHELD_HEADS,
    WITHHELD_PRONOUNS,
)
from onrecord.lexicon import load
from onrecord.types import Attribution, CharSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from onrecord.provenance.claims import Claim

SourceKind: TypeAlias = Literal["person", "organisation", "document", "anonymous", "group"]
SOURCE_KINDS: tuple[SourceKind, ...] = get_args(SourceKind)

_DOCUMENT_HEADS = DOCUMENT_NOUNS | FINDING_NOUNS | SOURCE_DOCUMENT_HEADS
_ORGANISATION_HEADS = ORGANISATION_HEADS | ORGANISATION_SOURCE_HEADS | CAMPAIGN_HEADS
_PERSON_PRONOUNS = frozenset("he she him her i me his hers".split())
_GROUP_PRONOUNS = frozenset("they them we us".split())
_REASON = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(ANONYMITY_REASONS, key=len, reverse=True))
                     + r")\b", re.I)
_PUBLIC_HEARERS = frozenset("reporters reporter journalists press crowd audience supporters voters".split())
#: How much two claims with one predicate concept of one sign must share to back each other (see
#: onrecord.provenance.flags.overlap): more than a subject, since one verb said of one thing is not yet one claim.
_BACKING_OVERLAP = 0.75
_MANY = frozenset("two three four five six seven eight nine ten several multiple both many numerous".split())
_LEXICON = load("en")
_PUBLIC_CHANNELS = _LEXICON.words("public_channels")
_RELAYED_REPORTS = _LEXICON.words("relayed_report_modifiers")
_INDEPENDENT = _LEXICON.words("independent_counts")
_PLURAL_DOCUMENTS = _LEXICON.words("plural_document_heads")
_OTHER_OCCASION = frozenset("later afterward afterwards since previously earlier once".split())


@dataclass(frozen=True, slots=True)
class Sourcing:
    """How one attribution is sourced (see the module docstring); ``evidence``: the words that decided it."""

    anonymous: bool = False
    reason: CharSpan | None = None  # the words giving the reason for anonymity
    relay_only: bool = False
    single_source: bool = True
    kind: SourceKind = "person"
    evidence: tuple[str, ...] = ()

    @property
    def reason_given(self) -> bool | None:
        """For an anonymous source, whether the article says why it is not named; None otherwise."""
        return self.reason is not None if self.anonymous else None

    def to_dict(self) -> dict[str, Any]:
        return {"anonymous": self.anonymous, "reason": self.reason.to_list() if self.reason else None,
                "reason_given": self.reason_given, "relay_only": self.relay_only,
                "single_source": self.single_source, "kind": self.kind, "evidence": list(self.evidence)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sourcing:
        kind = data.get("kind", "person")
        if kind not in SOURCE_KINDS:
            raise ValueError(f"kind {kind!r} is not one of {', '.join(SOURCE_KINDS)}")
        return cls(anonymous=bool(data.get("anonymous", False)), reason=CharSpan.from_list(data.get("reason")),
                   relay_only=bool(data.get("relay_only", False)),
                   single_source=bool(data.get("single_source", True)), kind=kind,
                   evidence=tuple(str(e) for e in data.get("evidence", ())))


@dataclass(frozen=True, slots=True)
class ArticleSourcing:
    """An article's sourcing: how many statements, and how many of them are each thing (shares: of all)."""

    statements: int = 0
    anonymous: int = 0
    with_reason: int = 0
    without_reason: int = 0
    relay_only: int = 0
    single_source: int = 0
    kinds: dict[str, int] = field(default_factory=dict)

    def shares(self) -> dict[str, float]:
        n = self.statements or 1
        counts = {"anonymous": self.anonymous, "with_reason": self.with_reason,
                  "without_reason": self.without_reason, "relay_only": self.relay_only,
                  "single_source": self.single_source, **{f"kind_{k}": v for k, v in self.kinds.items()}}
        return {k: round(v / n, 4) if self.statements else 0.0 for k, v in counts.items()}

    def to_dict(self) -> dict[str, Any]:
        return {"statements": self.statements, "anonymous": self.anonymous, "with_reason": self.with_reason,
                "without_reason": self.without_reason, "relay_only": self.relay_only,
                "single_source": self.single_source, "kinds": dict(self.kinds), "shares": self.shares()}


def article_sourcing(found: Sequence[Sourcing]) -> ArticleSourcing:
    """The counts of one article's (or any set of statements') sourcing."""
    anonymous = [s for s in found if s.anonymous]
    return ArticleSourcing(
        statements=len(found), anonymous=len(anonymous), with_reason=sum(s.reason is not None for s in anonymous),
        without_reason=sum(s.reason is None for s in anonymous), relay_only=sum(s.relay_only for s in found),
        single_source=sum(s.single_source for s in found),
        kinds={k: sum(s.kind == k for s in found) for k in SOURCE_KINDS})


def sourcing(doc: Doc, attributions: Sequence[Attribution], *, outlet: str | None = None,
             claims: Sequence[Claim] | None = None) -> tuple[Sourcing, ...]:
    """One :class:`Sourcing` per attribution of the article parsed as ``doc``; ``outlet``: the article's own
    (words said to it are not relayed); ``claims``: the attributions' claims when already made
    (:func:`onrecord.provenance.claims.claims`), else made here."""
    from onrecord.provenance.claims import claims as make_claims

    attributions = tuple(attributions)
    found = tuple(claims) if claims is not None else tuple(make_claims(doc, attributions))
    kinds = [_kind(doc, a) for a in attributions]
    backed = _backed(doc, attributions, found, [k for k, _ in kinds])
    out = []
    for i, a in enumerate(attributions):
        kind, why = kinds[i]
        evidence = [why] if why else []
        reason = _reason(doc, a) if kind == "anonymous" else None
        if reason is not None:
            evidence.append(f"reason: {reason.of(doc.text)}")
        relay = _relay(doc, a, kind, outlet)
        if relay:
            evidence.append(f"relay: {relay}")
        if backed[i]:
            evidence.append(f"backed: {backed[i]}")
        out.append(Sourcing(anonymous=kind == "anonymous", reason=reason, relay_only=relay is not None,
                            single_source=not backed[i], kind=kind, evidence=tuple(evidence)))
    return _carry_relays(doc, attributions, out, outlet)


# --- the kind of source --------------------------------------------------------------------------------------


def _mention(doc: Doc, a: Attribution) -> Span | None:
    if a.source is None:
        return None
    span = doc.char_span(a.source.start, a.source.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _head(span: Span) -> Token:
    """The mention's head noun ("officials" in "officials familiar with the talks"); a gold mention may hold a
    relative clause or a verb, whose root is not the noun."""
    root = span.root
    if root.lower_ in WITHHELD_PRONOUNS or root.lemma_.lower() in QUANTITY_HEADS:  # "some of those critics"
        part = [c for p in root.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children
                if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
        if part:
            return part[0] if root.lower_ in WITHHELD_PRONOUNS else root
    if root.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return root
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ in ("nsubj", "nsubjpass", "pobj")]
    return nouns[0] if nouns else root


def _kind(doc: Doc, a: Attribution) -> tuple[SourceKind, str]:
    """The kind of the source, with the words that decided it."""
    from onrecord.provenance import document_of

    span = _mention(doc, a)
    if span is None or (span.root.pos_ in ("VERB", "AUX") and _head(span) is span.root):
        # no mention to read (or a gold one that is only the cue): the document the words come from, else the
        # kind speaker resolution gave (a named author's document is the author's: "In the letter, Seely wrote")
        if document_of(a, doc.text) is not None and a.speaker is None:
            return "document", f"document: {a.medium}"
        return _from_speaker(a), f"speaker kind: {a.speaker_kind}"
    written = span.text
    head = _head(span)
    lemma, lower = head.lemma_.lower(), head.lower_
    if (lemma in _DOCUMENT_HEADS or lower in _DOCUMENT_HEADS) and head.pos_ != "PROPN":
        return "document", f"document: {written}"
    if lower == "it" and document_of(a, doc.text) is not None:
        return "document", f"document: {written}"
    if lower in _PERSON_PRONOUNS:
        return "person", f"pronoun: {written}"
    if head.ent_type_ == "PERSON":
        return "person", f"name: {written}"
    if head.ent_type_ == "ORG":
        return "organisation", f"organisation: {written}"
    if head.ent_type_ == "NORP" or lemma in QUANTITY_HEADS or head.pos_ == "NUM" or head.ent_type_ == "PERCENT":
        return "group", f"group: {written}"
    if lower in _GROUP_PRONOUNS or lower == "it":
        kind = _from_speaker(a)
        return (kind if kind != "anonymous" else "group"), f"pronoun: {written}"
    if lemma in WITHHELD_HEADS or lower in WITHHELD_HEADS or (lower in WITHHELD_PRONOUNS and head.pos_ != "NOUN"):
        if _named_in(span) or _resolved_person(a):
            return "person", f"named: {a.speaker or written}"
        return "anonymous", f"unnamed: {written}"
    if head.pos_ == "PROPN":
        kind = _from_speaker(a)
        return (kind if kind in ("person", "organisation") else "person"), f"name: {written}"
    if lemma in _ORGANISATION_HEADS or (_from_speaker(a) == "organisation" and any(
            t.ent_type_ == "ORG" and t.dep_ in ("compound", "poss") for t in span)):
        return "organisation", f"organisation: {written}"
    if head.tag_ in ("NNS", "NNPS") or lemma in ("public", "crowd", "community"):
        return "group", f"unnamed set: {written}"
    return "person", f"role: {written}"


def _from_speaker(a: Attribution) -> SourceKind:
    if a.speaker_kind == "organisation":
        return "organisation"
    if a.speaker_kind == "anonymous":
        return "anonymous"
    return "person"


def _named_in(span: Span) -> bool:
    """Does the mention itself name a person ("spokesman Ivo Tarn", "an aide, Ana Lind,")?"""
    return any(t.ent_type_ == "PERSON" or (t.dep_ == "appos" and t.pos_ == "PROPN") for t in span)


def _resolved_person(a: Attribution) -> bool:
    """Did extraction resolve the mention to someone the article names?"""
    name = a.speaker or ""
    return a.speaker_kind == "person" and bool(name) and name[0].isupper() and not name.lower().startswith(
        ("a ", "an ", "the ", "some "))


# --- the reason for anonymity --------------------------------------------------------------------------------


def _reason(doc: Doc, a: Attribution) -> CharSpan | None:
    """The words saying why an anonymous source is not named: in the sentence of its cue (or content), else in the
    sentence before or after."""
    anchor = a.cue or a.source or a.content
    tok = doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
    if tok is None or not len(tok):
        return None
    sent = tok[0].sent
    sentences = [sent]
    if sent.start > 0:
        sentences.append(doc[sent.start - 1].sent)
    if sent.end < len(doc):
        sentences.append(doc[sent.end].sent)
    for s in sentences:
        m = _REASON.search(s.text)
        if m:
            start = s.start_char + m.start()
            rest = doc.text[start:s.end_char]
            cut = min((i for i in (rest.find(", "), rest.find("; "), rest.find(" -- ")) if i > len(m.group(0))),
                      default=len(rest.rstrip(" .\"”")))
            return CharSpan(start, start + cut)
    return None


# --- relays --------------------------------------------------------------------------------------------------


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in ("the", "a", "of", "and")}


def _same_outlet(name: str, outlet: str | None) -> bool:
    """Is ``name`` ("the Times", "Harbour Post reporter Obi") this article's outlet ("The Harbour Post")?"""
    if not outlet:
        return False
    mine, theirs = _words(outlet), _words(name)
    if not mine or not theirs:
        return False
    return mine <= theirs or theirs <= mine or len(mine & theirs - {"news"}) >= 2


def _outlet_words(span: Span) -> str | None:
    """The words of a news outlet or broadcast the phrase names ("CNN", "the Lakeview Herald", "Fox News
    Sunday"), or None."""
    propn = [t for t in span if t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "WORK_OF_ART")]
    if not propn:
        return None
    if any(t.lower_ in OUTLET_WORDS or t.lower_ in BROADCAST_WORDS for t in propn):
        return span.text
    return None


def _relay(doc: Doc, a: Attribution, kind: SourceKind, outlet: str | None) -> str | None:
    """What marks the attribution as reaching the outlet second-hand, or None."""
    for r in a.via:
        name = r.outlet or r.name or r.span.of(doc.text)
        if not _same_outlet(name, outlet):
            return f"via {r.span.of(doc.text)}"
    cue = a.cue.of(doc.text).lower() if a.cue is not None else ""
    mention = a.source.of(doc.text) if a.source is not None else ""
    if "according" in cue and not _same_outlet(mention, outlet):  # any source, a document too ("the poll")
        return f"{a.cue.of(doc.text) if a.cue else ''} {mention}".strip()
    if kind == "document" and _relayed_reports(doc, a):
        return f"reports: {mention}"
    span = doc.char_span(a.content.start, a.content.end, alignment_mode="expand")
    cue_span = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    anchor = cue_span[0] if cue_span is not None and len(cue_span) else (span[0] if span is not None and len(span)
                                                                        else None)
    if anchor is None:
        return None
    sent = anchor.sent
    lo = min([s.start for s in (a.content, a.cue, a.source) if s is not None])
    hi = max([s.end for s in (a.content, a.cue, a.source) if s is not None])
    for t in sent:
        if t.lower_ in RELAY_ADVERBS and lo - 40 <= t.idx <= hi:
            return t.text
    source = _mention(doc, a)
    words = {t.lower_ for t in source} if source is not None else set()
    if kind == "organisation" and words & OUTLET_WORDS and "report" in cue and not _same_outlet(mention, outlet):
        return f"{mention} {cue}"  # "the Kestrel Times reports: ..."
    if words & REPORTER_ROLES:
        return None  # a host or columnist on their own show or page speaks in public
    return _heard_by(sent, anchor, outlet)


def _relayed_reports(doc: Doc, a: Attribution) -> bool:
    """Is a document source other outlets' reports, passed on ("Report: ...", "media reports", "various reports
    of ...") rather than one document the article reads itself ("the report", "fundraising reports")?"""
    span = _mention(doc, a)
    if span is None:
        return False
    words = [t for t in span if t.pos_ not in ("ADP", "PUNCT")]
    head = _head(span)
    if head.lemma_.lower() != "report" or any(t.dep_ in ("det", "poss") and t.lower_ not in _RELAYED_REPORTS
                                              for t in head.children):
        return False
    mods = [t for t in words if t.i != head.i]
    return all(t.lower_ in _RELAYED_REPORTS for t in mods) and (head.tag_ == "NNS" or head.i == 0 or bool(mods))


def _heard_by(sent: Span, cue: Token, outlet: str | None) -> str | None:
    """Another outlet that heard the words: "told CNN", "in an interview with the Herald", "on Fox News Sunday"."""
    for t in sent:
        if t.dep_ in ("dative", "dobj") and t.head == cue and cue.lemma_.lower() in TELLING_VERBS:
            phrase = sent.doc[t.left_edge.i : t.i + 1]  # the hearer and what precedes it, not a relative clause
            if t.lower_ in _PUBLIC_HEARERS:
                return None
            found = _outlet_words(phrase)
            if found and not _same_outlet(found, outlet):
                return f"{cue.text} {found}"
        if t.lower_ in ("interview", "appearance") and (_near(t, cue) or t.i < cue.i):
            # "in an MSNBC interview", "during his Meet the Press interview": the outlet before the noun
            before = [c for c in t.children if c.dep_ in ("compound", "poss", "nmod", "amod") and c.i < t.i]
            if before:
                phrase = sent.doc[min(c.left_edge.i for c in before) : t.i]
                found = _outlet_words(phrase)
                if found and not _same_outlet(found, outlet):
                    return f"{found} {t.text}"
        if t.lower_ in ("interview", "appearance") and (_near(t, cue) or t.i < cue.i):
            # "an interview published Monday by the New York Daily News"; "an interview with Univision"
            for c in t.subtree:
                if c.i > t.i and c.head.lower_ in ("with", "by") and (
                        c.ent_type_ == "ORG" or c.lower_ in OUTLET_WORDS) and c.pos_ == "PROPN":
                    found = sent.doc[c.left_edge.i : c.i + 1].text
                    if not _same_outlet(found, outlet):
                        return f"{t.text} {c.head.text} {found}"
        if t.lower_ in ("interview", "appearance") or (t.lower_ == "on" and t.dep_ == "prep"):
            preps = [t] if t.lower_ == "on" else [c for c in t.children if c.lower_ in ("with", "on", "to")]
            for p in preps:  # (the prep's own subtree: a programme's name is often parsed apart from its pobj)
                phrase = sent.doc[p.i + 1 : p.right_edge.i + 1]
                found = _outlet_words(phrase) if len(phrase) else None
                if found and not _same_outlet(found, outlet) and (t.lower_ != "on" or _near(t, cue)):
                    return f"{t.text} {p.text if p is not t else ''} {found}".replace("  ", " ")
    return None


def _near(tok: Token, cue: Token) -> bool:
    """Is a fronted or trailing "on <programme>" part of the cue's clause?"""
    node = tok
    for _ in range(6):
        if node == cue:
            return True
        if node.head == node:
            return False
        node = node.head
    return False


def _speaker_key(a: Attribution) -> str:
    words = re.findall(r"[a-z]+", (a.speaker or "").lower())
    return words[-1] if words else ""


def _own_channel(doc: Doc, a: Attribution) -> bool:
    """Does the statement's sentence name a public channel of its own ("at a rally", "in a statement", "told
    reporters", "tweeted")?"""
    anchor = a.cue or a.content
    span = doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    sent = span[0].sent
    if any(t.lower_ in _PUBLIC_CHANNELS for t in sent):
        return True
    # another occasion: "Clark later said ...", "she has said ..."
    return any(t.lower_ in _OTHER_OCCASION for t in sent) or any(
        c.dep_ == "aux" and c.lemma_ == "have" for t in span if t.pos_ == "VERB" for c in t.children)


def _interview_sentences(doc: Doc, outlet: str | None) -> list[tuple[int, str, str]]:
    """Sentences that set an interview with another outlet without being a statement themselves ("During his Meet
    the Press interview, Pence had harsh words ..."): (the sentence's end, its named subject's key, the mark)."""
    found = []
    for sent in doc.sents:
        for t in sent:
            if t.lower_ not in ("interview", "interviews", "appearance"):
                continue
            before = [c for c in t.children if c.dep_ in ("compound", "nmod", "amod") and c.i < t.i]
            phrase = doc[min(c.left_edge.i for c in before) : t.i].text if before else ""
            named = _outlet_words(doc[min(c.left_edge.i for c in before) : t.i]) if before else None
            if named is None:
                named = next((doc[c.left_edge.i : c.i + 1].text for c in t.subtree if c.i > t.i and c.pos_ == "PROPN"
                              and c.head.lower_ in ("with", "by") and (c.ent_type_ == "ORG" or c.lower_ in OUTLET_WORDS)),
                             None)
            if not named or _same_outlet(named, outlet) or _same_outlet(phrase, outlet) or not _main_clause(t):
                continue
            subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ not in ("PERSON", ""):
                continue
            found.append((sent.end_char, subject.lower_, f"{named} {t.text}"))
            break
    return found


def _main_clause(tok: Token) -> bool:
    """Does the word belong to its sentence's main clause (not a relative or adverbial one: "an incident Trump
    brought up in an interview with ...")?"""
    node = tok
    while node.head != node:
        if node.dep_ in ("relcl", "acl", "advcl", "ccomp", "appos", "conj"):
            return False
        node = node.head
    return True


#: How many paragraph breaks an interview's passage may run on after its last marked statement.
_PASSAGE_BREAKS = 3


def _carry_relays(doc: Doc, attributions: Sequence[Attribution], found: list[Sourcing],
                  outlet: str | None = None) -> tuple[Sourcing, ...]:
    """A passage marked as an interview with another outlet carries on: the later statements of the same speaker
    within a few paragraphs, with no channel of their own ("He added ...", "Wilson praised ..."), until a statement
    of that speaker names a public channel (a rally, a statement, reporters). An "according to" sentence that
    stands alone scopes the sentence before it ("That's according to exit polls"); a fronted one ("According to
    the book, ...") the next sentence's statement by a pronoun ("Bob, they said, ...")."""
    text = doc.text
    out = list(found)
    order = sorted(range(len(attributions)), key=lambda k: attributions[k].content.start)
    anchors: list[tuple[int, str, str]] = []  # (where the passage starts, the speaker's key, the mark)
    for i in order:
        marked = next((e for e in out[i].evidence if e.startswith("relay: ") and "according" not in e.lower()
                       and not e.startswith(("relay: via", "relay: reports"))
                       and e.removeprefix("relay: ").lower() not in RELAY_ADVERBS), None)
        key = _speaker_key(attributions[i])
        if marked is not None and key:
            anchors.append((attributions[i].content.end, key,
                            marked.removeprefix("relay: ").removesuffix(" (same passage)")))
    anchors.extend(_interview_sentences(doc, outlet))
    for start, key, mark in sorted(anchors):
        last = start
        for j in order:
            b = attributions[j]
            if b.content.start < start or _speaker_key(b) != key:
                continue
            between = text[last : b.content.start]
            if between.count("\n\n") + (between.count("\n") if "\n\n" not in text else 0) > _PASSAGE_BREAKS \
                    or "___" in between:
                break
            if out[j].relay_only:
                last = b.content.end
                continue
            if b.via or _own_channel(doc, b):
                break
            out[j] = replace(out[j], relay_only=True, evidence=(*out[j].evidence, f"relay: {mark} (same passage)"))
            last = b.content.end
    for sent in doc.sents:
        words = sent.text.strip().lower().replace("’", "'")
        if words.startswith(("that's according to", "that is according to", "this is according to")):
            if sent.start == 0:
                continue
            prev = doc[sent.start - 1].sent
            for k, a in enumerate(attributions):
                if prev.start_char <= a.content.start < prev.end_char and not out[k].relay_only:
                    out[k] = replace(out[k], relay_only=True,
                                     evidence=(*out[k].evidence, f"relay: {sent.text.strip()[:60]}"))
        elif words.startswith("according to ") and sent.end < len(doc):
            after = doc[sent.end].sent
            if "\n" in text[sent.end_char : after.start_char]:
                continue
            for k, a in enumerate(attributions):
                mention = _mention(doc, a)
                if (after.start_char <= a.content.start < after.end_char and not out[k].relay_only
                        and mention is not None and len(mention) == 1 and mention[0].pos_ == "PRON"):
                    out[k] = replace(out[k], relay_only=True,
                                     evidence=(*out[k].evidence, f"relay: {sent.text.strip()[:60]}"))
    return tuple(out)


# --- backing -------------------------------------------------------------------------------------------------


def _party(a: Attribution, kind: SourceKind, text: str) -> str:
    """Who stands behind a statement, as one key: a candidate and their campaign are one party."""
    name = a.speaker or a.speaker_description or (a.source.of(text) if a.source is not None else "")
    words = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in CAMPAIGN_HEADS and w not in ("the", "a")]
    return words[-1] if words and kind in ("person", "organisation") else " ".join(words)


def _plural_mention(doc: Doc, a: Attribution, kind: SourceKind) -> str | None:
    """A mention that is itself several independent sources ("Lind and Tarn", "two officials", "recent polls")."""
    span = _mention(doc, a)
    if span is None:
        return None
    head = _head(span)
    if any(t.dep_ == "conj" and t.head.i >= span.start and t.i < span.end and t.pos_ in ("PROPN", "NOUN")
           and t.head == head and t.lemma_.lower() not in CAMPAIGN_HEADS for t in span):  # (a candidate and
        # their own campaign are one source)
        return span.text
    if kind == "document" and head.tag_ == "NNS":
        return span.text
    if kind == "anonymous" and any(c.lower_ in _MANY for c in head.children if c.dep_ in ("nummod", "amod", "det")):
        return span.text
    return None


def _backed(doc: Doc, attributions: Sequence[Attribution], found: Sequence[Claim],
            kinds: Sequence[SourceKind]) -> list[str | None]:
    """For each attribution, what backs its claim with a second source, or None."""
    from onrecord.provenance.flags import Pair, Statement, overlap

    text = doc.text
    said = [Statement("", i, a, c, a.content.of(text)) for i, (a, c) in enumerate(zip(attributions, found,
                                                                                     strict=True))]
    parties = [_party(a, k, text) for a, k in zip(attributions, kinds, strict=True)]
    out: list[str | None] = [_plural_mention(doc, a, k) for a, k in zip(attributions, kinds, strict=True)]
    for i, a in enumerate(said):
        for j in range(i + 1, len(said)):
            b = said[j]
            if not parties[i] or not parties[j] or parties[i] == parties[j]:
                continue
            if not (a.claim.asserts and b.claim.asserts):
                continue
            pair = Pair(a, b)
            shared = pair.shared
            if shared and not pair.opposed and overlap(a.claim, b.claim) >= _BACKING_OVERLAP:
                out[i] = out[i] or f"{parties[j]} also: {shared[0]}"
                out[j] = out[j] or f"{parties[i]} also: {shared[0]}"
    for j, echo in enumerate(attributions):
        cue = doc.char_span(echo.cue.start, echo.cue.end, alignment_mode="expand") if echo.cue is not None else None
        if cue is None or not len(cue):
            continue
        verb = next((t for t in cue if t.lemma_.lower() in BACKING_VERBS), None)
        if verb is None or any(c.dep_ == "xcomp" for c in verb.children):  # "agreed to republish": a deed
            continue
        sent = cue[0].sent
        named = {w.lower() for w in re.findall(r"[A-Za-z]+", sent.text)}
        earlier = [i for i in range(j - 1, -1, -1) if parties[i] != parties[j]
                   and attributions[i].content.end >= sent.start_char - 600]
        # the party the echo names ("echoed Clinton's line"), else the nearest earlier statement
        earlier.sort(key=lambda i: parties[i].split()[-1] not in named if parties[i] else True)
        for i in earlier[:1]:
            out[i] = out[i] or f"{cue.text}: {echo.source.of(text) if echo.source else parties[j]}"
            out[j] = out[j] or f"{cue.text} {parties[i]}"
            break
    return out


__all__ = ["SOURCE_KINDS", "ArticleSourcing", "SourceKind", "Sourcing", "article_sourcing", "sourcing"]
