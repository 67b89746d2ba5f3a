"""试卷 / 答题卡 / 参考答案: A/B variants share questions, shuffle order and options consistently."""

from __future__ import annotations

from studyapp.core.paper import (
    LETTERS,
    SourceQuestion,
    build_variants,
    select_questions,
)
from studyapp.reports.forms.paper import build_answer_key, build_paper_pdf, part_heading
from tests.reports.conftest import pdf_pages


def pool() -> list[SourceQuestion]:
    qs = []
    for i in range(14):
        qs.append(SourceQuestion("single", f"单选题干{i}（　　）", (f"甲{i}", f"乙{i}", f"丙{i}", f"丁{i}"), [i % 4],
                                 quote=f"原文句子{i}。", source=f"{i + 1}.章节", question_id=i + 1))
    for i in range(6):
        qs.append(SourceQuestion("multiple", f"多选题干{i}", ("科学立法", "严格执法", "公正司法", "全民守法", "以上都是"),
                                 [0, 2], quote="科学立法、公正司法。", source="2.总体目标", question_id=100 + i))
    for i in range(12):
        qs.append(SourceQuestion("judge", f"判断陈述{i}。", (), i % 2 == 0, quote=f"判断原文{i}。",
                                 explanation=f"原文为：判断原文{i}。", source="3.基本原则", question_id=200 + i))
    for i in range(12):
        qs.append(SourceQuestion("fill", f"以____为指导{i}。", (), ["科学发展观"], quote="以科学发展观为指导。",
                                 source="1.指导思想", question_id=300 + i))
    qs.append(SourceQuestion("short", "基本原则有哪些？", (), ["坚持党的领导", "坚持人民主体地位"], quote="坚持……",
                             source="3.基本原则", question_id=400))
    return qs


def test_variants_same_questions_other_order_options_remapped() -> None:
    a, b = build_variants(pool(), title="《测试文件》", seed=5)
    assert a.total == b.total == 100  # the missing 简答题 are made up with other questions
    assert sorted(q.question_id for q in a.questions) == sorted(q.question_id for q in b.questions)
    assert [q.question_id for q in a.questions] != [q.question_id for q in b.questions]
    src = {q.question_id: q for q in pool()}
    for paper in (a, b):
        for q in paper.questions:
            if q.type in ("single", "multiple"):
                original = src[q.question_id]
                right = {original.options[i] for i in original.answer}
                assert {q.options[i] for i in q.answer} == right
                assert sorted(q.options) == sorted(original.options)
                if "以上都是" in q.options:
                    assert q.options[-1] == "以上都是"  # pinned last
    assert [q.number for q in a.questions] == list(range(1, len(a.questions) + 1))
    # deterministic per seed, different for another seed
    a2, _ = build_variants(pool(), title="《测试文件》", seed=5)
    assert a2 == a
    c, _ = build_variants(pool(), title="《测试文件》", seed=6)
    assert [q.question_id for q in c.questions] != [q.question_id for q in a.questions]


def test_selection_spreads_and_respects_counts() -> None:
    chosen = select_questions(pool(), seed=1)
    assert len(chosen["single"]) >= 10 and len(chosen["multiple"]) == 5 and len(chosen["short"]) == 1


def test_part_heading() -> None:
    a, _ = build_variants(pool(), title="《测试文件》", seed=5)
    assert part_heading(a.parts[0]).startswith("一、单选题（每题 2 分，共")


def test_paper_pdf_reads_like_an_exam_paper() -> None:
    papers = build_variants(pool(), title="《测试文件》", seed=5)
    pages = pdf_pages(build_paper_pdf(papers, "遵义县龙坑乡人民政府"))
    text = "".join(pages)
    for needed in ("《测试文件》", "学习测试卷（A卷）", "学习测试卷（B卷）", "姓名：", "单位：", "得分：",
                   "题号", "总分", "一、单选题", "二、多选题", "三、判断题", "四、填空题", "五、简答题",
                   "答题卡（A卷）", "注意事项", "遵义县龙坑乡人民政府"):
        assert needed in text, needed
    assert "A卷第1页共" in pages[0]
    b_first = next(i for i, p in enumerate(pages) if "学习测试卷（B卷）" in p)
    assert "B卷第1页共" in pages[b_first]  # each variant numbered on its own


def test_answer_key_gives_answers_with_sources() -> None:
    papers = build_variants(pool(), title="《测试文件》", seed=5)
    text = "".join(pdf_pages(build_answer_key(papers)))
    a = papers[0]
    first = a.parts[0].questions[0]
    assert "参考答案及评分标准（A卷）" in text and "参考答案及评分标准（B卷）" in text
    assert f"{LETTERS[first.answer[0]]}.{first.options[first.answer[0]]}" in text
    assert "出处：" in text and "原文：" in text and "科学发展观" in text
    assert "坚持党的领导" in text and "每个要点" in text


def _fill_pool() -> list[SourceQuestion]:
    qs = [SourceQuestion("fill", f"严格执行第{i}号罚缴分离和____管理制度。", (), ["收支两条线"], quote="原文。",
                         source="8.深化行政执法体制改革", question_id=500 + i) for i in range(4)]
    qs += [SourceQuestion("judge", f"判断陈述{i}。", (), True, quote="原文。", question_id=600 + i) for i in range(4)]
    return qs


def _blank_rows(pdf: bytes, tmp_path, name: str) -> int:  # noqa: ANN001
    """Pixel rows of page 1 holding a dark horizontal run 4–15 em long (blanks, not rules)."""
    import subprocess

    from PIL import Image

    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / name)],
                   check=True)
    page = Image.open(next(tmp_path.glob(f"{name}*.png"))).convert("L")
    w, h = page.size
    px = page.load()
    em = 10.5 / 72 * 100  # pixels per em at 100 dpi
    rows = 0
    for y in range(h):
        run = best = 0
        for x in range(w):
            run = run + 1 if px[x, y] < 110 else 0
            best = max(best, run)
        rows += 4 * em - 2 <= best <= 15 * em
    return rows


