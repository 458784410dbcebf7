"""url_extension and url_filename: what a legacy file address names."""

import pytest

from migrations_kit.building.urls import url_extension, url_filename


@pytest.mark.parametrize(
    ("url", "ext"),
    [
        ("http://www.napo.gov.cn/uploads/2008/fangan.DOC", "doc"),
        ("http://www.napo.gov.cn/download.jsp?file=fangan.docx", "docx"),
        ("http://www.napo.gov.cn/%E9%99%84%E4%BB%B6.pdf", "pdf"),
        ("http://www.napo.gov.cn/xwzx/t20080305_1234.htm", "htm"),
        ("http://www.napo.gov.cn/xwzx/", ""),
        ("http://[bad/x.pdf", ""),
    ],
)
def test_url_extension(url, ext):
    assert url_extension(url) == ext


def test_url_filename():
    assert url_filename("http://www.napo.gov.cn/uploads/%E6%96%B9%E6%A1%88.doc?x=1") == "方案.doc"
    assert url_filename("http://www.napo.gov.cn/xwzx/") == "xwzx"
    assert url_filename("http://[bad/x.pdf") == ""
