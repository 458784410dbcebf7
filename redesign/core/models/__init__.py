"""Page types of a county site and the shared working calendar, re-exported for Django."""

from .article import ArticleOrigin, ArticlePage
from .calendar import CalendarDay, CalendarKind
from .column import ColumnPage
from .home import HomePage
from .industry import IndustryPage
from .standard import StandardPage

__all__ = [
    "ArticleOrigin",
    "ArticlePage",
    "CalendarDay",
    "CalendarKind",
    "ColumnPage",
    "HomePage",
    "IndustryPage",
    "StandardPage",
]
