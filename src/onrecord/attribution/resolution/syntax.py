"""What the parse says about a mention: its clause role, the extent of its phrase, the role its words name.

Small questions the index and the rules ask of tokens and spans: is a mention the subject of its clause; where
does a source's noun phrase end; is a name a possessor or the object of a preposition inside the phrase; which
role does a title name; where a heading or a photo credit ran into the next paragraph.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.arrays import ents_of, ids, one_of, positions, token_arrays
from onrecord.attribution.resolution.names import ROLE_ENDINGS, double_first_name, hyphen_joins, listed_first_name
from onrecord.lexicon import load
from onrecord.lexicon.en import (
    ANONYMOUS_HEADS,
    CLAUSE_OPENERS,
    DEPARTMENT_WORDS,
    GROUP_HEADS,
    GROUP_PRONOUNS,
    ORGANISATION_HEADS,
    ORGANISATION_NAME_ENDINGS,
    PAIR_WORDS,
    PERSON_ENDINGS,
    PLACE_FEATURE_WORDS,
    PUBLICATIONS,
    PUBLISHED_PIECES,
    PUBLISHING_PLACES,
    ROLE_ABBREVIATIONS,
    ROLE_PREFIXES,
    TITLES,
)

#: Entity labels of organisations and of the places and peoples that speak as one ("Canada said").
ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})

#: Titles that are people's ("chairman", "mayor"), as heads of a description.
PERSON_TITLES = (
    frozenset(t.rstrip(".") for t in TITLES if len(t.rstrip(".")) > 3) - DEPARTMENT_WORDS - ORGANISATION_HEADS
)

#: A parenthesised credit in capitals that ends a photo caption ("( ANA LIND / THE STAR )").
CREDIT = re.compile(r"\(\s*[A-Z][A-Z .,'/&-]+\)\s*$")
#: Lines that point elsewhere (a video, a related story): headings, never the start of a statement.
_LABEL_LINE = re.compile(r"^\s*(?:WATCH|READ MORE|RELATED|SEE ALSO|LISTEN|VIDEO|PHOTOS|MORE)\s*:")


def is_subject(tok: Token, end: int | None = None, start: int | None = None) -> bool:
    """Is the mention the subject of its clause? By the parse, or, when the parse is off (a heading run into
    the paragraph, a long apposition), by a finite verb right after the name ("Guest said", "Lind, 73,
    credits": not when the verb has a subject of its own, "who like Ivo Tarn was born", unless the name stands in
    apposition inside that subject: "Head of research at the firm X, Ana Lind, agreed") or by its opening the
    sentence ("Toronto retiree Ana Lind, who ..."). A name a "who" clause describes is that clause's subject
    ("I am talking about Ana Lind, who was born in Lakeview")."""
    subjects = ("nsubj", "nsubjpass")
    if tok.dep_ in subjects or (tok.dep_ in ("appos", "compound") and tok.head.dep_ in subjects):
        return True
    if any(c.dep_ == "relcl" and any(w.dep_ in subjects and w.lower_ == "who" for w in c.children)
           for c in tok.children):
        return True  # "Ivo Tarn, who was born in Lakeview, ...": the subject of the clause about them
    if tok.dep_ == "poss" or end is None:
        return False
    doc = tok.doc
    first = tok.i if start is None else start
    for k in (end, end + 1):
        if k < len(doc) and doc[k].tag_ in _FINITE and (k == end or doc[end].text == ",") and (
                not _has_other_subject(doc[k], first, end) or (k == end + 1 and _named_in_the_subject(tok, first))):
            return True
    if start is not None:
        after_break = next((t.i + 1 for t in reversed(doc[max(0, start - 6) : start]) if "\n" in t.text), 0)
        opening = max(tok.sent.start, after_break)
        before = doc[opening : start]
        return len(before) <= 3 and all(t.pos_ in ("NOUN", "PROPN", "ADJ", "DET", "SPACE") for t in before)
    return False


def _named_in_the_subject(tok: Token, start: int) -> bool:
    """Is the name at ``tok``, set off by commas right before its verb, in apposition inside that verb's subject
    phrase ("Head of research at the firm Brightwall, Ana Lind, agreed": the parse hung the name on the nearest
    noun, not on the subject's head)? It names the subject: the person who agreed."""
    doc = tok.doc
    if start == 0 or doc[start - 1].text != ",":
        return False
    node = tok
    while node.dep_ in ("compound", "flat") and node.head.i > node.i:
        node = node.head
    if node.dep_ != "appos":
        return False
    while node.head.i != node.i and node.dep_ not in ("nsubj", "nsubjpass", "conj"):
        node = node.head  # (not through a conjunction: "Ivo Tarn and his sister, Ana Lind, argued" is a list)
    return node.dep_ in ("nsubj", "nsubjpass") and node.i < start


def _has_other_subject(verb: Token, start: int, end: int) -> bool:
    """Has the finite verb after a name (or the verb its auxiliary serves) a subject of its own outside the name's
    tokens ``start:end``? "who like Ivo Tarn was born": "was born" is the who's, not Tarn's."""
    target = verb.head if verb.dep_ in ("aux", "auxpass") else verb
    return any(c.dep_ in ("nsubj", "nsubjpass") and not start <= c.i < end for c in target.children)


def core(source: Span) -> Span:
    """The source mention without what trails its noun phrase: a relative clause, "but ...", a dash
    ("a person familiar with the talks but unauthorized to speak" -> "a person familiar with the talks")."""
    doc, head = source.doc, source.root
    end = source.end
    for tok in source:
        if tok.i <= head.i:
            continue
        if tok.lower_ in CLAUSE_OPENERS and tok.dep_ == "pobj" and tok.head.head == head:
            return source  # "many of whom": the relative pronoun is the phrase's own object
        if tok.lower_ in CLAUSE_OPENERS or tok.text in "—–(" or tok.dep_ == "relcl" or (
            tok.text == "," and tok.i + 1 < source.end and doc[tok.i + 1].lower_ in CLAUSE_OPENERS
        ):
            end = min(tok.i, tok.left_edge.i) if tok.dep_ == "relcl" else tok.i
            break
    while end > source.start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[source.start : end]


def titled_name(ent: Span) -> str | None:
    """The name after a title inside an entity the recogniser called an organisation ("Hereditary Chief Ana
    Lind" -> "Ana Lind"), or None."""
    words = [t for t in ent if not t.is_punct]
    for k in range(len(words) - 2, -1, -1):
        word = words[k].lower_.rstrip(".")
        if word in TITLES and word not in DEPARTMENT_WORDS and words[k].is_title:
            if not words[k].whitespace_:
                return None  # a word of a hyphenated name ("the Spokesman-Review" names a newspaper, not "Review")
            rest = words[k + 1 :]
            if rest and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in ORGANISATION_HEADS
                            and t.lower_.rstrip(".") not in TITLES for t in rest) and len(rest) <= 3:
                return " ".join(t.text for t in rest)
            return None
    return None


