"""The verifier rejects hand-made bad questions of every kind, and accepts good ones."""

from __future__ import annotations

import copy

import pytest

from studyapp.core.outline import parse_text
from studyapp.core.questions import Question, is_negative, verify
from studyapp.core.questions.text import clauses, norm, sentences

TEXT = """关于加强机关作风建设的实施办法
一、基本原则
坚持党的领导，把党的领导贯穿作风建设全过程；坚持以人民为中心，做到为了群众、依靠群众、服务群众。
二、主要措施
宪法是国家的根本大法。把公众参与、专家论证、风险评估、合法性审查和集体讨论决定作为重大行政决策法定程序。积极推行政府法律顾问制度。
三、监督检查
纪检监察机关应当在二十四小时以内通知被调查人所在单位。
"""
DOC = parse_text(TEXT)
PLACE = "根据《关于加强机关作风建设的实施办法》“主要措施”部分"
Q_ENUM = "把公众参与、专家论证、风险评估、合法性审查和集体讨论决定作为重大行政决策法定程序。"


def good() -> dict[str, Question]:
    """One acceptable question of each type."""
    src2 = {"section": ["二、"], "quote": Q_ENUM}
    return {
        "single": Question(type="single", stem="《关于加强机关作风建设的实施办法》中，“积极推行政府法律顾问制度”属于下列哪一项工作的内容？",
                           options=["基本原则", "主要措施", "监督检查", "工作目标"], answer=[1],
                           source={"section": ["二、"], "quote": "积极推行政府法律顾问制度。"}, tags=["措施"]),
        "multiple": Question(type="multiple",
                             stem="《关于加强机关作风建设的实施办法》“主要措施”部分提出：“把（　　）作为重大行政决策法定程序”。括号中应包括下列哪些内容？",
                             options=["公众参与", "专家论证", "案情通报", "风险评估"], answer=[0, 1, 3],
                             source=src2, tags=["程序"]),
        "negative": Question(type="single",
                             stem="《关于加强机关作风建设的实施办法》“主要措施”部分提出：“把（　　）作为重大行政决策法定程序”。括号中列举的内容不包括下列哪一项？",
                             options=["公众参与", "专家论证", "案情通报", "风险评估"], answer=[2],
                             source=src2, tags=["程序"]),
        "judge_true": Question(type="judge", stem=f"{PLACE}，判断正误：宪法是国家的根本大法。", answer=True,
                               source={"section": ["二、"], "quote": "宪法是国家的根本大法。"}, tags=["概念"]),
        "judge_false": Question(type="judge", stem=f"{PLACE}，判断正误：把公众参与、专家论证、案情通报、合法性审查和集体讨论决定作为重大行政决策法定程序。",
                                answer=False, explanation=f"错误。原文：“{Q_ENUM}”", source=src2, tags=["程序"]),
        "fill": Question(type="fill", stem=f"{PLACE}填空：宪法是国家的____。", answer=["根本大法"],
                         source={"section": ["二、"], "quote": "宪法是国家的根本大法。"}, tags=["概念"]),
        "short": Question(type="short", stem="《关于加强机关作风建设的实施办法》提出的基本原则有哪些？",
                          answer=["坚持党的领导", "坚持以人民为中心"],
                          source={"section": ["一、"], "quote": sentences(DOC.sections[0].text)[0]}, tags=["原则"]),
    }


@pytest.mark.parametrize("kind", list(good()))
def test_good_questions_pass(kind: str) -> None:
    assert verify(good()[kind], DOC) == []


def _bad(kind: str, **changes) -> list[str]:
    q = copy.deepcopy(good()[kind])
    for k, v in changes.items():
        setattr(q, k, v)
    return verify(q, DOC)


def test_wrong_key() -> None:
    assert "key_not_in_quote" in _bad("multiple", answer=[0, 2])
    assert "distractor_in_quote" in _bad("multiple", answer=[0, 2])
    assert "key_not_in_quote" in _bad("single", answer=[3])


def test_distractor_present_in_the_quote() -> None:
    assert "distractor_in_quote" in _bad("multiple", options=["公众参与", "专家论证", "集体讨论决定", "风险评估"])


def test_negative_stem_reverses_the_rule() -> None:
    assert is_negative(good()["negative"].stem)
    assert not is_negative(good()["multiple"].stem)
    assert "key_in_quote" in _bad("negative", answer=[0])
    assert "negative_option_not_in_quote" in _bad("negative", options=["公众参与", "专家论证", "案情通报", "信息共享"])


