"""Study records from the command line: roster, sessions, attendance, scores, printing, 学时.

    studyapp roster import FILE            名册导入（.xlsx / .csv），有问题的行逐行报告
    studyapp roster list [--order O]       名册
    studyapp sessions [--json]             学习记录列表（应到/实到）
    studyapp attendance SESSION FILE       导入考勤（姓名, 状态, 原因[, 单位]）
    studyapp scores SESSION FILE           导入成绩（姓名, 得分[, 单位]）
    studyapp print signin|signin-archive|record|scores SESSION -o OUT.pdf [--order roster|strokes|pinyin]
    studyapp hours [YEAR] [--target N]     学时台账

Files with a bad line store nothing: every bad line is listed and the exit status is 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from studyapp.cli.common import open_context, out, print_json
from studyapp.core.model import UserError
from studyapp.services import files

ORDERS = ("roster", "strokes", "pinyin")
FORM_NAMES = {"signin": "签到表", "signin-archive": "签到表（存档）", "record": "学习记录", "scores": "成绩登记表"}


def _year(text: str) -> int:
    if not (text.strip().isascii() and text.strip().isdigit()) or not 1949 <= int(text) <= 2200:
        raise argparse.ArgumentTypeError(f"年度“{text}”应为四位数的年份，例如 2015")
    return int(text)


def _target(text: str) -> float:
    """A year's target of hours: a number above 0 and at most 2,000 (not -5, nan or inf)."""
    import math

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"学时目标“{text}”应为数字") from None
    if not math.isfinite(value) or not 0 < value <= 2000:
        raise argparse.ArgumentTypeError(f"学时目标“{text}”不合理，应在 0～2000 学时之间") from None
    return value


def session_id(text: str) -> int:
    """A session number from the command line, with a Chinese message when it is not one."""
    from studyapp.core.names import is_id

    value = text.strip()
    if not is_id(value):
        raise UserError(
            f"学习记录编号“{text}”无效，应为数字。运行 studyapp sessions 查看各学习记录的编号。"
        )
    return int(value)


def _order_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--order", choices=ORDERS, default=None,
                   help="名单顺序：roster 名册顺序（默认）、strokes 姓氏笔画、pinyin 拼音")


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    r = subparsers.add_parser("roster", parents=[parent], help="人员名册：导入、查看",
                              description="人员名册。导入 .xlsx 或 .csv（列：姓名、单位、职务、排序号、分组、备注）。")
    rsub = r.add_subparsers(dest="roster_command", metavar="操作", required=True, parser_class=type(r))
    ri = rsub.add_parser("import", parents=[parent], help="导入名册",
                         description="导入名册；文件中有问题的行会逐行列出，此时不导入任何人员。")
    ri.add_argument("file", metavar="FILE", help=".xlsx 或 .csv 文件")
    ri.add_argument("--json", action="store_true", help="以 JSON 输出导入结果")
    ri.set_defaults(handler=run_roster_import)
    rl = rsub.add_parser("list", parents=[parent], help="列出名册", description="列出名册中的在册人员。")
    _order_arg(rl)
    rl.add_argument("--json", action="store_true", help="以 JSON 输出")
    rl.set_defaults(handler=run_roster_list)

    s = subparsers.add_parser("sessions", parents=[parent], help="学习记录列表",
                              description="列出学习记录（新的在前），含应到、实到人数。")
    s.add_argument("--json", action="store_true",
                   help='以 JSON 输出：[{"id","date","mode","place","leader","expected","present"}]')
    s.set_defaults(handler=run_sessions)

    a = subparsers.add_parser("attendance", parents=[parent], help="导入考勤",
                              description="导入一次学习的考勤（.csv/.xlsx：姓名、状态〔出席/请假/缺席/迟到〕、原因，"
                                          "可加“单位”列区分同名人员）。有任何问题时不保存。")
    a.add_argument("session", metavar="SESSION", help="学习记录编号")
    a.add_argument("file", metavar="FILE", help="考勤文件")
    a.set_defaults(handler=run_attendance)

    sc = subparsers.add_parser("scores", parents=[parent], help="导入成绩",
                               description="导入一次学习的测试成绩（.csv/.xlsx：姓名、得分，可加“单位”列；"
                                           "缺考填“缺考”或留空）。有任何问题时不保存。")
    sc.add_argument("session", metavar="SESSION", help="学习记录编号")
    sc.add_argument("file", metavar="FILE", help="成绩文件")
    sc.set_defaults(handler=run_scores)

    pr = subparsers.add_parser("print", parents=[parent], help="打印表格（PDF）",
                               description="生成签到表、学习记录或成绩登记表（PDF；签到表和成绩登记表也可输出 .xlsx）。")
    pr.add_argument("form", choices=tuple(FORM_NAMES), metavar="signin|signin-archive|record|scores",
                    help="signin 签到表（会前签到用，空白）、signin-archive 签到表（会后存档，注明请假、缺席、迟到）、"
                         "record 学习记录、scores 成绩登记表")
    pr.add_argument("session", metavar="SESSION", help="学习记录编号")
    pr.add_argument("-o", "--output", metavar="OUT.pdf", required=True, help="输出文件")
    _order_arg(pr)
    pr.set_defaults(handler=run_print)

    h = subparsers.add_parser("hours", parents=[parent], help="学时台账",
                              description="某年度每人的学时，与年度目标比较，列出未达标人员。")
    h.add_argument("year", metavar="YEAR", nargs="?", type=_year, default=None, help="年度（默认今年）")
    h.add_argument("--target", type=_target, default=None, metavar="N", help="年度学时目标（默认按设置）")
    _order_arg(h)
    h.add_argument("--json", action="store_true", help="以 JSON 输出")
    h.set_defaults(handler=run_hours)


