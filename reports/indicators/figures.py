"""From computed numbers to annex rows, in the catalogue's order and words."""

from dataclasses import dataclass, field

from reports.indicators.codes import INDICATORS, SECTIONS
from reports.indicators.structure import Cell, Number, Row, Section


@dataclass
class Figure:
    """What a query found for one indicator: its value and its cells by code.
    The denominator of a percentage is the value of the indicator's `percent_of`."""

    value: Number | None
    cells: dict[str, Number | None] = field(default_factory=dict)


def percent(value: Number | None, denominator: Number | None) -> float | None:
    if value is None or not denominator:
        return None
    return round(100 * value / denominator, 1)


def make_row(code: str, figure: Figure, denominator: Number | None = None) -> Row:
    indicator = INDICATORS[code]
    unknown = set(figure.cells) - {cell for cell, _label in indicator.cells}
    if unknown:
        raise ValueError(f"{code}: cells {sorted(unknown)} are not in codes.py")
    return Row(
        code=code,
        label=indicator.label,
        value=figure.value,
        denominator=denominator,
        percent=percent(figure.value, denominator) if indicator.percent_of else None,
        cells=[
            Cell(cell, label, figure.cells.get(cell, 0))
            for cell, label in indicator.cells
        ],
        unit=indicator.unit,
        additive=indicator.additive,
        protected=indicator.protected,
    )


def make_sections(figures: dict[str, Figure]) -> list[Section]:
    """Every section of the catalogue with its rows; a missing figure is a bug."""
    missing = set(INDICATORS) - set(figures)
    if missing:
        raise ValueError(f"no figure computed for {sorted(missing)}")
    return [
        Section(
            code=code,
            title=title,
            rows=[
                make_row(i.code, figures[i.code], _denominator(i, figures))
                for i in indicators
            ],
        )
        for code, title, indicators in SECTIONS
    ]


def _denominator(indicator, figures: dict[str, Figure]) -> Number | None:
    if indicator.percent_of is None:
        return None
    return figures[indicator.percent_of].value
