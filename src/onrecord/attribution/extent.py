"""How far a verb cue's content runs: the clause or object complement, and what the table ``cues.content-tail``
lets it run over after it (a coordinated clause, what completes an object; not a conjoined cue, an "according
to", the act's circumstances). :mod:`.cues` asks it while it builds a statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.asides import stop_aside_after_quotation
from onrecord.attribution.phrases import CLAUSE_DEPS, SUBJECT_DEPS, after_time_lead, span_chars, that_said
from onrecord.attribution.quotes import CLOSING_BEFORE_CUE
from onrecord.attribution.refusals import tail_refusal
from onrecord.attribution.rules import RuleTable, rule
from onrecord.attribution.subjects import list_rest_subject, speakers_next_act
from onrecord.attribution.tensestop import in_cue_tense
from onrecord.lexicon.en import (
    COMPLETING_PREPOSITIONS,
    DASH_TOKENS,
    PERSON_PRONOUNS,
    RAISING_PASSIVE_VERBS,
    RAISING_VERBS,
    REGARD_PASSIVE_VERBS,
    REPORTED_TENSE_AUXILIARIES,
)
from onrecord.types import CharSpan

if TYPE_CHECKING:
    from onrecord.attribution.cues import Word

#: What completes an object content after the chosen dependent ("cited the election as a reason to ..."); not a
#: conjoined verb ("praised the plan but also asked for time": a second predicate of the speaker's).
_OBJECT_TAIL = ("oprd", "xcomp", "acomp", "attr", "ccomp", "prep", "dobj", "dative")
#: What continues a clause content after the clause: a coordinated clause ("says she hopes to win, but she knows"),
#: or a second clause the parser hung on the cue ("said one tenant chained herself to the fence, two sat ...").
_CLAUSE_TAIL = ("conj", "ccomp")
#: A trailing aside set off by a comma that is not part of an object content ("likened RT to the BBC, which ...").
_ASIDE_DEPS = ("relcl", "advcl", "acl")


# -- cues.content-tail: how far a verb's complement runs ----------------------------------------------------
@dataclass(frozen=True, slots=True)
class Tail:
    """A dependent of a verb cue to the right of its complement; ``extends``: the content runs over it."""

    cue: Word
    child: Token
    extends: bool = False


@rule("cues.content-tail.reported-tense",
      ("They said they were “deeply disappointed” and would consider whether to appeal.", "consider"))
def tail_reported_tense(t: Tail) -> Tail | None:
    """"said they were “disappointed” and would consider whether to appeal": a verb conjoined to the cue with a
    modal of reported speech's tense and no subject of its own goes on with what was said, even a verb of
    saying or thinking with a clause of its own; see :func:`goes_on_reported`."""
    return Tail(t.cue, t.child, extends=True) if goes_on_reported(t.child, modal_only=True) else None


def goes_on_reported(verb: Token, *, modal_only: bool = False) -> bool:
    """Does a conjoined verb go on with what was reported, by its tense? "and would reply “in due course”", "and
    had been told each time that …" (an auxiliary of reported speech's tense, no subject of its own), "and that
    the chef had been dismissed" (a "that" of its own): the speaker's own next act is told in the plain past
    ("said it “regrets the decision” and apologised"). After the cue itself (``modal_only``) a modal only ("and
    would appeal"): "and had asked the police to ..." there is the speaker's own earlier act."""
    if verb.dep_ != "conj":
        return False
    if not modal_only and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return True
    if any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children):
        return False
    aux = [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
    return bool(aux) and aux[0].lower_ in REPORTED_TENSE_AUXILIARIES and (not modal_only or aux[0].tag_ == "MD")


@rule("cues.content-tail.next-cue",
      ("Ana Lind said the pier would close and then added that the ferry would stop running.", "added"),
      ("Ivo Tarn said his bakery would consider buying more flour from northern mills, warned that this would "
       "“need seasons, not weeks.”", "warned"))
def tail_next_cue(t: Tail) -> Tail | None:
    """"said X and added Y": a conjoined cue starts its own statement; the content stops before it. A verb of
    thinking does so only with a clause of its own ("and believed that ..."): "said it was “saddened” and was
    considering an appeal" goes on saying what the board said. So does any cue the parser hung on the cue as a
    second clause (", warned that ..."; but "says he slept badly, argued with everyone and ..." goes on)."""
    if t.child.dep_ not in _CLAUSE_TAIL:
        return None
    kind = t.cue.finder.cue_kind(t.child)
    own_clause = any(c.dep_ in CLAUSE_DEPS for c in t.child.children)
    if kind is None or not (own_clause or (kind[0] == "speech" and t.child.dep_ == "conj")):
        return None
    return t


@rule("cues.content-tail.according", ("Ana Lind criticized the plan, according to the minutes.", "according"))
def tail_according(t: Tail) -> Tail | None:
    """An "according to" after the complement is a cue of its own (or a relay), not part of the content."""
    return t if t.child.lower_ == "according" else None


@rule("cues.content-tail.circumstance", ("Ana Lind criticized the harbour plan in a long speech.", "in"))
def tail_circumstance(t: Tail) -> Tail | None:
    """"denounced the annexation in an on-air diatribe": when, where, how -- the act's circumstances, not its
    content (a preposition that does not complete it, see :func:`completes`)."""
    return t if t.child.dep_ == "prep" and not completes(t.child) else None


@rule("cues.content-tail.second-clause",
      ("Ana Lind said as the bailiffs reached the farm, one tenant chained herself to the fence, two sat on a "
       "tractor, and another was perched on the barn roof.", "sat"))
def tail_second_clause(t: Tail) -> Tail | None:
    """"said one tenant chained herself to the fence, two sat on a tractor, and ...", "says he slept badly,
    argued with everyone and ...": a second clause complement of the cue after the first is the parser's reading
    of a list of clauses (or of predicates) in one reported statement; the content runs over it."""
    return Tail(t.cue, t.child, extends=True) if t.child.dep_ == "ccomp" else None


@rule("cues.content-tail.second-quoted-clause",
      ("The harbour board said it was “troubled by the delays,” and that it was “hard to understand” why the "
       "builders had not reported.", "was"))
def tail_second_quoted_clause(t: Tail) -> Tail | None:
    """"said it was “troubled …,” and that it was “hard to understand” why ...", "said “A,” and the council's
    actions “B”": a quotation that closes with a comma before "and" and a second clause of its own (a subject
    or a "that") with quoted words ends the first content; the second clause is a statement of its own."""
    return t if second_quoted_clause(t.child) else None


def second_quoted_clause(c: Token) -> bool:
    """Is the token a clause of its own (a subject or a "that") with quoted words, joined by "and" or "but" right
    after a quotation that closes with a comma ("“…,” and that it was “…”")?"""
    doc = c.doc
    if c.dep_ != "conj" or c.i < 3:
        return False
    k = c.left_edge.i + (doc[c.left_edge.i].dep_ == "cc")
    before = [t.text if t.dep_ != "cc" else "and" for t in doc[k - 3 : k]]
    joined = before in ([",", "”", "and"], [",", "\"", "and"], ["”", ",", "and"], ["\"", ",", "and"])
    own = any(g.dep_ in (*SUBJECT_DEPS, "mark") and g.i < c.i for g in c.children)
    return joined and own and any(g.is_quote for g in doc[k : c.right_edge.i + 1])


@rule("cues.content-tail.completes", ("Ana Lind accused the council of wasting money.", "of"))
def tail_completes(t: Tail) -> Tail | None:
    """"called half of them “deplorables”", "cited the election as a reason to ...": what completes the
    object; "says she hopes to win, but she knows that ...": a coordinated clause. The content runs over it."""
    return Tail(t.cue, t.child, extends=True)


CONTENT_TAIL: RuleTable[Tail, Tail] = RuleTable(
    "cues.content-tail",
    [tail_reported_tense, tail_refusal, tail_next_cue, tail_according, tail_circumstance, tail_second_clause,
     tail_second_quoted_clause, tail_completes],
    describe=lambda t: t.child.text,
)


def completes(prep: Token) -> bool:
    """Does the preposition complete a stance or act ("cited X as a reason", "accused X of") rather than set it
    in time, place or manner ("in July", "during a rally")?"""
    if prep.lower_ not in COMPLETING_PREPOSITIONS:
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is None or obj.ent_type_ not in ("DATE", "TIME")


def tail_end(w: Word, clause: Token, form: str) -> int:
    """Where the content of a complement after its cue ends: the clause, and what the table
    ``cues.content-tail`` lets it run over."""
    doc, tok = w.doc, w.tok
    end: int = clause.right_edge.i + 1
    tail = _OBJECT_TAIL if form == "object" else _CLAUSE_TAIL
    for child in tok.rights:
        if child.i > clause.i and child.dep_ in tail and "\n" not in doc[clause.i : child.i].text:
            decided = CONTENT_TAIL.first(Tail(w, child))
            if decided is None or not decided[1].extends:
                break
            end = max(end, child.right_edge.i + 1)
    return end


def complement_content(w: Word, clause: Token) -> tuple[CharSpan | None, str, bool]:
    """The content a verb cue's complement gives, its form ("clause" or "object"), and whether the cue's
    subject is raised into it ("X is expected to ...": then the subject is part of the claim, not its source)."""
    doc, tok = w.doc, w.tok
    form = "clause" if clause.dep_ in CLAUSE_DEPS else "object"
    if form == "clause" and clause.i > tok.i:
        clause = _first_clause(doc, tok, clause)
    end = tail_end(w, clause, form) if clause.i > tok.i else clause.right_edge.i + 1
    rest = list_rest_subject(tok) if clause.i < tok.i else None
    if rest is not None:
        end = rest.right_edge.i + 1  # the rest of a list the parser cut at its first comma
    end = _before_next_saying(w, clause, end)
    start: int = after_dateline(doc, clause.left_edge.i, clause.i) if clause.i < tok.i else after_time_lead(
        doc, clause, clause.left_edge.i)
    lead = doc[start : min(start + 3, tok.i)]
    marker = next((t for t in lead if t.lemma_ == "say" and that_said(t)), None)
    if marker is not None:
        start = marker.i + 2  # "That being said, “…,” she said": the connective is not what she said
    raised = False
    lemma = tok.lemma_.lower()
    if clause.dep_ == "xcomp" and (lemma in RAISING_VERBS or (lemma in RAISING_PASSIVE_VERBS and any(
            c.dep_ == "nsubjpass" for c in tok.children))):
        # "About one in nine voters is expected to be Latino": the whole clause is the claim
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None and subj.i < tok.i:
            start = subj.left_edge.i
            raised = True
    regarded = RAISED_SUBJECT.first(Tail(w, clause)) if form == "object" and not raised else None
    if regarded is not None:
        start, raised = min(start, regarded[1].child.left_edge.i), True
        agent = next((c for c in tok.children if c.dep_ == "agent" and c.i > clause.i), None)
        end = min(end, agent.i) if agent is not None else end  # ("by voters": who regards it so)
    if form == "object" and clause.i > tok.i:
        # "criticized Shelby for shooting ...", "urged North Korea to resume ...", "called Clinton a
        # champion": the act or stance is towards the object as well -- but not a trailing aside
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative") and tok.i < c.i < clause.i
                    and c.left_edge.i > tok.i), None)
        if obj is not None and "\n" not in doc[obj.left_edge.i : clause.i].text:
            start = min(start, obj.left_edge.i)
        end = _without_aside(doc, start, end)
    return span_chars(doc, start, end), form, raised


