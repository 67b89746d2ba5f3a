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


# Modules without a test file at the mirrored path, each with the reason. The list may only shrink:
# a new module without tests/<path>/test_<name>.py fails below, and so does an entry whose mirrored
# test file has since been written (take it off the list).
NOT_MIRRORED = {
    "db/migrations/env.py": "(Alembic's env: run by tests/db/test_migrate.py)",
    "db/migrations/versions/0001_initial.py": "(a migration: run up and down by tests/db/test_migrate.py)",
    "db/migrations/versions/0002_question_bank.py": "(a migration: run up and down by tests/db/test_migrate.py)",
    "db/migrations/versions/0003_records.py": "(a migration: run up and down by tests/db/test_migrate.py)",
    "db/migrations/versions/0004_self_study.py": "(a migration: run up and down by tests/db/test_migrate.py)",
    "db/migrations/versions/0005_room.py": "(a migration: run up and down by tests/db/test_migrate.py)",
    "db/migrations/versions/0006_audit.py": "(a migration: run up and down by tests/db/test_migrate.py)",
    "db/migrations/versions/0007_versions.py": "(a migration: run up and down by tests/db/test_migrate.py)",
    "db/migrations/versions/0008_question_version.py": "(a migration: run up and down by tests/db/test_migrate.py)",
    "db/migrations/versions/0009_session_date_index.py": "(a migration: run up and down by tests/db/test_migrate.py)",
    "db/migrations/versions/0010_record_versions.py": "(a migration: run up and down by tests/db/test_migrate.py)",
    "db/migrations/versions/0011_attendance_counts_index.py": "(a migration: run up and down by tests/db/test_migrate.py)",
    "db/migrations/versions/0012_document_note_versions.py": "(a migration: run up and down by tests/db/test_migrate.py)",
    "db/migrations/versions/0013_attendance_covering_index.py": "(a migration: run up and down by tests/db/test_migrate.py)",
}


def test_tests_mirror_the_package() -> None:
    """studyapp/X/Y/z.py is tested in tests/X/Y/test_z.py; the modules that are not say why above."""
    package = ROOT / "studyapp"
    missing = set()
    for path in package.rglob("*.py"):
        if path.name in ("__init__.py", "__main__.py"):
            continue
        rel = path.relative_to(package)
        if not (ROOT / "tests" / rel.parent / f"test_{rel.name}").is_file():
            missing.add(rel.as_posix())
    assert not missing - NOT_MIRRORED.keys(), f"new modules without a test file at the mirrored path: {sorted(missing - NOT_MIRRORED.keys())}"
    assert not NOT_MIRRORED.keys() - missing, f"these now have a mirrored test: take them off NOT_MIRRORED: {sorted(NOT_MIRRORED.keys() - missing)}"
    assert all(reason.startswith("(") and reason.endswith(")") for reason in NOT_MIRRORED.values())
