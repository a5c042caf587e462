"""Who holds a role a description names: "the harbour master", "the senator", "the former mayor", "the foreign
minister" -- the person the article introduced with that role (by title, by apposition), narrowed by the place,
team and rank the description gives."""

from __future__ import annotations

from collections.abc import Collection
from itertools import pairwise
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.arrays import ids, one_of, positions, token_arrays
from onrecord.attribution.quotes import quoted_at
from onrecord.attribution.resolution.genders import GENDER_NOUNS
from onrecord.attribution.resolution.names import clean_name, past_title_stop, person_name
from onrecord.attribution.resolution.offices import office_of_noun
from onrecord.attribution.resolution.syntax import (
    PERSON_TITLES,
    apposed,
    compound_start,
    copular_nouns,
    determiner,
    is_subject,
    person_noun,
    role_key,
)
from onrecord.lexicon.en import (
    ANONYMOUS_HEADS,
    BODY_HEAD_ROLES,
    COURTESY_TITLES,
    FAMILY_HEADS,
    GRADED_RANKS,
    ORGANISATION_HEADS,
    PLACE_HEADS,
    ROLE_RANKS,
    TITLES,
    UNNAMED_HEADS,
)

if TYPE_CHECKING:
    from onrecord.attribution.resolution.index import ArticleIndex
    from onrecord.attribution.resolution.resolver import SpeakerResolver

#: Words that make a role a second one: "the deputy foreign minister" is not "the foreign minister".
SECOND_RANKS = frozenset({"deputy", "vice", "assistant", "associate", "junior", "acting", "interim", "shadow"})
#: Words that head an organisation's or a place's name, not an office ("the University of Lakeview").
NOT_AN_OFFICE = ORGANISATION_HEADS | PLACE_HEADS
#: How far into the text a story's opening (its lede) reaches, in characters.
_LEDE_CHARS = 500
#: How close (in tokens) two people given a role must be named to have been given it together.
_TOGETHER = 6
#: How far back (in tokens) the subject a role noun may describe is looked for.
_VIEW_TOKENS = 80


def apposed_roles(tok: Token) -> list[str]:
    """The roles a name ending at ``tok`` is given in apposition, whatever the recogniser made of the name ("Ivo
    Okafor, a retired welder": "welder"; "the club's goalkeeper, Ana Lind": "goalkeeper")."""
    return [n.lemma_.lower() for n in apposed(tok) if n.pos_ == "NOUN"]


def role_before_name(ent: Span) -> str | None:
    """The role right before a name and its comma when the parse hung the name on another noun ("A letter from the
    district's MP, Ana Lind, was read": the name read as the letter's apposition): the role's key; a person noun
    or a title in capitals. None where the parse has the apposition (:func:`apposed_roles` reads it)."""
    doc, start = ent.doc, min(ent.start, compound_start(ent.root))  # (a first name the recogniser left out)
    if start < 2 or doc[start - 1].text != "," or ent.root.dep_ != "appos" or ent.root.head.i == start - 2:
        return None
    role = doc[start - 2]
    noun = role.pos_ == "NOUN" and person_noun(role.lemma_.lower())
    initials = role.pos_ == "PROPN" and role.is_upper and not role.ent_type_ and role.lower_ in TITLES
    return role_key(role) if noun or initials else None


