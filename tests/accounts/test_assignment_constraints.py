"""The database itself refuses assignments that break the role/place rules."""

import pytest
from django.db import IntegrityError

from accounts.models import Assignment, Role
from tests.factories import UserFactory


def test_a_group_leader_without_a_group_is_refused(places):
    with pytest.raises(IntegrityError):
        Assignment.objects.create(
            user=UserFactory(), role=Role.GROUP_LEADER, commune=places.commune
        )


def test_a_group_leader_of_a_group_in_another_commune_is_refused(places):
    with pytest.raises(IntegrityError, match="assignment_group_in_commune"):
        Assignment.objects.create(
            user=UserFactory(),
            role=Role.GROUP_LEADER,
            commune=places.commune,
            residential_group=places.other_group,
        )


def test_an_officer_cannot_carry_a_group(places):
    with pytest.raises(IntegrityError):
        Assignment.objects.create(
            user=UserFactory(),
            role=Role.OFFICER,
            commune=places.commune,
            residential_group=places.group_a,
        )


def test_a_province_viewer_needs_a_province_and_no_commune(places):
    with pytest.raises(IntegrityError):
        Assignment.objects.create(
            user=UserFactory(), role=Role.PROVINCE_VIEWER, commune=places.commune
        )


def test_every_other_role_needs_a_commune(places):
    with pytest.raises(IntegrityError):
        Assignment.objects.create(user=UserFactory(), role=Role.CHAIRMAN)


def test_a_valid_group_leader_assignment_is_accepted(places):
    assignment = Assignment.objects.create(
        user=UserFactory(),
        role=Role.GROUP_LEADER,
        commune=places.commune,
        residential_group=places.group_a,
    )
    assert assignment.pk