#: Nouns for one person by kin or gender ("wife", "son", "widow"; lexicon gender_nouns).
_KIN_NOUNS = frozenset(load("en").mapping("gender_nouns"))


def role_noun(tok: Token) -> bool:
    """A noun that can give a role: a common one, or a title with a capital ("who has been Treasurer since 2020")."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.lower_ in PERSON_TITLES
                                  and tok.ent_type_ in ("", "PERSON") and not tok.is_upper)


def copular_nouns(name: Token) -> list[Token]:
    """The definite noun a name is said to be with "is" ("The lead plaintiff is Ana Lind", "Ana Lind is the club's
    treasurer"; "His mother, Ana Lind, was the first witness"), or with a relative clause ("Ana Lind, who has been
    treasurer since May,"): a role the article gives the person, as an apposition does; not "is the mayor's pick"."""
    node = name.head if name.dep_ == "appos" else name
    # a relative clause on the name: "Amadou Sarr, who has been treasurer since 2024," / "who became coach"
    said = [c for v in node.children if v.dep_ == "relcl" and v.lemma_ in ("be", "become") and any(
        w.dep_ == "nsubj" and w.lower_ == "who" for w in v.children) for c in v.children if c.dep_ == "attr"
        and role_noun(c) and not any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)]
    verb = node.head
    if node.dep_ not in ("attr", "nsubj") or verb.lemma_ != "be":
        return said
    other = "nsubj" if node.dep_ == "attr" else "attr"
    return said + [c for c in verb.children if c.dep_ == other and role_noun(c) and any(
        (d.dep_ == "det" and d.lower_ == "the") or d.dep_ == "poss" for d in c.children)
        and not any(d.dep_ == "case" for d in c.children)]  # (a possessor: "is the mayor's first pick")


