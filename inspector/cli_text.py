"""argparse in Chinese: its own words (usage, options, error messages) for `inspector --help`.

argparse takes them from gettext, and Python ships no Chinese catalogue for it; rather than a .mo
file and a process-wide text domain, the CLI hands argparse this table (argparse looks its `_` and
`ngettext` up at call time, so replacing them is enough). Unknown messages stay as they are.
"""

from __future__ import annotations

import argparse

ARGPARSE_ZH: dict[str, str] = {
    "usage: ": "用法：",
    "options": "选项",
    "positional arguments": "位置参数",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示程序版本并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项：%(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多一个值",
    "expected at least one argument": "至少需要一个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是：%(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "参数 %s 必须给出其一",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的命令 %(parser_name)r（可选：%(choices)s）",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
}
ARGPARSE_ZH_PLURAL: dict[str, str] = {
    "expected %s argument": "需要 %s 个值",
    "conflicting option string: %s": "选项冲突：%s",
}


def gettext_zh(message: str) -> str:
    return ARGPARSE_ZH.get(message, message)


def ngettext_zh(singular: str, plural: str, n: int) -> str:
    return ARGPARSE_ZH_PLURAL.get(singular) or (singular if n == 1 else plural)


def speak_chinese() -> None:
    """From now on argparse's own words are Chinese (idempotent)."""
    argparse._ = gettext_zh  # type: ignore[attr-defined]  # argparse's gettext alias, see the docstring
    argparse.ngettext = ngettext_zh  # type: ignore[attr-defined]  # likewise
