"""Parse the sheets offices keep (名册, 考勤表, 成绩表) into checked rows with row-by-row messages.

Messages name the line of the file as the user sees it in Excel (第 4 行), so they can fix the
sheet and import again. Matching names against the stored roster is pure too (`resolve`): the
same name in two units is two people, and a name that could mean either must carry a 单位.
Pure Python, no Qt, no SQL.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from studyapp.core.names import CONTROL_CHARS, clean_name, name_key
from studyapp.core.tables import Table, columns_of

log = logging.getLogger("studyapp.core")

ROSTER_COLUMNS = columns_of(
    {
        "name": ("姓名", ("姓名", "名字", "人员姓名", "人员", "姓名/name", "name"), True),
        "unit": ("单位", ("单位", "部门", "工作单位", "所在单位", "单位/部门", "单位部门",
                          "所在部门", "科室", "处室", "单位名称", "unit"), False),
        "post": ("职务", ("职务", "职位", "岗位", "职务/职称", "现任职务", "职称", "post"), False),
        "sort": ("排序号", ("排序号", "排序", "顺序号", "排列顺序", "序号", "sort"), False),
        "groups": ("分组", ("分组", "组别", "小组", "所在组", "所属组", "党支部", "支部", "group"), False),
        "note": ("备注", ("备注", "说明", "note"), False),
    }
)
ATTENDANCE_COLUMNS = columns_of(
    {
        "name": ("姓名", ("姓名", "名字", "人员姓名", "人员"), True),
        "status": ("状态", ("状态", "考勤", "考勤情况", "出勤", "出勤情况", "出席情况", "到会情况",
                            "签到", "status"), True),
        "reason": ("原因", ("原因", "请假原因", "缺席原因", "事由", "理由", "备注", "说明"), False),
        "unit": ("单位", ("单位", "部门", "工作单位", "所在单位", "单位/部门"), False),
        "hours": ("学时", ("学时", "计学时", "hours"), False),
    }
)
SCORE_COLUMNS = columns_of(
    {
        "name": ("姓名", ("姓名", "名字", "人员姓名", "人员"), True),
        "score": ("得分", ("得分", "成绩", "分数", "总分", "考试成绩", "测试成绩", "score"), True),
        "unit": ("单位", ("单位", "部门", "工作单位", "所在单位", "单位/部门"), False),
        "note": ("备注", ("备注", "说明"), False),
    }
)

STATUS_NAMES: dict[str, str] = {"present": "出席", "leave": "请假", "absent": "缺席", "late": "迟到"}
_STATUS_WORDS: dict[str, str] = {
    "出席": "present", "出勤": "present", "到": "present", "已到": "present", "参加": "present",
    "到会": "present", "√": "present", "✓": "present", "✔": "present", "是": "present",
    "请假": "leave", "假": "leave", "事假": "leave", "病假": "leave", "公假": "leave", "公差": "leave",
    "缺席": "absent", "缺勤": "absent", "未到": "absent", "旷会": "absent", "×": "absent",
    "✗": "absent", "否": "absent",
    "迟到": "late", "迟": "late",
}
ABSENT_SCORE_WORDS = ("缺考", "缺席", "未考", "未参加", "-", "—", "／", "/")


def status_of(text: str) -> str | None:
    """出席/请假/缺席/迟到 (and their usual variants) -> present/leave/absent/late; None if unknown."""
    word = "".join((text or "").split())
    if word in STATUS_NAMES:
        return word
    return _STATUS_WORDS.get(word)


_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def _number(text: str) -> float | None:
    """A number as an office types it — 85, 85.5, full-width digits, the IME's 。 for the point;
    never 「1,000」 read as 1 (a comma is no decimal point here), nan, inf or 1e400."""
    import unicodedata

    t = unicodedata.normalize("NFKC", text or "").strip().replace("。", ".")
    if not _NUMBER.fullmatch(t):
        return None
    value = float(t)
    return value if math.isfinite(value) else None


@dataclass(frozen=True)
class RowMessage:
    """A message about one line of the file (line 0: about the whole file)."""

    line: int
    text: str  # Chinese, starting with 第 N 行：
    error: bool = True


@dataclass(frozen=True)
class RosterRow:
    """A checked roster line; `sort_no` None means "after the others, in file order"."""

    line: int
    name: str
    unit: str
    post: str = ""
    sort_no: float | None = None
    groups: tuple[str, ...] = ()
    note: str = ""


@dataclass
class RosterParse:
    rows: list[RosterRow] = field(default_factory=list)
    messages: list[RowMessage] = field(default_factory=list)
    has_unit_column: bool = False
    has_sort_column: bool = False

    @property
    def errors(self) -> list[RowMessage]:
        return [m for m in self.messages if m.error]


def _split_groups(text: str) -> tuple[str, ...]:
    parts = [p.strip() for p in text.replace("，", ",").replace("、", ",").replace("；", ",")
             .replace(";", ",").split(",")]
    return tuple(dict.fromkeys(p for p in parts if p))


def parse_roster(table: Table) -> RosterParse:
    """Check each line: name present, sort number numeric, no true duplicates (同名同单位).

    A duplicate line is an error on the later line pointing at the first one, so the office
    sees both places; the same name in another unit is fine (two people).
    """
    result = RosterParse(has_unit_column="unit" in table.columns, has_sort_column="sort" in table.columns)
    first_line: dict[tuple[str, str], int] = {}
    for raw, line in zip(table.rows, table.lines, strict=False):
        name = clean_name(raw.get("name", ""))
        unit = raw.get("unit", "").strip()
        if any(CONTROL_CHARS.search(v or "") for v in raw.values()):
            result.messages.append(RowMessage(line, f"第 {line} 行：有不能显示的控制字符，请在表格中删去后重新导入"))
            continue
        if not name:
            result.messages.append(RowMessage(line, f"第 {line} 行：姓名为空"))
            continue
        sort_text = raw.get("sort", "").strip()
        sort_no = None
        if sort_text:
            sort_no = _number(sort_text)
            if sort_no is None:
                result.messages.append(
                    RowMessage(line, f"第 {line} 行：排序号“{sort_text}”不是数字")
                )
                continue
        key = (name_key(name), unit)
        if key in first_line:
            who = f"{name}（{unit}）" if unit else name
            result.messages.append(
                RowMessage(line, f"第 {line} 行：与第 {first_line[key]} 行重复（同名同单位：{who}）")
            )
            continue
        first_line[key] = line
        if len(name) > 20:
            result.messages.append(
                RowMessage(line, f"第 {line} 行：姓名“{name[:20]}…”过长，请检查是否填错了列", error=True)
            )
            continue
        result.rows.append(
            RosterRow(line, name, unit, raw.get("post", "").strip(), sort_no,
                      _split_groups(raw.get("groups", "")), raw.get("note", "").strip())
        )
    # Same name in several units: allowed, but worth a note so nobody thinks it is a typo.
    by_name: dict[str, list[RosterRow]] = {}
    for row in result.rows:
        by_name.setdefault(row.name, []).append(row)
    for name, rows in by_name.items():
        if len(rows) > 1:
            units = "、".join(r.unit or "未填单位" for r in rows)
            lines = "、".join(str(r.line) for r in rows)
            result.messages.append(
                RowMessage(rows[0].line, f"第 {lines} 行：“{name}”同名不同单位（{units}），将作为不同人员导入",
                           error=False)
            )
    return result


# ------------------------------------------------------------------------------ name matching


@dataclass(frozen=True)
class Candidate:
    """A stored person as name matching needs them."""

    id: int
    name: str
    unit: str
    active: bool = True


def index_people(people: Sequence[Candidate]) -> dict[str, list[Candidate]]:
    """People by folded name, for matching a whole sheet (resolve's `index`): looking each line
    up in the whole roster was lines × people (1,500 × 1,500: seconds)."""
    out: dict[str, list[Candidate]] = {}
    for p in people:
        out.setdefault(name_key(p.name), []).append(p)
    return out


def resolve(
    name: str, unit: str, people: Sequence[Candidate], line: int,
    *, index: Mapping[str, Sequence[Candidate]] | None = None,
) -> tuple[int | None, str | None]:
    """(person id, None) or (None, Chinese error for line `line`).

    With a 单位 the match must agree on it; without one, a name shared by several people is
    ambiguous. Active people are preferred over deactivated ones of the same name. `index`:
    index_people(people), when many lines are matched against the same people.
    """
    name = clean_name(name)
    if not name:
        return None, f"第 {line} 行：姓名为空"
    key = name_key(name)  # 阿依古丽买买提 in a file is 阿依古丽·买买提 of the roster
    same = list(index.get(key, ())) if index is not None else [p for p in people if name_key(p.name) == key]
    if unit:
        hits = [p for p in same if p.unit == unit] or [p for p in same if unit in p.unit or (p.unit and p.unit in unit)]
        if not hits:
            if same:
                units = "、".join(p.unit or "未填单位" for p in same)
                return None, f"第 {line} 行：名册中没有单位为“{unit}”的“{name}”（名册中的“{name}”在：{units}）"
            return None, f"第 {line} 行：名册中没有“{name}”，请先在名册中添加"
    else:
        hits = same
        if not hits:
            return None, f"第 {line} 行：名册中没有“{name}”，请先在名册中添加"
    if len(hits) > 1:
        active = [p for p in hits if p.active]
        if len(active) == 1:
            return active[0].id, None
        units = "、".join(p.unit or "未填单位" for p in hits)
        return None, (
            f"第 {line} 行：名册中有 {len(hits)} 个“{name}”（{units}），无法确定是哪一位；"
            "请在文件中加上“单位”列区分"
        )
    return hits[0].id, None


@dataclass(frozen=True)
class AttendanceLine:
    line: int
    person_id: int
    status: str
    reason: str = ""
    hours: float | None = None


@dataclass(frozen=True)
class ScoreLine:
    line: int
    person_id: int
    score: float | None  # None: 缺考
    note: str = ""


def parse_attendance(table: Table, people: Sequence[Candidate]) -> tuple[list[AttendanceLine], list[str]]:
    """Lines of an attendance sheet matched to the roster, and every problem found (Chinese)."""
    lines: list[AttendanceLine] = []
    errors: list[str] = []
    seen: dict[int, int] = {}
    index = index_people(people)
    for raw, line in zip(table.rows, table.lines, strict=False):
        pid, problem = resolve(raw.get("name", ""), raw.get("unit", ""), people, line, index=index)
        status_text = raw.get("status", "").strip()
        status = status_of(status_text)
        if problem:
            errors.append(problem)
        if status is None:
            errors.append(
                f"第 {line} 行：状态“{status_text}”无效，应为 出席、请假、缺席 或 迟到"
                if status_text else f"第 {line} 行：状态为空，应为 出席、请假、缺席 或 迟到"
            )
        hours = None
        hours_text = raw.get("hours", "").strip()
        if hours_text:
            hours = _number(hours_text)
            if hours is None or hours < 0:
                errors.append(f"第 {line} 行：学时“{hours_text}”不是有效的数字")
        if pid is None or status is None or (hours_text and (hours is None or hours < 0)):
            continue
        if pid in seen:
            errors.append(f"第 {line} 行：与第 {seen[pid]} 行是同一人（{clean_name(raw.get('name', ''))}）")
            continue
        seen[pid] = line
        lines.append(AttendanceLine(line, pid, status, raw.get("reason", "").strip(), hours))
    return lines, errors


def parse_scores(
    table: Table, people: Sequence[Candidate], full_marks: float = 100
) -> tuple[list[ScoreLine], list[str]]:
    """Lines of a score sheet matched to the roster; blank or 缺考 is an absent score."""
    lines: list[ScoreLine] = []
    errors: list[str] = []
    seen: dict[int, int] = {}
    index = index_people(people)
    for raw, line in zip(table.rows, table.lines, strict=False):
        pid, problem = resolve(raw.get("name", ""), raw.get("unit", ""), people, line, index=index)
        if problem:
            errors.append(problem)
        text = raw.get("score", "").strip()
        score: float | None = None
        bad = False
        if text and text not in ABSENT_SCORE_WORDS:
            score = _number(text.removesuffix("分"))
            if score is None:
                errors.append(f"第 {line} 行：得分“{text}”不是数字（缺考请填“缺考”或留空）")
                bad = True
            elif score < 0 or score > full_marks + 1e-9:
                errors.append(f"第 {line} 行：得分 {text} 超出范围（0～{full_marks:g} 分）")
                bad = True
        if pid is None or bad:
            continue
        if pid in seen:
            errors.append(f"第 {line} 行：与第 {seen[pid]} 行是同一人（{clean_name(raw.get('name', ''))}）")
            continue
        seen[pid] = line
        lines.append(ScoreLine(line, pid, score, raw.get("note", "").strip()))
    return lines, errors
