"""规范用语: wrong forms found in text and pages, live findings, the editor's warning, the rules."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from blocks.base import PARAGRAPH_FEATURES
from redesign.guarantee import wording
from redesign.guarantee.models import WordingCategory, WordingFinding, WordingRule
from tests.conftest import add_article, column_of

SNIPPET_URL = "/admin/snippets/guarantee/wordingrule/"


@pytest.fixture(autouse=True)
def _fresh_rules():
    """Each test compiles the rules of its own database state."""
    wording.invalidate_rules()
    yield
    wording.invalidate_rules()


def rule(correct: str, *wrong: str, serious: bool = True) -> WordingRule:
    """An unsaved rule, for checks with an explicit rule list."""
    return WordingRule(correct=correct, wrong_forms="\n".join(wrong), serious=serious)


STARTER = import_module("redesign.guarantee.migrations.0003_wording_starter_list")


@pytest.fixture
def starter(db):
    """The starter list of migration 0003 (added again if a flush removed it)."""
    STARTER.add_rules(apps, None)
    wording.invalidate_rules()
    return STARTER.STARTER_RULES


# --- find_errors -------------------------------------------------------------------------------


def test_wrong_forms_are_found_with_their_correct_form_and_place():
    rules = [rule("中华人民共和国", "中华人民共合国"), rule("再接再厉", "再接再励", serious=False)]
    text = "学习《中华人民共合国宪法》，再接再励。"
    found = wording.find_errors(text, rules)
    assert [(m.wrong, m.correct, m.serious) for m in found] == [
        ("中华人民共合国", "中华人民共和国", True),
        ("再接再励", "再接再厉", False),
    ]
    assert text[found[0].start : found[0].end] == "中华人民共合国"
    assert "学习《中华人民共合国宪法》" in found[0].excerpt


def test_a_wrong_form_inside_the_correct_form_is_no_error():
    rules = [rule("习近平总书记", "近平总书记")]
    assert wording.find_errors("习近平总书记强调，要做好工作。", rules) == []
    text = "习近平总书记指出：……近平总书记强调"
    found = wording.find_errors(text, rules)
    assert [m.start for m in found] == [text.rindex("近平总书记")]


def test_a_shorter_wrong_form_is_still_found_after_a_shielded_one():
    rules = [rule("中国共产党员", "共产党员"), rule("党员干部", "党员千部")]
    found = wording.find_errors("中国共产党员千部", rules)
    assert [m.wrong for m in found] == ["党员千部"]


def test_the_longest_wrong_form_wins_and_matches_do_not_overlap():
    rules = [
        rule("中国特色社会主义", "中国特色社会主意"),
        rule("习近平新时代中国特色社会主义思想", "习近平新时代中国特色社会主意思想"),
    ]
    found = wording.find_errors("深入学习习近平新时代中国特色社会主意思想", rules)
    assert [m.correct for m in found] == ["习近平新时代中国特色社会主义思想"]


def test_hundreds_of_rules_are_one_alternation_and_all_found():
    rules = [rule(f"正确术语{i:03d}号", f"错误术语{i:03d}号") for i in range(600)]
    matcher = wording.Matcher(wording._plain(r) for r in rules)
    assert len(matcher.by_wrong) == 600
    picked = range(0, 600, 7)
    text = "，".join(f"错误术语{i:03d}号" for i in picked)
    assert [m.correct for m in matcher.find(text)] == [f"正确术语{i:03d}号" for i in picked]


def test_the_compiled_rules_are_cached_until_a_rule_changes(starter, django_assert_num_queries):
    wording.find_errors("热身")
    with django_assert_num_queries(0):
        wording.find_errors("再次检查，不读数据库")
    assert not wording.find_errors("那波县人民政府")

    added = WordingRule.objects.create(
        correct="那坡县", wrong_forms="那波县", category=WordingCategory.PLACE
    )
    assert [m.correct for m in wording.find_errors("那波县人民政府")] == ["那坡县"]

    added.wrong_forms = "那陂县"
    added.save()
    assert not wording.find_errors("那波县人民政府")
    assert [m.wrong for m in wording.find_errors("那陂县")] == ["那陂县"]

    added.active = False
    added.save()
    assert not wording.find_errors("那陂县")
    added.delete()
    assert not wording.find_errors("那陂县")


def test_the_starter_list_is_there_and_flags_none_of_its_correct_forms(starter):
    listed = starter
    assert len(listed) >= 30
    for correct, wrong, _category, serious, _note in listed:
        stored = WordingRule.objects.get(correct=correct, wrong_forms="\n".join(wrong))
        assert stored.serious == serious and stored.active
    all_correct = "。".join(correct for correct, *_rest in listed)
    assert wording.find_errors(all_correct) == []
    assert [m.correct for m in wording.find_errors("广西壮族自治州百色市")] == ["广西壮族自治区"]
    assert [m.serious for m in wording.find_errors("民国时期的广西省")] == [False]


# --- page text ---------------------------------------------------------------------------------


def _body():
    """An article body with rich text, a heading, a quote and a table."""
    return [
        ("heading", {"text": "贯切落实会议精神", "level": "h2"}),
        ("paragraph", RichText("<p>学习<b>中华人民</b>共合国宪法</p><p>第二段&amp;结束</p>")),
        ("quote", {"text": "不忘出心，牢记使命", "attribution": ""}),
        (
            "table",
            {
                "caption": "表格标题",
                "table": {"data": [["指标", "数值"], ["乡村振新", None]]},
                "source": "",
            },
        ),
    ]


@pytest.mark.django_db
def test_page_text_reads_fields_streamfields_and_tables_without_queries(
    starter, county, django_assert_num_queries
):
    article = add_article(
        column_of(county, "yaowen"),
        "脱贫攻坚新闻",
        summary="摘要：全面从严冶党",
        seo_title="SEO 标题",
        search_description="搜索描述",
        body=_body(),
    )
    article = type(article).objects.get(pk=article.pk)
    with django_assert_num_queries(0):
        text = wording.page_text(article)
    for part in ("脱贫攻坚新闻", "SEO 标题", "搜索描述", "全面从严冶党", "贯切落实会议精神"):
        assert part in text
    assert "学习中华人民共合国宪法" in text and "<b>" not in text
    assert "第二段&结束" in text and "不忘出心" in text and "乡村振新" in text
    assert "县融媒体中心" in text  # the article's 来源 is text editors write
    found = {m.correct for m in wording.find_errors(text)}
    assert {"中华人民共和国", "全面从严治党", "不忘初心", "乡村振兴", "贯彻落实"} <= found


def test_rich_text_paragraphs_are_not_joined_into_a_word(starter):
    text = wording.html_text("<p>中华人民共</p><p>合国</p>")
    assert wording.find_errors(text) == []


# --- findings on the live version --------------------------------------------------------------


def test_findings_follow_the_live_version_only(starter, county):
    article = add_article(column_of(county, "yaowen"), "县委常委会召开会议")
    assert not WordingFinding.objects.filter(page=article).exists()

    article.summary = "会议传达学习习进平总书记重要讲话精神"
    revision = article.save_revision()
    assert not WordingFinding.objects.filter(page=article).exists()  # a draft is not live

    revision.publish()
    finding = WordingFinding.objects.get(page=article)
    assert (finding.wrong_form, finding.rule.correct, finding.rule.serious) == (
        "习进平",
        "习近平",
        True,
    )
    assert "习进平总书记" in finding.excerpt

    article.refresh_from_db()
    article.summary = "会议传达学习习近平总书记重要讲话精神"
    article.save_revision().publish()
    assert not WordingFinding.objects.filter(page=article).exists()


def test_findings_are_cleared_on_unpublish_and_with_the_page(starter, county):
    article = add_article(column_of(county, "yaowen"), "乡村振新工作推进会", summary="中国共产挡")
    assert WordingFinding.objects.filter(page=article).count() == 2
    article.unpublish()
    assert not WordingFinding.objects.filter(page=article).exists()
    article.refresh_from_db()
    article.save_revision().publish()
    assert WordingFinding.objects.filter(page=article).count() == 2
    article.delete()
    assert not WordingFinding.objects.exists()


def test_serious_findings_are_counted_per_site_in_one_query(
    starter, county, other_county, django_assert_num_queries
):
    add_article(column_of(county, "yaowen"), "习进平", summary="中国共产挡")
    add_article(column_of(county, "zwdt"), "再接再励")  # not serious
    add_article(column_of(other_county, "yaowen"), "乡村振新")
    ids = [county.site.pk, other_county.site.pk]
    with django_assert_num_queries(1):
        counts = wording.serious_findings_count_by_site(ids)
    assert counts == {county.site.pk: 2, other_county.site.pk: 1}
    assert {f.wrong_form for f in wording.site_findings(county.site, serious=False)} == {"再接再励"}

    WordingRule.objects.filter(correct="乡村振兴").update(active=False)
    assert wording.serious_findings_count_by_site(ids)[other_county.site.pk] == 0


# --- the editor's warning ----------------------------------------------------------------------


def _edit_data(client, page, html: str):
    """The page's edit form as the browser posts it, with one paragraph in the body."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    paragraph = ("paragraph", rich_text(html, features=PARAGRAPH_FEATURES))
    streams = {"body": streamfield([paragraph]), "attachments": streamfield([])}
    data.update(nested_form_data(streams))
    return data


