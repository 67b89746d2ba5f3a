"""成绩 through the service: statistics, files taken all or nothing, item analysis from the
per-question answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.services import roster, scores, sessions
from studyapp.services.attendance import RowErrors
from studyapp.services.context import AppContext
from studyapp.services.dto_records import PersonDraft, SessionDraft
from tests.services.conftest import add_people, csv


def test_scores_stats_and_all_or_nothing(ctx: AppContext, tmp_path: Path) -> None:
    add_people(ctx)
    s = sessions.create_session(ctx, SessionDraft(date="2015-04-15"))
    bad = csv(tmp_path, "s.csv", "姓名,得分\n王德伦,95\n陈志强,abc\n李红梅,120\n")
    with pytest.raises(RowErrors) as info:
        scores.import_scores(ctx, s.id, bad)
    assert [e[:5] for e in info.value.errors] == ["第 3 行", "第 4 行"]
    assert scores.session_scores(ctx, s.id).rows == ()
    good = csv(tmp_path, "g.csv", "姓名,单位,得分\n王德伦,,95\n陈志强,,80\n李红梅,,80\n孙丽,,缺考\n王伟,财政所,55\n")
    assert scores.import_scores(ctx, s.id, good).stored == 5
    result = scores.session_scores(ctx, s.id)
    st = result.stats
    assert (st.count, st.mean, st.highest, st.lowest) == (4, 77.5, 95, 55)
    assert st.pass_rate == 0.75 and st.excellent_rate == 0.25
    by_name = {r.display_name: r for r in result.rows}
    assert by_name["陈志强"].rank == by_name["李红梅"].rank == 2 and by_name["王伟"].rank == 4
    assert by_name["孙丽"].score is None and by_name["孙丽"].rank is None
    assert "应考 5 人，实考 4 人，缺考 1 人" in scores.summary_text(result)


def test_item_analysis_from_per_question_answers(ctx: AppContext) -> None:
    s = sessions.create_session(ctx, SessionDraft(date="2015-04-15"))
    for i in range(12):
        p = roster.add_person(ctx, PersonDraft(f"人员{i}", "乡政府"))
        good = i >= 6
        # question 7 is missed by the strong and got by the weak: a suspicious item
        answers = [{"q": 1, "r": 1 if good else 0}, {"q": 7, "r": 0 if good else 1}]
        scores.set_score(ctx, s.id, p.id, 90 if good else 50, answers=answers)
    items = scores.session_scores(ctx, s.id).items
    assert [i.question_id for i in items] == [1, 7]
    assert items[0].stat.discrimination == 1.0
    assert items[1].stat.needs_review and "负区分度" in items[1].stat.flags[0]
