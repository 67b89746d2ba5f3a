"""Per-document figures of the generator for the closing note of issue 9.

    .venv/bin/python tests/quality/figures.py [DOCUMENT ...]   (default: ../shared/documents/*.txt)

For each document: questions proposed, per type, the True share of the true/false items, the
leaf-section coverage (leaf sections with at least 60 characters of text that got at least one
question) and whether the yield floors hold (all four objective types on a document of at least
2,000 characters; no type above half of the set).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from studyapp.core.loaders import load_file
from studyapp.core.outline import parse_text
from studyapp.core.questions import generate_bank
from studyapp.core.questions.text import section_infos

ROOT = Path(__file__).resolve().parents[2]
TYPES = ("single", "multiple", "judge", "fill", "short")


def figures(path: Path) -> dict:
    loaded = load_file(path)
    doc = parse_text(loaded.text, name=path.stem)
    t0 = time.perf_counter()
    result = generate_bank(doc, seed=1)
    seconds = time.perf_counter() - t0
    qs = result.questions
    asked = {tuple(q.section) for q in qs}
    leaves = [tuple(i.path) for i in section_infos(doc) if i.leaf and len(i.node.text) >= 60]
    covered = sum(1 for p in leaves if p in asked)
    types = Counter(q.type for q in qs)
    judges = [q for q in qs if q.type == "judge"]
    chars = sum(len(s.text) + len(s.title) for s in doc.walk())
    objective = [t for t in ("single", "multiple", "judge", "fill") if types.get(t)]
    top = max(types.values()) / len(qs) if qs else 0
    return {
        "name": path.stem, "chars": chars, "n": len(qs), "types": types,
        "true": (sum(q.answer is True for q in judges) / len(judges)) if judges else None,
        "leaves": len(leaves), "covered": covered, "seconds": seconds,
        "four": chars < 2000 or len(objective) == 4, "share": top <= 0.5,
    }


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((ROOT.parent / "shared" / "documents").glob("*.txt"))
    print(f"{'document':32} {'chars':>6} {'n':>4} " + " ".join(f"{t[:5]:>5}" for t in TYPES)
          + f" {'true':>5} {'cover':>11} 4types ≤50% {'s':>5}")
    for p in paths:
        f = figures(p)
        cov = f"{f['covered']}/{f['leaves']}" + (f" {f['covered'] / f['leaves']:.0%}" if f["leaves"] else "")
        tr = f"{f['true']:.0%}" if f["true"] is not None else "-"
        print(f"{f['name'][:32]:32} {f['chars']:>6} {f['n']:>4} "
              + " ".join(f"{f['types'].get(t, 0):>5}" for t in TYPES)
              + f" {tr:>5} {cov:>11} {'yes' if f['four'] else 'NO':>6} {'yes' if f['share'] else 'NO':>4}"
              + f" {f['seconds']:5.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
