"""The demo cluster: loaded once per module, every site renders, a second load changes nothing."""

import datetime
import io
import re
import zipfile
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from wagtail import blocks as wagtail_blocks
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from redesign.cluster.models import SiteIdentity
from redesign.cluster.provisioning import create_county_site
from redesign.core.models import ArticlePage, ColumnPage, IndustryPage, StandardPage
from redesign.demo import documents
from redesign.demo.builder import DEFAULT_PASSWORD, PORTAL_HOSTNAME
from redesign.demo.content import ContentGenerator, portal_articles
from redesign.demo.profiles import COUNTIES, PORTAL

PORT = 8000


@pytest.fixture(scope="module")
def demo_cluster(django_db_setup, django_db_blocker):
    """Load the demo cluster once for this module and roll it back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_cluster", "--quiet")
        yield
        transaction.set_rollback(True)
    cache.clear()


def site_for(hostname: str) -> Site:
    """The demo site at hostname:8000."""
    return Site.objects.select_related("root_page").get(hostname=hostname, port=PORT)


def host(hostname: str) -> str:
    """The Host header of a demo site."""
    return f"{hostname}:{PORT}"


# -- generated files (no database) ------------------------------------------------------------


def test_pdf_is_well_formed():
    """The hand-written PDF has a header, a correct cross-reference table and an end marker."""
    title = "那坡县人民政府关于印发《示例方案》的通知"
    data = documents.make_pdf(title, ["第一段。", "第二段文字。"])
    assert data.startswith(b"%PDF-1.4")
    assert data.rstrip().endswith(b"%%EOF")
    startxref = int(re.search(rb"startxref\n(\d+)\n", data).group(1))
    assert data[startxref:].startswith(b"xref")
    offsets = [int(m) for m in re.findall(rb"(\d{10}) 00000 n", data)]
    for number, offset in enumerate(offsets, start=1):
        assert data[offset:].startswith(b"%d 0 obj" % number)
    assert "示例方案".encode("utf-16-be").hex().upper().encode() in data


def test_docx_is_a_word_document():
    """The DOCX is a zip holding the content types and the main document part."""
    data = documents.make_docx("报名登记表", ["姓名：", "联系电话："])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml"} <= set(
            archive.namelist()
        )
        assert "报名登记表" in archive.read("word/document.xml").decode("utf-8")


def test_content_is_deterministic_and_in_the_past():
    """The same seed and moment give the same articles, all dated before that moment."""
    now = timezone.localtime(timezone.now())
    first = ContentGenerator(COUNTIES[0], now).articles()
    second = ContentGenerator(COUNTIES[0], now).articles()
    assert [a.title for a in first] == [a.title for a in second]
    assert len({a.title for a in first}) == len(first)
    for spec in first + portal_articles(now):
        assert spec.publish_date < now
        assert now - spec.publish_date < datetime.timedelta(days=130)


# -- the loaded cluster -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("county", COUNTIES, ids=lambda c: c.key)
def test_county_home_shows_its_own_name_only(demo_cluster, client, county):
    """Each county home renders on its own hostname with its name and no other county's."""
    response = client.get("/", HTTP_HOST=host(county.hostname))
    assert response.status_code == 200
    html = response.content.decode("utf-8")
    assert county.full_name in html
    for other in COUNTIES:
        if other.key != county.key:
            assert other.name not in html


@pytest.mark.django_db
def test_portal_is_the_default_site_and_lists_the_counties(demo_cluster, client):
    """The portal answers 127.0.0.1:8000 and unknown hosts, and links every county site."""
    portal = site_for(PORTAL_HOSTNAME)
    assert portal.is_default_site
    response = client.get("/", HTTP_HOST=host(PORTAL_HOSTNAME))
    assert response.status_code == 200
    html = response.content.decode("utf-8")
    assert PORTAL.full_name in html
    for county in COUNTIES:
        assert f"http://{county.hostname}:{PORT}/" in html
    assert client.get("/", HTTP_HOST="localhost:8000").status_code == 200


@pytest.mark.django_db
def test_portal_menu_has_no_blank_columns(demo_cluster):
    """Every column in the portal's menu holds content: a blank column would fail an inspection."""
    portal = site_for(PORTAL_HOSTNAME)
    in_menu = ColumnPage.objects.child_of(portal.root_page).live().in_menu()
    assert in_menu.exists()
    for column in in_menu:
        assert Page.objects.descendant_of(column).live().exists(), column.title


