"""Sourcing: anonymity and its reason, relays, backing and the kind of source, on invented sentences (the real
model); and the scorer on the dev gold when the shared corpus is present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.eval.corpora import corpus_file, repo_file
from onrecord.eval.sourcing import is_sourcing_gold, outlet_of, score
from onrecord.nlp import load_pipeline
from onrecord.provenance.sourcing import Sourcing, article_sourcing, sourcing
from onrecord.types import Attribution, CharSpan
from sourcing_cases import BROAD, OUTLET, found

pytestmark = pytest.mark.model


def of(text: str, mention: str) -> Sourcing:
    """The sourcing of the attribution whose mention is (or starts with, before a comma) ``mention``."""
    hits = [s for m, s in found(text) if m == mention or m.startswith(mention + ",")]
    assert hits, found(text)
    return hits[0]


# --- kind and anonymity ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "mention", "kind"), [
    ("A senior official said the Harbour plan would be delayed.", "A senior official", "anonymous"),
    ("Two people familiar with the matter said the Lakeview deal was dead.", "Two people familiar with the matter",
     "anonymous"),
    ("Sources said the pier would close.", "Sources", "anonymous"),
    # look-alikes: a document, a group, a description that points to a named person
    ("According to the court filing, Ana Lind paid the fee.", "the court filing", "document"),
    ("Recent polls in Ohio and Iowa show Lind ahead.", "Recent polls in Ohio and Iowa", "document"),
    ("Democrats said the Lakeview bill would fail.", "Democrats", "group"),
    ("Some residents said the pier was unsafe.", "Some residents", "group"),
    ("Ana Lind said the pier would close.", "Ana Lind", "person"),
    ("Her lawyer said the claim was false.", "Her lawyer", "person"),
    ("The Kestrel Union said the strike would go on.", "The Kestrel Union", "organisation"),
    ("Ivo Tarn's spokesman, Obi Marsh, said the pier would close.", "Ivo Tarn's spokesman, Obi Marsh", "person"),
    # unnamed organisations in the plural, and "those" asked, are groups
    ("Several harbour organizations said the pier should close.", "Several harbour organizations", "group"),
    ("Of the Lakeview residents polled, those surveyed said the pier should close.", "those surveyed", "group"),
    # the opposition is a set of parties; a summary, a budget and election returns are documents
    ("The opposition said the Lakeview budget should be made public.", "The opposition", "group"),
    ("According to a draft budget obtained by the Harbour Gazette, the ferry will stop.",
     "a draft budget obtained by the Harbour Gazette", "document"),
    ("According to the summary, Ana Lind paid the fee.", "the summary", "document"),
    ("Ivo Tarn won the Lakeview district by 40 votes, according to unofficial returns.", "unofficial returns",
     "document"),
    # round 6: a relative pronoun is what it stands for, the head of the phrase the clause hangs on; a page, a
    # footnote, a declaration and an outcome are documents
    ("The council runs a page on ferry fares, which says the levy will double.", "which", "document"),
    ("There remain bankers in the harbour district who say the levy is fair.", "who", "group"),
    ("The outcome showed that Lind had won by 40 votes.", "The outcome", "document"),
])
def test_the_kind_of_source(text: str, mention: str, kind: str) -> None:
    got = of(text, mention)
    assert got.kind == kind, got.evidence
    assert got.anonymous == (kind == "anonymous")


# --- the reason for anonymity ------------------------------------------------------------------------------------


def test_a_reason_in_the_same_sentence_is_kept_with_its_words() -> None:
    text = ("A senior official, who spoke on condition of anonymity because he was not authorized to discuss the "
            "talks, said the Harbour plan would be delayed.")
    got = of(text, "A senior official")
    assert got.anonymous and got.reason is not None
    assert got.reason.of(text).startswith("condition of anonymity because he was not authorized")
    assert got.reason_given is True


def test_a_reason_in_the_next_sentence_counts() -> None:
    text = ("A senior official said the Harbour plan would be delayed. The official asked not to be named because "
            "the talks are continuing.")
    got = of(text, "A senior official")
    assert got.reason is not None and got.reason.of(text).startswith("asked not to be named")


def test_an_anonymous_source_without_a_reason_has_none() -> None:
    got = of("A senior official said the Harbour plan would be delayed.", "A senior official")
    assert got.anonymous and got.reason is None and got.reason_given is False


def test_a_named_source_never_has_a_reason() -> None:
    got = of("Ana Lind, who was not authorized to speak publicly, said the pier would close.", "Ana Lind")
    assert not got.anonymous and got.reason is None and got.reason_given is None


@pytest.mark.parametrize(("text", "mention", "kind"), [
    # round 3: unnamed sources in more wordings
    ("The pier will close in June, a manager said. The manager said the ferry would stop.", "The manager",
     "anonymous"),
    ("The pier will close in June, a pilot said.", "a pilot", "anonymous"),
    ("The dam is cracked, two engineers who inspected it said.", "two engineers who inspected", "anonymous"),
    ("Insiders said the deal had been brokered by a trade envoy.", "Insiders", "anonymous"),
    ("The coach will be sacked, a player said. Another said the team had lost faith.", "Another", "anonymous"),
    ("He was unable to find a buyer, he said, on condition of anonymity to speak freely.", "he", "anonymous"),
    ("The tax will rise, said the woman, who asked not to be named.", "the woman", "anonymous"),
    ("Media reports and party sources described the push as nearly impossible.",
     "Media reports and party sources", "anonymous"),
    ("Some say the river will take years to recover.", "Some", "anonymous"),
    # look-alikes: named later, on the record, the public, a share, an office, a deed, a body
    ("A spokeswoman said the bank would cut 200 jobs. The spokeswoman, Ines Varg, added that the cuts would "
     "fall on branch staff.", "A spokeswoman", "person"),
    ("\"Governor Lind has no plans to attend,\" a spokesman said Thursday.", "a spokesman", "person"),
    ("Two voters said the pier should close.", "Two voters", "group"),
    ("Police said four passengers were taken to hospital.", "Police", "organisation"),
    ("A federal judge said the Lakeview law was void.", "A federal judge", "person"),
    # session 12: "one" stands for the nearest indefinite noun before it (the lawyers, not the resident); a plural
    # informant doing something is not a source withholding a name; "some" of a group just named is that group;
    # a set gathered by "an array of" is a group
    ("The harbour office listed her as a resident. She met with an array of lawyers; one suggested she appeal the "
     "ruling.", "one", "anonymous"),
    ("Harbour officials have been monitoring the ferry, looking to see whether it sails on time.",
     "Harbour officials", "group"),
    ("Republicans also denounced the harbour plan. But some were reluctant to blame the mayor.", "some", "group"),
    ("Closing the pier too soon, a wide array of engineers say, hurt the harbour.", "a wide array of engineers",
     "group"),
    # a set given by names; a statement in a written statement is on the record; a name saying only whom unnamed
    # officials work for does not name them
    ("Some towns have voted for the pier plan. Others, like Lakeview and Harlow, have voted against it.",
     "Others, like Lakeview and Harlow", "group"),
    ("\"The pier will close,\" a Kestrel Bank representative said in a statement.",
     "a Kestrel Bank representative", "person"),
    ("Senior Lind campaign officials said the pier would close.", "Senior Lind campaign officials", "anonymous"),
    # round 6: one reader (a single member of an audience) is unnamed; readers in the plural are a public
    ("The magazine named the mayor its person of the year. One reader noted that the pier had closed twice.",
     "One reader", "anonymous"),
    ("Readers said the pier should close.", "Readers", "group"),
    # a "who" takes the anonymity of an informant it stands for, not of an indefinite role (often the writer or
    # someone the story names)
    ("The plan was described by a harbour official, who said the pier would close in May.", "who", "anonymous"),
    ("The last question came from a young sailor, who said the pier should close.", "who", "person"),
])
def test_the_kind_of_an_unnamed_source(text: str, mention: str, kind: str) -> None:
    got = of(text, mention)
    assert got.kind == kind, got.evidence
    assert got.anonymous == (kind == "anonymous")


@pytest.mark.parametrize("text", [
    "People everywhere said the pier was a disgrace.",
    "Being his home town, one might think the senator would fill the stadium.",
    "About one in five said the pier should close.",
    "One company says there are 2,400 billionaires, while another says there are 1,800.",
    "A guy just won the nomination by spending no money.",
])
def test_look_alikes_of_an_unnamed_source_are_not_anonymous(text: str) -> None:
    assert not any(s.anonymous for _, s in found(text)), found(text)


def test_a_withheld_looking_role_in_apposition_to_a_name_is_that_person() -> None:
    # session 15: "Ana Lind, a tech staffer ... who told": the relative stands for a named person
    text = ("Lawmakers want to question Ivo Tarn, the server's builder, and Ana Lind, a tech staffer at the "
            "ministry who told her team never to speak of the server.")
    got = with_span(text, "who", "told", "her team never to speak of the server")
    assert not got.anonymous and got.kind == "person", got.evidence


def test_a_pronoun_after_an_unnamed_source_is_that_source_with_its_reason() -> None:
    text = ("One delegate said he gave away his passes, on condition of anonymity to speak freely about the "
            "party. \"Not even one,\" he said.")
    hits = [s for m, s in found(text) if m == "he"]
    assert hits and hits[-1].anonymous and hits[-1].reason is not None, found(text)


def test_a_first_name_given_alone_for_a_reason_is_anonymous() -> None:
    text = ("Bob agreed to talk on the condition that his last name not be used because his cover has not been "
            "lifted. Bob said he heard gunfire at 9:42 p.m.")
    hits = [s for m, s in found(text) if m == "Bob"]
    assert hits and hits[-1].anonymous and hits[-1].reason is not None, found(text)


@pytest.mark.parametrize(("text", "mention", "words"), [
    ("The shipyard will lay off half its workers, the manager said, asking that her name be withheld to protect "
     "her job.", "the manager", "name be withheld"),
    ("Officials at the ministry said the rail link would be cancelled, citing the sensitivity of the budget "
     "talks.", "Officials at the ministry", "sensitivity of"),
    ("A source close to the family said the singer was in hospital. The source spoke on the condition that they "
     "not be named, to spare the family.", "A source close to the family", "on the condition that they not be"),
    # round 6: asking for anonymity, in the clause of the verb the mention is the subject of; a name in the
    # mention's relative clause does not name the source
    ("\"The levy will double,\" said a harbour board member who backs Ana Lind, asking for anonymity to speak "
     "freely.", "a harbour board member who backs Ana Lind", "asking for anonymity"),
    ("An aide who was in the room said the governor shouted. The aide requested anonymity to describe private "
     "deliberations.", "An aide who was in the room", "requested anonymity"),
    ("A diplomat said the border would reopen. The diplomat declined to be identified for fear of reprisals.",
     "A diplomat", "declined to be identified"),
    # two sentences on, for both sources
    ("Board sources said two schools would close. Another person with knowledge of the plan confirmed the "
     "closures. Both asked not to be identified because the vote has not taken place.", "Board sources",
     "asked not to be"),
    # on a later, definite mention of the same source
    ("The bishop knew of the claims, said a church employee. The employee, who requested anonymity for fear of "
     "losing her position, said the claims were discussed.", "a church employee", "requested anonymity"),
    ("The three engineers said the dam was cracked. They insisted on anonymity because they had signed "
     "confidentiality agreements.", "The three engineers", "insisted on anonymity"),
    # round 7: a condition of not being identified, a name kept out of print, a source who is no authorised voice
    ("The quarry will close in May, according to two managers at the quarry. Both spoke on condition that they not be "
     "identified, because the owners had forbidden it.", "two managers at the quarry", "condition that they not be"),
    ("A nurse on the ward said the wing was short of beds. She asked that her name be kept out of print because "
     "staff are barred from talking to reporters.", "A nurse on the ward", "barred from talking"),
    ("A diplomat in Lakeview said the talks had failed. The diplomat, who is not an authorized spokesman for his "
     "government, said a new round was planned.", "A diplomat in Lakeview", "not an authorized"),
])
def test_reasons_in_many_wordings_and_places(text: str, mention: str, words: str) -> None:
    got = of(text, mention)
    assert got.anonymous and got.reason is not None, (got.evidence, found(text))
    assert got.reason.of(text).startswith(words), got.reason.of(text)


@pytest.mark.parametrize(("text", "mention"), [
    # a reason given for another source next to it
    ("A diplomat said the border would reopen. The diplomat declined to be identified for fear of reprisals. "
     "Insiders said the deal had been brokered by an envoy.", "Insiders"),
    ("The mine will reopen, two people said, speaking anonymously because the sale has not closed. A geologist "
     "who studied the site said the ore was poor.", "A geologist who studied the site"),
    # no reason given
    ("The city will sell the depot, one person said. Neither gave a reason for not being named.", "one person"),
    # round 6: a mark of anonymity alone says that the source is unnamed, not why
    ("The ferry will stop in May, a harbour pilot said, on condition of anonymity.", "a harbour pilot"),
    ("A source close to the mayor said the pier would close. The source spoke on the condition that they not be "
     "named.", "A source close to the mayor"),
    # past a named source
    ("A senior official said the pier would close. Ana Lind, who was not authorized to speak publicly, said the "
     "ferry would stop.", "A senior official"),
])
def test_no_reason_from_another_source(text: str, mention: str) -> None:
    got = of(text, mention)
    assert got.anonymous and got.reason is None, (got.evidence, got.reason.of(text) if got.reason else None)


# --- relays ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "relay"), [
    ("Ana Lind told Kestrel News that the pier would close.", True),
    ("Ana Lind reportedly said the pier would close.", True),
    ("Ana Lind said the pier would close, according to the Kestrel Times.", True),
    ("Ana Lind said in an interview with Kestrel News that the pier would close.", True),
    ("On this weekend's Kestrel Sunday Show, Ana Lind said the pier would close.", True),
    ("Ana Lind told Kanal 7 that the pier would close.", True),  # a numbered name is a station
    ("Ana Lind told Channel 9 that the pier would close.", True),
    ("\"We will win the harbour vote,\" said Ana Lind, speaking to Kestrel News after the rally.", True),
    ("\u201cThe pier will close,\u201d Ana Lind said during an interview filed for Sunday's Kestrel Press Hour.",
     True),  # (the outlet a few words after "interview", however the parse attaches it)
    # round 6: a station number run into a network's name; an appearance with a programme; an interview with a
    # title; a name ending in "Press" is no "told the press"
    ("Ana Lind told NBC4 that the pier would close.", True),
    ("Ana Lind said in a CBS47 interview that the pier would close.", True),
    ("Sitting down with Kestrel News' \"Evening Hour\" on Friday, Ana Lind said the pier would close.", True),
    ("In an interview with \"The Evening Table,\" Ana Lind said the pier would close.", True),
    ("LAKEVIEW \u2014 Ana Lind told The Associated Press that the pier would close.", True),
    ("Ana Lind told radio host Ivo Tarn that the pier would close.", True),  # a host named by the medium
    ("Ana Lind discussed the pier with radio host Ivo Tarn on Thursday, saying it would close.", True),
    ("Ana Lind discussed the pier with Ivo Tarn on Thursday, saying it would close.", False),
    # round 7: a broadcaster named by its kind; an outlet passing the words on; "per" as "according to"
    ("Ana Lind told state television that the pier would close.", True),
    ("Ana Lind was quoted by the Kestrel Wire as saying that the pier would close.", True),
    ("Ana Lind told the port's staff in a private email that the pier would close, as first reported by the "
     "Kestrel Times.", True),
    ("Ana Lind has told shareholders that the pier will close, the trade magazine Portwatch reported on Monday.",
     True),
    # look-alikes: words said to this outlet, to reporters, or in public
    ("Ana Lind told the press that the pier would close.", False),
    ("LAKEVIEW (AP) \u2014 Ana Lind told The Associated Press that the pier would close.", False),  # agency copy
    ("Ana Lind told the Harbour Gazette that the pier would close.", False),
    ("Ana Lind said in an interview with the Harbour Gazette that the pier would close.", False),
    ("Ana Lind told reporters the pier would close.", False),
    ("Ana Lind said on Monday that the pier would close.", False),
    ("Ana Lind said she saw the ferry leave on Sunday.", False),  # a day is no programme ("Fox News Sunday")
    ("Ana Lind said at a rally that the pier would close.", False),
    ("Ana Lind said at a rally that the pier would close, as first reported by the Kestrel Times.", False),
    ("Ana Lind told the press that the pier would close, as reported by the Harbour Gazette.", False),
])
def test_relays(text: str, relay: bool) -> None:
    got = of(text, "Ana Lind")
    assert got.relay_only == relay, got.evidence


@pytest.mark.parametrize(("text", "mention", "kind"), [
    # round 7: another outlet's own reporting, named or as "the paper", and a report credited to it
    ("The Lakeview ferry will stop in June, the Kestrel Globe reported on Sunday.", "the Kestrel Globe",
     "organisation"),
    ("The pier will close in May, a report by the Kestrel Times said.", "a report by the Kestrel Times", "document"),
])
def test_another_outlets_reports_and_per_are_relays(text: str, mention: str, kind: str) -> None:
    got = of(text, mention)
    assert got.relay_only and got.kind == kind, got.evidence


def test_per_marks_a_relay_as_according_to_does() -> None:
    text = "The pier owes the port 2 million, per a filing in the Lakeview court."
    doc = load_pipeline(BROAD)(text)
    a = Attribution(content=CharSpan(0, text.index(",")), source=CharSpan(text.index("a filing"), len(text) - 1),
                    cue=CharSpan(text.index("per"), text.index("per") + 3))
    got = sourcing(doc, [a], outlet=OUTLET)[0]
    assert got.relay_only and got.kind == "document", got.evidence


def test_a_document_this_outlet_saw_is_no_relay() -> None:
    got = of("A survey published by the Lakeview Trust shows the pier losing money.",
             "A survey published by the Lakeview Trust")
    assert not got.relay_only, got.evidence


def test_according_to_marks_a_relay_for_a_document_too() -> None:
    # (data/sourcing/README.md: "according to" marks a relay for any source; the filing is still not anonymous)
    got = of("According to the court filing, Ana Lind paid the fee.", "the court filing")
    assert got.relay_only and got.kind == "document" and not got.anonymous


@pytest.mark.parametrize(("text", "mention", "relay"), [
    # an interview set in an earlier sentence carries to the speaker's later statements
    ("In an interview with Radio Nord on Sunday, Ana Lind said the pier would close. She added that the ferry "
     "would stop in May.", "She", True),
    ("Ana Lind told the Kestrel Herald that the pier would close.\n\nLind praised the mayor's plan for the "
     "harbour.", "Lind", True),
    ("During her Radio Nord interview, Ana Lind was blunt about the harbour.\n\nLind said the pier would "
     "close.", "Lind", True),
    ("Ana Lind said in a Kestrel News interview that the pier would close.", "Ana Lind", True),
    ("Ana Lind said the pier would close, in an interview published Monday by the Kestrel Herald.",
     "Ana Lind", True),
    ("Media reports said the pier would close.", "Media reports", True),
    ("Party sources and media reports said the pier would close.", "Party sources and media reports", True),
    ("The report and party sources said the pier would close.", "The report and party sources", False),
    # a named subject telling another outlet, or a sentence setting the interview, starts the passage; words of
    # the statement itself ("since the flood") name no other occasion
    ("Instead, Ana Lind told Kestrel News, the pier would close in \u201cthe spring.\u201d\n\nThe ferry, "
     "Lind said, would stop in May.", "Lind", True),
    ("During his Kestrel News interview, Ivo Tarn was sharp about the mayor.\n\nThe mayor is \u201cthe worst "
     "since the flood,\u201d Tarn said.", "Tarn", True),
    # a public channel or another occasion ends the passage; a document the article reads is not a relay
    ("Ana Lind told the Kestrel Herald that the pier would close. At a rally on Monday, Lind said the ferry "
     "would run.", "Lind", False),
    ("Ana Lind told the Kestrel Herald that the pier would close. Lind later said her words were twisted.",
     "Lind", False),
    ("New fundraising reports show that Ana Lind raised two million dollars.", "New fundraising reports", False),
])
def test_relay_passages(text: str, mention: str, relay: bool) -> None:
    hits = [s for m, s in found(text) if m == mention]
    assert hits, found(text)
    assert hits[-1].relay_only == relay, hits[-1].evidence


@pytest.mark.parametrize(("text", "mention", "relay"), [
    # session 12: another outlet's journalist putting the questions sets the passage for the answers
    ("At the harbour fair, Kestrel News host Ivo Tarn asked Ana Lind to explain her plan.\n\nLind said the pier "
     "would close in June.", "Lind", True),
    ("At the harbour fair, Ivo Tarn asked Ana Lind to explain her plan.\n\nLind said the pier would close in "
     "June.", "Lind", False),
    ("At the harbour fair, Harbour Gazette editor Ivo Tarn asked Ana Lind to explain her plan.\n\nLind said "
     "the pier would close in June.", "Lind", False),
    # the occasion named in the next sentence, which holds no statement of its own
    ("Ana Lind said the pier would close. She made the remarks in an interview with Radio Nord.", "Ana Lind",
     True),
    ("Ana Lind said the pier would close. She made the remarks at a rally in Lakeview.", "Ana Lind", False),
    ("Ana Lind said the pier would close. She made the remarks in an interview with the Harbour Gazette.",
     "Ana Lind", False),
    # words said or spoken to another outlet; a meeting with its editorial board
    ("Ana Lind said on Friday to Radio Nord Morning that she would vote for the pier plan.", "Ana Lind", True),
    ("In a meeting with the Kestrel Herald's editorial board, Ana Lind said: \"The pier will close.\"", "Ana Lind",
     True),
    # a sentence telling another outlet marks the speaker's statements before it in its paragraph; an interview
    # sentence opening a paragraph, those of the paragraph before; not past another speaker's statement
    ("Ana Lind said the harbour was not in crisis, and urged everyone to stay calm. \"We have plenty of time,\" "
     "Lind told Kestrel News.", "Ana Lind", True),
    ("Ana Lind said she would back the pier plan.\n\nIn a telephone interview with Kestrel News on Monday, Lind "
     "was asked about the ferry.", "Ana Lind", True),
    ("Ana Lind said she would back the pier plan. Ivo Tarn said the plan was late.\n\nIn a telephone interview "
     "with Kestrel News on Monday, Lind was asked about the ferry.", "Ana Lind", False),
    # session 15: a quotation told to another outlet opening its paragraph reaches the paragraph before, as an
    # interview sentence does; not a statement to this outlet
    ("Tarn spokeswoman Ana Lind said the candidate had come to give interviews. Lind said Tarn left when asked."
     "\n\n\"We were there lawfully,\" Lind told the Kestrel Globe.", "Tarn spokeswoman Ana Lind", True),
    ("Tarn spokeswoman Ana Lind said the candidate had come to give interviews. Lind said Tarn left when asked."
     "\n\n\"We were there lawfully,\" Lind told the Harbour Gazette.", "Tarn spokeswoman Ana Lind", False),
    # a new interview named with a statement is with this outlet: the passage ends
    ("Ana Lind told Kestrel News that the pier would close.\n\n\"The ferry will run,\" Lind said in a recent "
     "interview.", "Lind", False),
])
def test_relays_set_outside_the_statements_sentence(text: str, mention: str, relay: bool) -> None:
    hits = [s for m, s in found(text) if m == mention]
    assert hits, found(text)
    assert hits[-1].relay_only == relay, hits[-1].evidence


def test_a_passage_carries_to_a_mention_that_speaker_resolution_left_unresolved() -> None:
    # (gold spans: the attributions carry no speaker; the mention's last word stands for it)
    text = "Ana Lind told Kestrel News that the pier would close.\n\nLind added that the ferry would stop."
    doc = load_pipeline(BROAD)(text)
    spans = [("Ana Lind", "told", "that the pier would close"), ("Lind", "added", "that the ferry would stop")]
    attributions = [Attribution(content=_at(text, c), source=_at(text, m, text.index(c) - 20 if i else 0),
                                cue=_at(text, v)) for i, (m, v, c) in enumerate(spans)]
    assert [s.relay_only for s in sourcing(doc, attributions, outlet=OUTLET)] == [True, True]


def test_an_appearance_marks_the_statement_of_the_verb_joined_to_it() -> None:
    text = "Ana Lind appeared with Kestrel News' Ivo Tarn and endorsed the harbour plan, saying the pier would close."
    assert [s.relay_only for _, s in found(text)] == [True, True], found(text)


def test_a_passage_does_not_carry_to_the_writers_noun_for_a_stance() -> None:
    # (round 6: "a plan that has drawn Lind's scorn" is not words of the interview)
    text = ("Ana Lind told Kestrel News that the pier would close.\n\nThe mayor has a ferry plan that has drawn "
            "Lind's scorn.")
    doc = load_pipeline(BROAD)(text)
    spans = [("Ana Lind", "told", "that the pier would close"), ("Lind", "Lind's scorn", "that")]
    attributions = [Attribution(content=_at(text, c, text.index("plan") if i else 0),
                                source=_at(text, m, text.index("drawn") if i else 0),
                                cue=_at(text, v)) for i, (m, v, c) in enumerate(spans)]
    assert [s.relay_only for s in sourcing(doc, attributions, outlet=OUTLET)] == [True, False]


@pytest.mark.parametrize(("text", "mention", "relay"), [
    # round 6: "it" opening the sentence after an "according to" is the cited source, reached the same way; a
    # repeat by name with its own verb is not
    ("The harbour fund spent little on the pier last year, according to its annual filings. It showed forty "
     "payments to Kestrel Builders and two to the city.", "It", True),
    ("There are fewer ferries on the lake than a decade ago, according to the Lakeview Boating Council. Almost 60 "
     "piers have closed since 2006, the council says.", "the council", False),
    # session 15: a state of mind or a share of people told in the sentence after an "according to" sentence,
    # even across a paragraph break, is known from the same account; words said there are another voice
    ("According to her account, she sent Ivo Tarn to the clinic for a scan.\n\nWhen the scan came back, Tarn "
     "did not want to stay in the clinic.", "Tarn", True),
    ("According to her account, she sent Ivo Tarn to the clinic for a scan.\n\nWhen the scan came back, Tarn "
     "said he would not stay in the clinic.", "Tarn", False),
    ("Lind and Tarn are tied before the debate, according to a new Kestrel Globe poll.\n\nAmong likely voters, "
     "46 percent back Lind, while 5 percent prefer Ivo Marsh.", "5 percent", True),
    ("Lind and Tarn are tied before the debate.\n\nAmong likely voters, 46 percent back Lind, while 5 percent "
     "prefer Ivo Marsh.", "5 percent", False),
    # a poll's shares run on over three paragraphs
    ("Lind and Tarn are tied before the debate, according to a new Kestrel Globe poll.\n\nAmong likely voters, "
     "Lind leads.\n\nA majority of voters expect Lind to win the debate.", "A majority of voters", True),
    ("Lind and Tarn are tied before the debate, according to Ivo Marsh.\n\nAmong likely voters, Lind leads."
     "\n\nA majority of voters expect Lind to win the debate.", "A majority of voters", False),
])
def test_what_the_sentence_after_an_according_to_tells_is_relayed(text: str, mention: str, relay: bool) -> None:
    hits = [s for m, s in found(text) if m == mention]
    assert hits and hits[-1].relay_only == relay, found(text)


def test_an_interview_on_the_air_and_a_participle_before_telling_an_outlet_are_relays() -> None:
    # session 15: "in a televised interview" is given to a broadcaster; "Claiming ..., Tarn told Fox that ..."
    assert found("Last week Ivo Tarn in a televised interview blamed the dock workers for the losses.")[0][1].relay_only
    assert not found("Last week Ivo Tarn in an interview blamed the dock workers for the losses.")[0][1].relay_only
    text = "Claiming the criticism of Lind was meant to scare the moderators, Tarn told Fox that they were cheating."
    assert with_span(text, "Tarn", "Claiming", "the criticism of Lind was meant to scare the moderators").relay_only


def test_an_unnamed_set_is_backed_by_the_next_voice_past_a_statement_inside_its_own_words() -> None:
    # session 15: "some note that Tarn, even as he says ..., has proposed little", then Burman on the same point
    text = ("But some note that Tarn, even as he says his years in property make him the man to fix the tax code, "
            "has proposed little to close the breaks he used.\n\n\"I don't think he has any specific plan to close "
            "those breaks,\" said Burman.")
    doc = load_pipeline(BROAD)(text)
    spans = [("some", "note", "that Tarn, even as he says his years in property make him the man to fix the tax "
              "code, has proposed little to close the breaks he used"),
             ("he", "says", "his years in property make him the man to fix the tax code"),
             ("Burman", "said", "I don't think he has any specific plan to close those breaks,")]
    attributions = [Attribution(content=_at(text, c), source=_at(text, m), cue=_at(text, v)) for m, v, c in spans]
    assert not sourcing(doc, attributions, outlet=OUTLET)[0].single_source


def _at(text: str, words: str, after: int = 0) -> CharSpan:
    start = text.index(words, after)
    return CharSpan(start, start + len(words))


def test_an_excerpt_of_another_outlet_is_relayed_up_to_the_line_sending_readers_on() -> None:
    # (round 6: a paragraph of its own, "From the Kestrel Herald:", sets off the excerpt)
    text = ("Ivo Tarn wants the pier closed.\n\nFrom the Kestrel Herald:\n\nThe mayor is struggling to find money "
            "for the pier, the harbour master said.\n\nRead the rest of the story here.\n\nAna Lind said the pier "
            "would stay open.")
    assert {m: s.relay_only for m, s in found(text)} == {"Ivo Tarn": False, "the harbour master": True,
                                                          "Ana Lind": False}


def with_span(text: str, source: str, cue: str, content: str) -> Sourcing:
    """The sourcing of one hand-made attribution (as a gold span) among the article's extracted ones."""
    doc = load_pipeline(BROAD)(text)
    spans = [CharSpan(text.index(w), text.index(w) + len(w)) for w in (content, source, cue)]
    own = Attribution(content=spans[0], source=spans[1], cue=spans[2])
    attributions = sorted([*doc._.onrecord_attributions, own], key=lambda a: a.content.start)
    return sourcing(doc, attributions, outlet=OUTLET)[attributions.index(own)]


