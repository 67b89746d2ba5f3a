"""The records tables (migration 0003): created, constrained, cascading with their session."""

from __future__ import annotations

import pytest
from sqlalchemy import exc, inspect

from studyapp.services.context import AppContext

RECORDS = {"person", "person_group", "group_member", "attendance", "score"}


def test_records_tables_and_session_columns(ctx: AppContext) -> None:
    insp = inspect(ctx.engine)
    assert RECORDS <= set(insp.get_table_names())
    columns = {c["name"] for c in insp.get_columns("study_session")}
    assert {"hours", "summary", "test_summary", "section_ids", "full_marks"} <= columns


def test_constraints_and_cascade(ctx: AppContext) -> None:
    with ctx.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO person (id, name, unit, post, sort_no, note, active, created_at) "
            "VALUES (1, '王伟', '乡党委', '', 1, '', TRUE, '2015-01-01 00:00:00'),"
            "       (2, '王伟', '财政所', '', 2, '', TRUE, '2015-01-01 00:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO study_session (id, mode, place, leader, host, recorder, participants, "
            "content, meta, created_at) VALUES (1, '集中学习', '', '', '', '', '', '', '{}', "
            "'2015-01-01 00:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO attendance (session_id, person_id, status, reason, updated_at) "
            "VALUES (1, 1, 'present', '', '2015-01-01 00:00:00')"
        )
    with pytest.raises(exc.IntegrityError), ctx.engine.begin() as conn:  # same name and unit
        conn.exec_driver_sql(
            "INSERT INTO person (id, name, unit, post, sort_no, note, active, created_at) "
            "VALUES (3, '王伟', '乡党委', '', 3, '', TRUE, '2015-01-01 00:00:00')"
        )
    with pytest.raises(exc.IntegrityError), ctx.engine.begin() as conn:  # unknown status
        conn.exec_driver_sql(
            "INSERT INTO attendance (session_id, person_id, status, reason, updated_at) "
            "VALUES (1, 2, 'sleeping', '', '2015-01-01 00:00:00')"
        )
    with ctx.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM study_session WHERE id = 1")
        assert conn.exec_driver_sql("SELECT count(*) FROM attendance").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM person").scalar() == 2
