"""The messages of the core and the storage layer in the user's language: Chinese as written, or
the UI's translation.

Outside the UI (no Qt there) the program says why it refuses in Chinese, the office's language.
The UI installs Qt's translator (``install``), so an English screen shows the same refusal in
English. Each message is written once, as a template marked for pyside6-lupdate, and formatted
by ``say``::

    raise NotFoundError(say(QT_TRANSLATE_NOOP("core", "未找到企业（编号 {id}）"), id=enterprise_id))

Values that are domain terms (states, levels, 监管类别) are translated too (context "Term", as the
screen shows them). Without a translator (the command line, the core's tests) ``say`` gives the
Chinese text, exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]  # (context, source text) → the text to show

_translator: Translator | None = None


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name pyside6-lupdate extracts
    """Marks ``text`` for extraction into the translations; returns it unchanged."""
    return text


def install(translator: Translator | None) -> None:
    """Make ``say`` translate (the UI, at start-up); None goes back to the Chinese source."""
    global _translator
    _translator = translator


def term(value: str) -> str:
    """A domain term (a state, a level, a field label) as the installed language shows it; any
    other text (a name, a place) is not a term and comes back as it is."""
    translate = _translator
    return translate("Term", value) if translate is not None and value else value


def say(template: str, /, **values: object) -> str:
    """``template`` in the installed language, its ``{name}`` fields filled from ``values``
    (text values shown as ``term`` shows them)."""
    translate = _translator
    if translate is None:
        return template.format(**values) if values else template
    text = translate("core", template)
    if not values:
        return text
    return text.format(**{k: term(v) if isinstance(v, str) else v for k, v in values.items()})


__all__ = ["QT_TRANSLATE_NOOP", "install", "say", "term"]
