"""Save-as and open start in the folder last used, else 文档 — never the program's folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from studyapp.ui import filedialogs


def test_a_bare_file_name_starts_in_documents_then_in_the_folder_last_used(qtbot, tmp_path, monkeypatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr(filedialogs, "_last_folder", None)
    def fake_save(_parent, _title, start, _filter):  # the clerk picks the folder 「out」
        seen.append(start)
        return str(tmp_path / "out" / Path(start).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda _p, _t, start, _f: (seen.append(start), ("", ""))[1]))
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)  # the program's folder, as on a PC that starts it from there
    assert filedialogs.save_path(None, "另存为 PDF", "签到表.pdf", "PDF 文件 (*.pdf)") == tmp_path / "out" / "签到表.pdf"
    first = Path(seen[0])
    assert first.is_absolute() and first.name == "签到表.pdf" and first.parent != tmp_path
    filedialogs.save_path(None, "另存为 PDF", "成绩登记表.pdf", "PDF 文件 (*.pdf)")
    assert Path(seen[1]) == tmp_path / "out" / "成绩登记表.pdf"  # where the last one went
    assert filedialogs.open_path(None, "导入", "*.xlsx") is None and Path(seen[2]) == tmp_path / "out"
    assert filedialogs.save_path(None, "x", str(tmp_path / "a.pdf"), "") is not None
    assert seen[3] == str(tmp_path / "a.pdf")  # a full path is used as it is
