"""The 学习记录 window: 人员名单, 学习会 (with 考勤, 成绩, printing) and 学时台账 as tabs.

A window of its own beside the reader (like the 题库), so a clerk can keep the document open
on one side and the record on the other; one per main window, raised when asked again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from studyapp.services.context import AppContext
from studyapp.ui.lazy import LazyPage
from studyapp.ui.records.hours import HoursPanel
from studyapp.ui.records.roster import RosterPanel
from studyapp.ui.records.sessions import SessionsPanel
from studyapp.ui.tasks import TaskRunner, report_failure

log = logging.getLogger("studyapp.ui")

#: (page, menu text) in the order of the tabs and of the 学习记录 menu
_TAB_TITLES = {"roster": "人员名单", "sessions": "学习会", "hours": "学时台账"}


class RecordsWindow(QMainWindow):
    """Tabs over the records services; long work goes through the shared task runner."""

    def __init__(
        self,
        ctx: AppContext,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
        *,
        open_question: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setObjectName("recordsWindow")
        self.setWindowTitle("学习记录")
        self.ctx = ctx
        self.runner = runner or TaskRunner(self)
        self._own_runner = runner is None
        self._open_question = open_question
        # each tab's page is built when first shown or asked for (the window opens on one of them)
        self._roster_page: LazyPage[RosterPanel] = LazyPage(self._make_roster, self)
        self._sessions_page: LazyPage[SessionsPanel] = LazyPage(
            lambda parent: SessionsPanel(ctx, self.runner, self.notify, self._open_question, parent), self)
        self._hours_page: LazyPage[HoursPanel] = LazyPage(
            lambda parent: HoursPanel(ctx, self.runner, self.notify, parent), self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("recordsTabs")
        self._lazy: dict[str, LazyPage] = {"roster": self._roster_page, "sessions": self._sessions_page,
                                           "hours": self._hours_page}
        for page, holder in self._lazy.items():
            self.tabs.addTab(holder, _TAB_TITLES[page])
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        settings_menu = self.menuBar().addMenu("设置(&S)")
        self.unit_action = settings_menu.addAction("单位名称…")
        self.unit_action.setToolTip("印在每张表格标题上方的单位名称")
        self.unit_action.triggered.connect(self.edit_unit)
        records_menu = self.menuBar().addMenu("记录(&R)")
        self.audit_action = records_menu.addAction("操作记录…")
        self.audit_action.setToolTip("成绩、考勤、名册、题库的每一次改动：何时、由谁、改动前后")
        self.audit_action.triggered.connect(lambda: self.show_audit())
        records_menu.addSeparator()
        # (on a shared database another PC's saves show when the page is read again: F5 reads it now)
        self.refresh_action = records_menu.addAction("刷新")
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.setToolTip("重新读取名单、学习会、考勤、成绩和学时：看到其他电脑刚刚保存的改动")
        self.refresh_action.triggered.connect(self.refresh_now)
        self.statusBar().showMessage("就绪")
        QShortcut(QKeySequence("Ctrl+W"), self, self.close)
        self.resize(1280, 720)

    def edit_unit(self) -> None:
        from studyapp.ui.records.unit import edit_unit

        edit_unit(self, self.ctx, stored=lambda name: self.notify(f"单位名称：{name or '（未填写）'}"))

    def show_audit(self) -> QWidget:
        from studyapp.ui.records.audit import AuditDialog

        dialog = AuditDialog(self.ctx, self.runner, self)
        dialog.show()
        return dialog

    def notify(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    # the pages, built on first use ------------------------------------------------------------
    @property
    def roster(self) -> RosterPanel:
        return self._roster_page.page()

    @property
    def sessions(self) -> SessionsPanel:
        return self._sessions_page.page()

    @property
    def hours(self) -> HoursPanel:
        return self._hours_page.page()

    @property
    def pages(self) -> dict[str, QWidget]:
        """Every page, built (what a test or a menu that walks them all asks for)."""
        return {name: holder.page() for name, holder in self._lazy.items()}

    def _make_roster(self, parent: QWidget) -> RosterPanel:
        panel = RosterPanel(self.ctx, self.runner, self.notify, parent)
        panel.changed.connect(self._roster_changed)
        return panel

    def current_page(self) -> QWidget:
        """The page of the tab shown (built)."""
        holder = self.tabs.currentWidget()
        return holder.page() if isinstance(holder, LazyPage) else holder

    def built_pages(self) -> list[str]:
        """The pages built so far (the others wait until first shown)."""
        return [name for name, holder in self._lazy.items() if holder.built]

    def show_page(self, page: str) -> QWidget:
        """Bring `page` to the front, built now (for code that goes on to use it)."""
        self.choose_page(page)
        return self._lazy[page].page()

    def choose_page(self, page: str) -> None:
        """Bring `page` to the front; one not built yet is built once the window is painted."""
        self.tabs.setCurrentWidget(self._lazy[page])

    def refresh_all(self) -> None:
        """Re-read everything (the window was hidden while the reader or the CLI changed data);
        a page not built yet reads its data when it is."""
        for holder in self._lazy.values():
            page = holder.if_built()
            if page is not None:
                page.refresh()

    def refresh_now(self) -> None:
        """刷新 (F5): every built page reads its data again, the chosen session's 考勤 and 成绩 too
        (a session's form being edited is left as it is)."""
        self.refresh_all()
        sessions = self._sessions_page.if_built()
        if sessions is not None:
            for page in (sessions._attendance_page.if_built(), sessions._scores_page.if_built()):
                if page is not None:
                    page.reload()
        self.notify("已刷新：重新读取了数据库中的记录")

    def _tab_changed(self, index: int) -> None:
        """Other tabs may have changed what this one shows (marks → hours, roster → groups);
        a page not built yet reads its data when it is built (after this)."""
        holder = self.tabs.widget(index)
        if (holder is self._hours_page or holder is self._sessions_page) and isinstance(holder, LazyPage):
            page = holder.if_built()
            if page is not None:
                page.refresh()

    def _roster_changed(self) -> None:
        sessions = self._sessions_page.if_built()
        attendance = sessions._attendance_page.if_built() if sessions is not None else None
        if attendance is not None:
            attendance._load_sources()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Unsaved edits of a session are offered for saving before the window goes."""
        sessions = self._sessions_page.if_built()
        if sessions is not None and sessions.dirty and sessions.form.detail is not None \
                and not sessions._confirm_leave(then=self.close):
            event.ignore()  # (保存: stored first, then closed by `then`; 取消: stays open)
            return
        if self._own_runner:
            self.runner.shutdown()
        super().closeEvent(event)


def open_question_in_bank(host: QWidget, question_id: int) -> None:
    """「在题库中查看」: the main window's 题库 window of the question's document, on that question.

    Uses the bank UI's public entry points (MainWindow.open_bank, BankWindow.refresh(select=)).
    """
    from studyapp.ui.bank import ops as bank_ops

    def show(view) -> None:  # noqa: ANN001 - QuestionView
        window = host.open_bank(document_id=view.document_id)  # type: ignore[attr-defined]  # (the main window's own, which this module does not import)
        if window is not None:
            window.refresh(select=question_id)

    bank_ops.question(host, question_id, show).failure(lambda exc: report_failure(host, "在题库中查看", exc)).run()


def open_records(host: QWidget, page: str = "sessions") -> RecordsWindow:
    """Show (creating once) the records window of a main window `host`, on `page`.

    `host` provides ctx and runner (and open_bank, for 「在题库中查看」); the window is kept as
    host.records_window so a second click raises it rather than opening another.
    """
    window: RecordsWindow | None = getattr(host, "records_window", None)
    if window is None:
        opener = (lambda qid: open_question_in_bank(host, qid)) if hasattr(host, "open_bank") else None
        window = RecordsWindow(host.ctx, getattr(host, "runner", None), host,  # type: ignore[attr-defined]  # (the main window's, found by walking up the parents)
                               open_question=opener)
        host.records_window = window  # type: ignore[attr-defined]  # (the main window's own, which this module does not import)
        window.setGeometry(host.geometry())
    elif not window.isVisible():
        window.refresh_all()
    window.choose_page(page)
    window.show()
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):  # screenless: cannot raise
        window.raise_()
    window.activateWindow()
    return window
