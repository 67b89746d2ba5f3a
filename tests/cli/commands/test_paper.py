"""`studyapp paper`: the 试卷 with A/B variants and 答题卡, the 参考答案 with sources, the same seed
giving the same paper, only the A variant when asked, and a document without approved questions
(or no such document) refused in Chinese with exit status 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import assert_bad_input, run
from tests.conftest import copy_database
from tests.reports.conftest import pdf_pages


def text_of(path: Path) -> str:
    return "".join(pdf_pages(path.read_bytes()))


@pytest.fixture
def data(tmp_path: Path, seeded_template: Path) -> Path:
    """A data folder with the seed document (document 1)."""
    folder = tmp_path / "data"
    folder.mkdir()
    copy_database(seeded_template, folder)
    return folder


@pytest.fixture
def approved(data: Path) -> Path:
    """The seed's bank generated and approved."""
    from studyapp.services import bank
    from studyapp.services.context import AppContext

    with AppContext(data) as ctx:
        bank.generate_for_document(ctx, 1)
        bank.approve(ctx, [q.id for q in bank.list_questions(ctx, 1)])
    return data


def test_paper_without_approved_questions_exits_2(capsys, data: Path, tmp_path: Path) -> None:
    from studyapp.services import documents
    from studyapp.services.context import AppContext

    with AppContext(data) as ctx:  # a document with no bank at all (the seed may ship one)
        doc = documents.import_text(ctx, "关于加强学习的通知\n一、总体要求\n认真学习，学以致用。").document_id
    code, out, err = run(capsys, "paper", str(doc), "-o", str(tmp_path / "p.pdf"), "--data", str(data))
    assert_bad_input(code, out, err)
    assert "审核通过的试题" in err
    assert_bad_input(*run(capsys, "paper", "99", "-o", str(tmp_path / "p.pdf"), "--data", str(data)))


def test_paper_and_key(capsys, approved: Path, tmp_path: Path) -> None:
    data = approved
    paper, key = tmp_path / "paper.pdf", tmp_path / "key.pdf"
    code, _, err = run(capsys, "paper", "1", "-o", str(paper), "--key", str(key), "--seed", "7",
                         "--data", str(data))
    assert code == 0, err
    text = text_of(paper)
    for needed in ("学习测试卷（A卷）", "学习测试卷（B卷）", "姓名", "单位", "得分", "一、单选题（每题2分，共20分）",
                   "答题卡（A卷）", "A卷第1页共"):
        assert needed in text, needed
    ktext = text_of(key)
    assert "参考答案及评分标准（A卷）" in ktext and "出处" in ktext and "原文" in ktext
    again = tmp_path / "again.pdf"
    assert run(capsys, "paper", "1", "-o", str(again), "--seed", "7", "--data", str(data))[0] == 0
    assert text_of(again) == text  # same seed, same paper


def test_only_the_a_variant_when_asked(capsys, approved: Path, tmp_path: Path) -> None:
    paper = tmp_path / "只出A卷.pdf"
    code, out, err = run(capsys, "paper", "1", "-o", str(paper), "--variants", "A", "--data", str(approved))
    assert code == 0, err
    assert "已生成试卷（A卷，每卷" in out and "参考答案" not in out
    text = text_of(paper)
    assert "学习测试卷（A卷）" in text and "（B卷）" not in text


def test_a_refused_paper_writes_no_file(capsys, data: Path, tmp_path: Path) -> None:
    target = tmp_path / "p.pdf"
    key = tmp_path / "k.pdf"
    assert_bad_input(*run(capsys, "paper", "第九十九号文件", "-o", str(target), "--key", str(key),
                          "--data", str(data)))
    assert not target.exists() and not key.exists()
