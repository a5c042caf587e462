"""Provenance: what each statement asserts, and the reversals, conflicts and disputed documents between them.

One typed function per step, pure values in and out (docs/provenance.md explains each flag, how it is found, its
measured precision and recall, and what it misses)::

    from onrecord.provenance import analyse_text
    from onrecord import extract

    extraction = extract(text, settings=Settings(scope="all"))
    found = analyse_text(extraction)          # parses the text again; ingest reuses extraction's own parse
    for flag in found.flags:
        print(flag.kind, flag.rating, flag.subject, flag.reason)

- :func:`onrecord.provenance.claims.claims`: a :class:`Claim` per attribution (stance, negation, hedges,
  conditions, numbers, what it is about), read off the article's parse;
- :func:`statements`: the attributions with their claims, as the flags compare them;
- :func:`onrecord.provenance.subjects.subjects`: the statements grouped by what they are about;
- :func:`onrecord.provenance.flags.pair_flags`: reversals and conflicts among statements, within one article or
  against the statements of other articles;
- :func:`onrecord.provenance.documents.document_flags`, ``signalled_conflicts``, ``spoken_conflicts``: the
  documents an article names and the conflicts its words point out;
- :func:`onrecord.provenance.sourcing.sourcing`: how each statement is sourced (anonymous and why, relayed,
  single-source, the kind of source);
- :func:`onrecord.provenance.gender.speaker_genders`: each person speaker's gender with its evidence.

These are suggestions with their evidence, never verdicts of truth.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from onrecord.attribution.arrays import shared
from onrecord.provenance.anonymity import doc_ents, remember_text
from onrecord.provenance.claims import Claim, claims
from onrecord.provenance.concessions import conceding
from onrecord.provenance.documents import RECORDED, document_flags, signalled_conflicts, spoken_conflicts
from onrecord.provenance.flags import DOCUMENT_MEDIA, Flag, Statement, group_flags, pair_flags
from onrecord.provenance.gender import GenderCall, speaker_genders
from onrecord.provenance.parties import (
    antecedent_in_sentence,
    named_after,
    named_by_role,
    owner_of_claim,
    owner_of_time,
    recalled_claim,
    role_of_previous,
)
from onrecord.provenance.rebuttals import rebuttals
from onrecord.provenance.restatements import with_restatements
from onrecord.provenance.sourcing import Sourcing, sourcing
from onrecord.types import Article, Attribution

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from onrecord.types import Extraction

#: The document a medium names when the source does not ("In the letter, Seely wrote").
_MEDIUM_DOCUMENT = {"letter": "letter", "court_filing": "filing"}


@dataclass(frozen=True, slots=True)
class ArticleProvenance:
    """An article's claims (one per attribution, in order), the flags found within it, how each attribution is
    sourced (in order) and the gender of each person speaker (by fullest name)."""

    claims: tuple[Claim, ...] = ()
    flags: tuple[Flag, ...] = ()
    names: tuple[str, ...] = ()  # the people, places and bodies the article names: what links it to its story
    sourcing: tuple[Sourcing, ...] = ()
    genders: tuple[tuple[str, GenderCall], ...] = ()

    def gender_of(self, name: str | None) -> GenderCall | None:
        return next((call for n, call in self.genders if n == name), None) if name else None

    def to_dict(self) -> dict[str, Any]:
        return {"claims": [c.to_dict() for c in self.claims], "flags": [f.to_dict() for f in self.flags],
                "names": list(self.names), "sourcing": [s.to_dict() for s in self.sourcing],
                "genders": {n: call.to_dict() for n, call in self.genders}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleProvenance:
        return cls(tuple(Claim.from_dict(c) for c in data.get("claims", ())),
                   tuple(Flag.from_dict(f) for f in data.get("flags", ())), tuple(data.get("names", ())),
                   tuple(Sourcing.from_dict(s) for s in data.get("sourcing", ())),
                   tuple((n, GenderCall.from_dict(c)) for n, c in (data.get("genders") or {}).items()))


def document_of(attribution: Attribution, text: str) -> str | None:
    """The document whose words an attribution gives: its source's noun ("the memo says"), else its medium's."""
    if attribution.source is not None:
        words = attribution.source.of(text).lower().replace("’", "'").split()
        if words:
            last = words[-1].removesuffix("'s").removesuffix("s") if words[-1] not in RECORDED else words[-1]
            if last in RECORDED:
                return last
        if words == ["it"]:
            subject = _sentence_subject(text, attribution.source.start)
            if subject is not None:
                return subject
    if attribution.medium == "court_filing" and attribution.speaker_kind == "person" and not _names_document(
            attribution, text):
        return None  # "Lind testified", "she told the court": spoken words, no document
    if attribution.medium in DOCUMENT_MEDIA:
        # the document the sentence names before the words ("In an email to staff, Lind wrote ...")
        named = [w for w in re.findall(r"[a-z-]+", _before(attribution, text).lower()) if w in RECORDED]
        return named[-1] if named else _MEDIUM_DOCUMENT.get(attribution.medium)
    return None


def _before(attribution: Attribution, text: str) -> str:
    """The words of the sentence before an attribution's content or cue, up to it (a title's period, "Lt. Oren
    Basterfield", ends no sentence)."""
    anchor = min(s.start for s in (attribution.content, attribution.cue) if s is not None)
    end = anchor
    while (at := text.rfind(".", 0, end)) > 0 and _TITLE.search(text[max(0, at - 6):at + 1]):
        end = at
    return text[max(at, text.rfind("\n", 0, anchor), 0):anchor]


