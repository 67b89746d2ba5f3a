"""The parser on the real documents and on small texts for every numbering style and trap."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.model import Cancelled, ParsedDocument, UserError
from studyapp.core.outline import cn_to_int, looks_like_title, parse_text

DOCS = Path(__file__).resolve().parents[1] / "data" / "documents"
SEED = Path(__file__).resolve().parents[2] / "resources" / "documents" / "zunyi-yifazhishi-2014.txt"

# characters the parser may drop: header brackets and colons, a heading's closing 。
_DROPPABLE = set("()（）:：。")


def _reconstruct(doc: ParsedDocument) -> str:
    parts = [doc.title, doc.note]
    for key, value in doc.meta.items():
        parts += [key, value]
    parts.append(doc.preamble)
    for s in doc.walk():
        parts += [s.label, s.title, s.text]
    return re.sub(r"\s+", "", "".join(parts))


def assert_nothing_lost(original: str, doc: ParsedDocument) -> None:
    """Every non-blank character lands in the output, in order; only formatting is dropped."""
    orig = re.sub(r"\s+", "", original.lstrip("\ufeff"))
    recon = _reconstruct(doc)
    i = 0
    for pos, ch in enumerate(orig):
        if i < len(recon) and recon[i] == ch:
            i += 1
        else:
            assert ch in _DROPPABLE, f"lost {ch!r} at {pos}: …{orig[max(0, pos - 15):pos + 15]}…"
    assert i == len(recon), f"output has text not in the input: {recon[i:i + 30]!r}"


def labels(sections) -> list[str]:
    return [s.label for s in sections]


# --- the real documents ---------------------------------------------------------------------
def test_seed_structure_header_and_truncation():
    text = SEED.read_text(encoding="utf-8")
    doc = parse_text(text)
    assert doc.title == "中共遵义市委关于全面推进依法治市的实施意见"
    assert doc.note == "2014年11月12日市委四届五次全体会议审议通过"
    assert doc.meta == {"学习时间": "2015.4.15", "学习方式": "集中学习",
                        "学习地点": "乡政府二楼会议室", "领学人": "王德伦"}
    assert doc.truncated is True
    assert doc.preamble.startswith("为全面贯彻落实党的十八届四中全会")
    assert labels(doc.sections) == ["一、", "二、", "三、", "四、"]
    assert [len(s.children) for s in doc.sections] == [3, 2, 6, 2]
    items = [c for s in doc.sections for c in s.children]
    assert [c.label for c in items] == [f"{n}." for n in range(1, 14)]
    assert items[0].title == "指导思想"
    assert items[0].text.startswith("以马克思列宁主义")
    assert items[-1].title == "优化司法职权配置"
    assert doc.sections[0].title == "全面推进依法治市的总体要求"
    assert doc.sections[1].title == "加强宪法实施和监督,依法做好地方立法工作"
    assert doc.sections[0].text == ""
    assert_nothing_lost(text, doc)


def test_seed_traps_do_not_start_sections():
    doc = parse_text(SEED.read_text(encoding="utf-8"))
    everything = [s.label for s in doc.walk()]
    assert len(everything) == 17  # 4 parts + 13 items, nothing from 2015.4.15 or 三中、四中
    assert "十八届三中、四中全会" in doc.sections[0].children[0].text


def test_law_with_toc_chapters_articles_and_items():
    text = (DOCS / "jiancha-fa-2018.txt").read_text(encoding="utf-8")
    doc = parse_text(text)
    assert doc.title == "中华人民共和国监察法"
    assert doc.note.startswith("2018年3月20日")
    assert "目" in doc.preamble and "第九章" in doc.preamble  # the 目录 stays in the preamble
    assert [s.label for s in doc.sections] == [f"第{n}章" for n in
                                               "一二三四五六七八九"]
    assert doc.sections[0].title == "总则"
    articles = [c for s in doc.sections for c in s.children]
    assert len(articles) == 69
    assert articles[0].label == "第一条" and articles[0].title == ""
    assert articles[0].text.startswith("为了深化国家监察体制改革")
    art11 = articles[10]
    assert [c.label for c in art11.children] == ["（一）", "（二）", "（三）"]
    assert art11.text.endswith("职责：")
    assert doc.truncated is False
    assert_nothing_lost(text, doc)


def test_party_rules_line_broken():
    text = (DOCS / "dangnei-zhengzhi-shenghuo-2016.txt").read_text(encoding="utf-8")
    doc = parse_text(text)
    assert doc.title == "关于新形势下党内政治生活的若干准则"
    assert len(doc.sections) == 12
    assert doc.sections[10].label == "十一、"
    assert doc.sections[0].title == "坚定理想信念"
    assert "\n" in doc.sections[0].text  # paragraphs kept apart
    assert doc.preamble.startswith("办好中国的事情")
    assert doc.truncated is False
    assert_nothing_lost(text, doc)


@pytest.mark.parametrize("path", sorted(DOCS.glob("*.txt")), ids=lambda p: p.name)
def test_every_shared_document_keeps_all_text(path):
    text = path.read_text(encoding="utf-8")
    doc = parse_text(text)
    assert doc.sections
    assert_nothing_lost(text, doc)


# --- numbering styles -----------------------------------------------------------------------
def test_numbering_levels_nest():
    text = ("标题\n一、总体要求\n（一）指导思想\n1.坚持党的领导。要始终坚持。\n（1）第一点内容。\n"
            "（2）第二点内容。\n①细目一；②细目二。\n2.第二项。正文。\n（二）基本原则\n二、主要任务\n正文。")
    doc = parse_text(text)
    assert labels(doc.sections) == ["一、", "二、"]
    one = doc.sections[0]
    assert labels(one.children) == ["（一）", "（二）"]
    first = one.children[0]
    assert labels(first.children) == ["1.", "2."]
    assert first.children[0].title == "坚持党的领导"
    assert labels(first.children[0].children) == ["（1）", "（2）"]
    assert labels(first.children[0].children[1].children) == ["①", "②"]
    assert_nothing_lost(text, doc)


def test_half_width_and_full_width_variants():
    text = "标题\n(一)甲项\n正文一。\n(二)乙项\n正文二。\n1．丙项。内容。\n2、丁项。内容。\n(3)戊。"
    doc = parse_text(text)
    assert labels(doc.sections) == ["(一)", "(二)"]
    assert labels(doc.sections[1].children) == ["1．", "2、"]
    assert doc.sections[1].children[0].title == "丙项"
    assert_nothing_lost(text, doc)


def test_bian_zhang_jie_tiao():
    text = ("某某条例\n第一编　总则\n第一章　一般规定\n第一节　目的\n第一条　为了规范工作，制定本条例。\n"
            "第二条　本条例适用于全市。\n第二节　原则\n第三条　坚持依法办事。\n第二章　附则\n"
            "第四条　本条例自发布之日起施行。")
    doc = parse_text(text)
    assert labels(doc.sections) == ["第一编"]
    chapters = doc.sections[0].children
    assert labels(chapters) == ["第一章", "第二章"]
    assert labels(chapters[0].children) == ["第一节", "第二节"]
    assert labels(chapters[0].children[0].children) == ["第一条", "第二条"]
    assert chapters[0].children[0].children[0].title == ""
    assert labels(chapters[1].children) == ["第四条"]
    assert_nothing_lost(text, doc)


def test_article_references_are_not_articles():
    text = "某法\n第一条　为了规范。\n第二条　依照本法第一条的规定办理。第三条规定的除外。\n第三条　施行。"
    doc = parse_text(text)
    assert labels(doc.sections) == ["第一条", "第二条", "第三条"]


def test_dates_decimals_and_ordinals_never_start_sections():
    text = ("标题\n一、概述\n2015.4.15召开会议，增长3.5个百分点，十八届三中、四中全会精神。"
            "要统一、规范。第二、三项另说。\n二、要求\n正文。")
    doc = parse_text(text)
    assert labels(doc.sections) == ["一、", "二、"]
    assert doc.sections[0].children == []
    assert_nothing_lost(text, doc)


def test_out_of_sequence_numbers_are_text():
    text = "标题\n一、甲\n内容。\n三、不是标题因为跳号。\n二、乙\n内容。"
    doc = parse_text(text)
    assert labels(doc.sections) == ["一、", "二、"]
    assert "三、不是标题因为跳号" in doc.sections[0].text


def test_numbering_restarts_under_each_parent():
    text = "标题\n一、甲\n1.子一。内容。\n2.子二。内容。\n二、乙\n1.子三。内容。\n2.子四。内容。"
    doc = parse_text(text)
    assert [labels(s.children) for s in doc.sections] == [["1.", "2."], ["1.", "2."]]


def test_run_on_text_like_the_seed():
    text = "某某意见为做好工作,提出如下意见。一、总体要求1.指导思想。坚持学习。2.目标。到2020年,完成任务。二、措施3.加强领导。建立健全机制。"
    doc = parse_text(text)
    assert labels(doc.sections) == ["一、", "二、"]
    assert doc.sections[0].title == "总体要求"
    assert labels(doc.sections[1].children) == ["3."]
    assert doc.sections[1].children[0].text == "建立健全机制。"
    assert_nothing_lost(text, doc)


def test_toc_with_dot_leaders_and_page_numbers():
    text = ("培训手册\n目录\n第一章 总则……1\n第二章 职责……3\n第一章 总则\n第一条 为了。\n"
            "第二章 职责\n第二条 负责。")
    doc = parse_text(text)
    assert labels(doc.sections) == ["第一章", "第二章"]
    assert "职责……3" in doc.preamble
    assert_nothing_lost(text, doc)


def test_no_numbering_falls_back_to_paragraphs():
    text = "一篇讲话\n同志们，今天我们开会。\n第二段内容。\n第三段内容。"
    doc = parse_text(text)
    assert doc.title == "一篇讲话"
    assert [s.kind for s in doc.sections] == ["para"] * 3
    assert doc.sections[1].text == "第二段内容。"
    assert_nothing_lost(text, doc)


def test_line_broken_study_header_with_more_fields():
    text = ("关于加强学习的通知\n学习时间：2015年4月15日\n学习地点：会议室\n主持人：张三\n记录人：李四\n"
            "参加人员：王五、赵六\n为加强学习，通知如下。\n一、内容\n正文。")
    doc = parse_text(text)
    assert doc.meta == {"学习时间": "2015年4月15日", "学习地点": "会议室", "主持人": "张三",
                        "记录人": "李四", "参加人员": "王五、赵六"}
    assert doc.preamble == "为加强学习，通知如下。"


def test_run_on_header_with_two_letter_name():
    doc = parse_text("某意见学习时间:2015.4.15领学人:王伟根据上级要求,制定本意见。一、要求正文。")
    assert doc.meta["领学人"] == "王伟"
    assert doc.preamble == "根据上级要求,制定本意见。"


def test_circled_and_parenthesized_unicode_digits():
    text = "标题\n一、甲\n⑴第一\n⑵第二\n二、乙\n①其一；②其二。"
    doc = parse_text(text)
    assert labels(doc.sections[0].children) == ["⑴", "⑵"]
    assert labels(doc.sections[1].children) == ["①", "②"]


def test_truncation_flag():
    assert parse_text("标题\n一、甲\n内容完整。").truncated is False
    assert parse_text("标题\n一、甲\n内容没有写完").truncated is True
    assert parse_text("标题\n一、甲\n他说：“好。”").truncated is False


def test_empty_text_is_refused_in_chinese():
    with pytest.raises(UserError) as err:
        parse_text(" \n\u3000\n")
    assert "内容为空" in err.value.message


def test_cancel_stops_parsing():
    class Token:
        cancelled = True

    text = "标题\n" + "".join(f"{n}.第{n}项。内容。\n" for n in range(1, 600))
    with pytest.raises(Cancelled):
        parse_text(text, cancel=Token())


def test_progress_is_reported():
    seen = []
    parse_text(SEED.read_text(encoding="utf-8"), progress=lambda d, t, m: seen.append((d, t, m)))
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1]


@pytest.mark.parametrize("s,n", [("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23),
                                 ("一百零五", 105), ("12", 12), ("１２", 12)])
def test_cn_to_int(s, n):
    assert cn_to_int(s) == n


# --- property: generated documents keep all text and their structure ----------------------
_CN = "一二三四五六七八九十"
_FILLER = st.sampled_from([
    "坚持依法治市。", "2015.4.15召开会议。", "十八届三中、四中全会精神。", "要统一、规范、高效。",
    "增长3.5个百分点。", "依照第三条规定办理。", "加强领导，完善机制。", "（以下简称本办法）。",
])


@st.composite
def documents(draw):
    parts = draw(st.integers(1, 5))
    items_per = draw(st.lists(st.integers(0, 4), min_size=parts, max_size=parts))
    run_on = draw(st.booleans())
    sep = "" if run_on else "\n"
    out = ["测试文件" + sep, "前言。" + sep]
    n_item = 0
    for p in range(parts):
        out.append(f"{_CN[p]}、第{p}部分标题" + sep)
        if run_on and not items_per[p]:
            out.append("本部分正文。")  # a run-on heading needs text or an item after it
        for _ in range(items_per[p]):
            n_item += 1
            body = "".join(draw(st.lists(_FILLER, min_size=1, max_size=3)))
            out.append(f"{n_item}.要点{n_item}。{body}" + sep)
    return "".join(out), parts, items_per


@settings(max_examples=60, deadline=None)
@given(documents())
def test_generated_documents(case):
    text, parts, items_per = case
    doc = parse_text(text)
    assert len(doc.sections) == parts
    assert [len(s.children) for s in doc.sections] == items_per
    assert_nothing_lost(text, doc)


def test_article_items_have_no_titles_and_trailing_paragraphs_stay_with_the_article():
    text = (DOCS / "jiancha-fa-2018.txt").read_text(encoding="utf-8")
    doc = parse_text(text)
    articles = {s.label: s for s in doc.walk() if s.kind == "tiao"}
    items15 = articles["第十五条"].children
    assert [c.title for c in items15] == [""] * 6
    assert items15[5].text == "其他依法履行公职的人员。"
    art22 = articles["第二十二条"]
    assert [c.label for c in art22.children] == ["（一）", "（二）", "（三）", "（四）", ""]
    assert art22.children[3].text == "可能有其他妨碍调查行为的。"
    assert art22.children[4].kind == "para"
    assert art22.children[4].text.startswith("对涉嫌行贿犯罪或者共同职务犯罪的涉案人员")
    assert art22.children[4].text.endswith("依照国家有关规定执行。")
    # the article's second paragraph: a question's source reads 第二十二条 / 第2段 (once 第0段)
    from studyapp.core.questions.text import label_of

    assert label_of(art22.children[4]) == "第2段"


def test_items_of_a_list_introduced_by_a_colon_are_not_headings():
    text = "标题\n一、要求\n主要做到以下几点：\n（一）学习文件。\n（二）开展讨论。"
    doc = parse_text(text)
    assert [c.title for c in doc.sections[0].children] == ["", ""]
    assert doc.sections[0].children[0].text == "学习文件。"


# --- issue 9: 「统一、」 inside an article; titles printed over several lines ------------------
def test_word_ending_in_yi_inside_an_article_is_not_an_item():
    # the example of the issue: a run-on 「一、」 used to open an item inside the article
    text = ("某某条例\n第一条　为了严明纪律，制定本条例。\n"
            "第二条　党的纪律是党的各级组织和全体党员必须遵守的行为规则，"
            "是维护党的团结统一、完成党的任务的保证。\n第三条　本条例自发布之日起施行。")
    doc = parse_text(text)
    assert labels(doc.sections) == ["第一条", "第二条", "第三条"]
    assert doc.sections[1].children == []
    assert doc.sections[1].text.endswith("是维护党的团结统一、完成党的任务的保证。")
    assert_nothing_lost(text, doc)


@pytest.mark.parametrize("glue", ["统一、", "统 一、", "统\n一、", "统　一、"],
                         ids=["same-line", "stray-space", "hard-wrapped", "ideographic-space"])
def test_word_ending_in_yi_inside_an_article_in_every_layout(glue):
    text = f"某某条例\n第一条　党的纪律是维护党的团结{glue}完成党的任务的保证。\n第二条　施行。"
    doc = parse_text(text)
    assert labels(doc.sections) == ["第一条", "第二条"]
    assert doc.sections[0].children == []
    assert_nothing_lost(text, doc)


def test_article_items_still_start_at_a_real_boundary():
    text = ("某某条例\n第一条　对党员的纪律处分种类：\n一、警告；\n二、严重警告。\n"
            "第二条　有下列情形之一的，可以从轻处分：（一）主动交代的；（二）检举他人的。")
    doc = parse_text(text)
    assert labels(doc.sections[0].children) == ["一、", "二、"]
    assert labels(doc.sections[1].children) == ["（一）", "（二）"]
    assert_nothing_lost(text, doc)


def test_run_on_article_items_need_a_boundary():
    # in run-on text an item glued to the article's words is not an item of it
    text = "某某条例\n第一条党的纪律是维护党的团结统一、完成党的任务的保证。第二条施行。"
    doc = parse_text(text)
    assert labels(doc.sections) == ["第一条", "第二条"]
    assert doc.sections[0].children == []
    assert_nothing_lost(text, doc)


@pytest.mark.parametrize("word", ["统一、", "唯一、", "第一、", "单一、", "周一、", "之一、", "七一、",
                                  "逐一、", "初一、"],
                         ids=["tongyi", "weiyi", "diyi", "danyi", "zhouyi", "zhiyi", "qiyi",
                              "zhuyi", "chuyi"])
def test_a_word_ending_in_yi_is_never_a_heading(word):
    # top level, right after a chapter heading (where run-on headings may follow), and in the title
    text = f"某某规定\n第一章　坚持{word}规范的原则\n第一条　正文。"
    doc = parse_text(text)
    assert [s.label for s in doc.walk()] == ["第一章", "第一条"]
    assert doc.sections[0].title == f"坚持{word}规范的原则"
    doc = parse_text(f"关于建立{word}规范的工作机制的意见\n一、总体要求\n正文。")
    assert doc.title == f"关于建立{word}规范的工作机制的意见"
    assert labels(doc.sections) == ["一、"]
    doc = parse_text(f"标题\n一、总体要求\n要坚持{word}二、规范。\n二、措施\n正文。")
    assert labels(doc.sections) == ["一、", "二、"]
    assert doc.sections[0].children == []


def test_a_hard_wrapped_ordinal_is_not_a_heading():
    text = "标题\n一、要求\n依照本法第\n二、三项的规定办理。\n二、措施\n正文。"
    doc = parse_text(text)
    assert labels(doc.sections) == ["一、", "二、"]
    assert "第\n二、三项" in doc.sections[0].text


def test_real_law_article_with_a_wrapped_tongyi():
    # 监察法 第二条 ends 「……构建集中统一、权威高效的中国特色国家监察体制。」; copied from a PDF the
    # line may break inside 统一, leaving 「一、权威高效……」 at the start of a line
    original = (DOCS / "jiancha-fa-2018.txt").read_text(encoding="utf-8")
    assert original.count("集中统一、") == 1
    for text in (original, original.replace("集中统一、", "集中统\n一、"),
                 original.replace("集中统一、", "集中统 一、")):
        doc = parse_text(text)
        articles = {s.label: s for s in doc.walk() if s.kind == "tiao"}
        assert len(articles) == 69
        assert articles["第二条"].children == []
        assert articles["第二条"].text.endswith("权威高效的中国特色国家监察体制。")
        assert not any(s.kind == "cn" for s in doc.walk())
        assert_nothing_lost(text, doc)


def _with_parents(sections, parents=()):
    for s in sections:
        yield s, parents
        yield from _with_parents(s.children, parents + (s,))


@pytest.mark.parametrize("path", sorted(DOCS.glob("*.txt")), ids=lambda p: p.name)
def test_no_label_of_a_real_document_ends_a_word(path):
    text = path.read_text(encoding="utf-8")
    doc = parse_text(text)
    for s, parents in _with_parents(doc.sections):
        assert not (s.kind == "cn" and any(p.kind == "tiao" for p in parents)), s.text[:20]
    starts = {re.sub(r"\s+", "", s.title + s.text)[:8] for s in doc.walk() if s.kind == "cn"}
    for m in re.finditer(r"[统唯第单周之七]一、(\S{8})", re.sub(r"\s+", "", text)):
        assert m.group(1) not in starts, m.group(0)


def test_title_over_two_lines_is_joined():
    text = ("国务院办公厅关于推进\n政务新媒体健康有序发展的意见\n国办发〔2018〕123号\n"
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
            "为推进政务新媒体健康有序发展，经国务院同意，现提出以下意见。\n"
            "一、总体要求\n正文。\n二、主要任务\n正文。")
    doc = parse_text(text)
    assert doc.title == "国务院办公厅关于推进政务新媒体健康有序发展的意见"
    assert doc.preamble.startswith("国办发〔2018〕123号\n各省、自治区")
    assert labels(doc.sections) == ["一、", "二、"]
    assert doc.sections[0].title == "总体要求"
    assert_nothing_lost(text, doc)


def test_title_over_three_lines_with_blank_lines_and_a_note():
    text = ("中共中央办公厅 国务院办公厅\n\n印发《关于深化新时代学校思想政治\n\n"
            "理论课改革创新的若干意见》的通知\n\n（2019年8月14日）\n\n"
            "近日，中共中央办公厅、国务院办公厅印发了《意见》。\n一、重要意义\n正文。")
    doc = parse_text(text)
    assert doc.title == ("中共中央办公厅国务院办公厅印发《关于深化新时代学校思想政治"
                         "理论课改革创新的若干意见》的通知")
    assert doc.note == "2019年8月14日"
    assert doc.preamble.startswith("近日")
    assert labels(doc.sections) == ["一、"]
    assert_nothing_lost(text, doc)


@pytest.mark.parametrize("text,title", [
    # 依法 does not end a title; a continuation that starts with 的; …办法（试行）;
    # a complete title with its 实施条例; a last line that ends otherwise, then a document number
    ("中共中央关于全面推进依法\n治国若干重大问题的决定\n一、总体要求\n正文。",
     "中共中央关于全面推进依法治国若干重大问题的决定"),
    ("国家档案局关于印发《机关档案管理办法》\n的通知\n各省档案局：\n现印发给你们。",
     "国家档案局关于印发《机关档案管理办法》的通知"),
    ("党政机关公务用车管理\n办法（试行）\n第一条　正文。", "党政机关公务用车管理办法（试行）"),
    ("中华人民共和国监察法\n实施条例\n第一条　正文。", "中华人民共和国监察法实施条例"),
    ("关于进一步加强\n新时代统计工作\n国办发〔2019〕5号\n正文。", "关于进一步加强新时代统计工作"),
], ids=["yifa", "de-tongzhi", "shixing", "shishi-tiaoli", "doc-number"])
def test_title_lines_are_joined(text, title):
    doc = parse_text(text)
    assert doc.title == title
    assert_nothing_lost(text, doc)


@pytest.mark.parametrize("text,title", [
    # a complete title, then an author line and a date: not one title
    ("在全国组织工作会议上的讲话\n习近平\n（2018年7月3日）\n同志们：\n正文。", "在全国组织工作会议上的讲话"),
    # a short line that does not end like a title, then a numbered heading
    ("学习提纲\n习近平新时代中国特色社会主义思想\n一、总体要求\n正文。", "学习提纲"),
    ("学习提纲\n习近平新时代中国特色社会主义思想\n（一）总体要求\n正文。", "学习提纲"),
    # body text, a heading, a note, a 目录, a study header field, a document number
    ("关于加强学习\n为加强学习，通知如下。\n一、内容\n正文。", "关于加强学习"),
    ("某某意见\n一、总体要求\n正文。", "某某意见"),
    ("某某条例\n（2020年1月1日通过）\n第一条　正文。", "某某条例"),
    ("培训手册\n目录\n第一章 总则……1\n第一章 总则\n第一条 为了。", "培训手册"),
    ("关于学习的通知\n学习时间：2015年4月15日\n正文。", "关于学习的通知"),
    ("某某通知\n某发〔2020〕1号\n正文。", "某某通知"),
    ("某某条例\n总则\n第一条　正文。", "某某条例"),
], ids=["speech-author-date", "no-title-ending", "no-title-ending-paren", "body", "heading", "note", "toc", "meta",
        "doc-number", "unnumbered-heading"])
def test_single_line_titles_stay_single(text, title):
    doc = parse_text(text)
    assert doc.title == title
    assert_nothing_lost(text, doc)


def test_a_sentence_broken_across_lines_by_a_pdf_is_joined_again():
    text = ("焦作市城市绿化条例\n\n第一章 总则\n\n"
            "第一条 为了促进城市绿化事业发展，根据《城市绿化条例》等法律、法规，结合本市实际，制\n\n定本条例。\n\n"
            "第二条 本条例适用于本市城市规划区、县（市）人民政府\n\n所在地规划区内城市绿化的规划、建设、保护和管理。\n\n"
            "第三条 有关部门应当履行下列职责：\n（一）编制规划；\n（二）组织实施。\n"
            "第四条 市城市绿化行政主管部门负责本市的城市绿化工作。\n县（市、区）城市绿化行政主管部门负责本行政区域内的城市绿化工作。\n")
    doc = parse_text(text)
    arts = {s.label: s for s in doc.walk() if s.kind == "tiao"}
    assert arts["第一条"].text.endswith("结合本市实际，制定本条例。")
    assert arts["第二条"].text == "本条例适用于本市城市规划区、县（市）人民政府所在地规划区内城市绿化的规划、建设、保护和管理。"
    assert [c.text for c in arts["第三条"].children] == ["编制规划；", "组织实施。"]  # items stay items
    assert arts["第四条"].text.count("\n") == 1  # whole sentences stay paragraphs of their own
    # the header's lines (dates, bodies) are never run together
    doc = parse_text("某某条例\n\n2018年8月29日 某市人民代表大会常务委员会会议通过\n2018年9月29日 某省人民代表大会常务委员会批准\n\n"
                     "第一条 为了规范管理，制定本条例。\n")
    assert doc.preamble == "2018年8月29日 某市人民代表大会常务委员会会议通过\n2018年9月29日 某省人民代表大会常务委员会批准"


def test_titles_that_read_as_titles_and_those_that_do_not() -> None:
    assert looks_like_title("中共遵义市委关于全面推进依法治市的实施意见")
    assert looks_like_title("中华人民共和国监察法（2018年）")
    assert looks_like_title("中国共产党纪律检查委员会工作条例")
    assert not looks_like_title("")
    assert not looks_like_title("桥汬漠鞍楂涓浜")  # text decoded with the wrong encoding
    assert not looks_like_title("各单位要认真学习，抓好落实。")  # a first sentence
    assert not looks_like_title("scan_0012")


def test_a_bracket_inside_a_cited_title_belongs_to_the_title() -> None:
    """Round 53: 「关于印发《……行动方案（2026—2030年）》的通知」 was cut at its bracket, and every
    paper header named the document wrongly; a note in brackets after a title is still a note."""
    text = "关于印发《上海市食品科技创新行动方案（2026—2030年）》的通知\n沪科合〔2025〕42号\n一、总体要求\n正文。"
    doc = parse_text(text)
    assert doc.title == "关于印发《上海市食品科技创新行动方案（2026—2030年）》的通知"
    assert_nothing_lost(text, doc)
    noted = parse_text("某某条例（2020年1月1日通过）\n第一条　正文。")
    assert noted.title == "某某条例"


def test_an_abbreviation_in_brackets_inside_a_long_title_belongs_to_it() -> None:
    """Round 54: 「……关于加快对接区域全面经济伙伴关系协定（RCEP）经贸新规则……实施意见的通知」 (85
    characters) was cut at its bracket; a bracket the title goes on after and that holds no note
    is the title's."""
    title = ("安徽省推进“三地一区”建设领导小组改革开放新高地执行小组办公室关于印发安徽省关于加快对接区域全面经济伙伴关系协定"
             "（RCEP）经贸新规则扎实推进高水平开放实施意见的通知")
    text = title + "\n（皖开放办〔2022〕6号）\n省有关单位：\n现印发给你们，请认真贯彻落实。\n一、总体要求\n正文。"
    doc = parse_text(text)
    assert doc.title == title
    assert_nothing_lost(text, doc)