@pytest.mark.django_db
@pytest.mark.parametrize("county", COUNTIES, ids=lambda c: c.key)
def test_county_articles(demo_cluster, county):
    """Dozens of live, past-dated articles across the four article columns, with metadata."""
    root = site_for(county.hostname).root_page
    articles = list(ArticlePage.objects.descendant_of(root).live())
    assert len(articles) >= 30
    columns = {article.get_parent().slug for article in articles}
    assert {"yaowen", "zwdt", "tzgg", "zcwj"} <= columns
    now = timezone.now()
    assert all(a.publish_date is not None and a.publish_date <= now for a in articles)
    dates = sorted(a.publish_date for a in articles)
    assert now - dates[0] > datetime.timedelta(days=60)
    quiet = {"green": 0, "amber": 13, "red": 17}[county.health]  # the guarantee demo's pace
    newest = timezone.localdate(dates[-1])
    assert quiet <= (timezone.localdate(now) - newest).days < quiet + 3

    by_column = {}
    for article in articles:
        by_column.setdefault(article.get_parent().slug, []).append(article)
    news = by_column["yaowen"] + by_column["zwdt"]
    assert all(a.source for a in news) and any(a.author for a in news)
    assert any(a.cover_image_id for a in by_column["yaowen"])
    assert any(a.origin == "reprint" and a.origin_source for a in news)
    notices = by_column["tzgg"]
    number = re.compile(rf"{county.abbr}\w+〔\d{{4}}〕\d+号")
    assert any(number.fullmatch(a.document_number) for a in notices)
    assert all(a.issuing_body for a in notices)
    for policy in by_column["zcwj"]:
        assert policy.document_number and policy.issuing_body and policy.index_number
        assert policy.written_date is not None
        assert policy.written_date <= timezone.localtime(policy.publish_date).date()
        attached = [child.value["document"] for child in policy.attachments]
        assert attached and attached[0].file.name.endswith(".pdf") and attached[0].file_size


@pytest.mark.django_db
@pytest.mark.parametrize("county", COUNTIES, ids=lambda c: c.key)
def test_county_static_and_industry_pages(demo_cluster, client, county):
    """概况信息, 机构职能, 负责人信息 have bodies; 2–3 industry pages have figures and render."""
    root = site_for(county.hostname).root_page
    for slug in ("gkxx", "jgzn", "fzrxx"):
        page = StandardPage.objects.child_of(root).get(slug=slug)
        assert page.live and len(page.body) >= 1
    gkxx = StandardPage.objects.child_of(root).get(slug="gkxx")
    assert "key_figures" in [child.block_type for child in gkxx.body]
    industries = list(IndustryPage.objects.descendant_of(root).live())
    assert 2 <= len(industries) <= 3
    for industry in industries:
        assert len(industry.figures) >= 2 and industry.cover_image_id
        kinds = {child.block_type for child in industry.body}
        assert {"enterprise", "product", "gallery"} <= kinds
    for page in [industries[0], gkxx, ArticlePage.objects.descendant_of(root).first()]:
        response = client.get(page.url, HTTP_HOST=host(county.hostname))
        assert response.status_code == 200, page.url


@pytest.mark.django_db
def test_site_identities_are_distinct_and_valid(demo_cluster):
    """Every demo site has a valid identity; colours and codes differ between sites."""
    identities = [
        SiteIdentity.for_site(site_for(h))
        for h in [PORTAL_HOSTNAME, *(c.hostname for c in COUNTIES)]
    ]
    for identity in identities:
        identity.full_clean()
        assert identity.icp_number.startswith("桂ICP备")
        assert identity.police_number.startswith("桂公网安备")
        assert identity.organizer and identity.address and identity.phone and identity.logo_id
    assert len({i.identity_code for i in identities}) == len(identities)
    assert len({i.primary_color for i in identities}) == len(identities)


def _check_raw(block, raw, path: str) -> None:
    """Fail when raw JSON uses a child name the block does not define."""
    if isinstance(block, wagtail_blocks.StructBlock):
        assert isinstance(raw, dict), path
        unknown = set(raw) - set(block.child_blocks)
        assert not unknown, f"{path}: unknown fields {unknown}"
        for name, child in block.child_blocks.items():
            if name in raw:
                _check_raw(child, raw[name], f"{path}.{name}")
    elif isinstance(block, wagtail_blocks.ListBlock):
        for i, item in enumerate(raw):
            value = item["value"] if isinstance(item, dict) and "id" in item else item
            _check_raw(block.child_block, value, f"{path}[{i}]")
    elif isinstance(block, wagtail_blocks.StreamBlock):
        for i, item in enumerate(raw):
            assert item["type"] in block.child_blocks, f"{path}[{i}]: {item['type']}"
            _check_raw(block.child_blocks[item["type"]], item["value"], f"{path}[{i}]")


