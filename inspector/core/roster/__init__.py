"""Roster import (企业名录导入): an Excel list of enterprises into the registry, in one transaction.

Two phases so the user sees what will happen before anything is written: ``preview`` reads and
checks every row (no writes), ``apply`` writes them. Real rosters come from many offices, so the
reader is tolerant (title rows, headers in any order, common spellings of values) while the checks
are exactly those of the enterprise form (``enterprises.validate``). Qt-free: CLI and GUI share it.

The rooms: ``headers`` (which column is which field), ``cells`` (a cell as a field value),
``workbook`` (reading the sheet), ``rows`` (the preview's row results and the shared checks),
``checking`` (the preview phase), ``writing`` (the apply phase), ``template`` (the blank template).
"""

from inspector.core.roster.cells import (
    cell_text,
    parse_category,
    parse_major_hazard_grade,
    parse_risk_grade,
    split_values,
)
from inspector.core.roster.checking import preview
from inspector.core.roster.headers import normalize_header
from inspector.core.roster.rows import ImportPreview, PreviewRow, RowError, RowStatus
from inspector.core.roster.template import (
    TEMPLATE_EXAMPLE,
    TEMPLATE_SHEET,
    build_template,
    template_headers,
    write_template,
)
from inspector.core.roster.workbook import ImportCancelled, Progress
from inspector.core.roster.writing import ImportResult, apply, import_file

__all__ = [
    "TEMPLATE_EXAMPLE",
    "TEMPLATE_SHEET",
    "ImportCancelled",
    "ImportPreview",
    "ImportResult",
    "PreviewRow",
    "Progress",
    "RowError",
    "RowStatus",
    "apply",
    "build_template",
    "cell_text",
    "import_file",
    "normalize_header",
    "parse_category",
    "parse_major_hazard_grade",
    "parse_risk_grade",
    "preview",
    "split_values",
    "template_headers",
    "write_template",
]
