"""Concessions: a statement that marks a change of position, in the speaker's words or the reporter's.

News writes a reversal in words of its own as often as in the same predicate turned over: the reporter says the
speaker "conceded", "admitted" or "apologised", and the speaker says "I was wrong", "we are sorry" or "I had been
misinformed". The new claim is then often worded nothing like the old one ("the ward is fully staffed" / "we were
short-staffed on some nights, and I was wrong to say otherwise"), so the flags rules, which compare predicates,
miss it. :func:`conceding` marks such statements (``Claim.concedes``: the words that mark them); the
``flags.conceded`` rule (:mod:`onrecord.provenance.flags`) pairs a marked statement with what the same speaker
said on the matter in an earlier article.

A statement concedes when:

- its own cue is a conceding verb ("Lind conceded that the ward was short of staff");
- its words say, of the speaker, that they were wrong, sorry or misled ("I was wrong to blame tenants", "we
  apologise", "she had been misinformed"), not negated ("I have done nothing wrong" concedes nothing) and not
  under a condition ("if those figures were massaged, I was wrong" concedes nothing yet);
- the sentence before it is the reporter's and says the speaker conceded, admitted or apologised, the speaker its
  subject by name or as he or she ("Lind apologised. “Some patients waited too long,” she said.").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.arrays import ids, positions, token_arrays
from onrecord.lexicon import load
from onrecord.provenance.asserted import asked
from onrecord.provenance.pairs import firm
from onrecord.provenance.parties import same_person
from onrecord.provenance.stance import NEGATORS
from onrecord.provenance.values import Flag, Statement

_EN = load("en")
#: Verbs with which a speaker, or the reporter of a speaker, grants having been wrong before.
CONCEDING_VERBS = _EN.words("conceding_verbs")
#: Verbs with which a speaker grants a point in passing ("acknowledged that the budget was tight"): they concede only
#: what shares their predicate (:func:`link`).
GRANTING_VERBS = _EN.words("granting_verbs")
_MARKING = CONCEDING_VERBS | GRANTING_VERBS
#: Words with which speakers say, of themselves, that they were wrong, sorry or misled.
ADMITTING_WORDS = _EN.words("admitting_words")
#: Verbs of saying with which a reporter recalls, in a clause of time, what a speaker said before.
RECALLED_VERBS = _EN.words("recalled_verbs")
SPEECH_VERBS = _EN.words("speech_verbs")
#: The subjects that are the speaker in their own words ("I", "we") or in the reporter's ("he", "she").
_SELF = frozenset({"i", "we", "he", "she"})
_VERB = ids("VERB")[0]
#: The concept a conceded reversal is grouped under: one concession, one flag, whatever the pairs share.
CONCEDED = "conceded"


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in (*tok.children, tok))


def _subject(tok: Token) -> Token | None:
    """The subject of the clause a word belongs to: its own, or that of the first word above it that has one, within
    its clause and at most three steps up ("I was wrong", "she had been misinformed", "he had been given wrong
    information")."""
    for _ in range(4):
        found = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if found is not None or tok.dep_ in ("ROOT", "ccomp", "advcl", "relcl", "conj") or tok.head is tok:
            return found
        tok = tok.head
    return None


def _held_wrong(tok: Token) -> Token | None:
    """The subject of "have" or "get" when a word of admission closes its object ("I had the date of the meeting
    wrong", "we got that wrong"; not "I had the wrong figure", where it describes the object)."""
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() not in ("have", "get") or tok.dep_ == "amod":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if tok.head is not verb and (obj is None or tok.i != obj.right_edge.i):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _admits(tok: Token, recalled: bool = False) -> bool:
    """Does a word of admission speak of the speaker and stand un-negated ("I was wrong"; not "I have done
    nothing wrong", not "they were wrong"), or, after the speaker ``recalled`` their own words, of those words
    ("I said the gate was open. That was wrong"; not "That was wrong" with nothing recalled before it)?"""
    subject = _subject(tok) or _held_wrong(tok)
    if subject is None or subject.lower_ not in (_SELF | _BACK if recalled else _SELF):
        return False
    path = [tok]
    while path[-1] is not subject.head and path[-1].head is not path[-1] and len(path) < 5:
        path.append(path[-1].head)
    return not any(_negated(t) for t in path)


def _about(tok: Token) -> int:
    """Where an admission's words end: with what it says it is about, when it names it ("I was wrong about the
    timetable", "sorry for the delays", "wrong to blame the tenants"; not "wrong to say so": the speaker's words
    before are what it is about), else with the word itself."""
    for c in tok.children:
        named = (c.dep_ == "prep" and c.lower_ in ("about", "for", "over", "on")) or (
            c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_.lower() not in SPEECH_VERBS)
        if named and c.right_edge.i - tok.i <= 8:
            return c.right_edge.i
    return tok.i


def _names(subject: Token, person: str) -> bool:
    if subject.lower_ in ("he", "she"):
        return True
    words = {t.text for t in subject.subtree}
    return any(w in words for w in person.replace("-", " ").split() if len(w) > 2 and w[:1].isupper())


def _reporter_says(sent: Span, person: str, content: Span, *, own: bool = False) -> str | None:
    """The words of a reporter's sentence that mark the speaker's change of position: a conceding verb whose
    subject is the speaker ("Lind apologised."; not in the statement's ``own`` sentence, where the cue says it), or
    a clause of time recalling what the speaker, or a role without a name, said before ("seven weeks after she told
    reporters the plant would stay open", "days after its director said ...": the whole clause, which the earlier
    statement must share a noun with, see :func:`recalls`), the statement's words not inside it, if any."""
    verbs = token_arrays(sent.doc).pos[sent.start : sent.end] == _VERB  # (only a verb passes the first test)
    for tok in (sent.doc[sent.start + k] for k in positions(verbs)):
        if content.start <= tok.i < content.end or tok.pos_ != "VERB" or _negated(tok):
            continue
        lemma = tok.lemma_.lower()
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        if lemma in _MARKING and not own and _names(subject, person):
            return tok.text
        after = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ == "after"), None)
        if lemma in RECALLED_VERBS and after is not None and any(c.dep_ == "npadvmod" for c in tok.children) and (
                _names(subject, person) or (subject.pos_ == "NOUN" and not any(
                    t.pos_ == "PROPN" for t in subject.subtree))):
            clause = sent.doc[after.i:tok.right_edge.i + 1]
            if not (clause.start <= content.start < clause.end):  # (the recalled words are the earlier position)
                return clause.text
    return None


