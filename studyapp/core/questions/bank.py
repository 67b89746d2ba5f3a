"""generate_bank: propose the questions a careful teacher would set, fewer and better.

Precision first. Every form (form_*.py, put together in forms.py) proposes candidates only where its own checks pass;
each candidate then has to pass the verifier against its source, and the selection keeps at
most two questions per sentence that give nothing of each other away, the best first. Yield
floors keep precision from becoming silence: a leaf section with text gets a question if any
form can make one, a document of some length gets every objective type, and no type takes
more than half of a document's set; true/false items are balanced between true and false.

Deterministic for a document and seed (every random draw comes from a Random seeded by the
seed and the unit's place), and a section filter only filters the full run, so regenerating
one section reproduces exactly what the full run gave it.
"""

from __future__ import annotations

import gc
import logging
import random
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable

from studyapp.core.model import Cancelled, ParsedDocument
from studyapp.core.questions.forms import Candidate, Forms
from studyapp.core.questions.lexicon import Lexicon, preamble
from studyapp.core.questions.model import QUESTION_TYPES, BankResult, Question
from studyapp.core.questions.text import norm
from studyapp.core.questions.verify import NEAR_DUPLICATE, DocIndex, _bigrams, stem_core, verify

log = logging.getLogger("studyapp.core")

PER_UNIT = 2            # questions built on one sentence at most
CHARS_PER_QUESTION = 120  # a section gets about one question per this many characters
MAX_TYPE_SHARE = 0.5
JUDGE_FLOOR = 5         # true/false items a document keeps even when it has few other questions
OBJECTIVE = ("single", "multiple", "judge", "fill")
MAX_KEY_USES = 1        # one answer (a figure, a body, a swap) keys one question of a document


