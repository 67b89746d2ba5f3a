"""Printed forms for a large office: 签到表 and 成绩登记表 for 500 people (target ≤ 0.5 s warm)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from studyapp.reports.forms import build_score_sheet, build_signin_sheet

from .conftest import best_of

pytestmark = pytest.mark.perf

_SAMPLE = Path(__file__).resolve().parents[1] / "reports" / "sample.py"


def _sample():
    spec = importlib.util.spec_from_file_location("reports_sample", _SAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_signin_sheet_500_people(report):
    data = _sample().signin_data(500)
    t = best_of(lambda: build_signin_sheet(data), repeat=5)
    report(f"签到表 500 people (warm): {t * 1000:.0f} ms (target ≤ 500 ms)")
    assert t < 0.5


def test_score_sheet_500_people(report):
    data = _sample().score_data(500)
    t = best_of(lambda: build_score_sheet(data), repeat=5)
    report(f"成绩登记表 500 people with statistics and chart (warm): {t * 1000:.0f} ms (target ≤ 500 ms)")
    assert t < 0.5