def apposed(tok: Token) -> list[Token]:
    """The words in apposition with ``tok``: its own appositions ("Ana Lind, the chairwoman"), then the word it is
    in apposition to ("His wife, Ana Lind")."""
    return [c for c in tok.children if c.dep_ == "appos"] + ([tok.head] if tok.dep_ == "appos" else [])


def role_apposition(tok: Token) -> bool:
    """Is the name ending at ``tok`` in apposition with a person's role ("Ana Lind, the party chairwoman") or a
    kin noun ("His wife, Ana Lind")?"""
    nouns = apposed(tok)
    return any(n.pos_ == "NOUN" and (person_noun(n.lemma_.lower()) or n.lower_ in _KIN_NOUNS) for n in nouns)


def looks_like_a_persons_name(ent: Span) -> bool:
    """Two or three capitalised proper nouns in apposition with a person's role ("Ilse Varga, the institute's
    hydrologist") or after one that modifies them ("former councillor Ivo Marsh"), or a name whose first name is
    two first names hyphenated ("Mary-Kate Lind"), whatever the recogniser labelled them ("Ewan MacOdrum" too)."""
    if double_first_name(ent):
        return True
    words = [t for t in ent if not hyphen_joins(ent.doc, t.i)]  # ("Makinde-Shaw": one word of the name)
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    # a first name the recogniser left out before a family name it took for an organisation ("Ana Tonga-Ekberg")
    first = before is not None and before.pos_ == "PROPN" and before.dep_ == "compound" and not before.ent_type_ \
        and ent.start <= before.head.i < ent.end and listed_first_name(before)
    if not (2 <= len(ent.text.split()) + first <= 3 and all(t.pos_ == "PROPN" and (t.is_title or (  # or "MacOdrum"
            t.i == ent.end - 1 and t.text[1:2].islower() and t.is_alpha and not t.text[1:].islower())) for t in words)):
        return False
    role_before = before is not None and before.pos_ == "NOUN" and before.dep_ == "compound" \
        and ent.start <= before.head.i < ent.end and person_noun(before.lemma_.lower())
    return role_before or role_apposition(ent[-1]) or (_role_like_apposition(ent[-1]) and listed_first_name(ent[0]))


def _role_like_apposition(tok: Token) -> bool:
    """Is the name ending at ``tok`` in apposition with a noun that ends as one for a role does ("That greenkeeper,
    Lorcan Ó Briain,")?"""
    nouns = apposed(tok)
    return any(n.pos_ == "NOUN" and n.lemma_.lower().endswith(ROLE_ENDINGS) for n in nouns)


def person_before_thing(who: Token, noun: Token, persons: Sequence[tuple[int, str, bool]]) -> Span | None:
    """The person named last before ``noun`` in its sentence, when ``noun`` is a thing a "who" was hung on ("at Ana
    Lind on camera, who responds": a camera does not respond), else None."""
    if who.lower_ not in ("who", "whom") or noun.tag_ != "NN" or noun.pos_ != "NOUN" or noun.ent_type_ \
            or person_noun(noun.lemma_.lower()) or noun.lemma_.lower() in ORGANISATION_HEADS | GROUP_HEADS:
        return None
    start = next((p[0] for p in reversed(persons) if noun.sent.start <= p[0] < noun.left_edge.i), None)
    if start is None:
        return None
    end = start + 1
    while end < noun.left_edge.i and who.doc[end].pos_ == "PROPN":
        end += 1
    return who.doc[start:end]


def person_noun(lemma: str) -> bool:
    """A noun for a person's role: a title ("chairwoman"), an unnamed source's head ("official"), or a longer
    occupation noun with a person's ending ("hydrologist", "historian")."""
    return lemma in PERSON_TITLES or lemma in ANONYMOUS_HEADS or (len(lemma) >= 6 and lemma.endswith(
        tuple(PERSON_ENDINGS)))


def age_apposition(tok: Token) -> bool:
    """Is the name ending at ``tok`` followed by an age between commas ("Ana Lind, 35, said")? Only a person is
    given an age so."""
    doc = tok.doc
    k = tok.i + 1
    if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 2].text != ",":
        return False
    age = doc[k + 1]
    return age.like_num and age.text.isdigit() and 1 <= int(age.text) <= 110 and age.head == tok


