"""Ordering name lists the way an office prints them: roster order, 按姓氏笔画, or by pinyin.

Offices print sign-in sheets and score lists "按姓氏笔画排序" so that nobody's place implies rank.
The rule (GB13000.1 字符集汉字笔顺规范, as used by 人大/政协 name lists): compare the surname's
first character by total stroke count, then stroke by stroke by shape in the order 横(一) 竖(丨)
撇(丿) 点(丶) 折(乙); equal characters pass on to the next character of the surname, then to the
given name. A compound surname (欧阳, 司马 …) is the whole surname, so every 欧 comes before every
欧阳 whatever their given names.

Character data comes from resources/data/hanzi.tsv (Unihan + cnchar, permissive licences; see the
README there). Pure Python, no Qt, no SQL.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from studyapp import paths

log = logging.getLogger("studyapp.core")

__all__ = [
    "COMPOUND_SURNAMES",
    "NameOrder",
    "Person",
    "clean_name",
    "name_key",
    "order_people",
    "pinyin_key",
    "split_name",
    "stroke_key",
    "strokes_of",
]


@dataclass(frozen=True)
class Person:
    """A person as name lists need them. `sort_key` is the roster's own order (排序号)."""

    name: str
    unit: str = ""
    post: str = ""
    sort_key: float = 0


class NameOrder(str, Enum):  # noqa: UP042 - the str mix-in is what the CLI and settings compare
    """The three orders an office chooses from; values are the CLI's `--order` words."""

    ROSTER = "roster"
    STROKES = "strokes"
    PINYIN = "pinyin"

    @property
    def label(self) -> str:
        return {"roster": "按名册顺序", "strokes": "按姓氏笔画", "pinyin": "按姓氏拼音"}[self.value]


# Two-character surnames that are read as one surname. Only real compound surnames: a common
# single surname followed by a common given-name character (e.g. 王子) must not be caught, which
# is why the list is closed rather than guessed.
COMPOUND_SURNAMES: frozenset[str] = frozenset(
    """欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 南宫 西门
    独孤 呼延 钟离 闻人 公冶 太史 申屠 澹台 濮阳 宗政 单于 仲孙 万俟 司空 亓官 司寇 东郭 百里
    第五 左丘 梁丘 拓跋 赫连 乐正 谷梁 羊舌 微生 公良 段干 东门 公西 巫马 漆雕 子车 颛孙 壤驷
    公羊 夹谷 宰父 鲜于 闾丘 淳于 完颜 呼衍 纳兰 贺兰""".split()
)

# Surname readings that differ from the character's most common reading (单 shàn, not dān).
_SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "单": ("shan4",), "曾": ("zeng1",), "解": ("xie4",), "仇": ("qiu2",), "朴": ("piao2",),
    "查": ("zha1",), "区": ("ou1",), "乐": ("yue4",), "缪": ("miao4",), "覃": ("qin2",),
    "盖": ("ge3",), "种": ("chong2",), "翟": ("zhai2",), "召": ("shao4",), "折": ("she2",),
    "员": ("yun4",), "繁": ("po2",), "隗": ("wei3",), "句": ("gou1",), "黑": ("he4",),
    "秘": ("bi4",), "华": ("hua4",), "任": ("ren2",), "纪": ("ji3",), "燕": ("yan1",),
    "葛": ("ge3",), "应": ("ying1",), "过": ("guo1",), "宿": ("su4",), "洗": ("xian3",),
    "能": ("nai4",), "那": ("na1",), "谌": ("chen2",), "重": ("chong2",), "藏": ("zang4",),
    "尉迟": ("yu4", "chi2"), "万俟": ("mo4", "qi2"), "单于": ("chan2", "yu2"),
    "长孙": ("zhang3", "sun1"), "令狐": ("ling2", "hu2"), "乐正": ("yue4", "zheng4"),
}

_SPACES = re.compile(r"[\s\u3000·•．.]+")
_DATA_FILE = "hanzi.tsv"
_UNKNOWN = 9  # shape digit for "shapes unknown": sorts after 折 (5)