def test_a_plan_numbered_by_decimals_reads_on_its_own_structure() -> None:
    """An 应急预案 numbers its parts 「1　总则」「2.1　指挥部」「2.1.2　办公室职责」 (at the start of a
    line, a blank after the number), its table of contents too: each depth is a level, the items
    （1）… sit under their part, and a number in running text or a 1. item is no such heading."""
    text = ("国家粮食应急预案\n目　　录\n1　总则\n1.1　编制目的\n2　组织机构和职责\n2.1　指挥部\n"
            "1　总则\n1.1　编制目的\n为了有效监测和控制各类突发公共事件，制定本预案。\n"
            "1.2　工作原则\n（1）统一领导、分级负责。\n（2）科学监测、预防为主。\n"
            "2　组织机构和职责\n2.1　指挥部\n总指挥：国家发展改革委主要负责人。\n"
            "2.1.1　指挥部职责\n（1）掌握粮食市场形势。\n（2）完成国务院交办的其他事项。\n"
            "2.1.2　办公室职责\n办公室设在国家粮食局。\n2020 年的储备计划另行下达。\n"
            "3　附则\n本预案自印发之日起实施。\n")
    doc = parse_text(text)
    tops = [(s.kind, s.label, s.title) for s in doc.sections]
    assert tops == [("dec1", "1", "总则"), ("dec1", "2", "组织机构和职责"), ("dec1", "3", "附则")]
    two = doc.sections[1]
    assert [(c.label, c.title) for c in two.children] == [("2.1", "指挥部")]
    duties = two.children[0].children
    assert [(c.kind, c.label) for c in duties] == [("dec3", "2.1.1"), ("dec3", "2.1.2")]
    assert [c.kind for c in duties[0].children] == ["paren_arabic", "paren_arabic"]
    assert "2020 年的储备计划另行下达" in (duties[1].text or "")


