"""The one table of settings: every option with a Chinese description, a default of its type
inside its range or among its choices, a group the settings screen shows it under, the 学时
conventions offices use as settings; every setting the code reads is declared there and every
declared one is read somewhere; an undeclared name is a programming error that says where to
declare it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from studyapp import config
from studyapp.config import OPTIONS, option

PACKAGE = Path(__file__).resolve().parents[1] / "studyapp"
CJK = re.compile(r"[\u4e00-\u9fff]")
# a setting's name in the code: "area.name" handed to a function that reads or writes settings
READ = re.compile(r"(?<![_\w])(?:get_setting|set_setting|setting|option|coerce)\(\s*(?:[\w.]+,\s*)?\"([a-z]+\.[a-z_]+)\"")


@pytest.mark.parametrize("opt", list(OPTIONS.values()), ids=list(OPTIONS))
def test_each_option_is_whole(opt: config.Option) -> None:
    assert CJK.search(opt.description), "a description the settings screen shows in Chinese"
    assert opt.group and CJK.search(opt.group)
    assert isinstance(opt.default, opt.type) or (opt.type is float and isinstance(opt.default, int))
    if opt.low is not None:
        assert opt.low <= opt.default <= (opt.high if opt.high is not None else opt.default)
    if opt.choices:
        values = [v for v, _shown in opt.choices]
        assert opt.default in values and len(set(values)) == len(values)
        assert all(CJK.search(shown) for _v, shown in opt.choices)


def test_names_are_unique_and_grouped_by_feature() -> None:
    assert len(config._GROUPS) == len(OPTIONS)  # (a repeated name would hide the first)
    groups = list(dict.fromkeys(o.group for o in config._GROUPS))
    assert groups[:1] == ["阅读"] and "学时" in groups and "会议室" in groups
    kept = [o.name for o in OPTIONS.values() if not o.shown]
    assert "reader.last_section" in kept and "window.geometry" in kept


def test_the_study_hours_conventions_are_settings_with_the_usual_defaults() -> None:
    assert [option(n).default for n in ("hours.target_party_member", "hours.target_branch_secretary",
                                        "hours.target_township_cadre")] == [32.0, 56.0, 90.0]
    assert [option(n).default for n in ("hours.branch_study", "hours.half_day_lecture",
                                        "hours.full_day_training")] == [1.0, 4.0, 8.0]


def test_an_undeclared_setting_says_where_to_declare_it() -> None:
    with pytest.raises(KeyError, match="declare it in studyapp/config.py"):
        option("reader.colour")


# Shown in 设置 but read by no rule yet: changing them changes nothing a user would see. The list
# may only shrink (a rule that starts reading one takes it off; a new unread option fails).
NOT_READ_YET = {
    "hours.target_branch_secretary": "(the 支部书记/委员 yearly target: the ledger uses hours.ledger_target or the party members')",
    "hours.target_township_cadre": "(the 乡镇干部 yearly target: as above)",
    "hours.half_day_lecture": "(学时 of a half-day lecture: a session's hours come from its times and hours.branch_study)",
    "hours.full_day_training": "(学时 of a training day: as above)",
}


def test_the_code_reads_only_declared_settings_and_reads_them_all() -> None:
    code = {path: path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py") if path.name != "config.py"}
    read = {name for text in code.values() for name in READ.findall(text)}
    assert read and not read - OPTIONS.keys(), sorted(read - OPTIONS.keys())
    everything = "\n".join(code.values())
    unused = {name for name in OPTIONS if f'"{name}"' not in everything}
    assert unused == NOT_READ_YET.keys(), f"declared but never read: {sorted(unused)}"
