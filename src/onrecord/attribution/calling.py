"""Words a verb of calling gives a thing, in quotation marks: "Ana Lind called the plan “a disgrace”", "described
it as “reckless”", and things named in turn ("called the levy “a tax” and the ferry “a slow boat”"). Two rules of
the table ``contents.quote-attachment`` (:mod:`.attach`, where their order is decided): ``named-in-turn``, asked
before the cue's own clause claims the first quotation, and ``called``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from onrecord.attribution.cues import Statement
from onrecord.attribution.quotation import Attachment, Quotation
from onrecord.attribution.rules import rule
from onrecord.attribution.subjects import subject_of
from onrecord.lexicon.en import BELIEF_VERBS, SPEECH_VERBS
from onrecord.types import CharSpan

__all__ = ["called", "named_in_turn"]


@rule("contents.quote-attachment.named-in-turn",
      ("Ana Lind called the levy “a tax on the harbour” and the new ferry “a very slow boat.”", "called"),
      ("Ivo Tarn described the builder as “the author of the delay” and the council as “its patient host.”",
       "described"),
      ("Judge Ana Lind called the harbour board's arguments “unconvincing.”", "called"),
      ("The vote passed. Ivo Tarn called it “a line drawn in the harbour sand.”", "called"))
def named_in_turn(c: Quotation) -> Attachment | None:
    """Things a verb of calling names, each with its quoted words ("called the levy “a tax” and the ferry “a
    slow boat”", "described A as “…” and B as “…”", "called the board's arguments “unconvincing”"): one mixed
    content, from the first object to the last quotation's mark, in place of the verb's own statement (whose
    content would be the first quotation alone); the quotations after the first lie in it. The news golds read
    one thing named so too (the thing and what it was called: the reported small clause), and a short quotation
    alone beside a long object matched none of them; so a pronoun ("called it “…”"; not an "it" that stands for
    an infinitive clause after the quotation) and an object the parser
    took for the verb's predicate ("called the guidance cut “…”"). Not a relative's ("which Lind called “…”": no
    object after the verb, the quotation alone), nor more quoted words in the verb's own phrase ("called the
    plan “bold” and based on “…”"; a verb of saying joined after it says its own), nor a relative "that called
    ..." inside another cue's words ("hinted in an email that called the pier “…”": the hinting's)."""
    doc, q = c.doc, c.q
    inside = [t for t in doc[c.cues.token_at(q.content.start) : c.cues.token_at(max(q.content.start,
                                                                                     q.content.end - 1)) + 1]
              if q.content.start <= t.idx < q.content.end]
    found = _calling_verb(c, inside) if inside else None
    end = _named_in_turn(c)
    if found is None or (end == q.span.end and found[2]):
        return None  # (one thing named that only its object finds, "who had called the levy “…”": ``called``'s)
    verb = found[0]
    objs = [ch for ch in verb.children if ch.i < inside[0].i and ch.dep_ in ("dobj", "oprd")]
    obj = None if any(ch.tag_ in ("WDT", "WP") for ch in objs) else next(  # (not "what he called X “…”")
        (ch for ch in objs if ch.dep_ == "dobj" or ch.pos_ in ("NOUN", "PROPN")), None)
    source = subject_of(verb)
    if obj is None or source is None or any(ch.dep_ == "auxpass" for ch in verb.children) \
            or _extraposed(verb, obj) or _inside_another(c, verb, source):
        return None
    if end == q.span.end:
        last = _phrase_end(verb, inside)
        if any(q.span.end <= o.span.start < last.idx + len(last.text) for o in c.quotes[c.k + 1 :]):
            return None  # (more quoted words in the verb's phrase, not named in turn: "“A” and “B” as examples")
        end = _complement_end(inside, end)
    own = next((i for i, s in enumerate(c.statements) if s.cue is not None and s.cue.i == verb.i), None)
    return Attachment(Statement(
        content=CharSpan(obj.left_edge.idx, end), cue=verb, cue_span=CharSpan(verb.idx, verb.idx + len(verb.text)),
        source=source, kind="speech", confidence=0.7, origin="called", quote=q,
    ), replaces=own)


def _inside_another(c: Quotation, verb: Token, source: Span) -> bool:
    """Is the verb of calling only a relative clause ("that called the pier “…”", "which described ...") inside
    what another cue's statement already holds ("hinted at it in an email, leaked on Friday, that called the pier
    “…”")? Then the quotation is that statement's, with its channel: the relative names the message it came in."""
    return source.root.tag_ in ("WDT", "WP") and any(
        s.cue is not None and s.cue.i != verb.i and s.content.start <= c.q.span.start < s.content.end
        for s in c.statements)


def _extraposed(verb: Token, obj: Token) -> bool:
    """Does an object "it" stand for an infinitive clause after the quotation ("called it “unfair” for the
    traders to pay twice")? Then it names no thing: ``called``'s reading (a clause of the reporter's that quotes
    a few words)."""
    return obj.lower_ == "it" and any(
        ch.i > obj.i and ch.dep_ in ("advcl", "xcomp", "ccomp")
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in ch.children) for ch in verb.children)


