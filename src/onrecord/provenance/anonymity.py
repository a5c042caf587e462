"""Anonymous sources: whether a source mention withholds who spoke, and the words saying why (issue 16, part 2).

Used by :mod:`onrecord.provenance.sourcing`. A mention is **anonymous** when it withholds who spoke and the article
does not name the person elsewhere:

- a withheld head ("a senior official", "people familiar with the talks", "sources", "insiders"), a bare quantifier
  ("some say", "others", "another"), or a conjunct of one ("media reports and party sources");
- an indefinite singular role ("a manager", "a pilot", "an aide who was in the room"), and its definite repeats
  ("the manager"); a counted plural role ("two engineers who inspected it", "several crew members"), not a public
  ("two voters": a group);
- any mention the article itself marks as anonymous ("he said, on condition of anonymity"; "the woman, who asked
  not to be named"; "Bob ... on the condition that his last name not be used");

but not a mention named in itself or later ("A spokeswoman said ... The spokeswoman, Ines Varg, added"), "people"
with no informant modifier ("people everywhere"), the writer's "one might think", or a spokesman speaking for
someone unless marked.

The **reason** (the lexicon's ``anonymity_reasons``) is looked for in the statement's sentence, the sentence
before, and up to two sentences after (not past a sentence where a named source speaks); in any sentence whose
subject is a repeat of the mention ("The aide requested anonymity to ..."); and it is shared along a source's
repeat mentions ("a church employee ... The employee, who requested anonymity for fear of ...").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from onrecord.attribution.arrays import ids, memo_of, positions, token_arrays
from onrecord.lexicon import en as lex
from onrecord.lexicon import load
from onrecord.types import Attribution, CharSpan

_TEXT = "onrecord_text"


def remember_text(doc: Doc, text: str) -> None:
    """Keep the article's text with its parse for :func:`doc_text` (the text the parse was made from)."""
    ends = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if doc.user_data.get(_TEXT) is None and ends == len(text):  # (the same text: it ends where the parse does)
        doc.user_data[_TEXT] = text


