"""Finding quotations in raw text, paragraph by paragraph.

Pure text work (no spaCy), so an unbalanced quotation mark can damage at most its own paragraph:
the stray mark is reported as :class:`~onrecord.types.Skipped` and the rest of the article is read as usual.
Multi-paragraph quotations follow the newsroom convention: a paragraph that leaves a quotation open and a
next paragraph that re-opens one continue the same quotation. Such a quotation is given as one :class:`Quote` per
paragraph (a *piece*: ``part`` says which, ``paragraphs`` how many), so that each paragraph becomes a statement of
its own with the quotation's speaker (the contents stage's rule ``contents.quote-attachment.quotation-paragraph``),
never one span over the paragraph breaks with the re-opening marks inside it: a reader (and the GGT gold) takes
each paragraph as one quotation. A quotation re-opened paragraph after paragraph that no mark closes (the end of
the article, or a paragraph that does not re-open it) is still reported as unbalanced, and its pieces are read up
to the last paragraph that ends a sentence.
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
#: Doubled curly single marks, typed where a double mark was meant ("‘‘We will,’’ she said"), and an opening one
#: followed by a closing one, which a word processor's "smart quotes" makes of a typed '' ("‘’We will,” she said"):
#: that one opens or closes by what stands around it, as a straight mark does.
PAIRED_CURLY = {SINGLE_OPENING * 2: "open", SINGLE_CLOSING * 2: "close", SINGLE_OPENING + SINGLE_CLOSING: "ambiguous"}
#: The marks around a cue clause set between two quotations ("“A,” she said, “B.”"): what can close the first
#: quotation and open the second. Double and single, curly and straight; not the low and reversed openers („ ‟)
#: nor the fullwidth straight mark, which the cue rule has never read.
CLOSING_BEFORE_CUE = CLOSING | {STRAIGHT, SINGLE_CLOSING, SINGLE_STRAIGHT}
OPENING_AFTER_CUE = (OPENING - {"„", "‟"}) | {STRAIGHT, SINGLE_OPENING, SINGLE_STRAIGHT}

#: Openers whose closing mark is otherwise an opening one: German „…“ and »…«.
_CLOSED_BY = {"„": "“”", "»": "«"}

_PARAGRAPH = re.compile(r"[^\n]+")
#: What ends the last paragraph of a quotation no mark closes, for it to be read as a piece of it.
_SENTENCE_END = frozenset(".!?…")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation, or one paragraph's piece of a quotation that runs over several: ``span`` includes the marks
    (a piece's opening mark, or its re-opening mark, and the closing mark of the last piece), ``content``
    excludes them (a piece's content ends where its paragraph's text does)."""

    span: CharSpan
    content: CharSpan
    paragraphs: int = 1  # how many paragraphs its quotation runs over: one piece (one Quote) per paragraph
    part: int = 0  # which of them this piece is (0: the first)

    def word_count(self, text: str) -> int:
        return len(_WORD.findall(text, self.content.start, self.content.end))


#: An HTML or XML tag left in plain text, with attributes.
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+\s*=\s*(?:\"[^\"<>\n]*\"|'[^'<>\n]*'|[^\s<>\"']+))*\s*/?>")

#: Where :func:`_marks` can find something: a tag's "<", a mark, the first character of a two-character mark.
_MARK_START = re.compile("[" + re.escape("".join(sorted(
    {"<", *OPENING, *CLOSING, *AMBIGUOUS, *(m[0] for m in (*PAIRED_CURLY, PAIRED_OPEN, PAIRED_AMBIGUOUS))}))) + "]")


