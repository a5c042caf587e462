"""Quote families (onrecord.analysis.families): invented quotations carried by invented outlets."""

from __future__ import annotations

import pytest

from onrecord.analysis.families import (
    Appearance,
    Family,
    candidate_pairs,
    compare,
    contained,
    quote_families,
    same_quotation,
    words,
)

LONG = "We will not close the Lakeview plant this year, and every one of the 200 jobs there is safe until March."


def ap(key: str, text: str, speaker: str | None = "Ana Lind", outlet: str | None = "Ledger",
       published: str | None = "2031-03-01") -> Appearance:
    return Appearance(key, text, speaker, outlet, published)


def one(*appearances: Appearance) -> Family:
    found = quote_families(appearances)
    assert len(found) == 1, found
    return found[0]


def variant(family: Family, key: str):  # type: ignore[no-untyped-def]
    return next(v for v in family.members if v.appearance.key == key)


@pytest.mark.parametrize(("text", "expected"), [
    ("We don’t know", ("we", "dont", "know")),
    ("Lind's plan and ISIS’ recruits", ("lind", "plan", "and", "isis", "recruits")),
    ("Twelve soldiers, not one", ("12", "soldiers", "not", "one")),
    ("Élan — “quoted”!", ("élan", "quoted")),
])
def test_words_normalise_case_apostrophes_possessives_and_small_numbers(text: str, expected: tuple[str, ...]) -> None:
    assert words(text) == expected


def test_a_cut_version_is_truncated_and_shares_the_family() -> None:
    fam = one(ap("a", LONG),
              ap("b", "every one of the 200 jobs there is safe", outlet="Tribune", published="2031-03-02"))
    assert fam.root.key == "a"
    assert variant(fam, "b").changes == ("truncated",)
    assert variant(fam, "b").dangerous == ()


def test_a_longer_later_version_is_extended() -> None:
    fam = one(ap("a", "every one of the 200 jobs there is safe"), ap("b", LONG, published="2031-03-04"))
    assert fam.root.key == "a"  # the earliest, though shorter
    assert set(variant(fam, "b").changes) == {"extended"}


def test_a_lost_negation_is_a_dangerous_change() -> None:
    fam = one(ap("a", LONG), ap("b", LONG.replace("will not close", "will close"), published="2031-03-02"))
    v = variant(fam, "b")
    assert "reworded" in v.changes
    assert [(d.kind, d.root, d.variant) for d in v.dangerous] == [("negation", "not", "")]
    assert "lost" in v.dangerous[0].describe()


def test_an_added_negation_and_a_contraction_count_too() -> None:
    fam = one(ap("a", "I believe the bridge is safe for every truck"),
              ap("b", "I don't believe the bridge is safe for every truck", published="2031-03-03"))
    assert [(d.kind, d.variant) for d in variant(fam, "b").dangerous] == [("negation", "dont")]


def test_a_changed_number_is_a_dangerous_change_but_the_same_number_in_words_is_not() -> None:
    fam = one(ap("a", LONG), ap("b", LONG.replace("200", "300"), published="2031-03-02"),
              ap("c", LONG.replace("the 200 jobs", "the two hundred jobs"), published="2031-03-03"),
              ap("d", "We will not close the Lakeview plant this year, and every one of the two jobs there is safe "
                 "until March.", published="2031-03-04"))
    assert [(d.kind, d.root, d.variant) for d in variant(fam, "b").dangerous] == [("number", "200", "300")]
    assert [d.kind for d in variant(fam, "d").dangerous] == ["number"]


def test_another_speaker_credited_is_a_dangerous_change_a_surname_alone_is_not() -> None:
    fam = one(ap("a", LONG), ap("b", LONG, speaker="Lind", published="2031-03-02"),
              ap("c", LONG, speaker="Ivo Tarn", published="2031-03-03"))
    assert variant(fam, "b").dangerous == ()
    assert [(d.kind, d.root, d.variant) for d in variant(fam, "c").dangerous] == [("speaker", "Ana Lind", "Ivo Tarn")]


def test_a_short_phrase_inside_another_quotation_is_not_a_version_of_it() -> None:
    # the fragment's first word is not in the longer quotation: a different utterance that reuses a phrase
    assert contained(words("cannot come into this country"),
                     words("he lost everybody who is inspired to come into this country")) == 0.0
    assert quote_families([ap("a", "cannot come into this country"),
                           ap("b", "he lost everybody who is inspired to come into this country")]) == []


def test_two_quotations_sharing_a_stock_phrase_stay_apart() -> None:
    found = quote_families([ap("a", "At the end of the day the council will decide about the ferry fares"),
                            ap("b", "At the end of the day we have to look after the nurses in this town")])
    assert found == []