def doc_text(doc: Doc) -> str:
    """The article's text, built once per parse (spaCy's ``Doc.text`` joins every token anew on each access)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_LEXICON = load("en")
_ON_RECORD, _INFORMANT, _MODALS, _PUBLIC, _COUNTS = (
    _LEXICON.words(n) for n in ("on_record_roles", "informant_modifiers", "generic_modals", "public_heads",
                                "informant_counts"))


def _alternation(phrases: Sequence[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")\b",
                      re.I)


REASON = _alternation(list(lex.ANONYMITY_REASONS))
#: reasons that are also marks of anonymity itself ("on condition of anonymity", "asked not to be named")
MARK = _alternation([p for p, k in lex.ANONYMITY_REASONS.items() if k in ("anonymity", "request")])
#: what turns a mark into a reason: a purpose or cause right after it, a word on at most ("anonymity to discuss",
#: "not be named, to protect ...")
_PURPOSE = re.compile(r"(?:\s+\w+)?\s*,?\s*(?:to|because|for|since|as|so|in order|out of)\b", re.I)
_OFFICES = _LEXICON.words("public_office_heads")
_PERSON_NOUNS = lex.ANONYMOUS_HEADS | lex.UNNAMED_HEADS | lex.TITLES | _LEXICON.words("group_heads") | frozenset(
    lex.GENDERED_ROLES) | _LEXICON.words("role_heads")
_REPEAT_REACH = 200  # how far (tokens) a sentence about "the official" may follow "an official" and give the reason
_PRONOUN_REACH = 400  # how far (characters) a pronoun may follow the unnamed source it stands for
_SAYING = lex.SPEECH_VERBS | lex.BELIEF_VERBS
_DEFINITE = frozenset("the this that these those".split())
_INDEFINITE = frozenset("a an another one".split())
_PERSONAL = frozenset("he she they him her them".split())
_PARTS = frozenset("some many few several most".split())  # a bare part of a group just named ("but some were")
_GROUPS = _PUBLIC | _LEXICON.words("group_heads")
_PARTS_OF = frozenset("result finding detail copy text version draft excerpt section".split())  # of a document
_DOCUMENTS = lex.DOCUMENT_NOUNS | lex.FINDING_NOUNS | lex.SOURCE_DOCUMENT_HEADS
_NOT_ROLES = lex.DOCUMENT_NOUNS | lex.FINDING_NOUNS | lex.SOURCE_DOCUMENT_HEADS | lex.ORGANISATION_HEADS | \
    lex.ORGANISATION_SOURCE_HEADS | lex.CAMPAIGN_HEADS | lex.SPEECH_NOUNS


def withheld(doc: Doc, a: Attribution, span: Span, head: Token) -> tuple[str, str] | None:
    """("anonymous", why) for a mention that withholds who spoke, ("person", why) for a withheld-looking one the
    article names; None when the mention is not of either sort (the caller decides its kind)."""
    written = span.text
    if _named_in(span, head) or (head.dep_ == "appos" and head.head.ent_type_ == "PERSON"):
        # ("Ivo Tarn's spokesman, Obi Marsh"; "Ana Lind, a tech staffer at the ministry who told ...")
        return ("person", f"named: {written}") if head.lemma_.lower() in lex.WITHHELD_HEADS else None
    if MARK.search(written) or (head.lower_ in _PERSONAL and MARK.search(head.sent.text)) or _marked_clause(
            doc, a, head):
        return "anonymous", f"marked anonymous: {written}"  # ("he said, on condition of anonymity to ...")
    if head.pos_ == "PROPN" and head.ent_type_ == "PERSON" and len(span) == 1 and _first_name_only(doc, head):
        return "anonymous", f"first name only: {written}"
    lemma, lower = head.lemma_.lower(), head.lower_
    if head.pos_ == "PROPN" and not (lower in lex.WITHHELD_HEADS and head.i == head.sent.start):
        return None  # (a capitalised "Insiders" opening the sentence is still a common noun)
    if lower in lex.WITHHELD_PRONOUNS and not any(c.dep_ in ("amod", "compound") for c in head.children):
        if lower == "one" and (any(c.lower_ in _MODALS for c in head.head.children) or any(
                c.dep_ == "prep" and c.lower_ == "in" for c in head.children)):
            return None  # "one might think": the writer's generic pronoun; "one in five": a share
        if lower in ("one", "another") and (not _says(doc, a) or _elliptic(head)):
            return None  # ("another listing the facts": a column, not a source)
        if _partitive(head) or named_examples(head) or _deed(doc, a):
            return None  # "Republicans denounced the deal. But some were reluctant ...": some of them, a group;
        # "others, like Lakeview and Harlow": named; "others have shared the posts": a deed, not a source
        return "anonymous", f"unnamed: {written}"
    if lemma in lex.WITHHELD_HEADS or lower in lex.WITHHELD_HEADS:
        return _withheld_head(doc, a, span, head)
    if any(t.dep_ == "conj" and t.head == head and t.lemma_.lower() in lex.WITHHELD_HEADS and "poss" not in [
            c.dep_ for c in t.children] for t in span):  # "media reports and party sources"; not "Lind's aides"
        return "anonymous", f"unnamed: {written}"  # (nor "the mayor and her aides": the mayor's own side)
    if not (_role(head) and _says(doc, a)) or _resolved_person(a):
        return None
    if head.tag_ == "NN" and _determiner(head) in _INDEFINITE and not _named_later(doc, head):
        return "anonymous", f"unnamed role: {written}"  # "a manager", "an aide who was in the room"
    if head.tag_ == "NNS" and lemma not in _PUBLIC and lower not in _PUBLIC and any(
            c.dep_ in ("det", "nummod", "amod") and c.lower_ in _COUNTS for c in head.children):
        return "anonymous", f"unnamed, counted: {written}"  # "two engineers who inspected it", "several crew members"
    if _determiner(head) in _DEFINITE and _earlier_unnamed(doc, head):
        return "anonymous", f"repeat of an unnamed role: {written}"  # "a manager said ... the manager said"
    return None


def _marked_clause(doc: Doc, a: Attribution, head: Token) -> bool:
    """Is a mark of anonymity part of the statement's own clause ("the manager said, asking that her name be
    withheld"; "an official, speaking on condition of anonymity, said"; "said a member, asking for anonymity": on
    the verb the mention is the subject of), or the statement's cue itself ("a member ... asking for anonymity")?"""
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    sent = head.sent
    for m in MARK.finditer(doc_text(doc)[sent.start_char : sent.end_char]):  # (the slice is sent.text)
        tok = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if tok is None or not len(tok):
            continue
        up = {t.i for t in tok[0].ancestors}
        if head.i in up or (head.dep_ in ("nsubj", "nsubjpass") and head.head.i in up) or (
                cue is not None and any(c.i in up or tok.start <= c.i < tok.end for c in cue)):
            return True
    return False


