"""URL routes: admin, documents, search, site maps, 投稿, 互动, then the page tree."""

from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from redesign.cluster import reading_aids, theme_preview
from redesign.core import views as core_views
from redesign.search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap_xml"),
    path("sitemap/", core_views.site_map, name="site_map"),
    path("tougao/", include("redesign.guarantee.submission.urls")),
    path(f"{settings.REDESIGN_INTERACTION_PREFIX}/", include("redesign.interaction.public.urls")),
    path("captcha/", include("captcha.urls")),
    path("_styleguide/", include("redesign.cluster.themekit.urls")),  # name "styleguide"
    path("_zh/", include("redesign.cluster.variant_urls")),  # the 简体/繁體 switch
    path("_theme/preview/", theme_preview.theme_preview, name="theme_preview"),
    path("_a11y/", reading_aids.reading_aids_view, name="reading_aids"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))

handler500 = "redesign.cluster.views.server_error"
