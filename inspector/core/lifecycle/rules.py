"""The transition table: which action each state allows, and who may do it.

``refusal`` is the one place for these rules; the UI asks ``allowed_actions`` for its buttons and
``transition`` asks ``refusal`` before it touches anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from inspector.core.audit import Actor
from inspector.core.enums import HazardLevel, HazardState
from inspector.db.models import Hazard
from inspector.i18n import QT_TRANSLATE_NOOP, say

S = HazardState
OPEN_STATES: tuple[str, ...] = (S.REPORTED.value, S.RECTIFYING.value, S.PENDING_REVIEW.value)


class Action(StrEnum):
    SAVE_PLAN = "save_plan"
    START = "start"
    REPORT_DONE = "report_done"
    REVIEW = "review"
    RECTIFY_ON_SPOT = "rectify_on_spot"
    EXTEND = "extend"
    RAISE_TO_MAJOR = "raise_to_major"
    EDIT = "edit"
    ONSITE_MEASURES = "onsite_measures"
    ADD_NOTE = "add_note"
    ADD_PHOTOS = "add_photos"
    UNDO_START = "undo_start"


ACTION_LABELS: dict[Action, str] = {
    Action.SAVE_PLAN: "填写整改方案",
    Action.START: "开始整改",
    Action.REPORT_DONE: "登记整改完成",
    Action.REVIEW: "复查",
    Action.RECTIFY_ON_SPOT: "立查立改",
    Action.EXTEND: "延期",
    Action.RAISE_TO_MAJOR: "升级为重大隐患",
    Action.EDIT: "修改隐患信息",
    Action.ONSITE_MEASURES: "现场处理措施",
    Action.ADD_NOTE: "追加说明",
    Action.ADD_PHOTOS: "添加照片",
    Action.UNDO_START: "撤销开始整改",
}

_ALL = frozenset(S)
_OPEN = frozenset(OPEN_STATES)
ALLOWED_STATES: dict[Action, frozenset[str]] = {
    Action.SAVE_PLAN: frozenset({S.REPORTED, S.RECTIFYING}),
    Action.START: frozenset({S.REPORTED}),
    Action.REPORT_DONE: frozenset({S.RECTIFYING}),
    Action.REVIEW: frozenset({S.PENDING_REVIEW}),
    Action.RECTIFY_ON_SPOT: frozenset({S.REPORTED}),
    Action.EXTEND: frozenset({S.REPORTED, S.RECTIFYING}),
    Action.RAISE_TO_MAJOR: _OPEN,
    Action.EDIT: _OPEN,
    Action.ONSITE_MEASURES: _OPEN,
    Action.ADD_NOTE: _ALL,
    Action.ADD_PHOTOS: _ALL,
    Action.UNDO_START: frozenset({S.RECTIFYING}),
}

# Offered only right after the action they undo (the pane's 撤销), never as a standing button:
# whether they are possible depends on the hazard's history, which ``transition`` checks.
UNDO_ACTIONS = frozenset({Action.UNDO_START})

# Messages: raise them as say(MAJOR_CLOSE_REFUSAL), in the language of the moment.
MAJOR_CLOSE_REFUSAL = QT_TRANSLATE_NOOP("core", "重大隐患须由科室负责人复查销号")
ON_SPOT_REFUSAL = QT_TRANSLATE_NOOP("core", "重大隐患不能立查立改，须制定整改方案并挂牌督办")


def may_rectify_on_spot(level: str) -> bool:
    """立查立改 is for general hazards only: a major one needs a plan and supervision."""
    return level != HazardLevel.MAJOR


@dataclass(frozen=True)
class HazardFacts:
    """What the permission rules look at; built from a model or from a detail DTO."""

    state: str
    level: str
    deadline: date | None = None
    from_inspection: bool = True  # found on an inspection visit (its chain has the documents)

    @classmethod
    def of(cls, h: Hazard) -> HazardFacts:
        return cls(h.state, h.level, h.deadline, h.inspection_id is not None)

    @property
    def is_major(self) -> bool:
        return self.level == HazardLevel.MAJOR


def refusal(action: Action, facts: HazardFacts, actor: Actor) -> str | None:
    """Why ``action`` is not possible now (Chinese), or None when it is. One place for the rules."""
    label = ACTION_LABELS[action]
    if facts.state not in ALLOWED_STATES[action]:
        if facts.state == S.CLOSED:
            return say(
                QT_TRANSLATE_NOOP("core", "隐患已销号，不能{action}；如需更正，请追加说明"), action=label
            )
        return say(
            QT_TRANSLATE_NOOP("core", "隐患当前状态为“{state}”，不能{action}"),
            state=facts.state,
            action=label,
        )
    if action == Action.RECTIFY_ON_SPOT and not may_rectify_on_spot(facts.level):
        return say(ON_SPOT_REFUSAL)
    if action == Action.EXTEND and facts.deadline is None:
        return say(QT_TRANSLATE_NOOP("core", "尚未确定整改时限，不能延期；请先填写整改方案"))
    if action == Action.RAISE_TO_MAJOR and facts.is_major:
        return say(QT_TRANSLATE_NOOP("core", "该隐患已是重大隐患"))
    if action == Action.ONSITE_MEASURES and not facts.from_inspection:
        return say(QT_TRANSLATE_NOOP("core", "该隐患不是检查中发现的，不能作出现场处理措施决定"))
    return None


def allowed_actions(facts: HazardFacts, actor: Actor) -> list[Action]:
    """The actions to offer as buttons. REVIEW is offered to everyone (a failed review needs no
    supervisor); use ``may_close`` to enable the 合格 choice for major hazards."""
    return [a for a in Action if a not in UNDO_ACTIONS and refusal(a, facts, actor) is None]


def may_close(facts: HazardFacts, actor: Actor) -> bool:
    """Whether a passing review by ``actor`` may close (销号) this hazard."""
    return actor.is_supervisor or not facts.is_major
