"""Transcript and Q&A lines (``PENCE: Well, look ...``, ``Lin Okafor: We will build it.``), in one place.

A line that opens with a person's label and a colon is a statement of that person: :func:`transcript_lines`
finds the lines and their labels in one pass over the text. The rest of the extraction asks this module rather
than reading labels itself: :func:`is_transcript` tells a line's statement from the others (a quotation that runs
over several lines is not one speaker's; a label is the surest speaker evidence), and :func:`label_name` is the
name a label gives ("VARGA" -> "Varga"), which speaker resolution looks up in the article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Span

from onrecord.attribution.arrays import ents_of
from onrecord.attribution.cues import CueFinder, Statement
from onrecord.attribution.phrases import PUNCT_EDGE
from onrecord.attribution.qa_layout import QA_LABEL, qa_turns
from onrecord.attribution.quotes import STRAIGHT
from onrecord.attribution.resolution.names import listed_first_name
from onrecord.lexicon.en import BYLINE_WORDS, NOT_SPEAKER_LABELS, REPORTER_ROLES
from onrecord.spans import strip_chars
from onrecord.types import CharSpan

__all__ = ["QA_LABELS", "TRANSCRIPT", "is_transcript", "label_name", "qa_speakers", "transcript_lines"]

#: The origin of a transcript line's statement.
TRANSCRIPT = "transcript"

#: The first character of a line that is not blank (_next_line), found without copying the rest of the text.
_NOT_BLANK = re.compile(r"\S")

#: A line's label: a name of up to four words, with the speaker's firm or office after it in brackets ("ANA LIND
#: (Harbour Securities): ...") or after dashes, as a call's transcript gives them ("Ana Lind -- Chief Executive
#: Officer: ...", "Ivo Tarn -- Harbour Securities -- Analyst: ..."), and a colon.
_SPEAKER_LABEL = re.compile(r"^[\"“]?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})"
                            r"(?: \([^()\n]{1,60}\)| (?:--|—|–) [A-Z][^:\n]{0,60}){0,2}:[ \t]+(?=\S)", re.MULTILINE)
#: What a line's content loses at either edge: punctuation and double quotation marks.
_LINE_EDGE = PUNCT_EDGE + STRAIGHT + "“”"


def transcript_lines(doc: Doc, cues: CueFinder) -> list[Statement]:
    """Transcript and Q&A paragraphs: ``PENCE: Well, look ...`` / ``Lin Okafor: We will build it.``; each is a
    statement of its label (the source), the colon its cue."""
    text = cues.text
    out = []
    labels = list(_SPEAKER_LABEL.finditer(text))
    turns = Counter(m.group(1).split()[-1].lower().strip(".") for m in labels)
    for m in labels:
        label = m.group(1)
        if not _may_be_a_speaker(label):
            continue
        s, e = _line_content(text, m.end())
        if e - s < 12:
            continue
        s_i, e_i = cues.token_at(m.start(1)), cues.token_at(m.end(1) - 1) + 1
        titled = m.end(1) < m.end() and m.group()[m.end(1) - m.start()] == " "  # ("Ana Lind -- Analyst:")
        if not (_is_person_label(doc, label, doc[s_i:e_i], turns) or (titled and _first_and_family(doc[s_i:e_i]))):
            continue
        colon = m.start() + len(m.group().rstrip()) - 1  # (after the bracketed firm, if any)
        out.append(Statement(
            content=CharSpan(s, e), cue=None, cue_span=CharSpan(colon, colon + 1), source=doc[s_i:e_i],
            kind="speech", confidence=0.6, origin=TRANSCRIPT,
        ))
    return out


def _line_content(text: str, start: int) -> tuple[int, int]:
    """What a labelled line says: from after its label to the line's end, without edge punctuation and marks."""
    end = text.find("\n", start)
    return strip_chars(text, start, len(text) if end < 0 else end, _LINE_EDGE)