# -- cues.raised-subject: a subject that belongs to the claim --------------------------------------------------
@rule("cues.raised-subject.passive-regard", ("The old pier is widely seen as a risk to swimmers.", "pier"),
      ("Ana Lind is best known for her work on the harbour.", "Lind"))
def raised_passive_regard(t: Tail) -> Tail | None:
    """"the pier is widely seen as a risk", "she is best known for ...", "was once known as the Long Walk": a
    verb of regarding in the passive with an object complement says what is thought of its subject, which
    belongs to the claim (as "X is expected to ..."); who thinks it is the agent or left unsaid, not the subject.
    Not the active ("the town sees the pier as a risk"), nor a clause complement."""
    tok = t.cue.tok
    if tok.lemma_.lower() not in REGARD_PASSIVE_VERBS or t.child.i < tok.i:
        return None
    subject = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i), None)
    if subject is None or not any(c.dep_ == "auxpass" for c in tok.children) or subject.tag_ in ("WDT", "WP"):
        return None
    return Tail(t.cue, subject)


RAISED_SUBJECT: RuleTable[Tail, Tail] = RuleTable(
    "cues.raised-subject", [raised_passive_regard], describe=lambda t: t.child.text,
)


def after_dateline(doc: Doc, start: int, end: int) -> int:
    """Where a content that opens a paragraph starts once its dateline is left out: "TORONTO -- Most tenants
    ..., researchers report", "LAKEVIEW, Norland (Tide Wire) — The ferry ..., an official said": a place in
    capitals or one the recogniser knows, with the agency, before a dash with spaces round it. The wire's
    place of filing, not what was said (GGT leaves it out). Not "Democrats — and some Republicans — say"."""
    if start > 0 and "\n" not in doc[start - 1].text_with_ws:
        return start
    for k in range(start + 1, min(end - 1, start + 8)):
        if doc[k].text in DASH_TOKENS and doc[k - 1].whitespace_ and doc[k].whitespace_:
            before = doc[start:k]
            if all(t.pos_ == "PROPN" or t.is_punct for t in before) and (
                    any(t.ent_type_ == "GPE" for t in before) or before.text.isupper()) and not any(
                    t.text in DASH_TOKENS and t.whitespace_ for t in doc[k + 1 : end]):
                return k + 1
            break
    return start