def _stem(word: str) -> str:
    """A word without its ending, to match a verb's forms in a reporter's words ("closing", "closed", "close")."""
    word = word.lower()
    return re.sub(r"(?:ing|ed|es|s|d)$", "", word) if len(word) > 4 else word


def _recalled(a: Statement, clause: str) -> int:
    """How surely ``a`` is the statement a reporter's clause recalls ("after she told reporters the depot would stay
    open"): 2 a word that gives one of its predicates its sign ("stay open", "intact") and what the predicate is
    said of ("the depot") are in the clause, 1 the word only, 0 not the word."""
    said = {_stem(w) for w in re.findall(r"[\w'-]+", clause)}
    if not any(_stem(w.split()[-1]) in said for _, w in a.claim.words if w.strip()):
        return 0
    return 2 if {_stem(h) for h in _heads(a)} & said else 1


def _admitted(words: str) -> tuple[str, list[str]]:
    """The word of admission in a concession's words ("wrong") and the words after it ("about", "the",
    "timetable")."""
    said = re.findall(r"[\w'-]+", words.lower())
    at = next((i for i, w in enumerate(said) if w in ADMITTING_WORDS), len(said))
    return (said[at] if at < len(said) else ""), said[at + 1:]


def _denied_before(a: Statement, admitted: str) -> bool:
    """Did ``a`` deny the very thing the speaker now admits ("I have done nothing wrong" / "I did wrong")?"""
    return bool(admitted) and re.search(
        rf"\b(?:not|never|nothing|no|n't)\W+(?:\w+\W+){{0,2}}{re.escape(admitted)}\b", a.text.lower()) is not None


