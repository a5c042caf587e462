"""Who a mention points back to: a "they" or an "it", a group, a document's author (a he or she: see
:mod:`onrecord.attribution.resolution.person_antecedents`).

"The company" is the last organisation named as a subject; a document speaks for its author (possessor,
"by"/"from", who wrote in it earlier). "They" is speakers named together or the last plural subject that can
speak.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from onrecord.attribution.arrays import ents_of
from onrecord.attribution.quotes import quoted_at
from onrecord.attribution.resolution.names import Speaker, listed, org_text, person_name, strip_det
from onrecord.attribution.resolution.organisations import org_for
from onrecord.attribution.resolution.person_antecedents import PRONOUN_WINDOW
from onrecord.attribution.resolution.syntax import (
    apposed,
    compound_start,
    core,
    is_subject,
    person_noun,
    published_on,
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
    SAME_DOCUMENT_NOUNS,
)

if TYPE_CHECKING:
    from onrecord.attribution.resolution.resolver import SpeakerResolver



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
            named = named or _name_after_role(obj)
            if named is not None:
                return r.resolve(r.doc[named.left_edge.i : named.i + 1])
            if obj is not None and (obj.ent_type_ in ("PERSON", "ORG") or obj.pos_ == "PROPN"):
                joined = _bodies_joined(r, obj)  # "carried out by the Lakeview Trust and the University of X"
                return joined or r.resolve(r.doc[obj.left_edge.i : obj.right_edge.i + 1])
            if obj is not None and obj.lower_ in ORGANISATION_HEADS and obj.tag_ == "NN" and [
                    (c.dep_, c.lower_) for c in obj.lefts] == [("det", "the")]:
                # "a survey by the organization" (the bare noun: not "by the railway company"): the body that
                # noun stands for, when it is named
                found = r.resolve(r.doc[obj.left_edge.i : obj.i + 1])
                if found.name and found.kind == "organisation" and not found.name.islower():
                    return found
            if obj is not None and obj.pos_ == "NOUN" and any(
                    c.dep_ in ("compound", "poss") and c.ent_type_ in ("PERSON", "ORG") for c in obj.children):
                # "a statement issued by the Lind campaign": a named one's body
                found = r.resolve(r.doc[obj.left_edge.i : obj.i + 1])
                if found.name and found.kind == "organisation":
                    return found
            if (holder := _role_holder(r, obj)) is not None:
                return holder
    made = _made_in_clause(r, head)
    if made is not None:
        return made
    owner = published_on(head)
    if owner is None:
        return None
    if owner.dep_ == "compound" or owner.head.lower_ == "in":  # a publication: "a column in the Kestrel Globe"
        return Speaker(r.index.fullest_org(strip_det(r.doc[owner.left_edge.i : owner.i + 1].text)), "organisation")
    return r.resolve(r.doc[owner.left_edge.i : owner.i + 1])


def _role_holder(r: SpeakerResolver, obj: Token | None) -> Speaker | None:
    """"An email from the president of the Harbor Union": the person the article gave that role, if any."""
    if obj is not None and obj.pos_ == "NOUN" and obj.tag_ == "NN" and person_noun(obj.lemma_.lower()) \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children):
        found = r.resolve(r.doc[obj.left_edge.i : obj.right_edge.i + 1])
        if found.name and found.kind == "person":
            return found
    return None


def _name_after_role(obj: Token | None) -> Token | None:
    """The name set off by a comma right after a role ("by the company's director of quality, Ana Lind,"), where
    the parse hung it on another word; None when the role is no person's or no name follows."""
    if obj is None or obj.pos_ != "NOUN" or not person_noun(obj.lemma_.lower()):
        return None
    doc, k = obj.doc, obj.right_edge.i + 1
    if k + 1 >= len(doc) or doc[k].text != "," or doc[k + 1].ent_type_ != "PERSON" or doc[k + 1].ent_iob_ != "B":
        return None
    name = doc[k + 1]
    while name.i + 1 < len(doc) and doc[name.i + 1].ent_iob_ == "I":
        name = doc[name.i + 1]
    return name


