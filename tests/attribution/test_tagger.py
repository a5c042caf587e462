"""The role tagger's labelling and windowing (no torch needed for these)."""

from __future__ import annotations

from onrecord.attribution import tagger as T


def test_char_layers_label_the_longer_of_overlapping_spans() -> None:
    atts = [{"content": [10, 20], "cue": [5, 9], "source": [0, 4]}, {"content": [12, 15], "cue": None, "source": None}]
    content, cue, source = T.char_layers(25, atts)
    assert content[10] == T.B and content[11:20] == [T.I] * 9 and content[20] == T.O
    assert cue[5] == T.B and source[0] == T.B and source[4] == T.O


def test_spans_beyond_the_text_are_clipped() -> None:
    (content, _, _) = T.char_layers(5, [{"content": [3, 9]}])
    assert content == [T.O, T.O, T.O, T.B, T.I]


def test_a_piece_continuing_a_word_is_never_a_beginning() -> None:
    text = "He said reopening"
    chars = T.char_layers(len(text), [{"content": [8, 17]}])
    assert T.piece_layers(text, [(0, 2), (3, 7), (8, 14), (14, 17)], chars)[0] == [T.O, T.O, T.B, T.I]
    chars = T.char_layers(len(text), [{"content": [14, 17]}])  # a span that starts mid-word still begins there
    assert T.piece_layers(text, [(8, 14), (14, 17)], chars)[0] == [T.O, T.B]


def test_windows_overlap_and_cover_every_piece() -> None:
    n = T.WINDOW * 2 + 17
    wins = T.windows(list(range(100, 100 + n)), [[0] * n for _ in T.LAYERS], None, 101, 102)
    covered = set()
    for w in wins:
        assert len(w.ids) <= T.WINDOW and w.ids[0] == 101 and w.ids[-1] == 102
        assert all(len(r) == len(w.ids) for r in w.rules)
        covered.update(range(w.start, w.start + len(w.ids) - 2))
    assert covered == set(range(n))
    assert [w.start for w in wins] == [k * T.STRIDE for k in range(len(wins))]


def test_a_short_document_is_one_window_with_gold_masked_at_the_edges() -> None:
    (w,) = T.windows([7, 8, 9], [[0, 1, 2]] * 3, [[0, 1, 2]] * 3, 1, 2)
    assert w.ids == [1, 7, 8, 9, 2]
    assert w.gold[0] == [-100, 0, 1, 2, -100]
