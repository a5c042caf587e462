"""Statements told in a page's headings. A cue in a heading, caption or boilerplate line starts no statement
(:func:`.layout.in_heading`), save where the line is itself a report in a headline's form: a headline or a
sub-heading "Ferry captain says pier unsafe", "Pier unsafe, captain says" -- a named or described speaker and a verb
of saying in the present tense, headlines' tense for what was said. :func:`.extractor.find_cues` asks the table
``cues.heading`` for each statement whose cue is in such a line.
"""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.attribution.arrays import text_of
from onrecord.attribution.cues import Statement, cue_words
from onrecord.attribution.layout import in_teaser
from onrecord.attribution.rules import RuleTable, rule
from onrecord.lexicon.en import (
    ANONYMOUS_HEADS,
    GROUP_HEADS,
    ORGANISATION_HEADS,
    PERSON_PRONOUNS,
    SPEECH_VERBS,
    SPOKESPERSON_HEADS,
    TITLES,
)

__all__ = ["HEADING_RULES", "headline_report"]

#: Named entities that speak: people, bodies, places' governments, nationalities ("Canadians say ...").
_SPEAKING_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@rule(
    "cues.heading.headline-report",
    ("Ferry captain says ferries will stop at the old pier\n\nThe ferries run twice a day.", "says"),
    ("Old pier too low for new ferries, Ana Lind says\n\nThe ferries run twice a day.", "says"),
)
def headline_report(c: Statement) -> str | None:
    """A heading that is a report in a headline's form: "X says Y" or "Y, X says" with a verb of saying in the
    present tense (headlines tell what was said in the present) whose subject is in the line and names or
    describes someone who speaks -- a name, a person's pronoun, a person, role or body ("captain", "ministry").
    Not a line that links to another story ("READ MORE: ...", "WATCH: ..."),
    nor a verb whose subject is a thing ("Common wisdom says ..."), nor the past tense of a caption, nor a
    content that starts outside the heading's own line (the rest is cut at the line's end)."""
    cue = c.cue
    if cue is None or c.form != "clause" or cue.tag_ not in ("VBZ", "VBP") or cue.lemma_.lower() not in SPEECH_VERBS:
        return None
    text = text_of(cue.doc)
    if in_teaser(text, cue):
        return None
    if "\n" in text[min(c.content.start, cue.idx) : max(c.content.start, cue.idx)]:
        return None  # (what it says starts in another line: the heading was read into the story's next paragraph)
    subject = next((t for t in cue.children if t.dep_ == "nsubj"), None)
    if subject is None or not _speaker_like(subject):
        return None
    if "\n" in cue.doc[min(subject.i, cue.i) : max(subject.i, cue.i)].text:
        return None  # (the subject in another line)
    return cue_words(c) or cue.text


def _speaker_like(subject: Token) -> bool:
    """Does the subject name or describe someone who speaks: a proper name or a named person, body or place, a
    person's pronoun, a person, a group of people, a role or a body?"""
    word = subject.lower_
    return (subject.pos_ == "PROPN" or subject.ent_type_ in _SPEAKING_ENTITIES or word in PERSON_PRONOUNS
            or subject.lemma_.lower() in ANONYMOUS_HEADS
            or word in ANONYMOUS_HEADS | GROUP_HEADS | ORGANISATION_HEADS | SPOKESPERSON_HEADS | TITLES)


HEADING_RULES: RuleTable[Statement, str] = RuleTable("cues.heading", [headline_report])
