"""The accurate mode's decoder, on hand-made tagger probabilities (no torch, no model)."""

from __future__ import annotations

import re

from onrecord.attribution.decoder import Decoding, best_span, refine, spans_of, support
from onrecord.types import CharSpan

TEXT = "Harbour officials said on Tuesday that the ferry will resume in May. The mayor doubts it."
O, B, I = 0, 1, 2  # noqa: E741  (the BIO labels' own names, as in tagger.py)
SENTS = [(0, TEXT.index(" The mayor")), (TEXT.index("The mayor"), len(TEXT))]
LABELS = Decoding(spans="labels", add_min=0.5)


def pieces(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]


def probs_for(text: str, layers: dict[int, list[str]], sure: float = 1.0) -> list[list[list[float]]]:
    """Probabilities putting ``sure`` on the labels of the phrases in ``layers[k]`` (first occurrence)."""
    offs = pieces(text)
    labels = [[O, O, O] for _ in offs]
    for layer, phrases in layers.items():
        for phrase in phrases:
            s = text.index(phrase)
            inside = [k for k, (a, b) in enumerate(offs) if a >= s and b <= s + len(phrase)]
            for n, k in enumerate(inside):
                labels[k][layer] = B if n == 0 else I
    rest = (1.0 - sure) / 2
    return [[[sure if lab == j else rest for j in range(3)] for lab in row] for row in labels]


def span(phrase: str) -> CharSpan:
    s = TEXT.index(phrase)
    return CharSpan(s, s + len(phrase))


def test_spans_are_read_off_the_labels_and_trimmed() -> None:
    (only,) = spans_of(TEXT, pieces(TEXT), probs_for(TEXT, {0: ["that the ferry will resume in May."]}), 0)
    assert only.span.of(TEXT) == "that the ferry will resume in May"
    assert only.score == 1.0


def test_a_piece_inside_a_word_widens_the_span_to_the_word() -> None:
    text = "She predicted reopenings."
    offs = [(0, 3), (4, 13), (14, 21), (21, 24), (24, 25)]  # "reopen" + "ings" as two pieces
    probs = [[[1, 0, 0]] * 3 for _ in offs]
    probs[3] = [[0, 1, 0], [1, 0, 0], [1, 0, 0]]
    (only,) = spans_of(text, offs, probs, 0)
    assert only.span.of(text) == "reopenings"


def test_best_span_moves_a_rule_boundary_to_the_taggers_whole_span() -> None:
    probs = probs_for(TEXT, {0: ["that the ferry will resume in May"]}, sure=0.9)
    found, gain = best_span(TEXT, pieces(TEXT), probs, 0, span("the ferry will resume"), 10)
    assert found.of(TEXT) == "that the ferry will resume in May"
    assert gain > 1.0
    same, none = best_span(TEXT, pieces(TEXT), probs, 0, span("that the ferry will resume in May"), 10)
    assert same == span("that the ferry will resume in May") and none == 0.0


def test_scored_decoding_corrects_content_cue_and_source() -> None:
    probs = probs_for(TEXT, {0: ["that the ferry will resume in May"], 1: ["said on Tuesday"],
                             2: ["Harbour officials"]},
                      sure=0.9)
    rules = [(span("the ferry will resume"), span("said"), span("officials"))]
    (r,) = refine(TEXT, rules, pieces(TEXT), probs, SENTS, Decoding(source_from="scored"))
    assert (r.content.of(TEXT), r.cue.of(TEXT), r.source.of(TEXT)) == (
        "that the ferry will resume in May", "said on Tuesday", "Harbour officials")
    assert r.origin == 0
    # by default a source the tagger supports stands as the rules gave it (reshaping sources lost more than it won)
    (r,) = refine(TEXT, rules, pieces(TEXT), probs, SENTS)
    assert r.content.of(TEXT) == "that the ferry will resume in May" and r.source.of(TEXT) == "officials"


STORY = "Ana Lind told Ivo Tarn that the pier would close. Mira Oduya, who runs the ferry, disagreed."
STORY_SENTS = [(0, STORY.index(" Mira")), (STORY.index("Mira"), len(STORY))]


