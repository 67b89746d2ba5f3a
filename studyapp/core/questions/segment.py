"""Chinese word segmentation and part-of-speech tags (rjieba: jieba's dictionary and HMM in Rust).

rjieba gives the same words as jieba (checked on the bundled documents: 212,580 words, none
different) about seventeen times faster and with no dictionary to load or cache on disk, so a
1 MB document is segmented in a fraction of a second. It is still imported on first use only:
importing studyapp.core.questions stays cheap.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from typing import Any

log = logging.getLogger("studyapp.core")

_lock = threading.Lock()
_rj: Any = None


def _load() -> Any:
    global _rj
    if _rj is None:
        with _lock:
            if _rj is None:
                import rjieba  # compiled extension: keep off the import path of studyapp.core.questions

                _rj = rjieba
                log.debug("rjieba loaded")
    return _rj


def loaded() -> bool:
    """Whether the segmenter has been loaded (lets tests prove import stays cheap)."""
    return _rj is not None


def warm_up() -> None:
    """Load the segmenter now (e.g. in a background task)."""
    tagged("的")


@lru_cache(maxsize=262144)
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part-of-speech tag) pairs of `text`; the words concatenate back to `text`."""
    if not text:
        return ()
    return tuple(_load().tag(text))  # ((word, tag), …) as the segmenter gives them


def tokens(text: str) -> list[str]:
    """Words of `text`, concatenating back to `text` exactly."""
    return [w for w, _ in tagged(text)]


def boundaries(text: str) -> set[int]:
    """Offsets in `text` where a word starts or ends."""
    return set(bounds(text))


@lru_cache(maxsize=16384)
def bounds(text: str) -> frozenset[int]:
    """`boundaries` as a cached frozenset (judges and the verifier ask about the same sentence)."""
    out = {0}
    pos = 0
    for w, _ in tagged(text):
        pos += len(w)
        out.add(pos)
    return frozenset(out)


@lru_cache(maxsize=131072)
def pos_of(word: str) -> str:
    """Part-of-speech tag of a word on its own ("" when it is not one word)."""
    tags = tagged(word)
    if len(tags) != 1:
        return ""
    return tags[0][1] if tags[0][1] != "x" else ""


def has_word(word: str) -> bool:
    """Whether the dictionary knows `word` as one word."""
    return bool(_load().has_word(word))
