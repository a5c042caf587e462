"""Hypothesis strategies over article text, and the settings profiles of the fuzz suite.

Text is built from pieces a newsroom feed really carries, mixed with pieces it should never carry: quotation
marks of every kind (balanced, unbalanced, nested, glued to words), speech verbs and invented names that trigger
the attribution rules ("Ana Lind said", "according to"), control and format characters (U+0000, U+FEFF, bidi
marks, line separators), mixed scripts (Arabic, CJK, Devanagari, Hebrew, emoji, combining marks), markup left
in the text (``<tweet date="…">``, ``&amp;``, unclosed tags) and paragraph breaks of every kind. Sizes are
bounded so that one example takes well under a second; the ``long`` profile runs more examples, not bigger ones.

Profiles (``HYPOTHESIS_PROFILE``, default ``ci``): ``ci`` is derandomized and small (the suite runs in CI in a few
minutes on two cores); ``long`` draws many more examples at random and keeps failures in ``.hypothesis/``
(see docs/testing.md). Each test gives its own example count for ``ci``; ``long`` multiplies it.
"""

from __future__ import annotations

import json
import os
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from onrecord.types import Article

# --- profiles -------------------------------------------------------------------------------------------------------

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=_SLOW_OK)
settings.register_profile("long", max_examples=1000, deadline=None, print_blob=True,
                          suppress_health_check=_SLOW_OK)

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
if PROFILE not in ("ci", "long"):
    PROFILE = "ci"
#: How many times more examples the ``long`` profile runs than ``ci`` (``FUZZ_FACTOR`` in the environment, else 20).
LONG_FACTOR = max(1, int(os.environ.get("FUZZ_FACTOR") or 20))


def fuzz_settings(ci_examples: int) -> settings:
    """Settings for one fuzz test: ``ci_examples`` examples under ``ci``, ``LONG_FACTOR`` times more under
    ``long``."""
    n = ci_examples * (LONG_FACTOR if PROFILE == "long" else 1)
    return settings(settings.get_profile(PROFILE), max_examples=n)


# --- pieces ---------------------------------------------------------------------------------------------------------

#: Quotation marks as written in news text, one per entry (``` `` ``` and ``''`` are LaTeX/PTB-style pairs).
QUOTE_MARKS = ('"', "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u201a", "\u201f",
               "\u2039", "\u203a", "'", "``", "''", "\u300c", "\u300d", "\uff02")
#: Pairs that open and close a quotation.
QUOTE_PAIRS = (('"', '"'), ("\u201c", "\u201d"), ("\u2018", "\u2019"), ("\u00ab", "\u00bb"), ("\u00bb", "\u00ab"),
               ("\u201e", "\u201c"), ("\u201e", "\u201d"), ("\u201a", "\u2018"), ("\u2039", "\u203a"),
               ("'", "'"), ("``", "''"), ("\u300c", "\u300d"), ("\u00ab\u00a0", "\u00a0\u00bb"))

#: Invented people, organisations and outlets.
NAMES = ("Ana Lind", "Tomas Reyes", "Ines Carvalho", "Hana Okoro", "Piet Vermeer", "Lind", "Dr. Ana Lind",
         "Ana Lind-Tarn", "A. Lind", "ANA LIND", "ana lind", "Ana Lind Jr.", "Ana Lind, 54,",
         "\u0623\u062d\u0645\u062f \u0644\u064a\u0646\u062f", "\u674e\u660e", "\u0930\u093e\u0939\u0941\u0932",
         "Zo\u00eb Lind", "Zoe\u0308 Lind", "Ana\u00a0Lind", "Ana\u200bLind")
ORGANISATIONS = ("the Harbour Council", "Brackwater Transit", "the ministry", "Lind & Reyes LLP", "the police")
OUTLETS = ("the Harbour Post", "Brackwater Courier", "The Quay Times", "Radio Brackwater")
SPEAKERS = NAMES + ORGANISATIONS + ("he", "she", "they", "a senior official", "a spokesperson",
                                    "officials", "two people familiar with the matter", "the mayor")
VERBS = ("said", "says", "told", "wrote", "added", "announced", "denied", "claimed", "warned", "tweeted",
         "posted", "testified", "believes", "wants", "argued", "insisted", "asked", "replied")
