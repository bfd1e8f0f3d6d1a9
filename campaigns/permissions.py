"""Who may do what with campaigns: pure predicates (docs/campaigns.md).

Reading is the scope's business (Campaign.objects.visible_to: the commune's
officers and chairmen). Writing is the culture-social officer's alone; the
chairman follows the campaigns read-only.
"""

from accounts.models import Role
from accounts.permissions import can_see_campaigns
from accounts.scope import user_scope

__all__ = ["can_edit_campaigns", "can_see_campaigns"]


def can_edit_campaigns(user, commune_id: int) -> bool:
    """Plan campaigns, record activities, support, forums and trainings."""
    return commune_id in user_scope(user).communes_for(Role.OFFICER)
