"""Realistic sample data for the printed forms: the seed session and a township roster.

Kept in one place so the tests, the perf benchmarks and the render-and-look script use the same
data an office would have (2015-04-15, 集中学习, 乡政府二楼会议室, 领学人 王德伦).
"""

from __future__ import annotations

import random
from datetime import date

from studyapp.core.stats import item_analysis
from studyapp.reports.forms.data import (
    Absence,
    AnnualArchiveData,
    ArchiveEntry,
    PersonalArchiveData,
    RecordData,
    ScoreRow,
    ScoreSheetData,
    SessionForms,
    SigninData,
    SigninRow,
)

UNIT = "遵义县龙坑乡人民政府"
DOCUMENT = "中共遵义市委关于全面推进依法治市的实施意见"
SEED_DATE = date(2015, 4, 15)

ROSTER: list[tuple[str, str, str]] = [
    ("王德伦", "乡党委", "党委书记"),
    ("陈志强", "乡人民政府", "乡长"),
    ("李红梅", "乡党委", "党委副书记"),
    ("张国华", "乡人民政府", "副乡长"),
    ("刘建军", "乡人大主席团", "主席"),
    ("赵明", "乡纪委", "纪委书记"),
    ("杨秀英", "乡党委", "组织委员"),
    ("黄文斌", "乡党委", "宣传委员"),
    ("周杰", "乡人民政府", "副乡长"),
    ("吴海燕", "党政办公室", "主任"),
    ("徐振东", "党政办公室", "干事"),
    ("孙丽", "财政所", "所长"),
    ("马永福", "农业服务中心", "主任"),
    ("朱红", "社会事务办公室", "主任"),
    ("胡光明", "司法所", "所长"),
    ("郭晓峰", "派出所", "所长"),
    ("何静", "计划生育办公室", "主任"),
    ("罗成", "林业站", "站长"),
    ("欧阳丽华", "文化服务中心", "站长"),
    ("高建国", "国土资源所", "所长"),
    ("林小芳", "党政办公室", "干事"),
    ("梁斌", "安全生产监督管理站", "站长"),
    ("宋玉兰", "社会事务办公室", "干事"),
    ("邓超", "扶贫工作站", "站长"),
    ("曾庆伟", "村镇建设服务中心", "主任"),
]

ABSENT = {"郭晓峰": ("请假", "参加县公安局集中轮训"), "邓超": ("请假", "下村开展扶贫走访")}

SECTIONS = [
    "一、全面推进依法治市的总体要求",
    "二、加强和改进党对依法治市的领导",
    "三、推进科学立法和严格执法",
    "四、推进公正司法和全民守法",
]

DISCUSSION = (
    "王德伦：依法治市关键在落实，乡里要把依法行政贯穿到征地拆迁、扶贫资金管理等具体工作中，"
    "做到程序合法、公开透明。\n"
    "陈志强：乡政府将梳理行政执法事项清单，明确执法主体和权限，年内完成执法人员培训。\n"
    "胡光明：司法所将结合“法律进村寨”活动，每月到各村开展一次法律咨询，重点化解土地、婚姻家庭纠纷。\n"
    "李红梅：各支部要把依法治市实施意见列入“三会一课”学习内容，党员干部带头学法守法用法。"
)


def people(n: int | None = None) -> list[tuple[str, str, str]]:
    """The roster, or n synthetic people (for the 500-person benchmarks)."""
    if n is None or n <= len(ROSTER):
        return ROSTER[: n or len(ROSTER)]
    rng = random.Random(7)
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    given = "国华建军明秀英文斌杰海燕振东丽永福红光晓峰静成建小芳玉兰超庆伟德志强梅平军勇敏霞刚涛磊洋鹏飞云芳娟辉林波宇"
    units = ["乡党委", "乡人民政府", "党政办公室", "财政所", "农业服务中心", "社会事务办公室",
             "司法所", "林业站", "扶贫工作站", "村镇建设服务中心", "新民村党支部", "龙坑村村民委员会",
             "安全生产监督管理站", "中心小学", "卫生院"]
    posts = ["干事", "主任", "副主任", "站长", "所长", "支部书记", "村委会主任", "教师", "医生"]
    out = list(ROSTER)
    while len(out) < n:
        name = rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2))))
        out.append((name, rng.choice(units), rng.choice(posts)))
    return out