@pytest.mark.parametrize(("text", "relay"), [
    # session 15: a statement inside a quoted passage that "X reports:" sets off is known from X's account
    ("Lind spent a week with the family.\n\nThe mother denies any need for help. Lind reports:\n\n\"The first time "
     "Mira heard him speak, she was beginning to realize how many people agreed.\n\n\"Her son was asleep.\"", True),
    ("Lind spent a week with the family.\n\nThe mother denies any need for help. Lind was there:\n\nThe first time "
     "Mira heard him speak, she was beginning to realize how many people agreed.", False),
])
def test_a_statement_inside_a_passage_someone_reports_is_relayed(text: str, relay: bool) -> None:
    assert with_span(text, "she", "was beginning to realize", "how many people agreed").relay_only == relay


def test_a_statement_inside_another_speakers_quotation_is_relayed_but_not_his_own() -> None:
    text = "\"He told me the pier would close,\" Ana Lind said. \"I told him I would fight it.\""
    assert with_span(text, "He", "told", "the pier would close").relay_only
    assert not with_span(text, "I", "told", "I would fight it").relay_only


def test_a_sentence_saying_where_the_figures_come_from_makes_them_relayed() -> None:
    text = ("Most voters in the Lakeview district said the pier should close. That's according to an exit poll "
            "conducted for the Kestrel Herald.")
    assert found(text)[0][1].relay_only


