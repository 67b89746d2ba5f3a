"""Where things live: bundled resources (also inside a PyInstaller bundle) and the data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from studyapp import APP_NAME


def _share_root() -> Path:
    """Where resources/ and questions/ are: the PyInstaller bundle, the checkout (beside the
    package), or <prefix>/share/studyapp after a regular `pip install` (pyproject data-files)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "resources").is_dir():
        return checkout
    return Path(sys.prefix) / "share" / APP_NAME


def resources_dir() -> Path:
    """The resources/ folder (fonts, bundled documents, stroke data)."""
    return _share_root() / "resources"


class MissingResource(Exception):
    """A file the program ships is not where it should be: the installation is incomplete.
    (A UserError by its message attribute; kept here so paths imports nothing of the app.)"""

    def __init__(self, path: Path, what: str) -> None:
        self.path = path
        self.message = f"缺少本软件自带的{what}（{path}），安装不完整。请重新安装本软件，或从安装包中恢复 resources 文件夹。"
        super().__init__(self.message)


def require(path: Path, what: str) -> Path:
    """`path`, or MissingResource with a Chinese message naming `what` (内置字体, 汉字笔画表…)."""
    if not path.is_file():
        raise MissingResource(path, what)
    return path


def font_path() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


def seed_document_path() -> Path:
    return resources_dir() / "documents" / "zunyi-yifazhishi-2014.txt"


def questions_dir() -> Path:
    """The questions/ folder of reviewed bank files (one per bundled document), beside
    resources/ (build.spec ships both)."""
    return _share_root() / "questions"


def bundled_bank_path(source_name: str) -> Path:
    """The bank file of a bundled document: questions/<file name without suffix>.yaml."""
    return questions_dir() / f"{Path(source_name).stem}.yaml"


PORTABLE_MARKER = "portable"  # (portable.txt too): beside the program, data go beside it
PORTABLE_FOLDER = "学习测评数据"


def program_dir() -> Path:
    """The folder of the program itself: the executable's when packaged, else the checkout."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def portable_data_dir(program: Path | None = None) -> Path | None:
    """The data folder beside the program when a `portable` marker file is there: studyapp
    carried on a USB stick keeps its data on the stick, whatever drive letter the stick gets."""
    folder = program or program_dir()
    if any((folder / name).is_file() for name in (PORTABLE_MARKER, PORTABLE_MARKER + ".txt")):
        return folder / PORTABLE_FOLDER
    return None


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: `--data DIR`, else $STUDYAPP_DATA, else beside the program when it is
    portable (a `portable` file there), else the platform's user data dir."""
    if override:
        path = Path(override)
    elif os.environ.get("STUDYAPP_DATA"):
        path = Path(os.environ["STUDYAPP_DATA"])
    elif portable_data_dir() is not None:
        path = portable_data_dir()  # type: ignore[assignment]  # (not None: checked on the line above)
    else:
        import platformdirs  # only when no folder was given

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return path.expanduser()
