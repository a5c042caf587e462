"""Who heard the words: another news outlet or programme named as the hearer of a statement ("told CNN", "in an
interview with the Herald", "on Fox News Sunday"), and whether a name is the article's own outlet. Used by
:mod:`onrecord.provenance.sourcing` and :mod:`onrecord.provenance.passages` for relays."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from onrecord.attribution.arrays import ids, token_arrays
from onrecord.lexicon import en as lex
from onrecord.lexicon import load
from onrecord.provenance.anonymity import doc_ents, doc_text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

INTERVIEWS = frozenset("interview appearance meeting".split())  # (an editorial board meeting: "with the Post's")
PUBLIC_HEARERS = frozenset("reporters reporter journalists press crowd audience supporters voters".split())
_APPEARING = frozenset("appear sit talk speak chat discuss".split())  # ("appeared with", "sitting down with" a show)
_BROADCAST_ROLES = frozenset("host anchor interviewer".split())
_AIRED = frozenset("televised broadcast radio tv television podcast".split())  # an interview given on the air
_MEDIA = frozenset("radio tv television cable talk show podcast".split())
_WIRE_DATELINE = re.compile(r"\((AP|Reuters|AFP)\)\s*[-\u2014\u2013]")
_WIRES = {"ap": "The Associated Press", "reuters": "Reuters", "afp": "Agence France-Presse"}
MEDIA_NOUNS, _UNNAMED_BROADCAST, _RELAYING, _MORE_OUTLETS, _AIRINGS = (load("en").words(name) for name in (
    "media_nouns", "unnamed_broadcast_modifiers", "relaying_verbs", "more_outlet_words", "airing_nouns"))
_OUTLET_WORDS = lex.OUTLET_WORDS | _MORE_OUTLETS


def among(sent: Span, words: frozenset[int], deps: frozenset[int] = frozenset(), pos: frozenset[int] = frozenset()
           ) -> list[Token]:
    """The tokens of ``sent``, in order, written (lowercased) as one of ``words``, or with one of the dependencies
    ``deps`` or parts of speech ``pos`` (string ids: :func:`_ids`): the only ones a loop over the sentence that
    tests these first can act on (read off the Doc's token arrays: no Token is built for the others)."""
    a, doc, start, end = token_arrays(sent.doc), sent.doc, sent.start, sent.end
    lower, dep, tag = a.lower[start:end].tolist(), a.dep[start:end].tolist(), a.pos[start:end].tolist()
    return [doc[start + k] for k, (w, d, p) in enumerate(zip(lower, dep, tag, strict=True))
            if w in words or d in deps or p in pos]


def word_ids(*strings: str) -> frozenset[int]:
    return frozenset(int(i) for i in ids(*strings).tolist())


def same_outlet(name: str, outlet: str | None) -> bool:
    """Is ``name`` ("the Times", "Harbour Post reporter Obi") this article's outlet ("The Harbour Post")?"""
    mine, theirs = ({w for w in re.findall(r"[a-z0-9]+", n.lower()) if w not in ("the", "a", "of", "and")}
                    for n in (outlet or "", name))
    return bool(mine and theirs) and (mine <= theirs or theirs <= mine or len(mine & theirs - {"news"}) >= 2)


def outlet_words(span: Span) -> str | None:
    """The words of a news outlet or broadcast the phrase names ("CNN", "the Lakeview Herald", "Fox News
    Sunday"), or None; a day is no programme ("on Sunday")."""
    propn = [t for t in span if (t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "WORK_OF_ART") or (
        t.text[:1].isupper() and _network(t.lower_) != t.lower_)) and t.ent_type_ not in ("DATE", "TIME")]
    # (a capitalised name with a channel number is a name, whatever the tagger made of it: "a Fox411 interview")
    return span.text if any(_network(t.lower_) in _OUTLET_WORDS or t.lower_ in lex.BROADCAST_WORDS
                            for t in propn) or any(_broadcaster(t) for t in span) else None


