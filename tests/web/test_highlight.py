"""Highlights from character offsets: segments cover the text exactly, roles and colours come from constants."""

from __future__ import annotations

from typing import Any

from onrecord.web.highlight import PALETTE, quoted_regions, segments, side_list


def _a(text: str, content: str, source: str | None = None, cue: str | None = None, **extra: Any) -> dict[str, Any]:
    def span(words: str | None, after: int = 0) -> tuple[int | None, int | None]:
        if words is None:
            return None, None
        start = text.index(words, after)
        return start, start + len(words)

    (cs, ce), (ss, se) = span(content), span(source)
    qs, qe = span(cue, se or 0)  # the cue after its source
    return {"content_start": cs, "content_end": ce, "source_start": ss, "source_end": se, "cue_start": qs,
            "cue_end": qe, "speaker_id": None, "speaker": extra.pop("speaker", None), **extra}


TEXT = "\u201cWe will pay,\u201d Ana Lind said. Piet Varga said the ferry <b>runs</b> late."


def test_segments_cover_the_text_exactly_and_in_order() -> None:
    found = segments(TEXT, [_a(TEXT, "We will pay,", "Ana Lind", "said", speaker="Ana Lind", type="direct"),
                            _a(TEXT, "the ferry <b>runs</b> late", "Piet Varga", "said", speaker="Piet Varga",
                               type="indirect")])
    assert "".join(s.text for s in found) == TEXT
    assert all(s.start == sum(len(p.text) for p in found[:i]) for i, s in enumerate(found))


def test_roles_quoted_words_and_paraphrase() -> None:
    found = segments(TEXT, [_a(TEXT, "We will pay,", "Ana Lind", "said", speaker="Ana Lind", type="direct"),
                            _a(TEXT, "the ferry <b>runs</b> late", "Piet Varga", "said", speaker="Piet Varga",
                               type="indirect")])
    by_text = {s.text: s for s in found}
    assert by_text["We will pay,"].classes == "hl content c0 quoted" and by_text["We will pay,"].anchor == 1
    assert by_text["Ana Lind"].classes == "hl source c0"
    assert by_text["the ferry <b>runs</b> late"].classes == "hl content c1 paraphrase"
    assert [s.classes for s in found if s.text == "said"] == ["hl cue c0", "hl cue c1"]
    assert by_text["\u201c"].plain and by_text["."].plain


def test_quoted_words_inside_a_paraphrase_are_set_apart() -> None:
    text = "Lind said the plan was \u201cdead on arrival\u201d and would be dropped."
    found = segments(text, [_a(text, "the plan was \u201cdead on arrival\u201d and would be dropped", "Lind",
                               "said", speaker="Ana Lind", type="mixed")])
    kinds = [(s.text, s.classes.split()[-1]) for s in found if not s.plain and "content" in s.classes]
    assert ("dead on arrival", "quoted") in kinds and ("the plan was \u201c", "paraphrase") in kinds
    assert quoted_regions(text) == [(text.index("dead"), text.index("\u201d"))]


def test_nested_statements_list_every_number_primary_first() -> None:
    text = "Lind said Varga told her the ferry was late."
    outer = _a(text, "Varga told her the ferry was late", "Lind", "said", speaker="Ana Lind")
    inner = _a(text, "the ferry was late", "Varga", "told", speaker="Piet Varga")
    found = segments(text, [outer, inner])
    ferry = next(s for s in found if s.text == "the ferry was late")
    assert ferry.attrs == "2 1" and "c1" in ferry.classes.split()
    varga = next(s for s in found if s.text == "Varga")
    assert varga.classes.startswith("hl source") and varga.attrs == "2 1"


def test_skipped_parts_carry_their_reason() -> None:
    text = "Fine.\n\n\u201cBroken quote here.\n\nEnd."
    start = text.index("\u201cBroken")
    found = segments(text, [], [{"reason": "unbalanced quotation mark", "span": [start, start + 19]}])
    skipped = [s for s in found if s.skipped]
    assert [s.text for s in skipped] == ["\u201cBroken quote here."] and skipped[0].classes == "skipped"


def test_offsets_past_the_text_are_clipped_not_trusted() -> None:
    text = "Short text."
    found = segments(text, [{"content_start": 6, "content_end": 999, "source_start": None, "source_end": None,
                             "cue_start": -5, "cue_end": 2, "speaker": "X", "speaker_id": None}])
    assert "".join(s.text for s in found) == text


def test_one_colour_per_speaker_from_the_palette_cycling() -> None:
    text = " ".join(f"P{i} said w{i}." for i in range(9))
    found = [_a(text, f"w{i}", f"P{i}", None, speaker=f"Person {i}") for i in range(9)]
    entries = side_list(found)
    assert [e["colour"] for e in entries] == [i % len(PALETTE) for i in range(9)]
    again = side_list([*found, _a(text, "w3", "P3", None, speaker="Person 0")])
    assert again[0]["numbers"] == [1, 10]
