"""The learner's operations (ui/ops.py) for ui/study: who is studying, my study, the wrong book,
the exam form's defaults — and the answer path of the practice and exam pages.

The answer path keeps one deliberate exception to "everything on the worker": an answer is stored
at once on the page's own thread (`*_now`, one short transaction), waiting at most the page's
SAVE_WAIT_MS for the lock — so the verdict shows at keyboard speed and a crash loses nothing
answered. When another program holds the database longer, DatabaseBusy comes back at once: the
page keeps the answer, shows it as answered, and the worker stores it (`store_*_answers`)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from studyapp.core.blueprint import Blueprint
from studyapp.core.model import UserError
from studyapp.services import bank, documents, home, mystudy, practice, quiz, reading, review, roster, wrongbook
from studyapp.services import settings as settings_service
from studyapp.services.context import LONG_WAIT_MS  # noqa: F401 - the wait of an answer stored as the page is left
from studyapp.services.dto import DocumentView
from studyapp.services.dto_records import PersonDraft, PersonView
from studyapp.services.dto_study import AnswerResult, AttemptView, ExamResult, MyStudy, SavedAnswer, WrongBook
from studyapp.ui.ops import Changes, CollectionOp, QueryOp

log = logging.getLogger("studyapp.ui")

DatabaseBusy = quiz.DatabaseBusy  # (the lock was not free within the wait asked for)
TimeUpError = quiz.TimeUpError
AttemptClosedError = quiz.AttemptClosedError


@dataclass(frozen=True)
class MyStudyData:
    study: MyStudy
    document: DocumentView | None


@dataclass(frozen=True)
class WrongBookData:
    book: WrongBook
    order: dict[int, int]  # section id → reading position


# worker-thread reads (run by the controller's runner) -------------------------------------
def load_my_study(ctx, person_id: int, document_id: int | None) -> MyStudyData:  # noqa: ANN001
    """Everything 我的学习 shows."""
    doc = documents.get_document(ctx, document_id) if document_id else None
    return MyStudyData(mystudy.my_study(ctx, person_id, document_id), doc)


def load_wrongbook(ctx, person_id: int) -> WrongBookData:  # noqa: ANN001
    """The wrong book and the reading order of the documents it touches."""
    book = wrongbook.wrong_book(ctx, person_id)
    order: dict[int, int] = {}
    for doc_id in sorted({i.document_id for i in book.items}):
        try:
            view: DocumentView = documents.get_document(ctx, doc_id)
        except UserError as exc:  # a deleted document only loses its ordering
            log.info("wrong book: no section order for document %d: %s", doc_id, exc)
            continue
        for s in view.sections:
            order[s.id] = s.ordinal + doc_id * 1_000_000
    return WrongBookData(book, order)


# reads ------------------------------------------------------------------------------------------
def learners(parent: QObject, success: Callable[[tuple[list[PersonView], list[PersonView]]], Any]) -> QueryOp:
    """「谁在学习？」: recent learners on this PC, and everyone."""
    return QueryOp(parent, lambda ctx: (mystudy.recent_learners(ctx), roster.list_people(ctx)), success) \
        .titled("谁在学习")


def document_now(ctx, document_id: int | None) -> DocumentView | None:  # noqa: ANN001
    """The document's sections for a setup form, read before the form is shown."""
    return documents.get_document(ctx, document_id) if document_id else None


def exam_defaults_now(ctx, document_id: int, section_ids: tuple[int, ...]) -> tuple[Blueprint, dict[str, int]]:  # noqa: ANN001
    """The usual paper for a scope and the approved questions it has, per type: read as the form
    changes scope (two indexed counts; the form's fields follow at once)."""
    return (quiz.default_blueprint(ctx, document_id, section_ids or None),
            quiz.available_counts(ctx, document_id, section_ids or None))


# writes ------------------------------------------------------------------------------------------
def add_person(parent: QObject, draft: PersonDraft) -> CollectionOp[PersonView]:
    return CollectionOp(parent, lambda ctx: roster.add_person(ctx, draft), Changes.of("people")).titled("添加人员")


