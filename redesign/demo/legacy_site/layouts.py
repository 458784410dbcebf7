"""Page templates of a 2008-era county portal: table layouts, frame shells, TRS-style markup."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html import escape

from .plan import Profile

DOCTYPE = (
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" '
    '"http://www.w3.org/TR/html4/loose.dtd">'
)
TRS_STYLE = (
    '<style type="text/css">.TRS_Editor P{margin-top:0;margin-bottom:0;line-height:1.8;'
    "font-family:宋体;font-size:12pt;}.TRS_Editor TD{font-size:12pt;}</style>"
)
BODY_SELECTORS = {"trs": "div.TRS_Editor", "zoom_td": "td#zoom", "fontzoom": "div#fontzoom"}


def text(value: str) -> str:
    """Escape text for an HTML text node."""
    return escape(value, quote=False)


def attr(value: str) -> str:
    """Escape text for an HTML attribute."""
    return escape(value, quote=True)


def prefix_for(path: str) -> str:
    """Return the relative prefix from a page back to the site root."""
    return "../" * path.count("/")


def relative(target: str, page: str) -> str:
    """Return a TRS-style relative link: ./name in the same folder, ../../x/y otherwise."""
    folder = posixpath.dirname(page)
    target_folder, name = posixpath.split(target)
    if target_folder == folder:
        return f"./{name}"
    if folder and target_folder.startswith(folder + "/"):
        return "./" + target[len(folder) + 1 :]
    return prefix_for(page) + target


@dataclass(frozen=True)
class NavItem:
    """One entry of the site's main navigation."""

    name: str
    path: str


@dataclass
class Chrome:
    """What every page around the main content needs: nav, menus and the current trail."""

    profile: Profile
    nav: list[NavItem]


def charset_meta(declared: str | None) -> str:
    """Return the Content-Type meta tag, or nothing for pages that declare no charset."""
    if declared is None:
        return ""
    return f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">\n'


def head(chrome: Chrome, page: str, html_title: str | None, declared: str | None) -> str:
    """Return the document head (with no <title> element when html_title is None)."""
    prefix = prefix_for(page)
    county = chrome.profile.county
    title = "" if html_title is None else f"<title>{text(html_title)}</title>\n"
    return (
        f"{DOCTYPE}\n<html>\n<head>\n{charset_meta(declared)}"
        f"{title}"
        f'<meta name="keywords" content="{attr(county.name)},{attr(county.short)}政府,政务公开">\n'
        f'<link href="{prefix}css/style.css" rel="stylesheet" type="text/css">\n'
        f'<script language="javascript" src="{prefix}js/common.js"></script>\n'
        "</head>\n"
    )


def banner_and_nav(chrome: Chrome, page: str, target: str | None = None) -> str:
    """Return the banner table and the navigation bar."""
    prefix = prefix_for(page)
    profile = chrome.profile
    target_attr = f' target="{target}"' if target else ""
    links = " | ".join(
        f'<a href="{prefix}{item.path}"{target_attr}>{text(item.name)}</a>' for item in chrome.nav
    )
    return (
        '<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">\n'
        f'<tr><td><img src="{prefix}images/banner.jpg" width="980" height="120" '
        f'alt="{attr(profile.site_name)}" border="0"></td></tr>\n</table>\n'
        '<table width="980" border="0" align="center" cellpadding="0" cellspacing="0" '
        'class="nav">\n'
        f'<tr><td align="center">{links}</td></tr>\n</table>\n'
    )


def breadcrumb(
    chrome: Chrome, page: str, trail: list[tuple[str, str]], separator: str | None = None
) -> str:
    """Return the 当前位置 line (separator as HTML source; the site's own unless given)."""
    prefix = prefix_for(page)
    frame = chrome.profile.layout == "frame"
    home_target = ' target="_top"' if frame else ""
    parts = [f'<a href="{prefix}index.html"{home_target}>首页</a>']
    parts += [f'<a href="{relative(path, page)}">{text(name)}</a>' for name, path in trail]
    separator = separator or chrome.profile.crumb_separator
    return (
        '<table width="100%" border="0" cellspacing="0" cellpadding="0">'
        f'<tr><td class="position">当前位置：{separator.join(parts)}</td></tr></table>\n'
    )


def footer(chrome: Chrome) -> str:
    """Return the footer with sponsor and filing lines."""
    county = chrome.profile.county
    return (
        '<table width="980" border="0" align="center" cellpadding="0" cellspacing="0" '
        'class="footer"><tr><td>'
        f"主办：{text(county.name)}人民政府办公室　承办：{text(county.name)}信息中心<br>"
        f"地址：{text(county.name)}城关镇人民路{county.index_prefix[:2]}号　"
        f"备案序号：ICP备{county.index_prefix[1:9]}号<br>"
        "建议使用1024×768分辨率浏览本站"
        "</td></tr></table>\n"
    )


