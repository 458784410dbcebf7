"""最新答复 and 公开办理情况: the site's published answers and its figures, few queries, no PII."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from html import unescape

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from blocks.qa import HandlingStatsBlock, LatestAnswersBlock
from redesign.core.workdays import local_today, local_zone
from redesign.interaction import codes
from redesign.interaction.models import Department, Question
from redesign.interaction.models.figures import month_start

NAME, PHONE, EMAIL = "张三", "13812345678", "zhangsan@example.com"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'


def at(day, hour: int = 10) -> datetime:
    """An aware moment on a local day."""
    return datetime.combine(day, time(hour), tzinfo=local_zone())


def question(site, subject: str = "留言", status: str = "published", **fields) -> Question:
    """A stored question of the site with its asker's personal data filled in."""
    submitted = fields.pop("submitted_at", timezone.now() - timedelta(days=10))
    values = {
        "site": site,
        "code": codes.new_code(),
        "subject": subject,
        "content": f"{subject}的内容",
        "category": "consult",
        "status": status,
        "submitted_at": submitted,
        "due_date": (submitted + timedelta(days=7)).date(),
        "answered_at": submitted + timedelta(days=2),
        "answer": f"{subject}的答复",
        "name": NAME,
        "phone": PHONE,
        "email": EMAIL,
        "ip_address": "203.0.113.9",
    }
    values.update(fields)
    return Question.objects.create(**values)


def render(block, raw: dict, host: str | None = "napo.localhost", page=None) -> str:
    """Render a block value as a home page would, with a request for the host."""
    value = block.to_python(raw)
    context = {}
    if host is not None:
        context["request"] = RequestFactory().get("/", HTTP_HOST=host)
    if page is not None:
        context["page"] = page
    return block.render(value, context=context)


def latest(host: str | None = "napo.localhost", count: int = 5, page=None) -> str:
    """The rendered 最新答复 block."""
    return render(LatestAnswersBlock(), {"heading": "最新答复", "count": count}, host, page)


def stats(host: str | None = "napo.localhost", months: int = 6) -> str:
    """The rendered 公开办理情况 block."""
    return render(HandlingStatsBlock(), {"heading": "公开办理情况", "months": months}, host)


def answer_links(html: str) -> list[str]:
    """The linked subjects of the latest-answers list, in order."""
    found = re.findall(r'class="b-latest-answers__link" href="[^"]*">([^<]*)</a>', html)
    return [unescape(subject) for subject in found]


def assert_no_personal_data(html: str) -> None:
    """None of the asker's name, phone, mail or address is in the HTML."""
    for secret in (NAME, PHONE, "138****", EMAIL, "203.0.113.9"):
        assert secret not in html, secret


def test_latest_answers_lists_the_sites_published_answers(napo, jingxi):
    """Newest answer first, cut to the count; others' and unpublished questions left out."""
    department = Department.objects.create(site=napo.site, name="县教育局")
    now = timezone.now()
    old = question(napo.site, "学区划分咨询", answered_at=now - timedelta(days=9))
    new = question(
        napo.site, "校车线路建议", answered_at=now - timedelta(days=1), category="suggest",
        answer_department=department,
    )  # fmt: skip
    question(napo.site, "第三条答复", answered_at=now - timedelta(days=5))
    question(napo.site, "已答复未公开", status="answered", answered_at=now)
    question(napo.site, "不予公开", status="withheld", answered_at=now)
    question(napo.site, "待受理", status="new", answered_at=None, answer="")
    question(jingxi.site, "靖西的公开答复", answered_at=now)

    html = latest(count=2)

    assert answer_links(html) == ["校车线路建议", "第三条答复"]
    assert f'href="/hudong/{new.pk}/"' in html and f'href="/hudong/{old.pk}/"' not in html
    assert '<span class="b-latest-answers__department">县教育局</span>' in html
    assert '<span class="b-latest-answers__tag">建议</span>' in html
    day = timezone.localtime(new.answered_at).date()
    assert f'datetime="{day:%Y-%m-%d}">{day:%Y-%m-%d}</time>' in html
    assert 'href="/hudong/" aria-label="更多最新答复"' in html
    assert answer_links(latest(count=20)) == ["校车线路建议", "第三条答复", "学区划分咨询"]
    assert answer_links(latest(host="jingxi.localhost")) == ["靖西的公开答复"]
    assert_no_personal_data(html)


def test_latest_answers_never_loads_personal_fields(napo):
    """The query reads only what the block shows: not name, phone, mail or address."""
    question(napo.site, "只读公开字段")
    with CaptureQueriesContext(connection) as queries:
        latest()
    sql = " ".join(
        query["sql"] for query in queries.captured_queries if "interaction" in query["sql"]
    )
    assert "interaction_question" in sql
    for column in ('"name"', '"phone"', '"email"', '"ip_address"', '"content"'):
        assert f'"interaction_question".{column}' not in sql, column


def test_latest_answers_without_a_request_or_site_is_empty(napo):
    """No request (a preview) or an unknown host renders the empty state, no 更多 link."""
    question(napo.site, "不应出现的答复")
    for html in (latest(host=None, page=napo.home), latest(host="unknown.example")):
        assert "暂无公开答复的留言。" in html
        assert "不应出现的答复" not in html and "/hudong/" not in html
        assert '<h2 class="b-latest-answers__heading"' in html


