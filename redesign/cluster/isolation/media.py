"""Images and documents in the admin and on the public site, confined to their own site.

- The admin API's images and documents endpoints list (and find, and show by id) only what the
  user holds an image or document permission for, as Wagtail's collection policies decide.
- A document of a site's collection (or of a collection below it) is served only under that
  site's hostname; one of the root collection, or of a collection no site owns, anywhere.
  Where the admin is served, a user with a permission on the document still gets it.
The image and document bulk actions name no item the user holds no right on.
Chosen ids in forms are checked by the forms themselves (redesign.core.forms).
"""

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.http.request import split_domain_port
from wagtail import hooks
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.views import bulk_actions as document_bulk
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.views import bulk_actions as image_bulk
from wagtail.models import Collection, Site
from wagtail.permissions import policy_registry

from ..models import SiteIdentity
from .bulk import register_confined_bulk_actions

MEDIA_ACTIONS = ("add", "change", "delete", "choose")
"""Any of these on an image or document lets the user see it in the admin."""


def site_of_collection(collection: Collection) -> Site | None:
    """The site owning a collection: its own or its nearest ancestor's site identity's site."""
    identity = (
        SiteIdentity.objects.filter(
            collection__in=collection.get_ancestors(inclusive=True).values("pk")
        )
        .select_related("site")
        .order_by("-collection__depth")
        .first()
    )
    return identity.site if identity is not None else None


def _permitted(request: HttpRequest, queryset: QuerySet) -> QuerySet:
    """The queryset narrowed to what the request's user holds any media permission for."""
    policy = policy_registry.get_by_type(queryset.model)
    return queryset & policy.instances_user_has_any_permission_for(request.user, MEDIA_ACTIONS)


class ConfinedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    """The admin API's images: only those of the user's collections."""

    def get_queryset(self) -> QuerySet:
        """Wagtail's queryset, narrowed to the user's images."""
        return _permitted(self.request, super().get_queryset())


class ConfinedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin API's documents: only those of the user's collections."""

    def get_queryset(self) -> QuerySet:
        """Wagtail's queryset, narrowed to the user's documents."""
        return _permitted(self.request, super().get_queryset())


@hooks.register("construct_admin_api", order=100)
def confine_admin_api_media(router: WagtailAPIRouter) -> None:
    """Replace the images and documents endpoints Wagtail registered (at order 0)."""
    router.register_endpoint("images", ConfinedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ConfinedDocumentsAdminAPIViewSet)


def _request_domain(request: HttpRequest) -> str:
    """The request's hostname without the port, in lower case."""
    return split_domain_port(request.get_host().lower())[0]


def is_request_on_site(request: HttpRequest, site: Site) -> bool:
    """Whether the request came under the site's own hostname (not the default-site fallback)."""
    if _request_domain(request) != site.hostname.lower():
        return False
    found = Site.find_for_request(request)
    return found is not None and found.pk == site.pk


def serves_admin(request: HttpRequest) -> bool:
    """Whether the admin answers on the request's host (REDESIGN_ADMIN_HOSTNAME, else any)."""
    admin_host = (getattr(settings, "REDESIGN_ADMIN_HOSTNAME", "") or "").strip().lower()
    if not admin_host:
        return True
    wanted_domain, wanted_port = split_domain_port(admin_host)
    if wanted_port:
        return request.get_host().lower() == admin_host
    return _request_domain(request) == wanted_domain


def _admin_user_may_see(request: HttpRequest, document: Any) -> bool:
    """Whether the request's user holds a permission on the document where the admin is."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not serves_admin(request):
        return False
    policy = policy_registry.get_by_type(type(document))
    return policy.user_has_any_permission_for_instance(user, MEDIA_ACTIONS, document)


@hooks.register("before_serve_document", order=-100)
def serve_documents_on_their_own_site(document: Any, request: HttpRequest) -> None:
    """Answer 404 for a site's document under another hostname; before the view restrictions."""
    owner = site_of_collection(document.collection)
    if owner is None or is_request_on_site(request, owner):
        return
    if _admin_user_may_see(request, document):
        return
    raise Http404("This document belongs to another site.")


class ConfinedMediaBulkActionMixin:
    """A media bulk action that does not name images or documents the user holds no right on."""

    def get_actionable_objects(self) -> tuple[list, dict]:
        """Wagtail's objects, and of those without access only the ones the user may see."""
        objects, extra = super().get_actionable_objects()
        user = self.request.user
        if user.is_superuser:
            return objects, extra
        visible = set(
            self.permission_policy.instances_user_has_any_permission_for(
                user, MEDIA_ACTIONS
            ).values_list("pk", flat=True)
        )
        no_access = [item for item in extra["items_with_no_access"] if item.pk in visible]
        return objects, {**extra, "items_with_no_access": no_access}


register_confined_bulk_actions(
    ConfinedMediaBulkActionMixin,
    (
        image_bulk.AddTagsBulkAction,
        image_bulk.AddToCollectionBulkAction,
        image_bulk.DeleteBulkAction,
        document_bulk.AddTagsBulkAction,
        document_bulk.AddToCollectionBulkAction,
        document_bulk.DeleteBulkAction,
    ),
    __name__,
)
