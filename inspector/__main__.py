"""Command line: `inspector` opens the desktop app; sub-commands work headless.

inspector [--db URL]                      open the app (default: the SQLite file in the data folder)
inspector demo [--enterprises N] [--hazards N] [--seed S]
inspector import-enterprises FILE.xlsx [--partial]
inspector ledger --month 2026-11 [--town 春江镇] [--category 涉爆粉尘] [--paper A3|A4] [--filled-by 张明] -o FILE.xlsx
inspector print KIND ID -o FILE.pdf
inspector migrate | backup | where
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from inspector.core.errors import DomainError


def _progress_printer(label: str):  # type: ignore[no-untyped-def]
    """A text progress line for long CLI work; the GUI uses a progress dialog instead."""
    last = [-1]

    def report(done: int, total: int) -> bool:
        pct = int(done * 100 / total) if total else 100
        if pct != last[0]:
            last[0] = pct
            print(f"\r{label}：{pct:3d}%（{done}/{total}）", end="", file=sys.stderr, flush=True)
            if done >= total:
                print(file=sys.stderr)
        return True  # never cancelled from the CLI

    return report


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="inspector", description="安全生产检查与隐患闭环整改台账")
    p.add_argument(
        "--db",
        metavar="URL",
        help="数据库地址，如 sqlite:///路径 或 postgresql://用户@主机/库（也可用环境变量 INSPECTOR_DB_URL）",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="输出调试日志")
    sub = p.add_subparsers(dest="command")

    sub.add_parser("run", help="打开桌面程序（默认）")

    demo = sub.add_parser("demo", help="生成演示数据")
    demo.add_argument("--enterprises", type=int, default=200, metavar="N")
    demo.add_argument("--hazards", type=int, default=2000, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")

    imp = sub.add_parser("import-enterprises", help="从 Excel 导入企业名录")
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--partial", action="store_true", help="跳过有错误的行，只导入正确的行（默认：有任何错误则不导入）"
    )

    tpl = sub.add_parser("enterprise-template", help="保存企业名录导入模板")
    tpl.add_argument("-o", "--output", type=Path, required=True)

    led = sub.add_parser("ledger", help="导出月度隐患排查治理台账（Excel）")
    led.add_argument("--month", required=True, help="月份，如 2026-11")
    led.add_argument("--town", help="属地筛选")
    led.add_argument("--category", help="监管类别筛选")
    led.add_argument(
        "--paper",
        choices=["A3", "A4"],
        default="A3",
        help="打印版式：A3=A3横向全部24列（默认）；A4=A4横向，隐藏8个次要列",
    )
    led.add_argument("--filled-by", default="", help="填报人姓名（不填则留空，打印后手写）")
    led.add_argument("-o", "--output", type=Path, required=True)

    prt = sub.add_parser("print", help="打印执法文书为 PDF")
    prt.add_argument(
        "kind",
        choices=["record", "order", "review"],
        help="record=现场检查记录（检查记录ID），order=责令限期整改指令书（检查记录ID），review=整改复查意见书（隐患ID）",
    )
    prt.add_argument("id", type=int)
    prt.add_argument("-o", "--output", type=Path, required=True)

    sub.add_parser("migrate", help="把数据库升级到最新结构")
    sub.add_parser("backup", help="立即备份 SQLite 数据库")
    sub.add_parser("where", help="显示数据库和备份位置")
    return p


def _run_cli(args: argparse.Namespace) -> int:
    from inspector.core.audit import SYSTEM
    from inspector.core.context import Services, open_database
    from inspector.db.engine import sqlite_file
    from inspector.paths import backups_dir, data_dir, default_db_url

    if args.command == "where":
        url = args.db or default_db_url()
        print(f"数据库：{url}\n数据文件夹：{data_dir()}\n备份文件夹：{backups_dir()}")
        return 0
    if args.command == "enterprise-template":
        from inspector.core.roster_import import write_template

        write_template(args.output)
        print(f"已保存模板：{args.output}")
        return 0

    db = open_database(args.db)
    services = Services.on(db)
    if args.command == "migrate":
        print("数据库已是最新结构")
    elif args.command == "backup":
        from inspector.db.migrate import backup_sqlite

        path = sqlite_file(db.url)
        if path is None:
            print("只有 SQLite 数据库可以这样备份；PostgreSQL 请用 pg_dump", file=sys.stderr)
            return 2
        print(f"已备份到：{backup_sqlite(path, backups_dir())}")
    elif args.command == "demo":
        from inspector.core.demo import generate

        summary = generate(
            db,
            enterprises=args.enterprises,
            hazards=args.hazards,
            seed=args.seed,
            progress=_progress_printer("生成演示数据"),
        )
        print(summary)
    elif args.command == "import-enterprises":
        from inspector.core.roster_import import import_file

        result = import_file(services, SYSTEM, args.file, partial=args.partial)
        print(result.summary())
        return 0 if result.ok else 1
    elif args.command == "ledger":
        from inspector.reports.ledger import export_month_cli

        export_month_cli(
            services,
            args.month,
            args.output,
            town=args.town,
            category=args.category,
            progress=_progress_printer("导出台账"),
            paper=args.paper,
            filled_by=args.filled_by,
        )
        print(f"已导出：{args.output}")
    elif args.command == "print":
        from inspector.reports.documents import print_cli

        print_cli(services, args.kind, args.id, args.output)
        print(f"已生成：{args.output}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING)
    if args.command in (None, "run"):
        from inspector.ui.app import run

        return run(args.db)
    try:
        return _run_cli(args)
    except DomainError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 1


def gui_main() -> int:
    return main([*sys.argv[1:]] if len(sys.argv) > 1 else ["run"])


if __name__ == "__main__":
    sys.exit(main())
