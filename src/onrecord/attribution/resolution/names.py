"""Names: who a mention refers to (:class:`Speaker`), and the text of a name cleaned and compared.

A person's name is indexed by its surname (titles and suffixes dropped); a short name can refer to a fuller one
when the surnames agree and the first names (or initials) don't conflict.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from onrecord.attribution.arrays import ents_of, ids, one_of, positions, text_of, token_arrays
from onrecord.lexicon.en import (
    COURTESY_TITLES,
    DASH_TOKENS,
    DAY_WORDS,
    FEMALE_FIRST_NAMES,
    FEMALE_HONORIFICS,
    INNER_SURNAME_PARTICLES,
    MALE_FIRST_NAMES,
    MALE_HONORIFICS,
    NAME_ROLES,
    NAME_SUFFIXES,
    NAME_TITLE_WORDS,
    NOT_NAMES,
    ORGANISATION_NAME_ENDINGS,
    POST_NOMINALS,
    SPOKESPERSON_HEADS,
    SURNAME_PARTICLES,
    TITLE_MINOR_WORDS,
    TITLES,
)
from onrecord.types import SpeakerKind


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a source mention refers to."""

    name: str | None
    kind: SpeakerKind
    description: str | None = None

    @property
    def voiced_by_spokesperson(self) -> bool:
        """An organisation's words given by an unnamed spokesperson its description names ("a spokeswoman for the
        Ministry of Health")."""
        return self.kind == "organisation" and self.description is not None and any(
            w in SPOKESPERSON_HEADS for w in self.description.lower().split())


UNKNOWN = Speaker(None, "unknown")

#: Words dropped before a name: titles, and role words written as titles ("Plaintiff Ada Okoro").
LEADING_ROLES = TITLES | NAME_ROLES | COURTESY_TITLES
FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES

#: How the nouns for what a person does mostly end ("mediator", "greenkeeper", "economist", "chairman").
ROLE_ENDINGS = ("or", "er", "ist", "ant", "ent", "ian", "ee", "man", "woman", "ive")
_PARTICLE_IDS = ids(*SURNAME_PARTICLES)
_POSSESSIVE = re.compile(r"(?:['’]s?|\s)+$")
#: Zero-width characters that web pages leave inside names ("Traeger\u200b").
_INVISIBLE = str.maketrans("", "", "\u200b\u200c\u200d\u2060\ufeff\u00ad")
_DATELINE = re.compile(r"^([^-—–]+?)\s+[-—–]{1,2}\s+(?=\S)")


def listed(names: list[str]) -> str:
    """Several speakers as one name, in text order: "A and B", "A, B and C"."""
    return ", ".join(names[:-1]) + " and " + names[-1]


def _unmangled(text: str) -> str:
    """``text`` with UTF-8 read as Windows-1252 undone ("JosÃ© Lind" -> "José Lind", also with the "Ã" decomposed
    into "A" and a combining tilde); as it stands where it is not such text (or is plain ASCII)."""
    if text.isascii():
        return text
    composed = unicodedata.normalize("NFC", text)
    if "Ã" not in composed and "Â" not in composed:
        return text
    try:
        return composed.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text