def test_an_attachment_after_the_last_part_is_a_section_of_its_own() -> None:
    """Round 60: the list of a leading group's members after 「附件：……名单」 and the rule under it
    were read as more of 「（五）做好宣传引导」; a question on that rule was sourced there."""
    doc = parse_text("吴泾镇城镇房屋安全隐患排查整治工作方案\n一、保障措施\n（一）强化组织领导\n成立领导小组。\n"
                     "（二）做好宣传引导\n各相关单位要广泛宣传。\n附件：领导小组成员名单\n附件\n领导小组成员名单\n"
                     "组 长：王学政 党委副书记、镇长\n副组长：余剑秋 副镇长\n各成员单位确定1名工作人员为联络员。\n")
    last = doc.sections[0].children[-1]
    assert last.text == "各相关单位要广泛宣传。"
    att = doc.sections[-1]
    assert (att.label, att.title, att.kind) == ("附件：", "领导小组成员名单", "fujian")
    assert att.text.splitlines() == ["组 长：王学政 党委副书记、镇长", "副组长：余剑秋 副镇长", "各成员单位确定1名工作人员为联络员。"]
    # a line that only mentions an attachment (「详见附件：」 inside a part) opens none, and the parts
    # that follow a marker keep their own structure
    doc = parse_text("某某通知\n一、总体要求\n做好工作，详见附件。\n二、工作步骤\n按附件：\n（一）动员部署。\n（二）总结验收。\n")
    assert all(s.kind != "fujian" for s in doc.walk())
    assert [c.label for c in doc.sections[1].children] == ["（一）", "（二）"]


