"""Reads of the registry: every query starts from visible_to(user)."""

import base64
import datetime
import json
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from accounts.models import Role
from accounts.scope import get_visible_or_404, user_scope
from batochild.lib.text import fold
from registry.circumstances import GROUPS
from registry.models import (
    Child,
    Commune,
    PublicHoliday,
    ResidentialGroup,
    SpecialCircumstance,
)

PAGE_SIZE = 50
EXPIRY_WARNING = datetime.timedelta(days=30)
# Age bands of the reports: under 3, 3-5 (pre-school, under-6 insurance), 6-10, 11-15.
_LAW_ORDER = list(GROUPS.values())
AGE_BANDS = {"0-2": (0, 2), "3-5": (3, 5), "6-10": (6, 10), "11-15": (11, 15)}


def commune_acting_for(user, *roles: str) -> Commune | None:
    """The commune in which the user acts with one of `roles` (the first by name
    when a person holds the role in several)."""
    ids = user_scope(user).communes_for(*(roles or tuple(Role)))
    return Commune.objects.visible_to(user).filter(id__in=ids).order_by("name").first()


def residential_group_get_for_user(user, code) -> ResidentialGroup:
    """Gatekeeper: the group if `user` may see it, else 404."""
    return get_visible_or_404(
        ResidentialGroup.objects.select_related("commune"), user, code=code
    )


def child_get_for_user(user, code) -> Child:
    """Gatekeeper: the child if `user` may see it, else 404 (soft-deleted: 404)."""
    queryset = Child.objects.select_related(
        "commune", "residential_group", "household", "ethnic_group", "created_by"
    ).prefetch_related("caregivers", "risk_categories", "circumstances")
    return get_visible_or_404(queryset, user, code=code)


def _birth_window(
    low: int, high: int, today: datetime.date
) -> tuple[datetime.date, datetime.date]:
    """Birth dates of children aged low..high years today."""

    def years_ago(n: int) -> datetime.date:
        try:
            return today.replace(year=today.year - n)
        except ValueError:  # 29 February
            return today.replace(year=today.year - n, day=28)

    return years_ago(high + 1) + datetime.timedelta(days=1), years_ago(low)


def search(queryset: QuerySet, text: str, *, by_personal_id: bool = True) -> QuerySet:
    """Accent-free and typo-tolerant: "nguyen thi doi" and "nguyen thi doii" both
    find "Nguyễn Thị Đới". Digits search the personal ID number, for those who
    may see it: otherwise a prefix search would reveal it digit by digit."""
    text = text.strip()
    if not text:
        return queryset
    if text.isdigit():
        if not by_personal_id:
            return queryset.none()
        return queryset.filter(personal_id__startswith=text)
    key = fold(text)
    # %> (word similarity) uses the trigram index; contains catches short queries.
    return queryset.filter(
        Q(search_key__contains=key) | Q(search_key__trigram_word_similar=key)
    )


def filter_children(queryset: QuerySet, filters: dict) -> QuerySet:
    """Apply the list filters (a ChildFilterForm's cleaned_data)."""
    today = timezone.localdate()
    if group := filters.get("group"):
        queryset = queryset.filter(residential_group=group)
    if classification := filters.get("classification"):
        queryset = queryset.filter(classification=classification)
    if circumstance := filters.get("circumstance"):
        # The commune condition lets the subquery use (commune, group): without it
        # PostgreSQL reads the whole province's circumstances (bench/README.md).
        open_rows = SpecialCircumstance.objects.filter(
            child=OuterRef("pk"),
            commune_id=OuterRef("commune_id"),
            group=circumstance,
            resolved_on__isnull=True,
        )
        queryset = queryset.filter(Exists(open_rows))
    if band := filters.get("age_band"):
        start, end = _birth_window(*AGE_BANDS[band], today)
        queryset = queryset.filter(birth_date__range=(start, end))
    if sex := filters.get("sex"):
        queryset = queryset.filter(sex=sex)
    if filters.get("disability") == "yes":
        queryset = queryset.exclude(disabilities=[])
    elif filters.get("disability") == "no":
        queryset = queryset.filter(disabilities=[])
    insurance = filters.get("insurance")
    if insurance == "missing":
        queryset = queryset.filter(
            Q(insurance_card_number="") | Q(insurance_expiry__lt=today)
        )
    elif insurance == "expiring":
        queryset = queryset.filter(
            insurance_expiry__range=(today, today + EXPIRY_WARNING)
        )
    status = filters.get("status") or Child.Status.ACTIVE
    if status != "all":
        queryset = queryset.filter(status=status)
    return search(queryset, filters.get("q") or "")


@dataclass(frozen=True)
class Page:
    rows: list
    next_cursor: str | None


def encode_cursor(child: Child) -> str:
    raw = json.dumps([child.full_name, child.pk]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, int] | None:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        name, pk = json.loads(raw)
        return str(name), int(pk)
    except (ValueError, TypeError):
        return None


def keyset_page(queryset: QuerySet, cursor: str | None, size: int = PAGE_SIZE) -> Page:
    """Name order (ICU Vietnamese), then id; O(page) at any depth, unlike OFFSET."""
    queryset = queryset.order_by("full_name", "pk")
    after = decode_cursor(cursor) if cursor else None
    if after is not None:
        name, pk = after
        # The redundant >= bounds the index scan; the OR alone would scan from the top.
        queryset = queryset.filter(
            Q(full_name__gte=name), Q(full_name__gt=name) | Q(full_name=name, pk__gt=pk)
        )
    rows = list(queryset[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    return Page(rows, encode_cursor(rows[-1]) if more else None)


# What a group leader's minimal list may be filtered on: the columns it shows.
# Filtering on anything else (circumstance, classification, disability, insurance,
# personal ID) would reveal it through which children come back.
MINIMAL_FILTERS = ("q", "group", "age_band", "sex")


def children_for(user, filters: dict) -> QuerySet:
    """The children the user may list, filtered; related rows fetched up front.

    Rows of communes where the user is officer or chairman take every filter;
    rows seen only as a group leader take the minimal ones, active children only.
    """
    base = Child.objects.visible_to(user).select_related(
        "residential_group", "household"
    )
    scope = user_scope(user)
    full_communes = scope.communes_for(Role.OFFICER, Role.CHAIRMAN)
    full = filter_children(base.filter(commune_id__in=full_communes), filters)
    if not scope.leader_group_ids:
        return full
    limited = {key: filters[key] for key in MINIMAL_FILTERS if key in filters}
    minimal = search(
        filter_children(
            base.exclude(commune_id__in=full_communes), {**limited, "q": ""}
        ),
        limited.get("q") or "",
        by_personal_id=False,
    )
    return minimal if not full_communes else full | minimal


def attach_open_circumstances(children: list[Child]) -> None:
    """Set `child.open_circumstances` (GroupInfo list, law order) for a whole page
    in one query, so the list's query count does not grow with its length."""
    found: dict[int, list] = {child.pk: [] for child in children}
    rows = SpecialCircumstance.objects.filter(
        child__in=children, resolved_on__isnull=True
    ).values_list("child_id", "group")
    for child_id, group in rows:
        found[child_id].append(GROUPS[group])
    for child in children:
        child.open_circumstances = sorted(set(found[child.pk]), key=_LAW_ORDER.index)


def working_calendar() -> tuple[frozenset, frozenset]:
    """(days off, swapped working Saturdays) for batochild.lib.workdays."""
    rows = PublicHoliday.objects.values_list("date", "day_off")
    days_off = frozenset(day for day, off in rows if off)
    extra = frozenset(day for day, off in rows if not off)
    return days_off, extra
