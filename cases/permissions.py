"""Who may do what with incident reports: pure predicates."""

from accounts.models import Role
from accounts.permissions import can_report_incidents, can_triage_incidents
from accounts.scope import user_scope


def can_report(user) -> bool:
    """Group leaders, partners, officers and chairmen file reports."""
    return can_report_incidents(user)


def records_intake(user) -> bool:
    """Officers record calls and visits themselves (Mẫu 01), with the source."""
    return user_scope(user).has_role(Role.OFFICER)


def sees_full_report(user, report) -> bool:
    """The informant's identity and the officer's notes: officers and chairmen."""
    return report.commune_id in user_scope(user).communes_for(
        Role.OFFICER, Role.CHAIRMAN
    )


def can_triage(user, report) -> bool:
    return report.commune_id in user_scope(user).communes_for(Role.OFFICER)


def can_use_inbox(user) -> bool:
    return can_triage_incidents(user)
