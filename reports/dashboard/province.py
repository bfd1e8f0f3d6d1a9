"""The province view: the dashboard's indicators for every commune of a province
and in total, de-identified, sortable, and as an .xlsx workbook.

It reads only the rollups' `province_values` (each commune's figures for these
columns) and treats each column as the province's total broken down by commune: a commune's count of children from 1
to REPORT_SMALL_CELL - 1 is hidden ("< 3"), and when that leaves one hidden
cell in a column whose total is shown, a second one is hidden too ("x") so the
first cannot be worked out — the very rule of the annex, applied by
smallcells.suppress_row itself. A percentage is hidden with its numerator or its
denominator. Counts that are not of children (overdue work) are kept.
"""

import datetime
import html
import io
from dataclasses import dataclass

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from accounts.scope import user_scope
from registry.models import Commune, Province
from reports.dashboard.cards import CARDS, number_formatter
from reports.dashboard.periods import year_to_date
from reports.indicators.codes import INDICATORS
from reports.indicators.figures import percent
from reports.indicators.smallcells import (
    COMPLEMENTARY_MARK,
    small_cell_threshold,
    suppress_row,
)
from reports.indicators.structure import Cell, Row
from reports.models import DashboardRollup


@dataclass(frozen=True)
class Column:
    code: str
    label: Promise
    numerator: str
    denominator: str | None = None
    protected: bool = True

    @property
    def is_percent(self) -> bool:
        return self.denominator is not None


def _column(code: str, label: Promise) -> Column:
    if code.endswith("_pct"):
        base = code.removesuffix("_pct")
        return Column(code, label, base, INDICATORS[base].percent_of)
    indicator = INDICATORS.get(code) or INDICATORS[code.rsplit(".", 1)[0]]
    return Column(code, label, code, protected=indicator.protected)


COLUMNS = (
    *(_column(spec.code, spec.label) for spec in CARDS),
    # Overdue work at the last refresh: tasks of the commune, not children.
    Column(
        "deadlines.overdue",
        gettext_lazy("Overdue"),
        "deadlines.overdue",
        protected=False,
    ),
)
COUNT_CODES = tuple(
    dict.fromkeys(
        code
        for column in COLUMNS
        for code in (column.numerator, column.denominator)
        if code is not None
    )
)
# What the rollup keeps for the province (DashboardRollup.province_values).
PROVINCE_CODES = (*COUNT_CODES, *(c.code for c in COLUMNS if c.is_percent))


def provinces_for(user) -> list[Province]:
    """The provinces the user views (one query); [] for everyone else."""
    ids = user_scope(user).province_ids
    return list(Province.objects.filter(pk__in=ids).order_by("name")) if ids else []


@dataclass
class Shown:
    value: float | int | None
    display: str
    hidden: bool = False


def cells_html(cells: list[Shown]) -> str:
    return "".join(
        f'<td class="text-end">{html.escape(cell.display)}</td>' for cell in cells
    )


@dataclass
class CommuneLine:
    name: str
    computed: bool
    cells: list[Shown]


@dataclass
class ProvinceTable:
    province: Province
    date_from: datetime.date
    date_to: datetime.date
    lines: list[CommuneLine]
    total: list[Shown]
    computed_at: datetime.datetime | None
    threshold: int
    columns: tuple[Column, ...] = COLUMNS

    @property
    def small_mark(self) -> str:
        return f"< {self.threshold}"

    @property
    def body_html(self) -> SafeString:
        """The table's rows, joined here rather than in a template loop, which
        costs about a millisecond per commune (a province has hundreds)."""
        pending = html.escape(_("not computed yet"))
        rows = []
        for line in self.lines:
            note = (
                ""
                if line.computed
                else f' <span class="small text-muted">({pending})</span>'
            )
            rows.append(
                f'<tr><th scope="row">{html.escape(line.name)}{note}</th>'
                f"{cells_html(line.cells)}</tr>"
            )
        return mark_safe("".join(rows))  # noqa: S308 - every text is escaped

    @property
    def total_html(self) -> SafeString:
        return mark_safe(cells_html(self.total))  # noqa: S308 - escaped


def _load(province: Province, today: datetime.date):
    """The province's communes and, for each one computed, its public figures."""
    communes = list(
        Commune.objects.filter(province=province)
        .order_by("name")
        .values("id", "name", "kind")
    )
    # A fixed order, so that the complementary cell chosen among equal
    # counts is the same on every page and in the .xlsx.
    rows = (
        DashboardRollup.objects.filter(
            kind=DashboardRollup.Kind.YEAR,
            residential_group=None,
            date_from=year_to_date(today).date_from,
            commune__province=province,
        )
        .order_by("commune_id")
        .values("commune_id", "computed_at", "province_values")
    )
    figures = {row["commune_id"]: (row, row["province_values"]) for row in rows}
    return communes, figures


