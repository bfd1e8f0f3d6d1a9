"""Deadline reminders: before and at each case step's legal limit and each
referral's due date, to the people who must act (Luật Trẻ em Điều 6.15: help
that comes late is a prohibited act).

Every reminder has a key naming what it is for, the deadline itself and the
moment ("before" or "at"). The key is claimed in the SentReminder ledger with
INSERT … ON CONFLICT DO NOTHING in the same transaction as the notification, so
two beats or workers never both send it, a failed send leaves it for the next
run, and a moved deadline gets reminders of its own.

Texts name the case reference and the step, never the child (NĐ 56 Điều 24):
they leave the app by e-mail.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db import connection, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import dateformat, timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Role, User
from accounts.notifications import notify
from cases.models import Case, CaseStatus, Referral, SentReminder

logger = logging.getLogger(__name__)

C = CaseStatus

# How long before a case deadline the "before" reminder goes: the 12-hour steps
# (NĐ 56 Điều 26.3, 31.2) leave 3 hours to act, the others a day.
CASE_LEADS: dict[str, datetime.timedelta] = {
    C.RECEIVED: datetime.timedelta(hours=3),
    C.INITIAL_ASSESSMENT: datetime.timedelta(hours=3),
    C.EMERGENCY: datetime.timedelta(hours=3),
}
DEFAULT_LEAD = datetime.timedelta(days=1)
# A referral is due on a date: reminded the day before, and once the day is over.
REFERRAL_LEAD = datetime.timedelta(days=1)

BEFORE, AT = "before", "at"

_CLAIM_SQL = (
    'INSERT INTO cases_sentreminder ("key", commune_id, sent_at) '
    'VALUES (%s, %s, %s) ON CONFLICT ("key") DO NOTHING RETURNING "key"'
)


@dataclass(frozen=True)
class _Due:
    key: str
    commune_id: int
    send: Callable[[], None]
    # Re-checked inside the claim's transaction: the row may have moved on since
    # it was read (a case to its next step, a referral acknowledged and done).
    still_due: Callable[[], bool] = lambda: True


class _People:
    """Chairmen and partners, read once per commune (and organisation) per run."""

    def __init__(self):
        self._found: dict[tuple, list[User]] = {}

    def assigned(self, commune_id: int, role: str, organisation: str = "") -> list:
        key = (commune_id, role, organisation)
        if key not in self._found:
            # One filter() call: role, commune and organisation of the same row.
            assignment = {
                "assignments__commune_id": commune_id,
                "assignments__role": role,
            }
            if organisation:
                assignment["assignments__organisation"] = organisation
            self._found[key] = list(
                User.objects.filter(is_active=True, **assignment)
                .distinct()
                .order_by("pk")
            )
        return self._found[key]


def send_case_reminders(now: datetime.datetime | None = None) -> int:
    """Send the case and referral reminders due at `now`; returns how many went
    out (each to all its recipients). Safe to run concurrently and repeatedly."""
    now = now or timezone.now()
    people = _People()
    due = [*_due_cases(now, people), *_due_referrals(now, people)]
    # Most are already in the ledger (long-overdue cases come back every run):
    # one read skips them without an INSERT each.
    known = set(
        SentReminder.objects.filter(key__in=[d.key for d in due]).values_list(
            "key", flat=True
        )
    )
    sent = 0
    for reminder in due:
        if reminder.key in known:
            continue
        try:
            with transaction.atomic():
                if not reminder.still_due() or not _claim(
                    reminder.key, reminder.commune_id
                ):
                    continue
                reminder.send()
        except Exception:
            # Rolled back with its claim: retried next run, and the others still go.
            logger.exception("Reminder %s not sent", reminder.key)
            continue
        sent += 1
    return sent


def _claim(key: str, commune_id: int) -> bool:
    """True for the one transaction that inserts the key; a concurrent one waits
    for it on the unique index and then inserts nothing."""
    with connection.cursor() as cursor:
        cursor.execute(_CLAIM_SQL, [key, commune_id, timezone.now()])
        return cursor.fetchone() is not None


def _moment(deadline, now, lead) -> str | None:
    """AT once the deadline is reached (and from then on never BEFORE), BEFORE
    within the lead, else nothing yet."""
    if now >= deadline:
        return AT
    if now >= deadline - lead:
        return BEFORE
    return None


def _due_cases(now, people: _People):
    cases = (
        Case.objects.open()
        .filter(due_at__lte=now + max(DEFAULT_LEAD, *CASE_LEADS.values()))
        .select_related("caseworker", "commune")
        .order_by("due_at", "pk")
    )
    for case in cases:
        moment = _moment(case.due_at, now, CASE_LEADS.get(case.status, DEFAULT_LEAD))
        if moment:
            stamp = case.due_at.astimezone(datetime.UTC).isoformat()
            yield _Due(
                f"case:{case.pk}:{stamp}:{moment}",
                case.commune_id,
                partial(_remind_case, case, moment, people),
                Case.objects.open()
                .filter(pk=case.pk, status=case.status, due_at=case.due_at)
                .exists,
            )


def _due_referrals(now, people: _People):
    today = timezone.localdate(now)
    referrals = (
        Referral.objects.open()
        .exclude(case__status=C.CLOSED)
        .filter(due_on__lte=today + REFERRAL_LEAD)
        .select_related("case__caseworker", "case__commune")
        .order_by("due_on", "pk")
    )
    for referral in referrals:
        # Due on a date: "at" once that whole day has passed.
        moment = AT if today > referral.due_on else BEFORE
        yield _Due(
            f"referral:{referral.pk}:{referral.due_on.isoformat()}:{moment}",
            referral.commune_id,
            partial(_remind_referral, referral, moment, people),
            Referral.objects.open()
            .filter(pk=referral.pk, due_on=referral.due_on)
            .exclude(case__status=C.CLOSED)
            .exists,
        )


def _remind_case(case: Case, moment: str, people: _People) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        params = {
            "reference": case.reference,
            "step": case.get_status_display(),
            "deadline": dateformat.format(timezone.localtime(case.due_at), "H:i d/m/Y"),
        }
        if moment == BEFORE:
            title = _("Case %(reference)s: “%(step)s” is due at %(deadline)s.")
        else:
            title = _(
                "Case %(reference)s is overdue: “%(step)s” was due at %(deadline)s."
            )
        _notify(
            [case.caseworker, *people.assigned(case.commune_id, Role.CHAIRMAN)],
            case=case,
            kind=f"case.deadline_{moment}",
            title=title % params,
            url=reverse("cases:case_detail", args=[case.code]),
        )


def _remind_referral(referral: Referral, moment: str, people: _People) -> None:
    case = referral.case
    with translation.override(settings.LANGUAGE_CODE):
        params = {
            "reference": case.reference,
            "organisation": referral.get_organisation_display(),
            "date": dateformat.format(referral.due_on, "d/m/Y"),
        }
        if moment == BEFORE:
            title = _(
                "Referral of case %(reference)s to %(organisation)s is due on %(date)s."
            )
        else:
            title = _(
                "Referral of case %(reference)s to %(organisation)s is overdue: it was due on %(date)s."
            )
        title %= params
        partners = people.assigned(
            referral.commune_id, Role.PARTNER, referral.organisation
        )
        # Partners do not see the case page: they get the referral's.
        _notify(
            partners,
            case=case,
            kind=f"referral.due_{moment}",
            title=title,
            url=_referral_url(referral),
        )
        _notify(
            [case.caseworker],
            case=case,
            kind=f"referral.due_{moment}",
            title=title,
            url=reverse("cases:case_detail", args=[case.code]),
        )


def _referral_url(referral: Referral) -> str:
    try:
        return reverse("cases:referral_detail", args=[referral.code])
    except NoReverseMatch:  # the partners' referral pages are not routed yet
        return ""


def _notify(users, *, case: Case, kind: str, title: str, url: str = "") -> None:
    body = "\n\n".join(
        [
            title,
            _("Sign in to BaToChild to see it: %(url)s") % {"url": url or "/"},
            _("Please do not forward this e-mail."),
        ]
    )
    notify(
        users=users,
        commune=case.commune,
        kind=kind,
        title=title,
        url=url,
        # The subject crosses outside mail servers: nothing about the case.
        email_subject="[BaToChild] " + str(_("A deadline reminder")),
        email_body=body,
    )