def role_key(word: Token) -> str:
    """The role a title or a description's head names: "minister", but "prime minister" for Prime Minister;
    an abbreviated title names the role spelt out ("Gov." -> "governor")."""
    lemma = word.lemma_.lower().rstrip(".")
    lemma = ROLE_ABBREVIATIONS.get(lemma, lemma)
    before = [c for c in word.children if c.dep_ in ("amod", "compound") and c.i < word.i]
    prev = word.doc[word.i - 1] if word.i else None
    if prev is not None and prev.lower_ in ROLE_PREFIXES and (prev in before or prev.head == word or prev.is_title):
        return f"{prev.lower_} {lemma}"
    return lemma


def described(head: Token) -> bool:
    """Does the noun carry a describing modifier ("the laid-back Lakeview resident", "the 39-year-old founder")?"""
    return any(c.dep_ in ("amod", "compound", "nmod") and c.i < head.i for c in head.children)


def names_other(ent: Span, phrase: Span) -> bool:
    """Does the name stand for someone else than the phrase's speaker: the object of a preposition in the
    phrase ("a spokeswoman for Ana Lind", "a narrator in the Lind ad") or a name modifying a common noun
    ("the Lind campaign")? Appositions and names joined to the head do not ("the spokesman, Ivo Tarn")."""
    node = ent.root
    while node.dep_ == "conj" and node.head != node and not ent.start <= node.head.i < ent.end:
        node = node.head
    inside = phrase.start <= node.head.i < phrase.end and not ent.start <= node.head.i < ent.end
    if node.dep_ == "pobj" and inside:
        # unless the parser ran an apposition into the object: "envoy to Lakeland Ana Lind"
        between = ent.doc[node.head.i + 1 : ent.start]
        return not any(t.ent_type_ in ("GPE", "ORG", "NORP") for t in between)
    return node.dep_ == "compound" and inside and node.head.pos_ == "NOUN"


def possessive_at(doc: Doc, i: int) -> bool:
    """Is the name starting at token ``i`` a possessor ("Mr. Lind's request")?"""
    tok = doc[i]
    while tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head
    return tok.dep_ == "poss" or (tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "POS")


def possessor(ent: Span) -> bool:
    """Is the name a possessor ("Lind's aunt")?"""
    return ent.root.dep_ == "poss" or ent.text.endswith(("'s", "’s", "'", "’")) or (
        ent.end < len(ent.doc) and ent.doc[ent.end].tag_ == "POS"
    )


def modifies(tok: Token, head: Token) -> bool:
    """Is ``tok`` the head itself or a word of its own noun phrase (compound, possessor, modifier, apposition)?"""
    node = tok
    for _ in range(4):
        if node == head:
            return True
        if node.dep_ not in ("compound", "poss", "amod", "nmod", "appos", "nummod") or node.head == node:
            return False
        node = node.head
    return False


def is_document(head: Token) -> bool:
    """A document named by a two-word noun ("the white paper", "the news release")."""
    return head.lemma_.lower() in ("paper", "release", "statement") and any(
        c.dep_ in ("amod", "compound") and c.lower_ in ("white", "news", "press", "position", "discussion")
        for c in head.children
    )


def counted_as_pair(head: Token) -> bool:
    """Is the noun counted as two ("both senators", "the two coaches", "either candidate")?"""
    return any(c.lower_ in PAIR_WORDS and c.dep_ in ("det", "predet", "preconj", "nummod") for c in head.children)


def pronoun_possessed(head: Token) -> bool:
    """Has the noun a possessive pronoun ("her Treasurer")?"""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)


def determiner(head: Token) -> str | None:
    """The noun's determiner or number, lower case ("the", "a", "two"), if it has one."""
    for child in head.children:
        if child.dep_ in ("det", "nummod", "quantmod", "predet") or child.like_num:
            return str(child.lower_)
    return None


def compound_start(head: Token) -> int:
    """Where the proper-noun compound ending at ``head`` starts ("Sen. Ana Lind" for "Lind")."""
    start = int(head.i)
    for child in head.lefts:
        if child.dep_ in ("compound", "amod", "poss") and child.pos_ == "PROPN":
            start = min(start, child.left_edge.i)
    return start


