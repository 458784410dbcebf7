"""Benchmark: what each theme's pages weigh: CSS and JS gzipped, and how their images are served.

Builds the demo cluster in its own SQLite file (bench-theme.sqlite3, reused on later runs), puts
one county in each theme of site_templates/ in turn, and for its home, a column, an article and an
industry page prints the CSS and JS the page loads (files and inline, raw and gzipped at level 9,
images excluded), the HTML's own gzipped size, and its images: how many, how many with width and
height, how many served as responsive WebP with a fallback. The budget is 100 KB of CSS and JS,
gzipped, for the home page, every image sized and every photo in WebP; the script exits 1 when a
theme misses any of these.
"""

import gzip
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "redesign.settings.test"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'bench-theme.sqlite3'}")

import django

django.setup()

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import Client
from lxml import html as lxml_html

BUDGET_KB = 100.0
COUNTY_HOST = "napo.localhost"


@dataclass
class Weight:
    """The CSS, JS and images one page loads."""

    css: list[bytes] = field(default_factory=list)
    js: list[bytes] = field(default_factory=list)
    html: bytes = b""
    images: int = 0
    sized: int = 0
    renditions: int = 0
    webp: int = 0
    missing: list[str] = field(default_factory=list)

    @staticmethod
    def gz(parts: list[bytes]) -> float:
        """The parts' gzipped size in KB, each file compressed on its own, as a server sends it."""
        return sum(len(gzip.compress(part, compresslevel=9)) for part in parts) / 1024

    @staticmethod
    def raw(parts: list[bytes]) -> float:
        """The parts' size in KB."""
        return sum(len(part) for part in parts) / 1024

    @property
    def total_gz(self) -> float:
        """CSS and JS together, gzipped, in KB."""
        return self.gz(self.css) + self.gz(self.js)


def static_file(url: str) -> bytes | None:
    """The bytes of a static file named by its URL, found as collectstatic would."""
    path = urlsplit(url).path
    if not path.startswith(settings.STATIC_URL):
        return None
    found = finders.find(path[len(settings.STATIC_URL) :])
    return Path(found).read_bytes() if found else None


def weigh(client: Client, path: str) -> Weight:
    """Fetch one page and weigh what it loads."""
    response = client.get(path, HTTP_HOST=COUNTY_HOST)
    if response.status_code != 200:
        raise RuntimeError(f"{path}: HTTP {response.status_code}")
    weight = Weight(html=response.content)
    doc = lxml_html.fromstring(response.content)
    for link in doc.xpath('//link[@rel="stylesheet"]/@href'):
        data = static_file(link)
        weight.css.append(data) if data else weight.missing.append(link)
    for src in doc.xpath("//script/@src"):
        data = static_file(src)
        weight.js.append(data) if data else weight.missing.append(src)
    weight.css += [style.text_content().encode() for style in doc.xpath("//style")]
    weight.js += [s.text_content().encode() for s in doc.xpath("//script[not(@src)]")]
    for img in doc.xpath("//img"):
        weight.images += 1
        weight.sized += bool(img.get("width") and img.get("height"))
        if not (img.get("src") or "").startswith(settings.MEDIA_URL):
            continue  # the theme's own SVG marks and icons are not renditions
        weight.renditions += 1
        picture = img.xpath("ancestor::picture[1]")
        weight.webp += bool(picture and picture[0].xpath('.//source[@type="image/webp"]'))
    return weight


def pages() -> dict[str, str]:
    """The paths of the county's home, a column, an article and an industry page."""
    from wagtail.models import Site

    from redesign.core.models import ArticlePage, ColumnPage, IndustryPage

    root = Site.objects.get(hostname=COUNTY_HOST).root_page
    column = ColumnPage.objects.live().descendant_of(root).first()
    article = ArticlePage.objects.live().descendant_of(root).exclude(cover_image=None).first()
    industry = IndustryPage.objects.live().descendant_of(root).first()
    found = {"home": "/", "column": column, "article": article, "industry": industry}
    return {key: (p if isinstance(p, str) else p.get_url()) for key, p in found.items() if p}


def main() -> int:
    """Build the demo once, then print one line per theme and page."""
    call_command("migrate", verbosity=0, interactive=False)
    from wagtail.models import Site

    if not Site.objects.filter(hostname=COUNTY_HOST).exists():
        call_command("load_demo_cluster", "--quiet", "--port", "80")

    from redesign.cluster.models import SiteIdentity
    from redesign.cluster.themes import available_themes

    identity = SiteIdentity.objects.get(site__hostname=COUNTY_HOST)
    original = identity.theme
    client = Client()
    paths = pages()
    over = []
    print(
        f"{'theme':<10} {'page':<9} {'CSS KB':>7} {'CSS gz':>7} {'JS KB':>6} {'JS gz':>6} "
        f"{'CSS+JS gz':>9} {'HTML gz':>8} {'imgs':>5} {'w+h':>4} {'photos':>6} {'webp':>5}"
    )
    try:
        for name in available_themes():
            SiteIdentity.objects.filter(pk=identity.pk).update(theme=name)
            for key, path in paths.items():
                w = weigh(client, path)
                print(
                    f"{name:<10} {key:<9} {w.raw(w.css):7.1f} {w.gz(w.css):7.1f} "
                    f"{w.raw(w.js):6.1f} {w.gz(w.js):6.1f} {w.total_gz:9.1f} "
                    f"{w.gz([w.html]):8.1f} {w.images:5d} {w.sized:4d} "
                    f"{w.renditions:6d} {w.webp:5d}"
                )
                for missing in w.missing:
                    print(f"  not found as a static file: {missing}")
                if key == "home" and w.total_gz > BUDGET_KB:
                    over.append(f"{name}: {w.total_gz:.1f} KB")
                if w.sized < w.images or w.webp < w.renditions:
                    over.append(f"{name} {key}: an image without size or a photo without WebP")
    finally:
        SiteIdentity.objects.filter(pk=identity.pk).update(theme=original)
    print("imgs: <img> elements; w+h: with width and height; photos: renditions of uploaded")
    print("images; webp: photos served as <picture> with a WebP source and a fallback")
    print(f"budget: home page CSS+JS at most {BUDGET_KB:.0f} KB gzipped, images excluded")
    if over:
        print("failed: " + "; ".join(over))
        return 1
    print("every theme is within budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
