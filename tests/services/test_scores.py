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


def test_a_score_over_another_pcs_change_is_refused_naming_it_and_stores_nothing(ctx: AppContext,
                                                                                 tmp_path: Path) -> None:
    """Two PCs typing one session's scores (two contexts on one data folder or server): A and B
    read the scores; B enters 王德伦's 85; A's 90, typed on the sheet read before, is refused
    naming him and B's score, and nothing of it is stored; A reads again and its 90 saves. The
    same for a score first entered by B after A read none, a deletion, and an import."""
    from studyapp.services.context import RecordConflict

    wang = roster.add_person(ctx, PersonDraft("王德伦", "乡党委")).id
    li = roster.add_person(ctx, PersonDraft("李明", "乡党委")).id
    sid = sessions.create_session(ctx, SessionDraft(date="2015-04-15")).id
    scores.set_score(ctx, sid, wang, 70)
    other = AppContext(ctx.data_dir)
    try:
        [mine], [theirs] = scores.session_scores(ctx, sid).rows, scores.session_scores(other, sid).rows
        assert mine.version == theirs.version == 1
        assert scores.set_score(other, sid, wang, 85, expected_version=theirs.version) == 2
        with pytest.raises(RecordConflict) as info:
            scores.set_score(ctx, sid, wang, 90, "补考", expected_version=mine.version)
        assert info.value.message == ("王德伦的成绩已被别人（另一台电脑或命令行）改为“85 分”（在您打开之后），"
                                      "您填的“90 分”没有保存。请看过别人的修改后再改。")
        assert (info.value.person_id, info.value.current) == (wang, "85 分")
        [now] = scores.session_scores(ctx, sid).rows
        assert (now.score, now.note, now.version) == (85, "", 2)
        assert scores.set_score(ctx, sid, wang, 90, "补考", expected_version=now.version) == 3
        assert [(r.score, r.version) for r in scores.session_scores(other, sid).rows] == [(90, 3)]

        # 李明 had no score when A read (version 0); B entered one meanwhile
        scores.set_score(other, sid, li, None, expected_version=0)
        with pytest.raises(RecordConflict, match="李明的成绩已被别人.*改为“缺考”.*您填的“60 分”"):
            scores.set_score(ctx, sid, li, 60, expected_version=0)
        # B deleted 李明's score after A read it
        scores.clear_score(other, sid, li, expected_version=1)
        with pytest.raises(RecordConflict, match="李明的成绩已被别人.*删除"):
            scores.set_score(ctx, sid, li, 60, expected_version=1)
        with pytest.raises(RecordConflict, match="您的删除没有保存"):
            scores.clear_score(ctx, sid, wang, expected_version=2)
        assert {r.person_id: r.score for r in scores.session_scores(ctx, sid).rows} == {wang: 90}

        # an import on B writes over knowingly and raises the version: A's copy is stale
        scores.import_scores(other, sid, csv(tmp_path, "s.csv", "姓名,得分\n王德伦,95\n"))
        with pytest.raises(RecordConflict, match="改为“95 分”"):
            scores.set_score(ctx, sid, wang, 91, expected_version=3)
        # None: the user was shown the other score and chose to put theirs over it
        assert scores.set_score(ctx, sid, wang, 91) == 5
    finally:
        other.close()