@functools.cache
def _table() -> dict[str, tuple[int, tuple[int, ...], str]]:
    """char -> (strokes, shapes, pinyin); loaded once, lazily, from the bundled table."""
    path = paths.require(paths.resources_dir() / "data" / _DATA_FILE, "汉字笔画表")
    table: dict[str, tuple[int, tuple[int, ...], str]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            ch, total, shapes, reading = line.rstrip("\n").split("\t")
            table[ch] = (int(total), tuple(int(d) for d in shapes), reading)
    log.debug("loaded %d characters from %s", len(table), path)
    return table


# the dot between the parts of a minority or foreign name, in every code point offices type it
_NAME_DOTS = "·•．.・‧･"
_DOT_RUN = re.compile(rf"[\s\u3000]*[{re.escape(_NAME_DOTS)}]+[\s\u3000]*")
_PADDING = re.compile(r"[\s\u3000]+")


def clean_name(name: str) -> str:
    """A name as its owner writes it: the padding offices put in two-character names dropped
    (王　伟 → 王伟), the middle dot of 阿依古丽·买买提 kept, whatever code point was typed (•．・
    → U+00B7), never doubled or at either end."""
    s = _DOT_RUN.sub("·", (name or "").strip())
    s = _PADDING.sub("", s)
    return s.strip("·")


def name_key(name: str) -> str:
    """A name folded for matching only: no spaces, no dots (阿依古丽买买提 finds 阿依古丽·买买提)."""
    return _SPACES.sub("", name or "")


def split_name(name: str) -> tuple[str, str]:
    """(surname, given name); a known compound surname is kept whole."""
    name = clean_name(name)
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def strokes_of(ch: str) -> tuple[int, tuple[int, ...]]:
    """(stroke count, shapes 1..5) of one character; shapes empty when the data lacks them."""
    entry = _table().get(ch)
    if entry is None:
        return 0, ()
    return entry[0], entry[1]


def _char_stroke_key(ch: str) -> tuple:
    entry = _table().get(ch)
    if entry is None:
        # Not a Chinese character (Latin letters in a minority name, digits): after all hanzi.
        return (1, 0, (), ord(ch))
    total, shapes, _ = entry
    return (0, total, shapes or (_UNKNOWN,), ord(ch))


def stroke_key(name: str) -> tuple:
    """Sort key for 按姓氏笔画: surname characters first, then the given name, each by the rule.

    Tuples compare element-wise and a shorter tuple sorts first, which is exactly "same first
    strokes, fewer strokes first" and "欧 before 欧阳".
    """
    surname, given = split_name(name)
    return (
        tuple(_char_stroke_key(c) for c in surname),
        tuple(_char_stroke_key(c) for c in given),
    )


def _char_pinyin_key(ch: str, reading: str | None = None) -> tuple:
    entry = _table().get(ch)
    if entry is None:
        return ("\uffff", 9, (1, 0, (), ord(ch)))
    reading = reading or entry[2]
    letters, tone = (reading[:-1], int(reading[-1])) if reading else ("\uffff", 9)
    # Same reading: by strokes, as dictionaries do (张 before 章).
    return (letters, tone, _char_stroke_key(ch))


def pinyin_key(name: str) -> tuple:
    """Sort key by pinyin: letters (ü after u), then tone, then strokes; surnames read as such."""
    surname, given = split_name(name)
    special = _SURNAME_READINGS.get(surname)
    if special is not None and len(special) == len(surname):
        skey = tuple(_char_pinyin_key(c, r) for c, r in zip(surname, special, strict=False))
    else:
        skey = tuple(_char_pinyin_key(c) for c in surname)
    return (skey, tuple(_char_pinyin_key(c) for c in given))


T = TypeVar("T")


def order_people(
    people: Iterable[T],
    order: NameOrder | str = NameOrder.ROSTER,
    *,
    name: Callable[[T], str] = lambda p: p.name,  # type: ignore[attr-defined]  # (the default: a roster row; callers pass their own for other rows)
    roster_key: Callable[[T], object] = lambda p: p.sort_key,  # type: ignore[attr-defined]  # (the default: a roster row; callers pass their own for other rows)
) -> list[T]:
    """Return the people in the office's chosen order (a new list; the input is untouched).

    Works on `Person` and on any object with `.name`/`.sort_key` (or pass accessors), so the
    services can order their own row types. Ties keep roster order, then input order, so two
    people with the same name stay in a stable, predictable place.
    """
    order = NameOrder(order)
    items: Sequence[T] = list(people)
    indexed = list(enumerate(items))

    def roster(pair: tuple[int, T]) -> tuple:
        return (roster_key(pair[1]), pair[0])

    if order is NameOrder.ROSTER:
        indexed.sort(key=roster)
    elif order is NameOrder.STROKES:
        indexed.sort(key=lambda pair: (stroke_key(name(pair[1])), roster(pair)))
    else:
        indexed.sort(key=lambda pair: (pinyin_key(name(pair[1])), roster(pair)))
    return [p for _, p in indexed]


# characters no form, screen or spreadsheet can show (BEL, ESC, NUL…): tab and line breaks aside
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def refuse_control(label: str, value: str | None) -> None:
    """Refuse, with a Chinese message naming the field, text holding control characters —
    they crash spreadsheets and print as nothing; found at the door, nothing is stored."""
    if value and CONTROL_CHARS.search(value):
        from studyapp.core.model import UserError

        raise UserError(f"{label}里有不能显示的控制字符（可能是从其他程序复制来的），请删去后重新输入。")


_ID = re.compile(r"[0-9]{1,9}")


def is_id(text: str) -> bool:
    """A record number as the user types it: ASCII digits, at most nine of them — never 「²」,
    「１２」 read as a number by str.isdigit(), nor 10^23 that overflows the database."""
    return bool(_ID.fullmatch((text or "").strip()))