def clean_name(text: str) -> str:
    """Drop possessives, leading titles and role words and surrounding punctuation: "Sen. Jeff Merkley's" ->
    "Jeff Merkley", "Plaintiff Ada Okoro" -> "Ada Okoro", "Mediator Joan Okafor" -> "Joan Okafor"; a name whose
    UTF-8 letters were read as Windows-1252 ("JosÃ© Lind") is given as written ("José Lind")."""
    text = _POSSESSIVE.sub("", _unmangled(text.translate(_INVISIBLE)).strip().strip(",;:()[]\"“”'’"))
    dateline = _DATELINE.match(text)
    place = dateline.group(1).split(",")[0].replace(".", "").replace(" ", "") if dateline else ""
    if dateline and len(place) >= 3 and place.isupper():
        text = text[dateline.end() :]  # "CLEVELAND - Donald Trump": a dateline the recogniser took in
    words = text.split()
    for k in range(len(words) - 3, -1, -1):
        if words[k].endswith(("’s", "'s", "’", "'")) and all(w[:1].isupper() for w in words[k + 1 :]):
            words = words[k + 1 :]  # "Fox News’ Bret Baier", "Commentary’s Noah Rothman": the outlet's person
            break
    while len(words) > 1 and (words[0].lower() in LEADING_ROLES or words[0].lower().rstrip(".") in LEADING_ROLES
                              or words[0].lower() in DAY_WORDS):
        words.pop(0)  # (and a day the recogniser took in: "On Monday Ana Lind said")
    if len(words) >= 3 and words[1].lower() in FIRST_NAMES and words[0].lower() not in FIRST_NAMES \
            and words[0].lower().endswith((*ROLE_ENDINGS, "ary")):  # (and "Emissary" as a title)
        words.pop(0)  # a role word the lexicon does not list, written as a title: "Mediator Joan Okafor"
    while len(words) > 1 and (words[-1].rstrip(",").isdigit() or words[-1].lower().rstrip(",") in POST_NOMINALS):
        words.pop()  # an age the recogniser took in ("Ana Lind 16" from "Ana Lind, 16,"); an honour ("Ada Okoro QC")
        words[-1] = words[-1].rstrip(",")
    # a team or outlet before the title ("Browns DL Sheldon Richardson", "Leafs forward John Tavares"): the name
    # is what follows the last title word, when two words or more follow it
    for k in range(len(words) - 3, 0, -1):
        if words[k].lower().rstrip(".") in LEADING_ROLES and words[k + 1][:1].isupper():
            return " ".join(words[k + 1 :])
    return " ".join(words)


@functools.lru_cache(maxsize=65536)
def surname(name: str) -> str:
    """The family name a name is indexed by: its last word, a suffix ("Jr.") dropped, lower case."""
    words = [w for w in name.split() if w.lower() not in NAME_SUFFIXES]
    return (words[-1] if words else name).lower().strip(".,")


def initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


@functools.lru_cache(maxsize=65536)
def compatible(short: str, full: str) -> bool:
    """Can ``short`` refer to ``full``? Same surname, and first names (or initials) don't conflict."""
    s, f = short.split(), full.split()
    if surname(short) != surname(full):
        return False
    if len(s) < 2:
        return True
    if len(s) < len(f) and [w.lower() for w in f[-len(s):]] == [w.lower() for w in s] and (
        s[0].lower() in SURNAME_PARTICLES or len(f) >= 3
    ):
        # a surname of several words, alone: with a particle ("Abu Hatab" for "Walid Abu Hatab", "van Dijk"),
        # or the last words of a longer name ("Ruiz Ortega" for "Carmen Ruiz Ortega")
        return True
    first_s, first_f = s[0].lower().rstrip("."), f[0].lower().rstrip(".")
    return first_s == first_f or (len(first_s) == 1 and first_f.startswith(first_s)) or (
        len(first_f) == 1 and first_s.startswith(first_f)
    ) or short_form(first_s, first_f) or short_form(first_f, first_s)


def short_form(short: str, full: str) -> bool:
    """A first name's short form: its start ("Alex", "Alexander") or its end ("Xander", "Alexander")."""
    return len(short) < len(full) and (
        (len(short) >= 3 and full.startswith(short)) or (len(short) >= 4 and full.endswith(short))
    )


def _name_word(tok: Token) -> bool:
    """A title-case proper noun outside any entity that is no title, role or page furniture: a word of a name."""
    word = tok.lower_
    return tok.pos_ == "PROPN" and tok.is_title and not tok.ent_type_ and tok.whitespace_ == " " \
        and word.replace("-", "").replace("'", "").isalpha() and word not in LEADING_ROLES and word not in NOT_NAMES


_HYPHENS = frozenset("-‐‑")