#: The labels of a Q&A interview's lines: the interviewer's question, the answer of the person interviewed.
QA_LABELS = ("Q", "A")
#: Verbs of the sentence that introduces a Q&A by its interviewer ("Our food writer, Ivo Tarn, asked him why").
_ASKING = frozenset({"ask", "interview", "speak", "talk", "chat", "sit", "question", "meet"})


def qa_lines(doc: Doc, cues: CueFinder, named: list[Statement] | None = None) -> list[Statement]:
    """A Q&A interview's lines (``Q: Why stop now?`` / ``A: Because I'm tired.``), when the article has both
    kinds: each a statement of its label, the colon its cue; :func:`qa_speakers` says who the labels are. A
    transcript whose answers are labelled by name (``named``, from :func:`transcript_lines`: ``Q: Is it over?`` /
    ``VARGA: Not yet.``) has its questions too, each one a named line answers."""
    text = cues.text
    found = list(QA_LABEL.finditer(text))
    kinds = {m.group(1) for m in found}
    if kinds == {"Q"} and named:
        answered = {text.rfind("\n", 0, line.cue_span.start) + 1 for line in named if line.cue_span is not None}
        found = [m for m in found if _next_line(text, m.end()) in answered]
    elif kinds != set(QA_LABELS):
        return []
    out = []
    for m in found:
        s, e = _line_content(text, m.end())
        if e - s < 2:
            continue
        at = cues.token_at(m.start(1))
        out.append(Statement(
            content=CharSpan(s, e), cue=None, cue_span=CharSpan(m.end(1), m.end(1) + 1), source=doc[at : at + 1],
            kind="speech", confidence=0.6, origin=TRANSCRIPT,
        ))
    return out


def _next_line(text: str, at: int) -> int:
    """Where the first non-blank line after the line of ``at`` starts."""
    end = text.find("\n", at)
    if end < 0:
        return -1
    word = _NOT_BLANK.search(text, end)
    return word.start() if word else len(text)


def qa_speakers(doc: Doc, text: str, name_of: Callable[[Span], str]) -> dict[str, str | None]:
    """Who a Q&A's labels are, from the introduction before its first line: the person answering ("A") is the
    person the article names most often; the one asking ("Q") a person introduced as a journalist, credited in the
    interview's byline ("Interview by Ana Lind"), or the subject of asking, interviewing or speaking with, else
    the writer its byline credits ("By Ana Lind"). None where the introduction does not say. ``name_of`` gives a
    person entity's fullest name in the article."""
    turns = qa_turns(text)
    first = turns[0][0] if turns else next((m.start() for m in QA_LABEL.finditer(text)), None)
    intro = [e for e in ents_of(doc) if e.label_ in ("PERSON", "ORG") and first is not None
             and e.end_char <= first]
    asking = None
    for ent in intro:
        head = ent.root.head
        # a journalist, or a person who asks or interviews
        subject = ent.label_ == "PERSON" and ent.root.dep_ == "nsubj" and head.lemma_.lower() in _ASKING
        if _journalist(ent) or subject or _interview_byline(ent):
            asking = name_of(ent)
            break
    if asking is None:  # else the writer the byline credits ("By Ana Lind" on a line of its own)
        asking = next((name_of(e) for e in intro if e.label_ == "PERSON" and _writers_byline(e)), None)
    names = list(dict.fromkeys(name_of(e) for e in intro if e.label_ == "PERSON"))

    def mentions(name: str) -> int:
        return len(re.findall(rf"\b{re.escape(name.split()[-1])}\b", text))

    spoken_to = _spoken_to(intro, text, first) if first is not None else None
    answering = name_of(spoken_to) if spoken_to is not None else None
    if answering is None or answering == asking:
        answering = max((n for n in names if n != asking), key=mentions, default=None)
    return {"Q": asking, "A": answering}