def test_a_source_the_tagger_rejects_gives_way_to_its_own_nearest_the_cue() -> None:
    content, cue = STORY.index("that the pier"), STORY.index("told")
    rule = (CharSpan(content, content + len("that the pier would close")), CharSpan(cue, cue + 4),
            CharSpan(STORY.index("Ivo Tarn"), STORY.index("Ivo Tarn") + 8))  # the rules took the object
    probs = probs_for(STORY, {0: ["that the pier would close"], 1: ["told"], 2: ["Ana Lind", "Mira Oduya"]})
    (r,) = refine(STORY, [rule], pieces(STORY), probs, STORY_SENTS)
    assert r.source.of(STORY) == "Ana Lind"  # not Mira Oduya: another sentence
    # no tagger source in the sentence: the rejected one is dropped, unless source_drop is off
    probs = probs_for(STORY, {0: ["that the pier would close"], 1: ["told"], 2: ["Mira Oduya"]})
    (r,) = refine(STORY, [rule], pieces(STORY), probs, STORY_SENTS)
    assert r.source is None
    (r,) = refine(STORY, [rule], pieces(STORY), probs, STORY_SENTS, Decoding(source_drop=False))
    assert r.source == rule[2]


def test_a_rule_content_the_tagger_does_not_see_is_dropped_and_a_missed_one_added() -> None:
    probs = probs_for(TEXT, {0: ["it"], 1: ["doubts"], 2: ["The mayor"]})
    rules = [(span("the ferry will resume in May"), span("said"), span("Harbour officials"))]
    (added,) = refine(TEXT, rules, pieces(TEXT), probs, SENTS, LABELS)
    assert added.origin is None
    assert (added.content.of(TEXT), added.cue.of(TEXT), added.source.of(TEXT)) == ("it", "doubts", "The mayor")


def test_knobs_turn_dropping_and_adding_off() -> None:
    probs = probs_for(TEXT, {0: ["it"], 1: ["doubts"], 2: ["The mayor"]})
    rules = [(span("the ferry will resume in May"), span("said"), span("Harbour officials"))]
    knobs = Decoding(spans="labels", drop_below=0.0, keep_min=0.0, add_min=1.1)
    (kept,) = refine(TEXT, rules, pieces(TEXT), probs, SENTS, knobs)
    assert kept.origin == 0 and kept.content == rules[0][0]


def test_an_added_content_needs_a_cue_in_its_sentence() -> None:
    probs = probs_for(TEXT, {0: ["it"], 1: ["said"]})  # the only cue is in the other sentence
    assert refine(TEXT, [], pieces(TEXT), probs, SENTS, LABELS) == []
    (loose,) = refine(TEXT, [], pieces(TEXT), probs, SENTS, Decoding(spans="labels", add_min=0.5, add_needs_cue=False))
    assert loose.cue is None and loose.source is None


def test_one_attribution_per_content() -> None:
    probs = probs_for(TEXT, {0: ["that the ferry will resume in May"]})
    rules = [
        (span("the ferry will resume in May"), span("said"), span("Harbour officials")),
        (span("that the ferry will resume"), span("said"), span("officials")),
    ]
    assert len(refine(TEXT, rules, pieces(TEXT), probs, SENTS, LABELS)) == 1


def test_support_is_the_mean_not_outside_probability() -> None:
    probs = probs_for(TEXT, {0: ["that the"]})
    assert support(pieces(TEXT), probs, 0, span("that the ferry will")) == 0.5
    assert support(pieces(TEXT), probs, 0, CharSpan(0, 0)) == 0.0


def test_keep_min_drops_a_rule_content_the_tagger_half_sees() -> None:
    # the tagger marks only the start of the rule's content: a tagger span overlaps it, but support is low
    probs = probs_for(TEXT, {0: ["that the"]})
    rules = [(span("that the ferry will resume in May"), span("said"), span("Harbour officials"))]
    assert len(refine(TEXT, rules, pieces(TEXT), probs, SENTS, Decoding(add_min=1.1, keep_min=0.0))) == 1
    assert refine(TEXT, rules, pieces(TEXT), probs, SENTS, Decoding(add_min=1.1, keep_min=0.5)) == []
