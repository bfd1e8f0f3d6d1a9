"""The audit log is append-only and records sign-ins, failures and sign-outs."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from accounts.models import AuditEntry
from accounts.services import audit_record
from tests.factories import PASSWORD


def test_the_database_refuses_to_update_an_audit_row(cast):
    entry = audit_record(actor=cast.officer, action="test.read")
    with (
        pytest.raises(DatabaseError, match="Cannot update or delete"),
        transaction.atomic(),
    ):
        AuditEntry.objects.filter(pk=entry.pk).update(action="tampered")
    entry.refresh_from_db()
    assert entry.action == "test.read"


def test_the_database_refuses_to_delete_an_audit_row(cast):
    entry = audit_record(actor=cast.officer, action="test.read")
    with (
        pytest.raises(DatabaseError, match="Cannot update or delete"),
        transaction.atomic(),
    ):
        entry.delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cur:
        cur.execute("DELETE FROM accounts_auditentry")
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_audit_rows_carry_role_time_ip_and_object(cast, places, rf):
    request = rf.get("/", REMOTE_ADDR="10.1.2.3")
    entry = audit_record(
        actor=cast.officer, action="group.viewed", obj=places.group_a, request=request
    )
    entry.refresh_from_db()
    assert entry.roles == "officer"
    assert entry.ip == "10.1.2.3"
    assert entry.object_type == "registry.residentialgroup"
    assert entry.object_id == str(places.group_a.code)
    assert entry.commune == places.commune
    assert entry.at.utcoffset().total_seconds() == 0  # stored and read back in UTC


def test_login_and_logout_are_recorded(client, cast):
    client.post(
        reverse("accounts:login"), {"username": "officer", "password": PASSWORD}
    )
    client.post(reverse("accounts:logout"))
    actions = list(
        AuditEntry.objects.filter(user=cast.officer)
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["auth.login", "auth.logout"]


def test_a_failed_login_is_recorded_without_the_password(client, cast):
    client.post(
        reverse("accounts:login"), {"username": "officer", "password": "wrong-pass"}
    )
    entry = AuditEntry.objects.get(action="auth.login_failed")
    assert entry.user is None
    assert entry.detail["username"] == "officer"
    assert "wrong-pass" not in str(entry.detail)


def test_a_forged_forwarded_for_header_is_ignored_without_a_proxy(cast, rf):
    request = rf.get("/", REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert (
        audit_record(actor=cast.officer, action="x", request=request).ip == "10.1.2.3"
    )


def test_behind_a_proxy_the_address_it_appended_is_the_client(cast, rf, settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    settings.AXES_IPWARE_PROXY_ORDER = "right-most"
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    request = rf.get(
        "/", REMOTE_ADDR="172.18.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.113.1.7"
    )
    assert (
        audit_record(actor=cast.officer, action="x", request=request).ip
        == "203.113.1.7"
    )


def test_changes_in_the_admin_site_are_audited(client, cast):
    from tests.factories import UserFactory

    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(root)
    url = reverse("admin:accounts_user_change", args=[cast.clerk.pk])
    response = client.post(
        url,
        {
            "username": "clerk",
            "full_name": "Lê Thị Thu",
            "email": "",
            "is_active": "on",
            "last_login_0": "",
            "last_login_1": "",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "08:00:00",
            "assignments-TOTAL_FORMS": "0",
            "assignments-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = AuditEntry.objects.get(action="admin.changed")
    assert entry.user == root
    assert entry.object_type == "accounts.user"
