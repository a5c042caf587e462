"""Quote families: one quotation carried by many articles, often changed on the way, grouped with a single root.

A family is found the way MemeTracker (Leskovec, Backstrom & Kleinberg, KDD 2009) found phrase clusters: versions
of a quotation share long runs of words, and a shorter version is mostly contained in a longer one.

1. Every quotation is reduced to its words (lowercase, apostrophes dropped, number words one to twenty as digits);
   equal word sequences are one *text*.
2. Candidate pairs come from shared runs of :data:`SHINGLE` words, counted in DuckDB (a self-join of the shingle
   table, shingles that many texts share left out), never from all pairs.
3. A candidate pair is kept when most of the shorter text's words appear, in order and close together, in the
   longer one (an LCS alignment, :func:`contained`).
4. Texts are taken longest first; each joins the family of a kept neighbour whose longest text (the family's
   *spine*) contains it too, or starts a family. So every member is checked against the fullest version, and a
   chain of small overlaps never joins two different quotations.
5. The root is the earliest appearance (then the fullest); each appearance is compared with it: ``identical``,
   ``truncated``, ``extended``, ``reworded``, or ``other part`` (another part of the same long quotation), and
   its **dangerous changes**: a negation lost or added, a number changed, another speaker credited.

Pure values in and out: :func:`quote_families` takes :class:`Appearance` values (from the store, a corpus run's
Parquet output or a gold file) and returns :class:`Family` values; :meth:`Family.to_claimreview` gives the
ClaimReview ``appearance``/``firstAppearance`` shape.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from rapidfuzz.distance import Indel

from onrecord.lexicon.en import NUMBER_VALUES, QUOTE_NEGATIONS, QUOTE_NUMBER_WORDS

#: Words in a shingle: a candidate pair shares a run of this many words.
SHINGLE = 4
#: The fewest words a quotation needs to be placed in a family (shorter ones are catch-phrases, not utterances).
MIN_WORDS = 4
#: The share of the shorter text's words that the longer one must contain, in order.
CONTAINMENT = 0.75
#: The share of the longer text's aligned stretch that those words fill (they must sit close together).
DENSITY = 0.6
#: Below this many words, a shorter version must match the longer one at both of its ends (only a word inside
#: may differ): "cannot come into this country" is not a version of "... inspired to come into this country".
SHORT = 10
#: Two versions that share a run of this many words in a row are one quotation even when neither holds most of
#: the other: outlets cut a speech into sentences at different places ("S1 S2 S3" and "S3 S4").
RUN = 10
#: The most words either side of a gap between two aligned runs may hold for the gap to be read for a lost or
#: added negation or a changed number (a longer gap is rewording, not a swapped word).
GAP = 3
#: A shingle shared by more texts than this is a stock phrase ("at the end of the day"), not evidence.
COMMON = 200

Change = Literal["identical", "truncated", "extended", "reworded", "other part"]
DangerKind = Literal["negation", "number", "speaker"]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_POSSESSIVE = re.compile(r"(?<=[^\W_])['’‘`´]s?(?![^\W_])")  # "ISIS's", "ISIS’" -> "ISIS"
_APOSTROPHES = re.compile(r"(?<=[^\W_])['’‘`´](?=[^\W_])")
# number words to twenty as digits ("one" is more often a pronoun than a count)
_SMALL = {w: str(v) for w, v in NUMBER_VALUES.items() if v <= 20 and w != "one"}


def words(text: str) -> tuple[str, ...]:
    """The words of a quotation as families compare them: casefolded, accents kept, apostrophes inside a word
    dropped ("don't" -> "dont") and a possessive's ending too ("Lind's" -> "lind"), number words to twenty as
    digits ("twelve" -> "12")."""
    text = _APOSTROPHES.sub("", _POSSESSIVE.sub("", unicodedata.normalize("NFKC", text).casefold()))
    return tuple(_SMALL.get(w, w) for w in _WORD.findall(text))


@dataclass(frozen=True, slots=True)
class Appearance:
    """One quotation in one article: the quoted words and where, when and by whom they were carried."""

    key: str  # stable id: "a123.0" (attribution 123, quoted part 0) in the store
    text: str
    speaker: str | None = None  # the speaker the article credits
    outlet: str | None = None
    published: str | None = None  # ISO date
    url: str | None = None
    doc_id: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k in self.__dataclass_fields__ if (v := getattr(self, k)) is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Appearance:
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__})  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Danger:
    """A change between the root and a version that alters what was said: ``root`` and ``variant`` are the words
    each has where they differ ("not" / "", "12" / "20", "Ana Lind" / "Ivo Tarn")."""

    kind: DangerKind
    root: str
    variant: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "root": self.root, "variant": self.variant}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Danger:
        return cls(data["kind"], data.get("root", ""), data.get("variant", ""))

    def describe(self) -> str:
        if self.kind == "negation":
            how = "lost" if self.root and not self.variant else "added" if self.variant and not self.root else "changed"
            return f"negation {how}: “{self.root or '—'}” → “{self.variant or '—'}”"
        if self.kind == "number":
            return f"number changed: {self.root or '—'} → {self.variant or '—'}"
        return f"credited to {self.variant or 'no one'}, not {self.root}"


@dataclass(frozen=True, slots=True)
class Variant:
    """An appearance in its family, compared with the root."""

    appearance: Appearance
    changes: tuple[Change, ...] = ()
    dangerous: tuple[Danger, ...] = ()
    similarity: float = 1.0  # the share of the shorter version's words the other holds, in order

    def to_dict(self) -> dict[str, Any]:
        return {**self.appearance.to_dict(), "changes": list(self.changes),
                "dangerous": [d.to_dict() for d in self.dangerous], "similarity": round(self.similarity, 3)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Variant:
        return cls(Appearance.from_dict(data), tuple(data.get("changes") or ()),
                   tuple(Danger.from_dict(d) for d in data.get("dangerous") or ()), float(data.get("similarity", 1.0)))


@dataclass(frozen=True, slots=True)
class Family:
    """The appearances of one quotation: the root first, then the others by date."""

    root: Appearance
    members: tuple[Variant, ...] = field(default=())  # every appearance, the root's own first
    speaker: str | None = None  # who most appearances credit (the root's on a tie): what a changed speaker is

    @property
    def id(self) -> str:
        return self.root.key

    @property
    def size(self) -> int:
        return len(self.members)

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.appearance.outlet for m in self.members if m.appearance.outlet))

    @property
    def dangerous(self) -> tuple[Variant, ...]:
        return tuple(m for m in self.members if m.dangerous)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.root.text, "speaker": self.speaker, "size": self.size,
                "outlets": list(self.outlets), "dangerous": len(self.dangerous), "root": self.root.to_dict(),
                "members": [m.to_dict() for m in self.members]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Family:
        return cls(Appearance.from_dict(data["root"]), tuple(Variant.from_dict(m) for m in data.get("members") or ()),
                   data.get("speaker"))

    def to_claimreview(self) -> dict[str, Any]:
        """The family as a schema.org ``Claim`` (what ClaimReview's ``itemReviewed`` holds): its text, author,
        ``firstAppearance`` and every ``appearance``, each with onrecord's comparison with the root."""

        def work(v: Variant) -> dict[str, Any]:
            a = v.appearance
            out: dict[str, Any] = {"@type": "CreativeWork", "identifier": a.key, "text": a.text}
            if a.url:
                out["url"] = a.url
            if a.title:
                out["headline"] = a.title
            if a.published:
                out["datePublished"] = a.published
            if a.outlet:
                out["publisher"] = {"@type": "Organization", "name": a.outlet}
            if a.speaker:
                out["creditedTo"] = a.speaker
            out["changes"] = list(v.changes)
            out["dangerousChanges"] = [d.to_dict() for d in v.dangerous]
            return out

        claim: dict[str, Any] = {"@context": "https://schema.org", "@type": "Claim", "identifier": self.id,
                                 "text": self.root.text, "firstAppearance": work(self.members[0]),
                                 "appearance": [work(m) for m in self.members]}
        if self.speaker:
            claim["author"] = {"@type": "Person", "name": self.speaker}
        return claim


# --- alignment ------------------------------------------------------------------------------------------------


def _aligned(a: Sequence[str], b: Sequence[str]) -> list[Any]:
    """The runs of words ``a`` and ``b`` share, in order (the equal blocks of their LCS alignment)."""
    return [op for op in Indel.opcodes(a, b) if op.tag == "equal"]


def contained(short: Sequence[str], long: Sequence[str], blocks: list[Any] | None = None) -> float:
    """How much of ``short`` sits in ``long``: the share of its words on an in-order alignment (LCS), 0.0 when
    those words are spread thin over ``long`` (they must fill :data:`DENSITY` of the stretch they span), or when
    ``short`` has under :data:`SHORT` words and its first or last word is not on the alignment. ``blocks``: their
    alignment (:func:`_aligned`) when already made."""
    if not short or not long:
        return 0.0
    blocks = _aligned(short, long) if blocks is None else blocks
    matched: int = sum(op.src_end - op.src_start for op in blocks)
    if not matched:
        return 0.0
    stretch: int = blocks[-1].dest_end - blocks[0].dest_start
    if matched / stretch < DENSITY:
        return 0.0
    if len(short) < SHORT and (blocks[0].src_start > 0 or blocks[-1].src_end < len(short)):
        return 0.0
    return matched / len(short)


def longest_run(a: Sequence[str], b: Sequence[str], blocks: list[Any] | None = None) -> int:
    """The longest run of words ``a`` and ``b`` share in a row (on their in-order alignment)."""
    return int(max((op.src_end - op.src_start for op in (_aligned(a, b) if blocks is None else blocks)), default=0))


def same_quotation(a: Sequence[str], b: Sequence[str], *, containment: float = CONTAINMENT) -> float:
    """How surely ``a`` and ``b`` are versions of one quotation: the containment of the shorter in the longer
    (:func:`contained`), or :data:`CONTAINMENT` when they share a run of :data:`RUN` words; 0.0 when neither.
    One alignment serves both tests."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return 0.0
    blocks = _aligned(short, long)
    score = contained(short, long, blocks)
    if score >= containment:
        return score
    return containment if longest_run(short, long, blocks) >= RUN else 0.0


def _is_number(word: str) -> bool:
    return word[:1].isdigit() or word in QUOTE_NUMBER_WORDS


def _same_person(a: str, b: str) -> bool:
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return True
    return wa[-1] == wb[-1] or set(wa) <= set(wb) or set(wb) <= set(wa)


def compare(root: Sequence[str], other: Sequence[str]) -> tuple[tuple[Change, ...], tuple[Danger, ...], float]:
    """How ``other`` differs from ``root`` (both word sequences): the changes, the dangerous word changes
    (negation, number; the speaker is compared by the caller), and the similarity."""
    if tuple(root) == tuple(other):
        return ("identical",), (), 1.0
    ops = list(Indel.opcodes(root, other))
    equal = [i for i, op in enumerate(ops) if op.tag == "equal"]
    matched = sum(ops[i].src_end - ops[i].src_start for i in equal)
    similarity = round(matched / min(len(root), len(other)), 3) if root and other else 0.0
    if not equal or similarity < 0.5:
        return ("other part",), (), similarity
    changes: list[Change] = []
    first, last = equal[0], equal[-1]
    lead, tail = ops[:first], ops[last + 1:]
    if any(op.tag == "delete" for op in (*lead, *tail)):
        changes.append("truncated")
    if any(op.tag == "insert" for op in (*lead, *tail)):
        changes.append("extended")
    # the words each side has between two aligned runs; only a small gap (a word or a few swapped) is read for a
    # dangerous change: a long one is rewording, where a "not" on one side need not answer to anything on the other
    gaps: list[tuple[list[str], list[str]]] = []
    for k in range(len(equal) - 1):
        lost: list[str] = []
        gained: list[str] = []
        for op in ops[equal[k] + 1 : equal[k + 1]]:
            if op.tag == "delete":
                lost.extend(root[op.src_start:op.src_end])
            else:
                gained.extend(other[op.dest_start:op.dest_end])
        gaps.append((lost, gained))
    if gaps:
        changes.append("reworded")
    dangers: list[Danger] = []
    small = [(lost, gained) for lost, gained in gaps if len(lost) <= GAP and len(gained) <= GAP]
    neg_lost = [w for lost, _ in small for w in lost if w in QUOTE_NEGATIONS]
    neg_gained = [w for _, gained in small for w in gained if w in QUOTE_NEGATIONS]
    if len(neg_lost) != len(neg_gained):
        dangers.append(Danger("negation", " ".join(neg_lost), " ".join(neg_gained)))
    num_lost = [w for lost, _ in small for w in lost if _is_number(w)]
    num_gained = [w for _, gained in small for w in gained if _is_number(w)]
    if sorted(num_lost) != sorted(num_gained):
        dangers.append(Danger("number", " ".join(num_lost), " ".join(num_gained)))
    return tuple(changes), tuple(dangers), similarity


# --- candidate pairs ------------------------------------------------------------------------------------------


def candidate_pairs(texts: Sequence[Sequence[str]], *, shingle: int = SHINGLE, common: int = COMMON,
                    min_share: float = 0.3, memory_limit: str = "1GB") -> list[tuple[int, int]]:
    """Pairs of texts (indices, the first the smaller) that share at least ``min_share`` of the shorter one's
    shingles, or as many as a run of :data:`RUN` words holds (and at least one); a shingle in more than
    ``common`` texts is left out. Counted in DuckDB."""
    if len(texts) < 2:
        return []
    import duckdb  # (here: importing this module for its values loads neither)
    import pyarrow as pa

    table = pa.table({"d": pa.array(range(len(texts)), pa.int64()),
                      "t": pa.array([" ".join(t) for t in texts], pa.string())})
    # a bounded memory (what does not fit spills to a temporary folder), the machine's cores
    con = duckdb.connect(config={"memory_limit": memory_limit})
    try:
        con.register("q", table)
        con.execute(f"""
            CREATE TEMP TABLE sh AS
            SELECT DISTINCT d, hash(array_to_string(w[i : i + {shingle - 1}], ' ')) AS h
            FROM (SELECT d, w, unnest(range(1, greatest(len(w) - {shingle} + 2, 2))) AS i
                  FROM (SELECT d, string_split(t, ' ') AS w FROM q))""")
        con.execute("CREATE TEMP TABLE n AS SELECT d, count(*) AS n FROM sh GROUP BY d")
        con.execute(f"""CREATE TEMP TABLE keep AS SELECT h FROM sh GROUP BY h
                        HAVING count(*) BETWEEN 2 AND {int(common)}""")
        rows = con.execute(f"""
            SELECT x, y FROM (
                SELECT a.d AS x, b.d AS y, count(*) AS shared
                FROM sh a JOIN keep USING (h) JOIN sh b ON a.h = b.h AND a.d < b.d
                GROUP BY a.d, b.d) p
            JOIN n nx ON nx.d = p.x JOIN n ny ON ny.d = p.y
            WHERE shared >= greatest(1, least({float(min_share)} * least(nx.n, ny.n), {RUN - shingle + 1}))
            ORDER BY x, y""").fetchall()
    finally:
        con.close()
    return [(int(x), int(y)) for x, y in rows]


# --- families -------------------------------------------------------------------------------------------------


def _order_key(a: Appearance, length: int) -> tuple[str, int, str]:
    return (a.published or "9999", -length, a.key)


def group_texts(texts: Sequence[Sequence[str]], pairs: Iterable[tuple[int, int]], *,
                containment: float = CONTAINMENT) -> list[list[int]]:
    """Texts into families, longest first: a text joins the family of a verified neighbour when that family's
    spine (its longest text) contains it too; otherwise it starts one."""
    neighbours: dict[int, set[int]] = {}
    for x, y in pairs:
        if same_quotation(texts[x], texts[y], containment=containment) >= containment:
            neighbours.setdefault(x, set()).add(y)
            neighbours.setdefault(y, set()).add(x)
    family_of: dict[int, int] = {}
    spines: list[int] = []
    for t in sorted(neighbours, key=lambda i: (-len(texts[i]), texts[i])):
        best, best_score = None, 0.0
        for f in {family_of[n] for n in neighbours[t] if n in family_of}:
            spine = spines[f]
            score = same_quotation(texts[t], texts[spine], containment=containment)
            if score < containment:
                # a fragment of a member (a longer version already checked against the spine) is part of the
                # same quotation: "S4" of a member "S3 S4" that joined the spine "S1 S2 S3" by their shared run
                score = max((contained(texts[t], texts[n]) for n in neighbours[t]
                             if family_of.get(n) == f and len(texts[n]) >= len(texts[t])), default=0.0)
            if score >= containment and score > best_score:
                best, best_score = f, score
        if best is None:
            family_of[t] = len(spines)
            spines.append(t)
        else:
            family_of[t] = best
    groups: list[list[int]] = [[] for _ in spines]
    for t, f in family_of.items():
        groups[f].append(t)
    return groups


def quote_families(appearances: Iterable[Appearance], *, min_words: int = MIN_WORDS, min_size: int = 2,
                   containment: float = CONTAINMENT, common: int = COMMON) -> list[Family]:
    """The families of these appearances with at least ``min_size`` members, the largest first.

    Appearances whose words are equal are one text; quotations under ``min_words`` words are left out."""
    text_of: dict[tuple[str, ...], int] = {}
    texts: list[tuple[str, ...]] = []
    by_text: list[list[Appearance]] = []
    vocabulary: dict[str, str] = {}  # one string per distinct word: a million quotations hold few distinct words
    for a in appearances:
        w = tuple(vocabulary.setdefault(x, x) for x in words(a.text))
        if len(w) < min_words:
            continue
        i = text_of.setdefault(w, len(texts))
        if i == len(texts):
            texts.append(w)
            by_text.append([])
        by_text[i].append(a)
    groups = group_texts(texts, candidate_pairs(texts, common=common), containment=containment)
    grouped = {t for g in groups for t in g}
    # equal texts with no other version still make a family when carried more than once
    groups.extend([t] for t in range(len(texts)) if t not in grouped and len(by_text[t]) > 1)
    families = [_family(texts, by_text, g) for g in groups]
    families = [f for f in families if f.size >= min_size]
    families.sort(key=lambda f: (-f.size, f.root.published or "9999", f.id))
    return families


def _family(texts: Sequence[tuple[str, ...]], by_text: Sequence[Sequence[Appearance]], group: Sequence[int]) -> Family:
    members = [(a, t) for t in group for a in by_text[t]]
    members.sort(key=lambda m: _order_key(m[0], len(texts[m[1]])))
    root, root_text = members[0]
    # each article votes once for who said it (one article quoting the words twice is one credit)
    seen: set[tuple[str | None, ...]] = set()
    votes: list[str | None] = []
    for a, _ in members:
        article = (a.doc_id, a.url, a.outlet, a.published, a.title)
        if article not in seen:
            seen.add(article)
            votes.append(a.speaker)
    speaker = credited(votes)
    compared: dict[int, tuple[tuple[Change, ...], tuple[Danger, ...], float]] = {}
    variants: list[Variant] = []
    for a, t in members:
        if t not in compared:
            compared[t] = compare(texts[root_text], texts[t])
        changes, dangers, similarity = compared[t]
        if speaker and a.speaker and not _same_person(speaker, a.speaker):
            dangers = (*dangers, Danger("speaker", speaker, a.speaker))
        variants.append(Variant(a, changes, dangers, similarity))
    return Family(root, tuple(variants), speaker)


def credited(speakers: Sequence[str | None]) -> str | None:
    """Who a family's appearances credit (in date order, the root's first): the person most of them name (a
    surname counts for its full name: "Lind" and "Ana Lind" are one), the earliest on a tie, named as fully as any
    of them names them. One outlet crediting someone else is then the change, not the others."""
    named = [s for s in speakers if s]
    if not named:
        return None
    votes = [sum(1 for o in named if _same_person(s, o)) for s in named]
    best = max(range(len(named)), key=lambda i: (votes[i], -i))
    return max((o for o in named if _same_person(named[best], o)), key=lambda o: (len(o.split()), -named.index(o)))


__all__ = [
    "CONTAINMENT",
    "MIN_WORDS",
    "SHINGLE",
    "Appearance",
    "Danger",
    "Family",
    "Variant",
    "candidate_pairs",
    "compare",
    "contained",
    "group_texts",
    "longest_run",
    "quote_families",
    "same_quotation",
    "words",
]