def _spoken_to(intro: list[Span], text: str, first: int) -> Span | None:
    """The person the paragraph right before a Q&A's first line has someone speak with, interview or ask ("a
    pool reporter spoke with crew chief Ivo Tarn. The league released the transcript:"): the one answering."""
    start = text.rfind("\n", 0, len(text[:first].rstrip())) + 1  # (the paragraph before the first line)
    for ent in reversed(intro):
        root = ent.root
        if ent.label_ != "PERSON" or ent.start_char < start:
            continue
        verb = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "with" else root.head
        if root.dep_ in ("pobj", "dobj") and verb.lemma_.lower() in _ASKING and verb.pos_ == "VERB":
            return ent
    return None


def _interview_byline(ent: Span) -> bool:
    """A person credited with the interview in its byline ("Interview by Ana Lind", "Interviewed by Ana Lind")."""
    doc = ent.doc
    return ent.label_ == "PERSON" and ent.start >= 2 and doc[ent.start - 1].lower_ == "by" \
        and doc[ent.start - 2].lemma_.lower() in _ASKING


def _writers_byline(ent: Span) -> bool:
    """A person credited as the writer on a line that opens with "By" ("By Ana Lind\n")."""
    doc = ent.doc
    return ent.start >= 1 and doc[ent.start - 1].lower_ == "by" and (ent.start == 1 or "\n" in doc[ent.start - 2].text)


def _first_and_family(span: Span) -> bool:
    """A label of two or three words opening with a listed first name ("Ana Lind"), whatever the recogniser made
    of it: with an office or firm after it, a person's name."""
    return 2 <= len(span.text.split()) <= 3 and listed_first_name(span[0])


def _may_be_a_speaker(label: str) -> bool:
    """Not a byline ("By Ana Lind: The harbour ..."), nor a caption ("Header Image: Divers ...")."""
    return not (label.lower() in NOT_SPEAKER_LABELS or len(label) < 2 or label.split()[0].lower() in BYLINE_WORDS
                or label.split()[-1].lower() in NOT_SPEAKER_LABELS)


def _is_person_label(doc: Doc, label: str, span: Span, turns: Counter[str]) -> bool:
    """A line label is a speaker when it is a recognised person or the surname of one named elsewhere (a label in
    capitals that takes two turns or more, "OYAMA-FLINT:", by any name the recogniser found, whatever it took it
    for; not a team's line-up or a heading, "EASTMOOR:", given once)."""
    if any(t.ent_type_ == "PERSON" for t in span):
        return True
    last = label.split()[-1].lower().strip(".")
    capitals = label.isupper() and turns[last] >= 2
    return any((ent.label_ == "PERSON" or _journalist(ent) or (capitals and not ent.text.isupper()))
               and _family_word(ent.text) == last
               for ent in ents_of(doc) if ent.start_char != span.start_char)


def _family_word(name: str) -> str:
    """A name's last word as a label gives it: lower case, without a possessive ("Lind's" -> "lind") or edge
    punctuation, and keeping a final "s" of the name itself ("Rhodes")."""
    word = name.split()[-1].lower()
    return re.sub(r"[’']s$", "", word).strip(".,’'")


def _journalist(ent: Span) -> bool:
    """A name beside a journalist's role ("our food writer, Ivo Tarn,"): a person, whatever the recogniser made
    of it."""
    return (ent.root.dep_ == "appos" and ent.root.head.lower_ in REPORTER_ROLES) \
        or any(t.lower_ in REPORTER_ROLES and t.dep_ == "appos" for t in ent.root.children)


def is_transcript(statement: Statement) -> bool:
    """Is this a transcript line's statement (see :func:`transcript_lines`)?"""
    return statement.origin == TRANSCRIPT


def label_name(label: str) -> str:
    """The name a line's label gives, as the article would write it: a label in capitals ("VARGA") in title
    case ("Varga"), any other as it stands."""
    return label.title() if label.isupper() else label
