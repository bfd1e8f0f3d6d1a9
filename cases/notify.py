"""Who hears about incident reports, and when (notifications come through the
outbox in accounts, so nothing is lost if the broker is down).

Titles and e-mails name the kind, the residential group and the severity only:
never the child or the narrative (NĐ 56 Điều 24: confidentiality).
"""

import logging

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import Role, User
from accounts.notifications import notify

logger = logging.getLogger(__name__)


def _commune_users(commune_id, *roles) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True,
            assignments__commune_id=commune_id,
            assignments__role__in=roles,
        )
        .distinct()
        .order_by("pk")
    )


def _report_url(report) -> str:
    try:
        return reverse("cases:incident_detail", args=[report.code])
    except NoReverseMatch:
        logger.warning("cases:incident_detail is not routed; notification has no link")
        return ""


def _send(report, *, roles, kind: str, title_text: str) -> None:
    url = _report_url(report)
    with translation.override(settings.LANGUAGE_CODE):
        params = {
            "kind": report.get_kind_display(),
            "group": report.residential_group.name,
            "severity": report.get_severity_display(),
        }
        title = title_text % params
        body = "\n\n".join(
            [
                title,
                _("Sign in to BaToChild to see the report: %(url)s")
                % {"url": url or "/"},
                _("Please do not forward this e-mail."),
            ]
        )
        notify(
            users=_commune_users(report.commune_id, *roles),
            commune=report.commune,
            kind=kind,
            title=title,
            url=url,
            # The subject crosses outside mail servers: no kind, place or severity.
            email_subject="[BaToChild] " + str(_("A message about an incident report")),
            email_body=body,
        )


def incident_submitted(report) -> None:
    """Called inside the submitting transaction: tell the commune's officers."""
    with translation.override(settings.LANGUAGE_CODE):
        title_text = _("New incident report: %(kind)s, %(group)s (%(severity)s)")
    _send(
        report,
        roles=[Role.OFFICER],
        kind="incident.submitted",
        title_text=title_text,
    )


def incident_triage_overdue(report) -> None:
    """Called by the beat task when a report waited too long for triage."""
    with translation.override(settings.LANGUAGE_CODE):
        title_text = _(
            "Not yet triaged: %(kind)s, %(group)s (%(severity)s). Please handle it."
        )
    _send(
        report,
        roles=[Role.OFFICER, Role.CHAIRMAN],
        kind="incident.triage_overdue",
        title_text=title_text,
    )
