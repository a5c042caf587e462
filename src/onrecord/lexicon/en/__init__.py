"""English: the word lists of this folder's TOML files, under the names the rules import.

Each name below is one table of ``verbs.toml``, ``nouns.toml``, ``titles.toml``, ``names.toml``,
``pronouns.toml`` or ``channels.toml``; its ``about`` says what it is for. Lists are sets (:class:`WordList`);
``MEDIA_PRIORITY`` keeps its order; the ``*_WORDS``/``*_VERBS`` mappings give a word's channel.
"""

from __future__ import annotations

from onrecord.lexicon import WordList, load

_EN = load("en")

SPEECH_VERBS: WordList = _EN.words("speech_verbs")
BELIEF_VERBS: WordList = _EN.words("belief_verbs")
DOCUMENT_VERBS: WordList = _EN.words("document_verbs")
SPEECH_NOUNS: WordList = _EN.words("speech_nouns")
FINDING_NOUNS: WordList = _EN.words("finding_nouns")
ANONYMOUS_HEADS: WordList = _EN.words("anonymous_heads")
ORGANISATION_HEADS: WordList = _EN.words("organisation_heads")
TITLES: WordList = _EN.words("titles")
PERSON_PRONOUNS: WordList = _EN.words("person_pronouns")
GROUP_PRONOUNS: WordList = _EN.words("group_pronouns")
RELATIVE_PRONOUNS: WordList = _EN.words("relative_pronouns")
DASH_TOKENS: WordList = _EN.words("dash_tokens")
MALE_FIRST_NAMES: WordList = _EN.words("male_first_names")
FEMALE_FIRST_NAMES: WordList = _EN.words("female_first_names")
MEDIUM_WORDS: dict[str, str] = _EN.mapping("medium_words")
MEDIUM_VERBS: dict[str, str] = _EN.mapping("medium_verbs")
MEDIA_PRIORITY: tuple[str, ...] = _EN.words("media_priority").listed
# cues, quotation attachment, transcripts, the cue model (attribution/cues.py, phrases.py, attach.py,
# transcripts.py, cuemodel.py)
FOCUS_ADVERBS: WordList = _EN.words("focus_adverbs")
SENTENCE_CONNECTIVES: WordList = _EN.words("sentence_connectives")
COMPLETING_PREPOSITIONS: WordList = _EN.words("completing_prepositions")
TITLE_MINOR_WORDS: WordList = _EN.words("title_minor_words")
BYLINE_WORDS: WordList = _EN.words("byline_words")
NOT_SPEAKER_LABELS: WordList = _EN.words("not_speaker_labels")
RAISING_VERBS: WordList = _EN.words("raising_verbs")
RAISING_PASSIVE_VERBS: WordList = _EN.words("raising_passive_verbs")
FINDING_VERBS: WordList = _EN.words("finding_verbs")
DOCUMENT_SPEAKERS: WordList = _EN.words("document_speakers")
SPOKESPERSON_NOUNS: WordList = _EN.words("spokesperson_nouns")
CUE_MODEL_DOCUMENT_NOUNS: WordList = _EN.words("cue_model_document_nouns")
CUE_MODEL_PERSON_PRONOUNS: WordList = _EN.words("cue_model_person_pronouns")
# speaker resolution (attribution/resolution/): names.toml, titles.toml, gender.toml, heads.toml, documents.toml,
# phrases.toml
NAME_SUFFIXES: WordList = _EN.words("name_suffixes")
SURNAME_PARTICLES: WordList = _EN.words("surname_particles")
NOT_NAMES: WordList = _EN.words("not_names")
LEGAL_SUFFIXES: WordList = _EN.words("legal_suffixes")
DEPARTMENT_WORDS: WordList = _EN.words("department_words")
ROLE_PREFIXES: WordList = _EN.words("role_prefixes")
ROLE_ABBREVIATIONS: dict[str, str] = _EN.mapping("role_abbreviations")
MALE_PRONOUNS: WordList = _EN.words("male_pronouns")
FEMALE_PRONOUNS: WordList = _EN.words("female_pronouns")
MALE_HONORIFICS: WordList = _EN.words("male_honorifics")
FEMALE_HONORIFICS: WordList = _EN.words("female_honorifics")
GENDERED_ROLES: dict[str, str] = _EN.mapping("gendered_roles")
UNNAMED_HEADS: WordList = _EN.words("unnamed_heads")
GROUP_HEADS: WordList = _EN.words("group_heads")
COLLECTIVE_HEADS: WordList = _EN.words("collective_heads")
QUANTITY_HEADS: WordList = _EN.words("quantity_heads")
GENERIC_ORGANISATION_HEADS: WordList = _EN.words("generic_organisation_heads")
PLACE_HEADS: WordList = _EN.words("place_heads")
DOCUMENT_NOUNS: WordList = _EN.words("document_nouns")
AUTHORING_VERBS: WordList = _EN.words("authoring_verbs")
RECEIVING_VERBS: WordList = _EN.words("receiving_verbs")
CLAUSE_OPENERS: WordList = _EN.words("clause_openers")
GROUP_QUANTIFIERS: WordList = _EN.words("group_quantifiers")
CHANNEL_WORDS_IN_TITLES: WordList = _EN.words("channel_words_in_titles")
OUTLET_HINTS: WordList = _EN.words("outlet_hints")
OUTLET_WORDS: WordList = _EN.words("outlet_words")
REPORTER_ROLES: WordList = _EN.words("reporter_roles")
NOT_FRONTED_CHANNELS: WordList = _EN.words("not_fronted_channels")
NAME_TITLE_WORDS: WordList = _EN.words("name_title_words")
IDENTITY_NAME_SUFFIXES: WordList = _EN.words("identity_name_suffixes")
NOT_NAME_PRONOUNS: WordList = _EN.words("not_name_pronouns")
NOT_NAME_GROUPS: WordList = _EN.words("not_name_groups")
SCORER_TITLES: WordList = _EN.words("scorer_titles")
SCORER_SUFFIXES: WordList = _EN.words("scorer_suffixes")
ORGANISATION_NAME_WORDS: WordList = _EN.words("organisation_name_words")
