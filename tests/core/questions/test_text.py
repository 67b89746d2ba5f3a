"""Text helpers of the generator: sentences and clauses verbatim, quotes compared in one folded
form, statements without their closing punctuation."""

from __future__ import annotations

from studyapp.core.questions.text import clauses, is_terminated, norm, sentences, strip_end


def test_sentences_are_cut_after_their_end_with_closing_quotes_kept() -> None:
    assert sentences("第一句。第二句！\n第三句“引号。”后面") == ["第一句。", "第二句！", "第三句“引号。”", "后面"]


def test_a_line_break_ends_a_sentence_and_blank_lines_vanish() -> None:
    assert sentences("  标题\n\n正文第一句。  ") == ["标题", "正文第一句。"]
    assert sentences("") == []


def test_clauses_are_split_at_semicolons_with_their_terminator() -> None:
    assert clauses("甲；乙；丙。") == ["甲；", "乙；", "丙。"]


def test_norm_folds_width_and_drops_whitespace() -> None:
    assert norm("ＡＢ　c d") == "ABcd"
    assert norm("第一条 为了规范管理。") == norm("第一条为了规范管理。")


def test_strip_end_and_is_terminated() -> None:
    assert strip_end("应当依法办理。") == "应当依法办理"
    assert strip_end("包括：") == "包括"
    assert is_terminated("好。”") and is_terminated("如下：")
    assert not is_terminated("没有结尾") and not is_terminated("")


def test_nfkc_maps_full_width_first_and_gives_what_nfkc_gives() -> None:
    """text.nfkc folds full-width ASCII by a table before NFKC (the fast path for Chinese text):
    the result is NFKC's own, on every kind of character a document holds."""
    import unicodedata

    from studyapp.core.questions.text import nfkc

    for s in ("第一条　为了加强管理，根据《中华人民共和国××法》（以下简称“本法”）；制定本条例：１２３ＡＢＣ。",
              "ｶﾞ…①㈠㊀ﬁ\u3000ｅ\u0301", "".join(chr(c) for c in range(0xFF00, 0xFFF0))):
        assert nfkc(s) == unicodedata.normalize("NFKC", s)


def test_round_88_a_reports_plan_for_its_own_year_is_no_look_back() -> None:
    """内蒙古's report of January 2018: 「三、2018年主要工作」 is the year's plan, not a look back at last year
    (「2022年工作」 in a 2023 report is)."""
    from studyapp.core.outline import parse_text
    from studyapp.core.questions.text import section_infos

    def review(title: str, heading: str) -> bool:
        doc = parse_text(f"{title}\n一、{heading}\n全年地区生产总值增长6.5%左右，城镇新增就业25万人。\n")
        return next(i for i in section_infos(doc) if i.node.title == heading).in_review

    assert not review("政府工作报告——2018年1月24日在内蒙古自治区第十三届人民代表大会第一次会议上", "2018年主要工作")
    assert review("政府工作报告——2023年1月12日在某市第十六届人民代表大会第三次会议上", "2022年工作")
    assert review("政府工作报告——2023年1月12日在某市第十六届人民代表大会第三次会议上", "过去五年工作回顾")