def _role(head: Token) -> bool:
    """Is the head a noun for a person in some role ("a manager", "a pilot", "an employee who ...") that is not a
    public office ("a federal judge" is on the record), a document, an organisation or a quantity ("a lot of")?"""
    lemma, lower = head.lemma_.lower(), head.lower_
    if head.pos_ != "NOUN" or head.ent_type_ or lemma in _NOT_ROLES or lemma in _OFFICES or lower in _OFFICES or \
            any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return False
    return bool({lemma, lower} & _PERSON_NOUNS) or any(
        c.dep_ == "relcl" and c.left_edge.lower_ in ("who", "whom", "whose") for c in head.children)


def _says(doc: Doc, a: Attribution, *, main: bool = False) -> bool:
    """Is the attribution a statement or belief ("said", "told", "according to"), not a deed ("a guy just won")?
    ``main``: judged by the cue's main verb ("looking to see whether" is a deed)."""
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    if cue is None:
        return False
    verbs = [cue.root] if main and cue.root.pos_ in ("VERB", "AUX") and cue.root.lemma_ != "be" else cue
    return any(t.lemma_.lower() in _SAYING or t.lower_ == "according" for t in verbs)


def _withheld_head(doc: Doc, a: Attribution, span: Span, head: Token) -> tuple[str, str] | None:
    written, lemma = span.text, head.lemma_.lower()
    if (_resolved_person(a) and not _employer(span, head, a.speaker or "")) or _named_later(doc, head):
        return "person", f"named: {a.speaker or written}"  # (not "Lind campaign officials" resolved to Lind)
    if head.lower_ in _ON_RECORD or lemma in _ON_RECORD or _in_statement(doc, a):
        return "person", f"on the record: {written}"  # (a spokesman speaks for someone, unless marked; "a bank
        # representative said in a statement")
    if lemma in ("people", "person") and not any(c.lower_ in _INFORMANT or c.dep_ in ("relcl", "acl", "nummod") or (
            c.dep_ == "det" and c.lower_ in _INDEFINITE) for c in head.children):
        return None  # "people everywhere": the public
    if head.tag_ in ("NNS", "NNPS") and not _says(doc, a, main=True):
        return None  # a deed, not a statement ("government officials have been monitoring ..."): a group
    return "anonymous", f"unnamed: {written}"


def _employer(span: Span, head: Token, speaker: str) -> bool:
    """Is the name speaker resolution gave only the mention's modifier, whom the unnamed people work for ("senior
    Lind campaign officials", "Tarn's aides") rather than who spoke?"""
    last = speaker.split()[-1].lower() if speaker else ""
    return head.pos_ == "NOUN" and any(t.lower_ in (last, f"{last}'s") and t.i != head.i and t.head.i != t.i and (
        t.dep_ in ("compound", "poss") or t.head.dep_ in ("compound", "poss")) for t in span)


