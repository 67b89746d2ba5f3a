"""Which part of a policy document a measure serves (form_headings.py): the key is the part the
text puts the measure in and the measure says a word of that part's title; no rival heading is
echoed by the measure, so none is also right; laws written in articles get none of it."""

from __future__ import annotations

import random
import re
from pathlib import Path

from studyapp.core.outline import parse_text
from studyapp.core.questions import generate_bank
from studyapp.core.questions.forms import Forms
from studyapp.core.questions.lexicon import Lexicon
from studyapp.core.questions.model import Question
from studyapp.core.questions.verify import DocIndex, verify

# a 意见 in titled parts, written for this test (each part's measures say its field's word)
OPINION = """关于加强基层治理的实施意见
一、总体要求
（一）指导思想。坚持以人民为中心的发展思想，推进基层治理体系和治理能力现代化。
二、主要任务
（二）健全依法决策机制。建立重大决策专家咨询库和咨询制度。重大决策必须经过合法性审查。各级政府要建立决策后评价制度，定期评估决策效果。
（三）全面推进政务公开。建立政务公开监督员制度，坚决惩治不公开、假公开行为。各部门要按照公开要求及时发布政务信息。推行政务服务事项清单管理。
（四）深化生态环境保护。建立生态环境损害赔偿制度，严格追究破坏生态环境的责任。各地要划定生态保护红线，严禁在红线内开发建设。
（五）加强人才队伍培养。实施基层人才培养计划，每年选派骨干到上级机关跟班学习。各单位要建立人才培养档案，跟踪培养成效。
（六）完善社会救助体系。建立救助对象动态管理机制，确保救助资金及时足额发放。各县要设立救助服务窗口，方便困难群众申请救助。
三、组织实施
（七）加强组织领导。各级党委要把基层治理摆上重要议程。
"""


def _forms(text: str) -> tuple[Forms, object]:
    doc = parse_text(text, name="意见")
    return Forms(Lexicon(doc)), doc


def _title_of(stem: str) -> str:
    m = re.search(r"“[^”]+”是“([^”]+)”方面", stem)
    return m.group(1) if m else ""


def test_a_measure_is_asked_with_its_own_part_as_key_and_sibling_parts_as_rivals() -> None:
    forms, doc = _forms(OPINION)
    cands = forms.heading_choices(random.Random(1))
    assert cands, "a titled 意见 gets questions on what its measures serve"
    index = DocIndex(doc)  # type: ignore[arg-type]
    titles = {"健全依法决策机制", "全面推进政务公开", "深化生态环境保护", "加强人才队伍培养", "完善社会救助体系"}
    for c in cands:
        q: Question = c.question
        assert verify(q, doc, index=index) == []  # type: ignore[arg-type]
        own = c.unit.info.node.title.rstrip("。")
        assert own in titles  # the frame's parts (指导思想, 组织实施) are never asked
        if q.type == "single":
            assert set(q.options) <= titles and q.options[q.answer[0]] == own
            assert own in q.explanation  # the explanation names the part the text puts it in
        elif q.type == "judge":
            said = _title_of(q.stem)
            assert said in titles and (said == own) is q.answer
        else:
            assert q.type == "multiple"
            assert f"“{own}”" in q.stem
            for i, opt in enumerate(q.options):
                assert (opt in (c.unit.info.node.text or "")) is (i in q.answer)


def test_no_rival_is_a_part_the_measure_itself_names() -> None:
    """A measure of 完善社会救助体系 that says 公开 (「……救助结果向社会公开」) fits 全面推进政务公开
    as well: wherever it is shown, that part is not (not as an option, not as the other part's
    measures beside it, not as the part a true/false item names)."""
    text = OPINION.replace("确保救助资金及时足额发放。", "确保救助资金及时足额发放，救助结果向社会公开。")
    forms, _doc = _forms(text)
    shown_at_all = 0
    for seed in range(12):
        for c in forms.heading_choices(random.Random(seed)):
            q = c.question
            shown = q.stem + "".join(q.options)
            if "救助结果向社会公开" in shown:
                shown_at_all += 1
                assert "政务" not in shown
    assert shown_at_all


def test_statements_of_fact_are_not_taken_for_measures() -> None:
    text = OPINION.replace("建立重大决策专家咨询库和咨询制度。", "科学决策是依法行政的前提，决策质量关系发展全局。")
    forms, _doc = _forms(text)
    for seed in range(6):
        for c in forms.heading_choices(random.Random(seed)):
            assert "科学决策是依法行政的前提" not in c.question.stem + "".join(c.question.options)


def test_laws_written_in_articles_get_no_part_questions() -> None:
    law = ("第一章 总则\n" + "".join(f"第{n}条 公务员应当遵守宪法和法律，认真履行职责。\n" for n in "一二三") +
           "第二章 职务\n" + "".join(f"第{n}条 国家实行公务员职位分类制度，建立科学的考核制度。\n" for n in "四五六"))
    forms, _doc = _forms(law)
    assert forms.heading_choices(random.Random(1)) == []


def test_the_verifier_checks_the_part_a_judge_names() -> None:
    forms, doc = _forms(OPINION)
    index = DocIndex(doc)  # type: ignore[arg-type]
    judge = next(c for seed in range(9) for c in forms.heading_choices(random.Random(seed)) if c.type == "judge")
    q = judge.question
    wrong = Question(type="judge", stem=q.stem, options=[], answer=not q.answer, explanation=q.explanation,
                     source=q.source, tags=q.tags, difficulty=q.difficulty)
    assert verify(wrong, doc, index=index) == ["judge_answer"]  # type: ignore[arg-type]


def test_the_bundled_opinion_gets_every_objective_type_within_the_share() -> None:
    """The seed document (a 实施意见 in titled parts) was asked almost only blanks before; its set
    now holds choices and true/false items too, no type above half of it."""
    path = Path(__file__).resolve().parents[3] / "resources" / "documents" / "zunyi-yifazhishi-2014.txt"
    doc = parse_text(path.read_text(encoding="utf-8"), name=path.stem)
    qs = generate_bank(doc, seed=1).questions
    types = {q.type for q in qs}
    assert {"single", "judge", "fill"} <= types
    assert max(sum(q.type == t for q in qs) for t in types) <= len(qs) / 2
