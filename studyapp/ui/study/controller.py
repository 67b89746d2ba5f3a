"""The 学习 menu and everything behind it, attached to the main window by one hook.

The controller owns who is studying (on a shared PC for this run of the app only: the next
start asks again, with the last learner preselected; on a personal PC — 「这是我的个人电脑」 —
the last learner is back at start), what was read before anyone was chosen (it becomes the
progress of the learner who then picks their name), the study pages shown in the main window
in place of the reader, the 「返回…」 bar while the reader is looked at from a page, the status
bar's 「学习者：… · 今日待复习 N 题」, and the learner's mastery dots in the reader's tree.

Reads that can take a while (我的学习, the 错题本, drawing questions, handing in) run on the
main window's TaskRunner; answers are stored directly (a couple of milliseconds each).
"""

from __future__ import annotations

import datetime
import html
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.model import UserError
from studyapp.services import AppContext
from studyapp.services.dto_records import PersonView
from studyapp.services.dto_study import (
    SCOPE_REVIEW,
    SCOPE_SECTIONS,
    SCOPE_WRONGBOOK,
    AnswerResult,
    AttemptView,
    ExamResult,
    Scope,
    WrongBookItem,
)
from studyapp.ui import style
from studyapp.ui.study import ops as study_ops
from studyapp.ui.study.common import STUDY_STYLE, ask, button, label, tell
from studyapp.ui.study.pages import StudyPage
from studyapp.ui.tasks import Task, report_failure

if TYPE_CHECKING:
    from studyapp.core.blueprint import Blueprint
    from studyapp.ui.study.learner import WhoDialog
    from studyapp.ui.study.result import ResultPage
    from studyapp.ui.study.setup import ExamSetupDialog, PracticeSetupDialog

# The pages, the forms and the services behind them (the FSRS scheduler, the question drawing)
# are imported when first used: the main window must appear as soon as the reader is ready.
log = logging.getLogger("studyapp.ui")

CHOICE_TYPES = ("single", "multiple", "judge", "fill")
REVIEW_MAX = 50  # one sitting of 今日复习; the rest stays due and comes next time