# session 18: relay marks the second dev sample's misses showed, each its own class


def test_a_headline_and_lede_restated_by_a_relayed_interview_below_are_relayed() -> None:
    text = ("Lind Attacks the Pier Plan.\n\nAna Lind called the pier plan a \u201cscandal\u201d on Monday.\n\n"
            "Ivo Tarn said the plan was sound.\n\nLind repeated that the plan was a scandal on Tuesday in an "
            "interview with Kestrel News.\n\n\u201cIt is a scandal,\u201d she said.")
    assert of(text, "Ana Lind").relay_only
    # (not when the speaker's first statement below has no channel: a public one, or none marked)
    plain = text.replace(" in an interview with Kestrel News", "")
    assert not of(plain, "Ana Lind").relay_only
    # (nor a public act: an announcement stays public, whatever interview follows)
    public = ("Lind Backs Tarn.\n\nAna Lind announced her endorsement of Ivo Tarn on Monday.\n\nObi Marsh said the "
              "plan was sound.\n\nLind repeated her endorsement of Tarn on Tuesday in an interview with Kestrel "
              "News.")
    assert [s.relay_only for m, s in found(public) if m == "Lind"] == [True]
    assert not any(s.relay_only for m, s in found(public) if m == "Ana Lind")


def test_a_participle_adding_later_stays_in_the_same_interview() -> None:
    text = ("Ana Lind spoke to Kestrel News on Monday. \u201cWe cannot pay for the pier any longer,\u201d Lind "
            "told Kestrel News.\n\n\u201cThe ferries are the priority,\u201d Lind said, adding later, \u201cThe "
            "harbour is costing us a fortune.\u201d")
    assert with_span(text, "Lind", "said", "The ferries are the priority,").relay_only