def hyphen_joins(doc: Doc, k: int) -> bool:
    """Is ``doc[k]`` a hyphen joining two capitalised words with no space ("Greaves-Mbeki", "Ashgrove-Diallo"):
    one name the tokenizer cut in three?"""
    return 0 < k < len(doc) - 1 and doc[k].text in _HYPHENS and not doc[k - 1].whitespace_ \
        and not doc[k].whitespace_ and doc[k - 1].text[:1].isupper() and doc[k + 1].text[:1].isupper()


def name_joint(doc: Doc, k: int) -> bool:
    """Does ``doc[k]`` join two words of one name: a hyphen ("Greaves-Mbeki") or a lowercase particle between
    capitalised words ("Ines de Vos")?"""
    return hyphen_joins(doc, k) or (0 < k < len(doc) - 1 and doc[k].is_lower and doc[k].lower_ in SURNAME_PARTICLES
                                    and doc[k - 1].is_title and doc[k + 1].text[:1].isupper())


def hyphen_extent(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Tokens ``start:end`` widened over the hyphenated names they cut ("Greaves" of "Greaves-Mbeki")."""
    while end < len(doc) - 1 and hyphen_joins(doc, end):
        end += 2
    while start > 1 and hyphen_joins(doc, start - 1):
        start -= 2
    return start, end


#: A family name's word written with an initial mutation in lower case, as Irish names are ("tSaoi", "bhFáil").
_MUTATED = re.compile(r"^[a-z]{1,2}[A-ZÀ-Þ][^\W\d_]+$")


#: What the recogniser may take a family name's word for ("Salcedo" of "de la Torre Salcedo": a place).
_FAMILY_ENTS = frozenset({"", "PERSON", "GPE", "LOC", "NORP"})


def _family_word(tok: Token) -> bool:
    return tok.is_alpha and (tok.is_title or bool(_MUTATED.match(tok.text))) and tok.ent_type_ in _FAMILY_ENTS \
        and tok.lower_ not in LEADING_ROLES


def particle_tail(doc: Doc, end: int) -> int:
    """The end of a person's name the recogniser cut inside its family name ("Iain Mac" of "Iain Mac an tSaoi",
    "Ignacio de la" of "Ignacio de la Torre Varela"): over the particles after ``end`` (or that end the name) and
    the one or two words of the family name after them; ``end`` when no particle or no family name is there."""
    k, cut = end, doc[end - 1].lower_ in SURNAME_PARTICLES
    while k < len(doc) and not doc[k].is_upper and doc[k - 1].whitespace_ == " " and (
            doc[k].lower_ in SURNAME_PARTICLES or ((k > end or cut) and doc[k].lower_ in INNER_SURNAME_PARTICLES)):
        k += 1
    if k == end and not cut:
        return end
    stop = k
    while stop < min(len(doc), k + 2) and doc[stop - 1].whitespace_ == " " and _family_word(doc[stop]):
        stop += 1
    return hyphen_extent(doc, stop - 1, stop)[1] if stop > k else end


def title_case_line(doc: Doc, i: int) -> bool:
    """Is the line of ``doc[i]`` written in title case, as a headline is: four words or more, every one
    capitalised but the short ones a title leaves in lower case ("Another Party Figure Backs Ana Lind")?"""
    start, end = i, i + 1
    while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    while end < len(doc) and "\n" not in doc[end].text and "\n" not in doc[end - 1].whitespace_:
        end += 1
    words = [t for t in doc[start:end] if t.is_alpha]
    return len(words) >= 4 and all(t.text[:1].isupper() or t.lower_ in TITLE_MINOR_WORDS for t in words)


def name_extent(ent: Span) -> tuple[int, int]:
    """A person entity's tokens with the words of its name the recogniser left out: the words compounded before
    it ("Carmen" of "Carmen Ruiz Ortega", tagged "Ruiz Ortega"; not an abbreviation: "D-Conn. Schumer"), and the
    surname after a lone first name ("Lind" of "Ana Lind", tagged "Ana"): a full name is never cut short to its
    last words or to its first name; nor to one part of a hyphenated name. Not in a title-case line (a headline,
    "Another Party Figure Backs Ana Lind"), where capitals say nothing of where a name starts."""
    doc = ent.doc
    start, end = hyphen_extent(doc, ent.start, particle_tail(doc, ent.end))
    headline = start > 0 and _name_word(doc[start - 1]) and title_case_line(doc, ent.start)
    while not headline and start > max(0, ent.start - 2) and _name_word(doc[start - 1]) \
            and doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i < end:
        start -= 1
    first = doc[start]
    if end - start == 1 and end < len(doc) and first.dep_ == "compound" and first.head.i == end \
            and first.lower_ in FIRST_NAMES and first.whitespace_ == " " and _name_word(doc[end]):
        end += 1
    return start, end


def person_name(ent: Span) -> str:
    """A person entity's name: the last line of it, without a headline's verbs ("Lind Says" -> "Lind", "Will Lind
    Be Next" -> "Lind"), with the words of the name the recogniser left out (:func:`name_extent`)."""
    start, end = name_extent(ent)
    while end > start + 1 and ent.doc[end - 1].pos_ in ("VERB", "AUX"):
        end -= 1
    while start < end - 1 and ent.doc[start].pos_ in ("VERB", "AUX"):
        start += 1  # "Rip Ana Lind" in a headline
    end = next((k for k in range(start + 1, end) if ent.doc[k].pos_ == "AUX"), end)  # "Will Lind Be Next?"
    for k in range(start + 2, end - 1):
        if ent.doc[k].text in DASH_TOKENS and ent.doc[k - 1].whitespace_ and ent.doc[k].whitespace_:
            end = k  # "Ana Lind - Tarn's partner": a dash apposition the recogniser ran into the name
            break
    return clean_name(last_line(ent.doc[start:end].text))


def last_line(text: str) -> str:
    """A name the recogniser ran over a line break ("Lind\n\nLind") is the one on the last line."""
    return text.rsplit("\n", 1)[-1] if "\n" in text.strip() else text


def name_like(name: str) -> bool:
    """Could the words be a person's name (not "The Long Road", not "Photo Credit")? A family name alone may open
    with its lower-case particles ("van der Hoeven", "bin Salleh")."""
    words = name.split()
    opening = words[0][:1].isupper() if words else False
    if words and not opening and words[0] in SURNAME_PARTICLES:  # ("van der Hoeven": the capitalised name after)
        rest = list(itertools.dropwhile(lambda w: w in SURNAME_PARTICLES or w in INNER_SURNAME_PARTICLES, words))
        opening = bool(rest) and all(w[:1].isupper() for w in rest)
    return bool(words) and any(c.isalpha() for c in name) and not all(w.lower() in NOT_NAMES for w in words) \
        and opening and words[0] != "The"  # "The Long Road": a title, not a person


def strip_det(text: str) -> str:
    """The words without a possessive and a leading article ("the Harbour Commission's" -> "Harbour Commission")."""
    text = _POSSESSIVE.sub("", text.strip())
    for det in ("the ", "The ", "a ", "an ", "A ", "An "):
        if text.startswith(det):
            return text[len(det) :]
    return text


def org_text(ent: Span) -> str:
    """An organisation's name: determiner and possessive dropped, a local's number kept ("Local 832"), a short form
    in parentheses the recogniser ran into it left out ("Lakeview Transit Authority (Laketrans" -> the name)."""
    doc = ent.doc
    if len(ent) > 2 and ent[-2].text == "(":
        ent = doc[ent.start : ent.end - 2]
    text = strip_det(ent.text)
    if ent.end < len(doc) and doc[ent.end].like_num and doc[ent.end - 1].whitespace_ == " " and \
            len(doc[ent.end].text) <= 4 and not doc[ent.end].text.startswith(("19", "20")):
        text = f"{text} {doc[ent.end].text}"
    return text


def past_title_stop(doc: Doc, start: int) -> int:
    """``start``, or one token before it when that is the lone full stop the tokenizer split from a courtesy title
    it does not know as an abbreviation ("Smt" "." "Ana Lind"): where the titles before a name end."""
    return start - 1 if start > 1 and doc[start - 1].text == "." and doc[start - 2].lower_ in COURTESY_TITLES \
        else start


def honorific_gender(doc: Doc, start: int) -> str | None:
    """"m" or "f" when the name starting at token ``start`` has an honorific (Mr., Mrs., Ms., Miss) before or at
    its start, or before the titles before it ("Mr Justice Ivo Tarn"); the tokenizer's full stop after one it does
    not know as an abbreviation ("Smt" "." "Ana Lind") skipped."""
    start = past_title_stop(doc, start)
    k = start - 1
    while k > 0 and doc[k].lower_ in TITLES and doc[k].is_title and doc[k].lower_ not in MALE_HONORIFICS \
            and doc[k].lower_ not in FEMALE_HONORIFICS and start - k < 3:
        k -= 1
    n = len(doc)  # (the tokens of doc[k : k + 1] and doc[start - 1 : start + 1], built one at a time: no slices)
    for i in (*range(max(0, k), min(k + 1, n)), *range(max(0, start - 1), min(start + 1, n))):
        word = doc[i].lower_
        if word in MALE_HONORIFICS:
            return "m"
        if word in FEMALE_HONORIFICS:
            return "f"
    return None


def titled_name(doc: Doc, ent: Span) -> bool:
    """Is an organisation the recogniser found a person's name after a title ("Mayor Gwen Talbot-Ames" tagged
    "Talbot-Ames", an organisation): capitalised words, perhaps joined by hyphens, with a first name outside it
    and a title or role word before that, or a title and a first name opening it?"""
    if len(ent) > 5 or not all(t.is_title or hyphen_joins(doc, t.i) for t in ent):
        return False
    if len(ent) >= 3 and ent[0].lower_.rstrip(".") in LEADING_ROLES and listed_first_name(ent[1]):
        return True  # the title inside it: "Coroner Aoife Ní Bhriain"
    k = ent.start - 1
    while k > 0 and doc[k].pos_ == "PROPN" and doc[k].is_title and doc[k].ent_type_ == "" and ent.start - k <= 2 \
            and doc[k].lower_.rstrip(".") not in LEADING_ROLES:
        k -= 1
    return k < ent.start - 1 and doc[k].lower_.rstrip(".") in LEADING_ROLES and doc[k].is_title


def who_follows_name(doc: Doc, ent: Span) -> bool:
    """Is an organisation the recogniser found a person's name with "who" after it ("Marketa Dvorakova, who
    chairs the committee, said"): two or three capitalised words, the first a first name of nomquamgender's
    list, the last no organisation's name ending?"""
    # (a lowercase particle inside the name: "Pieter van der Berg, who ...")
    inner = [t for t in ent[1:-1] if not (t.lower_ in SURNAME_PARTICLES and t.is_lower)]
    words = [ent[0], *inner, ent[-1]]
    if not 2 <= len(words) <= 3 or not all(t.pos_ == "PROPN" and t.is_title for t in words) or len(ent) > 5 \
            or ent.end + 1 >= len(doc):
        return False
    if doc[ent.end].text != "," or doc[ent.end + 1].lower_ != "who" or ent[-1].lower_ in ORGANISATION_NAME_ENDINGS:
        return False
    return listed_first_name(ent[0])


def double_first_name(ent: Span) -> bool:
    """Is an entity the recogniser labelled an organisation a person's name with a hyphenated first name of two
    first names ("Mary-Kate Lind", "Jean-Luc Tarn")? Both on nomquamgender's list, one on the short lists, one
    family name after, no organisation's name ending."""
    doc = ent.doc
    if len(ent) != 4 or not hyphen_joins(doc, ent.start + 1) or ent[-1].lower_ in ORGANISATION_NAME_ENDINGS:
        return False
    first, second, family = ent[0], ent[2], ent[3]
    return family.pos_ == "PROPN" and family.text[:1].isupper() and listed_first_name(first) \
        and listed_first_name(second) and (first.lower_ in FIRST_NAMES or second.lower_ in FIRST_NAMES)


def listed_first_name(tok: Token) -> bool:
    """Is the word a first name of nomquamgender's list ("Marketa", "Lorcan")?"""
    from onrecord.provenance.gender import first_names  # (its list is read once, when first needed)

    return tok.lower_ in first_names()


#: How sure the first-name list must be to give a person a gender the article does not: uncertainty (0.5 - |0.5 -
#: P(woman)|) at most this ("Priscilla" 0.99, "Colm" 0.00; not "Guadalupe" 0.89, a man in a PolNeAR story).
LISTED_GENDER_THRESHOLD = 0.03


def listed_gender(name: str) -> str | None:
    """"m" or "f" when the first name of ``name`` (titles and roles before it skipped: "Sergeant Rukhsana Mirza")
    is near certain on nomquamgender's list, else None."""
    bare = " ".join(w for w in name.split() if w.lower().rstrip(".") not in NAME_TITLE_WORDS)
    return leaning_gender(bare, LISTED_GENDER_THRESHOLD)


def leaning_gender(name: str, threshold: float) -> str | None:
    """"m" or "f" where nomquamgender's list gives the first word of ``name`` one gender with an uncertainty
    (0.5 - |0.5 - P(woman)|) of at most ``threshold``, else None."""
    from onrecord.provenance.gender import first_name_call  # (its list is read once, when first needed)

    label = first_name_call(name, threshold=threshold).label
    return "m" if label == "man" else "f" if label == "woman" else None


def shared_family_name(ent: Span) -> str | None:
    """A first name alone joined to a full name by "and" shares its family name: "Daniel and Rosa Whitcombe"
    are Daniel Whitcombe and Rosa Whitcombe (the recogniser gives "Daniel" alone)."""
    doc = ent.doc
    if len(ent) != 1 or ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "and" or ent[0].lower_ not in FIRST_NAMES:
        return None
    if doc[ent.end + 1].ent_iob_ != "B" or doc[ent.end + 1].ent_type_ != "PERSON":
        return None
    other = next(e for e in ents_of(doc) if e.start == ent.end + 1)
    words = person_name(other).split()
    return f"{ent.text} {' '.join(words[1:])}" if len(words) >= 2 and words[0].lower() in FIRST_NAMES else None


def particle_names(doc: Doc) -> list[tuple[int, str]]:
    """(token, name) of each full name with a lowercase particle that the recogniser cut in two ("Pieter ter
    Horst": "Pieter" and "Horst"): a known first name, particles ("ter", "van der", "de la"), a capitalised family
    name, none of it inside a longer person entity. Only the particles' tokens are looked at."""
    out = []
    particles = positions(one_of(token_arrays(doc).lower, _PARTICLE_IDS))
    for p in particles:
        tok = doc[p - 1] if p > 0 else None
        if tok is None or p - 1 in particles or not (tok.is_title and tok.i + 2 < len(doc)):
            continue
        k = tok.i + 1
        while k < len(doc) - 1 and doc[k].is_lower and (doc[k].lower_ in SURNAME_PARTICLES or (
                k > tok.i + 1 and doc[k].lower_ in INNER_SURNAME_PARTICLES)):  # ("de los Reyes", "van der Berg")
            k += 1
        end = hyphen_extent(doc, k, k + 1)[1]  # a hyphenated family name whole: "de la Haye-Bello"
        while end + 2 < len(doc) and doc[end].text in _HYPHENS and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].lower_ in SURNAME_PARTICLES and doc[end + 2].is_title:
            end = hyphen_extent(doc, end + 2, end + 3)[1]  # and its second part's particle: "de la Cruz-van Dijk"
        # a known first name, or a proper noun before a double-barrelled family name ("Ines de Vos-Tarn")
        first = tok.lower_ in FIRST_NAMES or tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and (
            end > k + 1 or (k > tok.i + 2 and listed_first_name(tok))))  # (or two particles: "Ana de los Reyes")
        last = doc[end - 1]
        whole = last.ent_iob_ == "I" and last.ent_type_ == "PERSON"  # (the recogniser took it whole already)
        if first and k > tok.i + 1 and doc[k].is_title and doc[k].is_alpha and not whole:
            out.append((tok.i, doc[tok.i : end].text))
    return out