def _first_clause(doc: Doc, tok: Token, clause: Token) -> Token:
    """The cue's first clause complement after it, when the one chosen is a later one ("says he slept badly,
    argued with everyone ...": the parser hung both on the cue): the content starts there, and the table
    ``cues.content-tail`` decides whether it runs over the next."""
    return next((c for c in tok.rights if c.dep_ == "ccomp" and c.i < clause.i
                 and "\n" not in doc[c.i : clause.i].text), clause)


def _before_next_saying(w: Word, clause: Token, end: int) -> int:
    """"said “A,” and added: “B”", "said the vote sent a message and he said things would change": the parser
    hangs the second verb of saying on the first one's clause, but a quotation that closes before "and <verb of
    saying>", or a verb of saying with a speaker of its own (a name or pronoun; not a second "and that ..."),
    ends what the first verb says; so do the speaker's own acts the table ``cues.content-stop`` names."""
    doc = w.doc
    for c in (*clause.children, *_right_spine(clause, end)):
        if c.i <= clause.i or c.i >= end:
            continue
        if goes_on_reported(c):
            continue  # ("and would reply “…”", "and that …": more of what the first verb reports)
        kind = w.finder.cue_kind(c) if c.dep_ == "conj" else None
        k = c.left_edge.i if c.left_edge.i < c.i else c.i
        while k > clause.i and (doc[k - 1].dep_ == "cc" or (doc[k - 1].is_punct and doc[k - 1].text not in "”\"")):
            k -= 1
        if kind is not None and kind[0] == "speech":
            own_subject = not any(s.dep_ == "mark" for s in c.children) and any(  # (not "and that X suggested")
                s.dep_ in SUBJECT_DEPS and s.pos_ in ("PRON", "PROPN") and s.i < c.i for s in c.children)
            if k > clause.i and (own_subject or (doc[k - 1].text in "”\"" and _says_more(c))):
                return k
        if k > clause.i and CONTENT_STOP.first(Tail(w, c)) is not None:
            return k
    return end


