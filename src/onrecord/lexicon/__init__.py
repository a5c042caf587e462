"""Every word list the rules read, one set of data files per language.

A language is a folder of TOML files (``lexicon/en/verbs.toml``, ``nouns.toml``, ``names.toml`` ...); each table
in them is one list::

    [speech_verbs]
    about = "Verbs of saying: their clause complement is what was said."
    words = "say tell add ..."
    left_out = "..."              # optional: words deliberately not listed (a test holds the list to it)
    disjoint = ["belief_verbs"]   # optional: lists that must share no word with this one

or one mapping (``[medium_words.map]``, word = value). A list's name is unique across a language's files.
``tests/lexicon/test_lexicon.py`` fails on a word listed twice in one list, a word both listed and declared
left out, and a word shared by two lists declared disjoint. Adding a language is adding its folder: the loader
and the checks are the same. The rules read English through :mod:`onrecord.lexicon.en`.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

__all__ = ["Lexicon", "LexiconError", "WordList", "load"]


class LexiconError(ValueError):
    """A lexicon file that does not have the shape above (a bug in the package's data, not in the input)."""


class WordList(frozenset[str]):
    """A set of words with what it is for, and the words deliberately left out of it."""

    name: str
    about: str
    left_out: frozenset[str]
    disjoint: tuple[str, ...]
    listed: tuple[str, ...]  # the words as written, repeats included (for the checks)

    def __new__(
        cls, name: str, words: list[str], *, about: str, left_out: frozenset[str] = frozenset(),
        disjoint: tuple[str, ...] = (),
    ) -> WordList:
        made = super().__new__(cls, words)
        made.name = name
        made.about = about
        made.left_out = left_out
        made.disjoint = disjoint
        made.listed = tuple(words)
        return made


@dataclass(frozen=True)
class Lexicon:
    """One language's word lists (:class:`WordList`) and mappings (word -> value), by name."""

    language: str
    lists: dict[str, WordList] = field(default_factory=dict)
    maps: dict[str, dict[str, str]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # list or map name -> the file that defines it

    def words(self, name: str) -> WordList:
        try:
            return self.lists[name]
        except KeyError:
            raise LexiconError(f"lexicon {self.language!r} has no word list {name!r}") from None

    def mapping(self, name: str) -> dict[str, str]:
        try:
            return dict(self.maps[name])
        except KeyError:
            raise LexiconError(f"lexicon {self.language!r} has no mapping {name!r}") from None


def _split(value: Any, where: str) -> list[str]:
    if not isinstance(value, str):
        raise LexiconError(f"{where}: expected a string of words separated by spaces")
    return value.split()


def _read(lexicon: Lexicon, filename: str, data: dict[str, Any]) -> None:
    for name, table in data.items():
        where = f"{lexicon.language}/{filename} [{name}]"
        if name in lexicon.files:
            raise LexiconError(f"{where}: already defined in {lexicon.files[name]}")
        if not isinstance(table, dict) or not isinstance(table.get("about"), str):
            raise LexiconError(f"{where}: a table with an 'about' string and 'words' or 'map'")
        lexicon.files[name] = filename
        if "map" in table:
            mapping = table["map"]
            if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
                raise LexiconError(f"{where}: 'map' must map words to strings")
            lexicon.maps[name] = {str(k): str(v) for k, v in mapping.items()}
            continue
        disjoint = table.get("disjoint", [])
        if not isinstance(disjoint, list) or not all(isinstance(d, str) for d in disjoint):
            raise LexiconError(f"{where}: 'disjoint' must be a list of list names")
        lexicon.lists[name] = WordList(
            name, _split(table.get("words"), where), about=table["about"],
            left_out=frozenset(_split(table.get("left_out", ""), where)), disjoint=tuple(disjoint),
        )


@functools.cache
def load(language: str = "en") -> Lexicon:
    """The word lists of ``language`` (a folder of this package)."""
    folder = resources.files(__name__).joinpath(language)
    if not folder.is_dir():
        raise LexiconError(f"no lexicon for language {language!r}")
    lexicon = Lexicon(language)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            try:
                data = tomllib.loads(entry.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise LexiconError(f"{language}/{entry.name}: {exc}") from None
            _read(lexicon, entry.name, data)
    for wl in lexicon.lists.values():
        unknown = [d for d in wl.disjoint if d not in lexicon.lists]
        if unknown:
            raise LexiconError(f"{language}: list {wl.name!r} is declared disjoint from unknown lists {unknown}")
    return lexicon