def run_in(source: Span, text: str) -> Span | None:
    """A source found in a heading, a "WATCH:" line or a photo credit that the parser ran into the next
    paragraph ("Road plans\n\nLind said ..."): the speaker is the noun phrase that opens that paragraph."""
    doc = source.doc
    line_start = text.rfind("\n", 0, source.start_char) + 1
    line_end = text.find("\n", source.start_char)
    if line_end < 0 or source.end_char > line_end:
        return None
    line = text[line_start:line_end].strip()
    labelled = bool(_LABEL_LINE.match(line))  # "WATCH: ...", "READ MORE: ...": never where a speaker stands
    if source.root.head.idx < line_end and not labelled:
        return None  # the clause is on this line: an ordinary source
    heading = len(line.split()) <= 12 and not line.endswith((".", "!", "?", "”", '"', ":", ";", ","))
    if not (heading or labelled or CREDIT.search(line)):
        return None
    k = line_end
    while k < len(text) and text[k].isspace():
        k += 1
    if k >= len(text) or text[k] in "“\"'‘«":
        return None  # the next paragraph is a quotation: its speaker is not at its start
    span = doc.char_span(k, k + 1, alignment_mode="expand")
    if span is None:
        return None
    tok = span[0]
    while tok.dep_ in ("compound", "amod", "nmod", "det", "poss") and tok.i < tok.head.i <= tok.i + 6:
        tok = tok.head
    if tok.pos_ not in ("PROPN", "NOUN") or not is_subject(tok, tok.i + 1, span.start):
        return None
    return doc[span.start : tok.i + 1]


def captions(text: str) -> list[tuple[int, int]]:
    """Photo captions: paragraphs that end in a parenthesised credit in capitals ("( ANA LIND / THE STAR )").
    The people in them are not the antecedents of the story's pronouns."""
    out, start = [], 0
    for line in text.split("\n"):
        if CREDIT.search(line):
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


class Inside:
    """Membership test for character offsets in sorted, non-overlapping spans."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def __call__(self, char: int) -> bool:
        k = bisect.bisect_right(self.starts, char) - 1
        return k >= 0 and self.spans[k][0] <= char < self.spans[k][1]


def organisation_person_swaps(ents: Sequence[Span]) -> dict[int, Span]:
    """The entities the recogniser swapped, relabelled, by their first token: a name labelled a person's that ends
    with a word that ends only organisations' names is an organisation ("Lakeview Productions denied it. 'No deal,'
    the production company said." -> Lakeview Productions, an organisation), and so is one word in apposition to
    a body ("Kestrel, the official news agency,"), and that word alone elsewhere; and a name labelled an
    organisation's that stands in apposition to a person's role (or its initials: "the local MP,") is a person
    (:func:`_people_read_as_organisations`).
    (Speaker resolution reads the entities so: :func:`onrecord.attribution.resolution.people.people_by_evidence`.)"""
    bodies = {e.text for e in ents if e.label_ == "PERSON" and _body_apposed(e)}
    wrong = [e for e in ents if e.label_ == "PERSON" and ((len(e) >= 2 and e[-1].pos_ == "PROPN"
             and (e[-1].is_title or e[-1].is_upper) and e[-1].lower_.rstrip(".") in ORGANISATION_NAME_ENDINGS)
             or e.text in bodies)]
    people = _people_read_as_organisations(ents)
    out = {e.start: Span(e.doc, e.start, e.end, label="ORG") for e in wrong}
    out.update((e.start, Span(e.doc, e.start, e.end, label="PERSON")) for e in people)
    return out


def _body_apposed(e: Span) -> bool:
    """Is the name, one word, in apposition to a body or a publication ("Kestrel, the news agency,"): no person's?"""
    root = e.root
    nouns = apposed(root)
    return len(e) == 1 and any(n.pos_ == "NOUN" and n.tag_ == "NN" and (
        n.lemma_.lower() in ORGANISATION_HEADS or n.lemma_.lower() in PUBLICATIONS) for n in nouns)


def _people_read_as_organisations(ents: Sequence[Span]) -> list[Span]:
    """Names labelled an organisation's that are people's: two words or more in apposition to a person's role
    ("the family's solicitor, Declan van der Meer,"; "Chase Manning, the club's chairman,"), or beginning with a
    listed first name beside a noun that ends as a role does ("his drummer Rufus Dale": what
    :func:`looks_like_a_persons_name` reads), not ending with a word that ends organisations' names, and the later
    mentions of their surnames ("Van der Meer added")."""
    def apposed(e: Span) -> bool:
        root = e.root
        roles = [root.head] if root.dep_ == "appos" else []
        roles += [c for c in root.children if c.dep_ == "appos"]
        doc = e.doc
        if e.start >= 2 and doc[e.start - 1].text == ",":  # (by the words, where the parse lost the apposition)
            roles.append(doc[e.start - 2])
        return any(person_noun(t.lemma_.lower()) if t.pos_ == "NOUN" else _role_initials(t) for t in roles)

    people = [e for e in ents if e.label_ == "ORG" and len(e) >= 2 and e[0].is_title and e[-1].is_title
              and e[-1].lower_.rstrip(".") not in ORGANISATION_NAME_ENDINGS
              and (apposed(e) or looks_like_a_persons_name(e))]
    surnames = {" ".join(t.lower_ for t in e[1:]) for e in people}
    return people + [e for e in ents if e.label_ == "ORG" and e not in people and e.text.lower() in surnames]