def _phrase_end(verb: Token, inside: list[Token]) -> Token:
    """The last word of the verb of calling's own phrase: not the punctuation after the quotation, nor a verb of
    saying joined after it ("called the cut “painful but honest” and said he saw it as “…”": that verb's own
    statement, whose quotation is not one more thing named)."""
    return max([verb, *(ch.right_edge for ch in verb.children if not (ch.i > inside[-1].i and (
        ch.dep_ in ("cc", "punct") or (ch.dep_ == "conj" and ch.lemma_.lower() in SPEECH_VERBS))))],
        key=lambda t: t.i)


def _complement_end(inside: list[Token], end: int) -> int:
    """Where one thing's quoted name runs to: past the closing mark over what the name's own phrase goes on
    with ("called her record a “blueprint” for how she would ...", "as “provocative” and a “grave threat” to
    ..."), in its sentence; else the mark."""
    top = next((t for t in inside if t.head not in inside), None)
    if top is None:
        return end
    last = top.right_edge
    while last.i > top.i and (last.is_punct or last.is_space):
        last = last.nbor(-1)
    stop = last.idx + len(last.text)
    return stop if stop > end and "\n" not in top.doc.text[end:stop] else end


#: Verbs that give a thing a name in someone's words: "Ana Lind called the plan “a disgrace”", "described it as
#: “reckless”".
_CALLING = frozenset({"call", "describe", "characterize", "characterise", "term", "brand"})


@rule("contents.quote-attachment.called",
      ("The vote, which Ana Lind called “a disgrace,” passed.", "called"),
      ("The harbour lost its mayor, Ana Lind, who had called the levy “the worst idea this council has had.”",
       "called"))
def called(c: Quotation) -> Attachment | None:
    """Words a named subject gave a thing, in quotation marks: the object (or "as" complement) of call,
    describe, term: "Lin Okafor called the conclusion “bold”" -- the quoted words are Okafor's (with the thing
    named after the verb, ``named-in-turn`` asks first: a mixed content from the thing). Not the passive
    without its agent ("an act described as “kidnapping”": by whom, the sentence does not say). In an "as"
    complement, any verb of saying or thinking ("rejected the claims as “untrue”", "sees the ferry as its “best
    hope”") gives its object with the quoted words: a mixed content, as news copy reads it -- unless the verb has
    a content of its own already (the quotation alone is then what the words beside it add)."""
    doc, q = c.doc, c.q
    inside = [t for t in doc[c.cues.token_at(q.content.start) : c.cues.token_at(max(q.content.start,
                                                                                     q.content.end - 1)) + 1]
              if q.content.start <= t.idx < q.content.end]
    found = _calling_verb(c, inside)
    if found is None:
        return None
    verb, as_phrase, by_object = found
    lemma = verb.lemma_.lower()
    if any(ch.dep_ == "auxpass" or (ch.dep_ == "dobj" and ch.lower_ in ("it", "them", "this", "these", "those"))
           for ch in verb.children):
        return None  # (a passive; "called it “…” for …": a clause of the reporter's that quotes a few words)
    source = subject_of(verb)
    if source is None or source.root.lower_ in ("it", "this", "that", "which", "what"):
        return None
    obj = next((ch for ch in verb.children if ch.dep_ == "dobj" and ch.i < inside[0].i
                and ch.tag_ not in ("WDT", "WP")), None) if as_phrase or by_object else None  # (not "which X …")
    own = next((i for i, s in enumerate(c.statements) if s.cue is not None and s.cue.i == verb.i), None)
    if obj is not None and own is not None and not q.content.start <= c.statements[own].content.start < q.span.end:
        obj = None  # (the verb has a content of its own already, not the quotation: the quotation alone beside it)
    if obj is None and lemma not in _CALLING:
        return None  # (only "V X as “…”": not "Known to all as “Lenny,” Ashby ...")
    content = q.content if obj is None else CharSpan(obj.left_edge.idx, q.span.end)  # ("saw X as “…”": mixed)
    # (and "who had called the levy “…”", found by its object: mixed, as news copy reads it)
    return Attachment(Statement(
        content=content, cue=verb, cue_span=CharSpan(verb.idx, verb.idx + len(verb.text)), source=source,
        kind="speech", confidence=0.7, origin="called", quote=q,
    ), replaces=own if obj is not None else None)


