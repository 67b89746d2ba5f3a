"""Every setting of studyapp, declared in one place (name, type, default, meaning).

Values are stored per data folder by `studyapp.services.settings`; nothing else invents keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    description: str  # Chinese: shown in the settings screen
    group: str = ""   # the feature that reads it, as a settings screen groups them (filled below)
    low: float | None = None   # the range a value must lie in (numbers)
    high: float | None = None
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, what the settings screen says)
    shown: bool = True  # False: kept by the program itself (where the reader was), not a setting to edit


def _group(title: str, options: list[Option]) -> list[Option]:
    return [Option(o.name, o.type, o.default, o.description, title, o.low, o.high, o.choices, o.shown)
            for o in options]


def _kept(name: str, kind: type, default: Any, description: str) -> Option:
    """What the program remembers for itself (not shown in 设置)."""
    return Option(name, kind, default, description, shown=False)


# grouped by the feature that reads them, in the order a settings screen shows them
_GROUPS: list[Option] = [
    *_group("阅读", [
        Option("reader.font_size", int, 20, "阅读区字号（磅）", low=10, high=48),
        Option("reader.read_after_seconds", int, 8, "章节显示多少秒后记为已读", low=0, high=3600),
        _kept("reader.last_document", int, 0, "上次阅读的文件"),
        _kept("reader.last_section", int, 0, "上次阅读的章节"),
        _kept("window.geometry", str, "", "主窗口位置和大小"),
        _kept("window.state", str, "", "主窗口工具栏和停靠窗状态"),
        _kept("window.splitter", str, "", "目录与阅读区的分隔位置"),
    ]),
    *_group("单位与打印", [
        Option("org.unit_name", str, "", "单位名称（打印表头）"),
        _kept("org.unit_asked", bool, False, "是否已询问过单位名称"),
        Option("records.print_order", str, "roster", "名单排列顺序",
               choices=(("roster", "按名册顺序"), ("strokes", "按姓氏笔画"), ("pinyin", "按姓氏拼音"))),
        Option("records.show_rank", bool, True, "成绩登记表显示名次"),
        Option("records.pass_ratio", float, 0.6, "及格线（占满分的比例）", low=0.1, high=1.0),
        Option("records.excellent_ratio", float, 0.85, "优秀线（占满分的比例）", low=0.1, high=1.0),
        Option("paper.minutes", int, 60, "试卷答题时间（分钟）", low=5, high=300),
    ]),
    *_group("学时", [
        Option("hours.target_party_member", float, 32.0, "党员年度学时目标", low=0, high=1000),
        Option("hours.target_branch_secretary", float, 56.0, "支部书记、委员年度学时目标", low=0, high=1000),
        Option("hours.target_township_cadre", float, 90.0, "乡镇（街道）干部年度学时目标", low=0, high=1000),
        Option("hours.branch_study", float, 1.0, "支部学习每小时计学时", low=0, high=24),
        Option("hours.half_day_lecture", float, 4.0, "半天专题讲座计学时", low=0, high=24),
        Option("hours.full_day_training", float, 8.0, "全天培训计学时", low=0, high=24),
        Option("hours.ledger_target", float, 0.0, "学时台账的年度目标（0 表示使用党员年度学时目标）", low=0, high=1000),
    ]),
    *_group("练习与考试", [
        Option("quiz.multiple_rule", str, "all_or_nothing", "多选题评分",
               choices=(("all_or_nothing", "全部选对才得分"), ("partial", "少选得部分分，错选不得分"))),
        Option("quiz.partial_mode", str, "half", "少选得部分分时",
               choices=(("half", "得该题一半分"), ("proportional", "按选对的个数给分"))),
        Option("quiz.minutes", int, 30, "模拟考试默认时间（分钟）", low=1, high=300),
        Option("practice.count", int, 10, "每次练习的默认题数", low=1, high=100),
        Option("review.desired_retention", float, 0.9, "复习的目标记忆保持率（越高复习越频繁）", low=0.7, high=0.97),
        Option("study.mastery_min_answers", int, 3, "章节“已掌握”至少需要答过的题数", low=1, high=50),
        Option("study.mastery_ratio", float, 0.8, "章节“已掌握”所需的近期正确率", low=0.5, high=1.0),
        _kept("study.last_person", int, 0, "上次的学习者"),
        Option("study.remember_learner", bool, False, "个人电脑：启动时沿用上次的学习者"),
    ]),
    *_group("会议室", [
        Option("room.question_seconds", int, 30, "集体测验、知识竞赛每题的倒计时（秒）", low=5, high=600),
        Option("room.base_score", float, 100.0, "知识竞赛各队的基础分", low=0, high=10000),
        Option("room.section_record_seconds", int, 3, "集体领学中章节显示多少秒后记入学习内容", low=0, high=600),
    ]),
    *_group("数据", [
        Option("import.max_megabytes", int, 20, "导入文件大小上限（MB）", low=1, high=500),
        Option("backup.folder", str, "", "备份文件夹（留空：数据文件夹下的 backups）"),
    ]),
]

OPTIONS: dict[str, Option] = {o.name: o for o in _GROUPS}


def option(name: str) -> Option:
    try:
        return OPTIONS[name]
    except KeyError:
        raise KeyError(f"undeclared setting {name!r}: declare it in studyapp/config.py") from None
