"""编辑试题 / 新增试题: one form for every question type, the key entered the way it is asked.

The form refuses what cannot be a question (no key, options missing, blanks and answers that
do not match) with a plain message next to the button, and saves through the services, which
answer with the verifier's doubts in Chinese. Those are shown before the editor leaves: the
question is saved, the reviewer decides whether to fix it further. An existing question shows
its current doubts when the form opens, so they are seen before anything is changed.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.questions.model import TAGS
from studyapp.services.context import EditConflict
from studyapp.services.dto import DocumentView, QuestionDraft, QuestionView
from studyapp.ui import style
from studyapp.ui.bank import ops as bank_ops
from studyapp.ui.bank.names import (
    BLANK,
    DIFFICULTY_NAMES,
    MAX_OPTIONS,
    MIN_OPTIONS,
    ORIGIN_NAMES,
    STATUS_NAMES,
    TYPE_NAMES,
    letter,
)
from studyapp.ui.conflict import ask_edit_conflict

log = logging.getLogger("studyapp.ui")

TYPE_ORDER = ("single", "multiple", "judge", "fill", "short")
PAGE_OPTIONS, PAGE_JUDGE, PAGE_FILL, PAGE_SHORT = range(4)


def _plain_edit(placeholder: str, lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    height = edit.fontMetrics().lineSpacing() * lines + 16
    edit.setFixedHeight(height)
    return edit


class OptionsEditor(QWidget):
    """Option rows A–F: text, a mark for the right answer(s), remove; plus 添加选项."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.multiple = False
        self.rows: list[tuple[QLabel, QLineEdit, QAbstractButton, QPushButton]] = []
        self.group = QButtonGroup(self)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(1, 1)
        self.hint = QLabel("", self)
        self.hint.setObjectName("muted")
        self.add_button = QPushButton("＋ 添加选项", self)
        self.add_button.clicked.connect(lambda: self.add_row())
        foot = QHBoxLayout()
        foot.setContentsMargins(0, 0, 0, 0)
        foot.addWidget(self.add_button)
        foot.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self.grid)
        layout.addLayout(foot)

    def _mark(self) -> QAbstractButton:
        button: QAbstractButton = QCheckBox("正确", self) if self.multiple else QRadioButton("正确", self)
        button.setToolTip("勾选正确答案" if self.multiple else "选出唯一的正确答案")
        return button

    def add_row(self, text: str = "", correct: bool = False) -> None:
        if len(self.rows) >= MAX_OPTIONS:
            return
        label = QLabel("", self)
        label.setFixedWidth(28)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit = QLineEdit(text, self)
        edit.textChanged.connect(self.changed)
        mark = self._mark()
        self.group.addButton(mark)
        mark.setChecked(correct)
        remove = QPushButton("删除", self)
        remove.setToolTip("删除这个选项")
        row = (label, edit, mark, remove)
        remove.clicked.connect(lambda _=False, r=row: self.remove_row(r))
        self.rows.append(row)
        self._relayout()

    def remove_row(self, row: tuple[QLabel, QLineEdit, QAbstractButton, QPushButton]) -> None:
        if row not in self.rows or len(self.rows) <= MIN_OPTIONS:
            return
        self.rows.remove(row)
        for w in row:
            self.grid.removeWidget(w)
            w.hide()
            w.deleteLater()
        self.group.removeButton(row[2])
        self._relayout()

    def _relayout(self) -> None:
        for i, (label, edit, mark, remove) in enumerate(self.rows):
            label.setText(f"{letter(i)}．")
            edit.setPlaceholderText(f"选项 {letter(i)} 的内容")
            self.grid.addWidget(label, i, 0)
            self.grid.addWidget(edit, i, 1)
            self.grid.addWidget(mark, i, 2)
            self.grid.addWidget(remove, i, 3)
            remove.setEnabled(len(self.rows) > MIN_OPTIONS)
        self.add_button.setEnabled(len(self.rows) < MAX_OPTIONS)
        self.hint.setText(
            f"共 {len(self.rows)} 个选项（{MIN_OPTIONS}～{MAX_OPTIONS} 个）。"
            + ("多选题至少勾选两个正确答案。" if self.multiple else "单选题选一个正确答案。")
        )
        self.changed.emit()

    def set_multiple(self, multiple: bool) -> None:
        """Switch the marks between radio buttons (单选) and check boxes (多选), keeping ticks."""
        if multiple == self.multiple and self.rows:
            return
        state = [(edit.text(), mark.isChecked()) for _l, edit, mark, _r in self.rows]
        self.multiple = multiple
        self.group.setExclusive(not multiple)
        if not multiple:
            first = next((i for i, (_t, c) in enumerate(state) if c), None)
            state = [(t, i == first) for i, (t, _c) in enumerate(state)]
        self.set_options([t for t, _c in state], [i for i, (_t, c) in enumerate(state) if c])

    def set_options(self, options: list[str], correct: list[int]) -> None:
        for row in self.rows:
            for w in row:
                self.grid.removeWidget(w)
                w.hide()
                w.deleteLater()
            self.group.removeButton(row[2])
        self.rows = []
        self.group.setExclusive(not self.multiple)
        texts = list(options) + [""] * max(0, MIN_OPTIONS - len(options))
        for i, text in enumerate(texts[:MAX_OPTIONS]):
            self.add_row(text, i in correct)
        self._relayout()

    def options(self) -> list[str]:
        return [edit.text().strip() for _l, edit, _m, _r in self.rows]

    def correct(self) -> list[int]:
        return [i for i, (_l, _e, mark, _r) in enumerate(self.rows) if mark.isChecked()]


