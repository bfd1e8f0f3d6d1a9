"""Reads of annual plans: the list, the gatekeeper and the plan in force."""

from django.db.models import Case, IntegerField, Value, When

from accounts.scope import get_visible_or_404
from reports.models import AnnualPlan

Status = AnnualPlan.Status


def plans_for(user, *, limit: int = 100):
    """The plans the user may see, latest year first."""
    return (
        AnnualPlan.objects.visible_to(user)
        .select_related("commune", "document")
        .order_by("-year", "-pk")[:limit]
    )


def plan_get_for_user(user, code) -> AnnualPlan:
    """Gatekeeper: the plan if `user` may see it, else 404."""
    return get_visible_or_404(
        AnnualPlan.objects.select_related("commune", "document", "adopted_by"),
        user,
        code=code,
    )


def plan_of_year(commune_id: int, year: int) -> AnnualPlan | None:
    """The commune's plan for `year`: the adopted one, else the draft. Scope is
    the caller's (a report of the commune, a page already gated)."""
    rank = Case(
        When(status=Status.ADOPTED, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return (
        AnnualPlan.objects.filter(
            commune_id=commune_id,
            year=year,
            status__in=[Status.ADOPTED, Status.DRAFT],
        )
        .order_by(rank, "-pk")
        .first()
    )


def plan_contents(plan: AnnualPlan) -> dict[str, list]:
    """Targets, content areas and tasks, in their order (three queries)."""
    return {
        "targets": list(plan.targets.filter(commune_id=plan.commune_id)),
        "areas": list(plan.areas.filter(commune_id=plan.commune_id)),
        "tasks": list(plan.tasks.filter(commune_id=plan.commune_id)),
    }
