"""知识竞赛 as an event log, and the scoring of a paper test typed in from answer sheets.

A contest in a meeting room is noisy: the host scores the wrong team, a judge changes their mind,
the laptop crashes. So a contest is never a table of scores that gets overwritten; it is the list
of what happened (question shown, answer judged, manual adjustment, undo), and the scoreboard is
derived by replaying that list. Undo is itself an event that cancels the last scoring event, so
the record shows that a score was taken back, and replaying after a crash gives exactly the same
board. The service stores each event the moment it happens.

The second half scores a printed paper test (纸质测验): the letters an entry clerk types from an
answer sheet grade the objective questions at once; subjective points are typed in.

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from studyapp.core.grading import GradingRule, grade
from studyapp.core.stats import ranks

log = logging.getLogger("studyapp.room")

__all__ = [
    "BUZZ",
    "BUZZED",
    "COMPULSORY",
    "ROUND_NAMES",
    "RISK",
    "ContestError",
    "ContestEvent",
    "ContestRules",
    "ContestSetup",
    "ContestState",
    "ScoreLine",
    "Team",
    "buzz_text",
    "describe",
    "draw_teams",
    "individual_teams",
    "replay",
    # paper test
    "PaperItem",
    "CellResult",
    "grade_cell",
    "parse_choice",
    "parse_judge",
    "sheet_total",
]

COMPULSORY = "compulsory"  # 必答题: each team in turn
BUZZ = "buzz"  # 抢答题: the first team to buzz (a phone, or the host's pick) answers
RISK = "risk"  # 风险题: the team stakes 10/20/30, a wrong answer loses the stake
ROUNDS = (COMPULSORY, BUZZ, RISK)
ROUND_NAMES: dict[str, str] = {COMPULSORY: "必答题", BUZZ: "抢答题", RISK: "风险题"}
TEAM_NUMERALS = "一二三四五六七八九十"


class ContestError(ValueError):
    """An action the contest's rules do not allow; the message is Chinese and shown as-is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# ------------------------------------------------------------------------------------------ setup


@dataclass(frozen=True)
class Team:
    """A team (or one person in an individual contest). `id` is stable: events refer to it."""

    id: str
    name: str
    members: tuple[str, ...] = ()
    person_ids: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "members": list(self.members),
                "person_ids": list(self.person_ids)}

    def member_name(self, person_id: int | None) -> str:
        """A member's name ('' when not a member: members and person_ids are drawn together)."""
        if person_id is None or person_id not in self.person_ids:
            return ""
        i = self.person_ids.index(person_id)
        return self.members[i] if i < len(self.members) else ""

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Team:
        return cls(str(data["id"]), str(data["name"]), tuple(data.get("members") or ()),
                   tuple(int(i) for i in data.get("person_ids") or ()))


