"""Signing in: Vietnamese pages, throttling, one message for every failure, idle timeout."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.forms import LOGIN_FAILED
from tests.factories import PASSWORD

LOGIN = reverse("accounts:login")


def _login(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def _error_text(response) -> str:
    return str(response.context["form"].non_field_errors()[0])


def test_pages_require_login_and_redirect_to_the_login_page(client, cast):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_the_login_page_is_in_vietnamese(client, db):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert 'lang="vi"' in response.text
    assert "Đăng nhập" in response.text


def test_an_officer_signs_in_and_sees_the_home_page(client, cast):
    response = _login(client, "officer", PASSWORD)
    assert response.status_code == 302
    home = client.get(response.url)
    assert cast.officer.full_name in home.text


def test_unknown_user_wrong_password_and_locked_account_get_the_same_answer(
    client, cast
):
    unknown = _login(client, "nobody", PASSWORD)
    wrong = _login(client, "officer", "not-the-password")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "officer", "still-wrong")
    locked = _login(client, "officer", PASSWORD)  # right password, but locked out

    assert unknown.status_code == wrong.status_code == locked.status_code == 200
    assert (
        _error_text(unknown)
        == _error_text(wrong)
        == _error_text(locked)
        == LOGIN_FAILED
    )
    assert "_auth_user_id" not in client.session


def test_repeated_failures_lock_the_account_until_the_cooloff_ends(client, cast):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "officer", "wrong-password")
    assert _login(client, "officer", PASSWORD).status_code == 200  # refused
    later = datetime.timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1)
    with time_machine.travel(later, tick=False):
        assert _login(client, "officer", PASSWORD).status_code == 302


def test_a_forged_forwarded_for_header_does_not_dodge_the_lockout(client, cast):
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN,
            {"username": "officer", "password": "wrong"},
            headers={"X-Forwarded-For": f"10.9.9.{n}"},
        )
    response = client.post(
        LOGIN,
        {"username": "officer", "password": PASSWORD},
        headers={"X-Forwarded-For": "10.9.9.200"},
    )
    assert response.status_code == 200  # still locked: the header was not believed


def test_an_idle_session_expires(client, cast):
    client.force_login(cast.officer)
    assert client.get(reverse("home")).status_code == 200
    idle = datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE + 60)
    with time_machine.travel(idle):
        response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_an_active_session_stays_open(client, cast):
    client.force_login(cast.officer)
    step = datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)
    with time_machine.travel(step):
        assert client.get(reverse("home")).status_code == 200
        with time_machine.travel(step):
            assert client.get(reverse("home")).status_code == 200


@pytest.mark.parametrize("password", ["short1", "123456789012", "password1234"])
def test_weak_passwords_are_refused(db, password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_logout_needs_a_post(client, cast):
    client.force_login(cast.officer)
    assert client.get(reverse("accounts:logout")).status_code == 405
