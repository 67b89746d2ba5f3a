"""The plain data of studyapp.core.model."""

from __future__ import annotations

from studyapp.core.model import section_heading


def test_every_screen_names_a_section_the_same_way() -> None:
    assert section_heading("一、", "总体要求", "正文") == "一、总体要求"
    assert section_heading("第二条", "适用范围", "违反国家规定……") == "第二条\u3000适用范围"  # set off as printed
    assert section_heading("（三）", "", "严格规范公正文明执法，\n健全行政执法体制。") == "（三）严格规范公正文明执法， 健全行政执法…"
    assert section_heading("第一条", "", "") == "第一条"  # (the session form once printed 「第一条…」 here)
