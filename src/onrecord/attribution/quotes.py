"""Finding quotations in raw text, paragraph by paragraph.

Pure text work (no spaCy), so an unbalanced quotation mark can damage at most its own paragraph:
the stray mark is reported as :class:`~onrecord.types.Skipped` and the rest of the article is read as usual.
Multi-paragraph quotations follow the newsroom convention: a paragraph that leaves a quotation open and a
next paragraph that re-opens one continue the same quotation.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from onrecord.types import CharSpan, Skipped

# Every quotation mark the rules read is defined here, once (find_quotes below; the cue rules' "“A,” she said,
# “B.”" reads OPENING_AFTER_CUE and CLOSING_BEFORE_CUE).
OPENING = frozenset("“«„‟")
CLOSING = frozenset("”»")
#: The straight double mark: it opens or closes by what stands around it.
STRAIGHT = '"'
AMBIGUOUS = frozenset({STRAIGHT, "＂"})
#: Single marks: find_quotes reads them only doubled (PAIRED_CURLY, PAIRED_AMBIGUOUS); the straight one is also an
#: apostrophe.
SINGLE_OPENING = "‘"
SINGLE_CLOSING = "’"
SINGLE_STRAIGHT = "'"
#: Two-character marks used by some wire and NYT texts.
PAIRED_OPEN = "``"
PAIRED_AMBIGUOUS = SINGLE_STRAIGHT * 2
#: Doubled curly single marks, typed where a double mark was meant ("‘‘We will,’’ she said").
PAIRED_CURLY = {SINGLE_OPENING * 2: "open", SINGLE_CLOSING * 2: "close"}
#: The marks around a cue clause set between two quotations ("“A,” she said, “B.”"): what can close the first
#: quotation and open the second. Double and single, curly and straight; not the low and reversed openers („ ‟)
#: nor the fullwidth straight mark, which the cue rule has never read.
CLOSING_BEFORE_CUE = CLOSING | {STRAIGHT, SINGLE_CLOSING, SINGLE_STRAIGHT}
OPENING_AFTER_CUE = (OPENING - {"„", "‟"}) | {STRAIGHT, SINGLE_OPENING, SINGLE_STRAIGHT}

#: Openers whose closing mark is otherwise an opening one: German „…“ and »…«.
_CLOSED_BY = {"„": "“”", "»": "«"}

_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``span`` includes the marks, ``content`` excludes them."""

    span: CharSpan
    content: CharSpan
    paragraphs: int = 1  # how many paragraphs it runs over

    def word_count(self, text: str) -> int:
        return len(_WORD.findall(text, self.content.start, self.content.end))


#: An HTML or XML tag left in plain text, with attributes.
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+\s*=\s*(?:\"[^\"<>\n]*\"|'[^'<>\n]*'|[^\s<>\"']+))*\s*/?>")


