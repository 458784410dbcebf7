"""A mirror folder without its host name: the old site's own address is guessed from its links."""

from __future__ import annotations

from io import BytesIO

from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.images.models import Image

from migrations_kit.importer import Importer, ImportOptions
from migrations_kit.models import LegacyRecord
from migrations_kit.sources import DEFAULT_HOST, FolderSource, guess_own_url
from redesign.core.models import ArticlePage

from .import_helpers import run_import

HOST = "www.oldcounty.gov.cn"
PAGE = (
    "<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
    "<div>当前位置：首页 &gt; 通知公告</div><h1>{title}</h1>"
    "<p>发布时间：2016-04-08 来源：县教育局</p>"
    "<div id='zoom'>{body}</div>"
    "<div class='foot'><img src='https://{host}/images/logo.png' alt='县徽'></div></body></html>"
)


def png_bytes(colour: str) -> bytes:
    """A small real PNG."""
    buffer = BytesIO()
    PILImage.new("RGB", (120, 80), colour).save(buffer, "PNG")
    return buffer.getvalue()


def write_mirror(root, host: str = HOST) -> None:
    """Three pages whose images and links are written absolute to the old site's host."""
    (root / "images").mkdir(parents=True)
    (root / "tzgg").mkdir()
    (root / "images" / "logo.png").write_bytes(png_bytes("red"))
    (root / "images" / "photo.png").write_bytes(png_bytes("blue"))
    (root / "images" / "chart.png").write_bytes(png_bytes("green"))
    paragraph = "<p>" + "全县中小学秋季开学准备工作有序推进。" * 6 + "</p>"
    pages = {
        "a.htm": (
            "秋季开学工作安排",
            paragraph + f'<img src="https://{host}/images/photo.png" alt="开学现场">'
            f'<p>详见<a href="https://{host}/tzgg/b.htm">校车安全通知</a>。</p>',
        ),
        "b.htm": (
            "校车安全通知",
            paragraph + f'<img src="http://{host}/images/chart.png" alt="线路图">',
        ),
        "c.htm": ("食堂检查通报", paragraph + '<img src="http://cdn.other.example/x.png">'),
    }
    for name, (title, body) in pages.items():
        html = PAGE.format(title=title, body=body, host=host)
        (root / "tzgg" / name).write_text(html, encoding="utf-8")


def test_the_host_whose_addresses_resolve_in_the_folder_is_the_old_site(tmp_path):
    write_mirror(tmp_path)
    url, evidence = guess_own_url(tmp_path)
    assert url == f"https://{HOST}/"
    assert evidence == 4  # logo, photo, chart and the link to b.htm
    source = FolderSource(tmp_path)
    assert source.host == HOST
    assert source.guessed_from == 4
    assert source.fetch(f"http://{HOST}/images/photo.png") == png_bytes("blue")


def test_no_guess_without_enough_evidence(tmp_path):
    (tmp_path / "a.htm").write_text(
        '<a href="http://one.example/a.htm">a</a><img src="http://two.example/b.png">'
        '<a href="http://one.example/">home</a>',
        encoding="utf-8",
    )
    (tmp_path / "a.htm").with_name("b.png").write_bytes(png_bytes("red"))
    assert guess_own_url(tmp_path) == (None, 0)
    assert FolderSource(tmp_path).host == DEFAULT_HOST


def test_no_guess_when_two_hosts_are_close(tmp_path):
    for name in ("x.png", "y.png", "z.png"):
        (tmp_path / name).write_bytes(png_bytes("red"))
    links = "".join(
        f'<img src="http://{host}/{name}">'
        for host in ("one.example", "two.example")
        for name in ("x.png", "y.png", "z.png")
    )
    (tmp_path / "a.htm").write_text(links, encoding="utf-8")
    assert guess_own_url(tmp_path) == (None, 0)


def test_absolute_addresses_to_the_old_site_import_their_images_and_links(county, tmp_path):
    write_mirror(tmp_path)
    result = run_import(county, tmp_path)
    assert result.counts["imported"] == 3
    first = ArticlePage.objects.get(title="秋季开学工作安排")
    second = ArticlePage.objects.get(title="校车安全通知")
    kinds = [block.block_type for block in first.body]
    assert "image" in kinds
    assert Image.objects.filter(title="开学现场").exists()
    assert Image.objects.filter(title="线路图").exists()
    link_html = next(block.value.source for block in first.body if "校车" in str(block.value))
    assert f'linktype="page" id="{second.pk}"' in link_html
    record = LegacyRecord.objects.get(page=first)
    assert record.legacy_key == f"https://{HOST}/tzgg/a.htm"


def test_the_command_says_what_it_guessed(county, tmp_path, capsys):
    write_mirror(tmp_path)
    call_command("import_legacy", str(tmp_path), site=county.site.hostname)
    assert f"旧站地址推断为 https://{HOST}/" in capsys.readouterr().out


def test_earlier_runs_without_an_address_keep_their_keys(county, tmp_path, capsys):
    write_mirror(tmp_path)
    earlier = FolderSource(tmp_path, f"http://{DEFAULT_HOST}/")
    Importer(county.site, earlier, ImportOptions()).run()
    call_command("import_legacy", str(tmp_path), site=county.site.hostname)
    assert "沿用" in capsys.readouterr().out
    assert ArticlePage.objects.count() == 3
    assert not LegacyRecord.objects.filter(legacy_key__contains=HOST).exists()
