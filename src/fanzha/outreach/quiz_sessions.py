"""Quiz sessions (知识竞答场次) for a school, a bank hall or a community, and the public quiz: the questions
are generated once and kept as asked; each participant's answers are scored. Nothing personal is stored
beyond a nickname."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, insert, select

from fanzha.outreach.model import NAME_MAX, TITLE_MAX, NotFound, OutreachError, check_count, check_text
from fanzha.outreach.quiz import Question, generate, score
from fanzha.reports.periods import parse_period
from fanzha.store.outreach_tables import QuizAttemptRow, QuizQuestionRow, QuizSessionRow
from fanzha.store.report_tables import BulletinRow

VENUES = ("学校", "银行网点", "社区", "企业", "公开")
NICKNAME_MAX = 32


@dataclass(slots=True)
class QuizSession:
    id: int
    title: str
    venue_kind: str
    place: str
    community: str
    host: str
    participants: int
    public: bool
    synthetic: bool
    created_at: datetime
    questions: list[Question]
    attempts: int = 0
    average: float | None = None  # average share of right answers


@dataclass(slots=True)
class Attempt:
    session_id: int
    nickname: str
    score: int
    total: int
    right: list[bool]
    explanations: list[str]


def recent_rising(engine: Engine, *, bulletins: int = 2) -> list[tuple[str, str]]:
    """(period title, fraud type) of the types flagged as rising in the latest issued bulletins."""
    from fanzha.reports.rising import rising_in_period

    with engine.connect() as conn:
        labels = conn.execute(
            select(BulletinRow.period).order_by(BulletinRow.issued_at.desc()).limit(bulletins)
        ).scalars()
        periods = [parse_period(label) for label in labels]
    out = []
    for period in periods:
        try:
            flagged = [r.fraud_type for r in rising_in_period(engine, period) if r.flagged]
        except ValueError:
            continue
        out += [(period.title, code) for code in flagged]
    return out


def create_session(
    engine: Engine,
    *,
    title: str,
    venue_kind: str,
    created_by: str,
    place: str = "",
    community: str = "",
    host: str = "",
    participants: int = 0,
    count: int = 10,
    seed: int = 0,
    public: bool = False,
    synthetic: bool = False,
    from_bulletins: bool = True,
) -> QuizSession:
    """A new session with `count` generated questions (with the rising types of recent bulletins first)."""
    if venue_kind not in VENUES:
        raise OutreachError(f"场所类型须为：{'、'.join(VENUES)}")
    title = check_text(title, "竞答名称", TITLE_MAX, required=True)
    fields = dict(
        place=check_text(place, "地点", TITLE_MAX), community=check_text(community, "社区", NAME_MAX),
        host=check_text(host, "主持单位", NAME_MAX), participants=check_count(participants, "参加人数", 100_000),
    )  # fmt: skip
    try:
        questions = generate(count=count, seed=seed, rising=recent_rising(engine) if from_bulletins else ())
    except ValueError as exc:
        raise OutreachError(str(exc)) from None
    with engine.begin() as conn:
        session_id = conn.execute(
            insert(QuizSessionRow).values(
                title=title, venue_kind=venue_kind, seed=seed, public=public, synthetic=synthetic,
                created_by=created_by[:64], created_at=datetime.now(UTC), **fields,
            )
        ).inserted_primary_key[0]  # type: ignore[index]  # fmt: skip
        conn.execute(
            insert(QuizQuestionRow),
            [
                dict(session_id=session_id, position=i, kind=q.kind, fraud_type=q.fraud_type, prompt=q.prompt,
                     options=list(q.options), answer=q.answer, explanation=q.explanation)
                for i, q in enumerate(questions)
            ],
        )  # fmt: skip
    return get_session(engine, session_id=int(session_id))


def get_session(
    engine: Engine, *, session_id: int, community: str | None = None, public_only: bool = False
) -> QuizSession:
    """A session with its questions and results; NotFound for another community's or a non-public one."""
    with engine.connect() as conn:
        row = conn.execute(select(QuizSessionRow).where(QuizSessionRow.id == session_id)).first()
        s: Any = row
        if (
            s is None
            or (community is not None and s.community != community)
            or (public_only and not s.public)
        ):
            raise NotFound(f"没有编号为 {session_id} 的竞答")
        qs = conn.execute(
            select(QuizQuestionRow)
            .where(QuizQuestionRow.session_id == session_id)
            .order_by(QuizQuestionRow.position)
        ).all()
        questions = [
            Question(q.kind, q.fraud_type, q.prompt, tuple(q.options), q.answer, q.explanation) for q in qs
        ]
        n, right, total = conn.execute(
            select(func.count(), func.coalesce(func.sum(QuizAttemptRow.score), 0),
                   func.coalesce(func.sum(QuizAttemptRow.total), 0)).where(QuizAttemptRow.session_id == session_id)
        ).one()  # fmt: skip
    return QuizSession(
        s.id, s.title, s.venue_kind, s.place, s.community, s.host, s.participants, s.public, s.synthetic,
        s.created_at, questions, int(n), (int(right) / int(total)) if total else None,
    )  # fmt: skip


