"""Helpers of the CLI tests: run the CLI in-process, and what a refused input must look like
(exit code 2, a Chinese message on stderr, never a traceback)."""

from __future__ import annotations

import pytest

from studyapp.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_bad_input(code: int, out: str, err: str) -> None:
    assert code == 2
    assert "Traceback" not in err and "Traceback" not in out
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err), err
