"""`studyapp outline FILE`: the outline as JSON and as a readable tree, without a database."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import run


def test_outline_json_on_the_seed(capsys, seed_path: Path) -> None:
    code, out, err = run(capsys, "outline", str(seed_path), "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert set(data) == {"title", "note", "meta", "truncated", "preamble", "sections"}
    assert data["title"] == "中共遵义市委关于全面推进依法治市的实施意见"
    assert data["meta"] == {
        "学习时间": "2015.4.15", "学习方式": "集中学习",
        "学习地点": "乡政府二楼会议室", "领学人": "王德伦",
    }
    assert data["truncated"] is True
    assert [s["label"] for s in data["sections"]] == ["一、", "二、", "三、", "四、"]
    items = [c for s in data["sections"] for c in s["children"]]
    assert len(items) == 13
    assert set(items[0]) == {"label", "title", "text", "children"}
    assert (items[0]["label"], items[0]["title"]) == ("1.", "指导思想")
    assert "指导思想" in out  # ensure_ascii=False: readable Chinese


def test_outline_tree_is_readable(capsys, seed_path: Path) -> None:
    code, out, _ = run(capsys, "outline", str(seed_path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "标题：中共遵义市委关于全面推进依法治市的实施意见"
    assert "领学人：王德伦" in lines
    assert any("原文在此处中断" in line for line in lines)
    assert "一、全面推进依法治市的总体要求" in lines
    assert "  1.指导思想" in lines and "  13.优化司法职权配置" in lines


def test_outline_needs_no_database(capsys, seed_path: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("STUDYAPP_DATA", str(tmp_path / "data"))
    assert run(capsys, "outline", str(seed_path))[0] == 0
    assert not (tmp_path / "data").exists()
