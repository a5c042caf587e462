"""Resolving a source mention to a speaker: the fullest name of that person or organisation in the article.

No neural coreference runs offline, so this is ours: names are indexed by surname (titles and suffixes
dropped), surnames and titled mentions resolve to the longest compatible full name, pronouns to the most
salient person before them, relative pronouns to the noun they modify, and unnamed sources
("a senior official") stay unnamed with their description kept.

Salience, in order: the current speaker, unless another person has since become a subject (by the parse, by a
finite verb right after the name, or by opening the paragraph); a person the previous sentence turned to; the
nearest subject. Gender comes from honorifics, he/she after a subject, and common first names. Mentions include
known surnames the recogniser labelled otherwise; photo captions give none.

Descriptions: "the harbour master" is the person introduced with that role (before, else after: a lede's
cataphora; "A Lakeview coach" in the lede is the one coach named further down); "the laid-back resident"
is the person in view; "the commission" is an organisation named with that word, "the company" the last
organisation named as a subject, else the description stands for itself. A document speaks for its author
(possessor, "by"/"from", who wrote in it earlier, else the article's main organisation). "They" is speakers
named together or the last plural subject that can speak. A source's description is its noun phrase without
relative clauses; possessors, objects of prepositions and names modifying a common noun are not the speaker.

The decisions themselves are the named rules of :mod:`onrecord.attribution.resolution.speaker_rules`, asked in
the order of its table; this module holds the article's state between mentions.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict

from spacy.tokens import Doc, Span

from onrecord.attribution.arrays import ids, one_of, positions, token_arrays
from onrecord.attribution.qa_layout import qa_turns
from onrecord.attribution.resolution.index import ArticleIndex
from onrecord.attribution.resolution.mention import Mention
from onrecord.attribution.resolution.names import Speaker, clean_name, name_like, person_name
from onrecord.attribution.resolution.speaker_rules import SPEAKER_RULES
from onrecord.lexicon.en import DOCUMENT_NOUNS, GENDERED_ROLES, NOBODY_WORDS, ORGANISATION_HEADS

#: How many times one resolution may move to another mention (a relative pronoun's antecedent, the phrase that opens
#: the next paragraph, a document's author) before it settles for the mention it has.
_MAX_HOPS = 6
_I_ME = ids("i", "me")


#: The article indexes the resolvers built last, by parse: what reads the same parse after extraction (provenance's
#: gender) takes the index from here instead of building it again. A few, and only while their Doc is the same
#: object; kept here, not on the Doc, because extraction must not change the Doc it reads.
_INDEXES: OrderedDict[int, tuple[weakref.ref[Doc], ArticleIndex]] = OrderedDict()
_INDEXES_LOCK = threading.Lock()
_KEEP = 40


def remember_index(doc: Doc, index: ArticleIndex) -> None:
    with _INDEXES_LOCK:
        _INDEXES[id(doc)] = (weakref.ref(doc), index)
        _INDEXES.move_to_end(id(doc))
        while len(_INDEXES) > _KEEP:
            _INDEXES.popitem(last=False)


def index_of(doc: Doc) -> ArticleIndex | None:
    """The index a resolver built on this very parse, if it is still kept."""
    with _INDEXES_LOCK:
        entry = _INDEXES.get(id(doc))
    return entry[1] if entry is not None and entry[0]() is doc else None


class SpeakerResolver:
    """Resolves source mentions in one parsed article.

    ``quoted`` are the character spans of the article's quotations: names inside them are not antecedents
    for a pronoun outside.
    """

    def __init__(self, doc: Doc, quoted: list[tuple[int, int]] | None = None, *, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text is rebuilt on every access: read it once
        self.index = ArticleIndex(doc, self.text, quoted or [])
        remember_index(doc, self.index)  # the article's names, for what reads the same parse later (gender)
        self.recent: list[tuple[int, Speaker]] = []  # speakers of attributions found so far, by token index
        self.described: list[tuple[int, Speaker, str | None]] = []  # unnamed speakers a noun describes
        self.definites: dict[str, tuple[int, Speaker]] = {}  # "the patient" -> who it was the first time
        self._hops = 0  # how deep the resolution under way has moved between mentions
        self._first_person: tuple[str | None] | None = None  # the writer speaking as "I", once looked for
        self.org_kinds: dict[str, set[str]] | None = None  # each organisation's kinds, once built (see kinds.py)
        self._interview: tuple[list[tuple[int, str]], str | None] | None = None  # a Q&A's turns and answerer

    def fullest(self, name: str, gender: str | None = None) -> str:
        """The longest name in the article compatible with ``name`` (see :meth:`ArticleIndex.fullest`)."""
        return self.index.fullest(name, gender)

    def first_person_writer(self) -> str | None:
        """The writer of an opinion piece, when the article names them and they speak as "I" outside quotations:
        a he/she in it is someone else."""
        if self._first_person is None:
            a = token_arrays(self.doc)
            speaks = any(not self.index.inside(int(a.idx[i])) for i in positions(one_of(a.lower, _I_ME)))
            self._first_person = (self.index.writer() if speaks else None,)
        return self._first_person[0]

    def interview(self) -> tuple[list[tuple[int, str]], str | None]:
        """The article's Q&A turns (empty unless it is laid out as questions and answers) and the person who
        answers them, once looked for."""
        if self._interview is None:
            from onrecord.attribution.transcripts import qa_speakers  # (transcripts reads names from this package)

            turns = qa_turns(self.text)
            answering = qa_speakers(self.doc, self.text, lambda ent: self.fullest(person_name(ent)))["A"] \
                if turns else None
            self._interview = (turns, answering)
        return self._interview

    def resolve_label(self, label: str) -> Speaker:
        """The speaker a transcript line's label names ("VARGA:", "Lin Okafor:"): the fullest name in the article
        with that surname, whatever the recogniser made of the capitals."""
        name = clean_name(label.title() if label.isupper() else label)
        return Speaker(self.index.fullest(name) if name else None, "person")

    def note(self, token_index: int, speaker: Speaker, mention: Span | None = None) -> None:
        """Record a resolved speaker, for later pronouns and continuation quotes. A speaker's full name the
        recogniser missed ("Ana Lind, who represents ...") is indexed, so that "Lind" later resolves to it.
        An unnamed one person ``mention`` describes ("a spokeswoman for the council") is kept too: a he or she
        right after it is that person, still unnamed, not someone named earlier."""
        # (a spokeswoman for the ministry is its voice: "she" after her is the ministry too)
        if (speaker.name is None or speaker.voiced_by_spokesperson) and speaker.description and mention is not None:
            head = mention.root
            if head.tag_ == "NN" and head.pos_ == "NOUN" and head.lower_ not in ORGANISATION_HEADS \
                    and head.lower_ not in NOBODY_WORDS and head.lemma_.lower() not in DOCUMENT_NOUNS \
                    and not head.ent_type_:  # (not "None has offered a plan": nobody a he/she takes up)
                at = max(token_index, mention[-1].i)  # "said a spokeswoman": past the mention itself
                self.described.append((at, speaker, GENDERED_ROLES.get(head.lower_)))
        if speaker.name:
            self.recent.append((token_index, speaker))
            said = mention.root.lower_ if mention is not None and len(mention) == 1 else ""
            if speaker.kind == "person" and said in ("he", "she") and speaker.name not in self.index.votes:
                # "“…,” he said" of a name the article gave no other evidence for: that person is a man
                self.index.heard(speaker.name, said)
            words = speaker.name.split()
            if speaker.kind == "person" and 2 <= len(words) <= 3 and " and " not in speaker.name \
                    and name_like(speaker.name):
                self.index.learn(speaker.name)

    def resolve(self, source: Span) -> Speaker:
        """The speaker a source mention refers to: the answer of the first rule of the table that decides."""
        # resolution moves between mentions (a relative pronoun's antecedent, the phrase opening the next
        # paragraph, a document's author): bounded, so that misparsed text cannot send it round in a circle
        self._hops += 1
        try:
            decided = SPEAKER_RULES.first(Mention.of(self, source, moves=self._hops <= _MAX_HOPS))
            return decided[1] if decided is not None else Speaker(None, "unknown", source.text.strip())
        finally:
            self._hops -= 1


