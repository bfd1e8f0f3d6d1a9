"""The commune's yearly number sequence (NĐ 30 Điều 15: one sequence per year,
across document types). The sequence row is locked while a number is given and
the number belongs to the same transaction as the issue: a rolled-back issue
gives its number back, so numbers stay unique and without gaps."""

from reports.models import NumberSequence


def number_next(*, commune_id: int, year: int) -> int:
    """Take the next number; call inside the issuing transaction."""
    NumberSequence.objects.bulk_create(
        [NumberSequence(commune_id=commune_id, year=year)], ignore_conflicts=True
    )
    sequence = NumberSequence.objects.select_for_update().get(
        commune_id=commune_id, year=year
    )
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number


def last_issued_on(commune_id: int, year: int):
    """The latest issue date of the commune's numbered documents of `year`."""
    from django.db.models import Max

    from reports.models import AnnualPlan, PeriodicReport

    dates = [
        PeriodicReport.objects.filter(
            commune_id=commune_id, number__isnull=False, issued_on__year=year
        ).aggregate(last=Max("issued_on"))["last"],
        AnnualPlan.objects.filter(
            commune_id=commune_id, number__isnull=False, adopted_on__year=year
        ).aggregate(last=Max("adopted_on"))["last"],
    ]
    found = [d for d in dates if d is not None]
    return max(found) if found else None