def list_sessions(
    engine: Engine, *, community: str | None = None, public_only: bool = False
) -> list[QuizSession]:
    stmt = select(QuizSessionRow.id).order_by(QuizSessionRow.created_at.desc(), QuizSessionRow.id.desc())
    if community is not None:
        stmt = stmt.where(QuizSessionRow.community == community)
    if public_only:
        stmt = stmt.where(QuizSessionRow.public.is_(True))
    with engine.connect() as conn:
        ids = list(conn.execute(stmt.limit(200)).scalars())
    return [get_session(engine, session_id=i) for i in ids]


def submit(
    engine: Engine,
    *,
    session_id: int,
    answers: Sequence[int | None],
    nickname: str = "",
    community: str | None = None,
    public_only: bool = False,
) -> Attempt:
    """Score one participant's answers (option indexes, None for unanswered) and keep the score."""
    session = get_session(engine, session_id=session_id, community=community, public_only=public_only)
    nickname = check_text(nickname or "", "昵称", NICKNAME_MAX)
    if len(answers) > len(session.questions):
        raise OutreachError(f"答案数量 {len(answers)} 多于题目数量 {len(session.questions)}")
    for i, a in enumerate(answers):
        if a is not None and not 0 <= a < len(session.questions[i].options):
            raise OutreachError(f"第{i + 1}题的答案超出选项范围")
    right_count, right = score(session.questions, answers)
    with engine.begin() as conn:
        conn.execute(
            insert(QuizAttemptRow).values(
                session_id=session_id, nickname=nickname, answers=[-1 if a is None else a for a in answers],
                score=right_count, total=len(session.questions), created_at=datetime.now(UTC),
            )
        )  # fmt: skip
    return Attempt(
        session_id,
        nickname,
        right_count,
        len(session.questions),
        right,
        [q.explanation for q in session.questions],
    )


def scoreboard(engine: Engine, *, session_id: int) -> list[tuple[str, int, int]]:
    """(nickname, score, total) of every attempt, best first."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(QuizAttemptRow.nickname, QuizAttemptRow.score, QuizAttemptRow.total)
            .where(QuizAttemptRow.session_id == session_id)
            .order_by(QuizAttemptRow.score.desc(), QuizAttemptRow.id)
        ).all()
    return [(r[0] or "匿名", int(r[1]), int(r[2])) for r in rows]


def public_quiz(engine: Engine, *, today: datetime | None = None) -> QuizSession:
    """This week's public quiz (本周反诈知识竞答), created on first use with the week as its seed, so
    everyone who takes it this week answers the same questions."""
    from fanzha.reports.periods import period_of
    from fanzha.timezones import BEIJING

    week = period_of((today or datetime.now(UTC)).astimezone(BEIJING).date(), "week")
    title = f"{week.title}反诈知识竞答"
    with engine.connect() as conn:
        found = conn.execute(
            select(QuizSessionRow.id).where(QuizSessionRow.public.is_(True), QuizSessionRow.title == title)
        ).first()
    if found is not None:
        return get_session(engine, session_id=int(found[0]))
    seed = int(week.start.strftime("%Y%m%d"))
    return create_session(
        engine,
        title=title,
        venue_kind="公开",
        created_by="系统",
        host="反诈中心",
        count=10,
        seed=seed,
        public=True,
    )