def _broadcaster(t: Token) -> bool:
    """Is the word a broadcaster's role named by the medium ("radio host Hugh Hewitt", "a talk show host")?"""
    return t.lower_ in _BROADCAST_ROLES and any(c.dep_ in ("compound", "amod") and c.lower_ in _MEDIA
                                                for c in t.lefts)


def _network(word: str) -> str:
    """The word without a channel number run into it ("Fox411", "NBC4": a network's programme or station)."""
    return word.rstrip("0123456789") or word


def heard_outlet(sent: Span, t: Token) -> str | None:
    """The outlet named by who heard the words ("told CNN", "told Kestrel News anchor Ivo Tarn"; a numbered name
    told something is a station: "told Kanal 5"): the object's left side and the whole name it is part of, not a
    relative clause after it."""
    inside = (e for e in doc_ents(sent.doc) if sent.start <= e.start and e.end <= sent.end)  # (as Span.ents)
    name = next((e for e in inside if e.start <= t.i < e.end), None)
    hearer = sent.doc[min(t.left_edge.i, name.start if name is not None else t.i) : max(
        t.i + 1, name.end if name is not None else 0)]
    numbered = len(hearer) >= 2 and hearer[-1].like_num and hearer[-2].pos_ == "PROPN" and hearer[
        -2].ent_type_ not in ("PERSON", "GPE", "LOC", "DATE")
    return hearer.text if numbered or unnamed_broadcaster(t) else outlet_words(hearer)


def unnamed_broadcaster(t: Token) -> bool:
    """Is the word one broadcaster named by its kind ("told state television", "on local radio")?"""
    return t.lower_ in ("television", "tv", "radio", "broadcaster") and any(
        c.dep_ in ("compound", "amod") and c.lower_ in _UNNAMED_BROADCAST for c in t.children)


def news_outlet(span: Span) -> str | None:
    """The phrase, when it names a news outlet: by name ("the Harbour Wire") or by a common noun for one ("the
    paper", "the business magazine Ledgerline", "state television")."""
    return outlet_words(span) or (span.text if any(
        t.pos_ == "NOUN" and t.lemma_.lower() in MEDIA_NOUNS for t in span) else None)


def passed_on(sent: Span, anchor: Token, outlet: str | None) -> str | None:
    """Another outlet that passed on the statement whose cue is ``anchor``: the agent of a relaying verb on the
    statement ("was quoted by the Harbour Wire as saying", "..., as first reported by the Kestrel Times", "figures
    cited by the Lantern show"), or the subject of a "reported" the statement hangs on ("Vell has told investors
    ..., the magazine Ledgerline reported")."""
    for t in among(sent, _BY, pos=_VERB):  # (every other token passes both tests below)
        phrase: Span | None
        if t.lower_ == "by" and t.dep_ in ("agent", "prep") and t.head.lemma_.lower() in _RELAYING:
            verb, phrase = t.head, sent.doc[t.i + 1 : t.right_edge.i + 1]
        elif t.lemma_.lower() == "report" and t.pos_ == "VERB" and t != anchor:
            subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
            verb = t
            phrase = sent.doc[subject.left_edge.i : subject.right_edge.i + 1] if subject is not None else None
        else:
            continue
        if not phrase or not (anchor in verb.subtree or verb in anchor.subtree):
            continue
        named = news_outlet(phrase)
        if named and not same_outlet(named, outlet):
            return f"via {named} ({verb.text})"  # ("via": the mark of one statement, which no passage carries)
    return None


