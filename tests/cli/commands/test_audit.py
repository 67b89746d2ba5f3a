"""`studyapp audit`: the 操作记录 of the command line's changes (as JSON, or one tab-separated line
each), filtered by kind, an empty log that says so, and a bad --limit refused in Chinese."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import assert_bad_input, run
from tests.conftest import copy_database


@pytest.fixture
def data(tmp_path: Path, seeded_template: Path) -> Path:
    """A data folder with the seed document and its study session, no change logged yet."""
    folder = tmp_path / "data"
    folder.mkdir()
    copy_database(seeded_template, folder)
    return folder


@pytest.fixture
def with_roster(capsys, data: Path, tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text("姓名,单位\n王德伦,乡党委\n陈志强,乡人民政府\n", encoding="utf-8")
    code, _, err = run(capsys, "roster", "import", str(path), "--data", str(data))
    assert code == 0, err
    return data


def seed_session(capsys, data: Path) -> int:
    code, out, err = run(capsys, "sessions", "--json", "--data", str(data))
    assert code == 0, err
    return json.loads(out)[0]["id"]


def test_audit_lists_the_changes_of_the_command_line(capsys, with_roster: Path, tmp_path: Path) -> None:
    sid = seed_session(capsys, with_roster)
    path = tmp_path / "成绩.csv"
    path.write_text("姓名,得分\n王德伦,86\n", encoding="utf-8")
    assert run(capsys, "--data", str(with_roster), "scores", str(sid), str(path))[0] == 0
    code, out, err = run(capsys, "--data", str(with_roster), "audit", "--area", "成绩", "--json")
    assert code == 0, err
    [entry] = json.loads(out)
    assert entry["actor"] == "命令行" and entry["new"] == "86 分" and "王德伦" in entry["target"]
    code, out, err = run(capsys, "--data", str(with_roster), "audit", "--limit", "0")
    assert_bad_input(code, out, err)


def test_one_line_per_change_newest_first(capsys, with_roster: Path, tmp_path: Path) -> None:
    path = tmp_path / "成绩.csv"
    path.write_text("姓名,得分\n陈志强,92\n", encoding="utf-8")
    assert run(capsys, "--data", str(with_roster), "scores", str(seed_session(capsys, with_roster)), str(path))[0] == 0
    code, out, err = run(capsys, "--data", str(with_roster), "audit")
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 2 and all(line.count("\t") == 5 for line in lines)
    assert "\t命令行\t成绩\t" in lines[0] and "陈志强" in lines[0] and "92 分" in lines[0]
    assert "\t命令行\t名册\t导入（roster.csv）\t" in lines[1] and "新增 2 人" in lines[1]
    code, out, _ = run(capsys, "--data", str(with_roster), "audit", "--limit", "1")
    assert code == 0 and out.strip().splitlines() == lines[:1]
    code, out, _ = run(capsys, "--data", str(with_roster), "audit", "--area", "题库")
    assert code == 0 and out.strip() == "还没有操作记录。"


def test_an_unknown_kind_is_refused(capsys, data: Path) -> None:
    assert_bad_input(*run(capsys, "--data", str(data), "audit", "--area", "财务"))
