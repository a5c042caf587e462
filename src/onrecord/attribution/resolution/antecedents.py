"""Who a mention points back to: a he/she, a "they" or an "it", a definite description, a document's author.

Salience, in order: the current speaker, unless another person has since become a subject (by the parse, by a
finite verb right after the name, or by opening the paragraph); a person the previous sentence turned to; the
nearest subject. "The harbour master" is the person introduced with that role; "the company" the last
organisation named as a subject; a document speaks for its author (possessor, "by"/"from", who wrote in it
earlier). "They" is speakers named together or the last plural subject that can speak.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from onrecord.attribution.resolution.genders import MALE
from onrecord.attribution.resolution.index import PersonMention
from onrecord.attribution.resolution.names import Speaker, org_text, person_name
from onrecord.attribution.resolution.relations import relative_subject_before
from onrecord.attribution.resolution.roles import role_holder
from onrecord.attribution.resolution.story import kin_of_the_story, pronoun_chain, story_subject
from onrecord.attribution.resolution.syntax import (
    core,
    is_subject,
    person_noun,
    possessive_at,
    published_on,
    role_key,
)
from onrecord.lexicon.en import (
    ANONYMOUS_HEADS,
    AUTHORING_VERBS,
    GROUP_HEADS,
    GROUP_PRONOUNS,
    ISSUED_DOCUMENTS,
    ORGANISATION_HEADS,
    PERSON_PRONOUNS,
    RECEIVING_VERBS,
    RESEARCH_DOCUMENTS,
)

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
    ix = r.index

    def fits(name: str) -> bool:  # (never the writer who speaks as "I": "I support him. He knows ...")
        g = ix.gender(name, listed=True)
        return (gender is None or g is None or g == gender) and name != r.first_person_writer()

    def full(mention: PersonMention) -> str:  # "Mrs. Clinton" is not Bill Clinton
        return _fullest_for(r, mention, gender, pronoun.i)

    window_start = max(0, pronoun.sent.start - PRONOUN_WINDOW)
    last = next(((i, s) for i, s in reversed(r.recent) if i < pronoun.i and s.kind == "person" and s.name
                 and fits(s.name)), None)
    lede = story_subject(r, pronoun)
    if last is not None and lede is not None and kin_of_the_story(r, last[1].name, full(lede), pronoun):
        return Speaker(full(lede), "person")  # "her daughter, Ana Lind, said ...\n\nBorn in 1934, she came ..."
    # (not a name inside the description itself: "the Ashgrove manager")
    before = [p for p in ix.persons if window_start <= p[0] < pronoun.left_edge.i and fits(full(p))]
    subjects = [p for p in before if p[2]]
    # "... paid off for Lakeview accountant Ana Lind, 50. “It helped,” she says.": the one person named in
    # the sentence just before, after anyone who spoke or acted, is who the story turned to
    previous_start = _sentence_before(r, pronoun)
    lately = _known_gender_first(r, [p for p in before if p[0] >= previous_start and not possessive_at(r.doc, p[0])
                                     and not _object_in_a_modifier(r.doc[p[0]])], gender, full)
    anchor = max([last[0] if last is not None else -1] + [p[0] for p in subjects])
    if len({full(p) for p in lately}) == 1 and lately[-1][0] > anchor and not any(
        t.lower_ in PERSON_PRONOUNS and t.dep_ in ("nsubj", "nsubjpass") for t in r.doc[previous_start : lately[0][0]]
    ):  # (not when a he/she before the name keeps the earlier person in view: "She praised Ivo Tarn.")
        return Speaker(full(lately[-1]), "person")
    turned = _turned_to(r.doc, pronoun, [(p[0], full(p)) for p in before if p[0] >= previous_start], anchor)
    if turned is not None:
        return Speaker(turned, "person")
    by_role = _role_subject_before(r, pronoun)
    if by_role is not None and fits(by_role) and not any(p[0] >= previous_start for p in subjects):
        return Speaker(by_role, "person")
    described = described_in_view(r, pronoun, gender, max(window_start, anchor + 1), before)
    if described is not None:
        return described
    if prefer_speaker and last is not None and last[0] >= window_start:
        newer = [p for p in subjects if p[0] > last[0] and full(p) != last[1].name]
        if not newer or _speaker_still_in_view(r.doc, pronoun, last[1].name, [(p[0], full(p)) for p in before],
                                               [p[0] for p in newer]):
            return last[1]
    if subjects:
        return Speaker(full(subjects[-1]), "person")
    chained = pronoun_chain(r, pronoun, last[0] if last is not None else -1) if depth < 4 and not before else None
    if chained is not None:  # (the he/she before it, resolved in its turn)
        return person_antecedent(r, chained, gender, prefer_speaker=prefer_speaker, any_mention=any_mention,
                                 depth=depth + 1)
    if last is not None:
        return last[1]
    if before and any_mention:
        return Speaker(full(before[-1]), "person")
    return Speaker(full(lede), "person") if lede is not None and fits(full(lede)) else Speaker(None, "unknown",
                                                                                                pronoun.text)


def _fullest_for(r: SpeakerResolver, mention: PersonMention, gender: str | None, at: int) -> str:
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
    return r.doc[start - 1].sent.start if start > 0 else start


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
    if any(t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass") and pronoun_gender(t) == gender
           for t in doc[named[-1][0] + 1 : sent_start]):
        return named[-1][1]
    return None


def _role_subject_before(r: SpeakerResolver, pronoun: Token) -> str | None:
    """The person the sentence before a he/she's names by role as its main subject, where that sentence names no
    one ("The prime minister, who watched from the gallery, spoke to reporters. He said ..." -> the prime
    minister the article introduced by name)."""
    start = pronoun.sent.start
    if start == 0 or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    sent = r.doc[start - 1].sent
    subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    kin = relative_subject_before(r, pronoun, pronoun_gender(pronoun))  # "His wife ... stopped. “…,” she said."
    if kin is not None:
        return kin
    if subject is None or subject.pos_ != "NOUN" or not any(c.lower_ == "the" and c.dep_ == "det"
                                                             for c in subject.children):
        return None
    return role_holder(r, subject) if r.index.roles.get(role_key(subject)) else None


def _speaker_still_in_view(doc: Doc, pronoun: Token, speaker: str | None, named: list[tuple[int, str]],
                           newer: list[int]) -> bool:
    """The sentence before the he/she's has the last speaker as its main clause's subject, and every person who
    became a subject since is a subject inside a clause after it: the speaker is still who the story is about
    ("Ivo Tarn declined to say whether Per Lind slept on the night Ana Lind died. “...,” he said." -> Tarn)."""
    start = pronoun.sent.start
    if start == 0:
        return False
    sent = doc[start - 1].sent
    subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or speaker is None or not (
        any(subject.left_edge.i <= i <= subject.i and name == speaker for i, name in named)
        or (subject.pos_ == "PROPN" and subject.text == speaker.split()[-1])  # "Tarn" for Ivo Tarn
    ):
        return False
    return all(subject.right_edge.i < i < sent.end and _subject_of_a_clause_inside(doc[i], sent.root) for i in newer)


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
    if found is None or found[0] < since or any(p[0] > found[0] for p in named):
        return None
    for t in r.doc[found[0] + 1 : pronoun.i]:
        subject = t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN")
        object_named = t.pos_ == "PROPN" and (t.dep_ in ("dobj", "dative") or t.ent_type_ == "PERSON")
        if (subject or object_named) and not r.index.inside(t.idx):
            return None
    return found[1]


def author(r: SpeakerResolver, head: Token) -> Speaker | None:
    """Who issued a document: "the union's release", "a study by Civic Action", "a release from UFCW", "a paper
    on the railway's website"."""
    for child in head.children:
        if child.dep_ == "poss" and child.lower_ in ("their", "its"):
            # "Their letter said" after "A group of residents wrote to the council": the group, or the body
            found = group_antecedent(r, child)
            if found.name or found.kind == "anonymous":
                return found
        if child.dep_ == "poss" and child.lower_ not in GROUP_PRONOUNS and child.ent_type_ not in ("DATE", "TIME"):
            # "the union's release"; "his videos": the person he is
            found = r.resolve(r.doc[child.left_edge.i : child.i + 1])
            if found.name or child.lower_ not in PERSON_PRONOUNS:
                return found
        if child.dep_ == "compound" and child.ent_type_ in ("ORG", "PERSON") and child.i in r.index.ent_of:
            ent = r.index.ent_of[child.i]
            if ent.label_ == "ORG":
                return Speaker(r.index.fullest_org(org_text(ent)), "organisation")
            return Speaker(r.index.fullest(person_name(ent)), "person")
    after = r.doc[head.i + 1] if head.i + 1 < len(r.doc) else None
    for tok in [*head.subtree, *([after] if after is not None and after.head.i < head.i else [])]:
        if tok.head.lemma_.lower() in RECEIVING_VERBS:
            continue  # "the statement, which was obtained by Variety": who has it, not who issued it
        if tok.lower_ in ("by", "from") and tok.dep_ in ("agent", "prep"):
            # (also "by" right after the document that the parse hung on the verb before it: "relies on a
            # declaration by a former manager, Ana Lind"; the name in apposition with a role)
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            named = next((c for c in obj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None) \
                if obj is not None and obj.pos_ == "NOUN" else None
            if named is not None:
                return r.resolve(r.doc[named.left_edge.i : named.i + 1])
            if obj is not None and (obj.ent_type_ in ("PERSON", "ORG") or obj.pos_ == "PROPN"):
                return r.resolve(r.doc[obj.left_edge.i : obj.right_edge.i + 1])
    owner = published_on(head)
    return r.resolve(r.doc[owner.left_edge.i : owner.i + 1]) if owner is not None else None


def earlier_author(r: SpeakerResolver, head: Token) -> Speaker | None:
    """The author of a document mentioned before, outside quotations ("Lind wrote in a report ... the report
    said"; "Tarn Records denied it in a statement ... the statement read"), or of a study just before named by
    another word ("A study by Civic Action analysed 13 projects. ... the report said")."""
    lemma = head.lemma_.lower()
    research = lemma in RESEARCH_DOCUMENTS
    for tok in reversed(r.doc[max(0, head.i - 300) : head.i]):
        word = tok.lemma_.lower()
        same = word == lemma or (research and word in RESEARCH_DOCUMENTS and head.i - tok.i <= _SAME_STUDY_WINDOW)
        if not same or tok.pos_ != "NOUN" or _quoted(r.text, tok.idx):
            continue  # (not "her statements" inside a quotation: the words of the document itself)
        found = maker(r, tok)
        if found is not None:
            return found
    return None


#: How far before "the report" (in tokens) a study named by another word is taken for the same document.
_SAME_STUDY_WINDOW = 150


def maker(r: SpeakerResolver, tok: Token) -> Speaker | None:
    """Who made the document ``tok`` mentions: who wrote or released it ("Lind wrote in the trust's report"; "the
    company denied it in a statement"), else whose it is ("a study by Civic Action")."""
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head if tok.dep_ in ("dobj", "nsubjpass") else None
    if verb is not None and verb.dep_ == "dobj" and tok.dep_ == "pobj":
        verb = verb.head  # "denied the claims in a statement": the parse hung "in" on the object
    if verb is not None and verb.pos_ == "VERB" and (
        verb.lemma_.lower() in AUTHORING_VERBS
        or (tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.lemma_.lower() in ISSUED_DOCUMENTS)
    ):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and tok.dep_ == "dobj" and verb.dep_ in ("advcl", "xcomp", "conj") and verb.tag_ in (
            "VBG", "VBD", "VBN"
        ):  # "Mr. Lind showed no sign of backing down, releasing a statement that ...": the main verb's subject
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is None and tok.dep_ == "nsubjpass":  # "an email was sent from Ana Lind, the director"
            by = next((c for c in verb.children if c.lower_ in ("by", "from") and c.dep_ in ("agent", "prep")),
                      None)
            subject = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            named = [c for c in subject.children if c.dep_ == "appos"] if subject is not None else []
            subject = named[0] if named else subject  # "from the club's director, Ana Lind"
        if subject is not None and (subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG")):
            return r.resolve(r.doc[subject.left_edge.i : subject.right_edge.i + 1])
        if subject is not None and subject.pos_ == "NOUN" and subject.tag_ in ("NN", "NNS"):
            # "In a statement, the company said"; "Dozens of local artists signed a letter" (a count of people)
            counted = subject.tag_ == "NNS" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
                o.dep_ == "pobj" and o.tag_ == "NNS" for o in c.children) for c in subject.children)
            maker = r.resolve(r.doc[subject.left_edge.i : (subject.right_edge.i if counted else subject.i) + 1])
            if maker.name:
                return maker
            if subject.tag_ == "NNS" and (maker.kind == "anonymous" or person_noun(subject.lemma_.lower()) or counted):
                # a group nobody names: "More than 40 physicians signed a letter"
                return Speaker(None, "anonymous", maker.description)
    found = author(r, tok)
    return found if found is not None and found.name else None


