"""The editable sheets of a session (ui/records/sheet.py): a 1,000-person session is shown by
working out only the rows on screen, typing into a cell tells the panel, and the QTableWidget
calls the panels use read the same."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from studyapp.ui.cells import ID_ROLE
from studyapp.ui.records.sheet import SheetModel, SheetView
from studyapp.ui.rowtable import Cell


def _sheet(qtbot, names: list[str]):  # noqa: ANN001, ANN202
    worked: list[int] = []
    typed: list[tuple[int, int, str]] = []
    notes = [""] * len(names)

    def cells_of(row: int) -> tuple[Cell, ...]:
        worked.append(row)
        return (Cell(str(row + 1), row * 10, right=True), Cell(names[row]), Cell(notes[row], tip="备注"))

    model = SheetModel(("序号", "姓名", "备注"), cells_of, editable=(2,))
    view = SheetView(model, stretch=(2,))
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)

    def edited(row: int, column: int, text: str) -> None:
        typed.append((row, column, text))
        notes[row] = text
        model.row_changed(row)

    model.edited.connect(edited)
    return model, view, worked, typed


def test_a_thousand_rows_are_shown_by_working_out_only_those_on_screen(qtbot) -> None:  # noqa: ANN001
    names = [f"干部{i:04d}" for i in range(1000)]
    model, view, worked, _typed = _sheet(qtbot, names)
    model.reset(len(names))
    qtbot.wait(20)  # (the view draws)
    assert view.rowCount() == 1000
    assert 0 < len(set(worked)) < 100  # a screenful (and the header's measure), not 1,000 rows
    view.scrollToBottom()
    qtbot.wait(20)
    assert view.item(999, 1).text() == "干部0999" and view.item(999, 0).data(ID_ROLE) == 9990
    assert view.item(1000, 1) is None
    assert 999 in worked and len(set(worked)) < 200


def test_typing_into_a_cell_tells_the_panel_once_and_read_only_cells_refuse(qtbot) -> None:  # noqa: ANN001
    model, view, _worked, typed = _sheet(qtbot, ["王德伦", "欧阳丽华", "张国华"])
    model.reset(3)
    view.item(1, 2).setText("到县里开会")  # (setText is typing, as on a QTableWidgetItem)
    view.item(1, 2).setText("到县里开会")  # the same text again: no edit
    assert typed == [(1, 2, "到县里开会")]
    assert view.item(1, 2).text() == "到县里开会" and view.item(1, 2).toolTip() == "备注"
    view.item(0, 1).setText("别人")  # the name is read-only
    assert view.item(0, 1).text() == "王德伦" and len(typed) == 1
    assert not view.item(0, 1).flags() & Qt.ItemFlag.ItemIsEditable

    view.setFocus()
    view.setCurrentCell(2, 2)
    assert (view.currentRow(), view.currentColumn()) == (2, 2) and view.currentItem().text() == ""
    view.edit(view.currentIndex())
    [editor] = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.setText("请假")  # (as an input method delivers it)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(typed) == 2)  # (the delegate commits on the next turn of the loop)
    assert typed[-1] == (2, 2, "请假") and view.item(2, 2).text() == "请假"
    view.edit(view.currentIndex())
    view.closePersistentEditor(view.item(2, 2))  # (an item, as QTableWidget takes it)
    assert view.state() != view.State.EditingState
