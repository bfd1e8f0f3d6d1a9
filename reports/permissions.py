"""Who may do what with generated documents: pure predicates."""

from accounts.models import Role
from accounts.permissions import can_see_documents
from accounts.scope import user_scope

__all__ = ["can_request_document", "can_see_documents"]


def can_request_document(user, commune) -> bool:
    """Officers and chairmen of the commune produce its documents."""
    return commune.pk in user_scope(user).communes_for(Role.OFFICER, Role.CHAIRMAN)
