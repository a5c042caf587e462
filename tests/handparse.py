"""Hand-built parses for rule tests: the rules are tested, not the statistical parser.

    doc = parse("Brun said it.", '''
        0 Brun PROPN NNP nsubj 1 Brun B-PERSON
        1 said VERB  VBD ROOT  1 say
        2 it   PRON  PRP dobj  1 it
        3 .    PUNCT .   punct 1 .
    ''')
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

VOCAB = spacy.blank("en").vocab


def parse(text: str, table: str, *, vocab: Vocab = VOCAB) -> Doc:
    """A Doc for ``text`` from a hand-written parse, one token a line: ``index word POS TAG dep head lemma [ENT]``.

    Heads are absolute token indices, ENT an IOB tag (``B-PERSON``; ``O`` when left out), ``\\n`` a newline in a
    word. The single space after a token is read off ``text``, and the Doc's text must come out equal to it.
    """
    rows = [[cell.replace("\\n", "\n") for cell in line.split()] for line in table.splitlines() if line.strip()]
    assert [int(r[0]) for r in rows] == list(range(len(rows))), "token indices out of order"
    words, spaces, at = [r[1] for r in rows], [], 0
    for k, word in enumerate(words):
        assert text.startswith(word, at), f"token {k} {word!r} is not at offset {at}"
        at += len(word)
        spaces.append(text.startswith(" ", at))
        at += spaces[-1]
    doc = Doc(
        vocab, words=words, spaces=spaces, pos=[r[2] for r in rows], tags=[r[3] for r in rows],
        deps=[r[4] for r in rows], heads=[int(r[5]) for r in rows], lemmas=[r[6] for r in rows],
        ents=[r[7] if len(r) > 7 else "O" for r in rows],
    )
    assert doc.text == text
    return doc
