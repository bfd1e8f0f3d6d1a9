"""A known commune for the annex: Ba Tơ's first half of 2025 (NĐ 09 cut-off:
15/12/2024 to 14/06/2025), built through the factories and the real case
services, with every figure the annex must find written down in EXPECTED.

Rows that must not count sit beside those that must: a day too early or too
late, soft-deleted, duplicate or dismissed, of the other commune.
"""

import datetime
import zoneinfo
from types import SimpleNamespace

import time_machine

from campaigns.models import Campaign
from cases import services as incident_services
from cases.casework import plans, referrals
from cases.casework.moves import case_open, case_transition
from registry.models import EthnicGroup
from tests.campaigns.factories import (
    ActivityFactory,
    AttendeeFactory,
    CampaignFactory,
    SupportFactory,
    TrainingFactory,
)
from tests.cases import steps
from tests.cases.factories import submit
from tests.registry.factories import ChildFactory, SpecialCircumstanceFactory

VIETNAM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
D = datetime.date
DATE_FROM, DATE_TO = D(2024, 12, 15), D(2025, 6, 14)


def local(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=VIETNAM)


def at(moment: datetime.datetime):
    return time_machine.travel(moment, tick=False)


def report(reporter, group, moment, **fields):
    """A report received at `moment` (Vietnam time), about an hour after it
    happened."""
    with at(moment):
        return submit(reporter, group, **fields)


def open_case(cast, group, moment, child, kind):
    """A report of `child` received at `moment`, and its case opened 30 minutes
    later by the officer."""
    received = report(
        cast.officer, group, moment, kind=kind, child=child, child_name=""
    )
    with at(moment + datetime.timedelta(minutes=30)):
        return case_open(actor=cast.officer, report=received, level="can_thiep")


def emergency(cast, case, moment):
    with at(moment):
        return steps.initial(cast, case, conclusion="emergency", level="cao")


def plan_through(cast, case, *, submitted, approved):
    """Emergency → detailed assessment → plan submitted and approved."""
    with at(submitted - datetime.timedelta(hours=2)):
        case = case_transition(actor=cast.officer, case=case, to="detailed_assessment")
        case = steps.detailed(cast, case)
    with at(submitted):
        case = steps.planned(cast, case)
    with at(approved):
        plans.plan_approve(actor=cast.chairman, case=case)
    case.refresh_from_db()
    return case