# the practice page's answer path ------------------------------------------------------------------
def practice_answer_now(ctx, attempt_id: int, position: int, response: Any, seconds: float,  # noqa: ANN001
                        wait_ms: int) -> AnswerResult:
    """Store and check an answer at once (DatabaseBusy when the lock is not free in wait_ms)."""
    return practice.answer(ctx, attempt_id, position, response, seconds=seconds, wait_ms=wait_ms)


def practice_check_now(ctx, attempt_id: int, position: int, response: Any) -> AnswerResult:  # noqa: ANN001
    """The verdict of an answer (a read): shown while the answer waits to be stored."""
    return practice.check(ctx, attempt_id, position, response)


def practice_feedback_now(ctx, attempt_id: int, position: int) -> AnswerResult:  # noqa: ANN001
    """The verdict of a question answered before the practice was resumed (a read)."""
    return practice.feedback(ctx, attempt_id, position)


def store_practice_answers(parent: QObject, attempt_id: int,
                           items: dict[int, tuple[Any, float]]) -> CollectionOp[dict[int, AnswerResult]]:
    """Answers kept while the database was busy, stored on the worker (where the lock is waited for)."""
    def op(ctx):  # noqa: ANN001, ANN202
        return {pos: practice.answer(ctx, attempt_id, pos, response, seconds=seconds)
                for pos, (response, seconds) in items.items()}
    return CollectionOp(parent, op, Changes.of("study")).titled("保存答案")


def finish_practice(parent: QObject, attempt_id: int,
                    pending: dict[int, tuple[Any, float]]) -> CollectionOp[ExamResult]:
    """结束练习: the kept answers, then the summary."""
    def op(ctx, _p, _c):  # noqa: ANN001, ANN202
        for pos, (response, seconds) in pending.items():
            practice.answer(ctx, attempt_id, pos, response, seconds=seconds)
        return practice.finish(ctx, attempt_id)
    return CollectionOp(parent, op, Changes.of("study")).with_progress("结束练习", "正在整理练习小结…")


# the exam page's answer path ----------------------------------------------------------------------
def exam_answer_now(ctx, attempt_id: int, position: int, response: Any, seconds: float, wait_ms: int,  # noqa: ANN001
                    delayed_s: float = 0.0) -> SavedAnswer:
    """Store an answer at once (DatabaseBusy when the lock is not free in wait_ms; TimeUpError
    after the time)."""
    return quiz.save_answer(ctx, attempt_id, position, response, seconds=seconds, wait_ms=wait_ms,
                            delayed_s=delayed_s)


def exam_heartbeat_now(ctx, attempt_id: int) -> SavedAnswer:  # noqa: ANN001
    """Store the clock as the page is left (the remaining time back)."""
    return quiz.heartbeat(ctx, attempt_id)


def exam_heartbeat(parent: QObject, attempt_id: int) -> CollectionOp[SavedAnswer]:
    """Store the clock on the worker (nothing any window shows changes: announced to nobody)."""
    return CollectionOp(parent, lambda ctx: quiz.heartbeat(ctx, attempt_id), Changes()).titled("保存考试时间")


def flag_now(ctx, attempt_id: int, position: int, flagged: bool) -> None:  # noqa: ANN001
    """标记 / 取消标记, stored at once like an answer (it survives a crash; on the page's thread,
    like the answers beside it, so the two never wait for each other's lock)."""
    quiz.flag(ctx, attempt_id, position, flagged)


def _store_kept(ctx, attempt_id: int, pending: dict[int, tuple[Any, float, float]], now: float) -> None:  # noqa: ANN001
    """Answers kept while the database was busy, stored just before the quiz is handed in."""
    for pos, (response, seconds, given) in pending.items():
        try:
            quiz.save_answer(ctx, attempt_id, pos, response, seconds=seconds, delayed_s=now - given)
        except (quiz.TimeUpError, quiz.AttemptClosedError):
            log.warning("kept answer %d of quiz %d came after the quiz closed", pos, attempt_id)
            return


