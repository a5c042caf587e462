"""Pull quotes: a paragraph of someone's words set apart and closed by their bare name, as a page sets a quotation
off from the story ("The pier has outlived its use. Ana Lind" or "... Ana Lind, Harbour Trust"). No verb of saying
and often no quotation marks: the name after the last sentence is the cue. :func:`.extractor.find_cues` adds these
statements after the cues' own (the table ``cues.pull-quote``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from onrecord.attribution.cues import CueFinder, Statement
from onrecord.attribution.phrases import PUNCT_EDGE
from onrecord.attribution.rules import RuleTable, rule
from onrecord.spans import strip_chars
from onrecord.types import CharSpan

__all__ = ["PULL_QUOTE", "PULL_QUOTE_RULES", "pull_quotes"]

#: The origin of a pull quote's statement.
PULL_QUOTE = "pull-quote"

#: A paragraph's closing name: after a sentence's end, two to four capitalised words, perhaps the speaker's
#: firm or office after a comma (a few words, no sentence of its own), and the paragraph's end.
_CLOSING_NAME = re.compile(r"(?<=[.!?])[\"”’]? ((?:[A-Z][\w'’-]+ ){1,3}[A-Z][\w'’-]+)(?:, [^\n!?,;]{1,50})?[ \t]*$",
                           re.MULTILINE)
#: The fewest words the words before the name may have.
_SHORTEST = 5


@dataclass(frozen=True, slots=True)
class Closing:
    """A paragraph that ends with a capitalised name after its last sentence: the case the table decides."""

    doc: Doc
    text: str
    paragraph: CharSpan  # from the paragraph's start to its end
    name: CharSpan  # the closing name (without its firm or office)
    token_at: Callable[[int], int]  # CueFinder.token_at: a character's token


@rule("cues.pull-quote.closing-name",
      ("The council voted on Tuesday.\n\nThe pier has outlived its use and the town knows it. Ana Lind\n\nAna Lind, "
       "who chairs the harbour trust, wants a new pier by May.", "Ana Lind"),
      ("The ferries run twice a day.\n\nWe cannot keep patching a pier that the sea has already claimed. Ivo Tarn, "
       "Harbour Trust\n\nTarn has chaired the trust since 2019.", "Ivo Tarn"))
def closing_name(c: Closing) -> Statement | None:
    """A paragraph of at least one sentence closed by a bare name of someone the story names elsewhere, perhaps
    with the firm or office after a comma: a pull quote, those words the named person's. Not a name after an
    abbreviation's stop ("Sen. Ana Lind"), nor in a paragraph that already holds someone's statement or quotation
    marks, nor a name the story does not name again (a photo credit, "Ivo Tarn, Reuters")."""
    text, doc = c.text, c.doc
    before = text[c.paragraph.start : c.name.start].rstrip(" \"”’")
    words = before.split()
    if len(words) < _SHORTEST or any(m in before for m in "\"“”") or not _ends_a_sentence(before):
        return None
    family = text[c.name.start : c.name.end].split()[-1]
    elsewhere = text[: c.paragraph.start] + text[c.paragraph.end :]
    if not re.search(rf"\b{re.escape(family)}\b", elsewhere):
        return None
    first = c.token_at(c.name.start)
    last = c.token_at(c.name.end - 1)
    name = doc[first : last + 1]
    if any(not t.text[:1].isupper() or t.pos_ not in ("PROPN", "NOUN", "ADJ") for t in name if t.is_alpha):
        return None
    s, e = strip_chars(text, c.paragraph.start, c.paragraph.start + len(before), PUNCT_EDGE + ".")
    return Statement(content=CharSpan(s, e), cue=None, cue_span=None, source=name, kind="speech", confidence=0.5,
                     origin=PULL_QUOTE)


def _ends_a_sentence(before: str) -> bool:
    """Do the words end with a sentence's stop, not an abbreviation's ("Sen.", "St.", an initial)?"""
    last = before.split()[-1]
    word = last.rstrip(".!?")
    return last[-1:] in ".!?" and (last[-1] != "." or not word[:1].isupper() or len(word) > 4)


PULL_QUOTE_RULES: RuleTable[Closing, Statement] = RuleTable(
    "cues.pull-quote", [closing_name], describe=lambda s: s.source.text if s.source is not None else None)


def pull_quotes(doc: Doc, cues: CueFinder, statements: list[Statement]) -> list[Statement]:
    """The article's pull quotes (the table ``cues.pull-quote``), in paragraphs no statement of ``statements``
    reaches."""
    text = cues.text
    out = []
    for m in _CLOSING_NAME.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        paragraph = CharSpan(start, m.end())
        if any(s.content.start < paragraph.end and paragraph.start < s.content.end for s in statements):
            continue
        decided = PULL_QUOTE_RULES.first(Closing(doc, text, paragraph, CharSpan(m.start(1), m.end(1)), cues.token_at))
        if decided is not None:
            out.append(decided[1])
    return out
