"""A corpus of broken and hostile inputs for every importer (issue 11).

Each case runs the command line the way a user would, on a data folder holding the seed, a
roster and a study session. Every one must be refused with a Chinese message and exit code 2,
without a traceback — and the database must be exactly as it was: a digest of every table's
rows is taken before and after.
"""

from __future__ import annotations

import hashlib
import io
import random
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from studyapp.db.engine import DB_FILENAME

from .conftest import assert_bad_input, run

pytestmark = pytest.mark.sqlite_only  # (reads the SQLite file itself)

ROSTER = "姓名,单位\n王德伦,乡党委\n陈志强,乡人民政府\n张国华,乡人民政府\n"


def _xlsx(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


_RANDOM = random.Random(11).randbytes(4096)
_GOOD_XLSX = _xlsx([["姓名", "得分"], ["王德伦", 90]])
_OLE = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504  # an encrypted Office file or an old .xls/.doc

# (file name, bytes): inputs every table importer must refuse
TABLE_INPUTS: list[tuple[str, bytes]] = [
    ("空文件.csv", b""),
    ("只有空白.csv", b"  \r\n\t\r\n   \r\n"),
    ("随机字节.csv", _RANDOM),
    ("图片改名.csv", b"\x89PNG\r\n\x1a\n" + _RANDOM[:500]),
    ("坏的.xlsx", b"PK\x03\x04" + _RANDOM[:300]),
    ("截断的.xlsx", _GOOD_XLSX[: len(_GOOD_XLSX) // 2]),
    ("加密的.xlsx", _OLE),
    ("老格式.xls", _OLE),
    ("只有表头.csv", "姓名,单位,得分,状态\n".encode()),
    ("不认识的列.csv", "甲,乙,丙\n1,2,3\n".encode()),
    ("引号不配对.csv", '姓名,单位,得分,状态\n"王德伦,乡党委,90,出席\n陈志强,乡人民政府,80,出席\n'.encode()),
    ("超长字段.csv", ("姓名,单位,得分,状态\n王德伦," + "长" * 200_000 + ",90,出席\n").encode()),
    ("控制字符.csv", "姓名,单位,得分,状态\n王\x07德伦,乡\x1b党委,90,出席\n".encode()),
    ("空字符.csv", "姓名,单位,得分,状态\n王\x00德伦,乡党委,90,出席\n".encode()),
    ("UTF16乱码.csv", b"\xff\xfe" + _RANDOM[:600]),
    ("坏字节.csv", "姓名,单位,得分,状态\n王德伦,乡党委,90,出席\n".encode() + b"\xe7\x8e\n\xff\xfe\xfd,x,1,2\n"),
    ("xlsx里是压缩包.xlsx", _zip({"a.txt": b"hello"})),
]

ROSTER_ONLY: list[tuple[str, bytes]] = [
    ("名字过长.csv", ("姓名,单位\n" + "王" * 300 + ",乡党委\n").encode()),
    ("没有姓名.csv", "姓名,单位\n,乡党委\n".encode()),
]

SCORES_ONLY: list[tuple[str, bytes]] = [
    ("千分位.csv", "姓名,得分\n王德伦,\"1,000\"\n".encode()),
    ("不是数字.csv", "姓名,得分\n王德伦,九十\n".encode()),
    ("负分.csv", "姓名,得分\n王德伦,-5\n".encode()),
    ("NaN.csv", "姓名,得分\n王德伦,nan\n".encode()),
    ("无穷.csv", "姓名,得分\n王德伦,inf\n".encode()),
    ("超过满分.csv", "姓名,得分\n王德伦,250\n".encode()),
    ("不在名册.csv", "姓名,得分\n李四,90\n".encode()),
    ("重复的人.csv", "姓名,得分\n王德伦,90\n王德伦,80\n".encode()),
]

ATTENDANCE_ONLY: list[tuple[str, bytes]] = [
    ("不认识的状态.csv", "姓名,状态\n王德伦,出差\n".encode()),
    ("不在名册.csv", "姓名,状态\n李四,出席\n".encode()),
    ("没有状态列.csv", "姓名,单位\n王德伦,乡党委\n".encode()),
]

DOCUMENT_INPUTS: list[tuple[str, bytes]] = [
    ("空文件.txt", b""),
    ("只有空白.txt", b"   \n\n\t  \n"),
    ("随机字节.txt", _RANDOM),
    ("UTF16乱码.txt", b"\xff\xfe" + _RANDOM[:800]),
    ("坏的.docx", b"PK\x03\x04" + _RANDOM[:400]),
    ("不是Word.docx", _zip({"hello.txt": b"not a word document"})),
    ("加密的.docx", _OLE),
    ("老格式.doc", _OLE),
    ("坏的.pdf", b"%PDF-1.4\n" + _RANDOM[:700]),
    ("图片.png", b"\x89PNG\r\n\x1a\n" + _RANDOM[:200]),
    ("压缩包.zip", _zip({"a.txt": "关于加强学习的意见".encode()})),
]

BANK_INPUTS: list[tuple[str, bytes]] = [
    ("空的.yaml", b""),
    ("坏的.yaml", b"questions: [unclosed\n  - {type: single\n"),
    ("不是题库.yaml", b"- a\n- b\n- c\n"),
    ("题型不对.yaml", "questions:\n  - type: 论述\n    stem: 谈谈你的认识\n    answer: 无\n".encode()),
    ("答案越界.yaml", "questions:\n  - type: single\n    stem: 下列哪项正确？\n    options: [甲, 乙]\n"
                     "    answer: [5]\n".encode()),
    ("随机字节.yaml", _RANDOM),
    ("坏的.xlsx", b"PK\x03\x04" + _RANDOM[:300]),
    ("只有表头.xlsx", _xlsx([["题型", "题干", "选项A", "选项B", "答案"]])),
]

BACKUP_INPUTS: list[tuple[str, bytes]] = [
    ("空的.sqlite3", b""),
    ("随机字节.sqlite3", _RANDOM),
    ("不是数据库.sqlite3", "这是一个文本文件".encode()),
]


def digest(folder: Path) -> str:
    """Every row of every table, in a stable order: equal digests, equal data."""
    con = sqlite3.connect(f"file:{folder / DB_FILENAME}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for t in tables:
            h.update(t.encode())
            for row in sorted(repr(r) for r in con.execute(f'SELECT * FROM "{t}"')):
                h.update(row.encode())
        return h.hexdigest()
    finally:
        con.close()


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory, seeded_template: Path) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "data"
    folder.mkdir()
    shutil.copyfile(seeded_template, folder / DB_FILENAME)
    roster = folder.parent / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    from studyapp.cli.main import main

    assert main(["--data", str(folder), "roster", "import", str(roster)]) == 0
    return folder


@pytest.fixture
def data(prepared: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(prepared, folder)
    return folder


def _case(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / "inputs" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    return path


def _refused(capsys, data: Path, *argv: str) -> None:
    before = digest(data)
    code, out, err = run(capsys, "--data", str(data), *argv)
    assert_bad_input(code, out, err)
    assert "。。" not in err and "Errno" not in err and "No such file" not in err, err
    assert digest(data) == before, f"{argv}: the database changed although the input was refused"


@pytest.mark.parametrize(("name", "content"), TABLE_INPUTS + ROSTER_ONLY, ids=[n for n, _ in TABLE_INPUTS + ROSTER_ONLY])
def test_roster_import_refuses(capsys, data: Path, tmp_path: Path, name: str, content: bytes) -> None:
    _refused(capsys, data, "roster", "import", str(_case(tmp_path, name, content)))


@pytest.mark.parametrize(("name", "content"), TABLE_INPUTS + SCORES_ONLY, ids=[n for n, _ in TABLE_INPUTS + SCORES_ONLY])
def test_scores_import_refuses(capsys, data: Path, tmp_path: Path, name: str, content: bytes) -> None:
    _refused(capsys, data, "scores", "1", str(_case(tmp_path, name, content)))


@pytest.mark.parametrize(("name", "content"), TABLE_INPUTS + ATTENDANCE_ONLY,
                         ids=[n for n, _ in TABLE_INPUTS + ATTENDANCE_ONLY])
def test_attendance_import_refuses(capsys, data: Path, tmp_path: Path, name: str, content: bytes) -> None:
    _refused(capsys, data, "attendance", "1", str(_case(tmp_path, name, content)))


@pytest.mark.parametrize(("name", "content"), DOCUMENT_INPUTS, ids=[n for n, _ in DOCUMENT_INPUTS])
def test_document_import_refuses(capsys, data: Path, tmp_path: Path, name: str, content: bytes) -> None:
    _refused(capsys, data, "import", str(_case(tmp_path, name, content)))


@pytest.mark.parametrize(("name", "content"), BANK_INPUTS, ids=[n for n, _ in BANK_INPUTS])
def test_bank_import_refuses(capsys, data: Path, tmp_path: Path, name: str, content: bytes) -> None:
    _refused(capsys, data, "bank", "import", "1", str(_case(tmp_path, name, content)))


@pytest.mark.parametrize(("name", "content"), BACKUP_INPUTS, ids=[n for n, _ in BACKUP_INPUTS])
def test_restore_refuses(capsys, data: Path, tmp_path: Path, name: str, content: bytes) -> None:
    _refused(capsys, data, "restore", str(_case(tmp_path, name, content)))


@pytest.mark.parametrize("argv", [
    ("import", "不存在的文件.txt"), ("roster", "import", "不存在.csv"), ("scores", "1", "不存在.csv"),
    ("attendance", "999", "x.csv"), ("scores", "²", "x.csv"), ("scores", "100000000000000000000000", "x.csv"),
    ("bank", "import", "999", "x.yaml"), ("hours", "--target", "-5"), ("hours", "--target", "nan"),
    ("restore", "不存在的备份.sqlite3"), ("import", "."),
], ids=lambda a: " ".join(a))
def test_bad_arguments_refused(capsys, data: Path, argv: tuple[str, ...]) -> None:
    _refused(capsys, data, *argv)


def test_the_corpus_is_large_enough() -> None:
    n = (len(TABLE_INPUTS) * 3 + len(ROSTER_ONLY) + len(SCORES_ONLY) + len(ATTENDANCE_ONLY)
         + len(DOCUMENT_INPUTS) + len(BANK_INPUTS) + len(BACKUP_INPUTS) + 11)
    assert n >= 60, n


def test_the_digest_sees_a_good_import(capsys, data: Path, tmp_path: Path) -> None:
    """(the control: a good file is stored, and the digest tells)"""
    before = digest(data)
    good = _case(tmp_path, "成绩.csv", "姓名,得分\n王德伦,90\n陈志强,缺考\n".encode())
    code, out, err = run(capsys, "--data", str(data), "scores", "1", str(good))
    assert code == 0, err
    assert digest(data) != before
