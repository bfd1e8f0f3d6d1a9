"""The shared cast: one commune with two groups, a second commune, and a user for
every role (STYLE.md §3.8). Tests read as sentences about these people."""

from types import SimpleNamespace

import pytest

from accounts.models import Role
from tests.factories import CommuneFactory, ResidentialGroupFactory, user_with_role


@pytest.fixture
def places(db):
    commune = CommuneFactory(name="Ba Tơ", admin_code="21484")
    other = CommuneFactory(name="Ba Vì", admin_code="21529", province=commune.province)
    return SimpleNamespace(
        commune=commune,
        other_commune=other,
        group_a=ResidentialGroupFactory(commune=commune, name="Tổ dân phố 1"),
        group_b=ResidentialGroupFactory(commune=commune, name="Tổ dân phố 2"),
        other_group=ResidentialGroupFactory(commune=other, name="Thôn 1"),
    )


@pytest.fixture
def cast(places):
    c = places.commune
    return SimpleNamespace(
        officer=user_with_role(Role.OFFICER, commune=c, username="officer"),
        chairman=user_with_role(Role.CHAIRMAN, commune=c, username="chairman"),
        leader_a=user_with_role(
            Role.GROUP_LEADER, commune=c, group=places.group_a, username="leader_a"
        ),
        leader_b=user_with_role(
            Role.GROUP_LEADER, commune=c, group=places.group_b, username="leader_b"
        ),
        partner=user_with_role(
            Role.PARTNER, commune=c, username="partner", organisation="health_station"
        ),
        clerk=user_with_role(Role.CLERK, commune=c, username="clerk"),
        province_viewer=user_with_role(
            Role.PROVINCE_VIEWER, province=c.province, username="province"
        ),
        admin=user_with_role(Role.ADMIN, commune=c, username="admin", is_staff=True),
        other_officer=user_with_role(
            Role.OFFICER, commune=places.other_commune, username="other_officer"
        ),
    )


CAST = (
    "officer",
    "chairman",
    "leader_a",
    "leader_b",
    "partner",
    "clerk",
    "province_viewer",
    "admin",
    "other_officer",
)


@pytest.fixture
def english():
    """Service messages in English (the msgids), for tests that match on them;
    pages stay Vietnamese, as the middleware sets each request's language."""
    from django.utils import translation

    with translation.override("en"):
        yield
