"""操作记录 (ui/records/audit.py): every change to the records, the scores and the bank, newest
first, filtered by kind, at most the newest 2,000, exported to Excel or PDF to print and file."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFileDialog

from studyapp.services import attendance, audit, roster, scores
from studyapp.services.dto_records import PersonDraft
from studyapp.ui.records.audit import COLUMNS, LIMIT

from .conftest import pdf_text


def _rows(dialog) -> list[list[str]]:  # noqa: ANN001
    return [[dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
            for r in range(dialog.table.rowCount())]


def _open(qtbot, records):  # noqa: ANN001, ANN202
    dialog = records.show_audit()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not records.runner.busy)
    return dialog


def _choose(qtbot, records, dialog, area: str | None) -> None:  # noqa: ANN001
    dialog.area.setCurrentIndex(dialog.area.findData(area))
    qtbot.waitUntil(lambda: not records.runner.busy)


def _insert(ctx, entries: list[dict]) -> None:  # noqa: ANN001
    """Log entries as the services write them (many at once: a county's years of work)."""
    from sqlalchemy import insert

    from studyapp.db.models_records import AuditEntry

    with ctx.engine.begin() as conn:
        conn.execute(insert(AuditEntry), entries)


def test_nothing_logged_yet_says_so_and_offers_no_export(qtbot, records) -> None:  # noqa: ANN001
    dialog = _open(qtbot, records)
    assert dialog.windowTitle() == "操作记录"
    assert [dialog.table.horizontalHeaderItem(c).text() for c in range(len(COLUMNS))] == list(COLUMNS)
    assert dialog.table.rowCount() == 0 and dialog.status.text() == "还没有操作记录。"
    assert not dialog.export_button.isEnabled() and not dialog.pdf_button.isEnabled()


def test_changes_are_listed_newest_first_with_who_what_and_before_after(qtbot, records, seeded_ctx, people,  # noqa: ANN001
                                                                        seed_session) -> None:
    ids = people(3)
    attendance.set_expected(seeded_ctx, seed_session, person_ids=ids)
    scores.set_score(seeded_ctx, seed_session, ids[0], 86)
    scores.set_score(seeded_ctx, seed_session, ids[0], 90)
    dialog = _open(qtbot, records)
    rows = _rows(dialog)
    first = rows[0]
    assert first[1:4] == ["本机", "成绩", "修改"] and first[5] == "86 分 → 90 分" and "王德伦" in first[4]
    assert rows[1][3] == "录入" and rows[1][5] == "86 分"  # (a first score has no before)
    assert dt.datetime.strptime(first[0], "%Y-%m-%d %H:%M:%S")
    times = [r[0] for r in rows]
    assert times == sorted(times, reverse=True)
    assert {r[2] for r in rows} >= {"成绩", "名册"}  # the three people added are logged too
    assert dialog.status.text() == f"共 {len(rows)} 条" and dialog.export_button.isEnabled()
    # every cell carries its whole text as a tooltip (a long 改动 is cut in its column)
    assert dialog.table.item(0, 5).toolTip() == first[5]


def test_the_kind_filter_shows_one_kind_and_all_again(qtbot, records, seeded_ctx, people, seed_session) -> None:  # noqa: ANN001
    ids = people(2)
    attendance.set_expected(seeded_ctx, seed_session, person_ids=ids)
    scores.set_score(seeded_ctx, seed_session, ids[0], 75)
    dialog = _open(qtbot, records)
    assert [dialog.area.itemText(i) for i in range(dialog.area.count())] == [
        "全部", "成绩", "考勤", "名册", "学习记录", "题库", "设置"]
    everything = _rows(dialog)
    _choose(qtbot, records, dialog, "名册")
    named = _rows(dialog)
    assert len(named) == 2 and {r[2] for r in named} == {"名册"} and len(everything) > len(named)
    _choose(qtbot, records, dialog, "成绩")
    assert [r[5] for r in _rows(dialog)] == ["75 分"]
    _choose(qtbot, records, dialog, "题库")  # nothing of that kind: said, nothing to export
    assert dialog.table.rowCount() == 0 and dialog.status.text() == "还没有操作记录。"
    assert not dialog.export_button.isEnabled()
    _choose(qtbot, records, dialog, None)
    assert _rows(dialog) == everything


def test_only_the_newest_2000_are_listed_and_it_says_so(qtbot, records, seeded_ctx) -> None:  # noqa: ANN001
    start = dt.datetime(2020, 1, 1, 8, 0, 0)
    _insert(seeded_ctx, [dict(at=start + dt.timedelta(minutes=i), actor="命令行", area="考勤", action="修改",
                              target=f"第 {i} 条", old="缺席", new="出席") for i in range(LIMIT + 5)])
    dialog = _open(qtbot, records)
    assert dialog.table.rowCount() == LIMIT == 2000
    assert dialog.status.text() == "列出最新的 2000 条（更早的未列出）"
    assert dialog.table.item(0, 4).text() == f"第 {LIMIT + 4} 条"  # the newest on top
    assert dialog.table.item(LIMIT - 1, 4).text() == "第 5 条"  # the five oldest left out
    assert dialog.table.item(0, 0).text() == f"{start + dt.timedelta(minutes=LIMIT + 4):%Y-%m-%d %H:%M:%S}"
    assert dialog.table.item(0, 5).text() == "缺席 → 出席"


def test_export_to_excel_and_pdf_of_what_the_filter_shows(qtbot, records, seeded_ctx, people, tmp_path) -> None:  # noqa: ANN001
    """The workbook holds the rows as text (a name starting with = is no formula); the PDF says
    which kind it lists and leaves room for the checker's signature."""
    from openpyxl import load_workbook

    roster.add_person(seeded_ctx, PersonDraft("=HYPERLINK(\"x\")", "乡党委", "干部"))
    people(2)
    dialog = _open(qtbot, records)
    _choose(qtbot, records, dialog, "名册")
    target = tmp_path / "操作记录.xlsx"
    with qtbot.waitSignal(records.runner.idle, timeout=10000):
        dialog.export(str(target))
    assert dialog.status.text() == f"已导出：{target}"
    ws = load_workbook(target).active
    assert ws.cell(1, 1).value == "操作记录" and ws.cell(3, 6).value == "改动"
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)
    assert any("HYPERLINK" in str(c.value) for row in ws.iter_rows() for c in row)
    printed = tmp_path / "操作记录.pdf"
    with qtbot.waitSignal(records.runner.idle, timeout=10000):
        dialog.export(str(printed), pdf=True)
    text = pdf_text(printed)
    assert "操作记录" in text and "类别：名册" in text and "核对人签字" in text