def _made_in_clause(r: SpeakerResolver, head: Token) -> Speaker | None:
    """Who a clause on the document says made it ("an ad that the Lind campaign began running", "the report
    that the council released"): the clause's subject, when its verb, or the verb it goes on to, makes
    documents; not the document itself ("a report that said ...")."""
    for verb in head.children:
        if verb.dep_ not in ("relcl", "acl") or verb.pos_ != "VERB":
            continue
        made = verb.lemma_.lower() in AUTHORING_VERBS or any(
            c.dep_ == "xcomp" and c.lemma_.lower() in AUTHORING_VERBS for c in verb.children)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if made and subject is not None and subject.tag_ not in ("WDT", "WP") and subject.lower_ not in PERSON_PRONOUNS:
            found = r.resolve(r.doc[subject.left_edge.i : subject.right_edge.i + 1])
            return found if found.name else None
    return None


def _bodies_joined(r: SpeakerResolver, obj: Token) -> Speaker | None:
    """Two organisations the recogniser named, joined by "and" ("the Lakeview Trust and the University of
    Eastholm"): both, as one speaker; else None."""
    conj = next((c for c in obj.children if c.dep_ == "conj"), None)
    first, second = r.index.ent_of.get(obj.i), r.index.ent_of.get(conj.i) if conj is not None else None
    if first is None or second is None or first is second or {first.label_, second.label_} != {"ORG"}:
        return None
    return Speaker(listed([r.index.fullest_org(org_text(first)), r.index.fullest_org(org_text(second))]),
                   "organisation")


def earlier_author(r: SpeakerResolver, head: Token) -> Speaker | None:
    """The author of a document mentioned before, outside quotations ("Lind wrote in a report ... the report
    said"; "Tarn Records denied it in a statement ... the statement read"), or of a study just before named by
    another word ("A study by Civic Action analysed 13 projects. ... the report said"; "a new ad from X ... the
    60-second spot"); one that spoke before, as a subject or after "according to", speaks for the author it was
    found to have. A noun that modifies another is that document ("sent out an email fundraising appeal ... the
    email said": who sent the appeal)."""
    lemma = head.lemma_.lower()
    research, common = lemma in RESEARCH_DOCUMENTS, SAME_DOCUMENT_NOUNS.get(lemma, lemma)
    for tok in reversed(r.doc[: head.i]):
        word = tok.lemma_.lower()
        other = (research and word in RESEARCH_DOCUMENTS) or SAME_DOCUMENT_NOUNS.get(word, word) == common
        same = (word == lemma and (head.i - tok.i <= 300 or _with_maker(tok))) or (
            other and head.i - tok.i <= _SAME_STUDY_WINDOW)
        if not same or tok.pos_ != "NOUN" or quoted_at(r.text, tok.idx):
            continue  # (not "her statements" inside a quotation: the words of the document itself)
        cue = tok.head.i if tok.dep_ == "nsubj" else tok.head.head.i if _according_to(tok) else None
        spoke = next((sp for i, sp in r.recent if i == cue), None) if cue is not None else None
        if spoke is not None and spoke.kind in ("organisation", "person"):
            return spoke  # the same document spoke before: for whoever it was found to speak for
        noun = tok  # (the noun as another's modifier is that document: "sent out an email fundraising appeal")
        while noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
            noun = noun.head
        found = maker(r, noun)
        if found is not None:
            return found
    return _spoke_before(r, head)


def _with_maker(tok: Token) -> bool:
    """Is the document named with its maker's name before its noun ("a new Orbis Research poll"), so that "the
    poll" far down a story about it is still that one?"""
    return any(c.dep_ in ("compound", "poss") and c.ent_type_ == "ORG" for c in tok.children)


def _according_to(tok: Token) -> bool:
    """Is the noun the object of "according to" ("According to the statement, ...")?"""
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"


def _spoke_before(r: SpeakerResolver, head: Token) -> Speaker | None:
    """The named author of the last document by the same noun that spoke before, however far back ("the
    lawsuit says" all through a story about one lawsuit)."""
    lemma = head.lemma_.lower()
    for i, spoke in reversed(r.recent):
        if i < head.i and spoke.kind in ("organisation", "person") and any(
                c.dep_ == "nsubj" and c.lemma_.lower() == lemma and c.pos_ == "NOUN" for c in r.doc[i].children):
            return spoke
    return None


