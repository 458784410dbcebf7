"""The guarantee's Wagtail hooks: the admin modules register theirs when imported here."""

from . import legacy  # noqa: F401  (the importer's legacy_pages_imported hook)
from .admin import columns, dashboard, ledger, policy, reports  # noqa: F401
from .admin import links as broken_links_hooks  # noqa: F401  (不可用链接 report)
from .admin import submission as submission_hooks  # noqa: F401  (informants file news only)
from .admin import wording as wording_hooks  # noqa: F401  (规范用语 and the editor's warning)