def generate_bank(document: ParsedDocument, seed: int = 0, *,
                  progress: Callable[[int, int, str], None] | None = None,
                  cancel=None, sections: list[list[str]] | None = None) -> BankResult:
    """All proposed questions of a document, in reading order.

    `sections` limits the result to those label paths (regenerate a section);
    progress(done, total, message) and cancel.cancelled work as in the parser.

    The garbage collector's full passes would walk the lexicon's millions of small objects
    again and again (the time grew faster than the document); they are frozen for the run —
    nothing of them is garbage until the run ends — and handed back afterwards. The collector is
    off for the run altogether (its young passes while the lexicon grows cost a tenth of the run
    and find nothing worth collecting) and back on, as it was, afterwards.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        return _generate(document, seed, progress, cancel, sections)
    finally:
        gc.unfreeze()
        if was_on:
            gc.enable()


def _generate(document: ParsedDocument, seed: int, progress, cancel, sections) -> BankResult:
    t0 = time.perf_counter()
    lex = Lexicon(document)
    forms = Forms(lex)
    index = DocIndex(document)
    gc.freeze()  # (see generate_bank)
    dropped: Counter[str] = Counter()
    units = lex.units
    total = len(units) + 1
    pool: dict[str, list[int]] = {}
    for u in units:
        for e in _enums(u.text):
            for x in e:
                pool.setdefault(x, []).append(u.order)

    by_unit: dict[int, list[Candidate]] = defaultdict(list)
    fallback: dict[int, list[Candidate]] = defaultdict(list)

    def take(cands: list[Candidate], into: dict[int, list[Candidate]] = by_unit) -> None:
        for c in cands:
            prev = c.unit.prev
            if prev and c.question.stem.startswith(prev) and any(
                    norm(k) in norm(prev) for k in c.keys if not k.startswith("改:")):
                dropped["context_gives_answer"] += 1  # the sentence shown before says the key
                continue
            reasons = verify(c.question, document, index=index)
            if reasons:
                dropped.update(reasons)
                continue
            if c.alt is not None and verify(c.alt.question, document, index=index):
                c.alt = None
            into[c.unit.order].append(c)

    judge_turn: Counter[bool] = Counter()
    for n, u in enumerate(units):
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        if progress is not None and n % 32 == 0:
            progress(n, total, "正在生成试题…")
        if preamble(u.text) or len(u.text) < 10:
            continue
        rng = random.Random(f"{seed}:{'/'.join(u.path)}:{n}")
        take(forms.figure_single(u, rng))
        take(forms.range_single(u, rng))
        take(forms.actor_single(u, rng))
        take(forms.fund_single(u, rng))
        take(forms.level_single(u, rng))
        take(forms.inline_lists(u, rng, pool))
        take(forms.fill_term(u, rng))
        take(forms.fill_object(u, rng))
        take(forms.fill_quoted(u))
        take(forms.inline_short(u))
        # alternate true and false over the document: the side that has fewer so far
        truth = judge_turn[True] < judge_turn[False] or (
            judge_turn[True] == judge_turn[False] and zlib.crc32(f"{seed}:{u.order}".encode()) % 3 == 0)
        js = forms.contrast(u, truth) or forms.contrast(u, not truth) \
            or forms.judge(u, rng, truth) or forms.judge(u, rng, not truth)
        if js:
            js[0].turn = _turner(forms, u, js[0].question.answer is not True, seed, document, index)
        take(js)
        judge_turn.update(c.question.answer for c in js)
        take(forms.rule_true(u) or forms.duty_true(u), fallback)
    take(forms.lists())
    take(forms.definitions(random.Random(f"{seed}:definitions")))
    take(forms.heading_choices(random.Random(f"{seed}:headings")))
    take(forms.owners(random.Random(f"{seed}:owners"), {tuple(cs[0].unit.path) for cs in by_unit.values() if cs}))
    # a titled measure no other form asks gets a 简答 — at most two for every three sections that have
    # questions of other types (so 简答 stays under half of the set: rated 24 / 24 in rounds 85-86)
    asked = {tuple(cs[0].unit.path) for cs in by_unit.values() if cs}
    take(forms.measure_shorts(asked, len(asked) * 2 // 3))
    by_info: dict[int, list] = defaultdict(list)
    for u in units:
        by_info[id(u.info)].append(u)
    for group in by_info.values():
        if len(group) >= 4 and not preamble(group[0].text):
            take(forms.statements(group, random.Random(f"{seed}:statements:{'/'.join(group[0].path)}")))
    if lex.legal:
        # a law's articles are short: a choice among the rules of neighbouring articles
        busy = {order: {c.type for c in cs} for order, cs in by_unit.items() if cs}
        by_chapter: dict[tuple[str, ...], list] = defaultdict(list)
        for u in units:
            by_chapter[tuple(u.path[:-1])].append(u)
        for chapter, group in by_chapter.items():
            take(forms.neighbour_statements(group, random.Random(f"{seed}:near:{'/'.join(chapter)}"), busy))
    if progress is not None:
        progress(total - 1, total, "正在挑选试题…")

    chosen = _select(by_unit, lex, dropped, document)
    chosen = _floor(chosen, fallback, lex)
    chosen = _pooled(chosen, by_unit, fallback, forms, index, random.Random(f"{seed}:pooled"), dropped)
    chosen = _multiple_floor(chosen, by_unit, sum(len(u.text) for u in units), dropped)
    chosen = _type_floor(chosen, sum(len(u.text) for u in units), dropped)
    if sections:
        wanted = {tuple(p) for p in sections}
        chosen = [c for c in chosen if tuple(c.unit.path) in wanted]
    chosen.sort(key=lambda c: (c.unit.order, OBJECTIVE.index(c.type) if c.type in OBJECTIVE else 9))
    questions = [c.question for c in chosen]
    if progress is not None:
        progress(total, total, "试题生成完成")
    stats = _stats(questions, time.perf_counter() - t0)
    log.debug("generated %d questions, dropped %s", len(questions), dict(dropped))
    return BankResult(questions=questions, dropped=dict(sorted(dropped.items())), stats=stats)


def _turner(forms: Forms, unit, side: bool, seed: int, document: ParsedDocument,  # noqa: ANN001 - a Unit
            index: DocIndex) -> Callable[[], Candidate | None]:
    """The unit's true/false item on the other side, built only when the balance asks for it
    (most items are never turned: building every other side up front cost a fifth of the time)."""
    def turn() -> Candidate | None:
        other = forms.contrast(unit, side) or forms.judge(unit, random.Random(f"{seed}:turn:{unit.order}"), side)
        return other[0] if other and not verify(other[0].question, document, index=index) else None
    return turn


def _enums(text: str) -> list[list[str]]:
    from studyapp.core.questions.enums import find_enumerations
    return [e.items for e in find_enumerations(text) if all(e.certain)]


def _leaks(c: Candidate, others: list[Candidate]) -> bool:
    """Whether c and any of `others` give each other's answers away."""
    shown = norm(c.question.stem + "".join(c.question.options))
    for o in others:
        oshown = norm(o.question.stem + "".join(o.question.options))
        if any(norm(k) in oshown for k in c.keys) or any(norm(k) in shown for k in o.keys):
            return True
        if c.type == "judge" and o.type == "judge":
            return True
    return False