def _quoted(text: str, at: int) -> bool:
    """Is character ``at`` inside quotation marks opened in its paragraph?"""
    before = text[text.rfind("\n", 0, at) + 1 : at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def group_antecedent(r: SpeakerResolver, pronoun: Token) -> Speaker:
    """What "it" or "they" refers to: the organisation speaking, else the last one named as a subject; "I",
    "we" and "you" stay unknown."""
    if pronoun.lower_ in ("i", "we", "you"):
        return Speaker(None, "unknown", pronoun.text)
    if pronoun.lower_ in ("they", "them", "their"):
        return plural_antecedent(r, pronoun)
    named_body = _named_body_just_subject(r, pronoun)
    if named_body is not None:
        return named_body
    last = next(((i, s) for i, s in reversed(r.recent) if i < pronoun.i and s.kind == "organisation"), None)
    cands = [m for m in r.index.org_mentions if pronoun.i - 150 <= m[0] < pronoun.i and not m[3] and m[4] == "ORG"]
    people = {p[0] for p in r.index.persons if pronoun.i - 150 <= p[0] < pronoun.i}
    cands = [m for m in cands if m[0] not in people]  # (not a person's name the recogniser took for a body's)
    document = _document_just_named(r, pronoun, [m[0] for m in cands if m[2]] + ([last[0]] if last else []))
    if document is not None:
        return document  # "Dozens of artists signed an open letter. “…,” it says.": who made the letter
    subjects = [m for m in cands if m[2]]
    if last is not None and pronoun.i - last[0] < 80:
        # the organisation speaking, unless another one has become the subject since ("EDC declined ...")
        newer = [m for m in subjects if m[0] > last[0] and r.index.expand(m[1]) != last[1].name]
        if not newer or pronoun.lower_ not in ("it", "its"):
            return last[1]
    if pronoun.lower_ in ("it", "its"):
        # the last organisation named as a subject, else the last one named
        pick = subjects or cands
        if pick:
            return Speaker(r.index.expand(pick[-1][1]), "organisation")
    return Speaker(None, "unknown", pronoun.text)


def _named_body_just_subject(r: SpeakerResolver, pronoun: Token) -> Speaker | None:
    """"The local cycling group, Tarn Wheels, was less patient. “…,” it posted": an organisation's noun with its
    name in apposition (else the organisation its phrase names: "a delegation sent by the Tarn Forum"), the main
    subject of the sentence before an "it" or "its" (outside quotations), is what the "it" is, whichever
    organisation spoke before."""
    if pronoun.lower_ not in ("it", "its") or pronoun.sent.start == 0 or r.index.inside(pronoun.idx):
        return None
    sent = r.doc[pronoun.sent.start - 1].sent
    subject = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ != "NN" or subject.lemma_.lower() not in ORGANISATION_HEADS \
            or r.index.inside(subject.idx):
        return None
    name = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.is_title), None)
    if name is not None:
        return Speaker(r.index.expand(r.doc[name.left_edge.i : name.i + 1].text), "organisation")
    # (else the body its phrase names: "A delegation sent by the Tarn Forum arrived. Its report says ...")
    ent = next((r.index.ent_of[t.i] for t in subject.subtree if t.i > subject.i and t.i in r.index.ent_of), None)
    return Speaker(r.index.fullest_org(org_text(ent)), "organisation") if ent is not None and ent.label_ == "ORG" \
        else None


