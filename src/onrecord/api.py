"""The public entry points: extract one article, or many in a batch."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from onrecord import __version__
from onrecord.deadline import DocumentTimeout, deadline
from onrecord.errors import (
    DocumentTimeoutError,
    DocumentTooLargeError,
    EmptyDocumentError,
    ExtractionError,
    OnrecordError,
)
from onrecord.settings import DEFAULT, Settings
from onrecord.types import Article, Extraction

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

Result = Extraction | OnrecordError

#: The pipeline's own component (run document by document, each under its time cap); the model's components run
#: on batches.
_ATTRIBUTION = "onrecord_attribution"
#: An estimate of spaCy's tokens, to fill batches before tokenizing: a word, or one other character.
_TOKENISH = re.compile(r"\w+|[^\w\s]")


def _check(article: Article, settings: Settings) -> None:
    name = article.id or "<text>"
    if not article.text or not article.text.strip():
        raise EmptyDocumentError("document is empty (no text to read)", document=name)
    if len(article.text) > settings.max_chars:
        raise DocumentTooLargeError(
            f"document has {len(article.text):,} characters, over the limit of {settings.max_chars:,}"
            " (settings.max_chars)",
            document=name,
        )


def extract(text: str, *, settings: Settings = DEFAULT, **meta: str | None) -> Extraction:
    """Find every attribution in ``text``.

    ``meta`` may give ``id``, ``title``, ``outlet``, ``url``, ``published`` and ``author``.
    Raises :class:`onrecord.errors.InputError` for an empty or oversized document or one over the time cap, and
    :class:`onrecord.errors.ExtractionError` when extraction fails inside onrecord.
    """
    article = Article(text=text, **meta)
    (result,) = extract_many([article], settings=settings, on_error="raise")
    assert isinstance(result, Extraction)
    return result


def extract_many(
    articles: Iterable[Article],
    *,
    settings: Settings = DEFAULT,
    on_error: str = "yield",
    progress: Callable[[int], None] | None = None,
) -> Iterator[Extraction | OnrecordError]:
    """Extract from many articles with batched passes of spaCy, in input order.

    A bad article never stops the batch: with ``on_error="yield"`` its error is yielded in its place;
    with ``on_error="raise"`` the first error is raised.

    Bounds (the same for every command, see :mod:`onrecord.nlp.guard`): a document over ``settings.max_chars`` is
    refused; one that takes longer than ``settings.doc_timeout`` seconds is left out with a
    :class:`~onrecord.errors.DocumentTimeoutError` and the others are extracted as usual; a batch holds at most
    ``settings.batch_size`` documents and :data:`onrecord.nlp.guard.BATCH_TOKENS` tokens, and a longer document is
    parsed in parts of at most that many tokens. Docs are converted to plain records inside spaCy's memory zone,
    so memory stays flat over long runs.
    """
    from onrecord.nlp import load_pipeline
    from onrecord.nlp.guard import BATCH_TOKENS

    nlp = load_pipeline(settings)
    batches = _Batches(nlp, settings, _model_id(nlp, settings))
    buffer: list[Article] = []
    tokens = 0

    def emit(results: Iterable[Result]) -> Iterator[Result]:
        for result in results:
            if isinstance(result, OnrecordError) and on_error == "raise":
                raise result
            if progress:
                progress(1)
            yield result

    for article in articles:
        try:
            _check(article, settings)
        except OnrecordError as exc:
            # keep input order: what is pending first, then this one
            yield from emit(batches.run(buffer))
            buffer, tokens = [], 0
            yield from emit([exc])
            continue
        estimate = sum(1 for _ in _TOKENISH.finditer(article.text))
        if buffer and (len(buffer) >= settings.batch_size or tokens + estimate > BATCH_TOKENS):
            yield from emit(batches.run(buffer))
            buffer, tokens = [], 0
        buffer.append(article)
        tokens += estimate
    yield from emit(batches.run(buffer))


class ExtractorId(NamedTuple):
    """What an extraction records of what made it (:attr:`Extraction.pipeline_version`, :attr:`Extraction.model`)."""

    pipeline_version: str
    model: str


def extractor_id(settings: Settings = DEFAULT) -> ExtractorId:
    """The pipeline version and model that extractions with ``settings`` record, without extracting anything
    (``onrecord reprocess`` finds the stored articles extracted by another). Loads the pipeline, once per process
    as :func:`extract_many` does."""
    from onrecord.nlp import load_pipeline

    return ExtractorId(__version__, _model_id(load_pipeline(settings), settings))


def _model_id(nlp: Language, settings: Settings) -> str:
    """The spaCy model's language, name and version, with ``+role_tagger`` in the accurate mode."""
    model = f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
    if settings.mode == "accurate":
        model += "+role_tagger"
    return model