def office_before_name(ent: Span) -> str | None:
    """The office written before a name, as house styles of many countries introduce an office-holder: the office,
    the portfolio or place it is "of" or "for" in capitals, then the name, perhaps after a comma and an honorific
    ("Minister for Rural Roads Smt. R. Varsha", "the Commissioner for Works and Housing, Engr. Ivo Tarn", "the
    Babaloja of Oja Titun, Alhaja Ana Lind"): the office's key. The office is a title, or a capitalised word after
    "the" that names no organisation or place ("the University of Lakeview, Ana Lind" gives her no role)."""
    doc = ent.doc
    k = past_title_stop(doc, ent.start) - 1
    k -= k >= 0 and doc[k].lower_ in COURTESY_TITLES and doc[k].is_title
    k -= k >= 0 and doc[k].text == ","
    portfolio = 0
    while k > 0 and portfolio < 8 and (doc[k].is_title or (doc[k].lower_ in ("and", "&") and portfolio)):
        k, portfolio = k - 1, portfolio + 1
    if not portfolio or k < 1 or doc[k].lower_ not in ("of", "for") or not doc[k - 1].is_title:
        return None
    office = doc[k - 1]
    opening = k - 1 == 0 or doc[k - 2].is_punct or doc[k - 2].is_space or doc[k - 2].lower_ == "the"
    titled = office.lower_.rstrip(".") in TITLES
    named = (office.ent_type_ in ("ORG", "GPE", "LOC") and not titled) or office.lower_ in NOT_AN_OFFICE
    if not opening or named or not (titled or doc[k - 2].lower_ == "the"):
        return None
    return role_key(office)


def share_plural_titles(doc: Doc, index: ArticleIndex) -> None:
    """A plural title before names joined by "and" ("Senators Ana Lind and Ivo Tarn") is the role of each name;
    a name the recogniser left unlabelled there is a person mention too."""
    for held in index.roles.values():
        for start, _name in list(held):
            title = doc[start - 1] if start else None
            ent = index.ent_of.get(start)
            if title is None or title.tag_ not in ("NNS", "NNPS") or ent is None:
                continue
            for conj in ent.root.conjuncts:
                first = compound_start(conj)
                other = index.ent_of.get(conj.i)
                if conj.i < ent.end or conj.pos_ != "PROPN" or (other is not None and other.label_ != "PERSON"):
                    continue
                name = index.fullest(clean_name(doc[first : conj.i + 1].text))
                if other is None and len(name.split()) >= 2 and not index.inside(doc[first].idx):
                    index.learn(name)
                    index.persons.append((first, name, is_subject(conj, conj.i + 1, first)))
                held.append((first, name))
            held.sort()
    index.persons.sort()


def place_of_a_role(ent: Span) -> bool:
    """One word the recogniser took for a person after a role and "of": the place the role is of ("the vicar of
    Fenmarsh", "the mayor of Tarnwick"), not a person in the story."""
    root = ent.root
    return len(ent) == 1 and root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN" \
        and root.head.head.lower_ not in FAMILY_HEADS


def title_read_as_name(ent: Span, surnames: Collection[str]) -> bool:
    """One word the recogniser took for a person that is a role written with a capital, as house styles write an
    office: with a determiner or a possessor ("Her former Treasurer", "the Premier"), as what someone is or serves
    as ("who has been Treasurer since 2020", "served as Chancellor"), or anywhere (a headline's "Premier dumps
    Treasurer") when no name of several words the article gives ends with it (``surnames``, lower case: "Julie
    Bishop" makes "Bishop" a name)."""
    root = ent.root
    if len(ent) != 1 or root.lower_ not in PERSON_TITLES:
        return False
    return any(c.dep_ in ("det", "poss") for c in root.children) or root.dep_ == "attr" or (
        root.i > 0 and root.doc[root.i - 1].lower_ == "as") or root.lower_ not in surnames


def lede_person(index: ArticleIndex, head: Token, det: str | None) -> str | None:
    """A delayed lede: "A Lakeview hockey coach says ..." opens the story, and the one person given that role
    further down ("Coach Ana Lind") is who it was. Not for withheld identities ("a senior official")."""
    if det not in ("a", "an") or head.tag_ != "NN" or head.idx > _LEDE_CHARS:
        return None
    if head.lemma_.lower() in UNNAMED_HEADS:
        return None
    holders = {name for i, name in index.roles.get(role_key(head), ()) if i > head.i}
    return holders.pop() if len(holders) == 1 else None


