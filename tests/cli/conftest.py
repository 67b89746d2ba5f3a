"""Helpers of the CLI tests: run the CLI in-process, and what a refused input must look like
(exit code 2, a Chinese message on stderr, never a traceback)."""

from __future__ import annotations

import pytest

from studyapp.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def seed_copy(seed_path, tmp_path):
    """The seed's text changed by one word: a document the data folder does not
    hold yet (every folder gets the seed itself on first use), with the seed's session header."""
    text = seed_path.read_text(encoding="utf-8")
    copy = text.replace("坚持", "始终坚持", 1)
    assert copy != text
    path = tmp_path / "实施意见（学习用）.txt"
    path.write_text(copy, encoding="utf-8")
    return path


def assert_bad_input(code: int, out: str, err: str) -> None:
    assert code == 2
    assert "Traceback" not in err and "Traceback" not in out
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err), err
