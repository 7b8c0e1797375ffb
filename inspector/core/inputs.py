"""Bad input of any shape becomes a ValidationError naming the field, before anything is written.

Every service entry that takes a form's dataclass (an enterprise, a visit with its hazards, a
lifecycle command, a delivery) passes it through ``sanitized`` first:

- each field is checked against its annotation (a number where text belongs, a list of strings
  where ids belong, an id beyond what the database stores) and refused by name, so no raw
  ``AttributeError``/``OverflowError``/``DataError`` ever reaches the user;
- control characters are removed from text (a NUL aborts every PostgreSQL write; SQLite would
  store it), keeping line breaks and tabs;
- text longer than the field's limit is refused with the limit in the message, the same on SQLite
  and PostgreSQL (a 10 MB description is not a description).

A dataclass declares its Chinese labels in ``FIELD_LABELS`` and its limits in ``TEXT_LIMITS``
(both ``ClassVar``s); nested dataclasses (a hazard's plan, a visit's hazards) are checked too, their
labels prefixed like the rest of the program does (第2条隐患 整改措施: a class's ``ITEM_PREFIX``).
An error names the attribute in ``FieldError.field`` (and the hazard's number in ``item``); the
label only appears inside the message.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Mapping
from datetime import date, time
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

from inspector.core.errors import FieldError, ValidationError
from inspector.i18n import QT_TRANSLATE_NOOP, say

T = TypeVar("T")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
INT_RANGE = (-(2**31), 2**31 - 1)  # PostgreSQL's integer; SQLite would overflow at 2**63
DEFAULT_TEXT_LIMIT = 2000


def strip_controls(text: str) -> str:
    """Text without control characters (line breaks and tabs stay); lone surrogates dropped."""
    cleaned = _CONTROL.sub("", text)
    return cleaned.encode("utf-8", "ignore").decode("utf-8")


def _describe(tp: Any) -> str:
    """The kind of value ``tp`` wants, in the user's language (for "应为…")."""
    names = {
        str: QT_TRANSLATE_NOOP("core", "文字"),
        int: QT_TRANSLATE_NOOP("core", "整数"),
        bool: QT_TRANSLATE_NOOP("core", "是/否"),
        date: QT_TRANSLATE_NOOP("core", "日期"),
        time: QT_TRANSLATE_NOOP("core", "时间"),
        Decimal: QT_TRANSLATE_NOOP("core", "金额"),
        float: QT_TRANSLATE_NOOP("core", "数字"),
    }
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        for kind in (Decimal, date, time, Path):  # a field that also takes text is still that kind
            if kind in args:
                either = {
                    Decimal: QT_TRANSLATE_NOOP("core", "金额（数字）"),
                    date: names[date],
                    time: names[time],
                    Path: QT_TRANSLATE_NOOP("core", "文件路径"),
                }
                return say(either[kind])
        return say(QT_TRANSLATE_NOOP("core", "或")).join(dict.fromkeys(_describe(a) for a in args))
    if origin in (list, tuple, set, frozenset):
        return say(QT_TRANSLATE_NOOP("core", "列表"))
    return say(names[tp]) if tp in names else getattr(tp, "__name__", str(tp))


def _matches(value: Any, tp: Any) -> bool:
    if tp is Any:
        return True
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return any(_matches(value, a) for a in get_args(tp))
    if tp is type(None):
        return value is None
    if origin in (list, tuple, set, frozenset):
        if not isinstance(value, list | tuple | set | frozenset):
            return False
        args = [a for a in get_args(tp) if a is not Ellipsis]
        return all(_matches(v, args[0]) for v in value) if args else True
    if origin is dict or tp is dict:
        return isinstance(value, dict)
    if tp is int:
        return (
            isinstance(value, int) and not isinstance(value, bool) and INT_RANGE[0] <= value <= INT_RANGE[1]
        )
    if tp is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if tp is date:
        return isinstance(value, date)
    if tp is Path:
        return isinstance(value, Path | str)
    if isinstance(tp, type):
        return isinstance(value, tp)
    return True


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_clean_value(v) for v in value)
    return value