def interview_outlet(t: Token) -> str | None:
    """The outlet an "interview" (or "appearance") is given to: named before it ("an MSNBC interview", "his Meet
    the Press interview") or after "with"/"by" ("with Univision", "published Monday by the Kestrel Herald")."""
    before = [c for c in t.children if c.dep_ in ("compound", "nmod", "amod", "poss") and c.i < t.i]
    named = outlet_words(t.doc[min(c.left_edge.i for c in before) : t.i]) if before else None
    aired = next((c.text for c in before if c.lower_ in _AIRED), None)  # ("in a televised interview")
    named = named or (f"{aired} {t.text}" if aired else None)
    return named or next((t.doc[c.left_edge.i : c.i + 1].text for c in t.subtree if c.i > t.i and c.head.lower_ in (
        "with", "by") and ((c.pos_ == "PROPN" and (c.ent_type_ == "ORG" or c.lower_ in lex.OUTLET_WORDS))
                           or c.ent_type_ == "WORK_OF_ART")), None) or _named_after(t)
    # (a title is a programme or a publication: "an interview with \"The Evening Hour\"")


def _named_after(t: Token) -> str | None:
    """The outlet named a few words after "interview", whatever the parse made of it ("an interview filed for
    Sunday's Kestrel Press Hour", "an interview with Kestrel magazine"): the phrase after "with", "for", "on" or
    "by", up to the next punctuation."""
    sent = t.sent
    prep = next((w for w in t.doc[t.i + 1 : min(t.i + 4, sent.end)] if w.lower_ in ("with", "for", "on", "by")), None)
    if prep is None:
        return None
    end = next((w.i for w in t.doc[prep.i + 1 : sent.end] if w.is_punct and w.text not in ("'s", "’s")), sent.end)
    phrase = t.doc[prep.i + 1 : end]
    return (outlet_words(phrase) or _named_medium(phrase)) if end > prep.i + 1 else None


def _named_medium(phrase: Span) -> str | None:
    """The phrase, when it names an outlet by a name and a common noun for its kind ("Kestrel magazine", "the Lakeview
    station"): not a bare noun ("the paper", mostly this outlet), nor an agency (mostly a government's)."""
    return phrase.text if any(t.pos_ == "PROPN" and t.ent_type_ not in ("PERSON", "DATE", "TIME") for t in phrase) \
        and any(t.pos_ == "NOUN" and t.lemma_.lower() in MEDIA_NOUNS - {"agency"} for t in phrase) else None


def heard_by(sent: Span, cue: Token, outlet: str | None) -> str | None:
    """Another outlet that heard the words: "told CNN", "in an interview with the Herald", "on Fox News Sunday",
    "sitting down with Kestrel News' Evening Hour"."""
    # (a participle before the telling verb: "Claiming ..., Tarn told Fox", however the parse hung it)
    teller = sent.root if cue.tag_ == "VBG" and (cue.dep_ == "advcl" or cue.i == sent.start) else cue
    for t in among(sent, _HEARING_WORDS, _HEARING_DEPS):  # (every other token passes each test below)
        found = _appeared_with(t, cue)
        if found and not same_outlet(found, outlet):
            return f"{t.text} {found}"
        if t.dep_ in ("dative", "dobj") and t.head == teller and teller.lemma_.lower() in lex.TELLING_VERBS:
            if public_hearer(t):
                return None
            found = heard_outlet(sent, t)
            if found and not same_outlet(found, outlet):
                return f"{teller.text} {found}"
        found = interview_outlet(t) if t.lower_ in INTERVIEWS and (_near(t, cue) or t.i < cue.i) else None
        if found and not same_outlet(found, outlet):
            return f"{t.text}: {found}"
        found = _spoken_to(t, cue) if t.lower_ == "to" else None
        if found and not same_outlet(found, outlet):
            return f"to {found}"
        if t.lower_ in INTERVIEWS or (t.lower_ == "on" and t.dep_ == "prep"):
            preps = [t] if t.lower_ == "on" else [c for c in t.children if c.lower_ in ("with", "on", "to")]
            for p in preps:  # (the prep's own subtree: a programme's name is often parsed apart from its pobj)
                phrase = sent.doc[p.i + 1 : _programme_end(p) + 1]
                found = outlet_words(phrase) if len(phrase) else None
                if found and not same_outlet(found, outlet) and (t.lower_ != "on" or _near(t, cue)):
                    return f"{t.text} {p.text if p is not t else ''} {found}".replace("  ", " ")
    return None