def _names_what(a: Statement, b: Statement, after: list[str]) -> bool:
    """Does ``a`` name what an admission says it is about ("wrong about the timetable": the timetable), if it
    names a thing of its statement at all?"""
    things = {_stem(w) for w in after} & {_stem(k) for k in b.claim.keys}
    return not things or bool(things & {_stem(k) for k in a.claim.keys})


#: The forms of the recalled verbs a speaker recalls their own words with ("I said", "we told the town that").
_RECALLING = frozenset({f"{v}{end}" for v in RECALLED_VERBS for end in ("", "d", "ed")} | {"said", "told"})
#: Words that point back at what the speaker has just recalled saying ("I said every door was open. That was wrong").
_BACK = frozenset({"that", "it", "this"})


def _recalls(said: list[str]) -> int | None:
    """Where the words a speaker recalls having said begin ("I said the gate was open", "we told the town in May
    that ..."), in a clause's words, if the speaker recalls any."""
    for i, w in enumerate(said[:-2]):
        if w in ("i", "we") and said[i + 1] in _RECALLING:
            return i + 2
    return None


def retracted(s: Statement) -> list[str]:
    """The words a concession takes back, when it quotes them ("I was wrong to say the players had never
    complained", "I was wrong that no bus was late": "the", "players", "had", "never", "complained"; "I said the
    depot would stay open. That was wrong": "the", "depot", "would", "stay", "open"), up to the end of their
    clause; else none."""
    clause = re.split(r"[;:—–.!?](?!\d)|\bbut\b", s.text.lower())
    for part in clause:
        said = _DETAIL_WORD.findall(part)
        at = next((i + 3 for i, w in enumerate(said[:-2]) if w in ADMITTING_WORDS and said[i + 1] == "to"
                   and said[i + 2] in RECALLED_VERBS), None)
        at = at or next((i + 2 for i, w in enumerate(said[:-2]) if w in ADMITTING_WORDS and said[i + 1] == "that"),
                        None)
        at = at or _recalls(said)
        if at is not None:
            return said[at:]
    return []


#: A word of a statement as a concession's detail is compared: a name's word or a number with its decimals.
_DETAIL_WORD = re.compile(r"[\w'-]+(?:\.\d+)?")


def gives_detail(s: Statement, detail: list[str]) -> bool:
    """Does the statement give every word of a detail a concession puts right (:func:`corrected`): is it the
    statement that concession corrects?"""
    return set(detail) <= set(_DETAIL_WORD.findall(s.text.lower()))


def corrected(s: Statement) -> list[str]:
    """The detail a concession puts right, when it names the wrong one after "not" ("it was the Tuesday, not the
    Monday", "March 10th, not March 3rd", "£13.40 an hour, not the £14.80 I gave"): the words of that detail, a
    name or a number (lower case); else none ("it was poisoned, not struck" corrects no detail of this kind)."""
    found = re.search(r",\s+not\s+(?:the\s+)?((?:[A-Z][\w'-]*|[£$€]?\d[\d,.]*\w*)(?:\s+\d\w*)?)", s.text)
    return _DETAIL_WORD.findall(found.group(1).lower()) if found else []


def _granted(words: str) -> bool:
    """Is a concession marked only by a verb that grants a point in passing ("acknowledged")?"""
    return any(words.lower().startswith(v[:-1]) for v in GRANTING_VERBS)


def _heads(s: Statement) -> set[str]:
    return {h for c, _ in s.claim.stances for h in firm(s.claim.heads_of(c))}


#: How surely a concession is tied to the earlier statement whose own words it gives back (:func:`link`).
QUOTED = 3
#: Words that count none ("nothing came"): a count, when a concession gives them back and counts anew.
_NONE = frozenset("nothing nobody none no".split())
#: Counted nouns that say nothing of what was counted ("two years", "a third").
_BARE_COUNTS = frozenset({"", "year", "month", "week", "day", "hour", "minute", "time", "percent"})


def _counts(s: Statement) -> dict[str, set[float]]:
    out: dict[str, set[float]] = {}
    for noun, value in s.claim.numbers:
        if noun not in _BARE_COUNTS:
            out.setdefault(noun, set()).add(value)
    return out


