"""The scorer on hand-written documents: spans are found by string search so the cases stay readable."""

from __future__ import annotations

from typing import Any

import pytest

from onrecord.eval.scorer import (
    Metric,
    match_contents,
    normalise_speaker,
    score_documents,
    speakers_match,
    trim,
)

TEXT = (
    '"We will rebuild the bridge by spring," Mayor Ann Lee said on Tuesday. '
    "Critics said the plan was too expensive. "
    'According to the council, the budget "is not settled yet."'
)


def span(text: str, part: str, nth: int = 0) -> list[int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return [start, start + len(part)]


Part = str | list[int] | None  # a substring (its first occurrence) or explicit offsets


def att(text: str, content: Part, source: Part = None, cue: Part = None, **kw: Any) -> dict[str, Any]:
    def find(part: Part) -> list[int] | None:
        return span(text, part) if isinstance(part, str) else part

    return {
        "content": find(content),
        "source": find(source),
        "cue": find(cue),
        "speaker": kw.get("speaker"),
        "type": kw.get("type", "unknown"),
    }


def doc(atts: list[dict[str, Any]], text: str = TEXT, id: str = "d1") -> dict[str, Any]:
    return {"id": id, "text": text, "attributions": atts}


GOLD = doc(
    [
        att(TEXT, "We will rebuild the bridge by spring,", "Mayor Ann Lee", "said", speaker="Ann Lee", type="direct"),
        att(
            TEXT, "the plan was too expensive", "Critics", span(TEXT, "said", nth=1), speaker="critics", type="indirect"
        ),
        att(TEXT, 'the budget "is not settled yet."', "the council", "According to", speaker="council", type="mixed"),
    ]
)


# ------------------------------------------------------------------------------------------ trimming


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Hello, world."', "Hello, world"),
        ("  — spaced out …  ", "spaced out"),
        ("“curly”", "curly"),
        ("``NYT style''", "NYT style"),
        ("plain", "plain"),
        ('"..."', ""),
    ],
)
def test_trim_strips_whitespace_and_punctuation(text: str, expected: str) -> None:
    start, end = trim(text, [0, len(text)])
    assert text[start:end] == expected


# ------------------------------------------------------------------------------------------ content


def test_perfect_prediction_scores_one_everywhere() -> None:
    scores = score_documents([GOLD], [GOLD])
    for name in ("content_exact", "content_overlap", "source_exact", "cue_exact", "end_to_end"):
        m = scores[name]
        assert (m.precision, m.recall, m.f1) == (1.0, 1.0, 1.0), name


def test_exact_ignores_quote_marks_and_trailing_punctuation() -> None:
    text = 'He said: "Taxes will fall." Then he left.'
    gold = doc([att(text, "Taxes will fall.")], text)
    pred = doc([att(text, '"Taxes will fall." ')], text)
    scores = score_documents([gold], [pred])
    assert scores["content_exact"].tp == 1


def test_exact_requires_same_words() -> None:
    text = "She said the plan was too expensive for the town."
    gold = doc([att(text, "the plan was too expensive for the town")], text)
    pred = doc([att(text, "the plan was too expensive")], text)
    scores = score_documents([gold], [pred])
    assert scores["content_exact"].tp == 0
    assert scores["content_overlap"].tp == 1  # 5 of 8 tokens


def test_overlap_threshold_is_half_of_the_union() -> None:
    text = "one two three four five six seven eight"
    gold = doc([att(text, "one two three four")], text)
    half = doc([att(text, "three four five six")], text)  # 2 shared / 6 in either
    assert score_documents([gold], [half])["content_overlap"].tp == 0
    two_thirds = doc([att(text, "one two three")], text)  # 3 / 4
    assert score_documents([gold], [two_thirds])["content_overlap"].tp == 1
    middle = doc([att(text, "three four five six")], text)
    gold_six = doc([att(text, "two three four five six seven")], text)  # 4 / 6 -> match
    assert score_documents([gold_six], [middle])["content_overlap"].tp == 1
    gold_eight = doc([att(text, "one two three four five six seven eight")], text)  # 4 / 8 = 0.5 exactly -> match
    assert score_documents([gold_eight], [middle])["content_overlap"].tp == 1


def test_a_word_cut_short_still_counts_but_one_stray_letter_does_not() -> None:
    text = "alpha beta gamma delta"
    tokens_cut = [0, len("alpha beta gam")]  # covers most of "gamma"
    pairs, _ = match_contents(text, [span(text, "alpha beta gamma")], [tokens_cut])
    assert pairs == [(0, 0)]
    stray = [span(text, "gamma delta")[0] - 3, len(text)]  # "ta gamma delta": 2 of 4 letters of "beta"
    gold = [span(text, "gamma delta")]
    pairs, _ = match_contents(text, gold, [stray])
    assert pairs == [(0, 0)]
    assert trim(text, stray) != trim(text, gold[0])


