"""Named migrations, one list per backend, applied in order and recorded in the ``migrations`` table.

A migration is never edited once released: a change to the schema is a new, named entry at the end. Opening a
store applies the ones it lacks, inside one transaction, under a lock so that two processes opening a new store
at once do not both apply them (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: a transaction-level advisory lock).
"""

from __future__ import annotations

Migration = tuple[str, tuple[str, ...]]

_SQLITE_TABLES = (
    """CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        doc_id TEXT,
        url TEXT UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT, outlet TEXT, author TEXT,
        published TEXT,
        published_on TEXT,
        text TEXT NOT NULL,
        skipped TEXT NOT NULL DEFAULT '[]',
        pipeline_version TEXT NOT NULL,
        model TEXT NOT NULL,
        human_reviewed INTEGER NOT NULL DEFAULT 0,
        ingested_at TEXT NOT NULL,
        extracted_at TEXT NOT NULL
    )""",
    "CREATE INDEX articles_outlet_published ON articles (outlet, published_on)",
    "CREATE INDEX articles_published ON articles (published_on)",
    """CREATE TABLE speakers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        first TEXT,
        last TEXT,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX speakers_surname ON speakers (kind, last)",
    """CREATE TABLE speaker_aliases (
        key TEXT PRIMARY KEY,
        speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
        alias TEXT NOT NULL
    )""",
    "CREATE INDEX speaker_aliases_speaker ON speaker_aliases (speaker_id)",
    """CREATE TABLE attributions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,
        source_start INTEGER, source_end INTEGER,
        cue_start INTEGER, cue_end INTEGER,
        content_text TEXT NOT NULL,
        source_text TEXT, cue_text TEXT,
        speaker TEXT,
        speaker_kind TEXT NOT NULL,
        speaker_description TEXT,
        speaker_key TEXT,
        speaker_id INTEGER REFERENCES speakers (id) ON DELETE SET NULL,
        type TEXT NOT NULL, medium TEXT NOT NULL, cue_kind TEXT NOT NULL,
        via TEXT NOT NULL DEFAULT '[]',
        confidence REAL NOT NULL,
        pipeline_version TEXT NOT NULL,
        model TEXT NOT NULL,
        human_corrected INTEGER NOT NULL DEFAULT 0,
        published_on TEXT,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX attributions_article ON attributions (article_id, ordinal)",
    "CREATE INDEX attributions_speaker ON attributions (speaker_id, published_on)",
    "CREATE INDEX attributions_speaker_key ON attributions (speaker_key)",
    """CREATE TABLE speaker_overrides (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
)

_SQLITE_FTS = (
    """CREATE VIRTUAL TABLE attributions_fts USING fts5 (
        content_text, content='attributions', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER attributions_fts_insert AFTER INSERT ON attributions BEGIN
        INSERT INTO attributions_fts (rowid, content_text) VALUES (new.id, new.content_text);
    END""",
    """CREATE TRIGGER attributions_fts_delete AFTER DELETE ON attributions BEGIN
        INSERT INTO attributions_fts (attributions_fts, rowid, content_text)
        VALUES ('delete', old.id, old.content_text);
    END""",
    """CREATE TRIGGER attributions_fts_update AFTER UPDATE OF content_text ON attributions BEGIN
        INSERT INTO attributions_fts (attributions_fts, rowid, content_text)
        VALUES ('delete', old.id, old.content_text);
        INSERT INTO attributions_fts (rowid, content_text) VALUES (new.id, new.content_text);
    END""",
)

#: One speaker record per identity key, so that two ingests linking the same new name at once create one record.
_SPEAKER_KEY_UNIQUE = ("CREATE UNIQUE INDEX speakers_key ON speakers (key)",)

#: Each attribution's quoted parts (``Attribution.quoted``): JSON ``[[start, end], ...]`` as ``via`` is; rows stored
#: before it read as nothing quoted.
_ATTRIBUTION_QUOTED = ("ALTER TABLE attributions ADD COLUMN quoted TEXT NOT NULL DEFAULT '[]'",)


def _provenance(big: str) -> tuple[str, ...]:
    """Provenance (onrecord.provenance): each attribution's claim as JSON (``Claim.to_dict()`` with the document
    whose words it gives), the subject keys of the claims (to find the statements of other articles on one
    subject), and the flags, recomputed from them (never hand-edited; kept apart from ``speaker_overrides``).
    ``big`` is the backend's integer type for ids. Every column that points at a row is indexed, so that deleting
    an article or its attributions (reprocess) finds its claims and flags without a scan."""
    ref = f"{big} REFERENCES attributions (id) ON DELETE CASCADE"
    return (
        f"""CREATE TABLE claims (
        attribution_id {big} NOT NULL PRIMARY KEY REFERENCES attributions (id) ON DELETE CASCADE,
        data TEXT NOT NULL
    )""",
        f"""CREATE TABLE claim_keys (
        key TEXT NOT NULL,
        attribution_id {ref} NOT NULL,
        PRIMARY KEY (key, attribution_id)
    )""",
        "CREATE INDEX claim_keys_attribution ON claim_keys (attribution_id)",
        f"""CREATE TABLE flags (
        id {"INTEGER PRIMARY KEY" if big == "INTEGER" else "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
        kind TEXT NOT NULL,
        rating TEXT,
        subject TEXT NOT NULL,
        reason TEXT NOT NULL,
        speaker TEXT,
        other TEXT,
        a_attribution_id {ref},
        b_attribution_id {ref},
        article_id {big} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
        # one flag per kind and pair of statements, whoever computes it (a rerun, two writers)
        "CREATE UNIQUE INDEX flags_pair ON flags (kind, a_attribution_id, b_attribution_id)",
        "CREATE INDEX flags_b ON flags (b_attribution_id)",
        "CREATE INDEX flags_article ON flags (article_id)",
        "CREATE INDEX flags_kind ON flags (kind, id)",
    )


def _families(big: str) -> tuple[str, ...]:
    """Quote families (onrecord.analysis.families): one row per family of the store's quotations with its root and
    figures (``data``: ``Family.to_dict()``), one row per member (an attribution's quoted part) with how it differs
    from the root. Rebuilt whole from the stored quotations (record/families.py), never edited by hand."""
    return (
        f"""CREATE TABLE quote_families (
        id {"INTEGER PRIMARY KEY" if big == "INTEGER" else "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
        root_attribution_id {big} NOT NULL REFERENCES attributions (id) ON DELETE CASCADE,
        root_part INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT,
        size INTEGER NOT NULL,
        outlets INTEGER NOT NULL,
        first_published TEXT,
        dangerous INTEGER NOT NULL,
        data TEXT NOT NULL,
        UNIQUE (root_attribution_id, root_part)
    )""",
        "CREATE INDEX quote_families_size ON quote_families (size, id)",
        f"""CREATE TABLE quote_members (
        attribution_id {big} NOT NULL REFERENCES attributions (id) ON DELETE CASCADE,
        part INTEGER NOT NULL,
        family_id {big} NOT NULL REFERENCES quote_families (id) ON DELETE CASCADE,
        changes TEXT NOT NULL,
        dangerous TEXT NOT NULL,
        PRIMARY KEY (attribution_id, part)
    )""",
        "CREATE INDEX quote_members_family ON quote_members (family_id)",
    )


def _sourcing_gender(big: str) -> tuple[str, ...]:
    """How each attribution is sourced (``attributions.sourcing``: ``Sourcing.to_dict()`` as JSON, NULL when not
    computed), each person speaker's gender as one article shows it (``speaker_genders``, joined to the speaker
    through the article's attributions, so merges and splits carry it), and a gender set by hand
    (``speakers.gender``, recorded in ``speaker_overrides`` so that it survives reprocessing)."""
    return (
        "ALTER TABLE attributions ADD COLUMN sourcing TEXT",
        f"""CREATE TABLE speaker_genders (
        article_id {big} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        label TEXT NOT NULL,
        basis TEXT NOT NULL,
        evidence TEXT NOT NULL,
        PRIMARY KEY (article_id, name)
    )""",
        "ALTER TABLE speakers ADD COLUMN gender TEXT",
    )


SQLITE: tuple[Migration, ...] = (
    ("0001_articles_attributions_speakers", _SQLITE_TABLES),
    ("0002_fulltext_fts5", _SQLITE_FTS),
    ("0003_speaker_key_unique", _SPEAKER_KEY_UNIQUE),
    ("0004_attributions_quoted", _ATTRIBUTION_QUOTED),
    ("0005_provenance_claims_flags", _provenance("INTEGER")),
    ("0006_quote_families", _families("INTEGER")),
    ("0007_sourcing_gender", _sourcing_gender("INTEGER")),
)


def _postgres(statement: str) -> str:
    return statement.replace("INTEGER PRIMARY KEY", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY") \
                    .replace("INTEGER NOT NULL REFERENCES", "BIGINT NOT NULL REFERENCES") \
                    .replace("INTEGER REFERENCES", "BIGINT REFERENCES") \
                    .replace("REAL NOT NULL", "DOUBLE PRECISION NOT NULL")


POSTGRES: tuple[Migration, ...] = (
    ("0001_articles_attributions_speakers", tuple(_postgres(s) for s in _SQLITE_TABLES)),
    ("0002_fulltext_tsvector", (
        "ALTER TABLE attributions ADD COLUMN content_tsv tsvector "
        "GENERATED ALWAYS AS (to_tsvector('english', content_text)) STORED",
        "CREATE INDEX attributions_content_tsv ON attributions USING GIN (content_tsv)",
    )),
    ("0003_speaker_key_unique", _SPEAKER_KEY_UNIQUE),
    # a btree index entry holds at most about 2,700 bytes: a longer URL was refused and its article lost. URLs are
    # unique by their md5 instead, and found with a hash index (which stores a 4-byte hash of any length of value)
    ("0004_article_url_hash", (
        "ALTER TABLE articles DROP CONSTRAINT articles_url_key",
        "CREATE UNIQUE INDEX articles_url_md5 ON articles (md5(url))",
        "CREATE INDEX articles_url_hash ON articles USING hash (url)",
    )),
    ("0005_attributions_quoted", _ATTRIBUTION_QUOTED),
    ("0006_provenance_claims_flags", _provenance("BIGINT")),
    ("0007_quote_families", _families("BIGINT")),
    ("0008_sourcing_gender", _sourcing_gender("BIGINT")),
)
