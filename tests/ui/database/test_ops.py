"""数据库's operations: where the records are said in Chinese, and a server nobody answers
refused on the worker with a Chinese message, the folder left as it was."""

from __future__ import annotations

import socket

from studyapp.core.model import UserError
from studyapp.services import database
from studyapp.ui.database import ops


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_where_the_records_are(seeded_ctx) -> None:
    said = ops.location_now(seeded_ctx)
    assert said and any("\u4e00" <= ch <= "\u9fff" for ch in said)


def test_a_server_nobody_answers_is_refused_in_chinese(window, seeded_ctx, settle) -> None:
    before = database.configured(seeded_ctx.data_dir)
    config = ops.SharedDatabase("127.0.0.1", "studyapp", "postgres", _closed_port())
    failed: list[BaseException] = []
    ops.check(window, config, lambda _c: None).failure(failed.append).run()
    settle()
    [error] = failed
    assert isinstance(error, UserError) and any("\u4e00" <= ch <= "\u9fff" for ch in str(error))
    failed.clear()
    ops.use_server(window, seeded_ctx.data_dir, config, upload=False).failure(failed.append).run()
    settle()
    assert failed and database.configured(seeded_ctx.data_dir) == before
