"""The log a user can send when something went wrong: <data folder>/logs/studyapp.log.

A windowed program on Windows has no console: without a file, what went wrong is lost. The log
rotates (1 MB, five old files kept); a hard crash of the interpreter (a fault in Qt, say) is
written by faulthandler to crash.log beside it. No Qt here: the GUI adds its own excepthook.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "studyapp.log"
_installed: dict[str, object] = {}


def log_folder(data_dir: Path) -> Path:
    return Path(data_dir) / "logs"


def install(data_dir: Path, level: int = logging.INFO) -> Path | None:
    """Log to <data_dir>/logs/studyapp.log (once per process); None when the folder cannot be
    written (a read-only stick): the program still runs, only without its log."""
    folder = log_folder(data_dir)
    path = folder / LOG_NAME
    if _installed.get("path") == path:
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5,
                                                       encoding="utf-8", delay=True)
        crash = open(folder / "crash.log", "a", encoding="utf-8")  # noqa: SIM115 - open for the process
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(level)
    root = logging.getLogger()
    old = _installed.get("handler")
    if isinstance(old, logging.Handler):
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    faulthandler.enable(file=crash, all_threads=True)
    old_crash = _installed.get("crash")
    if old_crash is not None:
        old_crash.close()  # type: ignore[attr-defined]  # (the crash log's open file)
    _installed.update(path=path, handler=handler, crash=crash)
    logging.getLogger("studyapp").info("log started in %s", folder)
    return path


def current() -> Path | None:
    """The log file in use, if any."""
    path = _installed.get("path")
    return path if isinstance(path, Path) else None


def uninstall() -> None:
    """Stop logging to the file (tests; a data folder closed for another)."""
    import sys

    handler = _installed.pop("handler", None)
    if isinstance(handler, logging.Handler):
        logging.getLogger().removeHandler(handler)
        handler.close()
    crash = _installed.pop("crash", None)
    if crash is not None:
        if sys.__stderr__ is not None:  # (a windowed Windows program has none)
            faulthandler.enable(file=sys.__stderr__, all_threads=True)
        else:
            faulthandler.disable()
        crash.close()  # type: ignore[attr-defined]  # (the crash log's open file)
    _installed.pop("path", None)
