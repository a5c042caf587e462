"""Documents named by their maker where the recogniser does not help (speakers.document-of-unlabelled-maker,
speakers.document-of-kind, speakers.document-result-named-before, and "average" as a document: a polling
average speaks for whoever compiles it); and the look-alikes that keep their speaker."""

from __future__ import annotations

import pytest

from speaking import speakers


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # the maker's name taken for a place: a word of bodies' names makes it a body
    ("Lind ran up a bill of $60,000, according to a Nevada Budget Watchdog report released by the governor's office.",
     "a Nevada Budget Watchdog report released by the governor's office", "Nevada Budget Watchdog"),
    # taken for nothing
    ("The group is spending $1 million on ads. One Fair Fares Coalition ad, which is airing now, argues that only "
     "Lind can win.", "One Fair Fares Coalition ad, which is airing now", "Fair Fares Coalition"),
    # named by its kind: the body of that kind in view
    ("Tarnwell Inc. sells coats in 40 states. It has more than 5,200 employees, according to company documents.",
     "company documents", "Tarnwell Inc."),
    # a result of the poll named just before
    ("The damage shows in the latest Harbour Polling Institute survey. The top-line number shows Lind in a dead "
     "heat with Tarn.", "The top-line number", "Harbour Polling Institute"),
    # a polling average is its compiler's
    ("Lind is viewed favorably by 50 percent, according to the Harbour Post Pollster average.",
     "the Harbour Post Pollster average", "Harbour Post Pollster"),
    # the article's main body: a name only as another noun's modifier ("the Harbour Party debate") is no
    # mention of its own, and names in another case ("Pac") are the same body
    ("Lakeview Forward PAC was formed in May. Lakeview Forward Pac is run by Ana Lind. Tarn skipped the Harbour "
     "Party debate, the Harbour Party dinner and the Harbour Party rally. The report said he was afraid.",
     "The report", "Lakeview Forward PAC"),
])
def test_a_document_speaks_for_the_maker_it_is_named_by(text: str, source: str, speaker: str) -> None:
    assert speakers(text)[source] == speaker


@pytest.mark.parametrize(("text", "source"), [
    # a place's poll names no maker
    ("Lind leads by 10 points, according to a New Hampshire poll.", "a New Hampshire poll"),
    # documents of a kind that is no body in view
    ("Lind has worked there for ten years, according to court documents.", "court documents"),
    # numbers with no document before them
    ("Lind spoke in Lakeview on Monday. The numbers show her ahead.", "The numbers"),
])
def test_look_alikes_name_nobody(text: str, source: str) -> None:
    assert speakers(text)[source] is None


def test_a_body_that_speaks_stays_the_main_one() -> None:
    text = ("Lakeview Forward PAC was formed in May. Tarn skipped the debate. The Harbour Party said he was afraid. "
            "The Harbour Party then said he was weak. The report said he was afraid.")
    assert speakers(text)["The report"] == "Harbour Party"


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # a voice in an ad speaks for the ad's maker: the ad it is in, or the one just named
    ("Harbour Rights Watch released a new ad on Monday. “Tarn can't be trusted,” a voice-over in the ad says.",
     "a voice-over in the ad", "Harbour Rights Watch"),
    ("Ana Lind released a new ad on Monday. “Tarn can't be trusted,” a narrator says.", "a narrator", "Ana Lind"),
    # no ad in sight: nobody known
    ("“Tarn can't be trusted,” a voice said on the phone.", "a voice", None),
])
def test_a_voice_in_an_ad_is_its_makers(text: str, source: str, speaker: str | None) -> None:
    assert speakers(text)[source] == speaker
