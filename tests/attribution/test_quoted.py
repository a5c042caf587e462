"""``Attribution.quoted``: the parts of each content inside quotation marks, without the marks (issue 17), and the
direct-quotations view built on them. Invented sentences; each assertion reads the words back off the text."""

from __future__ import annotations

import json

import pytest

import onrecord
from onrecord.attribution.records import quoted_parts
from onrecord.cli import main
from onrecord.settings import Settings
from onrecord.types import CharSpan


def _one(text: str, words: str) -> onrecord.Attribution:
    """The attribution whose content has ``words``."""
    found = [a for a in onrecord.extract(text, settings=Settings(scope="all")).attributions
             if words in a.content.of(text)]
    assert len(found) == 1, [a.content.of(text) for a in found]
    return found[0]


def test_direct_speech_is_quoted_whole() -> None:
    text = "\u201cThe pier will reopen in May,\u201d Ana Lind said on Tuesday."
    a = _one(text, "pier")
    assert a.type == "direct"
    assert [q.of(text) for q in a.quoted] == ["The pier will reopen in May,"]
    assert a.quoted == (a.content,)


def test_mixed_speech_gives_the_quoted_fragments_only() -> None:
    text = ("Ivo Tarn said the new budget was \u201ca gift to the wealthy\u201d and that the council had "
            "\u201cnever listened\u201d to Lakeview.")
    a = _one(text, "budget")
    assert a.type == "mixed"
    assert [q.of(text) for q in a.quoted] == ["a gift to the wealthy", "never listened"]
    assert all(a.content.contains(q) for q in a.quoted)
    assert a.quoted_text(text) == "a gift to the wealthy \u2026 never listened"


def test_indirect_speech_has_nothing_quoted() -> None:
    text = "Mira Oduya said the ferry would run all winter."
    a = _one(text, "ferry")
    assert a.type == "indirect"
    assert a.quoted == ()
    assert a.to_dict(text)["quoted"] == [] and a.to_dict(text)["quoted_text"] is None


def test_the_type_and_the_quoted_parts_agree_on_a_whole_article() -> None:
    text = ("Ana Lind said the harbour plan was \u201ctoo costly by half.\u201d\n\n"
            "\u201cWe will not sign it,\u201d said Ivo Tarn, the council leader.\n\n"
            "Mira Oduya said the vote would come in June.")
    result = onrecord.extract(text, settings=Settings(scope="all"))
    assert result.attributions
    for a in result.attributions:
        assert bool(a.quoted) == (a.type in ("direct", "mixed")), a
        for q in a.quoted:
            said = q.of(text)
            assert said == said.strip() and not any(m in said for m in "\u201c\u201d")


def test_a_quotation_over_paragraphs_leaves_out_the_marks_that_reopen_them() -> None:
    text = ("Ana Lind said: \u201cWe will build the pier.\n\n\u201cIt will open in May.\n\n"
            "\u201cAnd it is paid for.\u201d")
    quote = CharSpan(text.index("We"), text.rindex("\u201d"))
    parts = quoted_parts(text, quote, [quote])
    assert [p.of(text) for p in parts] == ["We will build the pier.", "It will open in May.", "And it is paid for."]
    # a content covering only the second paragraph: that paragraph, without its mark
    second = CharSpan(text.index("\u201cIt"), text.index("May.") + 4)
    assert [p.of(text) for p in quoted_parts(text, second, [quote])] == ["It will open in May."]


@pytest.mark.parametrize("text, content, quote, expected", [
    # a content that ends inside a quotation: the part within the content
    ("Lind called it \u201ca plan for nobody\u201d today.", "it \u201ca plan", "a plan for nobody", ["a plan"]),
    # white space inside the marks is not quoted words
    ("Tarn said \u201c  far too late \u201d again.", "\u201c  far too late \u201d again", "  far too late ",
     ["far too late"]),
    # a part with no letter or digit is no quoted words
    ("Oduya said \u201c\u2014\u201d and left.", "\u201c\u2014\u201d and left", "\u2014", []),
])
def test_quoted_parts_edges(text: str, content: str, quote: str, expected: list[str]) -> None:
    c = CharSpan(text.index(content), text.index(content) + len(content))
    q = CharSpan(text.index(quote), text.index(quote) + len(quote))
    assert [p.of(text) for p in quoted_parts(text, c, [q])] == expected


def test_quotations_that_overlap_give_parts_that_do_not() -> None:
    """Stray marks can pair into quotations that overlap, out of order: the parts are joined, in order."""
    text = 'Lind said: "the\n"Tarn said \u201cthe bridge is safe.\u201d" Oduya said.'
    outer = CharSpan(text.index("Tarn"), text.index('" Oduya'))
    inner = CharSpan(text.index("the bridge"), text.index("\u201d\""))
    content = CharSpan(text.index("Tarn"), text.index('" Oduya'))
    parts = quoted_parts(text, content, [inner, outer])
    assert [p.of(text) for p in parts] == ["Tarn said \u201cthe bridge is safe.\u201d"]


def test_the_direct_quotations_view() -> None:
    text = ("Ivo Tarn said the plan was \u201ca gift to the wealthy\u201d and \u201cfar too late.\u201d "
            "Mira Oduya said the ferry would run all winter.")
    result = onrecord.extract(text, id="lakeview-1", outlet="Lakeview Ledger")
    rows = result.quotations()
    # (the content ends before the sentence's full stop, and so does what it quotes)
    assert [r["quotation"] for r in rows] == ["a gift to the wealthy", "far too late"]
    for r in rows:
        assert text[r["quotation_start"]:r["quotation_end"]] == r["quotation"]
        assert (r["doc_id"], r["outlet"], r["speaker"], r["type"]) == ("lakeview-1", "Lakeview Ledger", "Ivo Tarn",
                                                                       "mixed")
        assert r["cue_text"] == "said" and r["source_text"] == "Ivo Tarn"
    assert [r["part"] for r in rows] == [0, 1] and rows[0]["attribution"] == rows[1]["attribution"]


def test_extract_quotations_on_the_command_line(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text("\u201cWe will fight it,\u201d said Ana Lind. Ivo Tarn said the vote was close.\n",
                     encoding="utf-8")
    assert main(["extract", "--quotations", str(story)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["quotation"], r["speaker"], r["type"]) for r in lines] == [("We will fight it,", "Ana Lind", "direct")]


@pytest.mark.model
def test_the_accurate_mode_gives_the_quoted_parts_of_its_corrected_contents() -> None:
    pytest.importorskip("torch", reason="the accurate mode needs the 'accurate' extra")
    text = ("Ivo Tarn said the harbour plan was \u201ctoo costly by half\u201d for Lakeview.\n\n"
            "\u201cWe will not sign it,\u201d said Ana Lind, the council leader.")
    result = onrecord.extract(text, settings=Settings(scope="all", mode="accurate"))
    assert result.attributions
    for a in result.attributions:
        assert bool(a.quoted) == (a.type in ("direct", "mixed")), a
    said = {q.of(text) for a in result.attributions for q in a.quoted}
    assert "We will not sign it," in said and "too costly by half" in said
