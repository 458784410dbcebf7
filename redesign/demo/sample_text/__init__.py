"""Chinese sample text shared by the demo cluster and the generated legacy sites.

The word lists and sentence templates live in `data/*.toml` (written for this project, nothing
copied from real sites); the helpers here draw names, fill templates and write Chinese dates and
numerals. Everything takes a seeded `random.Random`, so a seed always gives the same text.
"""

from .chinese import cn_date, cn_number
from .names import NameBook, name_book, person_name
from .templates import Decks, fill
from .words import load_words

__all__ = [
    "Decks",
    "NameBook",
    "cn_date",
    "cn_number",
    "fill",
    "load_words",
    "name_book",
    "person_name",
]
