"""Who wrote the article, when it says so: the answer of :meth:`ArticleIndex.writer`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from onrecord.attribution.arrays import ents_of
from onrecord.attribution.resolution.names import excerpt_author, person_name

if TYPE_CHECKING:
    from onrecord.attribution.resolution.index import ArticleIndex


#: What marks a line as reported words: a quotation mark or a verb of saying.
_REPORTED = re.compile(r"[“”\"]|\b(?:said|says)\b")

#: What opens words quoted in a headline: "Ana Lind: ‘The pier must stay’" reports her, she did not write it.
_QUOTE_OPENERS = ("‘", "“", '"', "'")


def find_writer(index: ArticleIndex) -> str | None:
    """A headline that opens with the name and a colon ("Ana Lind: The pier must stay"), a byline ("By Ana Lind") in
    the first lines, a closing line about the writer ("Ana Lind is the mayor of Lakeview."), or a line giving the text
    as an excerpt of their book ("From DAYS by X"): that person's fullest name. A closing line that reports
    someone's words ("Ana Lind, who runs the club, said she was glad. “It is home,” she said.") is the story's, not a
    line about its writer; nor is a headline whose words after the colon are quoted ("Ana Lind: ‘The pier must
    stay’ ...": a news headline quoting her)."""
    text = index.text.rstrip()
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    if not lines:
        return None
    last_start, last = lines[-1]
    for ent in ents_of(index.doc):
        if ent.label_ != "PERSON":
            continue
        at = ent.start_char
        line_start = next((s for s, _t in reversed(lines) if s <= at), 0)
        before = text[line_start:at].strip()
        after = text[ent.end_char : ent.end_char + 2]
        headline = line_start == 0 and not before and after.startswith(":") and not text[
            ent.end_char + 1 : ent.end_char + 4].lstrip().startswith(_QUOTE_OPENERS)  # ("Lind: ‘…’ Is Wrong": news)
        byline = line_start < 300 and before.lower() in ("by", "by:")
        closing = line_start == last_start and len(last) < 300 and len(before.split()) <= 2 and re.search(
            r"\b(?:is|was)\b", text[ent.end_char : last_start + len(last)]) is not None \
            and not _REPORTED.search(last)  # (not a story's last line: "Ana Lind said: “This is ...”")
        if headline or byline or closing:
            return index.fullest(person_name(ent))
    author = excerpt_author(text[:600], last)  # (by the words: the recogniser may not make the name a PERSON)
    return index.fullest(author) if author else None
