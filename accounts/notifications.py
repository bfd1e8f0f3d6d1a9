"""Notifications: an in-app list per user, and e-mail through a PostgreSQL outbox.

`notify` writes both in the caller's transaction. After commit it asks Celery to
drain the outbox; if the broker is down that request is only logged, because the
beat task drains the outbox every minute anyway: nothing is lost.
"""

import datetime
import logging
from collections.abc import Iterable

import kombu.exceptions
import redis.exceptions
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from accounts.models import Notification, OutboxMessage, User

logger = logging.getLogger(__name__)

# Messages that failed this many times are left for a person to look at.
MAX_ATTEMPTS = 20  # with the back-off: about four days of trying
LEASE = datetime.timedelta(minutes=10)

BROKER_ERRORS = (
    kombu.exceptions.OperationalError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    OSError,
)


def notify(
    *,
    users: Iterable[User],
    commune,
    kind: str,
    title: str,
    url: str = "",
    email_subject: str = "",
    email_body: str = "",
) -> list[Notification]:
    """Tell each user (once) in the app, and by e-mail when they have an address."""
    unique = {user.pk: user for user in users if user.is_active}
    if not unique:
        return []
    notifications = Notification.objects.bulk_create(
        Notification(
            user=user,
            commune=commune,
            kind=kind,
            title=str(title)[:250],
            url=url,
        )
        for user in unique.values()
    )
    subject = str(email_subject or title)[:250]
    body = str(email_body or title)
    messages = [
        OutboxMessage(
            notification=notification,
            to_email=notification.user.email,
            subject=subject,
            body=body,
        )
        for notification in notifications
        if notification.user.email
    ]
    if messages:
        OutboxMessage.objects.bulk_create(messages)
        transaction.on_commit(_request_drain)
    return notifications


def _request_drain() -> None:
    from accounts.tasks import drain_outbox

    app = drain_outbox.app
    try:
        if app.conf.task_always_eager:
            drain_outbox.apply_async()
            return
        # With Redis down, fail within a moment instead of holding the request for
        # kombu's default reconnection attempts.
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, interval_start=0, timeout=2)
            drain_outbox.apply_async(retry=False, connection=connection)
    except BROKER_ERRORS:
        logger.warning(
            "Broker unavailable; the outbox will be drained by beat", exc_info=True
        )


def _backoff(attempts: int) -> datetime.timedelta:
    """1, 2, 4 … minutes, at most 6 hours: a mail server down for a day still
    gets every message once it is back."""
    return datetime.timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def _claim(limit: int) -> list[OutboxMessage]:
    """Lease up to `limit` due messages in a short transaction (SKIP LOCKED: two
    workers never take the same row; the lease lets a killed worker's rows
    come back later instead of being lost or sent twice at once)."""
    now = timezone.now()
    with transaction.atomic():
        batch = list(
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(
                sent_at__isnull=True,
                attempts__lt=MAX_ATTEMPTS,
                next_attempt_at__lte=now,
            )
            .order_by("next_attempt_at", "pk")[:limit]
        )
        for message in batch:
            message.attempts += 1
            message.next_attempt_at = now + LEASE
            message.save(update_fields=["attempts", "next_attempt_at"])
    return batch


def outbox_drain(limit: int = 100) -> int:
    """Send due e-mails, oldest first; returns how many went out.

    Each message is sent outside any transaction and its result saved on its own,
    so one slow or failing message neither stops nor repeats the others.
    """
    sent = 0
    for message in _claim(limit):
        try:
            send_mail(
                message.subject,
                message.body,
                settings.DEFAULT_FROM_EMAIL,
                [message.to_email],
            )
        except Exception as exc:  # noqa: BLE001 (one bad message must not stop the rest)
            logger.warning("Outbox message %s not sent: %s", message.pk, exc)
            OutboxMessage.objects.filter(pk=message.pk).update(
                last_error=f"{type(exc).__name__}: {exc}"[:2000],
                next_attempt_at=timezone.now() + _backoff(message.attempts),
            )
            if message.attempts >= MAX_ATTEMPTS:
                logger.error(
                    "Outbox message %s given up after %s attempts",
                    message.pk,
                    message.attempts,
                )
            continue
        OutboxMessage.objects.filter(pk=message.pk).update(sent_at=timezone.now())
        sent += 1
    return sent


# --- Selectors ---


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def notifications_for(user, limit: int = 30) -> list[Notification]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(
        Notification.objects.filter(user=user).order_by("-created_at", "-pk")[:limit]
    )


def mark_all_read(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
