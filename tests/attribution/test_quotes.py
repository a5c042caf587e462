"""find_quotes: quotation marks in raw text, paragraph by paragraph (no spaCy involved)."""

from __future__ import annotations

import pytest

from onrecord.attribution.quotes import find_quotes, in_double_marks


def contents(text: str) -> list[str]:
    quotes, _ = find_quotes(text)
    return [q.content.of(text) for q in quotes]


def skipped_paragraphs(text: str) -> list[str]:
    _, skipped = find_quotes(text)
    return [s.span.of(text) for s in skipped]


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        pytest.param("Ilse Varga said, “The ferry runs on Sunday.”", "The ferry runs on Sunday.", id="curly"),
        pytest.param('Ilse Varga said, "The ferry runs on Sunday."', "The ferry runs on Sunday.", id="straight"),
        pytest.param("Ilse Varga a dit: «Le bac partira dimanche.»", "Le bac partira dimanche.", id="guillemets"),
        pytest.param("Ilse Varga said, ``The ferry will run on Sunday.''", "The ferry will run on Sunday.",
                     id="backticks"),
        pytest.param("Ilse Varga sagte: „Die Fähre fährt am Sonntag.”", "Die Fähre fährt am Sonntag.",
                     id="low-nine-closed-by-right-mark"),
        pytest.param("Ilse Varga said, ‟The ferry will run.”", "The ferry will run.", id="high-reversed-nine"),
        pytest.param("Ilse Varga said, ‘‘The ferry will run.’’", "The ferry will run.", id="doubled-curly-singles"),
        pytest.param("Ilse Varga spoke. ‘’Nobody wins a strike, we all lose.” Tarn nodded.",
                     "Nobody wins a strike, we all lose.", id="a-typed-pair-of-singles-made-smart"),
        pytest.param("“The ferry will run,’’ Ilse Varga said.", "The ferry will run,", id="curly-closed-by-doubled"),
        pytest.param(
            "Ilse Varga sagte: „Die Fähre fährt am Sonntag.“",
            "Die Fähre fährt am Sonntag.",
            id="german-low-high",
        ),
    ],
)
def test_each_mark_style_gives_the_inside_without_marks(text: str, inside: str) -> None:
    quotes, skipped = find_quotes(text)
    assert skipped == []
    assert [q.content.of(text) for q in quotes] == [inside]
    (q,) = quotes
    assert q.span.start < q.content.start and q.content.end < q.span.end
    assert q.span.contains(q.content)
    assert q.paragraphs == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"One thing," Oskar Brun said. "And another."', ["One thing,", "And another."]),
        ("“Yes” and “no” were the only answers.", ["Yes", "no"]),
        ("“The ramp opens in May,” Brun said, “and the lift in June.”", ["The ramp opens in May,",
                                                                          "and the lift in June."]),
        ("The so-called “temporary” ferry has run for six years.", ["temporary"]),
        # single quotation marks inside a double quotation belong to its content
        ("“She told me ‘never again,’ and left,” Brun said.", ["She told me ‘never again,’ and left,"]),
        ('He said: "A 12-inch pipe burst."', ["A 12-inch pipe burst."]),
    ],
)
def test_several_quotations_in_a_paragraph(text: str, expected: list[str]) -> None:
    assert contents(text) == expected
    assert skipped_paragraphs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The council’s plan isn’t ready, the mayor’s aide said.",
        "Brun's plan isn't ready and the mayors' budget won't cover it.",
        "The band's rock 'n' roll hit from the '90s played on.",
        "Ilse Varga’s ferry, the harbour’s oldest, sails at nine o’clock.",
        "The ferries’ schedules change; the captains’ union agreed.",
    ],
)
def test_apostrophes_are_not_quotation_marks(text: str) -> None:
    assert find_quotes(text) == ([], [])


def test_an_empty_pair_of_marks_is_no_quotation_and_no_damage() -> None:
    assert find_quotes("The sign read “” after the storm.") == ([], [])


