"""Dates as Chinese documents write them: 2015.4.15, 2015年4月15日, 2015-04-15, 2015/4/15."""

from __future__ import annotations

import re
from datetime import date

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}

_NUMERIC = re.compile(r"(\d{4})\s*[.．/\-－年]\s*(\d{1,2})\s*[.．/\-－月]\s*(\d{1,2})\s*日?")
_CN = re.compile(r"([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")


def _cn_small(s: str) -> int:
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_DIGITS[s[1]]
    if s.endswith("十"):
        return _CN_DIGITS[s[0]] * 10
    if "十" in s:
        a, b = s.split("十")
        return _CN_DIGITS[a] * 10 + _CN_DIGITS[b]
    return _CN_DIGITS[s]


def parse_date(text: str) -> date | None:
    """The first valid date written in `text`, or None."""
    for m in _NUMERIC.finditer(text):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    for m in _CN.finditer(text):
        try:
            year = int("".join(str(_CN_DIGITS[c]) for c in m.group(1)))
            return date(year, _cn_small(m.group(2)), _cn_small(m.group(3)))
        except (ValueError, KeyError):
            continue
    return None
