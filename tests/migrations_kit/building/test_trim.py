"""Trimming the page furniture a legacy body container carries around the article text."""

from migrations_kit.building import trim
from migrations_kit.building.trim import trim_page_furniture
from migrations_kit.extract.title import strip_title_markers

TITLE = "县教育局召开秋季开学工作会议"


def test_leading_headline_and_meta_rows_go_the_text_stays():
    stream = [
        {
            "type": "paragraph",
            "value": f"<p>{TITLE}</p><p>发布时间：2020-09-01 来源：县教育局</p>"
            "<p>9月1日，县教育局召开秋季开学工作会议。</p>",
        },
        {"type": "image", "value": {"image": 1, "alt": "会场"}},
        {
            "type": "paragraph",
            "value": "<p>会议要求各校做好安全工作。</p><p>【打印本页】【关闭窗口】</p>",
        },
    ]
    trimmed = trim_page_furniture(stream, TITLE)
    assert trimmed[0]["value"] == "<p>9月1日，县教育局召开秋季开学工作会议。</p>"
    assert trimmed[1]["type"] == "image"
    assert trimmed[2]["value"] == "<p>会议要求各校做好安全工作。</p>"


def test_a_paragraph_block_of_furniture_only_is_dropped_and_headings_too():
    stream = [
        {"type": "heading", "value": {"text": TITLE, "level": "h2"}},
        {"type": "paragraph", "value": "<p>作者：张三</p>"},
        {"type": "paragraph", "value": "<p>正文第一段。</p>"},
    ]
    assert trim_page_furniture(stream, TITLE) == [
        {"type": "paragraph", "value": "<p>正文第一段。</p>"}
    ]


def test_text_that_only_mentions_a_label_is_kept():
    stream = [{"type": "paragraph", "value": "<p>记者从县教育局获悉，来源于群众的建议已采纳。</p>"}]
    assert trim_page_furniture(stream, TITLE) == stream


def test_list_markers_leave_the_headline():
    assert strip_title_markers("[图]全县教师培训班开班") == "全县教师培训班开班"
    assert strip_title_markers("【组图】 春季植树") == "春季植树"
    assert strip_title_markers("图说：春季植树") == "图说：春季植树"
    assert strip_title_markers(None) is None


def test_furniture_lines_split_by_br_and_a_list_without_items():
    stream = [
        {
            "type": "paragraph",
            "value": f"<ul>{TITLE}<br/>发布时间：2020-09-01  来源：县教育局<br/>9月1日，会议召开。"
            "<br/>会议强调安全。</ul>",
        }
    ]
    trimmed = trim_page_furniture(stream, TITLE)
    assert trimmed == [
        {"type": "paragraph", "value": "<p>9月1日，会议召开。<br>会议强调安全。</p>"}
    ]


def test_a_repeated_headline_still_carrying_its_list_marker_goes():
    stream = [
        {
            "type": "paragraph",
            "value": f"<p>[图]{TITLE}</p><p>发布时间：2020-09-01 来源：县教育局</p>"
            "<p>9月1日，县教育局召开秋季开学工作会议。</p>",
        }
    ]
    trimmed = trim_page_furniture(stream, TITLE)
    assert trimmed[0]["value"] == "<p>9月1日，县教育局召开秋季开学工作会议。</p>"


def test_a_paragraph_too_long_to_parse_is_trimmed_at_both_ends_only(monkeypatch):
    monkeypatch.setattr(trim, "PARSE_MAX", 2_000)
    monkeypatch.setattr(trim, "TRIM_WINDOW", 300)
    middle = "".join(f"<p>第{n}段<b>正文</b>。</p><ul><li>要点{n}</li></ul>" for n in range(200))
    value = (
        f"<p>{TITLE}</p><p>发布时间：2020-09-01 来源：县教育局</p>{middle}"
        "<p>会议要求各校做好安全工作。</p><p>【打印本页】【关闭窗口】</p>"
    )
    monkeypatch.setattr(trim, "_trim_paragraph", _counting(trim._trim_paragraph, seen := []))
    (trimmed,) = trim_page_furniture([{"type": "paragraph", "value": value}], TITLE)
    assert trimmed["value"] == middle + "<p>会议要求各校做好安全工作。</p>"
    assert max(seen) <= 300, "only the ends were parsed"


def _counting(function, seen: list[int]):
    """function, noting the length of each HTML value it is given."""

    def counted(html, *args, **kwargs):
        seen.append(len(html))
        return function(html, *args, **kwargs)

    return counted