def _document_just_named(r: SpeakerResolver, pronoun: Token, organisations: list[int]) -> Speaker | None:
    """Who made the document an "it" stands for: one named in the sentence before or the pronoun's own, as a
    subject or an object, after any organisation that spoke or acted ("signed an open letter ... it says")."""
    if pronoun.lower_ != "it" or r.index.inside(pronoun.idx):
        return None
    start = r.doc[pronoun.sent.start - 1].sent.start if pronoun.sent.start > 0 else 0
    after = max(organisations, default=-1)
    for tok in reversed(r.doc[max(start, after + 1) : pronoun.i]):
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in ISSUED_DOCUMENTS and tok.dep_ in ("dobj", "nsubj") \
                and not r.index.inside(tok.idx):
            found = maker(r, tok)
            return found if found is not None and (found.name or found.kind == "anonymous") else None
    return None


def members(group: Token) -> Token | None:
    """The people a singular group noun is made of ("a group of physicians" -> "physicians"), or None."""
    if group.tag_ != "NN" or group.lemma_.lower() not in ORGANISATION_HEADS:
        return None
    of = next((c for c in group.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    made = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return made if made is not None and made.tag_ == "NNS" else None


def group_of(r: SpeakerResolver, group: Token) -> Speaker:
    """Who a group introduced in the article is: the organisation its phrase is in apposition to ("Doctors for
    Lakeview, a group of physicians"), else unnamed, described by its phrase ("a group of 30 physicians")."""
    for other in [c for c in group.children if c.dep_ == "appos"] + ([group.head] if group.dep_ == "appos" else []):
        ent = r.index.ent_of.get(other.i)
        if ent is not None and ent.label_ == "ORG":
            return Speaker(r.index.fullest_org(org_text(ent)), "organisation")
    phrase = core(r.doc[group.left_edge.i : group.right_edge.i + 1])
    end = next((t.left_edge.i for t in phrase if t.i > group.i and (
        t.text == "," or (t.dep_ in ("acl", "relcl") and t.head == group))), phrase.end)
    return Speaker(None, "anonymous", r.doc[phrase.start : end].text.strip())


def _organisation_named_by(r: SpeakerResolver, tok: Token) -> Speaker | None:
    """The organisation whose name a plural noun is a word of ("Tenants" of "Orchard Tenants Association"), else
    None."""
    ent = r.index.ent_of.get(tok.i)
    if tok.dep_ != "compound" or ent is None or ent.label_ != "ORG" or tok.i == ent.end - 1:
        return None
    return Speaker(r.index.fullest_org(org_text(ent)), "organisation")


def named_pair(r: SpeakerResolver, noun: Token) -> Speaker | None:
    """"The two companies", "both firms": the last two organisations named together before ("Transcarga and
    Nordlink Freight"), else None."""
    if noun.tag_ != "NNS" or noun.lemma_.lower() not in ORGANISATION_HEADS \
            or not any(c.lower_ in ("two", "both") for c in noun.children):
        return None
    ents = [e for e in r.doc.ents if e.end <= noun.i and e.label_ in ("ORG", "PERSON")
            and not r.index.inside(e.start_char)]
    for first, second in zip(reversed(ents[:-1]), reversed(ents[1:]), strict=True):
        # (one of the two may be tagged a person: "Transcarga and Nordlink Freight"; "the two companies" says not)
        if second.start == first.end + 1 and r.doc[first.end].lower_ == "and" and "ORG" in (first.label_,
                                                                                           second.label_):
            names = (r.index.fullest_org(org_text(first)), r.index.fullest_org(org_text(second)))
            return Speaker(" and ".join(names), "organisation")
    return None


def plural_antecedent(r: SpeakerResolver, pronoun: Token) -> Speaker:
    """What "they" said: the last speakers named together ("Ana Lind and Ivo Tarn"), or the last plural
    subject that can speak ("Residents complained ... they said"): an organisation or a group of people."""
    last = next(((i, s) for i, s in reversed(r.recent)
                 if i < pronoun.i and s.name and " and " in s.name), None)
    window_start = max(0, pronoun.sent.start - PRONOUN_WINDOW)
    subject = None
    for tok in reversed(r.doc[window_start : pronoun.i]):
        if is_subject(tok, tok.i + 1, tok.i) and members(tok) is not None and not r.index.inside(tok.idx):
            if last is None or tok.i > last[0]:
                return group_of(r, tok)  # "A group of 30 physicians wrote ... they said"
            break
        if is_subject(tok, tok.i + 1, tok.i) and tok.tag_ in ("NNS", "NNPS") and (
            tok.lower_ in ANONYMOUS_HEADS or tok.lower_ in ORGANISATION_HEADS or tok.lower_ in GROUP_HEADS
            or tok.lemma_.lower() in ORGANISATION_HEADS or tok.ent_type_ == "NORP"  # "companies", "Democrats"
            or (tok.pos_ == "NOUN" and person_noun(tok.lemma_.lower()))  # "the physicians stated"
        ) and not r.index.inside(tok.idx):
            subject = tok
            break
    named = _organisation_named_by(r, subject) if subject is not None else None
    if named is not None and (last is None or (subject is not None and subject.i > last[0])):
        return named  # "The Orchard Tenants Association said ... “…,” they said": the association, not "Tenants"
    if subject is not None and (last is None or subject.i > last[0]):
        spoke = next((s for i, s in r.recent if i == subject.head.i), None)
        if spoke is not None:  # "The authors wrote that ... “…,” they wrote": who the authors were found to be
            return spoke
        pair = named_pair(r, subject)
        if pair is not None:
            return pair  # "Transcarga and Nordlink agreed ... The two companies welcomed it ... they said"
        phrase = core(r.doc[subject.left_edge.i : subject.right_edge.i + 1])
        comma = next((t.i for t in phrase if t.i > subject.i and t.text == ","), phrase.end)
        return Speaker(None, "anonymous", r.doc[phrase.start : comma].text.strip())
    if last is not None and pronoun.i - last[0] < PRONOUN_WINDOW:
        return last[1]
    org = next(((i, s) for i, s in reversed(r.recent) if i < pronoun.i and s.kind == "organisation"), None)
    if org is not None and pronoun.i - org[0] < 80:
        return org[1]  # "the union started a campaign ... they tweet it out"
    return Speaker(None, "unknown", pronoun.text)
