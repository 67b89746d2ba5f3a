"""The records command line: roster, sessions --json, attendance, scores, print, hours."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.conftest import assert_bad_input, run
from tests.conftest import copy_database

ROSTER = """姓名,单位,职务,排序号
王德伦,乡党委,党委书记,1
陈志强,乡人民政府,乡长,2
张国华,乡人民政府,副乡长,3
李红梅,乡党委,党委副书记,4
王伟,乡党委,组织干事,5
王伟,财政所,会计,6
丁一,党政办公室,干事,7
"""



def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
                         capture_output=True, check=True).stdout.decode("utf-8")
    return out


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def data(tmp_path: Path, seeded_template: Path) -> Path:
    """A data folder with the seed document (session 1: 2015-04-15, 集中学习)."""
    folder = tmp_path / "data"
    folder.mkdir()
    copy_database(seeded_template, folder)
    return folder


@pytest.fixture
def with_roster(capsys, data: Path, tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER, encoding="utf-8")
    code, out, err = run(capsys, "roster", "import", str(path), "--data", str(data))
    assert code == 0, err
    assert "新增 7 人" in out
    return data


def seed_session(capsys, data: Path) -> int:
    code, out, _ = run(capsys, "sessions", "--json", "--data", str(data))
    assert code == 0
    [s] = json.loads(out)
    return s["id"]


def test_sessions_json_shape_on_the_seed(capsys, data: Path) -> None:
    code, out, err = run(capsys, "sessions", "--json", "--data", str(data))
    assert code == 0 and err == ""
    listed = json.loads(out)
    assert listed == [{"id": listed[0]["id"], "date": "2015-04-15", "mode": "集中学习",
                       "place": "乡政府二楼会议室", "leader": "王德伦", "expected": 0, "present": 0}]


def test_roster_import_errors_store_nothing(capsys, data: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("姓名,单位\n王德伦,乡党委\n,财政所\n王德伦,乡党委\n", encoding="utf-8")
    code, out, err = run(capsys, "roster", "import", str(path), "--data", str(data))
    assert_bad_input(code, out, err)
    assert "第 3 行：姓名为空" in err and "第 4 行：与第 2 行重复" in err
    code, out, _ = run(capsys, "roster", "list", "--json", "--data", str(data))
    assert json.loads(out) == []


@pytest.mark.parametrize(("name", "content"), [("x.xlsx", b"PK\x03\x04broken"), ("e.csv", b""),
                                              ("w.csv", "电话,地址\n1,2\n".encode())])
def test_roster_import_broken_files(capsys, data: Path, tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert_bad_input(*run(capsys, "roster", "import", str(path), "--data", str(data)))


def test_attendance_all_or_nothing_then_counts(capsys, with_roster: Path, tmp_path: Path) -> None:
    data = with_roster
    sid = seed_session(capsys, data)
    bad = tmp_path / "bad.csv"
    bad.write_text("姓名,状态,原因\n王德伦,出席,\n王伟,出席,\n赵六,缺席,\n", encoding="utf-8")
    code, out, err = run(capsys, "attendance", str(sid), str(bad), "--data", str(data))
    assert_bad_input(code, out, err)
    assert "第 3 行" in err and "2 个“王伟”" in err and "第 4 行" in err and "赵六" in err
    assert seed_session(capsys, data) == sid
    _, out, _ = run(capsys, "sessions", "--json", "--data", str(data))
    assert json.loads(out)[0]["expected"] == 0

    good = tmp_path / "good.csv"
    good.write_text(
        "姓名,单位,状态,原因\n王德伦,,出席,\n陈志强,,请假,下村入户\n张国华,,出席,\n李红梅,,迟到,\n"
        "王伟,乡党委,出席,\n王伟,财政所,缺席,\n丁一,,出席,\n", encoding="utf-8")
    code, out, err = run(capsys, "attendance", str(sid), str(good), "--data", str(data))
    assert code == 0, err
    _, out, _ = run(capsys, "sessions", "--json", "--data", str(data))
    s = json.loads(out)[0]
    assert (s["expected"], s["present"]) == (7, 5)


def test_scores_import_and_bad_session(capsys, with_roster: Path, tmp_path: Path) -> None:
    data = with_roster
    sid = seed_session(capsys, data)
    path = tmp_path / "s.csv"
    path.write_text("姓名,单位,得分\n王德伦,,95\n陈志强,,缺考\n王伟,财政所,70\n", encoding="utf-8")
    code, out, err = run(capsys, "scores", str(sid), str(path), "--data", str(data))
    assert code == 0, err
    assert "实考 2 人" in out and "平均分 82.5" in out
    bad = tmp_path / "b.csv"
    bad.write_text("姓名,得分\n王德伦,九十\n", encoding="utf-8")
    assert_bad_input(*run(capsys, "scores", str(sid), str(bad), "--data", str(data)))
    assert_bad_input(*run(capsys, "scores", "999", str(path), "--data", str(data)))
    assert_bad_input(*run(capsys, "scores", "abc", str(path), "--data", str(data)))


def test_print_forms_hold_names_fields_counts_and_pages(capsys, with_roster: Path, tmp_path: Path) -> None:
    data = with_roster
    sid = seed_session(capsys, data)
    att = tmp_path / "a.csv"
    att.write_text("姓名,单位,状态,原因\n王德伦,,出席,\n陈志强,,请假,下村入户\n张国华,,出席,\n"
                   "李红梅,,出席,\n王伟,乡党委,出席,\n王伟,财政所,出席,\n丁一,,出席,\n", encoding="utf-8")
    assert run(capsys, "attendance", str(sid), str(att), "--data", str(data))[0] == 0
    sc = tmp_path / "s.csv"
    sc.write_text("姓名,单位,得分\n王德伦,,95\n张国华,,88\n王伟,乡党委,70\n王伟,财政所,60\n", encoding="utf-8")
    assert run(capsys, "scores", str(sid), str(sc), "--data", str(data))[0] == 0

    signin = tmp_path / "signin.pdf"
    code, _, err = run(capsys, "print", "signin", str(sid), "-o", str(signin), "--order", "strokes",
                       "--data", str(data))
    assert code == 0, err
    text = squeeze(pdf_text(signin))
    for needed in ("签到表", "2015年4月15日", "乡政府二楼会议室", "领学人：王德伦", "应到7人", "第1页共1页"):
        assert needed in text, needed
    # 按姓氏笔画: 丁(2) 王(4: 王伟 before 王德伦) 李(7, 横) 张(7, 折) 陈(7) — as printed
    table = text[text.index("序号姓名"):]
    order = [table.index(n) for n in ("丁一", "王伟", "王德伦", "李红梅", "张国华", "陈志强")]
    assert order == sorted(order)

    record = tmp_path / "record.pdf"
    assert run(capsys, "print", "record", str(sid), "-o", str(record), "--data", str(data))[0] == 0
    text = squeeze(pdf_text(record))
    for needed in ("学习记录", "集中学习", "乡政府二楼会议室", "王德伦", "应到7人，实到6人",
                   "陈志强（请假：下村入户）", "中共遵义市委关于全面推进依法治市的实施意见", "实考4人",
                   "第1页共1页"):
        assert needed in text, needed

    sheet = tmp_path / "scores.pdf"
    assert run(capsys, "print", "scores", str(sid), "-o", str(sheet), "--data", str(data))[0] == 0
    text = squeeze(pdf_text(sheet))
    for needed in ("成绩登记表", "王德伦", "95", "应考", "实考", "平均分", "78.3", "及格率", "100%", "第1页共1页"):
        assert needed in text, needed
    # roster order by default: 王德伦 (1) before 张国华 (3)
    table = text[text.index("序号姓名"):]
    assert table.index("王德伦") < table.index("张国华")


def test_print_unknown_session_and_bad_order(capsys, data: Path, tmp_path: Path) -> None:
    out_pdf = tmp_path / "x.pdf"
    assert_bad_input(*run(capsys, "print", "signin", "42", "-o", str(out_pdf), "--data", str(data)))
    assert_bad_input(*run(capsys, "print", "signin", "1", "-o", str(out_pdf), "--order", "age",
                          "--data", str(data)))
    assert not out_pdf.exists()


def test_hours_command(capsys, with_roster: Path, tmp_path: Path) -> None:
    data = with_roster
    sid = seed_session(capsys, data)
    att = tmp_path / "a.csv"
    att.write_text("姓名,状态\n王德伦,出席\n陈志强,请假\n", encoding="utf-8")
    run(capsys, "attendance", str(sid), str(att), "--data", str(data))
    code, out, _ = run(capsys, "hours", "2015", "--target", "1", "--json", "--data", str(data))
    assert code == 0
    book = json.loads(out)
    got = {p["name"]: p for p in book["people"]}
    assert got["王德伦"]["hours"] == 1 and got["王德伦"]["short"] == 0
    assert got["陈志强"]["hours"] == 0 and got["陈志强"]["short"] == 1


def test_a_missing_bundled_file_is_named_in_chinese(capsys, with_roster: Path, tmp_path: Path,
                                                    monkeypatch) -> None:
    """An incomplete installation (resources/ lost on copying): the font and the stroke table
    are named, the user is told to reinstall; exit 2, no English strerror, no 「。。」."""
    from reportlab.pdfbase import pdfmetrics

    from studyapp import paths
    from studyapp.core import names

    monkeypatch.setattr(paths, "_share_root", lambda: tmp_path / "nowhere")
    names._table.cache_clear()
    monkeypatch.setattr(pdfmetrics, "getRegisteredFontNames", lambda: [])  # as in a fresh process
    code, out, err = run(capsys, "--data", str(with_roster), "print", "signin", "1", "-o", str(tmp_path / "s.pdf"),
                         "--order", "strokes")
    assert_bad_input(code, out, err)
    assert "重新安装" in err and "。。" not in err and "No such file" not in err
    names._table.cache_clear()
