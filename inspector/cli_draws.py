"""`inspector draw`: 双随机 draws from the command line (issue 12, item 7).

inspector draw [--pool 计划事项ID | --category 类别 … --town 属地 …] --count N | --percent P --seed S
inspector draw list | show ID | verify ID | publish ID -o F.xlsx | print ID -o F.pdf

The pool is a 双随机 plan item (``--pool``) or the registry filtered by 监管类别 / 属地 (any given
value matches; both kinds must hold), or, with neither, every enterprise in production. The two
ways are exclusive: a plan item already says its filter. Draws are made and stored as the system
(``audit.SYSTEM``), like every CLI write.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector.core.context import Services
    from inspector.core.draws import DrawResult


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """The `draw` command and its operations, on the main parser's sub-commands."""
    drw = sub.add_parser(
        "draw",
        help="双随机抽取：随机抽取企业，并为每家企业随机抽取两名有执法证号的检查人员",
        description="不带操作时进行一次抽取并保存，逐行列出抽中的企业及其两名检查人员，最后给出抽取记录ID。"
        "同一抽取范围、同一随机数种子，抽取结果相同。",
        epilog="抽取范围：--pool 为计划事项（双随机抽查）的ID；或用 --category、--town 按监管类别、属地筛选"
        "（同一选项可给多次，任一值符合即可）；都不给出则为全部在产企业。--pool 不能与筛选条件同时使用。",
    )
    drw.add_argument("--pool", type=int, metavar="计划事项ID", help="从该计划事项的目标企业中抽取")
    drw.add_argument("--category", action="append", default=[], metavar="类别", help="监管类别，如 涉爆粉尘")
    drw.add_argument("--town", action="append", default=[], metavar="属地", help="属地（园区/镇/街道）")
    drw.add_argument("--include-suspended", action="store_true", help="停产企业也在抽取范围内（默认仅在产）")
    how = drw.add_mutually_exclusive_group()
    how.add_argument("--count", type=int, metavar="N", help="抽取 N 家企业")
    how.add_argument("--percent", metavar="P", help="抽取 P%% 的企业（向上取整，至少 1 家）")
    drw.add_argument(
        "--seed", metavar="S", help="随机数种子（最多40个字符；默认：当前日期时间，如 20261122-093015）"
    )
    drw.add_argument("--exclude-last", action="store_true", help="排除上次检查该企业的人员")
    drw.add_argument(
        "--title", default="", metavar="名称", help="抽查事项名称（默认：计划事项名称或抽取范围）"
    )
    ops = drw.add_subparsers(dest="draw_command", metavar="操作")
    ops.add_parser("list", help="列出以往的抽取记录")
    for name, text in (("show", "显示一次抽取的结果"), ("verify", "按保存的资料重新计算，校验抽取结果")):
        op = ops.add_parser(name, help=text)
        op.add_argument("id", type=int, metavar="ID", help="抽取记录ID")
    pub = ops.add_parser("publish", help="导出“一公开”抽查结果公示表（Excel：检查日期、检查结果）")
    pub.add_argument("id", type=int, metavar="ID", help="抽取记录ID")
    pub.add_argument("-o", "--output", type=Path, required=True, metavar="文件.xlsx")
    prt = ops.add_parser("print", help="打印抽取结果（PDF，含检查人员执法证号，内部留存）")
    prt.add_argument("id", type=int, metavar="ID", help="抽取记录ID")
    prt.add_argument("-o", "--output", type=Path, required=True, metavar="文件.pdf")
    return drw


def entry_lines(result: DrawResult) -> list[str]:
    """One tab-separated line per drawn enterprise: 序号, 企业, 信用代码, 属地, two inspectors."""
    return [
        f"{e.position}\t{e.enterprise_name}\t{e.credit_code}\t{e.jurisdiction}\t{e.inspector1}、{e.inspector2}"
        for e in result.entries
    ]


def _facts(result: DrawResult) -> str:
    return (
        f"抽取记录ID：{result.id}；{result.title}；{result.asked}，企业库{result.pool_size}家，"
        f"检查人员库{result.inspector_pool_size}名；随机数种子“{result.seed}”；"
        f"{result.drawn_at:%Y-%m-%d %H:%M} {result.drawn_by}\n摘要：{result.digest}"
    )


def run(services: Services, args: argparse.Namespace) -> int:
    from inspector.core.audit import SYSTEM
    from inspector.core.draws import DrawRequest
    from inspector.core.targets import TargetSet

    command = args.draw_command
    if command == "list":
        rows = services.draws.list()
        if not rows:
            print("还没有抽取记录")
        for r in rows:
            print(
                f"{r.id}\t{r.drawn_at:%Y-%m-%d %H:%M}\t{r.title}\t{r.count}/{r.pool_size}家\t种子“{r.seed}”\t{r.drawn_by}"
            )
        return 0
    if command == "show":
        result = services.draws.get(args.id)
        print("\n".join(entry_lines(result)))
        print(_facts(result))
        return 0
    if command == "verify":
        check = services.draws.verify(args.id)
        print(check.message)
        return 0 if check.ok else 1
    if command == "publish":
        from inspector.reports.draws import publish

        n = publish(services, args.id, args.output)
        print(f"已导出抽查结果公示表（{n}家企业）：{args.output}")
        return 0
    if command == "print":
        from inspector.reports.draws import print_draw

        print(f"已保存抽取结果：{print_draw(services, args.id, args.output)}")
        return 0
    if args.count is None and args.percent is None and args.pool is None:
        print("错误：请用 --count N 或 --percent P 给出抽取数量（见 inspector draw --help）", file=sys.stderr)
        return 2
    if args.pool is not None and (args.category or args.town or args.include_suspended):
        print("错误：--pool 不能与 --category、--town、--include-suspended 同时使用", file=sys.stderr)
        return 2
    seed = args.seed
    if seed is None:
        seed = datetime.now().strftime("%Y%m%d-%H%M%S")
        print(f"未给出 --seed，使用当前时间作随机数种子：{seed}", file=sys.stderr)
    target = TargetSet(
        categories=tuple(args.category),
        jurisdictions=tuple(args.town),
        include_suspended=args.include_suspended,
    )
    result = services.draws.draw(
        SYSTEM,
        DrawRequest(
            seed=seed,
            count=args.count,
            percent=args.percent,
            plan_item_id=args.pool,
            target=target,
            exclude_last=args.exclude_last,
            title=args.title,
        ),
    )
    print("\n".join(entry_lines(result)))
    print(f"已保存{_facts(result)}")
    return 0