#: How far before "the report" (in tokens) a document named by another word is taken for the same one.
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
        if subject is not None and subject.tag_ == "WP" and verb.dep_ == "relcl":
            # "led by Ana Lind, who also wrote its report": whom the relative clause is on
            on = r.resolve(r.doc[subject.i : subject.i + 1])
            return on if on.name else None
        if subject is not None and subject.pos_ == "NUM" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
                o.dep_ == "pobj" and o.tag_ == "NNS" for o in c.children) for c in subject.children):
            # "In a joint letter, 40 of the dockers said": the group counted, nobody named
            return Speaker(None, "anonymous", r.doc[subject.left_edge.i : subject.right_edge.i + 1].text)
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
    subject = next((t for t in sent if t.dep_ == "nsubj" and t.left_edge.i == sent.start), None) or next(
        (c for c in sent.root.children if c.dep_ == "nsubj"), None)  # (the one opening it: the root may be misparsed)
    if subject is None or subject.tag_ != "NN" or subject.lemma_.lower() not in ORGANISATION_HEADS \
            or r.index.inside(subject.idx):
        return None
    name = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.is_title), None)
    if name is not None:
        return Speaker(r.index.expand(r.doc[name.left_edge.i : name.i + 1].text), "organisation")
    # (else the body its phrase names: "A delegation sent by the Tarn Forum arrived. Its report says ...")
    ent = next((r.index.ent_of[t.i] for t in subject.subtree if t.i > subject.i and t.i in r.index.ent_of), None)
    if ent is not None:
        return Speaker(r.index.fullest_org(org_text(ent)), "organisation") if ent.label_ == "ORG" else None
    if not any(c.dep_ == "poss" or c.lower_ == "the" for c in subject.children):
        return None
    # (else a definite description: "The national audit office, which ..., lists ... In its report, it warned":
    # the organisation it stands for, as "the office said" would be, else the description itself)
    found = org_for(r, subject)
    return Speaker(found or strip_det(r.doc[subject.left_edge.i : subject.i + 1].text), "organisation")


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
    for other in apposed(group):
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
    if noun.tag_ != "NNS" or noun.lemma_.lower() not in ORGANISATION_HEADS:
        return None
    if not any(c.lower_ in ("two", "both") for c in noun.children):
        return _parties_of_deal(r, noun)
    ents = [e for e in ents_of(r.doc) if e.end <= noun.i and e.label_ in ("ORG", "PERSON")
            and not r.index.inside(e.start_char)]
    for first, second in zip(reversed(ents[:-1]), reversed(ents[1:]), strict=True):
        # (one of the two may be tagged a person: "Transcarga and Nordlink Freight"; "the two companies" says not)
        if second.start == first.end + 1 and r.doc[first.end].lower_ == "and" and "ORG" in (first.label_,
                                                                                           second.label_):
            names = (r.index.fullest_org(org_text(first)), r.index.fullest_org(org_text(second)))
            return Speaker(" and ".join(names), "organisation")
    return None


def _parties_of_deal(r: SpeakerResolver, noun: Token) -> Speaker | None:
    """"The companies" with no other word ("Tarn Freight has agreed to buy Orvane Inc., the companies said"): the
    two organisations its own sentence names before it, outside quotation marks; later in the story, the pair an
    earlier "the companies" was so found to be; else None."""
    for tok in reversed(r.doc[: noun.i + 1]):
        if tok.lower_ != noun.lower_ or [c.lower_ for c in tok.children if c.dep_ != "punct"] != ["the"]:
            continue
        ents = [e for e in ents_of(r.doc) if tok.sent.start <= e.start and e.end <= tok.i and e.label_ == "ORG"
                and not quoted_at(r.text, e.start_char)]  # (what they said: "X agreed to buy Y, the companies said")
        names = list(dict.fromkeys(r.index.fullest_org(org_text(e)) for e in ents))
        if len(names) == 2:
            return Speaker(" and ".join(names), "organisation")
    return None