def _in_statement(doc: Doc, a: Attribution) -> bool:
    """Is the statement made in a written statement or release ("a bank representative said in a statement")?"""
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    verb = cue.root if cue is not None else None
    return verb is not None and any(p.dep_ == "prep" and p.lower_ == "in" and any(
        o.lemma_.lower() in ("statement", "release") for o in p.children) for p in verb.children)


def _named_in(span: Span, head: Token) -> bool:
    """Does the mention itself name a person ("spokesman Ivo Tarn", "an aide, Ana Lind,")? Not a name that only
    says whom the unnamed people work for ("senior Lind campaign officials", "Tarn's aides") or what they do ("a
    member who supports Lind")."""
    employer = {w.i for c in head.children if c.dep_ in ("compound", "poss", "relcl") for w in c.subtree} if \
        head.pos_ in ("NOUN", "PRON") else set()
    return any((t.ent_type_ == "PERSON" and t.i not in employer) or (t.dep_ == "appos" and t.pos_ == "PROPN")
               for t in span) and not (len(span) == 1 and _first_name_only(span.doc, span[0]))


def _resolved_person(a: Attribution) -> bool:
    """Did extraction resolve the mention to someone the article names?"""
    name = a.speaker or ""
    return a.speaker_kind == "person" and bool(name) and name[0].isupper() and not name.lower().startswith(
        ("a ", "an ", "the ", "some "))


def _determiner(head: Token) -> str:
    return next((c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "predet") and c.i < head.i), "")


def _named_later(doc: Doc, head: Token) -> bool:
    """Is the role named further on ("The spokeswoman, Ines Varg, added"; "spokeswoman Ines Varg said")?"""
    lemma = head.lemma_.lower()
    nouns = token_arrays(doc).pos[head.i + 1 :] == ids("NOUN")[0]  # (the only tokens the test below can pass)
    for t in (doc[head.i + 1 + k] for k in positions(nouns)):
        if t.lemma_.lower() == lemma and t.pos_ == "NOUN" and (
                any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in t.children)
                or (t.dep_ == "compound" and t.head.ent_type_ == "PERSON")):
            return True
    return False


def _elliptic(head: Token) -> bool:
    """Does "another" (or "one") stand for a noun named in its sentence ("one company says ..., another says")?
    The nearest indefinite noun before it decides ("a citizen. She met with an array of attorneys; one suggested
    ...": one of the attorneys)."""
    sent = head.sent
    before = head.doc[sent.start - 1].sent if sent.start else sent
    nouns = [_of_what(t.head) for t in (*before, *sent) if t.i < head.i and t.lower_ in _INDEFINITE
             and t.head.pos_ == "NOUN"]
    return bool(nouns) and not _role(nouns[-1]) and nouns[-1].lemma_.lower() not in lex.WITHHELD_HEADS


def named_examples(head: Token) -> list[Token]:
    """The names a set is given by ("others, like Lakeview and Harlow", "politicians like Ana Lind and Ivo Tarn",
    "critics including Ivo Tarn")."""
    return [o for p in head.children if p.dep_ == "prep" and p.lower_ in ("like", "including") for o in p.children
            if o.dep_ == "pobj" and o.pos_ == "PROPN" for o in (o, *o.conjuncts)]


def _deed(doc: Doc, a: Attribution) -> bool:
    """Is the cue's main verb a deed, not a statement or belief ("others have shared the posts")?"""
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    return cue is not None and cue.root.pos_ == "VERB" and not _says(doc, a, main=True)


