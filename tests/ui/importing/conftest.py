"""Shared by the import tests: a small circular with two parts and a date line, to import or paste."""

from __future__ import annotations

SAMPLE = (
    "关于加强村级财务管理的通知\n"
    "（2020年3月2日镇党委会议通过）\n"
    "为规范村级财务管理，现通知如下。\n"
    "一、健全制度\n"
    "1.建立台账。各村要建立资金台账。\n"
    "2.定期公开。每季度公开一次收支情况。\n"
    "二、强化监督\n"
    "3.审计检查。镇财政所每年检查一次。\n"
)
