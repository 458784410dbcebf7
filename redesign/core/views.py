"""Views of a county site that are not pages of its tree: the HTML site map."""

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page, Site


def site_tree(root: Page, max_depth: int = 2) -> list[dict]:
    """The live, public pages in menus under root, nested up to max_depth levels, in two queries."""
    pages = list(
        root.get_descendants()
        .live()
        .public()
        .in_menu()
        .filter(depth__lte=root.depth + max_depth)
        .only("id", "title", "slug", "url_path", "path", "depth", "locale_id")
        .order_by("path")
    )
    nodes: dict[str, dict] = {}
    tree: list[dict] = []
    for page in pages:
        node = {"page": page, "children": []}
        nodes[page.path] = node
        parent = nodes.get(page.path[: -Page.steplen])
        if page.depth == root.depth + 1:
            tree.append(node)
        elif parent is not None:
            parent["children"].append(node)
    return tree


def site_map(request: HttpRequest) -> HttpResponse:
    """网站地图: every column of the request's site, two levels deep."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return TemplateResponse(
        request,
        "core/site_map.html",
        {"page": None, "site_root": site.root_page, "tree": site_tree(site.root_page)},
    )
