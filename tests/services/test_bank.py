"""The question bank service: generation keeps reviewed work, review states, editing, sources."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import delete

from studyapp.core.model import UserError
from studyapp.core.questions.model import BLANK
from studyapp.db.models import Question
from studyapp.services import bank, documents
from studyapp.services.context import AppContext, NotFoundError
from studyapp.services.dto import QuestionDraft, QuestionView


def _first(views: list[QuestionView], qtype: str) -> QuestionView:
    return next(v for v in views if v.type == qtype)


def test_parsed_document_rebuilds_the_stored_tree(seeded_ctx: AppContext, seed_path) -> None:
    from studyapp.core.loaders import load_file
    from studyapp.core.outline import parse_text

    [info] = documents.list_documents(seeded_ctx)
    rebuilt = bank.parsed_document(seeded_ctx, info.id)
    original = parse_text(load_file(seed_path).text)
    assert rebuilt.to_json() == original.to_json()


def test_generation_stores_drafts_in_reading_order(law_banked) -> None:
    ctx, doc = law_banked
    views = bank.list_questions(ctx, doc)
    assert len(views) >= 5
    assert {v.status for v in views} == {"draft"} and {v.origin for v in views} == {"generated"}
    assert {"single", "judge", "fill", "short"} <= {v.type for v in views}
    ordinals = [v.section_ordinal for v in views]
    assert ordinals == sorted(ordinals) and min(ordinals) >= 0
    first = views[0]
    assert first.section_heading.startswith(first.section_path[-1])
    counts = bank.bank_counts(ctx, doc)
    assert counts.draft == counts.total == len(views) and counts.approved == 0
    assert sum(counts.by_type.values()) == len(views)


def test_generation_reports_the_dropped_questions(seeded_ctx: AppContext, seed_id: int) -> None:
    result = bank.generate_for_document(seeded_ctx, seed_id)
    assert result.generated >= 5
    assert all(isinstance(n, int) and n > 0 for n in result.dropped.values())
    assert result.dropped_total == sum(result.dropped.values())


def test_regenerating_keeps_reviewed_questions(law_banked) -> None:
    ctx, doc = law_banked
    views = bank.list_questions(ctx, doc)
    approved, retired, edited = views[0], views[1], _first(views[2:], "judge")
    bank.approve(ctx, approved.id)
    bank.retire(ctx, retired.id)
    bank.update_question(ctx, edited.id, QuestionDraft(
        type="judge", stem=edited.stem + "（修改）", answer=edited.answer,
        explanation=edited.explanation, quote=edited.quote, tags=edited.tags,
    ))
    manual = bank.add_manual_question(ctx, doc, QuestionDraft(
        type="judge", stem="监察机关应当依法公开监察工作信息。", answer=True, tags=["要求"],
    )).question

    result = bank.generate_for_document(ctx, doc)
    assert result.added == 0 and result.removed == 0
    assert result.kept == 4
    after = {v.id: v for v in bank.list_questions(ctx, doc)}
    assert after[approved.id].status == "approved"
    assert after[retired.id].status == "retired"  # a retired question does not come back
    assert after[edited.id].stem.endswith("（修改）") and after[edited.id].origin == "edited"
    assert after[manual.id].origin == "manual"
    assert len(after) == len(views) + 1
    # the generator's version of the edited question is not added next to it
    assert sum(1 for v in after.values() if v.uid == edited.uid) == 1


def test_regenerating_replaces_stale_drafts(banked) -> None:
    ctx, doc = banked
    views = bank.list_questions(ctx, doc)
    stale = views[0]
    with ctx.begin() as session:
        row = session.get(Question, stale.id)
        row.uid = "stale0000000"  # as if the generator no longer produced it
    result = bank.generate_for_document(ctx, doc)
    assert result.removed == 1 and result.added == 1
    uids = [v.uid for v in bank.list_questions(ctx, doc)]
    assert "stale0000000" not in uids and stale.uid in uids


def test_generation_is_deterministic_for_a_seed(banked) -> None:
    ctx, doc = banked
    before = [v.to_json() for v in bank.list_questions(ctx, doc)]
    result = bank.generate_for_document(ctx, doc, seed=0)
    assert (result.added, result.refreshed, result.removed) == (0, 0, 0)
    assert [v.to_json() for v in bank.list_questions(ctx, doc)] == before


def test_regenerate_section_touches_only_that_section(banked) -> None:
    ctx, doc = banked
    views = bank.list_questions(ctx, doc)
    target = views[0].section_id
    other = next(v for v in views if v.section_id != target)
    with ctx.begin() as session:
        session.execute(delete(Question).where(Question.section_id == target))
        session.execute(delete(Question).where(Question.id == other.id))
    result = bank.regenerate_section(ctx, target)
    assert result.added == sum(1 for v in views if v.section_id == target)
    after = bank.list_questions(ctx, doc)
    assert {v.uid for v in after if v.section_id == target} == {
        v.uid for v in views if v.section_id == target
    }
    assert other.uid not in {v.uid for v in after}


def test_list_filters(banked) -> None:
    ctx, doc = banked
    views = bank.list_questions(ctx, doc)
    fills = bank.list_questions(ctx, doc, type="fill")
    assert fills and all(v.type == "fill" for v in fills)
    tag = views[0].tags[0]
    assert all(tag in v.tags for v in bank.list_questions(ctx, doc, tag=tag))
    bank.approve(ctx, [views[0].id, views[1].id])
    assert [v.id for v in bank.list_questions(ctx, doc, status="approved")] == [
        views[0].id, views[1].id,
    ]
    assert bank.list_questions(ctx, doc, origin="manual") == []
    # a part (一、) includes the questions of its items (1., 2., 3.)
    sections = documents.get_document(ctx, doc).sections
    part = sections[0]
    children = {s.id for s in sections if s.parent_id == part.id} | {part.id}
    in_part = bank.list_questions(ctx, doc, section_id=part.id)
    assert in_part and {v.section_id for v in in_part} <= children
    assert len(in_part) == sum(1 for v in views if v.section_id in children)


def test_only_approved_questions_count_in_quizzes(law_banked) -> None:
    ctx, doc = law_banked
    views = bank.list_questions(ctx, doc)
    assert bank.approved_questions(ctx, doc) == []
    single = _first(views, "single")
    judge = _first(views, "judge")
    retired = _first(views, "fill")
    bank.approve(ctx, [single.id, judge.id, retired.id])
    bank.retire(ctx, retired.id)
    chosen = bank.approved_questions(ctx, doc)
    assert {v.id for v in chosen} == {single.id, judge.id}
    assert [v.id for v in bank.approved_questions(ctx, doc, types=["judge"])] == [judge.id]
    assert [v.id for v in bank.approved_questions(ctx, doc, section_ids=[single.section_id])] == [
        v.id for v in chosen if v.section_id == single.section_id
    ]


def test_approve_retire_restore_in_bulk(banked) -> None:
    ctx, doc = banked
    ids = [v.id for v in bank.list_questions(ctx, doc)[:3]]
    assert bank.approve(ctx, ids) == 3
    assert bank.approve(ctx, ids) == 0  # already approved
    assert all(bank.get_question(ctx, i).reviewed_at for i in ids)
    assert bank.retire(ctx, ids[:2]) == 2
    assert bank.restore(ctx, ids) == 2  # only the retired ones come back
    assert [bank.get_question(ctx, i).status for i in ids] == ["draft", "draft", "approved"]
    counts = bank.bank_counts(ctx, doc)
    assert counts.approved == 1
    with pytest.raises(NotFoundError):
        bank.approve(ctx, [ids[0], 999999])
    assert bank.get_question(ctx, ids[0]).status == "draft"  # nothing changed


def test_editing_sets_origin_edited_and_returns_warnings(banked) -> None:
    ctx, doc = banked
    q = _first(bank.list_questions(ctx, doc), "fill")
    fine = bank.update_question(ctx, q.id, QuestionDraft(
        type="fill", stem=q.stem, answer=list(q.answer), explanation=q.explanation + "（补充）",
        quote=q.quote, tags=q.tags, difficulty=q.difficulty,
    ))
    assert fine.question.origin == "edited" and fine.question.uid == q.uid
    assert fine.warnings == ()
    wrong = bank.update_question(ctx, q.id, QuestionDraft(
        type="fill", stem=q.stem, answer=["依法治国"] * len(q.answer), explanation="",
        quote=q.quote, tags=q.tags,
    ))
    assert wrong.question.answer == ["依法治国"] * len(q.answer)  # saved, with a warning
    assert wrong.warnings and all(any("\u4e00" <= c <= "\u9fff" for c in w) for w in wrong.warnings)


def test_malformed_edits_are_refused_in_chinese(law_banked) -> None:
    ctx, doc = law_banked
    views = bank.list_questions(ctx, doc)
    single = _first(views, "single")
    with pytest.raises(UserError) as info:
        bank.update_question(ctx, single.id, QuestionDraft(
            type="single", stem=single.stem, options=single.options, answer=[4],
        ))
    assert "超出了选项范围" in info.value.message
    fill = _first(views, "fill")
    with pytest.raises(UserError) as info:
        bank.update_question(ctx, fill.id, QuestionDraft(
            type="fill", stem=fill.stem, answer=list(fill.answer) + ["多余"],
        ))
    assert "个空" in info.value.message
    with pytest.raises(UserError):
        bank.update_question(ctx, fill.id, QuestionDraft(type="judge", stem="判断", answer="对"))
    assert bank.get_question(ctx, single.id) == single  # unchanged
    assert bank.get_question(ctx, fill.id) == fill


def test_manual_question(banked) -> None:
    ctx, doc = banked
    sections = documents.get_document(ctx, doc).sections
    item = next(s for s in sections if s.title == "指导思想")
    saved = bank.add_manual_question(ctx, doc, QuestionDraft(
        type="fill", stem="全面推进依法治市，坚定不移走中国特色社会主义___道路。", answer=["法治"],
        quote="坚定不移走中国特色社会主义法治道路", tags=["思想"], section_id=item.id,
    ))
    q = saved.question
    assert q.origin == "manual" and q.status == "draft" and q.stem.count(BLANK) == 1
    assert q.section_id == item.id and q.section_path == item.path
    assert q.section_heading == "1.指导思想"
    with pytest.raises(UserError) as info:
        bank.add_manual_question(ctx, doc, QuestionDraft(
            type="fill", stem=q.stem, answer=["法治"], quote=q.quote, tags=["思想"],
            section_id=item.id,
        ))
    assert "已有相同的试题" in info.value.message
    loose = bank.add_manual_question(ctx, doc, QuestionDraft(
        type="short", stem="简述依法治市的意义。", answer=["要点一", "要点二"],
    ))
    assert loose.question.section_id is None and loose.warnings  # no source: warned, kept
    assert bank.list_questions(ctx, doc)[-1].id == loose.question.id  # no section: last


def test_quote_location_points_into_the_section_text(banked) -> None:
    ctx, doc = banked
    view = documents.get_document(ctx, doc)
    texts = {s.id: s for s in view.sections}
    for q in bank.list_questions(ctx, doc)[:40]:
        loc = bank.quote_location(ctx, q.id)
        assert loc is not None, q.quote
        field = getattr(texts[loc.section_id], loc.field)
        found = field[loc.start:loc.end]
        assert bank.locate_in(found, q.quote) == (0, len(found))
        assert loc.section_id in (q.section_id, *(
            s.id for s in view.sections if s.path[: len(q.section_path)] == q.section_path
        ))


def test_a_quote_over_several_articles_is_located_at_its_first_paragraph(banked) -> None:
    """A choice among statements of neighbouring articles quotes them all, with their labels
    between: 查看原文 and the review's source pane go to where it starts, not to 「找不到」."""
    ctx, doc = banked
    view = documents.get_document(ctx, doc)
    leaves = [s for s in view.sections if s.text.strip()]
    first, second = leaves[3], leaves[4]
    quote = first.text.strip() + "\n" + (second.label or "") + "\n" + second.text.strip()
    row = bank.add_manual_question(ctx, doc, QuestionDraft(
        type="judge", stem="下列说法跨两条的一道试题。", answer=True, quote=quote, section_id=first.id))
    loc = bank.quote_location(ctx, row.question.id)
    assert loc is not None and loc.section_id == first.id and loc.field == "text"
    assert bank.locate_quote(view, bank.get_question(ctx, row.question.id)).section_id == first.id


