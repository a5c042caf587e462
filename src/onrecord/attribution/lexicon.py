"""Word lists the rules read, hand-written. What else introduces attributed content is learned: see
:mod:`onrecord.attribution.cuemodel`."""

from __future__ import annotations

#: Verbs of saying: their clause complement is what was said.
SPEECH_VERBS = frozenset(
    """say tell add write tweet post state declare announce explain note insist argue claim assert maintain
    warn caution urge predict promise pledge vow vouch acknowledge admit concede confirm deny reply respond
    retort answer ask question wonder inquire suggest propose recommend contend counter complain lament
    boast brag joke quip remark comment observe mention report reveal disclose testify recall recount point
    describe characterize call label dub reiterate repeat stress emphasize emphasise underscore highlight
    point continue conclude concur agree disagree dispute allege accuse charge blame criticize criticise
    praise thank apologize apologise threaten demand order instruct advise inform assure reassure remind
    acknowledge concede caution exclaim shout yell scream whisper mutter cry
    chant sing preach proclaim pronounce affirm aver opine posit theorize theorise speculate estimate
    forecast project guess reckon surmise tout hail defend dismiss reject rebut refute slam blast attack
    decry denounce condemn lambaste mock ridicule deride scoff quote blurt gush marvel sigh laugh chuckle muse
    snap growl bark murmur venture interject plead beg recount relate confide volunteer sniff shrug""".split()
)

#: Verbs of thinking, believing, wanting: PolNeAR counts them as attributions of kind "belief".
BELIEF_VERBS = frozenset(
    """think believe feel know hope fear worry expect doubt suspect assume presume consider consider figure
    reckon understand realize realise recognize recognise want wish prefer intend plan decide agree
    see view regard imagine suppose trust suspect conclude""".split()
)

#: Verbs whose subject is a document or study ("the report found that ...").
DOCUMENT_VERBS = frozenset("find show suggest indicate reveal read conclude estimate say state note".split())

#: Nouns that introduce content ("Trump's warning that ...", "the claim that ...").
SPEECH_NOUNS = frozenset(
    """warning statement claim claims assertion remark remarks comment comments promise pledge vow threat
    announcement allegation allegations accusation accusations insistence argument suggestion prediction
    admission denial testimony assurance assurances belief view fear hope concern concerns message
    declaration proposal demand call contention charge charges""".split()
)

#: Findings' sources that a fronted "In ...," can cite ("In the latest poll, Clinton leads by five points").
FINDING_NOUNS = frozenset("poll polls survey surveys study studies report reports analysis audit census data".split())

#: Words around a cue that name the channel a statement came through.
MEDIUM_WORDS: dict[str, str] = {
    # posts
    "tweet": "post", "tweets": "post", "tweeted": "post", "retweeted": "post", "twitter": "post",
    "post": "post", "posted": "post", "posts": "post", "facebook": "post", "instagram": "post",
    "x.com": "post", "threads": "post", "tiktok": "post", "blog": "post", "livestream": "post",
    # letters and messages
    "letter": "letter", "letters": "letter", "memo": "document", "memorandum": "document", "email": "letter",
    "e-mail": "letter", "note": "letter", "op-ed": "document", "column": "document", "essay": "document",
    # statements
    "statement": "statement", "statements": "statement", "release": "statement", "communique": "statement",
    "communiqué": "statement", "spokesperson": "statement", "spokesman": "statement", "spokeswoman": "statement",
    # remarks
    "reporters": "remarks", "journalists": "remarks", "remarks": "remarks", "speech": "remarks",
    "rally": "remarks", "crowd": "remarks", "audience": "remarks", "supporters": "remarks", "event": "remarks",
    "hearing": "remarks", "debate": "remarks", "podcast": "interview", "broadcast": "remarks",
    # interviews
    "interview": "interview", "interviews": "interview", "interviewed": "interview",
    # press conferences
    "conference": "press_conference", "briefing": "press_conference", "presser": "press_conference",
    # court filings
    "filing": "court_filing", "filings": "court_filing", "court": "court_filing", "lawsuit": "court_filing",
    "complaint": "court_filing", "affidavit": "court_filing", "indictment": "court_filing", "motion": "court_filing",
    "testimony": "court_filing", "ruling": "court_filing", "judgment": "court_filing", "brief": "court_filing",
    # documents
    "report": "document", "study": "document", "document": "document", "documents": "document",
    "survey": "document", "poll": "document", "analysis": "document", "filed": "court_filing",
    "wrote": "document", "writes": "document", "write": "document", "written": "document",
}

