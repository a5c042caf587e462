"""Who does a verb's act: its subject by the parse, inherited along participles, conjunctions and infinitives
(:func:`subject_of`), the speaker's next act joined to a reported clause (:func:`speakers_next_act`), and the
subjects a parser misplaces (a list's rest, a verb of saying read as a plural noun). Read by the cue, source and
attachment rules; the noun phrases themselves are :mod:`.phrases`'.
"""

from __future__ import annotations

from typing import cast

from spacy.tokens import Span, Token

from onrecord.attribution.arrays import memo_of
from onrecord.attribution.phrases import CLAUSE_DEPS, SUBJECT_DEPS, named_after, noun_phrase
from onrecord.attribution.tensestop import in_cue_tense
from onrecord.lexicon.en import (
    AD_NOUNS,
    BELIEF_VERBS,
    DASH_TOKENS,
    DOCUMENT_NOUNS,
    HEARER_VERBS,
    ISSUED_MESSAGES,
    OCCASION_NOUNS,
    REFERRING_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
)

#: Closing double quotation marks: a subject before one is inside the quotation a verb after it follows.
_CLOSING = ("”", '"', "''")


def _quoted(tok: Token) -> bool:
    """Is ``tok`` inside a quotation its paragraph opens before it (the last mark before it opens one)?"""
    start = tok.i
    while start > 0 and tok.i - start < 200 and "\n" not in tok.doc[start - 1].text:
        start -= 1
    marks = [t.text for t in tok.doc[start : tok.i] if t.text in ("“", '"', "”", "``", "''")]
    return bool(marks) and (marks[-1] in ("“", "``") or (marks[-1] == '"' and marks.count('"') % 2 == 1))


