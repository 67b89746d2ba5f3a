"""Draw the fixed rating sample of a document and write its blind rating sheet.

    .venv/bin/python tests/quality/sample.py DOCUMENT.txt [--n 40] [--seed 1]

It runs the generator exactly as a user does (`studyapp questions FILE --json --seed 1`),
draws N questions with a fixed Random(seed) and writes tests/quality/sheets/<name>.md: each
question as a learner sees it (type, stem, options), its key, and its source (section path and
quoted sentence). A rater who did not tune the generator on that document rates the sheet
with the document open, following ../shared/RUBRIC.md, into tests/quality/ratings/<name>.md.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPE_NAMES = {"single": "单选", "multiple": "多选", "judge": "判断", "fill": "填空", "short": "简答"}


def sample(path: Path, n: int, seed: int) -> tuple[list[dict], list[dict]]:
    out = subprocess.run([sys.executable, "-m", "studyapp", "questions", str(path), "--json",
                          "--seed", str(seed)], capture_output=True, text=True, check=True)
    questions = json.loads(out.stdout)
    drawn = list(questions) if len(questions) <= n else random.Random(seed).sample(questions, n)
    order = {q["id"]: i for i, q in enumerate(questions)}
    drawn.sort(key=lambda q: order[q["id"]])
    return questions, drawn


def title_of(path: Path) -> str:
    """The document's title as every screen and paper header shows it above the questions."""
    from studyapp.core.loaders import load_file
    from studyapp.core.outline import parse_text

    return parse_text(load_file(path).text, name=path.stem).title


def sheet(name: str, questions: list[dict], drawn: list[dict], title: str = "") -> str:
    types = Counter(q["type"] for q in questions)
    judges = [q for q in questions if q["type"] == "judge"]
    true_share = (sum(1 for q in judges if q["answer"] is True) / len(judges)) if judges else None
    lines = [f"# 评分表：{name}", "",
             f"proposed: {len(questions)}; types: " +
             ", ".join(f"{TYPE_NAMES[t]} {types.get(t, 0)}" for t in TYPE_NAMES) +
             (f"; 判断题为“正确”的占 {true_share:.0%}" if true_share is not None else ""),
             f"drawn: {len(drawn)}", ""]
    if title:
        lines[1:1] = ["", f"学员所见的页眉（试卷、练习和投影都在题目上方写明文件）：《{title}》"
                      "——题干不再重复文件名，“本法”“本条例”即指此文件。"]
    for i, q in enumerate(drawn, 1):
        lines.append(f"## {i}. [{TYPE_NAMES[q['type']]}] {q['id']}")
        lines.append("")
        lines.append(q["stem"])
        letters = "ABCDEFG"
        for j, opt in enumerate(q["options"]):
            lines.append(f"- {letters[j]}．{opt}")
        ans = q["answer"]
        if q["type"] in ("single", "multiple"):
            key = "、".join(letters[k] for k in ans)
        elif q["type"] == "judge":
            key = "正确" if ans else "错误"
        else:
            key = "；".join(ans)
        lines.append("")
        lines.append(f"答案：{key}")
        lines.append(f"出处：{' / '.join(q['source']['section'])}：“{q['source']['quote']}”")
        if q["type"] in ("single", "multiple") and "其余三项" in q.get("explanation", ""):
            lines.append(f"解析：{q['explanation']}")  # (a choice among statements quotes every option)
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("document", type=Path)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    questions, drawn = sample(args.document, args.n, args.seed)
    name = args.document.stem
    (HERE / "sheets").mkdir(exist_ok=True)
    (HERE / "ratings").mkdir(exist_ok=True)
    (HERE / "sheets" / f"{name}.md").write_text(sheet(name, questions, drawn, title_of(args.document)), encoding="utf-8")
    print(f"{name}: {len(questions)} proposed, {len(drawn)} drawn → tests/quality/sheets/{name}.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
