"""generate_bank: run every generator, verify, drop and count failures, deduplicate.

Deterministic for a document and seed: each section draws from its own
random.Random(f"{seed}:{path}"), so regenerating one section reproduces what the full run
gave it, and the result never depends on set or dict ordering.
"""

from __future__ import annotations

import logging
import random
import time
import zlib
from collections import Counter
from typing import Callable

from studyapp.core.model import Cancelled, ParsedDocument
from studyapp.core.questions.generators import Candidate, Generator
from studyapp.core.questions.model import QUESTION_TYPES, BankResult, Question
from studyapp.core.questions.text import norm, section_infos
from studyapp.core.questions.verify import NEAR_DUPLICATE, DocIndex, _bigrams, stem_core, verify

log = logging.getLogger("studyapp.core")


def generate_bank(document: ParsedDocument, seed: int = 0, *,
                  progress: Callable[[int, int, str], None] | None = None,
                  cancel=None, sections: list[list[str]] | None = None) -> BankResult:
    """All verified questions of a document, in reading order.

    `sections` limits generation to those label paths (regenerate a section);
    progress(done, total, message) and cancel.cancelled work as in the parser.
    """
    t0 = time.perf_counter()
    infos = section_infos(document)
    gen = Generator(infos, document.title, document.truncated)
    index = DocIndex(document)
    wanted = {tuple(p) for p in sections} if sections else None
    dropped: Counter[str] = Counter()
    accepted: list[Candidate] = []
    seen_exact: set[tuple[str, str]] = set()
    # near-duplicates are looked for among questions of the same type sharing rare bigrams
    buckets: dict[tuple[str, str], list[int]] = {}
    cores: list[tuple[str, set[str]]] = []
    total = len(infos)
    for n, info in enumerate(infos):
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        if progress is not None and n % 16 == 0:
            progress(n, total, "正在生成试题…")
        if wanted is not None and tuple(info.path) not in wanted:
            continue
        rng = random.Random(f"{seed}:{'/'.join(info.path)}")
        verified: list[Candidate] = []
        for cand in gen.section(info, rng):
            reasons = verify(cand.question, document, index=index)
            if reasons:
                for r in reasons:
                    dropped[r] += 1
                continue
            verified.append(cand)
        # questions of one section must go together (no judge beside a question on its
        # sentence, no fill answered by another question, true and false judges balanced)
        chosen, lost = gen.select(verified)
        dropped.update(lost)
        for cand in chosen:
            q = cand.question
            core = stem_core(q, document.title)
            key = (q.type, core)
            if key in seen_exact:
                dropped["duplicate_stem"] += 1
                continue
            grams = _bigrams(core)
            if _near_duplicate(q.type, grams, buckets, cores):
                dropped["near_duplicate_stem"] += 1
                continue
            seen_exact.add(key)
            k = len(cores)
            cores.append((q.type, grams))
            for g in _signature(grams):
                buckets.setdefault((q.type, g), []).append(k)
            accepted.append(cand)
    accepted.sort(key=lambda c: c.key)
    questions = [c.question for c in accepted]
    if progress is not None:
        progress(total, total, "试题生成完成")
    stats = _stats(questions, time.perf_counter() - t0)
    log.debug("generated %d questions, dropped %s", len(questions), dict(dropped))
    return BankResult(questions=questions, dropped=dict(sorted(dropped.items())), stats=stats)


def _signature(grams: set[str]) -> list[str]:
    """A bottom-k sketch: the 6 bigrams with the smallest CRC32.

    Two stems with bigram Jaccard ≥ 0.8 share at least one of them with high probability,
    so only stems in the same buckets are compared: near-linear on large documents, and
    CRC32 (unlike hash()) is the same in every process, so the result stays deterministic.
    """
    return sorted(grams, key=lambda g: (zlib.crc32(g.encode("utf-8")), g))[:6]


def _near_duplicate(qtype: str, grams: set[str], buckets: dict[tuple[str, str], list[int]],
                    cores: list[tuple[str, set[str]]]) -> bool:
    checked: set[int] = set()
    for g in _signature(grams):
        for k in buckets.get((qtype, g), ())[-256:]:
            if k in checked:
                continue
            checked.add(k)
            other = cores[k][1]
            inter = len(grams & other)
            if inter and inter / (len(grams) + len(other) - inter) >= NEAR_DUPLICATE:
                return True
    return False


def _stats(questions: list[Question], seconds: float) -> dict:
    by_type = Counter(q.type for q in questions)
    by_tag = Counter(t for q in questions for t in q.tags)
    return {
        "total": len(questions),
        "by_type": {t: by_type.get(t, 0) for t in QUESTION_TYPES},
        "by_tag": dict(sorted(by_tag.items(), key=lambda kv: (-kv[1], kv[0]))),
        "sections": len({tuple(q.section) for q in questions}),
        "seconds": round(seconds, 4),
    }