def test_locate_in_ignores_width_and_spaces() -> None:
    text = "坚持依法治国、依法执政、依法行政共同推进,坚持法治国家。"
    assert bank.locate_in(text, "依法行政共同推进，坚持") == (12, 23)
    assert bank.locate_in(text, "不存在的句子") is None


def test_missing_things_raise_not_found(banked) -> None:
    ctx, _doc = banked
    with pytest.raises(NotFoundError):
        bank.get_question(ctx, 999999)
    with pytest.raises(NotFoundError):
        bank.list_questions(ctx, 999999)
    with pytest.raises(NotFoundError):
        bank.regenerate_section(ctx, 999999)


def test_deleting_the_document_deletes_its_bank(banked) -> None:
    ctx, doc = banked
    documents.delete_document(ctx, doc)
    with ctx.begin() as session:
        assert session.query(Question).count() == 0


def _draft_of(view: QuestionView, **changes) -> QuestionDraft:  # noqa: ANN003
    """The draft that reproduces a stored question, with `changes` (what an editor types)."""
    from dataclasses import replace

    return replace(bank.draft_of(view), **changes)


def test_draft_of_reproduces_the_stored_question(law_banked) -> None:
    ctx, doc = law_banked
    for view in bank.list_questions(ctx, doc)[:6]:
        saved = bank.update_question(ctx, view.id, bank.draft_of(view), expected_version=view.version)
        assert saved.question == view  # nothing to change: not even the version


