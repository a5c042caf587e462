"""The speaker rules for documents: a document speaks for its author.

Its possessor ("the union's release"), "by" or "from" ("a study by Civic Action"), who released it, else, for a
definite one, who wrote, issued or sent it earlier, the organisation that just spoke, the article's main
organisation, a study's lead author; with no author in sight the document speaks for nobody known. Their order
is the table's, in :mod:`onrecord.attribution.resolution.speaker_rules`.
"""


from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from onrecord.attribution.resolution.antecedents import (
    author,
    earlier_author,
    group_of,
    maker,
)
from onrecord.attribution.resolution.mention import Mention
from onrecord.attribution.resolution.names import Speaker
from onrecord.attribution.resolution.syntax import (
    is_document,
)
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import (
    AUTHORING_VERBS,
    DOCUMENT_ACTS,
    DOCUMENT_NOUNS,
    DOCUMENT_RESULTS,
    ISSUED_DOCUMENTS,
    JUDGMENT_NOUNS,
    LETTER_NOUNS,
    MEDIUM_VERBS,
    RESEARCH_DOCUMENTS,
    SIGNING_VERBS,
    STUDY_LEADING_VERBS,
    WRITTEN_POSTS,
)


def _document(case: Mention) -> bool:
    return case.lemma in DOCUMENT_NOUNS or is_document(case.head)


def _one_of_documents(head: Token, words: tuple[str, ...] = ("of",)) -> Token | None:
    """"one of her ads", "two of the union's letters": the documents a number picks out, else None."""
    if head.lower_ not in ("one", "some", "several", "another", "two", "three") and head.pos_ != "NUM" \
            and head.lemma_.lower() not in DOCUMENT_RESULTS:
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in words), None)
    docs = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return docs if docs is not None and (docs.lemma_.lower() in DOCUMENT_NOUNS or is_document(docs)) else None


@rule(
    "speakers.document-yield",
    ("According to early results of the exit poll conducted by Orbis Research for two networks, Lind led among "
     "women.", "Orbis Research"),
    ("Figures released by the Harbour Statistics Office show that rents rose by 9 percent.",
     "Harbour Statistics Office"),
    ("Results from a survey by Orbis Research show that rents will rise.", "Orbis Research"),
    ("According to an archived version of the Lakeview Rowing Foundation website from 2012, the club was small.",
     "Lakeview Rowing Foundation"),
)
def document_yield(case: Mention) -> Speaker | None:
    """What a document or a body yields speaks for its author: "early results of the exit poll conducted by X",
    "results from a survey by X", "an archived version of X's website" (the document's, as speakers.document-author
    finds it); "figures released by the statistics office", "data from the agency" (who released them, by
    possessor, "by" or "from"); else passes."""
    if case.lemma not in DOCUMENT_RESULTS:
        return None
    docs = _one_of_documents(case.head, ("of", "from"))
    if docs is None and _document(case):
        return None
    found = author(case.resolver, docs if docs is not None else case.head)
    return replace(found, description=case.description) if found is not None and found.name else None


