"""The message board's public pages as a citizen sees them: lists, one answer, the form, lookups."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape

import pytest
from django.core.cache import cache
from django.core.signing import TimestampSigner
from django.utils import timezone

from redesign.interaction import codes
from redesign.interaction.models import Department, InteractionSettings, Question
from redesign.interaction.public.forms import TOKEN_SALT

NAPO = "napo.localhost"
JINGXI = "jingxi.localhost"
NAME, PHONE, EMAIL = "张三丰", "13812345678", "zhangsanfeng@example.com"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'


@pytest.fixture(autouse=True)
def _fresh_limits():
    """Start each test with empty rate-limit counters."""
    cache.clear()
    yield
    cache.clear()


def ask(site, subject: str, status: str = "published", **fields) -> Question:
    """A stored question of the site, answered 2 days after it came in unless still open."""
    days_ago = fields.pop("days_ago", 10)
    submitted = timezone.now() - timedelta(days=days_ago)
    answered = fields.pop("answered_at", None)
    if answered is None and status in {"answered", "published", "withheld"}:
        answered = submitted + timedelta(days=2)
    values = {
        "site": site,
        "code": codes.new_code(),
        "subject": subject,
        "content": f"{subject}的留言内容，请相关部门答复。",
        "category": "consult",
        "status": status,
        "submitted_at": submitted,
        "due_date": (submitted + timedelta(days=7)).date(),
        "answered_at": answered,
        "answer": f"{subject}的答复：已按规定办理。" if answered else "",
        "name": NAME,
        "phone": PHONE,
        "email": EMAIL,
        "ip_address": "203.0.113.9",
    }
    values.update(fields)
    return Question.objects.create(**values)


def page(client, url: str, host: str = NAPO, status: int = 200) -> str:
    """The page's HTML, checking its status code."""
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == status, response.status_code
    return response.content.decode()


def list_subjects(html: str) -> list[str]:
    """The subjects the list shows, in order."""
    return [
        unescape(s) for s in re.findall(r'class="qa-list__link" href="[^"]+">([^<]+)</a>', html)
    ]


def assert_no_personal_data(html: str) -> None:
    """None of the asker's name, phone (whole or masked), mail or address is on the page."""
    for secret in (NAME, PHONE, PHONE[-4:] + "<", "138****", EMAIL, "zhangsanfeng", "203.0.113.9"):
        assert secret not in html, secret


def assert_escaped(html: str) -> None:
    """The payloads appear only as text."""
    assert SCRIPT not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.fixture
def departments(county):
    """Two answering departments of 那坡县."""
    return (
        Department.objects.create(site=county.site, name="县人社局", sort_order=1),
        Department.objects.create(site=county.site, name="县住建局", sort_order=2),
    )


def test_board_lists_the_sites_published_answers_newest_first(client, county, other_county):
    """Only published questions of this site, by answer date; each links to its page."""
    older = ask(county.site, "农村低保如何申请", days_ago=20)
    newer = ask(county.site, "公租房什么时候摇号", days_ago=5, category="suggest")
    ask(county.site, "答复尚未公开的留言", status="answered")
    ask(county.site, "不予公开的留言", status="withheld", reason="涉及个人隐私")
    ask(county.site, "刚提交的留言", status="new")
    ask(county.site, "转办中的留言", status="assigned")
    ask(county.site, "不予受理的留言", status="rejected", reason="非本辖区事项")
    ask(other_county.site, "靖西市的公开留言")

    html = page(client, "/hudong/")

    assert list_subjects(html) == ["公租房什么时候摇号", "农村低保如何申请"]
    assert f'href="/hudong/{newer.pk}/"' in html and f'href="/hudong/{older.pk}/"' in html
    assert '<span class="tag qa-tag qa-tag--suggest">建议</span>' in html
    assert '<span class="tag qa-tag qa-tag--consult">咨询</span>' in html
    submitted = timezone.localtime(older.submitted_at).date()
    assert f'<time datetime="{submitted:%Y-%m-%d}">{submitted:%Y-%m-%d}</time>' in html
    assert "<span>用时 2 天</span>" in html
    assert 'href="/hudong/ask/"' in html and "我要留言" in html
    assert 'href="/hudong/chaxun/"' in html and "办理查询" in html
    assert '<h1 class="page-header__title">互动交流</h1>' in html
    assert_no_personal_data(html)


def test_board_search_category_and_department_filters(client, county, departments):
    """q searches subject, content and answer; category and answering department narrow it."""
    social, housing = departments
    ask(county.site, "养老保险转移接续", answer_department=social, category="consult")
    ask(county.site, "建议增设公交站点", answer_department=housing, category="suggest")
    ask(county.site, "小区电梯维修", answer_department=housing, category="complain",
        answer="电梯维修资金已拨付，维修工作将于下月完成。")  # fmt: skip

    assert list_subjects(page(client, "/hudong/?q=保险")) == ["养老保险转移接续"]
    assert list_subjects(page(client, "/hudong/?q=维修资金")) == ["小区电梯维修"]  # answer text
    assert list_subjects(page(client, "/hudong/?category=suggest")) == ["建议增设公交站点"]
    by_department = page(client, f"/hudong/?department={housing.pk}")
    assert sorted(list_subjects(by_department)) == ["小区电梯维修", "建议增设公交站点"]
    assert f'<option value="{housing.pk}" selected>县住建局</option>' in by_department
    both = page(client, f"/hudong/?department={housing.pk}&category=complain")
    assert list_subjects(both) == ["小区电梯维修"]
    assert '<option value="complain" selected>投诉</option>' in both
    assert "找到符合条件的留言 1 条" in both
    assert 'href="/hudong/">清除条件</a>' in both


