"""The question table: deleting a document takes its bank along; deleting a section keeps the
questions (their label path still says where they came from)."""

from __future__ import annotations

import pytest
from sqlalchemy import exc, inspect, text

from studyapp.services.context import AppContext


def _insert(conn, document_id: int, section_id: int | None, uid: str, **extra: str) -> None:
    values = {
        "document_id": document_id, "section_id": section_id, "uid": uid, "type": "judge",
        "stem": "判断正误：示例。", "options": "[]", "answer": "true", "explanation": "",
        "quote": "", "section_path": "[]", "tags": "[]", "difficulty": 2,
        "origin": "generated", "status": "draft", "created_at": "2025-01-01 00:00:00",
        "updated_at": "2025-01-01 00:00:00",
    }
    values.update(extra)
    cols = ", ".join(values)
    marks = ", ".join(f":{k}" for k in values)
    conn.execute(text(f"INSERT INTO question ({cols}) VALUES ({marks})"), values)


def test_question_indexes_exist(ctx: AppContext) -> None:
    names = {ix["name"] for ix in inspect(ctx.engine).get_indexes("question")}
    assert {"ix_question_document_status", "ix_question_section_id"} <= names


def test_section_delete_sets_null_and_document_delete_cascades(
    seeded_ctx: AppContext, seed_id: int
) -> None:
    with seeded_ctx.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM question")
        sid = conn.exec_driver_sql(
            f"SELECT id FROM section WHERE document_id = {seed_id} AND parent_id IS NOT NULL"
        ).scalar()
        _insert(conn, seed_id, sid, "a1")
        conn.exec_driver_sql(f"DELETE FROM section WHERE id = {sid}")
        assert conn.exec_driver_sql("SELECT section_id FROM question").scalar() is None
        conn.exec_driver_sql(f"DELETE FROM document WHERE id = {seed_id}")
        assert conn.exec_driver_sql("SELECT count(*) FROM question").scalar() == 0


@pytest.mark.parametrize("column,value", [("status", "published"), ("origin", "copied")])
def test_status_and_origin_are_checked(
    seeded_ctx: AppContext, seed_id: int, column: str, value: str
) -> None:
    with pytest.raises(Exception) as info, seeded_ctx.engine.begin() as conn:
        _insert(conn, seed_id, None, "b1", **{column: value})
    assert isinstance(info.value, exc.IntegrityError)  # (the CHECK constraint, on either database)
