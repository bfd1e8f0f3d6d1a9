"""Generate invented children in bulk for the benchmarks (DESIGN.md §6).

    DJANGO_SETTINGS_MODULE=bench.settings DJANGO_SECRET_KEY=... DATABASE_URL=... \\
        .venv/bin/python bench/generate.py --code C --communes 1 \\
        --children-per-commune 5000 --officer bench.commune

Creates one invented province ("Tỉnh Bench C"), `--communes` communes in it with
residential groups, and per commune `--children-per-commune` children in
households (one to four children each), with search keys (batochild.lib.text.fold,
as services.child_prepare sets them), personal ID numbers, insurance cards (a few
flagged as expiring), archived children, at-risk classifications and about 3 % of
children in a special circumstance (about 0.5 % MO_COI). `--officer` creates a
user who is the culture-social officer of the first commune (no password: the
benchmark logs in with a session made by bench/prepare.py).

For a throwaway database only (bench/run.sh makes one per run). It refuses to run
twice for the same --code, so a second run never doubles a dataset; use a new
--code or a new database. Not generated: caregivers, timelines (ChildEvent),
risk-category links and audit entries, which the list pages do not read.

Everything is written with bulk_create in batches, one transaction per commune,
with synchronous_commit off for this connection (a crash loses only the last
commune of a throwaway database).
"""

import argparse
import datetime
import multiprocessing
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
# No connection pool: forked workers must not inherit the parent's open sockets.
os.environ["DATABASE_POOL_MAX_SIZE"] = "0"

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Assignment, Role, User  # noqa: E402
from batochild.lib.text import fold  # noqa: E402
from registry.circumstances import REQUIRES_EXPERT_CONCLUSION  # noqa: E402
from registry.demo import GIVEN, HRE, HRE_FAMILY, KINH, KINH_FAMILY, MIDDLE  # noqa: E402
from registry.insurance import under_six_card_expiry  # noqa: E402
from registry.models import (  # noqa: E402
    Child,
    Commune,
    EthnicGroup,
    Household,
    Province,
    ResidentialGroup,
    SpecialCircumstance,
)

HRE_SHARE = 0.3
# (group, sub-group, weight): weights are per mille of children. MO_COI is the
# filter the benchmark measures (about 5 per mille).
CIRCUMSTANCES = [
    ("MO_COI", "MO_COI_3", 5),
    ("KHONG_NOI_NUONG_TUA", "KHONG_NOI_NUONG_TUA_7", 3),
    ("BI_BO_ROI", "BI_BO_ROI_2", 1),
    ("KHUYET_TAT", "KHUYET_TAT_2", 8),
    ("BENH_HIEM_NGHEO_HO_NGHEO", "BENH_HIEM_NGHEO_HO_NGHEO_1", 4),
    ("BO_HOC_KIEM_SONG", "BO_HOC_KIEM_SONG_2", 4),
    ("HIV_AIDS", "HIV_AIDS_1", 1),
    ("TON_HAI_DO_BAO_LUC", "TON_HAI_DO_BAO_LUC_1", 2),
    ("BI_BOC_LOT", "BI_BOC_LOT_1", 1),
    ("VI_PHAM_PHAP_LUAT", "VI_PHAM_PHAP_LUAT_1", 1),
]
CIRCUMSTANCE_SHARE = sum(w for *_, w in CIRCUMSTANCES) / 1000
EXPERT_CONCLUSION = "Kết luận số 07/KL-TTYT của Trung tâm Y tế khu vực"


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def school_for(age: int) -> str:
    school = Child.School
    if age < 3:
        return school.NOT_YET
    if age < 6:
        return school.PRESCHOOL
    if age < 11:
        return school.PRIMARY
    if age < 15:
        return school.LOWER_SECONDARY
    return school.UPPER_SECONDARY


