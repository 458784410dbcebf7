"""Settings for a developer's machine and the demo cluster."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS

DEBUG = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
INSTALLED_APPS = [*INSTALLED_APPS, "redesign.demo"]
