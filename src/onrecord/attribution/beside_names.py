"""Names beside a verb of saying that the parse did not make its subject: a name or pronoun right before it
(``”, Seely wrote``), right after it (``says Early``), the words between a closing quotation mark and the verb, and
the noun phrase after an inverted verb (``said Jane Roe, the mayor``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.phrases import SUBJECT_DEPS, name_word, named_after, noun_phrase


def left_name(doc: Doc, verb: Token) -> Span | None:
    """A name or pronoun right before a verb the parser left without a subject (``”, Seely wrote``), a bracket
    after it left out ("Rep. Ana Lind (D-OR) said")."""
    end = verb.i
    while end > 0 and doc[end - 1].dep_ in ("aux", "neg", "advmod") and doc[end - 1].pos_ in ("AUX", "PART", "ADV") \
            and not doc[end - 1].is_title:
        end -= 1
    if end > 2 and doc[end - 1].text == ")":
        end = next((k for k in range(end - 2, max(0, end - 8), -1) if doc[k].text == "("), end)
    start = end
    while start > 0 and (doc[start - 1].pos_ in ("PROPN", "PRON") or doc[start - 1].is_title) \
            and doc[start - 1].tag_ not in ("PRP$", "WDT", "WP") and not doc[start - 1].is_sent_start:
        start -= 1
    if start == end or end - start > 5:
        return None
    return doc[start:end]


def right_name(doc: Doc, verb: Token) -> Span | None:
    """A name right after a verb that follows its content, read as a modifier ("…,” says Early.": an adverb)."""
    end = verb.i + 1
    while end < len(doc) and end - verb.i <= 4 and (doc[end].pos_ == "PROPN" or name_word(doc[end])) \
            and doc[end].ent_type_ not in ("DATE", "TIME"):
        end += 1
    if end == verb.i + 1 or (not name_word(doc[verb.i + 1]) and doc[verb.i + 1].dep_ in SUBJECT_DEPS):
        return None
    if end < len(doc) and not doc[end].is_punct:
        return None  # "says Early voting ...": the words go on; not a name alone
    return doc[verb.i + 1 : end]


def bare_source(doc: Doc, start: int, verb_i: int) -> Span | None:
    """The words between a closing quotation mark and its verb, when they name someone ("Seely wrote")."""
    while start < verb_i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    span = doc[start:verb_i]
    while len(span) and span[-1].dep_ in ("advmod", "aux", "neg") and span[-1].pos_ != "PROPN":
        span = span[:-1]
    if len(span) > 8:  # a name and its apposition ("Ivo Tarn, the board's former chief risk officer, wrote")
        comma = next((t.i for t in span if t.text == ","), verb_i)
        span = doc[span.start : comma] if comma - span.start <= 4 and doc[span.start].pos_ == "PROPN" else span
    if not len(span) or len(span) > 8:
        return None
    if any(t.pos_ in ("PROPN", "PRON", "NOUN") for t in span):
        return span
    return None


def inverted_source(doc: Doc, verb: Token) -> Span | None:
    """``said Jane Roe, the mayor``: the noun phrase after the verb."""
    for child in verb.rights:
        if child.dep_ in ("nsubj", "dobj", "npadvmod", "attr") and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return named_after(doc, verb, child, noun_phrase(doc, child))
    nxt = verb.i + 1
    if nxt < len(doc) and (doc[nxt].pos_ in ("PROPN", "DET", "NOUN") or name_word(doc[nxt])):
        end = nxt
        while end < len(doc) and (doc[end].pos_ in ("PROPN", "DET", "NOUN", "ADJ", "PUNCT") or name_word(doc[end])) \
                and doc[end].text not in ",.":
            end += 1
        if end > nxt:
            return doc[nxt:end]
    return None
