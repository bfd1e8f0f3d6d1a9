from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accounts import notifications, selectors
from accounts.forms import LoginForm
from accounts.navigation import items_for


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


def lockout(request, original_response, credentials):
    """django-axes lockout hook: a locked account gets the very page a wrong
    password gets (same status, same message), so probing reveals nothing.

    AxesMiddleware passes the login view's own failure response, which already
    carries the shared LOGIN_FAILED message.
    """
    return original_response


def home(request):
    context = {
        "assignments": selectors.assignments_for(request.user),
        "sections": items_for(request.user)[1:],
    }
    return render(request, "accounts/home.html", context)


@require_http_methods(["GET", "POST"])
def notification_list(request):
    """The in-app notifications; POST marks them all read."""
    if request.method == "POST":
        notifications.mark_all_read(request.user)
        return redirect("accounts:notifications")
    items = notifications.notifications_for(request.user)
    return render(request, "accounts/notifications.html", {"items": items})
