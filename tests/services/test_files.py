"""Saving over a file another program holds open, or onto a full disk: a Chinese message that
names the file, and the old copy stays whole."""

from __future__ import annotations

import errno
import os

import pytest

from studyapp.core.model import UserError
from studyapp.services import files


def test_a_file_open_in_excel_is_named_and_left_whole(tmp_path, monkeypatch) -> None:
    target = tmp_path / "签到表.xlsx"
    target.write_bytes(b"old")

    def locked(_src, _dst):
        raise PermissionError(errno.EACCES, "Permission denied")  # Windows, the file open in Excel

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(UserError, match="无法写入“签到表.xlsx”：这个文件可能正在 Excel、WPS 或 PDF 阅读器中打开"):
        files.save_bytes(target, b"new")
    assert target.read_bytes() == b"old" and not (tmp_path / "签到表.xlsx.part").exists()


def test_a_full_disk_keeps_the_old_copy(tmp_path, monkeypatch) -> None:
    target = tmp_path / "题库.xml"
    target.write_text("old", encoding="utf-8")
    real = os.replace

    def full(_src, _dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(UserError, match="磁盘空间不足"):
        files.save_text(target, "<quiz/>")
    monkeypatch.setattr(os, "replace", real)
    assert target.read_text(encoding="utf-8") == "old"
    assert files.save_text(target, "<quiz/>").read_text(encoding="utf-8") == "<quiz/>"


def test_a_bank_exported_over_an_open_file_says_so(ctx, seed_path, monkeypatch, tmp_path) -> None:
    from studyapp.services import documents, exchange

    doc = documents.import_file(ctx, seed_path).document_id
    monkeypatch.setattr(os, "replace", lambda *_a: (_ for _ in ()).throw(PermissionError(13, "denied")))
    for name in ("题库.xlsx", "题库.xml", "题库.yaml"):
        with pytest.raises(UserError, match="可能正在"):
            exchange.export_file(ctx, doc, tmp_path / name)
