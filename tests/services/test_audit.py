"""The 操作记录: every change to a score is logged with its before and after."""

from __future__ import annotations

from studyapp.services import roster, scores, sessions
from studyapp.services.dto_records import PersonDraft, SessionDraft


def test_every_change_to_a_score_is_in_the_audit_log(seeded_ctx) -> None:
    """成绩 86 typed, changed to 90, a quiz kept out, the cell cleared: the 操作记录 lists each
    change with its before and after, and the score's history reads in order."""
    from studyapp.services import audit

    ctx = seeded_ctx
    st = sessions.create_session(ctx, SessionDraft(date="2025-03-03", content="依法治市")).id
    pid = roster.add_person(ctx, PersonDraft(name="王德伦", unit="乡党委")).id
    scores.set_score(ctx, st, pid, 86)
    scores.set_score(ctx, st, pid, 86)  # (the same value again: nothing to log)
    scores.set_score(ctx, st, pid, 90)
    scores.set_score(ctx, st, pid, None)
    scores.clear_score(ctx, st, pid)
    history = audit.score_histories(ctx, st)[pid]
    assert [(h.action, h.old, h.new) for h in history] == [
        ("录入", "", "86 分"), ("修改", "86 分", "90 分"), ("修改", "90 分", "缺考"), ("删除", "缺考", "")]
    assert all(h.actor == "本机" and "王德伦（乡党委）" in h.target and "2025-03-03" in h.target for h in history)
    assert "86 分 → 90 分" in audit.history_text(history)
    newest = audit.entries(ctx, limit=10)
    assert newest[0].action == "删除" and any(e.area == "名册" and e.action == "新增" for e in newest)
