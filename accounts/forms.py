from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

# One message for an unknown user, a wrong password and a locked account, so that
# the login page tells an attacker nothing about which usernames exist.
LOGIN_FAILED = _(
    "Wrong username or password, or the account is locked for a while after too "
    "many failed attempts. Please try again later."
)


class LoginForm(AuthenticationForm):
    error_messages = {"invalid_login": LOGIN_FAILED, "inactive": LOGIN_FAILED}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(
            autocapitalize="none", autocomplete="username"
        )
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Sign in"), css_class="w-100"))
