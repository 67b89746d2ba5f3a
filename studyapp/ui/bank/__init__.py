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


EXPORT_KINDS: dict[str, ExportKind] = {
    "bank": ExportKind("导出题库文件（.yaml）…", "题库文件 (*.yaml)", ".yaml", "题库"),
    "excel": ExportKind("导出 Excel 题库模板（.xlsx）…", "Excel 题库模板 (*.xlsx)", ".xlsx", "题库"),
    "gift": ExportKind("导出 GIFT 格式（Moodle）…", "GIFT 文本 (*.gift)", ".gift", "题库-GIFT"),
    "moodle": ExportKind("导出 Moodle XML…", "Moodle XML (*.xml)", ".xml", "题库-Moodle"),
}