def quoted_back(a: Statement, b: Statement) -> str | None:
    """How the conceding statement ``b`` gives back ``a``'s own words, if it does: "said", a word that gives one
    of ``a``'s predicates its sign, or the predicate's concept, among the words ``b`` takes back ("I said the gate
    was open. That was wrong" / "the gate was open"; "I said nothing was leaking" / "there is no seepage");
    "count", a count of ``a``'s among them, whatever else is ("I said about 200 riders logged off" / "about 200
    riders had logged off"), another count of a thing ``a`` counted ("we had 94 stewards; I gave
    the wrong figure" / "we had 140 stewards"), or the detail ``b`` puts right after "not" ("it was the Tuesday,
    not the Monday" / "the kiln was lit on the Monday"): a changed number or detail, half a change by the flags'
    convention."""
    taken = retracted(b)
    stems = {_stem(w) for w in taken}
    counts_a, counts_b = _counts(a), _counts(b)
    if any(f"{v:g}" in taken and _stem(noun) in stems for noun, values in counts_a.items() for v in values):
        return "count"  # (before the predicate: "I said about 200 riders logged off. It was closer to 600")
    if any(_stem(w.split()[-1]) in stems or _stem(c) in stems for c, w in a.claim.words if w.strip()):
        # ("I was wrong that nothing came; two orders came late": none put right as a count)
        return "count" if _NONE & set(taken) and b.claim.numbers else "said"
    detail = corrected(b)
    if detail:  # (the concession names the wrong detail: it puts right the statement that gave it, no other count)
        return "count" if gives_detail(a, detail) else None
    return "count" if any(all(abs(x - y) > 0.1 * max(abs(x), abs(y)) for y in counts_b[noun])
                          for noun, values in counts_a.items() if noun in counts_b for x in values) else None


def link(a: Statement, b: Statement) -> int:
    """How surely an earlier statement ``a`` is what the conceding statement ``b`` concedes (``Claim.concedes``):

    - 3 (:data:`QUOTED`): ``b`` gives back ``a``'s own words, a count of ``a``'s, or the detail it puts right
      (:func:`quoted_back`); when ``b`` gives back words (three or more: "I said the radar went in when the farm
      was built") that are not ``a``'s, 0 whatever else they share;
    - 2: the words a reporter's clause recalls are ``a``'s, its predicate and what it is said of ("after she said
      the tanks were intact" / "the tanks are intact"; 1: its predicate only); ``a`` denied what ``b`` admits
      ("nothing wrong" / "I did wrong"); ``a``'s predicate is in the words ``b`` takes back ("No player has
      complained" / "I was wrong to say the players had never complained": :func:`retracted`); or both use one
      predicate concept ("no patient data was accessed" / "some data was accessed, and I am sorry"), or one side's
      predicate is the other's noun ("ended the waits" / "waited");
    - 1: a predicate of each is said of the same thing, a head noun of both ("the power was switched off" / "the
      line was carrying power");
    - 0: anything else, a noun of the story merely named on both sides included ("the depot will move" / "twelve
      buses were withdrawn, and I was wrong"). A point granted in passing ("acknowledged that the budget was
      tight") concedes only what shares its predicate."""
    words = b.claim.concedes or ""
    if words.startswith("after "):  # (the clause's own words are its recap of ``a``, not another position)
        return _recalled(a, words) if a.text.strip(" ,.") not in words else 0
    if quoted_back(a, b):
        return QUOTED
    if len(retracted(b)) >= 3:
        return 0  # (the concession gives back the words it takes back, and they are not ``a``'s)
    admitted, after = _admitted(words)
    taken = {_stem(w) for w in retracted(b)}
    if _denied_before(a, admitted) or (taken and {_stem(c) for c, _ in a.claim.stances} & taken):
        return 2
    if not _names_what(a, b, after):
        return 0
    ca = {c for c, _ in a.claim.stances} - ADMITTING_WORDS
    cb = {c for c, _ in b.claim.stances} - ADMITTING_WORDS
    ha, hb = _heads(a), _heads(b)
    if ca & cb or ha & cb or hb & ca:
        return 2
    return 1 if ha & hb and not _granted(words) else 0


def _before(s: Statement) -> tuple[str, str, int]:
    return s.published or "", s.article, s.ordinal


