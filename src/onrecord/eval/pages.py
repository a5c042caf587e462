"""Gold lines anchored on a saved news page instead of carrying its text.

The real pages of ``../shared/data/html`` belong to their publishers: a gold file in this repository may hold
offsets, types and speaker names, never the words. Such a line names the page (``file``) and the SHA-256 of the
text onrecord's HTML reader takes from it (``text_sha256``); :func:`with_page_text` reads the page again at scoring
time and refuses it, naming the page, when the reader now gives a different text (the offsets would point at other
words).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from onrecord.errors import GoldFormatError, OnrecordError
from onrecord.eval.corpora import shared_data_dir

#: The folder of saved pages, under the shared data folder.
PAGES = "html"


def page_text(file: str, *, where: str) -> str:
    """The article text onrecord's HTML reader takes from the saved page ``file`` (``.html`` or ``.html.gz``)."""
    from onrecord.ingest.readers import read_html

    root = shared_data_dir()
    if root is None:
        raise GoldFormatError(f"the saved page {file!r} needs the shared data folder, which is absent", document=where)
    path = root / PAGES / file
    if Path(file).name != file or not path.is_file():
        raise GoldFormatError(f"the saved page {file!r} is not in {root / PAGES}", document=where)
    try:  # (read_html reads the path itself: a ".gz" page decompressed, with the ingest's size and bomb guards)
        return read_html(path, name=file).text
    except OnrecordError as exc:
        raise GoldFormatError(f"the saved page {file!r} gives no text: {exc.reason}", document=where) from exc


def with_page_text(doc: dict[str, Any], *, where: str) -> dict[str, Any]:
    """``doc`` with its ``text`` read from the page it names; unchanged when it carries a text or names none."""
    file = doc.get("file")
    if "text" in doc or file is None:
        return doc
    if not isinstance(file, str) or not isinstance(doc.get("text_sha256"), str):
        raise GoldFormatError("a gold line naming a page needs 'file' and 'text_sha256' strings", document=where)
    text = page_text(file, where=where)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest != doc["text_sha256"]:
        raise GoldFormatError(
            f"the text read from {file!r} is not the annotated one (sha256 {digest[:12]}…, gold "
            f"{doc['text_sha256'][:12]}…): the HTML reader's output changed, so the offsets no longer fit",
            document=where,
        )
    return {**doc, "text": text}


__all__ = ["PAGES", "page_text", "with_page_text"]
