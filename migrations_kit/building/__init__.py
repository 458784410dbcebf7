"""Body to blocks and assets: sanitize legacy HTML, build StreamField data, import files."""

from .assets import WagtailAssetStore
from .blocks import AssetResolver, BuiltBody, build_body
from .links import rewrite_links
from .sanitize import clean_fragment

__all__ = [
    "AssetResolver",
    "BuiltBody",
    "WagtailAssetStore",
    "build_body",
    "clean_fragment",
    "rewrite_links",
]