def test_a_document_cited_with_according_to_and_named_again_by_its_kind_is_relayed() -> None:
    text = ("The Lakeview rules appear to favour the ruling party, according to a recent Kestrel Herald survey of "
            "voter lists. The study found that voters were struck off in poor districts at twice the rate.")
    assert with_span(text, "The study", "found", "that voters were struck off in poor districts at twice the "
                     "rate").relay_only


def test_a_she_inside_a_passage_the_teller_wrote_is_someone_else() -> None:
    # (speaker resolution may take the "she" for the teller, the only woman named)
    text = ("Ana Lind spent a week with a family in Harlow.\n\nThe mother denies any need for help. Lind "
            "reports:\n\n\"In May she had been in a clinic after what she called a \u201crant,\u201d a few posts "
            "online. Her son was asleep.\"\n\nLind left on Sunday.")
    doc = load_pipeline(BROAD)(text)
    at = text.index("what she")
    own = Attribution(content=_at(text, "what she called a \u201crant,\u201d"), source=_at(text, "she", at),
                      cue=_at(text, "called", at), speaker="Ana Lind")
    attributions = sorted([*doc._.onrecord_attributions, own], key=lambda a: a.content.start)
    got = sourcing(doc, attributions, outlet=OUTLET)[attributions.index(own)]
    assert got.relay_only, got.evidence


