"""The projector's picture on its own: a question without its key until A shows the answer (the
blank filled in, the right options marked, the source sentence), a long question shrunk to fit
a 1024×768 projector instead of cut off, the countdown only with a question, 时间到 across the
screen, the scoreboard by rank, B blanking it, and typed text shown as text."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from studyapp.core.contest import ScoreLine
from studyapp.services.dto_room import RoomPage, RoomQuestion
from studyapp.ui.room.audience import AudienceView


@pytest.fixture
def view(qtbot) -> AudienceView:  # noqa: ANN001
    family = str(QApplication.instance().property("studyapp_font_family"))
    v = AudienceView(family)
    qtbot.addWidget(v)
    v.resize(1920, 1080)
    v.show()
    qtbot.waitExposed(v)
    return v


def _q(qtype: str = "single", stem: str = "依法治市的根本保证是____。", answer: object = (1,),
       options: tuple[str, ...] = ("人民当家作主", "党的领导", "依法行政", "公正司法")) -> RoomQuestion:
    return RoomQuestion(0, 11, qtype, {"single": "单选题", "fill": "填空题", "judge": "判断题"}[qtype], stem,
                        options, answer, "B" if qtype == "single" else "依法治市",
                        "党的领导是全面推进依法治市最根本的保证。", "一、全面推进依法治市的总体要求")


def test_a_question_keeps_its_key_until_it_is_shown(view: AudienceView) -> None:
    view.show_question(_q(), 2, 10)
    text = view.body.plain_text()
    assert "根本保证是" in text and "党的领导" in text and "答案" not in text and "出处" not in text
    assert view.info.text() == "第 3 题 / 共 10 题　单选题"
    view.reveal()
    text = view.body.plain_text()
    assert "答案：B" in text and "✔" in text and "出处（一、全面推进依法治市的总体要求）" in text
    assert "最根本的保证" in text
    view.reveal(False)
    assert "答案" not in view.body.plain_text()


def test_a_fill_in_shows_its_answer_in_the_blank_and_a_judge_two_choices(view: AudienceView) -> None:
    view.show_question(_q("fill", "全面推进____，建设法治遵义。", ["依法治市"], ()), 0, 1, revealed=True)
    assert "全面推进依法治市，建设法治遵义" in view.body.plain_text()
    view.show_question(_q("judge", "依法治市只是政法部门的事。", False, ()), 0, 1)
    text = view.body.plain_text()
    assert "√．正确" in text and "×．错误" in text


def test_a_long_question_shrinks_to_fit_a_small_projector(view: AudienceView, qtbot) -> None:  # noqa: ANN001
    view.show_question(_q(), 0, 1)
    assert view.fit == 1.0 and view.stem_px >= 40  # read from the back of the room at 1080p
    long_stem = "根据实施意见，" + "坚持依法执政、依法行政、公正司法、全民守法，" * 12 + "是____。"
    view.resize(1024, 768)
    qtbot.waitUntil(lambda: view.height() == 768)
    view.show_question(_q(stem=long_stem), 0, 1, revealed=True)
    assert view.fit < 1.0
    assert view.body.content_height(view.body.width()) <= view.body.height()  # nothing cut off


def test_the_clock_goes_with_a_question_and_time_up_is_written_across(view: AudienceView) -> None:
    view.show_page(RoomPage(0, None, "中共遵义市委关于全面推进依法治市的实施意见", "", "正文"), 0, 5)
    view.set_timer(30_000)
    assert not view.clock.isVisible()  # reading has no countdown
    view.show_question(_q(), 0, 1)
    view.set_timer(65_000)
    assert view.clock.isVisible() and view.clock.text() == "1:05"
    view.timeout()
    assert view.timed_out and view.times_up.isVisible() and view.times_up.text() == "时间到"
    assert view.clock.text() == "0"
    view.set_timer(30_000)  # the host starts the question again
    assert not view.timed_out and not view.times_up.isVisible()


def test_the_board_ranks_the_teams_and_b_blanks_the_screen(view: AudienceView, qtbot) -> None:  # noqa: ANN001
    lines = [ScoreLine("t1", "第一队", (), 110, 1, 1, 0), ScoreLine("t2", "<第二队>", (), 90, 2, 0, 1)]
    view.set_scores(lines, ["t2", "t1"])
    view.show_board("最终名次")
    board = view.board.plain_text()
    assert view.mode == "board" and view.banner.text() == "最终名次"
    assert board.index("第 1 名") < board.index("第一队") < board.index("第 2 名") < board.index("<第二队>")
    with qtbot.waitSignal(view.blankedChanged) as blanked:
        view.set_blanked(True)
    assert blanked.args == [True] and view.blanked
    view.set_blanked(False)
    assert not view.blanked


def test_the_scores_strip_under_a_contest_question_keeps_the_teams_order(view: AudienceView) -> None:
    view.show_question(_q(), 0, 1)
    view.set_scores([ScoreLine("t1", "第一队", (), 110, 1, 1, 0), ScoreLine("t2", "第二队", (), 90, 2, 0, 1)],
                    ["t2", "t1"])
    assert view.strip.isVisible()
    labels = [view.strip_layout.itemAt(i).widget().text() for i in range(view.strip_layout.count())]
    assert "第二队" in labels[0] and "第一队" in labels[1] and "第1名" in labels[1]


def test_typed_text_is_shown_as_text(view: AudienceView) -> None:
    view.show_question(_q(stem="<b>加粗</b> & ____ <img src=x>", options=("<i>甲</i>", "乙", "丙", "丁")), 0, 1)
    text = view.body.plain_text()
    assert "<b>加粗</b> &" in text and "<img src=x>" in text and "<i>甲</i>" in text