def signin_data(n: int | None = None) -> SigninData:
    return SigninData(
        unit=UNIT,
        meeting=f"《{DOCUMENT}》集中学习",
        date=SEED_DATE,
        time="上午 9:00—11:30",
        place="乡政府二楼会议室",
        host="陈志强",
        leader="王德伦",
        rows=[SigninRow(name, unit, post) for name, unit, post in people(n)],
    )


def record_data() -> RecordData:
    return RecordData(
        unit=UNIT,
        date=SEED_DATE,
        time="上午 9:00—11:30",
        mode="集中学习",
        place="乡政府二楼会议室",
        host="陈志强",
        leader="王德伦",
        recorder="吴海燕",
        expected=len(ROSTER),
        present=len(ROSTER) - len(ABSENT),
        absences=[Absence(name, status, reason) for name, (status, reason) in ABSENT.items()],
        document=f"《{DOCUMENT}》（2014年11月12日市委四届五次全体会议审议通过）",
        sections=SECTIONS,
        discussion=DISCUSSION,
        test_summary="会后进行闭卷测试（满分100分），参考23人，平均分84.3分，及格率100%，优秀率47.8%。",
        hours=3,
    )


def scores(n: int | None = None) -> list[float | None]:
    rng = random.Random(15)
    out: list[float | None] = []
    for name, _, _ in people(n):
        if name in ABSENT:
            out.append(None)
        else:
            out.append(float(min(100, max(48, round(rng.gauss(83, 9))))))
    return out


def answers_matrix(n: int = 25, items: int = 12) -> tuple[list[list[bool]], list[float]]:
    """Per-question results consistent with the totals; question 7 is a 'bad item'."""
    rng = random.Random(3)
    matrix, totals = [], []
    for _p in range(n):
        ability = rng.random()
        row = []
        for q in range(items):
            if q == 6:  # strong scorers miss it: a badly generated item
                ok = rng.random() > ability
            else:
                ok = rng.random() < 0.35 + 0.6 * ability
            row.append(ok)
        matrix.append(row)
        totals.append(sum(row) * 100 / items)
    return matrix, totals


def score_data(n: int | None = None, with_items: bool = True) -> ScoreSheetData:
    items = []
    if with_items:
        matrix, totals = answers_matrix()
        items = item_analysis(matrix, totals)
    rows = []
    for (name, unit, _), score in zip(people(n), scores(n), strict=False):
        note = f"{ABSENT[name][0]}（{ABSENT[name][1]}）" if name in ABSENT else ""
        rows.append(ScoreRow(name, unit, score, note))
    return ScoreSheetData(
        unit=UNIT,
        subject=f"《{DOCUMENT}》学习测试",
        date=SEED_DATE,
        rows=rows,
        items=items,
    )


def personal_data() -> PersonalArchiveData:
    entries = [
        ArchiveEntry(date(2015, 1, 20), "集中学习", "《中国共产党廉洁自律准则》", 2, "92"),
        ArchiveEntry(date(2015, 3, 6), "专题辅导", "县委党校送教下乡：新《预算法》解读", 4, ""),
        ArchiveEntry(SEED_DATE, "集中学习", f"《{DOCUMENT}》", 3, "88"),
        ArchiveEntry(date(2015, 5, 28), "个人自学", "《习近平谈治国理政》第一卷 第五部分", 2, ""),
        ArchiveEntry(date(2015, 6, 30), "研讨交流", "“三严三实”专题教育研讨", 3, "合格"),
        ArchiveEntry(date(2015, 9, 17), "视频学习", "全国干部网络学院：依法行政专题", 8, "90"),
        ArchiveEntry(date(2015, 11, 12), "集中学习", "党的十八届五中全会精神", 3, "缺考", "下村"),
    ]
    return PersonalArchiveData(
        unit=UNIT, year=2015, name="王德伦", person_unit="乡党委", post="党委书记",
        target_hours=32, entries=entries,
    )


def archive_data() -> AnnualArchiveData:
    second = RecordData(
        unit=UNIT, date=date(2015, 6, 30), time="下午 2:30—5:00", mode="研讨交流",
        place="乡政府三楼党员活动室", host="王德伦", leader="李红梅", recorder="林小芳",
        expected=25, present=25, document="“三严三实”专题教育学习材料",
        sections=["严以修身、严以用权、严以律己", "谋事要实、创业要实、做人要实"], hours=3,
    )
    return AnnualArchiveData(
        unit=UNIT,
        year=2015,
        sessions=[
            SessionForms(record_data(), signin_data(), score_data()),
            SessionForms(second, None, None),
        ],
        compiled_on=date(2015, 12, 30),
    )
