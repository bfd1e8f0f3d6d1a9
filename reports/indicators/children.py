"""Stocks: the children of the commune on date_to and their characteristics
(sections I to IV of the annex). Two queries, whatever the number of children:
one aggregate with a filtered COUNT per figure, one count per circumstance group.
"""

import datetime

from django.db.models import (
    Case,
    Count,
    DateField,
    ExpressionWrapper,
    F,
    Q,
    QuerySet,
    Value,
    When,
)

from registry.models import Child, EthnicGroup
from reports.indicators import codes
from reports.indicators.figures import Figure
from reports.indicators.period import CHILD_AGE_LIMIT, Period
from reports.indicators.routes import (
    any_of,
    circumstances_in_force,
    reach_routes,
    support_routes,
)

KINH = "01"  # registry/data ethnic group codes: Kinh is the majority


def children_on(commune_id: int, period: Period) -> QuerySet:
    """Children of the commune on date_to: born by then, under 16 then, and living
    in the commune then. The registry keeps only the latest status change, so a
    child archived (moved, aged out, deceased) after date_to was still there; one
    archived on or before date_to was not. Soft-deleted records never count
    (Child.objects)."""
    present = Q(status=Child.Status.ACTIVE) | Q(status_changed_on__gt=period.date_to)
    return Child.objects.filter(
        present,
        commune_id=commune_id,
        birth_date__lte=period.date_to,
        birth_date__gt=period.latest_birth_date(CHILD_AGE_LIMIT),
    )


def _age_bands(period: Period) -> dict[str, Q]:
    bands = {}
    for cell, (low, high) in codes.BAND_LIMITS.items():
        condition = Q(birth_date__gt=period.latest_birth_date(high))
        if low:
            condition &= Q(birth_date__lte=period.latest_birth_date(low))
        bands[cell] = condition
    return bands


def _insured(period: Period) -> Q:
    return ~Q(insurance_card_number="") & (
        Q(insurance_expiry__isnull=True) | Q(insurance_expiry__gte=period.date_to)
    )


def _registered_on_time() -> Q:
    limit = ExpressionWrapper(
        F("birth_date") + datetime.timedelta(days=codes.BIRTH_REGISTRATION_DAYS),
        output_field=DateField(),
    )
    return Q(birth_registered=True, birth_registration_date__lte=limit)


def _level(commune_id: int, period: Period) -> Case:
    """The disability level: the recorded one, else the KHUYET_TAT sub-group in
    force (NĐ 56 Điều 6), else not assessed."""
    in_force = circumstances_in_force(commune_id, period)
    whens = [When(~Q(disability_level=""), then=F("disability_level"))]
    for subgroup, level in codes.LEVEL_OF_SUBGROUP.items():
        ids = in_force.filter(subgroup=subgroup).values("child_id")
        whens.append(When(pk__in=ids, then=Value(level)))
    return Case(*whens, default=Value("khong_ro"))


def _conditions(commune_id: int, period: Period) -> dict[str, Q]:
    """Every filtered count of the aggregate, by the figure it feeds."""
    in_force = circumstances_in_force(commune_id, period)
    hcdb = Q(classification=Child.Classification.HCDB) | Q(
        pk__in=in_force.values("child_id")
    )
    disabled = (
        ~Q(disabilities=[])
        | ~Q(disability_level="")
        | Q(pk__in=in_force.filter(group="KHUYET_TAT").values("child_id"))
    )
    under6 = Q(birth_date__gt=period.latest_birth_date(6))
    newborn = Q(birth_date__gte=period.date_from)
    insured = _insured(period)
    supported = support_routes(commune_id, period)
    reached = reach_routes(commune_id, period)
    minorities = EthnicGroup.objects.exclude(code=KINH).values("pk")
    found = {
        "sex.nam": Q(sex="nam"),
        "sex.nu": Q(sex="nu"),
        "sex.khong_ro": ~Q(sex__in=["nam", "nu"]),
        **{f"age.{cell}": band for cell, band in _age_bands(period).items()},
        "ethnic_minority": Q(ethnic_group_id__in=minorities),
        "ethnicity_unknown": Q(ethnic_group__isnull=True),
        "birth_registered": Q(birth_registered=True),
        "dropped_out": Q(school=Child.School.DROPPED_OUT),
        "under6": under6,
        "under6_insured": under6 & insured,
        "newborns": newborn,
        "newborns_insured": newborn & insured,
        "newborns_on_time": newborn & _registered_on_time(),
        "hcdb": hcdb,
        "hcdb_supported": hcdb & any_of(supported),
        "at_risk": Q(classification=Child.Classification.AT_RISK) & ~hcdb,
        "other": Q(classification=Child.Classification.OTHER) & ~hcdb,
        "disabled": disabled,
        "disabled_reached": disabled & any_of(reached),
    }
    found |= {f"supported.{cell}": hcdb & q for cell, q in supported.items()}
    found |= {f"reached.{cell}": disabled & q for cell, q in reached.items()}
    found |= {
        f"level.{cell}": disabled & Q(level=cell)
        for cell, _label in codes.DISABILITY_LEVELS
    }
    return found


