"""The demo builder as the suite's factory: realistic county trees at a chosen size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page

from redesign.core.models import ArticlePage, IndustryPage
from redesign.demo.content import ContentGenerator
from redesign.demo.factories import SIZES

pytestmark = pytest.mark.django_db

# The full demo home uses every home block (feeds, tabs, ticker, showcase, topics, links, FAQ).
FULL_HOME_QUERY_BUDGET = 40


def home_queries(client, host: str) -> int:
    """Queries of one warm render of a site's home."""
    assert client.get("/", HTTP_HOST=host).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/", HTTP_HOST=host).status_code == 200
    return len(ctx)


def test_a_small_tree_has_every_page_type_filled(county_tree):
    """Articles in the four article columns, an industry page, standard pages and a home."""
    assert {slug: len(pages) for slug, pages in county_tree.articles.items()} == SIZES["small"]
    now = timezone.now()
    for article in county_tree.all_articles():
        assert article.live and article.source and article.publish_date < now
    policies = county_tree.articles["zcwj"]
    assert all(page.document_number and page.index_number for page in policies)
    assert all(len(page.attachments) == 1 for page in policies)
    assert any(page.cover_image_id for page in county_tree.articles["yaowen"])
    (industry,) = county_tree.industries
    assert isinstance(industry, IndustryPage) and industry.cover_image_id
    assert {"enterprise", "product", "gallery"} <= {child.block_type for child in industry.body}
    assert {page.slug for page in county_tree.standard_pages} >= {"gkxx", "jgzn", "fzrxx"}
    assert len(county_tree.home.body) > 10
    assert get_image_model().objects.filter(collection=county_tree.collection).count() >= 5


def test_every_page_of_the_tree_renders_on_its_host(client, county_tree):
    """The home, columns, articles, industry and standard pages all answer 200."""
    root = county_tree.home
    pages = Page.objects.descendant_of(root, inclusive=True).live().specific()
    for page in pages:
        response = client.get(page.relative_url(county_tree.site), HTTP_HOST=county_tree.host)
        assert response.status_code == 200, page.url
    home = client.get("/", HTTP_HOST=county_tree.host).content.decode()
    assert county_tree.profile.full_name in home


def test_stream_values_pass_the_block_library(county_tree):
    """Every StreamField the factory wrote cleans without errors."""
    root = county_tree.home
    for page in Page.objects.descendant_of(root, inclusive=True).specific():
        for model_field in page._meta.get_fields():
            if isinstance(model_field, StreamField):
                model_field.stream_block.clean(getattr(page, model_field.name))


def test_sizes_counts_hosts_and_a_second_county(make_county_tree):
    """Counts may be given per column; another county, host and port build alongside."""
    napo = make_county_tree("napo", {"yaowen": 2, "tzgg": 1}, standard_pages=False, home=False)
    assert {slug: len(pages) for slug, pages in napo.articles.items()} == {"yaowen": 2, "tzgg": 1}
    jingxi = make_county_tree("jingxi", "tiny", industries=0, port=8001, hostname="jx.localhost")
    assert jingxi.host == "jx.localhost:8001" and jingxi.industries == []
    assert not ArticlePage.objects.descendant_of(jingxi.home).filter(
        pk__in=[page.pk for page in napo.all_articles()]
    )
    with pytest.raises(ValueError, match="no demo county"):
        make_county_tree("nowhere")
    with pytest.raises(ValueError, match="by column"):
        make_county_tree("debao", {"tscy": 3})


def test_the_tree_holds_what_the_seeded_generator_writes(make_county_tree):
    """The articles are the content generator's for that county, seed and moment."""
    now = timezone.localtime(timezone.now()) - datetime.timedelta(days=1)
    tree = make_county_tree("debao", "tiny", now=now, seed=7, home=False, standard_pages=False)
    specs = ContentGenerator(tree.profile, now, seed=7).articles(SIZES["tiny"])
    built = sorted((page.title, page.publish_date) for page in tree.all_articles())
    assert built == sorted((spec.title, spec.publish_date) for spec in specs)


def test_full_home_queries_do_not_grow_with_the_tree(client, make_county_tree):
    """The home with every block costs the same queries over a small and a medium tree."""
    small = make_county_tree("napo", "small")
    medium = make_county_tree("jingxi", "medium")
    small_queries = home_queries(client, small.host)
    assert small_queries <= FULL_HOME_QUERY_BUDGET, small_queries
    assert home_queries(client, medium.host) == small_queries
