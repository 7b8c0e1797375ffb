"""Commands: one frozen dataclass per action, the input ``transition`` takes.

``FIELD_LABELS`` give the words of the messages, ``TEXT_LIMITS`` the lengths ``transition``
checks before anything else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from inspector.core.lifecycle.details import HazardDetails
from inspector.core.lifecycle.plan import PlanInput
from inspector.core.lifecycle.rules import Action
from inspector.core.photos import PhotoInput


@dataclass(frozen=True)
class SavePlan:
    """Save the plan (partial is fine). While 整改中 it must stay complete and 时限 changes go
    through 延期, so the old deadline is never lost."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"plan": "整改方案"}

    plan: PlanInput
    action = Action.SAVE_PLAN


@dataclass(frozen=True)
class StartRectification:
    """待整改 → 整改中, only with all five in place; ``plan`` (if given) is saved first."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"plan": "整改方案"}

    plan: PlanInput | None = None
    action = Action.START


@dataclass(frozen=True)
class UndoStart:
    """撤销开始整改: 整改中 → 待整改, only while 开始整改 is still the hazard's last event (the
    plan saved with it stays)."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {}

    action = Action.UNDO_START


@dataclass(frozen=True)
class ReportDone:
    """整改中 → 待复查: the enterprise reports the rectification finished (整改完成日期)."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"on": "整改完成日期", "note": "说明"}
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"note": 1000}

    on: date | str | None = None  # default: today
    note: str = ""
    action = Action.REPORT_DONE


@dataclass(frozen=True)
class Review:
    """复查: 合格 → 已销号 (and 摘牌); 不合格 → 整改中 with a new, later deadline."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {
        "result": "复查结果",
        "inspector_ids": "复查人员",
        "reviewed_on": "复查日期",
        "opinion": "复查意见",
        "new_deadline": "新整改时限",
    }
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"result": 4, "opinion": 1000}

    result: str
    inspector_ids: list[int] = field(default_factory=list)
    reviewed_on: date | str | None = None  # default: today
    opinion: str = ""
    new_deadline: date | str | None = None
    action = Action.REVIEW


@dataclass(frozen=True)
class RectifyOnSpot:
    """立查立改: a general hazard fixed during the visit, 待整改 → 已销号."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"on": "整改日期", "measures": "整改措施"}
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"measures": 1000}

    on: date | str | None = None  # default: today
    measures: str = ""
    action = Action.RECTIFY_ON_SPOT


@dataclass(frozen=True)
class ExtendDeadline:
    """延期: needs a reason and a later deadline; the old one is kept in DeadlineExtension."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"new_deadline": "新整改时限", "reason": "延期理由"}
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"reason": 500}

    new_deadline: date | str | None
    reason: str
    action = Action.EXTEND


@dataclass(frozen=True)
class RaiseToMajor:
    """一般隐患 → 重大隐患, listed for supervision (挂牌督办) at once."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"unit": "督办单位", "on": "挂牌日期", "reason": "理由"}
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"unit": 100, "reason": 500}

    unit: str  # 督办单位
    on: date | str | None = None  # listed on; default: today
    reason: str = ""
    action = Action.RAISE_TO_MAJOR


@dataclass(frozen=True)
class EditDetails:
    """Correct what was recorded (部位, 描述, 类别, 依据, 来源) while the hazard is open."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"details": "隐患信息"}

    details: HazardDetails
    action = Action.EDIT


@dataclass(frozen=True)
class SetOnsiteMeasures:
    """现场处理措施 (撤出作业人员, 停产停业, 停止使用设施设备) for the 现场处理措施决定书; fixed once
    that decision is issued."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"measures": "现场处理措施"}

    measures: tuple[str, ...]
    action = Action.ONSITE_MEASURES


@dataclass(frozen=True)
class AddNote:
    """追加说明: the only change a closed hazard accepts; appended to 备注 with date and name."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"text": "说明"}
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"text": 1000}

    text: str
    action = Action.ADD_NOTE


@dataclass(frozen=True)
class AddPhotos:
    """添加照片 (整改前 or 整改后), checked and stored with the hazard."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"photos": "照片"}

    photos: list[PhotoInput]
    action = Action.ADD_PHOTOS


Command = (
    SavePlan
    | StartRectification
    | ReportDone
    | Review
    | RectifyOnSpot
    | ExtendDeadline
    | RaiseToMajor
    | EditDetails
    | SetOnsiteMeasures
    | AddNote
    | AddPhotos
    | UndoStart
)
