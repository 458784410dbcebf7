"""The health engine: what each site published, which columns are stale, and the veto risks."""

from .engine import site_health
from .report import Status

__all__ = ["Status", "site_health"]
