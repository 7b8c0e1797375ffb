"""What a 双随机 draw prints: the internal result list (PDF) and the 一公开 list (Excel).

The result list is the office's record of the draw, signed by who drew and who witnessed it: the
facts (scope, seed, pools, digest) and every drawn enterprise with its two inspectors and their
执法证号. The 一公开 workbook is what the office publishes: the same enterprises with their 检查日期
and 检查结果 — no 执法证号, no internal notes, no ids.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.utils import get_column_letter
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from inspector.core.context import Services
from inspector.core.draws import DrawResult, PublicList
from inspector.reports.excel import Book, Column, atomic_workbook
from inspector.reports.pdf import (
    CONTENT_WIDTH,
    Para,
    Styles,
    Title,
    build_pdf,
    esc,
    form_line,
    grid_table,
    keep,
    nobr,
    signature_line,
    ymd,
)

PDF_TITLE = "双随机抽查结果"
PUBLIC_TITLE = "双随机抽查结果公示"
METHOD_NOTE = (
    "抽取方法：对抽取范围内每家企业计算 SHA-256（随机数种子|企业|企业编号），按结果由小到大排序取前若干家；"
    "对每家抽中企业，在有执法证号的在岗检查人员中除去须回避者（及按要求除去上次检查该企业的人员），"
    "计算 SHA-256（随机数种子|检查人员|企业编号|人员编号），取最小的两名。摘要为全部抽取资料的 SHA-256，"
    "任何人可据保存的资料重新计算核对。"
)


def _facts(d: DrawResult) -> list[tuple[str, str]]:
    return [
        ("抽查事项", esc(d.title)),
        ("抽取范围", esc(d.scope)),
        ("抽取方式", esc(f"{d.asked}；企业库{d.pool_size}家，检查人员库{d.inspector_pool_size}名")),
        ("排除上次检查人员", "是" if d.exclude_last else "否"),
        ("随机数种子", nobr(d.seed)),
        ("抽取时间", esc(f"{ymd(d.drawn_at.date())} {d.drawn_at:%H:%M}")),
        ("抽取人", esc(d.drawn_by)),
    ]


def _story(d: DrawResult, authority: str) -> list[Flowable]:
    st = Styles()
    story: list[Flowable] = [Para(esc(authority), st.authority), Spacer(1, 2 * mm), Title(PDF_TITLE)]
    story.append(Para(nobr(f"抽取编号：{d.id}"), st.number))
    story += [form_line(st, [fact]) for fact in _facts(d)]
    story.append(form_line(st, [("摘要", f'<font size="9">{nobr(d.digest)}</font>')]))
    story.append(Spacer(1, 4 * mm))
    widths = [11 * mm, 38 * mm, 39 * mm, 16 * mm, 19 * mm]
    widths.append(CONTENT_WIDTH - sum(widths))
    heads = ("序号", "企业名称", "统一社会信用代码", "属地", "检查人员", "执法证号")
    rows: list[list[object]] = [[Para(h, st.head) for h in heads]]
    for e in d.entries:
        rows.append(
            [
                Para(str(e.position), st.cell_center),
                Para(esc(e.enterprise_name), st.cell),
                Para(nobr(e.credit_code), st.cell_center),
                Para(esc(e.jurisdiction), st.cell_center),
                Para(f"{esc(e.inspector1)}<br/>{esc(e.inspector2)}", st.cell_center),
                Para(
                    f"{nobr(e.inspector1_certificate)}<br/>{nobr(e.inspector2_certificate)}", st.cell_center
                ),
            ]
        )
    story.append(grid_table(rows, widths, zebra=True))
    story.append(Spacer(1, 4 * mm))
    story.append(Para(esc(METHOD_NOTE), st.small))
    story.append(Spacer(1, 6 * mm))
    story.append(keep(signature_line(st, "抽取人（签名）"), signature_line(st, "监督人（签名）")))
    return story


def draw_pdf(d: DrawResult, authority: str) -> bytes:
    """The printable result list; the same draw always gives the same bytes (dated its day)."""
    return build_pdf(
        lambda: _story(d, authority),
        title=f"{PDF_TITLE}（{d.title}）",
        author=authority,
        running_header=f"{PDF_TITLE}（续页）  抽取编号：{d.id}",
        dated=d.drawn_at.date(),
    )


def print_draw(services: Services, draw_id: int, output: Path) -> Path:
    """Write the result list of draw ``draw_id`` to ``output`` (PDF)."""
    data = draw_pdf(services.draws.get(draw_id), services.office.get().authority)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    return output


PUBLIC_COLUMNS: tuple[Column, ...] = (
    Column("序号", 6, "int"),
    Column("企业名称", 32, "wrap"),
    Column("统一社会信用代码", 24, "center"),
    Column("属地", 11, "center"),
    Column("检查人员", 19, "center"),
    Column("检查日期", 12, "date"),
    Column("检查结果", 21, "center"),
)


def export_public(public: PublicList, output: Path, authority: str) -> int:
    """The 一公开 workbook: title, the draw's facts, one row per drawn enterprise, who publishes;
    A4 landscape, header row repeated on every page. Returns the number of enterprise rows."""
    d = public.draw
    book = Book(body_size=10)
    ncols = len(PUBLIC_COLUMNS)
    kinds = [c.kind for c in PUBLIC_COLUMNS]
    styles = [book.body_style(k) for k in kinds]
    with atomic_workbook(book, Path(output)):
        sheet = book.sheet("抽查结果公示", [c.width for c in PUBLIC_COLUMNS], freeze="A5")
        sheet.title(
            f"{authority}{PUBLIC_TITLE}" if authority else PUBLIC_TITLE, f"抽查事项：{d.title}", ncols
        )
        sheet.line(
            f"抽取日期：{d.drawn_at:%Y-%m-%d}；随机数种子：{d.seed}；抽查对象库：{d.pool_size}家；"
            f"抽取企业：{d.count}家；每家企业随机抽取检查人员2名",
            ncols,
        )
        header = sheet.header([c.header for c in PUBLIC_COLUMNS], 24)
        for r in public.rows:
            sheet.values(
                [
                    r.position,
                    r.enterprise_name,
                    r.credit_code,
                    r.jurisdiction,
                    r.inspectors,
                    r.checked_on,
                    r.outcome.value,
                ],
                styles,
                kinds,
            )
        sheet.settings.auto_filter.ref = f"A{header}:{get_column_letter(ncols)}{max(sheet.row, header + 1)}"
        sheet.line(
            "检查结果：尚未检查 / 未发现问题 / 发现问题已责令整改 / 发现问题已整改完毕；"
            "以抽取之日起对该企业的首次检查为准。",
            ncols,
        )
        sheet.line(f"公示单位：{authority}", ncols)
        sheet.print_setup(title_row=header, footer_left=PUBLIC_TITLE)
    return len(public.rows)


def publish(services: Services, draw_id: int, output: Path) -> int:
    """Write the 一公开 workbook of draw ``draw_id`` as it stands today."""
    return export_public(services.draws.public_list(draw_id), output, services.office.get().authority)
