"""Settings shared by every environment; the environment is read here and nowhere else."""

import os
import tomllib
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "redesign"
THEMES_DIR = BASE_DIR / "site_templates"


def env(name: str, default: str | None = None) -> str | None:
    """Return an environment variable, or the default when it is unset or empty."""
    value = os.environ.get(name, "")
    return value if value != "" else default


def env_bool(name: str, default: bool = False) -> bool:
    """Return an environment variable read as a boolean."""
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """Return a comma-separated environment variable as a list."""
    value = env(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    """Return an environment variable read as an integer."""
    value = env(name)
    return default if value is None else int(value)


def url_origin(url: str) -> str | None:
    """Return the scheme and host of an absolute URL (None for a path such as /media/)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


SECRET_KEY = env("SECRET_KEY", "insecure-dev-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", ".localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "redesign.core",
    "redesign.cluster",
    "redesign.guarantee",
    "redesign.interaction",
    "redesign.search",
    "blocks",
    "migrations_kit",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
    "captcha",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "redesign.cluster.request_guard.NullCharacterGuardMiddleware",
    "redesign.cluster.admin_host.AdminHostMiddleware",
    "redesign.cluster.csp.ClusterCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "redesign.cluster.middleware.ThemeMiddleware",
    "redesign.cluster.variants.VariantMiddleware",  # 繁體: converts public pages on the way out
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: turns a lockout into its page
]

ROOT_URLCONF = "redesign.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "redesign.cluster.context_processors.cluster",
            ],
            "loaders": [
                (
                    "redesign.cluster.template_loaders.CachedThemeLoader",
                    [
                        "redesign.cluster.template_loaders.ThemeLoader",
                        "django.template.loaders.app_directories.Loader",
                    ],
                )
            ],
        },
    }
]

WSGI_APPLICATION = "redesign.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_cache_url = env("CACHE_URL") or env("REDIS_URL")
if _cache_url:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _cache_url,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "redesign"),  # two clusters on one Redis
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sessions end after a working day unless the environment says otherwise.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)

# Proxies: only when TRUST_PROXY says a front server sets X-Forwarded-Proto and X-Forwarded-For
# (and drops what clients send) are those headers believed; TRUST_PROXY_HOPS counts the proxies
# that append to X-Forwarded-For (the client is that many entries from its right end).
TRUST_PROXY = env_bool("TRUST_PROXY", False)
TRUST_PROXY_HOPS = env_int("TRUST_PROXY_HOPS", 1)

# Login throttling (django-axes, database handler: every app server sees the same attempts).
# A username or an IP address with AXES_FAILURE_LIMIT failed logins within the cool-off is
# locked out for AXES_COOLOFF_MINUTES; 设置 → 登录锁定 in the admin lists and clears lockouts.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own: by user, and by IP
# A success must not clear failures: it would also clear the IP's failures against other names.
AXES_RESET_ON_SUCCESS = False
AXES_CLIENT_IP_CALLABLE = "redesign.core.clients.client_ip"
AXES_LOCKOUT_CALLABLE = "redesign.cluster.throttle.lockout_response"
AXES_COOLOFF_MESSAGE = _("登录失败次数过多，账号已被暂时锁定，请稍后再试或联系网群管理员解锁。")
AXES_PERMALOCK_MESSAGE = _("登录失败次数过多，账号已被锁定，请联系网群管理员解锁。")
AXES_ENABLE_ADMIN = False  # no Django admin here: the Wagtail admin has its own lockout page
AXES_VERBOSE = False

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]


def _theme_static_dirs() -> list[tuple[str, str]]:
    """Each theme's static folder, served under themes/<theme>/."""
    dirs = []
    if THEMES_DIR.is_dir():
        for theme_dir in sorted(THEMES_DIR.iterdir()):
            if (theme_dir / "theme.toml").is_file() and (theme_dir / "static").is_dir():
                with open(theme_dir / "theme.toml", "rb") as fh:
                    tomllib.load(fh)  # a broken theme.toml fails loudly at start-up
                dirs.append((f"themes/{theme_dir.name}", str(theme_dir / "static")))
    return dirs


STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = _theme_static_dirs()
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATIC_URL = env("STATIC_URL", "/static/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = env("MEDIA_URL", "/media/")
# Citizens' attachments to their questions: outside MEDIA_ROOT, with no URL of their own; the
# site's handlers download them through the admin.
PRIVATE_ROOT = Path(env("PRIVATE_ROOT", str(BASE_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "interaction": {
        "BACKEND": "redesign.interaction.storage.PrivateStorage",
        "OPTIONS": {"location": str(PRIVATE_ROOT)},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "网群"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "redesign.search.backend"}}
WAGTAILDOCS_EXTENSIONS = ["doc", "docx", "xls", "xlsx", "pdf", "wps", "ofd", "rar", "zip", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("WAGTAILDOCS_MAX_UPLOAD_SIZE", 50 * 1024 * 1024)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # avatars are uploaded, never fetched from the internet

# The cluster's own settings.
# The theme (a folder of THEMES_DIR) of new sites and of sites whose theme is unset or unknown.
REDESIGN_DEFAULT_THEME = env("REDESIGN_DEFAULT_THEME", "default")
REDESIGN_COLUMN_PAGE_SIZE = 20
# The public message board (互动交流): its URL prefix, page size and the form's rate limits
# (django-ratelimit: "count/period", period s, m, h or d). Limits count per client address and
# per phone number; status lookups by query code are limited per address.
REDESIGN_INTERACTION_PREFIX = "hudong"
REDESIGN_INTERACTION_PAGE_SIZE = 15
REDESIGN_INTERACTION_RATE_IP = env("REDESIGN_INTERACTION_RATE_IP", "10/h")
REDESIGN_INTERACTION_RATE_PHONE = env("REDESIGN_INTERACTION_RATE_PHONE", "5/d")
REDESIGN_INTERACTION_RATE_LOOKUP = env("REDESIGN_INTERACTION_RATE_LOOKUP", "30/h")
REDESIGN_INTERACTION_MAX_ATTACHMENT = 5 * 1024 * 1024
CAPTCHA_IMAGE_SIZE = (120, 40)
CAPTCHA_LENGTH = 4
RATELIMIT_VIEW = "redesign.interaction.public.views.rate_limited"
RATELIMIT_IP_META_KEY = "redesign.core.clients.client_ip"
# Which settings module this is: "production" refuses the demo cluster (see production.py).
REDESIGN_ENVIRONMENT = "development"
# The cluster's own admin host (as in the Host header, e.g. admin.gxnews.example): when set,
# /admin/ on any other hostname is sent there. Unset: the admin answers on every site's host.
REDESIGN_ADMIN_HOSTNAME = env("REDESIGN_ADMIN_HOSTNAME", "")

# Content Security Policy (django-csp 4): public pages run only the cluster's own scripts; the
# themes' design tokens are an inline <style> and some blocks set CSS variables in style="",
# hence 'unsafe-inline' for styles only. Media or static files on another host are allowed.
_asset_origins = [o for o in (url_origin(STATIC_URL), url_origin(MEDIA_URL)) if o]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, *_asset_origins],
        "style-src": [SELF, UNSAFE_INLINE, *_asset_origins],
        "img-src": [SELF, "data:", *_asset_origins],
        "font-src": [SELF, *_asset_origins],
        "media-src": [SELF, *_asset_origins],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# The Wagtail admin (under /admin/) writes inline scripts and styles and previews uploads from
# blob: URLs, so it gets its own, relaxed policy (redesign.cluster.csp.ClusterCSPMiddleware).
REDESIGN_ADMIN_CSP_DIRECTIVES = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [SELF, UNSAFE_INLINE, *_asset_origins],
    "img-src": [SELF, "data:", "blob:", *_asset_origins],
    "media-src": [SELF, "blob:", *_asset_origins],
    "worker-src": [SELF, "blob:"],
}

# Mail (workflow notices, the daily health report): SMTP from the environment; unset, mail goes
# to the console so nothing is lost silently in development.
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if env("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "网群 <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False  # each site's own reviewers are told
# Group-robot webhooks (企业微信/钉钉): https only; a test may allow http to a local stub.
REDESIGN_WEBHOOK_TIMEOUT = env_int("REDESIGN_WEBHOOK_TIMEOUT", 5)
# The link check walks a site's own pages; other hosts are only fetched when this is on.
REDESIGN_LINKCHECK_EXTERNAL = env_bool("REDESIGN_LINKCHECK_EXTERNAL")
REDESIGN_LINKCHECK_MAX_PAGES = env_int("REDESIGN_LINKCHECK_MAX_PAGES", 5000)
REDESIGN_LINKCHECK_MAX_LINKS = env_int("REDESIGN_LINKCHECK_MAX_LINKS", 20000)  # per run
REDESIGN_LINKCHECK_MAX_EXTERNAL = env_int("REDESIGN_LINKCHECK_MAX_EXTERNAL", 500)  # per run
REDESIGN_LINKCHECK_TIMEOUT = env_int("REDESIGN_LINKCHECK_TIMEOUT", 10)  # seconds per fetch
# Hosts that resolve to private, loopback or link-local addresses are never fetched unless on.
REDESIGN_LINKCHECK_ALLOW_PRIVATE = env_bool("REDESIGN_LINKCHECK_ALLOW_PRIVATE")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
