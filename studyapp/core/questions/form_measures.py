"""简答 on a titled measure of a policy text: 「关于“强化科技企业用地保障”，文件提出了哪些措施？」.

A 若干措施 or 实施意见 names each of its measures with a short heading and says under it what is
to be done; a study session goes through them one by one, and a party-school paper asks them
as 简答. The reference points are what the text says under the heading: its 一是/二是 heads
where it has them, otherwise each sentence (its first clause when the sentence is long). Asked
only on a measure whose section no other form asks (the section's own questions come first),
never on the frame's parts (指导思想, 基本原则, 主要目标 …: no measure), and not on a heading the
document uses twice (which one, the stem could not say).
"""

from __future__ import annotations

import re

from studyapp.core.questions.form_headings import _FRAME_TITLES
from studyapp.core.questions.formbase import Candidate, FormBase
from studyapp.core.questions.lexicon import Unit, refers_elsewhere
from studyapp.core.questions.text import RX, SectionInfo, sentences, strip_end

_ORDINAL_HEAD = re.compile(r"^[一二三四五六七八九十]+是")
_BRACKET = re.compile(r"^[（(][^（）()]*(?:责任单位|牵头|负责|配合)[^（）()]*[）)][。；;]?$")
_MAX_POINT = 40      # a point longer than this is cut to its first clause
_MAX_POINTS = 300    # the reference answer, all points together
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
            if tuple(info.path) in busy or not info.leaf:
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
        said = [strip_end(s) for s in sentences(text) if s.strip() and not _BRACKET.match(s.strip())]
        heads = [_ORDINAL_HEAD.sub("", s) for s in said if _ORDINAL_HEAD.match(s) and len(s) <= 30]
        if len(heads) >= 2:
            points = heads
        else:
            points = [p for p in (_point(s) for s in said) if p]
            if len(points) < len(said) - 1:
                return None  # (most of what it says is no measure: the situation, a reason, a definition)
        if not 2 <= len(points) <= 8 or sum(map(len, points)) > _MAX_POINTS or any(len(p) > 60 for p in points) \
                or any(refers_elsewhere(p) or RX[r"^(?:其|该|此|上述|同时|此外|对此)"].match(p) for p in points):
            return None
        if len({p[:6] for p in points}) < len(points):
            return None  # 「支持……；支持……」 cut to the same first words: points that say nothing apart
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


# what opens a clause that only frames the act after it (「围绕工程建设……等领域，……」「对于海事劳工证书，……」)
_FRAMING = re.compile(r"^(?:紧密|紧紧|主动|积极|深度|充分)?(?:围绕|对于|对|在|按照|根据|通过|依托|以|为了|为|结合|针对|依据|按|凡|经|"
                      r"着眼|立足|坚持以|聚焦)")


def _acts(title: str) -> bool:
    """Whether a heading names something to do (强化……保障, 进一步降低……门槛), not a statement."""
    from studyapp.core.questions import segment

    if "是" in title or RX[r"的$"].search(title):
        return False
    tagged = segment.tagged(title)
    return bool(tagged) and (tagged[0][1].startswith("v") or tagged[0][1] in ("d", "ad") and len(tagged) > 1
                             and tagged[1][1].startswith("v"))


def _point(sentence: str) -> str:
    """The measure a sentence sets, as a point of the answer: the sentence when short, else its
    first clause that acts (the framing clauses before it and a condition 「……的，」 skipped);
    "" when it sets none (「药学服务是医疗服务的组成部分」, 「“1”为国家基本药物目录」)."""
    from studyapp.core.questions import segment

    if RX[r"^[^，,]*的[，,]"].match(sentence):
        chosen = sentence  # 「……用于研发、展示的，可不办理……」: the case belongs to the rule, whole or not at all
    elif len(sentence) <= _MAX_POINT and not _FRAMING.match(sentence) and not RX[r"^[^，,]{0,20}[是为]"].match(sentence):
        chosen = sentence
    else:
        parts = [c for c in re.split(r"[，,；;]", sentence) if c]
        chosen = next((c for c in parts if not _FRAMING.match(c) and not c.endswith("的") and len(c) >= 6
                       and not RX[r"^[^，,]{0,20}[是为]"].match(c)), "")
    if not chosen or "“" in chosen[:2] or RX[r"这一|这些|该|此项|上述|前述|其"].search(chosen):
        return ""  # (「各地要参照这一做法」: which, the sentence before says)
    tagged = segment.tagged(chosen)
    if not any(t.startswith("v") for _w, t in tagged):
        return ""
    if chosen is not sentence and not tagged[0][1].startswith("v") and not RX[r"要|应当|应|须|必须|负责|可以|可"].search(chosen):
        return ""  # 「第三方治理取得的污染物减排量，……」: the subject of a longer sentence, no act of its own
    return chosen if len(chosen) <= 60 else ""
