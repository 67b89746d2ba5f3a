"""组卷打印: the dialog shows what the bank holds, builds the paper and the key on the runner and
opens each in the preview; a bank with nothing approved gives the service's Chinese message."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from studyapp.core.paper import TYPE_ORDER
from studyapp.services import bank, papers, sessions

from .conftest import pdf_pages, pdf_text, saved_pdf


@pytest.fixture
def warned(monkeypatch) -> list[str]:
    """QMessageBox.warning texts, instead of a modal box nobody can click offscreen."""
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: texts.append(text)))
    return texts


def make_dialog(qtbot, records, document_id: int | None):
    from studyapp.ui.records.paper import PaperDialog

    dialog = PaperDialog(records.ctx, records.runner, document_id, records)  # closed with `records`
    dialog.show()
    if dialog._counting is not None:  # (the approved counts are read on the worker)
        with qtbot.waitSignal(dialog.countsShown, timeout=10000):
            pass
    return dialog


def loaded(qtbot, preview):
    """Wait until a preview shows its PDF (it is rendered on the runner after it opens)."""
    if not preview.page_count:
        with qtbot.waitSignal(preview.loaded, timeout=30000):
            pass
    return preview


def build(qtbot, dialog):
    with qtbot.waitSignal(dialog.built, timeout=30000) as done:
        dialog.build()
    paper, key = done.args
    qtbot.addWidget(paper)
    qtbot.addWidget(key)
    return loaded(qtbot, paper), loaded(qtbot, key)


def test_dialog_lists_the_approved_questions_per_type(qtbot, records, seed_id) -> None:
    dialog = make_dialog(qtbot, records, seed_id)
    assert dialog.document_id == seed_id
    expected = papers.available_counts(records.ctx, seed_id)
    approved = bank.approved_questions(records.ctx, seed_id)
    assert sum(expected.values()) == len(approved) > 0
    for qtype in TYPE_ORDER:
        assert dialog.rows[qtype].available.text() == f"{expected[qtype]} 道"
    # the default blueprint: 10 单选 × 2 + 5 多选 × 4 + 10 判断 × 2 + 10 填空 × 2 + 2 简答 × 10
    assert dialog.total_label.text() == "合计 37 题，满分 100 分"
    dialog.rows["short"].count.setValue(0)
    assert dialog.total_label.text() == "合计 35 题，满分 80 分"
    short_of = [t for t in TYPE_ORDER if 0 < dialog.rows[t].count.value() > expected[t]]
    assert bool(short_of) == dialog.shortage_label.isVisibleTo(dialog)


def test_building_opens_paper_and_key_previews(qtbot, records, seed_id, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, records, seed_id)
    dialog.seed.setValue(150415)
    request = dialog.request()
    paper, key = build(qtbot, dialog)

    # the paper preview holds exactly the bytes a clerk saves, and pdfinfo agrees on the pages
    saved = saved_pdf(qtbot, paper, tmp_path / "试卷")
    assert saved is not None and saved.read_bytes() == paper.pdf_bytes
    assert paper.page_count == pdf_pages(saved) >= 4  # A卷, its 答题卡, B卷, its 答题卡
    text = pdf_text(saved).replace(" ", "")
    assert "A卷" in text and "B卷" in text and "答题卡" in text
    assert paper.print_button.isEnabled() and paper.save_button.isEnabled()
    assert not paper.excel_button.isVisible()  # a paper is not a table

    # the key is its own preview, and each answer says where it comes from
    key_file = saved_pdf(qtbot, key, tmp_path / "答案.pdf")
    assert key.page_count == pdf_pages(key_file) >= 1
    key_text = pdf_text(key_file)
    assert "参考答案" in key_text.replace(" ", "")
    assert key_text.count("出处") >= len(dialog.papers[0].questions)

    # same settings through the service give the same paper: reprinting by 试卷编号 works
    again = papers.make_papers(records.ctx, seed_id, seed=request.seed, variants=request.variants,
                               minutes=request.minutes, blueprint=request.blueprint)
    assert [q.stem for q in again[1].questions] == [q.stem for q in dialog.papers[1].questions]
    assert request.seed == 150415 and "150415" in paper.file_stem


def test_only_a_and_a_smaller_blueprint(qtbot, records, seed_id, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, records, seed_id)
    dialog.only_a.setChecked(True)
    for qtype in TYPE_ORDER:
        dialog.rows[qtype].count.setValue(0)
    dialog.rows["judge"].count.setValue(5)
    dialog.rows["judge"].points.setValue(4)
    dialog.minutes.setValue(30)
    dialog.answer_sheets.setChecked(False)
    paper, _key = build(qtbot, dialog)
    [made] = dialog.papers
    assert made.variant == "A" and made.minutes == 30
    assert [p.type for p in made.parts] == ["judge"] and len(made.questions) == 5 and made.total == 20
    text = pdf_text(saved_pdf(qtbot, paper, tmp_path / "A卷.pdf")).replace(" ", "")
    assert "30分钟" in text and "答题卡" not in text and "B卷" not in text
    assert "请将答案直接写在试卷上" in text


def test_no_approved_questions_gives_the_chinese_message(qtbot, records, seed_id, warned) -> None:
    bank.retire(records.ctx, [q.id for q in bank.approved_questions(records.ctx, seed_id)])
    dialog = make_dialog(qtbot, records, seed_id)
    assert all(dialog.rows[t].available.text() == "0 道" for t in TYPE_ORDER)
    assert dialog.rows["single"].note.text() == "没有可用试题"
    with qtbot.waitSignal(dialog.failed, timeout=20000) as failed:
        dialog.build()
    message = failed.args[0]
    assert "还没有审核通过的试题" in message and "无法组卷" in message
    assert warned == [message]  # the service's own words, in a message box
    assert dialog.error_label.text() == message and dialog.isVisible()
    assert dialog.paper_preview is None and dialog.build_button.isEnabled()


def test_a_document_under_review_says_why_and_leads_there(qtbot, records, seed_id) -> None:
    with records.ctx.engine.begin() as conn:  # as after a fresh import: everything 待审核
        conn.exec_driver_sql("UPDATE question SET status = 'draft'")
    total = len(bank.list_questions(records.ctx, seed_id))
    dialog = make_dialog(qtbot, records, seed_id)
    assert dialog.hint.isVisible()
    assert dialog.hint.text() == f"本文件已生成 {total} 道题，尚未审核。审核通过后才能用于组卷。"
    assert dialog.hint.button.text() == "去审核"


def test_types_without_approved_questions_are_named(qtbot, records, seed_id, warned) -> None:
    """A blueprint of only a type the bank lacks: the message names that type."""
    shorts = bank.approved_questions(records.ctx, seed_id, types=["short"])
    bank.retire(records.ctx, [q.id for q in shorts])
    dialog = make_dialog(qtbot, records, seed_id)
    for qtype in TYPE_ORDER:
        dialog.rows[qtype].count.setValue(2 if qtype == "short" else 0)
    with qtbot.waitSignal(dialog.failed, timeout=20000):
        dialog.build()
    assert len(warned) == 1 and "没有审核通过的简答题" in warned[0]


def test_session_print_menu_opens_the_dialog_on_its_document(qtbot, records, seed_session, seed_id) -> None:
    panel = records.show_page("sessions")
    panel.refresh(select_id=seed_session)
    assert sessions.get_session_detail(records.ctx, seed_session).document_id == seed_id
    assert "试卷、答题卡和答案…" in [a.text() for a in panel.print_button.menu().actions()]
    with qtbot.waitSignal(panel.paperDialogOpened, timeout=5000) as opened:
        panel.paper_action.trigger()
    dialog = opened.args[0]
    assert dialog.isVisible() and dialog.document_id == seed_id
    paper, _key = build(qtbot, dialog)
    assert panel.preview is paper and paper.parent() is panel


def test_main_window_bank_menu_opens_the_dialog(qtbot, window) -> None:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("题库"))
    assert window.act_paper in menu.actions() and window.act_paper.text() == "组卷打印…"
    window.act_paper.trigger()
    dialog = window.findChild(QDialog, "paperDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.document_id == window.reader.document_id
    dialog.reject()