def test_board_pages_keep_the_search_and_filters(client, county, departments, settings):
    """The page links carry q, category and department, urlencoded."""
    settings.REDESIGN_INTERACTION_PAGE_SIZE = 2
    social, _housing = departments
    for number in range(5):
        ask(county.site, f"社保卡办理问题{number}", answer_department=social, days_ago=number + 1)

    html = page(client, f"/hudong/?q=社保卡&category=consult&department={social.pk}")

    assert len(list_subjects(html)) == 2
    assert (
        f'href="?q=%E7%A4%BE%E4%BF%9D%E5%8D%A1&amp;category=consult&amp;department={social.pk}'
        '&amp;page=2"' in html
    )
    second = page(client, f"/hudong/?q=社保卡&category=consult&department={social.pk}&page=3")
    assert list_subjects(second) == ["社保卡办理问题4"]
    assert 'value="社保卡"' in second


def test_board_empty_states(client, county):
    """No answers yet, and a search that finds nothing, each say so in words."""
    html = page(client, "/hudong/")
    assert "目前还没有公开答复的留言" in html and 'class="qa-list"' not in html

    ask(county.site, "路灯不亮")
    missing = page(client, "/hudong/?q=不存在的词")
    assert "没有找到与“不存在的词”相关的公开留言" in missing
    assert 'href="/hudong/">查看全部留言</a>' in missing


def test_detail_shows_the_question_and_answer(client, county, departments):
    """Subject, category, dates, content and answer with their line breaks, the department."""
    social, housing = departments
    question = ask(
        county.site,
        "失业保险金申领条件",
        category="help",
        department=social,
        answer_department=housing,
        content="第一行\n第二行",
        answer="答复第一段\n答复第二段",
    )

    html = page(client, f"/hudong/{question.pk}/")

    assert '<h1 class="qa-detail__title" id="qa-detail-title">失业保险金申领条件</h1>' in html
    assert "<title>失业保险金申领条件" in html
    assert '<span class="tag qa-tag qa-tag--help">求助</span>' in html
    assert "第一行<br>第二行" in html and "答复第一段<br>答复第二段" in html
    assert "<dd>县住建局</dd>" in html and "县人社局" in html  # answered by, addressed to
    answered = timezone.localtime(question.answered_at).date()
    assert f'<time datetime="{answered:%Y-%m-%d}">{answered:%Y-%m-%d}</time>' in html
    assert "<dt>办理用时</dt><dd>2 天</dd>" in html
    assert 'aria-current="page">留言详情</span>' in html
    assert_no_personal_data(html)


@pytest.mark.parametrize("status", ["new", "accepted", "assigned", "drafted", "answered",
                                    "withheld", "rejected"])  # fmt: skip
def test_detail_is_404_until_published(client, county, status):
    """Only published questions have a public page."""
    question = ask(county.site, "尚未公开的留言", status=status, answer="拟答复内容")
    html = page(client, f"/hudong/{question.pk}/", status=404)
    assert "拟答复内容" not in html


def test_detail_is_404_for_another_sites_question(client, county, other_county):
    """A question of 靖西 is not found under 那坡's host, and is under its own."""
    question = ask(other_county.site, "靖西市的公开留言")
    page(client, f"/hudong/{question.pk}/", status=404)
    page(client, f"/hudong/{question.pk}/", host=JINGXI)
    page(client, "/hudong/999999/", status=404)


def test_payloads_in_questions_are_escaped(client, county, departments):
    """Subject, content, answer and department names are text, never markup."""
    social, _ = departments
    social.name = f"人社局{IMG}"
    social.save()
    question = ask(
        county.site,
        f"标题{SCRIPT}{IMG}",
        content=f"内容{SCRIPT}\n{IMG}",
        answer=f"答复{SCRIPT}\n{IMG}",
        answer_department=social,
        department=social,
    )
    for url in ("/hudong/", f"/hudong/{question.pk}/", "/hudong/?q=标题", "/hudong/ask/"):
        html = page(client, url)
        assert SCRIPT not in html and "<img src=x" not in html, url
    assert_escaped(page(client, "/hudong/"))
    assert_escaped(page(client, f"/hudong/{question.pk}/"))
    assert_escaped(page(client, f"/hudong/chaxun/?code={question.code}"))


