"""Body to blocks and assets: sanitize legacy HTML, build StreamField data, import files."""

from .assets import WagtailAssetStore
from .blocks import AssetResolver, BuiltBody, build_body
from .links import rewrite_links
from .sanitize import clean_fragment
from .validation import StreamCheckError, check_stream

__all__ = [
    "AssetResolver",
    "BuiltBody",
    "StreamCheckError",
    "WagtailAssetStore",
    "build_body",
    "check_stream",
    "clean_fragment",
    "rewrite_links",
]
