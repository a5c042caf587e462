"""Documents as sources, and the conflicts a reporter or speaker points out in words.

A **document** (a letter, memo, filing, report ...) is recorded when an article names it: whether it is signed,
a draft or final, leaked (one its writers published or filed is final and not leaked, one they sent to those it
was for is final, unless words say otherwise), who wrote it (a statement in its words: "In the letter, Seely
wrote ..."; "signed by ..."), and the history of its authenticity: each statement that calls it real or fake, or
denies that, in order. A document flag is raised when there is something a fact-checker should see: an unsigned,
draft or leaked document, or one whose authenticity someone questioned.

A **signalled conflict** is a sentence of the reporter's ("the letter belies Trump's warning") or a statement
("the memo is inconsistent with our plans") with a conflict word (the lexicon's ``conflict_signals``)
that names two parties: a document and a person, or two people. Its flag pairs their statements on the closest
subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span, Token

from onrecord.attribution.arrays import ids, positions, token_arrays
from onrecord.attribution.resolution.names import listed_gender
from onrecord.lexicon import load
from onrecord.provenance.anonymity import doc_text
from onrecord.provenance.claims import CONFLICT_SIGNALS, HEDGES
from onrecord.provenance.document_record import attributes, authenticity_history, settled
from onrecord.provenance.flags import conditions
from onrecord.provenance.pairs import Pair, overlap, subject_or_sentence
from onrecord.provenance.parties import one_party, recalled_claim
from onrecord.provenance.values import Flag, Statement
from onrecord.types import CharSpan

_EN = load("en")
FEMALE_FIRST_NAMES = _EN.words("female_first_names")
MALE_FIRST_NAMES = _EN.words("male_first_names")
#: The documents a record is kept of (a narrower set than the heads a claim can be about).
RECORDED = frozenset(
    "letter memo memorandum filing report audit email e-mail contract document dossier transcript directive "
    "affidavit invoice indictment cable grievance petition complaint lawsuit ruling study review assessment log "
    "logbook survey".split())
#: What a reporter calls a statement when setting it against another ("his account", "her assurance").
ACCOUNT_NOUNS = _EN.words("speech_nouns") | frozenset(
    "account denial testimony remark assurance version story explanation answer response".split())


def _mentions(doc: Doc, lemma: str) -> list[Token]:
    """The nouns of the article with this lemma (the nouns by lemma are gathered once per parse)."""
    by_lemma: dict[str, list[int]] | None = doc.user_data.get(_NOUNS_KEY)
    if by_lemma is None:
        by_lemma = {}
        a = token_arrays(doc)
        nouns = np.flatnonzero(np.isin(a.pos, ids("NOUN", "PROPN")))
        strings = doc.vocab.strings
        for i, value in zip(nouns.tolist(), a.lemma[nouns].tolist(), strict=True):
            by_lemma.setdefault(strings[value].lower(), []).append(i)
        doc.user_data[_NOUNS_KEY] = by_lemma
    return [doc[i] for i in by_lemma.get(lemma, ())]


def _noun_lemmas(doc: Doc) -> set[str]:
    """The lemmas (lowercased) of the article's common nouns."""
    a = token_arrays(doc)
    strings = doc.vocab.strings
    return {strings[v].lower() for v in np.unique(a.lemma[a.pos == ids("NOUN")[0]]).tolist()}


_NOUNS_KEY = "onrecord_nouns_by_lemma"


def _reason(name: str, attrs: dict[str, bool | None], history: list[dict[str, Any]]) -> str:
    words = []
    if attrs["signed"] is not None:
        words.append("signed" if attrs["signed"] else "unsigned")
    if attrs["draft"] is not None:
        words.append("a draft" if attrs["draft"] else "final")
    if attrs["leaked"]:
        words.append("leaked")
    parts = [f"{name}: {', '.join(words)}" if words else name]
    if history:
        steps = [f"{h['stance']} by {h['by']}" for h in history]
        parts.append("authenticity " + ", then ".join(steps))
    return "; ".join(parts)


