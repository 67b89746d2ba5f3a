"""What to practise and how the 模拟考试 is made, and 「继续上次的答题」.

Forms only: they collect choices and hand plain values (a Scope, a Blueprint, an attempt id) to
the controller, which calls the services. The counts they show (questions per type, 错题本,
今日复习) come from quick service reads when the form opens.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.blueprint import Blueprint, BlueprintItem
from studyapp.core.model import UserError
from studyapp.services import AppContext
from studyapp.services.dto import QUESTION_TYPE_NAMES, DocumentView
from studyapp.services.dto_study import (
    SCOPE_DOCUMENT,
    SCOPE_REVIEW,
    SCOPE_SECTIONS,
    SCOPE_WRONGBOOK,
    Scope,
    UnfinishedAttempt,
)
from studyapp.ui import style
from studyapp.ui.bank.hint import ReviewHint
from studyapp.ui.study import ops as study_ops
from studyapp.ui.study.common import STUDY_STYLE, mmss, points_text, when_text

log = logging.getLogger("studyapp.ui")

PRACTICE_TYPES = ("single", "multiple", "judge", "fill", "short")
EXAM_TYPES = ("single", "multiple", "judge", "fill")


def _section_label(view: DocumentView, section_id: int) -> str:
    for s in view.sections:
        if s.id == section_id:
            return "　" * s.depth + s.heading
    return ""


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(dialog)
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setProperty("primary", True)
    ok.setDefault(True)
    box.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    box.ok = ok  # type: ignore[attr-defined]  # (a handle kept on the widget for callers and tests)
    return box


class PracticeSetupDialog(QDialog):
    """练习: scope (全文 / 一个部分 / 一节 / 错题本 / 今日复习), how many, which types."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, *, document: DocumentView | None,
                 section_id: int | None, default_count: int, wrong_count: int, due_count: int,
                 scope_kind: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.document = document
        self.setWindowTitle("练习")
        self.setStyleSheet(STUDY_STYLE + "QRadioButton, QCheckBox { font-size: 13pt; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 16, 22, 14)
        layout.setSpacing(10)
        title = QLabel("练习什么？", self)
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        if document is not None:
            doc = QLabel(f"学习材料：《{document.title}》", self)
            doc.setTextFormat(Qt.TextFormat.PlainText)  # names and titles are never markup
            doc.setObjectName("pageInfo")
            doc.setWordWrap(True)
            layout.addWidget(doc)
        # nothing approved yet: say why and lead to the review instead of offering zeros
        self.hint = ReviewHint(ctx, self)
        not_ready = self.hint.set_document(document.id if document is not None else None)
        layout.addWidget(self.hint)

        grid = QGridLayout()
        grid.setVerticalSpacing(8)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}

        def radio(key: str, text: str, row: int, widget: QWidget | None = None) -> QRadioButton:
            r = QRadioButton(text, self)
            self.group.addButton(r)
            self.radios[key] = r
            grid.addWidget(r, row, 0)
            if widget is not None:
                grid.addWidget(widget, row, 1)
                r.toggled.connect(widget.setEnabled)
                widget.setEnabled(False)
            return r

        self.part_box = QComboBox(self)
        self.section_box = QComboBox(self)
        for combo in (self.part_box, self.section_box):
            combo.setMinimumWidth(420)
            combo.setMaximumWidth(520)
        if document is not None:
            for s in document.sections:
                if s.depth == 0:
                    self.part_box.addItem(s.heading, s.id)
                self.section_box.addItem("　" * s.depth + s.heading, s.id)
        radio("document", "全文", 0)
        radio("part", "一个部分", 1, self.part_box)
        radio("section", "一节", 2, self.section_box)
        radio(SCOPE_WRONGBOOK, f"错题本（{wrong_count} 题）", 3)
        radio(SCOPE_REVIEW, f"今日复习（{due_count} 题到期）", 4)
        self.radios[SCOPE_WRONGBOOK].setEnabled(wrong_count > 0)
        self.radios[SCOPE_REVIEW].setEnabled(due_count > 0)
        if document is None or not_ready:
            for key in ("document", "part", "section"):
                self.radios[key].setEnabled(False)
        layout.addLayout(grid)

        if section_id is not None:
            i = self.section_box.findData(section_id)
            if i >= 0:
                self.section_box.setCurrentIndex(i)
            top: int = section_id
            if document is not None:
                parents = {s.id: s.parent_id for s in document.sections}
                while (up := parents.get(top)) is not None:
                    top = up
            j = self.part_box.findData(top)
            if j >= 0:
                self.part_box.setCurrentIndex(j)
        start = scope_kind or ("section" if section_id is not None else "document")
        usable = [k for k, r in self.radios.items() if r.isEnabled()] or ["document"]
        self.radios[start if start in usable else usable[0]].setChecked(True)

        form = QFormLayout()
        self.count = QSpinBox(self)
        self.count.setRange(1, 200)
        self.count.setValue(max(1, default_count))
        self.count.setSuffix(" 题")
        self.count.setMinimumWidth(110)
        form.addRow("题数：", self.count)
        types_row = QHBoxLayout()
        self.types: dict[str, QCheckBox] = {}
        for t in PRACTICE_TYPES:
            box = QCheckBox(QUESTION_TYPE_NAMES[t].removesuffix("题"), self)
            box.setChecked(t != "short")
            box.setToolTip("简答题不自动评分，作答后对照参考要点自查" if t == "short" else "")
            self.types[t] = box
            types_row.addWidget(box)
        types_row.addStretch(1)
        form.addRow("题型：", types_row)
        layout.addLayout(form)
        self.error = QLabel("", self)
        self.error.setStyleSheet(f"color: {style.WARN_INK};")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.button_box = _buttons(self, "开始练习")
        layout.addWidget(self.button_box)
        self.button_box.ok.setEnabled(any(r.isEnabled() for r in self.radios.values()))  # type: ignore[attr-defined]  # (a handle kept on the widget for callers and tests)

    def scope(self) -> Scope:
        doc = self.document.id if self.document is not None else None
        checked = next((k for k, r in self.radios.items() if r.isChecked()), "document")
        if checked == "part" and self.part_box.currentData() is not None:
            return Scope(SCOPE_SECTIONS, doc, (int(self.part_box.currentData()),))
        if checked == "section" and self.section_box.currentData() is not None:
            return Scope(SCOPE_SECTIONS, doc, (int(self.section_box.currentData()),))
        if checked in (SCOPE_WRONGBOOK, SCOPE_REVIEW):
            return Scope(checked, None)
        return Scope(SCOPE_DOCUMENT, doc)

    def chosen_types(self) -> list[str]:
        return [t for t, box in self.types.items() if box.isChecked()]

    def accept(self) -> None:
        if not self.chosen_types():
            self.error.setText("请至少选择一种题型。")
            return
        super().accept()


