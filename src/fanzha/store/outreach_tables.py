"""Tables of fanzha.outreach (SQLAlchemy 2 declarative). Changes go through Alembic migrations.

Communities and their targets, prevention activities with their attachments, and the 知识竞答 (quiz
sessions with their participants' scored answers). Counts are integers; dates are stored in UTC.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from fanzha.store.tables import Base


class CommunityRow(Base):
    """A community (社区/村) in the registry, with its residents and its targets."""

    __tablename__ = "communities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    township: Mapped[str] = mapped_column(String(64), default="")  # 乡镇/街道
    district: Mapped[str] = mapped_column(String(64), default="")
    police_station: Mapped[str] = mapped_column(String(64), default="")
    population: Mapped[int] = mapped_column(Integer, default=0)  # residents
    households: Mapped[int] = mapped_column(Integer, default=0)
    registration_target: Mapped[int] = mapped_column(Integer, default=0)  # 金钟罩/反诈APP registrations
    activities_target: Mapped[int] = mapped_column(Integer, default=0)  # activities per month
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class OutreachActivityRow(Base):
    """One prevention activity (宣传活动) and its reach."""

    __tablename__ = "outreach_activities"
    __table_args__ = (
        Index("ix_outreach_activities_community", "community", "started_at"),
        Index("ix_outreach_activities_started", "started_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # 讲座 | 摆摊宣传 | 入户 | LED屏 | …
    title: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(String(200), default="")
    community: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    organizer: Mapped[str] = mapped_column(String(64), default="")  # who ran it (name)
    unit: Mapped[str] = mapped_column(String(100), default="")  # their unit
    posters: Mapped[int] = mapped_column(Integer, default=0)
    leaflets: Mapped[int] = mapped_column(Integer, default=0)
    banners: Mapped[int] = mapped_column(Integer, default=0)
    screens: Mapped[int] = mapped_column(Integer, default=0)
    reached: Mapped[int] = mapped_column(Integer, default=0)  # people reached
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64))
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class OutreachAttachmentRow(Base):
    """A photo or file of an activity (JPEG, PNG or PDF, checked by its magic bytes), stored in the row."""

    __tablename__ = "outreach_attachments"
    __table_args__ = (Index("ix_outreach_attachments_activity", "activity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("outreach_activities.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(32))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class QuizQuestionRow(Base):
    """A 知识竞答 question: generated (from the taxonomy or a bulletin) and kept as asked."""

    __tablename__ = "quiz_questions"
    __table_args__ = (Index("ix_quiz_questions_session", "session_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("quiz_sessions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # sign | advice | rising
    fraud_type: Mapped[str] = mapped_column(String(32))
    prompt: Mapped[str] = mapped_column(Text)
    options: Mapped[list[str]] = mapped_column(JSON, default=list)
    answer: Mapped[int] = mapped_column(Integer)  # index into options
    explanation: Mapped[str] = mapped_column(Text, default="")


class QuizSessionRow(Base):
    """A quiz session for a school, a bank hall or a community (who ran it, where, how many took part)."""

    __tablename__ = "quiz_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    venue_kind: Mapped[str] = mapped_column(String(16))  # 学校 | 银行网点 | 社区 | 企业 | 公开
    place: Mapped[str] = mapped_column(String(200), default="")
    community: Mapped[str] = mapped_column(String(64), default="")
    host: Mapped[str] = mapped_column(String(64), default="")
    participants: Mapped[int] = mapped_column(Integer, default=0)  # expected (announced) participants
    seed: Mapped[int] = mapped_column(Integer, default=0)
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class QuizAttemptRow(Base):
    """One participant's answers and score; nothing personal beyond a nickname."""

    __tablename__ = "quiz_attempts"
    __table_args__ = (Index("ix_quiz_attempts_session", "session_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("quiz_sessions.id", ondelete="CASCADE"))
    nickname: Mapped[str] = mapped_column(String(32), default="")
    answers: Mapped[list[int]] = mapped_column(JSON, default=list)
    score: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
