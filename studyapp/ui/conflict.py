"""The one question a form asks when its save met someone else's change (several PCs on one
shared database, or the command line, changed the same record since the form read it): the
service refused the save (EditConflict, nothing written) and the user decides —

* 重新载入（放弃我的修改）: show what is stored now, the typing is dropped;
* 仍然保存（覆盖别人的修改）: save the form's typing over the other change;
* 取消: nothing happens, the typing stays in the form.

The 学习记录 form and the 题库's question editor ask it the same way, with this helper.

A sheet (考勤, 成绩) has no typing to keep: its one-cell save was refused, the sheet is read
again (the other PC's value shows), and `ask_reapply` asks 「仍然改为……？」 — yes puts the
user's value over the value now shown (checked again: a third change is caught too), no keeps it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

RELOAD = "重新载入（放弃我的修改）"
OVERWRITE = "仍然保存（覆盖别人的修改）"
CANCEL = "取消"


def ask_edit_conflict(parent: QWidget, title: str, message: str, *, reload: Callable[[], object],
                      overwrite: Callable[[], object]) -> QMessageBox:
    """Open the question (window-modal, without blocking) over `parent`; `reload` or `overwrite`
    runs after the user's choice, nothing after 取消. `message` is the service's (it names the
    record). Returns the box (tests press its buttons); it deletes itself once answered."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message + "\n\n要怎么做？",
                      QMessageBox.StandardButton.NoButton, parent)
    reload_button = box.addButton(RELOAD, QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(OVERWRITE, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(CANCEL, QMessageBox.ButtonRole.RejectRole)

    def chosen(_result: int) -> None:
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is reload_button:
            reload()
        elif clicked is keep:
            overwrite()

    box.finished.connect(chosen)
    box.open()
    return box


def ask_reapply(parent: QWidget, title: str, message: str, mine: str, *,
                reapply: Callable[[], object], verb: str | None = None) -> QMessageBox:
    """Ask (window-modal, without blocking) whether to put the user's value `mine` over the one
    another PC stored, which the sheet behind now shows; `message` is the service's (it names
    the person and the other value). 「仍然改为“…”」 runs `reapply`; 「保留别人的修改」 nothing.
    `verb`: what 仍然 does when it is not a value put in (「把“王德伦”移出名单」).
    Returns the box (tests press its buttons); it deletes itself once answered."""
    action = verb if verb is not None else f"改为“{mine}”"
    box = QMessageBox(QMessageBox.Icon.Warning, title,
                      f"{message}\n\n表中已显示别人的修改。仍然{action}吗？",
                      QMessageBox.StandardButton.NoButton, parent)
    again = box.addButton(f"仍然{action}", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(KEEP_THEIRS, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)

    def chosen(_result: int) -> None:
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is again:
            reapply()

    box.finished.connect(chosen)
    box.open()
    return box


KEEP_THEIRS = "保留别人的修改"

DISCARD_NOTES = "放弃我的笔记"
CANCEL_CLOSE = "不关闭"


def ask_on_close(parent: QWidget, held: int) -> str:
    """Closing with notes whose save met another PC's note (the user chose 取消 then): ask once,
    the window waiting — "overwrite" stores them over the other notes, "discard" drops them,
    "cancel" keeps the window open. (Closed unasked, the typing would be lost without a word.)"""
    box = QMessageBox(QMessageBox.Icon.Warning, "关闭",
                      f"有 {held} 条笔记在您写的时候被别人（另一台电脑或命令行）修改过，您写的还没有保存。\n\n"
                      "要怎么做？", QMessageBox.StandardButton.NoButton, parent)
    keep = box.addButton(OVERWRITE, QMessageBox.ButtonRole.DestructiveRole)
    drop = box.addButton(DISCARD_NOTES, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(CANCEL_CLOSE, QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return "overwrite" if clicked is keep else "discard" if clicked is drop else "cancel"


RETRY = "再试一次"


def ask_busy_on_close(parent: QWidget, unsaved: int) -> str:
    """Closing while another program kept the database busy past the long wait: the notes typed
    are not stored yet. Ask, the window waiting — "retry" tries again, "discard" drops them,
    "cancel" keeps the window open (they are saved after the next pause, as while reading)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "关闭",
                      f"另一个程序正在写入数据库，有 {unsaved} 条笔记还没能保存。\n\n要怎么做？",
                      QMessageBox.StandardButton.NoButton, parent)
    again = box.addButton(RETRY, QMessageBox.ButtonRole.AcceptRole)
    drop = box.addButton(DISCARD_NOTES, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(CANCEL_CLOSE, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(again)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return "retry" if clicked is again else "discard" if clicked is drop else "cancel"


__all__ = ["CANCEL", "CANCEL_CLOSE", "DISCARD_NOTES", "KEEP_THEIRS", "OVERWRITE", "RELOAD", "RETRY",
           "ask_busy_on_close", "ask_edit_conflict", "ask_on_close", "ask_reapply"]
