"""Every window and dialog fits a 1024×768 (and a 1366×768) screen with a taskbar (728 pixels
high available).

The outer test runs this module again in a subprocess whose offscreen screen is 1024×728
(Qt's offscreen platform reads its screens from a JSON file); there the probe opens each
top-level window and dialog the way the app does and fails when the window lies outside the
screen, cannot shrink to it, or shows a button, field or list outside its own frame. With
STUDYAPP_FIT_SHOTS=DIR it also saves a screenshot of each, to look at.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = os.environ.get("STUDYAPP_FIT_PROBE") == "1"
# the screen's area without the taskbar: 1024×768 and 1366×768 less 40 pixels, and 1920×1080 at
# 150 % (1280×720 logical pixels) less the taskbar
AVAILABLE = tuple(int(x) for x in os.environ.get("STUDYAPP_FIT_SCREEN", "1024x728").split("x"))


@pytest.mark.parametrize("screen", [(1024, 728), (1366, 728), (1280, 680)])
def test_every_window_fits_a_small_screen_with_a_taskbar(tmp_path: Path, screen: tuple[int, int]) -> None:
    if PROBE:
        pytest.skip("this is the probe's own run")
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": f"{screen[0]}x{screen[1]}", "x": 0, "y": 0, "width": screen[0], "height": screen[1],
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = dict(os.environ, STUDYAPP_FIT_PROBE="1", QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               STUDYAPP_FIT_SCREEN=f"{screen[0]}x{screen[1]}")
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__,
                          "-k", "probe"], env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout[-6000:] + out.stderr[-2000:]
    assert " passed" in out.stdout and " skipped" not in out.stdout.split("\n")[-2], out.stdout[-2000:]


# --- the probe (runs only in the subprocess) --------------------------------------------------
def _visible_controls(window):  # noqa: ANN001, ANN202
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractScrollArea,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextEdit,
             QPlainTextEdit)
    from PySide6.QtWidgets import QWidget

    for w in window.findChildren(QWidget):
        if not isinstance(w, kinds) or not w.isVisibleTo(window) or w.window() is not window:
            continue
        p = w.parentWidget()
        scrolled = False
        while p is not None and p is not window:
            if isinstance(p.parentWidget(), QAbstractScrollArea) and p is p.parentWidget().viewport():
                scrolled = True  # inside a scroll area: reachable by scrolling
                break
            p = p.parentWidget()
        if not scrolled:
            yield w


def _text(w) -> str:  # noqa: ANN001
    text = getattr(w, "text", None)
    return text() if callable(text) and isinstance(text(), str) else ""


def check_fits(window, name: str) -> list[str]:  # noqa: ANN001
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    screen = QRect(0, 0, *AVAILABLE)
    problems = []
    frame = window.frameGeometry()
    if not screen.contains(frame):
        problems.append(f"{name}: 窗口 {frame.width()}×{frame.height()} 在 ({frame.x()},{frame.y()})，超出屏幕")
    hint = window.minimumSizeHint()
    if hint.width() > AVAILABLE[0] or hint.height() > AVAILABLE[1]:
        problems.append(f"{name}: 最小尺寸 {hint.width()}×{hint.height()} 大于屏幕")
    inside = window.rect()
    for w in _visible_controls(window):
        r = QRect(w.mapTo(window, QPoint(0, 0)), w.size())
        if not inside.contains(r) or r.width() < 4 or r.height() < 4:
            problems.append(f"{name}: {type(w).__name__}「{_text(w)}」{r.getRect()} 不在窗口 {inside.getRect()} 内")
    # no two controls on top of one another (the contest's scoring rows once piled up)
    placed = [(w, QRect(w.mapTo(window, QPoint(0, 0)), w.size())) for w in _visible_controls(window)]
    for i, (a, ra) in enumerate(placed):
        for b, rb in placed[i + 1:]:
            if a.isAncestorOf(b) or b.isAncestorOf(a) or not ra.intersects(rb):
                continue
            overlap = ra.intersected(rb)
            if overlap.width() > 2 and overlap.height() > 2:
                problems.append(f"{name}: {type(a).__name__}「{_text(a)}」与 {type(b).__name__}「{_text(b)}」重叠")
    shots = os.environ.get("STUDYAPP_FIT_SHOTS")
    if shots:
        window.grab().save(str(Path(shots) / f"{name}-{AVAILABLE[0]}.png"))
    return problems


@pytest.mark.skipif(not PROBE, reason="runs in the small-screen subprocesses of the test above")
def test_probe_windows(qtbot, make_window, seeded_ctx, seed_id, monkeypatch) -> None:
    from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox

    from studyapp.services import attendance, documents, room, roster, sessions
    from studyapp.services.dto_records import PersonDraft, SessionDraft

    assert QApplication.primaryScreen().availableGeometry().size().toTuple() == AVAILABLE
    monkeypatch.setattr(QDialog, "exec", lambda self: (self.show(), 0)[1])  # open, never block
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    detail = sessions.create_session(seeded_ctx, SessionDraft(
        date="2015-04-15", mode="集中学习", place="乡政府二楼会议室", leader="王德伦", host="王德伦"))
    ids = [roster.add_person(seeded_ctx, PersonDraft(n, "乡党委")).id
           for n in ("王德伦", "陈志强", "李红梅", "王伟", "孙丽", "张明")]
    attendance.set_expected(seeded_ctx, detail.id, person_ids=ids)
    attendance.mark_all_present(seeded_ctx, detail.id)

    problems: list[str] = []
    window = make_window(size=None)
    problems += check_fits(window, "主窗口")
    window.study.set_person(roster.get_person(seeded_ctx, ids[0]))
    window.study.open_home()
    qtbot.waitUntil(lambda: window.study.home_shown, timeout=5000)
    problems += check_fits(window, "首页")
    window.study.close_page()

    records = window.open_records("sessions")
    for page in records.pages:
        records.show_page(page)
        problems += check_fits(records, f"学习记录-{page}")
    records.close()

    bank = window.open_bank()
    problems += check_fits(bank, "题库")
    bank.close()

    library = window.make_library_dialog()
    library.show()
    problems += check_fits(library, "文件库")
    library.close()

    backups = window.show_backups()
    problems += check_fits(backups, "备份与恢复")
    backups.close()

    paper = window.print_paper()
    problems += check_fits(paper, "组卷打印")
    paper.close()

    from studyapp.ui.importing.paste import PasteDialog

    paste = PasteDialog(window)
    paste.show()
    problems += check_fits(paste, "粘贴导入")
    paste.close()

    from studyapp.ui.room.launch import StartDialog

    for kind in ("reading", "quiz", "contest", "paper"):
        start = StartDialog(seeded_ctx, kind, window, seed_id)
        start.show()
        problems += check_fits(start, f"会议室开始-{kind}")
        start.close()

    from studyapp.ui.room.paper import PaperEntryWindow

    run = room.start_run(seeded_ctx, "paper", session_id=detail.id, document_id=seed_id,
                         setup={"seed": 0, "variants": ["A", "B"]}, title="依法治市纸质测验").info.id
    grid = PaperEntryWindow(seeded_ctx, run, None)
    grid.show()
    problems += check_fits(grid, "纸质测验成绩录入")
    grid.close()

    from studyapp.ui.study.learner import WhoDialog
    from studyapp.ui.study.setup import ExamSetupDialog, PracticeSetupDialog

    view = documents.get_document(seeded_ctx, seed_id)
    who = WhoDialog(seeded_ctx, window)
    who.show()
    problems += check_fits(who, "选择学员")
    who.close()
    practice = PracticeSetupDialog(seeded_ctx, window, document=view, section_id=None, default_count=10,
                                   wrong_count=0, due_count=0)
    practice.show()
    problems += check_fits(practice, "练习设置")
    practice.close()
    exam = ExamSetupDialog(seeded_ctx, window, document=view)
    exam.show()
    problems += check_fits(exam, "模拟考试设置")
    exam.close()

    # the smaller dialogs, with the longest content a user gives them
    from studyapp.services.documents import get_document
    from studyapp.services.dto import BankImportReport
    from studyapp.services.dto_records import RosterPreview, RosterPreviewRow
    from studyapp.services.dto_study import UnfinishedAttempt
    from studyapp.ui.bank.editor import QuestionEditor
    from studyapp.ui.bank.exchange import ImportReportDialog
    from studyapp.ui.records.audit import AuditDialog
    from studyapp.ui.records.roster import ImportPreviewDialog, PersonDialog
    from studyapp.ui.records.sessions import SectionPicker
    from studyapp.ui.records.unit import UnitDialog
    from studyapp.ui.study.learner import AddPersonDialog
    from studyapp.ui.study.setup import ResumeDialog

    long_title = "《中共遵义市委关于全面推进依法治市的实施意见》学习测试（第二次集中学习，乡政府二楼会议室）"
    rows = tuple(RosterPreviewRow(n, f"王德伦{n}", "遵义市某某县某某乡党委政府办公室", "党委委员、副乡长", n, ("机关支部",),
                                  "2015年调入", "new") for n in range(1, 40))
    smaller = [
        ("人员", lambda: PersonDialog(seeded_ctx, None, ["机关支部", "村干部"], window)),
        ("单位名称", lambda: UnitDialog("遵义市某某县某某乡党委", window, first=True)),
        ("操作记录", lambda: AuditDialog(seeded_ctx, window.runner, window)),
        ("编辑试题", lambda: QuestionEditor(view, parent=window)),
        ("选择章节", lambda: SectionPicker(get_document(seeded_ctx, seed_id), (), window)),
        ("导入名单预览", lambda: ImportPreviewDialog(RosterPreview("名单.xlsx", rows, (), ("第 3 行：单位为空",) * 5), window)),
        ("题库导入报告", lambda: ImportReportDialog(BankImportReport(added=3, errors=("第 5 行：答案“E”超出了选项范围",) * 30),
                                                   Path("题库.xlsx"), window)),
        ("继续答题", lambda: ResumeDialog([UnfinishedAttempt(1, "exam", long_title, "2015-04-15 09:00", 3, 20, 600.0)],
                                          "王德伦", window)),
        ("新学员", lambda: AddPersonDialog(seeded_ctx, window, name="王德伦")),
        ("设置", lambda: __import__("studyapp.ui.settings.dialog", fromlist=["x"]).SettingsDialog(seeded_ctx, window)),
    ]
    for name, make in smaller:
        dialog = make()
        dialog.show()
        problems += check_fits(dialog, name)
        dialog.close()

    from studyapp.ui.records.preview import open_preview

    preview = open_preview(window, window.runner, "签到表", lambda _order: b"", file_stem="签到表",
                           xlsx=lambda _order: b"", orders=True, ctx=seeded_ctx)
    problems += check_fits(preview, "打印预览")
    preview.close()

    # the meeting room on one screen (a laptop mirrored to the projector): the host's controls
    # over the projection
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from studyapp.core.contest import ContestSetup, draw_teams
    from studyapp.ui.room.controller import open_run

    people = room.people_ids(room.session_attendees(seeded_ctx, detail.id))
    contest = room.start_run(seeded_ctx, "contest", session_id=detail.id, document_id=seed_id, setup={
        "seconds": 30, "contest": ContestSetup(draw_teams(people, 3, seed=2)).to_json(),
        "question_ids": room.pick_questions(seeded_ctx, seed_id, count=5, seed=5,
                                            types=("single", "multiple", "judge", "fill"))},
        title="依法治市知识竞赛").info.id
    family = str(QApplication.instance().property("studyapp_font_family"))
    c = open_run(seeded_ctx, room.get_run(seeded_ctx, contest), family)
    c.start()
    qtbot.waitExposed(c.audience_window)
    c.next()
    QTest.keyClick(c.audience_window, Qt.Key.Key_Tab)
    assert c.overlay_visible
    problems += check_fits(c.audience_window, "知识竞赛-单屏控制台")
    c.close()

    # 会议室 → 继续上次的…: an unfinished run's long title stays on the screen
    menu = window.findChild(QMenu, "resumeMenu")
    window.room_launcher().fill_resume_menu(menu)
    if menu.sizeHint().width() > AVAILABLE[0] * 0.7:
        problems.append(f"继续上次的…: 菜单宽 {menu.sizeHint().width()} 像素")

    assert not problems, "\n".join(problems)
