"""Print how long the 繁體 conversion of a large article page takes (cold and from the cache)."""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "redesign.settings.test")

import django

django.setup()

from django.core.cache import cache

from redesign.cluster import variants

PARAGRAPH = (
    "<p>那坡县人民政府关于推进乡村振兴和县域经济高质量发展的通知。各乡镇人民政府、县直各部门："
    '要加强组织领导，<a href="/zcwj/">详见政策文件</a>，落实责任分工，确保各项工作取得实效。</p>\n'
)
HEAD = '<!DOCTYPE html><html lang="zh-Hans"><head><title>县政府</title></head><body><main>'


def main() -> None:
    """Convert pages of growing size and print the times."""
    variants.converter()  # OpenCC loads its dictionaries once per thread (about 0.1 s)
    for paragraphs in (100, 1000, 5000):
        page = (HEAD + PARAGRAPH * paragraphs + "</main></body></html>").encode()
        cache.clear()
        start = time.perf_counter()
        variants.converted_content(page, "utf-8")
        cold = time.perf_counter() - start
        start = time.perf_counter()
        variants.converted_content(page, "utf-8")
        warm = time.perf_counter() - start
        print(
            f"{len(page) / 1024:8.0f} KiB: converted in {cold * 1000:7.1f} ms, "
            f"from the cache in {warm * 1000:5.2f} ms"
        )


if __name__ == "__main__":
    main()
