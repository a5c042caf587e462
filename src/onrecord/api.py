"""The public entry points: extract one article, or many in a batch."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from onrecord import __version__
from onrecord.errors import DocumentTooLargeError, EmptyDocumentError, ExtractionError, OnrecordError
from onrecord.settings import DEFAULT, Settings
from onrecord.types import Article, Extraction


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
    Raises :class:`onrecord.errors.InputError` for an empty or oversized document, and
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
    """Extract from many articles with one batched pass of spaCy, in input order.

    A bad article never stops the batch: with ``on_error="yield"`` its error is yielded in its place;
    with ``on_error="raise"`` the first error is raised. Docs are converted to plain records inside
    spaCy's memory zone, so memory stays flat over long runs.
    """
    from onrecord.nlp import load_pipeline

    nlp = load_pipeline(settings)
    model = f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
    if settings.mode == "accurate":
        model += "+role_tagger"
    buffer: list[Article] = []

    def flush() -> Iterator[Extraction | OnrecordError]:
        with nlp.memory_zone():
            for art, doc in zip(buffer, nlp.pipe((a.text for a in buffer), batch_size=settings.batch_size), strict=True):
                if doc._.attribution_error is not None:
                    failure = ExtractionError(f"extraction failed: {doc._.attribution_error}", document=art.id)
                    if on_error == "raise":
                        raise failure
                    yield failure
                    continue
                attributions = tuple(
                    a for a in doc._.attributions if a.confidence >= settings.min_confidence
                )
                yield Extraction(
                    article=art,
                    attributions=attributions,
                    skipped=tuple(doc._.attribution_skipped),
                    pipeline_version=__version__,
                    model=model,
                )
        buffer.clear()

    for article in articles:
        try:
            _check(article, settings)
        except OnrecordError as exc:
            # keep input order: flush what is pending, then report this one
            yield from _emit(flush(), progress)
            if on_error == "raise":
                raise
            if progress:
                progress(1)
            yield exc
            continue
        buffer.append(article)
        if len(buffer) >= settings.batch_size:
            yield from _emit(flush(), progress)
    yield from _emit(flush(), progress)


def _emit(
    items: Iterable[Extraction | OnrecordError], progress: Callable[[int], None] | None
) -> Iterator[Extraction | OnrecordError]:
    for item in items:
        if progress:
            progress(1)
        yield item
