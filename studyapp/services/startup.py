"""What the main window needs before the database layer has loaded: its saved geometry.

Read with the standard library's sqlite3, read-only, so the window can appear at its place at
once; SQLAlchemy, the migrations and the document come right after. Anything unexpected (no
database yet, another server, a locked or newer file) just means "no saved state".
"""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

from studyapp.config import option

log = logging.getLogger("studyapp.services")

DB_FILENAME = "studyapp.sqlite3"  # the same file as studyapp.db.engine.DB_FILENAME


def peek_settings(data_dir: Path, names: list[str]) -> dict[str, Any]:
    """Stored values of declared settings in `data_dir`'s database, without opening it for
    writing; missing ones are left out."""
    for name in names:
        option(name)  # undeclared names are a programming error, as everywhere else
    path = Path(data_dir) / DB_FILENAME
    if not path.is_file():
        return {}
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return {}
    try:
        marks = ",".join("?" for _ in names)
        rows = conn.execute(f"SELECT name, value FROM setting WHERE name IN ({marks})", names)
        # JSON text, except that SQLite's numeric affinity already turned numbers into numbers
        return {name: json.loads(value) if isinstance(value, (str, bytes)) else value
                for name, value in rows if value is not None}
    except (sqlite3.Error, ValueError) as exc:
        log.debug("no saved window state: %s", exc)
        return {}
    finally:
        conn.close()
