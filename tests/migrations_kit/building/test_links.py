"""rewrite_links: resolved links become Wagtail internal links; the rest are reported."""

from migrations_kit.building.links import rewrite_links

TARGETS = {
    "http://www.napo.gov.cn/zwdt/t1.htm": ("page", 12),
    "http://www.napo.gov.cn/up/a.pdf": ("document", 5),
    "http://www.napo.gov.cn/about.htm": ("page", 7),
}
ABOUT = "http://www.napo.gov.cn/about.htm"


def test_rewrites_resolved_links_and_reports_the_rest():
    stream = [
        {
            "type": "paragraph",
            "value": '<p><a href="http://www.napo.gov.cn/zwdt/t1.htm">动态</a>，'
            '<a href="http://www.napo.gov.cn/up/a.pdf">方案</a>，'
            '<a href="http://www.gov.cn/x.htm?a=1&amp;b=2">国务院</a>，'
            '<a linktype="page" id="3">已转</a>，<a href="mailto:x@y.cn">信箱</a></p>',
        },
        {"type": "heading", "value": {"text": "http://www.napo.gov.cn/zwdt/t1.htm"}},
        {
            "type": "two_columns",
            "value": {
                "left": [{"type": "paragraph", "value": '<p><a href="http://old/x">x</a></p>'}],
                "right": [
                    {
                        "type": "quick_links",
                        "value": {
                            "links": [
                                {"title": "概况", "page": None, "external_url": ABOUT},
                            ]
                        },
                    }
                ],
            },
        },
    ]
    new, count, unresolved = rewrite_links(stream, TARGETS.get)
    html = new[0]["value"]
    assert '<a linktype="page" id="12">动态</a>' in html
    assert '<a linktype="document" id="5">方案</a>' in html
    assert '<a href="http://www.gov.cn/x.htm?a=1&amp;b=2">' in html
    assert '<a linktype="page" id="3">' in html and "mailto:x@y.cn" in html
    link = new[2]["value"]["right"][0]["value"]["links"][0]
    assert link["page"] == 7 and link["external_url"] == ""
    assert count == 3
    assert unresolved == ["http://www.gov.cn/x.htm?a=1&b=2", "http://old/x"]
    assert new[1] == stream[1]
    assert "href" in stream[0]["value"] and 'id="12"' not in stream[0]["value"], "input untouched"


def test_empty_stream():
    assert rewrite_links([], TARGETS.get) == ([], 0, [])
