"""查找: a query box and the hits of `documents.search`, grouped by section with snippets."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studyapp.services.dto import DocumentView, SearchHit
from studyapp.ui import style

SNIPPET_CONTEXT = 18
PREAMBLE_HEADING = "导语"


def hit_field_text(view: DocumentView, hit: SearchHit) -> str:
    """The full text of the field a hit points into (to cut our own snippet around it)."""
    if hit.section_id is None:
        return view.preamble
    for s in view.sections:
        if s.id == hit.section_id:
            return s.title if hit.field == "title" else s.text
    return ""


def hit_heading(view: DocumentView, hit: SearchHit) -> str:
    if hit.section_id is None:
        return PREAMBLE_HEADING
    for s in view.sections:
        if s.id == hit.section_id:
            return s.heading
    return hit.heading


class FindPanel(QWidget):
    """Widgets only: the reader does the searching and the navigation."""

    searchRequested = Signal(str)
    hitActivated = Signal(int)
    nextRequested = Signal()
    previousRequested = Signal()
    closeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findPanel")
        self.query = QLineEdit(self)
        self.query.setObjectName("findQuery")
        self.query.setPlaceholderText("输入要查找的词语，按回车")
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self._return_pressed)
        self.query.installEventFilter(self)
        self.search_button = QPushButton("查找", self)
        self.search_button.setProperty("primary", True)
        self.search_button.clicked.connect(lambda: self.searchRequested.emit(self.query.text()))

        self.count = QLabel("", self)
        self.count.setObjectName("muted")
        self.prev_button = QPushButton("上一处", self)
        self.prev_button.setToolTip("上一处（Shift+F3）")
        self.prev_button.clicked.connect(self.previousRequested)
        self.next_button = QPushButton("下一处", self)
        self.next_button.setToolTip("下一处（回车 或 F3）")
        self.next_button.clicked.connect(self.nextRequested)

        self.results = QTextBrowser(self)
        self.results.setObjectName("findResults")
        self.results.setOpenLinks(False)
        self.results.setOpenExternalLinks(False)
        self.results.anchorClicked.connect(self._anchor_clicked)
        self.results.document().setDocumentMargin(8)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.query, 1)
        row.addWidget(self.search_button)
        nav = QHBoxLayout()
        nav.setContentsMargins(0, 0, 0, 0)
        nav.addWidget(self.count, 1)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addLayout(nav)
        layout.addWidget(self.results, 1)
        self._last_query = ""
        self.show_results(None, "", [], -1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
                self.closeRequested.emit()
                return True
        return super().eventFilter(watched, event)

    def _return_pressed(self) -> None:
        """Enter searches a new query, and steps to the next hit of the same one."""
        text = self.query.text()
        if text.strip() and text == self._last_query:
            self.nextRequested.emit()
        else:
            self.searchRequested.emit(text)

    def _anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "hit":
            try:
                self.hitActivated.emit(int(url.path()))
            except ValueError:
                pass

    def focus_query(self) -> None:
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def show_results(self, view: DocumentView | None, query: str, hits: list[SearchHit], current: int,
                     *, limited: bool = False) -> None:
        """Render hits grouped by section; the current one is tinted."""
        self._last_query = query
        has = bool(hits)
        self.prev_button.setEnabled(has)
        self.next_button.setEnabled(has)
        if not query.strip():
            self.count.setText("")
            self.results.setHtml(
                f"<p style='color:{style.MUTED}'>在上面输入词语，可在整份文件中查找；"
                "结果按章节列出，点一条结果即可跳到原文。</p>"
            )
            return
        if not has or view is None:
            self.count.setText("没有找到")
            self.results.setHtml(
                f"<p style='color:{style.MUTED}'>没有找到「{html.escape(query)}」。"
                "可以换一个较短的词语再试。</p>"
            )
            return
        total = f"共 {len(hits)} 处" + ("（只列出前面这些）" if limited else "")
        self.count.setText(f"第 {current + 1} 处，{total}" if current >= 0 else total)
        parts: list[str] = []
        group_key: object = object()
        group_rows: list[str] = []
        group_heading = ""

        def flush() -> None:
            if group_rows:
                parts.append(
                    f"<p style='margin:10px 0 2px 0; font-weight:bold; color:{style.INK}'>"
                    f"{html.escape(group_heading)}"
                    f"<span style='font-weight:normal; color:{style.MUTED}'>（{len(group_rows)} 处）</span></p>"
                )
                parts.extend(group_rows)

        for index, hit in enumerate(hits):
            key = hit.section_id
            if key != group_key:
                flush()
                group_key = key
                group_rows = []
                group_heading = hit_heading(view, hit)
            group_rows.append(self._row(view, hit, index, index == current))
        flush()
        self.results.setHtml("".join(parts))
        if current >= 0:
            self.results.scrollToAnchor(f"row{current}")

    @staticmethod
    def _row(view: DocumentView, hit: SearchHit, index: int, is_current: bool) -> str:
        text = hit_field_text(view, hit)
        if text and 0 <= hit.start <= hit.end <= len(text):
            before = text[max(0, hit.start - SNIPPET_CONTEXT): hit.start]
            match = text[hit.start: hit.end]
            after = text[hit.end: hit.end + SNIPPET_CONTEXT]
            lead = "…" if hit.start > SNIPPET_CONTEXT else ""
            tail = "…" if hit.end + SNIPPET_CONTEXT < len(text) else ""
            body = (
                f"{lead}{html.escape(before)}"
                f"<span style='background:{style.HIT}; color:{style.INK}; font-weight:bold'>{html.escape(match)}</span>"
                f"{html.escape(after)}{tail}"
            ).replace("\n", " ")
        else:
            body = html.escape(hit.snippet)
        where = "（标题）" if hit.field == "title" else ""
        bg = f"background:{style.ACCENT_LIGHT};" if is_current else ""
        return (
            f"<a name='row{index}'></a>"
            f"<table width='100%' cellspacing='0' cellpadding='4' style='{bg}'><tr><td>"
            f"<a href='hit:{index}' style='color:{style.INK}; text-decoration:none'>{where}{body}</a>"
            f"</td></tr></table>"
        )
