"""The guarantee's Wagtail hooks: the admin modules register theirs when imported here."""

from .admin import dashboard, policy, reports  # noqa: F401
