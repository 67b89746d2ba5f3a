"""The records' operations (ui/ops.py) for the panels of ui/records that go through it: for now
the 学时台账 (hours.py). The other panels still call their services themselves and move here
next (tests/ui/test_ops.py lists them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from studyapp.services import hours, printing
from studyapp.services.dto_records import HoursLedger
from studyapp.services.settings import set_setting
from studyapp.ui.ops import Changes, CollectionOp, QueryOp


# reads kept synchronous: a form's starting values ------------------------------------------------
def default_target_now(ctx) -> float:  # noqa: ANN001 - AppContext
    """The year's target the 台账 opens with (a setting)."""
    return hours.default_target(ctx)


def default_order_now(ctx) -> str:  # noqa: ANN001
    """The order printouts start in (a setting)."""
    return printing.default_order(ctx)


# reads ----------------------------------------------------------------------------------------------
def ledger(parent: QWidget, year: int, target: float, order: str,
           success: Callable[[HoursLedger], Any]) -> QueryOp:
    """A year's 学时台账 (at a county's size, a read of the year's attendance: on the worker)."""
    return QueryOp(parent, lambda ctx: hours.ledger(ctx, year, target, order), success).titled("学时台账")


# printouts: the builders a preview runs on the worker ---------------------------------------------
def personal_archive(ctx, person_id: int, year: int) -> Callable[[str], bytes]:  # noqa: ANN001
    return lambda _order: printing.personal_archive_pdf(ctx, person_id, year)


def annual_archive(ctx, year: int) -> Callable[[str], bytes]:  # noqa: ANN001
    return lambda order: printing.annual_archive_pdf(ctx, year, order or None)


# writes ---------------------------------------------------------------------------------------------
def store_target(parent: QWidget, target: float) -> CollectionOp:
    """设为默认目标."""
    return CollectionOp(parent, lambda ctx: set_setting(ctx, "hours.ledger_target", target),
                        Changes.of("settings")).titled("学时台账")
