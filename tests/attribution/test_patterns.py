"""The attribution patterns onrecord must read, end to end with the real model.

Every case is a short made-up news passage and what a careful reader takes from it: the content (as it stands
in the text; for a direct quote without its quotation marks), the speaker's fullest name in the passage (None
when unnamed), the type, and where the passage says so the channel (medium) and who relayed it (via).
Content is compared after trimming whitespace, punctuation and quote marks at both ends (see conftest).
Gold conventions follow ../shared/data/FORMAT.md and the corpus READMEs: an interrupted quotation
(“A,” she said, “B.”) is two records; a quotation that runs over paragraphs, reopening each one, is one record
per paragraph, each with the quotation's speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import onrecord
from onrecord.settings import Settings
from onrecord.types import CharSpan

pytestmark = pytest.mark.model


@dataclass(frozen=True)
class Case:
    text: str
    content: str  # exactly as it stands in text (occurs once)
    speaker: str | None
    type: str
    medium: str | None = None  # None: not checked
    via_names: tuple[str, ...] = ()
    via_outlets: tuple[str, ...] = ()
    check_via: bool = True  # with no via expected, check that none was invented
    kind: str | None = None  # speaker_kind, when the case is about it
    description: str | None = None  # expected inside speaker_description (anonymous speakers)


def case(case_id: str, text: str, content: str, speaker: str | None, type_: str, **expect: object):
    return pytest.param(Case(text, content, speaker, type_, **expect), id=case_id)


AUTHORS = ("The authors of the study argued that the rules had “important social benefits.”\n"
           "Use rose by 25 percent, the authors wrote.\n"
           "Senior author Dr. Mira Oduya, a professor at Lakeview University, commented: “Use is a concern.”")
PRONOUN_CHAIN = (
    "“The night shift is short of nurses again,” Mira Oduya said.\n\n"
    "Ilse Varga, 52, a senior nurse, has worked on the same children's ward in Lakeview for almost twenty years.\n\n"
    "She started there in the spring of 2004, when the hospital still had its old wooden wing and the ward had only "
    "twelve beds for the whole district. She learned the names of every family that came through its doors, and she "
    "kept a notebook of the birthdays of the children who stayed longest. Over the years she trained dozens of "
    "younger nurses, many of whom now run wards of their own in other towns along the coast.\n\n"
    "“I never wanted to work anywhere else,” she said."
)
STILL_IN_VIEW = ("“We had hoped the office would address the failures,” Ivo Tarn said.\n"
                 "Tarn declined to address whether Per Lind slept on the job on the night Mark Doyle died. "
                 "“When all the evidence is presented, you will see,” he said.")
AFFIDAVIT = ("“This ring was built on secrecy,” said Ivo Tarn, the county prosecutor.\n"
             "The defendants ran the network in Lakeview, according to a criminal complaint affidavit from Homeland "
             "Security.\nOften women were “enticed” with travel and lodging, the affidavit said.")
TURNED_BACK = ("“My son has been in the ward for ten days,” Mira Oduya said.\n"
               "Ana Lind, the doctor at Lakeview Hospital, explained that there were 22 infants in the ward. "
               "“Families have many difficulties in reaching their children,” she said.\n"
               "In Oduya’s case, she decided to stay at the hospital. “I am worried about him,” she continued.")
PRODUCTIONS = ("Mark Doyle Productions denied that it had settled with the label.\n"
               "“At no time did we agree to a deal,” the production company said.")
ROLED = ("“The lake is dying,” Ilse Varga, the institute's hydrologist, told reporters. "
         "She said the survey had run for a year.")
MIDDLE_CUE = (
    "Council president Marta Quill spoke after the vote. "
    "“The bridge is safe to use today,” she said, “but it will not be safe in ten years.”"
)
MULTI_PARAGRAPH = (
    "Mark Doyle said the repairs would take at least two years.\n\n"
    "“We have to replace every cable. There is no shortcut here.\n\n"
    "“If we do it halfway, we will be back here in five years,” Doyle said."
)
STAYS_WITH = (
    "Mira Oduya, 57, lost her teaching job after the flood.\n\n"
    "“I had worked there for twenty years,” she said.\n\n"
    "Still, Oduya found work at the library within a year. And there was the grief as well.\n\n"
    "“It took me two years to stop missing the classroom.”"
)
BARE_PARAGRAPHS = (
    "“The pier is unsafe,” Ivo Tarn said on Monday.\n\n"
    "“Nobody has inspected it since the storm.”\n\n"
    "“We cannot wait for spring. Somebody will get hurt.”"
)
SCARE_THEN_QUOTE = (
    "The so-called “temporary” ferry service has now run for six years. "
    "“Nothing about it is temporary any more,” Jane Roe said."
)
UNBALANCED = (
    "“The money is there,” Jane Roe said.\n\n"
    "Lin Okafor told a crowd outside city hall on Saturday that “we will not let this bridge fall down.\n\n"
    "Roe said the council would meet again on Thursday."
)

QUOTED_TRANSCRIPT = (
    "Mayor Lin Okafor and councillor Maria Varga debated the bridge on Tuesday. The station released the transcript:\n\n"
    "\"OKAFOR: We will rebuild the bridge before the winter storms arrive.\n\n"
    "\"VARGA: The ferry will have to carry every commuter until then.\""
)

TRANSCRIPT_LINES = (
    "Senator Ines Duarte-Lowe spoke with our health editor, Ivo Marsh, in her office.\n\n"
    "MARSH: Will the hospital bill pass this year?\n\n"
    "DUARTE-LOWE: It will pass the committee. The floor is another matter."
)
QA_INTERVIEW = (
    "Chef Tomas Abara-Reyes has run the Harbour Table for twenty years. Last week he said it would close. "
    "Our food writer, Lena Brook, asked him why. Abara-Reyes answered over coffee.\n\n"
    "Q: Why close the restaurant now?\n\n"
    "A: Because I am tired, and I would rather stop while people still like us.\n\n"
    "Q: What comes next?\n\n"
    "A: A year of cooking for my family, and nobody writing about it."
)
QA_BYLINE = (
    "The harbour master on her first winter\n\n"
    "Interview by Lena Brook\n\n"
    "Ines Duarte-Lowe took over the harbour office last spring.\n\n"
    "Q: What surprised you most?\n\n"
    "A: How much of the job is about the weather.\n\n"
    "Q: Would you do it again?\n\n"
    "A: Ask me next year."
)
NOUN_INSIDE_THE_WORDS = (
    "On the evening show, host Ana Lind asked Ivo Tarn how he would move every boat out of the old harbour.\n\n"
    "\"You're going to need a towing fleet, and you're going to move them carefully and you're going to bring the "
    "harbour -- and, honestly, the fishermen, because you have some brilliant, loyal fishermen, some great fishermen "
    "who have worked here for decades,\" Tarn said. \"Remember, Ana, that you have hundreds of boats waiting at sea.\""
)
BODYS_BULLETIN = (
    "Ana Lind spoke first.\n\nThe Northern Fisheries Council, which sets quotas for six member states, said in a "
    "bulletin that it would meet in July. The bulletin said a long closure \"would empty the harbours\" and asked "
    "members to wait."
)
QA_WRITERS_BYLINE = (
    "The harbour master on her first winter\n\nBy Lena Brook\n\nInes Duarte-Lowe took over the harbour office last "
    "spring. She spoke to us in her office.\n\nQ: What surprised you most?\n\nA: How much of the job is about the "
    "weather.\n\nQ: Would you do it again?\n\nA: Ask me next year."
)
CALL_TRANSCRIPT = (
    "Kestrel Shipping first-quarter earnings call\n\n"
    "Operator: Good morning, and welcome to the Kestrel Shipping results call.\n\n"
    "Ana Lind -- Chief Executive Officer: Thank you. It was a hard quarter for the whole fleet.\n\n"
    "Ivo Tarn -- Harbour Securities -- Analyst: Can you say more about the fuel costs in the second half?\n\n"
    "Ana Lind -- Chief Executive Officer: We expect them to fall, but not by much."
)
HYPHENATED = ("Rovers captain Anton Greaves-Mbeki handed the penalty to a teammate.\n\n"
              "“He asked for it, and you do not say no to that,” Greaves-Mbeki said.")
SPLIT_SENTENCE = "The council met on Monday. “The timing,” Lin Okafor said, “matters more than the cost.”"

CASES = [
    # --- one quoted sentence split by its cue: two records, the second half in lower case ---
    case("split-sentence-first-half", SPLIT_SENTENCE, "The timing,", "Lin Okafor", "direct"),
    case("split-sentence-second-half", SPLIT_SENTENCE, "matters more than the cost.", "Lin Okafor", "direct"),
    # --- a reader's quotation opened with a closing mark typed the wrong way, signed with a dash ---
    case("wrong-way-opening-mark-dash-signed",
         "Readers told us about the ferry.\n\n”The crossing is the best part of my day.” ― Maria Varga",
         "The crossing is the best part of my day.", "Maria Varga", "direct"),
    # --- a transcript quoted as one running quotation: each line is its label's ---
    case("quoted-transcript-first-line", QUOTED_TRANSCRIPT, "We will rebuild the bridge before the winter storms arrive",
         "Lin Okafor", "direct"),
    case("quoted-transcript-second-line", QUOTED_TRANSCRIPT, "The ferry will have to carry every commuter until then",
         "Maria Varga", "direct"),
    # --- transcript lines are the speaker's own words (direct) without quotation marks; a Q&A's labels are the
    # interviewer (Q, introduced as a journalist) and the person the article is about (A) ---
    case("transcript-line-is-direct", TRANSCRIPT_LINES, "It will pass the committee. The floor is another matter.",
         "Ines Duarte-Lowe", "direct"),
    case("transcript-question-is-the-interviewers", TRANSCRIPT_LINES, "Will the hospital bill pass this year?",
         "Ivo Marsh", "direct"),
    case("qa-answer-is-the-interviewees", QA_INTERVIEW,
         "Because I am tired, and I would rather stop while people still like us.", "Tomas Abara-Reyes", "direct"),
    case("qa-question-is-the-interviewers", QA_INTERVIEW, "What comes next?", "Lena Brook", "direct"),
    # the interviewer credited in the byline ("Interview by X"), the person interviewed introduced after it
    case("qa-question-is-the-bylined-interviewers", QA_BYLINE, "Would you do it again?", "Lena Brook", "direct"),
    case("qa-answer-after-an-interview-byline", QA_BYLINE, "How much of the job is about the weather.",
         "Ines Duarte-Lowe", "direct"),
    # a call's transcript: each turn labelled with a name and, after dashes, the office or firm and role
    case("call-turn-of-an-executive", CALL_TRANSCRIPT, "We expect them to fall, but not by much.", "Ana Lind",
         "direct"),
    case("call-turn-of-an-analyst", CALL_TRANSCRIPT, "Can you say more about the fuel costs in the second half?",
         "Ivo Tarn", "direct"),
    # with no interviewer introduced, the writer the byline credits ("By X") asks
    case("qa-question-is-the-writers", QA_WRITERS_BYLINE, "Would you do it again?", "Lena Brook", "direct"),
    case("qa-answer-is-not-the-writers", QA_WRITERS_BYLINE, "Ask me next year.", "Ines Duarte-Lowe", "direct"),
    # --- the parser made a noun inside the quotation a second subject of the verb after it: the name after the
    # closing mark is the speaker ---
    case("subject-after-the-closing-mark", NOUN_INSIDE_THE_WORDS, "Remember, Ana, that you have hundreds of boats "
         "waiting at sea.", "Ivo Tarn", "direct"),
    # --- a family name written first ("Tan Weiming ... Tan said"), though someone named later has it as a surname ---
    case("family-name-first-of-the-person-in-view",
         "Tan Weiming, the port's engineer, said the crane was old. \"We cannot wait for spring,\" Tan said.\n\n"
         "The head of the school, Ivo Tan, praised the pupils.", "We cannot wait for spring,", "Tan Weiming",
         "direct"),
    # --- "they" after a couple of one family name named as the subject ("Ana and Ivo Lind, who ..., told ...") ---
    case("they-after-a-couple-named-as-subject",
         "The council met on Monday.\n\nAna and Ivo Lind, who run a small cafe on the quay, told councillors they had "
         "relied on it since Ivo lost his job in 2020. “We are not a chain. We are two old people with a leaking "
         "roof,” they said.", "We are not a chain. We are two old people with a leaking roof,",
         "Ana Lind and Ivo Lind", "direct"),
    # --- a role in capitals before a name the parser hung on another noun ("A letter from the district's MP, Ana
    # Lind, was read ...") is still that person's: "the MP" later is she ---
    case("role-before-a-name-hung-elsewhere",
         "A letter from the district’s MP, Ana Lind, was read into the minutes by the clerk. In it, the MP backed "
         "the plan and said the harbour needed “boats, not bins.”", "the harbour needed “boats, not bins.”",
         "Ana Lind", "mixed"),
    # --- an office capitalised after "the", as many house styles write it ("the Minister", "the Commissioner"):
    # the person introduced with it; a look-alike: a masthead after "the" is no office ---
    case("capitalised-office-after-the",
         "Health Minister Ana Lind opened the ward on Monday.\n\nAfter the ceremony, the Minister said: “Every "
         "bed here was paid for by the town.”", "Every bed here was paid for by the town.", "Ana Lind", "direct"),
    case("capitalised-office-of-nobody-introduced",
         "Ana Lind opened the ward on Monday.\n\nAfter the ceremony, the Commissioner said: “Every bed here was "
         "paid for by the town.”", "Every bed here was paid for by the town.", None, "direct"),
    # --- a body's bulletin, named again, speaks for the body that spoke in it ---
    case("bulletin-of-the-body-that-spoke", BODYS_BULLETIN, "a long closure \"would empty the harbours\"",
         "Northern Fisheries Council", "mixed"),
    # --- "it" for a report named as the subject before, past the subject of what the report found: its author ---
    case("it-is-the-report-prepared-by-a-person",
         "The harbour board met on Tuesday.\n\nThe report to the board, prepared by the port's head of planning, Ana "
         "Lind, and printed in the agenda, found that a third of the berths were empty. It warned that the share "
         "\"could reach half by spring.\"", "that the share \"could reach half by spring.\"", "Ana Lind", "mixed"),
    # --- a role the lexicon does not list, with a person's name in apposition, before a colon ---
    case("unlisted-role-named-before-a-colon",
         "“She is calm,” said Captain Ivo Tarn. A deckhand who sailed with her in the south, Ana Lind-Okoro, put "
         "it differently: “She is the only chief who can row.”", "She is the only chief who can row.",
         "Ana Lind-Okoro", "direct"),
    # --- a verb the parser left without its subject: a role and name read as a place's apposition, a participle
    # set off by commas read as the verb ---
    case("role-and-name-after-a-place",
         "In the fishing town of Port Averly, where two crews share one shed, the harbour clerk, Ana Lind, said the "
         "ice would run out \"by Friday at the latest.\"", "the ice would run out \"by Friday at the latest.\"",
         "Ana Lind", "mixed"),
    case("subject-before-an-inserted-participle",
         "The pier is shut. A spokeswoman for the Kestrel Globe, asked about the delay, said the paper would "
         "“look again at the schedule” in May.", "the paper would “look again at the schedule” in May",
         "Kestrel Globe", "mixed"),
    # --- words a named subject gave a thing: "called the conclusion “bold”" (the quoted words are theirs; the news
    # golds read the thing with them, the reported small clause: a mixed content, session 29) ---
    case("called-object-complement", "Crown prosecutor Ada Okoro called the conclusion “bold” in court on Monday.",
         "the conclusion “bold”", "Ada Okoro", "mixed"),
    case("called-in-a-relative-clause",
         "The ferry deal, which Ivo Tarn on Monday described as “fully settled,” was signed in May.",
         "fully settled,", "Ivo Tarn", "direct"),
    # "V X as “…”" with a verb of saying or thinking: the object with the quoted words, a mixed content
    case("rejected-the-object-as-a-quotation",
         "The harbour board met on Friday. Ana Lind rejected the claims as “patently false,” and the council moved on.",
         "the claims as “patently false,”", "Ana Lind", "mixed"),
    case("sees-the-object-as-a-quotation",
         "Ivo Tarn, a fishing analyst at a Lakeview firm, sees the fleet's age as its “weakest point.” The board "
         "disagreed.",
         "the fleet's age as its “weakest point.”", "Ivo Tarn", "mixed"),
    case("described-the-object-as-a-quotation",
         "Ana Lind turned to the radio last week to describe the harbour as a “ghost port.” Trade has collapsed.",
         "the harbour as a “ghost port.”", "Ana Lind", "mixed"),
    # a plain past act joined right after the quotation, when the clause is about the speaker: their next act
    case("own-act-after-the-quotation",
         "Ivo Tarn, in a note to clients, said he was “calm about the ferry, less so about the pier” and cut his "
         "price target on the shares.",
         "he was “calm about the ferry, less so about the pier”", "Ivo Tarn", "mixed"),
    case("act-after-the-quotation-of-a-clause-about-others",
         "Ivo Tarn said two clerks “colluded with the buyer” and removed a sealed packet.",
         "two clerks “colluded with the buyer” and removed a sealed packet", "Ivo Tarn", "mixed"),
    # a wire dateline before a content that opens its paragraph is where the story was filed, not what was said
    case("dateline-before-a-closing-cue",
         "Weather report.\n\nTORONTO -- Most tenants who lost a home in the fire have found new rooms, researchers "
         "report.",
         "Most tenants who lost a home in the fire have found new rooms", None, "indirect"),
    case("dashes-round-an-aside-are-no-dateline",
         "Weather report.\n\nDemocrats — and some Republicans — want the ferry to stop running in May, Ana Lind "
         "said.",
         "Democrats — and some Republicans — want the ferry to stop running in May", "Ana Lind", "indirect"),
    # a quotation that opens its sentence as the subject of the verb after it: a title or phrase talked about
    case("a-quotation-as-the-subject-is-no-statement-but-the-one-before-is",
         "“I will see it again,” Ivo Tarn said.\n\n“The Harbour Widow” runs at the Lantern until October 31.",
         "I will see it again,", "Ivo Tarn", "direct"),
    # the same with the "as" hung on the object by the parser (nothing was found before)
    case("described-the-object-as-with-as-on-the-object",
         "Ivo Tarn described the ferry as “a slow boat.” It left late.",
         "the ferry as “a slow boat.”", "Ivo Tarn", "mixed"),
    # --- a dash signature followed by what the speaker was doing: the name is the part before the comma ---
    case("dash-signature-with-a-participle",
         "Rovers climbed to sixth.\n\n“We were dead and buried at half-time,” — Colm Ó Faoláin, speaking to the "
         "club’s own channel after the game.",
         "We were dead and buried at half-time,", "Colm Ó Faoláin", "direct"),
    # --- "She paused. “…”" in a new paragraph about the last speaker: still theirs ---
    case("person-before-who-is-the-last-speaker",
         "Councillor Mara Ruiz Ortega won the vote on Tuesday.\n\nRuiz Ortega was asked how she would win over the "
         "shop owners who opposed the plan.\n\nShe paused. “By showing them I was right, and soon.”",
         "By showing them I was right, and soon.", "Mara Ruiz Ortega", "direct"),
    # --- "“…” That was the verdict of X" / "“…” That is how X remembers it": the sentence after names the speaker ---
    case("verdict-of-the-person-after",
         "Ivo Tarn, the ward's manager, said the trial had gone well.\n\n“I have waited twenty years for this. Now "
         "I think I can.” That was the verdict of Dr Ana Lindqvist, a surgeon at the clinic.",
         "I have waited twenty years for this. Now I think I can.", "Ana Lindqvist", "direct"),
    case("that-is-how-the-person-after-remembers-it",
         "Ivo Tarn, the theatre's director, said the play would open in May.\n\n“She was the bravest of us.” That "
         "is how Mira Okafor-Dale, who played the lead, remembers the author.",
         "She was the bravest of us.", "Mira Okafor-Dale", "direct"),
    # --- "“…,” the report says. It adds that ...": the document goes on, for whoever it speaks for ---
    case("document-goes-on-with-it",
         "Judge Mira Castellane ruled for the tenants on Friday. “The landlord acted in haste,” the judgment says. It "
         "adds that the flats must be repaired by June.",
         "that the flats must be repaired by June", "Mira Castellane", "indirect"),
    # --- "The booking app, Tablr, said": the body the name in apposition names, not the person in view ---
    case("body-named-in-apposition",
         "Ana Lind runs a bakery on the square. The review platform, Zapply, said in a statement that it had "
         "removed the reviews.",
         "that it had removed the reviews", "Zapply", "indirect"),
    # --- "Director of research at the firm X, Ana Lind, agreed.": the name in apposition inside the subject phrase
    # (the parse hung it on the firm) is who agreed, and the "he" after a teaser line is that person ---
    case("name-in-apposition-inside-the-subject",
         "Ivo Tarn, a researcher at the Kestrel Institute, said the threats came from the same addresses.\n\n"
         "Director of research at the security company Norvane Systems, Marek Oduya, agreed with this finding.\n\n"
         "WATCH: Police in three cities warn of a new scam\n\n“We believe it is the same group,” he confirmed.",
         "We believe it is the same group,", "Marek Oduya", "direct"),
    # --- "Ana and Ivo Tarn said", "The couple, Ana and Ivo Tarn, said": both of them, and "they" after ---
    case("couple-named-in-the-source",
         "The couple, Ana and Ivo Tarn, said the house on the river had flooded twice since May.",
         "the house on the river had flooded twice since May", "Ana Tarn and Ivo Tarn", "indirect"),
    case("couple-named-then-they",
         "Ana and Ivo Tarn said the house on the river had flooded twice since May. “We lost everything in the "
         "cellar,” they said.", "We lost everything in the cellar,", "Ana Tarn and Ivo Tarn", "direct"),
    # --- "... that led her to declare that ...", "prompted him to say": the object of the verb says it ---
    case("object-says-what-the-infinitive-says",
         "Senator Ana Lind spoke to voters in Dayton on Monday. She won the state with an unexpectedly strong result "
         "that led her to declare that the nomination was in sight.",
         "that the nomination was in sight", "Ana Lind", "indirect"),
    case("object-pronoun-says-what-the-infinitive-says",
         "Ivo Tarn, the mayor, faced reporters on Monday. Their questions about the budget prompted him to say that "
         "the plan was dead.", "that the plan was dead", "Ivo Tarn", "indirect"),
    # --- "who" never a thing: "at Ana Lind on camera, who responds" is Ana Lind ---
    case("who-hung-on-a-thing",
         "Ivo Tarn shouts at Senator Ana Lind on camera, who responds: “Okay, I will go now!”",
         "Okay, I will go now!", "Ana Lind", "direct"),
    case("who-of-the-second-joined-clause",
         "The plan came from Ana Lind, who founded the club in 1990 and who says the course is safe.",
         "the course is safe", "Ana Lind", "indirect"),
    # --- "said “A,” and added: “B”": two quotations, both the speaker's, the first ending at its mark ---
    case("said-quotation-and-added-first", "Ivo Tarn said “nobody knows the story behind it,” and added: “I promise "
         "you, the crew got talked to.”", "nobody knows the story behind it,", "Ivo Tarn", "direct"),
    case("said-quotation-and-added-second", "Ivo Tarn said “nobody knows the story behind it,” and added: “I promise "
         "you, the crew got talked to.”", "I promise you, the crew got talked to.", "Ivo Tarn", "direct"),
    # --- "His post reads:", "The statement read:": a document's words, its author's ---
    case("document-reads-colon",
         "Mayor Frank Hume posted on social media on Monday. His post reads: “Westmarch is in good hands and I will "
         "cheer from the back row.”",
         "Westmarch is in good hands and I will cheer from the back row.", "Frank Hume", "direct"),
    # --- a hyphenated surname is one name, resolved to the full one ---
    # --- "the club said": a generic head for the club the article named, a club's name the recogniser took for a
    # person's ("Dunmore Rovers") ---
    case("the-club-said",
         "Bill Tarn, the striker who scored 212 goals for Dunmore Rovers, has died at the age of 84. The club "
         "announced his death on Sunday.\n\n“Bill was Dunmore Rovers,” the club said in a statement.",
         "Bill was Dunmore Rovers,", "Dunmore Rovers", "direct", kind="organisation"),
    # --- a nickname the article gave, alone later, is the person it was given to ---
    case("nickname-inside-the-name",
         "Ana “Sparky” Lind won the harbour race on Sunday.\n\n“I was lucky,” Sparky said.",
         "I was lucky,", "Ana Lind", "direct"),
    case("nickname-known-as",
         "Walter Tarnell, the trumpeter, has died at 90. Known to everyone on the quay as “Buzz,” Tarnell played "
         "every Friday.\n\n“The trumpet needs no power,” Buzz once said.",
         "The trumpet needs no power,", "Walter Tarnell", "direct"),
    # --- a name the recogniser took for an organisation's, a listed first name beside a role-like noun ---
    case("first-name-beside-a-role-like-noun",
         "Ivo Tarn, the trumpeter, died on Monday.\n\n“Ivo was the best,” his drummer Rufus Dale said.",
         "Ivo was the best,", "Rufus Dale", "direct"),
    # --- a day before the name without a comma ("On Monday Ana Lind said") is not part of the name ---
    case("day-before-the-name",
         "The harbour board met on Friday. The plant manager, Ivo Tarn, spoke first.\n\nOn Monday Ivo Tarn said the "
         "pier was safe.",
         "the pier was safe", "Ivo Tarn", "indirect"),
    # --- "the defense" in a court story is the defendant's lawyers speaking as one side, not the last person named
    case("the-defense-as-a-side",
         "A jury convicted Ivo Tarn of fraud on Friday after hearing from an examiner, Dr. Ana Lind, who testified that "
         "the email was real. The defense had claimed the email was forged.",
         "the email was forged", "defense", "indirect", kind="organisation"),
    # --- a he/she after a sentence whose subject is a role the article gave a named person ---
    case("he-after-the-role-subject",
         "The senate sent the bill back, a setback for Prime Minister Ivo Tarn, who had backed it.\n\n"
         "“It is a bad bill,” said Senator Per Lind. “Committee is where it belongs,” he said.\n\n"
         "The prime minister, who watched the debate from the gallery, spoke to reporters afterwards. "
         "He said the bill would return “within weeks.”",
         "the bill would return “within weeks.”", "Ivo Tarn", "mixed"),
    # --- an unnamed spokesperson speaks for the organisation named in the phrase; for a person, stays unnamed ---
    case("spokeswoman-for-an-organisation",
         "A spokeswoman for the Lakeview Water Board said the pipes would be replaced. She said the work would start "
         "in May.", "the work would start in May", "Lakeview Water Board", "indirect", kind="organisation"),
    case("spokesman-for-a-person",
         "Ivo Tarn, the mayor, was taken to hospital on Monday. A spokesman for Tarn said he was resting.",
         "he was resting", None, "indirect"),
    case("hyphenated-surname", HYPHENATED, "He asked for it, and you do not say no to that,", "Anton Greaves-Mbeki",
         "direct"),
    # --- a verb of saying the parser reads as a plural noun ("Okafor charges") ---
    case(
        "misparsed-verb-as-noun",
        "Councillor Lin Okafor backed the plan last year. Okafor charges that the mayor misled the council.",
        "that the mayor misled the council",
        "Lin Okafor",
        "indirect",
    ),
    # --- direct quotes: where the cue stands ---
    case(
        "direct-cue-after-inverted",
        "“We will reopen the bridge by spring,” said Mark Doyle, the county’s chief engineer.",
        "We will reopen the bridge by spring",
        "Mark Doyle",
        "direct",
    ),
    case(
        "direct-cue-after",
        "“The ferry will run every hour,” Jane Roe said on Tuesday.",
        "The ferry will run every hour",
        "Jane Roe",
        "direct",
    ),
    case(
        "direct-cue-before-comma",
        "Harbor commissioner Tomas Brecken said, “Nobody will lose their job because of this.”",
        "Nobody will lose their job because of this",
        "Tomas Brecken",
        "direct",
    ),
    case(
        "direct-colon-lead-in",
        "Mayor Lin Okafor told the crowd: “Every month we wait costs this city another million dollars.”",
        "Every month we wait costs this city another million dollars",
        "Lin Okafor",
        "direct",
    ),
    case(
        "direct-colon-lead-in-put-it",
        "Lin Okafor, the mayor of Port Calloway, put it plainly: “We are going to build this bridge.”",
        "We are going to build this bridge",
        "Lin Okafor",
        "direct",
    ),
    case("direct-cue-middle-first-part", MIDDLE_CUE, "The bridge is safe to use today", "Marta Quill", "direct"),
    case(
        "direct-cue-middle-second-part",
        MIDDLE_CUE,
        "but it will not be safe in ten years",
        "Marta Quill",
        "direct",
    ),
    case(
        "direct-dash-attribution",
        "“A bridge is a promise you make to your grandchildren.”\n— Mayor Lin Okafor",
        "A bridge is a promise you make to your grandchildren",
        "Lin Okafor",
        "direct",
    ),
    # --- who: pronouns, surnames, appositives ---
    case(
        "speaker-pronoun",
        "Mark Doyle inspected the cables on Friday. “They are in worse shape than anyone expected,” he said.",
        "They are in worse shape than anyone expected",
        "Mark Doyle",
        "direct",
    ),
    case(
        "speaker-surname",
        "County engineer Mark Doyle inspected the span on Friday. “We found rust on every cable,” Doyle said.",
        "We found rust on every cable",
        "Mark Doyle",
        "direct",
    ),
    case(
        "speaker-appositive-indirect",
        "Jane Roe, who chairs the transport committee, said the ferry contract would be renewed for one year.",
        "the ferry contract would be renewed for one year",
        "Jane Roe",
        "indirect",
    ),
    case(
        "speaker-appositive-after-quote",
        "“I have seen that bridge sway in a storm,” said Tomas Brecken, a former harbor pilot who now sits on"
        " the port board.",
        "I have seen that bridge sway in a storm",
        "Tomas Brecken",
        "direct",
    ),
    # --- continuation quotes ---
    case(
        "continuation-next-sentence",
        "“We found rust on every cable,” said Mark Doyle, the county engineer. “Some of it is older than I am.”",
        "Some of it is older than I am",
        "Mark Doyle",
        "direct",
    ),
    # issue 17: a quotation over paragraphs is one record per paragraph (the merged span was wrong)
    case(
        "continuation-over-paragraphs-first",
        MULTI_PARAGRAPH,
        "We have to replace every cable. There is no shortcut here.",
        "Mark Doyle",
        "direct",
    ),
    case(
        "continuation-over-paragraphs-last",
        MULTI_PARAGRAPH,
        "If we do it halfway, we will be back here in five years",
        "Mark Doyle",
        "direct",
    ),
    case(
        "continuation-indirect-before-it",
        MULTI_PARAGRAPH,
        "the repairs would take at least two years",
        "Mark Doyle",
        "indirect",
    ),
    # a paragraph about the speaker between two of their quotations: the second, with no cue, is still theirs
    case("continuation-after-a-paragraph-about-the-speaker", STAYS_WITH,
         "It took me two years to stop missing the classroom.", "Mira Oduya", "direct"),
    # quotation paragraphs with no cue, one after another, all carry on the last speaker
    case("continuation-second-bare-paragraph", BARE_PARAGRAPHS, "We cannot wait for spring. Somebody will get hurt.",
         "Ivo Tarn", "direct"),
    # --- indirect speech ---
    case(
        "indirect-said-that",
        "Jane Roe said that the committee would publish its findings in March.",
        "that the committee would publish its findings in March",
        "Jane Roe",
        "indirect",
    ),
    case(
        "indirect-said-no-that",
        "Tomas Brecken said the port could not borrow more money without raising fees.",
        "the port could not borrow more money without raising fees",
        "Tomas Brecken",
        "indirect",
    ),
    case(
        "indirect-told-reporters",
        "Lin Okafor told reporters on Monday that the city had already spent four million dollars on studies.",
        "that the city had already spent four million dollars on studies",
        "Lin Okafor",
        "indirect",
        medium="remarks",
    ),
    case(
        "direct-told-reporters",
        "“We are not going to rush this,” Lin Okafor told reporters after the meeting.",
        "We are not going to rush this",
        "Lin Okafor",
        "direct",
        medium="remarks",
    ),
    case(
        "according-to-person-before",
        "According to Ines Harrow, the city’s chief engineer, the main supports have lost a fifth of their"
        " strength since 1998.",
        "the main supports have lost a fifth of their strength since 1998",
        "Ines Harrow",
        "indirect",
    ),
    case(
        "according-to-person-after",
        "The bridge carries about 40,000 cars a day, according to Ines Harrow, the city’s chief engineer.",
        "The bridge carries about 40,000 cars a day",
        "Ines Harrow",
        "indirect",
    ),
    # --- anonymous sources ---
    case(
        "anonymous-indirect",
        "A senior official, who spoke on condition of anonymity because the talks were private, said the"
        " council would likely approve a smaller design in the spring.",
        "the council would likely approve a smaller design in the spring",
        None,
        "indirect",
        kind="anonymous",
        description="senior official",
    ),
    case(
        "anonymous-direct",
        "“Nobody in that room wanted to be the one to say no,” a senior city official said.",
        "Nobody in that room wanted to be the one to say no",
        None,
        "direct",
        kind="anonymous",
        description="senior city official",
    ),
    case(
        "pronoun-after-an-unnamed-spokeswoman",
        "Ana Lind, who leads the dockworkers' union, said the strike would go ahead.\n\n"
        "Cargo volumes had already recovered, a spokeswoman for the port authority said. She added: "
        "“We expect the talks to resume on Monday.”",
        "We expect the talks to resume on Monday.",
        "port authority",  # the body she speaks for, by its description (data/news and news2's convention)
        "direct",
        description="spokeswoman",
    ),
    case(
        "document-obtained-by-an-outlet",
        "Talks between the ferry company and the union broke down on Friday.\n\n"
        "The statement, which was obtained by the Harbour Ledger, said the company would cut two routes in May.",
        "the company would cut two routes in May",
        None,
        "indirect",
        description="statement",
    ),
    case(
        "people-counted-are-not-the-person-in-view",
        "Dr Ana Lind led the survey of 2,000 adults.\n\n"
        "Among adults over 30, the number who said they had used the ferry in the past month rose by a third.",
        "they had used the ferry in the past month",
        None,
        "indirect",
        description="number",
    ),
    case(
        "quotation-before-a-parenthetical-sentence",
        "“The plan is reckless,” Lind writes. “It rests on a reading of the data that few others share.” (Most "
        "forecasts say that the harbour will stay open through the winter.)\n\nThe board meets again in March.",
        "It rests on a reading of the data that few others share.",
        "Lind",
        "direct",
    ),
    case(
        "pronoun-after-a-reporters-question-to-a-named-person",
        "Mayor Ana Lind spoke to reporters on Monday. At the briefing, a reporter asked Lind, “Will the pier "
        "reopen?”\n\n“We hope so, by the spring,” she replied.",
        "We hope so, by the spring,",
        "Ana Lind",
        "direct",
    ),
    case(
        "a-title-with-an-article-describes-the-person-in-view",
        "Harbour MP Ana Lind said the ferry cuts would hurt the islands.\n\n"
        "“It does not need to be like this,” the Harbour MP said.",
        "It does not need to be like this,",
        "Ana Lind",
        "direct",
    ),
    case(
        "the-polls-are-not-written-by-who-leads-them",
        "Senator Ana Lind leads in the polls in three states.\n\nThe polls suggest the race is still open.",
        "the race is still open",
        None,
        "indirect",
        description="polls",
    ),
    case(
        "an-indefinite-study-is-not-the-main-organisations",
        "The Harbour Trust runs the ferries. The Harbour Trust raised fares twice. The Harbour Trust owns the pier."
        "\n\nA 2014 study said that ferry use falls when fares rise.",
        "that ferry use falls when fares rise",
        None,
        "indirect",
        description="study",
    ),
    # --- mixed quotes ---
    case(
        "mixed-fragment",
        "Opposition leader Samuel Okonjo said the import plan was “a gift to the big traders” and would hurt"
        " small farmers.",
        "the import plan was “a gift to the big traders” and would hurt small farmers",
        "Samuel Okonjo",
        "mixed",
    ),
    case(
        "mixed-told-reporters",
        "Tomas Brecken told reporters that the engineers’ report “changes everything we thought we knew.”",
        "that the engineers’ report “changes everything we thought we knew.”",
        "Tomas Brecken",
        "mixed",
        medium="remarks",
    ),
    case(
        "mixed-nominal-warning",
        "Opposition leader Samuel Okonjo repeated his warning that the quotas would “empty the villages by"
        " winter.”",
        "that the quotas would “empty the villages by winter.”",
        "Samuel Okonjo",
        "mixed",
    ),
    # --- nominal cues and organisations ---
    case(
        "statement-organisation",
        "In a statement, the Ministry of Agriculture said it would review the import quotas before the harvest.",
        "it would review the import quotas before the harvest",
        "Ministry of Agriculture",
        "indirect",
        medium="statement",
        kind="organisation",
    ),
    case(
        "statement-organisation-short-mention",
        "The Ministry of Agriculture defended its plan on Wednesday. In a statement, the ministry said the"
        " quotas would protect prices for consumers.",
        "the quotas would protect prices for consumers",
        "Ministry of Agriculture",
        "indirect",
        medium="statement",
        kind="organisation",
    ),
    case(
        "statement-said-in-a-statement",
        "Calloway Steel said in a statement that it had not been asked to bid on the bridge.",
        "that it had not been asked to bid on the bridge",
        "Calloway Steel",
        "indirect",
        medium="statement",
    ),
    case(
        "statement-direct",
        "“We take every complaint seriously,” the Port Calloway Police Department said in a statement.",
        "We take every complaint seriously",
        "Port Calloway Police Department",
        "direct",
        medium="statement",
        kind="organisation",
    ),
    # --- channels: letters, posts, interviews ---
    case(
        "letter-direct",
        "“We respect the council’s decision and will abide by it,” Jane Roe wrote in a letter to the harbor board.",
        "We respect the council’s decision and will abide by it",
        "Jane Roe",
        "direct",
        medium="letter",
    ),
    case(
        "letter-indirect-in-the-letter",
        "Jane Roe sent a letter to the harbor board on Friday. In the letter, Roe said the committee would not"
        " appeal the ruling.",
        "the committee would not appeal the ruling",
        "Jane Roe",
        "indirect",
        medium="letter",
    ),
    case(
        "post-tweeted",
        "“The ministry has lost the trust of every farmer in this country,” Samuel Okonjo tweeted on Wednesday.",
        "The ministry has lost the trust of every farmer in this country",
        "Samuel Okonjo",
        "direct",
        medium="post",
    ),
    case(
        "post-series-of-tweets",
        "In a series of tweets on Monday, Samuel Okonjo said the minister had “lost the trust of farmers.”",
        "the minister had “lost the trust of farmers.”",
        "Samuel Okonjo",
        "mixed",
        medium="post",
    ),
    case(
        "interview",
        "Ruth Anand, the head of the farmers’ union, said in an interview that her members were ready to block"
        " the roads.",
        "that her members were ready to block the roads",
        "Ruth Anand",
        "indirect",
        medium="interview",
    ),
    # --- relays: who passed it on ---
    case(
        "via-outlet-reporter",
        "“We have no plans to close the northern border,” Interior Minister Daria Holm told lawmakers, according"
        " to Harlow Ledger reporter Nadia Ferris.",
        "We have no plans to close the northern border",
        "Daria Holm",
        "direct",
        via_names=("Nadia Ferris",),
        via_outlets=("Harlow Ledger",),
    ),
    case(
        "via-outlet",
        "Daria Holm said the border would stay open through the winter, according to the Harlow Ledger.",
        "the border would stay open through the winter",
        "Daria Holm",
        "indirect",
        via_outlets=("Harlow Ledger",),
    ),
    case(
        "via-reporter",
        "“We are not closing anything,” Daria Holm said, according to agriculture reporter Nadia Ferris.",
        "We are not closing anything",
        "Daria Holm",
        "direct",
        via_names=("Nadia Ferris",),
    ),
    case(
        "via-letter-and-reporter",
        "“We respect your decision to end the lease,” Tomas Brecken wrote in a letter to the harbor board,"
        " according to Harlow Ledger reporter Nadia Ferris.",
        "We respect your decision to end the lease",
        "Tomas Brecken",
        "direct",
        medium="letter",
        via_names=("Nadia Ferris",),
        via_outlets=("Harlow Ledger",),
    ),
    # --- found on real pages (session 5) ---
    case(
        "quotation-in-the-object",  # scope quotes keeps a verb's object only for the words it quotes
        "Tugboats idled in the channel for a third day. The Harbor Board has urged an “end to the dredging on"
        " every berth this winter”.",
        "end to the dredging on every berth this winter",
        "Harbor Board",
        "direct",
    ),
    case(
        "family-name-read-as-an-adverb",
        "The studio will ship four games this year, said Cole Early, its publishing director. Rivals are wary."
        " “Streaming is a question of bandwidth,” says Early.",
        "Streaming is a question of bandwidth",
        "Cole Early",
        "direct",
    ),
    case(
        "that-being-said-is-a-connective",
        "Dr. Ines Varga treated the climber in March. That being said, “climbers should not panic about thin"
        " air,” she said.",
        "climbers should not panic about thin air",
        "Ines Varga",
        "direct",
    ),
    case(
        "the-same-description-is-the-same-person",  # not the doctor who spoke in between
        "The climber was flown to the clinic in March. “I could barely stand,” the patient wrote in a diary."
        " He recovered within a year, Dr. Ines Varga said. “It does not bother me at all now,” the patient"
        " wrote.",
        "It does not bother me at all now",
        None,
        "direct",
    ),
    case(
        "organisation-named-in-apposition",  # not the last organisation named with "group"
        "The Newtown Rowing Group opposed the rule. The council acted after the group People for the Ethical"
        " Treatment of Animals said it would fly drones over the marsh.",
        "it would fly drones over the marsh",
        "People for the Ethical Treatment of Animals",
        "indirect",
    ),
    case(
        "acronym-read-as-a-noun",
        "The council acted after the group People for the Ethical Treatment of Animals said it would fly drones."
        " PETA said it aims to protect animals.",
        "it aims to protect animals",
        "People for the Ethical Treatment of Animals",
        "indirect",
    ),
    case(
        "participle-on-a-sentence-left-without-a-verb",  # the parser made "leader" the root, "saying" a clause on it
        "The leader of the Tidewater party, Rachid Lamane, condemned Wednesday\u2019s attack, saying in a statement"
        " that it \u201cwill not break our people\u2019s will.\u201d",
        "that it \u201cwill not break our people\u2019s will.",
        "Rachid Lamane",
        "mixed",
    ),
    case(
        "a-first-name-joined-to-a-full-name-shares-its-family-name",  # "Daniel and Rosa Whitcombe"
        "That family, Daniel and Rosa Whitcombe, were at the meeting. Mr. Whitcombe said they had moved out.\n\n"
        "\u201cWe bought the house so that we would never worry,\u201d he said.\n\nHis wife was more direct."
        " \u201cSomebody knew,\u201d she said.",
        "Somebody knew,",
        "Rosa Whitcombe",
        "direct",
    ),
    case(
        "a-first-name-joined-to-a-full-name-shares-its-family-name-he",
        "That family, Daniel and Rosa Whitcombe, were at the meeting. Mr. Whitcombe said they had moved out.\n\n"
        "\u201cWe bought the house so that we would never worry,\u201d he said.",
        "We bought the house so that we would never worry,",
        "Daniel Whitcombe",
        "direct",
    ),
    case(
        "a-named-group-names-itself",  # not the last organisation that was a subject
        "The Lakeview Rowing Club met on Monday. The independent Tidewater group of marine scientists said this"
        " week that the reef was recovering.",
        "that the reef was recovering",
        "Tidewater group",
        "indirect",
    ),
    case(
        "an-indefinite-group-is-unnamed",
        "The Lakeview Rowing Club met on Monday. A group of dockworkers said the cranes had been idle since June.",
        "the cranes had been idle since June",
        None,
        "indirect",
    ),
    case(
        "honorific-picks-the-family-member",  # "Mrs. Doyle" is not the husband, whose name is longer-lived
        "John Doyle ran the shipyard for thirty years. His wife, Mary Doyle, now runs the harbor board."
        " Mr. Doyle said the yard would stay open. Mrs. Doyle said the board would vote in May.",
        "the board would vote in May",
        "Mary Doyle",
        "indirect",
    ),
    case(
        "a-collective-noun-is-not-the-person-in-view",  # PolNeAR train: "the community", "the crowd", "the public"
        "Mayor Ana Lind spoke at the pier on Monday. The crowd chanted that the ferry must stay.",
        "that the ferry must stay",
        None,
        "indirect",
    ),
    case(
        "a-family-name-stays-with-the-person-it-stood-for",  # PolNeAR train: a senator, then a victim of his name
        "Sen. Tomas Brandt has spent a year on the ferry bill. Brandt said the bill would pass in the spring.\n\n"
        "He visited the pier where deckhand Mary Ellen Brandt died in 2019. “I think of her every day,” Brandt"
        " said.\n\nBrandt said the vote would come in May.",
        "the vote would come in May",
        "Tomas Brandt",
        "indirect",
    ),
    case(
        "a-role-is-the-person-just-quoted-who-holds-it",  # PolNeAR train: "the senator" after a senator's quotes
        "Sen. Ivo Tarn of Maine spoke at the hearing on Monday. Sen. Mira Kell of Ohio chaired it.\n\n"
        "“We will not give up on the ferry,” Tarn said.\n\nThe senator said the vote would come in May.",
        "the vote would come in May",
        "Ivo Tarn",
        "indirect",
    ),
    case(
        "a-dateline-dash-is-not-part-of-a-name",  # PolNeAR train: "CITY - First Last" not taken as a person
        "CHICAGO - Ana Lindqvist may have thought the worst was over at City Hall.\n\n"
        "Lindqvist said the ferry would run again.",
        "the ferry would run again",
        "Ana Lindqvist",
        "indirect",
    ),
    case(
        "a-name-in-apposition-with-a-role-is-a-person",  # PolNeAR train: a name the recogniser missed
        "Reinholt Varbus, the party chairman, this past week announced a new website for voters.\n\n"
        "“It is a tool for voters,” he said.",
        "It is a tool for voters,",
        "Reinholt Varbus",
        "direct",
    ),
    case(
        "a-role-with-a-place-is-the-holder-placed-there",  # PolNeAR train: "the Vermont senator" went to another
        "Sen. Ana Dale of Oregon spoke first at the hearing. Sen. Ivo Tarn of Maine spoke next.\n\n"
        "The Oregon senator said the bill would pass.",
        "the bill would pass",
        "Ana Dale",
        "indirect",
    ),
    case(
        "a-role-with-a-place-nobody-holds-is-the-person-in-view",
        "Sen. Ivo Tarn spoke first at the hearing on Monday.\n\n“We will not give up on the ferry,” said Ana Dale,"
        " who leads the ferry caucus.\n\nThe Oregon senator said the bill would pass.",
        "the bill would pass",
        "Ana Dale",
        "indirect",
    ),
    case(
        "a-noun-before-a-title-is-not-a-role",  # PolNeAR train: "district Vice Chair X" made "the district" X
        "The party chose district Vice Chair Mira Kell for the slate in March.\n\n"
        "The district said it had received 30 applications for the slots.",
        "it had received 30 applications for the slots",
        "district",
        "indirect",
        kind="organisation",
    ),
    case(
        "colon-then-the-quotation-as-its-own-paragraph",  # PolNeAR train: "X stated:", the statement below it
        "The board met on Monday.\n\nIn a statement, Ana Lind said:\n\n“The harbor authority is not about"
        " service anymore. It is about its own budget.”\n\nThe board did not reply.",
        "The harbor authority is not about service anymore. It is about its own budget.",
        "Ana Lind",
        "direct",
    ),
    case(
        "tweet-introduced-by-a-colon-above-it",
        "The board met on Monday. Ana Lind wrote on Twitter:\n\n“The harbor authority has lost its way.”",
        "The harbor authority has lost its way.",
        "Ana Lind",
        "direct",
        medium="post",
    ),
    case(
        "a-quotation-in-a-clause-of-any-verb-is-its-subjects",  # PolNeAR train: it went to the last speaker
        "Ivo Tarn said the ferry was late again.\n\nAna Lind fired back that the “people of Lakeview voted for"
        " me twice.”",
        "that the “people of Lakeview voted for me twice",
        "Ana Lind",
        "mixed",
    ),
    case(
        "a-quotation-after-a-sentence-about-another-person-is-theirs",  # PolNeAR train: not the last speaker's
        "Ivo Tarn said the ferry was late again. “It is a disgrace,” he said.\n\nAna Lind touted her record as"
        " the author of the ferry law. “We need to find ways to support the workers who run the ferry every day.”",
        "We need to find ways to support the workers who run the ferry every day.",
        "Ana Lind",
        "direct",
    ),
    case(
        "a-dateline-the-parser-made-the-subject-is-not-the-speaker",  # PolNeAR train: "New York (AFP) – X"
        "Lind on the trail.\n\nNew York (AFP) – Vice President Ana Lind on Monday hit the campaign trail for the"
        " first time, saying that Ivo Tarn had endangered the ferry.",
        "that Ivo Tarn had endangered the ferry",
        "Ana Lind",
        "indirect",
    ),
    case(
        "a-family-name-first-taken-for-an-organisation",  # GGT dev: the recogniser made the bare "Wang" an ORG
        "TRADE TALK: Chinese Vice-Premier Wang Lixun took aim at the harbor plan in pointed comments in Lakeview."
        " Wang said that \"shifting blame onto others will not resolve the problems.\"",
        "that \"shifting blame onto others will not resolve the problems.",
        "Wang Lixun",
        "mixed",
    ),
    case(
        "some-members-of-a-party-are-not-the-party",  # PolNeAR train: "some Democrats said" went to "Democrats"
        "The ferry bill passed on Monday. But there is a risk, some Democrats said, that the ferry will fail.",
        "that the ferry will fail",
        None,
        "indirect",
        kind="anonymous",
        description="some democrats",
    ),
    case(
        "one-member-of-a-party-named-in-apposition-is-named",  # GGT dev
        "One red-state Democrat, Harbor Sen. Ana Lind, said the ferry would fail.",
        "the ferry would fail",
        "Ana Lind",
        "indirect",
    ),
    case(
        "a-hyphenated-newspaper-name-is-not-a-titled-person",  # a saved page: "the Spokesman-Review" was "Review"
        "Lind grew up in Harbor Town. According to the Spokesman-Review, “She wanted to blend her legal training"
        " with the ferry work.”",
        "She wanted to blend her legal training with the ferry work.",
        "Spokesman-Review",
        "direct",
        kind="organisation",
    ),
    # --- real quotes beside things that are not attributions ---
    case("quote-after-scare-quote", SCARE_THEN_QUOTE, "Nothing about it is temporary any more", "Jane Roe", "direct"),
    case("unbalanced-paragraph-before", UNBALANCED, "The money is there", "Jane Roe", "direct"),
    case("unbalanced-paragraph-after", UNBALANCED, "the council would meet again on Thursday", "Jane Roe", "indirect"),
]

#: (text, quoted words) where the quotation marks attribute nothing.
NOT_ATTRIBUTIONS = [
    # a quotation that opens its sentence as the subject of the verb after it: a title or a phrase talked about
    pytest.param("“I will see it again,” Ivo Tarn said.\n\n“The Harbour Widow” runs at the Lantern until October 31.",
                 "The Harbour Widow", id="a-title-as-the-subject"),
    pytest.param("Ana Lind chaired the meeting. “Build the pier” was the phrase on every placard.",
                 "Build the pier", id="a-phrase-as-the-subject"),
    # a reported question asks or withholds, it asserts nothing (scope quotes)
    pytest.param("Ana Lind would not say which ferries will stop running in May.",
                 "which ferries will stop running in May", id="a-question-withheld"),
    pytest.param("Asked whether the pier would close, Ivo Tarn said: “We will decide in May.”",
                 "whether the pier would close", id="a-question-put-to-the-speaker"),
    # "if" after a verb of asking opens a question too (scope quotes)
    pytest.param("Ivo Tarn would not comment when asked if other stores were considering a vote.",
                 "if other stores were considering a vote", id="asked-if"),
    # a line linking to another story is that story's headline, whatever its length
    pytest.param("Crown prosecutor Ana Lind called the conclusion bold.\n\nREAD MORE: Ivo Tarn says he looked for a "
                 "sign before the crash on the coast road\n\nLind argued the sign had nothing to do with the crash.",
                 "he looked for a sign before the crash on the coast road", id="a-read-more-link"),
    # a heading whose verb of saying has a thing for its subject, or no clause, or is a caption's past tense
    pytest.param("Common wisdom says winters are getting shorter\n\nThe lake froze for nine days this year.",
                 "winters are getting shorter", id="a-heading-whose-subject-is-a-thing"),
    pytest.param("Ana Lind said the pier was unsafe in May\n\nThe pier reopened in June.",
                 "the pier was unsafe in May", id="a-caption-in-the-past-tense"),
    pytest.param("WATCH: Ivo Tarn says the ferries will be late all week\n\nThe ferries run twice a day.",
                 "the ferries will be late all week", id="a-watch-link"),
    pytest.param("The ferries run twice a day.\n\nSEE MORE: Ivo Tarn says the ferries will be late all week\n\nThe "
                 "pier is old.", "the ferries will be late all week", id="a-see-more-link"),
    # a paragraph closed by a photo credit (a name the story does not name again), or by a name after a title's stop
    pytest.param("The ferries run twice a day.\n\nCrews cleared the wreck of the old pier on Monday. Ivo Tarn, "
                 "Reuters\n\nThe pier will be rebuilt by May.",
                 "Crews cleared the wreck of the old pier on Monday", id="a-paragraph-closed-by-a-photo-credit"),
    pytest.param("Ivo Tarn chairs the trust.\n\nThe plan to rebuild the pier was backed last week by Sen. Ivo "
                 "Tarn\n\nThe pier will be rebuilt by May.",
                 "The plan to rebuild the pier was backed", id="a-name-after-a-titles-stop"),
    # what an act lets be inferred is not said: "signalled", "indicated" (a document's, a bank's)
    pytest.param("The harbour bank signalled it would be cautious in raising its fees this year.",
                 "it would be cautious in raising its fees this year", id="a-signal-is-not-a-statement"),
    # an absolute phrase after the cue says how the words were said, not what
    pytest.param("“I love this town,” Ivo Tarn said, eyes filling up with tears.",
                 "eyes filling up with tears", id="absolute-phrase-after-the-cue"),
    pytest.param("“We were lucky,” Ivo Tarn said his hands trembling on the rail.",
                 "his hands trembling on the rail", id="absolute-phrase-without-a-comma"),
    # a verb after a subject and its apposition takes an object: not a closing cue (cues.closing-cue)
    pytest.param("Ana Lind, the harbour authority's chief executive, confirmed the survey.",
                 "Ana Lind, the harbour authority's chief executive", id="subject-and-apposition-before-a-verb"),
    pytest.param("Harwick won 2-1 on Saturday.\n\nEASTMOOR: Byrne; Walsh, Mensah, Doyle, Fraser; Ashby (Kerr 70), "
                 "Molina.\n\nHARWICK: Hale; Dunne, Castle, Fitzroy; Souza, Petrov, Ward.",
                 "Byrne; Walsh, Mensah, Doyle, Fraser; Ashby (Kerr 70), Molina", id="team-line-up-in-capitals"),
    pytest.param("The so-called “temporary” ferry service has now run for six years.", "temporary", id="scare-quote"),
    pytest.param(SCARE_THEN_QUOTE, "temporary", id="scare-quote-beside-real-quote"),
    pytest.param(
        "The engineers’ report, titled “Crossing the Harbor: A Plan for 2040,” runs to 400 pages.",
        "Crossing the Harbor: A Plan for 2040",
        id="quoted-title",
    ),
    pytest.param(
        "“We will fix it,” Jane Roe said.\n\nThe engineers’ report, titled “Crossing the Harbor: A Plan for 2040,”"
        " runs to 400 pages.",
        "Crossing the Harbor: A Plan for 2040",
        id="quoted-title-after-a-quotation",
    ),
    pytest.param(
        "“The pier is unsafe,” Ivo Tarn said on Monday.\n\nI watched the old film “The Long Pier at Dusk Over "
        "Tarnwick Bay” again last week and thought of the harbour.",
        "The Long Pier at Dusk Over Tarnwick Bay",
        id="long-title-inside-a-later-paragraph",
    ),
    pytest.param("The arrest was described as “basically a kidnapping” in state media on Tuesday.",
                 "basically a kidnapping", id="described-as-without-saying-by-whom"),
    pytest.param(
        "The Westbury Brass closed the festival with “Long Way Home,” a song about the old rail line.",
        "Long Way Home",
        id="quoted-song-title",
    ),
    pytest.param(
        "“I owe this to the crew,” Mara Lind said on Sunday.\n\nLind also won last year for her role in the "
        "drama “Low Tide.”",
        "Low Tide",
        id="film-title-after-a-speakers-quotation",
    ),
    pytest.param(
        "Header Image: Divers swim past a reef near the old harbor wall in 2019.",
        "Divers swim past a reef near the old harbor wall in 2019",
        id="caption-label",
    ),
    pytest.param(
        "That said, the council will vote on the ferry contract next week.",
        "the council will vote on the ferry contract next week",
        id="that-said",
    ),
    pytest.param(  # (PolNeAR train: "he said on “Meet the Press.”" was a statement of his)
        "“We will fix the ferry,” Ana Lind said on “Harbor Morning.”", "Harbor Morning",
        id="programme-after-a-preposition",
    ),
    pytest.param(
        "Ana Lind appeared on Wednesday on Harbor Radio’s “Morning Tide,” and said the ferry would run.", "Morning Tide",
        id="programme-after-a-possessive",
    ),
    pytest.param(
        "The Harbor Street bridge, nicknamed “the Rattler” by commuters, opened in 1958.",
        "the Rattler",
        id="nickname",
    ),
]

# -- issue 17: quotations over several paragraphs (one record per paragraph), a quotation after a quotation ----
CUE_FIRST = (
    "The harbour board met on Monday.\n\nAna Lind said: “The pier will close in May.\n\n"
    "“We looked at every option for the ferry.\n\n“There was no other way.”\n\nThe board meets again in June."
)
CUE_LAST = (
    "The harbour board met on Monday.\n\n“The pier will close in May.\n\n"
    "“We looked at every option for the ferry.\n\n“There was no other way,” Ana Lind said.\n\n"
    "The board meets again in June."
)
UNCLOSED_AT_END = (
    "The harbour board met on Monday.\n\nAna Lind said: “The pier will close in May.\n\n"
    "“We looked at every option for the ferry.\n\n“There was no other way."
)
NEW_SPEAKER = (
    "Ana Lind said: “The pier will close in May.\n\n“We looked at every option for the ferry.\n\n"
    "“That is simply not true,” Ivo Tarn said on Tuesday."
)
AFTER_A_QUOTATION = (
    "“The pier will close in May,” said Ana Lind.\n\n"
    "“The ferry was never studied. Nobody asked the fishermen,” Ivo Tarn, the longest-serving member of the "
    "harbour board, said on Tuesday. “We will ask them now.”"
)
LATE_CUE = (
    "The harbour board disclosed a large claim on Monday. “The board had the largest insurance claim in its "
    "history,” Ivo Tarn, the board’s former chief risk officer, mentioned in a commentary."
)
CASES += [
    case("paragraphs-cue-first-1", CUE_FIRST, "The pier will close in May.", "Ana Lind", "direct"),
    case("paragraphs-cue-first-2", CUE_FIRST, "We looked at every option for the ferry.", "Ana Lind", "direct"),
    case("paragraphs-cue-first-3", CUE_FIRST, "There was no other way.", "Ana Lind", "direct"),
    case("paragraphs-cue-last-1", CUE_LAST, "The pier will close in May.", "Ana Lind", "direct"),
    case("paragraphs-cue-last-2", CUE_LAST, "We looked at every option for the ferry.", "Ana Lind", "direct"),
    case("paragraphs-cue-last-3", CUE_LAST, "There was no other way", "Ana Lind", "direct"),
    case("paragraphs-unclosed-1", UNCLOSED_AT_END, "The pier will close in May.", "Ana Lind", "direct"),
    case("paragraphs-unclosed-3", UNCLOSED_AT_END, "There was no other way.", "Ana Lind", "direct"),
    case("paragraphs-new-speaker-before", NEW_SPEAKER, "We looked at every option for the ferry.", "Ana Lind",
         "direct"),
    case("paragraphs-new-speaker", NEW_SPEAKER, "That is simply not true", "Ivo Tarn", "direct"),
    case("after-a-quotation-late-cue", AFTER_A_QUOTATION, "The ferry was never studied. Nobody asked the fishermen",
         "Ivo Tarn", "direct"),
    case("after-a-quotation-continued", AFTER_A_QUOTATION, "We will ask them now.", "Ivo Tarn", "direct"),
    case("cue-after-a-long-apposition", LATE_CUE, "The board had the largest insurance claim in its history",
         "Ivo Tarn", "direct"),
    # a short name the recogniser calls an organisation, in apposition with a person's occupation: a person, and
    # the "she" of the next sentence is hers
    case("name-with-an-occupation-taken-for-an-organisation", ROLED, "The lake is dying,", "Ilse Varga", "direct",
         kind="person"),
    case("she-after-a-name-with-an-occupation", ROLED, "the survey had run for a year", "Ilse Varga", "indirect",
         kind="person"),
    # a name the recogniser calls a person's that ends as only organisations' names end: an organisation, and
    # "the production company" after it is that organisation
    case("company-name-taken-for-a-person", PRODUCTIONS, "that it had settled with the label",
         "Mark Doyle Productions", "indirect", kind="organisation"),
    # a plural role ("the authors") is not the one person named with that role further down
    case("the-authors-are-not-the-senior-author", AUTHORS, "Use rose by 25 percent", None, "indirect"),
    # the last speaker is the main clause's subject of the sentence before; people who are subjects only in its
    # subordinate clauses do not take the he/she
    case("he-stays-with-the-main-clause-subject", STILL_IN_VIEW, "When all the evidence is presented, you will see,",
         "Ivo Tarn", "direct", kind="person"),
    # an affidavit (or an indictment, a petition) is a document: it speaks for its author named before, not for
    # the person last quoted
    case("an-affidavit-speaks-for-its-author", AFFIDAVIT, "Often women were “enticed” with travel and lodging",
         "Homeland Security", "mixed", kind="organisation"),
    # the story turns back to a person named as a possessor, whose he/she is the next sentence's subject: the
    # he/she after that is theirs, not the last speaker's
    case("she-after-the-story-turns-back-to-a-possessor", TURNED_BACK, "I am worried about him,", "Mira Oduya",
         "direct", kind="person"),
    case("she-of-the-speaker-before-the-story-turns-back", TURNED_BACK,
         "Families have many difficulties in reaching their children,", "Ana Lind", "direct", kind="person"),
    case("the-company-after-a-company-name-taken-for-a-person", PRODUCTIONS, "At no time did we agree to a deal,",
         "Mark Doyle Productions", "direct", kind="organisation"),
]


# session 12 (issue 17): speakers as a reader resolves them -- the person a sentence turns to, a member named in
# apposition, a role with its team, the body a document speaks for
TURNED_TO_A_MAN = ("“We won,” coach David Tarn said, shaking his head.\n\n"
                   "The Hawks had led behind Jonas Brandt, who scored 27 points. Brandt was gracious afterwards.\n\n"
                   "“They made one more play than we did,” he said.\n\n"
                   "For Tarn, the final against defending champion Kim Rowe is a chance to complete a rebuild that "
                   "began when he took over a team that had won six games. He was asked whether his players were "
                   "ready.\n\n“Look at them,” he said.")
OBJECT_IN_A_MODIFIER = ("“Even a small rise matters,” said Ivo Tarn, an expert in public health at Lakeview "
                        "University.\n\nThis chart, provided by Ben Statz, shows the states where the law has changed."
                        "\n\nHowever, he pointed out that it is difficult to draw firm conclusions from such studies.")
ONE_OF_THEM = ("Local estate agents said prices would hold. One, Dorota Okonkwo of Ash & Elm, said buyers cared "
               "more about trains than towers.\n\n“Nobody asks me how tall the tower is,” she said.")
OTHER_TEAM = ("It was an afternoon that Harbour manager Colm Brady will remember, and one that Ashgrove's Sven "
              "Ekholm will want to forget.\n\n“I have never had a dressing room like that one,” Brady said.\n\n"
              "The decisive moment came when Ashgrove defender Luis Prado was judged to have handled in the area."
              "\n\nEkholm was scathing about the decision. “Three minutes to look at one picture,” the Ashgrove "
              "manager said.")
OWNED_NAME = ("It was an afternoon that Harbour manager Colm Brady will remember, and one that Ashgrove’s Tor "
              "Bergqvist-Lowe will want to forget.\n\n“I have never had a dressing room like that one,” Brady said."
              "\n\nThe decisive moment came when Ashgrove defender Luis Prado was judged to have handled in the area."
              "\n\nBergqvist-Lowe was scathing about the decision. “Three minutes to look at one picture,” the "
              "Ashgrove manager said.")
ORCHESTRA = ("The Lakeview Symphony will cancel its spring season, its board announced on Friday.\n\n\"We found out "
             "from a press release,\" said cellist Aaron Dietz, who has played with the symphony for 22 years.\n\n"
             "The orchestra said it hoped to return in the autumn. Its music director, Leo Varga, called the news "
             "\"heartbreaking.\"")
THEIR_LETTER = ("The Lakeview Players have staged shows at the pier for years. A group of Harbourside residents wrote "
                "to the city council in August, complaining about noise. Their letter said the shows were “a welcome "
                "addition to the area, but not at midnight.”")
ROLE_BEFORE_NAME = ("A Lakeview judge on Friday refused to dismiss fraud charges against former councillor Ivo Marsh."
                    "\n\nJudge Helen Grady said the evidence \"plainly supports a trial.\" Marsh's lawyer, Sam Ortiz, "
                    "had argued that the search was unlawful.\n\nOrtiz said he would appeal. \"We respect the court, "
                    "but we think it got this wrong,\" he said.\n\nMarsh did not speak to reporters. In a short email, "
                    "he said he was \"confident the truth will come out.\"")
CASES += [
    # a name after a person's role ("former councillor Ivo Marsh") is a person's, though the recogniser calls it an
    # organisation: "Marsh" later is him, the subject the he then refers to
    case("a-name-after-a-role-is-a-person", ROLE_BEFORE_NAME, "he was \"confident the truth will come out",
         "Ivo Marsh", "mixed"),
    # "the Ashgrove manager" is not the manager introduced with another team ("Harbour manager Colm Brady"): the
    # person in view (the name inside the description itself is no antecedent)
    case("a-role-with-its-team-is-not-the-other-teams", OTHER_TEAM, "Three minutes to look at one picture,",
         "Sven Ekholm", "direct"),
    # a person after a team's possessive, which the recogniser took with it for an organisation ("Ashgrove’s Tor
    # Bergqvist-Lowe"), and the family name alone labelled an organisation, are still the person
    case("a-person-after-a-teams-possessive", OWNED_NAME, "Three minutes to look at one picture,",
         "Tor Bergqvist-Lowe", "direct"),
    # an orchestra (a band, a museum, a trust ...) is a body, never the musician in view; a role with a name in
    # apposition is the one named, not the other director of the article
    case("the-orchestra-is-a-body-not-the-musician-in-view", ORCHESTRA, "it hoped to return in the autumn",
         "orchestra", "indirect", kind="organisation"),
    # "their" of a document: the group that just wrote, unnamed
    case("their-letter-is-the-groups", THEIR_LETTER, "the shows were “a welcome addition to the area, but not at "
         "midnight", None, "mixed", description="group of harbourside residents"),
    # of two people named in the sentence before a he, the one known to be a man (the other's gender unknown)
    case("he-is-the-man-the-sentence-turned-to", TURNED_TO_A_MAN, "Look at them,", "David Tarn", "direct"),
    # a person named as an object inside a clause that modifies a noun ("This chart, provided by Ben Statz,") is not
    # whom the story turned to: the he stays with the speaker
    case("he-is-not-an-object-inside-a-modifier", OBJECT_IN_A_MODIFIER,
         "that it is difficult to draw firm conclusions from such studies", "Ivo Tarn", "indirect"),
    # "One, NAME of FIRM, said": the member named, though the recogniser ran the name into the firm
    case("one-of-a-group-named-in-apposition", ONE_OF_THEM, "Nobody asks me how tall the tower is,",
         "Dorota Okonkwo", "direct", kind="person"),

]

CASES += [
    # a list of predicates (or clauses) the parser hung on the cue as second clauses is one reported statement
    # (cues.content-tail.second-clause), even when one of them is a verb of saying without a clause of its own ...
    case("predicates-hung-on-the-cue-as-clauses",
         "Ivo Tarn says he slept badly, argued with everyone and was behind on rent.",
         "he slept badly, argued with everyone and was behind on rent", "Ivo Tarn", "indirect"),
    case("clauses-hung-on-the-cue-as-clauses",
         "Ana Lind said as the bailiffs reached the farm, one tenant chained herself to the fence, two sat on a "
         "tractor, and another was perched on the barn roof.",
         "as the bailiffs reached the farm, one tenant chained herself to the fence, two sat on a tractor, and "
         "another was perched on the barn roof", "Ana Lind", "indirect"),
    # a second verb of saying with a subject of its own, conjoined inside the first one's clause, ends it
    case("a-second-speaker-conjoined-inside-the-clause",
         "Ivo Tarn said the vote sent a message that his party must set itself apart from the Greens and he said "
         "the caucus would change.",
         "the vote sent a message that his party must set itself apart from the Greens", "Ivo Tarn", "indirect"),
    # a question word that opens a subject clause asserts: not a reported question
    case("a-subject-clause-opened-by-a-question-word",
         "Ivo Tarn said what happened at the pier was a mistake.",
         "what happened at the pier was a mistake", "Ivo Tarn", "indirect"),
    # a quoted question is someone's words
    case("a-quoted-question", "“Why would anyone close the pier?” Ana Lind asked.",
         "Why would anyone close the pier?", "Ana Lind", "direct"),
    # ... but a second clause that is a verb of saying with a clause starts a statement of its own
    # (cues.content-tail.next-cue)
    case("a-cue-hung-on-the-cue-as-a-clause",
         "Ivo Tarn said his bakery would consider buying more flour from northern mills, warned that this would "
         "“need seasons, not weeks.”",
         "his bakery would consider buying more flour from northern mills", "Ivo Tarn", "indirect"),
]

CASES += [
    # a verb of saying that closes its sentence with only its subject beside it claims the sentence before the
    # comma, when the parser made no clause of it (here it read the name as the verb's object) (cues.closing-cue)
    case("a-closing-cue-with-its-name-read-as-an-object",
         "Parking fines are a cost for the drivers who collect them, and for the town at large, argued Ana Lind.",
         "Parking fines are a cost for the drivers who collect them, and for the town at large", "Ana Lind",
         "indirect"),
]

CASES += [
    # a verb of thinking conjoined to the verb of saying without a clause of its own ("and was considering an
    # appeal") goes on with what was said (cues.content-tail.next-cue)
    case("conjoined-predicate-after-a-quoted-fragment",
         "The Harbour Ministry said in a statement that it was “disappointed by the ruling” and was considering an "
         "appeal to the High Court.",
         "that it was “disappointed by the ruling” and was considering an appeal to the High Court",
         "Harbour Ministry", "mixed"),
    # "said in a statement that …" with the clause hung on the noun: the verb's conjoined predicate is said too
    case("said-in-a-statement-with-a-conjoined-predicate",
         "Ivo Tarn said in a brief statement that the mayor “respects the board’s work” but remained opposed to the "
         "plan.",
         "that the mayor “respects the board’s work” but remained opposed to the plan", "Ivo Tarn", "mixed"),
    # a that-clause the parser hung on the addressee of a participle of saying ("telling a packed chamber that …")
    case("participle-of-saying-with-an-addressee",
         "Finance Minister Ana Lind defended the harbour levy on Tuesday, telling a packed chamber that the town could "
         "no longer “borrow its way out of a hole” and that the levy would raise 2 million crowns.",
         "that the town could no longer “borrow its way out of a hole” and that the levy would raise 2 million crowns",
         "Ana Lind", "mixed"),
    # a quotation inside a quotation, after a verb of saying with a named subject: the inner words are theirs
    case("nested-quotation-of-a-named-speaker",
         "The choir met on Monday.\n\n“Ana Lind told me, ‘Say it like a secret,’ and after that I was not afraid,” "
         "Ivo Tarn said.",
         "Say it like a secret,", "Ana Lind", "direct"),
    # the same after a saying heard, a named person's present, and a reported clause that goes on in quotation
    case("nested-quotation-after-a-saying-heard",
         "The hearing went on.\n\n“I heard Ana Lind say, quote, ‘The pier will be ready by May.’” Ivo Tarn "
         "testified.",
         "The pier will be ready by May.", "Ana Lind", "direct"),
    case("nested-quotation-after-a-named-persons-present",
         "The choir met on Monday.\n\n“Ana Lind says it herself, ‘This is the fight of our lives,’ and she is "
         "right,” Ivo Tarn said.",
         "This is the fight of our lives,", "Ana Lind", "direct"),
    case("nested-quotation-after-replied-that",
         "The hearing went on.\n\n“I asked about the pier, and Ana Lind replied that ‘It will be ready by May.’ "
         "It was not,” Ivo Tarn testified.",
         "It will be ready by May.", "Ana Lind", "direct"),
    # straight single marks inside straight double ones, as much web copy types them
    case("nested-quotation-in-straight-marks",
         "The choir met on Monday.\n\n\"Ana Lind told me, 'Say it like a secret,' and after that I was not afraid,\" "
         "Ivo Tarn said.",
         "Say it like a secret,", "Ana Lind", "direct"),
    case("the-quotation-around-a-nested-one",
         "The choir met on Monday.\n\n“Ana Lind told me, ‘Say it like a secret,’ and after that I was not afraid,” "
         "Ivo Tarn said.",
         "Ana Lind told me, ‘Say it like a secret,’ and after that I was not afraid,", "Ivo Tarn", "direct"),
    # a transcript line that quotes someone named, with a cue of its own: the quoted words are theirs
    case("quotation-inside-a-transcript-line",
         "Mayor Ana Lind spoke to the harbour board chair, Ivo Tarn, on Monday.\n\nLIND: We will rebuild the pier."
         "\n\nTARN: Our engineer, Mira Oduya, looked at me and said, “Finally.” We had waited a year.",
         "Finally.", "Mira Oduya", "direct"),
    # a quotation paragraph with no cue after a paragraph that ends on a person ("She read from a prepared
    # statement."): that person's, not the last speaker's nor nobody's
    case("quotation-paragraph-after-a-sentence-on-the-speaker",
         "“The pier is unsafe,” Ivo Tarn said.\n\nAmong the residents who spoke was Mira Oduya, whose son was hurt on "
         "the pier in 2024. She read from a prepared statement.\n\n“Tom was eleven. He was wearing a life jacket and "
         "he did nothing wrong.”\n\nThe council will vote in May.",
         "Tom was eleven. He was wearing a life jacket and he did nothing wrong.", "Mira Oduya", "direct"),
    # a clause the parser ended inside a quotation it opened runs on to the quotation's end
    case("clause-ending-inside-its-quotation",
         "Justice Ivo Tarn joined the ruling. In a short concurrence, he added that the council “cannot wall itself "
         "off from the people it answers to, however tiresome those people may sometimes be.”\n\nJustice Ana Lind "
         "dissented.",
         "that the council “cannot wall itself off from the people it answers to, however tiresome those people may "
         "sometimes be.", "Ivo Tarn", "mixed"),
    # a verb after the quotation whose subject is a role of a few words before the name ("the agency's flight
    # director, Dr. Ivo Tarn, told reporters")
    case("cue-after-a-role-then-a-name",
         "The lander went silent. \"We had a healthy lander, and then we had nothing,\" the agency's flight "
         "director, Dr. Ivo Tarn, told reporters at the control centre in Kestrel Bay shortly after 1 a.m. \"We do "
         "not know why.\"",
         "We had a healthy lander, and then we had nothing,", "Ivo Tarn", "direct"),
    # the time of the saying, which the parser hangs on the reported clause, is not what was said (wire copy)
    case("time-of-the-saying-before-the-clause",
         "HARWICK (Tide Wire) - Lakeview Power Corp said on Thursday it would cut 200 jobs at its Harwick plant.",
         "it would cut 200 jobs at its Harwick plant", "Lakeview Power Corp", "indirect"),
    # an article in the British style: its quotations in single marks, a quotation inside them in double ones
    case("british-single-marks",
         "The union voted on Monday.\n\n‘We will not move,’ said Ana Lind, its regional organiser. ‘Not this "
         "year.’\n\nIvo Tarn, the chief executive, called the vote ‘a mistake’. ‘I told them, “Wait,” and they did "
         "not,’ he said.",
         "I told them, “Wait,” and they did not,", "Ivo Tarn", "direct"),
    # the same style typed with straight marks: a plural's apostrophe inside the words does not end them
    case("british-single-marks-typed-straight",
         "The union voted on Monday.\n\n'We will not move,' said Ana Lind, its regional organiser. 'Not this "
         "year.'\n\nIvo Tarn, the chief executive, called the vote 'a mistake'. 'The members' anger is real, but "
         "they will come round,' he said.",
         "The members' anger is real, but they will come round,", "Ivo Tarn", "direct"),
    # a statement read out over paragraphs, with no cue: the person who read it, named two sentences before,
    # the sentence between about them ("His voice shook"); the person a role names in apposition ("His old
    # partner, Ana Lind,"), not the one the sentence is about
    case("quotation-paragraphs-after-a-sentence-about-the-reader",
         "The court heard from the family.\n\nThe victim's husband, Erik Lund, read a statement to the court. His "
         "voice shook, and at one point the judge offered him a chair, which he declined.\n\n“Nadia cycled to work "
         "every day. She loved it.\n\n“She should be here now.”\n\nThe judge thanked him.",
         "She should be here now.", "Erik Lund", "direct"),
    case("quotation-after-a-sentence-naming-someone-else",
         "Ivo Tarn turned his firm into a large business. His old partner, Ana Lind, called him a master of deals. "
         "“He showed again and again that he could do it.”",
         "He showed again and again that he could do it.", "Ana Lind", "direct"),
    # "the foreign minister" is not the deputy foreign minister quoted last
    case("a-role-without-its-rank",
         "Osmara's foreign minister, Halim Rashidi, said the talks had gone well.\n\nHis counterpart, Delvany's "
         "deputy foreign minister, Ilse Marendaal, was more guarded. “I doubt it,” she said.\n\nThe foreign "
         "minister was asked about the post. “Rashid has been disagreeing with me for years,” he said.",
         "Rashid has been disagreeing with me for years,", "Halim Rashidi", "direct"),
    # "the company" far down an article about one (past the window of organisations in view): the lede's
    case("the-company-far-from-the-lede",
         "Harlow & Finch, the kitchen appliance maker, reported a fall in annual profit on Thursday.\n\n"
         + "Revenue slipped in the year to December, as households kept their old ovens for another winter. " * 24
         + "\n\nIn a statement, the company said it would cut 340 jobs at its Yate factory.",
         "it would cut 340 jobs at its Yate factory", "Harlow & Finch", "indirect"),
    # an earnings call's transcript: an analyst's label with the firm in brackets, a label in capitals for a name
    # the recogniser took for an organisation's
    case("transcript-label-with-its-firm",
         "Mira Oyama-Flint of Harbour Securities pressed the chief executive, Ivo Tarn, on the delay.\n\n"
         "MIRA OYAMA-FLINT (Harbour Securities): You said in April that the checks would be done by June. Why "
         "should we believe the new date?\n\nTARN: Because in April I was repeating what I had been told.\n\n"
         "OYAMA-FLINT: And if the supplier is late again?",
         "You said in April that the checks would be done by June. Why should we believe the new date?",
         "Mira Oyama-Flint", "direct"),
    # the place a role is of, which the recogniser took for a person ("the vicar of Fenmarsh"), is no one's name
    case("place-of-a-role-is-no-person",
         "The site was described in 1871 by the Rev. Ambrose Thistlewood, the vicar of Fenmarsh, who spent twenty "
         "years looking for it. In his diary he wrote that he had been “told by old men that the bells can be "
         "heard.”",
         "that he had been “told by old men that the bells can be heard.", "Ambrose Thistlewood", "mixed"),
    # a name the recogniser took for an organisation's, in apposition with a role noun no lexicon lists
    case("a-name-beside-a-role-taken-for-an-organisation",
         "“In the end it was a greenkeeper who found it, not us,” said the archaeologist, K. T. Osei-Wright.\n\n"
         "That greenkeeper, Lorcan Ó Briain, noticed two years ago that the grass on the fourteenth fairway dried "
         "out in straight lines. He took photographs. “I thought it was a drainage problem,” he said.",
         "I thought it was a drainage problem,", "Lorcan Ó Briain", "direct"),
    # a first name alone, given to a family member of the person a "his" before it stands for
    case("first-name-of-a-relative-after-his",
         "Tarnside won on Saturday with two goals from Jonah Harwell and a winner from his younger brother, Callum."
         "\n\n“He has been saying that before every game since I was eleven,” Callum said.",
         "He has been saying that before every game since I was eleven,", "Callum Harwell", "direct"),
    # a name with a lowercase particle that the recogniser cut in two ("Pieter" and "Horst")
    case("a-particle-name-cut-in-two",
         "Shares fell on Friday. “The market is weak,” said Pieter ter Horst, an analyst. Horst has covered the "
         "sector for years.",
         "The market is weak,", "Pieter ter Horst", "direct"),
    # a particle before a double-barrelled family name, the whole taken for an organisation: the pronoun later is
    # still hers, not the woman named before her
    case("a-particle-name-with-a-hyphenated-family-name",
         "Her friend Agnes Mowbray-Kilcline said the club had been loud. “She sang every night,” she said.\n\n"
         "In a 1998 interview with this paper, Seraphine du Pont-Adjei said she had never wanted a business. "
         "“It was a cellar with chairs,” she said.",
         "It was a cellar with chairs,", "Seraphine du Pont-Adjei", "direct"),
    # a family name the recogniser cut after its particles: the whole name, over an inner particle ("an") and an
    # Irish mutated word ("tSaoi"), or over two family words after "de la"
    case("a-particle-name-cut-after-its-particles",
         "The trial was led by Professor Ciaran Mac an tSaoi of Dunmore University. “We were surprised,” Mac an "
         "tSaoi said.",
         "We were surprised,", "Ciaran Mac an tSaoi", "direct"),
    case("a-particle-name-with-a-two-word-family-name",
         "The report by Ignacio de la Torre Salcedo was long. “It is fine,” de la Torre Salcedo said.",
         "It is fine,", "Ignacio de la Torre Salcedo", "direct"),
    # a title inside a name the recogniser took for an organisation ("Coroner Ada Ní Dhuibhir")
    case("a-coroner-named-with-her-title",
         "The inquest ended on Thursday.\n\nSenior Coroner Aoife Ní Dhuibhir said the evidence was clear. “This was "
         "a junction that asked too much,” she said.",
         "This was a junction that asked too much,", "Aoife Ní Dhuibhir", "direct"),
    # a wife in apposition with her name, which shares her husband's family name and which the recogniser took
    # for an organisation: a person of the article, the "she" after her
    case("a-kin-noun-and-a-shared-family-name",
         "Greta Lindholm, the chairwoman, said the club was proud.\n\n“They will boo me,” Tevita Fifita-Hufanga "
         "said.\n\nHis wife, Ana Fifita-Hufanga, who watched from the back of the room with their daughter, had the "
         "last word.\n\n“He will cry after the match,” she said.",
         "He will cry after the match,", "Ana Fifita-Hufanga", "direct"),
    # a title and a first name opening a name the recogniser took for an organisation: the person, and her role
    # ("Senior Coroner" -> "the coroner", "A coroner" in the lead)
    case("a-role-named-by-a-title-inside-an-organisation",
         "A coroner has ruled that the flood at Tarnby Mill was an accident, but warned the council that the weir "
         "“will drown someone else” unless it is rebuilt.\n\nThe three-day inquest ended on Thursday.\n\nSenior "
         "Coroner Aoife Ní Dhuibhir said the evidence showed that neither the driver nor the cyclist had broken any "
         "rule of the road.",
         "the weir “will drown someone else” unless it is rebuilt", "Aoife Ní Dhuibhir", "mixed"),
    # a name the quoted words end on, which the parser made a second subject of the verb after them
    case("a-name-addressed-at-the-end-of-the-words",
         "Senior Coroner Maeve Dunleavy opened the hearing.\n\nA lawyer for the council, Piotr Halloran, told the "
         "inquest that a redesign was planned. The coroner was not persuaded. “Active consideration is not a plan, "
         "Mr. Wren,” she replied.",
         "Active consideration is not a plan, Mr. Wren,", "Maeve Dunleavy", "direct"),
    # an honorific before a title before the name ("Mr Justice ..."): a man, so a "she" after him is not he
    case("an-honorific-before-a-title-says-the-gender",
         "Margaret Tarnby died in March, aged 90. Her will left the house to her carer.\n\nThomas Tarnby and his "
         "sister, Rosa Tarnby-Hale, argued that Mrs Tarnby had not understood the will.\n\nMr Justice Aldous "
         "Penhallow disagreed. “Mrs Tarnby was old, but she was not confused,” the judge said in his ruling on "
         "Tuesday.\n\nMuch of that evidence came from Mrs Tarnby herself. A letter she wrote to her solicitor in "
         "2023 was read to the court. “Nobody gets round me,” she wrote.",
         "Nobody gets round me,", "Margaret Tarnby", "direct"),
    # a study "led by" a person: its authors later are that person, its lead author
    case("the-authors-of-a-study-led-by-a-person",
         "The study, led by Professor Ciaran Mac an tSaoi of Dunmore University and published on Wednesday, "
         "followed 212 children. Half received the drug.\n\n“This is the result we hoped for,” Mac an tSaoi said."
         "\n\nThe paper itself is more careful. “These findings need a longer follow-up,” the authors conclude.",
         "These findings need a longer follow-up,", "Ciaran Mac an tSaoi", "direct"),
    # an organisation's noun with its name in apposition, the subject just before an "it": that organisation, not
    # the one that spoke before
    case("it-after-a-named-body-as-subject",
         "After the ruling, a spokesperson for Tarnby County Council said the authority would “study the report "
         "with great care” and had lowered the speed limit.\n\nThe local walking group, Tarnby Striders, was less "
         "patient. “Twenty miles an hour does not fix a blind bend,” it posted on its website on Thursday evening.",
         "Twenty miles an hour does not fix a blind bend,", "Tarnby Striders", "direct"),
    # a document "by" a person in apposition with a role, "by" hung on the verb before it: the person speaks
    case("a-declaration-by-a-role-and-its-name",
         "The lawsuit relies on a sworn declaration by a former Tarnway site manager, Piet Oduya, who left the firm "
         "in 2023. \"The deadline was the point, not the pipe,\" the declaration says.",
         "The deadline was the point, not the pipe,", "Piet Oduya", "direct"),
    # "the physicians", introduced in other words ("40 doctors") and mentioned again since ("by the doctors"): the
    # group as introduced
    case("a-group-named-again-in-other-words",
         "More than 40 doctors at the Tarnwick clinic have written an open letter to the mayor. The letter was "
         "published by the doctors on Monday.\n\n“We are writing because nobody else will,” the physicians said.",
         "We are writing because nobody else will,", None, "direct", kind="anonymous",
         description="40 doctors at the tarnwick clinic"),
    # a hyphenated name in apposition to a role, which the recogniser took for an organisation's: the person
    case("a-hyphenated-name-beside-a-role-taken-for-an-organisation",
         "The landlord, Greyfield Homes, said it “welcomed the outcome” and would begin the repairs in June. Its "
         "managing director, Rupert Makinde-Hale, had called the strike “unlawful and unhelpful” in April.\n\n"
         "“We should have fixed the lifts,” Makinde-Hale said.",
         "We should have fixed the lifts,", "Rupert Makinde-Hale", "direct"),
    # the name after a role that the parse made a second subject of the verb, not the role's apposition
    case("a-role-and-its-name-read-as-two-subjects",
         "The club met on Monday. The club's chair, Mira Oduya-Lind, a retired teacher who lives nearby, said she "
         "would stay.",
         "she would stay", "Mira Oduya-Lind", "indirect"),
    # a study no organisation is said to have issued, its authors and their "they": the lead author introduced
    case("the-authors-of-a-study-are-its-lead-author",
         "A study of Lake Tarn appeared in a journal on Monday. Its lead author, Dr. Ana Lind-Oduya, called the result "
         "“the best news in years.”\n\nThe authors wrote that the lake was “not proof that any lake can recover” and "
         "warned against hope. “Lake Tarn had one problem and it was removed,” they wrote.",
         "Lake Tarn had one problem and it was removed,", "Ana Lind-Oduya", "direct"),
    case("the-study-itself-is-its-lead-author",
         "A study of Lake Tarn appeared in a journal on Monday. Its lead author, Dr. Ana Lind-Oduya, called the result "
         "“the best news in years.”\n\nThe report found that the reeds had spread by half and that the fish had “more "
         "or less doubled near the old pipe.”",
         "that the reeds had spread by half and that the fish had “more or less doubled near the old pipe",
         "Ana Lind-Oduya", "mixed"),
    # "one of them" with a role and a name in apposition: the one named, and the "he" after
    case("one-of-them-with-a-role-and-a-name",
         "Dozens of musicians who later became well known played their first song there.\n\nOne of them, the "
         "songwriter Kwabena Ofori-Ross, said she had given him the only review that mattered. “It was home,” he said.",
         "It was home,", "Kwabena Ofori-Ross", "direct"),
    # "Her son, Teodor Marsh, said she had died": the son is a man (his kin noun), the "she" is his mother's
    case("a-kin-noun-says-the-gender-not-the-she-after",
         "Lena Marsh-Okoro, the singer who ran the Lamp club for forty years, died on Sunday. She was 88.\n\n"
         "Her son, Teodor Marsh, said she had died peacefully at home.\n\nMany singers began at the Lamp. The "
         "club's rule was that anyone could play one song on their first visit, and hundreds did over the years.\n\n"
         "“She sang the same six songs to the cat,” he said.",
         "She sang the same six songs to the cat,", "Teodor Marsh", "direct"),
    # a "she" with nobody of her gender in view: the person the story is about, the subject of its first sentence
    case("a-she-with-nobody-in-view-is-the-story-subject",
         "Lena Marsh-Okoro, the singer who ran the Lamp club for forty years, died on Sunday. She was 88.\n\n"
         "Her son, Teodor Marsh, said she had died peacefully at home. Dozens of musicians who later became famous "
         "played their first song at the Lamp, and some of them came to see her last week.\n\nBorn in a fishing "
         "village on the coast, she came to the city at seventeen to work in a shoe factory and began singing in pubs "
         "at weekends. The club was in a cellar by the river, and the rule painted above its stage was that anyone "
         "could play one song.\n\nShe called record companies “shopkeepers with a microphone” and never signed "
         "with one.",
         "record companies “shopkeepers with a microphone”", "Lena Marsh-Okoro", "mixed"),
    # the same, when the parse made the role and its name a second subject of the verb
    case("one-of-them-and-a-role-read-as-two-subjects",
         "Dozens of musicians who later became well known played their first song there.\n\nOne of them, the "
         "singer Kofi Adeyemi-Rusk, said she had given him the only review that mattered to him.",
         "she had given him the only review that mattered to him", "Kofi Adeyemi-Rusk", "indirect"),
    # "X said she had given him ...": a she and a him after the name say nothing of X's gender
    case("a-she-and-a-him-after-a-name-say-no-gender",
         "Dozens of musicians who later became well known played their first song at the Lamp.\n\nThe songwriter "
         "Kofi Adeyemi-Rusk said she had given him the only review that mattered to him. “It was home,” he said.",
         "It was home,", "Kofi Adeyemi-Rusk", "direct"),
    # a name the recogniser missed, said by "he": a man, so the "she" after is not him
    case("a-he-said-of-a-name-says-his-gender",
         "Lena Marsh-Okoro, the singer who ran the Lamp club for forty years, died on Sunday. She was 88.\n\nDozens "
         "of musicians who later became well known played their first song at the Lamp. One of them, the songwriter "
         "Kwabena Ofori-Ross, said the club had been his school. “I played her a song I thought was a masterpiece,” "
         "he said.\n\nShe called record companies “shopkeepers with a microphone”.",
         "record companies “shopkeepers with a microphone”", "Lena Marsh-Okoro", "mixed"),
    # a she opening a paragraph right after a relative introduced by "her": the story's subject again
    case("a-she-after-her-daughter-spoke-is-the-story-subject",
         "Professor Ines Marwick-Dale, the biologist who spent half a century cleaning up the town’s rivers, has died "
         "aged 88.\n\nHer death was announced on Monday by her daughter, Dr Rachel Dale, who said her mother had "
         "been ‘sharp and impatient until the last day’.\n\nIn 1978 she wrote an open letter to the council, which "
         "was printed on the front page of this newspaper:\n\n‘For fifteen years I have counted the insects in the "
         "river. Their numbers have fallen every year.\n\n‘I am not asking you to love the river. I am asking you to "
         "stop killing it.’",
         "I am not asking you to love the river. I am asking you to stop killing it.", "Ines Marwick-Dale", "direct"),
    # a nickname in quotation marks between the first and the family name: the person, not an organisation
    case("a-name-with-a-quoted-nickname",
         "The festival board cancelled a show by the comedian Ottilie \"Sparky\" Brannagh-Osei over jokes about the "
         "mayor.\n\nThe board's chair, Winifred Okwuosa-Lamb, said the decision had been taken on legal advice. She "
         "said the board was sorry.\n\nBrannagh-Osei said she was \"gutted.\" She said she would perform the show "
         "anyway. \"They can't cancel the jokes,\" she said.",
         "They can't cancel the jokes,", "Ottilie Brannagh-Osei", "direct"),
    # "it" right after a document was named: whoever made the document (a counted group, described)
    case("it-after-a-letter-is-who-signed-it",
         "The festival director, Piet Lorimer-Achebe, resigned on Monday after the board cancelled a show.\n\n"
         "\"Festivals belong to the people who buy the tickets,\" said a former chair, Ruth Okonedo-Hale.\n\n"
         "Hundreds of local musicians have signed an open letter supporting Lorimer-Achebe. \"We stand with Piet,\" "
         "it says.",
         "We stand with Piet,", None, "direct", kind="anonymous", description="hundreds of local musicians"),
    # "the letter" after "... have written to the mayor": who wrote to her (the nearest subject, not the dateline)
    case("the-letter-after-writing-to-someone",
         "LAKEVIEW, Tarnland, March 3 (LWS) — Twelve councillors from the ruling party have written to Mayor Ana "
         "Lind-Obi asking her to drop a plan for a new ring road.\n\nThe letter, dated Monday and released on "
         "Wednesday, said the plan had been drawn up “without asking a single resident.”",
         "the plan had been drawn up “without asking a single resident.", None, "mixed", kind="anonymous",
         description="twelve councillors from the ruling party"),
    # a dash signature after a quotation that a colon also leads into: the signature names the speaker
    case("a-dash-signature-beats-a-colon-lead-in",
         "A book of condolence at the town hall filled six pages on the first day. Two of the entries read:\n\n"
         "“You let me sing when I was awful. Thank you.” — Tomas Adebayo-Rhee\n\n"
         "“Every tune I know, I learned in your kitchen.” — Femke Oduya",
         "You let me sing when I was awful. Thank you.", "Tomas Adebayo-Rhee", "direct"),
    # "they" after an organisation whose name holds a plural noun ("Tenants Association"): the organisation
    case("they-after-an-organisation-named-with-a-plural",
         "Residents of Parkview House ended a strike on Monday after their landlord agreed to fix the heating.\n\n"
         "The Parkview House Tenants Association had withheld rent since May, saying the boilers had failed. The "
         "association said in a statement on Monday that its members had voted to accept the deal.\n\n"
         "“We never wanted to strike. We wanted heat,” they said.",
         "We never wanted to strike. We wanted heat,", "Parkview House Tenants Association", "direct"),
    # a river's name, which the recogniser once took for a person ("in the Kell"), is no one a "she" stands for
    case("a-river-read-as-a-person-is-a-place",
         "Professor Ines Marwick-Dale, the biologist who cleaned up the town's rivers, has died aged 88.\n\n"
         "Born in Leeds in 1936, she joined the university in 1961. At the time, the River Kell ran brown through "
         "the town centre.\n\nShe began counting insects in the Kell every Sunday morning in 1963. “It was the only "
         "way to show them,” she said in 2010.",
         "It was the only way to show them,", "Ines Marwick-Dale", "direct"),
    # a he/she is not given to a person whose first name the list is near sure is of the other gender, when the
    # article itself says nothing of them ("Priscilla", "Imelda")
    case("a-she-is-not-the-man-before-a-near-certain-womans-name",
         "The union's chief negotiator, Gareth ap Tomos, said the staff had been given less notice than a window "
         "cleaner. He met the owner and the company's finance director, Priscilla Trelawny, on Sunday evening. She "
         "told the Ledger afterwards that the meeting had been \"difficult and necessary, in that order.\"",
         "that the meeting had been \"difficult and necessary, in that order.\"", "Priscilla Trelawny", "mixed"),
    case("a-he-is-not-a-near-certain-womans-name",
         "Pavel Dorn, a baker, denies arson. The rival bakery's owner, Hana Vesel, told the jury that she and Dorn "
         "had \"never had a cross word\" until December. The prosecutor, Imelda Carrow, read out the messages. In "
         "December, the messages show, he posted on social media that she was poaching his customers with "
         "\"coupons and cheap tricks.\"",
         "that she was poaching his customers with \"coupons and cheap tricks.\"", "Pavel Dorn", "mixed"),
    # the sentence before a he/she is the one before the quotation its sentence ends, when the quotation opened
    # sentences earlier: "Thank you, big man." is the speaker's sentence, not the story's
    case("the-sentence-before-a-quotation-of-several-sentences",
         "Neither club would confirm the fee. “It is a lot of money,” said the Tarnfield chairman, Chase Mannering, "
         "on Wednesday.\n\nThe Ostby manager, Davor Kettle, was blunt. “He gave this club six years,” he told "
         "reporters.\n\nOstby’s owner, the software entrepreneur Lucinda Okoro-Pratt, was gracious. “Thank you, big "
         "man. The door is always open,” she tweeted.",
         "Thank you, big man. The door is always open,", "Lucinda Okoro-Pratt", "direct"),
    # a surname a he/she may stand for is the family member named before it, not one of the pronoun's gender
    # named later ("Lowri Tarn-Owens" is not the "Tarn-Owens" the coach praised)
    case("a-family-name-is-not-the-relative-named-later",
         "Sione Tarn-Owens, who has captained Castlereach for a decade, played his last match on Saturday.\n\nThe "
         "visiting coach, Ifeoma Castell, praised Tarn-Owens as “the hardest man to tackle in this league”. “We sent "
         "a bottle of something in to their dressing room. He deserves it more than we do,” she said.\n\nLowri "
         "Tarn-Owens, watching from the family seats, said she had cried twice.",
         "We sent a bottle of something in to their dressing room. He deserves it more than we do,", "Ifeoma Castell",
         "direct"),
    # a name the recogniser took for an organisation's, which has spoken as a person's, is not what "the club" is
    case("the-club-is-not-a-person-taken-for-an-organisation",
         "Redhaven sold its striker to Brackley for a record fee on Monday. Brackley's chairman, Chase Manning, said "
         "the deal was \"the best day in our history.\"\n\nThe club said in a statement that the fee would be \"used "
         "in full to strengthen the squad.\"",
         "that the fee would be \"used in full to strengthen the squad.\"", "Brackley", "mixed"),
    # "the festival" is an organisation, as "the club" and "the theatre" are, not the person who spoke last
    case("the-festival-said-is-the-organisation",
         "The Brackwater folk festival closed its main stage on Saturday night as a storm hit the valley. Its "
         "director, Ivo Marrick, said the decision had been easy.\n\nIn a statement on Sunday morning, the festival "
         "said the main stage would reopen at midday after an inspection.",
         "the main stage would reopen at midday after an inspection", "festival", "indirect", kind="organisation"),
    # a name the recogniser labels an organisation's but that stands beside a person's role is a person, and so
    # is its surname later ("Van der Meer added"), whom the "he" after it stands for
    case("a-person-read-as-an-organisation-beside-a-role",
         "The family's solicitor, Declan van der Meer, read a statement outside the court. Martin Feeney, the "
         "council's engineer, said the junction was on a list.\n\nVan der Meer added that the family did not blame "
         "the driver. “They asked me to say that clearly,” he said.",
         "They asked me to say that clearly,", "Declan van der Meer", "direct"),
    case("time-of-the-saying-after-the-verb",
         "The harbour board met for six hours. Its chair, Ana Lind, said on Friday she would resign in May.",
         "she would resign in May", "Ana Lind", "indirect"),
    # a he/she with nobody of its gender named in view: the he/she subjects before it keep one person in view
    # (resolved in their turn), not the last speaker, quoted long before
    case("a-pronoun-chain-keeps-the-person-in-view", PRONOUN_CHAIN, "I never wanted to work anywhere else,",
         "Ilse Varga", "direct"),
    # "echoes" after a quotation is its cue, as "adds" is: the name after it speaks, not the one quoted before
    case("echoes-after-a-quotation",
         "Mark Doyle, a family therapist in Lakeview, said couples often argue about money. “Trust is the thing that "
         "keeps a marriage going,” echoes Ilse Varga, a counsellor at the same clinic.",
         "Trust is the thing that keeps a marriage going,", "Ilse Varga", "direct"),
    # the writer of an opinion piece speaks as "I": a he/she in it is someone else, never the writer (here nobody
    # the rules can name: the candidate is named only inside "the Tarn campaign")
    # a verb that names its hearer, in the passive: its subject heard the words, the agent (if any) said them
    case("told-in-the-passive-the-subject-heard-it",
         "Ivo Tarn was stopped at the border crossing last spring and told he could not enter the country.",
         "he could not enter the country", None, "indirect"),
    case("told-in-the-passive-by-an-agent",
         "Ana Lind was told by Mark Doyle that the pier would close in May.",
         "that the pier would close in May", "Mark Doyle", "indirect"),
    # a list the parser cut at its first comma, its rest made a subject of the verb: the list is the content's,
    # the noun right before the verb speaks
    case("a-list-before-a-closing-cue",
         "A Harwick driver hit a cyclist, two elderly walkers and a dog near the bridge they were crossing, police "
         "said Sunday.",
         "A Harwick driver hit a cyclist, two elderly walkers and a dog near the bridge they were crossing",
         None, "indirect", description="police"),
    # a conjoined predicate after a quotation goes on with the reported clause unless it says something of its own
    case("a-predicate-after-a-quotation-goes-on",
         "Ana Lind told reporters at a briefing in Harwick that the town expresses \"our deep regret about this\" and "
         "is warning residents about the pier.",
         "that the town expresses \"our deep regret about this\" and is warning residents about the pier",
         "Ana Lind", "mixed"),
    # a quotation inside a quotation after a pronoun's verb of saying: the words are found, the speaker left unnamed
    # "chairman" is no evidence that a woman named with it is a man: her "she" still finds her
    case("she-after-a-chairman-named-as-a-woman",
         "The chairman of the harbour board, Anna Lind, said the board stood by its pilots. “The new contract has "
         "been signed,” she said.",
         "The new contract has been signed,", "Anna Lind", "direct"),
    case("a-pronouns-words-inside-a-quotation",
         "“They came to the door of the bakery, and they said, ‘We have a report of a noise here,’ and then they "
         "left,” Ivo Tarn said.",
         "We have a report of a noise here,", None, "direct"),
    # a source with a relative clause set off by commas after a quotation of several sentences: the verb after the
    # clause is the cue
    case("a-quotation-whose-source-has-a-relative-clause",
         "The council got many letters about the bakery.\n\n\"Frankly this is a scandal. The bakers deserve better from "
         "the town,\" a reader, whose name is withheld, wrote on May 3.",
         "Frankly this is a scandal. The bakers deserve better from the town,", None, "direct", description="reader"),
    # "“…,” the post read": a document's words after a quotation (the parser may read "post read" as one noun)
    case("a-post-read-after-a-quotation",
         "Ivo Tarn writes for a security blog.\n\nWATCH: Bakers march in Harwick\n\n“The threats came from many "
         "places. In those cases, the senders claimed to have videos,” the post read.",
         "The threats came from many places. In those cases, the senders claimed to have videos,", None, "direct"),
    # a quotation opened after a dash and closed before its cue: the writer's words before the dash are not the
    # speaker's
    case("a-quotation-after-a-dash-before-its-cue",
         "Ana Lind spoke to the council twice. The harbour master has already changed his account once — “I now do "
         "remember,” Ivo Tarn said, speaking about the meeting.",
         "I now do remember,", "Ivo Tarn", "direct"),
    # a paragraph of figures about nobody between a speaker's quotation and a quotation with no cue: the story is
    # still with the speaker
    case("a-paragraph-of-figures-between-two-quotations",
         "“Most of the ovens were broken,” said Ana Lind, who runs a bakery on the harbour road.\n\nThe cost of repairs was "
         "the largest item, with a 30 per cent rise over the year.\n\n“And if you look at the whole year, it was a "
         "loss of $14,000. So we lost about a third of our income.”",
         "And if you look at the whole year, it was a loss of $14,000. So we lost about a third of our income.",
         "Ana Lind", "direct"),
    case("he-in-an-opinion-piece-is-not-its-writer",
         "Mark Doyle: The mayor deserves a second term\n\nI have backed the Tarn campaign since the day it opened "
         "its office on the harbour road. I believe the council is wrong about him. He has said the harbour must stay "
         "open to every fishing boat.",
         "the harbour must stay open to every fishing boat", None, "indirect"),
    # "and I quote" after a verb of saying marks exact words; the verb before it is the cue, its subject the speaker
    case("and-i-quote-after-the-verb",
         "Mayor Ivo Tarn spoke at the harbour rally. No wonder Tarn said, and I quote, \"We love the old ferry.\"",
         "We love the old ferry.", "Ivo Tarn", "direct"),
    # a role after an inverted verb, dated, then the name the parser made a second subject: the name speaks
    case("inverted-role-at-the-time-then-the-name",
         "The firm worked with the ministry for years. \"The harbour deal was a mistake,\" wrote the trade envoy at "
         "the time, Mira Holt.",
         "The harbour deal was a mistake,", "Mira Holt", "direct"),
    # a quotation right after "said" with no comma, whose sentence the parser turned round ("said" under the
    # quotation's verb), after fronted clauses
    case("said-then-the-mark-after-fronted-clauses",
         "Speaking Tuesday on a radio show, while discussing a post from the mayor, Speaker of the Assembly Rep. Ana "
         "Lind (D-OR) said “hateful images, they’ve got no place in a campaign.”",
         "hateful images, they’ve got no place in a campaign.", "Ana Lind", "direct"),
    # a role joined by "and" before the name after a quotation: the parser ran the quoted clause on over the speaker
    case("a-quotation-then-a-joined-role-and-the-name",
         "“No bank records were exposed,” the firm’s co-founder and chief executive, Ana Lind, said in a video posted "
         "online. She said the firm had moved quickly.",
         "No bank records were exposed,", "Ana Lind", "direct"),
    # (a clause that opens with a quoted word and runs on outside it is the clause: no comma closes the quotation)
    case("a-quoted-word-opening-a-reported-clause",
         "“Hard-working” families are struggling to pay the rent, the mayor said on Monday.",
         "“Hard-working” families are struggling to pay the rent", None, "mixed"),
    # "He and the developer X said": the pronoun's person and the name speak together
    case("pronoun-and-a-named-person",
         "Sen. Paul Mason met the harbour board in 2008. He and the developer John Cohen said the hotel deal was "
         "sound.",
         "the hotel deal was sound", "Paul Mason and John Cohen", "indirect"),
    # a participle of saying after a comma ends the reported clause the parser hung it on; it says the rest, and
    # its subject is the first verb's (not the clause's)
    case("a-participle-of-saying-after-a-reported-clause",
         "Ana Lind announced on Monday that she would step down as chair of the harbour board, saying the board "
         "needs new blood.",
         "that she would step down as chair of the harbour board", "Ana Lind", "indirect"),
    case("what-the-participle-of-saying-says",
         "Analysts at the Kestrel Globe said rising costs had hurt the port, adding that the strike at the docks "
         "would last into spring.",
         "that the strike at the docks would last into spring", None, "indirect", description="analysts"),
    case("a-quotation-then-a-participle-of-referring",
         "The council voted on Monday. Ivo Tarn said the plan was “a tax on the harbour,” alluding to a dispute "
         "with the council.",
         "the plan was “a tax on the harbour,”", "Ivo Tarn", "mixed"),
    # "said “A,” and B “C”": a quotation closed by a comma before "and" and a second clause of its own ends the
    # first content; the second clause is a statement of the same cue
    case("a-quotation-then-and-a-second-quoted-clause",
         "Ana Lind, the harbour master, said “it’s not right to ever close the pier,” and the council’s actions “fall "
         "upon the whole town.”",
         "it’s not right to ever close the pier,", "Ana Lind", "direct"),
    case("the-second-quoted-clause",
         "A 2017 study by the Harbour Finance Committee said it was “troubled that no one body answers for this "
         "program,” and that it was “difficult to understand” why many boards would fail to report spending.",
         "that it was “difficult to understand” why many boards would fail to report spending", "Harbour Finance "
         "Committee", "mixed"),
    case("and-that-then-a-whole-quotation",
         "Ivo Tarn told reporters that the port’s claim “is plainly false,” and that “the harbour is not stopping "
         "boats from leaving.”",
         "the harbour is not stopping boats from leaving.", "Ivo Tarn", "direct"),
    # a past verb of saying joined right after the quotation closes is the speaker's next act
    case("an-act-after-the-quotation-closes",
         "The harbour board met on Friday. Ana Lind said the board “regrets the decision” and apologised to the "
         "staff.",
         "the board “regrets the decision”", "Ana Lind", "mixed"),
]

CASES += [
    # a verb conjoined in the reported clause with an auxiliary of reported speech's tense, or a "that" of its own,
    # goes on with what was reported, even after a quotation closes (a verb of saying with its own quotation)
    case("a-conjoined-verb-in-reported-speechs-tense",
         "Kestrel Ferries told the harbour board in May that it was “reviewing the timetable” and would reply “in "
         "due course.”",
         "that it was “reviewing the timetable” and would reply “in due course.”", "Kestrel Ferries", "mixed"),
    case("and-that-after-a-quotation-goes-on",
         "A lawyer for the ferry line, Ivo Tarn, said the company would “defend this claim robustly” and that the "
         "captain had been dismissed “for reasons that will become clear.”",
         "the company would “defend this claim robustly” and that the captain had been dismissed “for reasons that "
         "will become clear.”", "Ivo Tarn", "mixed"),
    case("a-modal-conjoined-to-the-cue-goes-on",
         "In a statement released through her lawyers, Ana Lind said she was “deeply disappointed” and would "
         "consider whether to appeal.",
         "she was “deeply disappointed” and would consider whether to appeal", "Ana Lind", "mixed"),
    # things a verb of calling names in turn, each with its quoted words, are one mixed content
    case("things-called-in-turn",
         "In the Kestrel Globe, the critic Ana Lind called the paintings “grief with the volume turned up” and the "
         "largest of them, “The Long Evening,” “a masterpiece nobody will hang over a sofa.”",
         "the paintings “grief with the volume turned up” and the largest of them, “The Long Evening,” “a "
         "masterpiece nobody will hang over a sofa.”", "Ana Lind", "mixed"),
    # a verb of calling found by the object right before the quotation's mark, in a relative clause
    case("called-in-a-relative-clause",
         "The vote was a setback for the mayor, Ana Lind, who had called the levy “the worst idea this council has "
         "had.”",
         "the levy “the worst idea this council has had.”", "Ana Lind", "mixed"),
    # a that-clause the parser hung on a phrase between the verb of saying and the clause
    case("a-that-clause-after-a-participles-aside",
         "The owners' group said in a written submission, included in the agenda pack, that it would “consider "
         "all options, including legal ones” if the levy was adopted.",
         "that it would “consider all options, including legal ones” if the levy was adopted", "owners' group",
         "mixed"),
    # a headline or sub-heading in a report's form: "X says Y" or "Y, X says", with no final stop
    case("a-headline-says",
         "Ana Lind says ferries will stop at the old pier\n\nThe Lakeview ferries will be moved to the old pier in "
         "May, the harbour master told the council on Monday.",
         "ferries will stop at the old pier", "Ana Lind", "indirect"),
    case("a-sub-heading-says-after-its-report",
         "The ferries run twice a day.\n\nOld pier too low for new ferries, Ivo Tarn says\n\nThe new ferries sit "
         "higher in the water than the old ones.",
         "Old pier too low for new ferries", "Ivo Tarn", "indirect"),
    # a pull quote: a paragraph of someone's words closed by their bare name (and firm), with no verb of saying
    case("a-pull-quote-closed-by-a-name",
         "The council voted on Tuesday.\n\nI'm not happy about the pier, but I'm still thankful for what it gave "
         "us. Ana McLind\n\nAna McLind, who chairs the harbour trust, wants a new pier by May.",
         "I'm not happy about the pier, but I'm still thankful for what it gave us", "Ana McLind", "indirect"),
    case("a-pull-quote-closed-by-a-name-and-firm",
         "The ferries run twice a day.\n\nWe cannot keep patching a pier that the sea has already claimed. Ivo "
         "Tarn, Harbour Trust\n\nTarn has chaired the trust since 2019.",
         "We cannot keep patching a pier that the sea has already claimed", "Ivo Tarn", "indirect"),
    # a "Name: words" headline whose name ends in "s", named in full in the story
    case("a-label-whose-family-name-ends-in-s",
         "Rhodes: Council must rethink the pier plan before May.\n\nCouncillor Mary Rhodes told reporters on "
         "Friday that the plan was rushed.",
         "Council must rethink the pier plan before May", "Mary Rhodes", "indirect"),
    # verbs of saying any outlet uses: confessing, clarifying, protesting
    case("a-verb-of-confessing",
         "Ana Lind confessed that she had never set foot on the pier.",
         "that she had never set foot on the pier", "Ana Lind", "indirect"),
    case("a-verb-of-clarifying",
         "Ivo Tarn clarified on Friday that the ferries would stop only on weekdays.",
         "that the ferries would stop only on weekdays", "Ivo Tarn", "indirect"),
    # "According to X, A, but Y says B": X's words end where someone else's saying begins
    case("according-to-before-another-speakers-clause",
         "According to the trust, the ferry target is met in 90 per cent of cases but Ana Lind says that is not "
         "what crews see.",
         "the ferry target is met in 90 per cent of cases", "trust", "indirect"),
    # ... and not before a clause that only goes on ("and the delays will continue to grow")
    case("according-to-over-a-clause-that-goes-on",
         "According to Ana Lind, the ferries were late in May, and the delays will continue to grow until the pier "
         "is fixed.",
         "the ferries were late in May, and the delays will continue to grow until the pier is fixed", "Ana Lind",
         "indirect"),
]

@pytest.mark.parametrize("case", CASES)
def test_pattern(case: Case, nlp, match) -> None:
    text = case.text
    assert text.count(case.content) == 1, "bad case: expected content must occur exactly once in the text"

    extraction = onrecord.extract(text)
    found = match.describe(extraction)
    a = match.find(extraction, case.content)
    assert a is not None, f"no attribution covers {case.content!r}; found:\n{found}"

    got = a.content.of(text)
    assert match.content(got) == match.content(case.content), f"content boundary; found:\n{found}"
    if case.type == "direct":
        assert got.strip()[:1] not in "“\"" and got.strip()[-1:] not in "”\"", "direct content keeps its marks"
    assert a.type == case.type, f"type of {got!r}"
    assert match.name(a.speaker) == match.name(case.speaker), f"speaker of {got!r}"
    if case.kind is not None:
        assert a.speaker_kind == case.kind, f"speaker_kind of {got!r}"
    if case.description is not None:
        assert a.speaker_description and case.description in a.speaker_description.casefold(), (
            f"speaker_description of {got!r}: {a.speaker_description!r}"
        )
    if case.medium is not None:
        assert a.medium == case.medium, f"medium of {got!r}"

    match.assert_via(a, case.via_names, case.via_outlets)
    if case.check_via and not (case.via_names or case.via_outlets):
        assert a.via == (), f"no relay in the text, but via = {a.via}"


@pytest.mark.parametrize(("text", "quoted"), NOT_ATTRIBUTIONS)
def test_not_an_attribution(text: str, quoted: str, nlp, match) -> None:
    start = text.index(quoted)
    where = CharSpan(start, start + len(quoted))
    extraction = onrecord.extract(text)
    wrong = [a for a in extraction.attributions if a.content.overlaps(where)]
    assert not wrong, f"{quoted!r} is not said by anyone; found:\n{match.describe(extraction)}"


def test_spacy_component_matches_extract(nlp) -> None:
    """``nlp.add_pipe("onrecord_attribution")`` users get the same records as ``onrecord.extract``."""
    text = MIDDLE_CUE + "\n\n" + MULTI_PARAGRAPH
    assert "onrecord_attribution" in nlp.pipe_names
    doc = nlp(text)
    assert doc._.onrecord_attributions == onrecord.extract(text).attributions
    assert len(doc._.onrecord_attributions) >= 3


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "medium"),
    [
        ("Mayor Lin Okafor told the Harbour Post that the bridge would close in May.", "interview"),
        ("Lin Okafor told CNN on Sunday that the bridge would close in May.", "interview"),
        ("Lin Okafor told her staff that the bridge would close in May.", "unknown"),
    ],
)
def test_telling_a_news_outlet_is_an_interview(text: str, medium: str) -> None:
    (a,) = onrecord.extract(text).attributions
    assert a.medium == medium


@pytest.mark.parametrize(
    ("text", "source"),
    [
        pytest.param(
            "Sen. Ana Dale (D-Ore.) said the ferry bill would pass.", "Sen. Ana Dale (D-Ore.)", id="party-bracket"
        ),
        pytest.param(
            "“It is done,” said Rep. Bo Mint (R-Tex.) at the time.", "Rep. Bo Mint (R-Tex.)", id="inverted"
        ),
        pytest.param("Ines Varga\u00a0said the pier would reopen.", "Ines Varga", id="no-break-space"),
        pytest.param(  # (a PolNeAR train article: the parser made "co", "-" and the name three subjects)
            "“It is done,” said Harbor Radio co-host Ana Lindqvist.", "Harbor Radio co-host Ana Lindqvist",
            id="hyphenated-title",
        ),
    ],
)
def test_a_source_span_keeps_its_bracket_and_drops_trailing_space(text: str, source: str, nlp) -> None:
    (a,) = onrecord.extract(text).attributions
    assert a.source is not None and a.source.of(text) == source


def test_polls_nobody_issued_are_not_the_main_organisations(nlp) -> None:
    """Only a definite document ("the report") falls back to the organisation the article is about: "recent
    polls" are nobody's in particular (PolNeAR train articles credited them to a campaign or a golf club)."""
    text = (
        "The Harbor Party held its convention in Lakeview on Saturday. The Harbor Party said it would campaign on"
        " ferries. The Harbor Party also said it had raised $2 million. Recent polls show that Ana Lind leads the"
        " race for mayor by six points."
    )
    found = onrecord.extract(text, settings=Settings(scope="all")).attributions
    polls = [a for a in found if a.source is not None and a.source.of(text) == "Recent polls"]
    assert len(polls) == 1 and polls[0].speaker is None
    assert [a.speaker for a in found if a is not polls[0]] == ["Harbor Party", "Harbor Party"]


