"""Who a he or she points back to, by salience.

In order: the current speaker, unless another person has since become a subject (by the parse, by a finite verb
right after the name, or by opening the paragraph); a person the previous sentence turned to; the nearest
subject; the nearest name -- skipping people of the other gender when the article shows it. An unnamed person
a noun described ("a spokeswoman") stays in view until someone else becomes a subject.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.quotes import quoted_at
from onrecord.attribution.resolution.addressees import answering_person
from onrecord.attribution.resolution.genders import MALE
from onrecord.attribution.resolution.index import PersonMention
from onrecord.attribution.resolution.names import Speaker, person_name
from onrecord.attribution.resolution.possessors import sole_possessor_before
from onrecord.attribution.resolution.relations import relative_subject_before
from onrecord.attribution.resolution.roles import role_holder
from onrecord.attribution.resolution.story import kin_of_the_story, pronoun_chain, story_subject
from onrecord.attribution.resolution.syntax import compound_start, possessive_at, role_key
from onrecord.lexicon.en import ASKING_VERBS, PERSON_PRONOUNS

if TYPE_CHECKING:
    from onrecord.attribution.resolution.resolver import SpeakerResolver

#: How far back (in tokens before the pronoun's sentence) antecedents are looked for.
PRONOUN_WINDOW = 80


def pronoun_gender(pronoun: Token) -> str:
    """"m" for he/him/his, else "f"."""
    return "m" if pronoun.lower_ in MALE else "f"


def person_antecedent(r: SpeakerResolver, pronoun: Token, gender: str | None, *, prefer_speaker: bool = True,
                      any_mention: bool = True, depth: int = 0) -> Speaker:
    """The person a he/she most likely refers to: the current speaker when recent, else the nearest
    subject, else the nearest name -- skipping people of the other gender when the article shows it."""

    def fits(name: str) -> bool:  # (never the writer who speaks as "I", nor one named after it in its clause)
        g = r.index.gender(name, listed=True)
        return (gender is None or g is None or g == gender) and name not in _ruled_out(r, pronoun)

    def full(mention: PersonMention) -> str:  # "Mrs. Clinton" is not Bill Clinton
        return fullest_for(r, mention, gender, pronoun.i)

    if (ahead := _named_in_its_own_sentence(r, pronoun)) and fits(full(ahead)):
        return Speaker(full(ahead), "person")  # "Even as he accused ..., Tarn would not"; "Tarn left, he said"
    window_start = max(0, pronoun.sent.start - PRONOUN_WINDOW)
    last = _last_speaker(r, pronoun, fits, gender is not None)
    lede = story_subject(r, pronoun)
    if last is not None and lede is not None and kin_of_the_story(r, last[1].name, full(lede), pronoun):
        return Speaker(full(lede), "person")  # "her daughter, Ana Lind, said ...\n\nBorn in 1934, she came ..."
    # (not a name inside the description itself: "the Ashgrove manager")
    before = [p for p in r.index.persons if window_start <= p[0] < pronoun.left_edge.i and fits(full(p))]
    subjects = [p for p in before if p[2]]
    previous_start = _sentence_before(r, pronoun)
    if (answering := answering_person(r, pronoun, gender, previous_start, fits, full)) is not None:
        return answering  # "“You forgot your keys,” Tarn told her. “I did,” she agreed."; "“Why?” Tarn asked."
    anchor = max([last[0] if last is not None else -1] + [p[0] for p in subjects])
    if (lately := _named_lately(r, before, previous_start, anchor, gender, full)) is not None:
        return Speaker(lately, "person")
    turned = _turned_to(r.doc, pronoun, [(p[0], full(p)) for p in before if p[0] >= previous_start], anchor)
    if turned is not None:
        return Speaker(turned, "person")
    by_role = _role_subject_before(r, pronoun)
    if by_role is not None and fits(by_role) and not any(p[0] >= previous_start for p in subjects):
        return Speaker(by_role, "person")
    if (described := described_in_view(r, pronoun, gender, max(window_start, anchor + 1), before)) is not None:
        return described
    if prefer_speaker and last is not None and (main := _main_subject_over_relative(r, last, before, full,
                                                                                 previous_start)) is not None:
        return Speaker(full(main), "person")  # "Lind faulted critics such as Tarn, who say .... She said" -> Lind
    if prefer_speaker and last is not None and last[0] >= window_start:
        newer = _newer_subjects(r.doc, last, subjects, before, full)
        if not newer or _speaker_still_in_view(r.doc, pronoun, last[1].name, [(p[0], full(p)) for p in before],
                                               [p[0] for p in newer]):
            return last[1]
    if subjects:
        return Speaker(full(_main_subject_first(r.doc, subjects)), "person")
    # (also when the last speaker was heard before the window and nobody in it is a subject: "Mr. Tarn's style is
    # dry, even as he tries to reassure. He took over in hard times. But he has a pulpit, and he said ...")
    far = not before or (last is not None and last[0] < window_start)
    chained = pronoun_chain(r, pronoun, last[0] if last is not None else -1) if depth < 4 and far else None
    if chained is not None:  # (the he/she before it, resolved in its turn)
        return person_antecedent(r, chained, gender, prefer_speaker=prefer_speaker, any_mention=any_mention,
                                 depth=depth + 1)
    if last is not None:
        return last[1]
    if before and any_mention:
        return Speaker(full(before[-1]), "person")
    return _last_resort(r, pronoun, full(lede) if lede is not None else None, window_start if any_mention else None,
                        fits)


def _last_speaker(r: SpeakerResolver, pronoun: Token, fits: Callable[[str], bool],
                  one: bool) -> tuple[int, Speaker] | None:
    """The last person heard before the pronoun who may be it, and where; with ``one`` (a he/she), one person,
    not two heard together ("Ana Lind and Ivo Tarn": a he/she is neither pair; a description may be)."""
    return next(((i, s) for i, s in reversed(r.recent) if i < pronoun.i and s.kind == "person" and s.name
                 and not (one and " and " in s.name) and fits(s.name)), None)


def _named_lately(r: SpeakerResolver, before: list[PersonMention], previous_start: int, anchor: int,
                  gender: str | None, full: Callable[[PersonMention], str]) -> str | None:
    """The one person named in the sentence just before, after anyone who spoke or acted (``anchor``), who the
    story turned to ("... paid off for Lakeview accountant Ana Lind, 50. “It helped,” she says."); not an owner, an
    object in a clause on a noun, or one named in an aside in brackets; not when a he/she before the name keeps the
    earlier person in view ("She praised Ivo Tarn.")."""
    lately = _known_gender_first(r, [p for p in before if p[0] >= previous_start and not possessive_at(r.doc, p[0])
                                     and not _object_in_a_modifier(r.doc[p[0]]) and not _aside(r.doc[p[0]].sent)],
                                 gender, full)
    if len({full(p) for p in lately}) == 1 and lately[-1][0] > anchor and not any(
            t.lower_ in PERSON_PRONOUNS and t.dep_ in ("nsubj", "nsubjpass")
            for t in r.doc[previous_start : lately[0][0]]):
        return full(lately[-1])
    return None


def _main_subject_over_relative(r: SpeakerResolver, last: tuple[int, Speaker], before: list[PersonMention],
                                full: Callable[[PersonMention], str], previous_start: int) -> PersonMention | None:
    """The person named as the main clause's subject of the sentence before, when the last speaker was heard only
    in a relative clause on someone that sentence names after them ("Ana Lind faulted critics such as Ivo Tarn, who
    say the plan failed. She said ..."; "Lind thanked donors, like Tarn, who had given. “…,” he said" -> Lind):
    the sentence is about its subject, the one the relative clause describes is an aside."""
    cue = r.doc[last[0]]
    if not previous_start <= cue.i or cue.dep_ != "relcl" or not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WP" for c in cue.children):
        return None
    sents = [cue.sent]
    if cue.sent.root.pos_ not in ("VERB", "AUX") and cue.sent.start > 0:
        sents.append(r.doc[cue.sent.start - 1].sent)  # (a fragment cut off at an abbreviation: "rivals, like Govs.")
    return next((p for p in reversed(before) for sent in sents if p[2] and sent.start <= p[0] < cue.head.i
                 and full(p) != last[1].name and _subject_of(r.doc[p[0]]) == sent.root), None)


def _last_resort(r: SpeakerResolver, pronoun: Token, lede: str | None, window_start: int | None,
                 fits: Callable[[str], bool]) -> Speaker:
    """The story's subject, else (with ``window_start``) the last person named in reported words, else unknown."""
    if lede is not None and fits(lede):
        return Speaker(lede, "person")
    reported = _named_in_reported_words(r, pronoun, window_start) if window_start is not None else None
    return Speaker(reported, "person") if reported is not None and fits(reported) else Speaker(
        None, "unknown", pronoun.text)


def _named_in_reported_words(r: SpeakerResolver, pronoun: Token, window_start: int) -> str | None:
    """The last person named in someone's reported words (not inside quotation marks) before the pronoun, when
    nobody else is in view: "The Kestrel Globe reported that Ana Lind had resigned. She said ..." (such names are
    kept out of the index, which holds the narration's people)."""
    i = pronoun.left_edge.i - 1
    while i >= window_start:
        ent = r.index.ent_of.get(i)
        if ent is not None and ent.label_ == "PERSON" and r.index.inside(ent.start_char) and not quoted_at(
                r.text, ent.start_char):
            return r.index.fullest(person_name(ent))
        i = ent.start - 1 if ent is not None else i - 1
    return None


def _named_subject_of_main_clause(r: SpeakerResolver, pronoun: Token) -> PersonMention | None:
    """The person named as the subject of the main clause a he/she's clause opens ("Even as he accused the
    ministry, Ivo Tarn would not speculate"; "When she arrived, Lind ..."): the pronoun looks ahead to that name
    (cataphora), whoever spoke before."""
    clause = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "advcl" or clause.i > clause.head.i \
            or not any(c.dep_ in ("mark", "advmod") and c.lower_ in _OPENING_MARKS for c in clause.children):
        return None
    subject = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > clause.i), None)
    if subject is None or subject.pos_ != "PROPN" or r.index.inside(subject.idx):
        return None
    return next((p for p in r.index.persons if compound_start(subject) <= p[0] <= subject.i), None)