# -- offsets ------------------------------------------------------------------------------------------------
def test_offsets_index_the_text_given() -> None:
    text = "Intro line.\n\n  Brun said, “The lift is broken.” Varga said, «It will be fixed.»\n"
    quotes, _ = find_quotes(text)
    assert [(text[q.content.start : q.content.end], text[q.span.start : q.span.end]) for q in quotes] == [
        ("The lift is broken.", "“The lift is broken.”"),
        ("It will be fixed.", "«It will be fixed.»"),
    ]


def test_paired_backtick_marks_are_two_characters_wide() -> None:
    text = "Brun said ``the lift is broken'' on Friday."
    (q,) = find_quotes(text)[0]
    assert q.span.of(text) == "``the lift is broken''"
    assert q.content.start - q.span.start == 2 and q.span.end - q.content.end == 2


def test_word_count_counts_words_inside_the_marks() -> None:
    text = "Varga said, “The new ferry, at last, is here.”"
    (q,) = find_quotes(text)[0]
    assert q.word_count(text) == 7


# -- quotations over paragraphs ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "first_words", "last_words", "paragraphs"),
    [
        (
            "“We have to replace every cable.\n\n“There is no shortcut,” Oskar Brun said.",
            "We have to replace every cable.",
            "There is no shortcut,",
            2,
        ),
        (
            "Brun spoke.\n\n“One span is rusted.\n\n“The next is cracked.\n\n“The third is fine,” he said.",
            "One span is rusted.",
            "The third is fine,",
            3,
        ),
        (
            '"One span is rusted.\n\n"The second is fine," he said.',
            "One span is rusted.",
            "The second is fine,",
            2,
        ),
    ],
)
def test_a_quotation_reopened_in_the_next_paragraph_is_one_piece_per_paragraph(
    text: str, first_words: str, last_words: str, paragraphs: int
) -> None:
    # issue 17: one quotation over several paragraphs is read as its paragraphs, each a piece that knows its
    # place (no merged span over the breaks, no re-opening mark inside a content)
    quotes, skipped = find_quotes(text)
    assert skipped == []
    assert len(quotes) == paragraphs
    assert quotes[0].content.of(text) == first_words and quotes[-1].content.of(text) == last_words
    assert [q.part for q in quotes] == list(range(paragraphs))
    assert all(q.paragraphs == paragraphs and "\n" not in q.span.of(text) for q in quotes)
    assert quotes[-1].span.of(text).endswith(("”", '"')) and not quotes[0].span.of(text).endswith(("”", '"'))


def test_a_closed_quotation_then_a_new_paragraph_are_two_quotations() -> None:
    text = "“The lift is broken.”\n\n“It will be fixed,” Varga said."
    assert contents(text) == ["The lift is broken.", "It will be fixed,"]


def test_a_quotation_cut_by_a_stray_line_break_is_one_quotation_in_two_pieces() -> None:
    # the sentence goes on in lower case after the break, and the next paragraph's first mark closes it
    text = ("“Who may join the plan ... is up to the manager\n\nbased on the advice of the staff,” said Ivo Tarn.\n\n"
            "“Then it is settled,” Lind said.")
    quotes, skipped = find_quotes(text)
    assert skipped == []
    assert [q.content.of(text) for q in quotes] == [
        "Who may join the plan ... is up to the manager", "based on the advice of the staff,", "Then it is settled,"]
    assert [(q.part, q.paragraphs) for q in quotes] == [(0, 2), (1, 2), (0, 1)]