def _marks(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(position, width, role) of every quotation mark in text[start:end]; role is open/close/ambiguous."""
    out: list[tuple[int, int, str]] = []
    i = start
    while i < end:
        ch = text[i]
        if ch == "<":
            tag = _TAG.match(text, i, end)
            if tag is not None:  # markup left in the text (<tweet author="…">): its attribute values quote nobody
                i = tag.end()
                continue
        if ch in OPENING:
            out.append((i, 1, "open"))
        elif ch in CLOSING:
            out.append((i, 1, "close"))
        elif ch in AMBIGUOUS:
            out.append((i, 1, "ambiguous"))
        elif text[i : i + 2] in PAIRED_CURLY:
            out.append((i, 2, PAIRED_CURLY[text[i : i + 2]]))
            i += 2
            continue
        elif ch == "`" and text.startswith(PAIRED_OPEN, i):
            out.append((i, 2, "open"))
            i += 2
            continue
        elif ch == "'" and text.startswith(PAIRED_AMBIGUOUS, i):
            out.append((i, 2, "ambiguous"))
            i += 2
            continue
        i += 1
    return out


def _opens(text: str, pos: int, width: int, start: int, end: int) -> bool:
    """Is the ambiguous mark at ``pos`` opening? Decided by the characters around it."""
    before = text[pos - 1] if pos > start else " "
    after = text[pos + width] if pos + width < end else " "
    if before.isspace() or before in "([{—–-/:;,":
        return not after.isspace()
    if after.isspace() or after in ".,;:!?)]}—–-":
        return False
    return not before.isalnum()


def _role(text: str, mark: tuple[int, int, str], paragraph: tuple[int, int], open_at: tuple[int, int] | None,
          carrying: bool, first: tuple[bool, bool]) -> str:
    """What a mark (position, width, role) does where it stands: "open" or "close". ``open_at``: the quotation
    open in this paragraph; ``carrying``: one runs on from the paragraph before; ``first``: is the mark the
    paragraph's first, and does the paragraph open with its first mark."""
    pos, width, role = mark
    is_first, leading = first
    p_start, p_end = paragraph
    ch = text[pos]
    if open_at is not None and ch in _CLOSED_BY.get(text[open_at[0]], ""):
        role = "close"
    elif role == "close" and ch == "»" and open_at is None and not carrying:
        role = "open"  # German »…«
    elif role == "close" and open_at is None and not carrying and is_first and leading \
            and pos + width < p_end and not text[pos + width].isspace():
        role = "open"  # a paragraph that opens with a closing mark typed the wrong way round (”Fear ...”)
    if role == "ambiguous":
        role = "close" if open_at is not None or (carrying and not is_first) else (
            "open" if _opens(text, pos, width, p_start, p_end) else "close"
        )
    return role


def find_quotes(text: str) -> tuple[list[Quote], list[Skipped]]:
    """Every quotation in ``text`` and the paragraphs damaged by unbalanced marks."""
    quotes: list[Quote] = []
    skipped: list[Skipped] = []
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    carry: tuple[int, int] | None = None  # (open position, width) of a quote running over a paragraph break
    carry_paras = 0
    carry_from: tuple[int, int] = (0, 0)  # the paragraph where that quotation opened
    for index, (p_start, p_end) in enumerate(paragraphs):
        marks = _marks(text, p_start, p_end)
        open_at: tuple[int, int] | None = None
        stray: list[int] = []
        first_mark = marks[0][0] if marks else None
        leading = first_mark is not None and not text[p_start:first_mark].strip()
        if carry is not None and not (leading and marks[0][2] != "close"):
            # the previous paragraph's open quotation is not re-opened here: it was a stray mark
            skipped.append(_unbalanced(carry[0], carry_from))
            carry = None
        for pos, width, mark_role in marks:
            role = _role(text, (pos, width, mark_role), (p_start, p_end), open_at, carry is not None,
                         (pos == first_mark, leading))
            if role == "open":
                if carry is not None and pos == first_mark:
                    continue  # the re-opening mark of a multi-paragraph quotation
                if open_at is not None:
                    stray.append(open_at[0])
                open_at = (pos, width)
            else:  # close
                opener = open_at or carry
                if opener is None:
                    stray.append(pos)
                    continue
                content = CharSpan(opener[0] + opener[1], pos)
                paras = carry_paras + 1 if opener is carry else 1
                if content.end > content.start:
                    quotes.append(Quote(CharSpan(opener[0], pos + width), content, paras))
                open_at = None
                carry = None
                carry_paras = 0
        opener = open_at or carry
        if opener is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            reopened = nxt is not None and text[nxt[0]:nxt[1]].lstrip()[:1] in OPENING | AMBIGUOUS | {"`"}
            if reopened:
                # close the part in this paragraph as its own piece only when the quotation continues
                if carry is None:
                    carry_from = (p_start, p_end)
                carry = opener
                carry_paras += 1
            elif opener is carry:  # a quotation opened paragraphs ago never closes: all of them are damaged
                skipped.append(_unbalanced(opener[0], (carry_from[0], p_end)))
                carry = None
                carry_paras = 0
            else:
                stray.append(opener[0])
                carry = None
                carry_paras = 0
        if stray:
            skipped.append(_unbalanced(stray[0], (p_start, p_end)))
    return quotes, skipped


def _unbalanced(offset: int, paragraph: tuple[int, int]) -> Skipped:
    return Skipped(
        reason=f"unbalanced quotation mark at offset {offset}: quotations in this paragraph may be incomplete",
        span=CharSpan(*paragraph),
    )


def inside_quotes(quotes: list[Quote]) -> Callable[[int], bool]:
    """A test for "is this character offset inside one of these quotations (as sorted by find_quotes)"."""
    starts = [q.content.start for q in quotes]

    def quoted(char: int) -> bool:
        k = bisect.bisect_right(starts, char) - 1
        return k >= 0 and quotes[k].content.start <= char < quotes[k].content.end

    return quoted