def test_another_outlets_story_reported_that_up_to_read_the_rest_is_relayed() -> None:
    text = ("Lind Avoided the Clinic.\n\nThe Kestrel Herald reports that Ana Lind avoided the clinic on Sunday.\n\n"
            "Her car was supposed to go to the clinic, a source said.\n\nRead the rest here.\n\nIvo Tarn said the "
            "clinic was open.")
    got = {m: s.relay_only for m, s in found(text)}
    assert got["a source"] and not got["Ivo Tarn"]
    assert not of(text.replace("Read the rest here.", "Tarn was there."), "a source").relay_only


def test_told_a_business_network_is_a_relay() -> None:
    assert of("\u201cThe sooner the pier opens, the better,\u201d Ivo Tarn told CNBC in August.",
              "Ivo Tarn").relay_only


_PIECE = ("Lind Profile Draws Fire.\n\nThe Kestrel Herald ran a long profile of a Harlow fisherman on Sunday.\n\n"
          "The fisherman says he never wanted to sell. Ana Lind reports:\n\n\"He had sold the boat in May, after a "
          "bad winter. The harbour had failed him.\"\n\nHis evening at home is described in detail:\n\n\u201cThe "
          "nets are gone,\u201d he said, pointing at the shed.\n\n\u201cI kept one,\u201d Obi Marsh said to his "
          "daughter.\n\n\u201cWe will win,\u201d Ivo Tarn said, looking out at the crowd.\n\nThe article closes "
          "with a scene at the pier.\n\n\u201cIt is over,\u201d he said of the season.\n\nMira Holm, the harbour "
          "master, said on Monday that the pier would reopen.")


def test_a_framing_paragraph_pointing_back_into_the_piece_reopens_its_passage() -> None:
    # session 19: after "X reports:", a one-sentence paragraph of the writer's (a passive ending with a colon, or the
    # piece by its noun) sets off more of the piece's quoted paragraphs; not words said to a crowd (a public act)
    got = [(m, s.relay_only) for m, s in found(_PIECE)]
    reopened = [r for m, r in got if m in ("he", "Obi Marsh")]
    assert len(reopened) >= 3 and all(reopened), got
    assert not any(r for m, r in got if m in ("Ivo Tarn", "Mira Holm")), got
    # (with no "X reports:" passage before, a framing paragraph points into nothing)
    alone = _PIECE.replace("Ana Lind reports:\n\n\"He had sold the boat in May, after a bad winter. The harbour had "
                           "failed him.\"\n\n", "")
    assert not any(s.relay_only for m, s in found(alone) if m in ("he", "Obi Marsh"))


def test_on_the_evidence_of_another_outlets_article_is_no_programme() -> None:
    # session 19: "on" names a programme only by its own words, not by a common noun's "of" phrase
    text = ("Based on the evidence of a Kestrel Herald article about his taxes, Ivo Tarn on Tuesday said he wants "
            "to close four loopholes.")
    assert not of(text, "Ivo Tarn").relay_only
    assert of("Ivo Tarn said on the Kestrel Press Hour that he wants to close four loopholes.", "Ivo Tarn").relay_only
    assert of("On this weekend's broadcast of \u201cKestrel News Sunday,\u201d Ivo Tarn said he wants to close four "
              "loopholes.", "Ivo Tarn").relay_only


