"""The selection of a document's set (bank.py): the type floors and the choices pooled from
true/false items the selection had no room for."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.core.outline import parse_text
from studyapp.core.questions import BLANK, QUESTION_TYPES, DocIndex, Question, generate_bank, verify
from studyapp.core.questions.lexicon import Lexicon
from studyapp.core.questions.text import find_section
from studyapp.core.questions.verify import FIGURE_OPTION, FUNCTION_WORDS, is_function_word

LAW = ("第一条 为了规范药品生产，制定本条例。\n"
       "第二条 药品生产质量管理规范的具体实施办法由国务院药品监督管理部门制定。\n")


def test_a_regulation_without_a_multiple_choice_gets_one_from_its_statements() -> None:
    """True/false items the selection had no room for make 「下列说法符合规定的有」: three rules
    as the text states them (word for word, from the same chapter) and one falsified."""
    from collections import Counter
    from pathlib import Path

    from studyapp.core.loaders import load_file
    from studyapp.core.questions import generate_bank
    from studyapp.core.questions.text import norm

    path = Path(__file__).resolve().parents[2] / "quality" / "documents" / "beijing-hehu.txt"
    doc = parse_text(load_file(path).text, name=path.stem)
    bank = generate_bank(doc, seed=1)
    types = Counter(q.type for q in bank.questions)
    assert all(types[t] for t in ("single", "multiple", "judge", "fill"))
    [q] = [q for q in bank.questions if q.type == "multiple" and "说法符合规定的有" in q.stem]
    full = norm(load_file(path).text)
    right = [q.options[i] for i in q.answer]
    wrong = [o for i, o in enumerate(q.options) if i not in q.answer]
    assert len(right) == 3 and all(norm(o) in full for o in right)
    assert len(wrong) == 1 and norm(wrong[0]) not in full
    assert "有误，原文为" in q.explanation and "其余三项与原文相符" in q.explanation


def test_a_choice_among_statements_quotes_every_article_it_rests_on() -> None:
    """Rounds 67, 70, 74: 「出处只引第三十三条（仅用于判定A项错误），B、C、D 依据第三十四条却未列入
    出处」. The source of a choice among statements of neighbouring articles is the text from the
    first of them to the end of the last, as the reader shows it (labels and all) — under the
    chapter that holds them, or under the first article where no chapter does."""
    from studyapp.core.questions.forms import Forms
    from studyapp.core.questions.text import norm

    text = ("某市慈善条例\n"
            "第一条 慈善组织的管理人员与慈善组织发生交易行为的，不得参与有关该交易行为的决策，交易情况应当在交易结束后三十日内向社会公开。\n"
            "第二条 个人请求网络服务提供者发布求助信息的，网络服务提供者应当在发布前指引求助人向慈善组织求助。\n"
            "网络服务提供者为求助人发布求助信息的，应当在显著位置向公众进行风险防范提示。\n"
            "第三条 网络服务提供者应当对求助获得款物的使用进行监督，超出实际需要的，应当要求求助人退还捐赠人。\n")
    for doc_text in (text, text.replace("某市慈善条例\n", "某市慈善条例\n第一章 慈善活动\n")):
        doc = parse_text(doc_text)
        lex = Lexicon(doc)
        forms = Forms(lex)
        units = [u for u in lex.units if not u.text.startswith("某市")]
        false = next(c for c in forms.judge(units[0], random.Random(1), False) if c.question.answer is False)
        trues = [forms.rule_true(u)[0] for u in units[1:4]]
        q = forms.pooled_statements(false, trues, True, random.Random(1)).question
        quote = norm(q.quote)
        assert all(norm(q.options[i]) in quote for i in q.answer)
        assert "第二条" in q.quote and "第三条" in q.quote
        assert not verify(q, doc), verify(q, doc)
        assert q.explanation.startswith("原文：“慈善组织的管理人员")  # (the falsified rule's own sentence)


def test_a_set_without_a_multiple_choice_takes_the_best_one_the_selection_passed_over() -> None:
    """174 of 241 rated documents of 2,000 characters had no multiple choice, 33 of them with a
    verified one the selection passed over (a section's budget spent, a sentence's other question
    preferred). It comes in, in place of its sentence's one question where that type keeps
    another — never beside a question whose sentence it shows, nor on a key the set uses."""
    from collections import Counter

    from studyapp.core.questions.bank import _multiple_floor
    from studyapp.core.questions.forms import Candidate
    from studyapp.core.questions.model import Question

    text = "某条例\n" + "".join(f"第{n}条 第{n}条的规定应当遵守。\n" for n in "一二三四五六")
    lex = Lexicon(parse_text(text))
    u = lex.units

    def cand(qtype: str, unit, key: str, score: float = 1.0, covers=()) -> Candidate:
        q = Question(type=qtype, stem=f"{qtype}{key}", options=[], answer=None)
        return Candidate(q, unit, score, qtype, [key], covers=tuple(covers))

    fill0, fill1, single2 = cand("fill", u[0], "甲"), cand("fill", u[1], "乙"), cand("single", u[2], "丙")
    multi = cand("multiple", u[0], "丁", 2.5)
    out = _multiple_floor([fill0, fill1, single2], {0: [fill0, multi]}, 5000, Counter())
    assert multi in out and fill0 not in out and len(out) == 3
    # not where it would take a type's last question, show a sentence the set asks, or reuse a key
    assert _multiple_floor([fill0, single2], {0: [fill0, multi]}, 5000, Counter()) == [fill0, single2]
    shows = cand("multiple", u[3], "戊", covers=[1])
    assert _multiple_floor([fill0, fill1, single2], {3: [shows]}, 5000, Counter()) == [fill0, fill1, single2]
    same = cand("multiple", u[4], "乙")
    assert _multiple_floor([fill0, fill1, single2], {4: [same]}, 5000, Counter()) == [fill0, fill1, single2]
    free = cand("multiple", u[5], "己")
    assert free in _multiple_floor([fill0, fill1, single2], {5: [free]}, 5000, Counter())
    assert _multiple_floor([fill0, fill1, single2], {5: [free]}, 1500, Counter()) == [fill0, fill1, single2]
    # a choice among statements the selection passed over comes in its multiple-choice form
    # (round 80's count: 82 of 281 rated documents had a multiple choice; with these, 91)
    single5 = cand("single", u[5], "己")
    single5.alt = free
    assert free in _multiple_floor([fill0, fill1, single2], {5: [single5]}, 5000, Counter())


def test_the_type_floor_asks_a_point_as_another_type_only_where_that_type_is_missing() -> None:
    from collections import Counter

    from studyapp.core.questions.bank import _type_floor
    from studyapp.core.questions.forms import Candidate
    from studyapp.core.questions.model import Question

    lex = Lexicon(parse_text(LAW))
    unit = lex.units[1]

    def cand(qtype: str, alt: str | None = None) -> Candidate:
        q = Question(type=qtype, stem=f"{qtype}{random.random()}", options=[], answer=None)
        a = cand(alt) if alt else None
        return Candidate(q, unit, 1.0, qtype, [], alt=a)

    chosen = [cand("single", "fill"), cand("single", "multiple"), cand("judge"), cand("judge")]
    out = _type_floor(chosen, 5000, Counter())
    # the multiple is missing: a single gives its point; the fill would take the last single
    assert sorted(c.type for c in out) == ["judge", "judge", "multiple", "single"]
    out = _type_floor([cand("single", "fill"), cand("single", "fill"), cand("single"), cand("judge")], 5000, Counter())
    assert sorted(c.type for c in out) == ["fill", "judge", "single", "single"]
    # nothing to give: the last single of a document stays a single
    assert [c.type for c in _type_floor([cand("single", "fill"), cand("judge")], 5000, Counter())] == ["single", "judge"]
    assert [c.type for c in _type_floor([cand("single", "fill"), cand("single")], 1500, Counter())] == ["single", "single"]


def test_a_true_statement_stands_beside_a_false_one_only_if_it_gives_nothing_away() -> None:
    """Beside 「……报国务院备案」 (原文 批准): no statement that names 批准 or 备案, none of another
    length class (an odd one out)."""
    from studyapp.core.questions.forms import Candidate, Forms
    from studyapp.core.questions.model import Question

    lex = Lexicon(parse_text(LAW))
    forms = Forms(lex)
    unit = lex.units[1]

    def judge(stem: str, answer: bool, note: str = "") -> Candidate:
        return Candidate(Question(type="judge", stem=stem, options=[], answer=answer, explanation=note), unit, 1.0,
                         "judge_false" if not answer else "judge_true")

    false = judge("省级人民政府编制的规划，应当报国务院备案。", False, "原文：“……”题中“备案”有误，原文为“批准”。")
    assert forms.fits_beside(false, judge("县级人民政府应当每年向本级人民代表大会报告工作。", True))
    assert not forms.fits_beside(false, judge("设区的市的规划由省级人民政府批准。", True))  # names 批准
    assert not forms.fits_beside(false, judge("国家实行河长制。", True))  # a third of its length


def test_a_choice_among_statements_may_take_its_true_sentences_from_another_chapter() -> None:
    doc = parse_text("第一章 总则\n第一条 县级以上人民政府应当加强对河湖保护工作的领导。\n"
                     "第二章 管理\n第二条 河道管理范围内禁止建设妨碍行洪的建筑物。\n")
    index = DocIndex(doc)
    q = Question(type="multiple", stem="下列说法符合规定的有（　　）。",
                 options=["县级以上人民政府应当加强对河湖保护工作的领导", "河道管理范围内禁止建设妨碍行洪的建筑物",
                          "河道管理范围内可以建设妨碍行洪的建筑物", "县级以上人民政府应当加强对河湖保护工作的领导和监督"],
                 answer=[0, 1], source={"section": ["第二章", "第二条"], "quote": "河道管理范围内禁止建设妨碍行洪的建筑物。"})
    assert "key_not_in_quote" not in verify(q, doc, index=index)


DOCS = Path(__file__).resolve().parents[2] / "data" / "documents"


SEED = "zunyi-yifazhishi-2014.txt"


ALL_DOCS = sorted(p.name for p in DOCS.glob("*.txt"))


def _doc(name: str):
    return parse_text((DOCS / name).read_text(encoding="utf-8"), name=name)


@pytest.fixture(scope="module")
def banks():
    return {name: (doc, generate_bank(doc)) for name in ALL_DOCS for doc in [_doc(name)]}


def test_import_does_not_load_the_segmenter() -> None:
    code = "import sys, studyapp.core.questions; print('rjieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("name", ALL_DOCS)
def test_every_generated_question_passes_the_verifier(banks, name: str) -> None:
    doc, bank = banks[name]
    # yield floor: precision first, but never silence (about one question per 1,500 characters)
    chars = sum(len(n.text) for s in doc.sections for n in s.walk())
    assert len(bank.questions) >= max(2, chars // 1500), (len(bank.questions), chars)
    index = DocIndex(doc)
    for q in bank.questions:
        assert q.type in QUESTION_TYPES
        assert q.tags, q.stem
        assert verify(q, doc, index=index) == [], q.stem
        assert find_section(doc, q.section) is not None


@pytest.mark.parametrize("name", ALL_DOCS)
def test_bank_json_round_trips(banks, name: str) -> None:
    _, bank = banks[name]
    data = json.loads(json.dumps(bank.to_json(), ensure_ascii=False))
    back = [Question.from_json(d) for d in data]
    assert [q.to_json() for q in back] == data
    for d in data:
        assert set(d) >= {"id", "type", "stem", "options", "answer", "explanation", "source", "tags"}
        assert set(d["source"]) == {"section", "quote"}
    ids = [d["id"] for d in data]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", ALL_DOCS)
def test_leaf_sections_are_covered(banks, name: str) -> None:
    """Yield floor: leaf sections with some text get a question. Issue 9 asks 80 %; the
    precision-first generator reaches 12–100 % today (see tests/quality/README.md), so this
    floor guards against regressions until the gap is closed."""
    from studyapp.core.questions.text import section_infos, subtree_text

    doc, bank = banks[name]
    leaves = [tuple(i.path) for i in section_infos(doc) if i.leaf and len(subtree_text(i.node)) >= 60]
    covered = {tuple(q.section) for q in bank.questions}
    if leaves:
        share = sum(1 for leaf in leaves if leaf in covered) / len(leaves)
        assert share >= 0.1, (share, set(leaves) - covered)


def test_seed_coverage(banks) -> None:
    doc, bank = banks[SEED]
    qs = bank.questions
    assert len(qs) >= 5
    assert {tuple(q.section) for q in qs} >= {("二、", "5."), ("三、", "7.")} or len(
        {tuple(q.section) for q in qs}) >= 4


def test_the_cut_off_last_sentence_of_the_seed_is_not_quoted(banks) -> None:
    doc, bank = banks[SEED]
    assert doc.truncated
    assert not any(q.quote.endswith("建立生态环境保护案件") for q in bank.questions)


def test_same_seed_same_bank_and_seeds_vary() -> None:
    name = "jiancha-fa-2018.txt"  # options and true/false sides are drawn at random
    doc = _doc(name)
    a = json.dumps(generate_bank(doc, seed=3).to_json(), ensure_ascii=False)
    b = json.dumps(generate_bank(_doc(name), seed=3).to_json(), ensure_ascii=False)
    assert a == b
    others = {json.dumps(generate_bank(doc, seed=s).to_json(), ensure_ascii=False) for s in (0, 1, 2)}
    assert len(others | {a}) > 1


def test_regenerating_a_section_gives_what_the_full_run_gave_it(banks) -> None:
    doc, bank = banks[SEED]
    counts = {}
    for q in bank.questions:
        counts[tuple(q.section)] = counts.get(tuple(q.section), 0) + 1
    path = list(max(sorted(counts), key=lambda p: counts[p]))
    part = generate_bank(doc, sections=[path])
    full = [q.to_json() for q in bank.questions if q.section == path]
    assert part.questions and [q.to_json() for q in part.questions] == full


@pytest.mark.parametrize("name", ALL_DOCS)
def test_fill_blanks_are_content_words(banks, name: str) -> None:
    _, bank = banks[name]
    fills = [q for q in bank.questions if q.type == "fill"]
    for q in fills:
        assert q.stem.count(BLANK) == len(q.answer)
        for ans in q.answer:
            assert ans not in FUNCTION_WORDS and not is_function_word(ans), (q.stem, ans)
            # (a figure's number is whole however short: 「____年内不得从事……」 keyed 三)
            assert len(ans) >= 2 or re.fullmatch(r"[\d一二三四五六七八九十两]", ans), (q.stem, ans)


@pytest.mark.parametrize("name", ALL_DOCS)
def test_choice_options_are_distinct_and_no_substrings(banks, name: str) -> None:
    _, bank = banks[name]
    for q in bank.questions:
        if q.type in ("single", "multiple"):
            assert len(set(q.options)) == len(q.options)
            # (figures form a ladder: 十日 beside 二十日 gives nothing away)
            assert all(FIGURE_OPTION.match(o) for o in q.options) or \
                not any(a != b and a in b for a in q.options for b in q.options)
            assert (q.type == "single" and len(q.options) == 4) or 4 <= len(q.options) <= 6
            if q.type == "multiple":
                assert len(q.answer) >= 2


def test_law_questions_cover_duties_procedures_and_powers(banks) -> None:
    _, bank = banks["jiancha-fa-2018.txt"]
    tags = {t for q in bank.questions for t in q.tags}
    assert {"程序", "权限", "要求"} <= tags
    assert {q.type for q in bank.questions} >= {"single", "judge", "fill", "short"}
    assert not any("《中华人民共和国监察法》" in q.stem for q in bank.questions)


SMALL = """关于加强机关作风建设的实施办法
一、基本原则
坚持党的领导，把党的领导贯穿作风建设全过程；坚持以人民为中心，做到为了群众、依靠群众、服务群众；坚持问题导向，聚焦群众反映强烈的突出问题；坚持标本兼治，健全长效机制。
二、主要措施
建立健全作风建设责任制度。完善首问负责、限时办结、服务承诺和责任追究制度。推行政务服务事项清单制度。加强对窗口单位的明察暗访，重点检查服务态度、办事效率、工作纪律和廉洁自律等方面。
三、工作目标
到2025年，机关作风明显好转，群众满意度显著提高。
四、监督检查
纪检监察机关应当加强日常监督。对作风问题突出的单位，应当在三十日内完成整改。
"""


def test_small_text_of_our_own() -> None:
    doc = parse_text(SMALL)
    bank = generate_bank(doc, seed=5)
    assert bank.questions
    covered = {tuple(q.section) for q in bank.questions}
    assert len(covered) >= 3
    for q in bank.questions:
        assert verify(q, doc) == []
    # the rule with a time limit is asked, with rivals of the same unit inside reason
    figure = [q for q in bank.questions if q.type == "single" and "三十日" in q.options]
    judge = [q for q in bank.questions if q.type == "judge" and "三十日" in q.quote]
    assert figure or judge
    assert "dropped" not in bank.stats and isinstance(bank.dropped, dict)


_CJK = st.sampled_from(list("党的领导坚持人民建立健全制度机制和及、，。；一二三四五六七八九十年法治监督检查公开"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_CJK, min_size=5, max_size=300))
def test_generation_never_breaks_on_odd_text(chars: list[str]) -> None:
    text = "".join(chars)
    if not text.strip("，。；、"):
        return
    doc = parse_text(text)
    bank = generate_bank(doc)
    for q in bank.questions:
        assert verify(q, doc) == []


def test_a_long_document_with_nothing_to_ask_gets_an_empty_bank_not_a_crash() -> None:
    """Round 63: a 3,130-character 管理办法 proposed nothing, and the type floor then took the
    largest of no types (ValueError: the CLI printed a traceback)."""
    from collections import Counter

    from studyapp.core.questions.bank import _type_floor

    assert _type_floor([], 5000, Counter()) == []
    text = "某区管理办法\n" + "".join(f"第{n}条 加强统筹协调，形成工作合力，推动各项工作落到实处。\n" for n in range(1, 80))
    assert len(text) > 2000
    assert generate_bank(parse_text(text)).questions == []


def test_a_policy_text_makes_a_chosen_false_item_a_multiple_choice_among_its_parts_statements() -> None:
    """A policy text whose set has no multiple choice and a falsified measure: the measure becomes
    「下列说法符合规定的有」 beside three sentences of its own part that stand alone as statements —
    not only beside true/false items (a policy text's measures are seldom rules). Rated blind
    (round 80, 20 / 24 with options from anywhere in the text: those from other parts named other
    audiences or dropped their conditions; only the same part's are taken)."""
    from pathlib import Path

    from studyapp.core.loaders import load_file

    path = Path(__file__).resolve().parents[2] / "quality" / "documents" / "jiangxi-yingyouer-zhaohu-fuwu-shishi-yijian-2020.txt"
    bank = generate_bank(parse_text(load_file(path).text, name=path.stem), seed=1)
    multiples = [q for q in bank.questions if q.type == "multiple"]
    assert [q.stem for q in multiples] == ["下列说法符合规定的有（　　）。"]
    assert len(multiples[0].answer) == 3 and "其余三项与原文相符" in multiples[0].explanation


def test_the_false_statement_of_a_pooled_choice_is_not_always_the_first_option() -> None:
    """Each document's pooled choice was shuffled by the first draw of a generator seeded alike
    for every document: the false option stood first every time."""
    import random

    from studyapp.core.questions.forms import Candidate, Forms
    from studyapp.core.questions.model import Question

    lex = Lexicon(parse_text("某条例\n" + "".join(f"第{n}条 第{n}条规定的期限为{k}日，应当遵守。\n"
                                                   for k, n in enumerate("一二三四五六七八", 10))))
    forms = Forms(lex)
    firsts = set()
    for k in range(4):
        u = lex.units[k]
        false = Candidate(Question(type="judge", stem=u.text.replace(f"{10 + k}日", f"{30 + k}日"), options=[],
                                   answer=False, explanation=f"题中“{30 + k}日”有误，原文为“{10 + k}日”。"),
                          u, 1.0, "judge_false", [])
        trues = [Candidate(Question(type="judge", stem=t.text, options=[], answer=True), t, 1.0, "judge_true", [])
                 for t in lex.units[4:7]]
        q = forms.pooled_statements(false, trues, True, random.Random("1:pooled"))
        assert q is not None
        firsts.add(sorted(set(range(4)) - set(q.question.answer))[0])
    assert len(firsts) > 1


def test_a_set_without_true_false_items_takes_one_true_statement_of_a_section_not_asked() -> None:
    """50 of 281 rated documents of 2,000 characters had no true/false item: the floor stopped at
    the first true statement (one true item is 100 % true). A set without any takes one — a
    section not yet asked — as the balance allows (true and false differ by one at most); a set
    that has some keeps the 65 % limit."""
    from studyapp.core.questions.bank import _floor
    from studyapp.core.questions.forms import Candidate
    from studyapp.core.questions.model import Question

    text = "某办法\n" + "".join(f"第{n}条 第{n}条的规定应当在三十日内办结。\n" for n in "一二三四五六")
    lex = Lexicon(parse_text(text))
    u = lex.units

    def cand(qtype: str, unit, answer=None) -> Candidate:
        q = Question(type=qtype, stem=f"{qtype}{unit.order}", options=[], answer=answer)
        return Candidate(q, unit, 1.0, "rule_true" if qtype == "judge" else qtype, [])

    chosen = [cand("fill", u[0]), cand("single", u[1]), cand("fill", u[2]), cand("single", u[3])]
    fallback = {4: [cand("judge", u[4], True)], 5: [cand("judge", u[5], True)]}
    out = _floor(chosen, fallback, lex)
    assert [c.unit.order for c in out if c.type == "judge"] == [4]
    with_true = chosen + [cand("judge", u[1], True)]
    assert _floor(with_true, fallback, lex) == with_true


def test_round_80_a_statement_that_only_says_to_follow_the_rules_or_opens_on_an_exception_is_not_asked() -> None:
    """Round 80's floor: 「举办国际性会展活动的，应当遵守国家的有关规定。」 is true of anything, and
    「确需利用不利地段的，县级有关部门应当指导……」 is the exception to the sentence before, and
    「图书馆经费应当专款专用，不得挪作他用。」 every regulation's formula."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text("某条例\n第一条 举办国际性会展活动的，应当遵守国家的有关规定。图书馆经费应当专款专用，不得挪作他用。\n"
                             "第二条 农房选址应当避开地质灾害易发区。确需利用不利地段的，县级有关部门应当指导建设方采取安全有效工程处置措施。\n"
                             "第三条 举办单位应当在展会结束后三十日内报送展会总结。\n"))
    forms = Forms(lex)
    stated = {c.question.stem for u in lex.units for c in forms.rule_true(u)}
    assert not any("有关规定" in s or s.startswith("确需") or "专款专用" in s for s in stated), stated
    assert any("三十日内" in s for s in stated)


def test_a_false_item_becomes_a_multiple_choice_even_where_no_true_item_can_stand_beside_it() -> None:
    """linyi 献血条例: the set's false item could not become 「下列说法符合规定的有」 because no true
    item of the set stood in its part to keep true and false within one of each other. It does
    now, leaving out the weakest true item whose section keeps another question; true and false
    still differ by one at most."""
    from pathlib import Path

    from studyapp.core.loaders import load_file

    path = Path(__file__).resolve().parents[2] / "quality" / "documents" / "linyi-xianxue-tiaoli-2019.txt"
    bank = generate_bank(parse_text(load_file(path).text, name=path.stem), seed=1)
    assert any(q.type == "multiple" and q.stem.endswith("下列说法符合规定的有（　　）。") for q in bank.questions)
    judges = [q.answer for q in bank.questions if q.type == "judge"]
    assert judges and abs(judges.count(True) - judges.count(False)) <= 1
