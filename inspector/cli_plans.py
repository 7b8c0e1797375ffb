"""`inspector plan …` and `inspector campaign …`: the year's plans and the campaigns' coverage,
headless (a nightly report, a check from a server shell).

inspector plan list [--year 2026]           plans with each item's progress
inspector campaign list                     campaigns with their coverage today
inspector campaign coverage ID [-o F.xlsx] [--missing]
                                            coverage of one campaign; the enterprises still missing
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from inspector.core.campaigns import Coverage
    from inspector.core.context import Services

COMMANDS = ("plan", "campaign")


def add_parsers(sub: Any) -> None:
    """Register the sub-commands on the main parser's ``sub`` (argparse's _SubParsersAction)."""
    plan = sub.add_parser("plan", help="监督检查计划：查看各事项的完成进度")
    plan_sub = plan.add_subparsers(dest="plan_command", required=True, metavar="操作")
    listing = plan_sub.add_parser("list", help="列出检查计划及各事项进度")
    listing.add_argument("--year", type=int, metavar="年度", help="只列出该年度（默认全部）")

    campaign = sub.add_parser("campaign", help="专项行动：覆盖情况与尚未检查的企业")
    campaign_sub = campaign.add_subparsers(dest="campaign_command", required=True, metavar="操作")
    campaign_sub.add_parser("list", help="列出专项行动及今天的覆盖情况")
    coverage = campaign_sub.add_parser("coverage", help="一个专项行动的覆盖情况")
    coverage.add_argument("id", type=int, metavar="ID", help="专项行动 ID（见 campaign list）")
    coverage.add_argument("--missing", action="store_true", help="列出尚未检查的企业")
    coverage.add_argument(
        "-o", "--output", type=Path, metavar="文件.xlsx", help="覆盖情况另存为 Excel 工作簿"
    )
    coverage.add_argument("--as-of", type=date.fromisoformat, metavar="YYYY-MM-DD", help="统计日（默认今天）")


def _percent(done: int, total: int) -> str:
    return "—" if total == 0 else f"{done / total:.0%}"


def _plans(services: Services, year: int | None) -> int:
    from inspector.core.plans import months_label

    plans = services.plans.plans(year)
    if not plans:
        print("没有检查计划" + (f"（{year}年）" if year else ""))
        return 0
    for plan in plans:
        print(f"[{plan.id}] {plan.year}年 {plan.title}（{plan.unit or '—'}）")
        for p in services.plans.progress(plan.id):
            cap = f"，上限{p.cap}次" if p.cap else ""
            print(
                f"  {p.position}. {p.title}｜{p.mode}｜{p.target.describe()}｜每年{p.frequency}次{cap}｜"
                f"{months_label(p.months)}｜完成 {p.done}/{p.targets}（{_percent(p.done, p.targets)}），"
                f"检查{p.visits}次"
            )
    return 0


def _campaign_line(cov: Coverage) -> str:
    counts = "，".join(f"{state.value}{n}" for state, n in cov.counts.items() if n)
    return (
        f"[{cov.campaign_id}] {cov.title}｜{cov.starts_on}至{cov.deadline}｜"
        f"已覆盖 {cov.covered}/{cov.total}（{_percent(cov.covered, cov.total)}）｜{counts or '无目标企业'}"
    )


def _campaigns(services: Services, args: argparse.Namespace) -> int:
    if args.campaign_command == "list":
        rows = services.campaigns.campaigns()
        if not rows:
            print("没有专项行动")
        for c in rows:
            print(_campaign_line(services.campaigns.coverage(c.id)))
        return 0
    cov = services.campaigns.coverage(args.id, args.as_of)
    print(_campaign_line(cov))
    from inspector.core.enums import CoverageState

    for town, counts in cov.by_jurisdiction:
        covered = counts[CoverageState.COVERED] + counts[CoverageState.LATE]
        missing = counts[CoverageState.PENDING] + counts[CoverageState.OVERDUE]
        print(f"  {town}：已覆盖 {covered}/{covered + missing}，未检查 {missing}")
    if args.missing:
        for r in services.campaigns.missing(args.id, args.as_of):
            print(f"  {r.state.value}｜{r.name}｜{r.credit_code}｜{r.jurisdiction}｜{r.address}")
    if args.output is not None:
        from inspector.reports.campaigns import export_coverage  # openpyxl only when writing

        path = args.output if args.output.suffix.lower() == ".xlsx" else args.output.with_suffix(".xlsx")
        export_coverage(services, args.id, path, as_of=cov.as_of)
        print(f"已写入 {path}")
    return 0


def run(services: Services, args: argparse.Namespace) -> int:
    if args.command == "plan":
        return _plans(services, args.year)
    return _campaigns(services, args)