def build(cast, places):
    """Ba Tơ's children, reports, cases and campaigns; returns the people."""
    kinh = EthnicGroup.objects.get(code="01")
    hre = EthnicGroup.objects.get(code="19")
    a, b = places.group_a, places.group_b

    def child(group=a, **fields):
        fields.setdefault("ethnic_group", kinh)
        return ChildFactory(residential_group=group, **fields)

    kids = SimpleNamespace()
    # 19 children on 14/06/2025.
    kids.toddler = child(
        sex="nu",
        birth_date=D(2023, 3, 1),
        birth_registered=True,
        birth_registration_date=D(2023, 3, 20),
        insurance_card_number="TE1510000000001",
        insurance_expiry=D(2029, 9, 30),
    )
    kids.orphan = child(
        b,
        sex="nam",
        birth_date=D(2021, 1, 10),
        ethnic_group=hre,
        classification="hcdb",
    )
    SpecialCircumstanceFactory(
        child=kids.orphan,
        group="MO_COI",
        subgroup="MO_COI_3",
        identified_on=D(2024, 1, 1),
        support_received="Trợ cấp xã hội hằng tháng",
    )
    kids.disabled_pupil = child(
        sex="nu",
        birth_date=D(2017, 5, 5),
        ethnic_group=hre,
        classification="hcdb",
        birth_registered=True,
        disabilities=["van_dong"],
        disability_level="nang",
        disability_certificate_number="GXN-07",
        disability_certificate_date=D(2020, 1, 1),
        school="primary",
    )
    SpecialCircumstanceFactory(
        child=kids.disabled_pupil,
        group="KHUYET_TAT",
        subgroup="KHUYET_TAT_2",
        identified_on=D(2020, 1, 1),
    )
    kids.at_risk = child(
        sex="nam",
        birth_date=D(2013, 2, 2),
        classification="nguy_co",
        birth_registered=True,
        school="dropped_out",
    )
    kids.almost_16 = child(sex="nu", birth_date=D(2009, 6, 15), ethnic_group=None)
    kids.newborn = child(
        sex="nam",
        birth_date=D(2025, 2, 1),
        birth_registered=True,
        birth_registration_date=D(2025, 2, 20),
        insurance_card_number="TE1510000000002",
        insurance_expiry=D(2031, 9, 30),
    )
    kids.newborn_unregistered = child(sex="nu", birth_date=D(2025, 5, 1))
    kids.moved_after = child(
        sex="nam",
        birth_date=D(2015, 1, 1),
        classification="hoan_canh_khac",
        status="moved",
        status_changed_on=D(2025, 6, 20),
    )
    kids.mild = child(
        sex="nam",
        birth_date=D(2022, 8, 8),
        classification="nguy_co",  # but in force as HCĐB: counted there only
        insurance_card_number="TE1510000000003",
        insurance_expiry=D(2025, 6, 13),  # ran out the day before
        school="not_yet",
    )
    SpecialCircumstanceFactory(
        child=kids.mild,
        group="KHUYET_TAT",
        subgroup="KHUYET_TAT_3",
        identified_on=D(2025, 1, 5),
    )
    kids.resolved = child(sex="nu", birth_date=D(2016, 1, 1))
    SpecialCircumstanceFactory(
        child=kids.resolved,
        group="MO_COI",
        subgroup="MO_COI_1",
        identified_on=D(2023, 1, 1),
        resolved_on=DATE_TO,  # no longer in force on that day
    )
    kids.identified_later = child(sex="nu", birth_date=D(2016, 2, 2))
    SpecialCircumstanceFactory(
        child=kids.identified_later,
        group="BI_BOC_LOT",
        subgroup="BI_BOC_LOT_1",
        identified_on=D(2025, 6, 20),
    )
    kids.blind = child(
        sex="nam",
        birth_date=D(2012, 3, 3),
        disabilities=["nhin"],
        school="never",
        disability_certificate_number="GXN-19",
        disability_certificate_date=D(2025, 7, 1),  # after the period
    )
    kids.turns_3 = child(
        sex="nu",
        birth_date=D(2022, 6, 14),
        insurance_card_number="TE1510000000004",
    )
    kids.not_yet_3 = child(
        sex="nu",
        birth_date=D(2022, 6, 15),
        insurance_card_number="TE1510000000005",
        insurance_expiry=DATE_TO,  # valid to the end of that day
    )
    kids.case_a = child(sex="nu", birth_date=D(2014, 7, 1), classification="hcdb")
    kids.case_b = child(sex="nam", birth_date=D(2012, 1, 1))
    kids.case_c = child(sex="nam", birth_date=D(2018, 1, 1))
    kids.case_d = child(sex="nu", birth_date=D(2020, 3, 3))
    kids.case_e = child(sex="nu", birth_date=D(2019, 1, 1))

    # Not on the list of 14/06/2025.
    child(sex="nu", birth_date=D(2009, 6, 14))  # 16 on that day
    child(sex="nam", birth_date=D(2025, 6, 20))  # born after
    child(
        sex="nam",
        birth_date=D(2015, 3, 3),
        status="moved",
        status_changed_on=D(2025, 3, 1),
    )
    kids.deleted = child(
        sex="nu",
        birth_date=D(2018, 4, 4),
        classification="hcdb",
        disabilities=["khac"],
    )
    SpecialCircumstanceFactory(child=kids.deleted, group="MO_COI", subgroup="MO_COI_3")
    kids.other_commune = ChildFactory(
        residential_group=places.other_group,
        sex="nu",
        birth_date=D(2020, 1, 1),
        classification="hcdb",
    )
    SpecialCircumstanceFactory(child=kids.other_commune, group="MO_COI")

    _incidents(cast, places, kids)
    _cases(cast, places, kids)
    _campaigns(cast, places, kids)
    # Deleted as a mistake after its report was made: the report stays, the
    # record does not count, and the report's own description is used.
    kids.deleted.deleted_at = local(2025, 6, 1, 9, 0)
    kids.deleted.save(update_fields=["deleted_at"])
    return kids