def document_flags(doc: Doc, statements: Sequence[Statement]) -> list[Flag]:
    """A flag for each document the article names that is unsigned, a draft, leaked, or of disputed
    authenticity, with its record."""
    out = []
    for lemma in sorted(_noun_lemmas(doc) & RECORDED):
        mentions = _mentions(doc, lemma)
        sentences = list(dict.fromkeys(t.sent for t in mentions))
        attrs = attributes(sentences, mentions)
        history = authenticity_history(doc, statements, lemma)
        sourced = sum(1 for s in statements if s.document == lemma)
        if not history and not sourced and not (attrs["signed"] is False or attrs["draft"] or attrs["leaked"]):
            continue
        authors = list(dict.fromkeys(s.speaker for s in statements if s.document == lemma and s.speaker))
        author = authors[0] if authors else _named_author(mentions)
        said = settled(attrs)
        record = {"name": f"the {lemma}", "author": author, **said, "stated": attrs,
                  "authenticity": history, "mentions": len(mentions), "statements": sourced,
                  "articles": [statements[0].article] if statements else [],
                  "first": [sentences[0].start_char, sentences[0].end_char] if sentences else None}
        evidence = tuple(h["words"] for h in history if h["words"])
        out.append(Flag(kind="document", subject=f"the {lemma}", reason=_reason(f"the {lemma}", said, history),
                        speaker=author, evidence=evidence, document=record,
                        a=_ref(history[0]) if history else None,
                        b=_ref(history[-1]) if len(history) > 1 else None))
    return out


def _named_author(mentions: list[Token]) -> str | None:
    """Who a document is by, when the text says so: "a memo from the finance office", "a letter signed by Ana
    Lind", "Lind's letter"."""
    for tok in mentions:
        for c in tok.children:
            if c.dep_ == "poss" and c.ent_type_ in ("PERSON", "ORG"):
                return _entity_text(c)
            if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None and obj.ent_type_ in ("PERSON", "ORG"):
                    return _entity_text(obj)
            if c.dep_ == "acl" and c.lemma_ in ("sign", "write", "send", "issue"):
                agent = next((a for a in c.children if a.dep_ == "agent"), None)
                obj = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None
                if obj is not None and obj.ent_type_ in ("PERSON", "ORG"):
                    return _entity_text(obj)
    return None


def _entity_text(tok: Token) -> str:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent.text.removesuffix("'s").removesuffix("’s")
    return tok.text


def merge_documents(flags: Sequence[Flag], stories: dict[str, frozenset[str]], *, shared: int = 2) -> list[Flag]:
    """One record per document across the articles of one story: the document flags of articles that name the
    same document (its noun) and share at least ``shared`` names (``stories``: article key -> its names) are
    merged, the authenticity history in order of publication."""
    groups: list[list[Flag]] = []
    for f in flags:
        if f.kind != "document" or not f.document:
            continue
        art = (f.document.get("articles") or [""])[0]
        for group in groups:
            g = group[0].document or {}
            other = (g.get("articles") or [""])[0]
            if g.get("name") == f.document.get("name") and len(stories.get(art, frozenset())
                                                               & stories.get(other, frozenset())) >= shared:
                group.append(f)
                break
        else:
            groups.append([f])
    return [_merged(g) for g in groups]


