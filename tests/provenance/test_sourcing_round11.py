"""Sourcing rules of session 20 (issue 16 part 2): relay and backing classes read from the fourth dev sample's
misses, each with invented sentences and invented people."""

from __future__ import annotations

import pytest

from onrecord.nlp import load_pipeline
from onrecord.provenance.sourcing import Sourcing, sourcing
from onrecord.types import Attribution, CharSpan
from sourcing_cases import BROAD, OUTLET, found

pytestmark = pytest.mark.model


def of(text: str, mention: str, outlet: str | None = OUTLET) -> Sourcing:
    """The sourcing of the attribution whose mention is (or starts with, before a comma) ``mention``."""
    hits = [s for m, s in found(text, outlet) if m == mention or m.startswith(mention + ",")]
    assert hits, found(text, outlet)
    return hits[0]


# --- backing: a mention that is itself every one of several sources ----------------------------------------------

@pytest.mark.parametrize(("text", "mention", "single"), [
    # a bare "each" or "all" for people named before
    ("Ana Lind and Ivo Tarn visited the quay on Friday, each saying the other has no plan for the port.", "each",
     False),
    ("Ana Lind and Ivo Tarn met the growers on Tuesday. All agreed that the levy was too high.", "All", False),
    # everyone the writer asked
    ("Everybody we asked said the new levy was a burden on small growers.", "Everybody we asked", False),
    # a plural counted out of several sides
    ("Rival mayors of both camps have said that the port must stay open.", "Rival mayors of both camps", False),
    # look-alikes: a public, one group; one person of several sides; "each" on a noun
    ("Almost everyone in Lakeview says the levy is too high.", "Almost everyone in Lakeview", True),
    ("The head of both camps' council said that the port must stay open.", "The head of both camps' council",
     True),
    ("Each custodian said the pier was safe.", "Each custodian", True),
])
def test_a_mention_of_every_one_of_several_sources_is_not_single(text: str, mention: str, single: bool) -> None:
    assert of(text, mention).single_source is single


def test_a_named_voice_saying_as_much_backs_the_claim_before_it() -> None:
    # an unnamed set's claim, then a named voice who "said as much" in a sentence of its own
    text = ("Lind's joke at the quay on Tuesday has drawn fire from some who viewed the joke as a slight on the night "
            "crews. Ivo Tarn, the union's head, said as much on Wednesday, insisting that Lind \"owes every docker an "
            "apology.\"")
    assert not of(text, "who").single_source
    # without "as much" the named voice adds a view of its own
    spoke = text.replace("said as much on Wednesday, insisting", "spoke on Wednesday, insisting")
    assert of(spoke, "who").single_source


# --- relay: an interview passage -------------------------------------------------------------------------------

def test_remarks_pointing_back_to_the_interview_do_not_end_its_passage() -> None:
    text = ("Harbour Minister Ana Lind says three cranes were damaged overnight.\n\nLind tells Radio Nord's \"Early "
            "Hour\" on Friday that the repairs \"will take weeks.\" Lind did not name the contractor in her remarks."
            "\n\nLind said crane crews should log every fault. Across the port, \"every crew must keep watch,\" she "
            "said.")
    assert of(text, "she").relay_only and all(s.relay_only for _, s in found(text))
    # remarks of another occasion ("at the rally") name a channel of their own
    rally = text.replace("in her remarks.", "in her remarks at the rally.").replace("Lind said crane", "She said crane")
    assert not of(rally, "she").relay_only


def test_this_outlets_own_poll_cited_with_according_to_is_relayed() -> None:
    # "according to" marks a relay for a document whoever published it; this outlet named as the source is not
    poll = "Lind leads Tarn by 12 points among older voters, according to a Harbour Gazette/Radio Nord poll."
    assert of(poll, "a Harbour Gazette/Radio Nord poll").relay_only
    assert not of("The pier will close in May, according to the Harbour Gazette.", "the Harbour Gazette").relay_only



def test_the_interview_pointed_back_to_is_the_one_named_before() -> None:
    # "the interview": the one named paragraphs before with another outlet, in a sentence naming the speaker
    text = ("Ivo Tarn, a spokesman for the port, told the Harbour Gazette on Monday that the scheme would include "
            "part-time dockers. He could not say why a cap was raised by Ana Lind in an interview with the Kestrel "
            "Weekly.\n\n\"The final rules are still being drafted,\" he said.\n\nAna Lind, who chairs the port "
            "board, noted the cap in the interview last week. She said seasonal workers would be left out.")
    assert of(text, "Ana Lind").relay_only and of(text, "She").relay_only
    # an interview with this outlet named before is no relay
    assert not of(text.replace("the Kestrel Weekly", "the Harbour Gazette"), "Ana Lind").relay_only
    # an outlet named by a name and its kind ("Kestrel magazine"); a bare "the paper" is mostly this outlet
    assert of(text.replace("the Kestrel Weekly", "Kestrel magazine"), "Ana Lind").relay_only
    assert not of(text.replace("the Kestrel Weekly", "the paper"), "Ana Lind").relay_only
    # the one interviewed is no outlet ("See the whole interview with Kellogg below")
    watch = ("\"We need a chair who stands for reform,\" port chairman Mara Kellogg told the Harbour Gazette in an "
             "interview Thursday.\nSee the whole interview with Kellogg below.\nMany officials expect the port to hire "
             "more crews. Kellogg restated that plan in her interview last week, saying the port would recruit in "
             "every district.")
    assert not any(s.relay_only for _, s in found(watch))