#: When several channel words occur around a cue, the most specific wins.
MEDIA_PRIORITY = (
    "court_filing", "letter", "post", "press_conference", "interview", "statement", "remarks", "document",
    "unknown",
)

#: Verbs whose lemma alone fixes the channel.
MEDIUM_VERBS: dict[str, str] = {"tweet": "post", "post": "post", "retweet": "post", "write": "document",
                                "testify": "court_filing"}

#: Titles and roles dropped from names ("Defense Secretary Mark Esper" -> "Mark Esper").
TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady sen sen. senator rep rep.
    representative gov gov. governor president vice prime minister premier chancellor secretary
    general gen gen. lt lt. col col. maj maj. capt capt. sgt sgt. cpl cpl. pvt pvt. adm adm. brig brig.
    cmdr cmdr. commander chief officer director mayor councillor councilor alderman judge justice
    attorney ambassador king queen prince princess pope rev rev. reverend father sister brother bishop
    cardinal rabbi imam sheikh speaker leader chair chairman chairwoman chairperson ceo cfo coo spokesman
    spokeswoman spokesperson minister mp mla mpp deputy assistant associate acting former interim
    defense defence foreign finance health state interior justice homeland labor labour treasury
    education energy transportation agriculture commerce veterans affairs housing environment
    u.s. us federal provincial national senior junior dean sheriff constable inspector superintendent
    detective officer trooper coach manager executive founder co-founder owner host anchor correspondent
    reporter editor columnist analyst economist professor researcher scientist doctor nurse lawyer
    supervisor councilman councilwoman councilmember commissioner assemblyman assemblywoman
    assemblymember congressman congresswoman congressmember delegate trustee treasurer comptroller
    controller auditor clerk magistrate marshal warden selectman selectwoman
    qb rb wr ol dl lb cb dt fb quarterback linebacker receiver cornerback safety tackle forward striker
    midfielder goalkeeper goaltender goalie defenceman defenseman winger pitcher shortstop outfielder infielder
    skipper captain""".split()
)

#: Person nouns that mark an unnamed source ("a senior official", "two people familiar with the matter").
ANONYMOUS_HEADS = frozenset(
    """official officials source sources person people aide aides adviser advisers advisor advisors insider
    insiders staffer staffers diplomat diplomats officer officers analyst analysts expert experts observer
    observers witness witnesses resident residents member members employee employees worker workers
    executive executives lawmaker lawmakers legislator legislators investigator investigators
    spokesperson spokesman spokeswoman representative representatives critic critics supporter supporters
    opponent opponents activist activists leader leaders voter voters someone somebody one man woman men
    women neighbour neighbor neighbours neighbors friend friends relative relatives student students
    teacher teachers doctor doctors nurse nurses scientist scientists researcher researchers economist
    economists lawyer lawyers attorney attorneys""".split()
)

#: Nouns that make an organisation speaker ("the ministry", "police").
ORGANISATION_HEADS = frozenset(
    """ministry department government administration agency police company firm campaign committee
    commission council board court office bureau authority authorities army military navy pentagon
    party parliament congress senate house union association federation organization organisation
    group coalition team club bank service services university school hospital newspaper paper network
    station magazine outlet agency regulator watchdog prosecutors prosecution embassy consulate
    cabinet secretariat foundation institute centre center city county province state country district
    corporation airline retailer manufacturer operator utility utilities force forces
    railway railroad carrier chain insurer lender automaker broadcaster publisher developer diocese church
    charity journal tabloid publication""".split()
)

#: Pronouns that refer back to a person speaker.
PERSON_PRONOUNS = frozenset("he she him her his hers".split())
GROUP_PRONOUNS = frozenset("they them it we i you".split())
RELATIVE_PRONOUNS = frozenset("who which that whom".split())
#: Dash tokens that set off a dateline or an aside ("LAKEVIEW - Ana Lind", "Ana Lind - Tarn's partner -").
DASH_TOKENS = frozenset({"-", "—", "–", "--"})

#: Common first names that mark a man or a woman: weak evidence for pronoun resolution when the article itself
#: gives none (no honorific, no he/she after the name). Names used for both (Jordan, Kim, Pat ...) are left out.
MALE_FIRST_NAMES = frozenset(
    """aaron adam adrian ahmed alan albert alexander alfred ali andre andrew angus anthony antonio arnold arthur
    barry ben benjamin bernard bill billy bob bobby boris brad bradley brandon brendan brett brian bruce bryan
    calvin carl carlos charles charlie christopher clarence clifford colin craig curtis dale dan daniel darren
    dave david dean dennis derek donald douglas doug duncan dustin dylan earl eddie edward elijah elliot emmanuel
    eric ernest ethan eugene evan frank fred frederick gary gavin geoffrey george gerald gilbert glen glenn
    gordon graham greg gregory harold harry harvey hector henry howard hugh ian isaac ivan jack jacob jake james
    jason jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john johnny jon jonathan jose joseph joshua
    juan justin keith kenneth kevin kyle larry lawrence leonard leon liam louis luke malcolm marc marcus mario mark
    martin matthew max michael mike mitch mitchell mohammed muhammad nathan neil nicholas nick noah norman oliver
    omar oscar patrick paul pedro peter philip phillip ralph randy raymond ricardo richard rick rob robert roger
    ronald ross roy russell ryan samuel scott sean sergei seth shane simon stanley stephen steve steven stuart ted
    terrence thomas timothy tim todd tom tony travis trevor tyler victor vincent vladimir walter wayne william
    xavier zachary
    aidan alec alex allan alvin andy angelo antoine arturo austin barack barney bart benny bernie blake brent brock
    bruno byron caleb cameron carter cecil cedric chad chris christian chuck clark clay clint cody cole connor corey
    cory darrell darryl denis desmond devin dominic don donnie drew dwayne dwight ed edgar edwin eli elliott emil
    enrique erik ernie felix fernando floyd francis francisco franklin gabriel garrett gene gil grant gus hank hans
    herbert herman hunter irving jackson jaime jared javier jay jeb jed jeremiah joaquin joey jorge julian julius
    karl ken kenny kirk kurt lance leo lester lewis lloyd lorenzo lucas luis manuel marco marshall marvin mason
    mathew maurice melvin miguel miles milton mitt morris ned nelson newt nigel noel orlando otto pablo perry pete
    phil preston quentin rafael rahm ramon rand randall raul reggie reince rex ricky roberto rod rodney roland ron
    ronnie rory rudy rupert sam sammy sanjay sergio sid sidney spencer stan sterling theodore tobias troy vernon vince
    wade wallace warren wesley wilbur will willie winston wolfgang zach""".split()
)
FEMALE_FIRST_NAMES = frozenset(
    """abigail ada alice alicia alison allison amanda amber amy ana andrea angela anita ann anna anne annie
    barbara beatrice betty beverly brenda bridget carmen carol caroline carolyn catherine cathy charlotte cheryl
    christina christine cindy claire clara claudia colleen cynthia deborah debbie debra denise diana diane donna
    doris dorothy eileen elaine eleanor elena elizabeth ellen emily emma erica erin esther eva evelyn fiona
    florence frances gabriela gail gloria grace hannah heather helen holly irene isabel jacqueline jane janet
    janice jennifer jessica jill joan joanne josephine joyce judith judy julia julie karen katherine kathleen
    kathryn kathy katie kelly kimberly kristen laura lauren linda lisa lois lori louise lucy lynn margaret maria
    marie marilyn martha mary megan melanie melissa michelle monica nancy natalie nicole nina olivia pamela
    patricia paula pauline rachel rebecca rita rose ruth sabrina sally samantha sandra sara sarah sharon shirley
    sophia sophie stephanie susan suzanne tamara teresa theresa tina valerie vanessa victoria virginia wendy
    agnes alexandra alexis alyssa angelica annette april ashley audrey bella bonnie brittany brooke camille candace
    carla carly carrie cassandra celia chantal chloe christy chrystia connie courtney crystal daisy dana danielle
    daphne dawn delia dolores edith elisa eliza elise ella emilia faith felicia gabrielle genevieve georgia gina gwen
    harriet hazel heidi hillary hilary ingrid iris isabella ivanka jackie jacinda jade jasmine jean jeanne jenna jenny
    joanna jody joy juliet june justine kamala kara karina kate katrina kay kayla kellyanne kelsey kendra kim kirsten
    krista kristin kristina krystal kyrsten lana leah lena leslie lila lillian lily liz lorena lorraine lucia luisa
    lydia mabel madeleine madison mandy marcia margo marian marina marion marisa marsha maureen maxine maya melania
    melinda meredith miranda miriam molly mona nadia naomi natasha nikki nora norah olga paige patty peggy penny
    phoebe phyllis polly priya rachael raquel regina renee roberta rosa rosalind rosemary roxanne ruby sadie selena
    serena shannon sheila shelley simone sonia sonya stacey stacy stella sue susie sylvia tammy tanya tara tiffany
    toni tracey tracy trudy ursula vera veronica vicki vivian wanda whitney yolanda yvette yvonne zoe""".split()
)
