"""Originality: near-duplicates among copied and rewritten texts; each site's 原创 share."""

import json
from datetime import date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from redesign.cluster.provisioning import create_county_site
from redesign.core.models import ArticlePage
from redesign.guarantee.models import Fingerprint, FingerprintBand, NearDuplicate
from redesign.guarantee.originality import (
    BANDS,
    THRESHOLD,
    detect,
    normalise,
    originality_by_site,
    refresh_fingerprint,
    similarity,
)
from tests.conftest import add_article, column_of

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 11, 26)

NAPO_TEXT = (
    "今年以来，那坡县坚持以人民为中心的发展思想，扎实推进乡村振兴战略，全县农村居民人均可支配收入"
    "同比增长7.2%。县委、县政府把产业发展作为乡村振兴的重中之重，因地制宜发展八角、桑蚕、油茶等"
    "特色产业，新建高标准农田2.3万亩，改造农村公路86公里。与此同时，全县持续加强农村基础设施建设，"
    "完成饮水安全巩固提升工程32处，惠及群众4.6万人。下一步，那坡县将继续巩固拓展脱贫攻坚成果，"
    "推动乡村产业、人才、文化、生态、组织全面振兴，让群众过上更加美好的生活。"
)
# The same news with the place changed in five spots and two sentences swapped.
REWRITTEN = (
    "今年以来，靖西市坚持以人民为中心的发展思想，扎实推进乡村振兴战略，全市农村居民人均可支配收入"
    "同比增长7.2%。与此同时，全市持续加强农村基础设施建设，完成饮水安全巩固提升工程32处，惠及群众"
    "4.6万人。市委、市政府把产业发展作为乡村振兴的重中之重，因地制宜发展八角、桑蚕、油茶等特色产业，"
    "新建高标准农田2.3万亩，改造农村公路86公里。下一步，靖西市将继续巩固拓展脱贫攻坚成果，推动乡村"
    "产业、人才、文化、生态、组织全面振兴，让群众过上更加美好的生活。"
)
OTHER_TEXT = (
    "3月5日，县人民医院组织医护人员深入边境村屯开展义诊活动，为群众免费测量血压、血糖，发放健康宣传"
    "资料1200余份。活动现场，医生们耐心解答群众关于高血压、糖尿病等慢性病防治的问题，并对行动不便的"
    "老人进行入户随访。此次义诊活动共服务群众800余人次，受到当地群众的一致好评。县卫健局表示，将常态化"
    "开展送医下乡活动，把优质医疗服务送到群众家门口。"
)


def body(text: str, split: int = 2) -> str:
    """A StreamField body of paragraphs holding the text (cut in about `split` parts)."""
    size = len(text) // split + 1
    parts = [text[start : start + size] for start in range(0, len(text), size)]
    return json.dumps([{"type": "paragraph", "value": f"<p>{part}</p>"} for part in parts])


def post(column, title: str, text: str, **fields) -> ArticlePage:
    """Publish an article whose body is the text (publication fingerprints and checks it)."""
    return add_article(column, title, body=body(text), **fields)


def flagged_sources(page) -> set[int]:
    """The ids of the pages an article was flagged as repeating."""
    return set(NearDuplicate.objects.filter(page=page).values_list("similar_to_id", flat=True))


def test_normalise_keeps_cjk_letters_and_digits():
    assert normalise("<p>那坡县&nbsp;2026年，ＧＤＰ 增长 7.2%！</p>\n") == "那坡县2026年gdp增长72"


