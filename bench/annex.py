"""The statistical annex of a commune of 5,000 children (issue 7: the 6-month
report's figures in ≤ 3 s in the worker), measured in-process.

    DJANGO_SETTINGS_MODULE=bench.settings DJANGO_SECRET_KEY=... DATABASE_URL=... \\
        .venv/bin/python bench/annex.py history --code A --years 3
    ... bench/annex.py measure --code A --runs 5 --out results.jsonl

`history` gives the first commune of dataset --code (made by generate.py) what a
commune of that size accumulates in --years years, about: 120 incident reports a
year (a third of them abuse), 40 cases a year through the NĐ 56 steps (timeline
events, Mẫu 02, half with an emergency, most with a plan submitted and approved,
referrals, most closed), a campaign a year with 60 activities, 150 gifts and two
trainings. Rows are written with bulk_create; the timestamps the models set
themselves (auto_now_add) are set to the invented dates instead.

`measure` computes the annex of the last complete 6-month period (NĐ 09: 15/12 →
14/6) a warm-up time and then --runs times, and prints one JSON line: the median,
the slowest, the number of queries and their database time (last run). For a
throwaway database only (bench/annex.sh makes one).
"""

import argparse
import datetime
import json
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ["DATABASE_POOL_MAX_SIZE"] = "0"

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from campaigns.models import (  # noqa: E402
    Activity,
    Campaign,
    Support,
    Training,
    TrainingAttendee,
)
from cases.models import (  # noqa: E402
    ABUSE_KINDS,
    Case,
    CaseEvent,
    IncidentReport,
    Kind,
    Referral,
    RiskAssessment,
    SupportPlan,
)
from registry.models import Child, Commune  # noqa: E402
from reports.indicators.annex import compute_annex  # noqa: E402
from reports.indicators.period import VIETNAM  # noqa: E402

INJURY_KINDS = [k for k in Kind if k not in ABUSE_KINDS]
SEVERITIES = ["low"] * 5 + ["moderate"] * 3 + ["serious", "life", "death"]
# The rows whose own timestamps must be the invented ones, not "now".
AUTO_NOW = [
    (Case, "created_at"),
    (CaseEvent, "at"),
    (RiskAssessment, "assessed_at"),
    (SupportPlan, "created_at"),
    (Referral, "sent_at"),
]


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def commune_of(code: str) -> Commune:
    return Commune.objects.get(admin_code=f"{code.upper()}0001")


