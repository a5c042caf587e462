"""Pinned accuracy floors for the dev splits: the gate that tests/eval/test_floors.py enforces.

Each :class:`Gate` gives, for one corpus file and extraction scope, the lowest acceptable F1 (0-1) of each
metric (see :mod:`onrecord.eval.scorer`), or of an accuracy (``speaker_accuracy``; ``named_accuracy`` with a
speakers file, see :mod:`onrecord.eval.speakers`). A run passes when each value >= floor - ``EPSILON``. Raise a
floor when the engine improves (to a little under the new figure); lower one only with a reason in the commit
message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from onrecord.eval.run import EvalReport
from onrecord.settings import Settings

#: Allowed shortfall below a floor, for run-to-run noise (model or library versions).
EPSILON = 0.01


@dataclass(frozen=True, slots=True)
class Gate:
    """Floors for one corpus file (relative to the shared data folder) extracted with one scope.

    PolNeAR annotates broad attribution (beliefs, stances, documents), so it is gated with ``scope="all"``
    as well as the default; GGT annotates quotations, the default ``scope="quotes"``.
    """

    corpus: str
    scope: str
    floors: Mapping[str, float]
    #: The corpus's cue convention: PolNeAR marks the verb phrase ("has also said"), GGT the verb alone.
    cue_span: str = "phrase"
    #: "fast" (the default mode) or "accurate" (the rules corrected by the role tagger).
    mode: str = "fast"
    #: A speakers file laid over the gold (relative to the repository root; see onrecord.eval.speakers).
    speakers: str | None = None

    @property
    def name(self) -> str:
        return (f"{self.corpus}[{self.scope}]" + ("" if self.mode == "fast" else f"[{self.mode}]")
                + ("" if self.speakers is None else f"[{self.speakers}]"))

    @property
    def settings(self) -> Settings:
        """The gate's settings, with no time cap per document: a gate measures accuracy, and on a busy machine the
        accurate mode's longest dev articles passed the default 20 s cap and were left out (the time cap is tested
        by the bounds and hostile-input tests)."""
        return Settings(scope=self.scope, cue_span=self.cue_span, mode=self.mode, doc_timeout=0)


GATES: tuple[Gate, ...] = (
    Gate("polnear/dev.jsonl.gz", "all",
         {"content_overlap": 0.754, "content_exact": 0.634, "source_exact": 0.714, "cue_exact": 0.648}),
    Gate("polnear/dev.jsonl.gz", "quotes", {"content_overlap": 0.635, "source_exact": 0.607, "cue_exact": 0.569}),
    Gate("polnear/dev.jsonl.gz", "all",
         {"content_overlap": 0.801, "content_exact": 0.690, "source_exact": 0.758, "cue_exact": 0.682},
         mode="accurate"),
    Gate("ggt/dev.jsonl", "quotes", {"content_overlap": 0.911, "end_to_end": 0.866, "cue_exact": 0.891},
         cue_span="word"),
    # (overlap 0.885 -> 0.884 in session 9, already so at 78bbfc4 after the first round of speaker fixes, whose
    # cause was not traced; end-to-end rose 0.820 -> 0.824)
    Gate("ggt/dev.jsonl", "quotes", {"content_overlap": 0.904, "end_to_end": 0.859, "cue_exact": 0.886},
         cue_span="word", mode="accurate"),
    # the second speaker gold: resolved names for the sources of 65 PolNeAR train documents (data/speakers/README.md)
    Gate("polnear/train.jsonl.gz", "all", {"speaker_accuracy": 0.941, "named_accuracy": 0.944},
         speakers="data/speakers/polnear-train.jsonl"),
    # its part b: 20 more documents labelled blind in session 19 (0.860 then), read by the lead as tuning since
    Gate("polnear/train.jsonl.gz", "all", {"speaker_accuracy": 0.924, "named_accuracy": 0.933},
         speakers="data/speakers/polnear-train-b.jsonl"),
    # its part c: 20 more labelled blind in session 19 (0.855 at the start and end of it), read as tuning in session 20
    Gate("polnear/train.jsonl.gz", "all", {"speaker_accuracy": 0.947, "named_accuracy": 0.947},
         speakers="data/speakers/polnear-train-c.jsonl"),
    # its part d: 20 more labelled blind in session 20 (0.876 at the start and end of it), read as tuning in session 21
    Gate("polnear/train.jsonl.gz", "all", {"speaker_accuracy": 0.966, "named_accuracy": 0.968},
         speakers="data/speakers/polnear-train-d.jsonl"),
    # its part e: 20 more labelled blind in session 21 (0.782 at its start and end), then read by the lead (excerpts)
    # and tuned on in session 22
    Gate("polnear/train.jsonl.gz", "all", {"speaker_accuracy": 0.891, "named_accuracy": 0.907},
         speakers="data/speakers/polnear-train-e.jsonl"),
    # its part f: 20 more labelled blind in session 22 (0.896 at its start and end), tuned on in session 23
    Gate("polnear/train.jsonl.gz", "all", {"speaker_accuracy": 0.946, "named_accuracy": 0.950},
         speakers="data/speakers/polnear-train-f.jsonl"),
    # its part g: 20 more labelled blind in session 24 (0.874 at its start, 0.877 at its end), a tuning set since
    Gate("polnear/train.jsonl.gz", "all", {"speaker_accuracy": 0.918, "named_accuracy": 0.934},
         speakers="data/speakers/polnear-train-g.jsonl"),
    # part h (written blind in session 25; scored on its starting code and at its end: 0.895 / 0.903 -> 0.898 / 0.907)
    Gate("polnear/train.jsonl.gz", "all", {"speaker_accuracy": 0.920, "named_accuracy": 0.929},
         speakers="data/speakers/polnear-train-h.jsonl"),
    # part i (written blind in session 26; scored on its starting code and at its end: 0.829 / 0.860, unchanged;
    # a tuning set in session 27)
    Gate("polnear/train.jsonl.gz", "all", {"speaker_accuracy": 0.876, "named_accuracy": 0.902},
         speakers="data/speakers/polnear-train-i.jsonl"),
    # part j (written blind in session 27; scored on its starting code and at its end: 0.857 / 0.880 -> 0.857 / 0.876;
    # a tuning set in session 28: 0.878 / 0.887; session 30: 0.899 / 0.905; session 31: 0.906 / 0.912)
    Gate("polnear/train.jsonl.gz", "all", {"speaker_accuracy": 0.909, "named_accuracy": 0.916},
         speakers="data/speakers/polnear-train-j.jsonl"),
    # part k (written blind in session 28; scored on its starting code and at its end: 0.842 / 0.848, unchanged; a
    # tuning set in sessions 29 and 30: 0.884 / 0.887; session 31: 0.887 / 0.891)
    Gate("polnear/train.jsonl.gz", "all", {"speaker_accuracy": 0.916, "named_accuracy": 0.915},
         speakers="data/speakers/polnear-train-k.jsonl"),
    # part l (written blind in session 30; scored on session 28's end code, on session 29's and at the end: 0.741 /
    # 0.750, 0.749 / 0.758, 0.746 / 0.755; a tuning set in session 31: 0.815 / 0.823; session 32: 0.823 / 0.831)
    Gate("polnear/train.jsonl.gz", "all", {"speaker_accuracy": 0.830, "named_accuracy": 0.839},
         speakers="data/speakers/polnear-train-l.jsonl"),
    # part m (written blind in session 31; scored on session 30's end code and at the end of 31: 0.859 / 0.862,
    # unchanged; a tuning set in session 32: 0.868 / 0.872)
    Gate("polnear/train.jsonl.gz", "all", {"speaker_accuracy": 0.904, "named_accuracy": 0.902},
         speakers="data/speakers/polnear-train-m.jsonl"),
    # part n (written blind in session 32; scored on session 31's end code and at the end of 32: 0.897 / 0.902,
    # unchanged; a tuning set in session 33: 0.934 / 0.941)
    Gate("polnear/train.jsonl.gz", "all", {"speaker_accuracy": 0.934, "named_accuracy": 0.941},
         speakers="data/speakers/polnear-train-n.jsonl"),
    # part o (written blind in session 33; scored on session 32's end code and on session 33's merged code before it
    # was read: 0.828 / 0.846, unchanged; then a tuning set for one short round: 0.834 / 0.852)
    Gate("polnear/train.jsonl.gz", "all", {"speaker_accuracy": 0.834, "named_accuracy": 0.852},
         speakers="data/speakers/polnear-train-o.jsonl"),
)


#: The provenance flags on the dev stories of data/provenance (onrecord.eval.provenance; scope all, fast mode):
#: metric -> floor, as ProvenanceReport.value names them.
PROVENANCE_GOLD = "data/provenance"
PROVENANCE_FLOORS: dict[str, float] = {
    # (the 26 dev stories of parts a-e, session 14: reversal 0.881 / 0.605, conflict 0.828 / 0.417, rating 51/52.
    # The recall floors went down because part e, written blind in session 14, is harder: its five dev stories alone
    # give reversal 1.000 / 0.278 and conflict 0.500 / 0.065. On the 21 dev stories of parts a-d alone, session 14:
    # 0.870 / 0.691 and 0.850 / 0.531; session 13 0.855 / 0.691 and 0.847 / 0.521; session 12 0.825 / 0.691 and
    # 0.770 / 0.490; session 11 0.800 / 0.647 and 0.656 / 0.417; session 10 0.692 / 0.529 and 0.415 / 0.281)
    # Session 16 added part f (6 dev stories, written blind and weighted to the same claim in other words; scored
    # once before any change: reversal 0.800 / 0.167, conflict 0.222 / 0.049), and the 32 dev stories give 0.875 /
    # 0.509 and 0.753 / 0.327: the floors went down again. The reporter's rebuttal sentences (provenance.rebuttals)
    # then took conflicts to 0.795 / 0.417.
    # Session 18 added part g (6 dev stories, written blind, weighted to concessions and their look-alikes; scored
    # once before any change: reversal 0.120 / 0.097, conflict 0.174 / 0.089), and the 38 dev stories give 0.780 /
    # 0.504 and 0.661 / 0.347: the floors went down again (the 32 stories of parts a-f alone: 0.907 / 0.618 and
    # 0.787 / 0.417 at the same commit).
    # Session 19 added part h (6 dev stories, written blind; scored before any change: reversal 0.292 / 0.163,
    # conflict 0.100 / 0.043), and the 44 dev stories give 0.675 / 0.429 and 0.576 / 0.293.
    # rev19 (part g's dev stories read as tuning) took them to 0.701 / 0.446 and 0.667 / 0.324; session 20 to 0.760 /
    # 0.516 and 0.696 / 0.336; session 21 (conflicts a fact-checker need not read) to 0.780 / 0.522 and 0.791 / 0.336.
    # Session 22: 0.782 / 0.527 and 0.775 / 0.332. The conflict floor went down with a right extraction: "writing in a
    # ruling that ..." now gives the judge's statement (it gave none), and the conflicts of one story moved to it
    # (one true conflict lost, two false alarms: a double negation read as an antonym, and the reporter's "belies"
    # paired with the judge's other statement).
    # Session 23 (prov23: one claim said twice is one disagreement; durations; inside/outside a zone) took the 44
    # stories to 0.846 / 0.538 and 0.820 / 0.351, then added part i (5 dev stories, written blind, weighted to
    # unsignalled conflicts with documents; scored before and after the session's changes, all 7 stories: reversal
    # 0.607 / 0.327 -> 0.680 / 0.327, conflict 0.312 / 0.065 -> 0.385 / 0.065): the 49 dev stories give 0.825 /
    # 0.511 and 0.792 / 0.304, rating 107/113.
    # Session 24 (prov24: guards read on the dev stories' false alarms, part i's among them): 0.863 / 0.511 and
    # 0.856 / 0.304, rating 107/113.
    # Session 25 added part j (5 dev stories, written blind; scored on the starting code and at the end before any
    # rule was read on it): the 54 dev stories give 0.846 / 0.460 and 0.802 / 0.270, rating 109/115. Nothing of
    # session 25 changed a flag (prov25's learned pair scorer was measured, not adopted).
    # Session 32 (prov32: a new count under a figure word, a firm claim later only hoped, concept words): 0.851 /
    # 0.504 and 0.805 / 0.276, rating 0.952.
    # Session 33 (prov33: a claim the reporter recalls, paired with its owner's earlier quotation): conflicts 0.833 /
    # 0.320.
    "reversal_precision": 0.851, "reversal_recall": 0.504, "conflict_precision": 0.833, "conflict_recall": 0.320,
    "rating_accuracy": 0.952,
}


#: Quote families on the hand-verified PolNeAR families of data/quotes (onrecord.eval.families; no model): pairwise
#: precision and recall with the adjudicated pairs (0.969 / 0.954 when set).
FAMILIES_GOLD = "data/quotes"
FAMILIES_FLOORS: dict[str, float] = {"precision": 0.96, "recall": 0.94}

#: Speaker gender on the GGT dev speakers of data/gender (onrecord.eval.gender, fast mode): accuracy where a gender
#: is given, and coverage (1.000 / 0.902 when set; the held-out GGT test gave 0.965 / 0.808).
GENDER_GOLD = "data/gender/ggt-dev.jsonl"
GENDER_FLOORS: dict[str, float] = {"accuracy": 0.97, "coverage": 0.89}


#: Direct and mixed quotations of the invented hard-case news (data/news, its dev half; fast mode, the GGT
#: conventions: scope quotes, the cue word), counted as a Quotebank-style user reads them (--types direct,mixed).
#: Session 30 raised every news set's floors to its end figures and added content exact (the quoted words' own
#: extent: "called X “…”" read from the thing named, a content ended by the cue's tense or the writer's aside).
NEWS_GOLD = "data/news/dev.jsonl"
NEWS_FLOORS: dict[str, float] = {
    "content_overlap": 0.984, "content_exact": 0.929, "end_to_end": 0.967, "speaker_accuracy": 0.983}
NEWS_TYPES = frozenset({"direct", "mixed"})
#: The dev half of the second set of invented news (data/news2: wire and newspaper copy where the speaker is the
#: hard part), scored as data/news.
NEWS2_GOLD = "data/news2/dev.jsonl"
NEWS2_FLOORS: dict[str, float] = {
    "content_overlap": 0.987, "content_exact": 0.872, "end_to_end": 0.962, "speaker_accuracy": 0.974}
#: The dev half of the third set of invented news (data/news3: written blind in session 14, weighted to the
#: classes real news showed: British single marks, speeches over paragraphs, partial quotations, groups and
#: documents, particles and role words in names, quotation after quotation), scored as data/news.
NEWS3_GOLD = "data/news3/dev.jsonl"
NEWS3_FLOORS: dict[str, float] = {
    "content_overlap": 0.975, "content_exact": 0.867, "end_to_end": 0.934, "speaker_accuracy": 0.957}
#: The dev half of the fourth set of invented news (data/news4: written blind in session 15, weighted to who
#: speaks: roles and relations after a first mention, pronouns among several people, particles, joined speakers,
#: documents), scored as data/news.
NEWS4_GOLD = "data/news4/dev.jsonl"
# (session 23, con23: overlap 0.934 -> 0.958, e2e 0.867 -> 0.880; speaker accuracy 0.929 -> 0.918, 144/155 ->
# 146/159: four more quotations matched, two of them with the speakers their false predictions already had wrong;
# the floor follows the ratio)
NEWS4_FLOORS: dict[str, float] = {
    "content_overlap": 0.972, "content_exact": 0.803, "end_to_end": 0.906, "speaker_accuracy": 0.931}
#: The dev half of the sixth set of invented news (data/news6: written blind in session 21, long everyday copy with
#: many speakers: roles and relations long after a first mention, families, documents), scored as data/news.
NEWS6_GOLD = "data/news6/dev.jsonl"
NEWS6_FLOORS: dict[str, float] = {
    "content_overlap": 0.976, "content_exact": 0.926, "end_to_end": 0.937, "speaker_accuracy": 0.960}
#: The dev half of the seventh set of invented news (data/news7: written blind in session 22, one outlet form an
#: article: wire copy, a live blog, a Q&A, an obituary, a court report, an earnings call ...), scored as data/news
#: (session 23 start: 0.956 / 0.830 / 0.866).
NEWS7_GOLD = "data/news7/dev.jsonl"
NEWS7_FLOORS: dict[str, float] = {
    "content_overlap": 0.984, "content_exact": 0.847, "end_to_end": 0.940, "speaker_accuracy": 0.954}
#: The dev half of the eighth set of invented news (data/news8: written blind in session 23, the daily report in the
#: house styles of outlets of many countries and beats), scored as data/news (session 24 start: 0.966 / 0.828 /
#: 0.854).
NEWS8_GOLD = "data/news8/dev.jsonl"
# (session 28: 0.966 / 0.912 / 0.943: "Cpl." kept one token)
NEWS8_FLOORS: dict[str, float] = {
    "content_overlap": 0.966, "content_exact": 0.848, "end_to_end": 0.912, "speaker_accuracy": 0.943}
#: The dev half of the ninth set of invented news (data/news9: written blind in session 24, the everyday report of
#: the big English-language outlets), scored as data/news (session 25 start: 0.945 / 0.784 / 0.820).
NEWS9_GOLD = "data/news9/dev.jsonl"
NEWS9_FLOORS: dict[str, float] = {
    "content_overlap": 0.955, "content_exact": 0.827, "end_to_end": 0.865, "speaker_accuracy": 0.900}
#: The dev half of the tenth set (data/news10: written blind in session 25, local and regional news and the web's
#: everyday copy), scored as data/news (session 25 start and end: 0.964 / 0.911 / 0.942).
NEWS10_GOLD = "data/news10/dev.jsonl"
NEWS10_FLOORS: dict[str, float] = {
    "content_overlap": 0.970, "content_exact": 0.898, "end_to_end": 0.934, "speaker_accuracy": 0.961}
#: The dev half of the eleventh set (data/news11: written blind in session 26, public affairs where people are named
#: by their office and bodies speak), scored as data/news (session 26 start 0.957 / 0.778 / 0.806, end 0.957 /
#: 0.790 / 0.819; a tuning set in session 27: 0.957 / 0.859 / 0.894).
NEWS11_GOLD = "data/news11/dev.jsonl"
NEWS11_FLOORS: dict[str, float] = {
    "content_overlap": 0.962, "content_exact": 0.881, "end_to_end": 0.881, "speaker_accuracy": 0.913}
#: The dev half of the twelfth set (data/news12: written blind in session 27, features, business, courts, sport and
#: the forms that vary most between outlets), scored as data/news (session 27 start 0.981 / 0.752 / 0.766, end
#: 0.981 / 0.769 / 0.783; a tuning set in session 28: 0.981 / 0.930 / 0.949).
NEWS12_GOLD = "data/news12/dev.jsonl"
NEWS12_FLOORS: dict[str, float] = {
    "content_overlap": 0.981, "content_exact": 0.902, "end_to_end": 0.963, "speaker_accuracy": 0.982}
#: The dev half of the thirteenth set (data/news13: written blind in session 28, public broadcasters' and local
#: stations' web copy in the present tense), scored as data/news (session 28 start 0.983 / 0.832 / 0.845, end
#: 0.983 / 0.849 / 0.862; a tuning set in session 29: 0.983 / 0.911 / 0.925 at the end of session 30).
NEWS13_GOLD = "data/news13/dev.jsonl"
NEWS13_FLOORS: dict[str, float] = {
    "content_overlap": 0.983, "content_exact": 0.949, "end_to_end": 0.910, "speaker_accuracy": 0.925}
#: The dev half of the fourteenth set (data/news14: written blind in session 30, exchanges: trials, hearings,
#: briefings and post-match interviews, quotation after quotation), scored as data/news (session 30 start, i.e.
#: session 28's end code: 0.981 / 0.828 / 0.841; end 0.981 / 0.834 / 0.847; a tuning set in session 31: 0.986 /
#: 0.921 / 0.932).
NEWS14_GOLD = "data/news14/dev.jsonl"
NEWS14_FLOORS: dict[str, float] = {
    "content_overlap": 0.986, "content_exact": 0.894, "end_to_end": 0.921, "speaker_accuracy": 0.931}
#: The dev half of the fifteenth set (data/news15: written blind in session 31, institutions, groups and documents
#: that speak, and relays), scored as data/news (session 31 start, i.e. session 30's end code, and end: 0.990 /
#: 0.812 / 0.800, unchanged; a tuning set in session 32: 0.993 / 0.927 / 0.926, content exact 0.772 -> 0.769 with
#: one more statement found whose content is not exact).
NEWS15_GOLD = "data/news15/dev.jsonl"
NEWS15_FLOORS: dict[str, float] = {
    "content_overlap": 0.993, "content_exact": 0.769, "end_to_end": 0.927, "speaker_accuracy": 0.926}
#: The dev half of the sixteenth set (data/news16: written blind in session 32, science, health and technology
#: desks, obituaries and profiles), scored as data/news (session 32 start, i.e. session 31's end code: 0.975 / 0.828
#: / 0.845; a tuning set in session 32: 0.984 / 0.923 / 0.936).
NEWS16_GOLD = "data/news16/dev.jsonl"
NEWS16_FLOORS: dict[str, float] = {
    "content_overlap": 0.984, "content_exact": 0.874, "end_to_end": 0.923, "speaker_accuracy": 0.936}
#: The dev half of the seventeenth set (data/news17: written blind in session 33, live blogs, wires and conflict
#: reporting, sport off the field, opinion and analysis, crime and courts), scored as data/news (session 33 start,
#: i.e. session 32's end code: 0.976 / 0.864 / 0.873; a tuning set in session 33: 0.979 / 0.917 / 0.929).
NEWS17_GOLD = "data/news17/dev.jsonl"
NEWS17_FLOORS: dict[str, float] = {
    "content_overlap": 0.979, "content_exact": 0.805, "end_to_end": 0.916, "speaker_accuracy": 0.929}
#: The dev half of the real saved news pages (data/realnews: offsets and speakers only, the text read from
#: ../shared/data/html at run time), scored as data/news.
REALNEWS_GOLD = "data/realnews/dev.jsonl"
# (speaker accuracy 0.980 -> 0.977 in session 21: 301/307 -> 304/311, three more right speakers among four more
# matched quotations; the floor follows the ratio)
REALNEWS_FLOORS: dict[str, float] = {"content_overlap": 0.939, "end_to_end": 0.925, "speaker_accuracy": 0.983}


def below_floors(report: EvalReport, floors: Mapping[str, float], *, epsilon: float = EPSILON) -> list[str]:
    """One message per metric whose F1 (or accuracy) is under its floor minus ``epsilon`` (or that the report
    lacks)."""
    failures = []
    for metric, floor in floors.items():
        try:
            value = report.value(metric)
        except KeyError:
            failures.append(f"{metric}: not computed for {report.path}")
            continue
        if value < floor - epsilon:
            kind = "F1" if metric in report.scores.metrics else "accuracy"
            failures.append(f"{metric}: {kind} {value:.4f} < floor {floor:.4f} - {epsilon} on {report.path}")
    return failures


__all__ = ["EPSILON", "FAMILIES_FLOORS", "FAMILIES_GOLD", "GATES", "GENDER_FLOORS", "GENDER_GOLD", "NEWS2_FLOORS",
           "NEWS2_GOLD", "NEWS3_FLOORS", "NEWS3_GOLD", "NEWS4_FLOORS", "NEWS4_GOLD", "NEWS6_FLOORS", "NEWS6_GOLD",
           "NEWS7_FLOORS", "NEWS7_GOLD", "NEWS8_FLOORS", "NEWS8_GOLD", "NEWS9_FLOORS", "NEWS9_GOLD", "NEWS10_FLOORS",
           "NEWS10_GOLD", "NEWS11_FLOORS", "NEWS11_GOLD", "NEWS12_FLOORS", "NEWS12_GOLD", "NEWS13_FLOORS",
           "NEWS13_GOLD", "NEWS14_FLOORS", "NEWS14_GOLD", "NEWS15_FLOORS", "NEWS15_GOLD", "NEWS16_FLOORS",
           "NEWS16_GOLD", "NEWS17_FLOORS", "NEWS17_GOLD", "NEWS_FLOORS", "NEWS_GOLD", "NEWS_TYPES", "PROVENANCE_FLOORS",
           "PROVENANCE_GOLD", "REALNEWS_FLOORS", "REALNEWS_GOLD", "Gate", "below_floors"]