def _marks(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(position, width, role) of every quotation mark in text[start:end]; role is open/close/ambiguous."""
    out: list[tuple[int, int, str]] = []
    i = start
    for found in _MARK_START.finditer(text, start, end):  # (no other character starts a mark or a tag)
        if found.start() < i:
            continue  # inside a tag or a two-character mark already read
        i = found.start()
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
    if before.isspace() and after == " " and text[pos - 2 : pos - 1] in (".", "?", "!") \
            and text[pos + width + 1 : pos + width + 2].isupper():
        return True  # a mark typed with a space after it, opening the next sentence ('he said. " You are')
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


#: Where a mark that opens a quotation stands: at a line's start or after a space, a bracket, a dash or a colon.
_OPENER_BEFORE = r"(?:^|(?<=[\s(\[—–:]))"
#: A curly single mark that opens a quotation, before a letter, a digit or an ellipsis (not the apostrophe of
#: "’tis" or "the ’90s", which a letter precedes); a double one likewise.
_SINGLE_OPENER = re.compile(_OPENER_BEFORE + r"‘(?=[\w…])", re.MULTILINE)
_DOUBLE_OPENER = re.compile(_OPENER_BEFORE + r"[“\"](?=[\w…])", re.MULTILINE)
_SWAP = {"‘": "“", "“": "‘", "”": "’"}


def in_double_marks(text: str) -> str:
    """``text`` as if its quotations were in double marks: for an article in the British style, whose quotations
    open with ‘ and close with ’ (and quote inside them with “…”), the single and double curly marks are swapped,
    character for character (the offsets stay), so that quotations are read in one way for every outlet. A ’ that
    a letter follows, or that nothing opened in its paragraph, stays an apostrophe. Other texts are returned as
    they are. An article is in the British style when its single openers outnumber its double ones, three or more.
    The same style typed with straight marks ('…' with "…" inside) is read by :func:`_straight_singles`."""
    if "‘" not in text:  # (no single opener at all: the common case, told without the expression)
        return _straight_singles(text) if "'" in text else text
    singles = len(_SINGLE_OPENER.findall(text))
    if singles < 3 or singles <= len(_DOUBLE_OPENER.findall(text)):
        return text
    out = list(text)
    depth = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            depth = 0
        elif ch == "‘" and _SINGLE_OPENER.match(text, i) is not None:
            out[i], depth = "“", depth + 1
        elif ch == "’" and depth and not text[i + 1 : i + 2].isalnum():
            out[i], depth = "”", depth - 1
        elif ch in _SWAP:
            out[i] = _SWAP[ch]
    return "".join(out)


#: A straight single mark that opens a quotation: where a curly one would, before a letter or an ellipsis (not a
#: digit: "'90s"); one that can close it: after a non-space, before a non-letter ("now,' she said", "players' union").
_STRAIGHT_OPENER = re.compile(_OPENER_BEFORE + r"'(?=[^\W\d_]|…)", re.MULTILINE)
_STRAIGHT_CLOSER = re.compile(r"(?<=\S)'(?!\w)")
_STRAIGHT_DOUBLE_OPENER = re.compile(_OPENER_BEFORE + r'"(?=\S)', re.MULTILINE)
#: What stands before the mark that ends someone's words, rather than a plural's apostrophe ("players' union").
_ENDS_WORDS = frozenset(".,!?;:…—-")


def _straight_singles(text: str) -> str:
    """An article in the British style typed with straight marks ('We will,' she said; "…" inside) as if it were
    in double curly ones, character for character. Its style is told as the curly one's is (single openers three
    or more and outnumbering the double ones). Each opener is closed by the first closing mark before the next
    opener that follows the words' punctuation, else by the first closing mark (so a plural's apostrophe inside
    the words, "'The players' union will strike,' she said", does not end them); a mark neither opens nor closes
    is left an apostrophe, and the straight double marks inside become single ones."""
    if PAIRED_AMBIGUOUS in text or PAIRED_OPEN in text:  # (the wire's ``…'' marks: its single ones are inside)
        return text
    openers = [m.start() for m in _STRAIGHT_OPENER.finditer(text)]
    if len(openers) < 3 or len(openers) <= len(_STRAIGHT_DOUBLE_OPENER.findall(text)) + text.count("“"):
        return text
    out = list(text)
    closers = [m.start() for m in _STRAIGHT_CLOSER.finditer(text)]
    starts = set(openers)
    for n, i in enumerate(openers):
        end = text.find("\n", i)
        limit = min(end if end >= 0 else len(text), openers[n + 1] if n + 1 < len(openers) else len(text))
        candidates = [j for j in closers[bisect.bisect_right(closers, i) : bisect.bisect_left(closers, limit)]
                      if j not in starts]
        out[i] = "“"
        if candidates:
            close = next((j for j in candidates if text[j - 1] in _ENDS_WORDS), candidates[0])
            out[close] = "”"
    inner = False  # (the straight double marks inside, as single ones: open, close, paragraph by paragraph)
    for i, ch in enumerate(text):
        if ch == "\n":
            inner = False
        elif ch == '"':
            out[i], inner = ("’", False) if inner else ("‘", True)
    return "".join(out)


def find_quotes(text: str, *, double_marks: bool = False) -> tuple[list[Quote], list[Skipped]]:
    """Every quotation in ``text``, a quotation over several paragraphs as one piece per paragraph, and the
    paragraphs damaged by unbalanced marks (the British style's single marks read as double ones:
    :func:`in_double_marks`; ``double_marks``: the caller has already read them so)."""
    text = text if double_marks else in_double_marks(text)
    quotes: list[Quote] = []
    skipped: list[Skipped] = []  # (the paragraphs damaged)
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    run = _Run()  # a quotation running over paragraph breaks
    for index, (p_start, p_end) in enumerate(paragraphs):
        marks = _marks(text, p_start, p_end)
        open_at: tuple[int, int] | None = None
        stray: list[int] = []
        first_mark = marks[0][0] if marks else None
        leading = first_mark is not None and not text[p_start:first_mark].strip()
        reopened = (p_start, 0) if run.carry is not None and text[p_start].islower() else None  # (see _goes_on)
        if run.carry is not None and not (reopened or (leading and marks[0][2] != "close")):
            # the previous paragraph's open quotation is not re-opened here: it was a stray mark
            skipped.append(_unbalanced(run.carry[0], run.since))
            run = _Run()
        after_last = p_start  # where the last mark read in this paragraph ends
        for pos, width, mark_role in marks:
            role = _role(text, (pos, width, mark_role), (p_start, p_end), open_at, run.carry is not None,
                         (pos == first_mark, leading))
            if role == "open" and run.carry is not None and pos == first_mark:
                reopened = (pos, width)  # the re-opening mark of a multi-paragraph quotation
            elif role == "open":
                if open_at is not None:
                    stray.append(open_at[0])
                open_at = (pos, width)
            elif open_at is None and run.carry is None:  # a closing mark with nothing open
                stray.append(pos)
                quotes.extend(_opened_astray(text, after_last, pos, width))
            elif open_at is None:  # the running quotation closes here: its last piece
                quotes.extend(run.close((*(reopened or (pos, 0)), pos, pos + width)))
                run = _Run()
            else:
                quotes.extend(_paired(text, open_at, pos, width))
                open_at = None
            after_last = pos + width
        # what is open at the paragraph's end: a quotation opened here, or the running one (re-opened here)
        opener = open_at if open_at is not None else (reopened or run.carry) if run.carry is not None else None
        if opener is not None:
            piece = (*opener, _para_end(text, p_start, p_end))
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if nxt is not None and _goes_on(text, piece[2], nxt):
                run = run.goes_on(opener if run.carry is None else run.carry, piece, (p_start, p_end))
            elif run.carry is not None:
                # a quotation opened paragraphs ago never closes: its paragraphs are read as pieces up to the last
                # that ends a sentence, and reported
                skipped.append(_unbalanced(run.carry[0], (run.since[0], p_end)))
                quotes.extend(run.close(piece, unclosed=text))
                run = _Run()
            else:
                stray.append(opener[0])
                quotes.extend(_closed_astray(text, opener, piece[2]))
        if stray:
            skipped.append(_unbalanced(stray[0], (p_start, p_end)))
    return quotes, skipped


def _paired(text: str, opener: tuple[int, int], close: int, width: int) -> list[Quote]:
    """The quotation between an opening mark and its closing one; its words start after any space typed after
    the mark ('" You are …"'). Nothing when no character stands between the marks."""
    inner = opener[0] + opener[1]
    if close <= inner:
        return []
    if text[inner:close].strip():
        inner += len(text[inner:close]) - len(text[inner:close].lstrip(" "))
    return [Quote(CharSpan(opener[0], close + width), CharSpan(inner, close))]


#: A single closing mark that ends someone's words: after their last punctuation, before a space or the line's end
#: ("… live with it,’ he says": a double quotation a publisher closed with a single mark).
_SINGLE_CLOSE = re.compile(r"(?<=[,.?!])[’'](?=\s|$)")
#: A single opening mark that starts someone's words: after a space, a dash or a colon, before a letter or digit.
_SINGLE_OPEN = re.compile(r"(?:(?<=\s)|(?<=[—–:(]))[‘'](?=\w)")


def _closed_astray(text: str, opener: tuple[int, int], end: int) -> list[Quote]:
    """A quotation whose closing mark is missing or of the wrong kind, read as the publisher meant it (the
    paragraph is still reported unbalanced): closed by a single mark after the words' punctuation ("“We must
    learn to live with it,’ he says."), else, when the paragraph ends a sentence, running to its end ("warning:
    “They are already there.¶SEE MORE: …"). Nothing when the words would be empty."""
    start = opener[0] + opener[1]
    close = _SINGLE_CLOSE.search(text, start, end)
    if close is not None:
        stop, mark_end = close.start(), close.end()
    elif end > start and text[end - 1] in _SENTENCE_END:
        stop = mark_end = end
    else:
        return []
    return [Quote(CharSpan(opener[0], mark_end), CharSpan(start, stop))] if _WORD.search(text, start, stop) else []