def test_an_articles_own_short_title_is_its_title() -> None:
    """Round 61: 「第十条【磋商期限及次数】 ……」 and 「第十四条 （职责分工）」 on a line of its own were shown
    inside stems and options as text; they are the article's title. Items stay items."""
    doc = parse_text("某某实施细则\n第一章 总则\n第一条【目的和依据】 为规范赔偿工作，制定本细则。\n"
                     "第二条 （职责分工）\n镇规划建设办：负责日常养护的监管。\n第三条（一）不是标题的条文。\n")
    arts = doc.sections[0].children
    assert [(a.title, a.text) for a in arts[:2]] == [("目的和依据", "为规范赔偿工作，制定本细则。"),
                                                     ("职责分工", "镇规划建设办：负责日常养护的监管。")]
    assert arts[2].title == ""


def test_a_short_heading_line_with_a_bracket_is_not_joined_to_the_next() -> None:
    """Round 63: 「（二）投资（财务）监理单位工作人员要求」 on its own line was glued to the sentence under
    it (the closed bracket was taken for prose); a line broken by a PDF still joins."""
    doc = parse_text("某镇管理办法\n第一条 监理单位的工作要求如下：\n（一）监理单位应当依法开展工作。\n"
                     "（二）投资（财务）监理单位工作人员要求\n投资（财务）监理单位应要求其工作人员遵守客观公正的原则开展工作。\n")
    item = doc.sections[0].children[1]
    assert item.text == "投资（财务）监理单位工作人员要求"
    doc = parse_text("某条例\n第一条 为了规范管理，结合本市（区）实际，制\n定本条例。\n")
    assert doc.sections[0].text == "为了规范管理，结合本市（区）实际，制定本条例。"