def interview_before(sent: Span, names: set[str], outlet: str | None, quoted: list[tuple[int, int]]) -> str | None:
    """Another outlet whose interview the sentence points back to ("gave the figure in the interview", "in that
    interview"): the last interview named with another outlet in the paragraphs before, in a sentence
    naming the speaker ("... mentioned by Ana Lind in an interview with Kestrel magazine"). Not "an interview" (a
    new one), nor one in the speaker's own quoted words."""
    if not any(t.lower_ in INTERVIEWS and any(c.dep_ in ("det", "poss") and c.lower_ in _POINTING for c in t.children)
               and not any(lo <= t.idx < hi for lo, hi in quoted) for t in sent):
        return None
    doc = sent.doc
    text = doc_text(doc)  # (spaCy builds Doc.text anew on each access: once per parse here)
    breaks = "\n\n" if "\n\n" in text else "\n"
    reach = sent.start_char
    for _ in range(_INTERVIEW_REACH):
        reach = max(0, text.rfind(breaks, 0, max(0, reach - len(breaks))))
    for m in reversed(list(_INTERVIEW_WORD.finditer(text, reach, sent.start_char))):
        words = doc.char_span(m.start(), m.end())
        if words is None or not {t.lower_ for t in words[0].sent} & names:
            continue
        named = interview_outlet(words[0])
        if not named or {w.lower() for w in re.findall(r"[A-Za-z]+", named)} & names:
            continue  # (no outlet, or the one interviewed: "See our whole interview with Lind here")
        return f"the interview: {named}" if not same_outlet(named, outlet) else None
    return None


def _programme_end(p: Token) -> int:
    """Where the phrase after a preposition that may name a programme ends: its subtree, but for "on" a common
    noun's own words only ("on the evidence of a Kestrel Herald article" names no programme; "on his radio show",
    "on Kestrel News Sunday", "on this week's broadcast of Kestrel News Sunday" do)."""
    obj = next((c for c in p.children if c.dep_ == "pobj"), None)
    if p.lower_ == "on" and obj is not None and obj.pos_ == "NOUN" and obj.lower_ not in lex.BROADCAST_WORDS and \
            obj.lower_ not in _AIRINGS:
        return obj.i
    return p.right_edge.i


_HEARING_WORDS = word_ids(*INTERVIEWS, "with", "to", "on")
_POINTING = frozenset("the that this his her their same".split())  # ("in the interview", "in that interview")
_INTERVIEW_WORD = re.compile(r"\binterview\b", re.IGNORECASE)
_INTERVIEW_REACH = 3  # how many paragraphs back an interview named may be pointed back to
_HEARING_DEPS = word_ids("dative", "dobj")
_MESSAGE_IDS, _PRIVATE_IDS = (word_ids(*load("en").words(name)) for name in (
    "private_messages", "private_message_marks"))
_BY, _VERB = word_ids("by"), word_ids("VERB")


def _spoken_to(t: Token, cue: Token) -> str | None:
    """The outlet words were said or spoken to ("said on Friday to Vermont Edition", "speaking to CNN after the
    senator spoke"): "to" under the cue, or under a "speaking"/"talking" of the cue's clause."""
    if t.lower_ != "to" or t.dep_ not in ("prep", "dative") or not (
            (t.head == cue and cue.lemma_.lower() in lex.TELLING_VERBS)
            or (t.head.lemma_.lower() in ("speak", "talk") and _near(t.head, cue))):
        return None
    phrase = t.doc[t.i + 1 : t.right_edge.i + 1]
    return outlet_words(phrase) if len(phrase) and phrase[0].lower_ not in PUBLIC_HEARERS else None


