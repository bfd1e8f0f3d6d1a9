"""The dry run: what each row of a file would do to the registry.

Every row ends in one of five actions. A row with "Mã trẻ" updates that child.
A row without it that matches a child already in the registry (same personal
ID number, or same folded name + date of birth + residential group) is left
alone when nothing differs, and otherwise flagged as a likely duplicate for the
officer to resolve by hand: the import never merges two records by itself.
Rows of one file that match each other are flagged the same way.
"""

import copy
import datetime
import enum
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from registry.importing.columns import BY_FIELD, LABELS, YES_NO_LABELS
from registry.importing.reader import Mapping, RawRow
from registry.importing.values import Lookups, ParsedRow, parse_row
from registry.models import Child
from registry.services import TRACKED_FIELDS, child_prepare, child_validate


class Action(enum.StrEnum):
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    ERROR = "error"


@dataclass
class RowPlan:
    number: int
    action: Action
    name: str = ""
    fields: dict = field(default_factory=dict)
    child: Child | None = None  # the existing child, for updates and matches
    result: Child | None = None  # the child as it would be after this row
    changes: list[dict] = field(default_factory=list)
    match: dict | None = None
    errors: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "row": self.number,
            "action": str(self.action),
            "name": self.name,
            "code": str(self.child.code) if self.child else None,
            "changes": self.changes,
            "match": self.match,
            "errors": self.errors,
        }


class Registry:
    """The commune's children as the user sees them, indexed for matching."""

    def __init__(self, user, commune):
        children = (
            Child.objects.visible_to(user)
            .filter(commune=commune)
            .select_related("residential_group", "household", "ethnic_group")
        )
        self.by_code: dict = {}
        self.by_personal_id: dict = {}
        self.by_key: dict = {}
        for child in children.iterator(chunk_size=2000):
            self.by_code[child.code] = child
            if child.personal_id:
                self.by_personal_id.setdefault(child.personal_id, child)
            for k in match_keys(child, registered=True)[1:]:
                self.by_key.setdefault(k, child)

    def match(self, candidate: Child) -> Child | None:
        if candidate.personal_id in self.by_personal_id:
            return self.by_personal_id[candidate.personal_id]
        return next(
            (self.by_key[k] for k in match_keys(candidate)[1:] if k in self.by_key),
            None,
        )


def match_keys(child: Child, *, registered: bool = False) -> list[tuple]:
    """The keys under which two records are "the same child": the personal ID
    number, and folded name + date of birth + group. An age gives only the year,
    so an estimated date matches a child of the same name and group born that
    year (`registered` children are indexed under their year whatever their date).
    """
    keys: list[tuple] = [("id", child.personal_id)] if child.personal_id else [None]
    if child.birth_date and child.residential_group_id:
        base = (child.search_key, child.residential_group_id)
        year = child.birth_date.year
        if not child.birth_date_is_estimated:
            keys.append(("born", *base, child.birth_date))
        # An age read on another day (after New Year, say) may give the year
        # either side: an estimated row looks one year around its own.
        estimated_row = child.birth_date_is_estimated and not registered
        years = (year - 1, year, year + 1) if estimated_row else (year,)
        keys.extend(("about", *base, y) for y in years)
    return keys


