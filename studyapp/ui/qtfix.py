"""Work around PySide6 6.12 reference leaks on None, True and False (Python 3.11).

PySide6 6.12 hands back None (QObject.parent(), QComboBox.currentData(), QTreeWidgetItem.data()
…) and True/False (signal disconnect() …) without taking a new reference, so every such call
drops one reference from the singleton. After some thousands of calls — minutes of ordinary use
of the 题库, the records or the reader — CPython aborts with "none_dealloc"/"bool_dealloc".
Python 3.12+ makes these objects immortal; on 3.11 each gets a huge reference count once, so
the leak can never reach zero. Imported by studyapp.ui's __init__, i.e. before any widget.
Remove when PySide6 is fixed or the bundle moves to Python 3.12+.
"""

from __future__ import annotations

import sys

_PINNED = False


def pin_immortals() -> None:
    """Give None, True and False a reference count no leak can exhaust (CPython < 3.12 only)."""
    global _PINNED
    if _PINNED or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for obj in (None, True, False):
        # ob_refcnt is the first field of every PyObject
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40
    _PINNED = True
