"""The guarantee's Wagtail hooks: the admin modules register theirs when imported here."""

from .admin import dashboard, ledger, policy, reports  # noqa: F401
