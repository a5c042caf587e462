"""Cues beside a quotation: the verb of saying right after it (``“…,” she said``) and a document's "read"
(``The statement reads: “…”``), for the quote-attachment rules (attach.py) and the nested quotations
(nested.py)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.attribution.beside_names import bare_source, inverted_source
from onrecord.attribution.cues import CueFinder, Statement
from onrecord.attribution.layout import in_heading
from onrecord.attribution.quotes import STRAIGHT, Quote
from onrecord.attribution.subjects import subject_of
from onrecord.lexicon.en import DOCUMENT_NOUNS
from onrecord.types import CharSpan, CueKind

__all__ = ["cue_after_quote", "reads"]

#: How many tokens after a quotation its verb of saying may come: a name with a long apposition between (“…,”
#: Ivo Tarn, the board's former chief risk officer, wrote); a verb or a sentence's end before it stops the search.
_CUE_AFTER_WINDOW = 20
#: How far into those tokens the comma of an apposition may come (a role of a few words before the name).
_APPOSITION_COMMA = 8
#: A mark that opens a second quotation after a cue ("“A,” she said, “B”"): the cue is not the first one's.
_REOPENING = "“«" + STRAIGHT
#: Who, whose, which: the first word of a relative clause set off by commas after a source.
_RELATIVE_TAGS = frozenset({"WP", "WP$", "WDT"})
#: What "read" is as a cue: a document's words.
_READ: tuple[CueKind, float] = ("document", 0.8)


def cue_after_quote(doc: Doc, q: Quote, cues: CueFinder) -> Statement | None:
    """The statement of a verb of saying right after the quotation (``“…,” she said`` / ``“…,” said Jane Roe,
    the mayor`` / ``“…” Roe told reporters``), or of a document's "read" (``“…,” the post read``); None when a
    verb of another kind, a sentence's end, the paragraph's end or a second quotation comes first."""
    text = cues.text
    i = cues.token_at(q.span.end)
    if i < len(doc) and doc[i].idx < q.span.end:
        i += 1
    # ten tokens; more only for a name and its apposition (a comma within the first few words: "Ivo Tarn, the
    # board's former chief", "the mission's flight director, Dr. Ivo Tarn,")
    apposition = any(doc[j].text == "," for j in range(i + 1, min(len(doc), i + _APPOSITION_COMMA)))
    limit = min(len(doc), i + (_CUE_AFTER_WINDOW if apposition else 10))
    start_i = i
    inside = q.content.of(text).rstrip()
    if inside.endswith(".") and i < len(doc) and doc[i].is_title and not doc[i].is_punct:
        # “… the end.” Then a new sentence: what follows belongs to the next statement, not to this quotation
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is None or cues.cue_kind(nxt) is None or (
                _says_its_own(nxt) and text[: q.span.start].rstrip()[-1:] != ":"):
            return None  # (a lead-in's colon before it: "Lind had a reply: “…” She said ...", the next rule's)
    if inside.endswith(".") and i < len(doc) and doc[i].text in "([":
        return None  # “… the end.” (A parenthetical sentence follows: its verb is not this quotation's cue.)
    while i < limit:
        tok = doc[i]
        if "\n" in tok.text:
            return None  # the paragraph ended: the cue belongs to the next one
        if i > start_i and tok.text in _REOPENING:
            return None
        if tok.text in ".!?" and i > start_i:
            return None
        if tok.text == "," and i + 1 < limit and doc[i + 1].tag_ in _RELATIVE_TAGS:
            i = _relative_end(doc, i + 1, limit)  # "a reader, whose name was withheld, wrote": past the clause
            continue
        found = cues.cue_kind(tok) or reads(tok) or _read_after(doc, tok)
        if ((found is not None and found[0] == "speech") or found == _READ) and not in_heading(cues.text, tok):
            source = subject_of(tok)
            if source is None or source.start > tok.i + 8 or source.end <= start_i - 1:
                source = bare_source(doc, start_i, tok.i) or inverted_source(doc, tok)
            return Statement(
                content=q.content, cue=tok, cue_span=CharSpan(tok.idx, tok.idx + len(tok.text)),
                source=source, kind=found[0], confidence=0.9 if source is not None else 0.6,
                origin="quote-after", quote=q,
            )
        if tok.pos_ in ("VERB",) and tok.dep_ not in ("amod", "compound") and i > start_i + 1:
            return None
        i += 1
    return None


def _says_its_own(verb: Token) -> bool:
    """Does the verb of a new sentence after a closed quotation, with a pronoun for its subject, go on with a
    clause of its own (“… came back.” She added that the boats would stay; “… came back.” He said he would
    resign)? Then the one quoted goes on speaking, what the verb says is that clause, and the quotation is the
    cue's before it. Not a new name's verb (“…” Tarn writes that ...: one who quotes those words may be their
    speaker)."""
    return any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children) and any(
        c.dep_ == "nsubj" and c.pos_ == "PRON" for c in verb.children)


def _relative_end(doc: Doc, i: int, limit: int) -> int:
    """Where a relative clause set off by commas after a source ends (the token after its closing comma), from
    its first word at ``i``; ``limit`` when no comma closes it before a sentence's end."""
    while i < limit and doc[i].text not in ".!?":
        if doc[i].text == ",":
            return i + 1
        i += 1
    return limit


def reads(tok: Token) -> tuple[CueKind, float] | None:
    """"The statement reads: “…”", "His post read: “…”", "“…,” the post read": a document's words (read is no
    verb of saying)."""
    if tok.lemma_.lower() != "read" or tok.pos_ != "VERB":
        return None
    subject = subject_of(tok)
    return _READ if subject is not None and subject.root.lemma_.lower() in DOCUMENT_NOUNS else None


def _read_after(doc: Doc, tok: Token) -> tuple[CueKind, float] | None:
    """"“…,” the post read.": after a quotation, "read" right after a document noun; the parser may take the two
    for one noun ("post read"), so the words decide."""
    if tok.lower_ not in ("read", "reads") or tok.i == 0 or doc[tok.i - 1].lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    return _READ if tok.i + 1 == len(doc) or doc[tok.i + 1].text in ".,;\n" or "\n" in doc[tok.i + 1].text else None