def test_a_printed_blank_has_ink_and_brackets_keep_their_width(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """Issue 10: blanks drawn as underlined ideographic spaces collapsed to nothing in the PDF,
    and 「（　　）」 shrank to 「( )」. Render page 1 with and without the blanks: the blanks add a
    line at least 4 em long for each fill-in; the brackets keep two em inside."""
    import shutil

    import pytest

    from studyapp.reports.forms import paper as paper_form

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    papers = build_variants(_fill_pool(), blueprint=(("judge", 4, 2), ("fill", 4, 2)), title="《测试文件》", seed=1)
    with_blanks = _blank_rows(build_paper_pdf(papers[:1], "某某乡党委"), tmp_path, "with")
    monkeypatch.setattr(paper_form, "_blank_markup", lambda _n: "")
    without = _blank_rows(build_paper_pdf(papers[:1], "某某乡党委"), tmp_path, "without")
    assert with_blanks - without >= 4, (with_blanks, without)
    markup = paper_form._bracket()
    inside = markup[markup.rindex("（") + 1:markup.rindex("）")]
    assert set(inside) == {"\u00a0"} and len(inside) >= 6
    inline = SourceQuestion("single", "加快建设（　　）的法治政府。", ("甲", "乙", "丙", "丁"), [0])
    assert paper_form._bracket() in paper_form._stem_markup(build_variants(
        [inline] * 4, blueprint=(("single", 4, 2),), title="x", seed=1)[0].questions[0])


def test_the_key_prints_a_false_items_source_once() -> None:
    """Issue 10: the key printed the 原文 of 错误 items twice (the row's 原文 and the explanation's)."""
    quote = "行政机关不得违法创设行政许可。"
    qs = [SourceQuestion("judge", f"行政机关可以违法创设行政许可{i}。", (), False, quote=quote,
                         explanation=f"原文：“{quote}”题中“可以”有误，原文为“不得”。", question_id=700 + i)
          for i in range(4)]
    papers = build_variants(qs, blueprint=(("judge", 4, 2),), title="《测试文件》", seed=1)
    text = "".join(pdf_pages(build_answer_key(papers[:1])))
    assert text.count("行政机关不得违法创设行政许可") == 4  # once per row, in 原文
    assert text.count("说明：题中“可以”有误，原文为“不得”。") == 4


def test_no_line_of_the_key_opens_with_a_closing_mark() -> None:
    """Issue 10: a closing quote stood alone at the start of a line of the key. Quotes of every
    length from 30 to 90 characters: no printed line may open with 」”，；：！？）."""
    import subprocess

    base_text = "坚持中国共产党的领导必须坚持党领导立法保证执法支持司法带头守法把党的领导贯彻到全面推进依法治市的全过程和各方面"
    qs = []
    for n in range(30, 91):
        quote = (base_text * 2)[:n - 1] + "。"
        qs.append(SourceQuestion("judge", f"判断陈述{n}。", (), True, quote=quote, source="3.基本原则",
                                 question_id=800 + n))
    papers = build_variants(qs, blueprint=(("judge", len(qs), 1),), title="《测试文件》", seed=1, target_total=1)
    pdf = build_answer_key(papers[:1])
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf,
                          capture_output=True, check=True).stdout.decode("utf-8")
    starts = [line.split("  ")[-1].strip() for line in text.splitlines() if line.strip()]
    assert not [s for s in starts if s[:1] in "」”，；：！？）"], [s for s in starts if s[:1] in "」”，；：！？）"][:3]


def test_short_answer_boxes_fill_the_page_they_land_on() -> None:
    """Issue 10: the 简答 box no longer spills alone onto a nearly empty page — a box takes the
    room left where it lands (at least 4 lines), and boxes on a page of their own share it."""
    from studyapp.reports.forms import paper as paper_form

    blueprint = [("single", 10, 2.0), ("multiple", 5, 4.0), ("judge", 10, 1.0), ("fill", 12, 2.0),
                 ("short", 1, 10.0)]
    [a] = build_variants(pool(), title="《测试文件》", seed=5, variants=("A",), blueprint=blueprint)
    story = paper_form.answer_sheet_story(a)[1:]  # (without the page break before the sheet)
    boxes = [f for f in story if isinstance(f, paper_form._AnswerBox)]
    assert len(boxes) == 1 and boxes[0].heading.startswith("五、简答题")
    pdf = paper_form._render(story, "", "答题卡")
    assert boxes[0].lines >= 12  # on its own page: the page is its answer space, not 6 lines and white
    pages = pdf_text_pages(pdf)
    assert "五、简答题" in pages[-1] and "43." in pages[-1]

    # a box that fits where the other parts end stays there, with what room there is
    small = [("single", 4, 5.0), ("judge", 4, 5.0), ("short", 2, 30.0)]
    [b] = build_variants(pool(), title="《测试文件》", seed=5, variants=("A",), blueprint=small)
    story = paper_form.answer_sheet_story(b)[1:]
    boxes = [f for f in story if isinstance(f, paper_form._AnswerBox)]  # (build consumes the story)
    pdf = paper_form._render(story, "", "答题卡")
    assert len(pdf_text_pages(pdf)) == 1 and len(boxes) == 1
    assert paper_form._AnswerBox.MIN_LINES <= boxes[0].lines <= paper_form._AnswerBox.MAX_LINES


def pdf_text_pages(data: bytes) -> list[str]:
    import io

    from pypdf import PdfReader

    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
