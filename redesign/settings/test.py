"""Settings for the test suite: fast hashing, in-memory media, no network."""

import tempfile

from .base import *  # noqa: F403
from .base import DATABASES, INSTALLED_APPS

DEBUG = False
SECRET_KEY = "test-only-key-not-secret-but-long-enough-for-the-checks-0123456789"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="redesign-test-media-")
PRIVATE_ROOT = tempfile.mkdtemp(prefix="redesign-test-private-")
STORAGES = {
    **STORAGES,  # noqa: F405
    "interaction": {
        "BACKEND": "redesign.interaction.storage.PrivateStorage",
        "OPTIONS": {"location": PRIVATE_ROOT},
    },
}
WAGTAILADMIN_BASE_URL = "http://testserver"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
INSTALLED_APPS = [*INSTALLED_APPS, "redesign.demo"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
REDESIGN_ENVIRONMENT = "test"
REDESIGN_ADMIN_HOSTNAME = ""  # the admin answers on every host; tests of the admin host set it
