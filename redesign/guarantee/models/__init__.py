"""The guarantee's models: policy, records, wording, links, originality, ledger."""

from .ledger import Contract, ContractStage, Stage
from .links import BrokenLink, LinkCheckRun, LinkKind
from .originality import Fingerprint, FingerprintBand, NearDuplicate
from .policy import ContentPolicy, WebhookKind
from .records import DateFlag, ItemKind, ItemRecord
from .wording import WordingCategory, WordingFinding, WordingRule

__all__ = [
    "BrokenLink",
    "ContentPolicy",
    "Contract",
    "ContractStage",
    "DateFlag",
    "Fingerprint",
    "FingerprintBand",
    "ItemKind",
    "ItemRecord",
    "LinkCheckRun",
    "LinkKind",
    "NearDuplicate",
    "Stage",
    "WebhookKind",
    "WordingCategory",
    "WordingFinding",
    "WordingRule",
]