def test_publication_keeps_a_fingerprint_and_its_bands(county):
    article = post(column_of(county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    fingerprint = Fingerprint.objects.get(page=article)
    assert len(bytes(fingerprint.signature)) == 128 * 4
    assert fingerprint.text_length == len(normalise("乡村振兴见成效" + NAPO_TEXT))
    assert FingerprintBand.objects.filter(page=article).count() == BANDS


def test_copied_text_marked_original_is_flagged(county, other_county):
    source = post(column_of(county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    copy = post(column_of(other_county, "yaowen"), "我市乡村振兴见成效", NAPO_TEXT)
    assert flagged_sources(copy) == {source.pk}
    assert NearDuplicate.objects.get(page=copy).similarity > 0.9
    assert not NearDuplicate.objects.filter(page=source).exists()  # the earlier one is the source


def test_lightly_rewritten_copy_is_flagged(county, other_county):
    source = post(column_of(county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    rewrite = post(column_of(other_county, "yaowen"), "靖西市乡村振兴成效显著", REWRITTEN)
    assert flagged_sources(rewrite) == {source.pk}
    score = NearDuplicate.objects.get(page=rewrite).similarity
    assert THRESHOLD <= score < 0.95


def test_a_different_article_is_not_flagged(county, other_county):
    post(column_of(county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    other = post(column_of(other_county, "yaowen"), "送医下乡暖民心", OTHER_TEXT)
    assert Fingerprint.objects.filter(page=other).exists()
    assert not NearDuplicate.objects.filter(page=other).exists()


def test_a_reprint_is_not_flagged(county, other_county):
    post(column_of(county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    reprint = post(
        column_of(other_county, "yaowen"),
        "乡村振兴见成效",
        NAPO_TEXT,
        origin="reprint",
        origin_source="那坡县人民政府网",
    )
    assert Fingerprint.objects.filter(page=reprint).exists()
    assert not NearDuplicate.objects.filter(page=reprint).exists()


def test_marking_a_flagged_article_as_reprint_clears_the_flag(county, other_county):
    post(column_of(county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    copy = post(column_of(other_county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    assert flagged_sources(copy)
    copy.origin, copy.origin_source = "reprint", "那坡县人民政府网"
    copy.save_revision().publish()
    assert not flagged_sources(copy)


def test_an_imported_legacy_page_is_a_source(county):
    column = column_of(county, "yaowen")
    legacy = post(column, "旧站：乡村振兴见成效", NAPO_TEXT, is_imported=True)
    assert not NearDuplicate.objects.filter(page=legacy).exists()  # legacy pages are not judged
    fresh = post(column, "乡村振兴见成效", REWRITTEN)
    assert flagged_sources(fresh) == {legacy.pk}


def test_a_legacy_page_imported_later_is_still_the_earlier_text(county):
    column = column_of(county, "yaowen")
    fresh = post(column, "乡村振兴见成效", NAPO_TEXT)
    legacy = post(column, "旧站：乡村振兴见成效", NAPO_TEXT, is_imported=True)
    assert detect(fresh)[0].similar_to_id == legacy.pk


def test_short_texts_are_not_fingerprinted(county):
    article = post(column_of(county, "yaowen"), "通知", "详见附件。")
    assert refresh_fingerprint(article) is None
    assert not Fingerprint.objects.filter(page=article).exists()
    assert not FingerprintBand.objects.filter(page=article).exists()


def test_similarity_estimates_jaccard(county):
    column = column_of(county, "yaowen")
    first = refresh_fingerprint(
        post(column, "乡村振兴", NAPO_TEXT, origin="reprint", origin_source="x")
    )
    second = refresh_fingerprint(post(column, "送医下乡", OTHER_TEXT))
    assert similarity(first.signature, first.signature) == 1.0
    assert similarity(first.signature, second.signature) < 0.1


def test_backfill_command_fingerprints_and_detects(county, other_county):
    source = post(column_of(county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    copy = post(column_of(other_county, "yaowen"), "我市乡村振兴见成效", REWRITTEN)
    Fingerprint.objects.all().delete()
    FingerprintBand.objects.all().delete()
    NearDuplicate.objects.all().delete()

    out = StringIO()
    call_command("fingerprint_articles", "--dry-run", stdout=out)
    assert "指纹 2 篇" in out.getvalue() and "原创 0 篇" in out.getvalue()  # nothing stored yet
    assert not Fingerprint.objects.exists()

    out = StringIO()
    call_command("fingerprint_articles", stdout=out)
    assert Fingerprint.objects.count() == 2
    assert flagged_sources(copy) == {source.pk}
    assert "指纹 2 篇" in out.getvalue() and "原创 1 篇" in out.getvalue()
    assert "比对: 2/2" in out.getvalue()


def test_backfill_command_refuses_an_unknown_site(db):
    with pytest.raises(CommandError):
        call_command("fingerprint_articles", "--site", "nowhere.localhost", stdout=StringIO())


def at(day: date, hour: int = 10) -> datetime:
    """An aware Shanghai moment on a day."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI)


def published(column, title: str, moment: datetime, text: str | None = None, **fields):
    """A live article first published at a chosen moment (a short text: not fingerprinted)."""
    article = post(column, title, text or f"{title}。", **fields)
    ArticlePage.objects.filter(pk=article.pk).update(first_published_at=moment)
    return article


def fill(result, originals: int, reprints: int, moment: datetime, key: str) -> None:
    """Articles of one site published at a moment: some 原创, some 转载."""
    column = column_of(result, "yaowen")
    for number in range(originals):
        published(column, f"{key}原创{number}", moment)
    for number in range(reprints):
        published(column, f"{key}转载{number}", moment, origin="reprint", origin_source="新华社")


def test_originality_ratio_and_trend_per_site(county, other_county):
    fill(county, 3, 1, at(DAY - timedelta(days=2)), "a")  # this 30 days: 3 of 4
    fill(county, 1, 1, at(DAY - timedelta(days=40)), "b")  # the 30 before: 1 of 2
    fill(county, 1, 0, at(DAY + timedelta(days=1), 1), "c")  # after the day: not counted
    fill(county, 1, 0, at(DAY - timedelta(days=70)), "d")  # before both windows
    # the day ends at Shanghai midnight: 23:30 local counts, 00:30 the next day does not
    fill(county, 1, 0, at(DAY, 23).replace(minute=30), "e")
    legacy = column_of(county, "yaowen")
    published(legacy, "旧站稿件", at(DAY - timedelta(days=1)), is_imported=True)
    fill(other_county, 0, 2, at(DAY - timedelta(days=3)), "f")

    result = originality_by_site([county.site.pk, other_county.site.pk], DAY)
    napo, jingxi = result[county.site.pk], result[other_county.site.pk]
    assert (napo["original"], napo["total"]) == (4, 5)
    assert napo["ratio_30d"] == pytest.approx(0.8)
    assert napo["ratio_prev_30d"] == pytest.approx(0.5)
    assert napo["trend"] == pytest.approx(0.3)
    assert (napo["prev_original"], napo["prev_total"]) == (1, 2)
    assert (jingxi["original"], jingxi["total"], jingxi["ratio_30d"]) == (0, 2, 0.0)
    assert jingxi["ratio_prev_30d"] is None and jingxi["trend"] is None


def test_flagged_counts_original_articles_that_repeat_earlier_pages(county, other_county):
    source = post(column_of(county, "yaowen"), "乡村振兴见成效", NAPO_TEXT)
    copy = post(column_of(other_county, "yaowen"), "我市乡村振兴见成效", REWRITTEN)
    moment = at(DAY - timedelta(days=1))
    ArticlePage.objects.filter(pk__in=[source.pk, copy.pk]).update(first_published_at=moment)
    result = originality_by_site([county.site.pk, other_county.site.pk], DAY)
    assert result[other_county.site.pk]["flagged"] == 1
    assert result[county.site.pk]["flagged"] == 0


def test_originality_by_site_in_a_constant_number_of_queries(county, other_county):
    sites = [county, other_county]
    sites += [
        create_county_site(name=name, hostname=host)
        for name, host in (
            ("德保县人民政府", "debao.localhost"),
            ("大新县人民政府", "daxin.localhost"),
        )
    ]
    for number, result in enumerate(sites):
        fill(result, 2, number, at(DAY - timedelta(days=5)), f"s{number}")

    def queries_for(results) -> int:
        with CaptureQueriesContext(connection) as captured:
            ratios = originality_by_site([r.site.pk for r in results], DAY)
        assert set(ratios) == {r.site.pk for r in results}
        return len(captured.captured_queries)

    two, four = queries_for(sites[:2]), queries_for(sites)
    assert two == four <= 3
    ratios = originality_by_site([r.site.pk for r in sites], DAY)
    assert [ratios[r.site.pk]["total"] for r in sites] == [2, 3, 4, 5]


def test_originality_by_site_of_no_sites_makes_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert originality_by_site([], DAY) == {}