def strongest(flags: list[Flag], said: Iterable[Statement]) -> list[Flag]:
    """The flags, a conceded reversal kept only where its earlier statement is among the likeliest of the speaker's
    earlier statements ``said`` to be what the concession concedes (:func:`link`): a concession that shares its
    predicate with one of them reverses that one (and others that share it), not another that only speaks of the
    same thing."""
    conceded = [f for f in flags if f.concept == CONCEDED]
    if not conceded:
        return flags
    by_ref = {(s.article, s.ordinal): s for s in said}
    best: dict[tuple[str, int], int] = {}
    out = []
    for f in flags:
        a, b = (by_ref.get((str((r or {}).get("article")), int((r or {}).get("ordinal", -1)))) for r in (f.a, f.b))
        if f.concept != CONCEDED or a is None or b is None:
            out.append(f)
            continue
        key = (b.article, b.ordinal)
        if key not in best:
            best[key] = max((link(x, b) for x in by_ref.values() if x is not b and x.claim.asserts and not
                             x.claim.concedes and same_person(x.person, b.person) and _before(x) < _before(b)),
                            default=0)
        if link(a, b) >= best[key]:
            out.append(f)
    return out


def concession(doc: Doc, s: Statement) -> str | None:
    """The words that mark a statement as conceding a change of position (see the module's docstring), or None."""
    a, claim = s.attribution, s.claim
    if not claim.asserts or claim.condition is not None:
        return None
    content = doc.char_span(a.content.start, a.content.end, alignment_mode="expand")
    if content is None or len(content) == 0:
        return None
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    for tok in cue or ():
        if tok.lemma_.lower() in _MARKING and not _negated(tok):
            return tok.text
    for tok in content:
        if tok.lemma_.lower() in ADMITTING_WORDS and not asked(tok, content) and _admits(tok, _recalls(
                re.findall(r"[\w'-]+", doc[content.start:tok.i].text.lower())) is not None):
            return doc[min(tok.i, (_subject(tok) or _held_wrong(tok)).i):_about(tok) + 1].text  # type: ignore[union-attr]
    first = content[0].sent
    if not s.person:
        return None
    return _reporter_says(first, s.person, content, own=True) or (
        _reporter_says(doc[first.start - 1].sent, s.person, content) if first.start > 0 else None)


def conceding(doc: Doc, statements: Sequence[Statement]) -> list[Statement]:
    """The statements, those that concede a change of position with ``Claim.concedes`` set. The reporter's
    paraphrase of a concession carries it to the same speaker's next statement when that begins in the same or the
    next sentence ("Lind said she had been misinformed. “The fund lent the money,” she said."); a concession in a
    speaker's own words carries to nothing after it."""
    out: list[Statement] = []
    own = None  # (the last statement that conceded by its own words, not carried)
    for s in statements:
        words = concession(doc, s)
        carried = _carried(doc, own, s) if words is None and own is not None else None
        marked = replace(s, claim=replace(s.claim, concedes=words or carried)) if words or carried else s
        own = marked if words else None
        out.append(marked)
    return out


def _carried(doc: Doc, before: Statement, s: Statement) -> str | None:
    if before.attribution.type != "indirect" or not s.claim.asserts or s.claim.condition is not None or not (
            s.person and same_person(before.person, s.person)) or s.text.strip() in str(before.claim.concedes):
        return None  # (nor to the earlier words a reporter's clause recalls: "after she said the depot would stay")
    end = doc.char_span(before.attribution.content.start, before.attribution.content.end, alignment_mode="expand")
    start = doc.char_span(s.attribution.content.start, s.attribution.content.end, alignment_mode="expand")
    if end is None or start is None or not len(end) or not len(start):
        return None
    last, first = end[-1].sent, start[0].sent
    return before.claim.concedes if first.start in (last.start, last.end) else None


__all__ = ["ADMITTING_WORDS", "CONCEDED", "CONCEDING_VERBS", "GRANTING_VERBS", "QUOTED", "RECALLED_VERBS", "conceding",
           "concession", "corrected", "gives_detail", "link", "quoted_back", "retracted", "strongest"]
