"""Where a quotation's statement starts and ends (session 29, issue 17): a thing a verb of calling names with
its quoted words is one mixed content from the thing; a verb joined to the reported clause in the cue's own form
that cannot share the clause's tense is the speaker's next act. Invented sentences, each with a look-alike that
must not change."""

from __future__ import annotations

import onrecord
from onrecord.settings import Settings

QUOTES = Settings(scope="quotes", cue_span="word")


def _contents(text: str) -> list[tuple[str, str]]:
    return [(a.type, a.content.of(text)) for a in onrecord.extract(text, settings=QUOTES).attributions]


def test_one_thing_called_is_mixed_from_the_thing() -> None:
    text = "The appeal failed.\n\nJudge Ana Lind called the harbour board\u2019s arguments \u201cunconvincing.\u201d"
    assert ("mixed", "the harbour board\u2019s arguments \u201cunconvincing.\u201d") in _contents(text)
    text = "The appeal failed.\n\nIvo Tarn described the new levy as \u201ca tax on every ferry ticket.\u201d"
    assert ("mixed", "the new levy as \u201ca tax on every ferry ticket.\u201d") in _contents(text)


def test_a_relative_calling_keeps_the_quotation_alone() -> None:
    text = "The vote, which Ana Lind called \u201ca disgrace,\u201d passed on Monday."
    assert _contents(text) == [("direct", "a disgrace,")]


def test_a_verb_in_the_cues_form_after_a_modal_ends_the_content() -> None:
    text = ("Ana Lind chairs the inquest. She said she would write to the harbour board, and told its chair that "
            "the board had \u201cignored this pier for years.\u201d")
    found = _contents(text)
    assert ("indirect", "she would write to the harbour board") in found
    assert any(t == "mixed" and c.endswith("ignored this pier for years") for t, c in found)


def test_a_present_after_says_and_a_past_clause_ends_the_content() -> None:
    text = "The lawsuit, filed by 20 tenants, says the landlord \u201ctreated damp as a tenant\u2019s problem\u201d " \
           "and seeks damages."
    assert ("mixed", "the landlord \u201ctreated damp as a tenant\u2019s problem\u201d") in _contents(text)


def test_a_verb_that_may_share_the_clauses_tense_stays_in_it() -> None:
    for text, content in [
        ("Ivo Tarn said the levy was \u201ca tax\u201d and hurt traders.",
         "the levy was \u201ca tax\u201d and hurt traders"),
        ("Ivo Tarn said the council had \u201cignored\u201d the warnings and failed to act.",
         "the council had \u201cignored\u201d the warnings and failed to act"),
        ("The ferry company said it \u201crecognises the delays\u201d and expected the pier to reopen soon.",
         "it \u201crecognises the delays\u201d and expected the pier to reopen soon"),
    ]:
        assert ("mixed", content) in _contents(text), _contents(text)


def test_a_quoted_object_of_a_verb_of_referring_is_the_subjects_words() -> None:
    text = ("The pier closed in May. Ana Lind, the harbour master, cited \u201cdelays in hiring skilled welders\u201d "
            "for the closure.")
    assert _contents(text) == [("direct", "delays in hiring skilled welders")]
    text = "Ivo Tarn referred to \u201ca long list of broken promises\u201d in his speech."
    assert _contents(text) == [("direct", "a long list of broken promises")]


def test_a_short_or_unquoted_object_of_a_verb_of_referring_is_no_statement() -> None:
    assert _contents("Ana Lind cited a report on the harbour and left.") == []
    assert _contents("Ana Lind cited the \u201cold pier\u201d as a risk.") == []


def test_one_thing_called_runs_over_what_the_name_goes_on_with() -> None:
    text = "Ana Lind called the new levy a \u201cblueprint\u201d for how the council would tax the pier."
    assert _contents(text) == [("mixed", "the new levy a \u201cblueprint\u201d for how the council would tax the pier")]


def test_a_verb_of_saying_joined_after_one_thing_called_says_its_own() -> None:
    text = ("Fares rose in May. Mira Holt called the new timetable \u201ca mess\u201d and said the ferry was "
            "\u201cnever on time.\u201d")
    found = _contents(text)
    assert ("mixed", "the new timetable \u201ca mess\u201d") in found
    assert ("mixed", "the ferry was \u201cnever on time") in found


def test_an_object_the_parser_took_for_the_predicate_is_the_thing_called() -> None:
    text = ("Fares rose in May. Harbour analyst Mira Holt called the fare rise \u201csteep but fair\u201d and said "
            "she expected \u201ca quieter summer on the ferries.\u201d")
    assert ("mixed", "the fare rise \u201csteep but fair\u201d") in _contents(text)


def test_a_pronoun_called_is_the_thing_called() -> None:
    text = "The vote passed. Ivo Tarn called it \u201ca line drawn in the harbour sand.\u201d"
    assert _contents(text) == [("mixed", "it \u201ca line drawn in the harbour sand.\u201d")]


def test_more_quoted_words_in_the_calling_verbs_own_phrase_keep_the_quotation_alone() -> None:
    text = "The survey came out. Ivo Tarn called the count \u201cthin\u201d and built on \u201cone shaky guess.\u201d"
    assert ("direct", "thin") in _contents(text)


def test_an_aside_after_a_quotations_closing_mark_ends_the_content() -> None:
    text = ("Ivo Tarn said the firm had taken a charge tied to \u201cthe sale of some old ferries,\u201d without "
            "naming them.")
    assert _contents(text) == [
        ("mixed", "the firm had taken a charge tied to \u201cthe sale of some old ferries,\u201d")]
    text = "Mia Holt said the meters would \u201cbring more shoppers,\u201d which is what the traders want."
    assert _contents(text) == [("mixed", "the meters would \u201cbring more shoppers,\u201d")]


def test_a_relative_with_no_quotation_closing_before_it_stays_in_the_content() -> None:
    text = ("Mia Holt said the agency was \u201caware of the survey\u201d and was drafting a new ferry rule, which it "
            "hopes to publish in May.")
    assert _contents(text) == [("mixed", "the agency was \u201caware of the survey\u201d and was drafting a new ferry "
                                         "rule, which it hopes to publish in May")]


def test_an_it_that_stands_for_a_clause_after_the_quotation_names_no_thing() -> None:
    text = ("The vote passed. Ivo Tarn, another harbour councillor, called it \u201ccompletely unfair\u201d for the "
            "traders \u201cto pay twice.\u201d")
    assert all(not c.startswith("it ") for _, c in _contents(text))


def test_what_someone_called_a_thing_is_no_thing_named() -> None:
    text = ("The mayor urged residents to read what he called the council\u2019s \u201cplan for a quieter "
            "harbour.\u201d")
    assert all(not c.startswith("the council") for _, c in _contents(text))


def test_a_message_that_called_a_thing_inside_another_cues_words_stays_that_cues() -> None:
    # the relative names the message the words came in: the hinting's statement, with its channel (sourcing reads
    # the leaked email as a relay); a statement that called a thing, with no other cue around it, is the thing named
    text = "The port director hinted in an email, leaked on Friday, that called the pier \u201ca money pit.\u201d"
    found = _contents(text)
    assert len(found) == 1 and found[0][1].startswith("that called the pier")
    text = "The harbour board released a statement on Monday that called the ferry plan \u201creckless.\u201d"
    assert _contents(text) == [("mixed", "the ferry plan \u201creckless.\u201d")]