def test_an_edit_from_a_stale_copy_is_a_conflict_and_writes_nothing(law_banked) -> None:
    """Two PCs on one bank (here two contexts on one data folder): the second save made from a
    copy read before the first one's is refused, naming the question; None overwrites (the user
    chose to, having been asked); every change raises the version, a save changing nothing not."""
    from studyapp.services.context import EditConflict

    ctx, doc = law_banked
    q = _first(bank.list_questions(ctx, doc), "single")
    other = AppContext(ctx.data_dir)
    try:
        mine, theirs = bank.get_question(ctx, q.id), bank.get_question(other, q.id)
        assert mine.version == theirs.version == q.version
        stored = bank.update_question(other, q.id, _draft_of(theirs, explanation="另一台电脑补充的解析"),
                                      expected_version=theirs.version).question
        assert stored.version == theirs.version + 1
        with pytest.raises(EditConflict) as info:
            bank.update_question(ctx, q.id, _draft_of(mine, stem=mine.stem + "（本机修改）"),
                                 expected_version=mine.version)
        message = info.value.message
        assert f"编号 {q.id}" in message and "已被别人" in message and "您的修改没有保存" in message
        now = bank.get_question(ctx, q.id)
        assert (now.stem, now.explanation, now.version) == (q.stem, "另一台电脑补充的解析", stored.version)
        # the copy as it is now saves; a save that changes nothing leaves the version alone
        assert bank.update_question(ctx, q.id, _draft_of(now), expected_version=now.version).question.version \
            == now.version
        again = bank.update_question(ctx, q.id, _draft_of(now, difficulty=3), expected_version=now.version).question
        assert again.version == now.version + 1 and again.difficulty == 3
        # having been asked, the user may put the stale copy's typing over it
        over = bank.update_question(ctx, q.id, _draft_of(mine, stem=mine.stem + "（本机修改）")).question
        assert over.version == again.version + 1
        assert bank.get_question(other, q.id).stem == mine.stem + "（本机修改）"
    finally:
        other.close()


