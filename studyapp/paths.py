"""Where things live: bundled resources (also inside a PyInstaller bundle) and the data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from studyapp import APP_NAME


def resources_dir() -> Path:
    """The resources/ folder: beside the package in a checkout, or in the PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def font_path() -> Path:
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


def seed_document_path() -> Path:
    return resources_dir() / "documents" / "zunyi-yifazhishi-2014.txt"


def questions_dir() -> Path:
    """The questions/ folder of reviewed bank files (one per bundled document).

    Beside resources/ in a checkout; in a PyInstaller bundle build.spec must ship it as data
    under "questions" (like "resources").
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "questions"
    return resources_dir().parent / "questions"


def bundled_bank_path(source_name: str) -> Path:
    """The bank file of a bundled document: questions/<file name without suffix>.yaml."""
    return questions_dir() / f"{Path(source_name).stem}.yaml"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: `--data DIR`, else $STUDYAPP_DATA, else the platform's user data dir."""
    if override:
        path = Path(override)
    elif os.environ.get("STUDYAPP_DATA"):
        path = Path(os.environ["STUDYAPP_DATA"])
    else:
        import platformdirs  # only when no folder was given

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return path.expanduser()
