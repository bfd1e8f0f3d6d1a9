"""Reads owned by registry."""

from accounts.models import Role
from accounts.scope import get_visible_or_404, user_scope
from registry.models import Commune, ResidentialGroup


def commune_acting_for(user, *roles: str) -> Commune | None:
    """The commune in which the user acts with one of `roles` (the first by name
    when a person holds the role in several)."""
    ids = user_scope(user).communes_for(*(roles or tuple(Role)))
    return Commune.objects.visible_to(user).filter(id__in=ids).order_by("name").first()


def residential_group_get_for_user(user, code) -> ResidentialGroup:
    """Gatekeeper: the group if `user` may see it, else 404."""
    return get_visible_or_404(
        ResidentialGroup.objects.select_related("commune"), user, code=code
    )
