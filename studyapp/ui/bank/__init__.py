"""题库: review, edit, add and exchange the questions of a document.

Only plain data lives here, so the main window can build its 题库 menu without importing the
题库 window and what it pulls in (the generator, openpyxl) before the user opens it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportKind:
    action: str  # the menu entry
    filter: str  # the file dialog's filter
    suffix: str
    name: str  # what the default file name ends with


# one 「导出题库…」: the save dialog names each format by what it is for, the Excel table first
EXPORT_KINDS: dict[str, ExportKind] = {
    "excel": ExportKind("导出题库…", "Excel 表格：在 Excel 或 WPS 中查看、修改后可再导入 (*.xlsx)", ".xlsx", "题库"),
    "bank": ExportKind("导出题库…", "学习测评题库文件：在另一台电脑的学习测评中导入 (*.yaml)", ".yaml", "题库"),
    "moodle": ExportKind("导出题库…", "网上学习平台题库（Moodle XML 格式）(*.xml)", ".xml", "题库-网上平台"),
    "gift": ExportKind("导出题库…", "网上学习平台题库（GIFT 文本格式）(*.gift)", ".gift", "题库-GIFT"),
}


def export_kind_of(suffix_or_filter: str) -> str:
    """The kind a chosen file (its suffix) or the dialog's chosen filter stands for; "excel" by default."""
    for kind, spec in EXPORT_KINDS.items():
        if suffix_or_filter == spec.filter or suffix_or_filter.lower() == spec.suffix:
            return kind
    return "excel"
