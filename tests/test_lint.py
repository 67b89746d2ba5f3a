"""The house's lint runs with the tests: ruff (pyflakes, import order, bugbear, pyupgrade), as
configured in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_finds_nothing() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is part of the test extras (pip install -e '.[test]')"
    out = subprocess.run([ruff, "check", "--output-format", "concise", "studyapp", "tests", "scripts"],
                         cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_finds_nothing() -> None:
    """The type checker over the package as pyproject.toml configures it ([tool.mypy])."""
    mypy = shutil.which("mypy", path=str(Path(sys.executable).parent)) or shutil.which("mypy")
    assert mypy, "mypy is part of the test extras (pip install -e '.[test]')"
    out = subprocess.run([mypy, "--no-error-summary"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
