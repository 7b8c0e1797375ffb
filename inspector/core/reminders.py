"""今日提醒: what needs doing soon, shown at start and on the 工作台.

- a campaign whose deadline is within ``OfficeSettings.remind_days`` (or passed in the last 30
  days) and still lacks enterprises: how many, and how many days are left;
- open hazards whose deadline falls within ``DUE_DAYS`` (10) days;
- hazards waiting for the office's 复查 (待复查), and how many of them are past the office's
  复查 period (``review_days`` after the report or the deadline, whichever is earlier — the rule of
  core.overdue.review_due, applied here in SQL).

Each reminder carries what the UI needs to open the list behind it (a campaign id or a hazard
filter), and every count is the count of that list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from inspector.core.campaigns import coverage_in
from inspector.core.dashboard import DUE_SOON_DAYS
from inspector.core.enums import HazardState
from inspector.core.hazards import HazardFilter, filter_clauses
from inspector.core.office import read_office
from inspector.db import models as m
from inspector.db.engine import Database
from inspector.i18n import QT_TRANSLATE_NOOP, say

DUE_DAYS = DUE_SOON_DAYS  # the 工作台 tile's window: one number for "due soon"
CAMPAIGN_GRACE_DAYS = 30  # a campaign past its deadline is still reminded this long


@dataclass(frozen=True)
class Reminder:
    key: str  # "campaign" | "due" | "review"
    text: str  # one Chinese sentence
    count: int
    urgent: bool  # past a deadline
    campaign_id: int | None = None
    filter: HazardFilter | None = None


def _campaigns(s: Session, today: date, remind_days: int) -> list[Reminder]:
    out: list[Reminder] = []
    rows = s.execute(
        select(m.Campaign.id)
        .where(
            m.Campaign.starts_on <= today,
            m.Campaign.deadline <= today + timedelta(days=remind_days),
            m.Campaign.deadline >= today - timedelta(days=CAMPAIGN_GRACE_DAYS),
        )
        .order_by(m.Campaign.deadline, m.Campaign.id)
    ).scalars()
    for cid in rows:
        cov = coverage_in(s, cid, today)
        if cov.missing == 0:
            continue
        left = cov.days_left
        if left == 0:
            when = say(QT_TRANSLATE_NOOP("core", "今天截止"))
        elif left > 0:
            when = say(
                QT_TRANSLATE_NOOP("core", "还有{days}天截止（{deadline:%m月%d日}）"),
                days=left,
                deadline=cov.deadline,
            )
        else:
            when = say(QT_TRANSLATE_NOOP("core", "已于{deadline:%m月%d日}截止"), deadline=cov.deadline)
        out.append(
            Reminder(
                "campaign",
                say(
                    QT_TRANSLATE_NOOP(
                        "core", "专项行动“{title}”{when}，尚有{missing}家企业未检查（共{total}家）"
                    ),
                    title=cov.title,
                    when=when,
                    missing=cov.missing,
                    total=cov.total,
                ),
                cov.missing,
                urgent=left < 0,
                campaign_id=cid,
            )
        )
    return out


class ReminderService:
    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    def today(self) -> list[Reminder]:
        today = self.clock()
        with self.db.reading() as s:
            office = read_office(s)
            out = _campaigns(s, today, office.remind_days)
            due_filter = HazardFilter(due_within_days=DUE_DAYS)
            due = (
                s.scalar(
                    select(func.count())
                    .select_from(m.Hazard)
                    .where(*filter_clauses(due_filter, today, self.db.is_sqlite))
                )
                or 0
            )
            if due:
                out.append(
                    Reminder(
                        "due",
                        say(
                            QT_TRANSLATE_NOOP("core", "{days}日内到期的隐患{count}条，请督促企业按期整改"),
                            days=DUE_DAYS,
                            count=due,
                        ),
                        int(due),
                        False,
                        filter=due_filter,
                    )
                )
            start = case(
                (
                    m.Hazard.deadline.is_not(None) & (m.Hazard.deadline < m.Hazard.reported_done_on),
                    m.Hazard.deadline,
                ),
                else_=m.Hazard.reported_done_on,
            )
            waiting, late = s.execute(
                select(
                    func.count(),
                    func.sum(case((start < today - timedelta(days=office.review_days), 1), else_=0)),
                ).where(m.Hazard.state == HazardState.PENDING_REVIEW.value)
            ).one()
            if waiting:
                if late:
                    text = say(
                        QT_TRANSLATE_NOOP(
                            "core", "待复查的隐患{count}条，其中{late}条已超过{days}日复查期限"
                        ),
                        count=waiting,
                        late=late,
                        days=office.review_days,
                    )
                else:
                    text = say(QT_TRANSLATE_NOOP("core", "待复查的隐患{count}条"), count=waiting)
                out.append(
                    Reminder(
                        "review",
                        text,
                        int(waiting),
                        bool(late),
                        filter=HazardFilter(state=HazardState.PENDING_REVIEW.value),
                    )
                )
            return out