def test_saving_a_draft_in_the_editor_warns_of_wrong_forms(client, starter, county, staff):
    article = add_article(column_of(county, "yaowen"), "县政府常务会议")
    client.force_login(staff["maintainer"])
    data = _edit_data(client, article, "<p>深入学习习进平新时代思想，再接再励。</p>")

    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 302
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert len(warnings) == 1
    assert "「习进平」→「习近平」（严重）" in warnings[0]
    assert "「再接再励」→「再接再厉」" in warnings[0]
    assert "「再接再励」→「再接再厉」（严重）" not in warnings[0]
    assert "单项否决" in warnings[0]
    assert not WordingFinding.objects.filter(page=article).exists()  # only a draft was saved

    clean = _edit_data(client, article, "<p>深入学习习近平新时代中国特色社会主义思想。</p>")
    response = client.post(f"/admin/pages/{article.pk}/edit/", clean)
    assert [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"] == []


def test_creating_a_page_in_the_editor_warns_too(client, starter, county, staff):
    client.force_login(staff["informant"])
    url = f"/admin/pages/add/core/articlepage/{column_of(county, 'yaowen').pk}/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield([]), "attachments": streamfield([])}))
    data.update({"title": "白色市召开脱贫功坚推进会", "slug": "tuopin"})
    response = client.post(url, data)
    assert response.status_code == 302
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert "「脱贫功坚」→「脱贫攻坚」（严重）" in warnings[0]
    assert "「白色市」→「百色市」（严重）" in warnings[0]


# --- the rules' snippet ------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["informant", "reviewer", "maintainer"])
def test_editors_of_sites_cannot_reach_the_rules(client, starter, staff, role):
    user = staff[role]
    group = user.groups.get()
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="guarantee", codename__endswith="rule")
    )
    client.force_login(user)
    pk = WordingRule.objects.get(correct="习近平").pk
    chooser = "/admin/snippets/choose/guarantee/wordingrule/"
    for url in (SNIPPET_URL, f"{SNIPPET_URL}add/", f"{SNIPPET_URL}edit/{pk}/", chooser):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "习进平" not in response.content.decode()
    response = client.post(f"{SNIPPET_URL}delete/{pk}/")
    assert response.status_code in (302, 403)
    assert WordingRule.objects.filter(pk=pk).exists()