def role_holder(r: SpeakerResolver, head: Token) -> str | None:
    """The person last introduced before ``head`` with the role it names ("the harbour master"), else the
    first introduced after it (a lede's "the league commissioner said ..." named further down)."""
    modifiers = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i]
    key = role_key(head)
    office = office_of_noun(head)  # ("the finance chief": the one introduced as "Chief Financial Officer")
    roles = (r.index.roles.get(f"office:{office}", []) if office else []) or r.index.roles.get(key, []) or \
        _body_heads(r, head, modifiers) or list(r.index.graded.get(key, ()))  # ("the admiral": the vice admiral)
    places = {c.text for c in modifiers if c.ent_type_ in ("GPE", "LOC")}
    if places:  # "the Vermont senator": not a senator the article never places in Vermont
        roles = [(i, name) for i, name in roles if r.index.placed(name, places)]
    teams = {c.text for c in modifiers if c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "LOC")}
    if teams:  # "the Ashgrove manager": not the one introduced as "Harbour manager Colm Brady"
        roles = [(i, name) for i, name in roles if not _affiliated_elsewhere(r.doc, i, teams)]
    if any(c.lower_ == "former" for c in modifiers):  # "the former mayor": not the mayor in office
        roles = [(i, name) for i, name in roles if _introduced_with(r, i, {"former"})] or roles
    else:  # "the candidate": not one introduced as "a former candidate for governor"
        roles = [(i, name) for i, name in roles if not _former_in_role(r, i, key)]
    ranks = {c.lower_ for c in modifiers if c.lower_ in ROLE_RANKS}
    if ranks:  # "the lead plaintiff": not the one introduced as "the second plaintiff, Ivo Tarn"
        roles = [(i, name) for i, name in roles if _introduced_with(r, i, ranks)] or roles
    if not any(c.lower_ in SECOND_RANKS for c in modifiers):  # "the foreign minister": not the deputy one
        roles = [(i, name) for i, name in roles if not _introduced_with(r, i, SECOND_RANKS)] or roles
    last = next(((i, s.name) for i, s in reversed(r.recent) if i < head.i and s.kind == "person"), None)
    if last is not None and any(name == last[1] for _i, name in roles) and not any(
        last[0] < i < head.i and name != last[1] for i, name in roles
    ):
        # the one just quoted holds the role, and nobody else was given it since: "Sen. Ana Dale ... said
        # Dale. The senator paused" is her, not a senator introduced in between
        return last[1]
    in_view = _subject_in_view(r, head, {name for _i, name in roles})
    if in_view is not None:
        return in_view
    before = [name for i, name in roles if i < head.i]
    if before or not roles:
        return before[-1] if before else None
    # nobody given the role before it: the person the narration is about right before it, given no role, rather
    # than one given it further down ("Ivo Tarn showed a clip. “…,” the vice-presidential nominee said")
    return unroled_subject_before(r, head, only_before=True) or roles[0][1]


def introduced_holder(r: SpeakerResolver, head: Token) -> str | None:
    """The one person the article introduced with the role ``head`` names and with the words that describe it
    ("the ranking Democrat": the one introduced as "The ranking Democrat, Rep. Ana Lind"; "the senior Republican"),
    when the description carries such a word; None when nobody or several were."""
    words = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i and c.is_lower}
    if not words:
        return None
    holders = {name for i, name in r.index.roles.get(role_key(head), ()) if _introduced_with(r, i, words)}
    for noun in r.doc[: head.i]:  # a party member in apposition, a proper noun ("The ranking Democrat, Rep. Ana Lind")
        if noun.lower_ == head.lower_ and words & {c.lower_ for c in noun.children}:
            named = [c for c in noun.children if c.dep_ == "appos"] + ([noun.head] if noun.dep_ == "appos" else [])
            holders |= {r.index.fullest(person_name(e)) for t in named
                        if (e := r.index.ent_of.get(t.i)) is not None and e.label_ == "PERSON"}
    return holders.pop() if len(holders) == 1 else None


