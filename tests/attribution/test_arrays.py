"""The token arrays the passes over a whole Doc read: the same answers as the token-by-token tests they replace."""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from onrecord.attribution.arrays import ents_of, ids, one_of, set_ents, shared, text_of, token_arrays

WORDS = ["Ana", "Lind", "said", "the", "ferries", "Says", "and", "Ivo", "Tarn", "SAID", "."]
LEMMAS = ["Ana", "Lind", "say", "the", "ferry", "Say", "and", "Ivo", "Tarn", "SAY", "."]


def test_one_of_is_isin_for_few_and_many_ids() -> None:
    values = ids(*WORDS)
    for wanted in ([], ["said"], ["said", "Tarn", "absent"], WORDS + [f"w{k}" for k in range(20)],
                   WORDS + [f"w{k}" for k in range(40)]):
        expected = np.isin(values, ids(*wanted))
        assert one_of(values, ids(*wanted)).tolist() == expected.tolist()


def test_lemma_in_reads_each_token_lemma() -> None:
    doc = Doc(Vocab(), words=WORDS, lemmas=LEMMAS)
    arrays = token_arrays(doc)
    assert arrays.lemma_in(["say"]).tolist() == [lem.lower() == "say" for lem in LEMMAS]
    assert arrays.lemma_in(["say"], lower=False).tolist() == [lem == "say" for lem in LEMMAS]
    assert arrays.lemma_in(["ferry", "tarn"]).tolist() == [lem.lower() in ("ferry", "tarn") for lem in LEMMAS]
    assert arrays.lemma_in(["absent"]).tolist() == [False] * len(WORDS)


def test_text_of_is_read_once_per_shared_block() -> None:
    doc = Doc(Vocab(), words=WORDS)
    assert text_of(doc) == doc.text
    with shared(doc):
        first = text_of(doc)
        assert first == doc.text and text_of(doc) is first  # (the same string: not joined again)


def test_ents_of_is_each_docs_own_and_follows_set_ents() -> None:
    # two documents with the same words and different entities, in one process: neither's memo answers the other
    vocab = Vocab()
    one = Doc(vocab, words=WORDS, ents=["B-PERSON", "I-PERSON", *["O"] * 5, "B-PERSON", "I-PERSON", "O", "O"])
    two = Doc(vocab, words=WORDS, ents=["B-ORG", "I-ORG", *["O"] * 9])
    seen = []
    for doc in (one, two, one):
        with shared(doc):
            first = ents_of(doc)
            assert first == doc.ents and ents_of(doc) is first  # (the same tuple: not built again)
            seen.append([(e.start, e.end, e.label_) for e in first])
            set_ents(doc, [Span(doc, 7, 9, label="ORG")])  # (as the resolver corrects the entities for a while)
            assert [(e.start, e.end, e.label_) for e in ents_of(doc)] == [(7, 9, "ORG")]
            set_ents(doc, first)
            assert ents_of(doc) == first
    assert seen == [[(0, 2, "PERSON"), (7, 9, "PERSON")], [(0, 2, "ORG")], [(0, 2, "PERSON"), (7, 9, "PERSON")]]
    assert ents_of(two) == two.ents  # (outside a block: read as they are)


SENTENCES = ["Ana", "Lind", "said", "so", ".", "Ivo", "Tarn", "agreed", ".", "\n\n", "Nobody", "else", "spoke", "."]
STARTS = [True, False, False, False, False, True, False, False, False, None, True, False, False, False]


def test_sentences_are_looked_up_inside_a_shared_block() -> None:
    doc = Doc(Vocab(), words=SENTENCES, sent_starts=STARTS)
    spans = [(a, b) for a in range(len(doc) + 1) for b in range(a, len(doc) + 1)]
    want_tokens = [(t.sent.start, t.sent.end) for t in doc]
    want_spans = [(doc[a:b].sent.start, doc[a:b].sent.end) for a, b in spans]
    with shared(doc):
        assert "sent" in doc.user_token_hooks and "sent" in doc.user_span_hooks
        assert [(t.sent.start, t.sent.end) for t in doc] == want_tokens
        assert [(doc[a:b].sent.start, doc[a:b].sent.end) for a, b in spans] == want_spans
        part = doc[5:12].as_doc()  # (it shares the Doc's hooks: spaCy's walk over its own tokens)
        got_part = [(t.sent.start, t.sent.end) for t in part]
    assert "sent" not in doc.user_token_hooks and "sent" not in doc.user_span_hooks
    assert got_part == [(t.sent.start, t.sent.end) for t in part] == [(0, 5)] * 5 + [(5, 7)] * 2


def test_a_doc_without_sentence_starts_gets_no_hooks() -> None:
    doc = Doc(Vocab(), words=WORDS)
    with shared(doc):
        assert "sent" not in doc.user_token_hooks
