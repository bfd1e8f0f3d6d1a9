"""Project-wide guarantees: deploy checks, migrations, headers, health, lint, translations."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent


def test_check_deploy_is_clean_with_production_settings():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "batochild.settings.production",
        "DJANGO_SECRET_KEY": "x" * 20
        + "-a-long-random-production-like-secret-value-"
        + "y" * 20,
        "DJANGO_ALLOWED_HOSTS": "batochild.example.vn",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_healthz_answers_without_login_and_touches_the_database(
    client, django_assert_num_queries
):
    with django_assert_num_queries(1):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_pages_carry_security_headers(client):
    response = client.get(reverse("accounts:login"))
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "'unsafe-inline'" not in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_pages_are_vietnamese_even_for_an_english_browser(client):
    response = client.get(
        reverse("accounts:login"), headers={"Accept-Language": "en-US,en"}
    )
    assert 'lang="vi"' in response.text
    assert "Đăng nhập" in response.text


@pytest.mark.django_db
def test_the_language_switch_offers_english(client):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("accounts:login")}
    )
    assert response.status_code == 302
    page = client.get(reverse("accounts:login"))
    assert 'lang="en"' in page.text
    assert "Sign in" in page.text


def test_vietnamese_dates_are_read_day_first():
    from django import forms
    from django.utils import translation

    with translation.override("vi"):
        field = forms.DateField()
        assert field.clean("03/04/2026").isoformat() == "2026-04-03"


def test_ruff_finds_nothing_to_fix():
    ruff = Path(sys.executable).with_name("ruff")
    lint = subprocess.run(
        [ruff, "check", "."], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert lint.returncode == 0, lint.stdout
    fmt = subprocess.run(
        [ruff, "format", "--check", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert fmt.returncode == 0, fmt.stdout


def test_vietnamese_translation_is_complete():
    po = (ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po").read_text(
        encoding="utf-8"
    )
    entries = po.split("\n\n")[1:]  # the first block is the header
    fuzzy = [e for e in entries if "#, fuzzy" in e]
    untranslated = [
        e for e in entries if re.search(r'^msgstr(\[\d\])? ""\Z', e.rstrip(), re.M)
    ]
    assert not fuzzy, fuzzy[:3]
    assert not untranslated, untranslated[:3]


def _msgids(po_text: str) -> set[str]:
    """(msgctxt, msgid) pairs of a .po file, continuation lines joined."""
    found, current, key = set(), {}, None
    for line in [*po_text.splitlines(), ""]:
        if line.startswith(("msgctxt ", "msgid ", "msgid_plural ", "msgstr")):
            key = line.split(" ", 1)[0]
            current[key] = line.split(" ", 1)[1].strip('"')
        elif line.startswith('"') and key:
            current[key] += line.strip('"')
        elif not line.strip():
            if current.get("msgid"):
                found.add((current.get("msgctxt", ""), current["msgid"]))
            current, key = {}, None
    return found


def test_translation_catalogue_is_up_to_date(tmp_path):
    """Every string marked in the code has an entry in the committed vi catalogue."""
    ignore = shutil.ignore_patterns(
        ".venv", ".local", ".git", "staticfiles", "vendor", "*.pyc"
    )
    copy = tmp_path / "src"
    shutil.copytree(ROOT, copy, ignore=ignore)
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "vi",
            "--no-location",
            "--ignore=tests",
        ],
        cwd=copy,
        capture_output=True,
        check=True,
    )
    fresh = _msgids(
        (copy / "locale/vi/LC_MESSAGES/django.po").read_text(encoding="utf-8")
    )
    committed = _msgids(
        (ROOT / "locale/vi/LC_MESSAGES/django.po").read_text(encoding="utf-8")
    )
    missing = fresh - committed
    assert not missing, f"run `make messages` and translate: {sorted(missing)[:5]}"


def test_every_beat_entry_names_a_registered_task(settings):
    from batochild.celery import app

    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks, entry["task"]


@pytest.mark.django_db
def test_error_pages_are_vietnamese_without_a_stack_trace(client, settings, cast):
    settings.DEBUG = False
    client.force_login(cast.leader_a)
    response = client.get("/children/00000000-0000-0000-0000-000000000000/")
    assert response.status_code in (403, 404)
    assert "Traceback" not in response.text
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    assert "Không tìm thấy trang" in missing.text
    huge = client.post("/incidents/report/", {"child_state": "x" * (3 * 1024 * 1024)})
    assert huge.status_code == 400
    assert "Không đọc được yêu cầu" in huge.text