def test_a_quotation_whose_verb_after_it_has_no_subject_takes_the_words_after_the_verb(nlp) -> None:
    """The parser made the name the verb's object ("mused" with no subject): the words after the verb are the
    source, not nothing (a PolNeAR train article)."""
    text = "“Imagine a ferry that runs on time,” mused Harbor Radio co-host Ana Lindqvist. “Not to mention a cheaper one.”"
    first = onrecord.extract(text).attributions[0]
    assert first.source is not None and first.source.of(text) == "Harbor Radio co-host Ana Lindqvist"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param("Judge Ana Lind said the driver had chosen ‘a game of risk over a life’ and told him he had "
                     "caused great harm.", "he had caused great harm", id="act-after-quotation"),
        pytest.param("Ivo Tarn argued that the levy had hurt the small bakers, noting that the council rarely "
                     "consults them.", "that the council rarely consults them", id="participle-of-saying"),
    ],
)
def test_the_speakers_next_act_has_the_first_verbs_source(text: str, content: str, nlp) -> None:
    """The parser hangs the speaker's next act (a participle of saying, a verb of saying after the quotation
    closes) on the reported clause; its subject is the first verb's, not the clause's."""
    found = onrecord.extract(text, settings=Settings(scope="all")).attributions
    (a,) = [a for a in found if a.content.of(text).strip(" .") == content]
    assert a.source is not None and a.source.of(text) in ("Judge Ana Lind", "Ivo Tarn")