def _body_heads(r: SpeakerResolver, head: Token, modifiers: list[Token]) -> list[tuple[int, str]]:
    """Whoever heads the body a "the union leader" names, when the article gave nobody that noun: the people
    introduced as its head by another such noun with the same body's word ("the union's president, Ivo Tarn",
    "Ivo Tarn, chairman of the union", "union chief Ivo Tarn")."""
    bodies = {c.lower_ for c in modifiers if c.pos_ == "NOUN" and c.lower_ in NOT_AN_OFFICE}
    if head.lemma_.lower() not in BODY_HEAD_ROLES or not bodies:
        return []
    return sorted((i, name) for role in BODY_HEAD_ROLES for i, name in r.index.roles.get(role, [])
                  if _introduced_with(r, i, bodies) or _headed(r, i, bodies))


def _headed(r: SpeakerResolver, start: int, bodies: set[str]) -> bool:
    """Was the person named at ``start`` given a role "of" one of ``bodies`` ("Ivo Tarn, president of the union")?"""
    ent = r.index.ent_of.get(start)
    root = ent.root if ent is not None else r.doc[start]
    nouns = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    return any(p.lower_ in ("of", "at") and o.lower_ in bodies for n in nouns for p in n.children
               for o in p.children if o.dep_ == "pobj")


def pair_holders(r: SpeakerResolver, head: Token) -> tuple[str, str] | None:
    """The two people the article introduced with the role a plural noun names ("both senators"): the last two
    given it together ("Senators Ana Lind and Ivo Tarn"), else the only two given it before ``head``, in the
    order first named."""
    held = [(i, name) for i, name in r.index.roles.get(role_key(head), []) if i < head.i]
    together = [(a, b) for (i, a), (k, b) in pairwise(held) if a != b and k - i <= _TOGETHER]
    if together:
        return together[-1]
    first: dict[str, int] = {}
    for i, name in held:
        first.setdefault(name, i)
    names = sorted(first, key=lambda n: first[n])
    return (names[0], names[1]) if len(names) == 2 else None


def pair_in_one_sentence(r: SpeakerResolver, head: Token) -> tuple[str, str] | None:
    """The two people the last sentence before ``head`` that gave anyone the role a plural noun names gave it to,
    when it gave it to exactly two ("Harbour Committee Chairman Ana Lind and Roads Committee Chairman Ivo Tarn")."""
    held = [(i, name) for i, name in r.index.roles.get(role_key(head), []) if i < head.i]
    if not held:
        return None
    sent = r.doc[held[-1][0]].sent
    names = list(dict.fromkeys(name for i, name in held if sent.start <= i < sent.end))
    return (names[0], names[1]) if len(names) == 2 else None


def named_after_lede(r: SpeakerResolver, head: Token) -> str | None:
    """The person a feature's opening describes by what they do before naming them ("says the man who has walked
    the river every morning for years ... Ivo Tarn is the river keeper"): the first person named as a subject after
    ``head``, when the opening named nobody before it (the writer of a byline aside) and the noun's gender does not
    gainsay the name's."""
    index = r.index
    if head.idx > _LEDE_CHARS or not any(c.dep_ == "relcl" for c in head.children):
        return None
    writer = index.writer()
    if any(i < head.i and index.fullest(name) != writer for i, name, _s in index.persons):
        return None
    after = next(((i, name, subject) for i, name, subject in index.persons if i > head.i), None)
    if after is None or not after[2]:
        return None
    name = index.fullest(after[1])
    gender = GENDER_NOUNS.get(head.lower_)
    return name if gender is None or index.gender(name, listed=True) in (None, gender) else None