def _select(by_unit: dict[int, list[Candidate]], lex: Lexicon, dropped: Counter,
            document: ParsedDocument) -> list[Candidate]:
    """Per unit the best candidates that don't leak; per section a budget; then the floors."""
    by_section: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for order in sorted(by_unit):
        by_section[tuple(by_unit[order][0].unit.path)].append(order)
    chosen: list[Candidate] = []
    seen_cores: list[tuple[str, set[str]]] = []
    buckets: dict[tuple[str, str], list[int]] = {}
    key_uses: Counter[str] = Counter()
    for _path, orders in by_section.items():
        info = by_unit[orders[0]][0].unit.info
        size = lex.section_chars[id(info)]
        budget = max(1, round(size / CHARS_PER_QUESTION))
        ranked: list[Candidate] = []
        for order in orders:
            cands = sorted(by_unit[order], key=lambda c: -c.score)
            kept: list[Candidate] = []
            for c in cands:
                if len(kept) >= PER_UNIT:
                    dropped["selection_per_sentence"] += 1
                    continue
                if any(k.type == c.type for k in kept) or _leaks(c, kept):
                    dropped["selection_leak"] += 1
                    continue
                kept.append(c)
            ranked += kept
        # spread over the section's sentences: first the best of each unit, then the rest
        firsts = [c for i, c in enumerate(ranked) if i == 0 or ranked[i - 1].unit.order != c.unit.order]
        rest = [c for c in ranked if c not in firsts]
        ordered = sorted(firsts, key=lambda c: -c.score) + sorted(rest, key=lambda c: -c.score)
        took: list[Candidate] = []
        for c in ordered:
            if len(took) >= budget:
                dropped["selection_budget"] += 1
                continue
            if any(key_uses[norm(k)] >= MAX_KEY_USES for k in (c.keys[1:] if c.form == "figure" else c.keys)):
                # (a figure keys many rules: 二十日 to decide, 二十日 to review — each its own fact)
                dropped["selection_same_key"] += 1  # 监察机关 keyed again and again
                continue
            if any(t.unit.order in c.covers or c.unit.order in t.covers for t in took) \
                    or any(k.unit.order in c.covers or c.unit.order in k.covers for k in chosen[-8:]):
                dropped["selection_leak"] += 1  # a sentence shown as an option is not asked again
                continue
            if _leaks(c, [t for t in took if t.unit.order != c.unit.order and t.type != "judge"]) \
                    and c.type != "judge":
                dropped["selection_leak"] += 1
                continue
            core = stem_core(c.question, document.title)
            grams = _bigrams(core)
            if _near_duplicate(c.type, grams, buckets, seen_cores):
                dropped["near_duplicate_stem"] += 1
                continue
            k = len(seen_cores)
            seen_cores.append((c.type, grams))
            for g in _signature(grams):
                buckets.setdefault((c.type, g), []).append(k)
            took.append(c)
            key_uses.update(norm(k) for k in c.keys)
        chosen += took
    return _balance(chosen, dropped)


def _signature(grams: set[str]) -> list[str]:
    """A bottom-k sketch: the 6 bigrams with the smallest CRC32. Two stems with bigram
    Jaccard ≥ 0.8 share one of them with high probability, so only stems in the same
    buckets are compared (near-linear), and CRC32 keeps it the same in every process."""
    return sorted(grams, key=lambda g: (zlib.crc32(g.encode("utf-8")), g))[:6]


def _near_duplicate(qtype: str, grams: set[str], buckets: dict[tuple[str, str], list[int]],
                    cores: list[tuple[str, set[str]]]) -> bool:
    checked: set[int] = set()
    for g in _signature(grams):
        for k in buckets.get((qtype, g), ())[-64:]:
            if k in checked:
                continue
            checked.add(k)
            other = cores[k][1]
            inter = len(grams & other)
            if inter and inter / (len(grams) + len(other) - inter) >= NEAR_DUPLICATE:
                return True
    return False