def test_a_polls_shares_run_on_while_the_article_names_the_poll_again() -> None:
    # session 19: past the third paragraph after "according to a poll", while "the poll" is named again, up to
    # another poll
    text = ("Lind and Tarn are tied, according to a new Kestrel Herald poll.\n\nAmong likely voters, 46 percent "
            "back Lind.\n\nTarn leads among older men.\n\nMost voters expect a close race.\n\nThe poll "
            "indicates a tight race.\n\nHowever, 63 percent said Lind was right to wait.\n\nIn the previous "
            "Kestrel Herald poll, 40 percent said Tarn would win.")
    got = {m: s.relay_only for m, s in found(text)}
    assert got["63 percent"] and not got["40 percent"], got
    assert not of(text.replace("The poll indicates a tight race.", "Lind spoke in Harlow."), "63 percent").relay_only


# --- backing -----------------------------------------------------------------------------------------------------


def test_a_second_speaker_making_the_same_claim_backs_it() -> None:
    text = "Ana Lind said the Lakeview pier will close. Mayor Ivo Tarn also said the Lakeview pier will close."
    assert [s.single_source for _, s in found(text)] == [False, False]


def test_an_echo_backs_the_statement_before_it() -> None:
    text = "Ana Lind warned that the tax was unfair. A number of other council members echo her concerns."
    assert not of(text, "Ana Lind").single_source


@pytest.mark.parametrize(("text", "mention"), [
    # a restating cue whose object points back to the claim before it
    ("The Lakeview council will close two clinics, hospital sources said. A second nurse confirmed the closures.",
     "hospital sources"),
    ("The ferry will stop in June, a deckhand said. Two dock workers said the same.", "a deckhand"),
    ("Ivo Tarn's spokeswoman told the Harbour Gazette that Tarn plans to retire. The Kestrel Tribune reported "
     "Tarn's retirement on Monday.", "Ivo Tarn's spokeswoman"),
    # an unnamed set, then a named person quoted in the next sentence
    ("Others say the pier is unsafe. Ivo Tarn, an engineer at the Lakeview yard, said the beams had "
     "rusted through.", "Others"),
    ("Some harbour engineers think the pier is unsafe. The beams have rusted through, according to Ivo Tarn, who "
     "inspected them.", "Some harbour engineers"),
    ("Some harbour engineers believe that the pier is unsafe.\n\nThe Kestrel Institute, a testing "
     "laboratory, has calculated that the beams could fail within a year.", "Some harbour engineers"),
    # session 12: a set gathered by "an array of", then a sentence introducing one of them, then that person
    ("Closing the pier too soon, a wide array of engineers say, hurt the harbour. One of those engineers is Ivo "
     "Tarn, a professor at Lakeview. Tarn said in May that the closure had cost jobs.",
     "a wide array of engineers"),
    # round 7: a source counted after another, confirming in other words; a bare "some" then a named person on the
    # same topic; a claim named by its topic in an echoing sentence; "the same" thing a document shows
    ("The Lakeview council has shut three of its libraries, a council official said. Ivo Tarn, the treasurer, "
     "said the budget was fine.\n\nA second official confirmed that the libraries on Quay Road had closed.",
     "a council official"),
    ("The Lakeview council has shut three of its libraries, a council official said. Ivo Tarn, the treasurer, "
     "said the budget was fine.\n\nA second official confirmed that the libraries on Quay Road had closed.",
     "A second official"),
    ("Some fear the new bridge will flood the marsh. Ivo Tarn, a hydrologist, said the bridge piers would "
     "flood the marsh in spring.", "Some"),
    ("A ferry engineer said the boats had skipped safety checks since May.\n\nThat account of skipped checks was "
     "echoed by Obi Marsh, a deckhand. \"Nobody checks anything,\" Marsh said.", "A ferry engineer"),
    ("Ana Lind said the harbour board spent twice its budget on dredging. Board accounts show the same "
     "overspend.", "Ana Lind"),
    # two people named in one mention
    ("Harbour pilots Ana Lind and Ivo Tarn both said the channel was too shallow.",
     "Harbour pilots Ana Lind and Ivo Tarn both"),
])
def test_a_second_source_after_the_claim_backs_it(text: str, mention: str) -> None:
    got = of(text, mention)
    assert not got.single_source, got.evidence


def test_a_participle_echoing_a_named_party_backs_the_claim() -> None:
    assert not of("The Kestrel Union called the plan a rightful repair, echoing Ana Lind.",
                  "The Kestrel Union").single_source
    assert of("The Kestrel Union called the plan a rightful repair, echoing the mood.",
              "The Kestrel Union").single_source


def test_a_participle_of_the_sets_own_sentence_is_no_second_voice() -> None:
    # (extraction gave the chant to a name inside the sentence: it is still the set's own voice)
    text = ("Small groups of dockers kept calling for the pier report, marching past the Kestrel Rovers' ground while "
            "chanting, \"Open the pier.\"\n\nAna Lind said the pier was closed.")
    doc = load_pipeline(BROAD)(text)
    attributions = [Attribution(content=_at(text, "the pier report"), source=_at(text, "Small groups of dockers"),
                                cue=_at(text, "kept calling for")),
                    Attribution(content=_at(text, "Open the pier."), source=_at(text, "the Kestrel Rovers"),
                                cue=_at(text, "chanting"))]
    assert sourcing(doc, attributions, outlet=OUTLET)[0].single_source


def test_a_bare_plural_of_experts_is_backed_by_a_named_expert_on_its_topic() -> None:
    text = ("Harbour analysts said the tariff had raised the cost of shipping grain. \"Grain shipping costs have "
            "doubled,\" said Ivo Tarn, who ran the port authority.")
    assert not of(text, "Harbour analysts").single_source
    other = ("Harbour analysts said the tariff had raised the cost of shipping grain. \"The mayor will resign,\" "
             "said Ivo Tarn, who ran the port authority.")
    assert of(other, "Harbour analysts").single_source


def test_a_named_voice_quoted_right_after_an_unnamed_set_on_its_point_is_backed_too() -> None:
    text = ("Some fear the new bridge will flood the marsh. Ivo Tarn, a hydrologist, said the bridge piers would "
            "flood the marsh in spring.")
    assert not of(text, "Ivo Tarn").single_source


def test_agreeing_in_part_with_a_person_backs_no_claim_of_theirs() -> None:
    text = ("Ana Lind said the pier closure would hurt the harbour trade. Ivo Tarn largely agreed with Lind and "
            "seemed to think the ferries mattered more.")
    assert of(text, "Ana Lind").single_source
    assert not of(text.replace("largely agreed with Lind", "agreed with Lind"), "Ana Lind").single_source


def test_a_relative_that_is_no_restated_claim() -> None:
    # (an extracted content that is only the relative pronoun: "rules that some say hurt ...")
    text = "Ana Lind said the ferry will stop in June. The council passed rules that some say hurt fishermen."
    doc = load_pipeline(BROAD)(text)
    attributions = [Attribution(content=_at(text, "the ferry will stop in June"), source=_at(text, "Ana Lind"),
                                cue=_at(text, "said")),
                    Attribution(content=_at(text, "that"), source=_at(text, "some"), cue=_at(text, "say"))]
    assert [s.single_source for s in sourcing(doc, attributions, outlet=OUTLET)] == [True, True]


