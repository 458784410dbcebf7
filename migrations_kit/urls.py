"""Legacy URL helpers: normalized keys, wget file names back to URLs, file kinds by extension."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

PAGE_EXTS = {"htm", "html", "shtml", "shtm", "xhtml", "jsp", "asp", "aspx", "php", "do", "action"}
IMAGE_EXTS = {"jpg", "jpeg", "png", "gif", "bmp", "webp", "tif", "tiff"}
DOCUMENT_EXTS = {
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps", "et", "txt", "rtf",
    "csv", "zip", "rar", "7z", "ofd",
}  # fmt: skip
STATIC_EXTS = {
    "css", "js", "ico", "svg", "woff", "woff2", "ttf", "eot", "otf", "swf", "map", "json",
    "xml", "mp4", "flv", "mp3", "wmv", "avi",
}  # fmt: skip
INDEX_NAMES = ("index.htm", "index.html", "default.htm", "default.html", "index.shtml")

_WGET_QUERY = re.compile(r"^(?P<path>[^@?]*\.[A-Za-z0-9]{2,6})@(?P<query>[^/]*=[^/]*)$")
_SAFE_PATH = "/:@!$&'()*+,;=-._~%"


def extension(path: str) -> str:
    """The lower-case extension of the last path segment, without its dot ('' when none)."""
    name = path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def file_kind(url_or_path: str) -> str:
    """'page', 'image', 'document', 'static' or 'unknown' from the URL's path extension."""
    path = urlsplit(url_or_path).path if "://" in url_or_path else url_or_path.split("?")[0]
    ext = extension(path)
    if ext in IMAGE_EXTS:
        return "image"
    if ext in DOCUMENT_EXTS:
        return "document"
    if ext in STATIC_EXTS:
        return "static"
    if ext in PAGE_EXTS or ext == "" or path.endswith("/"):
        return "page"
    return "unknown"


def normalize_url(url: str) -> str:
    """The legacy key of a URL: lower-case scheme and host, no default port, no fragment."""
    parts = urlsplit(url.strip().replace("&amp;", "&"))
    scheme = (parts.scheme or "http").lower()
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port not in (None, 80 if scheme == "http" else 443) else None
    netloc = f"{host}:{port}" if port else host
    path = quote(unquote(parts.path or "/"), safe=_SAFE_PATH)
    path = posixpath.normpath(path) + ("/" if path.endswith("/") and path != "/" else "")
    if path.startswith("//"):
        path = "/" + path.lstrip("/")
    return urlunsplit((scheme, netloc, path, parts.query, ""))


def path_and_query(url: str) -> str:
    """The path with its query string: the part a Redirect matches on."""
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def host_of(url: str) -> str:
    """The lower-case host (with a non-default port) of a URL."""
    return urlsplit(normalize_url(url)).netloc


def file_to_url(rel_path: str, base_url: str) -> str:
    """Map a mirrored file's relative path back to its URL (wget's `@` for `?`, `-E` .html)."""
    folder, _, name = rel_path.rpartition("/")
    query = ""
    if "?" in name:
        name, _, query = name.partition("?")
    else:
        match = _WGET_QUERY.match(name)
        if match:
            name, query = match["path"], match["query"]
    if query and query.endswith(".html") and extension(name) not in {"htm", "html"}:
        query = query[: -len(".html")]
    path = f"{folder}/{name}" if folder else name
    url = urljoin(base_url, quote(path, safe=_SAFE_PATH))
    return normalize_url(url + (f"?{query}" if query else ""))


def url_to_candidates(url: str) -> list[str]:
    """Relative file paths a wget-style mirror may hold for a URL (with and without query)."""
    parts = urlsplit(url)
    path = unquote(parts.path or "/").lstrip("/")
    if not path or path.endswith("/"):
        return [path + name for name in INDEX_NAMES]
    if not parts.query:
        return [path, path + ".html"]
    query = unquote(parts.query)
    return [f"{path}?{query}", f"{path}@{query}", f"{path}@{query}.html", f"{path}?{query}.html"]
