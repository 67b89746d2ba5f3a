"""Text helpers of the generator: sentences and clauses verbatim, quotes compared in one folded
form, statements without their closing punctuation."""

from __future__ import annotations

from studyapp.core.questions.text import clauses, is_terminated, norm, sentences, strip_end


def test_sentences_are_cut_after_their_end_with_closing_quotes_kept() -> None:
    assert sentences("第一句。第二句！\n第三句“引号。”后面") == ["第一句。", "第二句！", "第三句“引号。”", "后面"]


def test_a_line_break_ends_a_sentence_and_blank_lines_vanish() -> None:
    assert sentences("  标题\n\n正文第一句。  ") == ["标题", "正文第一句。"]
    assert sentences("") == []


def test_clauses_are_split_at_semicolons_with_their_terminator() -> None:
    assert clauses("甲；乙；丙。") == ["甲；", "乙；", "丙。"]


def test_norm_folds_width_and_drops_whitespace() -> None:
    assert norm("ＡＢ　c d") == "ABcd"
    assert norm("第一条 为了规范管理。") == norm("第一条为了规范管理。")


def test_strip_end_and_is_terminated() -> None:
    assert strip_end("应当依法办理。") == "应当依法办理"
    assert strip_end("包括：") == "包括"
    assert is_terminated("好。”") and is_terminated("如下：")
    assert not is_terminated("没有结尾") and not is_terminated("")


def test_nfkc_maps_full_width_first_and_gives_what_nfkc_gives() -> None:
    """text.nfkc folds full-width ASCII by a table before NFKC (the fast path for Chinese text):
    the result is NFKC's own, on every kind of character a document holds."""
    import unicodedata

    from studyapp.core.questions.text import nfkc

    for s in ("第一条　为了加强管理，根据《中华人民共和国××法》（以下简称“本法”）；制定本条例：１２３ＡＢＣ。",
              "ｶﾞ…①㈠㊀ﬁ\u3000ｅ\u0301", "".join(chr(c) for c in range(0xFF00, 0xFFF0))):
        assert nfkc(s) == unicodedata.normalize("NFKC", s)
