"""Roster cells: numbers are read the way offices type them, anything else is refused."""

from __future__ import annotations

import pytest

from studyapp.core.roster import _number


@pytest.mark.parametrize("text,value", [("85", 85.0), ("85.5", 85.5), ("８５", 85.0), ("85。5", 85.5),
                                        (" 100 ", 100.0), ("-0", 0.0)])
def test_numbers_as_offices_type_them(text: str, value: float) -> None:
    assert _number(text) == value


@pytest.mark.parametrize("text", ["1,000", "1，000", "nan", "inf", "1e400", "85分", "", "八十五", "0x10"])
def test_numbers_that_are_not_are_refused(text: str) -> None:
    assert _number(text) is None  # 「1,000」 was stored as 1
