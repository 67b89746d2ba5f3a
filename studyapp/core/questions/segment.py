"""Chinese word segmentation and part-of-speech tags (rjieba: jieba's dictionary and HMM in Rust).

rjieba gives the same words as jieba (checked on the bundled documents: 212,580 words, none
different) about seventeen times faster and with no dictionary to load or cache on disk, so a
1 MB document is segmented in a fraction of a second. It is still imported on first use only:
importing studyapp.core.questions stays cheap. On loading, the names of departments by field
(水行政主管部门, 市场监督管理部门) are added to its dictionary as one word each.
"""

from __future__ import annotations

import logging
import threading
import time
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

                for word in _departments():
                    rjieba.add_word(word, None, "nt")
                _rj = rjieba
                log.debug("rjieba loaded")
    return _rj


# the fields of government a department is named for: 「水行政主管部门」「市场监督管理部门」 are one body
# each, where the dictionary alone cuts them into 水|行政|主管部门 (3,450 of 4,340 such names in the
# test documents were cut — no question could name the body a rule gives a duty)
_FIELDS = ("应急管理 水行政 水务 自然资源 规划 规划和自然资源 住房城乡建设 住房和城乡建设 交通运输 农业农村 卫生健康 "
           "生态环境 市场监督管理 市场监管 文化和旅游 文化旅游 文化广电旅游 文化广电旅游体育 人力资源社会保障 "
           "人力资源和社会保障 教育 民政 财政 司法行政 城市管理 林业 林业和草原 气象 发展改革 发展和改革 工业和信息化 "
           "经济和信息化 商务 审计 统计 医疗保障 退役军人事务 体育 科技 科学技术 公安 文物 网信 数据 药品监督管理 "
           "海洋 渔业 港口 邮政 金融 税务 粮食 粮食和物资储备 消防救援 人民防空 国防动员 档案 地震 国有资产监督管理").split()
_DEPARTMENT_TAILS = ("主管部门", "行政部门", "行政主管部门", "部门", "主管机构")


def _departments() -> list[str]:
    """The names of departments by field, each one word to the segmenter."""
    return [f + t for f in _FIELDS for t in _DEPARTMENT_TAILS if not (f == "司法行政" and t.startswith("行政"))]


def loaded() -> bool:
    """Whether the segmenter has been loaded (lets tests prove import stays cheap)."""
    return _rj is not None


def warm_up() -> None:
    """Load the segmenter now (e.g. in a background task)."""
    tagged("的")


# A worker that calls the segmenter many times a millisecond starves every other thread:
# rjieba lets go of the interpreter's lock for each call (a few microseconds) and takes it back
# before a waiting thread has woken, and as the lock changed hands the waiting thread never asks
# for its turn (CPython's switch interval counts only while nobody else takes the lock). The GUI
# thread then waited 30–110 ms at a time during a generation. A worker thread therefore pauses
# briefly every YIELD_EVERY_S of segmenting, long enough for a waiting thread to take the lock;
# the main thread (the CLI, tests) never pauses.
YIELD_EVERY_S = 0.015
_YIELD_PAUSE_S = 0.0001
_next_yield = [0.0]


def _let_others_run() -> None:
    now = time.perf_counter()
    if now >= _next_yield[0]:
        if _next_yield[0] and threading.current_thread() is not threading.main_thread():
            time.sleep(_YIELD_PAUSE_S)
        _next_yield[0] = time.perf_counter() + YIELD_EVERY_S


@lru_cache(maxsize=262144)
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part-of-speech tag) pairs of `text`; the words concatenate back to `text`."""
    if not text:
        return ()
    _let_others_run()
    return tuple(_load().tag(text))  # ((word, tag), …) as the segmenter gives them


def tokens(text: str) -> list[str]:
    """Words of `text`, concatenating back to `text` exactly."""
    return [w for w, _ in tagged(text)]


def boundaries(text: str) -> set[int]:
    """Offsets in `text` where a word starts or ends."""
    return set(bounds(text))


@lru_cache(maxsize=65536)
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