@dataclass(frozen=True)
class ContestRules:
    """Points per round. Defaults follow common 知识竞赛 rules; the host may change them."""

    base_score: float = 100.0
    compulsory_right: float = 10.0
    compulsory_wrong: float = 0.0  # 必答 answered wrong: usually no deduction
    buzz_right: float = 10.0
    buzz_wrong: float = -10.0  # 抢答 answered wrong: deduction, so teams do not buzz blindly
    risk_stakes: tuple[float, ...] = (10.0, 20.0, 30.0)

    def to_json(self) -> dict[str, Any]:
        return {"base_score": self.base_score, "compulsory_right": self.compulsory_right,
                "compulsory_wrong": self.compulsory_wrong, "buzz_right": self.buzz_right,
                "buzz_wrong": self.buzz_wrong, "risk_stakes": list(self.risk_stakes)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> ContestRules:
        if not data:
            return cls()
        d = cls()
        return cls(
            base_score=float(data.get("base_score", d.base_score)),
            compulsory_right=float(data.get("compulsory_right", d.compulsory_right)),
            compulsory_wrong=float(data.get("compulsory_wrong", d.compulsory_wrong)),
            buzz_right=float(data.get("buzz_right", d.buzz_right)),
            buzz_wrong=float(data.get("buzz_wrong", d.buzz_wrong)),
            risk_stakes=tuple(float(s) for s in data.get("risk_stakes", d.risk_stakes)),
        )

    def points(self, round_: str, correct: bool, stake: float | None = None) -> float:
        """The change of score for a judged answer in a round (why: one place for the rules)."""
        if round_ == COMPULSORY:
            return self.compulsory_right if correct else self.compulsory_wrong
        if round_ == BUZZ:
            return self.buzz_right if correct else self.buzz_wrong
        if round_ == RISK:
            if stake is None or float(stake) not in self.risk_stakes:
                allowed = "、".join(f"{s:g}" for s in self.risk_stakes)
                raise ContestError(f"风险题请先选择分值（{allowed} 分）。")
            return float(stake) if correct else -float(stake)
        raise ContestError(f"未知的竞赛环节“{round_}”。")


@dataclass(frozen=True)
class ContestSetup:
    """Who plays and by which rules; fixed when the contest starts (stored with the run)."""

    teams: tuple[Team, ...]
    rules: ContestRules = field(default_factory=ContestRules)
    individual: bool = False

    def __post_init__(self) -> None:
        if len(self.teams) < 2:
            raise ContestError("知识竞赛至少需要两个队（或两人）。")
        ids = [t.id for t in self.teams]
        if len(set(ids)) != len(ids):
            raise ContestError("参赛队的编号重复。")
        names = [t.name.strip() for t in self.teams]
        if any(not n for n in names):
            raise ContestError("每个参赛队都需要名称。")
        if len(set(names)) != len(names):
            raise ContestError("参赛队名称重复，请改成不同的名称。")

    def team(self, team_id: str) -> Team:
        for t in self.teams:
            if t.id == team_id:
                return t
        raise ContestError(f"没有编号为“{team_id}”的参赛队。")

    def to_json(self) -> dict[str, Any]:
        return {"teams": [t.to_json() for t in self.teams], "rules": self.rules.to_json(),
                "individual": self.individual}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ContestSetup:
        return cls(tuple(Team.from_json(t) for t in data.get("teams") or ()),
                   ContestRules.from_json(data.get("rules")), bool(data.get("individual", False)))


def draw_teams(
    people: Sequence[tuple[int, str]], count: int, *, seed: int = 0,
    names: Sequence[str] | None = None,
) -> tuple[Team, ...]:
    """Split attendees into `count` teams of near-equal size, by a seeded draw (抽签).

    Seeded so the same draw can be shown again after a restart; sizes differ by at most one.
    `people` are (person_id, display name).
    """
    if count < 2:
        raise ContestError("至少分成两个队。")
    if len(people) < count:
        raise ContestError(f"到会 {len(people)} 人，不够分成 {count} 个队。请减少队数，或改为个人赛。")
    order = list(people)
    random.Random(f"teams:{seed}").shuffle(order)
    buckets: list[list[tuple[int, str]]] = [[] for _ in range(count)]
    for i, person in enumerate(order):
        buckets[i % count].append(person)
    teams = []
    for i, bucket in enumerate(buckets):
        name = names[i] if names and i < len(names) and names[i].strip() else default_team_name(i)
        teams.append(Team(f"t{i + 1}", name.strip(), tuple(n for _, n in bucket),
                          tuple(pid for pid, _ in bucket)))
    return tuple(teams)


def individual_teams(people: Sequence[tuple[int, str]]) -> tuple[Team, ...]:
    """个人赛: everyone plays for themselves (each person is a 'team' of one)."""
    return tuple(Team(f"p{pid}", name, (name,), (pid,)) for pid, name in people)


def default_team_name(index: int) -> str:
    """第一组, 第二组 … (what a host calls teams by default)."""
    numeral = TEAM_NUMERALS[index] if index < len(TEAM_NUMERALS) else str(index + 1)
    return f"第{numeral}组"


# ------------------------------------------------------------------------------------------ events

SHOW = "show"  # a question is shown (round, question index, team to answer)
BUZZED = "buzzed"  # 抢答: a team won the buzz (a phone's press, with its person) and answers
JUDGE = "judge"  # an answer was judged right or wrong: scoring
ADJUST = "adjust"  # manual change of a team's score: scoring
UNDO = "undo"  # cancels the last scoring event not yet cancelled
FINISH = "finish"
SCORING = (JUDGE, ADJUST)
KINDS = (SHOW, BUZZED, JUDGE, ADJUST, UNDO, FINISH)


@dataclass(frozen=True)
class ContestEvent:
    """One thing that happened; `points` is the score change (already worked out by the rules).

    Storing the change, not just right/wrong, keeps old contests replaying the same way even if
    the default rules change later.
    """

    kind: str
    round: str | None = None
    question: int | None = None  # index into the run's question list
    team: str | None = None
    correct: bool | None = None
    points: float = 0.0
    stake: float | None = None
    note: str = ""
    person: int | None = None  # BUZZED: who pressed 抢答 on their phone

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind}
        for name in ("round", "question", "team", "correct", "stake", "person"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        if self.points:
            data["points"] = self.points
        if self.note:
            data["note"] = self.note
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ContestEvent:
        kind = str(data.get("kind", ""))
        if kind not in KINDS:
            raise ContestError(f"未知的竞赛记录“{kind}”。")
        q = data.get("question")
        stake = data.get("stake")
        correct = data.get("correct")
        person = data.get("person")
        return cls(kind=kind, round=data.get("round"), question=None if q is None else int(q),
                   team=data.get("team"), correct=None if correct is None else bool(correct),
                   points=float(data.get("points", 0.0)),
                   stake=None if stake is None else float(stake), note=str(data.get("note", "")),
                   person=None if person is None else int(person))

    @property
    def scoring(self) -> bool:
        return self.kind in SCORING


@dataclass(frozen=True)
class ScoreLine:
    """One row of the scoreboard (积分榜)."""

    team_id: str
    name: str
    members: tuple[str, ...]
    score: float
    rank: int
    right: int
    wrong: int


@dataclass(frozen=True)
class ContestState:
    """The contest as replayed from its events: what the board and the console show."""

    setup: ContestSetup
    scores: dict[str, float]
    right: dict[str, int]
    wrong: dict[str, int]
    round: str | None
    question: int | None
    team: str | None  # the team answering the current question (None in 抢答 before a buzz)
    judged: bool  # the current question has been judged (a second judgement is refused)
    active: tuple[int, ...]  # indexes of scoring events still counted (for undo)
    finished: bool
    compulsory_shown: int  # 必答 questions shown so far (whose turn comes next)
    events: tuple[ContestEvent, ...] = ()
    turn_of: dict[int, str] = field(default_factory=dict)  # 必答/风险 question -> its team
    risk_shown: int = 0  # 风险 questions shown so far (whose turn comes next)
    buzzer: int | None = None  # 抢答: the person whose press won the current question (phones)
    buzz_team: str | None = None  # 抢答: the team that won the buzz on the current question

    @property
    def next_risk_team(self) -> str:
        """风险: teams take their turn too (the team in turn picks its stake and answers)."""
        teams = self.setup.teams
        return teams[self.risk_shown % len(teams)].id

    @property
    def next_compulsory_team(self) -> str:
        """必答: teams answer in turn, in the order they were set up."""
        teams = self.setup.teams
        return teams[self.compulsory_shown % len(teams)].id

    @property
    def can_undo(self) -> bool:
        return bool(self.active) and not self.finished

    @property
    def last_scoring(self) -> ContestEvent | None:
        return self.events[self.active[-1]] if self.active else None

    def scoreboard(self) -> list[ScoreLine]:
        """Teams by score, highest first; ties share a rank (1, 2, 2, 4) and keep setup order."""
        teams = list(self.setup.teams)
        values = [self.scores[t.id] for t in teams]
        rank_of = ranks(values)
        lines = [
            ScoreLine(t.id, t.name, t.members, self.scores[t.id], int(r or 0),
                      self.right[t.id], self.wrong[t.id])
            for t, r in zip(teams, rank_of, strict=False)
        ]
        order = {t.id: i for i, t in enumerate(teams)}
        lines.sort(key=lambda s: (s.rank, order[s.team_id]))
        return lines

    # event builders: check the rules against this state, return the event to store ------------
    def show(self, round_: str, question: int, team: str | None = None) -> ContestEvent:
        """Show a question in a round; 必答 assigns the next team in turn unless one is given."""
        self._open()
        if round_ not in ROUNDS:
            raise ContestError(f"未知的竞赛环节“{round_}”。")
        if round_ == COMPULSORY and team is None:
            team = self.turn_of.get(int(question), self.next_compulsory_team)
        elif round_ == RISK and team is None:
            team = self.turn_of.get(int(question), self.next_risk_team)
        if team is not None:
            self.setup.team(team)
        return ContestEvent(SHOW, round=round_, question=int(question), team=team)

    def buzz(self, team: str, person: int | None = None, question: int | None = None) -> ContestEvent:
        """抢答: `team` won the buzz on the current question (`question`, when given, must be it:
        a press that arrives after the host moved on is refused). One winner a question."""
        self._open()
        if self.round != BUZZ or self.question is None:
            raise ContestError("现在不是抢答题，不能抢答。")
        if question is not None and int(question) != self.question:
            raise ContestError("这道抢答题已经结束。")
        if self.judged:
            raise ContestError("这道题已经判定过了。")
        if self.team is not None:
            raise ContestError(f"{self.setup.team(self.team).name}已抢到这道题。")
        t = self.setup.team(team)
        if person is not None and person not in t.person_ids:
            raise ContestError(f"抢答的人不是{t.name}的队员。")
        return ContestEvent(BUZZED, round=BUZZ, question=self.question, team=team, person=person)

    def judge(self, correct: bool, team: str | None = None, stake: float | None = None) -> ContestEvent:
        """Judge the current question's answer for `team` (抢答: the team that buzzed)."""
        self._open()
        if self.round is None or self.question is None:
            raise ContestError("请先出示一道题，再判定对错。")
        if self.judged:
            raise ContestError("这道题已经判定过了。如判错了，请先“撤销”再重新判定。")
        team = team or self.team
        if team is None:
            raise ContestError("请先选择抢到答题权的队。" if self.round == BUZZ else "请先选择答题的队。")
        self.setup.team(team)
        if self.round == COMPULSORY and self.team is not None and team != self.team:
            raise ContestError(
                f"必答题由{self.setup.team(self.team).name}作答，不能判给{self.setup.team(team).name}。")
        points = self.setup.rules.points(self.round, bool(correct), stake)
        return ContestEvent(JUDGE, round=self.round, question=self.question, team=team,
                            correct=bool(correct), points=points,
                            stake=None if self.round != RISK else float(stake or 0))

    def adjust(self, team: str, points: float, note: str = "") -> ContestEvent:
        """A manual correction by the host (加分/扣分), e.g. a ruling from the judges' table."""
        self._open()
        self.setup.team(team)
        if not points:
            raise ContestError("调整的分数不能为 0。")
        return ContestEvent(ADJUST, round=self.round, question=self.question, team=team,
                            points=float(points), note=note.strip())

    def undo(self) -> ContestEvent:
        """Cancel the last scoring action still counted."""
        self._open()
        if not self.active:
            raise ContestError("没有可以撤销的计分。")
        return ContestEvent(UNDO)

    def finish(self) -> ContestEvent:
        self._open()
        return ContestEvent(FINISH)

    def _open(self) -> None:
        if self.finished:
            raise ContestError("竞赛已经结束，不能再计分。")


def replay(setup: ContestSetup, events: Iterable[ContestEvent | Mapping[str, Any]]) -> ContestState:
    """The state after `events`, from the base score. Deterministic: same events, same board.

    Invalid events (a team that does not exist) raise ContestError: a stored log that does not
    replay is a bug that must not silently change someone's score.
    """
    evs = tuple(e if isinstance(e, ContestEvent) else ContestEvent.from_json(e) for e in events)
    team_ids = [t.id for t in setup.teams]
    scores = {t: float(setup.rules.base_score) for t in team_ids}
    right = {t: 0 for t in team_ids}
    wrong = {t: 0 for t in team_ids}
    active: list[int] = []
    round_: str | None = None
    question: int | None = None
    team: str | None = None
    judged = False
    finished = False
    shown = risk_shown = 0
    turn_of: dict[int, str] = {}  # 必答/风险 question -> the team it was given to
    buzzer: int | None = None
    buzz_team: str | None = None
    for i, ev in enumerate(evs):
        if ev.kind == SHOW:
            round_, question, team, judged = ev.round, ev.question, ev.team, False
            buzzer = buzz_team = None
            # going back to a question already asked does not pass the turn on
            if ev.round in (COMPULSORY, RISK) and ev.question is not None and ev.question not in turn_of:
                if ev.round == COMPULSORY:
                    shown += 1
                else:
                    risk_shown += 1
                if ev.team is not None:
                    turn_of[ev.question] = ev.team
        elif ev.kind == BUZZED:
            if ev.team not in scores:
                raise ContestError(f"竞赛记录中有不存在的参赛队“{ev.team}”。")
            if ev.question == question and round_ == BUZZ and team is None and not judged:
                team = buzz_team = ev.team
                buzzer = ev.person
        elif ev.kind in SCORING:
            if ev.team not in scores:
                raise ContestError(f"竞赛记录中有不存在的参赛队“{ev.team}”。")
            scores[ev.team] += ev.points
            if ev.kind == JUDGE:
                (right if ev.correct else wrong)[ev.team] += 1
                if ev.question == question:
                    judged, team = True, ev.team
            active.append(i)
        elif ev.kind == UNDO:
            if not active:
                continue  # nothing to cancel: ignore rather than refuse to open the contest
            j = active.pop()
            gone = evs[j]
            scores[gone.team] -= gone.points  # type: ignore[index]  # (a scoring event always names its team)
            if gone.kind == JUDGE:
                (right if gone.correct else wrong)[gone.team] -= 1  # type: ignore[index]  # (a scoring event always names its team)
                if gone.question == question:
                    judged = False
                    if round_ == BUZZ:
                        team = buzz_team  # the buzz stands; without one another team may take it
        elif ev.kind == FINISH:
            finished = True
    return ContestState(setup, scores, right, wrong, round_, question, team, judged, tuple(active),
                        finished, shown, evs, turn_of, risk_shown, buzzer, buzz_team)


def with_event(state: ContestState, event: ContestEvent) -> ContestState:
    """The state after one more event (replays; contests are short, clarity beats speed)."""
    return replay(state.setup, (*state.events, event))


def buzz_text(setup: ContestSetup, team: str | None, person: int | None) -> str:
    """「第二组抢到（张三）」; in an individual contest the person is the team: 「张三抢到」."""
    if team is None:
        return ""
    t = setup.team(team)
    who = t.member_name(person)
    return f"{t.name}抢到" + (f"（{who}）" if who and who != t.name else "")


def describe(event: ContestEvent, setup: ContestSetup) -> str:
    """A Chinese line for the console's log: 「第一组 答对 +10」, 「撤销」 …"""
    name = setup.team(event.team).name if event.team else ""
    if event.kind == SHOW:
        who = f"，{name}作答" if name else ""
        return f"{ROUND_NAMES.get(event.round or '', '')} 第 {(event.question or 0) + 1} 题{who}"
    if event.kind == BUZZED:
        return buzz_text(setup, event.team, event.person)
    if event.kind == JUDGE:
        verdict = "答对" if event.correct else "答错"
        return f"{name} {verdict} {event.points:+g}"
    if event.kind == ADJUST:
        return f"{name} 调整 {event.points:+g}" + (f"（{event.note}）" if event.note else "")
    if event.kind == UNDO:
        return "撤销上一次计分"
    return "竞赛结束"


# ------------------------------------------------------------------------------------ paper test

CHOICE_TYPES = ("single", "multiple")
OBJECTIVE_TYPES = ("single", "multiple", "judge")
LETTERS = "ABCDEFGH"
_TRUE = {"A", "√", "✓", "T", "Y", "1", "对", "是", "正确"}
_FALSE = {"B", "×", "X", "F", "N", "0", "错", "否", "错误"}


@dataclass(frozen=True)
class PaperItem:
    """A question of the paper as score entry needs it (one column of the grid)."""

    number: int  # 1-based as printed
    type: str
    points: float
    answer: Any  # option indexes (choice), bool (judge), anything else for fill/short
    option_count: int = 4
    question_id: int | None = None

    @property
    def objective(self) -> bool:
        """Graded from typed letters; fill and short answers get points typed in."""
        return self.type in OBJECTIVE_TYPES


@dataclass(frozen=True)
class CellResult:
    """One typed cell: what it means and the points it earns. `error` is Chinese."""

    text: str  # normalised text to show (ABD, √, ×, 8)
    points: float | None  # None: blank (not entered yet) or invalid
    correct: bool | None = None  # objective questions only
    error: str = ""


def parse_choice(text: str, option_count: int = 4) -> tuple[int, ...] | None:
    """Letters typed for a choice question → sorted option indexes; None if not letters.

    Accepts lower case, spaces, commas and full-width letters (Ａ) as Chinese IMEs produce.
    """
    cleaned = []
    for ch in text.strip().upper():
        if ch in " ,，、;；":
            continue
        if "Ａ" <= ch <= "Ｚ":
            ch = chr(ord(ch) - ord("Ａ") + ord("A"))
        if ch not in LETTERS[:option_count]:
            return None
        cleaned.append(LETTERS.index(ch))
    return tuple(sorted(set(cleaned))) if cleaned else None


def parse_judge(text: str) -> bool | None:
    """√/× as typed: A/T/Y/1/对 mean √, B/F/N/0/错/X mean ×; the 答题卡 bubbles are √ then ×."""
    value = text.strip().upper()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    return None


def grade_cell(item: PaperItem, text: str, rule: GradingRule | None = None) -> CellResult:
    """Grade what was typed for one question: letters for objective ones, points for the rest.

    Objective questions go through core.grading, so a paper typed in here and the same paper
    taken on screen get the same points (including the office's 多选 partial-credit rule).
    """
    raw = (text or "").strip()
    if not raw:
        return CellResult("", None)
    if item.type in CHOICE_TYPES:
        chosen = parse_choice(raw, item.option_count)
        if chosen is None:
            letters = "、".join(LETTERS[: item.option_count])
            return CellResult(raw, None, None, f"第 {item.number} 题请输入选项字母（{letters}）。")
        if item.type == "single" and len(chosen) > 1:
            # more than one mark on a single-choice question earns nothing, as when marking by hand
            return CellResult("".join(LETTERS[i] for i in chosen), 0.0, False)
        verdict = grade({"type": item.type, "answer": item.answer}, list(chosen), rule, item.points)
        return CellResult("".join(LETTERS[i] for i in chosen), verdict.points, bool(verdict.correct))
    if item.type == "judge":
        value = parse_judge(raw)
        if value is None:
            return CellResult(raw, None, None, f"第 {item.number} 题请输入 √ 或 ×（也可输入 A/B、对/错、1/0）。")
        verdict = grade({"type": "judge", "answer": bool(item.answer)}, value, rule, item.points)
        return CellResult("√" if value else "×", verdict.points, bool(verdict.correct))
    try:
        points = float(raw.replace("分", "").replace("，", ".").strip())
    except ValueError:
        return CellResult(raw, None, None, f"第 {item.number} 题请输入得分（0～{item.points:g} 分）。")
    if not 0 <= points <= item.points + 1e-9:
        return CellResult(raw, None, None, f"第 {item.number} 题得分应在 0～{item.points:g} 分之间。")
    return CellResult(f"{points:g}", points, None)


def sheet_total(
    items: Sequence[PaperItem], typed: Mapping[int, str], rule: GradingRule | None = None
) -> tuple[float, list[CellResult]]:
    """A person's total and each cell's result; `typed` maps column index → text."""
    results = [grade_cell(item, typed.get(i, ""), rule) for i, item in enumerate(items)]
    return sum(r.points or 0.0 for r in results), results


def result_ratio(item: PaperItem, result: CellResult) -> float | None:
    """Per-question result for the 试题分析 (1 right, 0 wrong, a fraction for partial points)."""
    if result.points is None or item.points <= 0:
        return None
    return round(result.points / item.points, 4)


def clone_setup_with_names(setup: ContestSetup, names: Mapping[str, str]) -> ContestSetup:
    """The same teams renamed (the host types 先锋队 for 第一组 before starting)."""
    teams = tuple(replace(t, name=names.get(t.id, t.name)) for t in setup.teams)
    return ContestSetup(teams, setup.rules, setup.individual)
