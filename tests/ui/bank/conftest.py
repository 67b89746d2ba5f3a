"""题库 GUI fixtures: the seeded database with the seed's bank generated once per test session,
every question a draft.

`seeded_ctx` is overridden here, so `make_window`/`window` from tests/ui/conftest.py open on
a database whose seed document already has its (draft) bank.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import copy_database, derive_template, dispose


@pytest.fixture(scope="session")
def banked_template(tmp_path_factory: pytest.TempPathFactory, seeded_template: Path) -> Path:
    from sqlalchemy import text

    from studyapp.services import bank, documents

    def build(ctx) -> None:  # noqa: ANN001
        [info] = documents.list_documents(ctx)
        bank.generate_for_document(ctx, info.id, seed=0)
        with ctx.engine.begin() as conn:
            # the shipped bank arrives reviewed; these tests review it again from scratch, so
            # every question starts as a draft whatever the file says today
            conn.execute(text("UPDATE question SET status = 'draft'"))

    return derive_template(tmp_path_factory, seeded_template, "banked", build)


@pytest.fixture
def seeded_ctx(banked_template: Path, data_dir: Path) -> Iterator:
    from studyapp.services.context import AppContext

    copy_database(banked_template, data_dir)
    context = AppContext(data_dir)
    yield context
    dispose(context)


@pytest.fixture
def bank_window(window, qtbot, settle):  # noqa: ANN001, ANN201
    """The 题库 window of the seed, opened from the main window as a user would (its list read)."""
    bw = window.open_bank()
    qtbot.waitExposed(bw)
    settle()
    return bw


@pytest.fixture
def yes_to_questions(monkeypatch) -> list[str]:  # noqa: ANN001
    """Answer 「是」 to confirmation boxes instead of blocking on them; records their texts."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def fake_question(_parent, _title, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(fake_question))
    return asked


def question_view(**fields):  # noqa: ANN003, ANN201 - a QuestionView
    """A stored question as the services hand it to the 题库 screen, without a database: a
    single choice of the seed's first part unless `fields` say otherwise."""
    from studyapp.services.dto import QuestionView

    base = dict(id=1, uid="q1", document_id=1, section_id=11, section_ordinal=1, section_heading="1.指导思想",
                section_path=("一、", "1."), type="single", stem="依法治市的指导思想是什么？",
                options=("甲", "乙", "丙", "丁"), answer=[1], explanation="", quote="指导思想是乙。",
                tags=(), difficulty=2, origin="generated", status="draft",
                created_at="2026-01-01T00:00:00", updated_at="2026-01-01T00:00:00", reviewed_at=None)
    return QuestionView(**{**base, **fields})
