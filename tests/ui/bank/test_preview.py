"""The right-hand side of the 题库 (ui/bank/preview.py): a question as the learner sees it, then
its key and its source, the quoted sentence marked inside its paragraph; the 逐题审核 page with
the key on the options themselves. Each is rendered in a QTextBrowser, as the window shows it."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QTextBrowser

from studyapp.ui import style
from studyapp.ui.bank.preview import (
    SourceView,
    empty_html,
    learner_html,
    question_html,
    review_done_html,
    review_html,
    section_html,
)

from .conftest import question_view

PARAGRAPH = "坚持党的领导。指导思想是乙。坚持人民主体地位。"


def _shown(qtbot, html: str) -> QTextBrowser:  # noqa: ANN001
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(html)
    return browser


def _painted_with(browser: QTextBrowser, colour: str) -> str:
    """The text of the fragments with this background (the sentence marked, the key's options)."""
    want, out = QColor(colour), []
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.isValid() and frag.charFormat().background().color() == want:
                out.append(frag.text())
            it += 1
        block = block.next()
    return "".join(out)


def test_the_learner_sees_stem_and_lettered_options_but_no_key(qtbot) -> None:  # noqa: ANN001
    text = _shown(qtbot, learner_html(question_view())).toPlainText()
    assert "依法治市的指导思想是什么？" in text
    assert all(f"{a}．{o}" in text for a, o in zip("ABCD", "甲乙丙丁", strict=True))
    assert "答案" not in text and "出处" not in text
    judge = _shown(qtbot, learner_html(question_view(type="judge", options=(), answer=True))).toPlainText()
    assert "○ 对" in judge and "○ 错" in judge
    short = _shown(qtbot, learner_html(question_view(type="short", options=(), answer=["要点"]))).toPlainText()
    assert "由阅卷人评分" in short and "要点" not in short


def _cells_filled_with(browser: QTextBrowser, colour: str) -> list[str]:
    """The text of the table cells with this background (the options of the key)."""
    want, out = QColor(colour), []
    block = browser.document().begin()
    while block.isValid():
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        if table is not None:
            cell = table.cellAt(cursor)
            if cell.format().background().color() == want:
                out.append(block.text())
        block = block.next()
    return out


def test_a_question_shows_its_meta_key_explanation_and_the_sentence_marked_in_its_paragraph(qtbot) -> None:  # noqa: ANN001
    view = question_view(type="multiple", answer=[0, 2], explanation="见第一部分。", tags=("原则",),
                         difficulty=3, status="approved", origin="edited")
    start = PARAGRAPH.index("指导思想是乙。")
    source = SourceView("一、总体要求 › 1.指导思想", PARAGRAPH, start, start + len("指导思想是乙。"))
    browser = _shown(qtbot, question_html(view, source))
    text = browser.toPlainText()
    for word in ("多选", "已审核", "来源：修改", "难度：难", "标签：原则", "答案", "AC", "解析", "见第一部分。",
                 "出处", "一、总体要求 › 1.指导思想"):
        assert word in text, word
    assert text.index("答案") < text.index("出处")  # the key first, then the source to check it by
    # the quoted sentence, and only it, is highlighted; its paragraph around it for context
    assert _painted_with(browser, style.SOURCE_MARK) == "指导思想是乙。"
    assert PARAGRAPH in text


def test_a_source_not_in_the_document_or_missing_is_a_warning(qtbot) -> None:  # noqa: ANN001
    lost = _shown(qtbot, question_html(question_view(), SourceView("一、总体要求"))).toPlainText()
    assert "这句出处原文在文件中找不到" in lost and "指导思想是乙。" in lost
    none = _shown(qtbot, question_html(question_view(quote="  "), SourceView(""))).toPlainText()
    assert "这道题没有出处原文" in none and "编辑…" in none
    unfilled = _shown(qtbot, question_html(question_view(answer=[]), SourceView(""))).toPlainText()
    assert "（未填写）" in unfilled


def test_text_from_users_is_shown_as_text_not_markup(qtbot) -> None:  # noqa: ANN001
    view = question_view(stem="<b>加粗</b> & <i>斜体</i>", options=("<script>x</script>", "乙", "丙", "丁"),
                         tags=("<u>标签</u>",), explanation="a<br>b")
    text = _shown(qtbot, question_html(view, SourceView("<路径>"))).toPlainText()
    for raw in ("<b>加粗</b> & <i>斜体</i>", "<script>x</script>", "<u>标签</u>", "a<br>b", "<路径>"):
        assert raw in text, raw


def test_a_section_shows_its_heading_path_count_and_text(qtbot) -> None:  # noqa: ANN001
    text = _shown(qtbot, section_html("1.指导思想", "一、总体要求 › 1.指导思想", 7, PARAGRAPH)).toPlainText()
    assert "1.指导思想" in text and "一、总体要求 › 1.指导思想" in text
    assert "在当前筛选下有 7 道试题" in text and "本节原文" in text and PARAGRAPH in text
    # a part that is its own path says it once, and one without text shows no empty 原文
    part = _shown(qtbot, section_html("一、总体要求", "一、总体要求", 0, "")).toPlainText()
    assert part.count("一、总体要求") == 1 and "本节原文" not in part


def test_an_empty_list_says_why_and_what_to_do(qtbot) -> None:  # noqa: ANN001
    assert "放宽" in _shown(qtbot, empty_html(True)).toPlainText()
    assert "生成试题" in _shown(qtbot, empty_html(False)).toPlainText()


def test_the_review_marks_the_key_on_the_options_themselves(qtbot) -> None:  # noqa: ANN001
    view = question_view(type="multiple", answer=[1, 3], tags=("原则",), id=42)
    browser = _shown(qtbot, review_html(view))
    text = browser.toPlainText()
    assert "多选" in text and "待审核" in text and "编号 42" in text and "标签：原则" in text
    assert text.count("✓ 正确答案") == 2
    marked = _cells_filled_with(browser, style.KEY_BG)
    assert [m.split("\u00a0")[0].strip() for m in marked] == ["B．乙", "D．丁"], marked
    fill = _shown(qtbot, review_html(question_view(type="fill", options=(), answer=["乙"], status="approved")))
    assert "填空答案" in fill.toPlainText() and "✓ 乙" in fill.toPlainText() and "已通过" in fill.toPlainText()
    short = _shown(qtbot, review_html(question_view(type="short", options=(), answer=["要点"], status="retired")))
    assert "参考要点" in short.toPlainText() and "已停用" in short.toPlainText()


def test_the_end_of_a_review_sums_up_and_says_what_is_left(qtbot) -> None:  # noqa: ANN001
    left = _shown(qtbot, review_done_html(5, 2, 3, 4)).toPlainText()
    assert "本轮审核完成" in left and "已通过 5 道，已停用 2 道" in left
    assert "还有 4 道待审核（其中本轮跳过 3 道）" in left and "继续审核剩下的" in left
    done = _shown(qtbot, review_done_html(5, 2, 0, 0)).toPlainText()
    assert "没有待审核的试题了" in done and "跳过" not in done
