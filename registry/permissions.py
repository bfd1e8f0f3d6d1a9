"""Who may do what in the child registry: pure predicates (docs/permissions.md)."""

from accounts.models import Role
from accounts.permissions import can_list_children
from accounts.scope import user_scope

__all__ = [
    "can_edit_children",
    "can_export_children",
    "can_list_children",
    "can_view_child",
    "sees_full_child_list",
]


def sees_full_child_list(user, commune_id: int) -> bool:
    """The full, sensitive list of a commune; False means the group leader's view."""
    return commune_id in user_scope(user).communes_for(Role.OFFICER, Role.CHAIRMAN)


def can_view_child(user, child) -> bool:
    """The child page, with sensitive fields: officers and chairmen of the commune."""
    return sees_full_child_list(user, child.commune_id)


def can_edit_children(user, commune_id: int) -> bool:
    """Register, edit, archive and import: the culture-social officer only."""
    return commune_id in user_scope(user).communes_for(Role.OFFICER)


def can_export_children(user, commune_id: int) -> bool:
    return sees_full_child_list(user, commune_id)
