"""The storage of citizens' attachments: files on disk with no public address at all."""

from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """A file system storage whose files have no URL: handlers download them through the admin."""

    def url(self, name: str | None) -> str:
        """Refused: a private file must never be linked."""
        raise ValueError("Attachments of questions have no public URL.")