def test_a_review_decision_on_a_question_changed_meanwhile_is_refused(law_banked) -> None:
    """逐题审核's 通过/停用 are decisions on the question as the reviewer read it: one another PC
    changed since is refused (nothing changes); the current version, or None, decides."""
    from studyapp.services.context import EditConflict

    ctx, doc = law_banked
    q = _first(bank.list_questions(ctx, doc, status="draft"), "single")
    other = AppContext(ctx.data_dir)
    try:
        bank.update_question(other, q.id, _draft_of(q, explanation="另一台电脑改过"), expected_version=q.version)
    finally:
        other.close()
    for decide, verb in ((bank.approve, "审核通过"), (bank.retire, "停用")):
        with pytest.raises(EditConflict) as info:
            decide(ctx, q.id, expected_version=q.version)
        assert f"编号 {q.id}" in info.value.message and f"您的“{verb}”没有保存" in info.value.message
    now = bank.get_question(ctx, q.id)
    assert (now.status, now.version) == ("draft", q.version + 1)
    assert bank.approve(ctx, q.id, expected_version=now.version) == 1
    approved = bank.get_question(ctx, q.id)
    assert (approved.status, approved.version) == ("approved", now.version + 1)
    assert bank.retire(ctx, q.id) == 1  # None: whatever is stored
    assert bank.get_question(ctx, q.id).version == approved.version + 1
    with pytest.raises(ValueError):
        bank.approve(ctx, [q.id, q.id + 1], expected_version=1)  # one question's version only


