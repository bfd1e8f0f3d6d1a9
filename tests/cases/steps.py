"""A case taken through the real step services, as far as a test needs it."""

import datetime

from django.utils import timezone

from cases.casework import assessments, plans
from cases.casework.moves import case_open, case_transition
from cases.models import RiskCriterion, RiskLevel
from tests.cases.factories import submit
from tests.registry.factories import ChildFactory


def open_case(cast, places, *, level="can_thiep", **child_fields):
    child = ChildFactory(residential_group=places.group_a, **child_fields)
    report = submit(cast.leader_a, places.group_a, child=child, child_name="")
    return case_open(actor=cast.officer, report=report, level=level)


def rate_all(form: str, level: str = RiskLevel.LOW) -> dict[int, str]:
    return {c.pk: level for c in RiskCriterion.objects.filter(form=form, active=True)}


def initial(cast, case, conclusion="no_emergency", level=RiskLevel.LOW):
    assessments.risk_assessment_record(
        actor=cast.officer,
        case=case,
        form="m02",
        answers=rate_all("m02", level),
        conclusion=conclusion,
    )
    case.refresh_from_db()
    return case


DETAILED = {
    "physical": "Vết bầm ở tay, sợ hãi khi nhắc đến bố dượng",
    "family": "Sống với mẹ và bố dượng",
    "needs": "Khám sức khỏe, tư vấn tâm lý",
    "child_views": "Muốn ở với bà ngoại",
    "caregiver_views": "Mẹ muốn con ở nhà",
}


def detailed(cast, case, **fields):
    assessments.detailed_assessment_save(
        actor=cast.officer, case=case, fields={**DETAILED, **fields}, version=None
    )
    assessments.needs_meeting_record(
        actor=cast.officer,
        case=case,
        fields={
            "held_at": timezone.now(),
            "chaired_by": cast.chairman.full_name,
            "participants": "Chủ tịch UBND xã, cán bộ VH-XH, trưởng thôn, mẹ của trẻ",
            "decisions": "Khám sức khỏe tại trạm y tế; tư vấn cho mẹ",
        },
    )
    return case_transition(actor=cast.officer, case=case, to="planning")


ROW = {
    "service": "ct_a",
    "description": "Khám sức khỏe và điều trị vết thương",
    "organisation": "health_station",
    "person": "Y sĩ Hồ Thị Lan",
    "provider": "Trạm Y tế xã",
    "budget_vnd": 1_500_000,
}


def rows(count=1):
    today = timezone.localdate()
    return [
        {
            **ROW,
            "start_on": today,
            "expected_end_on": today + datetime.timedelta(days=30),
        }
        for _ in range(count)
    ]


def planned(cast, case, count=1):
    plans.plan_save(
        actor=cast.officer, case=case, goal="Trẻ an toàn", items=rows(count)
    )
    plans.plan_submit(actor=cast.officer, case=case)
    case.refresh_from_db()
    return case


def approved(cast, places, **kwargs):
    case = open_case(cast, places, **kwargs)
    case = detailed(cast, initial(cast, case))
    case = planned(cast, case)
    plans.plan_approve(actor=cast.chairman, case=case)
    case.refresh_from_db()
    return case


def planned_again(cast, case):
    """Submit the adjustment drafted by plans.plan_adjust."""
    plans.plan_submit(actor=cast.officer, case=case)
    case.refresh_from_db()
    return case


def final_review(cast, case, conclusion="close"):
    """Mẫu 06 for a case under review."""
    assessments.risk_assessment_record(
        actor=cast.officer,
        case=case,
        form="m06",
        answers=rate_all("m06"),
        conclusion=conclusion,
    )
    case.refresh_from_db()
    return case
