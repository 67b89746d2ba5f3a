"""Where things live: bundled resources (also inside a PyInstaller bundle) and the data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

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


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: `--data DIR`, else $STUDYAPP_DATA, else the platform's user data dir."""
    if override:
        path = Path(override)
    elif os.environ.get("STUDYAPP_DATA"):
        path = Path(os.environ["STUDYAPP_DATA"])
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return path.expanduser()