def _incidents(cast, places, kids):
    leader, a = cast.leader_a, places.group_a
    second = report(
        leader, a, local(2025, 4, 10, 9, 0), kind="bao_luc", child=kids.case_a
    )
    assert second.child_id == kids.case_a.pk
    report(
        leader,
        a,
        local(2025, 5, 5, 9, 0),
        kind="boc_lot",
        child_name="Em A",
        child_age=14,
        child_sex="nam",
    )
    report(leader, a, local(2025, 5, 6, 9, 0), kind="khac", child_name="Em B")
    report(
        leader,
        a,
        local(2025, 5, 7, 9, 0),
        kind="bao_luc",
        child=kids.deleted,
        child_name="",
        child_age=7,
        child_sex="nu",
    )
    # The period's edges, in Vietnam time.
    report(
        leader,
        a,
        local(2025, 6, 14, 23, 30),
        kind="bao_luc",
        child_age=9,
        child_sex="nu",
    )
    report(leader, a, local(2025, 6, 15, 0, 10), kind="bao_luc", child_age=9)
    report(
        leader,
        a,
        local(2024, 12, 15, 0, 10),
        kind="bo_roi",
        child_age=1,
        child_sex="nu",
    )
    report(leader, a, local(2024, 12, 14, 23, 50), kind="bo_roi", child_age=1)
    # Triaged away.
    original = report(leader, a, local(2025, 4, 11, 8, 0), kind="bao_luc", child_age=5)
    copy = report(leader, a, local(2025, 4, 11, 8, 5), kind="bao_luc", child_age=5)
    noise = report(leader, a, local(2025, 4, 12, 8, 0), kind="bao_luc", child_age=5)
    with at(local(2025, 4, 12, 10, 0)):
        incident_services.incident_triage(
            actor=cast.officer, report=copy, status="duplicate", duplicate_of=original
        )
        incident_services.incident_triage(
            actor=cast.officer, report=noise, status="dismissed", note="Không đúng"
        )
    # `original` stays new: not triaged yet, it counts.
    # Injuries.
    report(leader, a, local(2025, 5, 20, 17, 0), kind="duoi_nuoc", severity="death")
    report(leader, a, local(2025, 5, 21, 17, 0), kind="duoi_nuoc", severity="serious")
    report(
        leader, a, local(2025, 3, 1, 7, 0), kind="tai_nan_giao_thong", severity="death"
    )
    report(leader, a, local(2025, 2, 1, 7, 0), kind="nga", severity="low")
    report(leader, a, local(2025, 6, 15, 0, 10), kind="nga", severity="low")
    fallen = report(leader, a, local(2025, 2, 2, 7, 0), kind="nga", severity="low")
    with at(local(2025, 2, 2, 9, 0)):
        incident_services.incident_triage(
            actor=cast.officer, report=fallen, status="dismissed", note="Báo nhầm"
        )
    other = cast.other_officer
    report(
        other,
        places.other_group,
        local(2025, 5, 20, 9, 0),
        kind="duoi_nuoc",
        severity="death",
    )
    report(other, places.other_group, local(2025, 5, 20, 9, 5), kind="bao_luc")


