"""Automatic upkeep of the registry, run every night by Celery beat.

Two jobs keep the officer's list true without anyone touching it:

* a child reaches 16 and leaves the law's definition of a child: "Trẻ em là
  người dưới 16 tuổi." (Luật Trẻ em 2016 Điều 1). The record is kept and
  marked aged out (DOMAIN.md §1), never deleted;
* a health-insurance card is about to run out (Luật BHYT Điều 16 sets how long
  a card is valid; an under-6 card ends at 72 months, DOMAIN.md §14.1): the
  child is flagged so the officer renews it before the child is left uncovered.

Both are safe to run twice, or on two workers at once: every write is a
conditional UPDATE that only the first run can win.
"""

import datetime

from django.db import transaction
from django.db.models import DateField, ExpressionWrapper, F
from django.utils import timezone

from accounts.services import audit_record
from registry.models import Child, ChildEvent
from registry.models.children import CHILD_AGE_LIMIT
from registry.selectors import EXPIRY_WARNING

# Stored as the status reason, like the reasons officers type: records are kept
# in Vietnamese, so this is data, not an interface string to translate.
AGED_OUT_REASON = "Đủ 16 tuổi"


def sixteenth_birthday(birth_date: datetime.date) -> datetime.date:
    """The day a child stops being a child (Luật Trẻ em Điều 1: under 16).

    Someone born on 29 February turns 16 on 1 March when that year has no
    29 February. 16 being a multiple of 4, this only happens across a century
    year that is not a leap year (born 29/02/2084 → 01/03/2100).
    """
    try:
        return birth_date.replace(year=birth_date.year + CHILD_AGE_LIMIT)
    except ValueError:
        return datetime.date(birth_date.year + CHILD_AGE_LIMIT, 3, 1)


def _latest_birth_date_aged_out(today: datetime.date) -> datetime.date:
    """The latest birth date whose 16th birthday is on or before `today`.

    `sixteenth_birthday` never decreases as the birth date grows, so
    "birth_date <= this" selects exactly the children who are 16 by `today`.
    """
    try:
        return today.replace(year=today.year - CHILD_AGE_LIMIT)
    except ValueError:  # today is 29 February, 16 years ago had none
        return datetime.date(today.year - CHILD_AGE_LIMIT, 2, 28)


def children_age_out(*, today: datetime.date) -> int:
    """Mark every active child who is 16 by `today` as aged out; return how many.

    Luật Trẻ em Điều 1: a child is under 16. The status changes on the 16th
    birthday itself, with the reason "Đủ 16 tuổi" and a timeline entry. The
    record stays (DOMAIN.md §1, §13 retention).

    Each child is claimed in its own short transaction rather than one for the
    whole run: a child the officer is editing is held only for a moment, and a
    run cut short keeps the children it finished (the next run does the rest).
    Idempotent; soft-deleted children are never touched.
    """
    candidates = (
        Child.objects.active()
        .filter(birth_date__lte=_latest_birth_date_aged_out(today))
        .select_related("commune")
        .order_by("pk")
    )
    return sum(_child_age_out(child=child) for child in candidates)


@transaction.atomic
def _child_age_out(*, child: Child) -> bool:
    """Claim one child with a conditional UPDATE; False if another run (or an
    officer archiving the child meanwhile) got there first."""
    on = sixteenth_birthday(child.birth_date)
    claimed = Child.objects.filter(pk=child.pk, status=Child.Status.ACTIVE).update(
        status=Child.Status.AGED_OUT,
        status_changed_on=on,
        status_reason=AGED_OUT_REASON,
        # An edit form opened before tonight must not silently overwrite this.
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    if not claimed:
        return False
    ChildEvent.objects.create(
        child=child,
        commune=child.commune,
        actor=None,
        kind=ChildEvent.Kind.STATUS,
        changes={"status": [Child.Status.ACTIVE, Child.Status.AGED_OUT]},
        note=AGED_OUT_REASON,
    )
    audit_record(
        actor=None,
        action="child.status",
        obj=child,
        commune=child.commune,
        detail={"status": Child.Status.AGED_OUT},
    )
    return True


@transaction.atomic
def insurance_flag_expiring(
    *, today: datetime.date, within_days: int = EXPIRY_WARNING.days
) -> int:
    """Flag active children whose health-insurance card ends within `within_days`.

    Luật BHYT Điều 16 fixes how long a card is valid (an under-6 card until the
    child is 72 months old, DOMAIN.md §14.1); the officer needs the warning
    before the day, so the card is renewed in time. Returns how many children
    were newly flagged. Idempotent: a child is flagged once per card.

    A renewed card moves the expiry date: a flag set before the new card's
    warning window started belongs to the old card, so it is cleared and the
    new card can be flagged when its own time comes.
    """
    window = datetime.timedelta(days=within_days)
    active = Child.objects.active()
    window_start = ExpressionWrapper(F("insurance_expiry") - window, DateField())
    active.filter(
        insurance_flagged_on__isnull=False, insurance_flagged_on__lt=window_start
    ).update(insurance_flagged_on=None)
    return active.filter(
        insurance_flagged_on__isnull=True,
        insurance_expiry__range=(today, today + window),
    ).update(insurance_flagged_on=today)


def insurance_flagged_count(user, *, today: datetime.date | None = None) -> int:
    """How many of the children `user` may see have a flagged card still to renew.

    For the officer's home page. A flag whose card has since expired (then the
    list shows it as missing) or been renewed no longer counts.
    """
    today = today or timezone.localdate()
    return (
        Child.objects.visible_to(user)
        .active()
        .filter(
            insurance_flagged_on__isnull=False,
            insurance_expiry__range=(today, today + EXPIRY_WARNING),
        )
        .count()
    )
