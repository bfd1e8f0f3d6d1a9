"""The main menu: each entry shows only to the users its predicate admits.

Entries name URLs as strings, so accounts imports no later app.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts import permissions


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: Promise
    allowed: Callable[[object], bool]


def _everyone(user) -> bool:
    return user.is_authenticated


NAV_ITEMS = (
    NavItem("home", _("Home"), _everyone),
    NavItem("dashboard:home", _("Dashboard"), permissions.can_see_dashboard),
    NavItem("dashboard:province", _("Province"), permissions.can_see_province),
    NavItem(
        "cases:report_new", _("Report an incident"), permissions.can_report_incidents
    ),
    NavItem("cases:inbox", _("Incident inbox"), permissions.can_triage_incidents),
    NavItem("cases:case_list", _("Cases"), permissions.can_triage_incidents),
    NavItem("cases:deadlines", _("Deadlines"), permissions.can_triage_incidents),
    NavItem("cases:referral_list", _("Referrals"), permissions.can_see_referrals),
    NavItem("registry:child_list", _("Children"), permissions.can_list_children),
    NavItem("campaigns:campaign_list", _("Campaigns"), permissions.can_see_campaigns),
    NavItem("reports:report_list", _("Reports"), permissions.can_see_documents),
    NavItem("reports:document_list", _("Documents"), permissions.can_see_documents),
    NavItem("admin:index", _("Administration"), permissions.can_use_admin_site),
)


def items_for(user) -> list[NavItem]:
    return [item for item in NAV_ITEMS if item.allowed(user)]