def test_greedy_matching_is_one_to_one_and_prefers_the_best_overlap() -> None:
    text = "a b c d e f g h"
    gold = [span(text, "a b c d"), span(text, "a b c d e f")]
    # the prediction overlaps both golds; it goes to the better one (4/4 = 1.0 over 4/6)
    pairs, overlapping = match_contents(text, gold, [span(text, "a b c d")])
    assert pairs == [(0, 0)]
    assert overlapping == [[0, 1]]
    # two predictions, one gold: only one can match
    gold_doc = doc([att(text, "a b c d")], text)
    scores = score_documents([gold_doc], [doc([att(text, "a b c d"), att(text, "a b c")], text)])
    m = scores["content_overlap"]
    assert (m.tp, m.n_pred, m.n_gold) == (1, 2, 1)
    assert m.precision == 0.5 and m.recall == 1.0


def test_greedy_order_decides_between_competing_predictions() -> None:
    text = "w1 w2 w3 w4 w5 w6"
    gold = [span(text, "w1 w2 w3 w4"), span(text, "w3 w4 w5 w6")]
    pred = [span(text, "w2 w3 w4 w5")]  # 3/5 with each gold: the tie goes to the earlier gold
    pairs, _ = match_contents(text, gold, pred)
    assert pairs == [(0, 0)]


def test_missing_prediction_document_counts_as_empty() -> None:
    other = doc([att(TEXT, "the plan was too expensive")], id="d2")
    scores = score_documents([GOLD, other], [GOLD])
    m = scores["content_overlap"]
    assert (m.tp, m.n_pred, m.n_gold) == (3, 3, 4)


def test_empty_everything_gives_zero_not_an_error() -> None:
    scores = score_documents([doc([])], [doc([])])
    assert scores["content_overlap"] == Metric(0, 0, 0)
    assert scores["content_overlap"].f1 == 0.0
    assert "source_exact" not in scores.metrics  # nothing in the gold gives a source


# ------------------------------------------------------------------------------------------ source and cue


def test_source_exact_is_span_level_over_overlapping_contents() -> None:
    pred = doc(
        [
            att(TEXT, "We will rebuild the bridge by spring", "Ann Lee", "said"),  # source too short
            att(TEXT, "the plan was too expensive", "Critics", span(TEXT, "said", nth=1)),
            att(TEXT, "the budget", "council", "According to"),  # content too short to overlap (2/6)
        ]
    )
    scores = score_documents([GOLD], [pred])
    src = scores["source_exact"]
    assert (src.tp, src.n_gold) == (1, 3)
    assert (src.tp_pred, src.n_pred) == (1, 3)
    assert scores["source_exact_paired"].tp == 1
    spanset = scores["source_spanset"]
    assert (spanset.tp, spanset.n_pred, spanset.n_gold) == (1, 3, 3)


def test_source_spanset_ignores_content() -> None:
    pred = doc([att(TEXT, "Tuesday", "Critics", "said")])  # right source, wrong content
    scores = score_documents([GOLD], [pred])
    assert scores["source_spanset"].tp == 1
    assert scores["source_exact"].tp == 0
    assert scores["source_exact_paired"].tp == 0


def test_source_trimmed_before_comparing() -> None:
    pred = doc([att(TEXT, "the plan was too expensive", "Critics ", "said")])
    assert score_documents([GOLD], [pred])["source_exact"].tp == 1


def test_null_gold_field_is_skipped_not_penalised() -> None:
    text = "Officials said the road would close. It will reopen in May, the notice said."
    said_2 = span(text, "said", nth=1)
    first = att(text, "the road would close", "Officials", "said")
    gold = doc([first, att(text, "It will reopen in May", None, said_2)], text)
    pred = doc([first, att(text, "It will reopen in May", "the notice", said_2)], text)
    scores = score_documents([gold], [pred])
    for name in ("source_exact", "source_exact_paired"):
        m = scores[name]
        assert (m.precision, m.recall) == (1.0, 1.0), name
        assert m.n_gold == 1 and m.n_pred == 1, name
    # the span-set metric ignores pairing, so the extra source counts against precision
    assert scores["source_spanset"].n_pred == 2


def test_unmatched_prediction_with_source_counts_against_precision() -> None:
    pred = doc([att(TEXT, "on Tuesday", "Mayor Ann Lee", "said")])
    m = score_documents([GOLD], [pred])["source_exact"]
    assert (m.tp_pred, m.n_pred) == (0, 1)


def test_fields_the_corpus_never_annotates_get_no_metric() -> None:
    text = "He said the vote was fair."
    gold = doc([att(text, "the vote was fair", "He", None)], text)
    scores = score_documents([gold], [gold])
    assert "source_exact" in scores.metrics
    assert "cue_exact" not in scores.metrics
    assert "end_to_end" not in scores.metrics
    assert "speaker_accuracy" not in scores.accuracy


