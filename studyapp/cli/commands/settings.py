"""`studyapp settings [NAME [VALUE] | --reset NAME]`: the data folder's settings from the command
line — above all the unit that heads every printed form (org.unit_name, 「某某乡党委」), which
until now only the GUI could set."""

from __future__ import annotations

import argparse

from studyapp.cli.common import open_context, out, print_json
from studyapp.config import OPTIONS
from studyapp.core.model import UserError
from studyapp.services import settings as settings_service

# the names a cadre types (单位 for org.unit_name), besides the declared dotted names
ALIASES = {"单位": "org.unit_name", "unit": "org.unit_name"}


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "settings", parents=[parent], help="查看或修改设置（如打印表头的单位名称）",
        description="不带参数：列出全部设置及其当前值。带设置名：显示该项；再带一个值：修改该项。"
                    "例如：studyapp settings 单位 某某乡党委")
    p.add_argument("name", metavar="NAME", nargs="?", help="设置名（如 org.unit_name，或“单位”）")
    p.add_argument("value", metavar="VALUE", nargs="?", help="新的值")
    p.add_argument("--reset", action="store_true", help="恢复该项的默认值")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(handler=run)
    a = subparsers.add_parser(
        "admin-pin", parents=[parent], help="查看或取消（忘记时）管理员密码",
        description="不带参数：显示是否已设置管理员密码。--reset：取消忘记了的管理员密码（记入操作记录），"
                    "程序窗口下次进行管理工作时会要求设置新的密码。")
    a.add_argument("--reset", action="store_true", help="取消管理员密码（忘记密码时）")
    a.set_defaults(handler=run_admin_pin)


def run_admin_pin(args: argparse.Namespace) -> int:
    from studyapp.services import admin

    ctx = open_context(args)
    try:
        if args.reset:
            if admin.reset_pin(ctx):
                out("已取消管理员密码（已记入操作记录）。程序窗口下次进行管理工作时会要求设置新的密码。")
            else:
                out("还没有设置管理员密码，无需取消。")
            return 0
        out("已设置管理员密码。" if admin.has_pin(ctx) else "还没有设置管理员密码：程序窗口第一次进行管理工作时会要求设置。")
        return 0
    finally:
        ctx.close()


def _name(raw: str) -> str:
    name = ALIASES.get(raw.strip(), raw.strip())
    if name not in OPTIONS:
        known = "、".join(sorted(OPTIONS))
        raise UserError(f"没有名为“{raw}”的设置。可用的设置有：{known}（单位名称也可写“单位”）。")
    return name


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    return "（未设置）" if value in ("", None) else str(value)


def run(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    try:
        if args.name is None:
            if args.reset:
                raise UserError("请写出要恢复默认值的设置名，例如：studyapp settings --reset 单位")
            values = settings_service.all_settings(ctx)
            if args.json:
                print_json(values)
            else:
                for name, opt in OPTIONS.items():
                    out(f"{name}\t{_shown(values[name])}\t{opt.description}")
            return 0
        name = _name(args.name)
        opt = OPTIONS[name]
        if args.reset:
            if args.value is not None:
                raise UserError("--reset 不能和新的值一起使用。")
            settings_service.reset_setting(ctx, name)
            out(f"已恢复默认：{opt.description}＝{_shown(opt.default)}")
            return 0
        if args.value is not None:
            if name == "org.unit_name" and not args.value.strip():
                raise UserError("单位名称不能为空。要清除，请用：studyapp settings --reset 单位")
            if name == "org.unit_name":
                from studyapp.services import printing

                stored = printing.set_unit_name(ctx, args.value)
                out(f"已设置：{opt.description}＝{stored}")
                return 0
            try:
                settings_service.set_setting(ctx, name, args.value.strip())
            except ValueError as exc:
                raise UserError(str(exc)) from exc
            out(f"已设置：{opt.description}＝{_shown(settings_service.get_setting(ctx, name))}")
            return 0
        value = settings_service.get_setting(ctx, name)
        if args.json:
            print_json({name: value})
        else:
            out(f"{opt.description}：{_shown(value)}")
        return 0
    finally:
        ctx.close()