def _opened_astray(text: str, since: int, close: int, width: int) -> list[Quote]:
    """A quotation opened by a single mark and closed by a double one ("testimony that ‘there was no link like
    that," she said"), found from the closing mark with no opening one before it in its paragraph: the single
    opening mark nearest before it, when the words before the closing mark end in punctuation."""
    if close == 0 or text[close - 1] not in ",.?!":
        return []
    opened = [m.start() for m in _SINGLE_OPEN.finditer(text, since, close)]
    if not opened or not _WORD.search(text, opened[-1] + 1, close):
        return []
    return [Quote(CharSpan(opened[-1], close + width), CharSpan(opened[-1] + 1, close))]


def _goes_on(text: str, end: int, nxt: tuple[int, int]) -> bool:
    """Does the quotation open at a paragraph's ``end`` go on in the next paragraph? When that re-opens it (news
    style), or when a stray line break cut its sentence ("“Who may come is up to the manager¶based on the staff's
    advice,” said Ana Lind": no punctuation before the break, the next paragraph in lower case, its first mark
    closing; no mark re-opens it there)."""
    if text[nxt[0] : nxt[1]].lstrip()[:1] in OPENING | AMBIGUOUS | {"`"}:
        return True
    return end > 0 and text[end - 1].isalnum() and text[nxt[0]].islower() \
        and any(role != "open" for _, _, role in _marks(text, nxt[0], nxt[1])[:1])


