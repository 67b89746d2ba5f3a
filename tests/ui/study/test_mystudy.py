"""我的学习 and the status bar of the chosen learner."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studyapp.services import review
from studyapp.ui.study.mystudy import MyStudyPage
from studyapp.ui.study.result import ResultPage
from tests.ui.study.conftest import practise


def test_status_bar_and_my_study(qtbot, study_window, key, learner) -> None:
    window = study_window()
    study = window.study
    assert study.status_text() == f"学习者：王德伦 · 今日待复习 {review.due_count(window.ctx, learner)} 题"
    part = next(s.id for s in window.reader.view.sections if s.label == "三、")
    page = practise(qtbot, window, part, 3)
    for pos in range(3):
        page.show_question(pos)
        page.answer(key.right(page.attempt.id, pos))
    page.end()
    qtbot.waitUntil(lambda: isinstance(study.page, ResultPage))
    study.act_my_study.trigger()
    qtbot.waitUntil(lambda: isinstance(study.page, MyStudyPage))
    mine = study.page
    s = mine.data.study
    assert s.practice_count == 1 and s.answered == 3 and s.right == 3
    rows = {mine.sections.topLevelItem(i).text(0).strip(): mine.sections.topLevelItem(i).text(1)
            for i in range(mine.sections.topLevelItemCount())}
    assert rows["三、深入推进依法行政,加快建设法治政府"] == "已掌握"
    assert rows["1.指导思想"] == "未读"
    qtbot.mouseClick(mine.close_button, Qt.MouseButton.LeftButton)
    assert study.page is None and window.reader.isVisible()  # 返回阅读