def _merged(group: list[Flag]) -> Flag:
    if len(group) == 1:
        return group[0]
    records = [f.document or {} for f in group]
    history = sorted((h for r in records for h in r.get("authenticity", ())),
                     key=lambda h: (h.get("published") or "", h.get("article") or "", not h.get("recalled"),
                                    h.get("ordinal") or 0))
    stated: dict[str, bool | None] = {}
    for name in ("signed", "draft", "leaked"):  # what the latest article says; a leak stays a leak
        values = [r.get("stated", r).get(name) for r in records]
        values = [v for v in values if v is not None]
        stated[name] = (True if name == "leaked" and True in values else values[-1]) if values else None
    for name in ("published", "sent"):
        stated[name] = any(r.get("stated", r).get(name) for r in records)
    attrs = settled(stated)
    author = next((r["author"] for r in records if r.get("author")), None)
    record = {**records[0], **attrs, "stated": stated, "author": author, "authenticity": history,
              "articles": [a for r in records for a in r.get("articles", ())],
              "mentions": sum(r.get("mentions", 0) for r in records),
              "statements": sum(r.get("statements", 0) for r in records)}
    name = record.get("name", "the document")
    return Flag(kind="document", subject=name, reason=_reason(name, attrs, history), speaker=author,
                evidence=tuple(h["words"] for h in history if h.get("words")), document=record,
                a=_ref(history[0]) if history else None, b=_ref(history[-1]) if len(history) > 1 else None)


def _ref(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: entry[k] for k in ("article", "ordinal", "published", "text")} | {"speaker": entry["by"]}


def _signal_tokens(doc: Doc, inside: list[tuple[int, int]]) -> list[Token]:
    def covered(t: Token) -> bool:
        return any(s <= t.idx < e for s, e in inside)

    found = []
    a = token_arrays(doc)  # only the tokens whose lemma (or word: "odds") is a signal are looked at
    for i in positions(a.lemma_in(CONFLICT_SIGNALS) | np.isin(a.lower, ids("odds"))):
        tok = doc[i]
        lemma = "odds" if tok.lower_ == "odds" else tok.lemma_.lower()
        if lemma not in CONFLICT_SIGNALS or covered(tok) or tok.pos_ not in ("VERB", "ADJ", "NOUN"):
            continue
        if lemma == "odds" and not (tok.i > 0 and doc[tok.i - 1].lower_ == "at"):
            continue
        if lemma in ("dispute", "counter", "refute", "rebut"):  # (cues of speech, taken by extraction)
            continue
        if lemma == "different" and tok.head.lemma_.lower() not in _ACCOUNTS:
            continue  # "a different story", "a different account"; not "a different approach"
        if lemma == "square" and not (tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "with"):
            continue  # "hard to square with"
        found.append(tok)
    return found


def _phrase_tokens(doc: Doc, statements: Sequence[Statement], text: str) -> list[Token]:
    """The first words of the conflict phrases of several words ("gives the lie to", "sits uneasily with": no one
    word of them is a signal), in a sentence that recalls a person's claim ("gives the lie to the chair's assurance
    in May that ..."; alone, such words are too loose: "does not match" a size, "at variance with" a rule)."""
    found = []
    for m in _PHRASE.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and any(_within(s, span.sent) and s.attribution.speaker_kind == "person"
                                    and recalled_claim(s.attribution, text) for s in statements):
            found.append(span[0])
    return found


#: The conflict phrases of several words (lexicon ``conflict_phrases``), as a pattern of whole words.
_PHRASE = re.compile(r"\b(?i:" + "|".join(re.escape(p).replace("_", r"\s+") for p in sorted(
    _EN.words("conflict_phrases"), key=len, reverse=True)) + r")\b")


_ACCOUNTS = frozenset("story account version picture tale explanation".split())


def _by_document(statements: Sequence[Statement], lemma: str, text: str) -> list[Statement]:
    """A document's statements: those in its words, and those whose source names it ("the audit's figures show")."""
    out = []
    for s in statements:
        source = s.attribution.source
        words = re.findall(r"[a-z-]+", source.of(text).lower().replace("’", "'").replace("'s", "")) if source else []
        if s.document == lemma or lemma in words or _refers_to(words, source, text, lemma):
            out.append(s)
    return out