def _partitive(head: Token) -> bool:
    """Is a bare "some" (or "many", "few", "several") a part of a group just named as a subject, in its sentence or
    the one before ("Republicans denounced the deal. But some were reluctant ...")?"""
    if head.lower_ not in _PARTS or any(c.dep_ == "prep" for c in head.children):
        return False
    sent = head.sent
    before = head.doc[sent.start - 1].sent if sent.start else sent
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.i < head.i and t.tag_ in ("NNS", "NNPS") and (
        t.ent_type_ == "NORP" or t.lemma_.lower() in _GROUPS or t.lower_ in _GROUPS) for t in (*before, *sent))


def _of_what(noun: Token) -> Token:
    """The noun an "of" phrase counts ("an array of immigration attorneys" -> attorneys), else the noun."""
    return next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                 if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")), noun)


def _earlier_unnamed(doc: Doc, head: Token) -> bool:
    """Is "the manager" a repeat of an earlier unnamed "a manager" (the same noun, indefinite, never named)?"""
    lemma = head.lemma_.lower()
    return any(t.lemma_.lower() == lemma and t.pos_ == "NOUN" and _determiner(t) in _INDEFINITE
               for t in doc[: head.i]) and not _named_later(doc, head) and not any(
        t.lemma_.lower() == lemma and (t.dep_ == "compound" and t.head.ent_type_ == "PERSON")
        for t in doc[: head.i])


def _first_name_only(doc: Doc, name: Token) -> bool:
    """Does the article say that this person is named by first name only ("Bob agreed to talk on the condition that
    his last name not be used")?"""
    if _NAMES_TEXT not in doc.user_data:  # (once per article: whether its text says "last name" anywhere)
        doc.user_data[_NAMES_TEXT] = _LAST_NAME.search(doc_text(doc)) is not None
    if not doc.user_data[_NAMES_TEXT]:
        return False  # (most articles: before any sentence is built)
    return any(name.text in s.text.split() and MARK.search(s.text) and _LAST_NAME.search(s.text) for s in doc.sents)


_LAST_NAME, _NAMES_TEXT = re.compile(r"\b(?:last|first) names?\b"), "onrecord_names_text"


# --- the reason ----------------------------------------------------------------------------------------------


def reasons(doc: Doc, attributions: Sequence[Attribution], anonymous: Sequence[bool]) -> list[CharSpan | None]:
    """For each attribution, the words saying why its source is not named (None for a named source, or when the
    article does not say)."""
    sents = list(doc.sents)
    at = {s.start: k for k, s in enumerate(sents)}
    where = [_sentence(doc, a) for a in attributions]
    heads = [_mention_head(doc, a) for a in attributions]
    spoken = {w.start for w in where if w is not None}
    named = {w.start for w, h, anon in zip(where, heads, anonymous, strict=True) if w is not None and not anon
             and h is not None and (h.pos_ == "PROPN" or h.ent_type_ in ("PERSON", "ORG"))}
    out: list[CharSpan | None] = []
    for i, sent in enumerate(where):
        head = heads[i]
        if not anonymous[i] or sent is None:
            out.append(None)
            continue
        k = at[sent.start]
        near = [sents[k]]
        for step in (1, 2):  # the next sentences, up to one where a named source speaks
            if k + step >= len(sents) or sents[k + step].start in named:
                break
            near.append(sents[k + step])
        if k and sents[k - 1].start not in spoken:  # the sentence before, when no one speaks in it
            near.append(sents[k - 1])
        others = {h.lemma_.lower() for j, h in enumerate(heads) if h is not None and j != i}
        near = [s for s in near if s == sents[k] or not _of_another(s, head, others)]
        near += [s for s in sents[k + 1 :] if head is not None and _about(s, head) and (
            head.pos_ == "PROPN" or s.start - sents[k].start < _REPEAT_REACH)]
        near += [s for s in sents[:k] if head is not None and head.pos_ == "PROPN" and _about(s, head)]
        out.append(next((r for r in (_in(s) for s in near) if r is not None), None))
    return _shared(attributions, heads, anonymous, out)


