"""Property test: whatever text comes in, ``onrecord.extract`` returns spans inside it or a clear InputError.

Random and adversarial text: stray quotation marks of every kind, control characters, huge paragraphs, mixed
scripts and emoji. Lone surrogates are left out (category Cs): they are not text and cannot be written as
UTF-8 (ingest replaces them before extraction).
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import onrecord
from onrecord.errors import InputError

QUOTE_MARKS = ['"', "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u201a", "'", "``", "''",
               "\u2039", "\u203a", "\u300c", "\u300d", "\uff02"]
CONTROL = [chr(c) for c in (*range(0, 32), 127, *range(0x80, 0xA0))] + ["\u200b", "\u200e", "\u2028", "\u2029",
                                                                        "\ufeff", "\u00ad"]
WORDS = ["said", "says", "told", "according to", "the mayor", "Jane Smith", "she", "he", "they", "that", "\u2014",
         "Mr.", "U.S.", "e.g.", "...", "\u2026", ":", ",", ".", "?", "!", "(", ")", "-", "\n", "\n\n", "\t", " ",
         "Ahmed", "\u0642\u0627\u0644", "\u8bf4", "\u0441\u043a\u0430\u0437\u0430\u043b", "\u05d0\u05de\u05e8",
         "\u0939\u093f\u0902\u0926\u0940", "\U0001f600", "\U0001f1fa\U0001f1f8", "\U0001f469\u200d\U0001f4bb",
         "e\u0301", "\ufb01", "\u00a0"]

piece = st.one_of(
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(CONTROL),
    st.sampled_from(WORDS),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=20),
)
paragraph = st.lists(piece, max_size=80).map(" ".join)
huge_paragraph = st.tuples(st.sampled_from(WORDS + QUOTE_MARKS), st.integers(300, 1_500)).map(
    lambda t: " ".join([t[0], "word"] * t[1])
)
articles = st.lists(st.one_of(paragraph, paragraph, paragraph, huge_paragraph), min_size=1, max_size=4).map(
    "\n\n".join
) | st.text(st.characters(exclude_categories=("Cs",)), max_size=300)


@pytest.mark.model
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=articles)
@example(text="\u201c")
@example(text="\u201cUnclosed, she said. \u201d\u201d \u00bb Closed twice \u00ab, he said\u201e \u201a ``x'' '")
@example(text="\x00\x07 Ahmed said \u0642\u0627\u0644 \U0001f600 \u201c" + "word " * 3000)
def test_extract_never_escapes_and_spans_stay_inside(text: str) -> None:
    try:
        extraction = onrecord.extract(text)
    except InputError:
        assert not text.strip(), "only empty or whitespace-only text may be refused"
        return
    assert text.strip(), "empty text must be refused"
    assert extraction.article.text == text
    n = len(text)
    for a in extraction.attributions:
        spans = [a.content, a.source, a.cue, *(r.span for r in a.via)]
        for span in spans:
            if span is not None:
                assert 0 <= span.start <= span.end <= n, (span, n)
        assert 0.0 <= a.confidence <= 1.0
    for s in extraction.skipped:
        if s.span is not None:
            assert 0 <= s.span.start <= s.span.end <= n
    json.dumps(extraction.to_dict(), ensure_ascii=False).encode("utf-8")  # writable as a JSONL line


@pytest.mark.model
@pytest.mark.parametrize("text", ["", " ", "\n\t\r\n", "\u3000\u2003"])
def test_blank_text_is_refused_with_input_error(text: str) -> None:
    with pytest.raises(InputError, match="empty"):
        onrecord.extract(text)
