"""Role predicates used by the navigation and the views: pure, they raise nothing."""

from accounts.models import Role
from accounts.scope import user_scope


def can_use_admin_site(user) -> bool:
    """The Django admin: superusers and staff accounts only."""
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def can_see_documents(user) -> bool:
    """The Documents section: officers and chairmen produce official documents,
    the clerk numbers and files them."""
    return user_scope(user).has_role(Role.OFFICER, Role.CHAIRMAN, Role.CLERK)


def can_list_children(user) -> bool:
    """The child registry: officers and chairmen in full, group leaders their group."""
    return user_scope(user).has_role(Role.OFFICER, Role.CHAIRMAN, Role.GROUP_LEADER)


def can_report_incidents(user) -> bool:
    """Group leaders, partners, officers and chairmen report incidents."""
    return user_scope(user).has_role(
        Role.OFFICER, Role.CHAIRMAN, Role.GROUP_LEADER, Role.PARTNER
    )


def can_triage_incidents(user) -> bool:
    """The inbox of new reports: officers and chairmen."""
    return user_scope(user).has_role(Role.OFFICER, Role.CHAIRMAN)


def can_see_referrals(user) -> bool:
    """Referrals: partners those sent to their organisation, officers and
    chairmen the commune's."""
    return user_scope(user).has_role(Role.OFFICER, Role.CHAIRMAN, Role.PARTNER)


def can_see_campaigns(user) -> bool:
    """Campaigns, activities, support and trainings: officers run them,
    chairmen follow them."""
    return user_scope(user).has_role(Role.OFFICER, Role.CHAIRMAN)


def can_see_dashboard(user) -> bool:
    """The commune's dashboard: officers and chairmen."""
    return user_scope(user).has_role(Role.OFFICER, Role.CHAIRMAN)


def can_see_province(user) -> bool:
    """The province view of de-identified figures: province viewers."""
    return bool(user_scope(user).province_ids)
