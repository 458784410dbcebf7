"""A body the page type would refuse is never written: the file fails with the reason, once."""

from __future__ import annotations

from migrations_kit.building import blocks as building_blocks
from migrations_kit.building.blocks import BuiltBody
from migrations_kit.models import LegacyRecord
from redesign.core.models import ArticlePage

from .import_helpers import legacy_page, run_import


def test_a_built_body_the_page_type_refuses_fails_its_file_and_writes_nothing(
    county, tmp_path, monkeypatch
):
    folder = tmp_path / "www.napo.gov.cn" / "zwdt"
    folder.mkdir(parents=True)
    body = "<p>全县秋季农业生产工作会议召开，要求各乡镇抓好秋收秋种。</p>" * 5
    for n in (1, 2):
        text = legacy_page(f"秋收工作{n}", body, column="政务动态", date="2021-09-01")
        (folder / f"t2021090{n}_{n}.htm").write_text(text, encoding="utf-8")
    real = building_blocks.build_body

    def build(html, url, store, *rest):
        built = real(html, url, store, *rest)
        if url.endswith("_2.htm"):
            return BuiltBody(stream=[{"type": "no_such_block", "value": "x", "id": "b1"}])
        return built

    monkeypatch.setattr(building_blocks, "build_body", build)
    result = run_import(county, tmp_path)
    assert result.counts["imported"] == 1 and result.counts["failed"] == 1
    failed = LegacyRecord.objects.get(status="failed")
    assert failed.source_path.endswith("t20210902_2.htm")
    assert "StreamCheckError" in failed.reason and "no_such_block" in failed.reason
    assert list(ArticlePage.objects.values_list("title", flat=True)) == ["秋收工作1"]
