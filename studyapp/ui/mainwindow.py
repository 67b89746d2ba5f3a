"""The main window: menus, toolbar and status bar around the reader; import and 文件库 flows."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui
from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QWidget,
)

from studyapp import APP_TITLE, __version__
from studyapp.ui import style
from studyapp.ui.records import RECORD_PAGES
from studyapp.ui.room import ROOM_ENTRIES

if TYPE_CHECKING:
    from studyapp.services import AppContext
    from studyapp.services.dto import (
        BankImportReport,
        DocumentView,
        GenerateResult,
        ImportResult,
    )
    from studyapp.ui.bank.window import BankWindow
    from studyapp.ui.library.dialog import LibraryDialog
    from studyapp.ui.reader.view import Reader
    from studyapp.ui.records.paper import PaperDialog
    from studyapp.ui.tasks import Task, TaskRunner

# The 题库, 学习记录 and 会议室 windows (and what they pull in: reportlab, openpyxl, the question
# generator) are imported when first opened, not at start-up: the main window should appear as
# soon as the reader is ready. Their packages hold only the menus' plain data.
log = logging.getLogger("studyapp.ui")

DEFAULT_SIZE = (1280, 720)  # fits a 1366×768 office screen with its taskbar
SNAPSHOT_AFTER_MS = 800  # the 首页's picture is taken once it has been on screen this long
UNCOVER_AFTER_MS = 30  # the picture goes this long after the live 首页 is shown (laid out, painted)
COVER_AT_MOST_MS = 3000  # and after this long in any case, from the moment the data is open


def _encode(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


def _decode(text: str) -> QByteArray:
    return QByteArray.fromBase64(QByteArray(text.encode("ascii")))


class _OpeningLabel(QLabel):
    """What the window shows while the data folder opens; says when it was first painted."""

    painted = Signal()

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().paintEvent(event)
        if not self.property("was_painted"):
            self.setProperty("was_painted", True)
            self.painted.emit()


class MainWindow(QMainWindow):
    """Thin shell: every piece of data goes through the services, long work through the runner."""

    importFinished = Signal(object)  # ImportResult, or None when it failed or was cancelled
    bankGenerated = Signal(object)  # GenerateResult, or None when it failed or was cancelled
    opened = Signal()  # start-up: the data folder is open and the document shown
    firstPainted = Signal()  # start-up: the window is on screen (before the data is open)
    openFailed = Signal(int)  # start-up: the data folder could not be opened (exit status)
    snapshotKept = Signal()  # the front page's picture for the next start is written

    def __init__(self, ctx: AppContext | None = None, parent: QWidget | None = None) -> None:
        """The window itself; with `ctx` the reader and menus are built at once, without it
        the window can be shown first (start-up) and `attach` fills it when the data is open."""
        super().__init__(parent)
        # set by attach(); None only while the data folder is still opening at start-up, when
        # no menu, action or panel that reads them exists yet (closeEvent checks)
        self.ctx: AppContext = None  # type: ignore[assignment]  # (None only until attach(): see the note above)
        self.reader: Reader = None  # type: ignore[assignment]  # (None only until attach(): see the note above)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_TITLE)
        self._runner: TaskRunner | None = None  # (made when first used: after the first paint)
        self.resize(*DEFAULT_SIZE)
        self.opening_label: _OpeningLabel | None = _OpeningLabel("正在打开学习材料…", self)
        self.opening_label.painted.connect(self._painted)
        self.cover: _OpeningLabel | None = None  # the front page's picture over the window (show_snapshot)
        self._page_since = float("inf")  # when the page on screen was shown (monotonic seconds)
        self._was_painted = False
        self.opening_label.setObjectName("openingLabel")
        # (a style sheet rather than Qt.AlignmentFlag: the Qt namespace costs ~15 ms to load,
        # which the first paint does not need)
        self.opening_label.setStyleSheet(
            f"font-size: 16pt; color: {style.MUTED}; qproperty-alignment: 'AlignCenter';")
        self.setCentralWidget(self.opening_label)
        self.statusBar().showMessage("正在打开…")
        if ctx is not None:
            self.attach(ctx)

    @property
    def runner(self) -> TaskRunner:
        """The window's worker (ui/tasks.py), made on first use: the start's first paint does
        not wait for its imports."""
        if self._runner is None:
            from studyapp.ui.tasks import TaskRunner

            self._runner = TaskRunner(self)
        return self._runner

    def show_snapshot(self, picture) -> None:  # noqa: ANN001 - a ui.start.snapshot.Snapshot
        """While the data opens: the front page as it looked last time (ui/start/snapshot.py),
        laid over the whole window — menus, toolbar and status bar are in the picture. The
        window fills in underneath; the picture goes when the live 首页 is shown (see attach),
        or when the window is resized. Clicks on it do nothing."""
        if self.opening_label is None or self.cover is not None:
            return
        self.cover = _OpeningLabel(self)
        self.cover.setObjectName("frontPagePicture")
        self.cover.setPixmap(picture.pixmap)
        self.cover.setStyleSheet("margin: 0; padding: 0; border: none;")
        self.cover.setGeometry(self.rect())
        self.cover.painted.connect(self._painted)
        self.cover.raise_()
        self.cover.show()

    def _painted(self) -> None:
        if not self._was_painted:
            self._was_painted = True
            self.firstPainted.emit()

    def _uncover(self) -> None:
        """The live window in place of the front page's picture."""
        cover, self.cover = self.cover, None
        if cover is not None:
            cover.hide()
            cover.deleteLater()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().resizeEvent(event)
        if self.cover is not None and self.cover.size() != self.size():
            self._uncover()  # the picture would not line up any more

    def restore_saved_geometry(self, geometry: str) -> None:
        """Put the window where it was, before the data is open (see services.startup)."""
        if geometry:
            try:
                self.restoreGeometry(_decode(geometry))
            except (ValueError, UnicodeEncodeError):
                log.warning("ignoring unreadable saved window geometry")

    def attach(self, ctx: AppContext) -> None:
        """Build the reader, menus and toolbar on an open data folder."""
        from studyapp.ui.reader.view import Reader

        self.ctx = ctx
        # writes made on this thread wait at most a moment for another writer (a long import)
        ctx.interactive_thread = threading.get_ident()
        from studyapp.ui.admin import AdminGate

        self.admin_gate = AdminGate(ctx)
        app = QApplication.instance()
        family = str(app.property("studyapp_font_family") or QApplication.font().family()) if app else ""
        self.reader = Reader(ctx, family, self)
        self.reader.documentShown.connect(self._document_shown)
        self.reader.sectionMarkedRead.connect(lambda _sid: self._show_progress_message())
        self.reader.noteSaved.connect(lambda _sid: self.statusBar().showMessage("笔记已保存", 3000))
        self.reader.bankRequested.connect(lambda sid: self.open_bank(section_id=sid))
        self.bank_windows: dict[int, BankWindow] = {}
        self.setCentralWidget(self.reader)  # the "opening" label goes with it
        self.opening_label = None
        self._last_import_dir = ""
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.statusBar().showMessage("就绪")
        self._restore_window()
        self._room = None  # the 会议室 launcher, made when first needed
        # after the first paint: say whether a meeting-room run was left unfinished
        QTimer.singleShot(300, self, self.room_launcher)
        from studyapp.ui.study.controller import (
            install_study,  # 学习 menu and learner
        )

        self.study = install_study(self)
        self.study.adminRequested.connect(self._home_tool)
        # the 首页 a moment after it is shown: the picture the next start opens with
        self.study.pageShown.connect(self._page_shown)
        if self.cover is not None:  # the live 首页 laid out and painted in the picture's place
            self.study.pageShown.connect(lambda _page: QTimer.singleShot(UNCOVER_AFTER_MS, self, self._uncover))
            QTimer.singleShot(COVER_AT_MOST_MS, self, self._uncover)  # (a dialog at start, a failure)
            self.cover.raise_()  # (above the menus, toolbar and pages made since)
        first = self.toolbar.actions()[0]
        self.toolbar.insertAction(first, self.study.act_home)
        self.toolbar.insertSeparator(first)

    # convenient handles (tests and the self-test look at these) --------------------------------
    @property
    def outline(self):
        return self.reader.outline

    @property
    def pane(self):
        return self.reader.pane

    # actions -------------------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcuts: list[QKeySequence] | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts(shortcuts)
        keys = " 或 ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts or [])
        tooltip = tip or text.rstrip("…")
        action.setToolTip(f"{tooltip}（{keys}）" if keys else tooltip)
        action.setStatusTip(tip or "")
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work even without a visible menu
        return action

    def _build_actions(self) -> None:
        K = QKeySequence
        self.act_import = self._action("导入…", self.choose_and_import, [K(K.StandardKey.Open)],
                                       "导入 txt、docx、pdf 文件")
        self.act_paste = self._action("粘贴导入…", self.paste_import, [K("Ctrl+Shift+V")],
                                      "把复制的文字导入为文件")
        self.act_library = self._action("文件库…", self.show_library, [K("Ctrl+L")],
                                        "查看、打开、重命名或删除已导入的文件")
        self.act_backup = self._action("备份与恢复…", self.show_backups, [],
                                       "查看自动备份，立即备份，或从备份恢复数据")
        self.act_data_folder = self._action("数据文件夹…", self.show_data_folder, [],
                                            "学习记录、题库和日志存放在哪里；可以打开这个文件夹")
        self.act_database = self._action("数据库…", self.show_database, [],
                                         "本机数据库，或单位的共享数据库服务器（多台电脑共用一套记录；需要管理员密码）")
        self.act_settings = self._action("设置…", self.show_settings, [K("Ctrl+,")],
                                         "单位名称、学时、及格线、练习和考试的默认值等（需要管理员密码）")
        self.act_admin_pin = self._action("管理员密码…", self.edit_admin_pin, [],
                                          "修改管理员密码：打开学习记录、题库、文件库的修改，导入文件和恢复备份需要输入它")
        self.act_quit = self._action("退出", self.close, [K("Ctrl+Q")])
        self.act_find = self._action("查找…", self.reader.show_find, [K(K.StandardKey.Find)],
                                     "在整份文件中查找词语")
        self.act_find_next = self._action("查找下一处", self.reader.next_hit, [K("F3")])
        self.act_find_prev = self._action("查找上一处", self.reader.previous_hit, [K("Shift+F3")])
        self.act_next = self._action("下一节", self.reader.go_next, [K("Alt+Right"), K("Ctrl+]")])
        self.act_prev = self._action("上一节", self.reader.go_previous, [K("Alt+Left"), K("Ctrl+[")])
        self.act_page_down = self._action("向下翻页", self.reader.page_down, [K(QtCore.Qt.Key.Key_PageDown)],
                                          "向下翻页，读到本节末尾时进入下一节")
        self.act_page_up = self._action("向上翻页", self.reader.page_up, [K(QtCore.Qt.Key.Key_PageUp)],
                                        "向上翻页，在本节开头时回到上一节")
        self.act_zoom_in = self._action("放大字号", self.zoom_in, [K("Ctrl+="), K("Ctrl++")])
        self.act_zoom_out = self._action("缩小字号", self.zoom_out, [K("Ctrl+-")])
        self.act_zoom_reset = self._action("默认字号", self.zoom_reset, [K("Ctrl+0")])
        self.act_bank = self._action("打开题库…", self.open_bank, [K("Ctrl+B")],
                                     "审核、编辑、新增本文件的试题")
        self.act_review = self._action("逐题审核…", self.review_bank, [],
                                       "一次一道审核本文件的待审核试题：Y 通过，N 停用，E 修改")
        self.act_generate = self._action("生成试题", self.generate_bank, [],
                                         "根据原文为本文件生成试题草稿；已审核和修改过的试题保持不变")
        self.act_bank_import = self._action("导入 Excel 题库…", self.import_bank, [],
                                            "从 Excel 题库模板或题库文件导入试题，逐行检查")
        self.act_bank_export = self._action("导出题库…", lambda: self.export_bank(), [],
                                            "把本文件的试题导出为 Excel 表格、题库文件或网上学习平台的格式")
        self.act_paper = self._action("组卷打印…", self.print_paper, [],
                                      "从已审核试题组卷，预览并打印试卷、答题卡和参考答案")
        self.act_about = self._action("关于", self.show_about)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        for a in (self.act_import, self.act_paste, self.act_library):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.act_settings)
        file_menu.addAction(self.act_data_folder)
        file_menu.addAction(self.act_database)
        file_menu.addAction(self.act_backup)
        file_menu.addAction(self.act_admin_pin)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        view_menu = bar.addMenu("查看(&V)")
        for a in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset):
            view_menu.addAction(a)
        view_menu.addSeparator()
        for a in (self.act_prev, self.act_next, self.act_find, self.act_find_next):
            view_menu.addAction(a)
        bank_menu = bar.addMenu("题库(&Q)")
        bank_menu.addAction(self.act_bank)
        bank_menu.addAction(self.act_review)
        bank_menu.addAction(self.act_generate)
        bank_menu.addSeparator()
        bank_menu.addAction(self.act_bank_import)
        bank_menu.addAction(self.act_bank_export)
        bank_menu.addSeparator()
        bank_menu.addAction(self.act_paper)
        records_menu = bar.addMenu("学习记录(&R)")  # 人员名单, 学习会 (考勤/成绩/打印), 学时台账
        for page, text in RECORD_PAGES:
            records_menu.addAction(self._action(text, lambda p=page: self.open_records(p)))
        room_menu = bar.addMenu("会议室(&M)")
        self.room_menu = room_menu
        for kind, text in ROOM_ENTRIES:
            room_menu.addAction(self._action(text, lambda k=kind: self.room_launcher().start(k)))
        room_menu.addSeparator()
        resume = room_menu.addMenu("继续上次的…")
        resume.setObjectName("resumeMenu")
        resume.setToolTipsVisible(True)
        resume.aboutToShow.connect(lambda: self.room_launcher().fill_resume_menu(resume))
        help_menu = bar.addMenu("帮助(&H)")
        help_menu.addAction(self.act_about)

    def _build_toolbar(self) -> None:
        tb = QToolBar("工具栏", self)
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextOnly)
        tb.addAction(self.act_library)
        tb.addAction(self.act_import)
        tb.addAction(self.act_paste)
        tb.addSeparator()
        tb.addAction(self.act_bank)
        tb.addSeparator()
        tb.addAction(self.act_find)
        tb.addSeparator()
        tb.addAction(self.act_zoom_out)
        tb.addAction(self.act_zoom_in)
        self.addToolBar(QtCore.Qt.ToolBarArea.TopToolBarArea, tb)
        self.toolbar = tb

    # documents -------------------------------------------------------------------------------------
    def open_document(self, document_id: int | None, section_id: int | None = None) -> None:
        self.reader.open_document(document_id, section_id)

    def _document_shown(self, view: DocumentView | None) -> None:
        self.setWindowTitle(f"{view.title} - {APP_TITLE}" if view else APP_TITLE)

    def _show_progress_message(self) -> None:
        total = len(self.reader.view.sections) if self.reader.view else 0
        read = sum(1 for s in (self.reader.view.sections if self.reader.view else []) if self.outline.is_read(s.id))
        self.statusBar().showMessage(f"本节已记为已读。全文已读 {read}/{total} 节", 4000)

    # import ------------------------------------------------------------------------------------------
    def edit_admin_pin(self) -> bool:
        from studyapp.ui.admin import edit_pin

        if self.ctx is None:
            return False
        done = edit_pin(self, self.ctx, ask=self.admin_gate.ask)
        if done:
            self.admin_gate.lock()
        return done

    def _home_tool(self, key: str) -> None:
        """The 首页's row of the administrator's tools."""
        if key == "bank":
            self.open_bank()
        elif key == "records":
            self.open_records("sessions")
        elif key == "import":
            self.choose_and_import()
        elif key == "room":
            self.room_menu.popup(QtGui.QCursor.pos())

    def _admin(self, what: str) -> bool:
        """The 管理员密码 (set the first time; learners read, practise and take quizzes without it)."""
        gate = getattr(self, "admin_gate", None)
        return gate is None or gate.ensure(self, what)

    def choose_and_import(self) -> None:
        from studyapp.ui.importing.files import choose_import_file

        if not self._admin("导入文件"):
            return

        path = choose_import_file(self, self._last_import_dir)
        if path is not None:
            self._last_import_dir = str(path.parent)
            self.import_file(path)

    def import_file(self, path: Path) -> Task:
        """Import a file on the worker thread with a progress dialog; open it when done."""
        from studyapp.ui.library import ops as library_ops

        return library_ops.import_file(self, Path(path)).success(self._imported).failure(self._import_failed).run()

    def paste_import(self) -> None:
        from studyapp.ui.importing.paste import PasteDialog

        if not self._admin("粘贴导入"):
            return
        dialog = PasteDialog(self)
        if dialog.exec() == PasteDialog.DialogCode.Accepted:
            self.import_text(dialog.text())

    def import_text(self, text: str) -> Task:
        from studyapp.ui.library import ops as library_ops

        return library_ops.import_text(self, text).success(self._imported).failure(self._import_failed).run()

    def _imported(self, result: ImportResult) -> None:
        self.reader.flush_note()
        self.open_document(result.document_id)
        message = f"已导入《{result.title}》，共 {result.section_count} 个章节"
        if result.truncated:
            message += "（原文不完整）"
        self.statusBar().showMessage(message, 15000)
        self.generate_bank(result.document_id)  # the questions come while the cadre reads
        if result.title_guessed:
            self.ask_title(result)
        self.importFinished.emit(result)

    def ask_title(self, result: ImportResult):  # noqa: ANN201 - QInputDialog
        """No heading of the text reads as a title (it was named after its file): ask for one,
        with that name filled in — stems, papers and forms print it."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        dialog = QInputDialog(self)
        dialog.setWindowTitle("文件标题")
        dialog.setLabelText("没有从文字中找到这份文件的标题，暂用“" + result.title + "”。\n"
                            "请输入文件的标题（试卷、学习记录和试题都用它）：")
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(result.title)
        dialog.setOkButtonText("确定")
        dialog.setCancelButtonText("暂不修改")
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def chosen(title: str) -> None:
            from studyapp.ui.library import ops as library_ops

            title = title.strip()
            if not title or title == result.title:
                return

            def renamed(_none: None) -> None:
                self.open_document(result.document_id, self.reader.section_id)
                self.statusBar().showMessage(f"标题已改为《{title}》", 8000)

            # on the worker, after the import's own writes (on this thread it would find them
            # still writing: 「数据库正忙」)
            # (the version of a document just imported: renamed meanwhile on another PC, it is said, not overwritten)
            library_ops.rename_document(self, result.document_id, title, 1).success(renamed).failure(
                lambda exc: QMessageBox.warning(self, "文件标题", getattr(exc, "message", str(exc)))).run()

        dialog.textValueSelected.connect(chosen)
        self.title_dialog = dialog
        dialog.open()
        return dialog

    def _import_failed(self, exc: BaseException) -> None:
        from studyapp.core.model import AlreadyImported, Cancelled
        from studyapp.ui.tasks import report_failure

        if isinstance(exc, Cancelled):
            self.statusBar().showMessage("已取消导入，文件库没有变化", 8000)
        elif isinstance(exc, AlreadyImported):
            self._offer_existing(exc)
        else:
            report_failure(self, "导入文件", exc)
        self.importFinished.emit(None)

    def _offer_existing(self, exc) -> None:  # noqa: ANN001 - core.model.AlreadyImported
        """The text is in the 文件库 already: say so, and open that copy if the cadre wants it."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, "导入文件", exc.message, parent=self)
        open_button = box.addButton("打开这份文件", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        box.exec()
        if box.clickedButton() is open_button:
            self.open_document(exc.document_id)
            self.statusBar().showMessage("已打开文件库中的这份文件", 8000)

    # library ------------------------------------------------------------------------------------------
    def data_folder_text(self) -> str:
        from studyapp import logfile, paths

        folder = self.ctx.data_dir if self.ctx is not None else None
        lines = [f"数据文件夹：{folder}" if folder else "数据文件夹还没有打开。"]
        if self.ctx is not None and self.ctx.shared is not None:
            lines.append(f"学习记录和题库保存在共享数据库：{self.ctx.shared.describe()}（文件 → 数据库…）。")
        if folder is not None:
            lines.append(f"日志文件夹：{logfile.log_folder(folder)}")
            if paths.portable_data_dir() == folder:
                lines.append("这是便携方式：数据放在程序旁边（程序文件夹中有 portable 文件），随 U 盘带走。")
            else:
                lines.append("要把程序和数据一起放在 U 盘上：在程序文件夹中新建一个名为 portable 的空文件，"
                             "数据会放在程序旁边的“学习测评数据”文件夹中（先用“备份与恢复 → 导出数据包”带走现有数据）。")
            lines.append("也可以在快捷方式中加上 --data 文件夹 来指定数据文件夹。")
        return "\n\n".join(lines)

    def show_data_folder(self) -> QMessageBox:
        """文件 → 数据文件夹…: where the records live, and 打开文件夹."""
        box = QMessageBox(QMessageBox.Icon.Information, "数据文件夹", self.data_folder_text(),
                          QMessageBox.StandardButton.Close, self)
        if self.ctx is not None:
            open_button = box.addButton("打开文件夹", QMessageBox.ButtonRole.ActionRole)
            folder = self.ctx.data_dir
            open_button.clicked.connect(lambda: QtGui.QDesktopServices.openUrl(
                QtCore.QUrl.fromLocalFile(str(folder))))
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.data_folder_box = box
        box.open()
        return box

    def show_settings(self):  # noqa: ANN201 - SettingsDialog, imported when first used
        """文件 → 设置…: the administrator's (the values shape every printed form)."""
        from studyapp.ui.settings import ops as settings_ops
        from studyapp.ui.settings.dialog import SettingsDialog

        if self.ctx is None or not self._admin("修改设置"):
            return None
        dialog = SettingsDialog(self.ctx, self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose, True)
        # the reader's size may have changed with the rest
        dialog.accepted.connect(lambda: self.reader.set_font_size(
            int(settings_ops.value_now(self.ctx, "reader.font_size")), store=False))
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def show_database(self):  # noqa: ANN201 - DatabaseDialog, imported when first used
        """文件 → 数据库…: the data folder's own file or the county's shared server (the
        administrator's: every record moves with it)."""
        from studyapp.ui.database.dialog import DatabaseDialog

        if self.ctx is None or not self._admin("更改数据库"):
            return None
        dialog = DatabaseDialog(self.ctx, self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.database_dialog = dialog
        dialog.open()
        return dialog

    def show_backups(self):  # noqa: ANN201 - BackupDialog, imported when first used
        """文件 → 备份与恢复… (non-modal: a backup runs on the worker meanwhile)."""
        from studyapp.ui.backup.dialog import BackupDialog

        if self.ctx is None:
            return None
        dialog = BackupDialog(self.ctx, self.runner, self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.backup_dialog = dialog
        dialog.show()
        return dialog

    def show_library(self) -> LibraryDialog:
        dialog = self.make_library_dialog()
        dialog.exec()
        return dialog

    def make_library_dialog(self) -> LibraryDialog:
        """Built separately so tests (and later features) can drive it without exec()."""
        from studyapp.ui.library.dialog import LibraryDialog

        dialog = LibraryDialog(self.ctx, self, current_id=self.reader.document_id)
        dialog.openRequested.connect(lambda doc_id: self.open_document(doc_id))
        dialog.documentRenamed.connect(self._renamed)
        dialog.documentDeleted.connect(self._deleted)

        def import_from_library() -> None:
            from studyapp.ui.importing.files import choose_import_file

            path = choose_import_file(dialog, self._last_import_dir)
            if path is None:
                return
            self._last_import_dir = str(path.parent)
            task = self.import_file(path)
            task.finished.connect(lambda _ok: dialog.refresh())

        dialog.importRequested.connect(import_from_library)
        return dialog

    def _renamed(self, document_id: int) -> None:
        if document_id == self.reader.document_id:
            self.reader.reload()

    def _deleted(self, document_id: int) -> None:
        bank_window = self.bank_windows.get(document_id)
        if bank_window is not None:  # its questions went with the document
            bank_window.close()
        if document_id != self.reader.document_id:
            return
        from studyapp.ui.library import ops as library_ops

        self.open_document(library_ops.first_document_now(self.ctx))

    # 题库 ---------------------------------------------------------------------------------------------
    def _bank_document(self, document_id: int | None) -> int | None:
        doc = document_id if document_id is not None else self.reader.document_id
        if doc is None:
            self.statusBar().showMessage("请先导入或打开一份文件", 5000)
        return doc

    def open_bank(self, document_id: int | None = None, section_id: int | None = None) -> BankWindow | None:
        """Show the 题库 window of a document (the one being read by default), one per document."""
        from studyapp.ui.bank.window import BankWindow, bring_to_front

        doc = self._bank_document(document_id)
        if doc is None:
            return None
        if doc not in self.bank_windows and not self._admin("打开题库"):
            return None
        window = self.bank_windows.get(doc)
        if window is None:
            window = BankWindow(self.ctx, doc, self.runner, self, document=self.reader.view)
            window.sourceRequested.connect(
                lambda sid, start, end, field, d=doc: self.show_source(sid, start, end, field=field, document_id=d))
            window.destroyed.connect(lambda _obj=None, d=doc: self.bank_windows.pop(d, None))
            self.bank_windows[doc] = window
        if not window.isVisible():
            window.setGeometry(self.geometry())
        window.show()
        bring_to_front(window)
        if section_id is not None:
            window.show_section(section_id)
        return window

    def review_bank(self, document_id: int | None = None) -> BankWindow | None:
        """The 题库 window of a document in 逐题审核 (its list when nothing waits for review)."""
        window = self.open_bank(document_id)
        if window is not None:
            window.start_review()
        return window

    def show_source(self, section_id: int, start: int, end: int, *, field: str = "text",
                    document_id: int | None = None) -> bool:
        """查看原文: open the section in the reader with the quoted sentence marked, window in front."""
        if document_id is not None and document_id != self.reader.document_id:
            self.reader.flush_note()
            self.open_document(document_id)
        if not self.reader.show_source(section_id, start, end, field):
            self.statusBar().showMessage("找不到这道题的出处章节，它可能已被删除", 5000)
            return False
        from studyapp.ui.bank.window import bring_to_front

        bring_to_front(self)
        heading = self.reader.section.heading if self.reader.section else ""
        self.statusBar().showMessage(f"已在「{heading}」中标出这道题的出处原文", 8000)
        return True

    def generate_bank(self, document_id: int | None = None) -> Task | None:
        """Generate questions for a document on the worker thread; progress in the status bar."""
        from studyapp.ui.bank.generate import generate_in_background

        doc = self._bank_document(document_id)
        if doc is None or not self._admin("生成试题"):
            return None

        def done(result: GenerateResult | None) -> None:
            window = self.bank_windows.get(doc)
            if window is not None and result is not None:
                window.refresh()
            self.bankGenerated.emit(result)

        return generate_in_background(self, self.statusBar(), doc, on_done=done)

    def export_bank(self, kind: str | None = None, path: Path | None = None) -> Task | None:
        from studyapp.ui.bank import exchange as bank_exchange

        doc = self._bank_document(None)
        if doc is None or self.reader.view is None:
            return None
        return bank_exchange.export_bank(
            self, doc, self.reader.view.title, kind, path=path,
            directory=self._last_import_dir, notify=lambda m: self.statusBar().showMessage(m, 8000))

    def import_bank(self, path: Path | None = None) -> Task | None:
        from studyapp.ui.bank import exchange as bank_exchange

        doc = self._bank_document(None)
        if doc is None or not self._admin("导入题库"):
            return None

        def reported(report: BankImportReport, source: Path) -> None:
            window = self.bank_windows.get(doc)
            if window is not None and report.ok:
                window.refresh()
            dialog = bank_exchange.ImportReportDialog(report, source, self)
            dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose, True)
            self.import_report = dialog
            dialog.open()

        return bank_exchange.import_bank(self, doc, path=path,
                                         directory=self._last_import_dir, on_report=reported)

    def print_paper(self, document_id: int | None = None) -> PaperDialog | None:
        """组卷打印 on the document being read; the dialog (and reportlab) load on first use."""
        from studyapp.ui.records.paper import open_paper_dialog

        doc = self._bank_document(document_id)
        return None if doc is None else open_paper_dialog(self, self.ctx, self.runner, doc)

    # 会议室 ---------------------------------------------------------------------------------------------
    def room_launcher(self):
        if self._room is None:
            from studyapp.ui.room.launch import install_room_menu

            self._room = install_room_menu(self)
        return self._room

    # 学习记录 -------------------------------------------------------------------------------------------
    def open_records(self, page: str):
        from studyapp.ui.records.window import open_records

        if not self._admin("打开学习记录"):
            return None
        return open_records(self, page)

    # font size ----------------------------------------------------------------------------------------
    def zoom_in(self) -> None:
        self.statusBar().showMessage(f"字号：{self.reader.zoom_in()} 磅", 3000)

    def zoom_out(self) -> None:
        self.statusBar().showMessage(f"字号：{self.reader.zoom_out()} 磅", 3000)

    def zoom_reset(self) -> None:
        self.statusBar().showMessage(f"字号：{self.reader.zoom_reset()} 磅（默认）", 3000)

    # about ------------------------------------------------------------------------------------------
    def show_about(self) -> None:
        import html

        from studyapp import logfile

        box = QMessageBox(QMessageBox.Icon.NoIcon, f"关于{APP_TITLE}",
                          f"<h3>{APP_TITLE} {__version__}</h3>"
                          "<p>供干部学习文件、练习测试、整理学习记录的离线软件，不需要联网。</p>"
                          "<ul>"
                          "<li><b>阅读</b>：导入文件后按章节逐节阅读，可查找（也可按“第五十条”查条文）、做笔记，"
                          "阅读进度自动记录。</li>"
                          "<li><b>练习与考试</b>：由原文生成的试题经审核后，可练习本节、做错题、按记忆规律每日复习，"
                          "或限时模拟考试；每道题都能查看原文出处。</li>"
                          "<li><b>会议室</b>：集中学习时投影领学、集体测验、知识竞赛和纸质测验成绩录入。</li>"
                          "<li><b>学习记录</b>：人员名单、学习会、考勤、成绩和学时台账，"
                          "打印签到表、学习记录、成绩登记表、试卷和答案。</li>"
                          "</ul>"
                          f"<p>数据文件夹：{html.escape(str(self.ctx.data_dir)) if self.ctx else '（未打开）'}<br>"
                          f"日志文件夹：{html.escape(str(logfile.log_folder(self.ctx.data_dir))) if self.ctx else '（未打开）'}</p>"
                          f"<p style='color:{style.MUTED}'>界面字体：文泉驿微米黑（WenQuanYi Micro Hei），Apache 2.0 许可。</p>",
                          QMessageBox.StandardButton.Ok, self)
        box.setProperty("richText", True)  # our own markup (message boxes are plain text otherwise)
        box.setTextFormat(QtCore.Qt.TextFormat.RichText)
        box.exec()

    # window state -------------------------------------------------------------------------------------
    def _restore_window(self) -> None:
        from studyapp.ui.settings import ops as settings_ops

        get = lambda name: str(settings_ops.value_now(self.ctx, name) or "")
        geometry, state, splitter = get("window.geometry"), get("window.state"), get("window.splitter")
        try:
            if geometry:
                self.restoreGeometry(_decode(geometry))
            if state:
                self.restoreState(_decode(state))
            if splitter:
                self.reader.splitter.restoreState(_decode(splitter))
        except (ValueError, UnicodeEncodeError):
            log.warning("ignoring unreadable saved window state")

    def _page_shown(self, _page: object) -> None:
        self._page_since = time.monotonic()
        QTimer.singleShot(SNAPSHOT_AFTER_MS, self, self.keep_snapshot)

    def keep_snapshot(self, *, now: bool = False) -> Task | None:
        """Keep the front page's picture for the next start (ui/start/snapshot.py), when it is
        what the window shows and has been on screen a moment (closed the instant it appears,
        the page is not laid out yet: its picture would be an empty window); written on the
        worker (`now`: here, as the window closes)."""
        if self.ctx is None or not self.isVisible() or self.isMinimized() or self.cover is not None \
                or not self.study.home_shown \
                or time.monotonic() - self._page_since < SNAPSHOT_AFTER_MS * 0.9 / 1000:
            return None
        from studyapp.ui.start import snapshot

        data_dir = self.ctx.data_dir
        image = snapshot.take(self, _encode(self.saveGeometry()))
        if now:
            try:
                snapshot.write(data_dir, image)
            except OSError as exc:
                log.info("front page picture not kept: %s", exc)
            return None
        return self.runner.run(lambda _progress, _cancel: snapshot.write(data_dir, image), title="首页",
                               show_progress=False, on_success=lambda _path: self.snapshotKept.emit(),
                               on_failure=lambda exc: log.info("front page picture not kept: %s", exc))

    def save_window_state(self) -> None:
        from studyapp.ui.settings import ops as settings_ops
        from studyapp.ui.start import snapshot

        geometry = _encode(self.saveGeometry())
        try:
            snapshot.keep_place(self.ctx.data_dir, geometry)  # read at the next start, before the database
        except OSError as exc:
            log.info("window place not kept: %s", exc)
        settings_ops.remember_now(self.ctx, "window.geometry", geometry)
        settings_ops.remember_now(self.ctx, "window.state", _encode(self.saveState()))
        settings_ops.remember_now(self.ctx, "window.splitter", _encode(self.reader.splitter.saveState()))

    def _notes_settled(self, wait_ms: int) -> bool:
        """Store the note being typed and hear every note save's answer before the worker stops.
        Notes another PC's change stopped, or a busy database kept out, are never lost without a
        word: the user stores them anyway, drops them, or keeps the window open (False)."""
        from studyapp.ui import conflict

        reader = self.reader
        assert reader is not None
        reader.flush_note(wait_ms=wait_ms)  # the last chance: wait for the lock
        settle_ms = 2 * wait_ms + 5000  # (a save queued behind another write waits its turn)
        reader.settle_notes(settle_ms)
        held = reader.held_notes()
        if held:
            choice = conflict.ask_on_close(self, len(held))
            if choice == "cancel":
                reader.reopen_notes()
                return False
            if choice == "overwrite":
                reader.overwrite_held_notes(wait_ms=wait_ms)
                reader.settle_notes(settle_ms)
            else:
                reader.drop_unsaved_notes(held)
        while reader.unsaved_notes():  # (the database stayed busy: another program writes)
            choice = conflict.ask_busy_on_close(self, len(reader.unsaved_notes()))
            if choice == "cancel":
                reader.reopen_notes()
                return False
            if choice == "discard":
                reader.drop_unsaved_notes()
                break
            reader.flush_note(wait_ms=wait_ms)
            reader.settle_notes(settle_ms)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the note being typed and where we are; let running work finish first."""
        if self.reader is None:  # closed while the data was still opening
            self.runner.shutdown()
            super().closeEvent(event)
            return
        from studyapp.services.context import LONG_WAIT_MS

        if not self._notes_settled(LONG_WAIT_MS):
            event.ignore()
            return
        self.reader.read_timer.stop()
        self.runner.shutdown()
        self.save_window_state()
        self.keep_snapshot(now=True)
        super().closeEvent(event)
