"""The annex as data: sections of rows, rows with optional breakdown cells.

Plain dataclasses with no model or database in sight, so an issued report can
freeze `Annex.to_dict()` in a JSON field and read it back with `from_dict()`
years later, whatever the code computes by then.
"""

import datetime
from dataclasses import dataclass, field

Number = int | float

# Bump when the dict layout changes; from_dict() reads every version it knows.
SCHEMA_VERSION = 1


@dataclass
class Cell:
    """One part of a row's breakdown (girls, one of the 14 groups, one kind...)."""

    code: str
    label: str
    value: Number | None
    # Set by smallcells.deidentify(): the value is hidden, shown as "< n" when
    # it was small, as "x" when it was hidden only so that a small one cannot
    # be worked out by subtraction (complementary).
    suppressed: bool = False
    complementary: bool = False

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "label": self.label,
            "value": self.value,
            "suppressed": self.suppressed,
            "complementary": self.complementary,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Cell":
        return cls(
            code=data["code"],
            label=data["label"],
            value=data["value"],
            suppressed=data.get("suppressed", False),
            complementary=data.get("complementary", False),
        )


@dataclass
class Row:
    """One indicator. `value` is the total (never hidden); `percent` is
    value / denominator when the indicator has one (codes.Indicator.percent_of)."""

    code: str
    label: str
    value: Number | None
    denominator: Number | None = None
    percent: float | None = None
    cells: list[Cell] = field(default_factory=list)
    unit: str = ""
    # The cells add up to the value: one hidden cell could be worked out from
    # the others, so smallcells hides a second one.
    additive: bool = True
    # Counts of children that small-cell suppression applies to (not money,
    # activities or head counts of participants).
    protected: bool = True

    @property
    def percent_code(self) -> str:
        return f"{self.code}_pct"

    def cell(self, code: str) -> Cell:
        for cell in self.cells:
            if cell.code == code:
                return cell
        raise KeyError(f"{self.code} has no cell {code!r}")

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "label": self.label,
            "value": self.value,
            "denominator": self.denominator,
            "percent": self.percent,
            "cells": [cell.to_dict() for cell in self.cells],
            "unit": self.unit,
            "additive": self.additive,
            "protected": self.protected,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Row":
        return cls(
            code=data["code"],
            label=data["label"],
            value=data["value"],
            denominator=data.get("denominator"),
            percent=data.get("percent"),
            cells=[Cell.from_dict(c) for c in data.get("cells", [])],
            unit=data.get("unit", ""),
            additive=data.get("additive", True),
            protected=data.get("protected", True),
        )


@dataclass
class Section:
    code: str
    title: str
    rows: list[Row] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "title": self.title,
            "rows": [r.to_dict() for r in self.rows],
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Section":
        return cls(
            code=data["code"],
            title=data["title"],
            rows=[Row.from_dict(r) for r in data["rows"]],
        )


@dataclass
class Annex:
    """The statistical annex of one commune for one period."""

    commune_id: int
    commune_name: str
    commune_kind: str  # registry Commune.Kind value: "xa", "phuong", ...
    date_from: datetime.date
    date_to: datetime.date
    computed_at: datetime.datetime
    sections: list[Section] = field(default_factory=list)
    # Set by smallcells.deidentify(): cells from 1 to threshold - 1 are hidden.
    small_cell_threshold: int | None = None

    @property
    def rows(self) -> list[Row]:
        return [row for section in self.sections for row in section.rows]

    def row(self, code: str) -> Row:
        for row in self.rows:
            if row.code == code:
                return row
        raise KeyError(code)

    def values(self) -> dict[str, Number | None]:
        """Every figure flat by code: the row's value under its code, its percent
        under "<code>_pct", each cell under "<code>.<cell>" (None when hidden)."""
        flat: dict[str, Number | None] = {}
        for row in self.rows:
            flat[row.code] = row.value
            if row.denominator is not None:
                flat[row.percent_code] = row.percent
            for cell in row.cells:
                flat[f"{row.code}.{cell.code}"] = (
                    None if cell.suppressed else cell.value
                )
        return flat

    def copy(self) -> "Annex":
        return Annex.from_dict(self.to_dict())

    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA_VERSION,
            "commune_id": self.commune_id,
            "commune_name": self.commune_name,
            "commune_kind": self.commune_kind,
            "date_from": self.date_from.isoformat(),
            "date_to": self.date_to.isoformat(),
            "computed_at": self.computed_at.isoformat(),
            "small_cell_threshold": self.small_cell_threshold,
            "sections": [s.to_dict() for s in self.sections],
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Annex":
        if data.get("schema", 1) > SCHEMA_VERSION:
            raise ValueError(f"annex schema {data['schema']} is newer than this code")
        return cls(
            commune_id=data["commune_id"],
            commune_name=data["commune_name"],
            commune_kind=data.get("commune_kind", "xa"),
            date_from=datetime.date.fromisoformat(data["date_from"]),
            date_to=datetime.date.fromisoformat(data["date_to"]),
            computed_at=datetime.datetime.fromisoformat(data["computed_at"]),
            sections=[Section.from_dict(s) for s in data["sections"]],
            small_cell_threshold=data.get("small_cell_threshold"),
        )