def _display(name: str, value, lookups: Lookups) -> str:
    """A value as the file would show it, for the changes column."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if name == "residential_group_id":
        return next((g.name for g in lookups.groups.values() if g.pk == value), "")
    if name == "ethnic_group_id":
        return next(
            (e.name for e in lookups.ethnic_groups.values() if e.pk == value), ""
        )
    if isinstance(value, bool):
        return YES_NO_LABELS[value]
    return LABELS.get(name, {}).get(value, str(value))


def _label(attname: str) -> str:
    model_field = next(f for f in Child._meta.concrete_fields if f.attname == attname)
    column = BY_FIELD.get(model_field.name)
    return str(column.label if column else model_field.verbose_name)


def _changes(before: Child, after: Child, lookups: Lookups) -> list[dict]:
    return [
        {
            "label": _label(name),
            "old": _display(name, getattr(before, name), lookups),
            "new": _display(name, getattr(after, name), lookups),
        }
        for name in TRACKED_FIELDS
        if getattr(before, name) != getattr(after, name)
    ]


def _validation_errors(row: ParsedRow, exc: ValidationError) -> list[dict]:
    column_of = {"birth_date_is_estimated": "birth_date"}
    for name, messages in exc.message_dict.items():
        for message in messages:
            row.add_error(column_of.get(name, name), message)
    return row.errors


def _fields_for(child: Child, fields: dict) -> dict:
    """An age gives only the year: a date of birth in that year stays as it is,
    so re-importing a list of estimated ages changes nothing."""
    same_year = (
        fields.get("birth_date_is_estimated")
        and child.birth_date.year == fields["birth_date"].year
    )
    if same_year:
        kept = ("birth_date", "birth_date_is_estimated")
        return {k: v for k, v in fields.items() if k not in kept}
    return fields


def _against(row: ParsedRow, child: Child, lookups: Lookups) -> RowPlan:
    """Compare a row with the existing child it names or matches."""
    fields = _fields_for(child, row.fields)
    after = copy.copy(child)  # Django copies the related-object cache too
    for name, value in fields.items():
        setattr(after, name, value)
    child_prepare(after)
    plan = RowPlan(row.number, Action.UNCHANGED, after.full_name, fields, child, after)
    plan.changes = _changes(child, after, lookups)
    return plan


def _plan_coded(row: ParsedRow, child: Child, lookups: Lookups) -> RowPlan:
    plan = _against(row, child, lookups)
    plan.action = Action.UPDATE if plan.changes else Action.UNCHANGED
    return plan


def _plan_uncoded(row: ParsedRow, registry: Registry, commune, lookups) -> RowPlan:
    candidate = Child(commune=commune, **row.fields)
    child_prepare(candidate)
    child = registry.match(candidate)
    if child is None:
        plan = RowPlan(row.number, Action.CREATE, candidate.full_name, row.fields)
        plan.result = candidate
        return plan
    plan = _against(row, child, lookups)
    if plan.changes:
        plan.action = Action.DUPLICATE
        plan.match = {"code": str(child.code), "name": child.full_name}
    return plan


def plan_row(
    row: ParsedRow, registry: Registry, commune, lookups: Lookups, *, validate: bool
) -> RowPlan:
    """What one parsed row would do; `validate` runs the services' rules too
    (the commit leaves that to the services themselves)."""
    if not row.errors and row.code is not None and row.code not in registry.by_code:
        row.add_error("code", _("No child with this code in your commune's registry."))
    if row.errors:
        name = row.fields.get("full_name", "")
        return RowPlan(row.number, Action.ERROR, name, errors=row.errors)
    if row.code is not None:
        plan = _plan_coded(row, registry.by_code[row.code], lookups)
    else:
        plan = _plan_uncoded(row, registry, commune, lookups)
    if validate and plan.action in (Action.CREATE, Action.UPDATE):
        try:
            child_validate(plan.result)
        except ValidationError as exc:
            plan.action, plan.errors = Action.ERROR, _validation_errors(row, exc)
    return plan


def _flag_within_file(plans: list[RowPlan]) -> None:
    """Two rows of one file that are the same child: neither is imported."""
    seen: dict[tuple, RowPlan] = {}
    for plan in plans:
        if plan.action == Action.ERROR or plan.result is None:
            continue
        own = match_keys(plan.result)
        if plan.child is not None:
            own.append(("code", plan.child.code))
        for k in filter(None, own):
            other = seen.setdefault(k, plan)
            if other is not plan:
                for a, b in ((plan, other), (other, plan)):
                    if a.action != Action.DUPLICATE or a.match is None:
                        a.action, a.match = Action.DUPLICATE, {"row": b.number}
                break


@dataclass
class Plan:
    mapping: Mapping
    rows: list[RowPlan]

    def count(self, action: Action) -> int:
        return sum(1 for row in self.rows if row.action == action)

    def signature(self) -> list[list]:
        """What the commit must find again: each row's action and child."""
        return [
            [r.number, str(r.action), str(r.child.code) if r.child else None]
            for r in self.rows
        ]

    def as_json(self) -> dict:
        return {
            "sheet": self.mapping.sheet,
            "header_row": self.mapping.header_row,
            "columns": [
                {**c, "label": str(BY_FIELD[c["field"]].label)}
                for c in self.mapping.columns
            ],
            "ignored": self.mapping.ignored,
            "rows": [r.as_json() for r in self.rows if r.action != Action.UNCHANGED],
            "signature": self.signature(),
        }


def build_plan(
    mapping: Mapping, raw_rows: list[RawRow], *, user, commune, validate: bool
) -> Plan:
    """The dry run of a whole file against the registry as `user` sees it."""
    lookups = Lookups.for_commune(commune)
    registry = Registry(user, commune)
    plans = [
        plan_row(
            parse_row(r.number, r.values, lookups),
            registry,
            commune,
            lookups,
            validate=validate,
        )
        for r in raw_rows
    ]
    _flag_within_file(plans)
    return Plan(mapping, plans)