class _Batches:
    """Runs one batch of articles through the pipeline under the time cap (see :func:`extract_many`).

    Each article is tokenized under its own cap. The model's components then run on the batch (at most
    ``BATCH_TOKENS`` tokens) under the caps of all its articles together; should that run out, or fail, each
    article is tokenized and parsed again alone, so only the culprit is left out. A longer document is parsed part
    by part. Then the attribution rules run on each document under what is left of its cap (its tokenizing and
    its share of the parsing count).
    """

    def __init__(self, nlp: Language, settings: Settings, model: str) -> None:
        self.nlp = nlp
        self.settings = settings
        self.model = model
        self.cap = settings.doc_timeout
        self.attribution = nlp.get_pipe(_ATTRIBUTION)

    def run(self, articles: list[Article]) -> list[Result]:
        if not articles:
            return []
        from onrecord.nlp.guard import BATCH_TOKENS

        results: list[Result | None] = [None] * len(articles)
        spent = [0.0] * len(articles)
        with self.nlp.memory_zone():
            docs: dict[int, Doc] = {}
            for i, art in enumerate(articles):
                doc = self._timed(i, spent, partial(self.nlp.make_doc, art.text), art, "tokenizing", results)
                if doc is not None:
                    docs[i] = doc
            short = [i for i in docs if len(docs[i]) <= BATCH_TOKENS]
            parsed = dict(zip(short, self._parse_batch([docs[i] for i in short], spent, short), strict=True))
            for i in list(docs):
                if parsed.get(i) is not None:
                    done = parsed[i]
                elif i in parsed:  # the batch failed or ran out of time: this one alone, from its text again
                    done = self._timed(i, spent, partial(self._parse_text, articles[i].text), articles[i],
                                       "parsing", results)
                else:  # long: part by part
                    done = self._timed(i, spent, partial(self._parse_long, docs[i]), articles[i], "parsing",
                                       results)
                if done is not None:
                    done = self._timed(i, spent, partial(self.attribution, done), articles[i], "extraction",
                                       results)
                if done is not None:
                    results[i] = self._record(articles[i], done)
        return [r for r in results if r is not None]

    def _timed(self, i: int, spent: list[float], work: Callable[[], Doc], article: Article, stage: str,
               results: list[Result | None]) -> Doc | None:
        """``work()`` under what is left of article ``i``'s cap; on running out or failing, its error goes to
        ``results[i]`` and None is returned."""
        left = self.cap - spent[i] if self.cap else 0.0
        started = time.perf_counter()
        timer = None
        try:
            if self.cap and left <= 0:
                raise _OutOfTime
            with deadline(left) as timer:
                return work()
        except DocumentTimeout:
            if timer is None or not timer.expired:
                raise  # an enclosing cap's, not ours
            results[i] = self._timeout(article, stage)
        except _OutOfTime:
            results[i] = self._timeout(article, stage)
        except Exception as exc:  # noqa: BLE001 -- one bad document never stops the batch; the reason is kept
            results[i] = ExtractionError(f"{stage} failed: {type(exc).__name__}: {exc}", document=article.id)
        finally:
            spent[i] += time.perf_counter() - started
        return None

    def _timeout(self, article: Article, stage: str) -> DocumentTimeoutError:
        return DocumentTimeoutError(
            f"{stage} took longer than the time cap of {self.cap:g} s (settings.doc_timeout)",
            document=article.id or "<text>",
        )

    def _parse_batch(self, docs: list[Doc], spent: list[float], index: list[int]) -> list[Doc | None]:
        """The model's components over ``docs`` at once, under the cap of all of them together; each document is
        charged its share of the time, by tokens. None for every document when the batch ran out of time or
        failed: then nothing is charged, and each is parsed again alone, with its own cap."""
        if not docs:
            return []
        started = time.perf_counter()
        timer = None
        try:
            with deadline(self.cap * len(docs)) as timer:
                parsed: list[Doc | None] = list(self.nlp.pipe(docs, batch_size=len(docs), disable=[_ATTRIBUTION]))
        except DocumentTimeout:
            if timer is None or not timer.expired:
                raise
            return [None] * len(docs)
        except Exception:  # noqa: BLE001 -- redone one by one, so that only the culprit is left out
            return [None] * len(docs)
        elapsed = time.perf_counter() - started
        tokens = sum(len(doc) for doc in docs) or 1
        for i, doc in zip(index, docs, strict=True):
            spent[i] += elapsed * len(doc) / tokens
        return parsed

    def _parse(self, doc: Doc) -> Doc:
        (parsed,) = self.nlp.pipe([doc], batch_size=1, disable=[_ATTRIBUTION])
        return parsed

    def _parse_text(self, text: str) -> Doc:
        return self._parse(self.nlp.make_doc(text))

    def _parse_long(self, doc: Doc) -> Doc:
        """The model's components over a long document part by part (at most ``BATCH_TOKENS`` tokens each, cut
        at paragraph or sentence boundaries), joined again into one Doc."""
        from spacy.tokens import Doc

        from onrecord.nlp.guard import parts

        parsed = [self._parse(doc[start:end].as_doc()) for start, end in parts(doc)]
        joined = Doc.from_docs(parsed, ensure_whitespace=False,  # type: ignore[call-arg]  # (doc.pyi lacks it)
                               exclude=["tensor", "user_data"])
        joined._.left_out = doc._.left_out
        return joined

    def _record(self, article: Article, doc: Doc) -> Result:
        if doc._.onrecord_error is not None:
            return ExtractionError(f"extraction failed: {doc._.onrecord_error}", document=article.id)
        attributions = tuple(a for a in doc._.onrecord_attributions if a.confidence >= self.settings.min_confidence)
        provenance = None
        if self.settings.provenance:
            from onrecord.provenance import analyse

            provenance = analyse(doc, article, attributions)
        return Extraction(
            article=article,
            attributions=attributions,
            skipped=tuple(doc._.onrecord_skipped),
            pipeline_version=__version__,
            model=self.model,
            provenance=provenance,
        )


class _OutOfTime(Exception):
    """An article's cap was spent before this stage began."""
