"""The schema comes from the migrations inside the package; SQLite runs in WAL with FKs on."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from studyapp.db import migrate
from studyapp.db.engine import DB_FILENAME, make_engine, sqlite_url
from studyapp.db.models import Base
from studyapp.services.context import AppContext, SchemaTooNewError

TABLES = {
    "document", "section", "read_mark", "section_note", "setting", "study_session", "question",
}


def test_new_data_folder_gets_a_migrated_database(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "nested"
    ctx = AppContext(folder)
    try:
        assert ctx.created
        assert (folder / DB_FILENAME).is_file()
        names = set(inspect(ctx.engine).get_table_names())
        assert TABLES | {"alembic_version"} <= names
        assert migrate.current_revisions(ctx.engine) == (migrate.head_revision(),)
    finally:
        ctx.close()
    again = AppContext(folder)  # reopening does not migrate again
    assert not again.created
    again.close()


def test_migrations_match_the_models(ctx: AppContext) -> None:
    """Hand-written migrations and the ORM models describe the same schema."""
    with ctx.engine.connect() as conn:
        mc = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(mc, Base.metadata) == []


def test_head_constant_matches_the_migration_scripts() -> None:
    """migrate.HEAD lets a normal start skip Alembic: it must name the newest script."""
    assert migrate.HEAD == migrate.head_revision()


def test_migrations_live_in_the_package_without_alembic_ini() -> None:
    cfg = migrate.alembic_config()
    location = Path(cfg.get_main_option("script_location"))
    assert location == Path(migrate.__file__).parent / "migrations"
    assert (location / "env.py").is_file()
    assert cfg.config_file_name is None


def test_downgrade_and_upgrade_round_trip(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path))
    assert migrate.upgrade(engine)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    assert migrate.upgrade(engine)
    assert TABLES <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_foreign_keys_cascade_in_the_database(seeded_ctx: AppContext, seed_id: int) -> None:
    with seeded_ctx.engine.begin() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM section").scalar() > 0
        conn.exec_driver_sql(f"DELETE FROM document WHERE id = {seed_id}")
        assert conn.exec_driver_sql("SELECT count(*) FROM section").scalar() == 0
        assert conn.exec_driver_sql("SELECT document_id FROM study_session").scalar() is None


def _stamp_future(db: Path, revision: str = "9999_from_the_future") -> None:
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    con.commit()
    con.close()


@pytest.mark.sqlite_only  # (writes the SQLite file's revision with sqlite3)
def test_database_from_a_newer_version_is_refused(template_db: Path, data_dir: Path) -> None:
    db = data_dir / DB_FILENAME
    shutil.copyfile(template_db, db)
    _stamp_future(db)
    with pytest.raises(SchemaTooNewError) as info:
        AppContext(data_dir)
    message = info.value.message
    assert "较新版本" in message and "9999_from_the_future" in message and "--data" in message
    con = sqlite3.connect(db)  # left untouched
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (
        "9999_from_the_future",
    )
    con.close()


def _migrate_to(engine, revision: str) -> None:  # noqa: ANN001
    """Upgrade to "head" or downgrade to `revision`, in one transaction on the engine."""
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.upgrade if revision == "head" else command.downgrade)(cfg, revision)


def test_0008_gives_every_stored_question_a_version_and_goes_back_cleanly(seeded_ctx: AppContext) -> None:
    """A bank stored before 0008 (the seed's): upgrading numbers every question version 1 (what
    an editor that read it expects), and going back to 0007 keeps the questions and the table's
    checks — on the SQLite file (a copied table) as on the server."""
    from sqlalchemy import exc, text

    engine = seeded_ctx.engine

    with engine.connect() as conn:
        before = conn.execute(text("SELECT id, stem, status FROM question ORDER BY id")).all()
    assert before  # the seed's bank
    _migrate_to(engine, "0007")
    assert "version" not in {c["name"] for c in inspect(engine).get_columns("question")}
    with engine.connect() as conn:
        assert conn.execute(text("SELECT id, stem, status FROM question ORDER BY id")).all() == before
    with pytest.raises(exc.IntegrityError), engine.begin() as conn:
        conn.execute(text("UPDATE question SET status = 'lost' WHERE id = :i"), {"i": before[0].id})
    _migrate_to(engine, "head")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT DISTINCT version FROM question")).scalars().all() == [1]
        assert conn.execute(text("SELECT id, stem, status FROM question ORDER BY id")).all() == before
    assert migrate.current_revisions(engine) == (migrate.HEAD,)


def test_0009_indexes_the_session_date_so_a_year_is_searched_not_scanned(seeded_ctx: AppContext) -> None:
    """The 学时台账 and the 个人学习档案 of a year read a range of dates: 0009 gives the date an
    index (the query plan searches it), and going back to 0008 drops it and nothing else."""
    from sqlalchemy import text

    engine = seeded_ctx.engine

    def indexes() -> set[str]:
        return {i["name"] for i in inspect(engine).get_indexes("study_session")}

    assert "ix_study_session_date" in indexes()
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            plan = " ".join(str(r[-1]) for r in conn.execute(text(
                "EXPLAIN QUERY PLAN SELECT id FROM study_session WHERE date >= '2024-01-01' AND date < '2025-01-01'")))
        assert "ix_study_session_date" in plan
    _migrate_to(engine, "0008")
    assert "ix_study_session_date" not in indexes()
    _migrate_to(engine, "head")
    assert "ix_study_session_date" in indexes()


def test_0010_gives_every_mark_and_score_a_version_and_goes_back_cleanly(seeded_ctx: AppContext) -> None:
    """Marks and scores stored before 0010: upgrading numbers each version 1 (what a sheet that
    read them expects), and going back to 0009 keeps every row, the one-row-per-person rule and
    the check on the mark — on the SQLite file (a copied table) as on the server."""
    from sqlalchemy import exc, text

    from studyapp.services import attendance, roster, scores, sessions
    from studyapp.services.dto_records import PersonDraft, SessionDraft

    ctx = seeded_ctx
    engine = ctx.engine

    people = [roster.add_person(ctx, PersonDraft(name, "乡党委")).id for name in ("王德伦", "李明")]
    sid = sessions.create_session(ctx, SessionDraft(date="2015-04-15", mode="集中学习")).id
    attendance.set_expected(ctx, sid, person_ids=people)
    attendance.mark(ctx, sid, people[0], "leave", "生病")
    scores.set_score(ctx, sid, people[0], 88)
    scores.set_score(ctx, sid, people[1], None)
    marks = "SELECT session_id, person_id, status, reason FROM attendance ORDER BY id"
    scored = "SELECT session_id, person_id, score, note FROM score ORDER BY id"
    with engine.connect() as conn:
        before = conn.execute(text(marks)).all(), conn.execute(text(scored)).all()
    _migrate_to(engine, "0009")
    for table in ("attendance", "score"):
        assert "version" not in {c["name"] for c in inspect(engine).get_columns(table)}
    with engine.connect() as conn:
        assert (conn.execute(text(marks)).all(), conn.execute(text(scored)).all()) == before
    with pytest.raises(exc.IntegrityError), engine.begin() as conn:
        conn.execute(text("UPDATE attendance SET status = 'lost' WHERE person_id = :p"), {"p": people[0]})
    with pytest.raises(exc.IntegrityError), engine.begin() as conn:
        conn.execute(text("INSERT INTO score (session_id, person_id, score, note, updated_at) "
                          "VALUES (:s, :p, 1, '', CURRENT_TIMESTAMP)"), {"s": sid, "p": people[0]})
    _migrate_to(engine, "head")
    with engine.connect() as conn:
        for table in ("attendance", "score"):
            assert conn.execute(text(f"SELECT DISTINCT version FROM {table}")).scalars().all() == [1]
        assert (conn.execute(text(marks)).all(), conn.execute(text(scored)).all()) == before
    assert migrate.current_revisions(engine) == (migrate.HEAD,)


def test_0011_counts_a_session_s_marks_from_an_index(seeded_ctx: AppContext) -> None:
    """The 学习会 list counts 应到/实到 per session: 0011 indexes (session_id, status) so SQLite
    reads the counts from the index alone; going back to 0010 drops it and nothing else."""
    from sqlalchemy import text

    engine = seeded_ctx.engine

    def indexes() -> set[str]:
        return {i["name"] for i in inspect(engine).get_indexes("attendance")}

    assert "ix_attendance_session_status" in indexes()
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            plan = " ".join(str(r[-1]) for r in conn.execute(text(
                "EXPLAIN QUERY PLAN SELECT session_id, count(id), sum(CASE WHEN status = 'present' THEN 1 ELSE 0 END) "
                "FROM attendance GROUP BY session_id")))
        assert "COVERING INDEX ix_attendance_session_status" in plan
    _migrate_to(engine, "0010")
    assert "ix_attendance_session_status" not in indexes()
    _migrate_to(engine, "head")
    assert "ix_attendance_session_status" in indexes()


def test_0012_gives_documents_and_notes_a_version_and_goes_back_keeping_every_row(seeded_ctx: AppContext) -> None:
    """Documents and notes stored before 0012: upgrading numbers each version 1, and going back
    to 0011 drops the columns and nothing else — above all not the document's sections and
    questions (a copied `document` table, dropped on SQLite, would delete them with it)."""
    from sqlalchemy import text

    from studyapp.services import documents, reading

    ctx = seeded_ctx
    engine = ctx.engine
    doc = documents.list_documents(ctx)[0]
    section = documents.get_document(ctx, doc.id).sections[0].id
    reading.save_note(ctx, section, "重点：法治")
    counts = "SELECT (SELECT count(*) FROM document), (SELECT count(*) FROM section), (SELECT count(*) FROM question)"
    with engine.connect() as conn:
        before = conn.execute(text(counts)).one()
    assert before[2]  # the seed's bank
    _migrate_to(engine, "0011")
    assert "version" not in {c["name"] for c in inspect(engine).get_columns("document")}
    assert not {"version", "writer"} & {c["name"] for c in inspect(engine).get_columns("section_note")}
    with engine.connect() as conn:
        assert conn.execute(text(counts)).one() == before
        assert conn.execute(text("SELECT text FROM section_note")).scalars().all() == ["重点：法治"]
    _migrate_to(engine, "head")
    with engine.connect() as conn:
        assert conn.execute(text(counts)).one() == before
        assert conn.execute(text("SELECT version, writer FROM section_note")).all() == [(1, "")]
        assert conn.execute(text("SELECT DISTINCT version FROM document")).scalars().all() == [1]
    assert migrate.current_revisions(engine) == (migrate.HEAD,)


def test_0013_sums_a_years_hours_from_the_index_alone(seeded_ctx: AppContext) -> None:
    """The 学时台账 sums a year's marks per person: 0013 extends the (session_id, status) index with
    the person and the hours, so SQLite reads the year's marks from the index alone (the counts of
    0011 still do); going back to 0012 leaves the two-column index."""
    from sqlalchemy import text

    engine = seeded_ctx.engine
    ledger = ("SELECT attendance.person_id, sum(CASE WHEN attendance.hours IS NOT NULL THEN attendance.hours "
              "WHEN attendance.status IN ('present', 'late') THEN 2 ELSE 0 END) FROM attendance "
              "JOIN study_session ON study_session.id = attendance.session_id "
              "WHERE study_session.date >= '2023-01-01' AND study_session.date < '2024-01-01' GROUP BY attendance.person_id")

    def columns() -> list[str]:
        [ix] = [i for i in inspect(engine).get_indexes("attendance") if i["name"] == "ix_attendance_session_status"]
        return list(ix["column_names"])

    assert columns() == ["session_id", "status", "person_id", "hours"]
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            plan = " ".join(str(r[-1]) for r in conn.execute(text("EXPLAIN QUERY PLAN " + ledger)))
        assert "SEARCH attendance USING COVERING INDEX ix_attendance_session_status" in plan
    _migrate_to(engine, "0012")
    assert columns() == ["session_id", "status"]
    _migrate_to(engine, "head")
    assert columns() == ["session_id", "status", "person_id", "hours"]
