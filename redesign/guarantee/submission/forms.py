"""The 投稿 form: title, text, photos, attachments, origin and column, checked before storing."""

from dataclasses import dataclass
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.utils import get_allowed_image_extensions

from redesign.core.models import ArticleOrigin, ColumnPage

MAX_PHOTOS = 20
MAX_ATTACHMENTS = 10
MAX_TEXT_LENGTH = 50_000
# Pillow's names for the formats Wagtail stores, and the extension a stored file gets.
IMAGE_FORMAT_EXTENSIONS = {
    "JPEG": "jpg",
    "PNG": "png",
    "GIF": "gif",
    "WEBP": "webp",
    "AVIF": "avif",
    "HEIF": "heic",
}
ORIGIN_CHOICES = [
    (ArticleOrigin.ORIGINAL.value, ArticleOrigin.ORIGINAL.label),
    (ArticleOrigin.REPRINT.value, ArticleOrigin.REPRINT.label),
]


@dataclass(frozen=True)
class CheckedImage:
    """An uploaded photo Pillow has opened: the file and the name it is stored under."""

    upload: UploadedFile
    name: str
    title: str


@dataclass(frozen=True)
class CheckedDocument:
    """An uploaded attachment of an allowed type and size."""

    upload: UploadedFile
    name: str
    title: str


class MultipleFileInput(forms.FileInput):
    """A file input that lets the phone pick several files at once."""

    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field whose cleaned value is the list of the files chosen (maybe empty)."""

    def __init__(self, *args, **kwargs):
        """An optional field with the multiple-file widget unless told otherwise."""
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None) -> list[UploadedFile]:
        """Each chosen file cleaned as a single file field would."""
        items = data if isinstance(data, list | tuple) else [data]
        cleaned = (super(MultipleFileField, self).clean(item, initial) for item in items if item)
        return [upload for upload in cleaned if upload]


def _stem(name: str, limit: int = 60) -> str:
    """A file's name without folders and extension, shortened to fit the storage's columns."""
    stem = PurePath(name.replace("\\", "/")).stem.strip() or "file"
    return stem[:limit]


def _extension(name: str) -> str:
    """A file name's extension in lower case, without the dot."""
    return PurePath(name).suffix.lower().lstrip(".")


def check_image(upload: UploadedFile) -> CheckedImage:
    """A photo Pillow can read, of an allowed format, size and pixel count; else a Chinese error."""
    name = upload.name or ""
    max_size = getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", None)
    if max_size and upload.size > max_size:
        raise forms.ValidationError(
            _("图片「%(name)s」太大（%(size)s），单张图片不能超过 %(max)s。")
            % {"name": name, "size": filesizeformat(upload.size), "max": filesizeformat(max_size)}
        )
    allowed = {ext.lower() for ext in get_allowed_image_extensions()}
    try:
        upload.seek(0)
        with PILImage.open(upload) as image:
            image_format = image.format or ""
            width, height = image.size
            image.verify()
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError) as err:
        raise forms.ValidationError(
            _("「%(name)s」不是可识别的图片，请上传 JPG、PNG 等格式的照片。") % {"name": name}
        ) from err
    finally:
        upload.seek(0)
    extension = IMAGE_FORMAT_EXTENSIONS.get(image_format, "")
    accepted = {extension, "jpeg"} if extension == "jpg" else {extension}
    if not extension or not accepted & allowed:
        raise forms.ValidationError(
            _("图片「%(name)s」的格式（%(format)s）不受支持，请上传 %(allowed)s 格式。")
            % {
                "name": name,
                "format": image_format or _("未知"),
                "allowed": "、".join(sorted(allowed)).upper(),
            }
        )
    max_pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
    if max_pixels and width * height > max_pixels:
        raise forms.ValidationError(
            _("图片「%(name)s」像素过多（%(width)s×%(height)s），请缩小后再上传。")
            % {"name": name, "width": width, "height": height}
        )
    stem = _stem(name)
    return CheckedImage(upload, f"{stem}.{extension}", stem)


def check_document(upload: UploadedFile) -> CheckedDocument:
    """An attachment with an allowed extension and size; else a Chinese error."""
    name = upload.name or ""
    allowed = [ext.lower() for ext in getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or []]
    extension = _extension(name)
    if allowed and extension not in allowed:
        raise forms.ValidationError(
            _("附件「%(name)s」的类型不允许上传，只能上传 %(allowed)s 文件。")
            % {"name": name, "allowed": "、".join(allowed)}
        )
    if not upload.size:
        raise forms.ValidationError(_("附件「%(name)s」是空文件。") % {"name": name})
    max_size = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
    if max_size and upload.size > max_size:
        raise forms.ValidationError(
            _("附件「%(name)s」太大（%(size)s），单个附件不能超过 %(max)s。")
            % {"name": name, "size": filesizeformat(upload.size), "max": filesizeformat(max_size)}
        )
    stem = _stem(name)
    return CheckedDocument(upload, f"{stem}.{extension}" if extension else stem, stem)


