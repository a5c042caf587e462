"""Phrases on the parse that the cue and attachment rules share: a source phrase, a name the
tagger missed, a content's characters, the cue phrase as annotators mark it (headings: :mod:`.layout`).

Token-level helpers only: what is a cue, and what it says, is decided by the rules in :mod:`.cues` and
:mod:`.attach`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.arrays import memo_of, text_of
from onrecord.lexicon.en import DASH_TOKENS, DAY_WORDS, FOCUS_ADVERBS
from onrecord.types import CharSpan

#: The dependencies of a verb's subject.
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
#: The dependencies of a clause complement: what a verb of saying says.
CLAUSE_DEPS = ("ccomp",)
#: What a content loses at either edge: whitespace, commas, colons, dashes.
PUNCT_EDGE = " \t\n,;:—–-"


def same_paragraph(phrase: Span | None, cue: Token) -> Span | None:
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
            found = noun_phrase(doc, tok)
            return found if found.start >= start and found.end <= cue.i else None
    return None


def _in_paragraph(doc: Doc, head: Token, start: int, end: int) -> tuple[int, int]:
    """``start`` and ``end`` brought inside the paragraph of ``head``."""
    # (a token's own whitespace is one space or none: a line break is a token's text, so the text between says
    # whether one of the loops below can find one; most phrases have none)
    text = text_of(doc) if memo_of(doc) is not None else None
    if text is None or (start < head.i and "\n" in text[doc[start].idx : head.idx]):
        for k in range(head.i - 1, start - 1, -1):
            if "\n" in doc[k].text:
                start = k + 1
                break
    if text is None or (head.i + 1 < end and "\n" in text[doc[head.i + 1].idx : doc[end - 1].idx + len(doc[end - 1])]):
        for k in range(head.i + 1, end):
            if "\n" in doc[k].text:
                end = k
                break
    return start, end


def noun_phrase(doc: Doc, head: Token, *, possessive: bool = False) -> Span:
    """A noun phrase with its modifiers, without trailing punctuation, within the head's paragraph; with
    ``possessive``, a possessor keeps its "'s" ("Trump's" in "Trump's claim that ...", as news annotators mark it)."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    while end < len(doc) and head.head != head:
        # "said Chris Early", "said Harbor Radio co-host Ana Lind": one name or one hyphenated word parsed as
        # subjects side by side
        nxt = next((c for c in head.head.children if c.dep_ == head.dep_ and c.i > head.i and c.left_edge.i == end),
                   None)
        if nxt is None or not ((head.pos_ == "PROPN" and nxt.pos_ == "PROPN") or not doc[end - 1].whitespace_):
            break
        end = nxt.right_edge.i + 1
    start, end = _in_paragraph(doc, head, start, end)
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
        for k in range(start + 1, min(end - 1, start + 14)):  # ("NAIROBI, Nov 24 (Harbour Wire) - ": a day too)
            if doc[k].text in DASH_TOKENS and doc[k - 1].whitespace_ and doc[k].whitespace_:
                before = doc[start:k]
                if all(t.pos_ == "PROPN" or t.is_punct or t.ent_type_ == "DATE" for t in before) and (
                    any(t.ent_type_ == "GPE" for t in before) or before.text.isupper()
                ) and not any(t.text in DASH_TOKENS and t.whitespace_ for t in doc[k + 1 : end]):
                    start = k + 1  # (a place, not "Democrats — and some Republicans — say")
                break
    if start < head.i and doc[start].dep_ == "advmod" and doc[start].lower_ in FOCUS_ADVERBS:
        start += 1  # "Even China, ..."
    while start < head.i and doc[start].lower_ in DAY_WORDS and doc[start].ent_type_ in ("DATE", "TIME"):
        start += 1  # "On Monday Ana Lind said": the day the parser took into the name
    if end < len(doc) and doc[end].text == ")" and doc[start:end].text.count("(") > doc[start:end].text.count(")"):
        end += 1  # the parser hung the closing bracket on the verb
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space or (doc[end - 1].tag_ == "POS"
                               and not possessive)):
        if doc[end - 1].text == ")" and "(" in doc[start : end - 1].text:
            break  # "Sen. Ana Lind (D-Ore.)": the bracket closes what the phrase opened
        end -= 1
    if end == head.i + 1 and head.pos_ == "PROPN":
        while end < len(doc) and name_word(doc[end]) and "\n" not in doc[end].text:
            end += 1  # "said Chris Early", the family name read as an adverb
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return doc[start:end]