def _right_spine(clause: Token, end: int) -> list[Token]:
    """The last dependents down the clause's right edge (below its own children), where the parser hangs a
    closing participle on a noun of the clause ("said it was “a tax,” alluding to ...")."""
    out: list[Token] = []
    tok = clause
    while len(out) < 6:
        last = next((c for c in reversed(list(tok.rights)) if not c.is_punct and c.i < end), None)
        if last is None:
            break
        if tok is not clause:
            out.append(last)
        tok = last
    return out


# -- cues.content-stop: the speaker's own act after a reported clause ends it ------------------------------
@rule("cues.content-stop.participle-of-saying",
      ("Ana Lind announced on Monday that she would step down as chair of the harbour board, saying the board "
       "needs new blood.", "saying"),
      ("Ivo Tarn said the plan was “a tax on the harbour,” alluding to a dispute with the council.", "alluding"))
def stop_participle_of_saying(t: Tail) -> Tail | None:
    """"said the ferry would stop, adding that ...", "argued that the levy hurt traders, noting the council
    rarely asks them": a participle of saying (or of referring: "alluding to", "citing") set off by a comma
    after the reported clause is the speaker's next act, hung by the parser on the clause; what the first verb
    says ends before it (the participle's own statement says the rest)."""
    return t if t.child.dep_ in ("advcl", "acl") and speakers_next_act(t.child) is not None else None


@rule("cues.content-stop.act-after-quotation",
      ("The board said it “regrets the decision” and apologised to the staff.", "apologised"))
def stop_act_after_quotation(t: Tail) -> Tail | None:
    """"said it “regrets the decision” and apologised to the staff", "said they would ‘accept the result’ and
    called on supporters to stay calm": a verb of saying in the past, bare, conjoined right after the
    quotation closes, is the speaker's next act, not more of what the first verb says."""
    return t if t.child.dep_ == "conj" and speakers_next_act(t.child) is not None else None


