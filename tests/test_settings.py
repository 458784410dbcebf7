"""Settings: production reads the environment and passes Django's deployment checks."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Variables the settings read that the machine running the tests might have set.
SETTINGS_VARIABLES = (
    "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "CACHE_URL", "DEBUG",
    "WAGTAILADMIN_BASE_URL", "REDESIGN_ADMIN_HOSTNAME", "TRUST_PROXY", "TRUST_PROXY_HOPS",
    "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD", "SESSION_COOKIE_AGE", "WAGTAILDOCS_MAX_UPLOAD_SIZE",
    "AXES_FAILURE_LIMIT", "AXES_COOLOFF_MINUTES", "STATIC_URL", "MEDIA_URL",
)  # fmt: skip


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DJANGO_") and k not in SETTINGS_VARIABLES
    }
    environment.update({"DJANGO_SETTINGS_MODULE": "redesign.settings.production", **env})
    return subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


PRODUCTION_ENV = {
    "SECRET_KEY": "k" * 20 + "-production-secret-from-the-environment-0123456789",
    "ALLOWED_HOSTS": "admin.gxnews.example.gov.cn,napo.example.gov.cn,jingxi.example.gov.cn",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/redesign_unused",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
    "WAGTAILADMIN_BASE_URL": "https://admin.gxnews.example.gov.cn",
    "REDESIGN_ADMIN_HOSTNAME": "admin.gxnews.example.gov.cn",
    "TRUST_PROXY": "1",
}

SETTINGS_AS_JSON = (
    "import json; from django.conf import settings as s; "
    "print(json.dumps({n: getattr(s, n, None) for n in NAMES}, default=str))"
)


def _production_settings(*names: str, **env: str) -> dict:
    """The named settings as production computes them from PRODUCTION_ENV updated by env."""
    code = SETTINGS_AS_JSON.replace("NAMES", repr(list(names)))
    result = _manage("shell", "-c", code, **{**PRODUCTION_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_passes_check_deploy_without_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_without_the_admin_base_url():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "WAGTAILADMIN_BASE_URL"}
    result = _manage("check", "--deploy", **env)
    assert result.returncode != 0
    assert "cluster.E002" in result.stderr
    assert "WAGTAILADMIN_BASE_URL" in result.stderr


def test_check_deploy_warns_when_the_admin_answers_on_every_host():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "REDESIGN_ADMIN_HOSTNAME"}
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode != 0
    assert "cluster.W001" in result.stderr
    assert "cluster.E002" not in result.stderr


def test_an_admin_host_that_allowed_hosts_refuses_is_an_error():
    result = _manage("check", **{**PRODUCTION_ENV, "REDESIGN_ADMIN_HOSTNAME": "admin.other.cn"})
    assert result.returncode != 0
    assert "cluster.E003" in result.stderr


def test_check_deploy_passes_with_hsts_subdomains_and_preload_asked_for():
    env = {**PRODUCTION_ENV, "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1", "SECURE_HSTS_PRELOAD": "1"}
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = _manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _manage("check", **{**PRODUCTION_ENV, "ALLOWED_HOSTS": ""})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must list" in result.stderr


def test_production_reads_database_cache_and_hosts_from_the_environment():
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE']);"
        "print(s.CACHES['default']['BACKEND']);"
        "print(','.join(s.ALLOWED_HOSTS))"
    )
    result = _manage("shell", "-c", code, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    engine, cache, hosts = result.stdout.split()[-3:]
    assert engine == "django.db.backends.postgresql"
    assert cache == "django.core.cache.backends.redis.RedisCache"
    assert hosts == "admin.gxnews.example.gov.cn,napo.example.gov.cn,jingxi.example.gov.cn"


def test_production_defaults_for_proxy_hsts_sessions_uploads_and_lockouts():
    names = (
        "SECURE_PROXY_SSL_HEADER", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD", "SESSION_COOKIE_AGE", "WAGTAILDOCS_MAX_UPLOAD_SIZE",
        "AXES_FAILURE_LIMIT", "AXES_COOLOFF_TIME", "REDESIGN_ENVIRONMENT", "WAGTAILADMIN_BASE_URL",
    )  # fmt: skip
    values = _production_settings(*names)
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_HSTS_SECONDS"] == 31536000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert values["SECURE_HSTS_PRELOAD"] is False
    assert values["SESSION_COOKIE_AGE"] == 8 * 60 * 60
    assert values["WAGTAILDOCS_MAX_UPLOAD_SIZE"] == 50 * 1024 * 1024
    assert values["AXES_FAILURE_LIMIT"] == 5
    assert values["AXES_COOLOFF_TIME"] == "0:30:00"
    assert values["REDESIGN_ENVIRONMENT"] == "production"
    assert values["WAGTAILADMIN_BASE_URL"] == "https://admin.gxnews.example.gov.cn"


def test_production_settings_follow_the_environment():
    env = {
        "TRUST_PROXY": "0",
        "SECURE_HSTS_SECONDS": "600",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": "yes",
        "SECURE_HSTS_PRELOAD": "true",
        "SESSION_COOKIE_AGE": "3600",
        "WAGTAILDOCS_MAX_UPLOAD_SIZE": "1048576",
        "AXES_FAILURE_LIMIT": "3",
        "AXES_COOLOFF_MINUTES": "10",
    }
    names = (
        "SECURE_PROXY_SSL_HEADER", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD", "SESSION_COOKIE_AGE", "WAGTAILDOCS_MAX_UPLOAD_SIZE",
        "AXES_FAILURE_LIMIT", "AXES_COOLOFF_TIME", "SILENCED_SYSTEM_CHECKS",
    )  # fmt: skip
    values = _production_settings(*names, **env)
    assert values["SECURE_PROXY_SSL_HEADER"] is None
    assert values["SECURE_HSTS_SECONDS"] == 600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_HSTS_PRELOAD"] is True
    assert values["SESSION_COOKIE_AGE"] == 3600
    assert values["WAGTAILDOCS_MAX_UPLOAD_SIZE"] == 1048576
    assert values["AXES_FAILURE_LIMIT"] == 3
    assert values["AXES_COOLOFF_TIME"] == "0:10:00"
    assert values["SILENCED_SYSTEM_CHECKS"] == []


def test_document_extensions_are_the_cluster_list(settings):
    assert settings.WAGTAILDOCS_EXTENSIONS == [
        "doc", "docx", "xls", "xlsx", "pdf", "wps", "ofd", "rar", "zip", "txt",
    ]  # fmt: skip


def test_passwords_need_twelve_characters_and_no_common_words(settings):
    from django.contrib.auth.password_validation import get_default_password_validators

    validators = {type(v).__name__: v for v in get_default_password_validators()}
    assert validators["MinimumLengthValidator"].min_length == 12
    assert "CommonPasswordValidator" in validators


def test_login_throttling_is_on_with_axes_first(settings):
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


def test_default_language_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"
    assert ("en", "English") in settings.WAGTAIL_CONTENT_LANGUAGES
    assert "wagtail_localize" in settings.INSTALLED_APPS


def test_both_locales_exist(db):
    from wagtail.models import Locale

    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"zh-hans", "en"}