def _ruled_out(r: SpeakerResolver, pronoun: Token) -> set[str]:
    """Who a he/she cannot be: the writer of an opinion piece who speaks as "I" ("I support him. He knows ..."),
    and, for a subject, a person named outside quotation marks as an argument of its own clause ("He has declared
    Tarn the next mayor", "He said Tarn was wrong": someone else than Tarn); not a name inside a word
    ("anti-Tarn"), nor one in a clause that only modifies (after, when, which)."""
    out = {r.first_person_writer() or ""}
    if pronoun.lower_ not in PERSON_PRONOUNS or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return out
    todo = [c for c in pronoun.head.children if c.i > pronoun.i and c.dep_ in _ARGUMENTS]
    while todo:
        tok = todo.pop()
        todo += [c for c in tok.children if c.dep_ in _ARGUMENTS or (tok.pos_ == "PROPN" and c.dep_ == "compound")]
        ent = r.index.ent_of.get(tok.i)
        if tok.pos_ == "PROPN" and ent is not None and ent.label_ == "PERSON" and tok.i == ent.end - 1 \
                and not quoted_at(r.text, tok.idx):
            out.add(r.index.fullest(person_name(ent)))
    return out


#: The dependencies that make a word an argument of its clause, or of a clause reported in it.
_ARGUMENTS = frozenset({"dobj", "dative", "iobj", "attr", "oprd", "ccomp", "xcomp", "nsubj", "nsubjpass", "appos",
                        "conj"})