def _labels(cls: type[Any]) -> Mapping[str, str]:
    return getattr(cls, "FIELD_LABELS", {})


def _check(obj: Any, prefix: str, item: int | None, errors: list[FieldError]) -> Any:
    cls = type(obj)
    hints = get_type_hints(cls)
    labels = _labels(cls)
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        if not f.init:
            continue
        value = getattr(obj, f.name)
        tp = hints.get(f.name, Any)
        label = labels.get(f.name, f.name)
        if not _matches(value, tp):
            message = say(
                QT_TRANSLATE_NOOP("core", "{prefix}{label}的值无效：应为{kind}"),
                prefix=prefix,
                label=label,
                kind=_describe(tp),
            )
            errors.append(FieldError(f.name, message, item))
            continue
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes[f.name] = _check(value, prefix, item, errors)
            continue
        if isinstance(value, list | tuple) and value and dataclasses.is_dataclass(value[0]):
            items = []
            for n, element in enumerate(value, start=1):
                numbered = getattr(type(element), "ITEM_PREFIX", "")  # 第{n}条隐患 for a visit's hazards
                if numbered:
                    items.append(_check(element, say(numbered, n=n), n, errors))
                else:
                    items.append(_check(element, prefix, item, errors))
            changes[f.name] = type(value)(items)
            continue
        cleaned = _clean_value(value)
        if cleaned is not value:
            changes[f.name] = cleaned
    return dataclasses.replace(obj, **changes) if changes else obj


def sanitized(obj: T) -> T:
    """``obj`` with clean text, or a ValidationError naming every field of the wrong type."""
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        raise ValidationError([FieldError("input", say(QT_TRANSLATE_NOOP("core", "输入的内容无效")))])
    errors: list[FieldError] = []
    cleaned: T = _check(obj, "", None, errors)
    if errors:
        raise ValidationError(errors)
    return cleaned


def length_errors(
    obj: Any, prefix: str = "", nested: bool = True, item: int | None = None
) -> list[FieldError]:
    """Text longer than its field's limit (``TEXT_LIMITS``, else 2000), with the limit said.

    Callers add these to their own field checks, so a form gets every message at once; a field
    that already has a message of its own gets no second one.
    """
    labels = _labels(type(obj))
    limits: Mapping[str, int] = getattr(type(obj), "TEXT_LIMITS", {})
    out: list[FieldError] = []
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, str):
            limit = limits.get(f.name, DEFAULT_TEXT_LIMIT)
            n = len(value.strip())
            if n > limit:
                message = say(
                    QT_TRANSLATE_NOOP("core", "{prefix}{label}过长：最多{limit}个字符，当前{count}个"),
                    prefix=prefix,
                    label=labels.get(f.name, f.name),
                    limit=limit,
                    count=n,
                )
                out.append(FieldError(f.name, message, item))
        elif nested and dataclasses.is_dataclass(value) and not isinstance(value, type):
            out += length_errors(value, prefix, item=item)
        elif nested and isinstance(value, list | tuple):
            for n, element in enumerate(value, start=1):
                if dataclasses.is_dataclass(element) and not isinstance(element, type):
                    numbered = getattr(type(element), "ITEM_PREFIX", "")
                    if numbered:
                        out += length_errors(element, say(numbered, n=n), item=n)
                    else:
                        out += length_errors(element, prefix, item=item)
    return out


def merge(errors: list[FieldError], more: list[FieldError]) -> list[FieldError]:
    """``errors`` plus those of ``more`` for fields that have none yet."""
    named = {(e.field, e.item) for e in errors}
    return errors + [e for e in more if (e.field, e.item) not in named]


def require_id(value: Any, label: str, *, field: str) -> int:
    """A record id from a caller (a list row, the command line): an int the database can hold.
    ``label`` names the record in the message (企业), ``field`` the parameter (enterprise_id)."""
    if not _matches(value, int):
        raise ValidationError(
            [FieldError(field, say(QT_TRANSLATE_NOOP("core", "{label}的编号无效"), label=label))]
        )
    result: int = value
    return result


__all__ = ["DEFAULT_TEXT_LIMIT", "length_errors", "merge", "require_id", "sanitized", "strip_controls"]
