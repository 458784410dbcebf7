"""Article bodies as simple blocks: their visible text, their truth figures and their markup."""

from __future__ import annotations

from typing import Any

from .layouts import attr, relative, text

# A block is a tuple whose first item names its kind: ("p", text), ("plain", text), ("h", text),
# ("center", text), ("right", text), ("img", path, alt, width, height), ("table", rows),
# ("attach", path, lead, label), ("link", before, path, label, after) or ("root_attach", path,
# label): an attachment linked from the site root (/uploadfile/...). Paths are site-relative.
Block = tuple[Any, ...]


def block_texts(blocks: list[Block]) -> list[str]:
    """Return the visible text of body blocks, in reading order."""
    texts: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind in ("p", "h", "center", "right", "plain"):
            texts.append(block[1])
        elif kind == "table":
            texts.extend(cell for row in block[1] for cell in row)
        elif kind == "attach":
            texts.append(block[2] + block[3])
        elif kind == "root_attach":
            texts.append(block[2])
        elif kind == "link":
            texts.append(block[1] + block[3] + block[4])
    return texts


def body_truth(blocks: list[Block]) -> dict[str, Any]:
    """Return body_chars, body_start and body_end as the corpus truth files define them."""
    joined = " ".join(" ".join(block_texts(blocks)).split())
    return {
        "body_chars": sum(1 for char in joined if not char.isspace()),
        "body_start": joined[:30],
        "body_end": joined[-30:],
    }


def render_blocks(blocks: list[Block], page: str, style: str) -> str:
    """Render body blocks as old editors produced them (indented <p>, full-width spaces or <br>)."""
    out: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind == "p":
            if style == "indent_css":
                out.append(f'<p style="text-indent: 2em">{text(block[1])}</p>\n')
            elif style == "fullwidth":
                out.append(f"<p>　　{text(block[1])}</p>\n")
            else:
                out.append(f"　　{text(block[1])}<br>\n")
        elif kind == "plain":
            out.append(f"<p>{text(block[1])}</p>\n" if style != "br" else f"{text(block[1])}<br>\n")
        elif kind == "h":
            out.append(f"<p><strong>{text(block[1])}</strong></p>\n")
        elif kind == "center":
            out.append(f'<p align="center">{text(block[1])}</p>\n')
        elif kind == "right":
            out.append(f'<p align="right">{text(block[1])}</p>\n')
        elif kind == "img":
            _, path, alt, width, height = block
            name = path.rsplit("/", 1)[1]
            out.append(
                f'<p align="center"><img src="{relative(path, page)}" alt="{attr(alt)}" '
                f'width="{width}" height="{height}" border="0" OLDSRC="{name}"></p>\n'
            )
        elif kind == "table":
            rows = []
            for number, row in enumerate(block[1]):
                cells = "".join(
                    f"<td><b>{text(cell)}</b></td>" if number == 0 else f"<td>{text(cell)}</td>"
                    for cell in row
                )
                rows.append(f"<tr>{cells}</tr>")
            out.append(
                '<table border="1" cellspacing="0" cellpadding="3" width="90%" align="center" '
                'style="border-collapse: collapse">\n' + "\n".join(rows) + "\n</table>\n"
            )
        elif kind == "attach":
            _, path, lead, label = block
            out.append(f'<p>{text(lead)}<a href="{relative(path, page)}">{text(label)}</a></p>\n')
        elif kind == "root_attach":
            _, path, label = block
            out.append(f'<p><a href="/{attr(path)}">{text(label)}</a></p>\n')
        elif kind == "link":
            _, before, path, label, after = block
            out.append(
                f'<p>　　{text(before)}<a href="{relative(path, page)}">{text(label)}</a>'
                f"{text(after)}</p>\n"
            )
    return "".join(out)
