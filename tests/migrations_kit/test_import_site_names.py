"""The command asks the apps for the site's names (a 来源 naming the site itself is 原创)."""

from __future__ import annotations

from django.core.management import call_command

from migrations_kit.management.commands.import_legacy import site_names
from redesign.cluster.models import SiteIdentity
from redesign.core.models import ArticlePage

from .import_helpers import legacy_page


def test_the_site_identity_names_reach_the_import_through_the_hook(county, tmp_path):
    identity = SiteIdentity.for_site(county.site)
    identity.short_name = "那坡政府"
    identity.organizer = "那坡县人民政府办公室"
    identity.save()
    assert {"那坡政府", "那坡县人民政府办公室"} <= set(site_names(county.site))
    folder = tmp_path / "www.napo.gov.cn" / "zwdt"
    folder.mkdir(parents=True)
    body = "<p>全县秋季农业生产工作会议召开，要求各乡镇抓好秋收秋种。</p>" * 5
    for n, source in enumerate(["那坡政府网", "百色日报"], start=1):
        text = legacy_page(f"秋收工作{n}", body, column="政务动态", source=source)
        (folder / f"t2021090{n}_{n}.htm").write_text(text, encoding="utf-8")
    call_command("import_legacy", str(tmp_path), "--site", "napo.localhost:80", verbosity=0)
    own = ArticlePage.objects.get(title="秋收工作1")
    reprint = ArticlePage.objects.get(title="秋收工作2")
    assert (own.origin, own.origin_source) == ("original", "")
    assert (reprint.origin, reprint.origin_source) == ("reprint", "百色日报")