def run_roster_import(args: argparse.Namespace) -> int:
    from studyapp.services import roster

    with open_context(args) as ctx:
        preview = roster.preview_import(ctx, Path(args.file))
        for w in preview.warnings:
            out(f"提示：{w}")
        result = roster.commit_import(ctx, preview)  # raises (exit 2) when a line is wrong
    if args.json:
        print_json({"added": result.added, "updated": result.updated, "unchanged": result.unchanged,
                    "groups_created": result.groups_created})
        return 0
    out(f"名册已导入：新增 {result.added} 人，更新 {result.updated} 人，未变 {result.unchanged} 人。")
    return 0


def run_roster_list(args: argparse.Namespace) -> int:
    from studyapp.services import roster

    with open_context(args) as ctx:
        people = roster.list_people(ctx, args.order or "roster")
    if args.json:
        print_json([{"id": p.id, "name": p.name, "unit": p.unit, "post": p.post,
                     "sort_no": p.sort_no, "groups": list(p.groups)} for p in people])
        return 0
    if not people:
        out("名册中还没有人员。用 studyapp roster import FILE 导入。")
    for i, p in enumerate(people, start=1):
        out(f"{i:>3}. {p.display_name}　{p.unit}　{p.post}".rstrip("　"))
    return 0


def run_sessions(args: argparse.Namespace) -> int:
    from studyapp.services import sessions

    with open_context(args) as ctx:
        listed = sessions.list_sessions(ctx)
    if args.json:
        print_json([{"id": s.id, "date": s.date, "mode": s.mode, "place": s.place,
                     "leader": s.leader, "expected": s.expected, "present": s.present}
                    for s in listed])
        return 0
    if not listed:
        out("还没有学习记录。导入带有学习信息的文件时会自动创建。")
    for s in listed:
        parts = [s.date or "日期未知", s.mode, s.place, f"领学人 {s.leader}" if s.leader else ""]
        out(f"{s.id:>4}  " + "，".join(p for p in parts if p) + f"；应到 {s.expected} 人，实到 {s.present} 人")
    return 0


def run_attendance(args: argparse.Namespace) -> int:
    from studyapp.services import attendance, sessions

    sid = session_id(args.session)
    with open_context(args) as ctx:
        sessions.get_session(ctx, sid)  # a missing session is reported before the file is read
        result = attendance.import_attendance(ctx, sid, Path(args.file))
        info = sessions.get_session(ctx, sid)
    extra = f"（其中 {result.added_expected} 人原不在应到名单中，已加入）" if result.added_expected else ""
    out(f"已导入考勤 {result.stored} 人{extra}。学习记录 {sid}：应到 {info.expected} 人，实到 {info.present} 人。")
    if result.missing:
        out(result.missing_message() + "（仍在应到名单中）")
    return 0


def run_scores(args: argparse.Namespace) -> int:
    from studyapp.services import scores, sessions

    sid = session_id(args.session)
    with open_context(args) as ctx:
        sessions.get_session(ctx, sid)
        result = scores.import_scores(ctx, sid, Path(args.file))
        summary = scores.summary_text(scores.session_scores(ctx, sid),
                                      expected=sessions.get_session(ctx, sid).expected)
    out(f"已导入成绩 {result.stored} 人。" + summary)
    return 0


def run_print(args: argparse.Namespace) -> int:
    from studyapp.services import printing, sessions

    sid = session_id(args.session)
    target = Path(args.output)
    with open_context(args) as ctx:
        sessions.get_session(ctx, sid)
        if target.suffix.lower() == ".xlsx":
            if args.form == "record":
                raise UserError("学习记录只能输出为 PDF，请把输出文件的扩展名改为 .pdf。")
            if args.form == "scores":
                data = printing.scores_xlsx(ctx, sid, args.order)
            else:
                data = printing.signin_xlsx(ctx, sid, args.order, archived=args.form == "signin-archive")
        else:
            data = printing.session_form_pdf(ctx, args.form.replace("-", "_"), sid, args.order)
    files.save_bytes(target, data)
    out(f"已生成{FORM_NAMES[args.form]}：{target}")
    return 0


def run_hours(args: argparse.Namespace) -> int:
    from studyapp.core.stats import fmt_score
    from studyapp.services import hours

    with open_context(args) as ctx:
        book = hours.ledger(ctx, args.year, args.target, args.order or "roster")
    if args.json:
        print_json({"year": book.year, "target": book.target,
                    "people": [{"id": r.person_id, "name": r.name, "unit": r.unit,
                                "hours": r.hours, "sessions": r.sessions, "short": r.short}
                               for r in book.rows]})
        return 0
    out(f"{book.year} 年度学时台账（目标 {fmt_score(book.target)} 学时）")
    for r in book.rows:
        state = "已达标" if r.reached else f"差 {fmt_score(r.short)}"
        out(f"  {r.display_name}　{fmt_score(r.hours)} 学时（{r.sessions} 次）　{state}")
    out(f"未达标 {len(book.short)} 人，共 {len(book.rows)} 人。")
    return 0
