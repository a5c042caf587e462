"""Backing: whether a statement's claim rests on more than one source (the ``single_source`` signal of
:mod:`onrecord.provenance.sourcing`).

A claim is backed (not single-source) when its source mention is itself several independent sources ("Lind and
Tarn", "both", "recent polls"), when another party says near-identical words with the same sign, or when another
party echoes it ("other members echo her concerns"). A candidate and their own campaign are one party.
(Several sources in one mention: :mod:`onrecord.provenance.several`.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from onrecord.lexicon import en as lex
from onrecord.lexicon import load
from onrecord.provenance.anonymity import doc_text, mention, mention_noun, next_sentence
from onrecord.provenance.members import another_side, party_members
from onrecord.provenance.several import NOT_PEOPLE, PAIRS, named_pair, plural_mention, set_of_people
from onrecord.types import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SAME_CONTENT = 0.6  # two parties' contents sharing this much (Jaccard of content words) make one claim
_NEGATORS = frozenset("not no never nothing none".split())
_LEXICON = load("en")
_FUNCTION, _RESTATING = (_LEXICON.words(name) for name in ("function_words", "restating_verbs"))
_BACK_POINTERS = frozenset("same so it this likewise".split())  # "said the same", "confirmed it"; no relative "that"
_SOME = frozenset("some other many all most".split())  # an unnamed set a named person may back ("some experts say",
# "all the experts I asked said")
_PEOPLE = lex.WITHHELD_HEADS | lex.ANONYMOUS_HEADS | _LEXICON.words("group_heads") | _LEXICON.words("public_heads") | \
    _LEXICON.words("role_heads") | frozenset("counterpart peer member economist expert analyst".split())
_EXPERTS, _IN_PART = _LEXICON.words("expert_heads"), _LEXICON.words("partial_agreement_adverbs")
_CONTRAST = frozenset("but however yet still though although".split())
_ORDINALS = frozenset("second third fourth another".split())  # a source counted after another ("a second official")
_CONFIRMING = frozenset("confirm corroborate verify".split())
_REPORTING = frozenset("report reveal disclose".split())  # (a fact reported, which a confirmation may back)
_SAME_CUES = frozenset("show say confirm find report suggest indicate".split())  # ("records show the same ...")
_CLAIM_NOUNS = frozenset("account claim view story report point concern warning assessment".split())
# others agreeing in a sentence of their own ("Others largely agree."), putting it their way ("as Tarn put it"), or
# saying as much ("Ivo Tarn said as much")
_AGREEING = re.compile(r"\b(?:agree|agrees|agreed|concur|concurs|concurred|echo|echoes|echoed|put(?= it\b)|"
                       r"(?:said|says|say)(?= as much\b))\b")
_SIMILAR = re.compile(r"(?:similar|the same|those same)\s+(?:doubts?|concerns?|views?|worries|worry|fears?|points?|"
                      r"criticisms?|warnings?|sentiments?)\b", re.I)



def _party(a: Attribution, kind: str, text: str) -> str:
    """Who stands behind a statement, as one key: a candidate and their campaign are one party."""
    name = a.speaker or a.speaker_description or (a.source.of(text) if a.source is not None else "")
    words = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in lex.CAMPAIGN_HEADS and w not in ("the", "a")]
    return words[-1] if words and kind in ("person", "organisation") else " ".join(words)


def _alongside(doc: Doc, a: Attribution) -> str | None:
    """Another set of people said to hold a set's claim too, on the cue's verb ("Lakeview economists, like their
    Harlow counterparts, say ...", "Democrats, along with some Republicans, say ..."); not a name given as an
    example, nor anything else along with it ("along with a raft of allegations")."""
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    if cue is None or not _says(doc, a):
        return None
    for p in (c for t in cue for c in t.children if c.dep_ == "prep" and c.lower_ in ("like", "along")):
        preps = [p] if p.lower_ == "like" else [w for w in p.children if w.lower_ == "with"]
        others = [o for w in preps for o in w.children if o.dep_ == "pobj" and o.tag_ in ("NNS", "NNPS") and (
            o.ent_type_ == "NORP" or o.lemma_.lower() in _PEOPLE)]
        if others:
            return doc[p.i : others[0].i + 1].text
    return None


def _echoing(doc: Doc, a: Attribution) -> str | None:
    """A named party the statement's own sentence says it echoes, in a participle on the cue ("The union called the
    plan a repair, echoing Ana Lind", "..., echoing Lind's warning"): a second source for the claim."""
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    verb = cue.root if cue is not None and len(cue) else None
    if verb is None:
        return None
    for t in verb.children:
        if t.dep_ == "advcl" and t.tag_ == "VBG" and t.lemma_.lower() == "echo" and not a.content.start <= t.idx < \
                a.content.end:
            echoed = next((o for o in t.children if o.dep_ == "dobj"), None)
            if echoed is not None and any(w.pos_ == "PROPN" and w.ent_type_ not in NOT_PEOPLE - {"ORG"}
                                          for w in echoed.subtree):
                return doc[t.i : echoed.right_edge.i + 1].text
    return None


def _says(doc: Doc, a: Attribution) -> bool:
    """Is the cue a verb of saying or believing ("Republicans believe ..."), not a deed ("have refused to vote")?"""
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    return cue is not None and cue.root.lemma_.lower() in lex.SPEECH_VERBS | lex.BELIEF_VERBS


def _next_sentence(sent: Span, then: Span) -> int:
    """Where the sentence after ``sent`` starts; past it when that sentence only introduces the named source
    ``then`` ("... economists say. One of those economists is Ivo Tarn. Tarn said ...")."""
    doc = sent.doc
    if sent.end >= len(doc):
        return sent.end
    following = next_sentence(sent) or doc[sent.end].sent
    names = {t.lower_ for t in then if t.pos_ == "PROPN"}
    introduces = following.end <= then.start and any(t.pos_ == "PROPN" and t.lower_ in names for t in following)
    return following.end if introduces else following.start


def _content_words(content: str) -> frozenset[str]:
    """The content's words less function words; a negation is kept as "not" ("didn't" -> "did", "not")."""
    words = re.findall(r"[a-z0-9']+", content.lower().replace("’", "'").replace("n't", " not"))
    return frozenset("not" if w in _NEGATORS else w for w in words if w not in _FUNCTION)


def backed(doc: Doc, attributions: Sequence[Attribution], kinds: Sequence[str]) -> list[str | None]:
    """For each attribution, what backs its claim with a second source, or None."""
    text = doc_text(doc)
    parties = [_party(a, k, text) for a, k in zip(attributions, kinds, strict=True)]
    out: list[str | None] = [plural_mention(doc, a, k) or (_alongside(doc, a) if k in ("group", "anonymous") else None)
                             or _echoing(doc, a) for a, k in zip(attributions, kinds, strict=True)]
    keys = [_content_words(a.content.of(text)) for a in attributions]
    for i in range(len(attributions)):
        for j in range(i + 1, len(attributions)):
            if not parties[i] or not parties[j] or parties[i] == parties[j] or min(len(keys[i]), len(keys[j])) < 3:
                continue
            same = len(keys[i] & keys[j]) / len(keys[i] | keys[j])
            if same < _SAME_CONTENT or ("not" in keys[i]) != ("not" in keys[j]):
                continue
            if any(parties[k] and parties[k].split()[-1] in keys[m] for k, m in ((i, j), (j, i))):
                continue  # one passes the other's words on ("Weaver told me ...", in a caption)
            out[i] = out[i] or f"{parties[j]} says the same"
            out[j] = out[j] or f"{parties[i]} says the same"
    _echoes(doc, attributions, parties, keys, out)
    _named_after_some(doc, attributions, parties, kinds, out)
    party_members(doc, attributions, kinds, out)
    _agreeing_sentences(doc, attributions, parties, out)
    _second_voices(doc, attributions, parties, out)
    return out


def _echoes(doc: Doc, attributions: Sequence[Attribution], parties: Sequence[str], keys: Sequence[frozenset[str]],
            out: list[str | None]) -> None:
    """An echo backs the statement before it, and is backed by it: a backing verb ("other members echo her
    concerns", "the chief agreed") or a restating one whose object points back ("a second nurse confirmed the
    closures", "two dock workers said the same", "the Tribune reported Lind's retirement")."""
    text = doc_text(doc)
    for j, echo in enumerate(attributions):
        cue = doc.char_span(echo.cue.start, echo.cue.end, alignment_mode="expand") if echo.cue is not None else None
        if cue is None or not len(cue):
            continue
        verb = next((t for t in cue if t.lemma_.lower() in lex.BACKING_VERBS), None)
        if verb is not None and (any(c.dep_ == "xcomp" for c in verb.children) or _in_part_with(verb)
                                 or _not_agreeing(verb)):
            continue  # ("agreed to republish", "agreed to an interview": a deed; "largely agreed with Lind": no one
            # claim backed; "not everyone agrees": no one backs it)
        similar = verb is None and _SIMILAR.match(text, echo.content.start) is not None  # ("others expressed
        restating = verb is None and (similar or any(t.lemma_.lower() in _RESTATING for t in cue))  # similar doubts")
        if verb is None and not restating:
            continue
        sent = cue[0].sent
        named = {w.lower() for w in re.findall(r"[A-Za-z]+", text[sent.start_char : sent.end_char])}  # (sent.text)
        earlier = [i for i in range(j - 1, -1, -1) if parties[i] != parties[j]
                   and attributions[i].content.end >= sent.start_char - 600]
        # the party the echo names ("echoed Clinton's line"), else the nearest earlier statement
        earlier.sort(key=lambda i: parties[i].split()[-1] not in named if parties[i] else True)
        for i in earlier[:1]:
            if restating and not similar and not _points_back(doc, echo, attributions[i]):
                break
            if verb is not None and any(c.dep_ == "ccomp" for c in verb.children) and len(keys[i] & keys[j]) < 2:
                break  # (agreeing to a claim of its own on another matter: "every trader agrees the tax is unfair")
            out[i] = out[i] or f"{cue.text}: {echo.source.of(text) if echo.source else parties[j]}"
            out[j] = out[j] or f"{cue.text} {parties[i]}"


def _agreeing_sentences(doc: Doc, attributions: Sequence[Attribution], parties: Sequence[str],
                        out: list[str | None]) -> None:
    """A sentence extraction took no statement from, in which others agree or echo ("Others largely agree."),
    someone puts it their way ("Or, as Ivo Tarn put it: ...") or says as much ("Tarn said as much at the meeting"),
    backs the statements of the speaker just before it, in its paragraph or the one before."""
    text = doc_text(doc)
    breaks = "\n\n" if "\n\n" in text else "\n"
    for m in _AGREEING.finditer(text):
        words = doc.char_span(m.start(), m.end())
        if words is None or any(a.content.start <= m.start() < a.content.end for a in attributions):
            continue  # (the words of a statement: "Most traders agree," she said)
        verb, sent = words[0], words[0].sent
        if (verb.lower_ != "put" and (verb != sent.root or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
                                      or _in_part_with(verb))) or _not_agreeing(verb) or (verb.lower_ == "put" and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.head.children if verb.head != verb)):
            continue  # (the sentence's own verb, agreeing with no claim of its own: "agreed to", "agree that ...",
            # nor in part with a person: "Tarn largely agreed with Lind and ...", nor "not everyone agrees"; nor
            # "as X put it" inside a sentence with a subject of its own, which credits that sentence's words to X)
        before = [i for i, a in enumerate(attributions) if a.content.end <= sent.start_char
                  and text[a.content.end : sent.start_char].count(breaks) <= 1]
        named = _echoed_claim(doc, verb, attributions)
        if named is not None or before:
            _echoers(doc, verb, attributions, parties, out)
        if named is not None:
            out[named] = out[named] or f"echoed: {sent.text.strip()[:50]}"
            continue
        if not before:
            continue
        last = max(before, key=lambda i: attributions[i].content.end)
        run = [i for i in before if parties[i] == parties[last]]
        if any(parties[i] != parties[last] and attributions[i].content.end > min(
                attributions[k].content.start for k in run) for i in before):
            run = [last]  # (not past another speaker)
        for i in run:
            out[i] = out[i] or f"then: {sent.text.strip()[:50]}"