# -- unbalanced marks -------------------------------------------------------------------------------------
def test_an_unclosed_mark_damages_only_its_own_paragraph() -> None:
    # the paragraph is reported; its words, opened and never closed, run to its end (the sentence ends there)
    text = (
        "“The money is there,” Ilse Varga said.\n\n"
        "Oskar Brun told a crowd on Saturday that “we will not let this bridge fall.\n\n"
        "Varga said the council would meet. “We will vote on Thursday,” she said."
    )
    quotes, skipped = find_quotes(text)
    assert [q.content.of(text) for q in quotes] == [
        "The money is there,", "we will not let this bridge fall.", "We will vote on Thursday,"]
    assert [s.span.of(text) for s in skipped] == [
        "Oskar Brun told a crowd on Saturday that “we will not let this bridge fall."
    ]
    assert str(text.index("“we")) in skipped[0].reason


@pytest.mark.parametrize(
    ("text", "found", "damaged"),
    [
        pytest.param(
            "The vote was close” Brun said.\n\n“Fine,” Varga said.",
            ["Fine,"],
            ["The vote was close” Brun said."],
            id="stray-closing-mark",
        ),
        pytest.param(
            'Brun said "no.\n\nThe vote is on Friday.',
            ["no."],  # (opened, never closed, the paragraph ending a sentence: the words run to its end)
            ['Brun said "no.'],
            id="stray-straight-mark",
        ),
        pytest.param(
            "“Fine,” Brun said, and then “no.\n\nThe vote is on Friday.",
            ["Fine,", "no."],
            ["“Fine,” Brun said, and then “no."],
            id="balanced-quote-kept-beside-stray",
        ),
        pytest.param(
            "“Fine,” Varga said.\n\n“The lift",
            ["Fine,"],
            ["“The lift"],
            id="unclosed-at-end-of-text",
        ),
        pytest.param(
            "“The lift is old.\n\nIt was built in 1961.” said Brun",
            ["The lift is old."],
            ["“The lift is old.", "It was built in 1961.” said Brun"],
            id="not-reopened-then-stray-close",
        ),
    ],
)
def test_stray_marks_are_reported_with_their_paragraph(text: str, found: list[str], damaged: list[str]) -> None:
    assert contents(text) == found
    assert skipped_paragraphs(text) == damaged


def test_an_unclosed_multi_paragraph_quotation_reports_the_paragraph_of_its_opening_mark() -> None:
    text = "“The lift is old.\n\n“It was built in 1961.\n\nThe vote is on Friday."
    _, skipped = find_quotes(text)
    assert skipped, "the unclosed quotation must be reported"
    offset = 0  # the opening mark of the unclosed quotation
    assert any(s.span.start <= offset < s.span.end for s in skipped), [s.span.of(text) for s in skipped]


def test_a_paragraph_opening_with_a_closing_mark_typed_the_wrong_way() -> None:
    text = "Readers wrote in.\n\n”The ferry is the best part of my day.” ― Ilse Varga"
    quotes, skipped = find_quotes(text)
    assert [q.content.of(text) for q in quotes] == ["The ferry is the best part of my day."]
    assert skipped == []


def test_a_closing_mark_after_a_space_still_closes_nothing() -> None:
    text = "Readers wrote in.\n\n” The ferry is late."
    quotes, skipped = find_quotes(text)
    assert quotes == [] and len(skipped) == 1


