"""Images are responsive renditions: WebP with a JPEG fallback, sizes, width and height."""

from __future__ import annotations

import re

from lxml import html as lxml_html

from blocks.base import ImageBlock
from blocks.feeds import FEED_RENDITION_SPECS, live_articles, picture_specs, with_cover_images
from tests.blocks.helpers import add_article, make_image
from tests.blocks.test_news import news_feed_value


def pictures(markup: str) -> list:
    """Each <picture> element of the markup."""
    return lxml_html.fromstring(f"<div>{markup}</div>").findall(".//picture")


def assert_responsive(picture) -> None:
    """A WebP source with two widths, and an <img> fallback that has width, height and sizes."""
    source = picture.find("source")
    img = picture.find(".//img")  # lxml nests the void <source> around it
    assert source is not None and source.get("type") == "image/webp"
    assert re.fullmatch(r"\S+\.webp \d+w, \S+\.webp \d+w", source.get("srcset"))
    assert img.get("width").isdigit() and img.get("height").isdigit()
    assert img.get("sizes") and img.get("src").endswith((".jpg", ".png"))
    assert img.get("alt") is not None


def test_picture_specs_name_each_size_in_each_format():
    assert picture_specs("fill-320x200") == ("format-webp|fill-320x200", "format-jpeg|fill-320x200")
    assert len(FEED_RENDITION_SPECS) == 8


def test_the_image_block_serves_webp_with_a_fallback(db):
    block = ImageBlock()
    value = block.to_python(
        {"image": make_image().pk, "alt": "县城新貌", "caption": "", "credit": ""}
    )
    found = pictures(block.render(value))
    assert len(found) == 1
    assert_responsive(found[0])
    assert found[0].find(".//img").get("alt") == "县城新貌"


def test_feed_thumbnails_serve_webp_with_a_fallback(napo):
    for number in range(3):
        add_article(
            napo.columns["yaowen"],
            f"图片新闻{number}",
            days_ago=number + 1,
            cover_image=make_image(),
        )
    block, value = news_feed_value([napo.columns["yaowen"]], show_images=True)
    found = pictures(block.render(value, context={"page": napo.home}))
    assert len(found) == 3
    for picture in found:
        assert_responsive(picture)


def test_a_theme_with_sizes_of_its_own_costs_no_query_per_item(napo, django_assert_num_queries):
    """Feeds prefetch every rendition, so a theme's own sizes are found without a query."""
    for number in range(3):
        article = add_article(napo.columns["yaowen"], f"主题图{number}", cover_image=make_image())
        article.cover_image.get_rendition("format-webp|fill-400x250")
    with django_assert_num_queries(2):  # the articles with their images, then every rendition
        pages = list(with_cover_images(live_articles()))
    with django_assert_num_queries(0):
        for page in pages:
            page.cover_image.get_rendition("format-webp|fill-400x250")