#: A period that ends a title or an initial, not a sentence ("Lt.", "Dr.", "J.").
_TITLE = re.compile(r"(?:^|\W)(?:[A-Z]|Mr|Ms|Mrs|Dr|Lt|St|Gen|Sen|Rep|Gov|Sgt|Col|Capt|Prof)\.$")


def _names_document(attribution: Attribution, text: str) -> bool:
    return any(w in RECORDED for w in re.findall(r"[a-z-]+", _before(attribution, text).lower()))


def _sentence_subject(text: str, at: int) -> str | None:
    """The document a sentence-initial "It" stands for: the one the sentence before begins with ("The indictment,
    filed on Monday, tells a different story. It says ..."), else the last one it names ("The Journal has seen an
    internal email. It reads ..."). A title's or a month's period ("Dec. 4") ends no sentence."""
    start = _sentence_start(text, at)
    if text[start:at].strip():
        return None  # "It" is not what the sentence begins with
    before = text[_sentence_start(text, start - 1):start].strip().lower()
    words: list[str] = re.findall(r"[a-z'’-]+", before.split(",")[0])
    if words and words[0] in ("the", "a", "an", "this", "that"):
        for w in words[1:5]:  # the noun phrase it begins with, up to its first verb-looking word
            if w.removesuffix("s") in RECORDED:
                return w.removesuffix("s")
            if w.endswith("ed"):
                break
    named = [w for w in re.findall(r"[a-z-]+", before) if w in RECORDED]
    return named[-1] if named else None


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``at`` begins: after the last period (not a title's or a month's) or line end."""
    end = at
    while True:
        stops = list(_STOP.finditer(text, 0, end))
        stop = stops[-1].start() if stops else -1
        if stop > 0 and text[stop] == "." and (_TITLE.search(text[max(0, stop - 6):stop + 1])
                                                or _MONTH.search(text[max(0, stop - 6):stop + 1])):
            end = stop
            continue
        return stops[-1].end() if stops else 0


#: A sentence's end: a period, or a quotation's closing mark after it (`."` and `.”` end the sentence they close:
#: 'The memo says that "the depot will close." It adds ...'), before a space; or a line's end.
_STOP = re.compile(r"\.[\"”’']?(?= )|\n")


#: A month's abbreviation ("Dec. 4"), whose period ends no sentence.
_MONTH = re.compile(r"(?:^|\W)(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.$")


def statements(article: Article, attributions: Sequence[Attribution], found: Sequence[Claim],
               key: str | None = None, names: Sequence[str] = ()) -> list[Statement]:
    """The attributions of one article with their claims, as the flags compare them; ``names``: the article's
    (:func:`article_names`)."""
    key = key if key is not None else (article.id or "")
    story = frozenset(names)
    place = _dateline(article.text)
    out: list[Statement] = []
    speakers = [a.speaker for a in attributions if a.speaker and a.speaker_kind == "person"]
    earlier: list[str] = []  # (the person speakers so far: whose "his statement that ..." it is)
    for i, (a, c) in enumerate(zip(attributions, found, strict=True)):
        a = _not_from(a, place)
        claimant = owner_of_claim(a, article.text, speakers, earlier)  # (the source, "The review belies": nothing)
        named = (role_of_previous(a, out[-1].attribution if out else None) or owner_of_time(a, article.text, speakers)
                 or antecedent_in_sentence(a, article.text, speakers) or named_after(a, article.text)
                 or named_by_role(a, article.text))
        if claimant:
            a = replace(a, speaker=claimant, source=None, speaker_kind="person")
        elif named:
            a = replace(a, speaker=named)
        if claimant and c.cue == "deny":  # ("contradicts the chair's assurance that ...": hers, asserted)
            c = replace(c, cue="assert", stances=tuple((k, -v) for k, v in c.stances))
        out.append(Statement(key, i, a, c, a.content.of(article.text), article.published, article.outlet,
                             None if claimant and recalled_claim(a, article.text) else document_of(a, article.text),
                             story))
        if a.speaker and a.speaker_kind == "person":
            earlier.append(a.speaker)
    return out


def _not_from(attribution: Attribution, place: str | None) -> Attribution:
    """The attribution without a source that is only the dateline's place: it holds no position."""
    if place is None or place not in (attribution.speaker, attribution.speaker_description):
        return attribution
    return replace(attribution, speaker=None, speaker_description=None)