_HARBOUR_HISTORY = (
    "The harbour was built in the spring of 1911, when the town still had two ferries and a small fleet of fishing "
    "boats that left before dawn and came back at noon with their catch. For most of the century it was the busiest "
    "place in the valley, with a fish market on the quay, a chandlery, three inns and a boatyard that built wooden "
    "dinghies for families along the whole coast. In the long winters the boats were hauled up the slipway and "
    "painted, and in the summers the rowing crews trained on the calm water inside the breakwater every evening.\n\n"
    "The fishing fleet shrank in the eighties, and the boatyard closed a few years later. The inns became houses, "
    "the market moved inland to a new hall near the station, and the quay was left to the rowers, the anglers and "
    "the tourists who came on the Sunday train to walk along the breakwater and eat chips on the benches. The "
    "north dock, the oldest part of the harbour, was rebuilt twice with money raised at summer fairs, once after "
    "a storm in 1987 and again after a flood in 2003, when the water came up over the quay and into the old inns.\n\n"
    "Today about four hundred people row from the harbour each week, from schoolchildren in their first season to "
    "veterans who have rowed there for fifty years. Crews from the towns along the coast come for the autumn "
    "regatta, which fills the quay with trailers, tents and boats for a whole weekend in October. The dock is also "
    "where the lifeboat crew trains in the winter months, and where the coastguard keeps a small launch for the "
    "days when the sea is too rough for the larger boats that are stationed further along the coast at the point."
)


def test_a_lawsuit_speaks_for_who_sued_and_keeps_that_author_far_on(nlp) -> None:
    """"The club will sue the city ... the lawsuit says": the lawsuit is the club's (the verb for making the
    document); "the filing" just after is the same document; and far further on, past the window in which the
    verb is looked for, "the lawsuit" keeps the author it was found to have (PolNeAR train, part c)."""
    text = (
        "The Lakeview Rowing Club will sue the city of Tarn over the closure of the harbour.\n\n"
        "The dock was closed without any notice to the rowers, the lawsuit says. For instance, the filing cites a "
        "rule that bars boats from the north dock after dark.\n\n"
        f"{_HARBOUR_HISTORY}\n\n"
        "The city has broken its own harbour rules for years, the lawsuit says."
    )
    found = onrecord.extract(text, settings=Settings(scope="all")).attributions
    documents = [a for a in found if a.source is not None and a.source.of(text).lower() in ("the lawsuit", "the filing")]
    assert len(documents) == 3
    assert [a.speaker for a in documents] == ["Lakeview Rowing Club"] * 3