def _balance(chosen: list[Candidate], dropped: Counter) -> list[Candidate]:
    """No type above half of the set (trimming at most a quarter of it: fewer types is a
    smaller harm than silence on a document whose sentences allow only one or two forms);
    judges between 35 % and 65 % true (a few: true and false differ by one at most)."""
    removed: set[int] = set()
    by_type = Counter(c.type for c in chosen)
    # true/false items are the easiest to get wrong: never more than half of a set, whatever
    # it costs in numbers (a law otherwise gets 14 judges of 15 questions)
    n_judges = by_type.get("judge", 0)
    cap = max(len(chosen) - n_judges, min(n_judges, JUDGE_FLOOR))
    if n_judges > cap:
        # keep the best of each side in turn, so the cut also keeps true and false balanced
        # (a section's only question first: the cut keeps the sections the set asks about)
        asked = Counter(tuple(c.unit.path) for c in chosen if c.type != "judge")
        sides = [sorted((c for c in chosen if c.type == "judge" and c.question.answer is side),
                        key=lambda c: (tuple(c.unit.path) in asked, -c.score, c.unit.order)) for side in (False, True)]
        keep: set[int] = set()
        i = 0
        while len(keep) < cap and any(sides):
            side = sides[i % 2] if sides[i % 2] else sides[(i + 1) % 2]
            c = side.pop(0)
            keep.add(id(c))
            asked[tuple(c.unit.path)] += 1
            i += 1
        for c in chosen:
            if c.type == "judge" and id(c) not in keep:
                removed.add(id(c))
                dropped["selection_type_share"] += 1
        by_type = Counter(c.type for c in chosen if id(c) not in removed)
    if len(by_type) >= 3:
        qtype, n = max(((t, k) for t, k in by_type.items() if t != "judge"), key=lambda x: (x[1], x[0]),
                       default=("", 0))
        excess = min(n - int(MAX_TYPE_SHARE * len(chosen)), len(chosen) // 4)
        if excess > 0:
            per_section = Counter(tuple(c.unit.path) for c in chosen)
            victims = sorted((c for c in chosen if c.type == qtype and id(c) not in removed),
                             key=lambda c: (c.score, -c.unit.order))
            for c in victims:
                if excess <= 0:
                    break
                p = tuple(c.unit.path)
                if per_section[p] > 1:  # never a section's last question
                    per_section[p] -= 1
                    removed.add(id(c))
                    excess -= 1
                    dropped["selection_type_share"] += 1
    judges = [c for c in chosen if c.type == "judge" and id(c) not in removed]
    t = sum(1 for c in judges if c.question.answer is True)
    f = len(judges) - t
    if len(judges) >= 2:
        if len(judges) < 6:
            extra_side, extra = (True, t - f - 1) if t > f else (False, f - t - 1)
        elif min(t, f) == 0:
            extra_side, extra = (t > 0), len(judges) - 1  # one side only: keep a single item
        else:
            extra_side, extra = (True, 0) if 0.35 <= t / len(judges) <= 0.65 else (
                (True, _excess(t, f)) if t > f else (False, _excess(f, t)))
        # an item that can be asked on the other side is turned over (each turn evens the sides
        # by two); the rest of the excess is dropped, a section's only question last
        turned: dict[int, Candidate] = {}
        others = [c for c in chosen if id(c) not in removed]
        for c in sorted((c for c in judges if c.question.answer is extra_side and c.turn is not None),
                        key=lambda c: (c.score, c.unit.order)):
            if extra < 2:
                break
            if any(o is not c and o.unit.order == c.unit.order for o in others):
                continue  # the sentence is asked again
            assert c.turn is not None
            flip = c.turn()
            if flip is None or any(set(map(norm, o.keys)) & set(map(norm, flip.keys)) for o in others if o is not c):
                continue  # no other side, or the change keys another question
            turned[id(c)] = flip
            extra -= 2
            dropped["selection_turned_over"] += 1
        per_section = Counter(tuple(c.unit.path) for c in chosen if id(c) not in removed)
        for c in sorted((c for c in judges if c.question.answer is extra_side and id(c) not in turned),
                        key=lambda c: (per_section[tuple(c.unit.path)] <= 1, c.score)):
            if extra <= 0:
                break
            per_section[tuple(c.unit.path)] -= 1
            removed.add(id(c))
            extra -= 1
            dropped["selection_true_share"] += 1
        chosen = [turned.get(id(c), c) for c in chosen]
    return [c for c in chosen if id(c) not in removed]


def _floor(chosen: list[Candidate], fallback: dict[int, list[Candidate]], lex: Lexicon) -> list[Candidate]:
    """Never silence: a document that got fewer than one question per 1,500 characters (at
    least three) gets true statements of its rules — verbatim, each stating a duty, a ban, a
    figure or who decides, one per section not yet asked — above the true/false balance; past
    that count, sections not yet asked get theirs while true/false stays at most half the set."""
    want = max(3, sum(len(u.text) for u in lex.units) // 1500)
    asked = {tuple(c.unit.path) for c in chosen}
    have = {id(c) for c in chosen}
    extra: list[Candidate] = []
    judges = sum(1 for c in chosen if c.type == "judge")
    true = sum(1 for c in chosen if c.type == "judge" and c.question.answer is True)
    for order in sorted(fallback):
        # below the count every section not yet asked gets one; above it, a section not yet
        # asked still gets one while true/false items stay at most half of the set and the
        # true ones at most 65 % of those
        if len(chosen) + len(extra) >= want and (2 * (judges + 1) > len(chosen) + len(extra) + 1
                                                  or true + 1 > 0.65 * (judges + 1) and judges > 0):
            continue  # (a set without true/false items takes one: a type it would otherwise lack)
        for c in fallback[order]:
            if id(c) not in have and tuple(c.unit.path) not in asked and c.form != "rule_option":
                extra.append(c)
                asked.add(tuple(c.unit.path))
                judges += 1
                true += 1
                break
    return chosen + extra


def _pooled(chosen: list[Candidate], by_unit: dict[int, list[Candidate]], fallback: dict[int, list[Candidate]],
            forms: Forms, index: DocIndex, rng: random.Random, dropped: Counter) -> list[Candidate]:
    """Choices among statements (Forms.pooled_statements) built from true/false items the
    selection had no room for: about one per 5,000 characters (at least one on a document of
    2,000), so a regulation whose sentences allow few other forms still gets its multiple and
    single choices — each falsified rule and each statement used once, none from a sentence
    the set already asks."""
    chars = sum(len(u.text) for u in forms.lex.units)
    if chars < 2000:
        return chosen
    want = max(1, chars // 5000)
    taken = {id(c) for c in chosen}
    used = {c.unit.order for c in chosen} | {o for c in chosen for o in c.covers}
    spare = [c for order in sorted(by_unit) for c in by_unit[order] if id(c) not in taken and c.type == "judge"]
    spare += [c for order in sorted(fallback) for c in fallback[order] if id(c) not in taken]
    falses = [c for c in spare if c.form == "judge_false" and forms.stands_alone(c)]
    trues: dict[int, Candidate] = {}
    for c in spare:
        if c.form in ("judge_true", "rule_true", "rule_option") and c.question.answer is True and forms.stands_alone(c):
            trues.setdefault(c.unit.order, c)
    by_part: dict[tuple[str, ...], list[Candidate]] = defaultdict(list)  # (a chapter's, looked up: linear)
    for o in sorted(trues):
        by_part[tuple(trues[o].unit.path[:-1])].append(trues[o])
    have = Counter(c.type for c in chosen)
    out: list[Candidate] = []
    for f in falses:
        if len(out) >= want:
            break
        if f.unit.order in used:
            continue
        part = tuple(f.unit.path[:-1])
        near = sorted((t for t in by_part.get(part, ()) if t.unit.order not in used and t.unit.order != f.unit.order
                       and forms.fits_beside(f, t)),
                      key=lambda t: abs(t.unit.order - f.unit.order))[:3]
        if len(near) < 3 or any(abs(t.unit.order - f.unit.order) > 40 for t in near):
            continue
        as_multiple = have["multiple"] == 0 or (have["single"] > 0 and len(out) % 2 == 0)
        pooled = forms.pooled_statements(f, sorted(near, key=lambda t: t.unit.order), as_multiple, rng)
        if pooled is None or verify(pooled.question, forms.lex.document, index=index):
            continue
        out.append(pooled)
        have[pooled.type] += 1
        used.update([f.unit.order] + [t.unit.order for t in near])
        dropped["pooled_statements"] += 1
    chosen = chosen + out
    if have["multiple"] or have["judge"] < 2:
        return chosen
    # still no multiple choice: a false item of the set becomes one, beside three true
    # statements — one of them a true item of the set when true and false would otherwise
    # differ by more than one
    judges = [c for c in chosen if c.type == "judge"]
    n_true = sum(1 for c in judges if c.question.answer is True)
    asked = Counter(tuple(c.unit.path) for c in chosen)
    for f in sorted((c for c in judges if c.form == "judge_false" and forms.stands_alone(c)), key=lambda c: c.score):
        give = n_true - (len(judges) - n_true - 1) > 1
        mine = [c for c in judges if c.question.answer is True and c.form in ("judge_true", "rule_true", "rule_option")
                and forms.stands_alone(c) and abs(c.unit.order - f.unit.order) <= 40] if give else []
        # no true item of the set can stand among the options: the balance is kept by leaving out the
        # weakest true item whose section keeps another question (a type the set lacks is worth more
        # than one more true item), as long as a true/false item stays
        spare_true = min((c for c in judges if c.question.answer is True and asked[tuple(c.unit.path)] > 1),
                         key=lambda c: (c.score, c.unit.order), default=None) if give and len(judges) >= 3 else None
        others = used - {f.unit.order} - {c.unit.order for c in mine[:1]}
        part = tuple(f.unit.path[:-1])
        pool = [t for t in by_part.get(part, ()) if t.unit.order not in others and t.unit.order != f.unit.order
                and abs(t.unit.order - f.unit.order) <= 40 and forms.fits_beside(f, t)]
        pool.sort(key=lambda t: abs(t.unit.order - f.unit.order))
        mine = [c for c in mine if tuple(c.unit.path[:-1]) == part]
        if give and not mine and spare_true is None:
            continue
        near = (mine[:1] + [t for t in pool if not mine or t.unit.order != mine[0].unit.order])[:3]
        if len(near) < 3:
            # a law's chapters are short: true statements from the rest of the document, as long
            # as the false one (none a giveaway by its length), the nearest first
            taken_here = {t.unit.order for t in near}
            rest = [t for ts in by_part.values() for t in ts
                    if t.unit.order not in others and t.unit.order != f.unit.order and t.unit.order not in taken_here
                    and forms.fits_beside(f, t)]
            rest.sort(key=lambda t: abs(t.unit.order - f.unit.order))
            near = (near + rest)[:3]
        if len(near) < 3:
            # a policy text's sentences are measures more than rules: a sentence of the same part that
            # stands alone as a statement and names its subject is a true option, the nearest first
            taken_here = {t.unit.order for t in near}
            stated = [t for t in forms.statement_options()
                      if tuple(t.unit.path[:-1]) == part and abs(t.unit.order - f.unit.order) <= 40
                      and t.unit.order not in others and t.unit.order != f.unit.order and t.unit.order not in taken_here
                      and forms.fits_beside(f, t)]
            stated.sort(key=lambda t: abs(t.unit.order - f.unit.order))
            near = (near + stated)[:3]
        if len(near) < 3:
            continue
        pooled = forms.pooled_statements(f, sorted(near, key=lambda t: t.unit.order), True, rng)
        if pooled is None or verify(pooled.question, forms.lex.document, index=index):
            continue
        gone = {id(f)} | ({id(mine[0]) if mine else id(spare_true)} if give else set())
        dropped["pooled_statements"] += 1
        return [x for x in chosen if id(x) not in gone] + [pooled]
    return chosen


def _multiple_floor(chosen: list[Candidate], by_unit: dict[int, list[Candidate]], chars: int,
                    dropped: Counter) -> list[Candidate]:
    """A document of 2,000 characters or more whose set has no multiple choice gets the best one
    the selection passed over (its section's budget was spent, a sentence's other question won):
    in place of the one question the set asks on its sentence, where that question's type keeps
    another — keyed on nothing the rest of the set keys, showing no sentence the rest asks,
    giving away no other question's answer."""
    if chars < 2000 or any(c.type == "multiple" for c in chosen):
        return chosen
    taken = {id(c) for c in chosen}
    types = Counter(c.type for c in chosen)
    # (a choice among statements the selection passed over counts in its multiple-choice form)
    spare = sorted((m for cs in by_unit.values() for c in cs if id(c) not in taken
                    for m in (c, c.alt) if m is not None and m.type == "multiple"),
                   key=lambda c: (-c.score, c.unit.order))
    for c in spare:
        mine = {c.unit.order, *c.covers}
        here = [o for o in chosen if o.unit.order == c.unit.order]
        if len(here) > 1 or here and types[here[0].type] < 2:
            continue
        rest = [o for o in chosen if o not in here]
        if any(o.unit.order in mine or c.unit.order in o.covers or mine & set(o.covers) for o in rest):
            continue
        if {norm(k) for k in c.keys} & {norm(k) for o in rest for k in o.keys} \
                or _leaks(c, [o for o in rest if o.type != "judge"]):
            continue
        dropped["multiple_floor"] += 1
        return rest + [c]
    return chosen


def _type_floor(chosen: list[Candidate], chars: int, dropped: Counter) -> list[Candidate]:
    """Every objective type on a document of some length, and no type above half of the set,
    where a question can be asked as another type on the same point (Candidate.alt: a figure's
    choice as a blank on its number, a choice among statements the other way round). A type is
    given up only where it has another question; true/false items have no other form."""
    if chars < 2000 or not chosen:
        return chosen  # (nothing proposed at all: no type to balance — round 63 crashed here)
    out = list(chosen)
    have = Counter(c.type for c in out)
    # who can give its point to which type, best first (built once: converting is linear)
    offers: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in sorted(range(len(out)), key=lambda i: (-_alt_score(out[i]), out[i].unit.order) if out[i].alt else (0, 0)):
        c = out[i]
        if c.alt is not None:
            offers[(c.type, c.alt.type)].append(i)

    def convert(to: str, frm: set[str]) -> bool:
        best = None
        for t in frm:
            if have[t] < 2:
                continue
            queue = offers.get((t, to), [])
            while queue and out[queue[0]].type != t:
                queue.pop(0)  # (already converted)
            if queue and (best is None or (_alt_score(out[queue[0]]), -out[queue[0]].unit.order)
                          > (_alt_score(out[best]), -out[best].unit.order)):
                best = queue[0]
        if best is None:
            return False
        c = out[best]
        offers[(c.type, to)].remove(best)
        have[c.type] -= 1
        have[to] += 1
        assert c.alt is not None  # (only candidates with another form are offered)
        out[best] = c.alt
        dropped["converted_for_type_floor"] += 1
        return True

    for to in ("multiple", "fill", "single"):
        if not have[to]:
            convert(to, {t for t in have if t != to})
    # a type above half of the set gives questions to a smaller one, while it stays the largest
    for _ in range(len(out)):
        big, n = max(have.items(), key=lambda kv: (kv[1], kv[0]))
        if n <= MAX_TYPE_SHARE * len(out):
            break
        if not convert(min(("multiple", "fill", "single"), key=lambda t: (have[t], t)), {big}) \
                and not any(convert(t, {big}) for t in ("multiple", "fill", "single") if have[t] + 1 < n - 1):
            break
    # still above half (the floors above added to it): the type's weakest questions go where
    # their section keeps another question
    big, n = max(have.items(), key=lambda kv: (kv[1], kv[0]))
    if n > MAX_TYPE_SHARE * len(out) and len(have) >= 3:
        per_section = Counter(tuple(c.unit.path) for c in out)
        gone: set[int] = set()
        for c in sorted((c for c in out if c.type == big), key=lambda c: (c.score, -c.unit.order)):
            if n <= MAX_TYPE_SHARE * (len(out) - len(gone)):
                break
            if per_section[tuple(c.unit.path)] > 1:
                per_section[tuple(c.unit.path)] -= 1
                gone.add(id(c))
                n -= 1
                dropped["selection_type_share"] += 1
        out = [c for c in out if id(c) not in gone]
    return out


def _alt_score(c: Candidate) -> float:
    return c.alt.score if c.alt is not None else 0.0


def _excess(big: int, small: int) -> int:
    """How many of the larger side to drop so that it is at most 65 % of the judges."""
    n = 0
    while big - n > 0.65 * (big - n + small):
        n += 1
    return n


def _stats(questions: list[Question], seconds: float) -> dict:
    by_type = Counter(q.type for q in questions)
    by_tag = Counter(t for q in questions for t in q.tags)
    judges = [q for q in questions if q.type == "judge"]
    return {
        "total": len(questions),
        "by_type": {t: by_type.get(t, 0) for t in QUESTION_TYPES},
        "by_tag": dict(sorted(by_tag.items(), key=lambda kv: (-kv[1], kv[0]))),
        "sections": len({tuple(q.section) for q in questions}),
        "true_share": round(sum(1 for q in judges if q.answer is True) / len(judges), 2) if judges else None,
        "seconds": round(seconds, 4),
    }