def test_parts_of_a_measure_each_number_their_own_headings() -> None:
    """Round 64: a 办法 in 「第一部分 ……」「第二部分 ……」, each with its own 一、二、三、 — the second
    part's 一、 was read as a stray and its headings folded into the first part's; a 「第二部分」 inside
    a sentence is no heading."""
    from studyapp.core.model import section_heading

    doc = parse_text("物业服务考核办法\n一、指导思想\n坚持为民服务。\n第一部分 考核奖励办法\n一、物业项目奖励\n"
                     "按得分评奖。\n二、评优奖励\n获评优秀的奖励5万元。\n第二部分 达标补贴办法\n一、补贴对象\n"
                     "按照第二部分规定补贴。\n二、资金拨付\n每年拨付一次。\n")
    assert [(s.label, s.title) for s in doc.sections] == [("一、", "指导思想"), ("第一部分", "考核奖励办法"),
                                                         ("第二部分", "达标补贴办法")]
    assert [c.title for c in doc.sections[2].children] == ["补贴对象", "资金拨付"]
    assert section_heading("第一部分", "考核奖励办法", "") == "第一部分　考核奖励办法"


def test_an_item_whose_text_opens_with_a_year_is_still_an_item() -> None:
    """Round 73: 「23.2023年4月1日（含当日）以后取得……」 was read as the number 23.2023, so items 23 and
    24 were filed under item 22 — a heading choice then keyed the wrong heading."""
    text = ("某市若干措施\n一、推动服务业加快恢复发展\n1.壮大物流与供应链平台经济规模。对物流企业给予奖励。\n"
            "2.2023年4月1日（含当日）以后取得旅行社业务经营许可证的旅行社，可申请暂缓交纳质量保证金。\n"
            "3.鼓励旅行社引客入融。单个旅行社累计奖励不超过50万元。\n二、推动消费复苏回暖\n1.发放消费券。\n")
    doc = parse_text(text)
    items = [s for s in doc.walk() if s.kind == "arabic"]
    assert [s.number for s in items] == [1, 2, 3, 1]
    assert (items[1].title + items[1].text).startswith("2023年4月1日")
    assert "50万元" in items[2].title + items[2].text
    # a decimal inside a sentence stays a number
    assert not [s for s in parse_text("某市意见\n一、总则\n增长率为3.2，比上年提高。\n").walk() if s.kind == "arabic"]


