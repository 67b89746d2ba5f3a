"""The reader: table of contents and find results on the left, the text and a note on the right.

The document is read when it is opened (one read: the page is built from it); reading marks,
notes, find and the reader's settings are operations of ui/reader/ops.py on the worker. This
widget keeps only what is on screen (the DocumentView, the current section, the find hits).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QDeadlineTimer, QEvent, QEventLoop, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QResizeEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractSlider,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from studyapp.config import option
from studyapp.services import AppContext
from studyapp.services.context import DatabaseBusy, EditConflict
from studyapp.services.dto import DocumentView, NoteView, SearchHit, SectionView
from studyapp.ui import style
from studyapp.ui.conflict import ask_edit_conflict
from studyapp.ui.reader import ops as reader_ops
from studyapp.ui.reader.find import FindPanel
from studyapp.ui.reader.outline import SECTION_ID_ROLE, OutlineTree
from studyapp.ui.reader.page import PageLayout, build_page, first_reading_section
from studyapp.ui.tasks import report_failure

log = logging.getLogger("studyapp.ui")

MIN_FONT, MAX_FONT, FONT_STEP = 12, 40, 2
NOTE_SAVE_DELAY_MS = 700
RETRY_MS = 2000  # a note or a read mark the database was too busy for is tried again this often
READ_RETRY_MS = RETRY_MS
READING_COLUMN_EMS = 40  # a comfortable line length on wide screens
SEARCH_LIMIT = 500

TAB_OUTLINE, TAB_FIND = 0, 1


class ReadingPane(QTextBrowser):
    """The text, in a centred column with generous margins."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.point_size = 20

    def apply_margins(self) -> None:
        """Keep lines to about READING_COLUMN_EMS characters; never less than 1.5em of margin."""
        em = self.point_size * 96 / 72
        width = self.viewport().width()
        side = max(1.5 * em, (width - READING_COLUMN_EMS * em) / 2)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(1.2 * em)
        fmt.setBottomMargin(2.0 * em)
        root.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.apply_margins()


class NoteBox(QWidget):
    """我的笔记: a personal note for the shown section, saved automatically."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("我的笔记", self)
        title.setStyleSheet(f"font-weight: bold; color: {style.INK};")
        self.status = QLabel("", self)
        self.status.setObjectName("noteStatus")
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("noteEdit")
        self.edit.setPlaceholderText("在这里记下对本节的体会、疑问或要点，输入后自动保存。")
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(60)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.edit, 1)


class _NavKeysPassThrough(QObject):
    """Lets editors keep PageUp/PageDown for themselves instead of the window's shortcuts."""

    KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.key() in self.KEYS and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                event.accept()
                return True
        return False


def position_text(sections: list, section) -> str:  # noqa: ANN001 - SectionView
    """「第 2 / 13 节」 counted over the sections a learner reads (those with text of their own, or
    with nothing below them) — a part that is only a heading over its sections (一、总体要求) is no
    节 of its own, and the front page no 节 at all; on such a part, how many 节 it holds."""
    if section is None:
        return ""
    parents = {s.parent_id for s in sections if s.parent_id is not None}
    pages = [s for s in sections if s.text.strip() or s.id not in parents]
    ids = [s.id for s in pages]
    if section.id in ids:
        return f"第 {ids.index(section.id) + 1} / {len(ids)} 节"
    below = [s for s in pages if s.parent_id == section.id]
    return f"本部分 {len(below)} 节" if below else ""


