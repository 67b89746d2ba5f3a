"""How many blind-rated questions the generator still proposes: the regression figure of issue 9.

    .venv/bin/python tests/quality/rated.py [FIRST_ROUND [LAST_ROUND]]   (default: 46 to the last round)

Every question a rater judged (tests/quality/roundNN/ratings) has a stable id. The script
generates every rated document again (`generate_bank(..., seed=1)`, as `studyapp questions`
does) and counts the rated-acceptable questions still proposed ("good kept") and the
rated-unacceptable ones still proposed ("bad kept"); with --list it names the bad ones kept.
A fix should lower "bad kept" without lowering "good kept" (an id also changes when a
question's wording does, so a lost good question is looked at, not assumed bad).
"""

from __future__ import annotations

import re
import sys
from multiprocessing import Pool
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[2] / "shared" / "documents"
_ROW = re.compile(r"\|\s*\d+\s*\|\s*([0-9a-f]{12})\s*\|\s*(是|否)\s*\|(.*)\|\s*$")


def ratings(first: int, last: int) -> dict[str, dict[str, tuple[bool, str, int]]]:
    out: dict[str, dict[str, tuple[bool, str, int]]] = {}
    for r in range(first, last + 1):
        for f in sorted((HERE / f"round{r}" / "ratings").glob("*.md")):
            for line in f.read_text(encoding="utf-8").splitlines():
                m = _ROW.match(line)
                if m:
                    out.setdefault(f.stem, {})[m.group(1)] = (m.group(2) == "是", m.group(3).strip(), r)
    return out


def proposed(stem: str) -> tuple[str, dict[str, str]]:
    from studyapp.core.loaders import load_file
    from studyapp.core.outline import parse_text
    from studyapp.core.questions import generate_bank

    path = HERE / "documents" / f"{stem}.txt"
    if not path.exists():
        path = SHARED / f"{stem}.txt"
    doc = parse_text(load_file(path).text, name=path.stem)
    return stem, {q.id: q.stem for q in generate_bank(doc, seed=1).questions}


def main(argv: list[str]) -> int:
    show = "--list" in argv
    nums = [int(a) for a in argv if a.isdigit()]
    last_round = max(int(p.name[5:]) for p in HERE.glob("round*") if p.name[5:].isdigit())
    first = nums[0] if nums else 46
    last = nums[1] if len(nums) > 1 else last_round
    rated = ratings(first, last)
    with Pool() as pool:
        now = dict(pool.map(proposed, sorted(rated)))
    good = bad = good_kept = bad_kept = 0
    for stem, rows in rated.items():
        for qid, (ok, why, r) in rows.items():
            good += ok
            bad += not ok
            if qid in now[stem]:
                good_kept += ok
                bad_kept += not ok
                if show and not ok:
                    print(f"round {r} {stem} {qid}: {now[stem][qid][:80]} — {why[:80]}")
    print(f"rounds {first}-{last}: {len(rated)} documents; rated acceptable {good}, still proposed {good_kept}; "
          f"rated unacceptable {bad}, still proposed {bad_kept}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
