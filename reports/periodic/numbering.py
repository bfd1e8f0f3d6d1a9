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