def _named_in_its_own_sentence(r: SpeakerResolver, pronoun: Token) -> PersonMention | None:
    """The main clause's subject a he/she's clause looks ahead to, the person an "As for" opening names, the sole
    owner named before it ("Lind's plan failed, but she ..."), or the subject of the words it reports ("Tarn backed
    Dorran, he said")."""
    return _named_subject_of_main_clause(r, pronoun) or _topic_named(r, pronoun) \
        or sole_possessor_before(r, pronoun) or _subject_of_own_report(r, pronoun)


def _topic_named(r: SpeakerResolver, pronoun: Token) -> PersonMention | None:
    """The person an "As for ..." opening its sentence names, for the he/she subject after it ("As for the mayor,
    Ana Lind, she has spent ..."; "As for Governor Tarn -- endorsed by both papers -- he ...")."""
    sent = pronoun.sent
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or [t.lower_ for t in sent[:2]] != ["as", "for"]:
        return None
    topic = next((c for c in sent[1].children if c.dep_ == "pobj" and c.pos_ == "PROPN" and c.i < pronoun.i), None)
    if topic is None:
        return None
    found = next((p for p in r.index.persons if compound_start(topic) <= p[0] <= topic.i), None)
    # (a surname alone that the recogniser missed: "As for the very moderate Governor Tarn")
    return found or ((topic.i, topic.text, False) if topic.lower_ in r.index.by_surname else None)


