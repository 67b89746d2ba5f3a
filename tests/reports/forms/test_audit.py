"""The 操作记录 form: the six columns with the header repeated on every page, each change on its
row, the count and the 核对人 signature, the scope line, an empty log that says so, and text
typed by users printed as text."""

from __future__ import annotations

from studyapp.reports.forms.audit import build_audit_log
from tests.reports.conftest import pdf_pages, pdfminer_text

UNIT = "遵义县龙坑乡人民政府"


def _row(n: int) -> list[str]:
    return [f"2026-03-{n % 28 + 1:02d} 09:{n % 60:02d}", "管理员", "成绩", "修改成绩",
            f"王德伦第{n}号", f"{80 + n % 10} → {90 - n % 10}"]


def test_each_change_is_a_row_with_the_count_and_a_signature_line() -> None:
    rows = [_row(1), ["2026-03-02 10:15", "王德伦", "名册", "新增人员", "孙丽（财政所）", "新增"]]
    pdf = build_audit_log(UNIT, rows, scope="类别：名册")
    [page] = pdf_pages(pdf)
    assert "操作记录" in page and UNIT in page and "类别：名册" in page
    assert "时间操作人类别操作对象改动" in page
    assert "王德伦名册新增人员孙丽（财政所）新增" in page
    assert "共2条" in page and "核对人签字" in page and "第1页共1页" in page
    assert "孙丽（财政所）" in pdfminer_text(pdf)  # real text, searchable


def test_a_long_log_runs_over_pages_with_the_header_on_each() -> None:
    pages = pdf_pages(build_audit_log(UNIT, [_row(n) for n in range(120)]))
    assert len(pages) > 2
    for n, page in enumerate(pages, start=1):
        assert f"第{n}页共{len(pages)}页" in page
        assert "时间操作人类别操作对象改动" in page or "王德伦" not in page  # every page with rows
    text = "".join(pages)
    assert "王德伦第0号" in text and "王德伦第119号" in text and "共120条" in text
    assert "核对人签字" in pages[-1] and "日期" in pages[-1]  # the signature is not split from its date


def test_an_empty_log_says_there_is_nothing() -> None:
    [page] = pdf_pages(build_audit_log(UNIT, []))
    assert "没有记录" in page and "共0条" in page


def test_text_typed_by_users_is_printed_as_it_is() -> None:
    rows = [["2026-03-02 10:15", "管理员", "名册", "修改人员", "<b>王伟</b>&amp;张", "=SUM(A1)"]]
    text = "".join(pdf_pages(build_audit_log(UNIT, rows, scope="<i>名册</i>")))
    assert "<b>王伟</b>&amp;张" in text and "=SUM(A1)" in text and "<i>名册</i>" in text
