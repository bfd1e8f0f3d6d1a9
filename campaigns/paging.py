"""Keyset pages over any column order: O(page) at any depth, unlike OFFSET.

The cursor holds the last row's sort values as strings; Django converts them
back through each field when filtering, so dates and numbers need no codec.
"""

import base64
import contextlib
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

PAGE_SIZE = 50


@dataclass(frozen=True)
class Page:
    rows: list
    next_cursor: str | None


def _encode(values: list) -> str:
    raw = json.dumps([str(v) for v in values]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str, size: int) -> list[str] | None:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (ValueError, TypeError):
        return None
    if not isinstance(values, list) or len(values) != size:
        return None
    return [str(v) for v in values]


def _after(order: tuple[str, ...], values: list[str]) -> Q:
    """Rows strictly after `values` in `order` ("-name" descending)."""
    condition = Q()
    equal = Q()
    for name, value in zip(order, values, strict=True):
        field = name.lstrip("-")
        op = "lt" if name.startswith("-") else "gt"
        condition |= equal & Q(**{f"{field}__{op}": value})
        equal &= Q(**{field: value})
    first = order[0].lstrip("-")
    # The redundant bound on the first column keeps the index scan short.
    bound = "lte" if order[0].startswith("-") else "gte"
    return Q(**{f"{first}__{bound}": values[0]}) & condition


def keyset_page(
    queryset: QuerySet, order: tuple[str, ...], cursor: str | None, size=PAGE_SIZE
) -> Page:
    """One page of `queryset` in `order` (which must end with a unique column)."""
    queryset = queryset.order_by(*order)
    values = _decode(cursor, len(order)) if cursor else None
    if values is not None:
        # A damaged cursor starts from the top.
        with contextlib.suppress(ValidationError, ValueError, TypeError):
            queryset = queryset.filter(_after(order, values))
    rows = list(queryset[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    if not more:
        return Page(rows, None)
    last = rows[-1]
    return Page(rows, _encode([_value(last, name.lstrip("-")) for name in order]))


def _value(row, path: str):
    for part in path.split("__"):
        row = getattr(row, part)
    return row