def _refers_to(words: list[str], source: CharSpan | None, text: str, lemma: str) -> bool:
    """Is a pronoun source the document named just before it in its sentence ("the audit, which says ...", "the
    audit tells a different story: it says ...")?"""
    if source is None or words not in (["which"], ["that"], ["it"]):
        return False
    before = text[max(0, source.start - 120):source.start].lower()
    sentence = re.split(r"[.!?]\s", before)[-1]
    nouns = re.findall(r"[a-z-]+", sentence)
    named = [w.removesuffix("s") if w.removesuffix("s") in RECORDED else w for w in nouns]
    return next((w for w in reversed(named) if w in RECORDED), None) == lemma




def _as_document(s: Statement, lemma: str) -> Statement:
    """A statement the document's group holds, as the document's: "the bank records attached to the filing, which
    show his signature" is the filing's, whoever extraction took the "which" for."""
    return s if s.document is not None else replace(s, document=lemma)


def _said_before(sent: Span, statements: Sequence[Statement], *, person: bool = True,
                 besides: Sequence[list[Statement]] = (), pronoun: str = "") -> list[Statement]:
    """The statements of the person (or, not ``person``, anyone) who spoke last before ``sent`` ("His account is
    at odds with ..."; "his" passes over a woman's first name, "her" over a man's, by the short lists or one the
    long list is sure of: "Her testimony" after "Owen Lind said" is not his), leaving out the parties already
    found."""
    taken = {s.party for group in besides for s in group}
    held = {s.ordinal for group in besides for s in group}
    unlike = FEMALE_FIRST_NAMES if pronoun == "his" else MALE_FIRST_NAMES if pronoun == "her" else frozenset()
    other = "f" if pronoun == "his" else "m" if pronoun == "her" else None  # (a first name the long list is sure of)
    earlier = [s for s in statements if s.attribution.content.end <= sent.start_char and s.speaker
               and s.document is None and s.party not in taken and s.ordinal not in held
               and (not person or s.attribution.speaker_kind == "person")
               and s.speaker.split()[0].lower() not in unlike and (other is None or listed_gender(s.speaker) != other)]
    if not earlier:
        return []
    said = _sentence_words(sent) - {s.document for group in besides for s in group}
    # the speaker whose words the sentence gives back ("his testimony that he never read the orders"), else the last
    last = max(earlier, key=lambda s: (len(said & _topics(s)) >= 2, s.attribution.content.end)).speaker
    return [s for s in statements if s.speaker == last and s.document is None]


def _parties(sent: Span, statements: Sequence[Statement], text: str) -> list[list[Statement]]:
    """The statements of each party the sentence names: a document by its noun (all of them held by the document,
    :func:`_as_document`), a speaker by a name, and "his account", "her assurance" by the speaker who spoke last."""
    groups: list[list[Statement]] = []
    lemmas = {t.lemma_.lower() for t in sent if t.pos_ == "NOUN"}
    for lemma in sorted(lemmas & RECORDED):
        group = [_as_document(s, lemma) for s in _by_document(statements, lemma, text)]
        if group:
            groups.append(group)
    names = {t.text for ent in sent.ents if ent.label_ in ("PERSON", "ORG") for t in ent if t.is_title}
    names |= {t.text for t in sent if t.dep_ == "poss" and t.pos_ == "PROPN"}
    speakers = list(dict.fromkeys(s.speaker for s in statements if s.speaker and s.document is None))
    for speaker in speakers:
        if speaker.split()[-1] in names:
            groups.append([s for s in statements if s.speaker == speaker and s.document is None])
    for s in statements:  # a person's claim the sentence gives back ("at odds with the chair's assurance that ...")
        if _within(s, sent) and s.document is None and s.attribution.speaker_kind == "person" and s.party \
                and recalled_claim(s.attribution, text) \
                and not any(s.party == t.party for group in groups for t in group):
            groups.append([t for t in statements if t.party == s.party and t.document is None])
    owner = next((t.lower_ for t in sent if t.dep_ == "poss" and t.lower_ in ("his", "her")
                  and t.head.lemma_.lower() in ACCOUNT_NOUNS), None)
    if owner is not None:
        last = _said_before(sent, statements, besides=groups, pronoun=owner)
        if last:
            groups.append(last)
    if len(groups) == 1 and _points_back(sent):  # "It flatly contradicts ...": the document whose words came last
        back = max((s for s in statements if s.document and s.attribution.content.end <= sent.start_char),
                   key=lambda s: s.attribution.content.end, default=None)
        if back is not None and not any(back.party == s.party for s in groups[0]):
            groups.append([s for s in statements if s.document == back.document])
    if len(groups) == 1:  # "The indictment tells a different story": against the one who spoke last
        last = _said_before(sent, statements, person=False, besides=groups)
        if last:
            groups.append(last)
    return groups


