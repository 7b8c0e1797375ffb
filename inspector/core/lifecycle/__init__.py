"""The hazard lifecycle (隐患闭环管理): the rules, who may do what, and the one transition function.

States (stored, HazardState): 待整改 → 整改中 → 待复查 → 已销号; 待整改 → 已销号 by 立查立改 for
general hazards. 逾期 is derived, never stored (``is_overdue`` / ``overdue_clause``, one rule).
Nothing leaves 已销号: a correction is a new event (追加说明), never a silent reopen.

Public API
----------
- ``OPEN_STATES``; ``is_overdue(state, deadline, today) -> bool``; ``days_left(state, deadline, today)``;
  ``overdue_clause(today)`` / ``due_within_clause(today, days)`` — the same rules as SQL expressions;
  ``ordered_deadline(hazard)`` — the deadline as first ordered, before 延期 or a failed 复查.
- ``Action`` (StrEnum) and ``ACTION_LABELS`` (Chinese button texts).
- Commands, one per action (frozen dataclasses): ``SavePlan``, ``StartRectification``, ``ReportDone``,
  ``Review``, ``RectifyOnSpot``, ``ExtendDeadline``, ``RaiseToMajor``, ``EditDetails``,
  ``SetOnsiteMeasures`` (``clean_onsite_measures``), ``AddNote``, ``AddPhotos``, ``UndoStart`` (撤销开始整改:
  only while 开始整改 is the hazard's last event; in ``UNDO_ACTIONS``, never among ``allowed_actions``). ``PlanInput`` holds the five-in-place (五到位); ``HazardDetails`` the descriptive fields.
- ``HazardFacts.of(hazard)``; ``refusal(action, facts, actor) -> str | None``;
  ``allowed_actions(facts, actor) -> list[Action]`` (the UI shows them as buttons);
  ``may_close(facts, actor)``.
- ``missing_plan_fields(plan, deadline=None) -> list[str]`` (attribute names, form order) and
  ``missing_plan_elements`` (their Chinese labels); ``five_in_place(plan)`` (the five chips) and
  ``missing_elements(states)`` (how many of the five are missing: the count beside the chips); ``PlanIncompleteError`` (``.fields``, ``.missing``); ``clean_plan(plan, found_on) -> CleanPlan`` (field checks);
  ``PLAN_LABELS`` / ``DETAIL_LABELS`` (form labels = the words in the messages).
- ``transition(session, actor, hazard, command, today) -> AuditEvent | None`` — validates, applies, and
  writes exactly one audit event (entity_type "hazard"). Services call it inside their transaction;
  a refusal raises a DomainError before anything is changed (None: an edit that changed nothing).
- ``details_errors(details) -> Collector``, ``list_for_supervision(hazard, on, unit)``,
  ``hazard_snapshot(hazard)`` — shared with hazard registration (core.hazards).

The rooms: ``rules`` (the transition table: states, actions, who may do what), ``due`` (逾期 and
时限), ``plan`` (the five in place), ``details`` (descriptive fields, 现场处理措施), ``commands``,
``support`` (snapshot, 挂牌督办, issued documents) and ``transitions`` (the one ``transition()``,
the file to show a newcomer first). Import from ``inspector.core.lifecycle``: the names below.

Refusals: ``DomainError`` (wrong state; message says which), ``ValidationError`` (a field, named),
``PlanIncompleteError`` (five-in-place), ``PermissionDenied`` (重大隐患须由科室负责人复查销号).
"""

from inspector.core.lifecycle.commands import (
    AddNote,
    AddPhotos,
    Command,
    EditDetails,
    ExtendDeadline,
    RaiseToMajor,
    RectifyOnSpot,
    ReportDone,
    Review,
    SavePlan,
    SetOnsiteMeasures,
    StartRectification,
    UndoStart,
)
from inspector.core.lifecycle.details import (
    DETAIL_LABELS,
    MEASURE_SEPARATOR,
    HazardDetails,
    clean_onsite_measures,
    details_errors,
    onsite_measures_of,
)
from inspector.core.lifecycle.due import (
    Due,
    days_left,
    due,
    due_text,
    due_within_clause,
    is_overdue,
    ordered_deadline,
    overdue_clause,
)
from inspector.core.lifecycle.plan import (
    FIVE_IN_PLACE,
    PLAN_LABELS,
    CleanPlan,
    ElementState,
    PlanElement,
    PlanIncompleteError,
    PlanInput,
    clean_plan,
    five_in_place,
    missing_elements,
    missing_plan_elements,
    missing_plan_fields,
)
from inspector.core.lifecycle.rules import (
    ACTION_LABELS,
    ALLOWED_STATES,
    MAJOR_CLOSE_REFUSAL,
    ON_SPOT_REFUSAL,
    OPEN_STATES,
    UNDO_ACTIONS,
    Action,
    HazardFacts,
    S,
    allowed_actions,
    may_close,
    may_rectify_on_spot,
    refusal,
)
from inspector.core.lifecycle.support import (
    hazard_snapshot,
    issued_number,
    list_for_supervision,
)
from inspector.core.lifecycle.transitions import (
    ENTITY,
    transition,
)

__all__ = [
    "ACTION_LABELS",
    "ALLOWED_STATES",
    "DETAIL_LABELS",
    "ENTITY",
    "FIVE_IN_PLACE",
    "MAJOR_CLOSE_REFUSAL",
    "MEASURE_SEPARATOR",
    "ON_SPOT_REFUSAL",
    "OPEN_STATES",
    "PLAN_LABELS",
    "UNDO_ACTIONS",
    "Action",
    "AddNote",
    "AddPhotos",
    "CleanPlan",
    "Command",
    "Due",
    "EditDetails",
    "ElementState",
    "ExtendDeadline",
    "HazardDetails",
    "HazardFacts",
    "PlanElement",
    "PlanIncompleteError",
    "PlanInput",
    "RaiseToMajor",
    "RectifyOnSpot",
    "ReportDone",
    "Review",
    "S",
    "SavePlan",
    "SetOnsiteMeasures",
    "StartRectification",
    "UndoStart",
    "allowed_actions",
    "clean_onsite_measures",
    "clean_plan",
    "days_left",
    "details_errors",
    "due",
    "due_text",
    "due_within_clause",
    "five_in_place",
    "hazard_snapshot",
    "is_overdue",
    "issued_number",
    "list_for_supervision",
    "may_close",
    "may_rectify_on_spot",
    "missing_elements",
    "missing_plan_elements",
    "missing_plan_fields",
    "onsite_measures_of",
    "ordered_deadline",
    "overdue_clause",
    "refusal",
    "transition",
]