def _para_end(text: str, start: int, end: int) -> int:
    """Where a paragraph's text ends, without its trailing white space."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


@dataclass(frozen=True, slots=True)
class _Run:
    """A quotation running over paragraph breaks: its opening mark (``carry``: position, width), the paragraph
    where it opened (``since``), and its pieces so far (opening mark, its width, content end)."""

    carry: tuple[int, int] | None = None
    since: tuple[int, int] = (0, 0)
    pieces: tuple[tuple[int, int, int], ...] = ()

    def goes_on(self, carry: tuple[int, int], piece: tuple[int, int, int], paragraph: tuple[int, int]) -> _Run:
        return _Run(carry, self.since if self.carry is not None else paragraph, (*self.pieces, piece))

    def close(self, last: tuple[int, ...], *, unclosed: str | None = None) -> list[Quote]:
        """The quotation's pieces, one per paragraph. ``last`` is the last piece: its opening mark, the mark's
        width, where its content ends and, when a mark closes it, where that mark ends. ``unclosed``: the text,
        when no mark closes the quotation; then the pieces after the last that ends a sentence are left out."""
        pieces = [(m, m + w, e, p[3] if len(p) > 3 else e) for p in (*self.pieces, last) for m, w, e in [p[:3]]]
        pieces = [p for p in pieces if p[2] > p[1]]
        while unclosed is not None and pieces and unclosed[pieces[-1][2] - 1] not in _SENTENCE_END:
            pieces.pop()
        return [Quote(CharSpan(m, end), CharSpan(start, stop), len(pieces), i)
                for i, (m, start, stop, end) in enumerate(pieces)]


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


def quoted_at(text: str, at: int) -> bool:
    """Is character ``at`` inside quotation marks opened in its paragraph?"""
    before = text[text.rfind("\n", 0, at) + 1 : at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1
