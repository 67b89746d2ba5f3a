"""设置: every setting a user may change, in words, grouped by feature; checked before storing."""

from __future__ import annotations

from unittest import mock

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QMessageBox, QTabWidget

from studyapp.config import OPTIONS
from studyapp.services import settings
from studyapp.ui.settings import ops as settings_ops


def test_settings_are_grouped_in_words_and_saved_all_at_once(qtbot, make_window, seeded_ctx, settle) -> None:
    window = make_window()
    dialog = window.show_settings()
    assert dialog is not None and dialog.isVisible()
    tabs = dialog.findChild(QTabWidget)
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["阅读", "单位与打印", "学时", "练习与考试", "会议室", "数据"]
    # every shown setting has a field; what the program keeps for itself has none
    assert set(dialog.fields) == {n for n, o in OPTIONS.items() if o.shown}
    assert "window.geometry" not in dialog.fields and "study.last_person" not in dialog.fields
    rule = dialog.fields["quiz.multiple_rule"]
    assert isinstance(rule, QComboBox) and rule.currentText() == "全部选对才得分"  # words, not codes
    rule.setCurrentIndex(rule.findData("partial"))
    dialog.fields["org.unit_name"].setText("某某乡党委")
    ratio = dialog.fields["records.pass_ratio"]
    assert isinstance(ratio, QDoubleSpinBox) and ratio.maximum() == 1.0
    ratio.setValue(0.7)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):  # (stored on the worker, then closed)
        assert dialog.save()
    settle()
    assert settings.get_setting(seeded_ctx, "quiz.multiple_rule") == "partial"
    assert settings.get_setting(seeded_ctx, "org.unit_name") == "某某乡党委"
    assert settings.get_setting(seeded_ctx, "records.pass_ratio") == 0.7


def test_a_refused_value_names_its_setting_and_nothing_is_stored(qtbot, make_window, seeded_ctx) -> None:
    window = make_window()
    dialog = window.show_settings()
    dialog.fields["org.unit_name"].setText("新名称")
    with mock.patch.object(settings_ops, "check", side_effect=ValueError("设置“单位名称（打印表头）”的值无效。")), \
            mock.patch.object(QMessageBox, "warning") as warned:
        assert not dialog.save()
    assert "单位名称" in warned.call_args[0][2]
    assert settings.get_setting(seeded_ctx, "org.unit_name") != "新名称"
    dialog.reject()


def test_a_value_the_database_refuses_is_said_and_the_dialog_stays(qtbot, make_window, seeded_ctx, settle) -> None:
    """Stored on the worker: a refusal there (a full disk, a busy database) comes back as a message."""
    from studyapp.core.model import UserError

    window = make_window()
    dialog = window.show_settings()
    dialog.fields["org.unit_name"].setText("又一个名称")
    with mock.patch.object(settings, "set_settings", side_effect=UserError("磁盘已满，设置没有保存。")), \
            mock.patch.object(QMessageBox, "warning") as warned:
        assert dialog.save()  # (checked as typed: sent to be stored)
        settle()
    assert "磁盘已满" in warned.call_args[0][2] and dialog.isVisible()
    assert settings.get_setting(seeded_ctx, "org.unit_name") != "又一个名称"
    dialog.reject()


def test_a_setting_another_pc_changed_since_the_dialog_opened_is_asked_about(qtbot, make_window, seeded_ctx,
                                                                             settle) -> None:  # noqa: ANN001
    """Issue 16: 设置 opened, then another PC changes 试卷答题时间; saving this dialog's own value
    for it is refused and asked about — 重新载入 shows the other PC's value, nothing stored;
    仍然保存 stores this one."""
    from studyapp.services.context import AppContext

    window = make_window()
    dialog = window.show_settings()

    def saved_over(minutes: int) -> None:  # (another PC stores its value; this dialog then saves 45)
        other = AppContext(seeded_ctx.data_dir)
        try:
            settings.set_settings(other, {"paper.minutes": minutes})
        finally:
            other.close()
        dialog.fields["paper.minutes"].setValue(45)
        assert dialog.save()
        qtbot.waitUntil(lambda: dialog.conflict_box is not None, timeout=5000)

    saved_over(90)
    assert "“试卷答题时间（分钟）”已改为“90”" in dialog.conflict_box.text()
    [reload] = [b for b in dialog.conflict_box.buttons() if b.text().startswith("重新载入")]
    reload.click()
    settle()
    assert dialog.fields["paper.minutes"].value() == 90 and dialog.isVisible()
    assert settings.get_setting(seeded_ctx, "paper.minutes") == 90

    dialog.conflict_box = None
    saved_over(100)
    [keep] = [b for b in dialog.conflict_box.buttons() if b.text().startswith("仍然保存")]
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        keep.click()
    assert settings.get_setting(seeded_ctx, "paper.minutes") == 45
