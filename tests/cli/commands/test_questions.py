"""`studyapp questions FILE --json` (a contract other checks rely on) and `studyapp bank …`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from studyapp.core.questions.model import BLANK
from tests.cli.conftest import assert_bad_input, run

CONTRACT = {"id", "type", "stem", "options", "answer", "explanation", "source", "tags"}



def _cli(*argv: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "studyapp", *argv], capture_output=True,
                          env=env, timeout=120, check=False)


# ------------------------------------------------------------------------------ questions


LAW = Path(__file__).resolve().parents[2] / "data" / "documents" / "jiancha-fa-2018.txt"


def test_questions_json_contract_on_the_seed(capsys, seed_path: Path) -> None:
    for path in (seed_path, LAW):
        code, out, err = run(capsys, "questions", str(path), "--json")
        assert code == 0 and err == ""
        _check_contract(json.loads(out), out)
    assert {"single", "judge", "fill", "short"} <= {q["type"] for q in json.loads(out)}


def _check_contract(data, out: str) -> None:
    assert isinstance(data, list) and len(data) >= 5
    ids = [q["id"] for q in data]
    assert len(set(ids)) == len(ids)
    for q in data:
        assert set(q) == CONTRACT
        assert q["type"] in ("single", "multiple", "judge", "fill", "short")
        assert isinstance(q["stem"], str) and q["stem"]
        assert isinstance(q["options"], list) and all(isinstance(o, str) for o in q["options"])
        assert set(q["source"]) == {"section", "quote"} and q["source"]["quote"]
        assert all(isinstance(s, str) for s in q["source"]["section"]) and q["source"]["section"]
        assert isinstance(q["tags"], list) and q["tags"]
        answer = q["answer"]
        if q["type"] in ("single", "multiple"):
            assert all(isinstance(i, int) and 0 <= i < len(q["options"]) for i in answer)
            assert len(answer) == 1 if q["type"] == "single" else len(answer) >= 2
        elif q["type"] == "judge":
            assert isinstance(answer, bool) and q["options"] == []
        elif q["type"] == "fill":
            assert q["stem"].count(BLANK) == len(answer) >= 1
            assert all(isinstance(a, str) and a for a in answer)
        else:
            assert isinstance(answer, list) and all(isinstance(a, str) for a in answer)
    assert "\\u" not in out  # ensure_ascii=False: readable Chinese


def test_questions_are_deterministic_across_processes(seed_path: Path) -> None:
    first = _cli("questions", str(seed_path), "--json", "--seed", "7")
    second = _cli("questions", str(seed_path), "--json", "--seed", "7")
    assert first.returncode == 0, first.stderr.decode("utf-8")
    assert first.stdout == second.stdout
    assert json.loads(first.stdout.decode("utf-8"))


def test_questions_listing_is_grouped_by_section(capsys, seed_path: Path) -> None:
    code, out, _ = run(capsys, "questions", str(seed_path))
    assert code == 0
    assert out.startswith("共 ")
    assert "【二、加强宪法实施和监督,依法做好地方立法工作 " in out
    assert "答案：" in out


def test_questions_bad_input(capsys, tmp_path: Path) -> None:
    assert_bad_input(*run(capsys, "questions", str(tmp_path / "missing.txt"), "--json"))
    assert_bad_input(*run(capsys, "questions", str(tmp_path)))
    assert_bad_input(*run(capsys, "questions", str(tmp_path / "x.txt"), "--seed", "abc"))
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert_bad_input(*run(capsys, "questions", str(empty), "--json"))


def test_questions_needs_no_database(capsys, seed_path: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("STUDYAPP_DATA", str(tmp_path / "data"))
    code, _, _ = run(capsys, "questions", str(seed_path), "--json")
    assert code == 0 and not (tmp_path / "data").exists()


# ------------------------------------------------------------------------------ bank


def test_bank_generate_export_import(capsys, tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    code, out, _ = run(capsys, "--data", data, "bank", "generate", "1")  # the seed, from first use
    assert code == 0 and "生成" in out
    for name in ("bank.yaml", "bank.xlsx", "bank.gift", "bank.xml"):
        code, out, err = run(capsys, "bank", "export", "遵义", "-o", str(tmp_path / name),
                             "--data", data)
        assert code == 0, err
        assert (tmp_path / name).stat().st_size > 0
    ET.parse(tmp_path / "bank.xml")
    code, out, err = run(capsys, "--data", data, "bank", "import", "1", str(tmp_path / "bank.yaml"))
    assert code == 0 and "未变" in out
    code, out, err = run(capsys, "--data", data, "bank", "import", "1", str(tmp_path / "bank.xlsx"))
    assert code == 0 and "导入完成" in out


def test_bank_cli_errors(capsys, seed_path: Path, tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    run(capsys, "--data", data, "import", str(seed_path))
    assert_bad_input(*run(capsys, "--data", data, "bank", "export", "42", "-o", str(tmp_path / "x.yaml")))
    assert_bad_input(*run(capsys, "--data", data, "bank", "export", "1", "-o", str(tmp_path / "x.doc")))
    assert_bad_input(*run(capsys, "--data", data, "bank", "import", "不存在的标题", str(tmp_path / "x.yaml")))
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: studyapp-bank 1\nquestions:\n- type: single\n  stem: 哪个？\n"
                   "  options: [甲, 乙]\n  answer: C\n  tags: [要求]\n", encoding="utf-8")
    code, out, err = run(capsys, "--data", data, "bank", "import", "1", str(bad))
    assert_bad_input(code, out, err)
    assert "第 1 题（第 3 行）：答案“C”超出了选项范围。" in err
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    assert_bad_input(*run(capsys, "--data", data, "bank", "import", "1", str(broken)))
    assert_bad_input(*run(capsys, "--data", data, "bank"))