def test_sentences_cut_at_different_places_are_one_quotation() -> None:
    s1 = "The port has lost money for six straight years."
    s2 = "Nobody on this council wants to sell it to a private buyer, but we may have no choice left."
    s3 = "We will put the question to the voters in the spring."
    fam = one(ap("a", f"{s1} {s2}"), ap("b", f"{s2} {s3}", outlet="Tribune", published="2031-03-02"))
    assert same_quotation(words(f"{s1} {s2}"), words(f"{s2} {s3}")) > 0
    assert fam.size == 2


def test_each_member_is_checked_against_the_fullest_version_so_chains_do_not_merge() -> None:
    a = "the ferry will run twice a day from the first of June onwards"
    b = "the ferry will run twice a day from the first of June onwards and the fare will fall to two euros"
    c = "the fare will fall to two euros for pupils and pensioners only on weekdays in winter"  # 7 words shared
    found = quote_families([ap("a", a), ap("b", b), ap("c", c, published="2031-03-05")])
    fam_of = {m.appearance.key: f.id for f in found for m in f.members}
    assert fam_of["a"] == fam_of["b"]
    assert "c" not in fam_of or fam_of["c"] != fam_of["a"]


def test_the_same_words_carried_twice_make_a_family_a_single_appearance_does_not() -> None:
    assert quote_families([ap("a", LONG)]) == []
    fam = one(ap("a", LONG), ap("b", LONG, published="2031-02-27"))
    assert fam.root.key == "b"
    assert [v.changes for v in fam.members] == [("identical",), ("identical",)]


def test_undated_appearances_come_after_dated_ones_and_short_quotations_are_left_out() -> None:
    fam = one(ap("a", LONG, published=None), ap("b", LONG, published="2031-05-01"), ap("c", "we will not"))
    assert [m.appearance.key for m in fam.members] == ["b", "a"]


def test_claimreview_shape_and_round_trip() -> None:
    fam = one(ap("a", LONG, outlet="Ledger"), ap("b", LONG.replace("200", "300"), outlet="Tribune",
                                                published="2031-03-02"))
    claim = fam.to_claimreview()
    assert claim["@type"] == "Claim" and claim["author"] == {"@type": "Person", "name": "Ana Lind"}
    assert claim["firstAppearance"]["publisher"]["name"] == "Ledger"
    assert [w["datePublished"] for w in claim["appearance"]] == ["2031-03-01", "2031-03-02"]
    assert claim["appearance"][1]["dangerousChanges"] == [{"kind": "number", "root": "200", "variant": "300"}]
    assert Family.from_dict(fam.to_dict()) == fam


def test_candidate_pairs_come_from_shared_runs_not_from_all_pairs() -> None:
    texts = [words(t) for t in (LONG, LONG.replace("200", "300"), "an unrelated remark about the weather today",
                                "another remark entirely about the harbour ferry")]
    assert candidate_pairs(texts) == [(0, 1)]
    # a shingle shared by more texts than `common` is a stock phrase: it proposes nothing
    many = [words(f"at the end of the day text number {i}") for i in range(6)]
    assert candidate_pairs(many, common=3) == []


def test_compare_reports_another_part_when_two_versions_barely_overlap() -> None:
    changes, dangers, similarity = compare(words("one two three four five six"), words("seven eight nine ten"))
    assert changes == ("other part",) and dangers == () and similarity == 0.0


def test_a_fragment_of_a_member_joined_by_a_shared_run_is_in_the_family_too() -> None:
    s1 = "The port has lost money for six straight years and the council can no longer hide it."
    s2 = "Nobody on this council wants to sell it to a private buyer, but we may have no choice left."
    s3 = "We will put the question to the voters in the spring, and we will abide by their answer."
    fam = one(ap("a", f"{s1} {s2}"), ap("b", f"{s2} {s3}", outlet="Tribune", published="2031-03-02"),
              ap("c", s3, outlet="Courier", published="2031-03-03"))
    assert fam.size == 3  # s3 shares nothing with the spine "s1 s2", but is the rest of the member "s2 s3"


def test_the_speaker_is_who_most_appearances_credit_so_a_wrong_first_credit_is_the_one_flagged() -> None:
    fam = one(ap("a", LONG, speaker="Ivo Tarn"), ap("b", LONG, speaker="Lind", published="2031-03-02"),
              ap("c", LONG, speaker="Ana Lind", published="2031-03-03"))
    assert fam.speaker == "Ana Lind" and fam.to_claimreview()["author"]["name"] == "Ana Lind"
    assert [(d.kind, d.root, d.variant) for d in variant(fam, "a").dangerous] == [("speaker", "Ana Lind", "Ivo Tarn")]
    assert variant(fam, "b").dangerous == () and variant(fam, "c").dangerous == ()
