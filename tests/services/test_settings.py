"""Settings: declared names only, defaults, values coerced to the declared type."""

from __future__ import annotations

import pytest

from studyapp.config import OPTIONS
from studyapp.db.models import Setting
from studyapp.services import settings
from studyapp.services.context import AppContext


def test_defaults_until_set(ctx: AppContext) -> None:
    assert settings.get_setting(ctx, "reader.font_size") == 20
    assert settings.get_setting(ctx, "hours.target_township_cadre") == 90.0
    assert settings.all_settings(ctx) == {name: o.default for name, o in OPTIONS.items()}


def test_values_are_coerced_and_persist(ctx: AppContext, data_dir) -> None:
    settings.set_setting(ctx, "reader.font_size", "24")
    settings.set_setting(ctx, "hours.target_party_member", "40")
    settings.set_setting(ctx, "import.max_megabytes", 30.0)
    settings.set_setting(ctx, "org.unit_name", "某某乡人民政府")
    ctx.close()
    reopened = AppContext(data_dir)
    try:
        assert settings.get_setting(reopened, "reader.font_size") == 24
        assert settings.get_setting(reopened, "hours.target_party_member") == 40.0
        assert isinstance(settings.get_setting(reopened, "hours.target_party_member"), float)
        assert settings.get_setting(reopened, "import.max_megabytes") == 30
        assert settings.get_setting(reopened, "org.unit_name") == "某某乡人民政府"
        settings.reset_setting(reopened, "reader.font_size")
        assert settings.get_setting(reopened, "reader.font_size") == 20
    finally:
        reopened.close()


def test_bad_values_are_refused_in_chinese(ctx: AppContext) -> None:
    with pytest.raises(ValueError, match="阅读区字号.*整数"):
        settings.set_setting(ctx, "reader.font_size", "大")
    with pytest.raises(ValueError):
        settings.set_setting(ctx, "reader.font_size", 20.5)
    assert settings.get_setting(ctx, "reader.font_size") == 20


def test_undeclared_names_raise_keyerror(ctx: AppContext) -> None:
    with pytest.raises(KeyError):
        settings.get_setting(ctx, "reader.colour")
    with pytest.raises(KeyError):
        settings.set_setting(ctx, "_state.seed_imported", 1)


def test_a_damaged_stored_value_falls_back_to_the_default(ctx: AppContext) -> None:
    with ctx.begin() as session:
        session.add(Setting(name="reader.font_size", value="huge"))
    assert settings.get_setting(ctx, "reader.font_size") == 20


def test_ranges_and_choices_are_checked_at_the_door(ctx: AppContext) -> None:
    """What 设置 or the command line stores is inside its declared range or among its choices."""
    with pytest.raises(ValueError, match="超出范围，应在 0.1 到 1 之间"):
        settings.set_setting(ctx, "records.pass_ratio", 60)  # a percentage typed where a share goes
    with pytest.raises(ValueError, match="all_or_nothing（全部选对才得分）"):
        settings.set_setting(ctx, "quiz.multiple_rule", "some")
    with pytest.raises(ValueError, match="不是有效的数字"):
        settings.set_setting(ctx, "hours.branch_study", "nan")
    settings.set_setting(ctx, "records.pass_ratio", "0.75")
    assert settings.get_setting(ctx, "records.pass_ratio") == 0.75
    from studyapp.config import OPTIONS

    for opt in OPTIONS.values():  # every declared default lies inside its own range
        assert settings.check(opt, opt.default) == opt.default, opt.name


def test_a_setting_changed_on_another_pc_since_the_dialog_read_it_is_asked_about(ctx: AppContext) -> None:
    """设置 saved from values read before another PC changed one of them: refused naming it, and
    nothing of the save is stored; a setting the other PC set to the same value is no conflict."""
    from studyapp.services.context import AppContext as Ctx
    from studyapp.services.context import EditConflict

    read = {name: settings.get_setting(ctx, name) for name in ("paper.minutes", "records.show_rank")}
    other = Ctx(ctx.data_dir)
    try:
        settings.set_settings(other, {"paper.minutes": 90})
        with pytest.raises(EditConflict) as info:
            settings.set_settings(ctx, {"paper.minutes": 45, "records.show_rank": False}, expected=read)
        assert "“试卷答题时间（分钟）”已改为“90”" in info.value.message
        assert (settings.get_setting(ctx, "paper.minutes"), settings.get_setting(ctx, "records.show_rank")) \
            == (90, read["records.show_rank"])  # nothing of it stored
        settings.set_settings(ctx, {"paper.minutes": 90, "records.show_rank": False}, expected=read)  # the same value
        assert settings.get_setting(other, "records.show_rank") is False
        settings.set_settings(ctx, {"paper.minutes": 45}, expected=None)  # (asked, and told to)
        assert settings.get_setting(other, "paper.minutes") == 45
        read = {"quiz.multiple_rule": settings.get_setting(ctx, "quiz.multiple_rule")}
        settings.set_settings(other, {"quiz.multiple_rule": "partial"})
        with pytest.raises(EditConflict) as info:
            settings.set_settings(ctx, {"quiz.multiple_rule": "all_or_nothing"}, expected=read)
        assert "“多选题评分”已改为“少选得部分分，错选不得分”" in info.value.message  # (in words, not its code)
    finally:
        other.close()
