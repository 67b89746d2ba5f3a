"""集体领学 on the projector: the document page by page; a section shown long enough counts as
studied by the session (room.section_record_seconds), and one still on screen when the run
closes counts too. No questions, no answer and no countdown."""

from __future__ import annotations

import html

from PySide6.QtCore import QTimer

from studyapp.core.model import UserError
from studyapp.ui.room import ops as room_ops
from studyapp.ui.room.controller import RoomController


class ReadingRun(RoomController):
    timed = False
    state_key = "page"

    def _loaded(self, content: room_ops.RunContent) -> None:
        self._record_timer = QTimer(self)
        self._record_timer.setSingleShot(True)
        self._record_timer.timeout.connect(self._record_section)

    @property
    def count(self) -> int:
        return len(self.pages)

    def _show_item(self, restoring: bool) -> None:
        page = self.pages[self.index]
        self.audience.show_page(page, self.index, self.count)
        if page.section_id is not None:
            self._record_timer.start(max(0, self.record_delay_ms))

    def current_html(self) -> str:
        if self.count == 0:
            return "没有内容。"
        p = self.pages[self.index]
        extra = ""
        if self.audience.page_count_in_section > 1:
            extra = f"（本节第 {self.audience.page_in_section + 1}/{self.audience.page_count_in_section} 屏）"
        return (f"<b>{self.index + 1}/{self.count}　{html.escape(p.heading)}</b>{extra}"
                f"<br/>{html.escape(p.text[:300])}")

    def answer_html(self) -> str:
        return ""

    def next_text(self) -> str:
        nxt = self.index + 1
        if nxt >= self.count:
            return "（已是最后一项）"
        return f"{nxt + 1}/{self.count}　{self.pages[nxt].heading}"

    def _forward(self) -> None:
        if self.audience.page_down() or self.index >= self.count - 1:
            return  # (the next screen of a long section, or the last page)
        self.index += 1
        self._save(page=self.index)
        self._show_current()

    def _back(self) -> None:
        if self.audience.page_up() or self.index == 0:
            return
        self.index -= 1
        self._save(page=self.index)
        self._show_current()
        self.audience.last_page_of_section()

    def _record_section(self) -> None:
        if not self.pages:
            return
        page = self.pages[self.index]
        if page.section_id is None:
            return
        try:
            room_ops.record_section_now(self.ctx, self.run_id, page.section_id)
        except UserError as e:
            self._error(e.message)

    def flush_section(self) -> None:
        if self._record_timer.isActive():
            self._record_timer.stop()
            self._record_section()