def _not_agreeing(verb: Token) -> bool:
    """Is the agreement denied ("not everyone agrees", "no one agreed", "did not agree") or an assent to a thing
    rather than a claim ("agreed to an interview", "agreed to the terms")?"""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(c.dep_ == "neg" for c in verb.children) or any(
        w.dep_ == "neg" or w.lower_ in ("nobody", "few") or (w.lower_ == "one" and any(
            d.lower_ == "no" for d in w.children)) for s in subjects for w in s.subtree) or (
        verb.lemma_.lower() == "agree" and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children))


def _in_part_with(verb: Token) -> bool:
    """Is the agreement with someone, and only in part or in general ("Tarn largely agreed with Lind", "mostly agrees
    with her")? Agreeing with a person's views so is no second source for one claim of theirs ("Others largely
    agree." after a claim still backs it)."""
    return any(c.dep_ == "advmod" and c.lower_ in _IN_PART for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)


def _echoed_claim(doc: Doc, verb: Token, attributions: Sequence[Attribution]) -> int | None:
    """The earlier statement a passive echo names by its topic ("That account of cut crossings was echoed by ..."
    after "crews had been told to skip two crossings"): the last one before it whose content holds a noun of the
    echo's subject, other than the word for a claim itself ("account", "view")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)  # (not the echoer: "as Tarn put it")
    if subject is None:
        return None
    words = frozenset(t.lemma_.lower() for t in subject.subtree if t.pos_ in ("NOUN", "PROPN") and not t.is_stop
                      and t.lemma_.lower() not in _CLAIM_NOUNS)
    earlier = [i for i, a in enumerate(attributions) if a.content.end <= verb.sent.start_char
               and shared_topic(words, topic(doc, a)) >= 1] if words else []
    return max(earlier, key=lambda i: attributions[i].content.end) if earlier else None


def _echoers(doc: Doc, verb: Token, attributions: Sequence[Attribution], parties: Sequence[str],
             out: list[str | None]) -> None:
    """The statements of the named person an echo is passive-agent of ("... was echoed by Lars Penhale. 'We have had
    half the sailings,' Penhale said."), in its sentence or the next."""
    agent = next((w for c in verb.children if c.dep_ == "agent" for w in c.children if w.pos_ == "PROPN"), None)
    if agent is None:
        return
    end = doc[verb.sent.end].sent.end_char if verb.sent.end < len(doc) else verb.sent.end_char
    for k, a in enumerate(attributions):
        if verb.sent.start_char <= a.content.start < end and parties[k] == agent.lower_:
            out[k] = out[k] or f"{verb.text} by {agent.text}"


def _points_back(doc: Doc, echo: Attribution, before: Attribution) -> bool:
    """Is the restated content a short phrase pointing back to the claim before ("the same", "so", "it", "the
    closures" after "will close two schools", "Lind's retirement" after "Lind plans to retire")?"""
    span = list(doc.char_span(echo.content.start, echo.content.end, alignment_mode="expand") or ())
    when = {t.i for t in span if t.ent_type_ in ("DATE", "TIME") or (t.pos_ == "ADP" and t.head.ent_type_ in (
        "DATE", "TIME"))} | {t.head.i for t in span if t.ent_type_ in ("DATE", "TIME") and t.head.pos_ == "ADP"}
    core = [t for t in span if t.i not in when and not t.is_punct]  # ("Lind's retirement on Monday")
    if not 0 < len(core) <= 4 or any(t.pos_ in ("VERB", "AUX") for t in core):
        return False
    words = [t.lower_ for t in core]
    if words[-1] in _BACK_POINTERS or words == ["as", "much"]:
        return True
    nouns = [t for t in core if t.pos_ in ("NOUN", "PROPN")]
    stems = {w[:4] for w in re.findall(r"[a-z]+", before.content.of(doc_text(doc)).lower()) if len(w) > 3}
    return bool(nouns) and (words[0] in ("the", "this", "that", "these", "those") or core[0].pos_ == "PROPN") and any(
        t.lower_[:4] in stems for t in nouns)


def _named_after_some(doc: Doc, attributions: Sequence[Attribution], parties: Sequence[str], kinds: Sequence[str],
                      out: list[str | None]) -> None:
    """An unnamed set ("others say", "some experts think") is backed by a named person or body quoted right after
    it, in the next sentence, making the same point ("Others say a change is overdue. Ivo Tarn, a professor, said
    ...", "... The Kestrel Institute, a consulting firm, has calculated ...").
    A bare "some" is not enough ("Some hesitated ..." then a named person on something else), unless the named
    person's words share its topic ("Some warn the merger would close the unit. Ivo Tarn said a merged trust would
    move the unit"); so with a bare plural of experts ("Harbour analysts said ..."). A bare "some", "others" or
    bare experts on the named voice's topic also back the named voice, and experts back one of them whatever the
    words ("Experts say ... 'If it cannot reach them yet, it will,' said Ivo Tarn, a physicist"), in all his words
    there. Unnamed informants or a bare plural of people are backed by one of them ("..., said Ivo Tarn, a former
    aide"). The set may go on in a "they" before the named voice; a quotation before its speaker counts from its
    first words."""
    text = doc_text(doc)
    order = sorted(range(len(attributions)), key=lambda k: attributions[k].content.start)
    for n, i in enumerate(order):  # (the next statement not inside this one's words: "some note that Tarn, even as
        later = [k for k in order[n + 1 :] if not attributions[i].content.contains(  # he says ..., has ...")
            attributions[k].content)]
        span = mention(doc, attributions[i])
        if out[i] or span is None or not later:
            continue
        said, later = _past_repeats(doc, attributions, span.sent, later)
        j = later[0] if later else None
        then = mention(doc, attributions[j]) if j is not None else None
        if j is None or then is None or parties[i] == parties[j] or _participle_in(doc, attributions[j], said):
            continue
        head = mention_noun(span)
        bare = head.lower_ in ("some", "many") and len(span) == 1 and head.dep_ == "nsubj"  # ("Some warn ...")
        # (a bare "some", "others" or bare experts on the named voice's topic, or experts and one of them named
        # as such, "a physicist": each backs the other)
        member = _experts(head) and any(t.lemma_.lower() in _EXPERTS and t.pos_ == "NOUN" for t in then)
        mutual = member or ((bare or head.lower_ == "others" or _experts(head)) and shared_topic(topic(
            doc, attributions[i]), topic(doc, attributions[j])) >= 1)
        some = mutual or _unnamed_set(head, doc, attributions[i]) or (_informants(
            head, kinds[i], doc, attributions[i]) and any(t.lemma_.lower() == head.lemma_.lower() for t in then))
        names = {t.lower_ for t in then if t.pos_ == "PROPN"}  # (the named voice's own name, not its description's:
        own = {w.lower() for w in (attributions[j].speaker or "").split()} or names  # "a former aide to Lind")
        if not some or kinds[j] not in ("person", "organisation") or not names or own & {t.lower_ for t in span} or \
                another_side(doc, attributions[i], then):
            continue  # (a set named after the person is no member's backing: "Tarn supporters ...", then Tarn)
        at = min(attributions[j].content.start, then.start_char)
        first = doc.char_span(at, at + 1, alignment_mode="expand")
        first = then.sent if first is None or not len(first) else first[0].sent  # (a quote before its speaker)
        opening = next((t.lower_ for t in first if not t.is_punct and not t.is_space), "")
        gap = doc[_next_sentence(said, then) : first.start]  # (only an opening quotation mark the parse cut off)
        if first.start != said.start and (first.start < gap.start or any(not t.is_punct and not t.is_space
                                                                         for t in gap) or opening in _CONTRAST):
            continue  # (not the next sentence, or one turning against it: "But Ivo Tarn said ...")
        out[i] = f"then {then.text} ({text[attributions[j].content.start : attributions[j].content.start + 40]})"
        # (the named voice is backed by the set it speaks for: one of them in all their words there)
        for k in (_run(text, attributions, parties, later) if member else [j]) if mutual else ():
            out[k] = out[k] or f"after {span.text}"


def _unnamed_set(head: Token, doc: Doc, a: Attribution) -> bool:
    """Is the mention a set a named member may speak for: "others", a quantified plural ("some experts", "all the
    experts I asked"), "an array of economists", or a nationality saying or believing ("Republicans believe")?"""
    plural = head.tag_ in ("NNS", "NNPS")
    return head.lower_ == "others" or (plural and any(c.lower_ in _SOME and c.dep_ in ("det", "amod", "predet")
                                                      for c in head.children)) or set_of_people(head) or (
        head.ent_type_ == "NORP" and plural and _says(doc, a))


def _informants(head: Token, kind: str, doc: Doc, a: Attribution) -> bool:
    """Is the mention unnamed informants ("the minister's aides said") or a bare plural of people saying or
    believing ("environmentalists worry")? Such a set is backed only by a named voice described as one of them
    ("Ivo Tarn, a former aide"): next to them, other named voices mostly answer them or speak of something else."""
    return head.tag_ == "NNS" and (kind == "anonymous" or (kind == "group" and _says(doc, a) and not any(
        c.dep_ in ("det", "poss", "nummod") for c in head.children)))


def _past_repeats(doc: Doc, attributions: Sequence[Attribution], sent: Span, later: list[int]
                  ) -> tuple[Span, list[int]]:
    """The set's statements go on in a "they" opening the same or the next sentence ("Environmentalists worry that
    ... Unlike the old owner, he has few investors, they say."): the last sentence of them, and the statements
    after them."""
    while later and (m := mention(doc, attributions[later[0]])) is not None and len(m) == 1 and m[
            0].lower_ == "they" and m.sent.start <= (next_sentence(sent) or sent).start:
        sent, later = m.sent, later[1:]
    return sent, later


def _run(text: str, attributions: Sequence[Attribution], parties: Sequence[str], later: Sequence[int]) -> list[int]:
    """The named voice's statements from ``later[0]`` on, up to another party's, a paragraph break past the next,
    or one turning to another point ("But ..."): "'It is clear,' said Ivo Tarn. 'The trend is up.'" is one run."""
    run = list(later[:1])
    for k in later[1:]:
        between = text[attributions[run[-1]].content.end : attributions[k].content.start]
        opening = (re.findall(r"[a-z]+", text[attributions[k].content.start : attributions[k].content.end].lower())
                   or [""])[0]
        if parties[k] != parties[run[0]] or between.count("\n\n" if "\n\n" in text else "\n") > 1 or \
                opening in _CONTRAST:
            break  # (another party, too far on, or a turn to another point: "'But the problem is ...'")
        run.append(k)
    return run


def _experts(head: Token) -> bool:
    """Is the head a bare plural of people who judge as a trade ("Foreign policy analysts said ...", "economists
    warn"), no determiner before it but "all" or "most"?"""
    return head.tag_ == "NNS" and head.lemma_.lower() in _EXPERTS and (not any(
        c.dep_ in ("det", "poss", "nummod") for c in head.children) or any(  # ("all the experts I asked")
        c.dep_ == "predet" and c.lower_ in ("all", "most") for c in head.children))


def _participle_in(doc: Doc, a: Attribution, sent: Span) -> bool:
    """Is the statement's cue a participle of the sentence (",... while chanting, 'Open the pier'"): the voice of
    that sentence's subject, whatever mention extraction gave it, not a second voice?"""
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    return cue is not None and len(cue) == 1 and cue[0].tag_ == "VBG" and cue[0].dep_ in ("advcl", "xcomp") and \
        sent.start <= cue[0].i < sent.end


def topic(doc: Doc, a: Attribution) -> frozenset[str]:
    """The lemmas of the content's nouns, verbs, adjectives and numbers, less the saying verbs and function words."""
    span = doc.char_span(a.content.start, a.content.end, alignment_mode="expand")
    return frozenset(t.lemma_.lower() for t in span or () if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
                     and not t.is_stop and t.lemma_.lower() not in lex.SPEECH_VERBS and len(t.text) > 2)


def shared_topic(x: frozenset[str], y: frozenset[str]) -> int:
    """How many of one content's lemmas the other holds, a word inside another counting ("spend" in "overspend",
    "merge" in "merger")."""
    return sum(any(w == v or (len(w) >= 4 and len(v) >= 4 and (w in v or v in w)) for v in y) for w in x)


def _second_mark(doc: Doc, a: Attribution) -> str | None:
    """What marks a statement as a second voice on an earlier claim: a confirming cue ("confirmed that ..."), an
    informant counted after another ("a second official", "another source"; not "another delegate", who in news
    mostly adds a view), or content that is "the same" thing shown or said ("records show the same overspend").
    ("also" is not one: in news it mostly adds a point, "the group is also spending".)"""
    span = mention(doc, a)
    head = mention_noun(span) if span is not None else None
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    if cue is not None and any(t.lemma_.lower() in _CONFIRMING for t in cue):
        return cue.text
    if head is not None and head.lemma_.lower() in lex.WITHHELD_HEADS and any(
            c.dep_ in ("amod", "det") and c.lower_ in _ORDINALS and (c.lower_ == "another" or doc[
                c.i - 1].lower_ in ("a", "the")) for c in head.children):  # (not "60 second", nor "another delegate")
        return f"counted: {span.text if span is not None else ''}"
    if cue is None or cue.root.lemma_.lower() not in _SAME_CUES:
        return None  # (before the content is read: most cues show or say nothing "the same")
    same = doc.char_span(a.content.start, a.content.end, alignment_mode="expand")
    thing = same is not None and len(same) > 2 and [t.lower_ for t in same[:2]] == ["the", "same"] and same[
        2].pos_ == "NOUN"  # ("the same overspend"; not "say the same about Lind", of another person)
    return "the same" if thing else None


def _unnamed(doc: Doc, words: frozenset[str]) -> frozenset[str]:
    """The topic's words that are not proper nouns' lemmas in the article ("watch", "pier" of "Harbour Watch",
    "North Pier")."""
    return words - {t.lemma_.lower() for t in doc if t.pos_ == "PROPN"}  # (read only for a counted source: rare)


def _stems(words: frozenset[str]) -> set[str]:
    """The words' first six letters, for words that long ("register" and "registration" share one)."""
    return {w[:6] for w in words if len(w) >= 6}


def _reported(doc: Doc, a: Attribution) -> bool:
    """Is the statement a report of a fact ("was first reported by the Kestrel Herald", "the Herald revealed")?"""
    cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") if a.cue is not None else None
    return cue is not None and any(t.lemma_.lower() in _REPORTING for t in cue)


def _second_voices(doc: Doc, attributions: Sequence[Attribution], parties: Sequence[str],
                   out: list[str | None]) -> None:
    """A second voice backs the earlier claim of another party it shares the most of its topic with ("A board
    official said two clinics had shut ... A second official confirmed that the clinics had closed"), and is backed
    by it; a source counted after another ("a second
    official") takes the claim of a source with the same head noun first. A confirmation with no such claim before
    it backs the first one after it on its topic ("The council confirms that the pier is closed. ... The closure
    was first reported by the Kestrel Herald.")."""
    text = doc_text(doc)
    marks = [_second_mark(doc, a) if parties[j] else None for j, a in enumerate(attributions)]
    topics = [topic(doc, a) for a in attributions] if any(marks) else []  # (most articles have none)
    for j, a in enumerate(attributions):
        why = marks[j]
        if why is None:
            continue
        span = mention(doc, a)
        head = mention_noun(span).lemma_.lower() if span is not None else ""
        counted = why.startswith("counted")  # (a source counted after another: more of the topic, in words of the
        # claim, not the names it shares with every statement of the story: "another source said ... North Pier")
        least = 2 if counted else 1
        earlier = [i for i, b in enumerate(attributions) if b.content.end <= a.content.start and parties[i]
                   and parties[i] != parties[j] and shared_topic(*((_unnamed(doc, topics[j]), _unnamed(
                       doc, topics[i])) if counted else (topics[j], topics[i]))) >= least
                   and "___" not in text[b.content.end : a.content.start]]  # (not across a roundup's stories)
        if not earlier and not why.startswith(("counted", "the same")):  # (a confirmation told before the report
            # it confirms: "... was first reported by the Herald")
            earlier = [i for i, b in enumerate(attributions) if b.content.start >= a.content.end and parties[i]
                       and parties[i] != parties[j] and _reported(doc, b) and _stems(topics[j]) & _stems(topics[i])
                       and "___" not in text[a.content.end : b.content.start]][:1]
        if not earlier:
            continue
        same_head = {i for i in earlier if (m := mention(doc, attributions[i])) is not None
                     and mention_noun(m).lemma_.lower() == head}
        if counted and not same_head:
            continue  # ("another source" is another of the sources before it, not the outlet's own account)
        i = max(earlier, key=lambda i: (i in same_head, shared_topic(topics[j], topics[i]), -i))
        out[i] = out[i] or f"{why}: {a.source.of(text) if a.source else parties[j]}"
        out[j] = out[j] or f"{why} {parties[i]}"


__all__ = ["PAIRS", "backed", "named_pair", "set_of_people", "shared_topic", "topic"]