def test_decisions_on_a_list_leave_alone_what_someone_else_changed_since(law_banked) -> None:
    """审核通过所选 / 全部审核通过 / 停用 / 恢复 from the 题库 list act on the questions at the
    versions the list showed: one another PC changed meanwhile is left as it is and named
    (its reviewer has not read what it says now), a malformed one is refused, the rest go ahead
    in one transaction; a second PC's approval of what is already approved changes nothing."""
    ctx, doc = law_banked
    drafts = bank.list_questions(ctx, doc, status="draft")[:4]
    seen = {v.id: v.version for v in drafts}
    other = AppContext(ctx.data_dir)
    try:
        changed = drafts[1]
        bank.update_question(other, changed.id, _draft_of(changed, explanation="另一台电脑改过"),
                             expected_version=changed.version)
        outcome = bank.set_status_as_seen(ctx, seen, "approve")
    finally:
        other.close()
    assert outcome.changed == 3 and outcome.stale == (changed.id,) and outcome.refused == ()
    after = {v.id: v for v in bank.list_questions(ctx, doc)}
    assert [after[i].status for i in seen] == ["approved", "draft", "approved", "approved"]
    assert after[changed.id].explanation == "另一台电脑改过"
    message = bank.stale_message(outcome.stale, "approve")
    assert f"编号 {changed.id}" in message and "没有审核通过" in message and "已被别人" in message
    # the same list again: the approved ones are as asked (no conflict), the stale one stays stale
    again = bank.set_status_as_seen(ctx, seen, "approve")
    assert (again.changed, again.stale) == (0, (changed.id,))
    # 停用 and 恢复 at the versions now stored
    now = {v.id: v.version for v in bank.list_questions(ctx, doc) if v.id in seen}
    assert bank.set_status_as_seen(ctx, now, "retire").changed == 4
    now = {v.id: v.version for v in bank.list_questions(ctx, doc) if v.id in seen}
    assert bank.set_status_as_seen(ctx, now, "restore").changed == 4
    assert {v.status for v in bank.list_questions(ctx, doc) if v.id in seen} == {"draft"}
    # a malformed question is refused by name, the others approved
    bad = bank.list_questions(ctx, doc, status="draft")[0]
    with ctx.begin(write=True) as session:
        row = session.get(Question, bad.id)
        row.answer = [9]
    versions = {v.id: v.version for v in bank.list_questions(ctx, doc) if v.id in seen | {bad.id: 0}}
    result = bank.set_status_as_seen(ctx, versions, "approve")
    assert len(result.refused) == 1 and f"编号 {bad.id}" in result.refused[0]
    assert bank.get_question(ctx, bad.id).status == "draft"


# ---------------------------------------------------------------------------------- the 题库's list


def _old_search(views: list[QuestionView], text: str) -> list[int]:
    """The search the 题库 window did in Python over every whole question (before list_rows)."""
    words = text.split()
    return [v.id for v in views
            if all(w in "\n".join((v.stem, *v.options, v.explanation, v.quote, v.section_heading)) for w in words)]


def test_the_light_list_is_the_whole_list_row_for_row(banked) -> None:
    """bank.list_rows gives the rows list_questions gives, in the same order, under every filter."""
    ctx, doc = banked
    views = bank.list_questions(ctx, doc)
    bank.approve(ctx, [views[0].id, views[3].id])
    bank.retire(ctx, views[5].id)
    bank.update_question(ctx, views[2].id, replace(bank.draft_of(views[2]), quote=""))
    part = documents.get_document(ctx, doc).sections[0]
    tag = views[0].tags[0]
    for filters in ({}, {"type": "fill"}, {"status": "approved"}, {"status": "retired"}, {"origin": "edited"},
                    {"tag": tag}, {"section_id": part.id}, {"type": "single", "status": "draft"}):
        whole = bank.list_questions(ctx, doc, **filters)
        rows = bank.list_rows(ctx, doc, **filters)
        assert rows == [bank.row_of(v) for v in whole], filters
    edited = bank.list_rows(ctx, doc, origin="edited")
    assert [r.has_quote for r in edited] == [False]
    with pytest.raises(NotFoundError):
        bank.list_rows(ctx, 9999)