def store_exam_answers(parent: QObject, attempt_id: int, items: dict[int, tuple[Any, float, float]],
                       now: float) -> CollectionOp[list[int]]:
    """Kept answers stored on the worker (the positions stored)."""
    def op(ctx):  # noqa: ANN001, ANN202
        stored = []
        for pos, (response, seconds, given) in items.items():
            quiz.save_answer(ctx, attempt_id, pos, response, seconds=seconds, delayed_s=now - given)
            stored.append(pos)
        return stored
    return CollectionOp(parent, op, Changes()).titled("保存答案")


def submit_exam(parent: QObject, attempt_id: int, pending: dict[int, tuple[Any, float, float]], now: float,
                *, expired: bool = False) -> CollectionOp[ExamResult]:
    """交卷 (or, the time over, 自动交卷): the kept answers, then the score."""
    def op(ctx, _p, _c):  # noqa: ANN001, ANN202
        _store_kept(ctx, attempt_id, pending, now)
        return quiz.expire(ctx, attempt_id) if expired else quiz.submit(ctx, attempt_id)
    title, label = ("自动交卷", "考试时间到，正在自动交卷…") if expired else ("交卷", "正在交卷、评分…")
    return CollectionOp(parent, op, Changes.of("study")).with_progress(title, label)


# the controller: who studies, what they do next ---------------------------------------------------
reading_clock = reading.clock  # (the time read marks are stamped with: no database)


def last_learner_now(ctx) -> tuple[int | None, bool]:  # noqa: ANN001
    """Who studied last on this PC and whether 「记住我」 was ticked (the 谁在学习 form's start)."""
    last = int(settings_service.get_setting(ctx, "study.last_person") or 0) or None
    return last, bool(settings_service.get_setting(ctx, "study.remember_learner"))


def practice_form_now(ctx, person_id: int) -> tuple[int, int, int]:  # noqa: ANN001
    """The 练习 form's start: the usual count, the wrong book's size, the questions due today."""
    return (int(settings_service.get_setting(ctx, "practice.count")), wrongbook.wrong_count(ctx, person_id),
            review.due_count(ctx, person_id))


def remember_learner(parent: QObject, person_id: int, remember: bool) -> CollectionOp[None]:
    """The learner chosen (and 「记住我」) for the next start — a convenience, skipped while the
    database is busy."""
    def op(ctx):  # noqa: ANN001, ANN202
        settings_service.remember(ctx, "study.last_person", person_id)
        settings_service.remember(ctx, "study.remember_learner", remember)
    return CollectionOp(parent, op, Changes.of("settings")).quietly()


def remembered_learner(parent: QObject, success: Callable[[PersonView | None], Any]) -> QueryOp:
    """On a personal PC the last learner, when 「记住我」 was ticked and they are still on the roster."""
    def op(ctx):  # noqa: ANN001, ANN202
        last, remember = last_learner_now(ctx)
        if not remember or not last:
            return None
        try:
            return roster.get_person(ctx, last)
        except UserError:
            return None  # removed from the roster since: ask as usual
    return QueryOp(parent, op, success).quietly()


def due_count(parent: QObject, person_id: int, success: Callable[[int], Any]) -> QueryOp:
    """今日待复习 N 题."""
    return QueryOp(parent, lambda ctx: review.due_count(ctx, person_id), success).titled("今日待复习")


def unfinished(parent: QObject, person_id: int, success: Callable[[tuple[list[int], list[Any]]], Any]) -> CollectionOp:
    """Quizzes whose time ran out are handed in (a write); then the attempts left unfinished."""
    def op(ctx):  # noqa: ANN001, ANN202
        return quiz.expire_overdue(ctx, person_id), quiz.unfinished_attempts(ctx, person_id)
    return CollectionOp(parent, op, lambda found: Changes.of("study") if found[0] else Changes()) \
        .success(success).titled("继续上次的答题")


