"""After an import the bank is generated off the GUI thread, with progress, while one reads."""

from __future__ import annotations

import threading
from pathlib import Path

from studyapp.services import bank, documents
from studyapp.ui.bank.generate import ReviewPrompt, StatusProgress

SAMPLE = (
    "关于加强村级财务管理的通知\n"
    "（2020年3月2日镇党委会议通过）\n"
    "为规范村级财务管理，现通知如下。\n"
    "一、健全制度\n"
    "1.建立台账。各村要建立资金台账，坚持民主理财、财务公开、村账镇代管的原则。\n"
    "2.定期公开。每季度公开一次收支情况，接受村民监督。\n"
    "二、强化监督\n"
    "3.审计检查。镇财政所每年检查一次，重点检查集体资产、集体资金和集体资源的管理情况。\n"
)


def test_generation_after_import_runs_off_the_gui_thread_with_progress(
    window, qtbot, tmp_path: Path, monkeypatch  # noqa: ANN001
) -> None:
    threads: list[threading.Thread] = []
    real = bank.generate_for_document

    def spy(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(bank, "generate_for_document", spy)
    path = tmp_path / "通知.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    with qtbot.waitSignal(window.importFinished, timeout=20000) as imported:
        window.import_file(path)
    doc = imported.args[0].document_id
    # the reader is usable at once: the new document is open while questions are generated
    assert window.reader.document_id == doc and "1.建立台账" in window.pane.toPlainText()
    progress = window.statusBar().findChild(StatusProgress)
    assert progress is not None and progress.isVisible() and progress.cancel_button.isEnabled()
    seen: list[str] = []
    progress.bar.valueChanged.connect(lambda _v: seen.append(progress.label.text()))
    with qtbot.waitSignal(window.bankGenerated, timeout=30000) as generated:
        pass
    result = generated.args[0]
    assert threads and threads[0] is not threading.main_thread()
    assert result is not None and result.document_id == doc and result.added > 0
    # what there is to do, in a cadre's words; what the checker set aside stays in the log
    message = window.statusBar().currentMessage()
    assert message.startswith(f"已生成 {result.generated} 道，待审核"), message
    assert "舍弃" not in message and "校验" not in message
    assert window.statusBar().findChild(ReviewPrompt) is not None
    assert window.statusBar().findChild(StatusProgress) is None or not window.statusBar().findChild(
        StatusProgress).isVisible()
    counts = bank.bank_counts(window.ctx, doc)
    assert counts.draft == result.added and counts.approved == 0

    bw = window.open_bank()
    qtbot.waitUntil(lambda: len(bw.tree.question_ids()) == result.added, timeout=10000)
    assert bw.document_id == doc and len(bw.tree.question_ids()) == result.added


def test_generation_can_be_cancelled_from_the_status_bar(window, qtbot, seed_id) -> None:  # noqa: ANN001
    before = bank.bank_counts(window.ctx, seed_id)
    task = window.generate_bank(seed_id)
    task.cancel()
    with qtbot.waitSignal(window.bankGenerated, timeout=30000) as generated:
        pass
    assert generated.args[0] is None
    assert "已取消生成试题" in window.statusBar().currentMessage()
    assert bank.bank_counts(window.ctx, seed_id) == before


def test_an_empty_bank_offers_to_generate(window, qtbot, settle) -> None:  # noqa: ANN001
    doc = documents.import_text(window.ctx, SAMPLE).document_id  # a service import: no bank yet
    bw = window.open_bank(doc)
    settle()
    assert bw.tree.question_ids() == []
    assert bw.generate_button.isVisible()
    assert "题库还是空的" in bw.preview_text()
    with qtbot.waitSignal(bw.runner.idle, timeout=30000):
        bw.generate_button.click()
    assert len(bw.tree.question_ids()) == bank.bank_counts(window.ctx, doc).total > 0
    assert not bw.generate_button.isVisible()
    assert bw.statusBar().currentMessage().startswith("已生成")