#: A first name, a nickname in quotation marks, a family name: 'Ana "Sparky" Lind', "Ivo “Buzz” Tarn-Okoro".
_PARTICLES = "|".join(re.escape(p) for p in sorted(SURNAME_PARTICLES))
_NICKNAMED = re.compile(r"\b([A-Z][a-z]+) [\"“‘']([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?)[\"”’'] "
                        r"((?:(?:" + _PARTICLES + r") )*[A-Z][\w'’]+(?:-[A-Z][\w'’]+)*)")


#: A nickname given before a family name: 'Known to everyone as "Lenny," Ashby played ...'.
_KNOWN_AS = re.compile(r"\b[Kk]nown (?:to [^,.;:\"“”]{1,40} )?as [\"“‘']([A-Z][\w.'’-]*)[,.]?[\"”’'],? "
                       r"((?:(?:" + _PARTICLES + r") )*[A-Z][\w'’]+(?:-[A-Z][\w'’]+)*)")


#: A nickname given after the full name, as copy introduces an alias: 'Ivo Tarnescu, the hacker known as "Zorbix,"'
#: 'Ana Lind, also known as "Sparky".'
_KNOWN_AS_AFTER = re.compile(r"\b([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3}), (?:(?:the|a|an) )?(?:[a-z][\w-]* ){0,3}"
                             r"(?:(?:also|better) )?known as [\"“‘']?([A-Z][\w'’-]*)[,.]?[\"”’']?[,.;]")


