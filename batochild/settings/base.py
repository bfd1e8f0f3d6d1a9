"""Settings shared by every environment, driven by environment variables.

Nothing here is a secret: SECRET_KEY, DATABASE_URL and REDIS_URL come from the
environment (docs/deployment.md lists every variable).
"""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()

SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "template_partials",
    "pgtrigger",
    "axes",
    "csp",
    "accounts",
    "registry",
    "cases",
    "campaigns",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "batochild.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, so it sees the outcome of the login view (django-axes' requirement).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "batochild.urls"
WSGI_APPLICATION = "batochild.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.navigation",
            ],
        },
    },
]

# --- Database: PostgreSQL only, with psycopg 3's pool (Django >= 5.1). ---
DATABASES = {"default": env.db("DATABASE_URL", default="postgres:///batochild")}
DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool replaces persistent connections
_pool_size = env.int("DATABASE_POOL_MAX_SIZE", default=10)
if _pool_size > 0:
    # An empty dict would silently disable pooling: always give sizes.
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": _pool_size,
        "timeout": 10,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="redis://127.0.0.1:6379/0")
# The cache uses database 1 of the same Redis unless CACHE_URL says otherwise,
# so cache flushes never touch queued Celery tasks (database 0).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env(
            "CACHE_URL", default=urlsplit(REDIS_URL)._replace(path="/1").geturl()
        ),
    }
}

# --- Authentication ---
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("username", "full_name", "email")},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Idle timeout: every request pushes expiry forward, so a session ends after this
# many seconds without activity (shared office computers).
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_TIMEOUT", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Login throttling (django-axes): lock a username+IP pair after repeated failures.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("LOGIN_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout"
AXES_VERBOSE = False
# The client address (lockouts and the audit log). Without a proxy only REMOTE_ADDR
# counts: a client-supplied X-Forwarded-For must not dodge a lockout. Behind
# PROXY_COUNT proxies that append to X-Forwarded-For, the right-most entry they
# added is the client.
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
if PROXY_COUNT:
    AXES_IPWARE_PROXY_COUNT = PROXY_COUNT
    AXES_IPWARE_PROXY_ORDER = "right-most"
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)

# --- Internationalisation: Vietnamese by default, English available. ---
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
# Django's vi locale sets no input formats, and the global default would read
# 03/04/2026 as 4 March: the project's own formats fix dd/mm/yyyy.
FORMAT_MODULE_PATH = ["batochild.formats"]

# --- Static and media ---
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Generated PDFs and attachments: never under a served path; downloads go through
# views that check scope and write the audit log.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / ".local" / "media")
STORAGES = {
    # Written to a temporary file and renamed: never a half PDF under a real name.
    "default": {"BACKEND": "batochild.lib.storage.AtomicFileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
PDF_FONT_DIR = BASE_DIR / "static" / "fonts"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Incident reports ---
# Hours a new report may wait for triage before the officer and chairman are
# reminded (NĐ 56/2017 Điều 26: emergency intervention within 12 hours).
INCIDENT_TRIAGE_HOURS = env.int("INCIDENT_TRIAGE_HOURS", default=12)
# De-identified annexes hide counts from 1 to this minus 1 (reports/indicators).
REPORT_SMALL_CELL = env.int("REPORT_SMALL_CELL", default=3)
# The address printed under an issued report's QR code (it resolves, for a
# signed-in user, to the stored copy).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# --- Celery ---
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_TASK_IGNORE_RESULT = True  # task outcomes are stored in domain rows
# A PDF render that leaks memory is recycled rather than allowed to grow (KiB).
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int(
    "CELERY_WORKER_MAX_MEMORY_PER_CHILD", default=512_000
)
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "requeue-stale-documents": {
        "task": "reports.tasks.requeue_stale_documents",
        "schedule": 300.0,
    },
    # The registry's daily upkeep, early morning Vietnam time.
    "children-age-out": {
        "task": "registry.tasks.children_age_out",
        "schedule": crontab(hour=1, minute=0),
    },
    "insurance-flag-expiring": {
        "task": "registry.tasks.insurance_flag_expiring",
        "schedule": crontab(hour=1, minute=10),
    },
    # E-mails left in the outbox (broker down when they were written, or failed).
    "drain-outbox": {
        "task": "accounts.tasks.drain_outbox",
        "schedule": 60.0,
    },
    # Reports past INCIDENT_TRIAGE_HOURS: remind the officers and the chairman.
    "remind-overdue-triage": {
        "task": "cases.tasks.remind_overdue_triage",
        "schedule": 300.0,
    },
    # Case steps and referrals: before and at each deadline, each reminder once.
    "remind-case-deadlines": {
        "task": "cases.tasks.remind_case_deadlines",
        "schedule": 300.0,
    },
    # Periodic reports: the draft the morning after its period closes, and a
    # reminder a few days before it is due.
    "prepare-periodic-drafts": {
        "task": "reports.tasks.prepare_periodic_drafts",
        "schedule": crontab(hour=6, minute=0),
    },
    "remind-report-deadlines": {
        "task": "reports.tasks.remind_report_deadlines",
        "schedule": crontab(hour=7, minute=0),
    },
    # The dashboards' rollups (reports/dashboard/rollups.py REFRESH_SECONDS).
    "refresh-dashboards": {
        "task": "reports.tasks.refresh_dashboards",
        "schedule": 900.0,
    },
}

# --- E-mail (notifications, sent from Celery through the outbox) ---
# EMAIL_URL: consolemail:// (prints to the worker's log), or
# smtp+tls://user:password@host:587 (URL-encode @ and : in user and password).
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"] or "localhost"
EMAIL_PORT = _email["EMAIL_PORT"] or 25
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 15  # seconds: a hung mail server must not hold a worker
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="batochild@localhost")

# --- Security headers (production.py adds HSTS, HTTPS and secure cookies) ---
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_COOKIE_HTTPONLY = True
# Every script and style is a served file: no inline code, no other origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # WeasyPrint logs every layout step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
