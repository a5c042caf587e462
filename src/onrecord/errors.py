"""Errors raised by the library. Each carries the document it concerns and the reason;
the CLI (and later the web layer) translates them into messages and exit codes."""

from __future__ import annotations


class OnrecordError(Exception):
    """Base class. ``document`` names the input (path, path:line, or id) when known."""

    def __init__(self, reason: str, *, document: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.document = document

    def __str__(self) -> str:
        return f"{self.document}: {self.reason}" if self.document else self.reason


class InputError(OnrecordError):
    """A document could not be read or is unusable (empty, binary, undecodable, too large, not JSON...)."""


class EmptyDocumentError(InputError):
    """The document has no text to read."""


class DocumentTooLargeError(InputError):
    """The document exceeds the configured size limit."""


class DocumentTimeoutError(InputError):
    """The document took longer than the configured time cap (``Settings.doc_timeout``) and was left out."""

    code = "timeout"


class NoArticleError(InputError):
    """An HTML page from which no article text could be extracted."""


class ExtractionError(OnrecordError):
    """Extraction failed inside onrecord on one document (a defect: the reason names the exception). The other
    documents of the batch are still processed."""


class ModelError(OnrecordError):
    """The spaCy model is missing or cannot be loaded."""


class TaggerUnavailable(ModelError):
    """The accurate mode was asked for but its packages (the ``accurate`` extra) or its weights are missing."""


class GoldFormatError(OnrecordError):
    """A gold-standard file does not follow ../shared/data/FORMAT.md."""


class StoreError(OnrecordError):
    """The record store cannot be opened or used (bad URL, missing directory, server unreachable ...);
    ``document`` names the store."""


class StoreFault(StoreError):
    """The store itself failed (disk full, an I/O error, a lost server connection, a lock not released in time):
    no fault of the article being stored, and the next one would fail the same way, so a batch stops at the first
    one; what was committed before it is kept and a rerun finishes the work. A :class:`StoreError` that is not a
    fault is the store refusing one article's data (a value too long, an invalid character): the others go on."""


class NotFoundError(OnrecordError):
    """A thing asked for by name or id is not in the store (an unknown speaker, article or attribution)."""


class LabelFileError(OnrecordError):
    """A Label Studio file to import is malformed; ``document`` names the file and the reason says where."""
