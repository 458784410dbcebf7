"""The interaction's models: settings, departments, questions and their log."""

from .department import Department
from .question import Category, Question, QuestionEvent, Status
from .settings import InteractionSettings

__all__ = [
    "Category",
    "Department",
    "InteractionSettings",
    "Question",
    "QuestionEvent",
    "Status",
]
