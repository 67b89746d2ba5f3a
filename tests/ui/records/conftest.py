"""Fixtures for the 学习记录 window: a seeded database with a roster, and the window on it."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from studyapp.services import roster, sessions
from studyapp.services.dto_records import PersonDraft

#: roster order on purpose unlike stroke order: 丁 2 strokes, 王 4, 李 7 (横 first), 张 7 (折), 欧 8
PEOPLE = [
    ("王德伦", "乡党委", "党委书记", "第一党小组"),
    ("欧阳丽华", "党政办", "主任", "第一党小组"),
    ("张国华", "农业服务中心", "主任", "第二党小组"),
    ("李红梅", "乡党委", "副书记", "第二党小组"),
    ("丁一", "司法所", "所长", "第二党小组"),
    ("王伟", "乡党委", "组织委员", "第一党小组"),
    ("王伟", "财政所", "所长", "第二党小组"),
]
SURNAMES = "周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎"


@pytest.fixture
def people(seeded_ctx) -> Callable[[int], list[int]]:
    """add(n): the named people above, then generated ones up to n in total; returns their ids."""

    def add(n: int = len(PEOPLE)) -> list[int]:
        ids = [roster.add_person(seeded_ctx, PersonDraft(name, unit, post, groups=(group,))).id
               for name, unit, post, group in PEOPLE[:n]]
        for i in range(max(0, n - len(PEOPLE))):
            name = SURNAMES[i % len(SURNAMES)] + "建国国华明亮"[i // len(SURNAMES) % 6] + "民"
            ids.append(roster.add_person(seeded_ctx, PersonDraft(name, "乡人民政府", "干部")).id)
        return ids

    return add


@pytest.fixture
def seed_session(seeded_ctx) -> int:
    """The session the seed's study header created (2015-04-15, 集中学习, 王德伦)."""
    [info] = sessions.list_sessions(seeded_ctx)
    return info.id


@pytest.fixture
def records(qtbot, seeded_ctx, settle) -> Iterator:
    """A 学习记录 window at 1366×768 with its own task runner, every page built and its
    lists read (a user's window builds each page when it is first shown)."""
    from studyapp.ui.records.window import RecordsWindow

    window = RecordsWindow(seeded_ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    for page in window.pages.values():
        if hasattr(page, "attendance"):
            page.attendance, page.scores  # noqa: B018 - built on first use
    settle()
    yield window
    window.runner.shutdown()


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def saved_pdf(qtbot, preview, path: Path) -> Path:  # noqa: ANN001
    """Save a preview's PDF (written on the worker) and wait for the file."""
    with qtbot.waitSignal(preview.runner.idle, timeout=20000):
        assert preview.save_pdf(path) is not None
    assert preview.last_saved is not None
    return preview.last_saved


def list_row(panel, row: int) -> list[str]:
    return [panel.table.item(row, c).text() for c in range(panel.table.columnCount())]


def open_form(qtbot, records, form: str):
    panel = records.show_page("sessions")
    if panel.current_id is None:  # the page opens on a new session: print the sample's forms
        panel.select_session(panel.infos[0].id)
        qtbot.waitUntil(lambda: panel.current_id is not None, timeout=10000)  # (read on the worker)
    with qtbot.waitSignal(panel.previewOpened, timeout=5000) as opened:
        panel.print_form(form)
    dialog = opened.args[0]
    qtbot.addWidget(dialog)
    if not dialog.page_count:
        with qtbot.waitSignal(dialog.loaded, timeout=20000):
            pass
    return dialog