def test_ask_page_has_the_form_and_its_guards(client, county, departments):
    """csrf token, the signed token, the hidden honeypot, every field labelled, the rules."""
    response = client.get("/hudong/ask/", HTTP_HOST=NAPO)
    assert response.status_code == 200
    html = response.content.decode()

    assert 'method="post" enctype="multipart/form-data"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    token = re.search(r'<input type="hidden" name="token" value="([^"]+)"', html)
    assert token is not None
    signer = TimestampSigner(salt=f"{TOKEN_SALT}.{county.site.pk}")  # signed for this site
    signer.unsign(unescape(token.group(1)), max_age=60)
    honeypot = re.search(r'<div class="qa-honeypot" aria-hidden="true">(.*?)</div>', html, re.S)
    assert honeypot is not None
    field = re.search(r'<input type="text" name="website"[^>]*>', honeypot.group(1)).group(0)
    assert 'tabindex="-1"' in field and 'autocomplete="off"' in field and "value=" not in field
    for name in ("subject", "content", "category", "department", "name", "phone", "email",
                 "publish_consent", "attachment"):  # fmt: skip
        assert f'for="id_{name}"' in html and f'name="{name}"' in html, name
    assert '<option value="" selected>不确定（由网站转办）</option>' in html
    assert "县人社局" in html and "县住建局" in html
    assert "仅用于工作人员联系您，不会公开。" in html  # help text
    assert 'id="id_phone_helptext"' in html and 'aria-describedby="id_phone_helptext"' in html
    assert "答复时限 <strong>5</strong> 个工作日" in html
    assert "请如实填写留言内容" in html  # the site's intro
    assert 'name="captcha_1"' not in html
    assert 'role="alert"' not in html


def test_ask_page_shows_the_captcha_when_the_site_wants_one(client, county):
    """With 启用验证码 on, the form carries the captcha image and its answer field."""
    interaction = InteractionSettings.for_site(county.site)
    interaction.captcha = True
    interaction.reply_days = 7
    interaction.intro = "第一条须知\n第二条须知"
    interaction.save()

    html = page(client, "/hudong/ask/")

    assert 'name="captcha_1"' in html and 'name="captcha_0"' in html
    assert '<img src="/captcha/image/' in html and "验证码" in html
    assert "答复时限 <strong>7</strong> 个工作日" in html
    assert "第一条须知<br>第二条须知" in html


def test_receipt_shows_the_code_and_links_to_the_lookup(client, county):
    """The receipt shows the stored question's code, its deadline and a prefilled lookup link."""
    question = ask(county.site, "新提交的留言", status="new", due_date=date(2026, 3, 9))
    session = client.session
    session["interaction_receipt"] = question.code
    session.save()

    html = page(client, "/hudong/ask/done/")

    assert "留言已提交" in html
    assert f'<p class="qa-code">{question.code}</p>' in html
    assert f'href="/hudong/chaxun/?code={question.code}"' in html
    assert "2026年3月9日" in html
    assert_no_personal_data(html)


def test_status_page_without_a_code_shows_the_form(client, county):
    """A plain visit shows the lookup form and no result."""
    html = page(client, "/hudong/chaxun/")
    assert 'method="get"' in html and 'name="code"' in html and "qa-result" not in html


@pytest.mark.parametrize(
    ("status", "answer_shown", "reason_shown", "state"),
    [
        ("new", False, False, "待受理"),
        ("assigned", False, False, "转办"),
        ("drafted", False, False, "答复待审核"),
        ("answered", True, False, "已答复"),
        ("published", True, False, "已公开"),
        ("withheld", True, True, "不予公开"),
        ("rejected", False, True, "不予受理"),
    ],
)
def test_status_page_shows_the_state_and_only_what_it_allows(
    client, county, departments, status, answer_shown, reason_shown, state
):
    """The answer only once approved, the reason only when withheld or rejected."""
    _social, housing = departments
    question = ask(
        county.site,
        "查询进度的留言",
        status=status,
        answer="这是答复内容。",
        answered_at=timezone.now() if status in {"answered", "published", "withheld"} else None,
        reason="这是理由。" if reason_shown else "",
        handling_department=housing,
    )
    code = question.code
    spaced = f"{code[:4].lower()} {code[4:8]}-{code[8:]}"  # as typed on a phone

    html = page(client, f"/hudong/chaxun/?code={spaced}")

    assert '<h2 class="qa-result__title" id="qa-result-title">查询进度的留言</h2>' in html
    assert f'<span class="qa-state qa-state--{status}">{state}</span>' in html
    assert html.count('class="qa-steps__step') == 4
    assert ("这是答复内容。" in html) is answer_shown
    assert ("这是理由。" in html) is reason_shown
    assert (f'href="/hudong/{question.pk}/"' in html) is (status == "published")
    assert_no_personal_data(html)


def test_status_page_finds_no_code_of_another_site(client, county, other_county):
    """A code is looked up on its own site only; the form says it found nothing."""
    question = ask(other_county.site, "靖西市的留言")
    html = page(client, f"/hudong/chaxun/?code={question.code}", status=404)
    assert "没有找到这个查询码对应的留言" in html and "靖西市的留言" not in html
    assert 'class="qa-field qa-field--error"' in html
