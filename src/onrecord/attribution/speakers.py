"""Resolving a source mention to a speaker: the fullest name of that person or organisation in the article.

No neural coreference runs offline, so this is ours: names are indexed by surname (titles and suffixes
dropped), surnames and titled mentions resolve to the longest compatible full name, pronouns to the most
salient person before them, relative pronouns to the noun they modify, and unnamed sources
("a senior official") stay unnamed with their description kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.lexicon import (
    ANONYMOUS_HEADS,
    GROUP_PRONOUNS,
    ORGANISATION_HEADS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    TITLES,
)

_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv v".split())
_POSSESSIVE = re.compile(r"(?:['’]s?|\s)+$")
_INDEFINITE = frozenset(
    """a an some several many few two three four five six seven eight nine ten dozens hundreds
    one other another multiple numerous various most""".split()
)
_ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a source mention refers to."""

    name: str | None
    kind: str  # person | organisation | anonymous | unknown
    description: str | None = None


UNKNOWN = Speaker(None, "unknown")


def clean_name(text: str) -> str:
    """Drop possessives, leading titles and surrounding punctuation: "Sen. Jeff Merkley's" -> "Jeff Merkley"."""
    text = _POSSESSIVE.sub("", text.strip().strip(",;:()[]\"“”'’"))
    words = text.split()
    while len(words) > 1 and (words[0].lower() in TITLES or words[0].lower().rstrip(".") in TITLES):
        words.pop(0)
    return " ".join(words)


def surname(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in _SUFFIXES]
    return (words[-1] if words else name).lower().strip(".,")


def _compatible(short: str, full: str) -> bool:
    """Can ``short`` refer to ``full``? Same surname, and first names (or initials) don't conflict."""
    s, f = short.split(), full.split()
    if surname(short) != surname(full):
        return False
    if len(s) < 2:
        return True
    first_s, first_f = s[0].lower().rstrip("."), f[0].lower().rstrip(".")
    return first_s == first_f or (len(first_s) == 1 and first_f.startswith(first_s)) or (
        len(first_f) == 1 and first_s.startswith(first_f)
    )