def span_chars(doc: Doc, start: int, end: int) -> CharSpan | None:
    """The characters of tokens ``start``..``end`` without edge punctuation and whitespace (:data:`PUNCT_EDGE`),
    or None when nothing else is left. Reads only the edges, token by token: never the whole span's text, which
    made a document of many long clauses cost time and memory in the square of its length."""
    if end <= start:
        return None
    s = None
    for k in range(start, end):
        tok = doc[k]
        chars = tok.text if k == end - 1 else tok.text_with_ws
        i = 0
        while i < len(chars) and chars[i] in PUNCT_EDGE:
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
        while j > 0 and chars[j - 1] in PUNCT_EDGE:
            j -= 1
        if j > 0:
            e = tok.idx + j
            break
    return CharSpan(s, e) if e > s else None




def that_said(tok: Token) -> bool:
    """"That said, ..." / "That being said, ...": a connective, not a statement."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ",":
        return False
    k = tok.i - 1
    if k >= 0 and doc[k].lower_ == "being":
        k -= 1
    return k >= 0 and doc[k].lower_ in ("that", "this") and (
        doc[k].is_sent_start or k == 0 or doc[k - 1].is_punct or doc[k - 1].pos_ == "CCONJ")


def quote_marker(tok: Token) -> bool:
    """"Lind said, and I quote, “…”", "he said, quote, “…”": a marker that exact words follow, set off by commas
    after the verb of saying; no verb of saying itself."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].text not in ",:":
        return False
    k = tok.i - 1
    if k >= 0 and doc[k].lower_ in ("i", "we"):
        k -= 1
    if k >= 0 and doc[k].lower_ == "and":
        k -= 1
    return k >= 0 and doc[k].text == ","


def name_word(tok: Token) -> bool:
    """A capitalised word inside a sentence that the tagger read as another part of speech: a family name such as
    Early, Young or Long ("“…,” says Early.")."""
    if not tok.is_title or tok.is_sent_start or tok.pos_ not in ("ADV", "ADJ") or tok.ent_type_ in ("DATE", "TIME"):
        return False
    words = [t for t in tok.sent if t.is_alpha]
    return sum(t.is_title for t in words) * 2 < len(words)  # not in a headline, where every word is capitalised


_CUE_LEFT_DEPS = ("aux", "auxpass", "neg", "advmod")
#: At most this many words between a verb cue and its content are taken into the cue ("said in an interview").
_CUE_LEAD_MAX = 6


def cue_phrase(doc: Doc, cue: Token, content: CharSpan) -> CharSpan:
    """The cue as news annotators mark it: the verb (whole when the tokeniser split it at a hyphen:
    "pooh-poohed") with the auxiliaries, negation and adverbs right before it ("has also said", "did not
    immediately respond"), and, when the content follows, the words that lead to it ("called for", "said in an
    interview", "said Monday") -- but not an addressee ("told reporters that")."""
    start, end = cue.i, cue.i + 1
    while start >= 2 and doc[start - 1].text in ("-", "‐") and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha:
        start -= 2  # a verb the tokeniser split at its hyphen: "pooh-poohed", "re-elected"
    heads = {cue.i, *(c.i for c in cue.children if c.dep_ in ("aux", "auxpass"))}
    k = start - 1
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






def named_after(doc: Doc, verb: Token, role: Token, phrase: Span) -> Span:
    """"wrote the envoy at the time, Mira Holt": a role and the name the parser made a second subject of the verb,
    after a comma and a few words dating the role; the phrase runs on to the name."""
    if role.pos_ != "NOUN":
        return phrase
    name = next((c for c in verb.rights if c.dep_ == "nsubj" and c.i > role.i), None)
    if name is None or name.pos_ != "PROPN" or doc[name.left_edge.i - 1].text != ",":
        return phrase
    between = doc[phrase.end : name.left_edge.i - 1]
    if len(between) > 5 or any(t.is_punct for t in between):
        return phrase
    return doc[phrase.start : name.right_edge.i + 1]


def after_time_lead(doc: Doc, clause: Token, start: int) -> int:
    """Where a reported clause starts once the time of the saying is left out: the parser often hangs "on
    Thursday" of "said on Thursday it would cut jobs" (and "Friday" of "said Friday that ...") on the clause, but
    it dates the saying, not the claim. Only a date or time before the clause's subject, at its very start."""
    subj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.i < clause.i), None)
    if subj is None:
        return start
    for c in clause.children:
        if c.left_edge.i != start or c.right_edge.i >= subj.left_edge.i or c.dep_ not in ("prep", "npadvmod"):
            continue
        if all(t.ent_type_ in ("DATE", "TIME") for t in doc[start : c.right_edge.i + 1] if t.dep_ != "prep"):
            start = c.right_edge.i + 1
            while start < subj.left_edge.i and doc[start].text == ",":
                start += 1
    return start
