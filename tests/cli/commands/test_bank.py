"""`studyapp bank list|approve|retire DOCUMENT [QUESTION …]`: review from the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from studyapp.services import bank
from studyapp.services.context import AppContext
from tests.cli.conftest import assert_bad_input, run


@pytest.fixture
def data(capsys, tmp_path: Path) -> str:  # noqa: ANN001
    """A data folder whose first use imported the seed (document 1) with its shipped bank, set
    back to 待审核 drafts, so the counts do not move with the generator."""
    folder = str(tmp_path / "data")
    assert run(capsys, "--data", folder, "sessions")[0] == 0  # first use: the seed and its bank
    ctx = AppContext(Path(folder))
    try:
        assert bank.list_questions(ctx, 1)
        with ctx.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE question SET status = 'draft', reviewed_at = NULL")
    finally:
        ctx.close()
    return folder


def _pending(data: str) -> list[int]:
    ctx = AppContext(Path(data))
    try:
        return [v.id for v in bank.list_questions(ctx, 1, status="draft")]
    finally:
        ctx.close()


def _status(data: str, qid: int) -> str:
    ctx = AppContext(Path(data))
    try:
        return bank.get_question(ctx, qid).status
    finally:
        ctx.close()


def test_generate_reports_what_there_is_to_review(capsys, seed_copy: Path, tmp_path: Path) -> None:  # noqa: ANN001
    folder = str(tmp_path / "data")
    assert run(capsys, "--data", folder, "import", str(seed_copy))[0] == 0  # a new document: 2
    code, out, err = run(capsys, "--data", folder, "bank", "generate", "2")
    assert code == 0 and err == ""
    first = out.splitlines()[0]
    assert re.fullmatch(r"已生成 \d+ 道，待审核。", first), first
    assert "舍弃" not in out and "校验未通过" not in out


def test_list_shows_numbers_and_statuses(capsys, data: str) -> None:  # noqa: ANN001
    pending = _pending(data)
    code, out, _ = run(capsys, "--data", data, "bank", "list", "遵义", "--status", "待审核")
    assert code == 0
    assert f"待审核 {len(pending)} 道" in out.splitlines()[0]
    assert re.search(rf"^\s*{pending[0]}\s+待审核\s+", out, re.M)
    code, out, _ = run(capsys, "--data", data, "bank", "list", "1", "--json")
    rows = json.loads(out)
    assert {r["number"] for r in rows} >= set(pending) and rows[0]["status"] == "draft"


def test_approve_named_questions_then_all_pending(capsys, data: str) -> None:  # noqa: ANN001
    pending = _pending(data)
    total = len(pending)
    code, out, err = run(capsys, "--data", data, "bank", "approve", "1", str(pending[0]), str(pending[1]))
    assert code == 0, err
    assert out.strip() == f"已通过 2 道，仍有 {total - 2} 道待审核。"
    assert _status(data, pending[0]) == "approved"
    code, out, err = run(capsys, "--data", data, "bank", "approve", "遵义")
    assert code == 0, err
    assert out.strip() == f"已通过 {total - 2} 道，待审核的试题已全部处理完。"
    assert _pending(data) == []


def test_retire_named_questions_and_all_only_with_all(capsys, data: str) -> None:  # noqa: ANN001
    pending = _pending(data)
    total = len(pending)
    code, out, err = run(capsys, "--data", data, "bank", "retire", "1", str(pending[0]))
    assert code == 0, err
    assert out.strip() == f"已停用 1 道，仍有 {total - 1} 道待审核。"
    assert _status(data, pending[0]) == "retired"
    # without numbers, retiring needs an explicit --all
    code, out, err = run(capsys, "--data", data, "bank", "retire", "1")
    assert_bad_input(code, out, err)
    assert "--all" in err and out == ""
    assert len(_pending(data)) == total - 1
    assert_bad_input(*run(capsys, "--data", data, "bank", "retire", "1", str(pending[1]), "--all"))
    code, out, err = run(capsys, "--data", data, "bank", "retire", "1", "--all")
    assert code == 0, err
    assert out.strip() == f"已停用 {total - 1} 道，待审核的试题已全部处理完。"


def test_bad_input_exits_2_in_chinese_and_changes_nothing(capsys, data: str) -> None:  # noqa: ANN001
    pending = _pending(data)
    # unknown document, by number and by title
    for command in ("approve", "retire"):
        code, out, err = run(capsys, "--data", data, "bank", command, "42", str(pending[0]))
        assert_bad_input(code, out, err)
        assert "找不到编号为 42 的文件" in err
    assert_bad_input(*run(capsys, "--data", data, "bank", "approve", "不存在的标题"))
    # unknown question: nothing is changed, not even the good numbers beside it
    code, out, err = run(capsys, "--data", data, "bank", "approve", "1", str(pending[0]), "999999")
    assert_bad_input(code, out, err)
    assert "没有编号为“999999”的试题" in err
    code, out, err = run(capsys, "--data", data, "bank", "retire", "1", "abc")
    assert_bad_input(code, out, err)
    assert _status(data, pending[0]) == "draft" and len(_pending(data)) == len(pending)
    assert_bad_input(*run(capsys, "--data", data, "bank", "list", "1", "--status", "全部"))
