from accounts.navigation import items_for
from accounts.notifications import unread_count


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    return {"nav_items": items_for(user), "unread_notifications": unread_count(user)}