class CommuneData:
    """One commune's groups, households, children and circumstances."""

    def __init__(self, commune, size, today, ethnic, rng, batch, method):
        self.commune, self.size, self.today = commune, size, today
        self.ethnic, self.rng, self.batch = ethnic, rng, batch
        self.method = method
        self.year_end = datetime.date(today.year, 12, 31)

    def run(self) -> tuple[int, int, int]:
        n_groups = max(4, min(30, self.size // 400))
        groups = ResidentialGroup.objects.bulk_create(
            ResidentialGroup(
                commune=self.commune,
                name=f"Thôn {i}",
                kind=ResidentialGroup.Kind.THON,
            )
            for i in range(1, n_groups + 1)
        )
        families = self.plan_families(groups)
        households = [
            Household(
                commune=self.commune,
                residential_group=f["group"],
                head_name=f["head"],
                address=f"{f['group'].name}, xã {self.commune.name}",
                poverty=f["poverty"],
                poverty_year=self.today.year if f["poverty"] != "none" else None,
            )
            for f in families
        ]
        Household.objects.bulk_create(households, batch_size=self.batch)
        children, circumstances = 0, 0
        pending: list[tuple[Child, tuple | None]] = []
        for family, household in zip(families, households, strict=True):
            for kid in family["kids"]:
                pending.append(self.child(family, household, kid, children))
                children += 1
                if len(pending) >= self.batch:
                    circumstances += self.flush(pending)
                    pending = []
        circumstances += self.flush(pending)
        return children, len(households), circumstances

    def plan_families(self, groups) -> list[dict]:
        rng, families, left = self.rng, [], self.size
        while left > 0:
            ethnic = HRE if rng.random() < HRE_SHARE else KINH
            names = HRE_FAMILY if ethnic == HRE else KINH_FAMILY
            family_name = rng.choice(names)
            n = min(left, rng.choices((1, 2, 3, 4), (3, 4, 2, 1))[0])
            roll = rng.random()
            poor_share = 0.3 if ethnic == HRE else 0.05
            poverty = (
                "poor"
                if roll < poor_share
                else "near_poor"
                if roll < poor_share + 0.1
                else "none"
            )
            birth = self.today - datetime.timedelta(days=rng.randint(0, 16 * 365 - 1))
            kids = []
            for _ in range(n):
                kids.append(birth)
                later = birth + datetime.timedelta(days=rng.randint(450, 1600))
                birth = later if later <= self.today else birth
            head_sex = rng.choice(("nam", "nu"))
            families.append(
                {
                    "group": rng.choice(groups),
                    "ethnic": ethnic,
                    "name": family_name,
                    "poverty": poverty,
                    "head": self.person(ethnic, head_sex, rng.choice(names)),
                    "kids": kids,
                }
            )
            left -= n
        return families

    def person(self, ethnic: str, sex: str, family_name: str) -> str:
        middle = self.rng.choice(MIDDLE[ethnic, sex])
        return f"{family_name} {middle} {self.rng.choice(GIVEN[ethnic, sex])}"

    def child(self, family, household, birth, n) -> tuple[Child, tuple | None]:
        rng, today = self.rng, self.today
        sex = "nam" if rng.random() < 0.51 else "nu"
        name = self.person(family["ethnic"], sex, family["name"])
        age = (
            today.year
            - birth.year
            - ((today.month, today.day) < (birth.month, birth.day))
        )
        fields = {
            "commune": self.commune,
            "residential_group_id": family["group"].pk,
            "household_id": household.pk,
            "full_name": name,
            "search_key": fold(name),
            "birth_date": birth,
            "sex": sex,
            "ethnic_group": self.ethnic[family["ethnic"]],
            "school": school_for(age),
        }
        if rng.random() < 0.95:
            registered = min(today, birth + datetime.timedelta(days=rng.randint(7, 60)))
            fields |= {
                "birth_registered": True,
                "birth_registration_date": registered,
                "birth_registration_place": f"UBND xã {self.commune.name}",
            }
            if rng.random() < 0.7:
                # Unique within the commune: n is the child's number in it.
                digit = "2" if sex == "nam" else "3"
                fields["personal_id"] = f"051{digit}{birth.year % 100:02d}{n:06d}"
        if rng.random() < 0.85:
            expiry = under_six_card_expiry(birth) if age < 6 else self.year_end
            flagged = None
            if rng.random() < 0.01:  # expiring within 30 days, flagged by upkeep
                expiry = today + datetime.timedelta(days=rng.randint(3, 28))
                flagged = today - datetime.timedelta(days=rng.randint(0, 3))
            prefix = "TE1" if age < 6 else ("DT2" if family["ethnic"] == HRE else "HS4")
            fields |= {
                "insurance_card_number": f"{prefix}51{rng.randrange(10**10):010d}",
                "insurance_expiry": expiry,
                "insurance_source": "under6" if age < 6 else "student",
                "insurance_flagged_on": flagged,
            }
        circumstance = None
        roll = rng.random()
        if roll < CIRCUMSTANCE_SHARE:
            group, subgroup, _ = rng.choices(
                CIRCUMSTANCES, [w for *_, w in CIRCUMSTANCES]
            )[0]
            circumstance = (group, subgroup)
            fields["classification"] = Child.Classification.HCDB
            if group == "KHUYET_TAT":
                fields["disabilities"] = ["van_dong"]
                fields["disability_level"] = Child.DisabilityLevel.SEVERE
        elif roll < CIRCUMSTANCE_SHARE + 0.08:
            fields["classification"] = Child.Classification.AT_RISK
        elif rng.random() < 0.015:
            fields |= {
                "status": Child.Status.MOVED,
                "status_changed_on": today
                - datetime.timedelta(days=rng.randint(15, 300)),
                "status_reason": "Chuyển theo gia đình",
                "version": 2,
            }
        return Child(**fields), circumstance

    def flush(self, pending) -> int:
        if not pending:
            return 0
        children = [child for child, _ in pending]
        if self.method == "copy":
            copy_children(children)
        else:
            Child.objects.bulk_create(children)
        rows = []
        for child, circumstance in pending:
            if circumstance is None:
                continue
            group, subgroup = circumstance
            rows.append(
                SpecialCircumstance(
                    child_id=child.pk,
                    commune=self.commune,
                    group=group,
                    subgroup=subgroup,
                    identified_on=self.today
                    - datetime.timedelta(days=self.rng.randint(30, 900)),
                    support_received="Trợ cấp xã hội hằng tháng",
                    expert_conclusion=(
                        EXPERT_CONCLUSION if group in REQUIRES_EXPERT_CONCLUSION else ""
                    ),
                )
            )
        SpecialCircumstance.objects.bulk_create(rows)
        return len(rows)


def copy_children(children: list[Child]) -> None:
    """Write `children` with COPY: the same rows bulk_create would write.

    Each value goes through the field's own pre_save and get_db_prep_save, as in
    bulk_create; ids are drawn from the table's sequence first, so the
    circumstances can point at them.
    """
    fields = Child._meta.concrete_fields
    table = connection.ops.quote_name(Child._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
            "FROM generate_series(1, %s)",
            [Child._meta.db_table, len(children)],
        )
        for child, (pk,) in zip(children, cursor.fetchall(), strict=True):
            child.pk = pk
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for child in children:
                copy.write_row(
                    [
                        f.get_db_prep_save(f.pre_save(child, True), connection)
                        for f in fields
                    ]
                )
    for child in children:
        child._state.adding = False
        child._state.db = "default"


def generate_communes(job: tuple) -> list[int]:
    """Create communes `indices` of the province and their children (one worker)."""
    province_id, code, indices, args, today = job
    connection.close()  # a forked worker opens its own connection
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")
    ethnic = {e.code: e for e in EthnicGroup.objects.filter(code__in=(KINH, HRE))}
    started = time.monotonic()
    totals = [0, 0, 0]
    for done, i in enumerate(indices, start=1):
        rng = random.Random(f"bench-{code}-{i}")  # noqa: S311 - invented data
        with transaction.atomic():
            commune = Commune.objects.create(
                province_id=province_id,
                name=f"Bench {code} {i:04d}",
                admin_code=f"{code}{i:04d}",
                terrain=Commune.Terrain.CON_LAI,
            )
            if i == 1 and args.officer:
                officer = User.objects.create(
                    username=args.officer, full_name="Cán Bộ Đo Tải"
                )
                officer.set_unusable_password()
                officer.save(update_fields=["password"])
                Assignment.objects.create(
                    user=officer, role=Role.OFFICER, commune=commune
                )
            counts = CommuneData(
                commune,
                args.children_per_commune,
                today,
                ethnic,
                rng,
                args.batch_size,
                args.method,
            ).run()
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        if done == 1 or done % 10 == 0 or done == len(indices):
            elapsed = time.monotonic() - started
            say(
                f"  [{os.getpid()}] {done}/{len(indices)} communes: {totals[0]:,} "
                f"children, {totals[1]:,} households, {totals[2]:,} circumstances, "
                f"{elapsed:.0f} s ({totals[0] / max(elapsed, 0.001):,.0f} children/s)"
            )
    connection.close()
    return totals


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--code", required=True, help="one letter naming the dataset")
    parser.add_argument("--communes", type=int, default=1)
    parser.add_argument("--children-per-commune", type=int, default=5000)
    parser.add_argument("--officer", help="username of the first commune's officer")
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument(
        "--method",
        choices=("bulk_create", "copy"),
        default="bulk_create",
        help="how children are written (households and the rest: bulk_create)",
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="worker processes (communes are shared out)"
    )
    args = parser.parse_args(argv)
    code = args.code.upper()
    if len(code) != 1 or not code.isalpha():
        parser.error("--code is one letter (admin codes are <letter><4 digits>)")
    if not 1 <= args.communes <= 9999:
        parser.error("--communes is 1 to 9999")
    if Province.objects.filter(code=f"B{code}").exists():
        say(f"Dataset {code} already exists: use a new --code or a fresh database.")
        return 1
    if EthnicGroup.objects.filter(code__in=(KINH, HRE)).count() != 2:
        say("Ethnic groups missing: run the migrations first.")
        return 1
    province = Province.objects.create(code=f"B{code}", name=f"Tỉnh Bench {code}")
    today = timezone.localdate()
    jobs = max(1, min(args.jobs, args.communes))
    work = [
        (province.pk, code, list(range(1 + j, args.communes + 1, jobs)), args, today)
        for j in range(jobs)
    ]
    started = time.monotonic()
    if jobs == 1:
        results = [generate_communes(work[0])]
    else:
        connection.close()  # never share a connection across fork()
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            # imap_unordered: a worker's error stops the run at once.
            results = list(pool.imap_unordered(generate_communes, work))
    totals = [sum(column) for column in zip(*results, strict=True)]
    elapsed = time.monotonic() - started
    say(
        f"Dataset {code}: {args.communes:,} communes, {totals[0]:,} children, "
        f"{totals[1]:,} households, {totals[2]:,} special circumstances "
        f"in {elapsed:.0f} s ({totals[0] / max(elapsed, 0.001):,.0f} children/s, "
        f"{jobs} job(s), children by {args.method})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
