"""The scope rule: who may see which rows (docs/permissions.md).

Every query of domain data starts from `Model.objects.visible_to(user)`; single
records come through `get_visible_or_404`, which answers 404 (never 403) outside
scope so that existence does not leak.
"""

from collections import defaultdict
from dataclasses import dataclass
from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.shortcuts import get_object_or_404

from accounts.models import Assignment, Role

# Roles that read every row of their commune's domain data by default.
COMMUNE_WIDE_ROLES = frozenset({Role.OFFICER, Role.CHAIRMAN})


@dataclass(frozen=True)
class Scope:
    """A user's assignments, reduced to the ids that scoping filters need."""

    roles_by_commune: dict[int, frozenset[str]]
    leader_group_ids: frozenset[int]
    province_ids: frozenset[int]
    # (commune id, organisation) pairs a partner acts for.
    partner_organisations: frozenset[tuple[int, str]] = frozenset()

    @property
    def roles(self) -> frozenset[str]:
        found = (
            set().union(*self.roles_by_commune.values())
            if self.roles_by_commune
            else set()
        )
        if self.province_ids:
            found.add(Role.PROVINCE_VIEWER)
        return frozenset(found)

    @property
    def commune_ids(self) -> frozenset[int]:
        return frozenset(self.roles_by_commune)

    def communes_for(self, *roles: str) -> frozenset[int]:
        """Communes where the user holds at least one of `roles`."""
        wanted = set(roles)
        return frozenset(
            c for c, held in self.roles_by_commune.items() if held & wanted
        )

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles & set(roles))


EMPTY_SCOPE = Scope({}, frozenset(), frozenset())


class CommuneReader:
    """Not a person: the commune's own reader, for system work done on a commune's
    behalf (beat computing a report's figures, the dashboards' rollups). Its scope
    is that one commune with the officer's reading rights; it cannot log in."""

    is_authenticated = True
    is_active = True

    def __init__(self, commune_id: int):
        self.scope = Scope(
            roles_by_commune={commune_id: frozenset({Role.OFFICER})},
            leader_group_ids=frozenset(),
            province_ids=frozenset(),
        )


def user_scope(user) -> Scope:
    """The user's scope, read once per user object (one query)."""
    if isinstance(user, CommuneReader):
        return user.scope
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return EMPTY_SCOPE
    cached = getattr(user, "_scope_cache", None)
    if cached is not None:
        return cached
    roles: dict[int, set[str]] = defaultdict(set)
    groups, provinces, organisations = set(), set(), set()
    rows = Assignment.objects.filter(user=user).values_list(
        "role", "commune_id", "residential_group_id", "province_id", "organisation"
    )
    for role, commune_id, group_id, province_id, organisation in rows:
        if organisation:
            organisations.add((commune_id, organisation))
        if commune_id:
            roles[commune_id].add(role)
        if group_id:
            groups.add(group_id)
        if province_id:
            provinces.add(province_id)
    scope = Scope(
        {c: frozenset(r) for c, r in roles.items()},
        frozenset(groups),
        frozenset(provinces),
        frozenset(organisations),
    )
    user._scope_cache = scope
    return scope


class CommuneScopedQuerySet(models.QuerySet):
    """Rows that belong to a commune, and optionally to a residential group.

    Subclasses tune two class attributes: which roles read the whole commune,
    and the field through which group leaders see their own group's rows.
    """

    commune_wide_roles: ClassVar[frozenset[str]] = COMMUNE_WIDE_ROLES
    group_field: ClassVar[str | None] = None

    def visible_to(self, user) -> "CommuneScopedQuerySet":
        scope = user_scope(user)
        condition = Q(commune_id__in=scope.communes_for(*self.commune_wide_roles))
        if self.group_field and scope.leader_group_ids:
            condition |= Q(**{f"{self.group_field}_id__in": scope.leader_group_ids})
        return self.filter(condition)


def get_visible_or_404(queryset: models.QuerySet, user, **lookup) -> models.Model:
    """The one gatekeeper: the row if `user` may see it, else Http404.

    "Missing" and "not yours" give the same answer on purpose.
    """
    return get_object_or_404(queryset.visible_to(user), **lookup)