FRAMES = (
    "{s} said", "said {s}", "{s} told {o}", "{s} told reporters", "according to {s}", "{s} wrote in a letter",
    "{s} said in a statement", "{s} said in an interview with {o}", "{s}, a spokesperson for {g}, said",
    "{s} {v}", "{v} {s}", "{s} {v} that", "as {s} put it", "{s} posted on X", "{s} said on Monday",
    "{s} told {o}, according to {o}", "according to a report by {o}", "{s} did not respond to a request for comment",
    "{o} reported", "{s} said, citing {s}", "{s} testified in court filings", "{s} believes",
)
#: What a person did, said of them in a sentence with no speech verb.
DEEDS = ("touted her record", "defended the plan", "visited the quay on Monday", "has led the council since 2019",
         "is running for mayor", "smiled")
WORDS = ("the", "roads", "were", "fixed", "we", "will", "not", "stop", "budget", "council", "bridge", "is",
         "safe", "and", "but", "today", "Mr.", "U.S.", "e.g.", "No.", "3.5%", "$1.2bn", "2024", "...", "\u2026",
         "\u2014", "\u2013", "-", ",", ".", ";", ":", "?", "!", "(", ")", "[", "]", "/", "#tag", "@lind")
SCRIPTS = (
    "\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631 "
    "\u0625\u0646 \u0627\u0644\u0637\u0631\u0642 \u0622\u0645\u0646\u0629",
    "\u4ed6\u8bf4\uff1a\u201c\u6865\u662f\u5b89\u5168\u7684\u3002\u201d",
    "\u092e\u0902\u0924\u094d\u0930\u0940 \u0928\u0947 \u0915\u0939\u093e \u0915\u093f "
    "\u0938\u0921\u093c\u0915\u0947\u0902 \u0920\u0940\u0915 \u0939\u0948\u0902",
    "\u05d4\u05d5\u05d0 \u05d0\u05de\u05e8", "\u0441\u043a\u0430\u0437\u0430\u043b \u043e\u043d",
    "\u3053\u3093\u306b\u3061\u306f\u4e16\u754c", "\ud55c\uad6d\uc5b4 \ubb38\uc7a5",
    "\U0001f600", "\U0001f1fa\U0001f1f8", "\U0001f469\u200d\U0001f4bb", "\U0001f44d\U0001f3fd", "\u2764\ufe0f",
    "e\u0301", "a\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307", "\ufb01", "\uff21\uff4e\uff41",
    "\U0001d400\U0001d401", "\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35", "\u10d0\u10d1",
)
CONTROL = tuple(chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127, 0x85, *range(0x80, 0x85),
                                 *range(0x86, 0xA0))) + (
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
    "\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "\u2028", "\u2029", "\ufeff", "\u00ad", "\ufffd",
    "\ufffe", "\uffff", "\U000e0001", "\U0010ffff", "\u034f", "\u180e", "\u3000", "\u00a0", "\u2060",
)
MARKUP = (
    '<tweet date="2024-03-04">', "</tweet>", "<p>", "</p>", "<br/>", "<br>", "&amp;", "&quot;", "&#8220;",
    "&#x201d;", "&nbsp;", "&bogus;", '<a href="https://post.example/x">', "</a>", "<div", "<!-- note",
    "-->", "<![CDATA[", "]]>", "<script>alert(1)</script>", '<img src="x" alt="\u201cquoted\u201d">',
    '<blockquote class="twitter-tweet">', "</blockquote>", "<b><i>", "</b>", "<", ">", "&", "&#0;",
    '<tweet date="2024-03-04" author="@lind">\u201cWe fixed the roads.\u201d</tweet>',
)
BREAKS = (" ", " ", " ", "", "\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "\n\n\n\n", "\r", "\t", "\u2029",
          "\u2028", "\x0b", "\x0c", "\x1c", "\x85")

# --- text -----------------------------------------------------------------------------------------------------------

_any_char = st.characters(exclude_categories=("Cs",))  # lone surrogates cannot be written as UTF-8
word = st.sampled_from(WORDS) | st.sampled_from(SCRIPTS) | st.text(_any_char, min_size=1, max_size=8)
plain_words = st.lists(st.sampled_from(WORDS[:17]), min_size=1, max_size=14).map(" ".join)


