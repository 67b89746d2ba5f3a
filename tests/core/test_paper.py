"""On a paper about one document, stems do not repeat the document's name its header states."""

from __future__ import annotations

import pytest

from studyapp.core.paper import shorten_stem

T = "《中共遵义市委关于全面推进依法治市的实施意见》"


@pytest.mark.parametrize("stem,expected", [
    (f"根据{T}“指导思想”部分填空：以____为指导。", "根据“指导思想”部分填空：以____为指导。"),
    (f"{T}中，“建立执法公示制度”属于下列哪一项工作的内容？", "“建立执法公示制度”属于下列哪一项工作的内容？"),
    (f"{T}“总体目标”部分提出：“实现（　　）”。", "“总体目标”部分提出：“实现（　　）”。"),
    (f"{T}提出的基本原则包括下列哪些？", "本文件提出的基本原则包括下列哪些？"),
    ("下列哪一项不属于本文件提出的基本原则？", "下列哪一项不属于本文件提出的基本原则？"),
    (f"{T}规定了什么？", f"{T}规定了什么？"),  # a form not listed stays whole
    (f"关于{T}“总体目标”", f"关于{T}“总体目标”"),  # only a leading mention
])
def test_shorten_stem(stem: str, expected: str) -> None:
    assert shorten_stem(stem, T) == expected


def test_no_title_leaves_the_stem_alone() -> None:
    assert shorten_stem(f"{T}中，“X”属于哪一项？", "") == f"{T}中，“X”属于哪一项？"
