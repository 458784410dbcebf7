"""The cluster's search backend: Wagtail's database backend (made safe for hostile queries)."""

from wagtail.search.backends.database import SearchBackend  # noqa: F401
