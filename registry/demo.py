"""Invented demo data for places and people: xã Ba Tơ and a second commune.

Every person here is invented. Idempotent: rows are matched on natural keys,
so running it twice changes nothing.
"""

from django.db import transaction

from accounts.models import Assignment, Role, User
from registry.models import Commune, ResidentialGroup

DEMO_PASSWORD = "batochild-demo"  # noqa: S105 - demo accounts on a developer machine

BA_TO = "21484"
BA_VI = "21529"
GROUPS = {
    BA_TO: [
        ("Tổ dân phố 1", ResidentialGroup.Kind.TO_DAN_PHO),
        ("Tổ dân phố 2", ResidentialGroup.Kind.TO_DAN_PHO),
        ("Tổ dân phố 3", ResidentialGroup.Kind.TO_DAN_PHO),
        ("Tổ dân phố 4", ResidentialGroup.Kind.TO_DAN_PHO),
        ("Thôn Ba Cung 1", ResidentialGroup.Kind.THON),
        ("Thôn Ba Bích 1", ResidentialGroup.Kind.THON),
    ],
    BA_VI: [
        ("Thôn 1", ResidentialGroup.Kind.THON),
        ("Thôn 2", ResidentialGroup.Kind.THON),
    ],
}
# (username, full name, role, commune code, group name or None)
PEOPLE = [
    ("canbo", "Nguyễn Thị Hồng Nhung", Role.OFFICER, BA_TO, None),
    ("chutich", "Phạm Văn Tâm", Role.CHAIRMAN, BA_TO, None),
    ("totruong1", "Đinh Văn Lúa", Role.GROUP_LEADER, BA_TO, "Tổ dân phố 1"),
    ("totruong2", "Phạm Thị Sương", Role.GROUP_LEADER, BA_TO, "Tổ dân phố 2"),
    ("tramyte", "Trần Thị Mai", Role.PARTNER, BA_TO, None),
    ("vanthu", "Lê Thị Thu", Role.CLERK, BA_TO, None),
    ("tinh", "Võ Minh Quang", Role.PROVINCE_VIEWER, None, None),
    ("quantri", "Huỳnh Văn Bình", Role.ADMIN, BA_TO, None),
    ("canbo.bavi", "Đinh Thị Hoa", Role.OFFICER, BA_VI, None),
]


@transaction.atomic
def demo_seed_places_and_people() -> None:
    communes = {c.admin_code: c for c in Commune.objects.filter(admin_code__in=GROUPS)}
    for commune in communes.values():
        commune.terrain = Commune.Terrain.MIEN_NUI_HAI_DAO_DBKK  # former huyện Ba Tơ
        commune.save(update_fields=["terrain"])
    groups = {}
    for code, rows in GROUPS.items():
        for name, kind in rows:
            group, _ = ResidentialGroup.objects.get_or_create(
                commune=communes[code], name=name, defaults={"kind": kind}
            )
            groups[name, code] = group
    for username, full_name, role, code, group_name in PEOPLE:
        user, created = User.objects.get_or_create(
            username=username, defaults={"full_name": full_name}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_staff = user.is_superuser = role == Role.ADMIN
            user.save()
        Assignment.objects.get_or_create(
            user=user,
            role=role,
            commune=communes[code] if code else None,
            province=communes[BA_TO].province if code is None else None,
            residential_group=groups[group_name, code] if group_name else None,
        )


def demo_logins() -> list[tuple[str, str]]:
    """(username, role label) for the start-up banner."""
    return [(username, str(role.label)) for username, _, role, _, _ in PEOPLE]
