"""Relay passages: a statement's relay mark set outside its own sentence (:mod:`onrecord.provenance.sourcing`).

An interview with another outlet, named in a statement or a sentence of its own ("Ana Lind told Radio Nord ...",
"During his Kestrel News interview, Tarn ..."), or another outlet's journalist asking the questions, carries to the
same speaker's later statements within a few paragraphs, until one names a channel of its own. A sentence naming the
occasion of the statements before it ("She made the remarks in an interview with ...") marks them. An "according to"
sentence scopes the sentence before it, or the next sentence's statement by a pronoun.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from onrecord.lexicon import en as lex
from onrecord.lexicon import load
from onrecord.provenance.anonymity import doc_text, mention, mention_noun, next_sentence
from onrecord.provenance.backing import shared_topic, topic
from onrecord.provenance.excerpts import excerpted, last_word, quoted_passages, reopened, shares_reported, to_the_public
from onrecord.provenance.outlets import (
    INTERVIEWS,
    heard_by,
    heard_outlet,
    interview_outlet,
    main_clause,
    outlet_words,
    public_hearer,
    same_outlet,
)
from onrecord.types import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from onrecord.provenance.sourcing import Sourcing

# words that may set a passage; words naming the occasion of the statements before
_SETTINGS = re.compile(r"\b(?:interview|appearance|meeting|told|tells|asked|asks)\b", re.IGNORECASE)
_OCCASIONS = re.compile(r"\b(?:interview|appearance|meeting|remarks|comments)\b", re.IGNORECASE)
_POLLS = frozenset("poll polls survey surveys".split())
_THE_POLL = re.compile(r"\b[Tt]he (?:poll|survey)\b")
_OTHER_POLL = re.compile(r"\b(?:previous|last|earlier|prior|another|other|separate|tracking)\s+(?:[\w/.\-]+\s+){0,4}?"
                         r"(?:poll|survey)", re.IGNORECASE)
_FIRST_PERSONS = frozenset("i we me us you".split())  # (the quotation's speaker, or its hearer)
_THIRD_PERSONS = frozenset("he she they him her them".split())  # (in a speaker's own words: someone else)
_DOCUMENTS = lex.DOCUMENT_NOUNS | lex.FINDING_NOUNS | lex.SOURCE_DOCUMENT_HEADS
_GOING_ON = frozenset("add continue".split())  # (participles that go on with the same talk: "adding later")
_PASSAGE_BREAKS = 3  # how many paragraph breaks an interview passage runs on after its last statement
_LEXICON = load("en")
_PUBLIC_CHANNELS, _OTHER_OCCASION, _PUBLIC_ACTS, _TALK, _COMING, _WRITINGS = (_LEXICON.words(name) for name in (
    "public_channels", "other_occasion", "public_act_verbs", "talk_nouns", "coming_event_modifiers", "own_writings"))
_DESCRIBED = lex.ANONYMOUS_HEADS | lex.UNNAMED_HEADS | lex.TITLES | frozenset(lex.GENDERED_ROLES) | _LEXICON.words(
    "role_heads") | _LEXICON.words("public_office_heads") | _LEXICON.words("description_heads")  # (a person's noun)
_BACK = frozenset("his her their its the those these".split())  # (talk already told of: "in his remarks")


def _speaker_key(a: Attribution, text: str) -> str:
    """The speaker's last name (the mention's last word when speaker resolution found no one)."""
    return last_word(a.speaker or (a.source.of(text) if a.source is not None else ""))


def _passage_keys(doc: Doc, attributions: Sequence[Attribution], keys: Sequence[str], order: Sequence[int]
                  ) -> list[str]:
    """The speakers' keys as an interview passage reads them: a statement that speaker resolution left without a
    speaker takes the key of the person it points to, when its mention is a definite description of one person
    ("Lind urged Tarn to resign.¶'...,' the port's former pilot said in an interview with ..."): the
    statement just before it, within a paragraph break, if that one has a speaker; or a "he"/"she" another
    statement of its own sentence names ("While she conceded the cost, Lind also noted ...")."""
    text, out = doc_text(doc), list(keys)
    breaks = "\n\n" if "\n\n" in text else "\n"
    known = [bool(a.speaker) for a in attributions]
    for n, k in enumerate(order):
        said_by = mention(doc, attributions[k])
        if known[k] or said_by is None:
            continue
        if len(said_by) == 1 and said_by[0].lower_ in ("he", "she"):
            sent = said_by[0].sent
            named = {keys[j] for j in order if attributions[j].speaker and sent.start_char <= (
                attributions[j].cue or attributions[j].content).start < sent.end_char}
            if len(named) == 1:
                out[k], known[k] = named.pop(), True
        elif n and _description(said_by) and known[order[n - 1]] and text[
                attributions[order[n - 1]].content.end : said_by.start_char].count(breaks) <= 1:
            out[k], known[k] = out[order[n - 1]], True
    return out


def _description(said_by: Span) -> bool:
    """Is the mention a definite description of one person, without a name of its own ("the senator", "Lind's
    former harbour pilot", "the 41-year-old father of two")?"""
    head = mention_noun(said_by)
    return head.pos_ == "NOUN" and head.tag_ == "NN" and head.ent_type_ in ("", "PERSON") and (
        head.lemma_.lower() in _DESCRIBED or head.lower_ in _DESCRIBED) and (
        said_by[0].lower_ == "the" or any(c.dep_ == "poss" for c in head.children)) and not any(
        t.ent_type_ == "PERSON" and t.head == head and t.dep_ != "poss" for t in said_by)


def _own_channel(doc: Doc, a: Attribution, attributions: Sequence[Attribution] = ()) -> bool:
    """Does the statement's sentence name a public channel ("at a rally", "in a statement", "told reporters") or
    another occasion ("Clark later said", "she has said", "said in a recent interview": with this outlet, as
    another outlet's would be a relay mark of its own) of its own? (Not the words said: "the worst since
    the flood," he said; nor words another statement of ``attributions`` reports, which do not hold this one: "...,"
    Lind said, adding that voters "are tired of the whole debate".)"""
    at = a.cue or a.content
    span = doc.char_span(at.start, at.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    said = [(b.content.start, b.content.end) for b in attributions if not b.content.start <= at.start < b.content.end]
    return any(((t.lower_ in _PUBLIC_CHANNELS and not _pointing_back(t)) or (
        t.lower_ in _OTHER_OCCASION and not _adding(t)) or _an_interview(t))
               and not a.content.start <= t.idx < a.content.end and not any(lo <= t.idx < hi for lo, hi in said)
               for t in span[0].sent) or any(
        c.dep_ == "aux" and c.lemma_ == "have" for t in span if t.pos_ == "VERB" for c in t.children)


def _pointing_back(t: Token) -> bool:
    """Is the word talk already told of, which may be the interview itself ("in his remarks", "the remarks"): a talk
    noun with only a possessive or "the" before it, nothing after it ("in his remarks at the rally" is a rally)? Or
    an event still to come, which cannot be where the words were said ("tips for the coming hearing")?"""
    return (t.lower_ in _TALK and all(c.dep_ in ("poss", "det") and c.lower_ in _BACK for c in t.children) and any(
        c.dep_ in ("poss", "det") for c in t.children)) or any(c.lower_ in _COMING for c in t.children)


def _adding(t: Token) -> bool:
    """Is the occasion word on a participle that goes on with the same talk ("Lind said, adding later, ...")?"""
    return t.head.tag_ == "VBG" and t.head.lemma_.lower() in _GOING_ON


def _subject(sent: Span) -> Token | None:
    """The main clause's subject; else a name standing just before the main verb, which the parse hung elsewhere
    ("In an interview with Kestrel News' Ivo Tarn, Lind was asked ...": "Lind" taken for an apposition)."""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    verb = min([root.i, *(c.i for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i)])
    before = sent.doc[verb - 1] if verb > sent.start else None
    return subject or (before if before is not None and before.pos_ == "PROPN" else None)


def _an_interview(t: Token) -> bool:
    """Is the word a new interview ("in a recent interview"), not the one already named ("during the interview"), or
    a piece of the speaker's own writing ("In an essay for the Kestrel Herald, Lind wrote ...": public)?"""
    return (t.lower_ in INTERVIEWS or t.lower_ in _WRITINGS) and any(c.lower_ in ("a", "an") for c in t.children)


def _passage_anchors(doc: Doc, attributions: Sequence[Attribution], found: Sequence[Sourcing], keys: Sequence[str],
                     outlet: str | None) -> list[tuple[int, str, str, int]]:
    """Where an interview passage starts: (the end of a statement marked as told to another outlet, or of a sentence
    whose named subject tells another outlet or sets such an interview, "Instead, Lind told Radio Nord, ...",
    "During his Kestrel News interview, Tarn ..."; the speaker's key; the mark; where the marking sentence starts,
    -1 when the mark looks only forward)."""
    text, anchors = doc_text(doc), []
    for a, s, key in zip(attributions, found, keys, strict=True):
        mark = next((e.removeprefix("relay: ") for e in s.evidence if e.startswith("relay: ")), "")
        if mark and key and not mark.startswith(("via", "reports")) and "according" not in mark.lower() \
                and mark.lower() not in lex.RELAY_ADVERBS:
            at = a.cue or a.content
            cue = doc.char_span(at.start, at.end, alignment_mode="expand")
            if cue is not None and any(_recalled(t) for t in cue):
                continue  # (an earlier occasion recalled: "Lind told Radio Nord then")
            anchors.append((a.content.end, key, mark, cue[0].sent.start_char if cue is not None and len(cue) else
                            a.content.start))
    for m in _SETTINGS.finditer(text):  # (the few candidate words, found in the text: no walk over every token)
        words = doc.char_span(m.start(), m.end())
        if words is None:
            continue
        t = words[0]
        if t.lower_ in ("asked", "asks"):  # another outlet's journalist putting questions ("Kestrel News' Ivo
            asked = _asked_by(t)           # Tarn asked Lind ..."): her answers that follow are relayed
            if asked is not None and not same_outlet(asked[1], outlet):
                anchors.append((t.sent.end_char, asked[0], f"{asked[1]} {t.text}", -1))
            continue
        if t.lower_ in ("told", "tells"):  # (a statement extraction did not find still sets the passage)
            subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
            heard = next((c for c in t.children if c.dep_ in ("dative", "dobj")), None)
            named = heard_outlet(t.sent, heard) if heard is not None and not public_hearer(heard) else None
        else:
            subject = _subject(t.sent)
            named = interview_outlet(t) if main_clause(t) else None
        if named and not same_outlet(named, outlet) and subject is not None and subject.pos_ == "PROPN" \
                and not _recalled(t) \
                and subject.ent_type_ in ("PERSON", "ORG", ""):  # (a surname the tagger took for an organisation)
            anchors.append((t.sent.end_char, subject.lower_, f"{named} {t.text}", t.sent.start_char))
    return sorted(anchors)


def _recalled(t: Token) -> bool:
    """Does the verb tell of an earlier occasion, recalled ("Lind told Radio Nord then", "... at the time"): an old
    quotation brought back, whose interview is not where the speaker's later words in the article were said?"""
    return any((c.dep_ == "advmod" and c.lower_ == "then") or (c.dep_ == "prep" and c.lower_ == "at" and any(
        o.lower_ == "time" and any(d.lower_ == "the" for d in o.children) for o in c.children)) for c in t.children)


def _occasion_after(doc: Doc, attributions: Sequence[Attribution], keys: Sequence[str], outlet: str | None
                    ) -> list[tuple[int, str]]:
    """Statements whose occasion the next sentence names ("Lind said the pier would close. She made the remarks in
    an interview with Radio Nord"): a sentence holding no statement of its own, whose subject is the speaker (a
    name, or a pronoun for the statement before it), naming an interview with another outlet or a programme;
    it marks the speaker's statements before it, back to the paragraph before."""
    text, cues = doc_text(doc), {a.cue.start for a in attributions if a.cue is not None}
    out: list[tuple[int, str]] = []
    for m in _OCCASIONS.finditer(text):
        words = doc.char_span(m.start(), m.end())
        sent = words[0].sent if words is not None else None
        subject = next((c for c in sent.root.children if c.dep_ == "nsubj"), None) if sent is not None else None
        if sent is None or subject is None or any(sent.start_char <= c < sent.end_char for c in cues):
            continue
        earlier = [k for k, a in enumerate(attributions) if a.content.end <= sent.start_char and text[
            a.content.end : sent.start_char].count("\n\n" if "\n\n" in text else "\n") <= 1]
        key = subject.lower_ if subject.pos_ == "PROPN" else (keys[max(earlier, key=lambda k: attributions[
            k].content.end)] if earlier and subject.lower_ in ("he", "she", "they") else "")
        named = heard_by(sent, sent.root, outlet) if key else None
        out += [(k, f"{named} (the next sentence)") for k in earlier if named and keys[k] == key
                and not _own_channel(doc, attributions[k], attributions)]
    return out


def _before_anchors(doc: Doc, attributions: Sequence[Attribution], keys: Sequence[str],
                    anchors: Sequence[tuple[int, str, str, int]]) -> list[tuple[int, str]]:
    """The speaker's statements just before a sentence that tells or gives an interview to another outlet: in its
    paragraph ("Spicer said the party was not in crisis. ... 'We've got plenty of time,' Spicer told CNN"), or in
    the paragraph before when that sentence opens its own ("Pence ... in endorsing Ryan.\n\nIn a telephone
    interview with Fox News, Pence was asked ..."), back to another speaker's statement; not one naming a channel or
    occasion of its own."""
    text = doc_text(doc)
    breaks = "\n\n" if "\n\n" in text else "\n"
    out: list[tuple[int, str]] = []
    for _, key, why, begin in anchors:
        if begin < 0 or why.startswith("on "):  # (a programme the parse found loosely: only forward)
            continue
        start = text.rfind(breaks, 0, begin) + len(breaks) if breaks in text[:begin] else 0
        # (a sentence opening its paragraph with the interview or the outlet told reaches the paragraph before)
        reach = int(not text[start:begin].strip())
        near = [k for k, a in enumerate(attributions) if a.content.end <= begin and text[
            a.content.end : begin].count(breaks) <= reach]
        other = max((attributions[k].content.end for k in near if keys[k] != key), default=-1)  # (not past it)
        out += [(k, f"{why} (after it)") for k in near if keys[k] == key and attributions[k].content.start > other
                and not attributions[k].via and not _own_channel(doc, attributions[k], attributions)]
    return out


def _spoken(doc: Doc, a: Attribution) -> bool:
    """Is the statement words the speaker said (a verb cue, a transcript's label, or a quote without one), not the
    writer's noun for a stance ("a plan that has drawn Tarn's scorn"), which an interview passage does not carry to?"""
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    return cue is None or (any(t.pos_ in ("VERB", "AUX") for t in cue) and not any(t.tag_ == "POS" for t in cue)) or (
        cue.text.strip() == ":")  # (a transcript's speaker label: "LIND: ...")


def _asked_by(t: Token) -> tuple[str, str] | None:
    """(the answerer's key, the asker) when a named journalist of an outlet puts questions to a named person
    ("Kestrel News host Ivo Tarn asked Lind to ..."); None otherwise."""
    subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
    answerer = next((c for c in t.children if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN"), None)
    if subject is None or answerer is None or answerer.ent_type_ in ("DATE", "TIME"):
        return None
    asker = outlet_words(t.doc[subject.left_edge.i : subject.i + 1])
    return (answerer.lower_, asker) if asker else None


def carry_relays(doc: Doc, attributions: Sequence[Attribution], found: list[Sourcing],
                  outlet: str | None = None) -> tuple[Sourcing, ...]:
    """An interview passage with another outlet carries to the same speaker's later statements a few paragraphs on,
    until a channel or occasion of their own. A lone "according to" sentence scopes the sentence before ("That's
    according to exit polls"); a fronted one the next sentence's statement by a pronoun ("Bob, they said, ...")."""
    text, out = doc_text(doc), list(found)
    order = sorted(range(len(attributions)), key=lambda k: attributions[k].content.start)
    keys = _passage_keys(doc, attributions, spoken_by := [_speaker_key(a, text) for a in attributions], order)

    def mark(k: int, why: str) -> None:
        out[k] = replace(out[k], relay_only=True, evidence=(*out[k].evidence, f"relay: {why}"))

    anchors = _passage_anchors(doc, attributions, found, keys, outlet)
    for k, why in _before_anchors(doc, attributions, keys, anchors):
        if not out[k].relay_only:
            mark(k, why)
    for start, key, why, _ in anchors:
        last = start
        for j in (j for j in order if attributions[j].content.start >= start and keys[j] == key):
            between = text[last : attributions[j].content.start]
            if between.count("\n\n" if "\n\n" in text else "\n") > _PASSAGE_BREAKS or "___" in between or (
                    not out[j].relay_only and (attributions[j].via or _own_channel(doc, attributions[j],
                                                                                    attributions))):
                break  # (too far on, or a channel or occasion of its own)
            if not out[j].relay_only and _spoken(doc, attributions[j]):
                mark(j, f"{why.removesuffix(' (same passage)')} (same passage)")
            last = attributions[j].content.end
    for k, why in _occasion_after(doc, attributions, keys, outlet):
        if not out[k].relay_only:
            mark(k, why)
    for k, why in _according_carries(doc, attributions, out, order):
        mark(k, why)
    for k, why in _according_next(doc, attributions, out):
        mark(k, why)
    for k, why in _inside_quotations(doc, attributions, spoken_by):
        if not out[k].relay_only:
            mark(k, why)
    for k, why in excerpted(doc, attributions, outlet):
        if not out[k].relay_only:
            mark(k, why)
    for k, why in shares_reported(doc, attributions, out):
        mark(k, why)
    for k, why in _lede_restated(doc, attributions, out, keys, order):
        mark(k, why)
    for sent in _sentences_saying(doc, text, "according to"):
        words = sent.text.strip().lower().replace("’", "'")
        if words.startswith(("that's according to", "that is according to", "this is according to")) and sent.start:
            scope, pronoun_only = doc[sent.start - 1].sent, False
        elif words.startswith("according to ") and sent.end < len(doc) and "\n" not in text[
                sent.end_char : doc[sent.end].sent.start_char]:
            scope, pronoun_only = doc[sent.end].sent, True
        else:
            continue
        for k, a in enumerate(attributions):
            said_by = mention(doc, a)
            if scope.start_char <= a.content.start < scope.end_char and not out[k].relay_only and (
                    not pronoun_only or (said_by is not None and len(said_by) == 1 and said_by[0].pos_ == "PRON")):
                mark(k, sent.text.strip()[:60])
    return tuple(out)


__all__ = ["carry_relays"]


def _the_poll_goes_on(text: str, ends: int) -> int:
    """Where a poll's paragraphs end, from ``ends`` on: two paragraphs past each later one that names it again ("The
    poll indicates ..."), up to one naming another poll ("In the previous poll, ...", "the last poll")."""
    stop, left = ends, 0
    for m in re.finditer(r"[^\n]+", text[ends:]):
        left = 3 if _THE_POLL.search(m.group()) and not _OTHER_POLL.search(m.group()) else left
        if left == 0 or _OTHER_POLL.search(m.group()):
            break
        left -= 1
        stop = ends + m.end()
    return stop


def _according_carries(doc: Doc, attributions: Sequence[Attribution], found: Sequence[Sourcing],
                       order: Sequence[int]) -> list[tuple[int, str]]:
    """A statement by "it" opening the sentence after one whose source is cited with "according to" ("..., according
    to its filings. It showed ..."), or by the cited document named again by its kind ("..., according to a Kestrel
    Herald survey. The study found ..."): the same source, reached the same way (as a fronted "According to" scopes
    the next sentence's pronoun). Not a repeat by name ("the group says"), which names a channel of its own."""
    out: list[tuple[int, str]] = []
    for k, s in enumerate(found):
        why = next((e.removeprefix("relay: ") for e in s.evidence if e.startswith("relay: according")), None)
        next_sent = _sentence_after(doc, attributions[k]) if why is not None else None
        if next_sent is None:
            continue
        for j in order:
            said_by = mention(doc, attributions[j])
            if not found[j].relay_only and said_by is not None and said_by[0].sent == next_sent and \
                    said_by.start - next_sent.start <= 1 and (said_by.text.lower() == "it" or (
                        found[k].kind == "document" and _the_document(said_by))):
                out.append((j, f"{why} (the next sentence)"))
    return out


def _lede_restated(doc: Doc, attributions: Sequence[Attribution], found: Sequence[Sourcing], keys: Sequence[str],
                   order: Sequence[int]) -> list[tuple[int, str]]:
    """A statement of the headline or the lede (the article's first two paragraphs) that names no channel, restated
    (a word of its topic shared) by the same speaker's relayed statements further on, before any of that speaker's
    statements that is not relayed: the top of the story sums up the interview told below ("Lind Calls the Plan 'a
    Scandal'" ... "Lind called it a scandal on Kestrel News' Evening Hour"). Not a public act ("Lind announced
    ..."), nor after a loose "on ..." mark. Last first, so that a headline takes the mark its lede took."""
    text = doc_text(doc)
    breaks = "\n\n" if "\n\n" in text else "\n"
    first = text.find(breaks)
    lede_end = text.find(breaks, first + len(breaks)) if first >= 0 else -1
    relayed = [s.relay_only for s in found]
    out: list[tuple[int, str]] = []
    for k in reversed([k for k in order if attributions[k].content.start < lede_end]):
        a = attributions[k]
        if relayed[k] or not keys[k] or _own_channel(doc, a, attributions) or _public_act(doc, a):
            continue
        words = topic(doc, a)
        for j in (j for j in order if attributions[j].content.start >= a.content.end and keys[j] == keys[k]):
            if not relayed[j]:
                break
            why = dict(out).get(j) or next((e.removeprefix("relay: ") for e in found[j].evidence
                                             if e.startswith("relay: ")), "")
            if shared_topic(words, topic(doc, attributions[j])) >= 1 and _named_channel(why):
                out.append((k, f"{why.removesuffix(' (same passage)').removesuffix(' (restated below)')} "
                               "(restated below)"))
                relayed[k] = True
                break
    return out


def _public_act(doc: Doc, a: Attribution) -> bool:
    """Is the statement's cue a public act ("Lind announced her endorsement of Tarn"), whatever interview follows?"""
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    return cue is not None and any(t.lemma_.lower() in _PUBLIC_ACTS for t in cue)


def _named_channel(why: str) -> bool:
    """Is the relay mark a channel the speaker spoke on (an interview, "told", "on The Evening Hour"), not a passed-on
    account (an excerpt, "via", another's words, "according to", "reportedly") nor a loose "on ..." (a programme the
    parse found loosely: "on the fact that ... Kestrel News"; a name must follow "on")?"""
    words = why.split()
    if not words or why.startswith(("excerpt", "via", "reports", "in the words of")) or "according" in why.lower() \
            or words[0].lower() in lex.RELAY_ADVERBS:
        return False
    if words[0] != "on":
        return True
    named = words[2:3] if words[1:2] == ["the"] else words[1:2]
    return bool(named) and named[0][:1].isupper()


def _the_document(said_by: Span) -> bool:
    """Is the mention a document named again by its kind ("The study", "the survey"), as "it" would be?"""
    words = [t.lower_ for t in said_by]
    return len(words) == 2 and words[0] in ("the", "this") and (said_by[1].lemma_.lower() in _DOCUMENTS or
                                                                 words[1] in _DOCUMENTS)


def _according_next(doc: Doc, attributions: Sequence[Attribution], found: Sequence[Sourcing]
                    ) -> list[tuple[int, str]]:
    """What the sentence after an "according to" sentence tells of a state of mind or of a share of people, even
    across a paragraph break: known from the same account ("According to her account, she sent Lind to the
    clinic.¶When the scan came back, Lind did not want to stay"; "..., according to a new poll.¶Among likely
    voters, 5 percent prefer Tarn"). Not words said (another voice), and not the cited source's own."""
    text, out = doc_text(doc), []
    breaks = "\n\n" if "\n\n" in text else "\n"
    for sent in _sentences_saying(doc, text, "according to"):
        nxt = next_sentence(sent)
        if nxt is None or text[sent.end_char : nxt.start_char].count(breaks) > 1:
            continue
        to = next((t.nbor() for t in sent[:-1] if t.lower_ == "according" and t.nbor().lower_ == "to"), None)
        cited = {w.lower_ for c in to.children for w in c.subtree} if to is not None else set()
        ends = nxt.start_char
        for n in range(3 if _POLLS & cited else 1):  # (a poll's shares run on over its paragraphs, and on past
            ends = text.find(breaks, ends + 1) if breaks in text[ends + 1 :] else len(text)
            if n == 2:  # the third while the article goes on with "the poll")
                ends = _the_poll_goes_on(text, ends)
        for k, a in enumerate(attributions):
            if found[k].relay_only or not nxt.start_char <= a.content.start < ends:
                continue
            said_by = mention(doc, a)
            if said_by is None or said_by.text.lower() in cited:
                continue
            cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
            state = cue is not None and any(t.lemma_.lower() in lex.BELIEF_VERBS for t in cue) and \
                a.content.start < nxt.end_char
            share = said_by.root.ent_type_ == "PERCENT" or said_by.root.lemma_.lower() in lex.QUANTITY_HEADS
            if state or share:  # (a share: to the end of that sentence's paragraph, as the parse may cut it up, or
                # of the third for a poll)
                out.append((k, f"{sent.text.strip()[:60]} (after it)"))
    return out


def _inside_quotations(doc: Doc, attributions: Sequence[Attribution], keys: Sequence[str]
                       ) -> list[tuple[int, str]]:
    """Statements inside another speaker's quoted words ("'He told me he would quit,' Lind said"), or inside a
    quoted passage that a sentence ending "X reports:" or "X writes:" sets off ("Lind reports:¶'The first time she
    saw him, she was beginning to realize ...'"): known from that speaker's account. Not the speaker's own ("I",
    "we"), not a statement the teller makes of himself (though a "he" or "she" in a passage the teller wrote is
    someone else), and not inside a transcript's question (no cue)."""
    text = doc_text(doc)
    accounts = [(q.start, q.end, keys[j], b.source.of(text)) for j, b in enumerate(attributions)
                if b.cue is not None and b.source is not None and any(c.isalpha() for c in b.cue.of(text))
                for q in b.quoted]  # (a transcript's label, "Q:", is no cue)
    passages = quoted_passages(text)
    passages += reopened(doc, passages)
    accounts += passages
    out = []
    for k, a in enumerate(attributions):
        said_by = mention(doc, a)
        if said_by is None or (len(said_by) == 1 and said_by[0].lower_ in _FIRST_PERSONS):
            continue
        public = to_the_public(doc, a)  # (words said to a crowd, quoted in the piece: a public act)
        other = len(said_by) == 1 and said_by[0].lower_ in _THIRD_PERSONS  # (in a passage the writer sets off,
        # "she" is someone else, whoever speaker resolution took it for)
        teller = next((who for lo, hi, key, who in accounts if (key != keys[k] or (
            other and (lo, hi, key, who) in passages)) and not (public and (lo, hi, key, who) in passages)
            and lo <= min(a.content.start, said_by.start_char) and a.content.end <= hi), None)
        if teller is not None:
            out.append((k, f"in the words of {teller}"))
    return out


def _sentence_after(doc: Doc, a: Attribution) -> Span | None:
    """The sentence after the one holding the statement's end (past a paragraph break's whitespace), if any."""
    span = doc.char_span(a.content.end - 1, a.content.end, alignment_mode="expand")
    return next_sentence(span[0].sent) if span is not None and len(span) else None


def _sentences_saying(doc: Doc, text: str, words: str) -> list[Span]:
    """The sentences that hold ``words`` (in any case), in text order, each once: found by searching the text, not
    by reading every sentence's."""
    found = (doc.char_span(m.start(), m.end(), alignment_mode="expand")
             for m in re.finditer(re.escape(words), text, re.IGNORECASE))
    return list(dict.fromkeys(span[0].sent for span in found if span is not None and len(span)))