class ColumnChoiceField(forms.ModelChoiceField):
    """A column shown by its title."""

    def label_from_instance(self, obj: ColumnPage) -> str:
        """The column's title."""
        return obj.title


class SubmissionForm(forms.Form):
    """What an informant sends: checked whole, so a bad file stores nothing."""

    title = forms.CharField(
        label=_("标题"),
        max_length=255,
        error_messages={"required": _("请填写标题。")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    text = forms.CharField(
        label=_("正文"),
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("每段之间换行即可；不需要排版。"),
        error_messages={"required": _("请填写正文。")},
    )
    photos = MultipleFileField(
        label=_("图片"),
        widget=MultipleFileInput(attrs={"accept": "image/*"}),
        help_text=_("可一次选择多张；第一张作为封面图。"),
    )
    attachments = MultipleFileField(label=_("附件"))
    origin = forms.ChoiceField(
        label=_("原创性"),
        choices=ORIGIN_CHOICES,
        initial=ArticleOrigin.ORIGINAL.value,
        widget=forms.RadioSelect,
    )
    origin_source = forms.CharField(
        label=_("转载来源"),
        max_length=200,
        required=False,
        help_text=_("选择“转载”时必填：原文的媒体名称或网址。"),
    )
    column = ColumnChoiceField(
        label=_("栏目"),
        queryset=ColumnPage.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("请选择栏目。"),
            "invalid_choice": _("请选择本站可以投稿的栏目。"),
        },
    )

    def __init__(self, *args, columns: list[ColumnPage], has_collection: bool = True, **kwargs):
        """The form offering the given columns; files are refused when there is no collection."""
        super().__init__(*args, **kwargs)
        self.has_collection = has_collection
        field = self.fields["column"]
        field.queryset = ColumnPage.objects.filter(pk__in=[c.pk for c in columns]).order_by("path")
        if columns and not self.is_bound:
            field.initial = columns[0].pk
        extensions = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or []
        if extensions:
            self.fields["attachments"].widget.attrs["accept"] = ",".join(
                f".{ext}" for ext in extensions
            )
            self.fields["attachments"].help_text = _("可上传：%(types)s。") % {
                "types": "、".join(extensions)
            }

    def clean_title(self) -> str:
        """The title without surrounding blanks; blanks alone are no title."""
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("请填写标题。"))
        return title

    def clean_text(self) -> str:
        """The text; blanks alone are no text."""
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError(_("请填写正文。"))
        return text

    def clean_photos(self) -> list[CheckedImage]:
        """Every photo opened by Pillow and within the limits, or errors naming each bad one."""
        files = self.cleaned_data["photos"]
        if len(files) > MAX_PHOTOS:
            raise forms.ValidationError(
                _("一次最多上传 %(count)s 张图片。") % {"count": MAX_PHOTOS}
            )
        return self._check_each(files, check_image)

    def clean_attachments(self) -> list[CheckedDocument]:
        """Every attachment of an allowed type and size, or errors naming each bad one."""
        files = self.cleaned_data["attachments"]
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(
                _("一次最多上传 %(count)s 个附件。") % {"count": MAX_ATTACHMENTS}
            )
        return self._check_each(files, check_document)

    @staticmethod
    def _check_each(files: list[UploadedFile], check) -> list:
        """The checked files, or one ValidationError carrying every file's problem."""
        checked, errors = [], []
        for upload in files:
            try:
                checked.append(check(upload))
            except forms.ValidationError as err:
                errors.extend(err.messages)
        if errors:
            raise forms.ValidationError(errors)
        return checked

    def clean(self) -> dict:
        """A reprint names its source; files need the site's collection to go into."""
        cleaned = super().clean()
        origin = cleaned.get("origin")
        source = (cleaned.get("origin_source") or "").strip()
        cleaned["origin_source"] = source
        if origin == ArticleOrigin.REPRINT and not source:
            self.add_error("origin_source", _("转载的稿件必须注明原文出处（来源媒体名称或网址）。"))
        if (cleaned.get("photos") or cleaned.get("attachments")) and not self.has_collection:
            raise forms.ValidationError(
                _("本站尚未设置资源集合，暂时无法上传图片和附件，请联系网群管理员。")
            )
        return cleaned

    @property
    def had_files(self) -> bool:
        """Whether files were posted (the browser forgets them when the form comes back)."""
        return bool(self.files and any(self.files.getlist(name) for name in self.files))