class StudyController(QObject):
    """Self-study for the main window: learner, pages, status and mastery marks."""

    learnerChanged = Signal(object)  # PersonView
    pageShown = Signal(object)  # the StudyPage now on screen
    statusUpdated = Signal(str)
    masteryUpdated = Signal()
    adminRequested = Signal(str)  # the 首页's tools: bank / records / import / room

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx: AppContext = window.ctx  # type: ignore[attr-defined]  # (the main window's, found by walking up the parents)
        self.runner = window.runner  # type: ignore[attr-defined]  # (the main window's, found by walking up the parents)
        self.reader = window.reader  # type: ignore[attr-defined]  # (the main window's, found by walking up the parents)
        self.person: PersonView | None = None
        self.page: StudyPage | None = None
        # reads made before anyone is chosen belong to whoever then picks their name
        self.started_at = study_ops.reading_clock()
        self._claimed: set[int] = set()
        self.due_today: int | None = None
        self.dialog: QDialog | None = None  # the form open now (tests drive it)
        self.pending_box: QMessageBox | None = None
        # the 学习 menu and its actions (install_study makes them)
        self.menu: QMenu
        self.act_home: QAction
        self.act_who: QAction
        self.act_resume: QAction
        self.act_practice: QAction
        self.act_section: QAction
        self.act_exam: QAction
        self.act_wrongbook: QAction
        self.act_review: QAction
        self.act_my_study: QAction
        self._mastery_run = 0

        # the central area: the reader, or a study page, with a 「返回…」 bar over the reader
        reader = window.takeCentralWidget()
        assert reader is not None  # (the reader attach() made the central widget)
        self.area = QWidget(window)
        self.area.setObjectName("studyArea")
        area_layout = QVBoxLayout(self.area)
        area_layout.setContentsMargins(0, 0, 0, 0)
        area_layout.setSpacing(0)
        self.return_bar = QFrame(self.area)
        self.return_bar.setObjectName("returnBar")
        self.return_bar.setStyleSheet(
            STUDY_STYLE + f"QFrame#returnBar {{ background: {style.ACCENT_LIGHT};"
            f" border-bottom: 1px solid {style.BORDER}; }}")
        bar = QHBoxLayout(self.return_bar)
        bar.setContentsMargins(16, 6, 16, 6)
        self.return_text = label("", "feedbackText", self.return_bar, wrap=False)
        self.return_button = button("返回", self.return_bar, primary=True)
        self.return_button.clicked.connect(self.return_to_page)
        bar.addWidget(self.return_text, 1)
        bar.addWidget(self.return_button)
        self.return_bar.hide()
        self.stack = QStackedWidget(self.area)
        self.stack.addWidget(reader)
        area_layout.addWidget(self.return_bar)
        area_layout.addWidget(self.stack, 1)
        window.setCentralWidget(self.area)
        self.back_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self.back_key.activated.connect(self.return_to_page)
        self.back_key.setEnabled(False)

        self.status_label = QLabel(window)
        self.status_label.setObjectName("learnerStatus")
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setToolTip("点姓名可以换人（学习 → 谁在学习）")
        self.status_label.linkActivated.connect(lambda _link: self.choose_person())
        self.status_label.setContentsMargins(8, 0, 8, 0)
        window.statusBar().addPermanentWidget(self.status_label)
        self._show_status()

        self.reader.documentShown.connect(lambda _view: self.refresh_mastery())
        self.reader.sectionMarkedRead.connect(self._section_read)
        window.installEventFilter(self)

    # the learner ---------------------------------------------------------------------------------
    def with_person(self, then: Callable[[], Any]) -> None:
        """Run `then` for the current learner; ask 「谁在学习？」 first if nobody is chosen yet."""
        if self.person is not None:
            then()
        else:
            self.choose_person(then)

    def _open_dialog(self, dialog: QDialog) -> None:
        """Show a form window-modally; once answered it is deleted (a setup form opened a hundred
        times must not leave a hundred hidden dialogs behind)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def gone(_obj=None, d=dialog) -> None:
            if self.dialog is d:
                self.dialog = None

        dialog.destroyed.connect(gone)
        self.dialog = dialog
        dialog.open()

    def choose_person(self, then: Callable[[], Any] | None = None) -> WhoDialog:
        """「谁在学习？」 (non-blocking); after a choice: unfinished attempts, then `then`."""
        from studyapp.ui.study.learner import WhoDialog

        last, remember = study_ops.last_learner_now(self.ctx)
        dialog = WhoDialog(self.ctx, self.window, preselect=self.person.id if self.person else last,
                           remember=remember)

        def done(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.person is not None:
                study_ops.remember_learner(self, dialog.person.id, dialog.remember).run()
                self.set_person(dialog.person)
                self.offer_resume(then)

        dialog.finished.connect(done)
        self._open_dialog(dialog)
        return dialog

    def restore_learner(self) -> None:
        """On a personal PC (「记住我」 ticked) the last learner is studying again at start."""
        def found(person: PersonView | None) -> None:
            if person is not None and person.active and self.person is None:
                self.set_person(person)

        study_ops.remembered_learner(self, found).run()

    def set_person(self, person: PersonView) -> None:
        if self.person is not None and self.person.id != person.id and self.page is not None:
            self.close_page()  # the previous learner's screen is not the new one's
        self.person = person
        log.info("learner is now person %d", person.id)
        self._show_status()
        self.refresh_status()
        self.refresh_mastery()
        self.learnerChanged.emit(person)

    def _show_status(self) -> None:
        link = f"color:{style.ACCENT}; text-decoration:none"
        if self.person is None:
            text = f"学习者：<a href='who' style='{link}'>请选择</a>"
        else:
            due = "…" if self.due_today is None else str(self.due_today)
            text = (f"学习者：<a href='who' style='{link}'>{html.escape(self.person.name)}</a>"
                    f" · 今日待复习 {due} 题")
        self.status_label.setText(text)
        self.statusUpdated.emit(self.status_label.text())

    def status_text(self) -> str:
        """The status label as plain words (tests, the self-check)."""
        if self.person is None:
            return "学习者：请选择"
        due = "…" if self.due_today is None else str(self.due_today)
        return f"学习者：{self.person.name} · 今日待复习 {due} 题"

    def refresh_status(self) -> Task | None:
        """今日待复习 N 题, counted on the worker."""
        if self.person is None:
            return None
        pid = self.person.id

        def done(n: int) -> None:
            if self.person is not None and self.person.id == pid:
                self.due_today = n
                self._show_status()

        return study_ops.due_count(self, pid, done).failure(self._quiet).run()

    @staticmethod
    def _quiet(exc: BaseException) -> None:
        log.warning("background study refresh failed: %s", exc)

    # resume ----------------------------------------------------------------------------------------
    def offer_resume(self, then: Callable[[], Any] | None = None, *, say_none: bool = False) -> Task | None:
        """Hand in quizzes whose time ran out, then offer 「继续上次的答题」 (else run `then`)."""
        if self.person is None:
            return None
        person = self.person

        def done(found: tuple[list[int], list[Any]]) -> None:
            expired, unfinished = found
            if expired:
                self.window.statusBar().showMessage(
                    f"上次有 {len(expired)} 场模拟考试的时间已到，已自动交卷；成绩可在“我的学习”中查看。", 15000)
            if not unfinished:
                if say_none:
                    self.pending_box = tell(self.window, "继续上次的答题", "没有未做完的练习或模拟考试。")
                if then is not None:
                    then()
                return
            from studyapp.ui.study.setup import ResumeDialog

            dialog = ResumeDialog(unfinished, person.name, self.window)

            def chosen(result: int) -> None:
                aid = dialog.chosen_id()
                if result == QDialog.DialogCode.Accepted and aid is not None:
                    self.resume(aid)
                elif then is not None:
                    then()

            dialog.finished.connect(chosen)
            self._open_dialog(dialog)

        return study_ops.unfinished(self, person.id, done).failure(self._failed("继续上次的答题")).run()

    def resume(self, attempt_id: int) -> Task:
        """Open an unfinished attempt again: same questions, saved answers, the time that was left
        (read on the worker)."""
        def refused(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                self.pending_box = tell(self.window, "继续上次的答题", exc.message, warning=True)
            else:
                report_failure(self.window, "继续上次的答题", exc)

        return study_ops.resume_attempt(self, attempt_id, self.open_attempt).failure(refused).run()

    # pages -----------------------------------------------------------------------------------------
    def open_attempt(self, view: AttemptView) -> StudyPage:
        from studyapp.ui.study.exam import ExamPage
        from studyapp.ui.study.practice import PracticePage

        page: StudyPage
        if view.kind == "exam":
            page = ExamPage(self.ctx, self.runner, view)
        else:
            page = PracticePage(self.ctx, self.runner, view)
            page.sourceRequested.connect(self.show_answer_source)
            page.answered.connect(lambda _r: self.refresh_status())  # a slip may be due today
        page.finished.connect(self.show_result)
        self.show_page(page)
        return page

    def show_page(self, page: StudyPage) -> None:
        """Put a page in the main window in place of the reader (the previous page goes)."""
        self._drop_page()
        self.page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self._set_return_bar(False)
        if self.window.isVisible() and not self.window.isActiveWindow():
            self.window.activateWindow()  # after a dialog: the keys belong to this window again
        page.activate()
        # a dialog closing right now (继续上次的答题, 练习…) gives the focus back to where it was;
        # take it again once it has, so 1–4 and Enter work without a click
        QTimer.singleShot(0, page, page.activate)
        self.pageShown.emit(page)

    def _drop_page(self) -> None:
        old = self.page
        if old is None:
            return
        old.stop()
        self.page = None
        self.stack.removeWidget(old)
        old.hide()
        old.deleteLater()

    def close_page(self) -> None:
        """「返回阅读」: the page goes; an unfinished attempt can be continued later."""
        self._drop_page()
        self.show_reader()

    def show_reader(self) -> None:
        """Show the reader; with a page still open, the 「返回…」 bar leads back to it."""
        self.stack.setCurrentIndex(0)
        self._set_return_bar(self.page is not None)

    def return_to_page(self) -> None:
        if self.page is None:
            return
        self.stack.setCurrentWidget(self.page)
        self._set_return_bar(False)
        self.window.statusBar().clearMessage()  # 「已在…标出出处」 was about the reader
        self.page.activate()
        self.pageShown.emit(self.page)

    def _set_return_bar(self, on: bool) -> None:
        if on and self.page is not None:
            what = self.page.leave_text() or self.page.title_label.text()
            self.return_text.setText(f"正在查看原文。{what}")
            self.return_button.setText(f"{self.page.return_text}（Esc）")
        self.return_bar.setVisible(on)
        self.back_key.setEnabled(on)

    def _leave_then(self, action: Callable[[], Any]) -> None:
        """Before another study screen: an open attempt is left (kept), after a word."""
        page = self.page
        if page is None or not page.in_progress():
            action()
            return
        kind = "模拟考试" if page.is_exam else "练习"
        extra = "计时暂停，" if kind == "模拟考试" else ""
        self.return_to_page()
        self.pending_box = ask(
            self.window, f"离开{kind}",
            f"这次{kind}还没有结束。已答的题都已保存，{extra}以后可以在“学习 → 继续上次的答题”中接着做。\n现在离开吗？",
            "离开", f"继续{kind}", action)

    # showing the source ------------------------------------------------------------------------------
    def show_answer_source(self, result: AnswerResult) -> bool:
        """在原文中查看: the reader, at the quoted sentence, highlighted; the bar leads back."""
        loc = result.quote_location
        if loc is None:
            return False
        doc = getattr(getattr(self.page, "attempt", None), "document_id", None)
        if doc is None and result.question_id is not None:
            # (a review across documents: which one, the question says — read on the worker)
            study_ops.document_of(self, result.question_id, lambda d: self._show_source(loc, d)).run()
            return True
        return self._show_source(loc, doc)

    def _show_source(self, loc: Any, document_id: int | None) -> bool:
        self.show_reader()
        return bool(self.window.show_source(loc.section_id, loc.start, loc.end, field=loc.field,  # type: ignore[attr-defined]  # (the main window's own, which this module does not import)
                                            document_id=document_id))

    def show_wrong_source(self, item: WrongBookItem) -> Task:
        """在原文中查看 from the 错题本 (where the sentence stands now, read on the worker)."""
        def found(loc: Any) -> None:
            if loc is None:
                self.window.statusBar().showMessage("找不到这道题的出处原文，文件可能已修改", 6000)
            else:
                self._show_source(loc, item.document_id)

        return study_ops.quote_location(self, item.question_id, found).run()

    # 练习 -------------------------------------------------------------------------------------------
    def practice_dialog(self, scope_kind: str | None = None) -> PracticeSetupDialog:
        """练习…: the form, preset to the section being read."""
        from studyapp.ui.study.setup import PracticeSetupDialog

        assert self.person is not None
        count, wrong, due = study_ops.practice_form_now(self.ctx, self.person.id)
        dialog = PracticeSetupDialog(
            self.ctx, self.window, document=self.reader.view, section_id=self.reader.section_id,
            default_count=count, wrong_count=wrong, due_count=due, scope_kind=scope_kind)
        dialog.accepted.connect(
            lambda: self.start_practice(dialog.scope(), dialog.count.value(), dialog.chosen_types()))
        self._open_dialog(dialog)
        return dialog

    def start_practice(self, scope: Scope, count: int | None = None,
                       types: list[str] | tuple[str, ...] | None = None) -> Task | None:
        """Draw the questions on the worker, then show the first one."""
        if self.person is None:
            return None
        type_list = list(types) if types is not None else None
        return study_ops.start_practice(self, self.person.id, scope, count, type_list) \
            .success(self.open_attempt).failure(self._failed("练习")).run()

    def practise_section(self, section_id: int | None = None) -> Task | None:
        """练习本节: the section being read, at once, with the usual number of questions."""
        sid = section_id if section_id is not None else self.reader.section_id
        doc = self.reader.document_id
        if sid is None or doc is None:
            self.window.statusBar().showMessage("请先在阅读区打开要练习的章节", 5000)
            return None
        return self.start_practice(Scope(SCOPE_SECTIONS, doc, (sid,)), None, CHOICE_TYPES)

    def start_review(self) -> Task | None:
        """今日复习: the questions due today, most overdue first."""
        return self.start_practice(Scope(SCOPE_REVIEW, None), REVIEW_MAX, None)

    def practise_wrongbook(self) -> Task | None:
        return self.start_practice(Scope(SCOPE_WRONGBOOK, None), REVIEW_MAX, None)

    # 模拟考试 ---------------------------------------------------------------------------------------
    def exam_dialog(self) -> ExamSetupDialog | None:
        from studyapp.ui.study.setup import ExamSetupDialog

        view = self.reader.view
        if view is None:
            self.window.statusBar().showMessage("请先导入或打开一份文件", 5000)
            return None
        try:
            dialog = ExamSetupDialog(self.ctx, self.window, document=view)
        except UserError as exc:
            self.pending_box = tell(self.window, "模拟考试", exc.message, warning=True)
            return None
        dialog.accepted.connect(lambda: self.start_exam(dialog.blueprint()))
        self._open_dialog(dialog)
        return dialog

    def start_exam(self, blueprint: Blueprint) -> Task | None:
        if self.person is None:
            return None
        return study_ops.start_exam(self, self.person.id, blueprint) \
            .success(self.open_attempt).failure(self._failed("模拟考试")).run()

    # results -----------------------------------------------------------------------------------------
    def show_result(self, result: ExamResult) -> ResultPage:
        from studyapp.ui.study.result import ResultPage

        expired = result.status == "expired"
        banner = "考试时间到，试卷已自动交卷。没有作答的题按未答计分。" if expired else ""
        if result.session_note:
            banner = (banner + "\n" if banner else "") + result.session_note
        page = ResultPage(result, banner=banner)
        page.sourceRequested.connect(self.show_answer_source)
        page.closeRequested.connect(self.close_page)
        page.wrongbookRequested.connect(self.open_wrongbook)
        page.againRequested.connect(self.exam_dialog if result.kind == "exam" else self.practice_dialog)
        self.show_page(page)
        if expired:
            self.pending_box = tell(self.window, "考试时间到", "考试时间到，试卷已自动交卷。\n请查看成绩和每道题的答案。")
        self.refresh_status()
        self.refresh_mastery()
        return page

    # 错题本 / 我的学习 -----------------------------------------------------------------------------------
    def open_wrongbook(self) -> Task | None:
        if self.person is None:
            return None
        person = self.person

        def show(data: Any) -> None:
            from studyapp.ui.study.wrongbook import WrongBookPage

            page = WrongBookPage(data, person.name)
            page.practiceRequested.connect(self.practise_wrongbook)
            page.sourceRequested.connect(self.show_wrong_source)
            page.closeRequested.connect(self.close_page)
            self.show_page(page)

        return study_ops.wrongbook_page(self, person.id, show).failure(self._failed("错题本")).run()

    def open_my_study(self) -> Task | None:
        if self.person is None:
            return None
        person, doc = self.person, self.reader.document_id

        def show(data: Any) -> None:
            from studyapp.ui.study.mystudy import MyStudyPage

            page = MyStudyPage(data, person.name)
            page.wrongbookRequested.connect(self.open_wrongbook)
            page.reviewRequested.connect(self.start_review)
            page.sectionRequested.connect(self.practise_section)
            page.closeRequested.connect(self.close_page)
            self.show_page(page)

        return study_ops.my_study_page(self, person.id, doc, show).failure(self._failed("我的学习")).run()

    # 首页 -------------------------------------------------------------------------------------------
    def open_home(self) -> Task | None:
        """首页: the learner, what to do next, this year's progress (read on the worker; with no
        learner chosen yet, the page that asks for one is shown at once)."""
        if self.person is None:
            self._show_home(None)
            return None
        person = self.person
        doc, sid = self.reader.document_id, self.reader.section_id
        year = datetime.date.today().year

        def show(data: Any) -> None:
            if self.person is not None and self.person.id == person.id:
                self._show_home(data)

        return study_ops.front_page(self, person.id, doc, sid, year, show).failure(self._failed("首页")).run()

    def _show_home(self, data: Any) -> None:
        from studyapp.ui.study.home import HomePage

        page = HomePage(data)

        def learner(then: Callable[[], Any]) -> Callable[[], None]:
            return lambda: self.with_person(then)

        page.readRequested.connect(self.close_page)
        page.practiseRequested.connect(learner(self.practise_section))
        page.reviewRequested.connect(learner(self.start_review))
        page.wrongbookRequested.connect(learner(self.practise_wrongbook))
        page.examRequested.connect(learner(self.exam_dialog))
        page.myStudyRequested.connect(learner(self.open_my_study))
        page.chooseRequested.connect(lambda: self.choose_person(self._home_again))
        page.adminRequested.connect(self.adminRequested.emit)
        self.show_page(page)

    def _home_again(self) -> None:
        """After 换人 on the 首页, the 首页 of the new learner."""
        from studyapp.ui.study.home import HomePage

        if isinstance(self.page, HomePage) or self.page is None:
            self.open_home()

    @property
    def home_shown(self) -> bool:
        from studyapp.ui.study.home import HomePage

        return isinstance(self.page, HomePage) and self.stack.currentWidget() is self.page

    # the reader's tree -------------------------------------------------------------------------------
    def refresh_mastery(self) -> Task | None:
        """The learner's dots on the tree (read on the worker; a newer request wins)."""
        outline = self.reader.outline
        doc = self.reader.document_id
        if self.person is None or doc is None:
            outline.set_mastery(None)
            return None
        self._mastery_run += 1
        run, pid = self._mastery_run, self.person.id
        since = None if pid in self._claimed else self.started_at
        self._claimed.add(pid)
        return study_ops.mastery(self, pid, doc, lambda data: self._show_mastery(run, doc, data),
                                 claim_since=since).failure(self._quiet).run()

    def _show_mastery(self, run: int, doc: int, data: tuple[dict, str]) -> None:
        if run != self._mastery_run or doc != self.reader.document_id:
            return  # an older answer, or the reader moved to another document meanwhile
        marks, rule = data
        self.reader.outline.set_mastery(marks, rule)
        self.masteryUpdated.emit()

    def _section_read(self, section_id: int) -> None:
        """The reader marked a section read: it is read by this learner too (on the worker)."""
        if self.person is None or self.reader.document_id is None:
            return
        self._mastery_run += 1
        run, pid, doc = self._mastery_run, self.person.id, self.reader.document_id
        study_ops.mastery(self, pid, doc, lambda data: self._show_mastery(run, doc, data),
                          read_section=section_id).failure(self._quiet).run()

    # errors and closing ------------------------------------------------------------------------------
    def _failed(self, title: str) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):  # “错题本里没有题目…” — a message, not an error
                self.pending_box = tell(self.window, title, exc.message)
            else:
                report_failure(self.window, title, exc)
        return failed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Closing the app with a quiz open stores its answer and clock first."""
        if watched is self.window and event.type() == QEvent.Type.Close and self.page is not None:
            self.page.stop()
        return False


def install_study(window: QMainWindow) -> StudyController:
    """Add the 学习 menu (before 题库) and the learner to the status bar; the one hook."""
    controller = StudyController(window)
    menu = QMenu("学习(&S)", window)
    menu.setObjectName("studyMenu")

    def act(text: str, slot: Callable[[], Any], tip: str, *, guarded: bool = True) -> QAction:
        action = QAction(text, window)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        if guarded:
            action.triggered.connect(
                lambda _c=False: controller._leave_then(lambda: controller.with_person(slot)))
        else:
            action.triggered.connect(lambda _c=False: slot())
        menu.addAction(action)
        return action

    controller.act_home = act("首页", lambda: controller._leave_then(controller.open_home),
                              "学习者的首页：继续阅读、练习、今日复习、模拟考试和今年的学时", guarded=False)
    controller.act_home.setShortcut(QKeySequence("Alt+Home"))
    controller.act_who = act("谁在学习…", controller.choose_person, "选择或添加正在学习的人（不需要密码）",
                             guarded=False)
    controller.act_resume = act("继续上次的答题…", lambda: controller.offer_resume(say_none=True),
                                "接着做上次没做完的练习或模拟考试")
    menu.addSeparator()
    controller.act_practice = act("练习…", controller.practice_dialog,
                                  "选择范围、题数和题型，逐题练习，每题即时判断对错")
    controller.act_section = act("练习本节", controller.practise_section, "用阅读区当前这一节的试题练习")
    controller.act_exam = act("模拟考试…", controller.exam_dialog, "按题型和分值组卷，限时作答，交卷后评分")
    menu.addSeparator()
    controller.act_wrongbook = act("错题本…", controller.open_wrongbook, "答错的题，按章节整理")
    controller.act_review = act("今日复习", controller.start_review, "按记忆规律安排的今天该复习的题")
    controller.act_my_study = act("我的学习…", controller.open_my_study, "已读章节、练习、成绩和各章节掌握情况")
    bar = window.menuBar()
    before = next((a for a in bar.actions() if a.text().startswith("题库")), None)
    if before is None:
        before = next((a for a in bar.actions() if a.text().startswith("帮助")), None)
    if before is not None:
        bar.insertMenu(before, menu)
    else:
        bar.addMenu(menu)
    controller.menu = menu
    window.study = controller  # type: ignore[attr-defined]  # (the main window's own, which this module does not import)
    controller.restore_learner()
    return controller
