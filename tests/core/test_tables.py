"""CSV tables are read strictly: an unbalanced quote or an overlong field is a Chinese message
naming the line, quoted commas still work."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.core.model import UserError
from studyapp.core.tables import read_rows


def test_an_unbalanced_quote_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "名册.csv"
    path.write_text('姓名,单位\n王德伦,"乡党委\n李红梅,乡党委\n张国华,乡政府\n', encoding="utf-8")
    with pytest.raises(UserError, match="第 2 行的引号不成对"):
        read_rows(path)


def test_an_overlong_field_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "名册.csv"
    path.write_text('姓名,单位\n王德伦,"' + "长" * 140_000 + "\n", encoding="utf-8")
    with pytest.raises(UserError, match="第 2 行无法读取"):
        read_rows(path)


def test_quoted_commas_still_work(tmp_path: Path) -> None:
    path = tmp_path / "名册.csv"
    path.write_text('姓名,单位\n王德伦,"乡党委,办公室"\n', encoding="utf-8")
    assert read_rows(path)[1] == ["王德伦", "乡党委,办公室"]
