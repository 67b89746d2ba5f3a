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


def test_every_type_ignore_names_its_code_and_says_why() -> None:
    """`# type: ignore[code]  # (why)`: the checker is silenced on purpose, for a stated reason."""
    import re

    bare = []
    for path in sorted((ROOT / "studyapp").rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if "type: ignore" in line and not re.search(r"# type: ignore\[[a-z-]+(, ?[a-z-]+)*\]\s+#\s*\S", line):
                bare.append(f"{path.relative_to(ROOT)}:{n}")
    assert not bare, bare