def test_latest_answers_escapes_payloads(napo):
    """A subject or department name carrying markup is shown as text."""
    department = Department.objects.create(site=napo.site, name=f"部门{IMG}")
    question(napo.site, f"标题{SCRIPT}{IMG}", answer=f"答复{SCRIPT}", answer_department=department)
    html = latest()
    assert SCRIPT not in html and "<img src=x" not in html
    assert "标题&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x" in html
    assert "部门&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize(("block_html", "setup_count"), [(latest, 2), (stats, 2)])
def test_query_count_does_not_grow_with_the_questions(napo, block_html, setup_count):
    """One rendering costs the same queries for 2 questions as for 12."""
    department = Department.objects.create(site=napo.site, name="县民政局")

    def measured() -> int:
        with CaptureQueriesContext(connection) as queries:
            block_html()
        return len(queries.captured_queries)

    for number in range(setup_count):
        question(napo.site, f"留言{number}", answer_department=department)
    few = measured()
    for number in range(10):
        question(napo.site, f"更多留言{number}", answer_department=department)
    assert measured() == few
    assert few <= 2  # the site, then one query for the questions


def month_rows(html: str) -> dict[str, list[str]]:
    """The by-month table as {YYYY-MM: [received, answered, on-time rate, median days]}."""
    rows = re.findall(
        r'<th scope="row"><time datetime="(\d{4}-\d{2})">[^<]+</time></th>\s*'
        r"<td>([^<]*)</td>\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>",
        html,
    )
    return {month: list(cells) for month, *cells in rows}


def figure(html: str, label: str) -> str:
    """The shown value of one headline figure, its unit included, tags dropped."""
    match = re.search(rf"<dt>{label}</dt>\s*<dd>(.*?)</dd>", html, re.S)
    assert match is not None, label
    return re.sub(r"<[^>]+>", "", match.group(1))


def test_handling_stats_figures_for_a_known_set(napo, jingxi):
    """Received, answered, on-time rate and median days: overall and by month, valid ones only."""
    this_month = month_start(local_today())
    last_month = month_start(local_today(), 1)
    long_ago = month_start(local_today(), 4)

    def add(day, status, answered_after=None, due_after=5, site=napo.site):
        submitted = at(day)
        question(
            site,
            status=status,
            submitted_at=submitted,
            due_date=day + timedelta(days=due_after),
            answered_at=None if answered_after is None else submitted + timedelta(answered_after),
        )

    add(this_month, "published", answered_after=2)  # on time, 2 days
    add(this_month, "answered", answered_after=8)  # late, 8 days
    add(this_month, "new")
    add(this_month, "rejected")  # invalid: not counted
    add(last_month + timedelta(days=2), "withheld", answered_after=4)  # on time, 4 days
    add(last_month + timedelta(days=2), "assigned")
    add(long_ago, "published", answered_after=1)  # before the window
    add(this_month, "published", answered_after=1, site=jingxi.site)  # another site

    html = stats(months=2)

    assert figure(html, "收到留言") == "5件"
    assert figure(html, "已答复") == "3件"
    assert figure(html, "按时答复率") == "66.7%"
    assert figure(html, "答复用时中位数") == "4天"
    assert month_rows(html) == {
        f"{this_month:%Y-%m}": ["3", "2", "50%", "5"],
        f"{last_month:%Y-%m}": ["2", "1", "100%", "4"],
    }
    assert "近 2 个月留言办理情况（按月）</caption>" in html
    assert '<th scope="col">月份</th>' in html
    assert 'href="/hudong/"' in html
    assert_no_personal_data(html)


def test_handling_stats_months_without_answers_show_dashes(napo):
    """A month with questions but no answers has no rate or median: a dash, not 0."""
    question(napo.site, status="new", submitted_at=at(month_start(local_today())), answered_at=None)
    html = stats(months=1)
    assert figure(html, "按时答复率") == "—" and figure(html, "答复用时中位数") == "—"
    assert list(month_rows(html).values()) == [["1", "0", "—", "—"]]


def test_handling_stats_empty_states(napo):
    """No question in the period, and no request at all, each render a sentence, no table."""
    quiet = stats(months=3)
    assert "近 3 个月暂无留言。" in quiet and "<table" not in quiet
    bare = render(HandlingStatsBlock(), {"heading": "公开办理情况", "months": 6}, host=None)
    assert "暂无办理数据。" in bare and "<table" not in bare


def test_editors_can_put_both_blocks_on_a_home_page(client, napo):
    """The home page's StreamField accepts the blocks and the page renders them in panels."""
    question(napo.site, "首页上的最新答复")
    napo.home.body = [
        ("latest_answers", {"heading": "最新答复", "count": 5}),
        ("handling_stats", {"heading": "公开办理情况", "months": 6}),
    ]
    napo.home.save_revision().publish()

    html = client.get("/", HTTP_HOST="napo.localhost").content.decode()

    assert "home-block--latest_answers home-block--half home-block--start" in html
    assert "home-block--handling_stats home-block--half home-block--end" in html
    assert "首页上的最新答复" in html and "收到留言" in html
    assert_no_personal_data(html)
