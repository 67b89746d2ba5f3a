"""Issue 11: numbers, ids and CSV files are parsed strictly and refused clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.core.model import UserError
from studyapp.core.names import is_id
from studyapp.core.roster import _number
from studyapp.core.tables import read_rows


@pytest.mark.parametrize("text,value", [("85", 85.0), ("85.5", 85.5), ("８５", 85.0), ("85。5", 85.5),
                                        (" 100 ", 100.0), ("-0", 0.0)])
def test_numbers_as_offices_type_them(text: str, value: float) -> None:
    assert _number(text) == value


@pytest.mark.parametrize("text", ["1,000", "1，000", "nan", "inf", "1e400", "85分", "", "八十五", "0x10"])
def test_numbers_that_are_not_are_refused(text: str) -> None:
    assert _number(text) is None  # 「1,000」 was stored as 1


@pytest.mark.parametrize("text,ok", [("1", True), ("123456789", True), ("²", False), ("１２", False),
                                     ("100000000000000000000000", False), ("-1", False), ("", False)])
def test_ids_are_ascii_digits(text: str, ok: bool) -> None:
    assert is_id(text) is ok


def test_an_unbalanced_quote_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "名册.csv"
    path.write_text('姓名,单位\n王德伦,"乡党委\n李红梅,乡党委\n张国华,乡政府\n', encoding="utf-8")
    with pytest.raises(UserError, match="第 2 行的引号不成对"):
        read_rows(path)


def test_an_overlong_field_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "名册.csv"
    path.write_text('姓名,单位\n王德伦,"' + "长" * 140_000 + "\n", encoding="utf-8")
    with pytest.raises(UserError, match="第 2 行无法读取"):
        read_rows(path)


def test_quoted_commas_still_work(tmp_path: Path) -> None:
    path = tmp_path / "名册.csv"
    path.write_text('姓名,单位\n王德伦,"乡党委,办公室"\n', encoding="utf-8")
    assert read_rows(path)[1] == ["王德伦", "乡党委,办公室"]


def test_a_utf8_text_with_a_broken_byte_names_its_line() -> None:
    from studyapp.core.loaders import decode_text

    text = "第一条 为了规范公务员的管理，制定本法。\n第二条 本法所称公务员，是指依法履行公职的工作人员。\n"
    data = text.encode("utf-8")
    with pytest.raises(UserError, match="UTF-8 文本，但第 2 行有无法识别的字节"):
        decode_text(data[:60] + b"\xff" + data[60:], "x.txt")
    assert decode_text(text.encode("gb18030"), "g.txt")[0] == text  # GBK is still GBK


def test_a_password_protected_office_file_says_so(tmp_path: Path) -> None:
    from studyapp.core.loaders import OLE2_MAGIC, load_file

    blob = OLE2_MAGIC + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64 \
        + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 4096
    for name in ("学习材料.docx", "名册.xlsx"):
        path = tmp_path / name
        path.write_bytes(blob)
        with pytest.raises(UserError, match="设置了打开密码"):
            if name.endswith(".docx"):
                load_file(path)
            else:
                read_rows(path)
    old = tmp_path / "旧.doc"
    old.write_bytes(OLE2_MAGIC + b"\x00" * 4096)
    with pytest.raises(UserError, match="旧版"):
        load_file(old)


def test_an_empty_bank_file_is_not_a_success() -> None:
    from studyapp.services.bankfile import read_bank

    for text in ("", "document: 实施意见\nquestions: []\n"):
        with pytest.raises(UserError, match="空的|没有试题"):
            read_bank(text)


def test_junk_behind_a_utf16_mark_is_refused() -> None:
    import random

    from studyapp.core.loaders import decode_text

    rng = random.Random(7)
    for junk in (b"\xff\xfe" + bytes(rng.randrange(256) for _ in range(4000)), b"\xff\xfe" + b"\x40\xa0" * 500):
        with pytest.raises(UserError, match="罕见汉字"):
            decode_text(junk, "j.txt")
    traditional = ("第一條 為了規範公務員的管理，制定本法。" * 20).encode("utf-16")
    assert decode_text(traditional, "t.txt")[1] == "utf-16"
    real = ("第一条 为了规范公务员的管理，制定本法。" * 20).encode("utf-16")
    assert decode_text(real, "r.txt")[1] == "utf-16"