def _in(sent: Span) -> CharSpan | None:
    """The first reason in the sentence: a mark of anonymity alone ("said, on condition of anonymity.", "asked for
    anonymity") says that the source is unnamed, not why; it is a reason only with a purpose or cause after it ("on
    condition of anonymity to discuss ...", "requested anonymity because ...")."""
    text = doc_text(sent.doc)
    m = next((m for m in REASON.finditer(text[sent.start_char : sent.end_char]) if not _bare_mark(m.group(0))
              or _PURPOSE.match(text, sent.start_char + m.end())), None)  # (the slice is sent.text)
    if m is None:
        return None
    start = sent.start_char + m.start()
    rest = text[start : sent.end_char]
    cut = min((i for i in (rest.find(", "), rest.find("; "), rest.find(" -- ")) if i > len(m.group(0))),
              default=len(rest.rstrip(" .\"”")))
    return CharSpan(start, start + cut)


def _bare_mark(phrase: str) -> bool:
    """Is the phrase only a mark of anonymity ("condition of anonymity", "requested anonymity"), no reason in itself
    ("anonymously because ...")?"""
    return lex.ANONYMITY_REASONS.get(phrase.lower()) in ("anonymity", "request") and "because" not in phrase.lower()


def _sentence(doc: Doc, a: Attribution) -> Span | None:
    anchor = a.cue or a.source or a.content
    tok = doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
    return tok[0].sent if tok is not None and len(tok) else None


def _mention_head(doc: Doc, a: Attribution) -> Token | None:
    span = mention(doc, a)
    if span is None:
        return None
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN") and t.head.i not in range(span.start, span.end)]
    return nouns[0] if nouns else span.root


def next_sentence(sent: Span) -> Span | None:
    """The sentence after ``sent``, past the whitespace tokens of a paragraph break (which the parser may make a
    sentence of their own); None at the article's end."""
    after = next((t for t in sent.doc[sent.end : sent.end + 4] if not t.is_space), None)
    return after.sent if after is not None else None


def mention(doc: Doc, a: Attribution) -> Span | None:
    """The tokens of the attribution's source mention, or None (built once per analyse: several steps read it)."""
    if a.source is None:
        return None
    memo, key = memo_of(doc), ("mention", a.source.start, a.source.end)
    if memo is None or key not in memo:
        span = doc.char_span(a.source.start, a.source.end, alignment_mode="expand")
        found = span if span is not None and len(span) else None
        if memo is None:
            return found
        memo[key] = found
    return memo[key]  # type: ignore[no-any-return]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """The article's entities (spaCy builds ``Doc.ents`` anew on each access: built once per analyse)."""
    memo = memo_of(doc)
    if memo is None:
        return tuple(doc.ents)
    if "ents" not in memo:
        memo["ents"] = tuple(doc.ents)
    return memo["ents"]  # type: ignore[no-any-return]


def mention_noun(span: Span) -> Token:
    """The mention's head noun ("officials" in "officials familiar with the talks"); a gold mention may hold a
    relative clause or a verb, whose root is not the noun."""
    root = span.root
    if root.lemma_.lower() in _PARTS_OF:  # "the results of nationwide surveys": the surveys
        of = [c for p in root.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children
              if c.dep_ == "pobj" and c.lemma_.lower() in _DOCUMENTS]
        if of:
            return of[0]
    if root.lower_ in lex.WITHHELD_PRONOUNS or root.lemma_.lower() in lex.QUANTITY_HEADS:  # "some of those critics"
        part = [c for p in root.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children
                if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
        if part:
            return part[0] if root.lower_ in lex.WITHHELD_PRONOUNS else root
    if root.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return root
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ in ("nsubj", "nsubjpass", "pobj")]
    return nouns[0] if nouns else root



