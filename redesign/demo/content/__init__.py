"""Chinese sample articles for the demo cluster's counties and portal, from sample_text's data.

Counties are real places but every person, figure, enterprise, document and event here is made
up for the demo; the pages say so. Content is deterministic for a given seed and "now".
"""

from .base import SEED, ArticleSpec, CountyText, Section, Topic
from .generator import ContentGenerator
from .portal import portal_articles

__all__ = [
    "SEED",
    "ArticleSpec",
    "ContentGenerator",
    "CountyText",
    "Section",
    "Topic",
    "portal_articles",
]