def test_a_transcripts_answers_carry_the_broadcast_named_before() -> None:
    # a broadcast named in the lede, then a transcript: the speaker's labelled answers were said on it
    text = ("Lind: Tarn's Letter Was a 'Stunt'.\n\nOn Sunday's edition of \"Kestrel News Sunday,\" Mayor Ana Lind "
            "said her rival's letter to the port was \"a stunt\" aimed at the council.\n\nAn excerpt of the "
            "transcript:\n\n\"MARSH: First, the letter. What did Tarn want?\n\n\"LIND: He wants headlines, plain and "
            "simple. The council has real work to do, Ivo.\n\n\"MARSH: Will you meet him?\n\n\"LIND: I will not be "
            "meeting him this week.\"")
    got = [s.relay_only for m, s in found(text) if m == "LIND"]
    assert got and all(got), found(text)
    # this outlet's own broadcast is no relay
    own = [s.relay_only for m, s in found(text.replace("Kestrel News Sunday", "Harbour Gazette Sunday")) if m == "LIND"]
    assert own and not any(own)


def test_a_source_counted_after_another_on_another_fact_of_the_story_backs_nothing() -> None:
    # "another source" adding a different fact, sharing only the story's names, is no second voice
    text = ("Harbour Watch rules called for the crane to be checked by a Lakeview engineer after the storm at North "
            "Pier, sources said.\n\nA Kestrel tug towed the barge off North Pier before Harbour Watch could board it, "
            "another source said.")
    assert of(text, "sources").single_source and of(text, "another source").single_source
    # the same claim in the claim's own words still counts
    same = ("The ferry was taken to the Quay Road dry dock after the fire, sources said.\n\nThe ferry was taken to "
            "the dry dock after the fire, another source said.")
    assert not of(same, "another source").single_source
    # "another source" is another of the sources before it: the outlet's own account of the same fact is not one
    own = ("The ferry was towed to the dry dock after the blaze and its crew was sent home, the Gazette has learned."
           "\n\nHarbour Watch rules called for the ferry to stay at North Pier, sources said.\n\nThe crew was sent "
           "home once the ferry reached the dock, another source said.")
    assert of(own, "another source").single_source and of(own, "the Gazette").single_source


def test_an_event_still_to_come_is_not_where_the_words_were_said() -> None:
    # the lede's advice "in the upcoming hearing" was given in the interview told below, and the headline with it
    text = ("Lind says council must 'end the shouting' over pier.\n\nAna Lind offered some blunt advice to the "
            "Lakeview council on Friday in the upcoming harbour hearing, as the pier row enters a third month.\n\n"
            "Ahead of the first hearing next week, Lind told Radio Nord's \"Early Hour\" that nobody doubts the "
            "council's good faith.\n\n\"What it must do now is listen and end the shouting, which helps nobody,\" "
            "Lind said.")
    got = found(text)
    assert [m for m, _ in got][:2] == ["Lind", "Ana Lind"] and got[0][1].relay_only and got[1][1].relay_only, got
    # advice given at a past debate was given there
    past = found(text.replace("in the upcoming harbour hearing", "in the harbour hearing"))
    assert not past[1][1].relay_only, past


def test_a_piece_of_the_speakers_own_writing_ends_an_interview_passage() -> None:
    # an essay the speaker wrote in another outlet is her own public article, not the interview before it
    text = ("Ana Lind told Radio Nord on Monday that the plan would cover part-time dockers. She said seasonal "
            "workers would not be covered.\n\nThe plan was drawn up by the port board.\n\nIn an essay for the Kestrel "
            "Herald on Sunday, Ana Lind conceded that crews were stretched.")
    got = found(text)
    assert [(m, s.relay_only) for m, s in got] == [("Ana Lind", True), ("She", True), ("Ana Lind", False)], got
    # the interview pointed back to goes on ("During the interview")
    during = found(text.replace("In an essay for the Kestrel Herald on Sunday", "During the interview"))
    assert during[-1][1].relay_only, during


# --- kind -------------------------------------------------------------------------------------------------------

def test_a_surname_the_tagger_took_for_an_organisation_is_the_person_named_in_full() -> None:
    # a gold span whose speaker resolution found no one: the article names the person in full before
    text = "Mara Kellogg, a pollster, spoke on Tuesday. Kellogg continued: \"Most voters made up their minds.\""
    doc = load_pipeline(BROAD)(text)
    at = text.index("Kellogg continued")
    assert any(e.start_char == at and e.label_ == "ORG" for e in doc.ents)  # (the tagger's slip this needs)
    a = Attribution(content=CharSpan(text.index("Most voters"), len(text) - 1), source=CharSpan(at, at + 7),
                    cue=CharSpan(at + 8, at + 18))
    assert sourcing(doc, [a], outlet=OUTLET)[0].kind == "person"
    # with no person of that name in the article, the tagger's word stands
    body = text.replace("Mara Kellogg, a pollster, spoke", "The pollsters spoke")
    doc = load_pipeline(BROAD)(body)
    at = body.index("Kellogg continued")
    if any(e.start_char == at and e.label_ == "ORG" for e in doc.ents):
        b = Attribution(content=CharSpan(body.index("Most voters"), len(body) - 1), source=CharSpan(at, at + 7),
                        cue=CharSpan(at + 8, at + 18))
        assert sourcing(doc, [b], outlet=OUTLET)[0].kind == "organisation"
