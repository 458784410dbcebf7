"""A plain site search on Wagtail's search backend, confined to the request's site."""

from functools import cache

import opencc
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page, Site

from redesign.search.backend import clean_query_text

MAX_QUERY_LENGTH = 100
RESULTS_PER_PAGE = 15


@cache
def _to_simplified() -> opencc.OpenCC:
    """OpenCC's Traditional-to-Simplified converter, loaded once."""
    return opencc.OpenCC("t2s")


def simplified(query: str) -> str:
    """The query in Simplified characters: the pages are stored in Simplified only, so a reader of
    the 繁體 pages who types 縣政府 finds 县政府."""
    return _to_simplified().convert(query)


def search_pages(site: Site, query: str):
    """Live pages of the site matching the query, or whose title contains it (lazy, sliceable)."""
    pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
    results = pages.search(query)
    if results.count() == 0:
        # The database backend tokenizes on spaces, which Chinese text lacks; fall back to a
        # substring match on titles until the Chinese-aware search replaces this.
        return pages.filter(title__icontains=query).order_by("-first_published_at", "-pk")
    return results


def search(request: HttpRequest) -> HttpResponse:
    """Search the current site and show one page of results."""
    query = clean_query_text(request.GET.get("q", ""))[:MAX_QUERY_LENGTH].strip()
    site = Site.find_for_request(request)
    results = []
    if query and site is not None:
        results = search_pages(site, simplified(query))
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    specific = Page.objects.filter(pk__in=[p.pk for p in page_obj]).specific().in_bulk()
    page_obj.object_list = [specific.get(p.pk, p) for p in page_obj.object_list]
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": page_obj, "paginator": paginator},
    )