def follow_pronouns(doc: Doc, attributions: Sequence[Attribution], kinds: list[tuple[str, str]]
                    ) -> list[tuple[str, str]]:
    """A pronoun mention ("he said") right after an anonymous source's statement, with no name between, is that
    source: anonymous too ("One delegate said ..., on condition of anonymity ... 'Not even one,' he said")."""
    out = list(kinds)
    starts = {i: a.source.start for i, a in enumerate(attributions) if a.source is not None}
    order = sorted(starts, key=starts.__getitem__)
    for before, i in itertools.pairwise(order):
        a, b = attributions[before], attributions[i]
        assert a.source is not None and b.source is not None
        if out[before][0] != "anonymous" or out[i][0] == "anonymous" or b.source.of(doc_text(doc)).lower() not in \
                _PERSONAL or not 0 < b.source.start - a.source.end < _PRONOUN_REACH:
            continue
        plural = (b.source.of(doc_text(doc)).lower() in ("they", "them"))
        prior = doc.char_span(a.source.start, a.source.end, alignment_mode="expand")
        if prior is None or plural != (prior.root.tag_ in ("NNS", "NNPS") or prior.root.lower_ in ("some", "others",
                                                                                                  "many", "few")):
            continue  # ("Bob ... they said": not the same source)
        between = doc.char_span(a.source.end, b.source.start, alignment_mode="contract")
        if between is None or not any(t.ent_type_ in ("PERSON", "ORG") for t in between):
            out[i] = ("anonymous", f"pronoun of an unnamed source: {b.source.of(doc_text(doc))}")
    return out


def _subject(sent: Span) -> Token | None:
    return next((t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)


def _of_another(sent: Span, head: Token | None, others: set[str]) -> bool:
    """Is the sentence about another source: its subject a repeat of another mention's head ("The diplomat
    declined to be identified ..." next to "Insiders said")?"""
    subject = _subject(sent)
    if subject is None or head is None or subject.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = subject.lemma_.lower()
    return lemma in others and lemma != head.lemma_.lower() and subject.text != head.text


def _about(sent: Span, head: Token) -> bool:
    """Is the sentence's subject a repeat of the mention ("The aide requested anonymity ...", "Bob agreed to talk
    on the condition ...")?"""
    subject = _subject(sent)
    if subject is None or subject.i == head.i:
        return False
    if head.pos_ == "PROPN":
        return subject.text == head.text
    return subject.lemma_.lower() == head.lemma_.lower() and _determiner(subject) in _DEFINITE


def _shared(attributions: Sequence[Attribution], heads: Sequence[Token | None], anonymous: Sequence[bool],
            found: list[CharSpan | None]) -> list[CharSpan | None]:
    """A reason given on one mention of a source holds for its repeat mentions (the same noun, the later one
    definite: "a church employee ... The employee, who requested anonymity ...")."""
    out = list(found)
    order = sorted((i for i in range(len(attributions)) if anonymous[i] and heads[i] is not None),
                   key=lambda i: attributions[i].content.start)
    chains: list[list[int]] = []
    for i in order:
        h = heads[i]
        assert h is not None
        if h.lower_ in _PERSONAL and chains:  # "he said" after the unnamed source (see follow_pronouns)
            chains[-1].append(i)
            continue
        same = h.lemma_.lower()
        chain = next((c for c in reversed(chains) if (hc := heads[c[0]]) is not None and hc.lemma_.lower() == same
                      and (_determiner(h) in _DEFINITE or h.pos_ == "PROPN")), None)
        if chain is None:
            chains.append([i])
        else:
            chain.append(i)
    for chain in chains:
        given = next((out[i] for i in chain if out[i] is not None), None)
        for i in chain:
            out[i] = out[i] or given
    return out


__all__ = ["MARK", "REASON", "doc_ents", "follow_pronouns", "mention", "mention_noun", "named_examples",
           "next_sentence", "reasons", "withheld"]
