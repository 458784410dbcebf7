"""Page types of a county site, re-exported for Django's model discovery."""

from .article import ArticleOrigin, ArticlePage
from .column import ColumnPage
from .home import HomePage
from .industry import IndustryPage
from .standard import StandardPage

__all__ = [
    "ArticleOrigin",
    "ArticlePage",
    "ColumnPage",
    "HomePage",
    "IndustryPage",
    "StandardPage",
]