class Reader(QWidget):
    """Shows one document section by section; emits what it shows for the window's title bar."""

    sectionShown = Signal(object)  # section id or None
    documentShown = Signal(object)  # DocumentView or None
    sectionMarkedRead = Signal(int)
    noteSaved = Signal(int)
    bankRequested = Signal(int)  # section id: 「本节试题」 from the contents' context menu

    def __init__(self, ctx: AppContext, family: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.family = family
        self.view: DocumentView | None = None
        self.section: SectionView | None = None
        self.layout_info = PageLayout(section_id=None)
        self.hits: list[SearchHit] = []
        self.hit_index = -1
        self.query = ""
        self.read_after_ms = 8000
        self._note_section: int | None = None
        self._note_dirty = False
        #: 查看原文: (section_id, field, start, end) of the quoted sentence to mark, while on the page
        self.source_mark: tuple[int, str, int, int] | None = None

        # left: contents and find --------------------------------------------------------
        self.doc_title = QLabel("", self)
        self.doc_title.setObjectName("docTitle")
        self.doc_title.setTextFormat(Qt.TextFormat.PlainText)  # a title is never markup
        self.doc_title.setWordWrap(True)
        self.outline = OutlineTree(self)
        self.outline.sectionActivated.connect(self.show_section)
        self.outline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.outline.customContextMenuRequested.connect(self._outline_menu)
        outline_page = QWidget(self)
        ol = QVBoxLayout(outline_page)
        ol.setContentsMargins(6, 8, 6, 6)
        ol.setSpacing(4)
        ol.addWidget(self.doc_title)
        ol.addWidget(self.outline, 1)
        self.find_panel = FindPanel(self)
        self.find_panel.searchRequested.connect(self.search)
        self.find_panel.hitActivated.connect(self.go_to_hit)
        self.find_panel.nextRequested.connect(self.next_hit)
        self.find_panel.previousRequested.connect(self.previous_hit)
        self.find_panel.closeRequested.connect(self.close_find)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(outline_page, "目录")
        self.tabs.addTab(self.find_panel, "查找")

        # right: text, navigation, note ----------------------------------------------------
        self.pane = ReadingPane(self)
        self.prev_button = QPushButton("‹ 上一节", self)
        self.prev_button.setToolTip("上一节（Alt+← ；在本节开头按 PageUp 也可）")
        self.prev_button.clicked.connect(self.go_previous)
        self.next_button = QPushButton("下一节 ›", self)
        self.next_button.setToolTip("下一节（Alt+→ ；读到本节末尾按 PageDown 也可）")
        self.next_button.setProperty("primary", True)
        self.next_button.clicked.connect(self.go_next)
        self.position = QLabel("", self)
        self.position.setObjectName("sectionPosition")
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nav = QHBoxLayout()
        nav.setContentsMargins(0, 6, 0, 0)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.position, 1)
        nav.addWidget(self.next_button)
        self.note = NoteBox(self)
        self.note.edit.textChanged.connect(self._note_edited)
        self._pass_through = _NavKeysPassThrough(self)
        self.note.edit.installEventFilter(self._pass_through)
        self.find_panel.query.installEventFilter(self._pass_through)

        reading_area = QWidget(self)
        rl = QVBoxLayout(reading_area)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.setSpacing(0)
        rl.addWidget(self.pane, 1)
        rl.addLayout(nav)
        self.right = QSplitter(Qt.Orientation.Vertical, self)
        self.right.setObjectName("readerNoteSplitter")
        self.right.setChildrenCollapsible(False)
        self.right.addWidget(reading_area)
        self.right.addWidget(self.note)
        self.right.setStretchFactor(0, 1)
        self.right.setStretchFactor(1, 0)
        self.right.setSizes([560, 110])
        right_wrap = QWidget(self)
        rw = QVBoxLayout(right_wrap)
        rw.setContentsMargins(8, 8, 10, 8)
        rw.addWidget(self.right)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("readerSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(right_wrap)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([350, 1000])
        self.tabs.setMinimumWidth(220)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter)

        self.read_timer = QTimer(self)
        self.read_timer.setSingleShot(True)
        self.read_timer.timeout.connect(self._mark_current_read)
        self.note_timer = QTimer(self)
        self.note_timer.setSingleShot(True)
        self.note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self.note_timer.timeout.connect(self.flush_note)
        # notes typed while another program held the database: section -> text, saved on retry
        self._unsaved_notes: dict[int, str] = {}
        self._saving: dict[int, str] = {}  # notes on their way to the database
        # the version of each section's note as read (0: none): a save names it, so a note
        # another PC saved since is asked about, not overwritten (services.reading.save_note)
        self._note_versions: dict[int, int] = {}
        # notes whose save met another PC's note and the user chose 取消: kept (shown again on
        # coming back to the section), not saved until typed on again
        self._held_notes: set[int] = set()
        self._closing = False  # (the window is closing: a conflict is asked about by the closing question)
        self.conflict_box: QMessageBox | None = None  # (the open question, for tests)
        self.note_retry = QTimer(self)
        self.note_retry.setSingleShot(True)
        self.note_retry.setInterval(RETRY_MS)
        self.note_retry.timeout.connect(self._save_notes)

        self.set_font_size(int(reader_ops.setting_now(ctx, "reader.font_size")), store=False)

    # documents -----------------------------------------------------------------------------
    @property
    def document_id(self) -> int | None:
        return self.view.id if self.view else None

    @property
    def section_id(self) -> int | None:
        return self.section.id if self.section else None

    def open_document(self, document_id: int | None, section_id: int | None = None) -> None:
        """Load a document (one short service call) and show a section of it."""
        self.flush_note()
        self.read_after_ms = max(0, int(reader_ops.setting_now(self.ctx, "reader.read_after_seconds"))) * 1000
        self.view = reader_ops.document_now(self.ctx, document_id) if document_id else None
        self.section = None
        self.hits, self.hit_index, self.query = [], -1, ""
        self.find_panel.query.clear()
        self.find_panel.show_results(None, "", [], -1)
        self.tabs.setCurrentIndex(TAB_OUTLINE)
        self.outline.set_document(self.view)
        self.doc_title.setText(self.view.title if self.view else "")
        self.doc_title.setToolTip(self.view.title if self.view else "")
        if self.view is not None:
            self._remember("reader.last_document", self.view.id)
        self.documentShown.emit(self.view)
        target = self._section_by_id(section_id) if section_id else None
        if target is None and self.view is not None:
            target = first_reading_section(self.view)
        self.show_section(target.id if target else None)

    def reload(self) -> None:
        """Re-read the open document (after a rename) keeping the place."""
        if self.view is not None:
            self.open_document(self.view.id, self.section_id)

    def _section_by_id(self, section_id: int | None) -> SectionView | None:
        if self.view is None or section_id is None:
            return None
        for s in self.view.sections:
            if s.id == section_id:
                return s
        return None

    # navigation ----------------------------------------------------------------------------
    def show_section(self, section_id: int | None) -> None:
        """Show a section's page, restart the read timer, load its note, remember the place."""
        self.flush_note()
        self.section = self._section_by_id(section_id)
        self._render()
        self.pane.verticalScrollBar().setValue(0)
        self.outline.select_section(self.section_id)
        self._update_nav()
        self._load_note()
        self.read_timer.stop()
        if self.section is not None and not self.outline.is_read(self.section.id):
            self.read_timer.start(self.read_after_ms)
        if self.section is not None:
            self._remember("reader.last_section", self.section.id)
        self._highlight_hits()
        self.sectionShown.emit(self.section_id)

    def _remember(self, key: str, value: object) -> None:
        """Keep a place or a size for the next start (a busy database: the next change will)."""
        reader_ops.remember(self, key, value) \
            .failure(lambda exc: log.info("could not remember %s: %s", key, exc)).run(initiator=self)

    def _render(self) -> None:
        self.layout_info = build_page(
            self.pane.document(), self.view, self.section, family=self.family, point_size=self.pane.point_size
        )
        self.pane.apply_margins()
        # building moved the browser's own cursor to the end; Qt would scroll there on first show
        self.pane.moveCursor(QTextCursor.MoveOperation.Start)

    def _update_nav(self) -> None:
        sections = self.view.sections if self.view else []
        ordinal = self.section.ordinal if self.section else -1
        self.prev_button.setEnabled(ordinal > 0)
        self.next_button.setEnabled(0 <= ordinal < len(sections) - 1 or (ordinal < 0 and bool(sections)))
        self.position.setText(position_text(sections, self.section))

    def go_next(self) -> bool:
        if self.view is None or not self.view.sections:
            return False
        ordinal = self.section.ordinal + 1 if self.section else 0
        if ordinal >= len(self.view.sections):
            return False
        self.show_section(self.view.sections[ordinal].id)
        return True

    def go_previous(self) -> bool:
        if self.view is None or self.section is None or self.section.ordinal == 0:
            return False
        self.show_section(self.view.sections[self.section.ordinal - 1].id)
        return True

    def page_down(self) -> None:
        """PageDown scrolls the text; at the end of a section it turns to the next one."""
        bar = self.pane.verticalScrollBar()
        if bar.value() < bar.maximum():
            bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
        else:
            self.go_next()

    def page_up(self) -> None:
        bar = self.pane.verticalScrollBar()
        if bar.value() > bar.minimum():
            bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepSub)
        elif self.go_previous():
            bar.setValue(bar.maximum())

    # reading marks ---------------------------------------------------------------------------
    def _mark_current_read(self) -> None:
        if self.section is None:
            return
        section_id = self.section.id

        def done(_result: object) -> None:
            self.outline.set_read(section_id)
            log.debug("section %s marked read", section_id)
            self.sectionMarkedRead.emit(section_id)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, DatabaseBusy):  # another program is writing: mark it a little later
                QTimer.singleShot(READ_RETRY_MS, self, lambda sid=section_id: self._retry_read(sid))
            else:
                report_failure(self, "阅读标记", exc)

        reader_ops.mark_read(self, section_id, self.document_id).success(done).failure(failed).run(initiator=self)

    def _retry_read(self, section_id: int) -> None:
        if self.section is not None and self.section.id == section_id and not self.outline.is_read(section_id):
            self._mark_current_read()

    # notes -----------------------------------------------------------------------------------
    def _load_note(self) -> None:
        """The section's note: one waiting to be stored at once, else the stored one (read on
        the worker; typing before it arrives wins)."""
        self._note_section = section_id = self.section_id
        self._set_note("")
        self.note.edit.setEnabled(self.section is not None)
        self._note_dirty = False
        self.note.status.setText("")
        if section_id is None:
            return
        if section_id in self._unsaved_notes:
            self._set_note(self._unsaved_notes[section_id])
            return

        def show(note: NoteView) -> None:
            if section_id not in self._unsaved_notes:
                self._note_versions[section_id] = note.version
            if self._note_section == section_id and not self._note_dirty and section_id not in self._unsaved_notes:
                self._set_note(note.text)

        reader_ops.note(self, section_id, show).failure(lambda exc: log.warning("note unavailable: %s", exc)).run()

    def _set_note(self, text: str) -> None:
        with QSignalBlocker(self.note.edit):
            self.note.edit.setPlainText(text)
            self.note.edit.moveCursor(QTextCursor.MoveOperation.End)  # (writing on goes on at its end)

    def _note_edited(self) -> None:
        if self._note_section is None:
            return
        self._note_dirty = True
        self._held_notes.discard(self._note_section)  # (typed on after a conflict: the save asks again)
        self.note.status.setText("正在输入…")
        self.note_timer.start()

    def flush_note(self, wait_ms: int | None = None) -> None:
        """Save a pending note now (on navigation, on close, or after the typing pause); with the
        database busy it is kept and saved after the next pause (`wait_ms`: wait longer, on close)."""
        self.note_timer.stop()
        if self._note_dirty and self._note_section is not None:
            self._unsaved_notes[self._note_section] = self.note.edit.toPlainText()
            self._note_dirty = False
        self._save_notes(wait_ms)

    def _save_notes(self, wait_ms: int | None = None) -> None:
        """Store the notes not stored yet (on the worker, in the order typed); while another
        program writes, keep them and try again (a note typed before moving on to the next
        section is never lost: it stays here until the database has it)."""
        for section_id, text in list(self._unsaved_notes.items()):
            if self._saving.get(section_id) == text or section_id in self._held_notes:
                continue  # (that very text is on its way already; or held after a conflict)
            self._saving[section_id] = text
            self._save_one(section_id, text, self._note_versions.get(section_id, 0), wait_ms)

    def _save_one(self, section_id: int, text: str, expected_version: int | None, wait_ms: int | None) -> None:
        """One section's note on the worker: stored, kept for another try (busy), or asked about
        (another PC saved that note since it was read)."""
        def done(version: int) -> None:
            self._note_versions[section_id] = max(version, self._note_versions.get(section_id, 0))
            if self._saving.get(section_id) == text:
                del self._saving[section_id]
            if self._unsaved_notes.get(section_id) == text:
                del self._unsaved_notes[section_id]  # (typed on meanwhile: that text is still to store)
            self.outline.set_has_note(section_id, bool(text.strip()))
            if section_id == self._note_section:
                self.note.status.setText("已保存")
            self.noteSaved.emit(section_id)

        def failed(exc: BaseException) -> None:
            if self._saving.get(section_id) == text:
                del self._saving[section_id]
            if isinstance(exc, DatabaseBusy):
                if section_id == self._note_section:
                    self.note.status.setText("数据库正忙，笔记稍后自动保存")
                self.note_retry.start()
            elif isinstance(exc, EditConflict):
                self._note_conflict(section_id, exc)
            else:
                report_failure(self, "保存笔记", exc)

        reader_ops.save_note(self, section_id, text, self.document_id, wait_ms=wait_ms,
                             expected_version=expected_version) \
            .success(done).failure(failed).run(initiator=self)

    def settle_notes(self, timeout_ms: int) -> None:
        """Closing: wait (the window's input held back) until the saves on their way have answered,
        so a save another PC's note refused is asked about before the worker stops — its answer
        would otherwise arrive after the window has gone, and the typing with it. From here on a
        conflict is only held: the closing question asks about it, not a box of its own."""
        self._closing = True
        if not self._saving:
            return
        deadline = QDeadlineTimer(timeout_ms)
        loop = QEventLoop(self)
        poll = QTimer(loop)
        poll.setInterval(10)
        poll.timeout.connect(lambda: loop.quit() if not self._saving or deadline.hasExpired() else None)
        poll.start()
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        poll.stop()
        loop.deleteLater()
        if self._saving:
            log.warning("notes still on their way when the window closed: %s", sorted(self._saving))

    def reopen_notes(self) -> None:
        """The window stays open after all (不关闭): conflicts are asked about again as they come."""
        self._closing = False

    def unsaved_notes(self) -> list[int]:
        """Sections whose note is not stored and not held after a conflict (the database was busy)."""
        return [s for s in self._unsaved_notes if s not in self._held_notes]

    def drop_unsaved_notes(self, sections: list[int] | None = None) -> None:
        """The user chose to close without them (放弃我的笔记): those sections', or all."""
        for section_id in list(self._unsaved_notes) if sections is None else sections:
            self._unsaved_notes.pop(section_id, None)
            self._held_notes.discard(section_id)
        if not self._unsaved_notes:
            self.note_retry.stop()

    def held_notes(self) -> list[int]:
        """Sections whose note met another PC's note and was kept unsaved (取消)."""
        return [s for s in self._held_notes if s in self._unsaved_notes]

    def overwrite_held_notes(self, wait_ms: int | None = None) -> None:
        """Store the held notes over the other PC's (the user chose to, on closing)."""
        for section_id in self.held_notes():
            self._held_notes.discard(section_id)
            text = self._unsaved_notes[section_id]
            self._saving[section_id] = text
            self._save_one(section_id, text, None, wait_ms)

    def _note_conflict(self, section_id: int, exc: EditConflict) -> None:
        """Another PC saved this section's note since it was read: nothing was stored. Ask once
        (saves queued behind wait): 重新载入 shows the stored note, 仍然保存 stores this one over
        it, 取消 keeps this one unsaved (shown on coming back, asked again when typed on)."""
        if section_id in self._held_notes:
            return  # (asked already: the box is open)
        self._held_notes.add(section_id)
        if section_id == self._note_section:
            self.note.status.setText("别人修改过这条笔记，您的笔记还没有保存")
        if self._closing:
            return  # (the closing question asks about it)

        def reload() -> None:  # (another section's stored note and version are read on coming back)
            self._held_notes.discard(section_id)
            self._unsaved_notes.pop(section_id, None)
            if section_id == self._note_section:
                self._note_dirty = False
                self._load_note()

        def overwrite() -> None:
            self._held_notes.discard(section_id)
            text = self._unsaved_notes.get(section_id)
            if section_id == self._note_section and self._note_dirty:
                text = self.note.edit.toPlainText()
                self._unsaved_notes[section_id] = text
                self._note_dirty = False
            if text is None:
                return
            self._saving[section_id] = text
            self._save_one(section_id, text, None, None)

        self.conflict_box = ask_edit_conflict(self, "保存笔记", exc.message, reload=reload, overwrite=overwrite)

    # font size -------------------------------------------------------------------------------
    def set_font_size(self, size: int, *, store: bool = True) -> int:
        size = max(MIN_FONT, min(MAX_FONT, int(size)))
        self.pane.point_size = size
        if store:
            self._remember("reader.font_size", size)
        bar = self.pane.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self._render()
        self._highlight_hits()
        bar.setValue(int(ratio * bar.maximum()))  # stay at about the same place in the text
        return size

    def zoom_in(self) -> int:
        return self.set_font_size(self.pane.point_size + FONT_STEP)

    def zoom_out(self) -> int:
        return self.set_font_size(self.pane.point_size - FONT_STEP)

    def zoom_reset(self) -> int:
        return self.set_font_size(int(option("reader.font_size").default))

    # find ---------------------------------------------------------------------------------------
    def show_find(self) -> None:
        self.tabs.setCurrentIndex(TAB_FIND)
        self.find_panel.focus_query()

    def close_find(self) -> None:
        self.hits, self.hit_index, self.query = [], -1, ""
        self.find_panel.show_results(None, "", [], -1)
        self._highlight_hits()
        self.tabs.setCurrentIndex(TAB_OUTLINE)
        self.pane.setFocus()

    def search(self, query: str) -> None:
        """Search the whole document (on the worker); jump to the first hit at or after the
        current section once the hits are there."""
        self.query = query.strip()
        if self.view is None or not self.query:
            self._show_hits(self.query, [])
            return
        wanted, view_id = self.query, self.view.id

        def show(hits: list[SearchHit]) -> None:
            if self.query == wanted and self.view is not None and self.view.id == view_id:
                self._show_hits(wanted, hits)

        reader_ops.search(self, view_id, wanted, SEARCH_LIMIT, show).run()

    def _show_hits(self, query: str, hits: list[SearchHit]) -> list[SearchHit]:
        self.hits = hits
        self.hit_index = -1
        if self.hits:
            here = self.section.ordinal if self.section else -1
            ordinals = {s.id: s.ordinal for s in self.view.sections} if self.view else {}
            start = next(
                (i for i, h in enumerate(self.hits)
                 if h.section_id is not None and ordinals.get(h.section_id, -1) >= here),
                0,
            )
            self.go_to_hit(start)
        else:
            self.find_panel.show_results(self.view, self.query, [], -1)
            source = self._source_selection()
            self.pane.setExtraSelections([source] if source is not None else [])
        return self.hits

    def go_to_hit(self, index: int) -> None:
        if not self.hits or self.view is None:
            return
        self.hit_index = index % len(self.hits)
        hit = self.hits[self.hit_index]
        field = "preamble" if hit.section_id is None else hit.field
        if self.layout_info.span(hit.section_id, field, hit.start, hit.end) is None:
            target = hit.section_id
            if target is None:
                first = first_reading_section(self.view)
                target = first.id if first else None
            self.show_section(target)  # highlights, then we scroll below
        else:
            self._highlight_hits()
        self.find_panel.show_results(self.view, self.query, self.hits, self.hit_index,
                                     limited=len(self.hits) >= SEARCH_LIMIT)

    def next_hit(self) -> None:
        if self.hits:
            self.go_to_hit(self.hit_index + 1)

    def previous_hit(self) -> None:
        if self.hits:
            self.go_to_hit(self.hit_index - 1)

    # 查看原文 (from the 题库) -------------------------------------------------------------------
    def show_source(self, section_id: int, start: int, end: int, field: str = "text") -> bool:
        """Show a section and mark the sentence [start, end) of its `field` ("text" or "title").

        This is how a question answers to the text: the 题库's 「查看原文」 lands here. The mark
        stays while its section is on the page and goes when the reader moves elsewhere.
        Returns False when the section is not in the open document.
        """
        if self._section_by_id(section_id) is None:
            return False
        self.source_mark = (section_id, field, start, end)
        self.show_section(section_id)  # renders, then _highlight_hits marks and scrolls
        return True

    def _source_selection(self) -> QTextEdit.ExtraSelection | None:
        if self.source_mark is None:
            return None
        section_id, field, start, end = self.source_mark
        span = self.layout_info.span(section_id, field, start, end)
        if span is None:  # the reader moved to a page without it
            self.source_mark = None
            return None
        cursor = QTextCursor(self.pane.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(QColor(style.SOURCE_MARK)))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(style.ACCENT))
        sel = QTextEdit.ExtraSelection()
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def _outline_menu(self, pos) -> None:  # noqa: ANN001 - QPoint
        item = self.outline.itemAt(pos)
        if item is None:
            return
        sid = item.data(0, SECTION_ID_ROLE)
        if sid is None:
            return
        menu = QMenu(self.outline)
        menu.addAction("查看本节试题…", lambda: self.bankRequested.emit(int(sid)))
        menu.exec(self.outline.viewport().mapToGlobal(pos))

    def _highlight_hits(self) -> None:
        """Tint every hit shown on the page, the current one stronger, and scroll to it.

        The quoted sentence of 查看原文 is marked too; without a find hit it is scrolled to.
        """
        source = self._source_selection()
        if not self.hits:
            self.pane.setExtraSelections([source] if source is not None else [])
            if source is not None:
                self._scroll_to(source.cursor)
            return
        selections: list[QTextEdit.ExtraSelection] = [source] if source is not None else []
        current_cursor: QTextCursor | None = None
        for i, hit in enumerate(self.hits):
            field = "preamble" if hit.section_id is None else hit.field
            span = self.layout_info.span(hit.section_id, field, hit.start, hit.end)
            if span is None:
                continue
            cursor = QTextCursor(self.pane.document())
            cursor.setPosition(span[0])
            cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(QColor(style.HIT_CURRENT if i == self.hit_index else style.HIT)))
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
            if i == self.hit_index:
                current_cursor = cursor
        self.pane.setExtraSelections(selections)
        if current_cursor is not None:
            self._scroll_to(current_cursor)

    def _scroll_to(self, cursor: QTextCursor) -> None:
        """Bring a hit to about a third of the way down, so its context is visible."""
        plain = QTextCursor(cursor)
        plain.clearSelection()
        rect = self.pane.cursorRect(plain)
        bar = self.pane.verticalScrollBar()
        target = bar.value() + rect.top() - self.pane.viewport().height() // 3
        bar.setValue(max(bar.minimum(), min(bar.maximum(), target)))

    def highlighted_texts(self) -> list[str]:
        """The text under each highlight (tests and the status bar use it)."""
        return [sel.cursor.selectedText() for sel in self.pane.extraSelections()]
