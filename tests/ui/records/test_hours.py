"""学时台账: the year's hours per person against a target, who is short is plain to see."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QColor

from studyapp.services import attendance, sessions
from studyapp.ui.records.common import SHORT_BG


def test_ledger_shows_who_is_short(qtbot, records, people, seed_session, settle) -> None:
    ids = people()
    ctx = records.ctx
    detail = sessions.get_session_detail(ctx, seed_session)
    sessions.update_session(ctx, seed_session, replace(sessions.draft_of(detail), hours=4))
    attendance.set_expected(ctx, seed_session)
    attendance.mark_all_present(ctx, seed_session)
    attendance.mark(ctx, seed_session, ids[1], "leave", "外出培训")  # 欧阳丽华 earns nothing

    panel = records.show_page("hours")
    import datetime as dt

    assert panel.year.value() == dt.date.today().year  # the 台账 of the current year opens
    panel.year.setValue(2015)  # the sample session's year
    panel.target.setValue(4)
    settle()
    assert panel.short_names() == ["欧阳丽华"]
    row = next(r for r in range(panel.table.rowCount()) if panel.table.item(r, 1).text() == "欧阳丽华")
    assert panel.table.item(row, 6).text() == "还差 4"
    assert panel.table.item(row, 1).background().color() == QColor(SHORT_BG)
    assert panel.table.item(0, 6).text() == "已达标" and panel.table.item(0, 5).text() == "4"
    assert "未达标 1 人" in panel.summary.text()

    panel.only_short.setChecked(True)
    assert panel.table.rowCount() == 1
    panel.target.setValue(32)  # the usual yearly target: everyone is short after one session
    settle()
    assert len(panel.short_names()) == len(ids)


def test_default_target_comes_from_settings(qtbot, records, settle) -> None:
    from studyapp.services.settings import get_setting

    panel = records.hours
    assert panel.target.value() == 32  # hours.target_party_member
    panel.target.setValue(56)
    panel.store_target()
    settle()
    assert get_setting(records.ctx, "hours.ledger_target") == 56


def test_personal_archive_preview(qtbot, records, people, seed_session) -> None:
    ids = people(3)
    attendance.mark(records.ctx, seed_session, ids[0], "present")
    panel = records.show_page("hours")
    with qtbot.waitSignal(panel.previewOpened, timeout=5000) as opened:
        panel.print_personal(ids[0])
    dialog = opened.args[0]
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=20000) as loaded:
        pass
    assert loaded.args[0] >= 1