def _subject_of_own_report(r: SpeakerResolver, pronoun: Token) -> PersonMention | None:
    """The person named as the subject of the unquoted words a he/she reports before them, in the same sentence
    ("Former councillor Ivo Tarn was pro Dorran while the mayor ran, he said"; "Though Ms. Lind has lived there
    for years, rents have doubled, she said"): the story tells that person's words in the third person and the
    pronoun takes them up, whoever spoke before."""
    verb = pronoun.head  # (a he/she only: "the supplier said" after a firm's reported plan is no person of it)
    if pronoun.lower_ not in PERSON_PRONOUNS or pronoun.dep_ != "nsubj" or verb.i < pronoun.i:
        return None
    content = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < pronoun.i), None)
    if content is None or quoted_at(r.text, content.idx):
        return None
    # (the reported words are kept out of the index's people: their names are read from the recogniser here)
    for clause in (content, *(c for c in content.children if c.dep_ == "advcl" and c.i < content.i)):
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or quoted_at(r.text, subject.idx):
            continue
        for word in _name_words(subject):
            ent = r.index.ent_of.get(word.i)
            if ent is not None and ent.label_ == "PERSON":
                return ent.start, person_name(ent), True
    return None


def _name_words(head: Token) -> list[Token]:
    """The words of a subject that may name it: its head, compounds and names in apposition ("Former councillor
    Ivo Tarn"), not a name inside a phrase that modifies it ("the lawyer for Ana Lind")."""
    out = [head]
    for child in head.children:
        if child.dep_ in ("compound", "flat", "appos") and child.pos_ in ("PROPN", "NOUN"):
            out += _name_words(child)
    return out


#: The words that open a clause set before its main clause, whose he/she may stand for the main clause's subject.
_OPENING_MARKS = frozenset({"as", "while", "when", "whenever", "after", "before", "although", "though", "because",
                            "since", "once", "until", "if"})


def fullest_for(r: SpeakerResolver, mention: PersonMention, gender: str | None, at: int) -> str:
    """The full name of a mention a he/she at ``at`` may stand for: of a family's names, one of the honorific's
    gender ("Mrs. Clinton"), else of the pronoun's when that one was named before ``at`` (not "Lowri Tarn", named
    a paragraph later, for "Tarn" before it when "Sione Tarn" opened the story)."""
    ix = r.index
    honorific = ix.honorific.get(mention[0])
    if honorific is not None or gender is None:
        return ix.fullest(mention[1], honorific or gender)
    name = ix.fullest(mention[1], gender)
    plain = ix.fullest(mention[1])
    if name == plain or any(i < at and n == name for i, n, *_ in ix.persons):
        return name
    return plain