def test_quote_must_be_verbatim() -> None:
    q = good()["judge_true"]
    q.source = {"section": ["二、"], "quote": "宪法是我国的根本大法。"}
    assert "quote_not_verbatim" in verify(q, DOC)
    q.source = {"section": ["九、"], "quote": "宪法是国家的根本大法。"}
    assert "source_section_missing" in verify(q, DOC)
    # NFKC and whitespace do not matter: half-width punctuation and spaces still match
    q.source = {"section": ["二、"], "quote": "宪法 是国家的根本大法."}
    assert "quote_not_verbatim" in verify(q, DOC)  # "." is not "。"
    q.source = {"section": ["二、"], "quote": "宪法 是国家的 根本大法。"}
    assert verify(q, DOC) == []


def test_fill_must_rebuild_the_quote_on_whole_words() -> None:
    assert "fill_not_in_quote" in _bad("fill", answer=["基本大法"])
    assert "fill_half_word" in _bad("fill", stem=f"{PLACE}填空：宪法是国家的____法。", answer=["根本大"])
    assert "fill_function_word" in _bad("fill", stem=f"{PLACE}填空：宪法是国家____根本大法。", answer=["的"])
    assert "fill_function_word" in _bad("fill", stem=f"{PLACE}填空：宪法____国家的根本大法。", answer=["是"])
    assert "fill_blank_count" in _bad("fill", answer=["根本大法", "国家"])
    assert "fill_answer_given" in _bad("fill", stem=f"{PLACE}“根本大法”填空：宪法是国家的____。")


def test_judge_rules() -> None:
    assert "judge_true_not_in_quote" in _bad("judge_true", stem=f"{PLACE}，判断正误：宪法是国家的基本法律。")
    assert "judge_false_in_quote" in _bad("judge_true", answer=False, explanation="原文：“宪法是国家的根本大法。”")
    assert "judge_no_original" in _bad("judge_false", explanation="错误。")
    assert "judge_answer" in _bad("judge_true", answer="对")


def test_dangling_stems() -> None:
    assert "dangling_stem" in _bad("judge_true", stem=f"{PLACE}，判断正误：其是国家的根本大法。")
    assert "dangling_stem" in _bad("multiple", stem="上述程序包括下列哪些内容？")
    assert "dangling_stem" in _bad("fill", stem=f"{PLACE}填空：依照前款规定，宪法是国家的____。")
    # 其他 is not 其
    assert "dangling_stem" not in _bad("judge_true", stem=f"{PLACE}，判断正误：其他宪法是国家的根本大法。")


def test_options_distinct_not_substrings_similar_length() -> None:
    assert "options_duplicate" in _bad("multiple", options=["公众参与", "专家论证", "专家论证", "风险评估"])
    assert "options_substring" in _bad("multiple", options=["公众参与", "专家论证", "论证", "风险评估"])
    assert "options_length" in _bad("multiple", options=["公众参与", "专家论证", "重大行政决策事项的社会稳定风险评估", "风险评估"])
    assert "options_count" in _bad("single", options=["基本原则", "主要措施", "监督检查"], answer=[1])
    assert "multiple_correct_count" in _bad("multiple", answer=[0])


def test_short_points_must_be_in_the_quote() -> None:
    assert "short_point_not_in_quote" in _bad("short", answer=["坚持党的领导", "坚持依法治国"])
    assert "short_points" in _bad("short", answer=["坚持党的领导"])


def test_near_duplicate_stems() -> None:
    a = good()["judge_true"]
    b = copy.deepcopy(a)
    b.stem = b.stem.replace("根据", "依据")
    b.id = "other"
    assert "near_duplicate_stem" in verify(b, DOC, others=[a])
    assert "near_duplicate_stem" not in verify(good()["fill"], DOC, others=[a])


def test_every_question_must_be_tagged() -> None:
    assert "no_tags" in _bad("fill", tags=[])


def test_clauses_and_sentences_keep_the_text_verbatim() -> None:
    text = DOC.sections[0].text
    assert "".join(sentences(text)) == text.replace("\n", "")
    s = sentences(text)[0]
    assert "".join(clauses(s)) == s
    assert norm("（一）　Ａ，Ｂ") == "(一)A,B"
