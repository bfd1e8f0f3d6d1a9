"""Small-cell suppression for what goes upward (DOMAIN.md §3: de-identified
aggregates, small cells suppressed ❓ good practice, not law).

In a commune of a few thousand children, "1 girl aged 11-16 sexually abused"
points at a person. So in a de-identified annex:

* a breakdown cell counting 1 to threshold - 1 children is hidden: its value
  becomes None, `suppressed` is set, and it is shown as "< threshold";
* when exactly one cell of a breakdown is hidden, its row shows the total and
  the cells add up to it, that cell could be worked out by subtraction, so the
  smallest other cell (a non-zero one if there is any) is hidden too
  (complementary suppression) and shown as "x", since it need not be small;
* zeros and totals are kept; money, activity and participation counts are not
  about identifiable children (Row.protected is False) and are kept.

The threshold is settings.REPORT_SMALL_CELL (3 unless configured).
"""

from django.conf import settings

from reports.indicators.structure import Annex, Cell, Row


def small_cell_threshold() -> int:
    return settings.REPORT_SMALL_CELL


COMPLEMENTARY_MARK = "x"


def cell_display(cell: Cell, threshold: int | None) -> str:
    """How a cell is printed: its value, "< 3" when hidden as small, "x" when
    hidden to protect another."""
    if cell.complementary:
        return COMPLEMENTARY_MARK
    if cell.suppressed:
        return f"< {threshold}"
    return "" if cell.value is None else str(cell.value)


def deidentify(annex: Annex, *, threshold: int | None = None) -> Annex:
    """A copy of `annex` with its small cells hidden; `annex` is left as it is."""
    threshold = small_cell_threshold() if threshold is None else threshold
    if threshold < 2:
        raise ValueError("a threshold below 2 would hide nothing")
    safe = annex.copy()
    for row in safe.rows:
        if row.protected:
            suppress_row(row, threshold)
    safe.small_cell_threshold = threshold
    return safe


def _is_small(cell: Cell, threshold: int) -> bool:
    return cell.value is not None and 0 < cell.value < threshold


def suppress_row(row: Row, threshold: int) -> None:
    """Hide the small cells of one row in place, with their complement: the
    rule of deidentify(), for a caller that builds its own rows (the province
    view's columns, a commune per cell)."""
    hidden = [cell for cell in row.cells if _is_small(cell, threshold)]
    for cell in hidden:
        _hide(cell)
    if len(hidden) == 1 and row.additive and row.value is not None:
        others = [c for c in row.cells if not c.suppressed and c.value is not None]
        if others:
            # Prefer a non-zero cell: a hidden zero hides little when the
            # total is small, but it still stops the subtraction.
            second = min(others, key=lambda c: (c.value == 0, c.value))
            _hide(second, complementary=True)


def _hide(cell: Cell, *, complementary: bool = False) -> None:
    cell.value = None
    cell.suppressed = True
    cell.complementary = complementary