#: What a sentence's subject calls the words just before it ("It", "The finding", "Both findings").
_BACK = frozenset("it this that these those finding findings figure figures".split())


def _points_back(sent: Span) -> bool:
    """Does the sentence's subject stand for the words just before it ("It flatly contradicts ...", "That finding
    is at odds with ...")?"""
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in _BACK and t.head.dep_ == "ROOT" for t in sent)


def signalled_conflicts(doc: Doc, statements: Sequence[Statement]) -> list[Flag]:
    """Conflicts a reporter's sentence points out ("the letter belies Trump's warning"): the two parties it names,
    paired on their closest statements."""
    inside = [(s.attribution.content.start, s.attribution.content.end) for s in statements]
    text = doc_text(doc)  # (spaCy builds doc.text anew on each access)
    out = []
    signals = _signal_tokens(doc, inside)
    for tok in sorted(signals + [t for t in _phrase_tokens(doc, statements, text) if t not in signals],
                      key=lambda t: t.i):
        groups = _parties(tok.sent, statements, text)
        if len(groups) < 2:
            continue
        at = tok.sent.start_char

        def near(s: Statement, at: int = at) -> int:  # how far a statement is from the sentence that says so
            return abs(s.attribution.content.end - at) if s.attribution.content.end <= at else \
                2 * abs(s.attribution.content.start - at)

        words_of = _sentence_words(tok.sent) - {s.document for g in groups for s in g}  # (a party's noun)

        def fit(p: tuple[Statement, Statement], sent: Span = tok.sent, ws: set[str] = words_of) -> tuple[Any, ...]:
            """The pair the sentence most likely sets against each other: a person's statement given in the
            sentence itself, opposite signs, firm unconditional claims, not a dispute of the document itself, the
            sentence's words (up to two a side), what they share, nearness."""
            return (sum(_within(s, sent) for s in p if s.document is None), bool(_opposed(*p)),
                    -sum(_hedged(s) or _conditional(s) for s in p), -_on_document(*p),
                    sum(min(len(ws & _topics(s)), 2) for s in p),
                    round(overlap(p[0].claim, p[1].claim), 1), -min(near(p[0]), near(p[1])))

        best = max(((a, b) for a in groups[0] for b in groups[1] if a.claim.asserts and b.claim.asserts
                    and a.ordinal != b.ordinal),
                   key=fit, default=None)
        if best is None:
            continue
        a, b = best
        if one_party(a.party, b.party) or not _related(a, b, tok.sent, words_of):
            continue
        concepts = _opposed(a, b)
        words = doc[tok.i - 1: tok.i + 1].text if tok.lower_ == "odds" else tok.text
        also = tuple((x.ref(), y.ref()) for x in groups[0] for y in groups[1] if (x, y) != best
                     and x.claim.asserts and y.claim.asserts and (_restates(x, a) or x is a)
                     and (_restates(y, b) or y is b))
        subject = subject_or_sentence(a, b, concepts[0] if concepts else None, tok.sent)
        out.append(Flag(kind="conflict", subject=subject,
                        reason=f"the reporter says so: “{words}”{conditions(a, b)}", a=a.ref(), b=b.ref(),
                        speaker=a.party,
                        concept=concepts[0] if concepts else None,
                        other=b.party, also=also,
                        evidence=(words, *(w for c, w in (*a.claim.words, *b.claim.words) if c in concepts[:1]))))
    return out


