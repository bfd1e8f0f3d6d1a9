"""Reads owned by accounts."""

from accounts.models import Assignment


def assignments_for(user) -> list[Assignment]:
    """The user's assignments with their places, for the home page."""
    return list(
        Assignment.objects.filter(user=user)
        .select_related("commune", "residential_group", "province")
        .order_by("role")
    )