@st.composite
def frame(draw: Any) -> str:
    """A speech frame with its slots filled: "Ana Lind told the Harbour Post"."""
    return draw(st.sampled_from(FRAMES)).format(
        s=draw(st.sampled_from(SPEAKERS)), o=draw(st.sampled_from(OUTLETS)), g=draw(st.sampled_from(ORGANISATIONS)),
        v=draw(st.sampled_from(VERBS)))


@st.composite
def quotation(draw: Any) -> str:
    """A quotation: balanced, unclosed, unopened, nested, empty, or a run of marks."""
    inner = draw(st.one_of(plain_words, st.lists(word, max_size=10).map(" ".join), st.just("")))
    opening, closing = draw(st.sampled_from(QUOTE_PAIRS))
    shape = draw(st.sampled_from(("balanced", "balanced", "unclosed", "unopened", "nested", "run", "mixed")))
    if shape == "balanced":
        return f"{opening}{inner}{draw(st.sampled_from(('', ',', '.', '?')))}{closing}"
    if shape == "unclosed":
        return opening + inner
    if shape == "unopened":
        return inner + closing
    if shape == "nested":
        o2, c2 = draw(st.sampled_from(QUOTE_PAIRS))
        deep = draw(st.integers(1, 4))
        middle = inner
        for _ in range(deep):
            middle = f"{o2}{middle} {draw(frame())}{c2}"
        return f"{opening}{draw(plain_words)} {middle},{closing}"
    if shape == "run":  # (onrecord leaves a run of over 400 characters without a space out of the parse)
        return draw(st.sampled_from(QUOTE_MARKS)) * draw(st.integers(1, 1_200))
    return "".join(draw(st.lists(st.sampled_from(QUOTE_MARKS) | word, min_size=1, max_size=12)))


@st.composite
def sentence(draw: Any) -> str:
    """A sentence shaped like news: a quotation with its frame before or after, reported speech, or noise."""
    kind = draw(st.integers(0, 9))
    if kind <= 2:  # “…,” Ana Lind said.
        return f"{draw(quotation())} {draw(frame())}{draw(st.sampled_from(('.', '', ',', ':')))}"
    if kind <= 4:  # Ana Lind said: “…”
        return f"{draw(frame())}{draw(st.sampled_from((':', ',', '', ' that')))} {draw(quotation())}"
    if kind == 5:  # Ana Lind said the roads were fixed.
        return f"{draw(frame())} {draw(plain_words)}."
    if kind == 6:  # Ana Lind touted her record. “We fixed the roads.”
        deed = draw(st.sampled_from(DEEDS) | plain_words)
        return f"{draw(st.sampled_from(NAMES))} {deed}. {draw(quotation())}"
    pieces = st.one_of(word, st.sampled_from(QUOTE_MARKS), st.sampled_from(CONTROL), st.sampled_from(MARKUP),
                       frame(), quotation())
    glue = draw(st.sampled_from((" ", "", " ", "\u00a0")))
    return glue.join(draw(st.lists(pieces, min_size=1, max_size=16)))


@st.composite
def paragraph(draw: Any) -> str:
    """Sentences joined by spaces, now and then a control character, a script or markup between them."""
    parts = draw(st.lists(sentence() | st.sampled_from(CONTROL + MARKUP + SCRIPTS), min_size=1, max_size=6))
    return draw(st.sampled_from((" ", " ", "", "  "))).join(parts)


