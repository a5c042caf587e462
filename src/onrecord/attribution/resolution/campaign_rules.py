"""The speaker rule for a candidate's campaign: "the Lind campaign", "Lind's campaign", "her campaign", and in a
story about a race a named candidate's team ("Okafor's team thinks", "Team Okafor sees") -- an organisation named
"<family name> campaign". "His campaign" after an aide spoke is the candidate's named as a subject just before."""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.attribution.resolution.mention import Mention
from onrecord.attribution.resolution.names import Speaker, listed
from onrecord.attribution.rules import rule
from onrecord.lexicon.en import CAMPAIGN_HEADS, CAMPAIGN_TEAM_HEADS, NAME_SUFFIXES, RACE_WORDS


def _campaign_named_before(case: Mention, family: str | None) -> bool:
    """Has the article named the campaign of ``family`` before the mention ("the Lind campaign", "Lind's camp")?
    With ``family`` None: whether the story is about a race at all, by a word for one outside quotations ("This
    year's presidential campaign ... Okafor's team thinks")."""
    doc = case.resolver.doc
    if family is None:
        return any(tok.lower_ in RACE_WORDS and not case.resolver.index.inside(tok.idx) for tok in doc[: case.head.i])
    return any(tok.lemma_.lower() in CAMPAIGN_HEADS and any(
        c.dep_ in ("poss", "compound", "nmod") and c.text == family for c in tok.children)
        for tok in doc[: case.head.i])


def _candidate_subject_before(case: Mention) -> str | None:
    """The family name of the last candidate named as a subject in the mention's sentence or the one before
    ("Lind appears to be spending more. His campaign said ..."): a person whose campaign the article has named
    ("Lind's campaign", "the Lind campaign"), not the aide or pollster who spoke last."""
    head, r = case.head, case.resolver
    start = r.doc[head.sent.start - 1].sent.start if head.sent.start > 0 else 0
    for tok in reversed(r.doc[start : head.i]):
        if tok.dep_ == "nsubj" and tok.pos_ == "PROPN" and tok.lower_ in r.index.by_surname \
                and _campaign_named_before(case, tok.text):
            return tok.text
    return None


def _team_by_name(case: Mention) -> bool:
    """"Team Okafor sees the debate as a chance": a candidate's campaign by the word "Team" before the family name
    of a person the article names, in a story about a race."""
    head = case.head
    return head.pos_ == "PROPN" and head.lower_ in case.resolver.index.by_surname and head.i > 0 and any(
        c.dep_ == "compound" and c.i == head.i - 1 and c.is_title and c.lower_ in CAMPAIGN_TEAM_HEADS
        for c in head.children) and _campaign_named_before(case, None)


def _named_possessor(head: Token) -> bool:
    """"Okafor's team" (a name's, with no word narrowing the team: not "Okafor's political team", "his team")."""
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in head.children) and not any(
        c.dep_ in ("amod", "compound") for c in head.children)


@rule(
    "speakers.candidate-campaign",
    ("Sarah Lind is running for mayor. The Lind campaign said the vote was close.", "Lind campaign"),
    ("Sarah Lind is running for mayor. Her campaign said the vote was close.", "Lind campaign"),
    ("Sarah Lind and David Okafor are running for mayor. The Lind and Okafor campaigns said the vote was close.",
     "Lind campaign and Okafor campaign"),
    ("Sarah Lind's campaign has booked ads in three towns. Her team believes the vote will be close.",
     "Lind campaign"),
    ("The primary is in May. Okafor's team thinks the debate gave him momentum.", "Okafor campaign"),
    ("Gifts to Tom Lind's campaign rose. “We are winning,” said Ivo Tarn, his campaign manager. Lind appears to be "
     "spending more. His campaign said he had $2 million left.", "Lind campaign"),
    ("The primary is in May.\n\nTeam Okafor sees the debate as a chance for David Okafor.", "Okafor campaign"),
)
def candidate_campaign(case: Mention) -> Speaker | None:
    """A person's campaign ("the Lind campaign", "Lind's campaign", "her campaign") speaks as an organisation
    named by the candidate's family name: "Lind campaign"; "the Lind and Okafor campaigns" are both. "Her team"
    is that campaign too, once the article has named the campaign ("Lind's campaign ... her team believes"), and
    so is a named candidate's team in a story about a race ("Okafor's team thinks", "Team Okafor sees")."""
    head, r = case.head, case.resolver
    if _team_by_name(case):
        return Speaker(f"{head.text} campaign", "organisation", case.description)
    team = case.lemma in CAMPAIGN_TEAM_HEADS and head.tag_ == "NN"
    if (case.lemma not in CAMPAIGN_HEADS and not team) or head.tag_ not in ("NN", "NNS") or not case.moves:
        return None
    campaigns: list[str] = []
    for child in head.children:
        if head.tag_ == "NNS" and child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN":
            # "the Lind and Okafor campaigns": family names of people the article names
            parts = [child, *(c for c in child.children if c.dep_ == "conj" and c.pos_ == "PROPN")]
            campaigns = [f"{p.text} campaign" for p in parts if p.lower_ in r.index.by_surname]
        elif child.dep_ == "poss" or (child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN"):
            who = r.resolve(r.doc[child.left_edge.i : child.i + 1])
            if who.kind == "person" and who.name and " and " not in who.name:
                family = [w for w in who.name.split() if w.lower().strip(".,") not in NAME_SUFFIXES]
                campaigns = [f"{family[-1]} campaign"]
                if child.pos_ == "PRON" and not _campaign_named_before(case, family[-1]):
                    candidate = _candidate_subject_before(case)  # "his campaign": a candidate's, not an aide's
                    campaigns = [f"{candidate} campaign"] if candidate is not None else campaigns
        if campaigns:
            break
    if team and campaigns and not _campaign_named_before(case, campaigns[0].rsplit(" ", 1)[0]) and not (
            _named_possessor(head) and _campaign_named_before(case, None)):
        return None
    if len(campaigns) == 1 and head.tag_ == "NN":
        return Speaker(campaigns[0], "organisation", case.description)
    if len(campaigns) >= 2 and head.tag_ == "NNS":
        return Speaker(listed(campaigns), "organisation", case.description)
    return None