class QuestionEditor(QDialog):
    """Edit a stored question (question given) or write a new one by hand (question None).

    A save from a copy someone else changed meanwhile (another PC on the shared database, the
    command line) is refused by the service; the editor then asks 重新载入 / 仍然保存 (ui/conflict.py).
    """

    saved = Signal(object)  # QuestionView, after every successful save

    def __init__(
        self,
        document: DocumentView,
        question: QuestionView | None = None,
        *,
        section_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.saving = False
        self.question = question
        self.question_id: int | None = question.id if question else None
        self.saved_view: QuestionView | None = None
        self.conflict_box: QMessageBox | None = None  # the last 「试题已被修改」 question asked
        self.setObjectName("questionEditor")
        self.setWindowTitle("编辑试题" if question else "新增试题")
        self.setModal(True)
        self.resize(920, 690)

        # fields --------------------------------------------------------------------------
        self.type_combo = QComboBox(self)
        for code in TYPE_ORDER:
            self.type_combo.addItem(f"{TYPE_NAMES[code]}题", code)
        self.section_combo = QComboBox(self)
        self.section_combo.addItem("（不指定章节）", None)
        for s in document.sections:
            self.section_combo.addItem("　" * s.depth + s.heading, s.id)
        self.section_combo.setMinimumContentsLength(24)
        self.section_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.stem_edit = _plain_edit("题干。填空题用 ____（四个下划线）表示要填的空。", 3)
        self.blank_button = QPushButton("插入空 ____", self)
        self.blank_button.setToolTip("在光标处插入一个填空的空")
        self.blank_button.clicked.connect(self._insert_blank)

        self.options_editor = OptionsEditor(self)
        self.judge_true = QRadioButton("对（说法正确）", self)
        self.judge_false = QRadioButton("错（说法错误）", self)
        judge_page = QWidget(self)
        jl = QHBoxLayout(judge_page)
        jl.setContentsMargins(0, 0, 0, 0)
        jl.addWidget(self.judge_true)
        jl.addSpacing(24)
        jl.addWidget(self.judge_false)
        jl.addStretch(1)
        self.fill_page = QWidget(self)
        self.fill_layout = QFormLayout(self.fill_page)
        self.fill_layout.setContentsMargins(0, 0, 0, 0)
        self.fill_edits: list[QLineEdit] = []
        self.fill_hint = QLabel("", self.fill_page)
        self.fill_hint.setObjectName("muted")
        self.short_edit = _plain_edit("答案要点，一行一条（至少两条），阅卷时逐条给分。", 4)
        self.answer_stack = QStackedWidget(self)
        for page in (self.options_editor, judge_page, self.fill_page, self.short_edit):
            self.answer_stack.addWidget(page)

        self.explanation_edit = _plain_edit("解析：为什么这个答案对（可引用原文）。", 3)
        self.quote_edit = _plain_edit("出处原文：从文件中原样复制的那句话，学员可对照核对。", 3)
        self.tag_boxes: dict[str, QCheckBox] = {}
        self.tags_widget = QWidget(self)
        self.tags_layout = QGridLayout(self.tags_widget)
        self.tags_layout.setContentsMargins(0, 0, 0, 0)
        self.tags_layout.setHorizontalSpacing(14)
        self._add_tag_boxes(list(TAGS) + list(question.tags if question else ()))
        self.difficulty_combo = QComboBox(self)
        for level, name in DIFFICULTY_NAMES.items():
            self.difficulty_combo.addItem(name, level)

        # layout --------------------------------------------------------------------------
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(10)
        top = QHBoxLayout()
        top.addWidget(self.type_combo)
        top.addSpacing(18)
        top.addWidget(QLabel("难度", self))
        top.addWidget(self.difficulty_combo)
        top.addStretch(1)
        self.info_label: QLabel | None = None
        if question is not None:
            self.info_label = QLabel(self._info_text(question), self)
            self.info_label.setObjectName("muted")
            top.addWidget(self.info_label)
        form.addRow("题型", top)
        stem_box = QVBoxLayout()
        stem_box.setSpacing(4)
        stem_box.addWidget(self.stem_edit)
        blank_row = QHBoxLayout()
        blank_row.addWidget(self.blank_button)
        blank_row.addStretch(1)
        stem_box.addLayout(blank_row)
        form.addRow("题干", stem_box)
        self.answer_label = QLabel("选项与答案", self)
        form.addRow(self.answer_label, self.answer_stack)
        form.addRow("解析", self.explanation_edit)
        form.addRow("所属章节", self.section_combo)
        form.addRow("出处原文", self.quote_edit)
        form.addRow("标签", self.tags_widget)

        body = QWidget(self)
        body.setObjectName("editorBody")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(16, 12, 16, 8)
        body_layout.addLayout(form)
        body_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        self.message = QLabel("", self)  # refusals (red) and the verifier's warnings (amber)
        self.message.setObjectName("editorMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        self.save_button = QPushButton("保存", self)
        self.save_button.setProperty("primary", True)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton("取消", self)
        self.close_button.clicked.connect(self._close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 12)
        outer.setSpacing(8)
        outer.addWidget(scroll, 1)
        msg_wrap = QHBoxLayout()
        msg_wrap.setContentsMargins(16, 0, 16, 0)
        msg_wrap.addWidget(self.message)
        outer.addLayout(msg_wrap)
        btn_wrap = QHBoxLayout()
        btn_wrap.setContentsMargins(16, 0, 16, 0)
        btn_wrap.addLayout(buttons)
        outer.addLayout(btn_wrap)

        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.stem_edit.textChanged.connect(self._sync_blanks)
        self._load(question, section_id)
        if question is not None:
            self._show_current_warnings()

    # loading ---------------------------------------------------------------------------------
    @staticmethod
    def _info_text(q: QuestionView) -> str:
        return (f"来源：{ORIGIN_NAMES.get(q.origin, q.origin)} · "
                f"状态：{STATUS_NAMES.get(q.status, q.status)}")

    def _add_tag_boxes(self, tags: list[str] | tuple[str, ...]) -> None:
        """A box for each tag not yet offered (the standard ones, and a question's own)."""
        for tag in tags:
            if tag in self.tag_boxes:
                continue
            i = len(self.tag_boxes)
            box = QCheckBox(tag, self.tags_widget)
            self.tag_boxes[tag] = box
            self.tags_layout.addWidget(box, i // 7, i % 7)

    def show_question(self, q: QuestionView) -> None:
        """Show the question as stored now (重新载入 after someone else changed it): the form's
        typing is dropped and the next save is checked against this version."""
        self.question = q
        self.question_id = q.id
        self._add_tag_boxes(q.tags)
        for box in self.tag_boxes.values():
            box.setChecked(False)
        if self.info_label is not None:
            self.info_label.setText(self._info_text(q))
        self.message.hide()
        self._load(q, None)
        self._show_current_warnings()

    def reload(self) -> None:
        """Read the question again (on the worker) and show it as it is stored now."""
        if self.question_id is None:
            return
        bank_ops.question(self, self.question_id, self.show_question) \
            .failure(lambda exc: self.show_error(getattr(exc, "message", str(exc)))).run()

    def _load(self, q: QuestionView | None, section_id: int | None) -> None:
        qtype = q.type if q else "single"
        self.type_combo.setCurrentIndex(TYPE_ORDER.index(qtype) if qtype in TYPE_ORDER else 0)
        self._type_changed()
        if q is None:
            self._select_section(section_id)
            self.difficulty_combo.setCurrentIndex(1)
            self.stem_edit.setFocus()
            return
        self.stem_edit.setPlainText(q.stem)
        answer: Any = q.answer
        if qtype in ("single", "multiple"):
            self.options_editor.set_options(list(q.options), [int(i) for i in (answer or [])])
        elif qtype == "judge":
            (self.judge_true if answer else self.judge_false).setChecked(True)
        elif qtype == "fill":
            self._sync_blanks()
            for edit, value in zip(self.fill_edits, answer or [], strict=False):
                edit.setText(str(value))
        else:
            self.short_edit.setPlainText("\n".join(str(a) for a in (answer or [])))
        self.explanation_edit.setPlainText(q.explanation)
        self.quote_edit.setPlainText(q.quote)
        for tag in q.tags:
            if tag in self.tag_boxes:
                self.tag_boxes[tag].setChecked(True)
        self.difficulty_combo.setCurrentIndex(max(0, self.difficulty_combo.findData(q.difficulty)))
        self._select_section(q.section_id)

    def _select_section(self, section_id: int | None) -> None:
        index = self.section_combo.findData(section_id) if section_id is not None else 0
        self.section_combo.setCurrentIndex(max(0, index))

    def _show_current_warnings(self) -> None:
        """The verifier's doubts about the question as stored: read them before changing it."""
        if self.question_id is None:
            return
        def show(warnings: tuple[str, ...]) -> None:
            if warnings and not self.message.isVisible():
                self.show_warnings(warnings, saved=False)

        bank_ops.verify_question(self, self.question_id, show) \
            .failure(lambda exc: self.show_error(getattr(exc, "message", str(exc)))).run()

    # type-dependent parts -------------------------------------------------------------------------
    def current_type(self) -> str:
        return str(self.type_combo.currentData())

    def _type_changed(self) -> None:
        qtype = self.current_type()
        if qtype in ("single", "multiple"):
            self.options_editor.set_multiple(qtype == "multiple")
            if not self.options_editor.rows:
                self.options_editor.set_options([], [])
            self.answer_stack.setCurrentIndex(PAGE_OPTIONS)
            self.answer_label.setText("选项与答案")
        elif qtype == "judge":
            self.answer_stack.setCurrentIndex(PAGE_JUDGE)
            self.answer_label.setText("答案")
        elif qtype == "fill":
            self._sync_blanks()
            self.answer_stack.setCurrentIndex(PAGE_FILL)
            self.answer_label.setText("每空答案")
        else:
            self.answer_stack.setCurrentIndex(PAGE_SHORT)
            self.answer_label.setText("答案要点")
        self.blank_button.setVisible(qtype == "fill")
        # the stack sizes to its largest page; keep it to the page shown
        for i in range(self.answer_stack.count()):
            page = self.answer_stack.widget(i)
            if page is None:
                continue
            policy = page.sizePolicy()
            policy.setVerticalPolicy(policy.Policy.Preferred if i == self.answer_stack.currentIndex()
                                     else policy.Policy.Ignored)
            page.setSizePolicy(policy)
        self.answer_stack.adjustSize()

    def _insert_blank(self) -> None:
        self.stem_edit.insertPlainText(BLANK)
        self.stem_edit.setFocus()

    def blank_count(self) -> int:
        return bank_ops.normalize_blanks(self.stem_edit.toPlainText()).count(BLANK)

    def _sync_blanks(self) -> None:
        """One answer box per blank in the stem, kept in step as the stem is typed."""
        if self.current_type() != "fill":
            return
        wanted = self.blank_count()
        while len(self.fill_edits) < wanted:
            edit = QLineEdit(self.fill_page)
            edit.setPlaceholderText("这个空的正确答案")
            self.fill_layout.addRow(f"第 {len(self.fill_edits) + 1} 空", edit)
            self.fill_edits.append(edit)
        while len(self.fill_edits) > wanted:
            self.fill_edits.pop()
            self.fill_layout.removeRow(self.fill_layout.rowCount() - 1)
        if self.fill_hint.parent() is self.fill_page and self.fill_layout.indexOf(self.fill_hint) < 0:
            self.fill_layout.insertRow(0, self.fill_hint)
        self.fill_hint.setText(
            f"题干中有 {wanted} 个空，请为每个空写出答案。" if wanted
            else "题干中还没有空：在题干里要挖空的地方点「插入空 ____」。"
        )

    # saving ------------------------------------------------------------------------------------
    def collect(self) -> tuple[QuestionDraft | None, list[str]]:
        """The draft the form describes, or the reasons it cannot be one (Chinese)."""
        qtype = self.current_type()
        stem = self.stem_edit.toPlainText().strip()
        errors: list[str] = []
        if not stem:
            errors.append("请填写题干。")
        options: list[str] = []
        answer: Any = None
        if qtype in ("single", "multiple"):
            options = self.options_editor.options()
            answer = self.options_editor.correct()
            if any(not o for o in options):
                errors.append("有选项还是空白：请填写，或点该选项后的「删除」。")
            if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
                errors.append(f"选择题要有 {MIN_OPTIONS}～{MAX_OPTIONS} 个选项。")
            if qtype == "single" and len(answer) != 1:
                errors.append("请在选项右侧选出一个正确答案。")
            if qtype == "multiple" and len(answer) < 2:
                errors.append("多选题请至少勾选两个正确答案。")
            if qtype == "multiple" and options and len(answer) == len(options):
                errors.append("多选题不能所有选项都正确，请至少留一个错误选项。")
        elif qtype == "judge":
            if not (self.judge_true.isChecked() or self.judge_false.isChecked()):
                errors.append("请选择这道判断题的答案：对或错。")
            answer = self.judge_true.isChecked()
        elif qtype == "fill":
            answer = [e.text().strip() for e in self.fill_edits]
            if self.blank_count() == 0:
                errors.append("填空题的题干中没有空：请在要填的地方点「插入空 ____」。")
            elif any(not a for a in answer):
                errors.append("请为每个空写出答案。")
        else:
            answer = [line.strip() for line in self.short_edit.toPlainText().splitlines() if line.strip()]
            if len(answer) < 2:
                errors.append("简答题请写出至少两条答案要点，一行一条。")
        if not errors:  # the services' own floor, so the wording matches the import messages
            errors = bank_ops.check_shape(qtype, bank_ops.normalize_blanks(stem), options, answer)
        if errors:
            return None, errors
        draft = QuestionDraft(
            type=qtype, stem=stem, options=tuple(options), answer=answer,
            explanation=self.explanation_edit.toPlainText().strip(),
            quote=self.quote_edit.toPlainText().strip(),
            tags=tuple(t for t, box in self.tag_boxes.items() if box.isChecked()),
            difficulty=int(self.difficulty_combo.currentData()),
            section_id=self.section_combo.currentData(),
        )
        return draft, []

    def save(self, *, overwrite: bool = False) -> bool:
        """Refuse malformed input; otherwise save (on the worker) and show the verifier's
        warnings, if any; without warnings the dialog closes once saved.

        A question someone else changed since the form read it is not overwritten unless the
        user says so (`overwrite`, after being asked: _conflicted).
        Returns True when the draft was well-formed and its save started (`saving` until done).
        """
        draft, errors = self.collect()
        if draft is None:
            self.show_error("未保存：" + "".join(errors))
            return False
        self.saving = True
        self.save_button.setEnabled(False)

        def done(result) -> None:  # noqa: ANN001 - QuestionSaved
            self.saving = False
            self.save_button.setEnabled(True)
            self.saved_view = result.question
            self.question_id = result.question.id  # a second save updates the same question
            self.question = result.question
            self.setWindowTitle("编辑试题")
            log.info("question %d saved from the editor (%d warnings)", result.question.id, len(result.warnings))
            self.saved.emit(result.question)
            if result.warnings:
                self.show_warnings(result.warnings, saved=True)
            else:
                self.accept()

        def failed(exc: BaseException) -> None:
            self.saving = False
            self.save_button.setEnabled(True)
            self.show_error(getattr(exc, "message", None) or f"未保存：{exc}")
            if isinstance(exc, EditConflict):
                self._conflicted(exc.message)

        version = None if overwrite or self.question is None else self.question.version
        bank_ops.save_question(self, self.document.id, self.question_id, draft, version) \
            .success(done).failure(failed).run(initiator=self.parent())  # (the window follows `saved`)
        return True

    def _conflicted(self, message: str) -> QMessageBox:
        """Someone else changed the question since the form read it: the user decides — keep
        theirs (重新载入, the typing is dropped) or put this form's over it (仍然保存)."""
        self.conflict_box = ask_edit_conflict(self, "试题已被修改", message, reload=self.reload,
                                              overwrite=lambda: self.save(overwrite=True))
        return self.conflict_box

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(
            f"QLabel#editorMessage {{ color: {style.ERROR_INK}; background: {style.ERROR_BG}; border: 1px solid {style.ERROR_BORDER};"
            " border-radius: 4px; padding: 8px 10px; }")
        self.message.show()

    def show_warnings(self, warnings: tuple[str, ...] | list[str], *, saved: bool) -> None:
        head = ("已保存。校验提醒（请核对，必要时继续修改后再保存）：" if saved
                else "校验提醒（这道题目前与原文的核对结果）：")
        self.message.setText(head + "\n" + "\n".join(f"· {w}" for w in warnings))
        self.message.setStyleSheet(
            f"QLabel#editorMessage {{ color: {style.WARN_INK}; background: {style.WARN_BG};"
            f" border: 1px solid {style.WARN_BORDER}; border-radius: 4px; padding: 8px 10px; }}")
        self.message.show()
        if saved:
            self.close_button.setText("完成")

    def message_text(self) -> str:
        """The refusal or warnings shown under the form ("" when none)."""
        return "" if self.message.isHidden() else self.message.text()

    def _close(self) -> None:
        if self.saved_view is not None:
            self.accept()
        else:
            self.reject()