def _cases(cast, places, kids):
    a = places.group_a
    # A: violence, emergency 3 h after receipt, plan on time across the 30/4
    # holidays, a referral done; carried out at the end.
    case_a = open_case(cast, a, local(2025, 3, 5, 8, 0), kids.case_a, "bao_luc")
    case_a = emergency(cast, case_a, local(2025, 3, 5, 11, 0))
    with at(local(2025, 3, 5, 11, 30)):
        sent = referrals.referral_send(
            actor=cast.officer,
            case=case_a,
            organisation="health_station",
            request="Khám sức khỏe",
            due_on=D(2025, 3, 10),
        )
    with at(local(2025, 3, 6, 8, 0)):
        sent = referrals.referral_acknowledge(actor=cast.partner, referral=sent)
    with at(local(2025, 3, 7, 8, 0)):
        referrals.referral_complete(
            actor=cast.partner, referral=sent, outcome="Đã khám"
        )
    plan_through(
        cast,
        case_a,
        submitted=local(2025, 4, 29, 10, 0),  # 30/4, 1/5, 2/5 off; due 6/5
        approved=local(2025, 5, 6, 16, 0),
    )
    # B: sexual abuse, emergency 13 h after receipt, plan approved late,
    # reviewed and closed in the period.
    case_b = open_case(
        cast, a, local(2025, 3, 6, 7, 0), kids.case_b, "xam_hai_tinh_duc"
    )
    case_b = emergency(cast, case_b, local(2025, 3, 6, 20, 0))
    with at(local(2025, 3, 6, 21, 0)):
        referrals.referral_send(
            actor=cast.officer,
            case=case_b,
            organisation="police",
            request="Phối hợp xác minh",
            due_on=D(2025, 3, 20),
        )
    case_b = plan_through(
        cast,
        case_b,
        submitted=local(2025, 3, 13, 10, 0),  # Thursday: due Monday 17/3
        approved=local(2025, 3, 18, 9, 0),
    )
    with at(local(2025, 5, 19, 9, 0)):
        case_b = case_transition(actor=cast.officer, case=case_b, to="review")
        case_b = steps.final_review(cast, case_b)
    with at(local(2025, 5, 20, 9, 0)):
        case_transition(
            actor=cast.chairman, case=case_b, to="closed", note="Trẻ an toàn"
        )
    # C: opened before the period and still open.
    open_case(cast, a, local(2024, 11, 20, 9, 0), kids.case_c, "bo_mac")
    # D: opened in the period, closed after it.
    case_d = open_case(cast, a, local(2025, 6, 10, 9, 0), kids.case_d, "bo_mac")
    with at(local(2025, 6, 20, 9, 0)):
        case_transition(actor=cast.officer, case=case_d, to="closed", note="Nhầm")
    # E: opened and closed before the period.
    case_e = open_case(cast, a, local(2024, 10, 1, 9, 0), kids.case_e, "bo_mac")
    with at(local(2024, 12, 1, 9, 0)):
        case_transition(actor=cast.officer, case=case_e, to="closed", note="Ổn định")
    # The other commune's case.
    other_child = ChildFactory(residential_group=places.other_group)
    other_report = report(
        cast.other_officer,
        places.other_group,
        local(2025, 3, 5, 8, 0),
        kind="bao_luc",
        child=other_child,
        child_name="",
    )
    with at(local(2025, 3, 5, 9, 0)):
        case_open(actor=cast.other_officer, report=other_report, level="can_thiep")


def _campaigns(cast, places, kids):
    june = CampaignFactory(
        commune=places.commune,
        created_by=cast.officer,
        status=Campaign.Status.RUNNING,
    )
    SupportFactory(campaign=june, child=kids.mild, given_on=D(2025, 6, 1))
    SupportFactory(
        campaign=june,
        child=kids.at_risk,
        given_on=D(2025, 6, 2),
        value=500_000,
        source="sponsor",
    )
    SupportFactory(campaign=june, child=kids.blind, given_on=D(2025, 6, 20))
    ActivityFactory(
        campaign=june,
        held_on=D(2025, 6, 5),
        sessions=2,
        boys_6_10=10,
        girls_6_10=12,
        adults=5,
        cost=400_000,
    )
    ActivityFactory(
        campaign=june,
        category="hazard_check",
        sub_kind="inspection",
        held_on=D(2025, 5, 10),
        organiser="commune",
    )
    ActivityFactory(campaign=june, held_on=D(2025, 6, 20))
    training = TrainingFactory(
        commune=places.commune, created_by=cast.officer, held_on=D(2025, 3, 12)
    )
    AttendeeFactory.create_batch(2, training=training)
    other = CampaignFactory(commune=places.other_commune, created_by=cast.other_officer)
    SupportFactory(campaign=other, child=kids.other_commune, given_on=D(2025, 6, 1))
    ActivityFactory(campaign=other, held_on=D(2025, 6, 5), boys_6_10=99)


