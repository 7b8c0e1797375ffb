"""Command line: `inspector` opens the desktop app; sub-commands work headless.

inspector [--db URL]                      open the app (default: the SQLite file in the data folder)
inspector demo [--enterprises N] [--hazards N] [--seed S]
inspector import-enterprises FILE.xlsx [--partial]
inspector ledger --month 2026-11 [--town 春江镇] [--category 涉爆粉尘] [--paper A3|A4] [--filled-by 张明] -o FILE.xlsx
inspector enforcement-stats --period 2026Q3 [--by 填报人] -o FILE.xlsx
inspector print KIND ID -o FILE.pdf
inspector office show | set --name … --prefix … [one option per field]
inspector team add-user LOGIN --name 张明 [--certificate …] [--supervisor]
inspector checklists list | export CODE [--version N] -o FILE.xlsx | import FILE.xlsx [--name …] [--into CODE]
inspector plan list [--year 2026] | campaign list | campaign coverage ID [-o FILE.xlsx] [--missing]
inspector draw [--pool ID | --category … --town …] --count N|--percent P --seed S
inspector draw list | show ID | verify ID | publish ID -o FILE.xlsx | print ID -o FILE.pdf
inspector migrate | backup | restore [N|FILE] | where
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.cli_text import speak_chinese
from inspector.core.errors import DomainError
from inspector.logs import current_log_file, setup_logging

if TYPE_CHECKING:  # the CLI imports the core lazily: `inspector --help` stays fast
    from inspector.core.context import Services


def _progress_printer(label: str) -> Callable[[int, int], bool]:
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


@cache
def office_options() -> dict[str, tuple[str, str]]:
    """The ``office set`` flags, from the core's fields (imported on first use: the app's start
    does not build this parser)."""
    from inspector.core.office import FIELDS

    flags = {"authority": "--name", "prefix": "--prefix"}
    out = {}
    for attr, spec in FIELDS.items():
        flag = flags.get(attr, "--" + attr.replace("_", "-"))
        hint = spec.hint if spec.hint.startswith("（") else f"，如 {spec.hint}" if spec.hint else ""
        if attr == "rate_formula":
            hint = "：found（本期发现隐患的整改率）或 open（含往期结转）"
        out[flag] = (attr, f"{spec.label}{hint}")
    return out


def _office_cli(services: Services, args: argparse.Namespace) -> int:
    from inspector.core.audit import SYSTEM
    from inspector.core.enums import RateFormula
    from inspector.core.office import FIELDS, RATE_FORMULA_LABELS

    if args.office_command == "set":
        changes = {
            attr: getattr(args, attr)
            for attr, _h in office_options().values()
            if getattr(args, attr) is not None
        }
        if not changes:
            print("没有给出要修改的项；可用的选项见 inspector office set --help", file=sys.stderr)
            return 2
        services.office.update(SYSTEM, **changes)
        print(f"已修改机关设置：{'、'.join(FIELDS[k].label for k in changes)}")
    office = services.office.get()
    for attr, spec in FIELDS.items():
        value = getattr(office, attr)
        if attr == "rate_formula":
            value = f"{value}（{RATE_FORMULA_LABELS[RateFormula(value)]}）"
        print(f"{spec.label}：{value}")
    if not office.configured:
        print("（尚未填写完整：执法机关名称、文号简称、辖区名称、复议机关和法院为必填）", file=sys.stderr)
    return 0


def _team_cli(services: Services, args: argparse.Namespace) -> int:
    import getpass

    from inspector.core.inspectors import InspectorInput

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("新登录的密码：")
        if getpass.getpass("再输入一次：") != password:
            print("错误：两次输入的密码不一致", file=sys.stderr)
            return 1
    person = InspectorInput(args.name, args.certificate, args.unit)
    done = services.team.add_user(args.login, password, person, supervisor=args.supervisor)
    role = "科室负责人" if args.supervisor else "检查员"
    verb = "已登记" if done.created else "已关联"
    print(f"{verb}检查人员“{args.name}”（{role}），数据库登录：{done.login}")
    return 0


def _checklists_cli(services: Services, args: argparse.Namespace) -> int:
    from inspector.core.audit import SYSTEM
    from inspector.core.checklists.excel import export_checklist, import_checklist
    from inspector.core.checklists.model import VERIFICATION_LABELS, categories_label

    if args.checklists_command == "list":
        for c in services.checklists.catalogue():
            unverified = sum(1 for i in c.items if not i.verified)
            status = f"，其中{unverified}项待核实" if unverified else ""
            if not c.items:
                status = f"，{VERIFICATION_LABELS[c.status]}（尚无条文）"
            number = f"（{c.number}）" if c.number else ""
            print(
                f"{c.code}\t第{c.version}版\t{c.source.value}\t{c.title}{number}{c.label[len(c.title) :]}\t"
                f"{len(c.items)}项{status}\t适用：{categories_label(c.applies_to)}"
            )
        return 0
    if args.checklists_command == "export":
        chosen = services.checklists.current(args.code)
        if args.version is not None and args.version != chosen.version:
            found = [v for v in services.checklists.versions(args.code) if v.version == args.version]
            if not found:
                print(f"错误：检查表“{args.code}”没有第{args.version}版", file=sys.stderr)
                return 1
            chosen = services.checklists.get(found[0].version_id)
        export_checklist(chosen, args.output)
        print(f"已导出检查表 {chosen.code} 第{chosen.version}版（{len(chosen.items)}项）：{args.output}")
        return 0
    made = import_checklist(services.checklists, SYSTEM, args.file, name=args.name, code=args.into)
    print(f"已导入检查表 {made.code} 第{made.version}版：{made.title}（{len(made.items)}项）")
    return 0


def _restore_cli(url: str | None, choice: str | None) -> int:
    """``inspector restore`` lists the backups; ``inspector restore N|FILE`` restores one."""
    from inspector.core.context import open_database
    from inspector.db.backups import BackupError, list_backups, restore
    from inspector.db.engine import sqlite_file
    from inspector.paths import backups_dir, default_db_url

    path = sqlite_file(url or default_db_url())
    if path is None:
        print(
            "只有本机的 SQLite 数据库可以这样恢复；团队服务器（PostgreSQL）请用 pg_restore", file=sys.stderr
        )
        return 2
    found = list_backups(backups_dir(), path.stem)
    if choice is None:
        if not found:
            print(f"没有找到备份（备份文件夹：{backups_dir()}）")
            return 1
        print(f"数据库：{path}\n备份（最新在前）：")
        for n, b in enumerate(found, 1):
            print(f"  {n:>2}  {b.describe()}　{b.path.name}")
        print("恢复请先关闭程序，再运行：inspector restore 序号（或备份文件的路径）")
        return 0
    if choice.isdigit() and 1 <= int(choice) <= len(found):
        chosen = found[int(choice) - 1].path
    else:
        chosen = Path(choice)
    try:
        result = restore(chosen, path, backups_dir())
    except BackupError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 1
    open_database(url).dispose()  # an older backup is brought up to the current structure
    print(result.describe())
    return 0


def build_parser() -> argparse.ArgumentParser:
    speak_chinese()
    p = argparse.ArgumentParser(
        prog="inspector",
        description="安全生产检查与隐患闭环整改台账",
        epilog="退出码：0 成功；1 未完成（原因已在上方说明，如文件有错误行、数据不符）；2 用法错误",
    )
    p.add_argument(
        "--db",
        metavar="URL",
        help="数据库地址，如 sqlite:///路径 或 postgresql://用户@主机/库（也可用环境变量 INSPECTOR_DB_URL）",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="输出调试日志")
    sub = p.add_subparsers(dest="command", title="命令", metavar="命令")

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

    enf = sub.add_parser("enforcement-stats", help="导出安全生产行政执法统计表（Excel）")
    enf.add_argument(
        "--period",
        required=True,
        help="统计期间：2026-11（月）、2026Q3（季）、2026（年）或 2026-07-01..2026-09-30",
    )
    enf.add_argument("--by", default="", metavar="填报人", help="填报人姓名（不填则留空，打印后手写）")
    enf.add_argument("-o", "--output", type=Path, required=True)

    prt = sub.add_parser("print", help="打印执法文书为 PDF")
    prt.add_argument(
        "kind",
        choices=["scheme", "record", "decision", "order", "review", "document"],
        help="scheme=现场检查方案（方案ID；未批准的打印为草稿），"
        "record=现场检查记录、decision=现场处理措施决定书、order=责令限期整改指令书（以上为检查记录ID），"
        "review=整改复查意见书（隐患ID），document=按文书ID重印任一文书",
    )
    prt.add_argument("id", type=int)
    prt.add_argument("--reinspection", type=int, metavar="ID", help="review：指定某次复查（默认最近一次）")
    prt.add_argument("-o", "--output", type=Path, required=True)

    office = sub.add_parser("office", help="查看或修改机关设置（执法机关、文号、复议机关、法院等）")
    office_sub = office.add_subparsers(dest="office_command", required=True)
    office_sub.add_parser("show", help="显示机关设置")
    office_set = office_sub.add_parser("set", help="修改机关设置（只改给出的项）")
    from inspector.core.office import DAY_FIELDS

    for flag, (attr, help_text) in office_options().items():
        office_set.add_argument(
            flag, dest=attr, metavar="值", help=help_text, type=int if attr in DAY_FIELDS else str
        )

    team = sub.add_parser("team", help="团队服务器：为每位检查人员创建本人的数据库登录（由服务器管理员运行）")
    team_sub = team.add_subparsers(dest="team_command", required=True)
    add = team_sub.add_parser("add-user", help="创建（或更新）登录并登记检查人员")
    add.add_argument("login", help="数据库登录名，如 zhangming（小写字母、数字、下划线）")
    add.add_argument("--name", required=True, help="姓名")
    add.add_argument("--certificate", default="", help="执法证号")
    add.add_argument("--unit", default="", help="单位")
    add.add_argument(
        "--supervisor", action="store_true", help="科室负责人（可销号重大隐患、维护名册和机关设置）"
    )
    add.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码（不提示）")

    chk = sub.add_parser("checklists", help="检查表：列出、导出为 Excel、从 Excel 导入本机关检查表")
    chk_sub = chk.add_subparsers(dest="checklists_command", required=True, metavar="操作")
    chk_sub.add_parser("list", help="列出全部检查表（判定标准与本机关检查表）的编号、版本和条目数")
    chk_exp = chk_sub.add_parser("export", help="把一个检查表导出为 Excel（每行一项）")
    chk_exp.add_argument("code", metavar="编号", help="检查表编号，如 GM-2023、JG-1（见 list）")
    chk_exp.add_argument("--version", type=int, metavar="N", help="导出第 N 版（默认：当前版本）")
    chk_exp.add_argument("-o", "--output", type=Path, required=True, metavar="文件.xlsx")
    chk_imp = chk_sub.add_parser(
        "import", help="从 Excel 导入本机关检查表（类别、检查内容、检查依据、是否重大隐患判定项）"
    )
    chk_imp.add_argument("file", type=Path, metavar="文件.xlsx")
    chk_imp.add_argument("--name", help="检查表名称（默认：文件中“检查表名称”一行）")
    chk_imp.add_argument("--into", metavar="编号", help="作为已有本机关检查表的新版本导入，如 JG-1")

    from inspector import cli_plans

    cli_plans.add_parsers(sub)
    from inspector import cli_draws

    cli_draws.add_parsers(sub)

    sub.add_parser("migrate", help="把数据库升级到最新结构")
    sub.add_parser("backup", help="立即备份 SQLite 数据库")
    rst = sub.add_parser("restore", help="列出备份，或用一个备份恢复 SQLite 数据库（须先关闭程序）")
    rst.add_argument("backup", nargs="?", help="备份的序号（见不带参数时的列表）或备份文件路径")
    sub.add_parser("where", help="显示数据库、备份和日志文件的位置")
    return p


def _run_cli(args: argparse.Namespace) -> int:
    from inspector.core.audit import SYSTEM
    from inspector.core.context import Services, open_database
    from inspector.db.engine import sqlite_file
    from inspector.paths import backups_dir, data_dir, default_db_url, log_file

    if args.command == "where":
        url = args.db or default_db_url()
        print(
            f"数据库：{url}\n数据文件夹：{data_dir()}\n备份文件夹：{backups_dir()}\n"
            f"日志文件：{current_log_file() or log_file()}"
        )
        return 0
    if args.command == "enterprise-template":
        from inspector.core.roster import write_template

        write_template(args.output)
        print(f"已保存模板：{args.output}")
        return 0

    if args.command == "restore":
        return _restore_cli(args.db, args.backup)
    db = open_database(args.db)
    services = Services.on(db)
    if args.command == "migrate":
        print("数据库已是最新结构")
    elif args.command == "backup":
        from inspector.db.backups import BackupError, take_backup

        path = sqlite_file(db.url)
        if path is None:
            print("只有 SQLite 数据库可以这样备份；PostgreSQL 请用 pg_dump", file=sys.stderr)
            return 2
        try:
            print(f"已备份到：{take_backup(path, backups_dir())}")
        except (BackupError, OSError) as e:
            print(f"错误：备份失败：{e}", file=sys.stderr)
            return 1
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
        from inspector.core.roster import import_file

        result = import_file(
            services, SYSTEM, args.file, partial=args.partial, progress=_progress_printer("读取名录")
        )
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
    elif args.command == "enforcement-stats":
        from inspector.reports.enforcement import export_return

        done = export_return(
            services.enforcement.return_data(args.period), args.output, reporter_name=args.by
        )
        print(f"已导出：{done.path.resolve()}")
    elif args.command == "print" and args.kind == "scheme":
        from inspector.reports.documents import print_scheme

        scheme = print_scheme(services, SYSTEM, args.id, args.output)
        print(f"已打印现场检查方案{'草稿（未编号）' if scheme.draft else ' ' + scheme.number}：{args.output}")
    elif args.command == "print":
        from inspector.reports.documents import print_cli

        issued = print_cli(services, args.kind, args.id, args.output, args.reinspection)
        print(f"{'已重印' if issued.reprint else '已出具'}{issued.kind.value} {issued.number}：{args.output}")
    elif args.command == "office":
        return _office_cli(services, args)
    elif args.command == "team":
        return _team_cli(services, args)
    elif args.command == "checklists":
        return _checklists_cli(services, args)
    elif args.command in ("plan", "campaign"):
        from inspector import cli_plans

        return cli_plans.run(services, args)
    elif args.command == "draw":
        from inspector import cli_draws

        return cli_draws.run(services, args)
    return 0


def app_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """``[run] [--db URL] [-v]``, the desktop app's own arguments, read without building the CLI's
    parser (its option lists import the core: the window would paint later); None for anything else."""
    args = argparse.Namespace(command="run", db=None, verbose=False)
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "run":
            continue
        if arg in ("-v", "--verbose"):
            args.verbose = True
        elif arg == "--db" and rest:
            args.db = rest.pop(0)
        elif arg.startswith("--db="):
            args.db = arg.removeprefix("--db=")
        else:
            return None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = app_arguments(argv) or build_parser().parse_args(argv)
    setup_logging(verbose=args.verbose)
    logging.getLogger("inspector").info("start: %s", args.command or "run")
    if args.command in (None, "run"):
        from inspector.ui.app import run

        return run(args.db)
    try:
        return _run_cli(args)
    except DomainError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 1
    except OSError as e:  # an output folder that cannot be written, a full disk: say so plainly
        where = f"（{e.filename}）" if e.filename else ""
        print(f"错误：无法读写文件{where}：{e.strerror or e}", file=sys.stderr)
        return 1


def gui_main() -> int:
    return main([*sys.argv[1:]] if len(sys.argv) > 1 else ["run"])


if __name__ == "__main__":
    sys.exit(main())
