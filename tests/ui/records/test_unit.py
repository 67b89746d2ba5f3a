"""The unit name a form prints: offered to fill in when missing, put off means not asked again,
names that cannot print refused."""

from __future__ import annotations

from studyapp.services import attendance
from tests.ui.records.conftest import open_form


def test_a_form_without_the_unit_offers_to_fill_it_in(qtbot, records, people, seed_session, monkeypatch) -> None:
    from studyapp.services import printing as printing_service
    from studyapp.ui.records import unit as unit_ui

    people()
    attendance.set_expected(records.ctx, seed_session)
    printing_service.set_unit_name(records.ctx, "")  # as a fresh office has it
    from studyapp.services.settings import set_setting

    set_setting(records.ctx, "org.unit_asked", False)
    dialog = open_form(qtbot, records, "signin")
    assert dialog.unit_bar.isVisible() and "单位名称" in dialog.unit_label.text()

    def fake_exec(box) -> int:
        box.edit.setText("  龙坑乡党委 ")
        return 1  # 确定

    monkeypatch.setattr(unit_ui.UnitDialog, "exec", fake_exec)
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        assert dialog.fill_unit()
    assert not dialog.unit_bar.isVisible()
    assert printing_service.unit_name(records.ctx) == "龙坑乡党委"
    assert pdf_text_of(dialog.pdf_bytes).replace(" ", "").startswith("龙坑乡党委")  # heads the form
    second = open_form(qtbot, records, "record")
    assert not second.unit_bar.isVisible()  # asked once


def test_put_off_means_not_asked_again(qtbot, records, people, seed_session, settle) -> None:
    from studyapp.services import printing as printing_service
    from studyapp.services.settings import set_setting

    people()
    set_setting(records.ctx, "org.unit_name", "")
    set_setting(records.ctx, "org.unit_asked", False)
    dialog = open_form(qtbot, records, "signin")
    assert dialog.unit_bar.isVisible()
    dialog.unit_later.click()
    settle()  # (stored on the worker)
    assert not dialog.unit_bar.isVisible() and not printing_service.unit_needs_asking(records.ctx)
    assert records.unit_action.text() == "单位名称…"  # still reachable from 设置


def test_unit_names_that_cannot_print_are_refused(records) -> None:
    import pytest

    from studyapp.core.model import UserError
    from studyapp.services import printing as printing_service

    with pytest.raises(UserError, match="控制字符"):
        printing_service.set_unit_name(records.ctx, "龙坑\x07乡")
    with pytest.raises(UserError, match="太长"):
        printing_service.set_unit_name(records.ctx, "乡" * 41)
    assert printing_service.set_unit_name(records.ctx, "  遵义县  龙坑乡 ") == "遵义县 龙坑乡"


def pdf_text_of(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return PdfReader(io.BytesIO(data)).pages[0].extract_text()