def _role_initials(tok: Token) -> bool:
    """A role written in capital initials the parse takes for a name, outside any entity ("the local MP,")."""
    return tok.pos_ == "PROPN" and tok.is_upper and not tok.ent_type_ and tok.lower_ in _TITLE_INITIALS


#: Titles of three letters or fewer ("mp", "ceo"), not a department's.
_TITLE_INITIALS = frozenset(t for t in TITLES if t.isalpha() and len(t) <= 3) - DEPARTMENT_WORDS

_NOUN = ids("NOUN")
_MODIFIER = ids("compound", "amod")


def places_read_as_people(doc: Doc) -> set[str]:
    """Single words the recogniser labels a place more often than a person, and that no fuller person's name
    ends with: "Sumatra" once read as a person beside "Java" is still the island. A word written as the
    modifier of a common noun ("the Eastmoor manager", "the Ashcombe leather works") counts as a place or a
    body too: a person alone by one name is seldom a noun's modifier."""
    votes: dict[str, list[int]] = {}
    surnames: set[str] = set()
    for ent in ents_of(doc):
        words = ent.text.split()
        if ent.label_ == "PERSON" and len(words) >= 2:
            surnames.add(words[-1].lower())
        if len(words) == 1 and ent.label_ in ("PERSON", "GPE", "LOC"):
            votes.setdefault(words[0].lower(), [0, 0])[ent.label_ == "PERSON"] += 1
    alone = [w for w, (_place, person) in votes.items() if person and w not in surnames]
    if alone:
        a = token_arrays(doc)
        modifiers = one_of(a.lower, ids(*alone)) & a.is_title & one_of(a.dep, _MODIFIER)  # (PROPN or ADJ)
        for i in positions(modifiers & one_of(a.pos[a.head], _NOUN)):
            votes[doc[i].lower_][0] += 1
        # after a place's own word ("the River Tarn", "Lake Tarn") or "the" alone ("fish in the Tarn")
        for i in positions(one_of(a.lower, ids(*alone)) & a.is_title):
            before = doc[i - 1] if i else None
            if before is not None and (before.lower_ == "the" or (
                    before.is_title and before.lower_ in PLACE_FEATURE_WORDS)):
                votes[doc[i].lower_][0] += 1
    return {w for w, (place, person) in votes.items() if place > person and w not in surnames}


def published_on(head: Token) -> Token | None:
    """Whose site a document is on: the owner in "on X's website" in the document's phrase ("a paper on the
    railway's website"), or after it in its sentence when the document follows its verb and the parse broke its
    phrase off ("“…,” says a paper titled Winter: A Guide on the railway's website", the title's colon); the
    publication an opinion piece is in ("a column in the Kestrel Globe")."""
    after = head.sent[head.i + 1 - head.sent.start :] if head.i > head.head.i else ()
    for tok in [*head.subtree, *after]:
        if tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.lemma_.lower() in PUBLISHING_PLACES:
            owner: Token | None = next(
                (c for c in tok.children if c.dep_ == "poss" and c.lower_ not in GROUP_PRONOUNS), None)
            if owner is not None and (owner.ent_type_ in ("PERSON", "ORG") or owner.pos_ == "PROPN"):
                return owner
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head == head \
                and head.lemma_.lower() in PUBLISHED_PIECES:
            # "a column in the Kestrel Globe", "a column in the national Kestrel newspaper": the publication's
            proper = tok.ent_type_ == "ORG" or (tok.pos_ == "PROPN" and tok.ent_type_ != "PERSON")
            named: Token | None = tok if proper else next(
                (c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
            if named is not None and (named is tok or tok.lemma_.lower() in PUBLICATIONS):
                return named
    return None

