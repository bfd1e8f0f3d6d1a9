"""The scope rule over the whole cast (docs/permissions.md)."""

import pytest
from django.http import Http404

from accounts.models import Role
from accounts.scope import get_visible_or_404, user_scope
from registry.models import Commune, ResidentialGroup
from reports.models import GeneratedDocument
from tests.conftest import CAST
from tests.factories import UserFactory


def _names(queryset) -> set[str]:
    return {str(obj.name) for obj in queryset}


# Which communes each member of the cast sees.
COMMUNES_SEEN = {
    "officer": {"Ba Tơ"},
    "chairman": {"Ba Tơ"},
    "leader_a": {"Ba Tơ"},
    "leader_b": {"Ba Tơ"},
    "partner": {"Ba Tơ"},
    "clerk": {"Ba Tơ"},
    "province_viewer": {"Ba Tơ", "Ba Vì"},
    "admin": {"Ba Tơ"},
    "other_officer": {"Ba Vì"},
}


@pytest.mark.parametrize("member", CAST)
def test_each_member_sees_only_their_communes(cast, member):
    user = getattr(cast, member)
    assert _names(Commune.objects.visible_to(user)) == COMMUNES_SEEN[member]


GROUPS_SEEN = {
    "officer": {"Tổ dân phố 1", "Tổ dân phố 2"},
    "chairman": {"Tổ dân phố 1", "Tổ dân phố 2"},
    "leader_a": {"Tổ dân phố 1"},
    "leader_b": {"Tổ dân phố 2"},
    "partner": {"Tổ dân phố 1", "Tổ dân phố 2"},
    "clerk": {"Tổ dân phố 1", "Tổ dân phố 2"},
    "province_viewer": set(),
    "admin": {"Tổ dân phố 1", "Tổ dân phố 2"},
    "other_officer": {"Thôn 1"},
}


@pytest.mark.parametrize("member", CAST)
def test_group_leaders_see_only_their_own_group(cast, member):
    user = getattr(cast, member)
    assert _names(ResidentialGroup.objects.visible_to(user)) == GROUPS_SEEN[member]


DOCUMENT_READERS = {"officer", "chairman", "clerk"}


@pytest.mark.parametrize("member", CAST)
def test_documents_are_visible_to_commune_staff_only(cast, places, member):
    document = GeneratedDocument.objects.create(
        commune=places.commune, requested_by=cast.officer, kind="test_page", title="t"
    )
    user = getattr(cast, member)
    visible = GeneratedDocument.objects.visible_to(user)
    assert (document in visible) is (member in DOCUMENT_READERS)


@pytest.mark.parametrize("member", CAST)
def test_gatekeeper_answers_404_outside_scope(cast, places, member):
    user = getattr(cast, member)
    group = places.group_b
    queryset = ResidentialGroup.objects.all()
    if group.name in GROUPS_SEEN[member]:
        assert get_visible_or_404(queryset, user, code=group.code) == group
    else:
        with pytest.raises(Http404):
            get_visible_or_404(queryset, user, code=group.code)


def test_a_user_without_assignment_sees_nothing(places):
    user = UserFactory()
    assert not Commune.objects.visible_to(user).exists()
    assert not ResidentialGroup.objects.visible_to(user).exists()


def test_a_deactivated_user_loses_their_scope(cast):
    cast.officer.is_active = False
    assert not Commune.objects.visible_to(cast.officer).exists()


def test_anonymous_users_see_nothing(places):
    from django.contrib.auth.models import AnonymousUser

    assert not Commune.objects.visible_to(AnonymousUser()).exists()


def test_scope_unions_several_assignments(cast, places):
    from accounts.models import Assignment, Role

    Assignment.objects.create(
        user=cast.chairman, role=Role.OFFICER, commune=places.commune
    )
    cast.chairman.__dict__.pop("_scope_cache", None)  # read the new assignment
    scope = user_scope(cast.chairman)
    assert scope.roles == {Role.CHAIRMAN, Role.OFFICER}
    assert scope.communes_for(Role.OFFICER) == {places.commune.pk}


def test_scope_is_read_with_one_query(cast, django_assert_num_queries):
    with django_assert_num_queries(1):
        user_scope(cast.leader_a)
        user_scope(cast.leader_a)


def test_the_communes_own_reader_reads_that_commune_only(cast, places):
    from accounts.scope import CommuneReader
    from registry.models import Commune

    reader = CommuneReader(places.commune.pk)
    assert list(Commune.objects.visible_to(reader)) == [places.commune]
    assert user_scope(reader).communes_for(Role.OFFICER) == {places.commune.pk}
    assert not user_scope(reader).has_role(Role.CHAIRMAN, Role.CLERK)
