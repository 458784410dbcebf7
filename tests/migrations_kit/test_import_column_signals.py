"""Where an imported page goes when its old column is told by weaker signals than a breadcrumb."""

from __future__ import annotations

from wagtail.models import Page

from redesign.core.models import ArticlePage, StandardPage

from .import_helpers import run_import

PAGE = (
    "<html><head><meta charset='utf-8'><title>{title}_青山县人民政府</title>"
    "<meta name='SiteName' content='青山县人民政府'><meta name='ColumnName' content='{column}'>"
    "</head><body><h1>{title}</h1><p>发布日期：2021-06-18 来源：县政府办</p>"
    "<div class='TRS_Editor'>"
    + "<p>全县防汛工作部署会议要求各乡镇落实值班制度。</p>"
    * 6
    + "</div>"
    "</body></html>"
)


def test_the_column_name_meta_places_a_page_without_breadcrumb(county, tmp_path):
    folder = tmp_path / "art" / "2021" / "6" / "18"
    folder.mkdir(parents=True)
    pages = {"art_1_101.html": ("关于做好防汛工作的通知", "通知公告"),
             "art_2_102.html": ("县政府召开防汛工作会议", "政务动态")}  # fmt: skip
    for name, (title, column) in pages.items():
        html = PAGE.format(title=title, column=column)
        (folder / name).write_text(html, encoding="utf-8")
    result = run_import(county, tmp_path)
    assert result.counts["imported"] == 2
    notice = ArticlePage.objects.get(title="关于做好防汛工作的通知")
    news = ArticlePage.objects.get(title="县政府召开防汛工作会议")
    assert notice.get_parent().slug == "tzgg"
    assert news.get_parent().slug == "zwdt"


ARTICLE = (
    "<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
    "<p>发布日期：2021-06-{day:02d} 来源：县应急局</p><div class='zoom'>"
    + "<p>各乡镇要落实防汛责任制，确保安全度汛，汛期实行二十四小时值班。</p>" * 5
    + "</div></body></html>"
)


def test_pages_a_column_list_names_go_to_that_column_wherever_they_sort(county, tmp_path):
    """大汉 keeps articles in /art/ (read first) and column lists in /col/: the lists lead."""
    titles = [f"关于做好第{n}轮防汛检查的通知" for n in range(1, 7)]
    rows = []
    for n, title in enumerate(titles, start=1):
        folder = tmp_path / "art" / "2021" / "6" / str(n)
        folder.mkdir(parents=True)
        html = ARTICLE.format(title=title, day=n)
        (folder / f"art_1234_{100 + n}.html").write_text(html, encoding="utf-8")
        href = f"/art/2021/6/{n}/art_1234_{100 + n}.html"
        rows.append(f"<li><a href='{href}'>{title}</a><span>2021-06-{n:02d}</span></li>")
    column = tmp_path / "col" / "col1234"
    column.mkdir(parents=True)
    (column / "index.html").write_text(
        "<html><head><meta charset='utf-8'><title>通知公告_青山县人民政府</title></head><body>"
        "<div>当前位置：首页 &gt; 通知公告</div><ul>" + "".join(rows) + "</ul></body></html>",
        encoding="utf-8",
    )
    result = run_import(county, tmp_path)
    assert result.counts["imported"] == 6
    parents = {page.get_parent().slug for page in ArticlePage.objects.all()}
    assert parents == {"tzgg"}


def test_a_refresh_stub_redirects_to_the_new_page_of_its_target(county, tmp_path, client):
    """Old sites park ``index.htm`` stubs that refresh to the real page: the stub URL follows."""
    root = tmp_path / "www.qs.gov.cn"
    (root / "tzgg").mkdir(parents=True)
    html = ARTICLE.format(title="关于做好防汛工作的通知", day=18)
    html = html.replace("<body>", "<body><div>当前位置：首页 &gt; 通知公告</div>")
    (root / "tzgg" / "t20210618_1.htm").write_text(html, encoding="utf-8")
    (root / "notice").mkdir()
    (root / "notice" / "index.htm").write_text(
        "<html><head><meta http-equiv='refresh' content='0; url=../tzgg/t20210618_1.htm'>"
        "</head><body>页面跳转中……</body></html>",
        encoding="utf-8",
    )
    result = run_import(county, tmp_path)
    assert result.counts["imported"] == 1
    page = ArticlePage.objects.get()
    response = client.get("/notice/index.htm", HTTP_HOST=county.site.hostname)
    assert response.status_code == 301
    assert response["Location"].endswith(f"/tzgg/{page.slug}/")


def test_a_dated_contact_page_under_an_unknown_column_is_the_organisation_page(county, tmp_path):
    folder = tmp_path / "www.qs.gov.cn" / "ywbk"
    folder.mkdir(parents=True)
    html = (
        "<html><head><meta charset='utf-8'><title>联系我们</title></head><body>"
        "<div>当前位置：首页 &gt; 业务板块</div><h1>联系我们</h1><p>发布时间：2019-04-02</p>"
        "<div class='zoom'><p>办公地址：青山县人民路1号。办公时间：工作日上午八点至十二点。</p>"
        "<p>联系电话：0776-1234567。邮政编码：533900。</p></div></body></html>"
    )
    (folder / "71268.html").write_text(html, encoding="utf-8")
    run_import(county, tmp_path)
    page = Page.objects.get(title="联系我们")
    assert page.get_parent().slug == "jgzn"
    assert isinstance(page.specific, StandardPage)
