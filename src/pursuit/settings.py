"""Pursuit's settings: every knob is an environment variable `PURSUIT_*` (plus `DATABASE_URL`).

Importing this module has no side effects. `pursuit serve` creates the data dir and the secret key
first (bootstrap.py) and exports them as `PURSUIT_DATA_DIR` and `PURSUIT_SECRET_KEY`, so every
process that loads these settings, server workers included, agrees on both.
The variables are listed in docs/settings.md.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from pursuit.bootstrap import data_dir_from

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = env_str(name)
    if not raw:
        return default
    if raw.lower() in _TRUE:
        return True
    if raw.lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: use true or false")


def env_int(name: str, default: int) -> int:
    raw = env_str(name)
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r}: use a whole number") from None


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated list; blanks between commas are dropped."""
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def database_from(url: str, data_dir: Path) -> dict[str, Any]:
    """PostgreSQL (or any engine) from a URL; SQLite in the data dir when there is none."""
    if url:
        # Persistent connections save a TCP + auth round trip per request; the health check
        # drops a connection the server closed while it sat idle.
        return dict(dj_database_url.parse(url, conn_max_age=600, conn_health_checks=True))
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": data_dir / "pursuit.sqlite3",
        "OPTIONS": {
            # WAL lets the server read while the worker writes; NORMAL is durable under WAL;
            # busy_timeout waits for a writer instead of failing with "database is locked".
            "init_command": (
                "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA busy_timeout=5000"
            ),
            # Take the write lock at BEGIN, so two writers queue on busy_timeout rather than
            # one failing when it upgrades a read lock midway through a transaction.
            "transaction_mode": "IMMEDIATE",
        },
    }


def mailers_from(
    host: str, *, port: int, username: str, password: str, use_tls: bool
) -> dict[str, Any]:
    """SMTP when a host is given; otherwise messages are kept in the database's outbox, which
    the web app shows, so nothing is lost unseen."""
    if not host:
        return {"default": {"BACKEND": "pursuit.reminders.mail.OutboxBackend"}}
    options: dict[str, Any] = {"host": host, "port": port, "use_tls": use_tls, "timeout": 30}
    if username:
        options |= {"username": username, "password": password}
    return {
        "default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}
    }


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir_from(env_str("PURSUIT_DATA_DIR"))

# bootstrap.ensure_secret_key() provides one before Django starts; empty fails loudly in Django.
SECRET_KEY = env_str("PURSUIT_SECRET_KEY")
DEBUG = env_bool("PURSUIT_DEBUG", False)
ALLOWED_HOSTS = env_list("PURSUIT_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("PURSUIT_CSRF_TRUSTED_ORIGINS")
OPEN_SIGNUP = env_bool("PURSUIT_OPEN_SIGNUP", False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    # Serves the API docs page its scripts and styles from here, never from a CDN.
    "ninja",
    "pursuit.accounts",
    "pursuit.campaigns",
    "pursuit.reminders",
    "pursuit.web",
    "pursuit.documents",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Right after security, so static files skip sessions, CSRF and auth.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The seeker's zone and clock for every time the response shows.
    "pursuit.web.middleware.SeekerClockMiddleware",
    # No copy of a signed-in page, an API answer or a download in any cache.
    "pursuit.web.middleware.PrivateCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "pursuit.urls"
WSGI_APPLICATION = "pursuit.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "web" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": database_from(env_str("DATABASE_URL"), DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Served from the apps' own static folders: nothing to collect, so a fresh install starts at once.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Résumés and offer letters: private files in the data dir, handed out only by views that check
# who asks (so there is no MEDIA_URL). STORAGES["default"] can point at S3-style storage instead.
MEDIA_ROOT = DATA_DIR / "files"
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
# An account import's files, unpacked: ten times the 10 MB upload limit by default. Counted as
# they are unpacked, never taken from what the archive claims, so a zip bomb stops early.
IMPORT_MAX_BYTES = env_int("PURSUIT_IMPORT_MAX_BYTES", 10 * 10 * 1024 * 1024)

# Scripts only from our origin or with the per-response nonce; the admin and htmx need no more.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A coach's server behind a TLS proxy: trust its X-Forwarded-Proto and keep cookies off plain HTTP.
BEHIND_HTTPS_PROXY = env_bool("PURSUIT_BEHIND_HTTPS_PROXY", False)
if BEHIND_HTTPS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = BEHIND_HTTPS_PROXY
CSRF_COOKIE_SECURE = BEHIND_HTTPS_PROXY
# Behind HTTPS, browsers are told to never come back over plain HTTP (Strict-Transport-Security,
# sent on HTTPS responses only); a year by default, 0 turns it off. Subdomains are left alone:
# the coach's domain may serve other sites.
SECURE_HSTS_SECONDS = env_int("PURSUIT_HSTS_SECONDS", 31_536_000) if BEHIND_HTTPS_PROXY else 0

MAILERS = mailers_from(
    env_str("PURSUIT_EMAIL_HOST"),
    port=env_int("PURSUIT_EMAIL_PORT", 587),
    username=env_str("PURSUIT_EMAIL_USER"),
    password=env_str("PURSUIT_EMAIL_PASSWORD"),
    use_tls=env_bool("PURSUIT_EMAIL_USE_TLS", True),
)
DEFAULT_FROM_EMAIL = env_str("PURSUIT_EMAIL_FROM", "pursuit@localhost")
# Links in emails point here: the address a seeker's browser reaches Pursuit at.
PURSUIT_BASE_URL = env_str("PURSUIT_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("PURSUIT_LOG_LEVEL", "INFO").upper()},
    # WeasyPrint narrates every step of every PDF at INFO; its warnings still show.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
