"""Speakers of the science and health desks, obituaries and profiles (issue 17): study authors and their papers,
relatives named with a double family name, first names alone after a full introduction, a person described and
then named between commas. Invented sentences, invented people."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from onrecord.api import extract
from onrecord.attribution.resolution.index import ArticleIndex
from onrecord.attribution.resolution.people import evidenced_people, first_names_alone
from onrecord.nlp.pipeline import load_pipeline


def _speakers(text: str) -> list[str | None]:
    return [a.speaker or a.speaker_description for a in extract(text).attributions]


def _parse(text: str) -> Doc:
    return load_pipeline(with_attribution=False)(text)


# ---------------------------------------------------------------------------------- double family names


def test_a_kin_apposition_the_recogniser_missed_keeps_the_whole_double_barrelled_name() -> None:
    text = "Her daughter, Ines Halvard-Rusk Mendez, said the cause was complications of a fall."
    doc = _parse(text)
    doc.ents = []  # the recogniser saw no name at all
    index = ArticleIndex(doc, text, [])
    assert index.by_surname["mendez"] == ["Ines Halvard-Rusk Mendez"]
    assert (3, "Ines Halvard-Rusk Mendez", True) in index.persons


def test_a_chain_without_a_hyphenated_part_is_read_as_before() -> None:
    text = "Her daughter, Ines Mendez, said the cause was complications of a fall."
    doc = _parse(text)
    doc.ents = []
    assert ArticleIndex(doc, text, []).by_surname["mendez"] == ["Ines Mendez"]


# ---------------------------------------------------------------------------------- family names in "s"


def _chain_tagged_plural(text: str, start: int, end: int) -> Doc:
    doc = _parse(text)
    doc.ents = [Span(doc, start, end, label="ORG")]  # the recogniser's firm
    doc[end - 1].tag_ = "NNPS"  # the tagger's plural, for a family name that ends in "s"
    return doc


def test_a_first_name_and_a_family_name_in_s_is_a_person_the_tagger_read_as_a_plural() -> None:
    doc = _chain_tagged_plural("When Armand Desjardins fell in the garden, he called his wife.", 1, 3)
    assert [p.text for p in evidenced_people(doc)] == ["Armand Desjardins"]


def test_members_of_a_party_stay_a_group() -> None:
    doc = _chain_tagged_plural("When Lakeview Democrats met in the hall, they voted for the plan.", 1, 3)
    assert evidenced_people(doc) == []


# ---------------------------------------------------------------------------------- first names alone


def _first_name_misread(label: str) -> list[tuple[int, str, bool]]:
    text = ("Odile Desjardins said the hospital had saved her husband. Odile now volunteers at the hospital. "
            "She says it is a good place.")
    doc = _parse(text)
    k = [t.i for t in doc if t.text == "Odile"][1]
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, k, k + 1, label=label)]
    doc[k].pos = doc.vocab.strings.add("VERB")  # the tagger's verb, as for a name it does not know
    index = ArticleIndex(doc, text, [])
    return [p for p in first_names_alone(doc, index) if p[0] == k]


def test_a_first_name_alone_the_recogniser_took_for_a_people_is_the_person_introduced() -> None:
    assert [name for _i, name, _s in _first_name_misread("NORP")] == ["Odile Desjardins"]


def test_a_first_name_alone_the_recogniser_took_for_a_place_is_not() -> None:
    assert _first_name_misread("GPE") == []


# ---------------------------------------------------------------------------------- described, then named


def test_a_person_described_then_named_between_commas_is_the_name() -> None:
    text = ("The trial ran for two years.\n\nOne patient in the trial, Delphine Arkwright, 81, of Millbrook, "
            "Maryland, said she still did not know whether she had been given the drug. She said the visits had "
            "been \"the best part of my week.\"\n\n\"I was admitted once,\" she said.")
    assert _speakers(text) == ["Delphine Arkwright"] * 3


def test_a_person_described_and_never_named_stays_described() -> None:
    text = ("The trial ran for two years.\n\nOne patient in the trial said she still did not know whether she "
            "had been given the drug.\n\n\"I was admitted once,\" she said.")
    assert _speakers(text) == ["One patient in the trial"] * 2


# ---------------------------------------------------------------------------------- papers and their authors


def test_the_researchers_after_the_lead_author_was_named_are_the_lead_author() -> None:
    text = ("A daily pill cut admissions by a third, according to a trial published Wednesday.\n\n\"We went "
            "looking for the patients doctors actually see,\" the lead author, Dr. Ines Marrow-Tate, a cardiologist "
            "at Fenwick University, said in an interview.\n\nThe researchers reported the results in a journal on "
            "Wednesday.\n\nIn the paper, the researchers wrote that the benefit \"appeared consistent across every "
            "subgroup.\"")
    assert _speakers(text)[-1] == "Ines Marrow-Tate"


def test_the_researchers_before_the_lead_author_is_named_are_the_lead_author() -> None:
    text = ("A mosquito release cut dengue cases by half, researchers said.\n\nThe researchers wrote that the "
            "results were \"consistent across all five towns.\"\n\nThe study's lead author, Dr. Teresa "
            "Villanueva-Cruz of the Visayas Institute, said the team was pleased.\n\n\"We expected less,\" she said.")
    assert _speakers(text)[1] == "Teresa Villanueva-Cruz"


def test_researchers_nobody_named_a_lead_author_of_are_not_a_person() -> None:
    text = ("Researchers at Fenwick University tested the pill on 900 patients.\n\nThe researchers reported the "
            "results on Wednesday.\n\nIn the paper, the researchers wrote that the benefit \"appeared consistent "
            "across every subgroup.\"")
    found = extract(text).attributions[-1]
    assert found.speaker_kind != "person"


def test_according_to_the_paper_its_lead_author_rather_than_the_company_in_the_story() -> None:
    text = ("The vaccine was tested by Corvale Biologics in Nairobi. Corvale Biologics paid for the work, and "
            "Corvale Biologics will sell it.\n\n\"This is the first time protection held,\" said the study's lead "
            "author, Dr. Wanjiru Omondi-Hale, a paediatrician at the Lakeside Institute.\n\nAccording to the paper, "
            "the most common side effects were \"mild fever and local tenderness.\"")
    assert _speakers(text) == ["Wanjiru Omondi-Hale", "Wanjiru Omondi-Hale"]


def test_according_to_the_report_of_a_company_with_no_author_named_is_the_company() -> None:
    text = ("Corvale Biologics grew last year. Corvale Biologics hired staff, and Corvale Biologics opened a lab.\n\n"
            "According to the report, sales \"rose faster than ever.\"")
    assert _speakers(text) == ["Corvale Biologics"]


# ---------------------------------------------------------------------------------- content ends


def _contents(text: str) -> list[str]:
    return [a["content_text"] for a in extract(text).to_dict(include_text=True)["attributions"]]


def test_a_refusal_joined_to_the_cue_ends_what_was_said() -> None:
    text = ("A spokeswoman for the Lakeview Water Board said its budget is “secured through 2030” but declined to "
            "say what happens after that.")
    assert _contents(text) == ["its budget is “secured through 2030”"]


def test_a_refusal_inside_what_was_said_stays_in_it() -> None:
    text = ("A spokeswoman for the Lakeview Water Board said its budget is “secured through 2030” and that the "
            "board had declined to say more.")
    assert _contents(text) == ["its budget is “secured through 2030” and that the board had declined to say more"]


def test_a_noun_phrase_describing_the_quotation_is_the_writers_aside() -> None:
    text = "Ivo Tarn often said the harbour was “a teacher with no holidays,” a phrase his students still repeat."
    assert _contents(text) == ["the harbour was “a teacher with no holidays,”"]


def test_the_next_item_of_a_list_after_a_quotation_stays_in_the_content() -> None:
    text = "Ivo Tarn said the harbour needed “a new crane,” a bigger boat and a map."
    assert _contents(text) == ["the harbour needed “a new crane,” a bigger boat and a map"]


def test_someone_elses_refusal_inside_what_was_said_stays_in_it() -> None:
    text = "Ivo Tarn said the council tried to close the pier, but a judge refused to let them."
    assert _contents(text) == ["the council tried to close the pier, but a judge refused to let them."]