def unroled_subject_before(r: SpeakerResolver, head: Token, *, only_before: bool = False) -> str | None:
    """The person named as the subject of the narration right before ``head`` (its own sentence, else the one
    before, quotations skipped), when the article gave nobody the role ``head`` names and that person no role of
    their own (a kin noun aside): "Ivo Tarn, asked about the goal, shook his head. “…,” the goalkeeper said".
    ``only_before``: nobody given the role before ``head`` (those given it further down do not count)."""
    index = r.index
    if any(i != head.i and (i < head.i or not only_before)  # (not one its own redescription gave)
           for i, _n in index.roles.get(role_key(head), ())):
        return None
    crossed = 0
    for tok in reversed(r.doc[max(0, head.i - _VIEW_TOKENS) : head.i]):
        if index.inside(tok.idx):
            continue
        if tok.is_sent_end and tok.i < head.sent.start:
            crossed += 1
            if crossed > 1:
                return None
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "PROPN":
            name = index.fullest(r.doc[compound_start(tok) : tok.i + 1].text)
            known = any(index.fullest(n) == name for _i, n, _s in index.persons)
            roled = any(n == name for role, held in index.roles.items() if role not in FAMILY_HEADS for _i, n in held)
            return name if known and not roled else None
    return None


def redescribed_before(r: SpeakerResolver, head: Token) -> str | None:
    """The person a description that opens its sentence redescribes (see :func:`redescriptions`), else None."""
    return r.index.redescribed.get(head.i)


def _closing_name(doc: Doc, index: ArticleIndex, sent: Span) -> str | None:
    """The one person a sentence names, else the one whose name ends it (only punctuation after), else None."""
    # (the index's people, and the recogniser's in unquoted reported words, which the index leaves out: "saw a
    # culprit in Ana Lind")
    mentions = sorted({(i, index.fullest(n)) for i, n, _s in index.persons if sent.start <= i < sent.end} | {
        (e.start, index.fullest(person_name(e))) for e in sent.ents
        if e.label_ == "PERSON" and not quoted_at(index.text, e.start_char)})
    if len({n for _i, n in mentions}) == 1:
        return mentions[0][1]
    if not mentions:
        return None
    last = index.ent_of.get(mentions[-1][0])
    closing = last is not None and all(t.is_punct or t.is_space for t in doc[last.end : sent.end])
    return mentions[-1][1] if closing else None


def redescriptions(doc: Doc, index: ArticleIndex) -> dict[int, str]:
    """The one person named in the sentence before a description that opens its sentence as its subject and tells
    more of someone ("... voters turned on Ana Lind. The treasurer and former candidate, an ally of the mayor, went on
    radio"): that person, by the description's token, when the article gave nobody the role and them none, and the
    noun's gender does not gainsay theirs; of several named there, the one whose name closes it ("... saw a culprit
    in Ana Lind. The secretary of state and former candidate ..."). The description must carry more (a second noun
    joined, an apposition, "former": "The former secretary of state"): a bare "The judge said" after naming a
    defendant is someone else. The role is then theirs ("the treasurer said"
    later). Read once per article, in text order, as the index is built."""
    found: dict[int, str] = {}
    a = token_arrays(doc)  # (the singular common nouns that are subjects, read off the arrays: few of the tokens)
    for i in positions(one_of(a.tag, ids("NN")) & one_of(a.dep, ids("nsubj", "nsubjpass"))):
        head = doc[i]
        if determiner(head) != "the":
            continue
        sent = head.sent
        if not sent.start or head.left_edge.i != sent.start or index.inside(head.idx):
            continue
        lemma = head.lemma_.lower()
        if lemma in UNNAMED_HEADS or not (lemma in ANONYMOUS_HEADS or head.lower_ in ANONYMOUS_HEADS
                                          or lemma in PERSON_TITLES):
            continue
        if index.roles.get(role_key(head)) or not any(
                (c.dep_ in ("conj", "appos") and c.pos_ == "NOUN") or (c.dep_ == "amod" and c.lower_ == "former")
                for c in head.children):
            continue
        name = _closing_name(doc, index, doc[sent.start - 1].sent)
        if name is None:
            continue
        if any(n == name for role, held in index.roles.items() if role not in FAMILY_HEADS for _i, n in held):
            continue
        gender = GENDER_NOUNS.get(head.lower_)
        if gender is not None and index.gender(name) not in (None, gender):
            continue
        index.roles.setdefault(role_key(head), []).append((head.i, name))
        found[head.i] = name
    return found