def _calling_verb(c: Quotation, inside: list[Token]) -> tuple[Token, bool, bool] | None:
    """The verb that gives a thing the quotation's words, and whether they are its "as" complement: the verb
    above the quotation's top word ("described it as “…”", "called the conclusion “bold”", parsed as the
    object's modifier), else the verb whose object ends right before the quotation's mark ("who had called the
    levy “…”", where the parser hung the quoted words elsewhere: the third value). None when neither is a verb of
    calling (nor of saying or thinking, for an "as")."""
    q = c.q
    top = next((t for t in inside if not q.content.start <= t.head.idx < q.content.end), None)
    if top is None:
        return None
    verb = top.head
    as_phrase = verb.lower_ == "as" and top.dep_ in ("pobj", "amod")  # ("as “patently false”": amod)
    if as_phrase or (verb.dep_ == "dobj" and top.dep_ in ("acl", "amod", "appos")):
        verb = verb.head
    if as_phrase and verb.dep_ == "dobj" and verb.head.pos_ == "VERB":
        verb = verb.head  # ("described the ferry as “…”" with the "as" hung on the object)
    if not _calls(verb, inside[0], as_phrase):
        obj = _object_before(inside[0])
        if obj is None or not _calls(obj.head, inside[0], False):
            return None
        return obj.head, False, True
    return verb, as_phrase, False


def _object_before(first: Token) -> Token | None:
    """The direct object that ends right before the quotation's opening mark (``first`` is its first word), if
    any: "called the levy “…”"."""
    doc = first.doc
    mark = first.i - 1
    if mark < 1 or not doc[mark].is_quote:
        return None
    obj = doc[mark - 1]
    while obj.dep_ != "dobj" and obj.head.i > obj.i and obj.head.right_edge == obj:
        obj = obj.head  # (up from a word the object ends with)
    return obj if obj.dep_ == "dobj" and obj.right_edge.i == mark - 1 else None


def _calls(verb: Token, first: Token, as_phrase: bool) -> bool:
    """Is ``verb`` a verb of calling before the quoted words (or, with "as", of saying or thinking)?"""
    lemma = verb.lemma_.lower()
    return verb.pos_ == "VERB" and verb.i < first.i and (
        lemma in _CALLING or (as_phrase and (lemma in SPEECH_VERBS or lemma in BELIEF_VERBS)))


#: The words that may stand between two things named in turn, after "and": the next object and its "as".
_IN_TURN_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "ADP", "PART", "PUNCT", "CCONJ"})


def _named_in_turn(c: Quotation) -> int:
    """Where the words a verb of calling gives run to: the quotation's closing mark, or the last of the
    quotations that follow it naming things in turn ("called the levy “a tax” and the ferry “a slow boat”",
    "described A as “…” and B as “…”"): each joined by "and" and a short phrase with no verb in it (and a
    quoted name there may stand right before its quoted words: "and the largest, “Title,” “…”"). Not when the
    last thing named runs on past its quotation ("and a “grave threat” to the town"): the words are then more
    than names."""
    end, k, doc = c.q.span.end, c.k, c.doc
    while k + 1 < len(c.quotes):
        nxt = c.quotes[k + 1]
        between = c.text[end : nxt.span.start]
        words = between.replace(",", " ").split()
        if not words and k > c.k and between in (" ", "\u00a0"):
            end, k = nxt.span.end, k + 1  # (the thing's quoted name, then its quoted words: "B, “Title,” “…”")
            continue
        if not words or words[0] != "and" or not 2 <= len(words) <= 10 or "\n" in between:
            break
        span = doc.char_span(end, nxt.span.start, alignment_mode="expand")
        if span is None or any(t.pos_ not in _IN_TURN_POS or t.text in ".;:!?" for t in span if not t.is_quote):
            break
        end, k = nxt.span.end, k + 1
    after = c.text[end : end + 2].lstrip(" ")
    if end > c.q.span.end and c.text[end - 2 : end - 1] not in ".,;!?" and after[:1] not in ("", *".,;:!?)\n"):
        return c.q.span.end  # (the last thing named runs on past its quotation: "and a “threat” to the town")
    return end