# ------------------------------------------------------------------------------------------ speakers


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Defense Secretary Mark Esper", ("mark", "esper")),
        ("Prime Minister Justin Trudeau", ("justin", "trudeau")),
        ("Dr. Jane O'Neil", ("jane", "oneil")),
        ("Trump's", ("trump",)),
        ("Sen. Bernie Sanders", ("bernie", "sanders")),
        ("Martin Luther King Jr.", ("martin", "luther", "king")),
        ("John Major", ("john", "major")),
        ("the commission", ("commission",)),
        ("José Núñez", ("jose", "nunez")),
        ("", ()),
        (None, ()),
    ],
)
def test_normalise_speaker(name: str | None, expected: tuple[str, ...]) -> None:
    assert normalise_speaker(name) == expected


@pytest.mark.parametrize(
    ("pred", "gold", "ok"),
    [
        ("Mark Esper", "Mark Esper", True),
        ("Esper", "Mark Esper", True),
        ("Mr. Esper", "Mark Esper", True),
        ("Defense Secretary Mark Esper", "Mark Esper", True),
        ("Mark Esper", "Esper", True),
        ("J. Trudeau", "Justin Trudeau", True),
        ("John F. Kennedy", "John Kennedy", True),
        ("Anne Marie Cerato", "Cerato", True),
        ("BC Hydro", "bc hydro", True),
        ("Bill Clinton", "Hillary Clinton", False),
        ("Mark", "Mark Esper", False),
        ("Esper", "Mark Espers", False),
        (None, "Mark Esper", False),
        ("Mark Esper", None, False),
    ],
)
def test_speakers_match(pred: str | None, gold: str | None, ok: bool) -> None:
    assert speakers_match(pred, gold) is ok


def test_end_to_end_needs_content_and_speaker() -> None:
    text = '"Rates stay," Governor Tiff Macklem said. Analysts expected a cut, Jane Doe wrote.'
    gold = doc(
        [
            att(text, "Rates stay,", speaker="Tiff Macklem", type="direct"),
            att(text, "Analysts expected a cut", speaker="Jane Doe", type="indirect"),
        ],
        text,
    )
    pred = doc(
        [
            att(text, "Rates stay", speaker="Macklem", type="direct"),
            att(text, "Analysts expected a cut", speaker="John Doe", type="indirect"),  # wrong first name
            att(text, "Jane Doe wrote", speaker="Jane Doe", type="indirect"),  # no such content
        ],
        text,
    )
    scores = score_documents([gold], [pred])
    e2e = scores["end_to_end"]
    assert (e2e.tp, e2e.n_pred, e2e.n_gold) == (1, 3, 2)
    acc = scores.accuracy["speaker_accuracy"]
    assert (acc.correct, acc.total) == (1, 2)


def test_end_to_end_skips_a_speaker_the_gold_leaves_null() -> None:
    text = '"Not again," a neighbour said. "We will rebuild," Mayor Ann Lee said.'
    gold = doc(
        [
            att(text, "Not again,", speaker=None, type="direct"),  # an unnamed person: FORMAT.md skips the field
            att(text, "We will rebuild,", speaker="Ann Lee", type="direct"),
        ],
        text,
    )
    pred = doc(
        [
            att(text, "Not again", speaker=None, type="direct"),
            att(text, "We will rebuild", speaker="Ann Lee", type="direct"),
        ],
        text,
    )
    scores = score_documents([gold], [pred])
    e2e = scores["end_to_end"]
    assert (e2e.tp, e2e.n_pred, e2e.n_gold) == (2, 2, 2)
    acc = scores.accuracy["speaker_accuracy"]
    assert (acc.correct, acc.total) == (1, 1)


# ------------------------------------------------------------------------------------------ by type


def test_recall_by_gold_type_and_precision_by_predicted_type() -> None:
    pred = doc(
        [
            att(TEXT, "We will rebuild the bridge by spring", type="direct"),
            att(TEXT, "Mayor Ann Lee said on Tuesday", type="indirect"),
        ]
    )
    scores = score_documents([GOLD], [pred])
    assert {t: (m.tp, m.n_gold) for t, m in scores.by_gold_type.items()} == {
        "direct": (1, 1),
        "indirect": (0, 1),
        "mixed": (0, 1),
    }
    assert {t: (m.tp, m.n_pred) for t, m in scores.by_pred_type.items()} == {"direct": (1, 1), "indirect": (0, 1)}


# ------------------------------------------------------------------------------------------ input checks


@pytest.mark.parametrize(
    "bad",
    [
        {"id": "d1", "text": "short", "attributions": [{"content": [0, 99]}]},
        {"id": "d1", "text": "short", "attributions": [{"content": [3, 1]}]},
        {"id": "d1", "text": "short", "attributions": [{"content": None}]},
        {"id": "d1", "text": "short", "attributions": [{"content": [0, 1], "type": "quote"}]},
        {"id": "d1", "attributions": []},
    ],
)
def test_invalid_gold_is_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        score_documents([bad], [])


def test_prediction_for_unknown_id_or_other_text_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown document"):
        score_documents([GOLD], [doc([], id="nope")])
    with pytest.raises(ValueError, match="different text"):
        score_documents([GOLD], [doc([], text="other text")])


def test_prediction_without_text_uses_the_gold_text() -> None:
    pred = {"id": "d1", "attributions": GOLD["attributions"]}
    assert score_documents([GOLD], [pred])["content_exact"].tp == 3
