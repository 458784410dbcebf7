"""An import hands its pages to the guarantee in bulk: wording findings and fingerprints."""

from django.core.management import call_command

from redesign.core.models import ArticlePage
from redesign.guarantee.models import Fingerprint, ItemRecord, WordingFinding
from tests.migrations_kit.import_helpers import legacy_page

BODY = (
    "<p>县委理论学习中心组专题学习社会主义核心价值关，要求全县干部群众深入学习、广泛宣传。</p>" * 4
)


def test_imported_pages_are_checked_and_fingerprinted_after_the_run(county, tmp_path):
    folder = tmp_path / "www.napo.gov.cn" / "zwdt"
    folder.mkdir(parents=True)
    for n in (1, 2):
        text = legacy_page(f"理论学习{n}", BODY.replace("专题", f"第{n}次专题"), column="政务动态")
        (folder / f"t2021090{n}_{n}.htm").write_text(text, encoding="utf-8")
    call_command("import_legacy", str(tmp_path), "--site", "napo.localhost:80", verbosity=0)
    pages = ArticlePage.objects.filter(title__startswith="理论学习", is_imported=True)
    assert pages.count() == 2
    found = WordingFinding.objects.filter(page__in=pages)
    assert {f.wrong_form for f in found} == {"社会主义核心价值关"}
    assert found.count() == 2
    assert Fingerprint.objects.filter(page__in=pages).count() == 2
    assert not ItemRecord.objects.filter(page__in=pages).exists()  # legacy: no real times
