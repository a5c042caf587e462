"""The store, against both backends: migrations, idempotent and atomic adds, speakers across articles, merges and
splits kept across reprocessing and relinking, and the URL forms and their errors."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from onrecord.errors import NotFoundError, StoreError, StoreFault
from onrecord.record import HUMAN, Store, content_hash, open_store, parse_url
from onrecord.record import migrations as migration_lists
from storydata import Said, corpus, story


def speaker_of(store: Store, content_words: str) -> tuple[int, str, str]:
    """(speaker id, canonical name, kind) of the attribution whose content has these words."""
    for article_id in store.article_ids(include_reviewed=True):
        text = store.article(article_id).text
        for a in store.attributions_of(article_id):
            if content_words in a.content.of(text):
                row = store.one(
                    "SELECT s.id, s.name, s.kind FROM attributions a JOIN speakers s ON s.id = a.speaker_id"
                    " WHERE a.article_id = ? AND a.content_start = ?", (article_id, a.content.start))
                assert row is not None, f"{content_words!r} has no speaker"
                return int(row[0]), row[1], row[2]
    raise AssertionError(f"no attribution with {content_words!r}")


# --- migrations ----------------------------------------------------------------------------------------------------


def test_migrations_are_applied_once_and_recorded(store_url: str) -> None:
    with open_store(store_url) as store:
        expected = [name for name, _ in store.migrations()]
        assert store.applied_migrations() == expected
        assert store.migrate() == []
    with open_store(store_url) as again:  # reopening applies nothing and keeps the data
        assert again.applied_migrations() == expected
        assert again.migrate() == []
    assert migration_lists.SQLITE[0][0] == migration_lists.POSTGRES[0][0]


def test_a_new_migration_is_applied_at_open(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(store_url) as store:
        store.add(corpus()[:1])
        backend = store.backend
    extra = ("9999_test_extra_column", ("ALTER TABLE articles ADD COLUMN test_note TEXT",))
    name = "POSTGRES" if backend == "postgresql" else "SQLITE"
    monkeypatch.setattr(migration_lists, name, (*getattr(migration_lists, name), extra))
    with open_store(store_url) as store:
        assert store.applied_migrations()[-1] == "9999_test_extra_column"
        assert store.one("SELECT count(test_note) FROM articles") == (0,)
        assert store.article_count() == 1


# --- adding ----------------------------------------------------------------------------------------------------------


def test_add_stores_articles_and_attributions_with_versions(store: Store) -> None:
    extractions = corpus()
    result = store.add(extractions)
    assert (result.stored, result.duplicates) == (6, 0)
    assert result.attributions == sum(len(e.attributions) for e in extractions) == store.attribution_count()
    for article_id, original in zip(result.article_ids, extractions, strict=True):
        back = store.extraction(article_id)
        assert back.article == original.article
        assert back.attributions == original.attributions
        assert (back.pipeline_version, back.model) == ("0.1.0", "en_test-1.0")
    rows = store.rows("SELECT DISTINCT pipeline_version, model FROM attributions")
    assert rows == [("0.1.0", "en_test-1.0")]
    # the covered strings are stored for search and reading
    (text,) = store.one("SELECT content_text FROM attributions WHERE speaker = 'Colm Brennan' AND type = 'direct'")
    assert text == "We will play on,"
    row = store.one("SELECT content_hash, published_on, outlet FROM articles WHERE doc_id = 'a3'")
    assert row == (content_hash(extractions[2].article.text), "2030-04-10", "Westbury Weekly")


def test_the_same_article_is_stored_once(store: Store) -> None:
    first, second = corpus()[:2]
    assert store.add([first, first]).duplicates == 1  # twice in one batch
    same_text_new_url = replace(first, article=replace(first.article, url="https://elsewhere.example/x", id="z"))
    same_url_new_text = replace(second, article=replace(second.article, url=first.article.url))
    reformatted = replace(first, article=replace(first.article, url=None, text=first.article.text.replace(" ", "  ")))
    result = store.add([same_text_new_url, same_url_new_text, reformatted])
    assert (result.stored, result.duplicates) == (0, 3)
    assert store.article_count() == 1
    assert store.contains(reformatted.article) and not store.contains(corpus()[3].article)
    assert store.add([second]).stored == 1  # its own url and text
    assert store.add([replace(second, article=replace(second.article, url=None))]).duplicates == 1


def test_articles_without_url_are_told_apart_by_text(store: Store) -> None:
    a = story("Lena Ortiz said the ferry was late.", Said("the ferry was late", "Lena Ortiz", "said", "Lena Ortiz"))
    b = story("Lena Ortiz said the ferry was early.", Said("the ferry was early", "Lena Ortiz", "said", "Lena Ortiz"))
    assert store.add([a, b]).stored == 2


def test_a_batch_is_atomic(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    extractions = corpus()
    calls = 0
    original = Store._insert_attributions

    def failing(self, *args, **kwargs):  # the third article of the batch fails to store
        nonlocal calls
        calls += 1
        if calls == 3:
            raise StoreFault("disk full (simulated)")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Store, "_insert_attributions", failing)
    with pytest.raises(StoreError, match="simulated"):
        store.add(extractions, batch_size=6)
    assert (store.article_count(), store.attribution_count()) == (0, 0)
    assert store.one("SELECT count(*) FROM speakers") == (0,)
    monkeypatch.setattr(Store, "_insert_attributions", original)
    assert store.add(extractions).stored == 6


def test_batches_commit_one_by_one(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    extractions = corpus()
    original = Store._insert_attributions
    calls = 0

    def failing(self, *args, **kwargs):
        nonlocal calls
        calls += 1
        if calls == 5:  # in the third batch of two
            raise StoreFault("simulated crash")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Store, "_insert_attributions", failing)
    with pytest.raises(StoreError):
        store.add(extractions, batch_size=2)
    assert store.article_count() == 4  # the first two batches are kept
    monkeypatch.setattr(Store, "_insert_attributions", original)
    result = store.add(extractions, batch_size=2)  # the rerun completes the rest
    assert (result.stored, result.duplicates, store.article_count()) == (2, 4, 6)


# --- speakers across articles --------------------------------------------------------------------------------------


def test_one_person_under_three_forms_of_name(store: Store) -> None:
    store.add(corpus())
    ids = {speaker_of(store, words)[0] for words in (
        "garrison would withdraw", "not leaving our allies", "a question of cost", "complete by May")}
    assert len(ids) == 1
    (speaker_id,) = ids
    assert store.speaker(speaker_id).name == "Oren Valdez"
    assert store.resolve_speaker("Defence Minister Oren Valdez").id == speaker_id
    assert store.resolve_speaker("valdez").id == speaker_id
    assert store.resolve_speaker(f"#{speaker_id}").id == speaker_id


def test_two_people_sharing_a_surname_stay_apart(store: Store) -> None:
    store.add(corpus())
    alma, colm = speaker_of(store, "harbour contract"), speaker_of(store, "club would appeal")
    assert alma[0] != colm[0]
    assert (alma[1], colm[1]) == ("Alma Brennan", "Colm Brennan")
    assert speaker_of(store, "tender was rigged")[0] == alma[0]
    with pytest.raises(NotFoundError, match=r"'Brennan' is ambiguous: #\d+ Alma Brennan, #\d+ Colm Brennan"):
        store.resolve_speaker("Brennan")


def test_a_bare_surname_goes_to_the_person_of_the_same_outlet_and_time(store: Store) -> None:
    store.add(corpus())
    later = [
        story("Brennan said the ruling stands.", Said("the ruling stands", "Brennan", "said", "Brennan"),
              outlet="Harlow Ledger", published="2030-01-20"),
        story("Brennan said the team was tired.", Said("the team was tired", "Brennan", "said", "Brennan"),
              outlet="Coastline Courier", published="2030-01-21"),
        story("Brennan said nothing new.", Said("nothing new", "Brennan", "said", "Brennan"),
              outlet="Some Other Paper", published="2033-01-01"),
    ]
    store.add(later)
    assert speaker_of(store, "ruling stands")[1] == "Alma Brennan"
    assert speaker_of(store, "team was tired")[1] == "Colm Brennan"
    unresolved = speaker_of(store, "nothing new")  # no context to choose: a surname-only record of its own
    assert unresolved[1] == "Brennan" and unresolved[0] not in {speaker_of(store, "ruling stands")[0],
                                                                  speaker_of(store, "team was tired")[0]}


def test_organisations_are_speakers_of_their_own_kind(store: Store) -> None:
    store.add(corpus())
    first, second = speaker_of(store, "sent in error"), speaker_of(store, "no plans to withdraw")
    assert first == second
    assert first[1:] == ("Defence Ministry", "organisation")
    # an anonymous source is not a speaker record
    assert store.one("SELECT speaker_id FROM attributions WHERE speaker_kind = 'anonymous'") == (None,)


def test_a_surname_first_then_the_full_name(store: Store) -> None:
    store.add([story("Okafor said the road is closed.", Said("the road is closed", "Okafor", "said", "Okafor"),
                     outlet="Harlow Ledger", published="2030-02-01")])
    store.add([story("Lin Okafor said it will reopen.", Said("it will reopen", "Lin Okafor", "said", "Lin Okafor"),
                     outlet="Harlow Ledger", published="2030-02-03")])
    assert speaker_of(store, "road is closed") == speaker_of(store, "it will reopen")
    assert speaker_of(store, "road is closed")[1] == "Lin Okafor"


# --- merges and splits -------------------------------------------------------------------------------------------


def test_merge_is_recorded_and_survives_relink_and_reprocess(store: Store) -> None:
    store.add(corpus())
    store.add([story("O. H. Valdez-Marin said the border is calm.",
                     Said("the border is calm", "O. H. Valdez-Marin", "said", "O. H. Valdez-Marin"),
                     outlet="Coastline Courier", published="2030-03-05")])
    valdez = speaker_of(store, "complete by May")[0]
    assert speaker_of(store, "border is calm")[0] != valdez
    kept = store.merge_speakers("Oren Valdez", ["O. H. Valdez-Marin"])
    assert kept.id == valdez and speaker_of(store, "border is calm")[0] == valdez
    assert [(a, d["keep"]) for _, a, d, _ in store.overrides()] == [("merge", "person:oren valdez")]
    store.relink()  # from scratch: the linking rules alone would separate them again
    assert speaker_of(store, "border is calm")[0] == speaker_of(store, "complete by May")[0]
    # reprocess: the article is extracted again (same result here); the merge still holds
    article_id = store.article_ids()[-1]
    store.replace_extraction(article_id, replace(store.extraction(article_id), pipeline_version="0.2.0"))
    assert speaker_of(store, "border is calm")[0] == speaker_of(store, "complete by May")[0]
    with pytest.raises(StoreError, match="into itself"):
        store.merge_speakers("Oren Valdez", ["Valdez"])


def test_split_is_recorded_and_survives_relink(store: Store) -> None:
    store.add(corpus())
    valdez = speaker_of(store, "complete by May")
    new = store.split_speaker("Oren Valdez", "Valdez", name="Ines Valdez")
    assert new.name == "Ines Valdez" and new.id != valdez[0]
    assert speaker_of(store, "complete by May")[0] == new.id
    assert speaker_of(store, "garrison would withdraw")[0] == valdez[0]  # the full-name mentions stay
    store.relink()
    assert speaker_of(store, "complete by May")[1] == "Ines Valdez"
    assert speaker_of(store, "garrison would withdraw")[1] == "Oren Valdez"
    with pytest.raises(NotFoundError, match="has no statements under 'Mary Valdez'"):
        store.split_speaker("Oren Valdez", "Mary Valdez")
    with pytest.raises(StoreError, match="canonical name"):
        store.split_speaker("Oren Valdez", "Oren Valdez")


def test_unknown_speakers_are_named_in_the_error(store: Store) -> None:
    store.add(corpus())
    with pytest.raises(NotFoundError, match="no speaker named 'Hal Nobody'"):
        store.resolve_speaker("Hal Nobody")
    with pytest.raises(NotFoundError, match="no speaker with id 999"):
        store.resolve_speaker("#999")


# --- reprocess and human corrections -----------------------------------------------------------------------------


def test_replace_extraction_replaces_machine_attributions_only(store: Store) -> None:
    (article_id,) = store.add(corpus()[:1]).article_ids
    extraction = store.extraction(article_id)
    newer = replace(extraction, attributions=extraction.attributions[:1], pipeline_version="0.2.0", model="m2")
    assert store.replace_extraction(article_id, newer) == 1
    assert store.rows("SELECT pipeline_version, model FROM attributions") == [("0.2.0", "m2")]
    assert store.article_ids(stale_for="0.2.0") == []
    assert store.article_ids(stale_for="0.3.0") == [article_id]
    assert store.article_ids(stale_for="0.2.0", model="m2") == []
    assert store.article_ids(stale_for="0.2.0", model="m3") == [article_id]
    store.replace_with_corrections(article_id, extraction.attributions)
    assert store.rows("SELECT DISTINCT pipeline_version, human_corrected FROM attributions") == [(HUMAN, 1)]
    assert store.replace_extraction(article_id, newer) == 0  # a person's corrections are kept
    assert store.attribution_count() == 2 and store.article_ids() == []


# --- URLs and errors -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "backend", "target"), [
    ("onrecord.db", "sqlite", "onrecord.db"),
    ("out/x.db", "sqlite", "out/x.db"),
    ("sqlite:///out/x.db", "sqlite", "out/x.db"),
    ("sqlite:////tmp/x.db", "sqlite", "/tmp/x.db"),
    ("postgresql://u:secret@host/db", "postgresql", "postgresql://u:secret@host/db"),
    ("postgres://host/db", "postgresql", "postgres://host/db"),
])
def test_url_forms(url: str, backend: str, target: str) -> None:
    parsed = parse_url(url)
    assert (parsed.backend, parsed.target) == (backend, target)
    assert "secret" not in parsed.display


@pytest.mark.parametrize(("url", "message"), [
    ("mysql://host/db", "unsupported store URL scheme 'mysql'"),
    ("sqlite://", "sqlite:///relative/path"),
    ("", "empty store URL"),
])
def test_bad_urls(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        parse_url(url)


def test_store_file_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"directory .*missing does not exist") as info:
        open_store(tmp_path / "missing" / "x.db")
    assert info.value.document == str(tmp_path / "missing" / "x.db")
    with pytest.raises(StoreError, match="is a directory"):
        open_store(tmp_path)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database, just some bytes" * 100)
    with pytest.raises(StoreError, match="not a database") as info:
        open_store(junk)
    assert str(junk) in str(info.value)


def test_unreachable_postgres_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as info:
        open_store("postgresql://someone:hunter2@127.0.0.1:1/nothing?connect_timeout=2")
    assert "hunter2" not in str(info.value)


def test_sqlite_store_uses_wal_and_fts5(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path}/w.db") as store:
        store.add(corpus())
    conn = sqlite3.connect(tmp_path / "w.db")
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    matches = conn.execute("SELECT count(*) FROM attributions_fts WHERE attributions_fts MATCH 'troops'").fetchone()
    assert matches[0] >= 2


def test_prune_speakers_after_reprocess(store: Store) -> None:
    (article_id, *_) = store.add(corpus()).article_ids
    extraction = store.extraction(article_id)
    store.replace_extraction(article_id, replace(extraction, attributions=()))
    before = store.one("SELECT count(*) FROM speakers")[0]
    assert store.prune_speakers() == 0  # Oren Valdez is still quoted in other articles
    store.replace_extraction(store.article_ids()[3], replace(store.extraction(store.article_ids()[3]),
                                                             attributions=()))
    assert store.prune_speakers() == 1  # Alma Brennan had only that article
    assert store.one("SELECT count(*) FROM speakers")[0] == before - 1


def test_concurrent_ingests_create_one_speaker_per_name(store_url: str) -> None:
    """Two stores (two connections, as two ingest processes) linking the same new names at the same time."""
    import threading

    def articles(tag: str) -> list:
        return [story(f"Nora Vell said the {tag} plan number {n} was ready. Ivo Strand said it was not.",
                      Said(f"the {tag} plan number {n} was ready", "Nora Vell", "said", "Nora Vell"),
                      Said("it was not", "Ivo Strand", "said", "Ivo Strand"), outlet=tag, published="2030-01-01")
                for n in range(12)]

    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def ingest(tag: str) -> None:
        try:
            with open_store(store_url) as own:
                barrier.wait()
                for extraction in articles(tag):
                    own.add([extraction])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=ingest, args=(tag,)) for tag in ("east", "west")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    with open_store(store_url) as store:
        assert store.article_count() == 24
        assert store.rows("SELECT key, count(*) FROM speakers GROUP BY key ORDER BY key") == [
            ("person:ivo strand", 1), ("person:nora vell", 1)]
        assert store.one("SELECT count(DISTINCT speaker_id) FROM attributions") == (2,)


# --- refusals and faults (issue 12: items 1, 6; store faults are run faults) ----------------------------------------


def _as(extraction, **article):  # type: ignore[no-untyped-def]
    return replace(extraction, article=replace(extraction.article, **article))


def test_an_article_the_store_refuses_is_named_and_its_batch_stored(store: Store) -> None:
    """A lone surrogate cannot be written as UTF-8 on either backend: that article is refused by name, the others of
    its batch are stored (before, the batch was lost; alone in its batch, the message named only the store)."""
    first, second, third = corpus()[:3]
    bad = _as(second, text=second.article.text + " \ud800")
    result = store.add([first, bad, third], batch_size=10)
    assert (result.stored, len(result.refused)) == (2, 1)
    (refused,) = result.refused
    assert isinstance(refused, StoreError) and not isinstance(refused, StoreFault)
    assert refused.document == "a2" and refused.reason.startswith("not stored: its text cannot be written as UTF-8")
    assert store.article_count() == 2
    assert store.attribution_count() == len(first.attributions) + len(third.attributions)
    alone = store.add([bad], batch_size=1)
    assert (alone.stored, [r.document for r in alone.refused]) == (0, ["a2"])
    # the speakers linked by the refused article were rolled back with it, and the batch's later links are sound
    assert store.one("SELECT count(*) FROM speakers s WHERE NOT EXISTS"
                     " (SELECT 1 FROM speaker_aliases x WHERE x.speaker_id = s.id)") == (0,)
    assert store.add(corpus()).stored == 4


def test_a_refused_article_does_not_leave_its_speakers_behind(store: Store) -> None:
    fresh = story("Ana Lind said the roads were fixed.", Said("the roads were fixed", "Ana Lind", "said", "Ana Lind"),
                  id="lind")
    bad = _as(fresh, text=fresh.article.text + " \udc80")
    result = store.add([bad, story("Ivo Tarn said Ana Lind was right.",
                                   Said("Ana Lind was right", "Ivo Tarn", "said", "Ivo Tarn"), id="tarn")])
    assert result.stored == 1 and [r.document for r in result.refused] == ["lind"]
    assert [n for (n,) in store.rows("SELECT name FROM speakers ORDER BY name")] == ["Ivo Tarn"]


def test_nul_characters_are_stored_alike_on_both_backends(store: Store) -> None:
    """U+0000 (refused by PostgreSQL's text) is stored as U+FFFD on both backends: one character for one, so every
    offset still covers the same words; the article is recognised again when re-ingested."""
    text = "Ana Lind said\x00 the roads\x00 were fixed."
    extraction = story(text, Said("the roads\x00 were fixed", "Ana Lind", "said", "Ana Lind"), id="nul\x00",
                       title="Roads\x00")
    result = store.add([extraction])
    assert (result.stored, result.refused) == (1, ())
    back = store.extraction(result.article_ids[0])
    assert back.article.text == text.replace("\x00", "\ufffd") and len(back.article.text) == len(text)
    assert (back.article.id, back.article.title) == ("nul\ufffd", "Roads\ufffd")
    (a,) = back.attributions
    assert a.content.of(back.article.text) == "the roads\ufffd were fixed"
    assert store.contains(extraction.article) and store.add([extraction]).duplicates == 1


def test_a_url_longer_than_an_index_entry_is_stored(store: Store) -> None:
    """PostgreSQL's btree refused a URL over about 2.7 KB and the article was lost; URLs are unique by a hash."""
    long_url = "https://ledger.example/story?ref=" + "x" * 8000
    first, second = corpus()[:2]
    result = store.add([_as(first, url=long_url)])
    assert (result.stored, result.refused) == (1, ())
    assert store.contains(_as(second, url=long_url).article)
    assert store.add([_as(second, url=long_url)]).duplicates == 1  # same URL, other text: the same article
    assert store.add([_as(second, url=long_url + "y")]).stored == 1


def test_a_very_long_speaker_name_is_kept_but_not_linked(store: Store) -> None:
    name = _long_name()
    text = f"{name} said the roads were fixed. Ivo Tarn said they were not."
    extraction = story(text, Said("the roads were fixed", name, "said", name),
                       Said("they were not", "Ivo Tarn", "said", "Ivo Tarn"), id="long")
    result = store.add([extraction])
    assert (result.stored, result.refused, result.attributions) == (1, (), 2)
    rows = store.rows("SELECT speaker, speaker_id IS NULL FROM attributions ORDER BY ordinal")
    assert rows == [(name, True), ("Ivo Tarn", False)]
    assert store.relink() == 1


def test_migration_0004_keeps_urls_unique_on_a_store_made_before_it(store_url: str,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    if not store_url.startswith("postgresql"):
        pytest.skip("0004 concerns PostgreSQL's btree limit")
    monkeypatch.setattr(migration_lists, "POSTGRES",  # (the later ones, which the store writes, stay)
                        tuple(m for m in migration_lists.POSTGRES if m[0] != "0004_article_url_hash"))
    with open_store(store_url) as store:
        store.add(corpus()[:2])
    monkeypatch.undo()
    with open_store(store_url) as store:
        assert "0004_article_url_hash" in store.applied_migrations()
        assert store.add([_as(corpus()[2], url=corpus()[0].article.url)]).duplicates == 1
        assert store.add([_as(corpus()[2], url="https://x.example/" + "z" * 5000)]).stored == 1


def test_a_full_disk_stops_the_batch_and_a_rerun_finishes(tmp_path: Path) -> None:
    """SQLite's 'database or disk is full' (a page limit stands in for the disk) is a fault of the store: raised at
    once as a StoreFault, the batch in progress rolled back, the batches before it kept."""
    with open_store(tmp_path / "full.db") as store:
        store.add(corpus()[:2], batch_size=2)
        pages = store.one("PRAGMA page_count")[0]
        store.execute(f"PRAGMA max_page_count = {pages}")
        big = [story(f"Ana Lind said the road {n} was fixed. " + "More words about the road. " * 400,
                     Said(f"the road {n} was fixed", "Ana Lind", "said", "Ana Lind"), id=f"big{n}") for n in range(4)]
        with pytest.raises(StoreFault, match="database or disk is full"):
            store.add(corpus()[2:] + big, batch_size=2)
        assert store.article_count() in (2, 4, 6)  # whole batches only
        kept = store.article_count()
        store.execute("PRAGMA max_page_count = 1073741823")
        result = store.add(corpus() + big, batch_size=2)
        assert (result.stored, result.duplicates, result.refused) == (10 - kept, kept, ())
        assert store.article_count() == 10


@pytest.mark.postgres
def test_a_lost_server_connection_is_a_fault(pg_server: object) -> None:
    import psycopg

    url = pg_server.database("onrecord_test_lost_connection")  # type: ignore[attr-defined]
    with open_store(url) as store:
        store.add(corpus()[:2])
        (pid,) = store.one("SELECT pg_backend_pid()")
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        with pytest.raises(StoreFault, match="terminating connection"):
            store.add(corpus()[2:])
    with open_store(url) as store:
        assert store.article_count() == 2
        assert store.add(corpus()).stored == 4


# --- credentials (issue 12: item 13) ---------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "postgresql://someone@127.0.0.1:1/nothing?password=hunter2&connect_timeout=2",
    "postgresql:///nothing?host=/nonexistent/socket&password=hunter2&user=someone",
    "postgresql://someone:hunter2@127.0.0.1:1/nothing?connect_timeout=2",
    "postgresql://someone:hun%2Fter2@127.0.0.1:1/nothing?connect_timeout=2",
    "postgresql://someone:hunter/22@127.0.0.1:1/nothing?connect_timeout=2",
    "postgresql://someone:hunter@22@127.0.0.1:1/nothing?connect_timeout=2",
    "host=127.0.0.1 port=1 user=someone password=hunter2 dbname=nothing connect_timeout=2",
    "host=127.0.0.1 port=1 password='hunter 22' dbname=nothing connect_timeout=2",
])
def test_a_password_is_never_echoed(url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for read_only in (False, True):
        with pytest.raises(StoreError) as info:
            open_store(url, read_only=read_only)
        message = str(info.value)
        for secret in ("hunter", "ter2", "ter/2", "hun%2F", "ter 22"):
            assert secret not in message, message
        assert "***" in message
    assert list(tmp_path.iterdir()) == []  # a key=value string is no file name


@pytest.mark.parametrize(("text", "backend"), [
    ("host=db.internal dbname=onrecord user=ana password=x", "postgresql"),
    ("dbname=onrecord", "postgresql"),
    ("runs/a=1.db", "sqlite"),
    ("x=1.db", "sqlite"),
])
def test_a_libpq_key_value_string_is_postgresql(text: str, backend: str) -> None:
    assert parse_url(text).backend == backend


def test_display_masks_every_form_of_password() -> None:
    assert parse_url("postgresql://u:pw1234@h/db").display == "postgresql://u:***@h/db"
    assert parse_url("postgresql://u@h/db?sslmode=require&password=pw1234").display == \
        "postgresql://u@h/db?sslmode=require&password=***"
    assert parse_url("host=h password=pw1234 dbname=db").display == "password=*** dbname=db host=h"


def _long_name() -> str:
    """A 10,000-character name that does not compress (PostgreSQL compresses index entries before their limit)."""
    import random

    rng = random.Random(12)
    return "Ana " + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(10_000)).title()
