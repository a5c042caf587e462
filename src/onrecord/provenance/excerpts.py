"""Another outlet's piece quoted in the article (:mod:`onrecord.provenance.passages`): the passages a sentence
"X reports:" sets off, later ones a framing paragraph reopens ("Her evening is recorded in detail:"), and excerpts
set off by "From the Kestrel Herald:" or "The Kestrel Herald reports that ..." up to "Read the rest". Words said
to a crowd inside such a passage stay a public act.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from onrecord.lexicon import en as lex
from onrecord.lexicon import load
from onrecord.provenance.anonymity import doc_text
from onrecord.provenance.outlets import outlet_words, same_outlet
from onrecord.types import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from onrecord.provenance.sourcing import Sourcing

_EXCERPT = re.compile(r"(?:^|\n)[ \t]*(?:From|Via|As reported by|According to) ([^\n:]{2,80}):[ \t]*\n")
_REPORTS_THAT = re.compile(r"(?:^|\n)[ \t]*((?:The )?[A-Z][\w.'\u2019\- ]{1,50}?) (?:reports|reported) that\b")
_READ_ON = re.compile(r"\n[ \t]*(?:Read|Continue reading|Click here)\b")
_ACCOUNT = re.compile(r"(?:^|[.!?]\s+|\n)([A-Z][\w.'\u2019\- \xa0]{1,60}?)[\s\xa0]+(?:reports|reported|writes|wrote):"
                      r"[ \t\xa0]*\n+[ \t]*[\"\u201c]")
_LEXICON = load("en")
_PUBLIC_CHANNELS, _PIECES = (_LEXICON.words(name) for name in ("public_channels", "piece_nouns"))


def last_word(name: str) -> str:
    """A name's last word, lower case: the key a speaker's statements are matched by."""
    return str((re.findall(r"[a-z]+", name.lower()) or [""])[-1])


def to_the_public(doc: Doc, a: Attribution) -> bool:
    """Does the cue's own clause name a public channel ("Tarn said, looking out at the crowd"), not a clause of
    someone else's within it ("Lind said to Tarn, who began his speech", "until Tarn ended his speech")?"""
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    if cue is None or not len(cue) or any(t.lemma_.lower() in lex.BELIEF_VERBS for t in cue):
        return False  # (a thought is said to no one: "at a rally she began to realize")
    for t in cue.root.subtree:
        if t.lower_ not in _PUBLIC_CHANNELS or a.content.start <= t.idx < a.content.end:
            continue
        path = [w for w in t.ancestors if w.i != cue.root.i and cue.root in w.ancestors]
        if not any(w.dep_ == "relcl" or any(c.dep_ in ("nsubj", "nsubjpass") for c in w.children)
                   for w in (t, *path)):
            return True
    return False


def quoted_passages(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, the teller's key, the teller) of each quoted passage set off by "X reports:" or "X writes:" at a
    paragraph's end: the paragraphs that open with a quotation mark, up to the one that closes it."""
    out = []
    for m in _ACCOUNT.finditer(text):
        end = m.end()
        for para in re.finditer(r"[^\n]+", text[m.end() - 1 :]):
            end = m.end() - 1 + para.end()
            if para.group().rstrip().endswith(('"', "\u201d")):
                break
            nxt = text[end:].lstrip("\n")
            if not nxt.startswith(('"', "\u201c")):
                break
        who = m.group(1).strip()
        out.append((m.end() - 1, end, last_word(who), who))
    return out


def reopened(doc: Doc, passages: Sequence[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Later passages of the piece an "X reports:" passage quotes, each set off by a one-sentence framing paragraph
    of the writer's that points back into it: a passive ending with a colon ("Her evening is recorded in detail:")
    or the piece by its noun ("The article closes with a scene at her home."). A passage runs over the paragraphs
    that open with a quotation mark; its teller is the last one named before it."""
    text, out = doc_text(doc), []
    for m in re.finditer(r"\n[ \t]*([^\n\"\u201c][^\n]{9,199})\n+(?=[\"\u201c])", text) if passages else ():
        told = [p for p in passages if p[1] <= m.start()]
        words = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if not told or words is None or words[0].sent.end < words[-1].i + 1 or not (
                (m.group(1).rstrip().endswith(":") and any(t.dep_ == "nsubjpass" and t.head == t.sent.root
                                                           for t in words))
                or any(t.dep_ == "nsubj" and t.lower_ in _PIECES and t.head == t.sent.root for t in words)):
            continue  # (not one sentence of the writer's pointing back into the piece)
        end = m.end()
        for para in re.finditer(r"[^\n]+", text[m.end() :]):
            if not para.group().startswith(('"', "\u201c")):
                break
            end = m.end() + para.end()
        out.append((m.end(), end, told[-1][2], told[-1][3]))
    return out


def excerpted(doc: Doc, attributions: Sequence[Attribution], outlet: str | None) -> list[tuple[int, str]]:
    """Statements in an excerpt of another outlet's story, set off by a paragraph of its own ("From the Kestrel
    Herald:"), up to a line sending the reader to the rest ("Read the rest ...") or the article's end; or after a
    paragraph opening "The Kestrel Herald reports that ...", up to such a line (there must be one)."""
    text = doc_text(doc)
    out: list[tuple[int, str]] = []
    for m in _EXCERPT.finditer(text):
        if same_outlet(m.group(1), outlet):
            continue
        if m.group(0).lstrip().lower().startswith("from"):
            words = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if words is None or outlet_words(words) is None:  # ("From the start:" is no outlet)
                continue
        ends = _READ_ON.search(text, m.end())
        end = ends.start() if ends is not None else len(text)
        out += [(k, f"excerpt: {m.group(1)}") for k, a in enumerate(attributions) if m.end() <= a.content.start < end]
    for m in _REPORTS_THAT.finditer(text):  # ("The Kestrel Herald reports that ...", then its story, "Read the rest")
        words = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        ends = _READ_ON.search(text, m.end())
        if ends is None or words is None or outlet_words(words) is None or same_outlet(m.group(1), outlet):
            continue
        start = text.find("\n", m.end())
        out += [(k, f"excerpt: {m.group(1)}") for k, a in enumerate(attributions)
                if 0 <= start <= a.content.start < ends.start()]
    return out


def shares_reported(doc: Doc, attributions: Sequence[Attribution], found: Sequence[Sourcing]) -> list[tuple[int, str]]:
    """A share of poll respondents later in the paragraph of a statement another outlet reported ("... lead she has
    held all month," reported Kestrel News. Another 19 percent said they would pick neither."): the outlet's poll,
    known from its report (a relay marked "reports"). Not past the paragraph, where the article may go on with the
    poll in its own words."""
    from onrecord.provenance.anonymity import mention

    text, out = doc_text(doc), []
    reports = [any(e.startswith("relay: reports") for e in s.evidence) for s in found]
    breaks = "\n\n" if "\n\n" in text else "\n"
    for k, a in enumerate(attributions):
        if not reports[k]:
            continue
        ends = text.find(breaks, a.content.end)
        ends = len(text) if ends < 0 else ends
        for j, b in enumerate(attributions):
            said_by = mention(doc, b) if a.content.end <= b.content.start < ends and not reports[j] else None
            if said_by is not None and (said_by.root.ent_type_ == "PERCENT" or said_by.root.lemma_.lower() in
                                        lex.QUANTITY_HEADS):
                out.append((j, f"a share after {a.source.of(text) if a.source else 'a report'}'s report"))
    return out


__all__ = ["excerpted", "last_word", "quoted_passages", "reopened", "shares_reported", "to_the_public"]
