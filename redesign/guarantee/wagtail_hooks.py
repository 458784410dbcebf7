"""The guarantee's Wagtail hooks: the admin modules register theirs when imported here."""

from .admin import columns, dashboard, ledger, policy, reports  # noqa: F401
from .admin import submission as submission_hooks  # noqa: F401  (informants file news only)
