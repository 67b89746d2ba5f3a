"""Study sessions created from study headers."""

from __future__ import annotations

import pytest

from studyapp.services import documents, sessions
from studyapp.services.context import AppContext, NotFoundError


def test_sessions_are_listed_newest_first(seeded_ctx: AppContext) -> None:
    documents.import_text(seeded_ctx, "通知\n学习时间：2016年5月3日\n学习方式：自学\n一、甲\n内容。")
    documents.import_text(seeded_ctx, "通知二\n学习方式：集中学习\n一、甲\n内容。")  # no date
    listed = sessions.list_sessions(seeded_ctx)
    assert [s.date for s in listed] == ["2016-05-03", "2015-04-15", None]
    assert listed[0].mode == "自学"
    assert sessions.get_session(seeded_ctx, listed[1].id) == listed[1]


def test_document_without_header_makes_no_session(ctx: AppContext) -> None:
    result = documents.import_text(ctx, "通知\n一、甲\n内容。")
    assert result.session_id is None
    assert sessions.list_sessions(ctx) == []


def test_unknown_session(ctx: AppContext) -> None:
    with pytest.raises(NotFoundError, match="学习记录"):
        sessions.get_session(ctx, 42)
