"""检查人员: where the registry's dialogs used to live together, kept as the names callers import.

The three dialogs now have a module each — ``inspector_form`` (the form), ``inspector_edit_dialog``,
``inspector_registry`` and ``inspector_chooser`` (with the start-up choice); new code imports from
those. This module only re-exports them for the callers not yet moved (the app's start-up).
"""

from __future__ import annotations

from inspector.ui.inspector_chooser import (
    ChooseInspectorDialog,
    choose_current_inspector,
    remember_inspector_id,
    remembered_inspector_id,
)
from inspector.ui.inspector_edit_dialog import InspectorEditDialog
from inspector.ui.inspector_form import InspectorForm
from inspector.ui.inspector_registry import InspectorRegistryDialog

__all__ = [
    "ChooseInspectorDialog",
    "InspectorEditDialog",
    "InspectorForm",
    "InspectorRegistryDialog",
    "choose_current_inspector",
    "remember_inspector_id",
    "remembered_inspector_id",
]