def _names_joined(r: SpeakerResolver, tok: Token) -> Speaker | None:
    """The people a subject names joined by "and" ("Ana Lind and Ivo Tarn met ..."), or a couple of one family
    name ("Ana and Ivo Lind, who run a cafe, told ..."), outside quotations, as one speaker; else None."""
    if tok.pos_ == "PROPN" and not r.index.inside(tok.idx):
        couple = next(((one, other) for start, one, other in r.index.couples if tok.left_edge.i <= start < tok.i
                       and tok.i < start + 6), None)
        if couple is not None:
            return Speaker(f"{r.index.fullest(couple[0])} and {r.index.fullest(couple[1])}", "person")
    if (along := _joined_along_with(r, tok)) is not None:
        return along
    if tok.pos_ != "PROPN" or r.index.inside(tok.idx) or not any(
            c.dep_ == "conj" and c.pos_ == "PROPN" for c in tok.children):
        return None
    found = r.resolve(r.doc[compound_start(tok) : tok.right_edge.i + 1])
    return found if found.kind == "person" and found.name and " and " in found.name else None


def _joined_along_with(r: SpeakerResolver, tok: Token) -> Speaker | None:
    """A named subject set off with the people it acts "along with" or "together with", before its verb ("Ana
    Lind, along with Judge Ivo Tarn of the appeals court and Mia Brook, a professor, wrote a study"): all of them
    (the parse hangs the phrase anywhere); else None."""
    doc, k, ent = r.doc, tok.i + 1, r.index.ent_of.get(tok.i)
    if ent is None or ent.label_ != "PERSON" or tok.i != ent.end - 1 or r.index.inside(tok.idx) \
            or [t.lower_ for t in doc[k : k + 3]] not in (
                [",", "along", "with"], [",", "together", "with"]) or tok.head.i <= k:
        return None
    with_them = [e for e in ents_of(doc) if k + 3 <= e.start and e.end <= tok.head.i and e.label_ == "PERSON"]
    if not with_them:
        return None
    return Speaker(listed([r.index.fullest(person_name(e)) for e in (ent, *with_them)]), "person")


def plural_antecedent(r: SpeakerResolver, pronoun: Token) -> Speaker:
    """What "they" said: the last speakers named together ("Ana Lind and Ivo Tarn"), the last subject naming
    people together, or the last plural subject that can speak ("Residents complained ... they said"): an
    organisation or a group of people."""
    last = next(((i, s) for i, s in reversed(r.recent)
                 if i < pronoun.i and s.name and " and " in s.name), None)
    window_start = max(0, pronoun.sent.start - PRONOUN_WINDOW)
    subject = None
    for tok in reversed(r.doc[window_start : pronoun.i]):
        if is_subject(tok, tok.i + 1, tok.i) and members(tok) is not None and not r.index.inside(tok.idx):
            if last is None or tok.i > last[0]:
                return group_of(r, tok)  # "A group of 30 physicians wrote ... they said"
            break
        joined = _names_joined(r, tok) if is_subject(tok, tok.i + 1, tok.i) else None
        if joined is not None:
            if last is None or tok.i > last[0]:
                return joined  # "Ana Lind and Ivo Tarn met the board ... they said"
            break
        if is_subject(tok, tok.i + 1, tok.i) and tok.tag_ in ("NNS", "NNPS") and (
            tok.lower_ in ANONYMOUS_HEADS or tok.lower_ in ORGANISATION_HEADS or tok.lower_ in GROUP_HEADS
            or tok.lemma_.lower() in ORGANISATION_HEADS or tok.ent_type_ == "NORP"  # "companies", "Democrats"
            or (tok.pos_ == "NOUN" and person_noun(tok.lemma_.lower()))  # "the physicians stated"
            or any(i == tok.head.i and s.name for i, s in r.recent)  # a group that spoke by a name it gave itself
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
    return _two_introduced(r, pronoun) or Speaker(None, "unknown", pronoun.text)


def _two_introduced(r: SpeakerResolver, pronoun: Token) -> Speaker | None:
    """The two people the two sentences before a "they" each have as their main subject, by name ("Ana Lind is
    a member of the club. Her friend Ivo Tarn started another. They say ..."), when nothing else is in view; else
    None."""
    start, names = pronoun.sent.start, list[str]()
    for _ in range(2):
        if start == 0:
            return None
        sent = r.doc[start - 1].sent
        subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ == "NOUN":  # "Her friend Ivo Tarn"
            subject = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if subject is None or subject.pos_ != "PROPN" or r.index.inside(subject.idx):
            return None
        mention = next((p for p in r.index.persons if compound_start(subject) <= p[0] <= subject.i), None)
        if mention is None:
            return None
        names.insert(0, r.index.fullest(mention[1]))
        start = sent.start
    return Speaker(listed(names), "person") if names[0] != names[1] else None
