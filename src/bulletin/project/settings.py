"""Settings for running Bulletin on its own, driven by the environment.

SQLite in ``BULLETIN_DATA_DIR`` (default ``./var``) and the in-process broker unless
``DATABASE_URL`` and ``BULLETIN_BROKER_URL`` say otherwise.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.management.utils import get_random_secret_key

DATA_DIR = Path(os.environ.get("BULLETIN_DATA_DIR", "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """Use BULLETIN_SECRET_KEY, else a key generated once and kept in the data folder."""
    if key := os.environ.get("BULLETIN_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(get_random_secret_key())
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("BULLETIN_DEBUG") == "1"
ALLOWED_HOSTS = os.environ.get("BULLETIN_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "bulletin.liveblogs",
    "bulletin.newsroom",
    "bulletin.reader",
    "bulletin.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "bulletin.newsroom.middleware.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "bulletin.project.urls"
ASGI_APPLICATION = "bulletin.project.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite: WAL lets readers run beside the one writer; IMMEDIATE transactions take the
# write lock up front, so two publishers queue on busy_timeout instead of failing with
# "database is locked" when both try to upgrade a read lock.
_SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
}
# An empty DATABASE_URL means the default, as an unset one does.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'bulletin.sqlite3'}",
        # Django's own requests close their connection when they end (under ASGI a kept one
        # would belong to a finished request and leak); the reader edge's render threads
        # keep theirs (reader/edge.py, KEEP_CONNECTIONS_SECONDS).
        conn_max_age=0,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = _SQLITE_OPTIONS
    # A file, not memory, so a server process started by the tests sees the test data.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "/desk/sign-in/"
LOGIN_REDIRECT_URL = "/desk/"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Served over HTTPS (production): secure cookies, HSTS, redirect plain HTTP.
if os.environ.get("BULLETIN_HTTPS") == "1":
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = [os.environ.get("BULLETIN_PUBLIC_URL", "https://localhost")]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"

BULLETIN = {
    "BROKER_URL": os.environ.get("BULLETIN_BROKER_URL", "memory://"),
    "PUBLIC_URL": os.environ.get("BULLETIN_PUBLIC_URL", "http://127.0.0.1:8000"),
    "CHANGE_POLL_SECONDS": float(os.environ.get("BULLETIN_CHANGE_POLL_SECONDS", "0.5")),
    "READER_REPORT_SECONDS": float(os.environ.get("BULLETIN_READER_REPORT_SECONDS", "10")),
}
# With Redis, sign-in throttling and other cached counts are shared by every process.
if BULLETIN["BROKER_URL"].startswith(("redis://", "rediss://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": BULLETIN["BROKER_URL"]}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"bulletin": {"handlers": ["console"], "level": "INFO"}},
}
