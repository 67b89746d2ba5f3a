"""管理员密码: the PIN that guards the administrator's work in the window — the roster, study
sessions, attendance, scores, the question bank, imports, the document library and restoring a
backup. Learners read, practise and take quizzes without it.

It is set the first time anyone does the administrator's work in the window (the window asks
for it then, and does nothing until it is set) and changed in 文件 → 管理员密码…. The PIN is
stored as a salted scrypt hash, never as itself; five wrong tries in a row lock it for a minute.
The command line is the administrator's own tool and asks for nothing: a forgotten PIN is
removed there (`studyapp admin-pin --reset`, written in the 操作记录), and the window then asks
for a new one.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time

from studyapp.core.model import UserError
from studyapp.db.models import Setting
from studyapp.services import audit
from studyapp.services.context import AppContext

SETTING = "_state.admin_pin"
MIN_LENGTH, MAX_LENGTH = 4, 32
MAX_TRIES = 5
LOCK_SECONDS = 60
_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}

_failures: dict[str, list[float]] = {}  # data folder → times of recent wrong tries (this process)


def _hash(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32)


def has_pin(ctx: AppContext) -> bool:
    with ctx.begin() as session:
        row = session.get(Setting, SETTING)
        return bool(row is not None and isinstance(row.value, dict) and row.value.get("hash"))


def _check_new(pin: str) -> str:
    pin = pin.strip()
    if not MIN_LENGTH <= len(pin) <= MAX_LENGTH:
        raise UserError(f"管理员密码应为 {MIN_LENGTH}～{MAX_LENGTH} 位。")
    if any(ord(c) < 32 for c in pin):
        raise UserError("管理员密码里不能有控制字符。")
    return pin


def set_pin(ctx: AppContext, new: str, old: str | None = None) -> None:
    """Set (or change: `old` must be right) the administrator's PIN."""
    new = _check_new(new)
    if has_pin(ctx) and not verify(ctx, old or ""):
        raise UserError("原密码不对，管理员密码没有修改。")
    salt = os.urandom(16)
    value = {"salt": salt.hex(), "hash": _hash(new, salt, **_SCRYPT).hex(), **_SCRYPT}
    with ctx.begin(write=True) as session:
        row = session.get(Setting, SETTING)
        audit.record(session, ctx.actor, "设置", "修改" if row is not None and row.value else "设置",
                     "管理员密码", "", "已设置")
        session.merge(Setting(name=SETTING, value=value))


def clear_pin(ctx: AppContext, old: str) -> None:
    """Remove the PIN (`old` must be right): nothing asks for it any more."""
    if not verify(ctx, old):
        raise UserError("密码不对，管理员密码没有取消。")
    with ctx.begin(write=True) as session:
        row = session.get(Setting, SETTING)
        if row is not None:
            audit.record(session, ctx.actor, "设置", "取消", "管理员密码", "已设置", "")
            session.delete(row)


def reset_pin(ctx: AppContext) -> bool:
    """Remove a forgotten PIN without it (the command line only); False when none was set."""
    with ctx.begin(write=True) as session:
        row = session.get(Setting, SETTING)
        if row is None:
            return False
        audit.record(session, ctx.actor, "设置", "重置", "管理员密码", "已设置", "")
        session.delete(row)
    _failures.pop(str(ctx.data_dir), None)
    return True


def verify(ctx: AppContext, pin: str) -> bool:
    """Whether `pin` is the administrator's; UserError while locked after too many wrong tries."""
    key = str(ctx.data_dir)
    now = time.monotonic()
    recent = [t for t in _failures.get(key, []) if now - t < LOCK_SECONDS]
    if len(recent) >= MAX_TRIES:
        wait = int(LOCK_SECONDS - (now - recent[-MAX_TRIES])) + 1
        raise UserError(f"密码连续输错 {MAX_TRIES} 次，请 {wait} 秒后再试。")
    with ctx.begin() as session:
        row = session.get(Setting, SETTING)
        stored = row.value if row is not None and isinstance(row.value, dict) else None
    if not stored or not stored.get("hash"):
        return True  # no PIN set: nothing to check
    try:
        digest = _hash(pin or "", bytes.fromhex(stored["salt"]), int(stored["n"]), int(stored["r"]),
                       int(stored["p"]))
        ok = hmac.compare_digest(digest, bytes.fromhex(stored["hash"]))
    except (KeyError, ValueError):
        ok = False
    if ok:
        _failures.pop(key, None)
    else:
        _failures[key] = recent + [now]
    return ok