def test_headed_parts_under_a_lead_in_with_a_colon_keep_their_headings() -> None:
    """A work report's 「重点抓好以下六个方面工作：」 over 「（一）高标准高质量建设自贸试验区，加快……进程」 and the
    paragraphs of that part: the heading line is the part's title, not the start of a list item's text (the
    reader showed it glued to the first measure, and every measure was asked as an item of a list); items
    of a list, one line each, stay items."""
    text = ("某省政府工作报告\n一、关于今年的工作\n重点抓好以下两个方面工作：\n"
            "（一）高标准高质量建设自贸试验区，加快探索建设中国特色自由贸易港进程\n"
            "以制度创新为核心，推进自贸试验区建设。加快搭建政策和制度体系。\n"
            "创新投资管理制度，实行全国统一的市场准入负面清单。\n"
            "（二）深化供给侧结构性改革\n推动旅游业提质升级。\n"
            "二、其他\n有下列情形之一的，不予受理：\n（一）申请材料不齐全的；\n（二）超过申请期限的。\n")
    doc = parse_text(text)
    parts = doc.sections[0].children
    assert [p.title for p in parts] == ["高标准高质量建设自贸试验区，加快探索建设中国特色自由贸易港进程", "深化供给侧结构性改革"]
    assert parts[0].text.startswith("以制度创新为核心")
    items = doc.sections[1].children
    assert [i.title for i in items] == ["", ""] and items[0].text == "申请材料不齐全的；"