@rule(
    "speakers.document-author",
    ("A study by Civic Action said rents would rise.", "Civic Action"),
    ("“Winter is hard on the rails,” says a paper on the Lakeview Rail Company's website.", "Lakeview Rail Company"),
    ("Mira Oduya accused the Lakeview Rowing Club of blocking her race. The club denied the claims in a statement. "
     "\"We were shocked to see her statements yesterday,\" the statement read.", "Lakeview Rowing Club"),
    ("A study by the Lakeview School of Public Policy analysed 13 recent transit projects in the region. Only one "
     "showed a large benefit. “It is remarkable how little scrutiny there is,” the report said.",
     "Lakeview School of Public Policy"),
    ("Ana Lind, a nurse, spoke first. More than 40 physicians signed a letter to the Lakeview council. “The clinic "
     "is unsafe,” says the letter.", None),
    ("Ana Lind showed no sign of backing down, releasing a statement that accused the council of using “its power "
     "to block a fair process.”", "Ana Lind"),
    ("Sen. Ana Lind tied her rival to the governor, with one of her ads asking, “Is he independent enough?”",
     "Ana Lind"),
    ("Mira Oduya, vice chairwoman of the Lind campaign, emailed supporters on Monday. The email goes on to say: "
     "“The plan would damage our town.”", "Mira Oduya"),
    ("The Ports Committee met in May. Thursday's memo from the Ports Committee said 59 witnesses had never been heard.",
     "Ports Committee"),
    ("The Lakeview Rowing Club will sue the city over the harbour. The lawsuit, which will be filed on Friday, "
     "focuses on the north dock. The dock was closed without notice, the lawsuit says.", "Lakeview Rowing Club"),
    ("Ivo Tarn has long opposed the plan. A popular column in the Kestrel Globe newspaper attacked it on Monday. "
     "“The plan is a waste of public money,” the column said.", "Kestrel Globe"),
    ("The dock is the focus of a new television ad from Lakeview Forward, a group opposed to the mayor. The "
     "60-second spot, which is airing on cable, says the plan is a waste of money.", "Lakeview Forward"),
    ("Sarah Lind is running for mayor. A statement issued by the Lind campaign on Monday was brief. The statement "
     "said the vote was close.", "Lind campaign"),
    ("Lakeview Forward, founded by Ivo Tarn, will air an ad during the debate. The group is also running full-page "
     "ads in two newspapers. The ads ask the candidates to make jobs a priority.", "Lakeview Forward"),
    ("The Harbour Party published its manifesto on Monday. The manifesto promises lower fares.", "Harbour Party"),
    ("The study, carried out by the Harbour Rowing Trust and the Kestrel Institute, was published on Monday. The "
     "study found that the river was cleaner.", "Harbour Rowing Trust and Kestrel Institute"),
    ("The Navy ignored the leak, an inquiry has found.\n\nThe inquiry was led by Ana Lind, a retired judge, who "
     "also wrote its report, published on Tuesday.\n\n“The crew did not fail,” the report says.", "Ana Lind"),
    ("The records include a four-page memo written in March by the company’s director of quality, Mira "
     "Oduya-Hart, to its chief executive, Ivo Tarn. “We have a problem,” the memo reads.", "Mira Oduya-Hart"),
    ("His target was a thirty-second advertisement that the Harbour Party began running on Friday. Over footage "
     "of empty shops, the ad says that Tarn left the county “broke and bitter.”", "Harbour Party"),
)
def document_author(case: Mention) -> Speaker | None:
    """A document speaks for its author: its possessor ("the union's release"), "by" or "from" ("a study by
    Civic Action"), who released it ("Lind ..., releasing a statement that ..."), else, for a definite one, who
    wrote, issued or sued in it earlier, by the same noun or another word for it ("Lind wrote in a report ...
    the report said"; "the club denied it in a statement ... the statement read"; "A study by X ... the report
    said"; "X will sue the city ... the lawsuit says"; "a new ad from X ... the 60-second spot"; "led by Lind, who
    wrote its report"), or whom a clause on it says made it ("an ad that the Harbour Party began running"); a role
    after "by" is the name set off after it ("by its director, Ana Lind,"); a column in a publication is the
    publication's; a group nobody names that made it ("40 physicians signed a letter") is the speaker, described."""
    picked = _one_of_documents(case.head)
    if picked is None and not _document(case):
        return None
    found = author(case.resolver, picked if picked is not None else case.head)
    if found is None and case.moves and case.head.dep_ == "dobj":
        found = maker(case.resolver, case.head)  # "her office released a note saying ...": who released it
    if found is None and case.definite:
        found = earlier_author(case.resolver, case.head) or _who_wrote_to(case) or _sent_before(case)
    if found is not None and found.name is None and found.kind == "anonymous":
        return found  # made by a group nobody names ("40 physicians signed a letter"): the group, described
    return replace(found, description=case.description) if found is not None and found.name else None


def _sent_before(case: Mention) -> Speaker | None:
    """"Ana Lind emailed supporters on Monday ... The email goes on to say": who did before, outside quotations,
    what the document's noun names as a verb (emailed, tweeted, posted), or the verb for making it ("The club
    will sue the city ... the lawsuit says")."""
    r, acts = case.resolver, {case.lemma, DOCUMENT_ACTS.get(case.lemma, case.lemma)}
    for tok in reversed(r.doc[max(0, case.head.i - 300) : case.head.i]):
        if tok.pos_ == "VERB" and tok.lemma_.lower() in acts and not r.index.inside(tok.idx):
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            found = r.resolve(r.doc[subject.left_edge.i : subject.i + 1]) if subject is not None else None
            return found if found is not None and found.name else None
    return None


