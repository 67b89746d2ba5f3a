"""Regressions from the teacher's review of the seed bank (questions/zunyi-yifazhishi-2014.yaml).

Each test names the point of the review it guards, with the sentences the teacher objected to:
1. judges that copy a sentence; 2. swapped words of the wrong kind; 3. blanks on half a term
or on a vague verb; 4. 「属于哪一项工作」 options that are not work sections; 5. lists cut at the
wrong place and distractors too close to be definitely wrong; plus fills answered by another
question and tags leaning on 内容.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from studyapp.core.outline import parse_text
from studyapp.core.questions import BLANK, generate_bank
from studyapp.core.questions.enums import find_enumerations
from studyapp.core.questions.generators import Generator, term_spans, too_close
from studyapp.core.questions.text import norm, section_infos, split_spans
from studyapp.core.questions.verify import stem_body

DOCS = Path(__file__).resolve().parents[2] / "data" / "documents"
SEED = "zunyi-yifazhishi-2014.txt"
ALL_DOCS = sorted(p.name for p in DOCS.glob("*.txt"))


def _doc(name: str):
    return parse_text((DOCS / name).read_text(encoding="utf-8"), name=name)


@pytest.fixture(scope="module")
def banks():
    return {name: (doc, generate_bank(doc)) for name in ALL_DOCS for doc in [_doc(name)]}


@pytest.fixture(scope="module")
def seed_gen():
    doc = _doc(SEED)
    infos = section_infos(doc)
    return Generator(infos, doc.title, doc.truncated), infos


def _info(infos, path):
    return next(i for i in infos if i.path == path)


def _sentence(info, start: str) -> str:
    from studyapp.core.questions.text import sentences

    return next(s for s in sentences(info.node.text) if s.startswith(start))


def _false_statements(gen, info, sent: str, seeds=range(8)) -> list[str]:
    out = []
    for k in seeds:
        gen.prio = {}
        gen._enum_wrong = {}
        rng = random.Random(k)
        enums = find_enumerations(sent)
        for e in enums:  # fill the distractor cache as section() does
            gen.enumeration(info, sent, e, rng)
        for q in gen.judges(info, sent, enums, rng):
            if q.answer is False:
                out.append(stem_body(q.stem))
    return out


# --- 1. judges ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ALL_DOCS)
def test_judges_are_balanced_true_and_false(banks, name: str) -> None:
    _, bank = banks[name]
    judges = [q for q in bank.questions if q.type == "judge"]
    assert len(judges) >= 10
    false_share = sum(q.answer is False for q in judges) / len(judges)
    assert 0.35 <= false_share <= 0.7, false_share


@pytest.mark.parametrize("name", ALL_DOCS)
def test_no_judge_shares_its_sentence_with_another_question(banks, name: str) -> None:
    _, bank = banks[name]
    by_quote: dict[tuple, list] = {}
    for q in bank.questions:
        by_quote.setdefault((tuple(q.section), norm(q.quote)), []).append(q)
    for group in by_quote.values():
        quote = group[0].quote
        if len(split_spans(quote, "；;。")) >= 3:
            continue  # a long multi-part sentence (基本原则): judged part by part
        judges = [q for q in group if q.type == "judge"]
        assert not judges or len(group) == 1, [q.stem for q in group]


def test_no_trivial_verbatim_true_judges(banks) -> None:
    _, bank = banks[SEED]
    for q in bank.questions:
        if q.type == "judge" and q.answer is True:
            body = stem_body(q.stem)
            assert len(norm(body)) >= 20 and ("," in body or "，" in body), body
    stems = [stem_body(q.stem) for q in bank.questions if q.type == "judge"]
    assert "理顺行政强制执行体制。" not in stems
    assert "建立市级重大决策专家咨询库和咨询制度。" not in stems


def test_false_judges_test_understanding(seed_gen) -> None:
    gen, infos = seed_gen
    six = _info(infos, ["三、", "6."])
    # actor: 基层政府 → 市级政府
    sent = _sentence(six, "推进各级政府事权合理划分")
    assert any("强化市级政府执行职责" in s for s in _false_statements(gen, six, sent))
    # a principle reversed: 法无授权不可为 → 法无禁止即可为
    sent = _sentence(six, "坚持法定职责必须为")
    assert any("法无禁止即可为" in s for s in _false_statements(gen, six, sent))
    # every mention of the actor: 市委 → 市政府 twice
    five = _info(infos, ["二、", "5."])
    sent = _sentence(five, "加强市委对地方立法工作的领导")
    assert any(s.count("市政府") == 2 and "市委" not in s for s in _false_statements(gen, five, sent))
    # a sibling of another list: 权力清单 → 责任清单 / 服务清单
    eleven = _info(infos, ["三、", "11."])
    sent = _sentence(eleven, "各级政府及其工作部门依据权力清单")
    assert any(("依据责任清单" in s or "依据服务清单" in s) for s in _false_statements(gen, eleven, sent))
    # places exchanged: 上级审计机关对下级审计机关 → 下级…对上级…
    ten = _info(infos, ["三、", "10."])
    sent = _sentence(ten, "强化上级审计机关对下级审计机关的领导")
    assert any("强化下级审计机关对上级审计机关的领导" in s for s in _false_statements(gen, ten, sent))


def test_principle_judge_names_the_principle_it_misattributes(banks) -> None:
    _, bank = banks[SEED]
    judges = [q for q in bank.questions if q.type == "judge" and "原则" in q.tags]
    assert judges
    for q in judges:
        if q.answer is False:
            assert "的阐述" in q.stem and "这一原则" in q.stem


# --- 2. swapped words of the same kind ------------------------------------------------------
def test_distractors_are_of_the_same_kind(seed_gen) -> None:
    gen, _ = seed_gen
    for seed in range(10):
        rng = random.Random(seed)
        verbal = gen.distractors(rng, ["推进依法行政", "制定重大决策", "处置重大资产"], "", 3, "",
                                 quote="在推进依法行政、制定重大决策、处置重大资产过程中")
        assert "国有资产" not in verbal and "公共资金" not in verbal, verbal
        ways = gen.distractors(rng, ["责令公开道歉", "停职检查", "引咎辞职", "责令辞职", "罢免"], "", 3, "")
        assert not any(w.startswith("行政") for w in ways), ways
        assert "合法性审查" not in ways, ways
        ke = gen.distractors(rng, ["可复制", "可借鉴", "可推广"], "", 3, "")
        assert all(w.startswith("可") for w in ke), ke


def test_seed_bank_has_none_of_the_reviewed_wrong_kind_swaps(banks) -> None:
    _, bank = banks[SEED]
    text = "\n".join(q.stem + "|" + "|".join(q.options) for q in bank.questions)
    for bad in ("推进依法行政、国有资产", "国有资产、处置重大资产", "可借鉴、行政强制", "可复制、可借鉴、行政"):
        assert bad not in text
    for q in bank.questions:
        if "问责方式" in q.stem and q.options:
            assert "行政检查" not in q.options and "合法性审查" not in q.options, q.options
        if "处置重大资产" in q.options:
            pytest.fail(f"verb-object option among other things: {q.options}")


# --- 3. blanks on whole terms -----------------------------------------------------------------
def _spans(text: str) -> set[str]:
    return {text[a:b] for a, b, _ in term_spans(text)}


def test_blanks_take_whole_terms() -> None:
    assert "技术开发区" not in _spans("在遵义经济技术开发区开展改革试点。")
    nf = _spans("建立完善市县两级新闻发言人制度。")
    assert "新闻发言人" in nf and "发言人" not in nf
    sx = _spans("进一步健全行政执法与刑事司法衔接机制,完善案件移送标准和程序。")
    assert "刑事司法" in sx and "司法衔接" not in sx
    assert not {"问题决策程序", "决策程序"} & _spans("尽快建立市委对地方立法工作中重大问题决策程序。")
    assert "执法公示" not in _spans("推行行政执法公示制度。")
    for verbish in ("充分发挥", "充分利用", "贯彻落实"):
        assert verbish not in _spans(f"严格{verbish}行政诉讼法,{verbish}主渠道作用。")


BAD_ANSWERS = {"技术开发区", "问题决策程序", "司法衔接", "发言人", "执法公示", "充分发挥", "充分利用",
               "贯彻落实", "政府行政", "协管人员", "协勤", "检察工作", "对象合法权益", "职责保护", "评价",
               "做好地方", "好中央", "从事服务", "涉及公民", "确定不同部门", "集中行政许可权"}


@pytest.mark.parametrize("name", ALL_DOCS)
def test_no_fill_on_half_a_term_or_a_vague_verb(banks, name: str) -> None:
    _, bank = banks[name]
    for q in bank.questions:
        if q.type == "fill":
            assert not set(q.answer) & BAD_ANSWERS, (q.stem, q.answer)


@pytest.mark.parametrize("name", ALL_DOCS)
def test_no_fill_answered_by_another_question_of_its_section(banks, name: str) -> None:
    _, bank = banks[name]
    by_section: dict[tuple, list] = {}
    for q in bank.questions:
        by_section.setdefault(tuple(q.section), []).append(q)
    for qs in by_section.values():
        for q in qs:
            if q.type != "fill":
                continue
            for o in qs:
                if o is q:
                    continue
                shown = norm(o.stem.replace(BLANK, "|")) + "|" + "|".join(norm(x) for x in o.options)
                assert not any(norm(a) in shown for a in q.answer), (q.stem, o.stem)


# --- 4. 「属于哪一项工作的内容」 -------------------------------------------------------------
def test_section_title_options_are_sibling_work_sections(banks) -> None:
    _, bank = banks[SEED]
    asked = [q for q in bank.questions if "属于下列哪一项工作的内容" in q.stem]
    assert len(asked) >= 10
    for q in asked:
        for o in q.options:
            assert not any(w in o for w in ("指导思想", "总体目标", "基本原则", "总体要求")), q.options
        clause = q.stem.split("“", 1)[1].split("”", 1)[0]
        assert "政务公开" not in clause and "决策" not in clause, q.stem


# --- 5. lists cut at the right place, distractors definitely wrong --------------------------
def test_enumeration_items_are_cut_where_the_list_is() -> None:
    (e,) = find_enumerations("对财政收入和支出管理、国有资产监管、政府投资、政府采购、公共资源转让、"
                             "公共工程建设等权力集中的部门和岗位实行分事行权。")
    assert e.items[0] == "财政收入和支出管理"
    (e,) = find_enumerations("完善纠错问责机制,健全责令公开道歉、停职检查、引咎辞职、责令辞职、罢免等问责方式和程序。")
    assert e.items[0] == "责令公开道歉"
    enums = find_enumerations("建立领导干部干预和插手个案的电话记录、转递材料、口头指示等信息的提取、封存、举报和公开制度。")
    assert enums[-1].items == ["提取", "封存", "举报", "公开"]
    (e,) = find_enumerations("在推进依法行政、制定重大决策、处置重大资产过程中,保证法律顾问发挥作用。")
    assert e.items[0] == "推进依法行政"


def test_too_close_distractors_are_rejected() -> None:
    quote = "重点推进财政预算、公共资源配置、生态环境保护、重大建设项目批准和实施、社会公益事业建设等领域的政府信息公开。"
    assert too_close("公共工程建设", ["财政预算", "生态环境保护"], quote)
    assert not too_close("食品药品安全", ["财政预算", "生态环境保护"], quote)
    assert too_close("政府采购管理", ["政府采购"], "")


def test_seed_choice_stems_do_not_cut_a_list_item(banks) -> None:
    _, bank = banks[SEED]
    for q in bank.questions:
        assert "对财政收入和（" not in q.stem and "责令公开（" not in q.stem, q.stem
        assert "公开制度" not in q.options


# --- tags -------------------------------------------------------------------------------------
def test_tags_are_precise_rather_than_content(banks) -> None:
    _, bank = banks[SEED]
    tags = Counter(t for q in bank.questions for t in q.tags)
    assert tags["内容"] * 10 <= len(bank.questions), tags
    assert {"措施", "要求", "原则", "目标"} <= set(tags)
