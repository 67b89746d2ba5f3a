"""我的学习: reading, practice counts, scores over time and mastery per section on the tree."""

from __future__ import annotations

from studyapp.services import documents, mystudy, practice, quiz, reading
from studyapp.services.dto_study import Scope


def _sections(study) -> dict[str, int]:
    view = documents.get_document(study.ctx, study.doc)
    return {s.label: s.id for s in view.sections if s.depth == 1} | {
        "top:" + s.label: s.id for s in view.sections if s.depth == 0}


def _practise(study, sid: int, right: int, wrong: int, seed: int) -> None:
    view = practice.start_practice(study.ctx, study.person, Scope("sections", study.doc, (sid,)),
                                   count=right + wrong, seed=seed, types=["single", "judge", "fill"])
    assert len(view.questions) == right + wrong
    for q in view.questions:
        pick = study.right if q.position < right else study.wrong
        practice.answer(study.ctx, view.id, q.position, pick(view.id, q.position))
    practice.finish(study.ctx, view.id)


def test_mastery_states_on_the_tree(study) -> None:
    s = _sections(study)
    reading.mark_read(study.ctx, s["1."], person_id=study.person)
    reading.mark_read(study.ctx, s["4."], person_id=study.person)
    _practise(study, s["6."], right=2, wrong=2, seed=1)
    _practise(study, s["7."], right=4, wrong=0, seed=2)
    m = mystudy.section_mastery(study.ctx, study.person, study.doc)
    assert m[s["1."]].state == "read" and m[s["1."]].state_name == "已读"
    assert m[s["6."]].state == "practised" and (m[s["6."]].answered, m[s["6."]].right) == (4, 2)
    assert m[s["7."]].state == "mastered" and m[s["7."]].state_name == "已掌握"
    assert m[s["12."]].state == "unread"
    top = m[s["top:三、"]]  # 三、 holds 6.–11.: their answers are its answers
    assert top.answered == 8 and top.state == "practised" and top.questions > 0
    # a slip on a mastered section takes "mastered" away (4 right of the last 6 < 80 %)
    _practise(study, s["7."], right=0, wrong=2, seed=3)
    assert mystudy.section_mastery(study.ctx, study.person, study.doc)[s["7."]].state == "practised"


def test_mastery_weighs_the_newest_answers_and_counts_them_all(study) -> None:
    """Early mistakes are history: a section answered wrong 12 times, then right 10 times in the
    newest practices, is mastered (the last MASTERY_WINDOW all right), and every answer is counted."""
    s = _sections(study)
    for seed in range(3):
        _practise(study, s["7."], right=0, wrong=4, seed=10 + seed)
    for seed in range(5):
        _practise(study, s["7."], right=2, wrong=0, seed=20 + seed)
    m = mystudy.section_mastery(study.ctx, study.person, study.doc)[s["7."]]
    assert (m.answered, m.right, m.recent, m.recent_right) == (22, 10, mystudy.MASTERY_WINDOW, 10)
    assert m.state == "mastered"
    _practise(study, s["7."], right=0, wrong=3, seed=30)  # (7 right of the last 10 < 80 %)
    assert mystudy.section_mastery(study.ctx, study.person, study.doc)[s["7."]].state == "practised"


def test_my_study_summary_and_scores_over_time(study) -> None:
    s = _sections(study)
    reading.mark_read(study.ctx, s["1."], person_id=study.person)
    reading.mark_read(study.ctx, s["2."])  # the anonymous reader's mark is not this person's
    _practise(study, s["3."], right=2, wrong=1, seed=1)
    bp = quiz.default_blueprint(study.ctx, study.doc)
    view = quiz.start_exam(study.ctx, study.person, bp, seed=1)
    quiz.save_answer(study.ctx, view.id, 0, study.right(view.id, 0))
    quiz.submit(study.ctx, view.id)
    quiz.start_exam(study.ctx, study.person, bp, seed=2)  # unfinished: no score yet

    me = mystudy.my_study(study.ctx, study.person, study.doc)
    assert me.sections_read == 1 and me.section_count == len(me.mastery)
    assert (me.practice_count, me.exam_count) == (1, 1)
    assert (me.answered, me.right) == (3 + 1, 2 + 1) and me.accuracy == 0.75
    assert me.wrongbook_count == 1 and me.due_today == 0
    [point] = me.scores
    assert point.source == "exam" and point.attempt_id == view.id and point.score > 0
    assert "已掌握" in me.mastery_rule and "80%" in me.mastery_rule


def test_recent_learners_come_first_on_a_shared_pc(study) -> None:
    from studyapp.services import roster
    from studyapp.services.dto_records import PersonDraft

    other = roster.add_person(study.ctx, PersonDraft(name="李明", unit="党政办")).id
    assert mystudy.recent_learners(study.ctx) == []
    practice.start_practice(study.ctx, study.person, Scope("document", study.doc), count=1)
    practice.start_practice(study.ctx, other, Scope("document", study.doc), count=1)
    assert {p.id for p in mystudy.recent_learners(study.ctx)} == {study.person, other}