def child_conditions(commune_id: int, period: Period) -> dict[str, Q]:
    """The filtered counts of children_figures() by key ("hcdb",
    "hcdb_supported", "disabled_reached"...), for a caller that counts the same
    figures grouped (the dashboard, by residential group). The "level.*" keys
    need the `level` annotation of children_figures()."""
    return _conditions(commune_id, period)


def _cells(counts: dict[str, int], prefix: str) -> dict[str, int]:
    start = f"{prefix}."
    return {
        key.removeprefix(start): value
        for key, value in counts.items()
        if key.startswith(start)
    }


def children_figures(commune_id: int, period: Period) -> dict[str, Figure]:
    """Sections I-IV: children, under-6 and insurance, HCĐB, disability."""
    stock = children_on(commune_id, period)
    conditions = _conditions(commune_id, period)
    keys = list(conditions)
    found = (
        stock.annotate(level=_level(commune_id, period))
        .order_by()
        .aggregate(
            total=Count("pk"),
            # Plain aliases: figure keys have dots, which SQL aliases may not.
            **{f"n{i}": Count("pk", filter=conditions[k]) for i, k in enumerate(keys)},
        )
    )
    counts = {key: found[f"n{i}"] for i, key in enumerate(keys)}
    total = found["total"]
    return {
        "children.total": Figure(total),
        "children.sex": Figure(total, _cells(counts, "sex")),
        "children.age": Figure(total, _cells(counts, "age")),
        "children.ethnic_minority": Figure(counts["ethnic_minority"]),
        "children.ethnicity_unknown": Figure(counts["ethnicity_unknown"]),
        "children.birth_registered": Figure(counts["birth_registered"]),
        "children.dropped_out": Figure(counts["dropped_out"]),
        "under6.total": Figure(counts["under6"]),
        "under6.insured": Figure(counts["under6_insured"]),
        "newborns.total": Figure(counts["newborns"]),
        "newborns.insured": Figure(counts["newborns_insured"]),
        "newborns.registered_on_time": Figure(counts["newborns_on_time"]),
        "hcdb.total": Figure(counts["hcdb"]),
        "hcdb.group": Figure(counts["hcdb"], _groups(commune_id, period, stock)),
        "hcdb.supported": Figure(counts["hcdb_supported"], _cells(counts, "supported")),
        "at_risk.total": Figure(counts["at_risk"]),
        "other.total": Figure(counts["other"]),
        "disabled.total": Figure(counts["disabled"]),
        "disabled.level": Figure(counts["disabled"], _cells(counts, "level")),
        "disabled.reached": Figure(
            counts["disabled_reached"], _cells(counts, "reached")
        ),
    }


def _groups(commune_id: int, period: Period, stock: QuerySet) -> dict[str, int]:
    """Children of the stock in each of the 14 groups, cells "1" to "14"."""
    rows = (
        circumstances_in_force(commune_id, period)
        .filter(child_id__in=stock.values("pk"))
        .values("group")
        .annotate(children=Count("child_id", distinct=True))
        .order_by()
    )
    found = {row["group"]: row["children"] for row in rows}
    return {number: found.get(group, 0) for group, number in codes.GROUP_NUMBER.items()}
