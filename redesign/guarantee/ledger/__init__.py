"""The chain of responsibility (连环责任制): contract ledgers and the 评优 leaderboards."""

from .credit import LedgerResult, PersonCredit, StageCredit, credit, split
from .leaderboard import Leaderboard, PersonRank, SiteRank, leaderboard

__all__ = [
    "Leaderboard",
    "LedgerResult",
    "PersonCredit",
    "PersonRank",
    "SiteRank",
    "StageCredit",
    "credit",
    "leaderboard",
    "split",
]
