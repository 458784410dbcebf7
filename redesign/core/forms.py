"""Admin forms that let an editor choose only the images and documents they may choose.

An id typed or posted by hand (a cover image, a StreamField block, a rich-text link) must name
an image or document of a collection the editor holds the ``choose`` permission on, as Wagtail's
collection permission policies decide. What the edited object already referenced in the same
field stays allowed, so old content (a shared image chosen by a cluster administrator) can still
be saved unchanged. Forms built without a user (code, not the admin) are not confined.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Model, Q
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry
from wagtail.rich_text import RichText, extract_references_from_rich_text

REFUSED = {
    "image": _("只能选用本站资源集合中的图片。"),
    "document": _("只能选用本站资源集合中的文件。"),
}

Ref = tuple[str, int]
"""A media reference: its kind ("image" or "document") and primary key."""

Refuse = Callable[[Ref], str | None]
"""Says why a reference is refused, or None when it is allowed."""


def media_kind(model: Any) -> str | None:
    """'image' or 'document' for the media models (or their instances), else None."""
    model = model if isinstance(model, type) else type(model)
    if issubclass(model, get_image_model()):
        return "image"
    if issubclass(model, get_document_model()):
        return "document"
    return None


def _media_model(kind: str) -> type[Model]:
    """The model of a media kind."""
    return get_image_model() if kind == "image" else get_document_model()


def choosable_ids(user: Any, kind: str, ids: Iterable[int]) -> set[int]:
    """Which of the ids name media the user may choose (Wagtail's collection policy decides)."""
    ids = set(ids)
    if not ids:
        return set()
    model = _media_model(kind)
    policy = policy_registry.get_by_type(model)
    choosable = policy.instances_user_has_permission_for(user, "choose")
    return set(choosable.filter(pk__in=ids).values_list("pk", flat=True))


def rich_text_refs(source: str) -> list[Ref]:
    """The images and documents that rich-text source embeds or links to."""
    refs = []
    for model, object_id, _model_path, _content_path in extract_references_from_rich_text(
        source or ""
    ):
        kind = media_kind(model)
        try:
            pk = int(object_id)
        except (TypeError, ValueError):
            continue
        if kind is not None:
            refs.append((kind, pk))
    return refs


def _first_error(refs: list[Ref], refuse: Refuse) -> ValidationError | None:
    """A ValidationError with the first refusal among the references, or None."""
    for ref in refs:
        message = refuse(ref)
        if message:
            return ValidationError(message, code="media_not_choosable")
    return None


def block_media_error(block: blocks.Block, value: Any, refuse: Refuse) -> ValidationError | None:
    """Walk a block value for media; an error placed on the block that holds a refused one."""
    if value is None:
        return None
    kind = media_kind(value) if isinstance(value, Model) else None
    if kind is not None:
        return _first_error([(kind, value.pk)], refuse)
    if isinstance(value, RichText):
        return _first_error(rich_text_refs(value.source), refuse)
    if isinstance(block, blocks.StreamBlock):
        errors = {
            index: error
            for index, child in enumerate(value)
            if (error := block_media_error(child.block, child.value, refuse))
        }
        return StreamBlockValidationError(block_errors=errors) if errors else None
    if isinstance(block, blocks.ListBlock):
        errors = {
            index: error
            for index, item in enumerate(value)
            if (error := block_media_error(block.child_block, item, refuse))
        }
        return ListBlockValidationError(block_errors=errors) if errors else None
    if isinstance(block, blocks.StructBlock):
        errors = {
            name: error
            for name, child_block in block.child_blocks.items()
            if (error := block_media_error(child_block, value.get(name), refuse))
        }
        return StructBlockValidationError(block_errors=errors) if errors else None
    return None


def field_media_refs(model_field: Any, value: Any) -> list[Ref]:
    """Every image and document a StreamField or RichTextField value references."""
    refs: list[Ref] = []

    def collect(ref: Ref) -> None:
        """Record a reference and allow it."""
        refs.append(ref)

    if isinstance(model_field, StreamField):
        block_media_error(model_field.stream_block, value, collect)
    elif isinstance(model_field, RichTextField):
        refs.extend(rich_text_refs(value))
    return refs


class MediaChoiceMixin:
    """Confine a Wagtail admin form's images and documents to those its user may choose."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Limit the image and document fields' choices once the form's fields exist."""
        super().__init__(*args, **kwargs)
        self._media_fields: list[str] = []
        if not self._confines_media():
            return
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelChoiceField):
                self._confine_choice(name, field)

    def _confines_media(self) -> bool:
        """Whether the form has a user whose choices are confined (superusers choose anything)."""
        user = getattr(self, "for_user", None)
        return user is not None and not (user.is_active and user.is_superuser)

    def _model_field(self, name: str) -> Any:
        """The model field behind a form field, or None."""
        try:
            return self._meta.model._meta.get_field(name)
        except FieldDoesNotExist:
            return None

    def _confine_choice(self, name: str, field: forms.ModelChoiceField) -> None:
        """Offer the choosable images/documents, and the one the object already has."""
        kind = media_kind(field.queryset.model)
        model_field = self._model_field(name)
        if kind is None or model_field is None:
            return
        policy = policy_registry.get_by_type(_media_model(kind))
        allowed = Q(pk__in=policy.instances_user_has_permission_for(self.for_user, "choose"))
        current = getattr(self.instance, model_field.attname, None)
        if current is not None:
            allowed |= Q(pk=current)
        field.queryset = field.queryset.filter(allowed)
        field.error_messages = {**field.error_messages, "invalid_choice": REFUSED[kind]}
        self._media_fields.append(name)

    def clean(self) -> dict[str, Any]:
        """Refuse StreamField blocks and rich text that reference media the user may not choose."""
        cleaned_data = super().clean()
        if not self._confines_media():
            return cleaned_data
        for name in list(self.fields):
            model_field = self._model_field(name)
            if name not in cleaned_data or not isinstance(model_field, StreamField | RichTextField):
                continue
            error = self._stream_or_text_error(name, model_field, cleaned_data[name])
            if error is not None:
                self.add_error(name, error)
        return cleaned_data

    def _stream_or_text_error(
        self, name: str, model_field: Any, value: Any
    ) -> ValidationError | None:
        """The error of one StreamField or RichTextField value, or None when all is allowed."""
        new_refs = field_media_refs(model_field, value)
        if not new_refs:
            return None
        # the instance still holds its saved value: ModelForm copies cleaned data in afterwards
        allowed = set(field_media_refs(model_field, getattr(self.instance, name, None)))
        for kind in REFUSED:
            ids = {pk for ref_kind, pk in new_refs if ref_kind == kind}
            allowed |= {(kind, pk) for pk in choosable_ids(self.for_user, kind, ids)}

        def refuse(ref: Ref) -> str | None:
            """The message for a reference that is neither choosable nor already there."""
            return None if ref in allowed else str(REFUSED[ref[0]])

        if isinstance(model_field, StreamField):
            return block_media_error(model_field.stream_block, value, refuse)
        return _first_error(new_refs, refuse)

    def full_clean(self) -> None:
        """Validate, then show a refused chooser empty rather than the other site's item."""
        super().full_clean()
        refused = [name for name in self._media_fields if name in self.errors]
        if refused and self.is_bound:
            data = self.data.copy()
            for name in refused:
                data[self.add_prefix(name)] = ""
            self.data = data


class MediaConfinedPageForm(MediaChoiceMixin, WagtailAdminPageForm):
    """The page types' admin form: images and documents only from the editor's collections."""


class MediaConfinedModelForm(MediaChoiceMixin, WagtailAdminModelForm):
    """An admin model form (site settings, snippets) confined like the page form."""