@rule("cues.content-stop.own-act-after-quotation",
      ("Ivo Tarn, in a note to clients, said he was “calm about the ferry, less so about the pier” and cut his "
       "price target on the shares.", "cut"))
def stop_own_act_after_quotation(t: Tail) -> Tail | None:
    """"said he was “reassured on the balance sheet” and cut his price target", "said she was “proud of the
    crew” and left the meeting": a plain past verb joined right after the quotation closes, with no subject,
    auxiliary or clause of its own, when the reported clause is about the speaker (a he/she): the speaker's
    next act, not more of what was said. Not a clause about someone else ("said two clerks “colluded” and
    removed a packet": one report), nor a verb with a clause ("and believed “…”", "and expected X to …")."""
    c = t.child
    doc = c.doc
    if c.dep_ != "conj" or c.i < 3 or c.tag_ not in ("VBD", "VB"):
        return None
    if c.tag_ == "VB" and c.head.tag_ not in ("VBD", "VBN"):
        return None  # (a bare verb is a past only after a past: "was “…” and cut", not "would “…” and raise")
    k = c.i - 1 if doc[c.i - 1].dep_ == "cc" else c.i
    if c.left_edge.i < k or not (doc[k - 1].is_quote and doc[k - 1].text in "”’\"'"):
        return None
    if any(g.dep_ in (*SUBJECT_DEPS, "aux", "auxpass", "mark", *CLAUSE_DEPS) for g in c.children):
        return None
    if c.head.head.i != t.cue.tok.i:
        return None  # (the cue's own clause only: not "addressed the tweets in which he called X “…” and …")
    subject = next((g for g in c.head.children if g.dep_ in SUBJECT_DEPS and g.i < c.head.i), None)
    return t if subject is not None and subject.lower_ in PERSON_PRONOUNS else None


@rule("cues.content-stop.cue-tense",
      ("Ana Lind chairs the inquest. She said she would write to the harbour board, and told its chair that the "
       "board had “ignored this pier for years.”", "told"),
      ("The lawsuit says the landlord “treated damp as a tenant's problem” and seeks damages.", "seeks"))
def stop_cue_tense(t: Tail) -> Tail | None:
    """A verb joined to the reported clause in the cue's own form that cannot share the clause's tense ("said she
    would write ..., and told", "says the landlord “treated …” and seeks"): the speaker's next act; see
    :func:`~onrecord.attribution.tensestop.in_cue_tense`."""
    return t if in_cue_tense(t.child, t.cue.tok) else None


CONTENT_STOP: RuleTable[Tail, Tail] = RuleTable(
    "cues.content-stop",
    [stop_participle_of_saying, stop_act_after_quotation, stop_own_act_after_quotation, stop_cue_tense,
     stop_aside_after_quotation],
    describe=lambda t: t.child.text,
)


def _says_more(verb: Token) -> bool:
    """Does a verb of saying conjoined after a quotation say something of its own: a clause, or a colon or a
    quotation right after it or in its phrase ("“A,” and added: “B”")? Not a predicate that goes on with the
    reported clause ("expresses “our regret” and is warning residents about the pier": one content)."""
    after = verb.doc[verb.i + 1 : verb.i + 3]
    return any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) or any(
        t.text == ":" or (t.is_quote and t.is_left_punct) for t in after) or any(
        t.is_quote for t in verb.subtree if t.i > verb.i)  # ("and called the plan “a mistake”")


def _without_aside(doc: Doc, start: int, end: int) -> int:
    """Where a content should end to leave out a trailing aside after a comma: a relative clause, a participle
    or adverbial clause that runs to the content's end (", which receives ...", ", contradicting ...")."""
    for k in range(start + 1, end):
        if doc[k - 1].text != ",":
            continue
        head = doc[k]
        while start <= head.head.i < end and head.head != head and head.head.i >= k:
            head = head.head
        if head.left_edge.i == k and head.right_edge.i >= end - 2 and head.dep_ in _ASIDE_DEPS:
            return k - 1
    return end


