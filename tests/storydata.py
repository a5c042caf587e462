"""Invented articles built into Extraction values by hand, for the store tests (no spaCy model needed).

``story(text, said=[...], ...)`` finds each attribution's content, source and cue by their words in the text, so
tests read like the articles they describe. Every person and outlet here is made up.
"""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.types import Article, Attribution, CharSpan, Extraction, Relay


@dataclass(frozen=True)
class Said:
    content: str
    source: str | None = None
    cue: str | None = None
    speaker: str | None = None
    kind: str = "person"
    description: str | None = None
    type: str = "direct"
    medium: str = "unknown"
    via: tuple[tuple[str, str | None, str | None], ...] = ()  # (words, name, outlet)


def _span(text: str, words: str | None, after: int = 0) -> CharSpan | None:
    if words is None:
        return None
    start = text.find(words, after)
    if start < 0:
        start = text.find(words)
    assert start >= 0, f"{words!r} is not in the text"
    return CharSpan(start, start + len(words))


def story(text: str, *said: Said, id: str | None = None, outlet: str | None = None, published: str | None = None,
          url: str | None = None, title: str | None = None, version: str = "0.1.0", model: str = "en_test-1.0") \
        -> Extraction:
    attributions = []
    for s in said:
        content = _span(text, s.content)
        assert content is not None
        attributions.append(Attribution(
            content=content, source=_span(text, s.source), cue=_span(text, s.cue), speaker=s.speaker,
            speaker_kind=s.kind, speaker_description=s.description, type=s.type, medium=s.medium,
            via=tuple(Relay(span=_span(text, w), name=n, outlet=o) for w, n, o in s.via), confidence=0.8,
        ))
    return Extraction(article=Article(text=text, id=id, title=title, outlet=outlet, url=url, published=published),
                      attributions=tuple(attributions), pipeline_version=version, model=model)


def corpus() -> list[Extraction]:
    """Six invented articles: one defence minister under three forms of name, two Brennans, an organisation with and
    without "the", an anonymous source, a relay and a letter."""
    t1 = ("Defence Minister Oren Valdez said the garrison would withdraw its troops from the northern border by "
          "spring. \u201cWe are not leaving our allies behind,\u201d Valdez said in a statement.")
    t2 = ("Oren Valdez wrote in a letter to the council that withdrawing troops was a question of cost, not of "
          "courage. A senior official said the plan had been drafted in January, according to Ledger reporter "
          "Nadia Ferris.")
    t3 = ("Valdez told reporters the withdrawal would be complete by May. The Defence Ministry said the letter "
          "had been sent in error.")
    t4 = ("Judge Alma Brennan said the harbour contract was void. \u201cThe tender was rigged,\u201d Brennan said.")
    t5 = ("Striker Colm Brennan said the club would appeal. \u201cWe will play on,\u201d Brennan said.")
    t6 = ("the Defence Ministry said it had no plans to withdraw troops. A spokesperson declined to comment on "
          "the letter.")
    return [
        story(t1, Said("the garrison would withdraw its troops from the northern border by spring",
                       "Defence Minister Oren Valdez", "said", "Defence Minister Oren Valdez", type="indirect"),
              Said("We are not leaving our allies behind,", "Valdez", "said", "Oren Valdez", medium="statement"),
              id="a1", outlet="Harlow Ledger", published="2030-03-02", url="https://ledger.example/a1",
              title="Troops to leave the border"),
        story(t2, Said("withdrawing troops was a question of cost, not of courage", "Oren Valdez", "wrote",
                       "Oren Valdez", type="indirect", medium="letter"),
              Said("the plan had been drafted in January", "A senior official", "said", None, kind="anonymous",
                   description="A senior official", type="indirect",
                   via=(("Ledger reporter Nadia Ferris", "Nadia Ferris", "Ledger"),)),
              id="a2", outlet="Tarnwick Evening Star", published="2030-03-04", url="https://star.example/a2"),
        story(t3, Said("the withdrawal would be complete by May", "Valdez", "told", "Valdez", type="indirect",
                       medium="remarks"),
              Said("the letter had been sent in error", "The Defence Ministry", "said", "the Defence Ministry",
                   kind="organisation", type="indirect", medium="statement"),
              id="a3", outlet="Westbury Weekly", published="2030-04-10"),
        story(t4, Said("the harbour contract was void", "Judge Alma Brennan", "said", "Alma Brennan",
                       type="indirect"),
              Said("The tender was rigged,", "Brennan", "said", "Alma Brennan"),
              id="a4", outlet="Harlow Ledger", published="2030-01-10"),
        story(t5, Said("the club would appeal", "Striker Colm Brennan", "said", "Colm Brennan", type="indirect"),
              Said("We will play on,", "Brennan", "said", "Colm Brennan"),
              id="a5", outlet="Coastline Courier", published="2030-01-12"),
        story(t6, Said("it had no plans to withdraw troops", "the Defence Ministry", "said", "Defence Ministry",
                       kind="organisation", type="indirect", medium="statement"),
              id="a6", outlet="Coastline Courier", published="2030-05-01"),
    ]
