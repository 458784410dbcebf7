"""Streams a generated site to disk: page bytes in the chosen encoding, and the manifest lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from .plan import LYING_META_PER_MILLE, NO_META_PER_MILLE, Profile, per_mille

MANIFEST_NAME = "manifest.jsonl"
SUMMARY_NAME = "site.json"


def charset_for(profile: Profile, path: str) -> tuple[str | None, str]:
    """Return (declared charset or None, actual encoding) for a page, a stable fraction lying."""
    roll = per_mille(profile.seed, "charset", path)
    if roll < LYING_META_PER_MILLE:
        # The meta tag names the site's usual charset, but the bytes are the other family.
        actual = "gbk" if profile.encoding == "utf-8" else "utf-8"
        return profile.declared_charset, actual
    if roll < LYING_META_PER_MILLE + NO_META_PER_MILLE:
        return None, profile.encoding
    return profile.declared_charset, profile.encoding


def clear_previous(out_dir: Path) -> None:
    """Remove the files a previous run listed in its manifest, then its manifest files."""
    manifest = out_dir / MANIFEST_NAME
    summary = out_dir / SUMMARY_NAME
    if not manifest.is_file() or not summary.is_file():
        return
    base = out_dir.resolve()
    root = (base / json.loads(summary.read_text(encoding="utf-8")).get("root", ".")).resolve()
    if not root.is_relative_to(base):
        raise ValueError(f"{summary} names a mirror root outside {out_dir}")
    folders: set[Path] = set()
    with manifest.open(encoding="utf-8") as lines:
        for line in lines:
            path = (root / json.loads(line)["path"]).resolve()
            if not path.is_relative_to(root):
                raise ValueError(f"{manifest} lists a path outside the mirror: {path}")
            path.unlink(missing_ok=True)
            folders.update(path.parents)
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        if folder.is_relative_to(base) and folder != base and folder.is_dir():
            if not any(folder.iterdir()):
                folder.rmdir()
    manifest.unlink()
    summary.unlink()


class SiteWriter:
    """Writes files under the mirror root and one manifest line per file."""

    def __init__(self, out_dir: Path, root: Path, profile: Profile) -> None:
        """Open the manifest; the mirror root is created on first write."""
        self.out_dir = out_dir
        self.root = root
        self.profile = profile
        self.folders: set[str] = set()
        self.pages = 0
        self.files = 0
        self.kinds: dict[str, int] = {}
        self.manifest: IO[str] = (out_dir / MANIFEST_NAME).open("w", encoding="utf-8")

    def close(self) -> None:
        """Close the manifest."""
        self.manifest.close()

    def _write(self, path: str, data: bytes) -> None:
        """Write bytes under the root, creating folders once."""
        folder, _, _ = path.rpartition("/")
        if folder not in self.folders:
            (self.root / folder).mkdir(parents=True, exist_ok=True)
            self.folders.add(folder)
        (self.root / path).write_bytes(data)
        self.files += 1

    def record(self, entry: dict[str, Any]) -> None:
        """Append one manifest line."""
        self.kinds[entry["kind"]] = self.kinds.get(entry["kind"], 0) + 1
        self.manifest.write(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n")

    def url(self, path: str) -> str:
        """Return the original URL of a mirrored path."""
        return f"http://{self.profile.host}/{path}"

    def page(self, path: str, html: str, entry: dict[str, Any], actual: str) -> bytes:
        """Encode and write a page rendered with its charset decision; return the bytes."""
        data = html.encode(actual)
        self._write(path, data)
        self.pages += 1
        entry.setdefault("url", self.url(path))
        entry["bytes"] = len(data)
        entry["encoding"] = actual
        self.record({"path": path, **entry})
        return data

    def copy(self, path: str, data: bytes, entry: dict[str, Any]) -> None:
        """Write an exact byte copy of a page at another path."""
        self._write(path, data)
        self.pages += 1
        entry["bytes"] = len(data)
        self.record({"path": path, **entry})

    def asset(self, path: str, data: bytes, kind: str, **extra: Any) -> None:
        """Write an image, attachment, stylesheet or script."""
        self._write(path, data)
        self.record(
            {"path": path, "url": self.url(path), "kind": kind, "bytes": len(data), **extra}
        )

    def summary(self, data: dict[str, Any]) -> None:
        """Write the site summary next to the manifest."""
        (self.out_dir / SUMMARY_NAME).write_text(
            json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