def _sentence_before(r: SpeakerResolver, pronoun: Token) -> int:
    """Where the sentence before the pronoun's starts, or before the quotation the pronoun's sentence ends when
    that quotation opened sentences earlier ("Thank you. The door is open," she tweeted: the sentence before
    "Thank you"): the sentences of a quotation are the speaker's, not the story's."""
    start = pronoun.sent.start
    while start > 0 and r.index.inside(r.doc[start].idx):
        start = r.doc[start - 1].sent.start
    if start == 0:
        return start
    before = r.doc[start - 1].sent
    if before.start > 0 and _aside(before):
        before = r.doc[before.start - 1].sent
    return before.start


def _aside(sent: Span) -> bool:
    """Is the sentence an aside in brackets ("(Subscribe to the podcast with Ivo Tarn.)")? The story does not turn
    to whom it names."""
    return sent.text.startswith("(") and sent.text.strip().rstrip(".").endswith(")")


def _object_in_a_modifier(tok: Token) -> bool:
    """Is the name at ``tok`` an object inside a clause that modifies a noun ("a president who authorized the
    raid that killed Osama Ladin")? The story did not turn to that person."""
    while tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head
    if tok.dep_ not in ("dobj", "pobj"):
        return False
    node = tok
    while node.head.i != node.i:
        if node.dep_ in ("relcl", "acl"):
            return True
        node = node.head
    return False


def _known_gender_first(r: SpeakerResolver, named: list[PersonMention], gender: str | None,
                        full: Callable[[PersonMention], str]) -> list[PersonMention]:
    """Of two people named in the sentence before a he/she, the one known to be of its gender when the other's
    gender is unknown ("For Ivo Tarn, the final against the Rowe Harriers ... He was asked" -> Tarn, not the
    team the recogniser took for a person); else all of them."""
    if gender is None or len({full(p) for p in named}) != 2:  # (not one of a list: "songs by A, B, C and D")
        return named
    known = [p for p in named if r.index.gender(full(p)) == gender]
    return known if len({full(p) for p in known}) == 1 else named


def _turned_to(doc: Doc, pronoun: Token, named: list[tuple[int, str]], anchor: int) -> str | None:
    """The one person named in the sentence before the he/she's, a possessor too, when that sentence's subject
    is a he/she of the same gender after the name, and nobody spoke or acted since: the story turned to that
    person, and both pronouns are theirs ("“Rest,” Ana Lind said. In Oduya's case, she stayed on. “I am
    worried,” she continued." -> Oduya)."""
    sent_start = pronoun.sent.start
    if len({name for _, name in named}) != 1 or named[-1][0] <= anchor:
        return None
    gender = pronoun_gender(pronoun)
    before = doc[named[-1][0]].sent
    if any(t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass") and pronoun_gender(t) == gender
           and t.head == before.root for t in doc[before.start : named[-1][0]]):
        return None  # (the main clause's he/she before the name keeps its person: "She has spoken out as Ivo
        # Tarn's wife, Ana Tarn, as she runs ... On Sunday, she said" -> the earlier she)
    if any(t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass") and pronoun_gender(t) == gender
           for t in doc[named[-1][0] + 1 : sent_start]):
        return named[-1][1]
    return None


