"""The log file in the data folder: the windowed program has no console, so this is what a user sends.

Qt-free, so the CLI writes to the same file. Rotation keeps it small on a laptop (5 files of 1 MB);
a folder that cannot be written never stops the program: it then logs to stderr only.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from inspector.paths import log_file

MAX_BYTES = 1_000_000
BACKUP_COUNT = 4
FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"

_handler: logging.Handler | None = None


def setup_logging(verbose: bool = False, console: bool = True, path: Path | None = None) -> Path | None:
    """Send the program's records to the rotating log file (INFO and up, DEBUG with verbose).

    Returns the file in use, or None when it could not be opened. Calling it again replaces the
    handler it installed before (tests, a second main()).
    """
    global _handler
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    target = path or log_file()
    level = logging.DEBUG if verbose else logging.INFO
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
    except OSError as e:
        print(f"无法写入日志文件 {target}：{e.strerror or e}", file=sys.stderr)
        handler = logging.StreamHandler(sys.stderr)
        target_in_use: Path | None = None
    else:
        target_in_use = target
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # a line per plugin, each start
    _handler = handler
    if console and sys.stderr is not None and target_in_use is not None:
        _ensure_console(verbose)
    return target_in_use


class _Console(logging.StreamHandler):  # type: ignore[type-arg]  # the stream is sys.stderr
    """Ours among the root's handlers (pytest and others add their own)."""


def _ensure_console(verbose: bool) -> None:
    """Warnings (everything with -v) also on stderr, for the CLI and a developer's terminal."""
    root = logging.getLogger()
    console = next((h for h in root.handlers if isinstance(h, _Console)), None)
    if console is None:
        console = _Console(sys.stderr)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(console)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)


def stop_logging() -> None:
    """Remove the handlers setup_logging installed (tests; a clean shutdown flushes them too)."""
    global _handler
    root = logging.getLogger()
    for h in [h for h in root.handlers if h is _handler or isinstance(h, _Console)]:
        root.removeHandler(h)
        h.close()
    _handler = None


def current_log_file() -> Path | None:
    """The file records go to now (for the crash dialog), None if logging to a file failed."""
    if isinstance(_handler, logging.handlers.RotatingFileHandler):
        return Path(_handler.baseFilename)
    return None