@pytest.mark.parametrize(
    "text",
    [
        '<tweet tweet-author="@alind" tweet-date="March 12, 2016">The ferry is late.</tweet>'
        " “We will fix it,” she said.",
        "<a href='https://example.org/ferry' title='Ferry plan'>plan</a> “We will fix it,” she said.",
    ],
)
def test_attribute_values_of_markup_left_in_the_text_are_not_quotations(text: str) -> None:
    quotes, skipped = find_quotes(text)
    assert [q.content.of(text) for q in quotes] == ["We will fix it,"] and not skipped


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param("Lind was blunt. “We have to learn to live with it,’ she says.\n\nTarn agreed.",
                     ["We have to learn to live with it,"], id="double-opened-single-closed"),
        pytest.param("He backed his earlier testimony that ‘there was no link like that,\" she said.",
                     ["there was no link like that,"], id="single-opened-double-closed"),
        pytest.param("Tarn gave a warning: “The troops are in the garrison.\n\nSEE MORE: the march\n\nIt ended.",
                     ["The troops are in the garrison."], id="unclosed-to-the-end-of-its-paragraph"),
        pytest.param("The students’ union met. “We will strike,’ Lind's aide said", ["We will strike,"],
                     id="an-apostrophe-is-not-a-closing-mark"),
        pytest.param("Lind said “the plan is off and the vote", [], id="no-sentence-end-no-quotation"),
    ],
)
def test_a_quotation_closed_or_opened_with_the_wrong_mark_is_read_as_meant(text: str, found: list[str]) -> None:
    quotes, skipped = find_quotes(text)
    assert [q.content.of(text) for q in quotes] == found
    assert skipped  # (the paragraph is still reported unbalanced)


def test_a_straight_mark_typed_with_a_space_after_it_opens_the_next_sentence() -> None:
    text = '"I no longer need one," she told Tarn. " You have done such a good job."\n\nThe crowd cheered.'
    quotes, skipped = find_quotes(text)
    assert [q.content.of(text) for q in quotes] == ["I no longer need one,", "You have done such a good job."]
    assert not skipped


BRITISH = (
    "‘We will not move,’ said Ana Lind, whose workers’ union met on Monday. ‘The plant is ours.’\n\n"
    "Ivo Tarn called the offer ‘a disgrace’. ‘I told them, “Never again,” and I meant it,’ he said.\n\n"
    "‘We have waited ten years for this.\n\n‘Nobody will take it from us,’ she added."
)


def test_an_article_in_the_british_style_is_read_in_its_single_marks() -> None:
    assert contents(BRITISH) == [
        "We will not move,", "The plant is ours.", "a disgrace", "I told them, “Never again,” and I meant it,",
        "We have waited ten years for this.", "Nobody will take it from us,",
    ]
    assert skipped_paragraphs(BRITISH) == []


def test_single_marks_in_an_article_of_double_ones_stay_as_they_were() -> None:
    # (a headline's single marks, in an article that quotes in double ones)
    text = ("Lind says ‘no deal’ on ‘the plant’\n\n“We will not move,” said Ana Lind. “The plant is ours,” she said. "
            "“Not now.”")
    assert contents(text) == ["We will not move,", "The plant is ours,", "Not now."]
    assert in_double_marks("A ‘b’ c ‘d’ e ‘f’ g “h” i “j” k “l”") == "A ‘b’ c ‘d’ e ‘f’ g “h” i “j” k “l”"


BRITISH_STRAIGHT = (
    "'We will not move,' said Ana Lind, whose union met on Monday. 'The plant is ours.'\n\n"
    "Ivo Tarn called the offer 'a disgrace'. 'The workers' vote changes nothing,' he said. 'I told them, \"Never "
    "again,\" and I meant it.'\n\n"
    "'We have waited since the '90s for this.\n\n'Nobody will take it from us,' she added. It's over."
)


def test_an_article_in_the_british_style_typed_with_straight_marks_is_read_in_its_single_marks() -> None:
    # a plural's apostrophe inside the words does not end them; a decade's and a contraction's stay apostrophes
    assert contents(BRITISH_STRAIGHT) == [
        "We will not move,", "The plant is ours.", "a disgrace", "The workers' vote changes nothing,",
        "I told them, \"Never again,\" and I meant it.", "We have waited since the '90s for this.",
        "Nobody will take it from us,",
    ]
    assert skipped_paragraphs(BRITISH_STRAIGHT) == []


def test_straight_single_marks_in_an_article_of_double_ones_stay_apostrophes() -> None:
    text = ("Lind's 'deal' is off. \"We will not move,\" said Ana Lind. \"It's the workers' plant.\" 'No' and "
            "'never'. \"Not now.\"")
    assert in_double_marks(text) == text