# Every non-zero figure; everything else is 0 (or None for a percentage of 0).
EXPECTED = {
    "children.total": 19,
    "children.sex": 19,
    "children.sex.nam": 8,
    "children.sex.nu": 11,
    "children.age": 19,
    "children.age.0_3": 5,
    "children.age.3_6": 3,
    "children.age.6_11": 7,
    "children.age.11_16": 4,
    "children.ethnic_minority": 2,
    "children.ethnic_minority_pct": 10.5,
    "children.ethnicity_unknown": 1,
    "children.birth_registered": 4,
    "children.birth_registered_pct": 21.1,
    "children.dropped_out": 1,
    "under6.total": 8,
    "under6.insured": 4,
    "under6.insured_pct": 50.0,
    "newborns.total": 2,
    "newborns.insured": 1,
    "newborns.insured_pct": 50.0,
    "newborns.registered_on_time": 1,
    "newborns.registered_on_time_pct": 50.0,
    "hcdb.total": 4,
    "hcdb.total_pct": 21.1,
    "hcdb.group": 4,
    "hcdb.group.1": 1,
    "hcdb.group.4": 2,
    "hcdb.supported": 3,
    "hcdb.supported_pct": 75.0,
    "hcdb.supported.ke_hoach": 1,
    "hcdb.supported.chien_dich": 1,
    "hcdb.supported.tro_giup": 1,
    "at_risk.total": 1,
    "other.total": 1,
    "disabled.total": 3,
    "disabled.total_pct": 15.8,
    "disabled.level": 3,
    "disabled.level.nang": 1,
    "disabled.level.nhe": 1,
    "disabled.level.khong_ro": 1,
    "disabled.reached": 2,
    "disabled.reached_pct": 66.7,
    "disabled.reached.giay_xac_nhan": 1,
    "disabled.reached.di_hoc": 1,
    "disabled.reached.chien_dich": 1,
    "abuse.reports": 10,
    "abuse.reports.bao_luc": 5,
    "abuse.reports.boc_lot": 1,
    "abuse.reports.xam_hai_tinh_duc": 1,
    "abuse.reports.bo_roi": 1,
    "abuse.reports.bo_mac": 1,
    "abuse.reports.khac": 1,
    "abuse.children": 9,
    "abuse.children_form": 9,
    "abuse.children_form.bao_luc": 4,
    "abuse.children_form.boc_lot": 1,
    "abuse.children_form.xam_hai_tinh_duc": 1,
    "abuse.children_form.bo_roi": 1,
    "abuse.children_form.bo_mac": 1,
    "abuse.children_form.khac": 1,
    "abuse.children_sex": 9,
    "abuse.children_sex.nam": 2,
    "abuse.children_sex.nu": 5,
    "abuse.children_sex.khong_ro": 2,
    "abuse.children_age": 9,
    "abuse.children_age.0_3": 1,
    "abuse.children_age.3_6": 2,
    "abuse.children_age.6_11": 3,
    "abuse.children_age.11_16": 2,
    "abuse.children_age.khong_ro": 1,
    "injury.reports": 4,
    "injury.reports.duoi_nuoc": 2,
    "injury.reports.tai_nan_giao_thong": 1,
    "injury.reports.nga": 1,
    "injury.deaths": 2,
    "injury.deaths.duoi_nuoc": 1,
    "injury.deaths.tai_nan_giao_thong": 1,
    "injury.deaths_drowning": 1,
    "cases.received": 3,
    "cases.assessed": 2,
    "cases.emergency": 2,
    "cases.emergency_12h": 1,
    "cases.emergency_12h_pct": 50.0,
    "cases.plans_approved": 2,
    "cases.plans_on_time": 1,
    "cases.plans_on_time_pct": 50.0,
    "cases.closed": 1,
    "cases.open_at_end": 3,
    "referrals.sent": 2,
    "referrals.done": 1,
    "campaigns.activities": 2,
    "campaigns.activities.communication": 1,
    "campaigns.activities.hazard_check": 1,
    "campaigns.sessions": 3,
    "campaigns.participants_children": 22,
    "campaigns.participants_children.boys": 10,
    "campaigns.participants_children.girls": 12,
    "campaigns.participants_adults": 5,
    "campaigns.supports": 2,
    "campaigns.supported_children": 2,
    "campaigns.supported_children_hcdb": 1,
    "campaigns.support_value": 800_000,
    "campaigns.support_value.state": 300_000,
    "campaigns.support_value.sponsor": 500_000,
    "campaigns.activity_cost": 400_000,
    "campaigns.trainings": 1,
    "campaigns.trainees": 2,
}