def _role_subject_before(r: SpeakerResolver, pronoun: Token) -> str | None:
    """The person the sentence before a he/she's names by role as its main subject, where that sentence names no
    one ("The prime minister, who watched from the gallery, spoke to reporters. He said ..." -> the prime
    minister the article introduced by name); before a quotation the he/she's sentence ends, the sentence before
    the quotation (see :func:`_sentence_before`: "The admiral smiled. “It is late. Go home,” he said.")."""
    start = pronoun.sent.start
    if start == 0 or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    sent = r.doc[_sentence_before(r, pronoun)].sent
    subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and sent.root.pos_ == "NOUN" and sent.root.i <= sent.start + 1:
        subject = sent.root  # (a sentence the parse hung on its opening noun: "The mayor, asked ..., smiled.")
    if subject is None:  # (one the parse hung on an opening participle: "Asked later, the admiral chuckled.")
        subject = next((t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.head.head == sent.root
                        and t.head.dep_ in ("ccomp", "conj") and t.head.i > sent.root.i), None)
    kin = relative_subject_before(r, pronoun, pronoun_gender(pronoun))  # "His wife ... stopped. “…,” she said."
    if kin is not None:
        return kin
    # (an office written in capitals is one too: "the Minister", "the Babaloja", as many house styles print them)
    if subject is not None and subject.pos_ in ("NOUN", "PROPN") and _definite(subject) \
            and r.index.roles.get(role_key(subject)):
        return role_holder(r, subject)
    # the one that sentence asked, by role: the answer is theirs ("Lind asked the captain what he would say to
    # nervous flyers. “…,” he said" -> the captain introduced by name)
    asked = next((c for t in sent if t.lemma_.lower() in ASKING_VERBS for c in t.children
                  if c.dep_ in ("dobj", "dative") and c.pos_ == "NOUN" and _definite(c)), None)
    if asked is not None and r.index.roles.get(role_key(asked)):
        return role_holder(r, asked)
    return _reported_subject_before(r, pronoun, sent)


def _reported_subject_before(r: SpeakerResolver, pronoun: Token, sent: Span) -> str | None:
    """The one person the sentence before names, as the subject of someone's reported words (not in quotation
    marks), where no one named spoke it and its narration names no one: the story is about that person ("Aides
    say Ana Lind advises her father on pay. “Women are paid equally,” she said." -> Lind)."""
    if any(sent.start <= i < pronoun.i for i, _s in r.recent) or any(
            sent.start <= p[0] < sent.end for p in r.index.persons):
        return None
    named = {r.index.fullest(person_name(e)) for e in sent.ents if e.label_ == "PERSON"
             and r.index.inside(e.start_char) and not quoted_at(r.text, e.start_char)
             and e.root.dep_ in ("nsubj", "nsubjpass") and e.root.head.dep_ == "ccomp"}  # (what someone says)
    return named.pop() if len(named) == 1 else None


def _definite(noun: Token) -> bool:
    return any(c.lower_ == "the" and c.dep_ == "det" for c in noun.children)


def _speaker_still_in_view(doc: Doc, pronoun: Token, speaker: str | None, named: list[tuple[int, str]],
                           newer: list[int]) -> bool:
    """The sentence before the he/she's has the last speaker as its main clause's subject, and every person who
    became a subject since is a subject inside a clause after it: the speaker is still who the story is about
    ("Ivo Tarn declined to say whether Per Lind slept on the night Ana Lind died. “...,” he said." -> Tarn); a
    he/she of the pronoun's gender as that subject keeps the speaker too ("“…,” Ana Lind said. She spoke out as Mia
    Tarn ran for mayor. She said ..." -> Lind)."""
    start = pronoun.sent.start
    if start == 0:
        return False
    sent = doc[start - 1].sent
    subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or speaker is None or not (
        any(subject.left_edge.i <= i <= subject.i and name == speaker for i, name in named)
        or (subject.pos_ == "PROPN" and subject.text == speaker.split()[-1])  # "Tarn" for Ivo Tarn
        or (subject.lower_ in ("he", "she") and pronoun_gender(subject) == pronoun_gender(pronoun))
    ):
        return False
    return all(subject.right_edge.i < i < sent.end and _subject_of_a_clause_inside(doc[i], sent.root) for i in newer)