def last_period(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The last 6-month period (15/12 → 14/6) that ended before today."""
    year = today.year if today >= datetime.date(today.year, 6, 15) else today.year - 1
    return datetime.date(year - 1, 12, 15), datetime.date(year, 6, 14)


class History:
    # What a commune of about 5,000 children accumulates in a year.
    REPORTS_PER_YEAR = 120
    CASES_PER_YEAR = 40

    def __init__(self, commune: Commune, officer: User, years: int, rng):
        self.commune, self.officer, self.rng = commune, officer, rng
        self.now = timezone.now()
        self.start = self.now - datetime.timedelta(days=365 * years)
        self.children = list(
            Child.objects.filter(commune=commune).values_list(
                "pk", "residential_group_id", "sex", "birth_date"
            )
        )
        self.years = years

    def moment(self, start=None, end=None) -> datetime.datetime:
        start, end = start or self.start, end or self.now
        seconds = int((end - start).total_seconds())
        return start + datetime.timedelta(seconds=self.rng.randrange(max(seconds, 1)))

    def report(self, kind: str, received: datetime.datetime, child=None):
        rng = self.rng
        pk, group, sex, _birth = child or rng.choice(self.children)
        linked = child is not None or rng.random() < 0.6
        status = rng.choices(
            ["referred", "new", "in_review", "dismissed", "duplicate"], [6, 1, 1, 1, 1]
        )[0]
        return IncidentReport(
            commune=self.commune,
            residential_group_id=group,
            kind=kind,
            occurred_at=received - datetime.timedelta(hours=rng.randint(1, 48)),
            received_at=received,
            child_id=pk if linked else None,
            child_name="" if linked else "Em bé",
            child_age=None if linked else rng.randint(0, 15),
            child_sex="" if linked else sex,
            severity=rng.choice(SEVERITIES),
            source="group_leader",
            reported_by=self.officer,
            idempotency_key=uuid.uuid4(),
            status="referred" if child else status,
            triage_due_at=received + datetime.timedelta(hours=12),
        )

    def incidents(self) -> None:
        reports = []
        for _ in range(self.REPORTS_PER_YEAR * self.years):
            abuse = self.rng.random() < 0.33
            kinds = sorted(ABUSE_KINDS) if abuse else INJURY_KINDS
            reports.append(self.report(self.rng.choice(kinds), self.moment()))
        IncidentReport.objects.bulk_create(reports)
        say(f"  {len(reports)} incident reports")

    def cases(self) -> None:
        rng, made = self.rng, []
        for _ in range(self.CASES_PER_YEAR * self.years):
            child = rng.choice(self.children)
            received = self.moment(end=self.now - datetime.timedelta(days=2))
            report = self.report(rng.choice(sorted(ABUSE_KINDS)), received, child)
            report.save()
            made.append(self.case(report, child, received))
        rows = {CaseEvent: [], RiskAssessment: [], SupportPlan: [], Referral: []}
        for parts in made:
            for model, found in zip(rows, parts, strict=True):
                rows[model] += found
        for model, found in rows.items():
            model.objects.bulk_create(found)
        say(
            f"  {len(made)} cases, {len(rows[CaseEvent])} timeline events, "
            f"{len(rows[SupportPlan])} plans, {len(rows[Referral])} referrals"
        )

    def case(self, report, child, received):
        rng, officer = self.rng, self.officer
        clock = received + datetime.timedelta(minutes=rng.randint(10, 120))
        case = Case.objects.create(
            commune=self.commune,
            residential_group_id=child[1],
            child_id=child[0],
            level=rng.choice(["ho_tro", "can_thiep"]),
            caseworker=officer,
            status="received",
            received_at=received,
            status_changed_at=clock,
            created_at=clock,
        )
        case.reports.add(report)
        events, assessments, plans, referrals = [], [], [], []

        def move(old, new, at):
            events.append(
                CaseEvent(
                    case=case,
                    commune=self.commune,
                    actor=officer,
                    action="moved" if old else "",
                    old_status=old,
                    new_status=new,
                    at=at,
                )
            )

        move("", "received", clock)
        steps = [("received", "initial_assessment")]
        clock += datetime.timedelta(hours=rng.uniform(1, 10))
        assessments.append(
            RiskAssessment(
                case=case,
                commune=self.commune,
                form="m02",
                assessed_by=officer,
                assessed_at=clock,
                conclusion="emergency" if rng.random() < 0.5 else "no_emergency",
            )
        )
        if assessments[-1].conclusion == "emergency":
            steps += [
                ("initial_assessment", "emergency"),
                ("emergency", "detailed_assessment"),
            ]
        else:
            steps.append(("initial_assessment", "detailed_assessment"))
        planned = rng.random() < 0.8
        if planned:
            steps += [
                ("detailed_assessment", "planning"),
                ("planning", "awaiting_approval"),
                ("awaiting_approval", "in_progress"),
            ]
        for old, new in steps:
            clock += datetime.timedelta(hours=rng.uniform(0.5, 30))
            if clock > self.now:
                break
            move(old, new, clock)
            if new == "awaiting_approval":
                submitted = clock
            if new == "in_progress":
                plans.append(
                    SupportPlan(
                        case=case,
                        commune=self.commune,
                        status="approved",
                        goal="Trẻ an toàn",
                        drafted_by=officer,
                        created_at=submitted - datetime.timedelta(days=1),
                        submitted_at=submitted,
                        approved_at=clock,
                        approved_by=officer,
                    )
                )
                for _ in range(rng.randint(1, 2)):
                    sent = clock + datetime.timedelta(hours=rng.uniform(1, 48))
                    done = rng.random() < 0.7
                    referrals.append(
                        Referral(
                            case=case,
                            commune=self.commune,
                            organisation=rng.choice(["health_station", "police"]),
                            request="Hỗ trợ",
                            due_on=(sent + datetime.timedelta(days=10)).date(),
                            status="done" if done else "sent",
                            sent_by=officer,
                            sent_at=sent,
                            acknowledged_at=sent if done else None,
                            completed_at=sent + datetime.timedelta(days=5)
                            if done
                            else None,
                        )
                    )
        last = events[-1].new_status
        closing = clock + datetime.timedelta(days=rng.randint(20, 120))
        if rng.random() < 0.7 and closing < self.now:
            move(last, "closed", closing)
            last, clock = "closed", closing
        Case.objects.filter(pk=case.pk).update(status=last, status_changed_at=clock)
        return events, assessments, plans, referrals

    def campaigns(self) -> None:
        activities, supports, attendees = [], [], []
        for year in range(self.start.year, self.now.year + 1):
            campaign = Campaign.objects.create(
                commune=self.commune,
                kind="action_month",
                year=year,
                title=f"Tháng hành động vì trẻ em năm {year}",
                starts_on=datetime.date(year, 6, 1),
                ends_on=datetime.date(year, 6, 30),
                created_by=self.officer,
                status="finished",
            )
            activities += [self.activity(campaign, year) for _ in range(60)]
            supports += [
                self.support(campaign, year, child)
                for child in self.rng.sample(self.children, 150)
            ]
            for month in (3, 9):
                training = Training.objects.create(
                    commune=self.commune,
                    title="Tập huấn công tác trẻ em",
                    organiser="UBND xã",
                    held_on=datetime.date(year, month, 12),
                    hours=8,
                    created_by=self.officer,
                )
                attendees += [
                    TrainingAttendee(
                        training=training,
                        commune=self.commune,
                        full_name="Cộng tác viên",
                        kind="collaborator",
                        sex=self.rng.choice(["nam", "nu"]),
                    )
                    for _ in range(20)
                ]
        Activity.objects.bulk_create(activities)
        Support.objects.bulk_create(supports)
        TrainingAttendee.objects.bulk_create(attendees)
        say(f"  {len(activities)} activities, {len(supports)} gifts")

    def activity(self, campaign: Campaign, year: int) -> Activity:
        rng = self.rng
        return Activity(
            commune=self.commune,
            campaign=campaign,
            category=rng.choice(["communication", "summer", "recreation"]),
            sub_kind="meeting",
            title="Truyền thông phòng, chống đuối nước",
            held_on=datetime.date(year, rng.randint(1, 12), 10),
            organiser="commune",
            boys_6_10=rng.randint(0, 30),
            girls_6_10=rng.randint(0, 30),
            adults=rng.randint(0, 20),
            cost=rng.randint(0, 20) * 100_000,
            created_by=self.officer,
        )

    def support(self, campaign: Campaign, year: int, child: tuple) -> Support:
        pk, group, *_ = child
        return Support(
            commune=self.commune,
            campaign=campaign,
            child_id=pk,
            residential_group_id=group,
            kind="gift",
            value=300_000,
            source=self.rng.choice(["state", "mobilised", "sponsor"]),
            given_on=datetime.date(year, 6, self.rng.randint(1, 30)),
            given_by=self.officer,
        )


def history(args) -> int:
    for model, name in AUTO_NOW:
        model._meta.get_field(name).auto_now_add = False  # invented past dates
    commune = commune_of(args.code)
    officer = User.objects.get(username=args.officer)
    rng = random.Random(f"bench-annex-{args.code}")  # noqa: S311 - invented data
    started = time.monotonic()
    with transaction.atomic():
        made = History(commune, officer, args.years, rng)
        say(f"History of {commune.name}: {len(made.children):,} children")
        made.incidents()
        made.cases()
        made.campaigns()
    say(f"  written in {time.monotonic() - started:.1f} s")
    return 0


def measure(args) -> int:
    commune = commune_of(args.code)
    date_from, date_to = last_period(timezone.localdate())
    timings = []
    for _ in range(args.runs + 1):  # the first is a warm-up
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            annex = compute_annex(commune=commune, date_from=date_from, date_to=date_to)
            timings.append(time.perf_counter() - started)
    values = annex.values()
    result = {
        "phase": "annex",
        "commune": commune.name,
        "period": [date_from.isoformat(), date_to.isoformat()],
        "children": values["children.total"],
        "children_in_database": Child.all_objects.count(),
        "abuse_reports": values["abuse.reports"],
        "cases_received": values["cases.received"],
        "plans_approved": values["cases.plans_approved"],
        "queries": len(queries.captured_queries),
        "db_s": round(sum(float(q["time"]) for q in queries.captured_queries), 3),
        "first_s": round(timings[0], 3),
        "median_s": round(statistics.median(timings[1:]), 3),
        "max_s": round(max(timings[1:]), 3),
        "runs": args.runs,
        "computed_at": timezone.localtime(annex.computed_at, VIETNAM).isoformat(),
    }
    line = json.dumps(result, ensure_ascii=False)
    say(line)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as out:
            out.write(line + "\n")
    return 0


def report(args) -> int:
    """The worker's whole job for the 6-month report: recompute the annex, then
    render the PDF (NĐ 30 layout, the annex in blocks), --runs times."""
    from reports import services as documents
    from reports.periodic import services as periodic

    commune = commune_of(args.code)
    officer = User.objects.get(username=args.officer)
    date_to = last_period(timezone.localdate())[1]
    # No broker here: the render is called in-process, as the worker calls it.
    periodic._render_on_commit = lambda document: None
    draft = periodic.report_create(
        actor=officer, commune=commune, kind="six_month", year=date_to.year
    )
    timings, sizes = [], []
    for _ in range(args.runs + 1):  # the first is a warm-up
        started = time.perf_counter()
        document = periodic.report_generate(actor=officer, report=draft)
        documents.document_render(document_id=document.pk)
        timings.append(time.perf_counter() - started)
        document.refresh_from_db()
        sizes.append(document.file.size)
    line = json.dumps(
        {
            "phase": "report",
            "commune": commune.name,
            "status": document.status,
            "pdf_bytes": sizes[-1],
            "first_s": round(timings[0], 3),
            "median_s": round(statistics.median(timings[1:]), 3),
            "max_s": round(max(timings[1:]), 3),
            "runs": args.runs,
        },
        ensure_ascii=False,
    )
    say(line)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as out:
            out.write(line + "\n")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    made = sub.add_parser("history")
    made.add_argument("--code", required=True)
    made.add_argument("--officer", default="bench.annex")
    made.add_argument("--years", type=int, default=3)
    timed = sub.add_parser("measure")
    timed.add_argument("--code", required=True)
    timed.add_argument("--runs", type=int, default=5)
    timed.add_argument("--out")
    whole = sub.add_parser("report")
    whole.add_argument("--code", required=True)
    whole.add_argument("--officer", default="bench.annex")
    whole.add_argument("--runs", type=int, default=3)
    whole.add_argument("--out")
    args = parser.parse_args(argv)
    return {"history": history, "measure": measure, "report": report}[args.command](
        args
    )


if __name__ == "__main__":
    sys.exit(main())
