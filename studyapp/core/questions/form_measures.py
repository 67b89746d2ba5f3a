"""简答 on a titled measure of a policy text: 「关于“强化科技企业用地保障”，文件提出了哪些措施？」.

A 若干措施 or 实施意见 names each of its measures with a short heading and says under it what is
to be done; a study session goes through them one by one, and a party-school paper asks them
as 简答. The reference points are what the text says under the heading: its 一是/二是 heads
where it has them, otherwise each of its sentences whole (a clause alone lost its case or the
measure itself, and a key that leaves a measure out is wrong — round 84). Asked
only on a measure whose section no other form asks (the section's own questions come first),
never on the frame's parts (指导思想, 基本原则, 主要目标 …: no measure), and not on a heading the
document uses twice (which one, the stem could not say).
"""

from __future__ import annotations

import re

from studyapp.core.questions import segment
from studyapp.core.questions.form_headings import _FRAME_TITLES
from studyapp.core.questions.form_owners import OFFICES_NOTE
from studyapp.core.questions.formbase import Candidate, FormBase
from studyapp.core.questions.lexicon import Unit, refers_elsewhere
from studyapp.core.questions.text import RX, SectionInfo, sentences, strip_end

_ORDINAL_HEAD = re.compile(r"^[一二三四五六七八九十]+是")
_MAX_POINT = 90      # a point: one sentence of the measure, whole
_MAX_POINTS = 360    # the reference answer, all points together
# a sentence that only announces rules to come (「具体政策另行制定」): no measure to recall (round 84)
_LATER = re.compile(r"另行(?:制定|规定|出台|明确|发布)|另文(?:下达|印发)|^(?:具体|相关)[\u4e00-\u9fff]{0,8}(?:由|按照?)")
_MAX_QUOTE = 500


class MeasureForms(FormBase):
    """简答 on what a titled measure of a policy text sets out to do."""

    def measure_shorts(self, busy: set[tuple[str, ...]], cap: int) -> list[Candidate]:
        """At most `cap` of them, spread over the document, on sections not in `busy` (the ones
        other forms ask)."""
        if self.lex.legal or self.lex.articled or cap <= 0:
            return []
        by_info: dict[int, list[Unit]] = {}
        infos: dict[int, SectionInfo] = {}
        for u in self.lex.units:
            by_info.setdefault(id(u.info), []).append(u)
            infos[id(u.info)] = u.info
        titles: dict[str, int] = {}
        for s in self.lex.document.walk():
            t = strip_end(s.title or "")
            titles[t] = titles.get(t, 0) + 1
        out: list[Candidate] = []
        for key, units in by_info.items():
            info = infos[key]
            if tuple(info.path) in busy or not info.leaf or info.in_review:
                continue
            made = self._measure_short(info, units, titles)
            if made is not None:
                out.append(made)
        if len(out) > cap:
            step = len(out) / cap
            out = [out[int(k * step)] for k in range(cap)]
        return out

    def _measure_short(self, info: SectionInfo, units: list[Unit], titles: dict[str, int]) -> Candidate | None:
        title = strip_end(info.node.title or "")
        text = (info.node.text or "").strip()
        if not 4 <= len(title) <= 24 or titles.get(title, 0) != 1 or _FRAME_TITLES.match(title) \
                or RX[r"[“”《》：:]"].search(title) or len(text) < 60:
            return None
        if not _acts(title):
            return None  # 「发展草牧业是推进农业供给侧结构性改革的重要切入点」: a statement, no measure's heading
        paragraphs = [p for p in text.split("\n") if p.strip() and not OFFICES_NOTE.match(p.strip())]
        if len(paragraphs) != 1:
            return None  # (a paragraph after the measure — 「上述措施自……起执行」 — is the document's, not its)
        said = [strip_end(s) for s in sentences(paragraphs[0]) if s.strip() and not OFFICES_NOTE.match(s.strip())
                and not _LATER.search(s)]
        heads = [_ORDINAL_HEAD.sub("", s) for s in said if _ORDINAL_HEAD.match(s) and len(s) <= 30]
        if len(heads) >= 2 and len(heads) * 2 >= len(said):
            points = heads
        else:
            # every sentence whole: a point cut to a clause lost its case (「对……剩余不超过30%的尾盘房源，」)
            # or the measure itself; a measure left out makes the key incomplete (round 84)
            points = [_point(s) for s in said]
            if not all(points):
                return None  # (the situation, a reason, a definition among the measures: no clean list)
        if not 2 <= len(points) <= 6 or sum(map(len, points)) > _MAX_POINTS or any(len(p) > _MAX_POINT for p in points) \
                or any(refers_elsewhere(p) or RX[r"^(?:其|该|此|上述|同时|此外|对此)"].match(p) for p in points):
            return None
        tallies = sum(1 for p in points if _TALLY.search(p))
        if tallies >= 2 and tallies * 2 >= len(points):
            return None  # 「交付安置房：提供安置房6325套……筹集保障性住房1658套……」: a year's tally of
            # targets, no measures a cadre recalls — the key would be local figures (round 87)
        if len({p[:6] for p in points}) < len(points):
            return None  # 「支持……。支持……。」: points that open alike tell a grader nothing apart
        if title in "".join(points):
            return None  # (the heading said again as a point: it answers itself)
        whole = "\n".join(x for x in (info.node.title, info.node.text) if x)
        quote = whole if len(whole) <= _MAX_QUOTE else whole[:_MAX_QUOTE].rsplit("。", 1)[0] + "。"
        stem = f"文件提出的“{title}”有哪些？" if title.endswith(("措施", "举措", "任务", "要求")) \
            else f"关于“{title}”，文件提出了哪些措施？"
        unit = units[0]
        q = self._question(unit, "short", stem, [], points, quote=quote, difficulty=3)
        q.explanation = f"原文“{title}”部分：" + "；".join(points) + "。"
        # (below every form on a sentence of the measure: where the section has another question, that one)
        return Candidate(q, unit, 1.1, "measure_short", [])


# a point that is a count to reach: 「提供安置房6325套」「新改建农村公路100公里」「新增城市车位1700个」
_TALLY = re.compile(r"[\d０-９][\d，,.．]*\s*(?:万|千)?(?:套|个|公里|千米|户|所|家|座|条|人|亩|平方米|辆|场次|场|张|间|处|项|台|栋|名)")


def _acts(title: str) -> bool:
    """Whether a heading names something to do (强化……保障, 进一步降低……门槛), not a statement."""
    if "是" in title or RX[r"的$"].search(title):
        return False
    tagged = segment.tagged(title)
    return bool(tagged) and (tagged[0][1].startswith("v") or tagged[0][1] in ("d", "ad") and len(tagged) > 1
                             and tagged[1][1].startswith("v"))


def _point(sentence: str) -> str:
    """A sentence of the measure as a point of the answer, whole; "" when it sets no measure
    (「药学服务是医疗服务的组成部分」, 「“1”为国家基本药物目录」, 「各地要参照这一做法」)."""
    if len(sentence) > _MAX_POINT or RX[r"^[^，,]{0,20}[是为]"].match(sentence) or sentence.startswith("“") \
            or RX[r"这一|这些|该|此项|上述|前述|^其"].search(sentence):
        return ""
    if not any(t.startswith("v") for _w, t in segment.tagged(sentence)):
        return ""
    return sentence
