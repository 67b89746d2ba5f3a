"""`studyapp import FILE`: the JSON contract and what it prints it created."""

from __future__ import annotations

import json
from pathlib import Path

from studyapp.db.engine import DB_FILENAME
from studyapp.services import documents, sessions
from studyapp.services.context import AppContext
from tests.cli.conftest import run
from tests.conftest import copy_database


def test_import_json_shape(capsys, seed_copy: Path, tmp_path: Path, template_db: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    copy_database(template_db, data)
    code, out, err = run(capsys, "--data", str(data), "import", str(seed_copy), "--json")
    assert code == 0, err
    result = json.loads(out)
    assert set(result) == {"document", "session"}
    assert isinstance(result["document"], int) and isinstance(result["session"], int)

    plain = tmp_path / "plain.txt"
    plain.write_text("通知\n一、甲\n内容。\n二、乙\n内容。", encoding="gb18030")
    code, out, _ = run(capsys, "import", str(plain), "--json", "--data", str(data))
    assert code == 0 and json.loads(out) == {"document": result["document"] + 1, "session": None}

    with AppContext(data) as ctx:
        assert len(documents.list_documents(ctx)) == 3  # the seed (first use), the copy, the notice
        assert sessions.get_session(ctx, result["session"]).leader == "王德伦"


def test_import_prints_what_it_created(capsys, seed_copy: Path, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("STUDYAPP_DATA", str(tmp_path / "env-data"))
    code, out, _ = run(capsys, "import", str(seed_copy))
    assert code == 0
    assert "已导入文件《中共遵义市委关于全面推进依法治市的实施意见》" in out
    assert "17 个章节" in out and "原文在末尾中断" in out
    assert "已创建学习记录" in out and "2015-04-15" in out and "王德伦" in out
    assert (tmp_path / "env-data" / DB_FILENAME).is_file()