def test_a_plural_independent_mention_backs_itself() -> None:
    assert not of("Ana Lind and Ivo Tarn said the pier would close.", "Ana Lind and Ivo Tarn").single_source
    assert not of("Ana Lind met Ivo Tarn on Monday. Both said the pier would close.", "Both").single_source
    assert not of("Various reports said ferries sailed without lights.", "Various reports").single_source
    # (a conjunct the parser hung outside the mention: "pilots" and "captains" both under the verb)
    text = "The storm caught many harbour pilots - and some captains - by surprise."
    doc = load_pipeline(BROAD)(text)
    joined = Attribution(content=_at(text, "The storm"), source=_at(text, "many harbour pilots - and some captains"),
                         cue=_at(text, "caught"))
    assert not sourcing(doc, [joined], outlet=OUTLET)[0].single_source
    # session 15: the parse left the mention only the last of "Lind and Tarn" (the first hung on the clause before)
    text = ("When attackers are revealed as part of the second front, Lind and Tarn call them \"lone wolves\" and "
            "describe their actions as crimes.")
    assert not of(text, "Tarn").single_source
    assert of("When Ana Lind met Tarn, Tarn said the pier was safe.", "Tarn").single_source


def test_others_doing_something_are_not_a_source_withheld() -> None:
    text = "Some of the donors worked for harbour charities; others have shared the pier posts online."
    doc = load_pipeline(BROAD)(text)
    others = Attribution(content=_at(text, "the pier posts"), source=_at(text, "others"), cue=_at(text, "have shared"))
    got = sourcing(doc, [others], outlet=OUTLET)[0]
    assert not got.anonymous and got.kind == "group", got.evidence


@pytest.mark.parametrize(("text", "mention"), [
    # session 12: others agreeing in a sentence of their own, putting it their way, voicing similar doubts
    ("Ana Lind said the pier closure would hurt the harbour. Others largely agree.", "Ana Lind"),
    ("Ana Lind said the pier closure would hurt the harbour. Or, as Ivo Tarn put it: \"The harbour dies with the "
     "pier.\"", "Ana Lind"),
    ("Ana Lind said the pier closure would hurt the harbour. Others who know the port expressed similar doubts that "
     "any ferry could replace it.", "Ana Lind"),
    # a party's members, believing, then a named one of them quoted next
    ("Republicans believe that the pier will close. \"It is finished,\" said Ivo Tarn, a Republican pollster.",
     "Republicans"),
])
def test_agreement_outside_a_statement_backs_the_claim(text: str, mention: str) -> None:
    got = of(text, mention)
    assert not got.single_source, got.evidence


def test_the_results_of_plural_surveys_are_several_documents() -> None:
    text = "The results of nationwide surveys show that Ana Lind leads the harbour race."
    doc = load_pipeline(BROAD)(text)
    results = Attribution(content=_at(text, "that Ana Lind leads the harbour race"),
                          source=_at(text, "The results of nationwide surveys"), cue=_at(text, "show"))
    got = sourcing(doc, [results], outlet=OUTLET)[0]
    assert got.kind == "document" and not got.single_source, got.evidence


def test_a_set_with_named_examples_is_several_sources() -> None:
    text = "The pier drew criticism from politicians like Ana Lind and Ivo Tarn."
    doc = load_pipeline(BROAD)(text)
    critics = Attribution(content=_at(text, "The pier"), source=_at(text, "politicians like Ana Lind and Ivo Tarn"),
                          cue=_at(text, "criticism"))
    assert not sourcing(doc, [critics], outlet=OUTLET)[0].single_source


@pytest.mark.parametrize("text", [
    # round 6: another set said to hold the claim too, on the cue's verb
    "Yet Lakeview economists, like their Harlow counterparts, say a ferry levy encourages savings.",
    "Harbour Democrats, along with some Kestrel Party members, say the pier should close.",
])
def test_another_set_alongside_backs_the_claim(text: str) -> None:
    got = found(text)
    assert got and not got[0][1].single_source, got


def test_a_pair_the_article_has_named_is_two_sources() -> None:
    got = of("Ana and Ivo Tarn run the bakery on Quay Street. The siblings said the rent had doubled.",
             "The siblings")
    assert not got.single_source and got.kind == "person", got.evidence


@pytest.mark.parametrize(("text", "they", "single"), [
    # "they" for a listed plural earlier in its sentence is several sources; for one plural noun, one source
    ("Ana Lind has been criticised by the dockers and fishermen of Lakeview for what they call broken promises.",
     "they call broken promises", False),
    ("Officials in Lakeview and Harlow said on Monday what they call a final offer had been made.",
     "they call a final offer", True),
])
def test_they_for_a_listed_plural(text: str, they: str, single: bool) -> None:
    doc = load_pipeline(BROAD)(text)
    pronoun = text.index(they)
    attribution = Attribution(content=_at(text, they[len("they call "):]), source=CharSpan(pronoun, pronoun + 4),
                              cue=_at(text, "call"))
    assert sourcing(doc, [attribution], outlet=OUTLET)[0].single_source == single


@pytest.mark.parametrize("text", [
    "Ana Lind said the Lakeview pier will close. Mayor Ivo Tarn said the Lakeview pier will not close.",
    "Ana Lind said the pier will close. Ivo Tarn said the budget was late.",
    "Ana Lind and her campaign said the pier would close.",
    "Ana Lind said the pier would close. The council agreed to hire a new clerk.",
    # one verb of one thing is not one claim; a share of a group is not a count of sources
    "Ana Lind said the pier will close on Monday for repairs. Ivo Tarn said the school will close in June.",
    "About one in five voters said the pier should close.",
    # a restated object that points to nothing said before; "some" alone; a turn against the claim; a plural group;
    # agreeing to a claim of one's own
    "The ferry will stop in June, a deckhand said. The harbour office confirmed the new timetable.",
    "Some hesitated to fault the council. Ivo Tarn said the harbour needed new rules.",
    "Some harbour engineers think the pier is unsafe. But Ivo Tarn, who inspected it, said the beams were sound.",
    "Various rivals said the pier would close.",
    "Nearly every trader agrees the harbour tax is unfair.",
    # session 12: a candidate and their own advisers; a set named after the person quoted next; a party's deed
    "Ivo Tarn and his advisers said the pier would close.",
    "Many Tarn supporters say they will back Lind. Ivo Tarn said on Monday that the harbour needed him.",
    "Republicans have refused to vote on the pier plan. \"It is finished,\" said Ivo Tarn, a Republican pollster.",
    # round 6: "like" that compares no second set; things, not people, along with a claim
    "Harbour Democrats say, like always, that the pier should close.",
    "Along with a raft of complaints, the lawsuit says the council broke the harbour law.",
    "Harbour Democrats, along with answering questions from voters, said the pier would close.",
    # round 7: "also" adds a point; a second source on another topic; a number before "second"; "some" as no subject
    "Ana Lind said the pier would close. Ivo Tarn said the council was also cutting the ferry budget.",
    "A council official said the pier would close. A second official said the mayor would resign.",
    "The 30 second advert says the pier is safe.",
    "Ana Lind said the ferry was late. Ivo Tarn said the same about the bus.",
    "Ana Lind said the pier would close. Another delegate, Ivo Tarn, said he backed the pier plan.",
    "Amid calls from some to close it, Ivo Tarn said the pier was safe.",
    # session 15: one of a counted set is one source; a confirmation in another story of a roundup backs nothing
    "One of the two major candidates said the pier would close.",
    "Ivo Tarn notes that the harbour board admitted a fault with Tarn's ferry.\n\n___.\n\n11:50 a.m.\n\nAuditor Ana "
    "Lind is confirming that the Tarn charity is not registered to raise money.",
])
def test_look_alikes_of_backing_leave_a_single_source(text: str) -> None:
    assert found(text)[0][1].single_source


