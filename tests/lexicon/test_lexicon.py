"""The lexicon's data holds to its own declarations, for every language folder."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

import onrecord.lexicon as lexicon_pkg
from onrecord.lexicon import Lexicon, LexiconError, WordList, load

LANGUAGES = sorted(
    p.name for p in resources.files(lexicon_pkg.__name__).iterdir() if p.is_dir() and not p.name.startswith("_")
)
SOURCES = Path(lexicon_pkg.__file__).parent


def _lists() -> list[tuple[str, WordList]]:
    return [(lang, wl) for lang in LANGUAGES for wl in load(lang).lists.values()]


def test_there_is_an_english_lexicon() -> None:
    assert "en" in LANGUAGES
    assert "say" in load("en").words("speech_verbs")


@pytest.mark.parametrize(("language", "wl"), _lists(), ids=lambda v: getattr(v, "name", v))
def test_no_word_is_listed_twice(language: str, wl: WordList) -> None:
    repeats = sorted({w for w in wl.listed if wl.listed.count(w) > 1})
    assert not repeats, f"{language}: {wl.name} lists {repeats} more than once"


@pytest.mark.parametrize(("language", "wl"), _lists(), ids=lambda v: getattr(v, "name", v))
def test_no_word_is_both_listed_and_left_out(language: str, wl: WordList) -> None:
    both = sorted(wl & wl.left_out)
    assert not both, f"{language}: {wl.name} says it leaves out {both} but lists them"


@pytest.mark.parametrize(("language", "wl"), _lists(), ids=lambda v: getattr(v, "name", v))
def test_disjoint_lists_share_no_word(language: str, wl: WordList) -> None:
    lex = load(language)
    for other in wl.disjoint:
        shared = sorted(wl & lex.words(other))
        assert not shared, f"{language}: {wl.name} and {other} are declared disjoint but share {shared}"


@pytest.mark.parametrize(("language", "wl"), _lists(), ids=lambda v: getattr(v, "name", v))
def test_every_list_says_what_it_is_for(language: str, wl: WordList) -> None:
    assert len(wl.about) > 20, f"{language}: {wl.name} needs an 'about'"
    assert all(w == w.strip() and w for w in wl.listed)


def test_a_comment_in_the_data_files_does_not_name_a_left_out_word_that_is_listed() -> None:
    """Free-text notes ("names used for both, such as Kim, are left out") must agree with the lists: a word an
    'about' says is left out is declared in ``left_out``."""
    for language in LANGUAGES:
        lex = load(language)
        for wl in lex.lists.values():
            m = re.search(r"left out[^.]*\(([^)]*)\)", wl.about)
            if m:
                named = {w.strip(" .").lower() for w in m.group(1).split(",")}
                assert named <= set(wl.left_out), (wl.name, named - set(wl.left_out))


def test_no_python_module_under_src_defines_its_own_word_list_of_the_lexicon() -> None:
    """Lists of the lexicon are read from it: a list with the same words defined again in code is a fork."""
    lex = load("en")
    src = SOURCES.parent
    big = {name: wl for name, wl in lex.lists.items() if len(wl) >= 8}
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for found in re.finditer(r'frozenset\(\s*"""(.*?)"""', text, re.S):
            words = set(found.group(1).split())
            for name, wl in big.items():
                assert not (len(words & wl) >= 0.8 * len(wl)), f"{path.name} repeats the lexicon's {name}"


def test_a_malformed_file_is_a_clear_error(tmp_path: Path) -> None:
    from onrecord.lexicon import _read

    with pytest.raises(LexiconError, match=r"xx/bad.toml \[oops\]"):
        _read(Lexicon("xx"), "bad.toml", {"oops": {"words": "a b"}})
    lex = Lexicon("xx")
    _read(lex, "a.toml", {"one": {"about": "the first list of words", "words": "a b"}})
    with pytest.raises(LexiconError, match=r"already defined in a\.toml"):
        _read(lex, "b.toml", {"one": {"about": "the first list of words", "words": "c"}})
    with pytest.raises(LexiconError, match="no lexicon for language"):
        load("zz")
