"""More of ``cues.verb-source`` (the table is :mod:`.cueparts`'s): the one quoted, not who quotes ("State media
quoted an official as saying ..."); a verb cue's source where the parser gave the
verb no subject of its own -- a participle hung on the message a speaker put out ("her office released a note
saying that ...": the note), and a subject the parser ran into a fronted phrase with no comma after it ("Earlier in the
trial the bakery's owner, Ana Lind, told the jury that ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from onrecord.attribution.phrases import SUBJECT_DEPS, noun_phrase, same_paragraph
from onrecord.attribution.rules import rule
from onrecord.attribution.subjects import subject_of
from onrecord.lexicon.en import AUTHORING_VERBS, ISSUED_MESSAGES, SPEECH_VERBS
from onrecord.types import CharSpan

if TYPE_CHECKING:
    from onrecord.attribution.cueparts import VerbCue


@rule(
    "cues.verb-source.issued-message",
    ("Her office later released a short note saying that the minister had met “every union twice” this year.",
     "a short note"),
)
def source_issued_message(v: VerbCue) -> Span | None:
    """A participle of saying that modifies the message a speaker put out ("X released a note saying that ...",
    "X issued a statement saying ..."): the message, as news annotators mark it (speakers.document-author gives it
    its issuer). Not a message someone read or received ("she read a letter saying ..."): the verb must be one of
    making a document, with a subject."""
    host = _issuing_verb(v.tok)
    if host is None or subject_of(host) is None:
        return None
    noun = v.tok.head
    return same_paragraph(v.doc[noun.left_edge.i : noun.i + 1], v.tok)


def _issuing_verb(tok: Token) -> Token | None:
    """The verb that put out the message a participle of saying modifies ("released" in "released a note
    saying"; "responded" in "responded in a statement saying", "shot back" in "shot back in an article stating"),
    or None."""
    noun = tok.head
    if tok.dep_ != "acl" or tok.tag_ != "VBG" or noun.lemma_.lower() not in ISSUED_MESSAGES or noun.i > tok.i:
        return None
    if noun.dep_ == "dobj":
        host = noun.head
        return host if host.lemma_.lower() in AUTHORING_VERBS and host.pos_ in ("VERB", "AUX") else None
    if noun.dep_ != "pobj" or noun.head.lower_ != "in" or noun.head.dep_ != "prep":
        return None
    host = noun.head.head  # (a reply given in a message: "responded in a statement saying")
    if host.pos_ != "VERB" or host.i > noun.i:
        return None  # (not "In a statement defending him, the campaign said ...": the campaign's statement)
    replying = host.lemma_.lower() in SPEECH_VERBS or any(c.dep_ in ("prt", "advmod") and c.lower_ == "back"
                                                          for c in host.children)
    return host if replying or host.lemma_.lower() in AUTHORING_VERBS else None


def issuer_phrase(cue: Token, source: Span | None) -> tuple[CharSpan, Span] | None:
    """With cues marked as phrases, an issued message is part of the cue ("she released a statement saying":
    the cue "released a statement saying", the source "she", as news annotators mark phrases): the widened cue
    and the issuer, when ``source`` is the message :func:`source_issued_message` gave; else None."""
    host = _issuing_verb(cue)
    subject = subject_of(host) if host is not None else None
    if host is None or subject is None or source is None or source.root != cue.head:
        return None
    return CharSpan(host.idx, cue.idx + len(cue.text)), subject


@rule(
    "cues.verb-source.fronted-phrase-subject",
    ("Earlier in the hearing the cafe's owner, Min-seo Clark-Oduya, told the panel that she and Brandt had “no "
     "quarrel at all” until June.", "the cafe's owner, Min-seo Clark-Oduya"),
    ("Earlier in the hearing the cafe’s owner, Mina Lind-Oduya, told the panel that the rent had “doubled "
     "overnight.”", "the cafe’s owner, Mina Lind-Oduya"),
)
def source_fronted_phrase_subject(v: VerbCue) -> Span | None:
    """A verb with no subject after a fronted phrase with no comma after it ("Earlier in the trial the shop's
    owner, Ana Lind, told ..."): the parser read the subject as a second object of the phrase's preposition.
    That second object (with its apposition), when it opens with an article or a possessor, directly follows the
    first object of a phrase that opens the sentence, and runs up to the verb."""
    doc, tok = v.doc, v.tok
    if tok.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return None  # (a finite verb: a participle takes its subject from the verb it hangs on)
    k = tok.i
    while k > 0 and doc[k - 1].dep_ in ("aux", "neg", "advmod") and doc[k - 1].head == tok:
        k -= 1
    end = k - 1 if k > 0 and doc[k - 1].text == "," else k
    obj = next((t for t in doc[max(0, k - 16) : k] if t.dep_ == "pobj" and t.right_edge.i + 1 in (end, k)), None)
    if obj is None or obj.head.i >= obj.i:
        return None
    opener, fronted = doc[obj.left_edge.i], obj.head
    while fronted.head.i < obj.i and fronted.head != fronted and fronted.head != tok:
        fronted = fronted.head  # (the phrase's top: "Earlier in the trial" hangs on the verb)
    first = next((t for t in fronted.subtree if t.dep_ == "pobj" and t.i < obj.i
                  and t.right_edge.i + 1 == obj.left_edge.i), None)
    if first is None or fronted.head != tok or fronted.left_edge.i != fronted.sent.start \
            or not (opener.dep_ in ("det", "poss") or opener.tag_ == "PRP$"):
        return None
    phrase = doc[obj.left_edge.i : obj.right_edge.i + 1]
    while len(phrase) > 1 and phrase[-1].is_punct:
        phrase = phrase[:-1]
    return same_paragraph(phrase if len(phrase) <= 14 else noun_phrase(doc, obj), tok)


@rule(
    "cues.verb-source.quoted-person",
    ("State media quoted a ministry official as saying the bridge would reopen in May.", "a ministry official"),
)
def source_quoted_person(v: VerbCue) -> Span | None:
    """"X quoted Y as saying ...": the one quoted (the verb's object, with a name in apposition the parser hung on
    the verb), not who quotes. (A document that quotes a person, "the release quotes Y: “…”", stays the source:
    see ``speakers.document-quoting``.)"""
    doc, tok = v.doc, v.tok
    if not (tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "as"):
        return None
    verb = tok.head.head
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if verb.lemma_.lower() != "quote" or obj is None:
        return None
    phrase = noun_phrase(doc, obj)
    name = next((c for c in verb.children if c.dep_ in ("npadvmod", "appos") and c.pos_ == "PROPN"
                 and c.left_edge.i == phrase.end + 1 and doc[phrase.end].text == ","), None)
    if name is not None:  # "its chair, Ana Lind, as saying": the name hung on the verb
        phrase = doc[phrase.start : name.right_edge.i + 1]
    return same_paragraph(phrase, tok)