def test_a_confirmation_backs_the_report_of_the_same_fact_after_it() -> None:
    # session 19: a confirmation told before the report it confirms ("... first reported by the Herald")
    text = ("The Lakeview council is confirming that the harbour trust is not registered as a charity.\n\nBut the "
            "mayor is not saying if the trust broke any laws.\n\nThe registration issue was first reported by the "
            "Kestrel Herald.")
    assert not with_span(text, "the Kestrel Herald", "was first reported by", "The registration issue").single_source
    other = text.replace("registration issue", "mayor's trip")
    assert with_span(other, "the Kestrel Herald", "was first reported by", "The mayor's trip").single_source
    assert all(s.single_source for m, s in found(text) if m == "the mayor")


def test_a_parent_described_by_a_count_is_one_source() -> None:
    # session 19: "the mother of three" is one person, not a count of sources ("none of those three" is)
    assert of("The 34-year-old mother of three said the plan would help mothers.",
              "The 34-year-old mother of three").single_source
    assert not of("None of those three said the plan would help mothers.", "None of those three").single_source


def test_a_named_voice_described_as_one_of_the_experts_backs_them_whatever_the_words() -> None:
    # session 19: experts, then a named one of them quoted next (each of his statements there), in other words
    text = ("Experts say the test shows the regime is determined to build more warheads. \"If they cannot reach "
            "their neighbours yet, they will soon,\" said Ivo Tarn, a physicist at the Kestrel Institute. \"The "
            "trend is clear.\"")
    got = [(m, s.single_source) for m, s in found(text)]
    assert got and not any(single for _, single in got), got
    # (all the experts the writer asked, then one of them)
    asked = ("All the experts I interviewed said the Lakeview plan was sound. \"It pays for itself,\" said Ana "
             "Lind, a professor at Harlow College.")
    assert not of(asked, "Ana Lind").single_source
    assert of(text.replace("a physicist at", "who ran"), "Ivo Tarn").single_source


@pytest.mark.parametrize(("text", "mention"), [
    # session 19: a bare plural of people believing, then a named one of them quoted next
    ("Environmentalists worry that the cleanup could fall to Lakeview taxpayers.\n\n\"These are odd days,\" said "
     "Ivo Tarn, an environmentalist with the Kestrel Trust.", "Environmentalists"),
    # the set goes on in a "they" first
    ("Environmentalists worry that the cleanup could fall to Lakeview taxpayers. Unlike the old owner, the firm has "
     "few investors, they say.\n\n\"These are odd days,\" said Ivo Tarn, an environmentalist with the Kestrel "
     "Trust.", "Environmentalists"),
    # unnamed informants, then a named one of them, whose description names their boss
    ("After the vote, Lind's aides were also pleased, perhaps seeing that the deal would hold.\n\n\"It is a good "
     "day,\" said Ivo Tarn, a former aide to Lind.", "Lind's aides"),
])
def test_an_unnamed_set_is_backed_by_a_named_voice_quoted_next(text: str, mention: str) -> None:
    got = of(text, mention)
    assert not got.single_source, got.evidence


def test_unnamed_informants_are_not_backed_by_another_named_voice_next() -> None:
    # (next to unnamed officials, a named voice mostly answers them or speaks of something else)
    text = ("Federal officials said the screening had missed the posts.\n\n\"We had no information about him,\" "
            "said Ivo Tarn, a spokesman for the Kestrel Agency.")
    assert of(text, "Federal officials").single_source
    assert of(text.replace("a spokesman for the Kestrel Agency", "one of the officials"),
              "Federal officials").single_source is False


def test_a_they_opening_the_sentence_after_a_listed_subject_is_several_sources() -> None:
    # session 19: "they" standing for the listed subject of the sentence before, through another "they"
    text = ("Twelve towns led by Harlow and two fishing unions are challenging the rules in court.\n\nThey argue "
            "that the agency overstepped its powers.")
    assert not of(text, "They").single_source
    assert of(text.replace("Twelve towns led by Harlow and two fishing unions are", "The Harlow council is"),
              "They").single_source
    chain = ("Critics of the plan, like Ana Lind and Ivo Tarn, want a change. They sent a letter on Thursday.\n\n"
             "They wrote that the plan must end.")
    assert not of(chain, "They").single_source


# --- values and counts -------------------------------------------------------------------------------------------


def test_a_sourcing_round_trips_through_a_dict() -> None:
    s = Sourcing(anonymous=True, reason=CharSpan(3, 9), kind="anonymous", evidence=("unnamed: a source",))
    assert Sourcing.from_dict(json.loads(json.dumps(s.to_dict()))) == s
    with pytest.raises(ValueError):
        Sourcing.from_dict({"kind": "rumour"})


def test_article_counts_and_shares() -> None:
    items = [Sourcing(anonymous=True, reason=CharSpan(0, 1), kind="anonymous"),
             Sourcing(anonymous=True, kind="anonymous", relay_only=True), Sourcing(kind="person", single_source=False),
             Sourcing(kind="document")]
    counts = article_sourcing(items)
    assert (counts.statements, counts.anonymous, counts.with_reason, counts.without_reason) == (4, 2, 1, 1)
    assert (counts.relay_only, counts.single_source) == (1, 3)
    assert counts.kinds["document"] == 1 and counts.shares()["anonymous"] == 0.5
    assert article_sourcing([]).to_dict()["shares"]["anonymous"] == 0.0


# --- the scorer --------------------------------------------------------------------------------------------------


def test_the_scorer_reads_a_labelled_format_file(tmp_path: Path) -> None:
    text = "A senior official said the Harbour plan would be delayed. Ana Lind told Kestrel News the pier was shut."
    def at(words: str) -> list[int]:
        return [text.index(words), text.index(words) + len(words)]

    gold = {"id": "invented-1", "text": text, "outlet": OUTLET, "attributions": [
        {"content": at("the Harbour plan would be delayed"), "source": at("A senior official"), "cue": at("said"),
         "speaker": None, "type": "indirect", "anonymous": True, "reason_given": False, "relay_only": False,
         "single_source": True, "kind": "anonymous"},
        {"content": at("the pier was shut"), "source": at("Ana Lind"), "cue": at("told"), "speaker": "Ana Lind",
         "type": "indirect", "anonymous": False, "reason_given": None, "relay_only": True, "single_source": True,
         "kind": "person"}]}
    path = tmp_path / "invented.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    assert is_sourcing_gold(path) and outlet_of(gold) == OUTLET
    report = score(path)
    for way in (report.end_to_end, report.gold_spans):
        assert way.items == 2 and way.kinds_right == 2
        assert way.signals["anonymous"].tp == 1 and way.signals["relay_only"].tp == 1


def test_the_scorer_on_the_dev_gold() -> None:
    gold, corpus = repo_file("data/sourcing/polnear-dev.jsonl"), corpus_file("polnear/dev.jsonl.gz")
    if gold is None or corpus is None:
        pytest.skip("the sourcing gold or the shared PolNeAR dev corpus is absent")
    report = score(gold, corpus=corpus)
    assert report.gold_spans.items == 100 and report.end_to_end.matched >= 75
    assert report.gold_spans.kinds_right >= 85
    # floors on the gold spans (session 15: this sample is a tuning set; relay .90, backed .80 recall, both at 1.0)
    relay, backed = report.gold_spans.signals["relay_only"], report.gold_spans.signals["backed"]
    assert (relay.recall or 0) >= 0.85 and (backed.recall or 0) >= 0.75
    assert (relay.precision or 0) >= 0.9 and (backed.precision or 0) >= 0.9
