"""The menu shows each role only what it may use."""

import pytest
from django.urls import reverse

from tests.conftest import CAST

DOCUMENT_MENU = {"officer", "chairman", "clerk", "other_officer"}
ADMIN_MENU = {"admin"}
CHILDREN_MENU = {"officer", "chairman", "leader_a", "leader_b", "other_officer"}


@pytest.mark.parametrize("member", CAST)
def test_menu_entries_follow_the_role(client, cast, member):
    client.force_login(getattr(cast, member))
    response = client.get(reverse("home"))
    assert response.status_code == 200
    labels = [item.url_name for item in response.context["nav_items"]]
    assert ("reports:document_list" in labels) is (member in DOCUMENT_MENU)
    assert ("admin:index" in labels) is (member in ADMIN_MENU)
    assert ("registry:child_list" in labels) is (member in CHILDREN_MENU)
    assert labels[0] == "home"


def test_the_home_page_shows_the_roles_and_places(client, cast, places):
    client.force_login(cast.leader_a)
    response = client.get(reverse("home"))
    assert "Tổ trưởng" in response.text
    assert places.group_a.name in response.text
    assert places.group_b.name not in response.text


def test_a_user_without_role_is_told_to_ask_for_one(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    response = client.get(reverse("home"))
    assert "chưa được phân công" in response.text


def test_the_home_page_uses_a_fixed_number_of_queries(
    client, cast, django_assert_max_num_queries
):
    client.force_login(cast.officer)
    with django_assert_max_num_queries(8):
        client.get(reverse("home"))


@pytest.mark.parametrize("member", CAST)
def test_only_staff_reach_the_admin_site(client, cast, member):
    client.force_login(getattr(cast, member))
    response = client.get(reverse("admin:index"))
    if member in ADMIN_MENU:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert "/admin/login/" in response.url
