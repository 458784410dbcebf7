"""Check built body data against ArticlePage.body's StreamBlock before it is written."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from wagtail.blocks import BaseStreamBlock, StreamBlockValidationError, StreamValue

from redesign.core.models import ArticlePage

_UNREADABLE = (AttributeError, KeyError, TypeError, ValueError)
"""What a block's to_python raises for data of the wrong shape."""


class StreamCheckError(ValueError):
    """A built stream the body's StreamBlock refuses: the first bad block, and why."""

    def __init__(
        self, index: int | None, block_type: str, block_id: str, problems: list[str]
    ) -> None:
        """Name the bad block (index None: the stream as a whole) and its problems."""
        self.index = index
        self.block_type = block_type
        self.block_id = block_id
        self.problems = problems
        where = "正文" if index is None else f"正文第{index + 1}块（{block_type}，id {block_id}）"
        super().__init__(f"{where}无效：" + "；".join(problems))


def _messages(error: ValidationError, path: str = "") -> list[str]:
    """Flatten a (nested struct, list or stream) validation error into 'path: message' lines."""
    if hasattr(error, "block_errors"):
        found = [m for e in error.non_block_errors.as_data() for m in _messages(e, path)]
        for key, child in error.block_errors.items():
            found.extend(_messages(child, f"{path}.{key}" if path else str(key)))
        return found
    return [f"{path}: {message}" if path else message for message in error.messages]


def _describe(stream: list[Any], index: int) -> tuple[str, str]:
    """The type and id of the stream's block at index, as far as they can be read."""
    child = stream[index]
    if not isinstance(child, dict):
        return type(child).__name__, ""
    return str(child.get("type", "")), str(child.get("id", ""))


def _check_shape(stream: Any, block: BaseStreamBlock) -> None:
    """Refuse what is not a list of {type, value} blocks of the StreamBlock's known types."""
    if not isinstance(stream, list):
        raise StreamCheckError(None, "", "", [f"不是块的列表（{type(stream).__name__}）"])
    for index, child in enumerate(stream):
        block_type, block_id = _describe(stream, index)
        if not isinstance(child, dict) or "value" not in child:
            raise StreamCheckError(index, block_type, block_id, ["不是 {type, value} 形式的块"])
        if block_type not in block.child_blocks:
            raise StreamCheckError(index, block_type, block_id, ["未知的块类型"])


def _to_python(stream: list[dict], block: BaseStreamBlock) -> StreamValue:
    """Read the stream the way a page load does; name the block whose data cannot be read."""
    try:
        return block.bulk_to_python([stream])[0]
    except _UNREADABLE as err:
        for index, child in enumerate(stream):
            try:
                block.child_blocks[child["type"]].to_python(child["value"])
            except _UNREADABLE as child_err:
                block_type, block_id = _describe(stream, index)
                problem = f"数据无法读取：{child_err!r}"
                raise StreamCheckError(index, block_type, block_id, [problem]) from child_err
        raise StreamCheckError(None, "", "", [f"数据无法读取：{err!r}"]) from err


def _refusal(stream: list[dict], error: StreamBlockValidationError) -> StreamCheckError:
    """The StreamCheckError for the first block (or the stream rule) clean refused."""
    if not error.block_errors:
        return StreamCheckError(None, "", "", _messages(error))
    index = min(error.block_errors)
    block_type, block_id = _describe(stream, index)
    problems = _messages(error.block_errors[index])
    if len(error.block_errors) > 1:
        problems.append(f"另有{len(error.block_errors) - 1}块无效")
    return StreamCheckError(index, block_type, block_id, problems)


def body_stream_block() -> BaseStreamBlock:
    """ArticlePage.body's StreamBlock (standard pages use the same body blocks)."""
    return ArticlePage.body.field.stream_block


def check_stream(stream: list[dict], stream_block: BaseStreamBlock | None = None) -> None:
    """Raise StreamCheckError unless stream is valid raw data for ArticlePage.body."""
    block = body_stream_block() if stream_block is None else stream_block
    _check_shape(stream, block)
    value = _to_python(stream, block)
    try:
        block.clean(value)
    except StreamBlockValidationError as err:
        raise _refusal(stream, err) from err
