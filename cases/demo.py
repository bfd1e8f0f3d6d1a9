"""Demo incident reports and cases for `make run`: one case at each kind of
moment the officer and chairman meet (an emergency clock running, a plan waiting
for approval, a referral waiting for the health station, a closed case) and one
report not yet triaged. Invented people; idempotent."""

import datetime
import uuid

from django.db import transaction
from django.utils import timezone

from accounts.models import Organisation, User
from cases import services as reports
from cases.casework import assessments, plans, referrals
from cases.casework.moves import case_open, case_transition
from cases.models import Case, RiskCriterion
from registry.models import Child, Commune

BA_TO = "21484"


def _report(leader, child, kind, severity, state):
    report, _ = reports.incident_submit(
        reporter=leader,
        fields={
            "residential_group": child.residential_group,
            "kind": kind,
            "occurred_at": timezone.now() - datetime.timedelta(hours=2),
            "severity": severity,
            "child": child,
            "child_state": state,
            "source": "",
        },
        informant={"anonymous": True},
        idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, f"demo:{child.code}:{kind}"),
    )
    return report


def _answers(form, level):
    return {c.pk: level for c in RiskCriterion.objects.filter(form=form, active=True)}


def _initial(officer, case, conclusion, level):
    assessments.risk_assessment_record(
        actor=officer,
        case=case,
        form="m02",
        answers=_answers("m02", level),
        conclusion=conclusion,
    )
    case.refresh_from_db()
    return case


def _prepared(officer, chairman, case):
    """Mẫu 03, the meeting and a submitted plan (Mẫu 04) with two rows."""
    assessments.detailed_assessment_save(
        actor=officer,
        case=case,
        fields={
            "physical": "Có vết bầm ở tay, hay giật mình, ít nói.",
            "family": "Sống với bố và mẹ kế; bố đi làm xa, ít về.",
            "needs": "Khám sức khỏe; tư vấn tâm lý; hỗ trợ học tập.",
            "child_views": "Muốn được ở với bà nội.",
            "caregiver_views": "Mẹ kế hứa sẽ không đánh trẻ.",
        },
        version=None,
    )
    assessments.needs_meeting_record(
        actor=officer,
        case=case,
        fields={
            "held_at": timezone.now() - datetime.timedelta(hours=1),
            "place": "Hội trường UBND xã",
            "chaired_by": chairman.full_name,
            "participants": "Chủ tịch UBND xã, công chức VH-XH, tổ trưởng, bà nội",
            "decisions": "Khám sức khỏe tại Trạm Y tế; tư vấn cho gia đình.",
        },
    )
    case = case_transition(actor=officer, case=case, to="planning")
    today = timezone.localdate()
    rows = [
        (
            "ct_a",
            "Khám sức khỏe, điều trị vết thương",
            Organisation.HEALTH_STATION,
            500_000,
        ),
        (
            "ct_dd",
            "Tư vấn kỹ năng làm cha mẹ cho gia đình",
            Organisation.WOMEN_UNION,
            300_000,
        ),
    ]
    plans.plan_save(
        actor=officer,
        case=case,
        goal="Trẻ được an toàn, được chăm sóc sức khỏe và tiếp tục đi học.",
        items=[
            {
                "service": service,
                "description": description,
                "start_on": today,
                "expected_end_on": today + datetime.timedelta(days=45),
                "organisation": organisation,
                "person": "",
                "provider": "",
                "budget_vnd": budget,
            }
            for service, description, organisation, budget in rows
        ],
    )
    plans.plan_submit(actor=officer, case=case)
    case.refresh_from_db()
    return case


@transaction.atomic
def demo_seed_cases() -> int:
    """Load the demo cases of Ba Tơ once; the number of cases created."""
    commune = Commune.objects.get(admin_code=BA_TO)
    if Case.objects.filter(commune=commune).exists():
        return 0
    people = {
        u.username: u
        for u in User.objects.filter(
            username__in=["canbo", "chutich", "totruong1", "totruong2"]
        )
    }
    officer, chairman = people["canbo"], people["chutich"]
    kids = list(
        Child.objects.filter(commune=commune, residential_group__name="Tổ dân phố 1")
        .select_related("residential_group")
        .order_by("pk")[:5]
    )
    leader = people["totruong1"]
    _report(
        leader, kids[4], "duoi_nuoc", "serious", "Được vớt lên kịp, đang ở trạm y tế."
    )

    made = []
    for child, kind in zip(
        kids[:4], ["bao_luc", "bo_mac", "bao_luc", "nga"], strict=True
    ):
        report = _report(leader, child, kind, "moderate", "Có vết bầm, sợ hãi.")
        made.append(case_open(actor=officer, report=report, level="can_thiep"))
    emergency, waiting, running, closed = made

    _initial(officer, emergency, "emergency", "cao")  # the 12-hour clock shows

    _prepared(
        officer, chairman, _initial(officer, waiting, "no_emergency", "trung_binh")
    )

    running = _prepared(
        officer, chairman, _initial(officer, running, "no_emergency", "thap")
    )
    plans.plan_approve(actor=chairman, case=running)
    referrals.referral_send(
        actor=officer,
        case=running,
        organisation=Organisation.HEALTH_STATION,
        request="Khám sức khỏe cho trẻ và ghi kết quả.",
        due_on=timezone.localdate() + datetime.timedelta(days=5),
    )

    case = _initial(officer, closed, "no_emergency", "thap")
    case_transition(
        actor=chairman,
        case=case,
        to="closed",
        note="Trẻ bị ngã khi chơi, không có dấu hiệu xâm hại; gia đình chăm sóc tốt.",
    )
    return len(made)
