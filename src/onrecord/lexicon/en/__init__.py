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