def graded_roles(roles: dict[str, list[tuple[int, str]]]) -> dict[str, list[tuple[int, str]]]:
    """The people given a graded rank, by the rank alone ("admiral": the vice admiral, the rear admiral), in text
    order: read once per article for :func:`role_holder`."""
    graded: dict[str, list[tuple[int, str]]] = {}
    for role, held in roles.items():
        words = role.split(" ")
        for k in range(1, len(words)):
            rank = " ".join(words[k:])
            if rank in GRADED_RANKS:
                graded.setdefault(rank, []).extend(held)
    for held in graded.values():
        held.sort()
    return graded


def _subject_in_view(r: SpeakerResolver, head: Token, holders: set[str]) -> str | None:
    """The person named last as a subject, in the sentence before ``head`` or in its own, when that person holds
    the role: "Sen. Ana Tarn ... Tarn defends her record in an ad: “…,” the senator says" is Tarn, whoever was
    introduced as a senator since."""
    start = r.doc[head.sent.start - 1].sent.start if head.sent.start > 0 else 0
    subject = next((t for t in reversed(r.doc[start : head.i]) if t.dep_ in ("nsubj", "nsubjpass")
                    and t.pos_ == "PROPN" and not r.index.inside(t.idx)), None)
    if subject is None:
        return None
    full = r.index.fullest(r.doc[compound_start(subject) : subject.i + 1].text)
    return full if full in holders else None


def _title_before(doc: Doc, start: int) -> list[Token]:
    """The words right before the name at ``start`` that make its title ("former Harbour manager" Colm Brady)."""
    title = []
    for tok in reversed(doc[max(0, start - 4) : start]):
        if tok.is_punct or tok.pos_ in ("DET", "ADP", "VERB", "AUX", "PRON", "CCONJ"):
            break
        title.append(tok)
    return title


def _introduced_with(r: SpeakerResolver, start: int, words: Collection[str]) -> bool:
    """Was the person named at ``start`` given their role with one of ``words`` ("Former mayor Janet Cole", "Janet
    Cole, a former mayor"; "Delvany's deputy foreign minister, Ilse Marendaal")?"""
    ent = r.index.ent_of.get(start)
    root = ent.root if ent is not None else r.doc[start]
    nouns = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else []) + \
        copular_nouns(root)
    return any(t.lower_ in words for t in _title_before(r.doc, start)) or any(
        c.lower_ in words for n in nouns for c in n.children)


def _former_in_role(r: SpeakerResolver, start: int, key: str) -> bool:
    """Was the person named at ``start`` given the role ``key`` names as a former one ("Former presidential
    candidate Jeb Tarn", "Ana Lind, a former candidate for governor")? Not for another role they are given with
    "former" ("The challenger is Ivo Tarn, a former county clerk": still the challenger)."""
    title = _title_before(r.doc, start)
    if any(t.lower_ == "former" for t in title) and any(role_key(t) == key for t in title):
        return True
    ent = r.index.ent_of.get(start)
    root = ent.root if ent is not None else r.doc[start]
    nouns = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else []) + \
        copular_nouns(root)
    return any(role_key(n) == key and any(c.lower_ == "former" for c in n.children) for n in nouns)


def _affiliated_elsewhere(doc: Doc, start: int, teams: set[str]) -> bool:
    """Do the words right before the name at ``start`` (its title: "Harbour manager Colm Brady") give it a proper
    noun as affiliation, none of them one of ``teams``?"""
    proper = [t.text for t in _title_before(doc, start) if t.pos_ == "PROPN"]
    return bool(proper) and not any(t in teams for t in proper)