def to_quotation_end(w: Word, content: CharSpan | None) -> CharSpan | None:
    """"added that parliament “cannot wall itself off from the people it answers to, however tiresome …”": a
    clause the parser ended inside a quotation that opened in it runs on to the quotation's end (in its
    paragraph); one the parser ran on past its quotation over the speaker ends with it (:func:`_to_its_quotation`)."""
    quoted, doc = w.finder.quoted, w.doc
    content = _to_its_quotation(w, content)
    if content is None or not quoted(content.end - 1) or quoted(content.start):
        return content
    i = w.finder.token_at(content.end - 1) + 1
    end = content.end
    while i < len(doc) and quoted(doc[i].idx) and "\n" not in doc[i].text:
        if not doc[i].is_punct:  # (to its last word: a full stop inside the marks stays out, as it does outside)
            end = doc[i].idx + len(doc[i].text)
        i += 1
    return CharSpan(content.start, end)


def _to_its_quotation(w: Word, content: CharSpan | None) -> CharSpan | None:
    """"“No records were exposed,” the firm's co-founder and chief executive, Ana Lind, said": a clause that opens
    inside a quotation closed before the verb, which the parser ran on over the words naming the speaker (a role
    joined by "and" before the name), ends where its quotation does."""
    quoted, text = w.finder.quoted, w.finder.text
    if content is None or not quoted(content.start) or quoted(content.end - 1) or content.end > w.tok.idx:
        return content
    end = content.start
    while end < content.end and quoted(end):
        end += 1
    closed = text[end : end + 1] in CLOSING_BEFORE_CUE and "," in (text[end - 1], text[end + 1 : end + 2])
    return CharSpan(content.start, end) if closed else content  # (“…,” then the speaker: not “a word” and more)


#: The parts of speech of the words of a short subject beside a closing cue ("Ana Lind", "the 16-year-old").
_SUBJECT_POS = ("DET", "PROPN", "NOUN", "PRON", "ADJ", "NUM")


def _subject_word(tok: Token) -> bool:
    return (tok.pos_ in _SUBJECT_POS and tok.tag_ not in ("WDT", "WP")) or tok.text in ("-", "'s", "’s")


def closing_clause(w: Word) -> tuple[CharSpan, Span] | None:
    """"…, Ana Lind writes." and "…, argued Ana Lind.": a verb that closes its sentence after a comma with only
    a short subject beside it (and a time: "said Saturday") claims what stands before the comma, from the
    sentence's start; and the subject is its source. None when that is not the sentence's shape, or the words
    before the comma are quoted (the quotation's rules claim them)."""
    doc, tok = w.doc, w.tok
    sent = tok.sent
    k = tok.i - 1
    if k > sent.start and doc[k].text == ",":  # "…, argued Ana Lind."
        if any(c.dep_ in SUBJECT_DEPS and c.i < tok.i for c in tok.children):
            return None  # ("Ana Lind, the chief executive, confirmed the survey": a subject, then its object)
        comma, end = k, tok.i + 1
        while end < sent.end and _subject_word(doc[end]):
            end += 1
        source = doc[tok.i + 1 : end]
    else:  # "…, Ana Lind writes."
        while k > sent.start and _subject_word(doc[k]):
            k -= 1
        comma, end, source = k, tok.i + 1, doc[k + 1 : tok.i]
    if doc[comma].text != "," or not 1 <= len(source) <= 6 or source[-1].pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    while end < sent.end and doc[end].ent_type_ in ("DATE", "TIME"):
        end += 1
    if any(not t.is_punct or t.text in ",;:-—(" for t in doc[end : sent.end]):
        return None
    start = sent.start
    while start < comma and doc[start].is_space:
        start += 1
    start = after_dateline(doc, start, comma)
    content = span_chars(doc, start, comma) if comma - start >= 4 and "\n" not in doc[start:comma].text else None
    if content is None or w.finder.quoted(content.start) or w.finder.quoted(content.end - 1):
        return None
    return content, source


def absolute_phrase(verb: Token) -> bool:
    """Is the verb an -ing participle with a subject of its own and no auxiliary, set off by a comma or after a
    quotation the cue closes ("..., Ana Lind said, her voice breaking", "“…,” he said his hands shaking")? That
    is how the speaker said it, not what: an absolute phrase is no content. (Not "remembered Tarn rehearsing
    there", "reported staff working unpaid": what was remembered or reported.)"""
    if verb.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass") for c in verb.children) or not any(
            c.dep_ == "nsubj" for c in verb.children):
        return False
    before = verb.left_edge.i - 1
    return (before >= 0 and verb.doc[before].text == ",") or any(t.is_quote for t in verb.head.lefts)