class ExamSetupDialog(QDialog):
    """模拟考试: counts and points per type (capped to what the bank has), scope, time limit."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, *, document: DocumentView,
                 section_id: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.document = document
        self.setWindowTitle("模拟考试")
        self.setStyleSheet(STUDY_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 16, 22, 14)
        layout.setSpacing(10)
        title = QLabel("模拟考试", self)
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        info = QLabel(f"学习材料：《{document.title}》。题目从审核通过的试题中随机抽取，选项顺序打乱。", self)
        info.setTextFormat(Qt.TextFormat.PlainText)  # names and titles are never markup
        info.setObjectName("pageInfo")
        info.setWordWrap(True)
        layout.addWidget(info)
        # nothing approved yet: the reason and 「去审核」 instead of a paper of zeros
        self.hint = ReviewHint(ctx, self)
        not_ready = self.hint.set_document(document.id)
        layout.addWidget(self.hint)
        self.paper_box = QWidget(self)
        paper = QVBoxLayout(self.paper_box)
        paper.setContentsMargins(0, 0, 0, 0)
        paper.setSpacing(10)
        layout.addWidget(self.paper_box)
        form = QFormLayout()
        self.scope_box = QComboBox(self)
        self.scope_box.addItem("全文", None)
        for s in document.sections:
            if s.depth == 0:
                self.scope_box.addItem(s.heading, s.id)
        self.scope_box.setMaximumWidth(520)
        form.addRow("范围：", self.scope_box)
        paper.addLayout(form)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        for c, head in enumerate(("题型", "可抽题数", "题数", "每题分值", "小计")):
            h = QLabel(head, self)
            h.setObjectName("qHint")
            grid.addWidget(h, 0, c)
        self.counts: dict[str, QSpinBox] = {}
        self.points: dict[str, QDoubleSpinBox] = {}
        self.have_labels: dict[str, QLabel] = {}
        self.subtotals: dict[str, QLabel] = {}
        for r, t in enumerate(EXAM_TYPES, 1):
            grid.addWidget(QLabel(QUESTION_TYPE_NAMES[t], self), r, 0)
            have = QLabel("", self)
            have.setObjectName("qHint")
            self.have_labels[t] = have
            grid.addWidget(have, r, 1)
            n = QSpinBox(self)
            n.setRange(0, 0)
            n.setSuffix(" 题")
            n.setMinimumWidth(90)
            p = QDoubleSpinBox(self)
            p.setRange(0, 100)
            p.setDecimals(1)
            p.setSingleStep(0.5)
            p.setSuffix(" 分")
            p.setMinimumWidth(90)
            sub = QLabel("", self)
            self.counts[t], self.points[t], self.subtotals[t] = n, p, sub
            grid.addWidget(n, r, 2)
            grid.addWidget(p, r, 3)
            grid.addWidget(sub, r, 4)
            n.valueChanged.connect(self._update_total)
            p.valueChanged.connect(self._update_total)
        paper.addLayout(grid)
        self.total = QLabel("", self)
        self.total.setStyleSheet("font-size: 14pt; font-weight: bold;")
        paper.addWidget(self.total)
        form2 = QFormLayout()
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 300)
        self.minutes.setSuffix(" 分钟")
        self.minutes.setMinimumWidth(110)
        form2.addRow("考试时间：", self.minutes)
        paper.addLayout(form2)
        self.rule = QLabel("", self)
        self.rule.setObjectName("qHint")
        self.rule.setWordWrap(True)
        paper.addWidget(self.rule)
        self.paper_box.setVisible(not not_ready)
        self.error = QLabel("", self)
        self.error.setStyleSheet(f"color: {style.WARN_INK};")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.button_box = _buttons(self, "开始考试")
        layout.addWidget(self.button_box)

        self.base: Blueprint | None = None
        if section_id is not None:
            i = self.scope_box.findData(section_id)
            if i >= 0:
                self.scope_box.setCurrentIndex(i)
        self._load_defaults(first=True)
        self.scope_box.currentIndexChanged.connect(lambda _i: self._load_defaults())

    def _section_ids(self) -> tuple[int, ...]:
        data = self.scope_box.currentData()
        return (int(data),) if data is not None else ()

    def _load_defaults(self, *, first: bool = False) -> None:
        """The usual paper for the scope, capped to the approved questions it has."""
        ids = self._section_ids()
        try:
            bp, have = study_ops.exam_defaults_now(self.ctx, self.document.id, ids)
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.base = bp
        for item in bp.items:
            if item.type not in self.counts:
                continue
            n = have.get(item.type, 0)
            self.counts[item.type].setRange(0, n)
            self.counts[item.type].setValue(item.count)
            if first or self.points[item.type].value() == 0:
                self.points[item.type].setValue(item.points)
            self.have_labels[item.type].setText(f"{n} 题")
        if first:
            self.minutes.setValue(max(1, bp.time_limit_s // 60))
        self.rule.setText(f"判分：单选、判断题答对得分；{bp.rule.description}；填空题忽略全半角、空格和标点。")
        self._update_total()

    def _update_total(self) -> None:
        total = 0.0
        count = 0
        for t in EXAM_TYPES:
            sub = self.counts[t].value() * self.points[t].value()
            self.subtotals[t].setText(f"{points_text(sub)} 分")
            total += sub
            count += self.counts[t].value()
        self.total.setText(f"共 {count} 题，满分 {points_text(total)} 分")
        self.button_box.ok.setEnabled(count > 0)  # type: ignore[attr-defined]  # (a handle kept on the widget for callers and tests)

    def blueprint(self) -> Blueprint:
        base = self.base or Blueprint(document_id=self.document.id)
        items = tuple(BlueprintItem(t, self.counts[t].value(), self.points[t].value())
                      for t in EXAM_TYPES if self.counts[t].value() > 0)
        ids = self._section_ids()
        title = base.title
        if ids:
            title = f"《{self.document.title}》{_section_label(self.document, ids[0]).strip()} 模拟考试"
        return Blueprint(document_id=self.document.id, items=items,
                         time_limit_s=self.minutes.value() * 60, section_ids=ids, title=title,
                         rule=base.rule)

    def accept(self) -> None:
        if not any(self.counts[t].value() for t in EXAM_TYPES):
            self.error.setText("试卷中没有试题。请至少为一种题型设置题数。")
            return
        super().accept()


class ResumeDialog(QDialog):
    """「继续上次的答题」: attempts left open (app closed, PC switched off) — answers and time kept."""

    def __init__(self, attempts: list[UnfinishedAttempt], person_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attempts = attempts
        self.setWindowTitle("继续上次的答题")
        self.setStyleSheet(STUDY_STYLE + "QListWidget { font-size: 14pt; } QListWidget::item { padding: 8px 4px; }")
        self.resize(700, 360)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 16, 22, 14)
        layout.setSpacing(10)
        title = QLabel(f"{person_name}，上次的答题还没有做完", self)
        title.setTextFormat(Qt.TextFormat.PlainText)  # names and titles are never markup
        title.setObjectName("pageTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        hint = QLabel("已作答的题都已保存。继续答题时，模拟考试从上次剩下的时间接着计时。", self)
        hint.setObjectName("pageInfo")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for a in attempts:
            left = f"，剩余 {mmss(a.remaining_s)}" if a.remaining_s is not None else ""
            item = QListWidgetItem(
                f"{a.kind_name}　{a.title}\n{when_text(a.started_at)} 开始，已答 {a.answered} / {a.total} 题{left}")
            item.setData(Qt.ItemDataRole.UserRole + 1, a.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        layout.addWidget(self.list, 1)
        box = QDialogButtonBox(self)
        self.ok = box.addButton("继续答题", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setProperty("primary", True)
        self.ok.setDefault(True)
        box.addButton("以后再说", QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def chosen_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole + 1)) if item is not None else None


def document_view(ctx: AppContext, document_id: int | None) -> DocumentView | None:
    """The document's sections for the forms (one short read)."""
    return study_ops.document_now(ctx, document_id)