@st.composite
def long_paragraph(draw: Any) -> str:
    """One paragraph of up to ~12,000 characters: a sentence repeated, with or without spaces."""
    unit = draw(sentence() | plain_words.map(lambda s: s + "."))
    n = draw(st.integers(20, 12_000 // max(len(unit), 1) + 20))
    return draw(st.sampled_from((" ", "", "\u00a0"))).join([unit] * min(n, 12_000 // max(len(unit), 1) + 1))


@st.composite
def article_text(draw: Any) -> str:
    """An article: paragraphs joined by breaks of every kind; sometimes only noise."""
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.text(_any_char, max_size=300))
    paragraphs = draw(st.lists(paragraph() | (long_paragraph() if kind == 1 else paragraph()),
                               min_size=1, max_size=6))
    breaks = st.sampled_from(BREAKS)
    out = paragraphs[0]
    for p in paragraphs[1:]:
        out += draw(breaks) + p
    return draw(st.sampled_from(("", "\ufeff", "\n", "  "))) + out + draw(st.sampled_from(("", "\n", " \x00")))


def huge_article(paragraphs: int = 700) -> str:
    """An article of some 110,000 characters (28,000 tokens: more than onrecord parses at once, so it is parsed in
    parts), with quotations on every paragraph and one that runs over a paragraph break in the middle."""
    body = [f"\u201cThe bridge number {i} will reopen in May,\u201d said Ana Lind, the chief engineer. "
            "Tomas Reyes told the Harbour Post that the council agreed, according to a report."
            for i in range(paragraphs)]
    body.insert(paragraphs // 2, "\u201cWe will not stop.\n\n\u201cWe will finish the work,\u201d Hana Okoro said.")
    return "\n\n".join(body)


#: Text that is empty to extraction (refused with EmptyDocumentError).
BLANK = ("", " ", "\n\t\r\n", "\u3000\u2003", "\u00a0", "\n\n")

meta_text = st.none() | st.sampled_from(NAMES + OUTLETS + ("", " ")) | st.text(_any_char, max_size=30)
dates = st.none() | st.sampled_from((
    "2024-03-04", "2024-03-04T10:00:00Z", "2024-02-30", "2024-13-01", "0000-00-00", "9999-12-31", "yesterday",
    "4 March 2024", "2024", "2024-03", "1e400", "-1", "2024-03-04T25:61:61+99:00", "\u0662\u0660\u0662\u0664")) | \
    st.dates().map(str) | st.text(_any_char, max_size=20)


@st.composite
def articles(draw: Any, *, min_size: int = 1, max_size: int = 6, blank: bool = True) -> list[Article]:
    """A batch of articles with unique ids, sometimes a blank one, sometimes the same text twice, with odd
    metadata (titles, outlets, dates and URLs as feeds give them)."""
    texts = draw(st.lists(article_text(), min_size=min_size, max_size=max_size))
    if PROFILE == "long" and draw(st.integers(0, 40)) == 0:  # now and then, one parsed in parts (5 s)
        texts.append(huge_article(draw(st.integers(450, 900))))
    if blank and draw(st.booleans()):
        texts.insert(draw(st.integers(0, len(texts))), draw(st.sampled_from(BLANK)))
    if len(texts) > 1 and draw(st.integers(0, 4)) == 0:  # the same story twice, re-spaced
        texts.append(" \n".join(texts[0].split(" ")))
    out = []
    for i, text in enumerate(texts):
        url = draw(st.none() | st.sampled_from((f"https://post.example/{i}", "https://post.example/same", "")))
        out.append(Article(text=text, id=f"d{i}", title=draw(meta_text), outlet=draw(meta_text), url=url,
                           published=draw(dates), author=draw(meta_text)))
    return out


@st.composite
def jsonl_records(draw: Any, *, min_size: int = 1, max_size: int = 4) -> list[str]:
    """Lines of a JSONL input file: good records (written with or without ASCII escapes, so that text with a
    lone surrogate arrives as ``\\ud800``), and now and then a line that is not a record."""
    lines = []
    for i, art in enumerate(draw(articles(min_size=min_size, max_size=max_size, blank=False))):
        record: dict[str, Any] = {"id": art.id or f"d{i}", "text": art.text}
        for key in ("title", "outlet", "published", "author"):
            value = getattr(art, key)
            if value is not None:
                record[key] = value
        if draw(st.integers(0, 5)) == 0:  # a lone surrogate: valid JSON, not Unicode
            at = draw(st.integers(0, len(art.text)))
            record["text"] = art.text[:at] + draw(st.sampled_from(("\ud800", "\udfff", "\udc00\ud800"))) + \
                art.text[at:]
        if draw(st.integers(0, 5)) == 0:
            record["extra"] = draw(st.recursive(st.none() | st.integers() | st.text(max_size=5),
                                                lambda c: st.lists(c, max_size=3) | st.dictionaries(
                                                    st.text(max_size=3), c, max_size=3), max_leaves=10))
        ascii_only = draw(st.booleans()) or any("\ud800" <= ch <= "\udfff" for ch in record["text"])
        lines.append(json.dumps(record, ensure_ascii=ascii_only))
    for _ in range(draw(st.integers(0, 2))):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from((
            "", "   ", "[]", "null", '{"id": "no-text"}', '{"text": 5}', "{not json", '{"text": ""}',
            '"just a string"', '{"id": "z", "text": "\\u0000"}'))))
    return lines
