"""The level of government a rule sends something to: 「报国务院批准」「由县级人民政府决定」.

Laws and regulations decide, again and again, which level of government (or which level's
department) approves, decides, receives a report or carries something out. That level is the
point of the rule and a careful teacher asks it: 「……应当报（　　）批准」 with the other levels
as options, or the rule stated with a neighbouring level as a false item.

Only a body in a procedural slot is taken (after 由/经/报/向/移送/提请…), never one joined to
another by 或者/和/、 (both would be right), and never 县级以上 as the key (it holds the county,
the city and the province: every rival would be partly right); 县级以上 is a rival only of
国务院. The options keep what follows the level (国务院商务主管部门 → 省、自治区、直辖市人民政府
商务主管部门), so they differ in the level alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# the levels, top to bottom, as a rival is written (the key keeps the text's own words)
LEVEL_FORMS = {
    "国": "国务院",
    "省": "省、自治区、直辖市人民政府",
    "市": "设区的市级人民政府",
    "县": "县级人民政府",
    "县以上": "县级以上地方人民政府",
    "乡": "乡、镇人民政府",
}
# which levels may stand in for which: never a level that holds the key or is held by it
RIVALS = {
    "国": ("省", "市", "县以上"),
    "省": ("国", "市", "县"),
    "市": ("省", "县", "国"),
    "县": ("市", "省", "乡"),
    "乡": ("县", "市", "省"),
}
# (the falsification of a true statement takes the first rival: the neighbouring level)
RANK = {"国": 5, "省": 4, "市": 3, "县以上": 2, "县": 2, "乡": 1}

_DEPT = r"(?:[\u4e00-\u9fff]{1,14}?(?:主管部门|行政部门|管理部门|部门|机关|机构))?"
_LEVEL = re.compile(
    r"(?P<lv>国务院(?!办公厅|各部委|和|或|及|、)"
    r"|省、自治区、直辖市(?:的)?人民政府|省级人民政府|省人民政府"
    r"|设区的市(?:级)?人民政府|地级以上市人民政府|地级市人民政府"
    r"|县级以上(?:地方)?(?:各级)?人民政府"
    r"|县级人民政府|县(?:、自治县)?人民政府"
    r"|乡(?:、民族乡)?、镇人民政府|乡镇人民政府|乡级人民政府)"
    r"(?P<dept>" + _DEPT + r")")
# the slot: what sends the matter to the body, and what the body does with it
_BEFORE = re.compile(r"(?:由|经|报|报请|报经|报送|向|移送|提请|交由|提交|送)(?:所在地|当地|其所在地)?$")
# (not 会同: 「国务院交通运输主管部门会同（　　）制定」 — the lead body in the stem gives the level)
_AFTER = re.compile(r"^(?:批准|备案|审批|核准|决定|同意|审核|审定|确定|指定|规定|制定|公布|发布|报告|申请|申报|"
                    r"组织|负责|统一|依法|按照|根据|认定|登记|颁发|核发|授予|划定|征收|审查|提出|给予|作出)")


_RULE_MAKING = re.compile(r"制定|规定|批准|审批|核准|备案|发布|公布|审定|确定|指定|认定|颁发|核发|授予")


@dataclass(frozen=True)
class LevelBody:
    start: int       # where the level begins (after 所在地, which stays in the stem)
    end: int
    level: str       # a key of LEVEL_FORMS
    dept: str        # what follows the level (商务主管部门), "" for the government itself
    local: bool      # 所在地/当地 before it: 国务院 cannot be a rival

    def text_of(self, source: str) -> str:
        return source[self.start:self.end]


def _level_of(lv: str) -> str:
    if lv.startswith("国务院"):
        return "国"
    if lv.startswith("省"):
        return "省"
    if lv.startswith(("设区的市", "地级")):
        return "市"
    if lv.startswith("县级以上"):
        return "县以上"
    if lv.startswith("县"):
        return "县"
    return "乡"


def level_bodies(text: str) -> list[LevelBody]:
    """The bodies of a sentence named by their level in a procedural slot."""
    out: list[LevelBody] = []
    for m in _LEVEL.finditer(text):
        a, b = m.start(), m.end()
        dept = m.group("dept")
        before = text[max(0, a - 6):a]
        slot = _BEFORE.search(before)
        if slot is None or not _AFTER.match(text[b:b + 4]):
            continue
        if re.search(r"(?:或者|或|和|及|与|、)$", before) or re.match(r"(?:或者|或|和|及|与|、|的|授权|其他)", text[b:b + 2]):
            continue  # 「报国务院或者其授权的部门批准」: both are right
        if dept and re.search(r"有关|相关|其他|各|本级|同级|上一级|所属", dept):
            continue  # 「国务院有关部门」: which one, the rule does not say
        if dept and len(dept) < 3:
            continue
        out.append(LevelBody(a, b, _level_of(m.group("lv")), dept,
                             bool(re.search(r"所在地|当地$", before))))
    return out


def levels_named(text: str) -> set[str]:
    """Every level a text names, in any slot (an article that names the province for one step
    makes 省 no rival for the next: 「由省……审批，报（　　）备案」)."""
    return {_level_of(m.group("lv")) for m in _LEVEL.finditer(text)}


def rival_texts(body: LevelBody, named: set[str], local_dept: bool, floor: int = 0, act: str = "") -> list[str]:
    """The body at the other levels that may stand in for it, nearest level first: none the
    article names itself, none below `floor` (the highest other level the sentence names: a
    province that asks a city's approval is absurd, not a test), and for a department a local
    level only where the document has that department in local governments too (no
    「县级以上地方人民政府核安全监管部门」 invented)."""
    if body.level not in RIVALS:
        return []
    out = []
    for lv in RIVALS[body.level]:
        if lv in named or RANK[lv] < floor:
            continue
        if lv == "乡" and (body.dept or _RULE_MAKING.match(act)):
            continue  # a township has no departments, and makes no rules and approves nothing
        if lv == "国" and body.local:
            continue  # 「所在地国务院」 is nonsense
        if lv != "国" and body.dept and not local_dept:
            continue
        out.append(LEVEL_FORMS[lv] + body.dept)
    return out


# a central body acting (环境保护部要会同……, 发展改革委、财政部要……, 环保总局要……, 国务院有关部门应当……)
_CENTRAL_ACTOR = re.compile(r"(?:^|[，,；;。、])(?:国务院[\u4e00-\u9fff]{0,10}部门|[\u4e00-\u9fff]{1,10}?(?:部|委|总局|总署))"
                            r"(?:[、，,和]|要|应当|应|须|必须|会同|牵头|负责|按照|根据|将|在)")


def central_actor(before: str) -> bool:
    """Whether the clause before a body names a central ministry as the actor: what it reports
    goes to the State Council, never down to a province or a city (round 56)."""
    return bool(_CENTRAL_ACTOR.search(before))


# words that say a level outside the body's own slot (省属重点文化企业, 市级财政): in the stem they
# give the key of 「经（　　）批准」 away, and a false item naming another level contradicts them
# (not 本省, 全市: a region the rule is about — 「转移出本省行政区域……向（　　）提出申请」 was rated fair)
_LEVEL_MARKS = {"国": r"中央[\u4e00-\u9fff]{0,4}(?:企业|单位)|国家级", "省": r"省属|省级|省管",
                "市": r"市属|市级|市管", "县": r"县属|县级|县管"}


def level_marked(rest: str, level: str) -> bool:
    """Whether the sentence outside the body says the body's level itself (round 57)."""
    mark = _LEVEL_MARKS.get("县" if level == "县以上" else level)
    return bool(mark and re.search(mark, rest))