def side_menu(chrome: Chrome, page: str, title: str, items: list[tuple[str, str]]) -> str:
    """Return the left-hand menu table of a section."""
    rows = "".join(
        f'<tr><td height="28">&nbsp;<img src="{prefix_for(page)}images/dot.gif" width="5" '
        f'height="5" alt=""> <a href="{relative(path, page)}">{text(name)}</a></td></tr>\n'
        for name, path in items
    )
    return (
        '<table width="100%" border="0" cellspacing="0" cellpadding="0" class="menu">\n'
        f'<tr><td class="menutitle" height="32"><b>{text(title)}</b></td></tr>\n{rows}</table>\n'
    )


def document(
    chrome: Chrome,
    page: str,
    html_title: str | None,
    declared: str | None,
    main: str,
    trail: list[tuple[str, str]] | None = None,
    menu: str = "",
    crumb_separator: str | None = None,
) -> str:
    """Wrap the main content in the site's layout (banner and nav unless inside a frame)."""
    parts = [head(chrome, page, html_title, declared), '<body leftmargin="0" topmargin="0">\n']
    if chrome.profile.layout != "frame":
        parts.append(banner_and_nav(chrome, page))
    parts.append(
        '<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">\n<tr>'
    )
    if menu:
        parts.append(f'<td width="210" valign="top">{menu}</td><td width="10"></td>')
    parts.append('<td valign="top">\n')
    if trail is not None:
        parts.append(breadcrumb(chrome, page, trail, crumb_separator))
    parts.append(main)
    parts.append("</td></tr>\n</table>\n")
    parts.append(footer(chrome))
    parts.append("</body>\n</html>\n")
    return "".join(parts)


def frameset(chrome: Chrome, declared: str | None) -> str:
    """Return the frameset index page of a frame-layout site."""
    profile = chrome.profile
    return (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Frameset//EN">\n<html>\n<head>\n'
        f"{charset_meta(declared)}<title>{text(profile.site_name)}</title>\n</head>\n"
        '<frameset rows="160,*" frameborder="no" border="0" framespacing="0">\n'
        '<frame src="top.htm" name="topFrame" scrolling="no" noresize>\n'
        '<frame src="main.htm" name="mainFrame">\n'
        "<noframes><body>您的浏览器不支持框架，请"
        '<a href="main.htm">点击这里</a>浏览网站首页。</body></noframes>\n'
        "</frameset>\n</html>\n"
    )


def frame_top(chrome: Chrome, declared: str | None) -> str:
    """Return the top frame: banner and the navigation targeting the main frame."""
    profile = chrome.profile
    return (
        f"{head(chrome, 'top.htm', profile.site_name, declared)}"
        '<body leftmargin="0" topmargin="0">\n'
        f"{banner_and_nav(chrome, 'top.htm', target='mainFrame')}"
        "</body>\n</html>\n"
    )


def item_table(
    rows: list[tuple[str, str, str | None]],
    page: str,
    date_style: int,
    bullet: str,
    limit: int = 30,
) -> str:
    """Return list rows: (title, href, date or None) with a bullet, a shortened title, the date."""
    out = ['<table width="100%" border="0" cellspacing="0" cellpadding="0" class="list">\n']
    for title, href, day in rows:
        shown = title if len(title) <= limit else title[: limit - 2] + "..."
        if day is None:
            day = "&nbsp;"
        elif date_style == 1:
            day = f"[{day}]"
        elif date_style == 2:
            day = f"({day})"
        out.append(
            f'<tr><td width="15"><img src="{prefix_for(page)}images/{bullet}" alt=""></td>'
            f'<td><a href="{attr(href)}" target="_blank" title="{attr(title)}">{text(shown)}</a>'
            f'</td><td width="100" align="right">{day}</td></tr>\n'
        )
    out.append("</table>\n")
    return "".join(out)


def pager(style: str, page_index: int, page_count: int, total: int) -> str:
    """Return the pagination bar: plain links, or TRS's createPageHTML script with a fallback."""

    def name(index: int) -> str:
        """Return the file name of a list page."""
        return "index.htm" if index == 0 else f"index_{index}.htm"

    links = [f"共{total}条记录　第{page_index + 1}/{page_count}页　"]
    if page_index > 0:
        links.append(f'<a href="{name(0)}">首页</a> <a href="{name(page_index - 1)}">上一页</a> ')
    if page_index < page_count - 1:
        links.append(
            f'<a href="{name(page_index + 1)}">下一页</a> <a href="{name(page_count - 1)}">尾页</a>'
        )
    if style == "js":
        return (
            '<div class="page"><script language="JavaScript">'
            f"var currentPage = {page_index};var countPage = {page_count};"
            'createPageHTML(countPage, currentPage, "index", "htm");</script>'
            f"<noscript>{''.join(links)}</noscript></div>\n"
        )
    return f'<div class="page" align="center">{"".join(links)}</div>\n'


def box(title: str, more_href: str | None, inner: str) -> str:
    """Return a titled box as used on home and section pages."""
    more = f'<a href="{attr(more_href)}">更多&gt;&gt;</a>' if more_href else ""
    return (
        '<table width="100%" border="0" cellspacing="0" cellpadding="0" class="box">\n'
        f'<tr><td class="boxtitle"><b>{text(title)}</b></td><td align="right">{more}</td></tr>\n'
        f'<tr><td colspan="2">{inner}</td></tr>\n</table>\n'
    )