def test_a_run_in_heading_over_a_page_of_measures_under_a_lead_in_is_the_parts_title() -> None:
    """内蒙古 2018: 「重点做好以下几个方面工作：」 over 「（一）坚决打好三大攻坚战。这是……」, each a page of
    measures: the run-in heading is the part's title; a list's item of a clause or two stays an item."""
    measures = "推进重点领域改革，完善配套政策措施，加强督促检查。" * 8
    text = ("某自治区政府工作报告\n一、2018年主要工作\n重点做好以下几个方面工作：\n"
            f"（一）坚决打好三大攻坚战。这是全面建成小康社会必须跨越的重大关口。{measures}\n"
            f"（二）深化供给侧结构性改革。{measures}\n"
            "二、其他\n申请人应当提交下列材料：\n（一）申请书。申请书应当载明申请事项。\n（二）身份证明。\n")
    doc = parse_text(text)
    assert [p.title for p in doc.sections[0].children] == ["坚决打好三大攻坚战", "深化供给侧结构性改革"]
    assert [i.title for i in doc.sections[1].children] == ["", ""]


def test_a_run_in_heading_of_two_clauses_under_a_lead_in_is_the_parts_title() -> None:
    """鹤壁 2022: 「（一）实施扩大内需战略，保持经济平稳运行。扎实推动……」 under a lead-in with a colon, each a page of
    measures: 2 questions on 16,000 characters while its ten parts were read as one list."""
    measures = "推进重点领域改革，完善配套政策措施，加强督促检查。" * 8
    text = ("某市政府工作报告\n一、2022年工作安排\n重点做好以下十个方面工作：\n"
            f"（一）实施扩大内需战略，保持经济平稳运行。扎实推动三大重点。{measures}\n"
            f"（二）加快灾后恢复重建，着力打造美丽家园。{measures}\n"
            "二、其他\n申请人应当提交下列材料：\n（一）申请书，申请书应当载明申请事项。\n（二）身份证明。\n")
    doc = parse_text(text)
    assert [p.title for p in doc.sections[0].children] == ["实施扩大内需战略，保持经济平稳运行", "加快灾后恢复重建，着力打造美丽家园"]
    assert [i.title for i in doc.sections[1].children] == ["", ""]