def public_hearer(hearer: Token) -> bool:
    """Is who heard the words the public or the press ("told reporters", "told the press"), not a name ending in
    such a word ("told the Associated Press")?"""
    return hearer.lower_ in PUBLIC_HEARERS and hearer.ent_type_ != "ORG" and not any(
        c.dep_ == "compound" for c in hearer.children)


def _appeared_with(t: Token, cue: Token) -> str | None:
    """The outlet a speaker appeared or sat down with ("sitting down with Kestrel News' Evening Hour, Lind said",
    "Lind appeared with Kestrel News' Ivo Tarn and endorsed Tarn", "discussed it with radio host Ivo Tarn, saying"):
    "with" under an appearing verb of the cue's clause, or one the cue is a conjunct or adverbial clause of."""
    if t.lower_ != "with" or t.dep_ != "prep":
        return None
    appearing = t.head if t.head.dep_ != "dobj" else t.head.head  # ("discussed the pier with ...": the verb's)
    if appearing.lemma_.lower() not in _APPEARING:
        return None
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    if not (_near(t, cue) or (verb.dep_ in ("conj", "advcl") and verb.head == appearing)):
        return None
    phrase = t.doc[t.i + 1 : t.right_edge.i + 1]
    return outlet_words(phrase) if len(phrase) else None


def private_message(sent: Span, cue: Token, outlet: str | None) -> str | None:
    """A private message the words were written or told in ("wrote in an email to Kestrel Radio's Ivo Tarn", "told
    staff in a private memo", "in an email, leaked on Friday"), which reached the outlet through its recipient or
    a leak: the message on the cue's clause, called private or leaked anywhere in the sentence, or sent to a named
    person who is not this outlet. Not "said in an email" alone (mostly to this outlet's reporter), nor a message to
    reporters or supporters."""
    for t in among(sent, _MESSAGE_IDS):
        if not _near(t, cue) or t.dep_ != "pobj" or t.head.lower_ != "in":
            continue
        if among(sent, _PRIVATE_IDS):
            return f"private: {sent.doc[t.head.i : t.i + 1].text}"
        to = [c for p in (*t.children, *t.head.head.children) if p.lower_ == "to" and p.dep_ in ("prep", "dative")
              for c in p.children if c.dep_ == "pobj"]  # (the recipient, on the message or on the writing verb)
        if to and to[0].pos_ == "PROPN" and (to[0].ent_type_ in ("PERSON", "") or any(
                c.dep_ == "poss" for c in to[0].children)) and not same_outlet(  # (a person, or "Kestrel Radio's Tarn")
                sent.doc[to[0].left_edge.i : to[0].i + 1].text, outlet):
            return f"{sent.doc[t.head.i : to[0].i + 1].text}"
    return None


def wire_outlet(text: str) -> str | None:
    """The news agency whose copy the article is, named in its dateline ("LAKEVIEW (AP) --"): words said to it
    were said to the outlet, not relayed."""
    m = _WIRE_DATELINE.search(text[:400])
    return _WIRES.get(m.group(1).lower()) if m else None


def _near(tok: Token, cue: Token) -> bool:
    """Is a fronted or trailing "on <programme>" part of the cue's clause?"""
    return tok == cue or cue in list(tok.ancestors)[:5]


def main_clause(tok: Token) -> bool:
    """Is the word in its sentence's main clause (not "an incident Trump brought up in an interview with ...")?"""
    return all(t.dep_ not in ("relcl", "acl", "advcl", "ccomp", "appos", "conj") for t in (tok, *tok.ancestors))


__all__ = ["INTERVIEWS", "MEDIA_NOUNS", "PUBLIC_HEARERS", "among", "heard_by", "heard_outlet", "interview_before",
           "interview_outlet", "main_clause", "news_outlet", "outlet_words", "passed_on", "private_message",
           "public_hearer", "same_outlet",
           "unnamed_broadcaster", "wire_outlet", "word_ids"]