def _dateline(text: str) -> str | None:
    """The place an article's dateline names ("BRACKMOOR — Police Chief ..."): never a speaker."""
    m = re.match(r"\s*([A-Z][A-Z .'-]*[A-Z])\s*(?:,[^—–\n]{0,30})?\s*[—–]", text)
    return m.group(1) if m else None


def article_names(doc: Doc) -> tuple[str, ...]:
    """The people, places and bodies an article names (lowercased, "the" and "'s" dropped), most named first."""
    counts: dict[str, int] = {}
    for ent in doc_ents(doc):
        if ent.label_ in ("PERSON", "ORG", "GPE", "FAC", "LOC"):
            name = ent.text.lower().removeprefix("the ").removesuffix("'s").removesuffix("’s").strip()
            if len(name) > 2:
                counts[name] = counts.get(name, 0) + 1
    return tuple(sorted(counts, key=lambda n: -counts[n]))


def analyse(doc: Doc, article: Article, attributions: Sequence[Attribution],
            key: str | None = None) -> ArticleProvenance:
    """The claims, the within-article flags, the sourcing and the speakers' genders of one article, from its
    parse ``doc``."""
    remember_text(doc, article.text)  # (the article's text is the parse's: Doc.text would join every token anew)
    with shared(doc):  # (the token arrays the steps read, read once)
        found = claims(doc, tuple(attributions))
        names = article_names(doc)
        said = conceding(doc, statements(article, attributions, found, key, names))
        found = tuple(s.claim for s in said)  # (with what each concedes)
        flags = [*with_restatements(pair_flags(said), said), *spoken_conflicts(said),
                 *signalled_conflicts(doc, said), *rebuttals(doc, said), *document_flags(doc, said)]
        sourced = sourcing(doc, attributions, outlet=article.outlet)
        genders = tuple(speaker_genders(doc, attributions).items())
    return ArticleProvenance(found, tuple(group_flags(_unique(flags))), names, sourced, genders)


def _unique(flags: list[Flag]) -> list[Flag]:
    """One flag per kind and pair of statements (a signalled conflict and a found one between the same two are one:
    the signalled one, whose reason names the reporter's words, is kept)."""
    seen: dict[tuple[Any, ...], int] = {}
    out: list[Flag] = []
    for f in flags:
        ends = tuple(sorted(str((r or {}).get("ordinal")) for r in (f.a, f.b)))
        k = (f.kind, ends) if f.kind != "document" else (f.kind, f.subject)
        if k in seen:
            if f.reason.startswith("the reporter"):
                out[seen[k]] = f
            continue
        seen[k] = len(out)
        out.append(f)
    return out


def across_articles(extractions: Sequence[Extraction]) -> tuple[list[list[Statement]], list[Flag]]:
    """The statements of each extraction (made with provenance), and the reversals and conflicts between the
    articles, each article's statements against those of the articles before it, as the store compares a new
    article with the stored ones (one flag per disagreement)."""
    said = [statements(ex.article, ex.attributions, ex.provenance.claims, names=ex.provenance.names)
            for ex in extractions]
    everyone = [s for group in said for s in group]
    flags = []
    for i in range(1, len(said)):
        found = pair_flags(said[i], against=[s for group in said[:i] for s in group], conflicts=True)
        flags.extend(group_flags(with_restatements(found, everyone)))
    return said, flags


def analyse_text(extraction: Extraction, nlp: Language | None = None, key: str | None = None) -> ArticleProvenance:
    """:func:`analyse` for an extraction whose parse is gone (a stored article, a file ``extract`` wrote): parses
    its text again with ``nlp`` (the default pipeline without the attribution component when None)."""
    if nlp is None:
        from onrecord.nlp import load_pipeline

        nlp = load_pipeline(with_attribution=False)
    doc = nlp(extraction.article.text)
    return analyse(doc, extraction.article, extraction.attributions, key)


__all__ = ["ArticleProvenance", "Claim", "Flag", "GenderCall", "Sourcing", "Statement", "across_articles", "analyse",
           "analyse_text",
           "article_names", "document_of",
           "statements"]