@pytest.mark.django_db
def test_stream_values_match_the_block_library(demo_cluster):
    """Every demo StreamField value uses the blocks' field names and passes block validation."""
    roots = [site_for(h).root_page for h in [PORTAL_HOSTNAME, *(c.hostname for c in COUNTIES)]]
    checked = 0
    for root in roots:
        for page in Page.objects.descendant_of(root, inclusive=True).specific():
            for field in page._meta.get_fields():
                if not isinstance(field, StreamField):
                    continue
                value = getattr(page, field.name)
                label = f"{page.title} {field.name}"
                _check_raw(field.stream_block, list(value.raw_data), label)
                field.stream_block.clean(value)
                checked += 1
    assert checked > 100


@pytest.mark.django_db
def test_second_run_changes_nothing(demo_cluster):
    """Loading again reports that the cluster is loaded and creates nothing."""
    counts = (
        Page.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
        get_user_model().objects.count(),
        Site.objects.count(),
    )
    out = StringIO()
    call_command("load_demo_cluster", stdout=out)
    assert "已经加载" in out.getvalue()
    assert "http://napo.localhost:8000/" in out.getvalue()
    assert counts == (
        Page.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
        get_user_model().objects.count(),
        Site.objects.count(),
    )


@pytest.mark.django_db
def test_admin_and_editors_can_log_in(demo_cluster, client):
    """The superuser and each county's editor (in its 维护 group) can log in to the admin."""
    # django-axes watches every login and needs the request (as the admin's login form passes).
    assert client.login(request=HttpRequest(), username="admin", password=DEFAULT_PASSWORD)
    assert client.get("/admin/", HTTP_HOST=host(PORTAL_HOSTNAME)).status_code == 200
    client.logout()
    for county in COUNTIES:
        editor = get_user_model().objects.get(username=f"{county.key}_editor")
        assert editor.groups.filter(name=f"{county.full_name} 维护").exists()
        assert client.login(
            request=HttpRequest(), username=editor.username, password=DEFAULT_PASSWORD
        )
        assert client.get("/admin/", HTTP_HOST=host(county.hostname)).status_code == 200
        client.logout()


@pytest.mark.django_db
def test_each_county_board_has_questions_in_every_state(demo_cluster, client):
    """Every state, one overdue, one near the 3-month line; the home blocks show real figures;
    the county's 审核 handles them; the public pages carry no personal data."""
    from redesign.core.workdays import local_today
    from redesign.interaction.interface import overdue_counts, reply_stats
    from redesign.interaction.models import Question

    today = local_today()
    for county in COUNTIES:
        site = site_for(county.hostname)
        questions = Question.objects.filter(site=site)
        assert set(questions.values_list("status", flat=True)) == {
            "new", "accepted", "assigned", "drafted", "answered", "published", "withheld",
            "rejected",
        }  # fmt: skip
        assert questions.open().filter(due_date__lt=today).exists()
        overdue, days_left = overdue_counts([site.pk], today)[site.pk]
        assert overdue == 0 and days_left is not None and days_left <= 30
        figures = reply_stats([site.pk], today - datetime.timedelta(days=180), today)[site.pk]
        home = client.get("/", HTTP_HOST=host(county.hostname)).content.decode()
        assert "最新答复" in home and "公开办理情况" in home
        assert str(figures.received) in home
        published = questions.filter(status="published").order_by("-answered_at").first()
        assert published.subject in home
        board = client.get("/hudong/", HTTP_HOST=host(county.hostname)).content.decode()
        assert published.subject in board
        for person in questions.values_list("name", "phone"):
            for value in person:
                assert value not in home and value not in board
        reviewer = get_user_model().objects.get(username=f"{county.key}_shenhe")
        assert reviewer.has_perm("interaction.approve_question")
        client.force_login(reviewer)
        listing = client.get("/admin/interaction_questions/", HTTP_HOST=host(county.hostname))
        assert listing.status_code == 200 and published.subject in listing.content.decode()
        client.logout()


@pytest.mark.django_db
def test_a_conflicting_site_is_a_command_error():
    """A hostname taken by another site stops the load with a clear CommandError."""
    create_county_site("示例站点", "napo.localhost", 8001)
    with pytest.raises(CommandError, match="那坡县人民政府"):
        call_command("load_demo_cluster", "--port", "8001", "--quiet")
    with pytest.raises(CommandError, match="端口"):
        call_command("load_demo_cluster", "--port", "0", "--quiet")