def _hidden_cells(figures: dict, threshold: int) -> dict[tuple[str, int], Cell]:
    """The counts hidden once every protected column has been treated as the
    province's total broken down by commune (smallcells.suppress_row, the rule
    of deidentify()), by (code, commune id). A column without a small count
    hides nothing, and most do not have one."""
    unprotected = {c.numerator for c in COLUMNS if not c.protected}
    hidden = {}
    for code in COUNT_CODES:
        counts = {pk: values.get(code) or 0 for pk, (_row, values) in figures.items()}
        if code in unprotected or not any(0 < n < threshold for n in counts.values()):
            continue
        cells = [Cell(str(pk), "", n) for pk, n in counts.items()]
        row = Row(code=code, label="", value=sum(counts.values()), cells=cells)
        suppress_row(row, threshold)
        hidden |= {(code, int(c.code)): c for c in row.cells if c.suppressed}
    return hidden


def _shown(column: Column, values, hidden, pk: int, show, small_mark: str) -> Shown:
    number = hidden.get((column.numerator, pk))
    if column.is_percent:
        if number is not None or (column.denominator, pk) in hidden:
            return Shown(None, COMPLEMENTARY_MARK, hidden=True)
        value = values.get(column.code)
        return Shown(value, show(value, True))
    if number is not None:
        mark = COMPLEMENTARY_MARK if number.complementary else small_mark
        return Shown(None, mark, hidden=True)
    value = values.get(column.code) or 0
    return Shown(value, show(value))


def _totals(figures: dict, show) -> list[Shown]:
    sums = {
        code: sum(v.get(code) or 0 for _r, v in figures.values())
        for code in COUNT_CODES
    }
    out = []
    for column in COLUMNS:
        if column.is_percent:
            value = percent(sums[column.numerator], sums[column.denominator])
            out.append(Shown(value, show(value, True)))
        else:
            out.append(Shown(sums[column.code], show(sums[column.code])))
    return out


def province_table(province: Province, *, now=None, sort: str = "", descending=False):
    """The table of `province` (already gated) on the rollups of this year."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    threshold = small_cell_threshold()
    communes, figures = _load(province, today)
    hidden = _hidden_cells(figures, threshold)
    show = number_formatter()
    lines = []
    for commune in communes:
        found = figures.get(commune["id"])
        if found is None:
            lines.append(
                CommuneLine(
                    commune["name"], False, [Shown(None, "…", True) for _c in COLUMNS]
                )
            )
            continue
        lines.append(
            CommuneLine(
                commune["name"],
                True,
                [
                    _shown(c, found[1], hidden, commune["id"], show, f"< {threshold}")
                    for c in COLUMNS
                ],
            )
        )
    return ProvinceTable(
        province=province,
        date_from=year_to_date(today).date_from,
        date_to=today,
        lines=sort_lines(lines, sort, descending),
        total=_totals(figures, show),
        computed_at=min((r["computed_at"] for r, _v in figures.values()), default=None),
        threshold=threshold,
    )


def sort_lines(
    lines: list[CommuneLine], sort: str, descending: bool
) -> list[CommuneLine]:
    """By the column `sort` (a column code), else by name; `lines` come in the
    database's Vietnamese order of names, which breaks ties. Hidden figures
    come last whichever the direction: their order would tell what they hide."""
    index = next((i for i, c in enumerate(COLUMNS) if c.code == sort), None)
    if index is None:
        return lines[::-1] if descending else list(lines)
    known = [line for line in lines if line.cells[index].value is not None]
    unknown = [line for line in lines if line.cells[index].value is None]
    known.sort(key=lambda line: line.cells[index].value, reverse=descending)
    return known + unknown


def _text(sheet, value: str, bold: bool = False) -> WriteOnlyCell:
    # Every string is a text cell, never a formula (reports/indicators/xlsx.py).
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    if bold:
        cell.font = Font(bold=True)
    return cell


def _value(sheet, shown: Shown):
    return _text(sheet, shown.display) if shown.hidden else shown.value


def province_workbook(table: ProvinceTable) -> bytes:
    """The table as an .xlsx: figures as numbers, hidden ones as "< 3" / "x"."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Province")[:31])
    title = _("Children's indicators by commune: %(province)s") % {
        "province": table.province.name
    }
    period = _("From %(start)s to %(end)s") % {
        "start": table.date_from.strftime("%d/%m/%Y"),
        "end": table.date_to.strftime("%d/%m/%Y"),
    }
    note = _(
        "De-identified: counts of children from 1 to %(n)s are shown as “< %(t)s”; "
        "“x” is hidden so that a small count cannot be worked out."
    ) % {"n": table.threshold - 1, "t": table.threshold}
    for line in (title, period, note):
        sheet.append([_text(sheet, line)])
    sheet.append([])
    sheet.append(
        [_text(sheet, _("Commune"), bold=True)]
        + [
            _text(sheet, str(c.label) + (" (%)" if c.is_percent else ""), bold=True)
            for c in table.columns
        ]
    )
    for line in table.lines:
        sheet.append([_text(sheet, line.name)] + [_value(sheet, s) for s in line.cells])
    sheet.append(
        [_text(sheet, _("Total"), bold=True)] + [_value(sheet, s) for s in table.total]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