class SpeakerResolver:
    """Resolves source mentions in one parsed article."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.persons: list[tuple[int, str, bool]] = []  # (token index, name, is subject)
        self._by_surname: dict[str, list[str]] = {}
        self._ent_of: dict[int, Span] = {}
        for ent in doc.ents:
            for tok in ent:
                self._ent_of[tok.i] = ent
            if ent.label_ != "PERSON":
                continue
            name = clean_name(ent.text)
            if not name or not any(c.isalpha() for c in name):
                continue
            subject = ent.root.dep_ in ("nsubj", "nsubjpass") or ent.root.head.dep_ in ("nsubj", "nsubjpass")
            self.persons.append((ent.start, name, subject))
            self._by_surname.setdefault(surname(name), []).append(name)
        # proper-noun chains the recogniser missed ("Sen. Jeff Merkley (D-OR)") still index their surnames
        for tok in doc:
            if tok.pos_ == "PROPN" and tok.i not in self._ent_of and (tok.i + 1 == len(doc) or doc[tok.i + 1].pos_ != "PROPN"):
                start = tok.i
                while start > 0 and doc[start - 1].pos_ == "PROPN" and start - 1 not in self._ent_of:
                    start -= 1
                name = clean_name(doc[start : tok.i + 1].text)
                if len(name.split()) >= 2 and name.split()[0][:1].isupper() and surname(name) in self._by_surname:
                    self._by_surname[surname(name)].append(name)
                elif len(name.split()) >= 2 and tok.ent_type_ == "" and doc[start - 1 if start else 0].lower_.rstrip(".") in TITLES:
                    self._by_surname.setdefault(surname(name), []).append(name)
                    self.persons.append((start, name, tok.dep_ in ("nsubj", "nsubjpass")))
        self._role_of: dict[str, str] = {}  # "senator" -> "Jeff Merkley", learnt from titled mentions
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                for left in doc[max(0, ent.start - 3) : ent.start]:
                    if left.lower_.rstrip(".") in TITLES and left.pos_ in ("NOUN", "PROPN"):
                        self._role_of[left.lemma_.lower().rstrip(".")] = self.fullest(clean_name(ent.text))
        self.recent: list[tuple[int, Speaker]] = []  # speakers of attributions found so far, by token index

    # -- names ------------------------------------------------------------------------------------------
    def fullest(self, name: str) -> str:
        """The longest name in the article compatible with ``name``."""
        best = name
        for cand in self._by_surname.get(surname(name), ()):
            if _compatible(name, cand) and len(cand.split()) > len(best.split()):
                best = cand
        return best

    def note(self, token_index: int, speaker: Speaker) -> None:
        """Record a resolved speaker, for later pronouns and continuation quotes."""
        if speaker.name:
            self.recent.append((token_index, speaker))

    # -- resolution -------------------------------------------------------------------------------------
    def resolve(self, source: Span) -> Speaker:
        """The speaker a source mention refers to."""
        head = source.root
        if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            antecedent = head.head.head
            return self.resolve(self.doc[antecedent.left_edge.i : antecedent.i + 1])
        if head.lower_ in PERSON_PRONOUNS:
            return self._antecedent(head)
        if head.lower_ in GROUP_PRONOUNS:
            return self._group_antecedent(head)
        ents = [self._ent_of[t.i] for t in source if t.i in self._ent_of]
        head_ent = self._ent_of.get(head.i)
        if head.is_title or head.pos_ == "PROPN":
            # a surname the article gives in full elsewhere is that person, whatever the recogniser said
            phrase = head_ent.text if head_ent is not None else self.doc[_compound_start(head) : head.i + 1].text
            name = clean_name(phrase)
            if name and surname(name) in self._by_surname and len(name.split()) <= 4:
                return Speaker(self.fullest(name), "person")
        # a person named anywhere in the head's phrase (appositions: "the spokesman, Josh Earnest")
        for ent in ([head_ent] if head_ent is not None else []) + ents:
            if ent.label_ == "PERSON":
                name = clean_name(ent.text)
                if name:
                    return Speaker(self.fullest(name), "person")
        if head_ent is not None and head_ent.label_ in _ORG_LABELS:
            return Speaker(_strip_det(head_ent.text), "organisation")
        if head.pos_ == "PROPN":
            name = clean_name(self.doc[_compound_start(head) : head.i + 1].text)
            if surname(name) in self._by_surname:
                return Speaker(self.fullest(name), "person")
            if head.lower_ in ORGANISATION_HEADS:
                return Speaker(_strip_det(name), "organisation")
            return Speaker(name, "person" if len(name.split()) <= 3 and name[:1].isupper() else "unknown")
        lemma = head.lemma_.lower()
        det = _determiner(head)
        description = source.text.strip()
        if lemma in ORGANISATION_HEADS:
            return Speaker(_strip_det(self.doc[head.left_edge.i : head.i + 1].text), "organisation", description)
        if lemma in ANONYMOUS_HEADS or head.lower_ in ANONYMOUS_HEADS:
            if det in ("the", "this", "that") or det is None and head.tag_ == "NN":
                role = self._role_of.get(lemma)
                if role:
                    return Speaker(role, "person", description)
            return Speaker(None, "anonymous", description)
        if ents:
            ent = ents[0]
            kind = "person" if ent.label_ == "PERSON" else "organisation"
            return Speaker(self.fullest(clean_name(ent.text)) if kind == "person" else _strip_det(ent.text), kind)
        role = self._role_of.get(lemma)
        if role and det in ("the", None):
            return Speaker(role, "person", description)
        return Speaker(None, "unknown", description)

    def _antecedent(self, pronoun: Token) -> Speaker:
        """The person a he/she most likely refers to: a recent subject, else the last speaker, else the last name."""
        sent_start = pronoun.sent.start
        window_start = max(0, sent_start - 80)
        subjects = [p for p in self.persons if window_start <= p[0] < pronoun.i and p[2]]
        last_speaker = next((s for i, s in reversed(self.recent) if i < pronoun.i and s.kind == "person"), None)
        if subjects:
            idx, name, _ = subjects[-1]
            # prefer the previous speaker when the subject is older than it
            if last_speaker is not None:
                last_i = next(i for i, s in reversed(self.recent) if s is last_speaker)
                if last_i > idx:
                    return last_speaker
            return Speaker(self.fullest(name), "person")
        if last_speaker is not None:
            return last_speaker
        before = [p for p in self.persons if p[0] < pronoun.i]
        if before:
            return Speaker(self.fullest(before[-1][1]), "person")
        return Speaker(None, "unknown", pronoun.text)

    def _group_antecedent(self, pronoun: Token) -> Speaker:
        if pronoun.lower_ in ("i", "we", "you"):
            return Speaker(None, "unknown", pronoun.text)
        last = next((s for i, s in reversed(self.recent) if i < pronoun.i and s.kind == "organisation"), None)
        if last is not None and pronoun.i - next(i for i, s in reversed(self.recent) if s is last) < 60:
            return last
        return Speaker(None, "unknown", pronoun.text)


def _determiner(head: Token) -> str | None:
    for child in head.children:
        if child.dep_ in ("det", "nummod", "quantmod", "predet") or child.like_num:
            return child.lower_
    return None


def _compound_start(head: Token) -> int:
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("compound", "amod", "poss") and child.pos_ == "PROPN":
            start = min(start, child.left_edge.i)
    return start


def _strip_det(text: str) -> str:
    text = _POSSESSIVE.sub("", text.strip())
    for det in ("the ", "The ", "a ", "an ", "A ", "An "):
        if text.startswith(det):
            return text[len(det) :]
    return text


def is_indefinite(det: str | None) -> bool:
    return det in _INDEFINITE