def resume_attempt(parent: QObject, attempt_id: int, success: Callable[[AttemptView], Any]) -> QueryOp:
    """An unfinished attempt as it was left: the same questions, the answers, the time left."""
    return QueryOp(parent, lambda ctx: quiz.resume_attempt(ctx, attempt_id), success).titled("继续上次的答题")


def quote_location(parent: QObject, question_id: int, success: Callable[[Any], Any]) -> QueryOp:
    """Where a question's quoted sentence stands in its document now (None: no longer there)."""
    def op(ctx):  # noqa: ANN001, ANN202
        try:
            return bank.quote_location(ctx, question_id)
        except UserError:
            return None
    return QueryOp(parent, op, success).titled("出处")


def document_of(parent: QObject, question_id: int, success: Callable[[int | None], Any]) -> QueryOp:
    def op(ctx):  # noqa: ANN001, ANN202
        try:
            return bank.get_question(ctx, question_id).document_id
        except UserError:
            return None
    return QueryOp(parent, op, success).titled("出处")


def start_practice(parent: QObject, person_id: int, scope: Any, count: int | None,
                   types: list[str] | None) -> CollectionOp[AttemptView]:
    """Draw a practice's questions."""
    return CollectionOp(parent, lambda ctx, _p, _c: practice.start_practice(ctx, person_id, scope, count, types),
                        Changes.of("study")).with_progress("练习", "正在抽题…")


def start_exam(parent: QObject, person_id: int, blueprint: Blueprint) -> CollectionOp[AttemptView]:
    """Draw a 模拟考试 to the blueprint."""
    return CollectionOp(parent, lambda ctx, _p, _c: quiz.start_exam(ctx, person_id, blueprint),
                        Changes.of("study")).with_progress("模拟考试", "正在组卷…")


def wrongbook_page(parent: QObject, person_id: int, success: Callable[[WrongBookData], Any]) -> QueryOp:
    return QueryOp(parent, lambda ctx, _p, _c: load_wrongbook(ctx, person_id), success) \
        .with_progress("错题本", "正在打开错题本…")


def my_study_page(parent: QObject, person_id: int, document_id: int | None,
                  success: Callable[[MyStudyData], Any]) -> QueryOp:
    return QueryOp(parent, lambda ctx, _p, _c: load_my_study(ctx, person_id, document_id), success) \
        .with_progress("我的学习", "正在统计…")


def front_page(parent: QObject, person_id: int, document_id: int | None, section_id: int | None, year: int,
               success: Callable[[Any], Any]) -> QueryOp:
    """首页: the learner, what to do next, this year's progress."""
    return QueryOp(parent, lambda ctx: home.front_page(ctx, person_id, document_id, section_id, year), success) \
        .titled("首页")


def mastery(parent: QObject, person_id: int, document_id: int, success: Callable[[tuple[dict, str]], Any], *,
            read_section: int | None = None, claim_since: Any = None) -> CollectionOp[tuple[dict, str]]:
    """The learner's dots on the reader's tree, after what the learner just did is stored: the
    reads made before they chose their name (claim_since), the section they just read."""
    def op(ctx):  # noqa: ANN001, ANN202
        if claim_since is not None:
            reading.claim_reads(ctx, person_id, claim_since)
        if read_section is not None:
            reading.mark_read(ctx, read_section, person_id=person_id)
        marks = mystudy.section_mastery(ctx, person_id, document_id)
        rule = mystudy.mastery_rule_text(int(settings_service.get_setting(ctx, "study.mastery_min_answers")),
                                         float(settings_service.get_setting(ctx, "study.mastery_ratio")))
        return marks, rule
    wrote = claim_since is not None or read_section is not None
    return CollectionOp(parent, op, Changes.of("reading", "study") if wrote else Changes()) \
        .success(success).titled("掌握情况")