def nicknamed_names(doc: Doc) -> tuple[list[tuple[int, str]], dict[str, str]]:
    """Full names written with a nickname, in one pass over the text.

    Returns (token, name) of each full name with a nickname in quotation marks between its first and family names
    ('Ana "Sparky" Lind' -> "Ana Lind": the recogniser cuts it up, or takes the family name alone for an
    organisation), and the name each nickname stands for, written inside the name ("sparky" -> "Ana Lind") or
    before the family name ('Known to all as "Lenny," Ashby ...': "lenny" -> "Ashby") or after the full name ('Ivo
    Tarnescu, the hacker known as "Zorbix,"': "zorbix" -> "Ivo Tarnescu"), so that the nickname alone names the
    person later ("Lenny said", and "Hacker Zorbix" of a headline: see ArticleIndex.fullest)."""
    text = text_of(doc)
    names: list[tuple[int, str]] = []
    aliases = {m.group(1).lower(): m.group(2) for m in _KNOWN_AS.finditer(text)}
    if "known as" in text:  # (a cheap gate: the pattern is rare)
        aliases.update({m.group(2).lower(): m.group(1) for m in _KNOWN_AS_AFTER.finditer(text)})
    for m in _NICKNAMED.finditer(text):
        full = f"{m.group(1)} {m.group(3)}"
        aliases[m.group(2).lower()] = full
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None and span[0].pos_ == "PROPN":
            names.append((span.start, full))
    return names, aliases


#: A text given as taken from someone's book: "an excerpt from author X's new book" in its opening lines, "From TITLE
#: by X." as its closing line.
_EXCERPT_LEAD = re.compile(
    r"\b(?:[Ee]xcerpt(?:s|ed)?|[Aa]dapted)\b[^\n]{0,160}?((?:[A-Z][^\s,.;:]*\s+){1,3}[A-Z][^\s,.;:]*?)['’]s\b")
_EXCERPT_TAIL = re.compile(
    r"^(?:Excerpted |Adapted )?[Ff]rom\b[^\n]{1,160}?\bby ((?:[A-Z][^\s,.;:]*\s+){1,3}[A-Z][^\s,.;:]*)[.,]")


def excerpt_author(opening: str, closing_line: str) -> str | None:
    """The author of a book a text says it is an excerpt of, by its opening lines or its closing line; None if it
    says no such thing."""
    found = _EXCERPT_LEAD.search(opening) or _EXCERPT_TAIL.search(closing_line)
    return found.group(1) if found else None