def _who_wrote_to(case: Mention) -> Speaker | None:
    """"The letter" after "Eleven senators have written to the president": who wrote to someone before it, outside
    quotations -- a person or a body named, else the group as introduced."""
    r = case.resolver
    if case.lemma not in LETTER_NOUNS:
        return None
    for tok in reversed(r.doc[max(0, case.head.i - 300) : case.head.i]):
        if tok.lemma_.lower() != "write" or tok.pos_ != "VERB" or r.index.inside(tok.idx) \
                or not any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
            continue
        # (the nearest subject: not a dateline's place the parse took for another, "LAKEVIEW — Ten senators have")
        subject = next((c for c in reversed(list(tok.lefts)) if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            return None
        found = r.resolve(r.doc[subject.left_edge.i : subject.i + 1])
        return found if found.name else group_of(r, subject) if subject.tag_ == "NNS" else None
    return None


@rule("speakers.authors-of-document", (
    "The Dunmore River Trust published a report on Monday. It says the water has warmed. “The gains will be "
    "reversed,” the report’s authors wrote.", "Dunmore River Trust"))
def authors_of_document(case: Mention) -> Speaker | None:
    """"The report's authors", "the authors of the study": who wrote a document speak as its author does (the
    body that issued it, see speakers.document-author); unnamed when nobody is said to have issued it."""
    head, r = case.head, case.resolver
    if case.lemma not in _WRITERS or not case.moves:
        return None
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner = owner or (next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None)
    if owner is None or not (owner.lemma_.lower() in DOCUMENT_NOUNS or is_document(owner)):
        return None
    found = r.resolve(r.doc[owner.left_edge.i : owner.i + 1])
    return replace(found, description=case.description) if found.name else None


#: Nouns for who wrote a document.
_WRITERS = frozenset({"author", "writer", "co-author", "researcher"})


@rule("speakers.document-of-last-speaker", (
    "The Lakeview Rowing Club said its coach had died in the crash. A statement said the club was shocked.",
    "Lakeview Rowing Club"))
def document_of_last_speaker(case: Mention) -> Speaker | None:
    """A statement, a release or a tweet nobody is said to have issued, right after an organisation spoke (in
    the same sentence or the one before): that organisation issued it."""
    head, r = case.head, case.resolver
    if case.lemma not in ISSUED_DOCUMENTS or case.phrase_ents:
        return None
    since = r.doc[head.sent.start - 1].sent.start if head.sent.start > 0 else 0
    last = next(((i, s) for i, s in reversed(r.recent) if i < head.i), None)
    if last is not None and last[0] >= since and last[1].kind == "organisation":
        return replace(last[1], description=case.description)
    return None


#: How many tokens before a post's mention its writer may have written (a quotation of a few sentences between).
_POST_VIEW = 80


@rule("speakers.post-of-last-writer", (
    "Ana Lind wrote on her blog that the pier would close in May. “We tried everything,” the post said.",
    "Ana Lind"))
def post_of_last_writer(case: Mention) -> Speaker | None:
    """A post, a tweet, a message or a letter nobody is said to have written, right after a person wrote or
    posted (in the same sentence or the one before: "Ana Lind wrote that ... “…,” the post said"): that person
    wrote it. Not after someone who only spoke."""
    head, r = case.head, case.resolver
    if case.lemma not in WRITTEN_POSTS or case.phrase_ents or not case.definite:
        return None
    # (the words before it, a quotation between included, back to the paragraph before at most)
    since, breaks = head.i, 0
    while since > 0 and head.i - since < _POST_VIEW and breaks + ("\n" in r.doc[since - 1].text) < 2:
        since -= 1
        breaks += "\n" in r.doc[since].text
    last = next(((i, s) for i, s in reversed(r.recent) if i < head.i), None)
    if last is None or last[0] < since or last[1].kind != "person" or not last[1].name:
        return None
    wrote = any(t.pos_ == "VERB" and t.lemma_.lower() in MEDIUM_VERBS and MEDIUM_VERBS[t.lemma_.lower()] in (
        "post", "document") for t in r.doc[since : head.i])
    return replace(last[1], description=case.description) if wrote else None


@rule("speakers.document-of-main-organisation", (
    "Tarn Energy Inc. grew. Tarn Energy Inc. hired staff. The report said prices would rise.", "Tarn Energy Inc."))
def document_of_main_organisation(case: Mention) -> Speaker | None:
    """A definite report nobody is said to have issued: the organisation the article is about (named most
    often, twice at least) issued it. Not "a 2014 study", nor "polls show"."""
    if not (_document(case) and case.definite):
        return None
    if case.lemma in RESEARCH_DOCUMENTS and study_author(case) is not None:
        return None  # a paper whose lead author is named is hers (speakers.lead-author)
    main = case.resolver.index.main_org(case.head.i)
    return Speaker(main, "organisation", case.description) if main is not None else None


@rule("speakers.lead-author", (
    "A study of Lake Tarn appeared on Monday. Its lead author, Dr. Ana Lind-Oduya, called it good news. The authors "
    "wrote that the lake had recovered.", "Ana Lind-Oduya"), (
    "The paper, led by the marine biologist Ana Lind-Oduya of the Lakeview Institute, analysed 900 samples of "
    "perch. As the lake warmed, the authors report, the fish grew smaller.", "Ana Lind-Oduya"))
def lead_author(case: Mention) -> Speaker | None:
    """A study's authors, or the study itself, that no organisation is said to have issued: the person introduced
    as its author ("Its lead author, Dr. Ana Lind,"), before the mention or, if none, after it."""
    head = case.head
    if not case.definite or case.phrase_ents or not (
            (case.lemma in _WRITERS and head.tag_ == "NNS") or case.lemma in RESEARCH_DOCUMENTS):
        return None
    author = study_author(case)
    if author is not None:
        return Speaker(author, "person", case.description)
    leader = _study_leader(case)
    return replace(leader, description=case.description) if leader is not None else None


def study_author(case: Mention) -> str | None:
    """The person the article introduces as a study's author: the first before the mention, else the first after
    it ("The researchers wrote that ..." in the lead, "the study's lead author, Dr. Ana Lind," further down)."""
    authors = case.resolver.index.roles.get("author", ())
    before = [name for i, name in authors if i < case.head.i]
    return before[0] if before else min(authors)[1] if authors else None


def _study_leader(case: Mention) -> Speaker | None:
    """The person a study before was said to be led by ("The study, led by Professor Ana Lind of ...", "led by the
    marine biologist Ana Lind": a role with the name after it), outside quotations."""
    r, head = case.resolver, case.head
    for tok in r.doc[max(0, head.i - 400) : head.i]:
        if tok.lemma_.lower() not in RESEARCH_DOCUMENTS or tok.pos_ != "NOUN" or r.index.inside(tok.idx):
            continue
        for verb in tok.children:
            if verb.dep_ != "acl" or verb.lemma_.lower() not in STUDY_LEADING_VERBS:
                continue
            by = next((c for c in verb.children if c.dep_ == "agent"), None)
            who = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            if who is not None and who.pos_ == "NOUN":  # "led by the marine biologist Ana Lind": the name after
                who = next((c for c in who.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
            if who is not None and who.ent_type_ == "PERSON":
                found = r.resolve(r.doc[who.left_edge.i : who.i + 1])
                if found.name and found.kind == "person":
                    return found
    return None


@rule("speakers.document-unattributed", ("The report said prices would rise.", None))
def document_unattributed(case: Mention) -> Speaker | None:
    """A definite document with no author in sight speaks for nobody known; its description is kept."""
    return Speaker(None, "unknown", case.description) if _document(case) and case.definite else None



@rule("speakers.document-goes-on", (
    "Judge Ivo Marrick dismissed the claim on Friday. “The email speaks for itself,” the judgment says. It adds "
    "that the sale stands.", "Ivo Marrick"))
def document_goes_on(case: Mention) -> Speaker | None:
    """"It" as the subject of the sentence right after one whose last speaker was a document ("“…,” the judgment
    says. It adds that ..."): the document goes on, for whoever it was found to speak for."""
    head, r = case.head, case.resolver
    if head.lower_ != "it" or head.dep_ != "nsubj" or head.sent.start == 0 or r.index.inside(head.idx):
        return None
    before = r.doc[head.sent.start - 1].sent
    spoke = next(((i, s) for i, s in reversed(r.recent) if i < before.end), None)
    if spoke is None or spoke[0] < before.start or not spoke[1].name:
        return None
    subject = next((c for c in r.doc[spoke[0]].children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() not in DOCUMENT_NOUNS | JUDGMENT_NOUNS:
        return None
    return replace(spoke[1], description=case.description)


@rule(
    "speakers.document-as-it",
    ("The memo, posted online by the Kestrel Globe, was written by Ana Lind. Two pages are missing.\n\n“We need "
     "more boats,” it reads.", "Ana Lind"),
    ("“We will answer it,” the Harbour Party said on Sunday. Lakeview Forward, which was founded by Ivo Tarn, "
     "launched a radio ad on Monday.\n\nIt slams the mayor for the closing of the ferry.", "Lakeview Forward"),
)
def document_as_it(case: Mention) -> Speaker | None:
    """"It" speaking where the last thing named as a subject before it, outside quotations, is a document ("The
    memo ... was written by Ana Lind. ... “…,” it reads."): the document, for its author -- who wrote, sent or
    signed it, by the verb it is the subject of, else whoever the document is found to speak for. Plural subjects,
    relative pronouns and earlier "it"s (the same document speaking on) are passed over; a person or an
    organisation stops it, unless it made a document in the sentence right before ("X launched a radio ad. It
    slams ...": X's ad)."""
    head, r = case.head, case.resolver
    if head.lower_ != "it" or head.dep_ != "nsubj" or not case.moves or r.index.inside(head.idx):
        return None
    for tok in reversed(r.doc[max(0, head.i - 300) : head.i]):
        if tok.dep_ not in ("nsubj", "nsubjpass") or r.index.inside(tok.idx) or tok.lower_ == "it" \
                or tok.tag_ in ("NNS", "NNPS", "WDT", "WP") or tok.head.dep_ == "ccomp":
            continue  # (nor the subject of what a sentence reports: "The report found that a third were empty")
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in DOCUMENT_NOUNS:
            return _maker_just_before(case, tok)
        spoke = next((sp for i, sp in r.recent if i == tok.head.i and sp.name), None)  # (for whom it spoke)
        found = spoke or _agent_of(case, tok) or author(r, tok) or r.resolve(r.doc[tok.left_edge.i : tok.i + 1])
        return replace(found, description=case.description) if found.name else None
    return None


def _maker_just_before(case: Mention, subject: Token) -> Speaker | None:
    """The subject of the sentence right before the "it", when that sentence has it make a document ("Lakeview
    Forward launched a radio ad on Monday. It slams the mayor."): the document, for its maker; else None."""
    verb, r, head = subject.head, case.resolver, case.head
    if head.sent.start == 0 or subject.sent != r.doc[head.sent.start - 1].sent \
            or verb.lemma_.lower() not in AUTHORING_VERBS or not any(
            c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in verb.children):
        return None
    found = r.resolve(r.doc[subject.left_edge.i : subject.i + 1])
    return replace(found, description=case.description) if found.name else None


def _agent_of(case: Mention, document: Token) -> Speaker | None:
    """Who a document was written, sent or signed by, the passive verb's agent ("The memo was written by Ana
    Lind"), or None."""
    verb, r = document.head, case.resolver
    if document.dep_ != "nsubjpass" or verb.lemma_.lower() not in AUTHORING_VERBS:
        return None
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    who = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    found = r.resolve(r.doc[who.left_edge.i : who.i + 1]) if who is not None else None
    return found if found is not None and found.name else None


@rule(
    "speakers.document-signed-by",
    ("We have a statement from the family of Ivo Tarn. It was signed by his wife, Ana Tarn:\n\n“Ivo is stable.”",
     "Ana Tarn"),
    ("Signed by the HR director, Ivo Tarn, it tells managers that “no bonus should be promised.”", "Ivo Tarn"),
)
def document_signed_by(case: Mention) -> Speaker | None:
    """"It" or a document that its own sentence says someone signed or wrote ("It was signed by his wife, Ana
    Tarn:", "Signed by the HR director, Ivo Tarn, it tells managers that ..."): the one who signed it, named --
    not whom the document was said to come from before ("a statement from the family of Ivo Tarn")."""
    head, r = case.head, case.resolver
    if not (head.lower_ == "it" or _document(case)) or r.index.inside(head.idx):
        return None
    verbs = [head.head] if head.dep_ == "nsubjpass" else []
    if head.dep_ == "nsubj":  # ("Signed by ..., it tells": the participle set before the verb)
        verbs = [c for c in head.head.children if c.dep_ == "advcl" and c.tag_ == "VBN" and c.i < head.i]
    for verb in verbs:
        by = next((c for c in verb.children if c.dep_ == "agent"), None)
        who = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if verb.lemma_.lower() in SIGNING_VERBS and who is not None:
            found = r.resolve(_named_after(who) or r.doc[who.left_edge.i : who.i + 1])
            return replace(found, description=case.description) if found.name else None
    return None


def _named_after(role: Token) -> Span | None:
    """The name set off by a comma right after a role ("by the HR director, Ivo Tarn-Okoro,"), where the parser did
    not hang it on the role; None when a name does not follow."""
    doc, k = role.doc, role.i + 2
    if k >= len(doc) or doc[role.i + 1].text != "," or doc[k].pos_ != "PROPN":
        return None
    end = k
    while end + 1 < len(doc) and (doc[end + 1].pos_ == "PROPN" or doc[end + 1].tag_ == "HYPH"):
        end += 1
    return doc[k : end + 1] if doc[end].pos_ == "PROPN" else None