@pytest.fixture
def admin_client_logged(client, starter):
    """The client logged in as a cluster administrator."""
    user = get_user_model().objects.create_superuser("wording_root", password="x-pass-123456")
    client.force_login(user)
    return client


def test_administrators_list_search_and_filter_the_rules(admin_client_logged):
    client = admin_client_logged
    page = client.get(SNIPPET_URL).content.decode()
    assert "习近平" in page and "中华人民共合国" in page

    found = client.get(SNIPPET_URL, {"q": "习进平"}).content.decode()
    assert "习近平" in found and "中华人民共和国" not in found

    leaders = client.get(SNIPPET_URL, {"category": "leader"}).content.decode()
    assert "毛泽东" in leaders and "乡村振兴" not in leaders
    assert client.get("/admin/snippets/choose/guarantee/wordingrule/").status_code == 200


def test_administrators_add_a_rule_and_it_applies_at_once(admin_client_logged):
    client = admin_client_logged
    data = {
        "correct": "那坡县",
        "wrong_forms": "那波县\n\n 那波县 \n那陂县",
        "category": "place",
        "serious": "on",
        "note": "",
        "active": "on",
    }
    assert wording.find_errors("那波县") == []
    response = client.post(f"{SNIPPET_URL}add/", data)
    assert response.status_code == 302
    added = WordingRule.objects.get(correct="那坡县")
    assert added.wrong_list == ["那波县", "那陂县"]
    assert [m.correct for m in wording.find_errors("那波县")] == ["那坡县"]

    refused = client.post(f"{SNIPPET_URL}add/", {**data, "wrong_forms": "那坡县"})
    assert refused.status_code == 200
    assert "错误写法不能与正确写法相同" in refused.content.decode()
    assert WordingRule.objects.filter(correct="那坡县").count() == 1