def test_the_list_comes_in_reading_order_from_the_database_with_its_counts_and_a_page(banked) -> None:
    """bank.list_page (the 题库 window's one read): the rows sorted by the database in reading
    order, a question without a section last; the bank's counts (worked out from the rows when
    nothing filters them) as bank_counts says; the whole questions of a page around the one
    asked for, or of every row of a short list."""
    from sqlalchemy import update

    from studyapp.db.models import Question

    ctx, doc = banked
    views = bank.list_questions(ctx, doc)
    bank.approve(ctx, views[1].id)
    bank.retire(ctx, views[4].id)
    with ctx.begin(write=True) as s:  # (its section deleted since: section_id set to NULL)
        s.execute(update(Question).where(Question.id == views[0].id).values(section_id=None))
    expected = [bank.row_of(v) for v in bank.list_questions(ctx, doc)]
    assert expected[-1].id == views[0].id and expected[-1].section_ordinal == -1
    nothing = {"type": None, "tag": None, "status": None, "origin": None, "search": None}
    rows, counts, page = bank.list_page(ctx, doc, nothing, None, 10)
    assert rows == expected and counts == bank.bank_counts(ctx, doc)
    assert sorted(page) == sorted(r.id for r in rows[:10]) and page[rows[0].id] == bank.get_question(ctx, rows[0].id)
    middle = rows[len(rows) // 2].id
    _rows, _counts, page = bank.list_page(ctx, doc, nothing, middle, 10)
    assert middle in page and len(page) == 10
    _rows, _counts, page = bank.list_page(ctx, doc, nothing, None, 10, whole_up_to=len(rows))
    assert sorted(page) == sorted(r.id for r in rows)
    rows, counts, page = bank.list_page(ctx, doc, dict(nothing, status="draft"), None, 10)
    assert rows == [r for r in expected if r.status == "draft"] and counts == bank.bank_counts(ctx, doc)


@pytest.mark.parametrize("text", [
    "司法", "依法治市", "依法 党", "总体目标", "指导思想", "全面推进依法治市的总体要求",  # Chinese substrings, headings
    "。", "（", "____", "%", "_", "a", "A", "2014", "没有这样的词", "司法 没有这样的词",
])
def test_search_in_the_database_finds_what_the_python_search_found(banked, text: str) -> None:
    """Case-sensitive substrings of the stem, an option, the explanation, the quote or the
    section's heading, every word — no wildcard (% and _ are characters), as in Python."""
    ctx, doc = banked
    views = bank.list_questions(ctx, doc)
    assert [r.id for r in bank.list_rows(ctx, doc, search=text)] == _old_search(views, text)


def test_search_reaches_each_field_and_combines_with_the_filters(banked) -> None:
    ctx, doc = banked
    views = bank.list_questions(ctx, doc)
    single = next(v for v in views if v.type == "single")
    draft = bank.draft_of(single)
    bank.update_question(ctx, single.id, replace(draft, explanation="解析里的暗号乙",
                                                 options=(draft.options[0], "选项里的暗号丁", *draft.options[2:])))
    manual = bank.add_manual_question(ctx, doc, replace(draft, stem="题干里的暗号甲是什么？"))
    for word in ("暗号乙", "暗号丁"):
        assert [r.id for r in bank.list_rows(ctx, doc, search=word)] == [single.id]
    assert [r.id for r in bank.list_rows(ctx, doc, search="暗号甲")] == [manual.question.id]
    assert bank.list_rows(ctx, doc, search="暗号 乙 丁") != []  # (each word anywhere)
    assert bank.list_rows(ctx, doc, search="暗号乙", type="judge") == []
    assert [r.id for r in bank.list_rows(ctx, doc, search="暗号乙", type="single")] == [single.id]
    heading = views[-1].section_heading  # (a section's heading: its questions, even where no field says it)
    under = [r.id for r in bank.list_rows(ctx, doc, search=heading)]
    assert under and under == _old_search(bank.list_questions(ctx, doc), heading)


def test_the_list_reads_no_whole_question(banked) -> None:
    """The list's read selects no JSON column (options, answer, tags, source path) and no dates:
    a county's bank spent most of its read decoding them for rows that show a stem."""
    from sqlalchemy import event

    ctx, doc = banked
    tag = bank.list_questions(ctx, doc)[0].tags[0]
    selects: list[str] = []

    def seen(_conn, _cursor, statement, _params, _context, _many) -> None:  # noqa: ANN001
        if "FROM question" in statement:
            selects.append(statement.split("FROM question")[0])

    event.listen(ctx.engine, "before_cursor_execute", seen)
    try:
        rows = bank.list_rows(ctx, doc, search="司法", tag=tag)
    finally:
        event.remove(ctx.engine, "before_cursor_execute", seen)
    assert rows and len(selects) == 1
    columns = selects[0]
    assert "question.stem" in columns and "question.status" in columns
    for heavy in ("question.options", "question.answer", "question.tags", "question.section_path",
                  "question.created_at", "question.explanation"):
        assert heavy not in columns
