"""The record: a persistent store of articles, attributions and speakers linked across articles, and its queries.

    from onrecord.record import open_store, queries

    with open_store("onrecord.db") as store:             # or "postgresql://host/db"
        store.add(onrecord.extract_many(articles))        # already extracted values; no NLP in the store
        hits = queries.search(store, "withdraw troops", speaker="Mark Esper")
        timeline = queries.timeline(store, "Mark Esper")

See docs/store.md for the schema, the URL forms, migrations, merges and splits, and the Label Studio round trip.
"""

from onrecord.record.store import (
    DEFAULT_URL,
    HUMAN,
    AddResult,
    SpeakerRef,
    Store,
    StoreURL,
    content_hash,
    open_store,
    parse_url,
)

__all__ = [
    "DEFAULT_URL",
    "HUMAN",
    "AddResult",
    "SpeakerRef",
    "Store",
    "StoreURL",
    "content_hash",
    "open_store",
    "parse_url",
]