def _newer_subjects(doc: Doc, last: tuple[int, Speaker], subjects: list[PersonMention], before: list[PersonMention],
                    full: Callable[[PersonMention], str]) -> list[PersonMention]:
    """The subjects after the last speaker was heard, of other people, and not inside the description of a mention
    of the speaker (:func:`_in_the_speaker_s_description`)."""
    named = [q[0] for q in before if full(q) == last[1].name]
    return [p for p in subjects if p[0] > last[0] and full(p) != last[1].name
            and not _in_the_speaker_s_description(doc, p[0], named)]


def _in_the_speaker_s_description(doc: Doc, at: int, speaker_at: list[int]) -> bool:
    """Is the name at ``at`` inside the phrase of a mention of the speaker before it, the description that names
    them ("said Ivo Tarn, a former aide to Ana Lind who has known him for years": Lind)? Not a newer subject."""
    for k in speaker_at:
        head = doc[k]
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        if head.i < at <= head.right_edge.i:
            return True
    return False


def _main_subject_first(doc: Doc, subjects: list[PersonMention]) -> PersonMention:
    """The last subject, unless it is the subject of a clause inside a sentence whose main clause has another of
    them as its subject, before it: that one, whom the sentence is about ("Lind has the final say on whether Tarn
    runs, and though she has said ..." -> Lind)."""
    last = doc[subjects[-1][0]]
    root = last.sent.root
    if not _subject_of_a_clause_inside(last, root):
        return subjects[-1]
    return next((p for p in reversed(subjects[:-1]) if doc[p[0]].sent.start == last.sent.start
                 and _subject_of(doc[p[0]]) == root), subjects[-1])


def _subject_of(tok: Token) -> Token | None:
    """The verb whose subject the name at ``tok`` is, or None."""
    while tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head
    return tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None


def _subject_of_a_clause_inside(tok: Token, root: Token) -> bool:
    """Is the name at ``tok`` the subject of a verb other than ``root``, in a clause that hangs under it?"""
    while tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head != root and tok.head.dep_ in (
        "ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp")


def described_in_view(
    r: SpeakerResolver, pronoun: Token, gender: str | None, since: int, named: list[PersonMention]
) -> Speaker | None:
    """The unnamed described speaker a he/she refers to ("..., a spokeswoman for the council said. She added
    ..."), when the last one noted comes at or after token ``since`` -- and nobody else has been the subject
    since ("The mayor spoke next. He said ...") nor been named (``named``: "a reporter asked Lind, “…?” “…,”
    she replied")."""
    found = next(
        ((i, sp) for i, sp, g in reversed(r.described) if i < pronoun.i and (gender is None or g in (None, gender))),
        None,
    )
    if found is None or found[0] < since or any(p[0] > found[0] for p in named) or _asker(r.doc[found[0]], pronoun):
        return None
    for t in r.doc[found[0] + 1 : pronoun.i]:
        subject = t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN")
        object_named = t.pos_ == "PROPN" and (t.dep_ in ("dobj", "dative") or t.ent_type_ == "PERSON")
        if (subject or object_named) and not r.index.inside(t.idx):
            return None
    return found[1]


def _asker(tok: Token, pronoun: Token) -> bool:
    """Is ``tok`` the one asking in the participle that opens the pronoun's sentence ("Asked by a reporter whether
    he would appeal, he said ...")? Or the subject of an asking verb in a sentence before ("..., when a reporter
    asked whether he was reversing his pledge. “…,” he said.")? The he/she is the one asked."""
    by = tok.head
    asked = tok if tok.pos_ == "VERB" else by if tok.dep_ == "nsubj" else None  # (noted at its verb, or its noun)
    if asked is not None and asked.lemma_.lower() in ASKING_VERBS and asked.sent != pronoun.sent:
        return True
    return tok.dep_ == "pobj" and by.dep_ == "agent" and by.head.tag_ == "VBN" \
        and by.head.lemma_.lower() in ("ask", "question", "press") and tok.sent == pronoun.sent
