"""The words the 题库 screen shows for codes, in one place so every widget says the same thing.

The screen uses the short type names a reviewer scans quickly (单选); the services' type names
(单选题) are for printed papers. Status and origin words are the services' own.
"""

from __future__ import annotations

from typing import Any

from studyapp.services.dto import QUESTION_ORIGIN_NAMES, QUESTION_STATUS_NAMES, QuestionView

TYPE_NAMES: dict[str, str] = {
    "single": "单选", "multiple": "多选", "judge": "判断", "fill": "填空", "short": "简答",
}
STATUS_NAMES: dict[str, str] = QUESTION_STATUS_NAMES
ORIGIN_NAMES: dict[str, str] = QUESTION_ORIGIN_NAMES
DIFFICULTY_NAMES: dict[int, str] = {1: "易", 2: "中", 3: "难"}
LETTERS = "ABCDEF"
MAX_OPTIONS = len(LETTERS)
MIN_OPTIONS = 4  # what a learner expects of a choice question; the services accept fewer
BLANK = "____"  # how a fill-in blank is written in a stem (the CLI/JSON contract)


def letter(index: int) -> str:
    return LETTERS[index] if 0 <= index < len(LETTERS) else str(index + 1)


def answer_text(view: QuestionView) -> str:
    """The key the way a teacher writes it on the answer sheet: B / ACD / 对 / 词一；词二."""
    answer: Any = view.answer
    if view.type in ("single", "multiple"):
        return "".join(letter(int(i)) for i in (answer or []))
    if view.type == "judge":
        return {True: "对", False: "错"}.get(answer, "") if isinstance(answer, bool) else ""  # (no key yet: nothing)
    if view.type == "fill":
        return "；".join(str(a) for a in (answer or []))
    return "\n".join(f"{i}. {a}" for i, a in enumerate(answer or [], 1))


def counts_text(draft: int, approved: int, retired: int) -> str:
    return f"草稿 {draft} · 已审核 {approved} · 已停用 {retired}"
