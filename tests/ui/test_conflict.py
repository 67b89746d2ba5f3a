"""The one 「已被修改」 question (ui/conflict.py): the record's message, 重新载入 / 仍然保存 / 取消,
each choice running what it says and nothing else."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox, QWidget

from studyapp.ui.conflict import CANCEL, OVERWRITE, RELOAD, ask_edit_conflict


@pytest.mark.parametrize(("choice", "runs"), [(RELOAD, ["reload"]), (OVERWRITE, ["overwrite"]), (CANCEL, [])])
def test_each_choice_runs_what_it_says(qtbot, choice: str, runs: list[str]) -> None:  # noqa: ANN001
    parent = QWidget()
    qtbot.addWidget(parent)
    ran: list[str] = []
    box = ask_edit_conflict(parent, "试题已被修改", "试题（编号 7：……）在您打开之后已被别人修改过，您的修改没有保存。",
                            reload=lambda: ran.append("reload"), overwrite=lambda: ran.append("overwrite"))
    assert box.isVisible() and box.windowTitle() == "试题已被修改" and box.icon() == QMessageBox.Icon.Warning
    assert "编号 7" in box.text() and box.text().endswith("要怎么做？")
    assert sorted(b.text() for b in box.buttons()) == sorted([RELOAD, OVERWRITE, CANCEL])
    [button] = [b for b in box.buttons() if b.text() == choice]
    button.click()
    assert ran == runs
    qtbot.waitUntil(lambda: not shiboken6.isValid(box), timeout=2000)  # answered, it goes


@pytest.mark.parametrize(("again", "runs"), [(True, ["reapply"]), (False, [])])
def test_a_sheet_asks_whether_to_put_the_users_value_over_the_other_one(qtbot, again: bool,
                                                                        runs: list[str]) -> None:  # noqa: ANN001
    """考勤/成绩 (ask_reapply): the service's message, 「仍然改为“…”吗？」, and two buttons — the
    user's value again, or the other PC's kept (the default: nothing is overwritten by Enter)."""
    from studyapp.ui.conflict import KEEP_THEIRS, ask_reapply

    parent = QWidget()
    qtbot.addWidget(parent)
    ran: list[str] = []
    box = ask_reapply(parent, "考勤已被别人修改", "王德伦的考勤已被别人（另一台电脑或命令行）改为“请假”（在您打开之后）……",
                      "缺席", reapply=lambda: ran.append("reapply"))
    assert box.isVisible() and "改为“请假”" in box.text() and box.text().endswith("仍然改为“缺席”吗？")
    assert sorted(b.text() for b in box.buttons()) == sorted(["仍然改为“缺席”", KEEP_THEIRS])
    assert box.defaultButton().text() == KEEP_THEIRS
    [button] = [b for b in box.buttons() if b.text() == ("仍然改为“缺席”" if again else KEEP_THEIRS)]
    button.click()
    assert ran == runs
    qtbot.waitUntil(lambda: not shiboken6.isValid(box), timeout=2000)


@pytest.mark.parametrize(("choice", "answer"), [(OVERWRITE, "overwrite"), ("放弃我的笔记", "discard"), ("不关闭", "cancel")])
def test_closing_with_held_notes_asks_once_and_says_how_many(qtbot, choice: str, answer: str) -> None:  # noqa: ANN001
    from studyapp.ui.conflict import ask_on_close

    seen = _answer_with(qtbot, choice, lambda parent: ask_on_close(parent, 2), answer)
    assert "有 2 条笔记" in seen and seen.endswith("要怎么做？")


@pytest.mark.parametrize(("choice", "answer"), [("再试一次", "retry"), ("放弃我的笔记", "discard"), ("不关闭", "cancel")])
def test_closing_with_notes_a_busy_database_kept_out_asks_and_says_how_many(qtbot, choice: str,
                                                                            answer: str) -> None:  # noqa: ANN001
    from studyapp.ui.conflict import ask_busy_on_close

    seen = _answer_with(qtbot, choice, lambda parent: ask_busy_on_close(parent, 3), answer)
    assert "有 3 条笔记还没能保存" in seen and "另一个程序正在写入" in seen


def _answer_with(qtbot, choice: str, ask, answer: str) -> str:  # noqa: ANN001
    """Open the closing question `ask(parent)`, press `choice` in it; check the answer, return its text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def press() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == choice]
        button.click()

    QTimer.singleShot(50, press)
    assert ask(parent) == answer
    return seen[0]