def test_cancelling_the_save_dialog_exports_nothing(qtbot, records, people, monkeypatch) -> None:  # noqa: ANN001
    people(1)
    dialog = _open(qtbot, records)
    asked: list[str] = []

    def cancel(_parent, _title, suggested, _filter):  # noqa: ANN001, ANN202
        asked.append(suggested)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(cancel))
    assert dialog.export() is None and dialog.export(pdf=True) is None
    assert asked[0].endswith("操作记录.xlsx") and asked[1].endswith("操作记录.pdf")
    assert not records.runner.busy and dialog.status.text() == "共 1 条"



def test_exactly_2000_are_all_listed_without_saying_any_were_left_out(qtbot, records, seeded_ctx) -> None:  # noqa: ANN001
    start = dt.datetime(2020, 1, 1, 8, 0, 0)
    before = len(audit.entries(seeded_ctx, limit=LIMIT * 2))
    _insert(seeded_ctx, [dict(at=start + dt.timedelta(minutes=i), actor="命令行", area="考勤", action="修改",
                              target=f"第 {i} 条", old="缺席", new="出席") for i in range(LIMIT - before)])
    dialog = _open(qtbot, records)
    assert dialog.table.rowCount() == LIMIT
    assert dialog.status.text() == f"共 {LIMIT} 条"
