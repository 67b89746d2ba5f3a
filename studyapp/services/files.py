"""Writing what the user saves (forms, papers, exported banks) the safe way.

Beside the target first, then renamed over it: a full disk or a failure midway never leaves half
a file, and an old copy stays whole until the new one is complete. A file held open by Excel,
WPS or a PDF reader (Windows refuses to replace it) is named in a Chinese message instead of
「[Errno 13] Permission denied」.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from studyapp.core.model import UserError


def save_bytes(path: Path, data: bytes) -> Path:
    path = Path(path)
    part = path.with_name(path.name + ".part")
    try:
        part.write_bytes(data)
        os.replace(part, path)
    except PermissionError:
        _discard(part)
        raise UserError(f"无法写入“{path.name}”：这个文件可能正在 Excel、WPS 或 PDF 阅读器中打开。"
                            "请先关闭它，或换一个文件名再保存。") from None
    except OSError as exc:
        _discard(part)
        if exc.errno == errno.ENOSPC:
            raise UserError("磁盘空间不足，文件没有保存。请清理磁盘空间后重试。") from None
        raise UserError(f"无法写入“{path}”：{exc.strerror or exc}。请检查文件夹是否存在、是否可写。") from None
    return path


def save_text(path: Path, text: str) -> Path:
    """UTF-8 text with \\n line ends (the bank file, GIFT, Moodle XML), written as save_bytes does."""
    return save_bytes(path, text.encode("utf-8"))


def _discard(part: Path) -> None:
    try:
        part.unlink(missing_ok=True)
    except OSError:
        pass