def _own_subject(verb: Token) -> Token | None:
    """The verb's subject by the parse: its subject, an agent's object, or a subject the parser hung on its
    auxiliary ("Ana Lind wasn't saying that ..." with "Ana Lind" under "was"). Never a punctuation mark the parser
    made a subject (a closing quotation mark typed as two apostrophes, "’’ says the founder")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not c.is_punct]
    subj = subjects[0] if subjects else None
    if len(subjects) > 1 and subj is not None and subj.text.isupper() and any(
            t.text in ("-", "—", "–", "--") for t in verb.doc[subj.i : subjects[1].left_edge.i]):
        subj = subjects[1]  # "SEATTLE (Tide Wire) - Lakeview Corp said": a dateline the parser made a subject too
    between: list[Token] = []
    if len(subjects) > 1 and subj is not None:
        between = list(verb.doc[subj.i + 1 : subjects[1].left_edge.i])
    if between and all(t.is_punct for t in between) and any(t.is_quote for t in between):
        subj = subjects[1]  # "“…, Mr. Lind,” she replied": a name the words end on, which the parser made a subject
    elif between and subj is not None and subjects[-1].i < verb.i and any(t.text in _CLOSING for t in between) \
            and _quoted(subj):
        subj = subjects[-1]  # "“…, and the people, because …,” Tarn said": a noun inside the words it follows
    if len(subjects) > 1 and (subj == list_rest_subject(verb) or (  # or "Opposition Senator Ana Lind said": a
            subj is not None and subj.is_title and subj.n_lefts + subj.n_rights == 0 and subjects[1].pos_ == "PROPN"
            and subjects[1].left_edge.i == subj.i + 1)):  # capitalised word the parser cut off the title
        subj = subjects[1]
    if len(subjects) == 2 and subj == subjects[0] and _set_off_before(subjects[1], verb):
        subj = subjects[1]  # "The day before, at a rally, Mr. Tarn was blunt": a fronted phrase made a subject too
    if subj is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if subj is None:
        for aux in verb.children:
            if aux.dep_ in ("aux", "auxpass") and aux.i < verb.i:
                subj = next((c for c in aux.children if c.dep_ in SUBJECT_DEPS), subj)
    return subj


def _set_off_before(second: Token, verb: Token) -> bool:
    """Of a verb's two subjects before it, is ``second`` the one that is: the first set off by a comma before it,
    with more words between ("The day before, at a rally in X, Mr. Tarn was ...") or itself a place or a time
    ("Speaking in Alder, New Mexico, Tarn went ..."), the second a phrase without punctuation right before the verb
    (its adverbs and auxiliaries aside)?"""
    doc = verb.doc
    first = next(c for c in verb.children if c.dep_ in SUBJECT_DEPS and not c.is_punct)
    if not first.right_edge.i < second.left_edge.i or second.i > verb.i or doc[first.right_edge.i + 1].text != "," \
            or any(t.is_punct for t in doc[second.left_edge.i : second.right_edge.i + 1]):
        return False
    if first.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME") \
            and all(t.is_punct for t in doc[first.right_edge.i + 1 : second.left_edge.i]):
        return False  # (not "The club's chair, Mira Lind said": a role and its name)
    between = doc[second.right_edge.i + 1 : verb.i]
    return all(t.head == verb and t.dep_ in ("advmod", "aux", "auxpass", "neg") for t in between)


def list_rest_subject(verb: Token) -> Token | None:
    """"A man shot his girlfriend, her two children and her mother, police said": the parser ended the clause
    complement at the list's first comma and made the rest of the list a first subject of the verb of saying. That
    subject (the list's rest, which belongs to the content) when the verb has two subjects before it, the first
    right after its clause complement and the second right after the first, a comma between each; else None."""
    subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
    if len(subjects) != 2:
        return None
    rest, subj = subjects
    doc = verb.doc
    clause = next((c for c in verb.lefts if c.dep_ in CLAUSE_DEPS and c.right_edge.i < rest.left_edge.i), None)
    if clause is None or any(t.is_quote for t in doc[clause.left_edge.i : verb.i]):
        return None
    gaps = (doc[clause.right_edge.i + 1 : rest.left_edge.i], doc[rest.right_edge.i + 1 : subj.left_edge.i])
    return rest if all(len(g) == 1 and g[0].text == "," for g in gaps) else None


def _shares_a_passive(word: Token) -> bool:
    """Is the word conjoined to a passive verb, with no subject or auxiliary of its own, and a participle, or a
    verb that names its hearer with no hearer ("was diagnosed with it and told he had a year to live")?"""
    if word.dep_ != "conj" or any(c.dep_ in (*SUBJECT_DEPS, "aux", "auxpass") for c in word.children) \
            or not any(c.dep_ == "auxpass" for c in word.head.children):
        return False
    return word.tag_ == "VBN" or (word.lemma_.lower() in HEARER_VERBS and not any(
        c.dep_ in ("dobj", "dative") for c in word.children))


def _heard(verb: Token) -> tuple[bool, Span | None]:
    """A verb that names its hearer, in the passive, with a clause ("Ana Lind was told that ...", "was stopped and
    told he could go"): its subject heard the words. Who said them is the agent ("by the coroner"), or the
    sentence does not say (None): (True, the teller). (False, None) for any other verb."""
    if verb.lemma_.lower() not in HEARER_VERBS or not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) or not (
            any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or _shares_a_passive(verb)):
        return False, None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    teller = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return True, (noun_phrase(verb.doc, teller) if teller is not None else None)


def _infinitive_host(verb: Token) -> Token | None:
    """Who does an infinitive that modifies a noun ("a briefing to announce that ...") have for its subject? The
    noun's possessor ("his promise to cut ..."), else, for an infinitive with a clause ("... to announce that
    ..."), the verb whose direct object the noun is ("Ana Lind held a briefing to announce that ..."), when that
    verb has a subject of its own: it is the infinitive's. None for another shape (not "she did not respond to
    requests to comment": a preposition's object is asked of someone else)."""
    noun = verb.head
    if verb.dep_ not in ("acl", "relcl") or noun.pos_ != "NOUN" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    if noun.dep_ != "dobj" or not any(c.dep_ in CLAUSE_DEPS for c in verb.children):
        return None
    host = noun.head
    return host if host.pos_ in ("VERB", "AUX") and _own_subject(host) is not None else None


def subject_of(verb: Token) -> Span | None:
    """The verb's subject phrase, inherited along participles and conjunctions ("…, saying …") and from the verb
    whose object an infinitive modifies (:func:`_infinitive_host`). Found once per verb in a :func:`shared` block
    (the cue model's features and the source rules ask for the same verbs)."""
    memo = memo_of(verb.doc)
    if memo is None:
        return _subject_of(verb)
    key = ("subject_of", verb.i)
    if key not in memo:
        memo[key] = _subject_of(verb)
    return cast("Span | None", memo[key])


def speakers_next_act(verb: Token) -> Token | None:
    """The verb of saying whose reported clause the speaker's next act closes, or None. The act: a participle of
    saying or referring set off by a comma ("said the ferry would stop, adding that ...", "said it was “a
    tax,” alluding to ..."), or a past verb of saying joined right after the quotation closes ("said it
    “regrets the decision” and apologised"). The parser hung it on the clause (or on a noun in it); its subject
    is the first verb's."""
    doc = verb.doc
    if verb.i < 2 or any(c.dep_ in (*SUBJECT_DEPS, "aux", "auxpass", "mark") for c in verb.children):
        return None
    lemma = verb.lemma_.lower()
    says = lemma in SPEECH_VERBS and any(c.dep_ in CLAUSE_DEPS for c in verb.children)  # (not "attacking her")
    if verb.dep_ == "conj":
        k = verb.i - 1 if doc[verb.i - 1].dep_ == "cc" else verb.i
        act = verb.tag_ == "VBD" and lemma in SPEECH_VERBS and verb.left_edge.i >= k and doc[k - 1].is_quote \
            and doc[k - 1].text in "”’\"'"
        # ("acknowledging that X had tapped a vein but warning that ...": the second participle of one speaker)
        act = act or (verb.tag_ == "VBG" and says and k < verb.i and verb.left_edge.i >= k
                      and verb.head.dep_ in CLAUSE_DEPS)
    else:
        k = verb.i - 1
        if doc[k].is_quote and doc[k].text in "”’\"'":
            k -= 1
        act = verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBG" and verb.left_edge.i == verb.i \
            and doc[k].text in (",", *DASH_TOKENS) and (says or lemma in REFERRING_VERBS)
    return _clause_cue(verb) if act else None


def _clause_cue(verb: Token) -> Token | None:
    """The verb of saying above the clause that ``verb`` hangs on (through a noun or two of it)."""
    head, below = verb.head, verb
    for _ in range(4):
        if head.lemma_.lower() in SPEECH_VERBS and any(c.dep_ in SUBJECT_DEPS for c in head.children):
            # ("“…,” Kim confirmed, adding that ...": the parser hung the verb under the quotation; but "denied
            # the notion that a shake-up is coming, explaining that ...": the verb whose object's clause it closes)
            return head if below.dep_ == "dobj" and below.i < verb.i and below is not verb.head else None
        if head.dep_ in CLAUSE_DEPS and head.i < verb.i:
            return head.head if head.head.pos_ in ("VERB", "AUX") and head.head.i < head.i else None
        if head.head == head or head.i > verb.i:
            return None
        head, below = head.head, head
    return None


def _subject_of(verb: Token) -> Span | None:
    doc = verb.doc
    heard, teller = _heard(verb)
    if heard:
        return teller
    for _ in range(4):
        subj = _own_subject(verb)
        if subj is not None:
            return noun_phrase(doc, subj) if subj.i < verb.i else named_after(doc, verb, subj, noun_phrase(doc, subj))
        controller = _object_controller(verb)
        if controller is not None:
            return noun_phrase(doc, controller)
        host = _infinitive_host(verb)
        if host is not None and host.dep_ == "poss":
            return noun_phrase(doc, host)
        if host is not None:
            verb = host
            continue
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "ROOT" \
                and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.tag_ != "NNS":
            return _participle_host(verb)
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
            if verb.head.dep_ in _NOUN_DOER_DEPS and verb.head.lemma_.lower() not in _MESSAGE_HEADS:
                return _participle_host(verb)  # (not "says a report highlighting ...": the report's own statement)
            poss = next((c for c in verb.head.children if c.dep_ == "poss"), None)
            if poss is not None and verb.head.lemma_.lower() in SPEECH_NOUNS:
                return noun_phrase(doc, poss)  # ("exploited Mr. Lind's remark describing ...": Mr. Lind's)
            noun = verb.head
            host = _object_verb(noun) if (_set_off(verb) and noun.dep_ == "dobj") or noun.lower_ in OCCASION_NOUNS \
                or noun.lemma_.lower() in OCCASION_NOUNS else None
            if host is not None:
                verb = host
                continue
        first = _before_then(verb)
        if first is not None:
            verb = first
            continue
        if verb.dep_ in ("advcl", "conj", "xcomp", "acl", "acomp") and verb.head != verb:
            # (the speaker's next act, joined to the reported clause: "said she would write ..., and told")
            host = speakers_next_act(verb) or (verb.head.head if in_cue_tense(verb, verb.head.head) else verb.head)
            outside = _out_of_quotation(host) if _opens_after(verb, host) else host
            if outside is None:
                return None
            verb = outside
            continue
        if verb.dep_ == "pcomp" and verb.head.head != verb.head:
            # "by marveling at ...", "for refusing to ...": through the preposition to what it modifies
            host = verb.head.head
            if host.pos_ in ("NOUN", "PROPN"):
                poss = next((c for c in host.children if c.dep_ == "poss"), None)
                return noun_phrase(doc, poss) if poss is not None else None
            while host.pos_ in ("ADJ", "ADV") and host.dep_ in ("acomp", "attr", "advmod") and host.head != host:
                host = host.head  # ("stopped short of endorsing", "the most aggressive in denouncing")
            verb = host
            continue
        break
    return None


def _before_then(verb: Token) -> Token | None:
    """"Ana Lind offered the man a job, then says ...": a finite verb after ", then" with no subject of its own;
    the parser hung it on the first verb ("dep") or hung the first clause under it ("ccomp"): the first verb,
    whose subject is the doer of both."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 3 or doc[verb.i - 1].lower_ != "then" \
            or doc[verb.i - 1].head != verb or doc[verb.i - 2].text != ",":
        return None
    if verb.dep_ == "dep" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")
                 and c.right_edge.i == verb.i - 3 and _own_subject(c) is not None), None)


#: Where a noun stands when a participle on it is the noun's own act ("a gunman claiming allegiance to X carried
#: out ...", "are precedents restricting ...", "two columns, one listing ...", "said Don Pellow, the chairman,
#: explaining that ...").
_NOUN_DOER_DEPS = ("nsubj", "nsubjpass", "attr", "appos")
#: Documents and messages: a participle on one is its own statement, for its author ("a report highlighting ...").
_MESSAGE_HEADS = DOCUMENT_NOUNS | ISSUED_MESSAGES | AD_NOUNS


def _set_off(verb: Token) -> bool:
    """Is the participle set off by a comma or a dash from the words before it?"""
    k = verb.left_edge.i - 1
    return k >= 0 and verb.doc[k].text in (",", *DASH_TOKENS)


def _object_verb(noun: Token) -> Token | None:
    """The verb whose object ``noun`` is, directly or as a preposition's object ("made an attempt to ..., writing
    that ...", "opened a rally blasting X", "spent much of his speech defending X", "In a statement defending X,
    the campaign said"): a participle on a thing so placed is the act of the verb's subject, not the thing's."""
    tok = noun
    for _ in range(3):
        if tok.dep_ in ("dobj", "dative"):
            return tok.head if tok.head.pos_ in ("VERB", "AUX") else None
        if tok.dep_ != "pobj" or tok.head.dep_ not in ("prep", "dative"):
            return None
        up = tok.head.head
        if up.pos_ in ("VERB", "AUX"):
            return up
        if up.dep_ not in ("dobj", "pobj") or up.pos_ not in ("NOUN", "ADJ"):
            return None  # (not "the leader of a group backing X")
        tok = up  # ("much of his speech", "a text to supporters")
    return None


def _opens_after(verb: Token, host: Token) -> bool:
    """Is ``host`` inside a quotation that opens after ``verb``, which stands outside quotation marks (the words a
    participle of saying introduces, not a word it follows in scare quotes)?"""
    if not host.i > verb.i or _quoted(verb) or not _quoted(host):
        return False
    return any(t.text in ("“", "``") or (t.text == '"' and _quoted(t.nbor())) for t in verb.doc[verb.i : host.i])


def _out_of_quotation(host: Token) -> Token | None:
    """A participle outside quotation marks that the parser hung on a verb inside them ("…, telling the crowd,
    “Some people get carried away, have you noticed?”", "While discussing it, Tarn said “they have no place
    ...”"): the verb of saying hung on the quoted words (outside the marks, with a subject of its own), else the
    first verb above them outside the marks; None when there is none."""
    for _ in range(8):
        said = next((c for c in host.children if c.pos_ == "VERB" and c.lemma_.lower() in SPEECH_VERBS
                     and not _quoted(c) and _own_subject(c) is not None), None)
        if said is not None:
            return said
        if host.head == host:
            return None
        host = host.head
        if not _quoted(host):
            return host
    return None


#: Personal pronouns that, as the object of a verb with an infinitive, are who does what the infinitive says.
_PERSONAL_OBJECTS = frozenset({"him", "her", "them", "me", "us"})


def _object_controller(verb: Token) -> Token | None:
    """The person a verb's object names, when the verb is an infinitive after that object ("The result led her to
    declare that ...", "The questions prompted Ana Lind to say ..."): the object says it, not the verb's subject.
    Only a personal pronoun or a person's name (not an instrument: "used Twitter to say"); never after "promise"
    ("promised her to say": the one who promised)."""
    if verb.dep_ != "xcomp" or verb.tag_ != "VB" \
            or not any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        return None
    host = verb.head
    if host.lemma_.lower() in ("promise", "vow", "pledge"):
        return None
    obj = next((c for c in host.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if obj is None or not (obj.lower_ in _PERSONAL_OBJECTS or obj.ent_type_ == "PERSON"):
        return None
    return obj


def _participle_host(verb: Token) -> Span | None:
    """The noun phrase a participle modifies, up to the participle and any other clause on the noun, in a sentence
    the parser left without a finite verb: "The party's leader, Ana Lind, condemned the attack, saying that ..."
    (the noun made the root, "condemned" and "saying" clauses on it). None when nothing of the phrase stands
    before the participle. (A participle on an object, "a letter stating that ...", is left to the corpora's
    conventions: PolNeAR's sources are not the letter. Nor a plural root: "Trump avoids condemning ...", a verb the
    parser read as a plural noun.)"""
    phrase = noun_phrase(verb.doc, verb.head)
    clauses = [c.left_edge.i for c in verb.head.rights if c.dep_ in ("acl", "relcl")]
    end = min(phrase.end, verb.left_edge.i, *clauses)
    while end > phrase.start and (verb.doc[end - 1].is_punct or verb.doc[end - 1].is_space):
        end -= 1
    return verb.doc[phrase.start : end] if end > phrase.start and phrase.start <= verb.head.i < end else None


def misparsed_subject(noun: Token) -> Span | None:
    """"Trump charges that ...": a verb of saying read as a plural noun with a name as its compound (the subject)."""
    if noun.tag_ != "NNS" or not noun.text.endswith("s") or noun.text[:-1].lower() not in SPEECH_VERBS | BELIEF_VERBS:
        return None
    subject = next((c for c in noun.lefts if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None:  # "Okafor charges that ...", the noun made the root with a subject
        return noun_phrase(noun.doc, subject)
    names = [c for c in noun.lefts if c.dep_ == "compound" and (c.pos_ == "PROPN" or c.is_title)]
    if not names:  # "Trump charges that ...", the name made a compound of the noun
        return None
    return noun.doc[names[0].left_edge.i : noun.i]