def _within(s: Statement, sent: Span) -> bool:
    """Is the statement given in the reporter's sentence itself ("at odds with the statement he made on May 3,
    when he said no aircraft had flown")?"""
    return sent.start_char <= s.attribution.content.start and s.attribution.content.end <= sent.end_char


def _related(a: Statement, b: Statement, sent: Span, said: set[str]) -> bool:
    """Is the pair a reporter's sentence picked one disagreement: a person's statement the sentence gives itself
    or words back ("his testimony that he never read the orders"), opposite signs, a quarter of what they name
    shared, or one side naming the other's document ("whatever the report says")? Two statements with nothing in
    common are the wrong pair, not the conflict the sentence means."""
    if any(_within(s, sent) for s in (a, b) if s.document is None) or _opposed(a, b):
        return True
    if any(len(said & _topics(s)) >= 2 for s in (a, b)):
        return True
    if overlap(a.claim, b.claim) >= 0.25:
        return True
    return bool((a.document and a.document in b.claim.keys) or (b.document and b.document in a.claim.keys))


def _on_document(a: Statement, b: Statement) -> int:
    """Is one side's claim said of the other side's document ("the report is not genuine" against the report):
    a dispute over the document itself, not the account a reporter sets against what the document says."""
    return sum(1 for x, y in ((a, b), (b, a)) if y.document and (any(
        y.document in (h.lstrip("~+") for h in heads) for _, heads in x.claim.heads) or any(
        phrase.lower().split()[-1] == y.document for _, phrase in x.claim.phrases)))


def _conditional(s: Statement) -> bool:
    """Is the statement's claim put under a condition ("only if the state pays"): weaker evidence, as a hedge is."""
    return (s.claim.condition or "").lower().startswith(("if", "only if", "unless"))


def _hedged(s: Statement) -> bool:
    """Is the statement's main claim hedged ("some aircraft may have flown"): weaker evidence of a conflict."""
    return bool(s.claim.stances) and s.claim.modal_of(s.claim.stances[0][0]) in HEDGES


def _sentence_words(sent: Span) -> set[str]:
    """The lemmas of the nouns and verbs of the reporter's sentence ("inconsistent with his testimony that he never
    read the orders")."""
    return {t.lemma_.lower() for t in sent if t.pos_ in ("NOUN", "VERB") and not t.is_stop}


def _topics(s: Statement) -> set[str]:
    return set(s.claim.keys) | {c for c, _ in s.claim.stances}


def _restates(x: Statement, y: Statement) -> bool:
    """Does one party's statement say again what another of theirs said (the lede's paraphrase and the quote)?"""
    return x.party == y.party and (bool(Pair(x, y).shared) or overlap(x.claim, y.claim) >= 0.75)


def _opposed(a: Statement, b: Statement) -> list[str]:
    sb = dict(b.claim.stances)
    return [c for c, s in a.claim.stances if sb.get(c) == -s]


def spoken_conflicts(statements: Sequence[Statement]) -> list[Flag]:
    """A statement that calls a document wrong in its own words ("the memo is inconsistent with our plans"): a
    conflict between its speaker and the document."""
    out = []
    for s in statements:
        c = s.claim
        if c.signal is None or not c.asserts or not c.documents or s.speaker is None:
            continue
        for lemma in c.documents:
            if lemma not in RECORDED or s.document == lemma:
                continue
            theirs = [t for t in statements if t.document == lemma]
            b = max(theirs, key=lambda t: overlap(c, t.claim), default=None)
            if b is None:
                continue
            out.append(Flag(kind="conflict", subject=f"the {lemma}", reason=f"the speaker says so: “{c.signal}”",
                            a=s.ref(), b=b.ref(),
                            speaker=s.party, other=f"the {lemma}", evidence=(c.signal,)))
            break
    return out


__all__ = ["RECORDED", "document_flags", "merge_documents", "signalled_conflicts", "spoken_conflicts"]
