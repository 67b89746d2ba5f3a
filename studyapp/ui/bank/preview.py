"""The right-hand side of the 题库: a question as the learner will see it, then key and source.

Built as simple HTML for a QTextBrowser: a reviewer reads the stem and options exactly as a
quiz shows them, then checks the key against the quoted sentence, which is highlighted inside
its paragraph so the context that makes the key right (or wrong) is in view.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from studyapp.services.dto import QuestionView
from studyapp.ui import style
from studyapp.ui.bank.names import (
    DIFFICULTY_NAMES,
    ORIGIN_NAMES,
    STATUS_NAMES,
    TYPE_NAMES,
    answer_text,
    letter,
)

STATUS_COLORS = {"draft": style.DRAFT, "approved": style.READ_MARK, "retired": style.MUTED}


@dataclass(frozen=True)
class SourceView:
    """What the preview needs to show a question's source; None fields mean "not found"."""

    path: str  # "一、全面推进依法治市的总体要求 › 1.指导思想"
    paragraph: str | None = None  # the field of the section the quote was found in
    start: int = 0
    end: int = 0


def _esc(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br/>")


def _label(text: str) -> str:
    return f'<p style="margin-top:14px; margin-bottom:4px; color:{style.MUTED};"><b>{text}</b></p>'


def learner_html(view: QuestionView) -> str:
    """Stem and choices only, as in a quiz (no key, no source)."""
    parts = [f'<p style="font-size:15pt; line-height:150%; margin-bottom:8px;">{_esc(view.stem)}</p>']
    choices: list[str] = []
    if view.type in ("single", "multiple"):
        choices = [f"{letter(i)}．{o}" for i, o in enumerate(view.options)]
    elif view.type == "judge":
        choices = ["○ 对", "○ 错"]
    for c in choices:
        parts.append(f'<p style="font-size:14pt; margin:3px 0 3px 24px;">{_esc(c)}</p>')
    if view.type == "short":
        parts.append(f'<p style="color:{style.MUTED}; margin-left:24px;">（简答题，由阅卷人评分）</p>')
    return "".join(parts)


def meta_html(view: QuestionView) -> str:
    """One muted line: type, status, origin, difficulty, tags."""
    color = STATUS_COLORS.get(view.status, style.INK)
    bits = [
        f"<b>{TYPE_NAMES.get(view.type, view.type)}</b>",
        f'<span style="color:{color};"><b>{STATUS_NAMES.get(view.status, view.status)}</b></span>',
        f"来源：{ORIGIN_NAMES.get(view.origin, view.origin)}",
        f"难度：{DIFFICULTY_NAMES.get(view.difficulty, '中')}",
    ]
    if view.tags:
        bits.append("标签：" + html.escape("、".join(view.tags)))
    return f'<p style="color:{style.MUTED}; margin-bottom:10px;">{" &nbsp;·&nbsp; ".join(bits)}</p>'


def source_html(view: QuestionView, source: SourceView) -> str:
    """Section path, then the paragraph with the quoted sentence highlighted."""
    out = [_label("出处")]
    if source.path:
        out.append(f'<p style="color:{style.INK}; margin-bottom:6px;">{_esc(source.path)}</p>')
    if source.paragraph is not None and source.end > source.start:
        p = source.paragraph
        before, quote, after = p[: source.start], p[source.start: source.end], p[source.end:]
        out.append(
            f'<p style="line-height:160%; color:{style.MUTED};">{_esc(before)}'
            f'<span style="background-color:{style.SOURCE_MARK}; color:{style.INK};">{_esc(quote)}</span>'
            f"{_esc(after)}</p>"
        )
    elif view.quote.strip():
        out.append(
            f'<p style="color:{style.WARN_INK}; background-color:{style.WARN_BG};">'
            "⚠ 这句出处原文在文件中找不到，无法与原文核对：</p>"
            f'<p style="line-height:160%;">{_esc(view.quote)}</p>'
        )
    else:
        out.append(
            f'<p style="color:{style.WARN_INK}; background-color:{style.WARN_BG};">'
            "⚠ 这道题没有出处原文，学员无法对照原文核对。可点「编辑…」补上原句。</p>"
        )
    return "".join(out)


def question_html(view: QuestionView, source: SourceView) -> str:
    """The whole preview of one question."""
    answer = answer_text(view)
    parts = [
        meta_html(view),
        (f'<table width="100%" cellpadding="14" cellspacing="0" '
         f'style="border: 1px solid {style.BORDER}; background-color: {style.PAPER};"><tr><td>'),
        learner_html(view),
        "</td></tr></table>",
        _label("答案"),
        f'<p style="font-size:14pt; color:{style.READ_MARK};"><b>{_esc(answer) or "（未填写）"}</b></p>',
    ]
    if view.explanation.strip():
        parts += [_label("解析"), f'<p style="line-height:150%;">{_esc(view.explanation)}</p>']
    parts.append(source_html(view, source))
    return "".join(parts)


def section_html(heading: str, path: str, count: int, text: str) -> str:
    """What the preview shows when a section (not a question) is selected."""
    parts = [
        f'<p style="font-size:15pt;"><b>{_esc(heading)}</b></p>',
        f'<p style="color:{style.MUTED};">{_esc(path)}</p>' if path and path != heading else "",
        (f'<p style="color:{style.MUTED};">本节（含下级条目）在当前筛选下有 {count} 道试题。'
         "可点「重新生成本节」，为本节重新生成草稿；已审核、已修改和手工添加的试题不受影响。</p>"),
    ]
    if text.strip():
        parts += [_label("本节原文"), f'<p style="line-height:160%;">{_esc(text)}</p>']
    return "".join(parts)


def reading_html(stem: str) -> str:
    """A question of a long list whose whole text is still being read (a moment)."""
    return (f'<p style="font-size:13pt;">{_esc(stem)}</p>'
            f'<p style="color:{style.MUTED};">正在读取这道题……</p>')


def empty_html(has_questions: bool) -> str:
    if has_questions:
        message = "没有符合筛选条件的试题。请放宽左上方的题型、标签、状态、来源或搜索条件。"
    else:
        message = "这份文件的题库还是空的。点下方「生成试题」，软件会根据原文自动出题（草稿），再由您逐题审核。"
    return f'<p style="color:{style.MUTED}; font-size:13pt; margin-top:24px;">{message}</p>'


# ---------------------------------------------------------------------------------- 逐题审核

REVIEW_STATUS_NAMES = {"draft": "待审核", "approved": "已通过", "retired": "已停用"}
KEY_BG = style.KEY_BG


def review_html(view: QuestionView) -> str:
    """One question for 逐题审核: the stem, the options with the key marked, the explanation.

    A reviewer checks key against source, so the key sits on the options themselves (green,
    ✓) instead of in a separate line of letters to match up.
    """
    color = STATUS_COLORS.get(view.status, style.INK)
    bits = [
        f"<b>{TYPE_NAMES.get(view.type, view.type)}</b>",
        f'<span style="color:{color};"><b>{REVIEW_STATUS_NAMES.get(view.status, view.status)}</b></span>',
        f"来源：{ORIGIN_NAMES.get(view.origin, view.origin)}",
        f"难度：{DIFFICULTY_NAMES.get(view.difficulty, '中')}",
        f"编号 {view.id}",
    ]
    if view.tags:
        bits.append("标签：" + html.escape("、".join(view.tags)))
    parts = [
        f'<p style="color:{style.MUTED}; margin-bottom:8px;">{" &nbsp;·&nbsp; ".join(bits)}</p>',
        f'<p style="font-size:15pt; line-height:150%; margin-bottom:8px;">{_esc(view.stem)}</p>',
    ]
    key = set(view.answer or []) if view.type in ("single", "multiple") else set()
    if view.type in ("single", "multiple"):
        rows = []
        for i, option in enumerate(view.options):
            text = f"{letter(i)}．{_esc(option)}"
            if i in key:
                rows.append(
                    f'<tr><td bgcolor="{KEY_BG}" style="font-size:14pt; padding:5px 8px;"><b>{text}</b>'
                    f'&nbsp;&nbsp;<span style="font-size:12pt; color:{style.READ_MARK};">✓ 正确答案</span>'
                    "</td></tr>")
            else:
                rows.append(f'<tr><td style="font-size:14pt; padding:5px 8px;">{text}</td></tr>')
        parts.append('<table width="100%" cellspacing="3" cellpadding="0">' + "".join(rows) + "</table>")
    else:
        answer = answer_text(view)
        name = {"judge": "答案", "fill": "填空答案", "short": "参考要点"}.get(view.type, "答案")
        parts += [
            _label(name),
            f'<p style="font-size:14pt; color:{style.READ_MARK}; background-color:{KEY_BG};">'
            f"<b>✓ {_esc(answer) or '（未填写）'}</b></p>",
        ]
    if view.explanation.strip():
        parts += [_label("解析"), f'<p style="line-height:150%;">{_esc(view.explanation)}</p>']
    return "".join(parts)


def review_done_html(approved: int, retired: int, skipped: int, pending: int) -> str:
    """What the review shows when its queue is worked through."""
    lines = [f'<p style="font-size:16pt; color:{style.READ_MARK};"><b>本轮审核完成</b></p>',
             f'<p style="font-size:13pt;">已通过 {approved} 道，已停用 {retired} 道。</p>']
    if pending:
        lines.append(f'<p style="font-size:13pt; color:{style.WARN_INK};">题库中还有 {pending} 道待审核'
                     f"{f'（其中本轮跳过 {skipped} 道）' if skipped else ''}，"
                     "可点「继续审核剩下的」接着审核。</p>")
    else:
        lines.append(f'<p style="font-size:13pt; color:{style.MUTED};">题库中没有待审核的试题了。'
                     "审核通过的试题现在可以用于练习、考试和会议室。</p>")
    return "".join(lines)

