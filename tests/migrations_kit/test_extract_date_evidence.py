"""Dates by evidence: the printed line, the page's script, its metas, the URL; body dates last."""

import pytest

from migrations_kit.extract import extract_page

BODY = (
    "<p>2016年3月15日，县人力资源和社会保障局在县城召开全县人事工作会议，总结去年工作，部署今年任务。"
    "会议指出，要进一步做好公务员招录、专业技术职称评审和人才引进工作，切实提高服务水平。</p>"
    "<p>会议要求，各单位要按照《事业单位人事管理条例》（2014年4月25日公布）的规定，规范人事管理，"
    "认真落实各项制度，确保全年各项目标任务顺利完成，为全县经济社会发展提供有力的人才保障。</p>"
)


def page(meta_line: str = "", head: str = "", script: str = "") -> bytes:
    """A GBK-era article: a headline, an optional meta line or script, a body with its own dates."""
    return (
        f"<html><head><title>全县人事工作会议召开_县人社局</title>{head}</head><body>"
        f"<div class='main'><h1>全县人事工作会议召开</h1>"
        f"{f'<div class=info>{meta_line}</div>' if meta_line else ''}"
        f"{f'<div class=info><script>{script}</script></div>' if script else ''}"
        f"<div class='content'>{BODY}</div></div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("meta_line", "expected"),
    [
        ("发布时间：2017-05-24　来源：县人社局", "2017-05-24"),
        ("2017-05-24　浏览次数：12", "2017-05-24"),
    ],
)
def test_the_printed_meta_line_wins(meta_line, expected):
    """Labelled or not, the short line by the headline is the date the visitors saw."""
    record = extract_page(page(meta_line), "http://old.example/rsxx/t20170101_1.html")
    assert (record.publish_date, record.date_source) == (expected, "printed")


@pytest.mark.parametrize(
    "script",
    [
        "var str = '2017-05-24 09:30'; document.write(str);",
        'document.write("发布时间：2017-05-24");',
        "var pubdate=\"2017/5/24\";document.write('日期：'+pubdate);",
    ],
)
def test_a_script_written_date_beats_the_body_and_the_metas(script):
    """TRS and others write the meta line by script: that is the date, not the event's day."""
    head = '<meta name="PubDate" content="2017-05-25 10:00">'
    record = extract_page(page(script=script, head=head), "http://old.example/rsxx/1234.html")
    assert (record.publish_date, record.date_source) == ("2017-05-24", "script")


def test_a_clock_script_is_not_a_date():
    """今天是 … new Date(): the visitor's day, never the page's."""
    clock = "var d=new Date(); document.write('今天是'+d.getFullYear()+'年');"
    record = extract_page(page(script=clock), "http://old.example/rsxx/t20170524_1.html")
    assert (record.publish_date, record.date_source) == ("2017-05-24", "url")


def test_cms_metas_come_before_the_url():
    """PubDate, publishdate, article:published_time: the CMS's own record."""
    head = '<meta name="publishdate" content="2017-05-23">'
    record = extract_page(page(head=head), "http://old.example/rsxx/t20170524_1.html")
    assert (record.publish_date, record.date_source) == ("2017-05-23", "meta")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://old.example/rsxx/201705/t20170524_1234.htm", "2017-05-24"),
        ("http://old.example/news/2017-05/24/content_1.htm", "2017-05-24"),
    ],
)
def test_the_url_beats_a_date_in_the_body_text(url, expected):
    """No printed date: the URL's, never the day of the meeting in the first sentence."""
    record = extract_page(page(), url)
    assert (record.publish_date, record.date_source) == (expected, "url")


def test_a_body_date_is_a_guess_and_says_so():
    """Nothing else: the body's first date is taken, marked body_guess for the report."""
    record = extract_page(page(), "http://old.example/rsxx/article.asp?id=88")
    assert (record.publish_date, record.date_source) == ("2016-03-15", "body_guess")


DISCLOSURE = (
    "<html><head><meta charset='utf-8'><title>关于加强安全生产工作的通知</title></head><body>"
    "<table class='xxgk'><tr><td>索引号：</td><td>000014349/2017-00012</td>"
    "<td>发布机构：</td><td>青山县人民政府办公室</td></tr>{rows}</table>"
    "<h1>关于加强安全生产工作的通知</h1><div id='zoom'><p>{text}</p></div></body></html>"
)
TEXT = "为进一步加强全县安全生产工作，经县人民政府同意，现将有关事项通知如下。" * 4


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://old.example/zfxxgk/201705/t20170524_1.htm", ("2017-05-24", "url")),
        ("http://old.example/zfxxgk/show.asp?id=3", (None, None)),
    ],
)
def test_a_written_date_is_never_the_shown_date(url, expected):
    """成文日期 goes to its own field; with no 发布日期 the URL's date, else none."""
    rows = "<tr><td>成文日期：</td><td>2017-05-10</td></tr>"
    record = extract_page(DISCLOSURE.format(rows=rows, text=TEXT).encode(), url)
    assert (record.publish_date, record.date_source) == expected
    assert record.gov_info["written_date"] == "2017-05-10"


def test_the_disclosure_table_s_publish_date_is_the_shown_date():
    """发布日期 in the same table, before or after 成文日期, is what visitors saw."""
    for rows in (
        "<tr><td>成文日期：</td><td>2017-05-10</td><td>发布日期：</td><td>2017-05-24</td></tr>",
        "<tr><td>发布日期：</td><td>2017-05-24</td><td>成文日期：</td><td>2017-05-10</td></tr>",
    ):
        html = DISCLOSURE.format(rows=rows, text=TEXT).encode()
        record = extract_page(html, "http://old.example/zfxxgk/show.asp?id=3")
        assert record.publish_date == "2017-05-24"
        assert record.gov_info["written_date"] == "2017-05-10"
