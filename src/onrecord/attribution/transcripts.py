"""Transcript and Q&A lines (``PENCE: Well, look ...``, ``Lin Okafor: We will build it.``), in one place.

A line that opens with a person's label and a colon is a statement of that person: :func:`transcript_lines`
finds the lines and their labels in one pass over the text. The rest of the extraction asks this module rather
than reading labels itself: :func:`is_transcript` tells a line's statement from the others (a quotation that runs
over several lines is not one speaker's; a label is the surest speaker evidence), and :func:`label_name` is the
name a label gives ("VARGA" -> "Varga"), which speaker resolution looks up in the article.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from onrecord.attribution.cues import CueFinder, Statement
from onrecord.attribution.phrases import PUNCT_EDGE
from onrecord.attribution.quotes import STRAIGHT
from onrecord.lexicon.en import BYLINE_WORDS, NOT_SPEAKER_LABELS
from onrecord.spans import strip_chars
from onrecord.types import CharSpan

__all__ = ["TRANSCRIPT", "is_transcript", "label_name", "transcript_lines"]

#: The origin of a transcript line's statement.
TRANSCRIPT = "transcript"

_SPEAKER_LABEL = re.compile(r"^[\"“]?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(?=\S)", re.MULTILINE)
#: What a line's content loses at either edge: punctuation and double quotation marks.
_LINE_EDGE = PUNCT_EDGE + STRAIGHT + "“”"


def transcript_lines(doc: Doc, cues: CueFinder) -> list[Statement]:
    """Transcript and Q&A paragraphs: ``PENCE: Well, look ...`` / ``Lin Okafor: We will build it.``; each is a
    statement of its label (the source), the colon its cue."""
    text = cues.text
    out = []
    for m in _SPEAKER_LABEL.finditer(text):
        label = m.group(1)
        if not _may_be_a_speaker(label):
            continue
        start = m.end()
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        s, e = strip_chars(text, start, end, _LINE_EDGE)
        if e - s < 12:
            continue
        s_i, e_i = cues.token_at(m.start(1)), cues.token_at(m.end(1) - 1) + 1
        if not _is_person_label(doc, label, doc[s_i:e_i]):
            continue
        colon = m.start(1) + len(label)
        out.append(Statement(
            content=CharSpan(s, e), cue=None, cue_span=CharSpan(colon, colon + 1), source=doc[s_i:e_i],
            kind="speech", confidence=0.6, origin=TRANSCRIPT,
        ))
    return out


def _may_be_a_speaker(label: str) -> bool:
    """Not a byline ("By Ana Lind: The harbour ..."), nor a caption ("Header Image: Divers ...")."""
    return not (label.lower() in NOT_SPEAKER_LABELS or len(label) < 2 or label.split()[0].lower() in BYLINE_WORDS
                or label.split()[-1].lower() in NOT_SPEAKER_LABELS)


def _is_person_label(doc: Doc, label: str, span: Span) -> bool:
    """A line label is a speaker when it is a recognised person or the surname of one named elsewhere."""
    if any(t.ent_type_ == "PERSON" for t in span):
        return True
    last = label.split()[-1].lower().strip(".")
    return any(ent.label_ == "PERSON" and ent.text.split()[-1].lower().strip(".,’'s") == last for ent in doc.ents
               if ent.start_char != span.start_char)


def is_transcript(statement: Statement) -> bool:
    """Is this a transcript line's statement (see :func:`transcript_lines`)?"""
    return statement.origin == TRANSCRIPT


def label_name(label: str) -> str:
    """The name a line's label gives, as the article would write it: a label in capitals ("VARGA") in title
    case ("Varga"), any other as it stands."""
    return label.title() if label.isupper() else label
