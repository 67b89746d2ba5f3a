"""`studyapp settings`: the unit that heads every printed form can be set from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from studyapp.services.context import AppContext
from studyapp.services.printing import unit_name
from tests.cli.conftest import assert_bad_input, run


def test_the_unit_is_set_shown_and_reset(capsys, tmp_path: Path) -> None:  # noqa: ANN001
    data = str(tmp_path / "data")
    code, out, err = run(capsys, "--data", data, "settings", "单位", "某某乡党委")
    assert code == 0 and "某某乡党委" in out and err == ""
    ctx = AppContext(Path(data))
    try:
        assert unit_name(ctx) == "某某乡党委"  # what the forms print at their head
    finally:
        ctx.close()
    code, out, _ = run(capsys, "--data", data, "settings", "org.unit_name", "--json")
    assert code == 0 and json.loads(out) == {"org.unit_name": "某某乡党委"}
    code, out, _ = run(capsys, "--data", data, "settings")
    assert code == 0 and "org.unit_name\t某某乡党委\t单位名称（打印表头）" in out
    code, out, _ = run(capsys, "--data", data, "settings", "--reset", "单位")
    assert code == 0 and "（未设置）" in out


def test_bad_settings_are_refused_in_chinese(capsys, tmp_path: Path) -> None:  # noqa: ANN001
    data = str(tmp_path / "data")
    assert_bad_input(*run(capsys, "--data", data, "settings", "没有这项", "1"))
    assert_bad_input(*run(capsys, "--data", data, "settings", "hours.target_party_member", "abc"))
    assert_bad_input(*run(capsys, "--data", data, "settings", "单位", "  "))
    assert_bad_input(*run(capsys, "--data", data, "settings", "--reset"))
