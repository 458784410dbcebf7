"""Builds every page of a generated site, one at a time, and hands it to the writer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import assets
from .content import LEADER_DUTIES, NEWS_SOURCES, TextMaker, cn_date, person_name
from .layouts import (
    BODY_SELECTORS,
    TRS_STYLE,
    Chrome,
    NavItem,
    attr,
    box,
    document,
    frame_top,
    frameset,
    item_table,
    pager,
    relative,
    side_menu,
    text,
)
from .plan import ArticleRef, Column, SitePlan, per_mille, rng_for
from .writer import SiteWriter, charset_for

MISSING_IMAGE_PER_MILLE = 50
MISSING_ATTACHMENT_PER_MILLE = 60
BROKEN_LINK_PER_MILLE = 30
INTERVIEW_PATH = "hdjl/zxft/index.htm"  # linked from a few pages, never mirrored
SALUTATION = "各乡镇人民政府，县直各单位："
Block = tuple[Any, ...]


@dataclass
class Article:
    """An article's content and truth, before it is rendered at one or more paths."""

    ref: ArticleRef
    blocks: list[Block]
    source: str | None
    author: str | None
    editor: str | None
    meta_style: str
    meta_html: str
    meta_text: str
    date_text: str
    doc_number: str | None = None
    index_number: str | None = None
    images: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    tables: int = 0


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
        elif kind == "link":
            _, before, path, label, after = block
            out.append(
                f'<p>　　{text(before)}<a href="{relative(path, page)}">{text(label)}</a>'
                f"{text(after)}</p>\n"
            )
    return "".join(out)


def date_text_for(style: int, day: date) -> str:
    """Return the date as one of the site's meta-line formats prints it."""
    if style == 1:
        return f"{day.year}年{day.month:02d}月{day.day:02d}日"
    if style == 2:
        return f"{day.year}-{day.month}-{day.day}"
    if style == 4:
        return f"{day:%Y/%m/%d}"
    return f"{day:%Y-%m-%d}"


class SiteBuilder:
    """Produces the pages and assets of a planned site in a fixed order."""

    def __init__(self, plan: SitePlan, writer: SiteWriter) -> None:
        """Bind the plan and the writer and prepare the shared page chrome."""
        self.plan = plan
        self.writer = writer
        self.profile = plan.profile
        self.county = plan.profile.county
        nav = [NavItem("首页", "index.html")]
        nav += [NavItem(section.name, f"{section.path}/index.htm") for section in plan.sections]
        nav += [
            NavItem(column.name, f"{column.path}/index.htm")
            for column in plan.columns
            if column.section is None
        ]
        nav += [
            NavItem("县情概况", "xqgk/index.htm"),
            NavItem("机构职能", "jgzn/index.htm"),
            NavItem("领导信息", "ldxx/index.htm"),
            NavItem("互动交流", "hdjl/index.htm"),
            NavItem("网站地图", "wzdt.htm"),
            NavItem("站内搜索", "search.htm"),
        ]
        self.chrome = Chrome(self.profile, nav)
        self.progress: Callable[[int, int], None] | None = None

    # -- helpers ---------------------------------------------------------------------------

    def html_title(self, title: str) -> str:
        """Return the <title> text: headline plus the site suffix."""
        return f"{title}{self.profile.title_separator}{self.profile.site_name}"

    def emit(
        self, path: str, kind: str, title: str, render: Callable[[str | None], str], **extra: Any
    ) -> bytes:
        """Render a page with its charset decision and write it."""
        declared, actual = charset_for(self.profile, path)
        entry = {"kind": kind, "title": title, "declared_charset": declared, **extra}
        data = self.writer.page(path, render(declared), entry, actual)
        if self.progress and self.writer.pages % 500 == 0:
            self.progress(self.writer.pages, self.plan.pages)
        return data

    def column_menu(self, column: Column, page: str) -> str:
        """Return the side menu listing the column's siblings."""
        if column.section is None:
            return side_menu(
                self.chrome, page, column.name, [(column.name, f"{column.path}/index.htm")]
            )
        siblings = [c for c in self.plan.columns if c.section == column.section]
        items = [(c.name, f"{c.path}/index.htm") for c in siblings]
        return side_menu(self.chrome, page, column.section.name, items)

    def image_asset(self, path: str, seed_key: str, width: int, height: int) -> None:
        """Draw and write an image file."""
        ext = path.rsplit(".", 1)[1]
        data = assets.image_bytes(rng_for(self.plan.seed, "pixels", seed_key), ext, width, height)
        self.writer.asset(path, data, "image", format=ext, width=width, height=height)

    # -- the whole site ----------------------------------------------------------------------

    def build(self, progress: Callable[[int, int], None] | None = None) -> None:
        """Write every file of the site."""
        self.progress = progress
        self.site_assets()
        self.home()
        for section in self.plan.sections:
            self.section(section.path, section.name)
        self.statics()
        self.interaction()
        self.search()
        self.sitemap()
        for column_index in range(len(self.plan.columns)):
            self.column(column_index)
        if progress and self.writer.pages % 500 != 0:
            progress(self.writer.pages, self.plan.pages)

    def site_assets(self) -> None:
        """Write the stylesheet, script and decoration images."""
        self.writer.asset("css/style.css", assets.STYLESHEET.encode("ascii"), "stylesheet")
        self.writer.asset("js/common.js", assets.SCRIPT.encode("ascii"), "script")
        self.image_asset("images/banner.jpg", "banner", 490, 60)
        self.image_asset("images/logo.gif", "logo", 120, 40)
        self.image_asset("images/dot.gif", "dot", 5, 5)

    # -- home, sections, static pages --------------------------------------------------------

    def home(self) -> None:
        """Write the home page (a frameset, a top frame and main.htm on frame sites)."""
        frame = self.profile.layout == "frame"
        path = "main.htm" if frame else "index.html"
        if frame:
            self.emit(
                "index.html",
                "frameset",
                self.profile.site_name,
                lambda declared: frameset(self.chrome, declared),
                frames=["top.htm", "main.htm"],
                broken_links=[],
            )
            self.emit(
                "top.htm",
                "frame",
                self.profile.site_name,
                lambda declared: frame_top(self.chrome, declared),
                broken_links=[],
            )
        boxes = []
        for column_index, column in enumerate(self.plan.columns):
            rows = [
                (ref.title, relative(ref.path, path), f"{ref.day:%Y-%m-%d}")
                for ref in self.plan.latest(column_index, 7)
            ]
            inner = item_table(rows, path, 0, "dot.gif", limit=22)
            boxes.append(box(column.name, relative(f"{column.path}/index.htm", path), inner))
        links = (
            f'<a href="xqgk/index.htm">县情概况</a> | <a href="ldxx/index.htm">领导信息</a> | '
            f'<a href="hdjl/index.htm">县长信箱</a> | <a href="{INTERVIEW_PATH}">在线访谈</a> | '
            '<a href="http://www.gov.cn/" target="_blank">中国政府网</a>'
        )
        if len(boxes) % 2:
            boxes.append("")
        cell = '<td width="50%" valign="top">'
        main = (
            f'<table width="100%"><tr><td>{links}</td></tr></table>\n'
            '<table width="100%" border="0" cellspacing="6" cellpadding="0">\n'
            + "".join(
                f"<tr>{cell}{left}</td>{cell}{right}</td></tr>\n"
                for left, right in zip(boxes[::2], boxes[1::2], strict=True)
            )
            + "</table>\n"
        )
        self.emit(
            path,
            "home",
            self.profile.site_name,
            lambda declared: document(self.chrome, path, self.profile.site_name, declared, main),
            broken_links=[{"href": INTERVIEW_PATH, "path": INTERVIEW_PATH}],
        )

    def section(self, section_path: str, name: str) -> None:
        """Write a section landing page with boxes of its columns' newest items."""
        path = f"{section_path}/index.htm"
        children = [
            (index, column)
            for index, column in enumerate(self.plan.columns)
            if column.section is not None and column.section.path == section_path
        ]
        boxes = []
        for column_index, column in children:
            rows = [
                (ref.title, relative(ref.path, path), f"{ref.day:%Y-%m-%d}")
                for ref in self.plan.latest(column_index, 8)
            ]
            inner = item_table(rows, path, self.profile.list_date_style, "dot.gif")
            boxes.append(box(column.name, relative(f"{column.path}/index.htm", path), inner))
        menu = side_menu(
            self.chrome, path, name, [(c.name, f"{c.path}/index.htm") for _, c in children]
        )
        self.emit(
            path,
            "section",
            name,
            lambda declared: document(
                self.chrome,
                path,
                self.html_title(name),
                declared,
                "".join(boxes),
                trail=[(name, path)],
                menu=menu,
            ),
            breadcrumb=["首页", name],
            broken_links=[],
        )

    def static_page(
        self,
        path: str,
        title: str,
        trail: list[tuple[str, str]],
        blocks: list[Block],
        images: list[dict[str, Any]] | None = None,
    ) -> None:
        """Write a static content page (概况, 机构职能, 领导信息)."""
        body = render_blocks(blocks, path, self.profile.paragraph_style)
        main = (
            '<table width="100%" border="0" cellspacing="0" cellpadding="0">'
            f'<tr><td align="center" class="title">{text(title)}</td></tr>'
            f'<tr><td class="content" id="zoom">{body}</td></tr></table>\n'
        )
        self.emit(
            path,
            "static",
            title,
            lambda declared: document(
                self.chrome, path, self.html_title(title), declared, main, trail=trail
            ),
            html_title=self.html_title(title),
            breadcrumb=["首页", *(name for name, _ in trail)],
            body_selector="td#zoom",
            **body_truth(blocks),
            images=images or [],
            broken_links=[],
        )

    def statics(self) -> None:
        """Write the overview, the department pages and the leader pages."""
        county = self.county
        statics = self.plan.budget.statics
        maker = TextMaker(county, rng_for(self.plan.seed, "statics"))
        overview = [("p", paragraph) for paragraph in maker.static_paragraphs(5)]
        self.static_page(
            "xqgk/index.htm", f"{county.name}概况", [("县情概况", "xqgk/index.htm")], overview
        )

        departments = county.departments[: statics.departments]
        index_blocks: list[Block] = [
            ("plain", f"{county.name}人民政府工作部门（共{len(county.departments)}个）：")
        ]
        for number, (name, abbr, _, _) in enumerate(county.departments):
            full = county.short + name
            if number < len(departments):
                index_blocks.append(("link", "", f"jgzn/{abbr}.htm", full, ""))
            else:
                index_blocks.append(("plain", full))
        self.static_page(
            "jgzn/index.htm", "机构职能", [("机构职能", "jgzn/index.htm")], index_blocks
        )
        for name, abbr, _, short in departments:
            full = county.short + name
            field_name = short.removeprefix("县").removesuffix("局").removesuffix("办")
            blocks: list[Block] = [("h", "一、主要职责")]
            blocks += [("plain", clause) for clause in maker.duty_paragraphs(field_name)]
            blocks += [
                ("h", "二、内设机构"),
                ("plain", "办公室、业务股、综合股、法规股。"),
                ("h", "三、联系方式"),
                ("plain", f"办公地址：{county.name}城关镇人民路{len(abbr) * 7}号"),
                ("plain", f"办公电话：0775-{7000000 + len(full) * 1731}"),
            ]
            self.static_page(
                f"jgzn/{abbr}.htm",
                full,
                [("机构职能", "jgzn/index.htm"), (full, f"jgzn/{abbr}.htm")],
                blocks,
            )

        leaders = county.leaders[: statics.leaders]
        leader_blocks: list[Block] = []
        for number, (name, role) in enumerate(county.leaders):
            if number < len(leaders):
                leader_blocks.append(("link", f"{role}：", f"ldxx/ld{number + 1}.htm", name, ""))
            else:
                leader_blocks.append(("plain", f"{role}：{name}"))
        self.static_page(
            "ldxx/index.htm", "领导信息", [("领导信息", "ldxx/index.htm")], leader_blocks
        )
        for number, (name, role) in enumerate(leaders):
            photo = f"ldxx/images/ld{number + 1}.jpg"
            duty = LEADER_DUTIES[0] if number == 0 else maker.rng.choice(LEADER_DUTIES[1:])
            blocks = [
                ("img", photo, name, 120, 160),
                ("plain", f"{name}，{role}。"),
                ("h", "工作分工："),
                ("plain", duty + "。"),
                ("h", "个人简历："),
                (
                    "p",
                    f"{name}，男，汉族，{1955 + maker.rng.randrange(15)}年生，大学学历，"
                    f"中共党员。曾任{county.towns[number % len(county.towns)]}党委书记等职。",
                ),
            ]
            self.image_asset(photo, photo, 120, 160)
            self.static_page(
                f"ldxx/ld{number + 1}.htm",
                name,
                [("领导信息", "ldxx/index.htm"), (name, f"ldxx/ld{number + 1}.htm")],
                blocks,
                images=[
                    {
                        "src": relative(photo, f"ldxx/ld{number + 1}.htm"),
                        "path": photo,
                        "alt": name,
                        "exists": True,
                    }
                ],
            )

    def interaction(self) -> None:
        """Write the 互动交流 page: a mailbox form and a link to an unmirrored interview column."""
        path = "hdjl/index.htm"
        county = self.county
        main = (
            '<table width="100%" border="0" cellspacing="0" cellpadding="4">'
            '<tr><td class="title" align="center">县长信箱</td></tr><tr><td>'
            f'<form action="http://{attr(self.profile.host)}/wcm/app/letter.jsp" method="post">'
            '姓名：<input type="text" name="name"><br>电话：<input type="text" name="tel"><br>'
            '标题：<input type="text" name="title" size="50"><br>'
            '内容：<textarea name="content" rows="8" cols="60"></textarea><br>'
            '<input type="submit" value="提交"> <input type="reset" value="重写"></form>'
            f"</td></tr><tr><td>欢迎您给{text(county.name)}县长写信，我们将在15个工作日内答复。"
            f'往期<a href="../{INTERVIEW_PATH}">在线访谈</a></td></tr></table>\n'
        )
        self.emit(
            path,
            "form",
            "互动交流",
            lambda declared: document(
                self.chrome,
                path,
                self.html_title("互动交流"),
                declared,
                main,
                trail=[("互动交流", path)],
            ),
            breadcrumb=["首页", "互动交流"],
            broken_links=[{"href": f"../{INTERVIEW_PATH}", "path": INTERVIEW_PATH}],
        )

    def search(self) -> None:
        """Write the site search page (a form posting to the CMS search servlet)."""
        path = "search.htm"
        main = (
            f'<form action="http://{attr(self.profile.host)}/was5/web/search" method="get">'
            '<input type="hidden" name="channelid" value="200001">'
            '检索词：<input type="text" name="searchword" size="40"> '
            '<select name="column"><option value="title">标题</option>'
            '<option value="content">正文</option></select> '
            '<input type="submit" value="检索"></form>\n'
            "<p>提示：多个检索词之间用空格隔开。</p>\n"
        )
        self.emit(
            path,
            "search",
            "站内搜索",
            lambda declared: document(
                self.chrome,
                path,
                self.html_title("站内搜索"),
                declared,
                main,
                trail=[("站内搜索", path)],
            ),
            breadcrumb=["首页", "站内搜索"],
            broken_links=[],
        )

    def sitemap(self) -> None:
        """Write the 网站地图 page linking every column and static page."""
        path = "wzdt.htm"
        rows = []
        for section in self.plan.sections:
            children = [c for c in self.plan.columns if c.section == section]
            links = " ".join(f'<a href="{c.path}/index.htm">{text(c.name)}</a>' for c in children)
            rows.append(
                f'<tr><td width="120"><a href="{section.path}/index.htm">'
                f"<b>{text(section.name)}</b></a></td><td>{links}</td></tr>"
            )
        for column in self.plan.columns:
            if column.section is None:
                rows.append(
                    f'<tr><td><a href="{column.path}/index.htm"><b>{text(column.name)}</b></a></td>'
                    "<td></td></tr>"
                )
        rows.append(
            '<tr><td><b>走进本县</b></td><td><a href="xqgk/index.htm">县情概况</a> '
            '<a href="jgzn/index.htm">机构职能</a> <a href="ldxx/index.htm">领导信息</a></td></tr>'
        )
        rows.append(
            '<tr><td><a href="hdjl/index.htm"><b>互动交流</b></a></td>'
            '<td><a href="hdjl/index.htm">县长信箱</a> '
            f'<a href="{INTERVIEW_PATH}">在线访谈</a></td></tr>'
        )
        main = (
            '<table width="100%" border="1" cellspacing="0" cellpadding="6">'
            + "\n".join(rows)
            + "</table>\n"
        )
        self.emit(
            path,
            "sitemap",
            "网站地图",
            lambda declared: document(
                self.chrome,
                path,
                self.html_title("网站地图"),
                declared,
                main,
                trail=[("网站地图", path)],
            ),
            breadcrumb=["首页", "网站地图"],
            broken_links=[{"href": INTERVIEW_PATH, "path": INTERVIEW_PATH}],
        )

    # -- columns and articles ---------------------------------------------------------------

    def column(self, column_index: int) -> None:
        """Write a column's list pages and then its articles."""
        plan = self.plan
        column = plan.columns[column_index]
        count = plan.counts[column_index]
        pages = plan.list_page_count(column_index)
        size = self.profile.page_size
        for page_index in range(pages):
            path = (
                f"{column.path}/index.htm"
                if page_index == 0
                else f"{column.path}/index_{page_index}.htm"
            )
            newest = count - 1 - page_index * size
            refs = [
                plan.article(column_index, i) for i in range(newest, max(-1, newest - size), -1)
            ]
            self.list_page(column, path, page_index, pages, refs, count)
        for index in range(count):
            self.article(column_index, index)

    def list_page(
        self,
        column: Column,
        path: str,
        page_index: int,
        pages: int,
        refs: list[ArticleRef],
        total: int,
    ) -> None:
        """Write one page of a column list."""
        items = [
            {
                "title": ref.title,
                "date": f"{ref.day:%Y-%m-%d}",
                "href": relative(ref.path, path),
                "path": ref.path,
            }
            for ref in refs
        ]
        rows = [(item["title"], item["href"], item["date"]) for item in items]
        listing = item_table(rows, path, self.profile.list_date_style, "dot.gif")
        if not rows:
            listing = "<p>暂无信息</p>\n"
        main = (
            '<table width="100%"><tr><td class="boxtitle">'
            f"<b>{text(column.name)}</b></td></tr></table>\n"
            f"{listing}{pager(self.profile.pager_style, page_index, pages, total)}"
        )
        title = column.name
        self.emit(
            path,
            "list",
            title,
            lambda declared: document(
                self.chrome,
                path,
                self.html_title(title),
                declared,
                main,
                trail=column.trail,
                menu=self.column_menu(column, path),
            ),
            column=column.path,
            column_name=column.name,
            breadcrumb=["首页", *(name for name, _ in column.trail)],
            page=page_index,
            page_count=pages,
            list_count=len(items),
            list_items=items,
            broken_links=[],
        )

    def compose(self, ref: ArticleRef) -> Article:
        """Write the body, meta line and assets' truth of an article (not yet rendered)."""
        plan = self.plan
        column = ref.column
        county = self.county
        rng = rng_for(plan.seed, "body", ref.path)
        maker = TextMaker(county, rng, ref.theme)
        day = ref.day
        genre = column.genre
        folder = ref.path.rsplit("/", 1)[0]
        ymd = f"{day:%Y%m%d}"
        blocks: list[Block] = []
        article_images: list[dict[str, Any]] = []
        article_attachments: list[dict[str, Any]] = []

        dept = county.departments[ref.theme.department]
        by_office = county.short + dept[0] not in ref.title and rng.random() < 0.6
        issuer = f"{county.name}人民政府办公室" if by_office else county.short + dept[0]
        doc_number = None
        if genre == "policy" or (genre == "notice" and rng.random() < 0.5):
            kind = (
                rng.choice(("政办发", "政办发", "政发", "政办函")) if by_office else dept[2] + "发"
            )
            doc_number = f"{county.doc_prefix}{kind}〔{day.year}〕{rng.randint(1, 160)}号"

        if genre in ("news", "photo"):
            paragraphs = maker.news_paragraphs(
                day, rng.randint(1, 3) if genre == "photo" else rng.randint(3, 7)
            )
            blocks = [("p", paragraph) for paragraph in paragraphs]
            images = rng.randint(1, 3) if genre == "photo" else (1 if rng.random() < 0.25 else 0)
            captions: list[str] = []
            for number in range(images):
                ext = rng.choice(("jpg", "jpg", "jpg", "jpg", "png", "gif"))
                name = f"W0{ymd}{ref.legacy_id:06d}{number:02d}{rng.randrange(10000):04d}.{ext}"
                width = rng.randrange(160, 320, 20)
                height = width * 3 // 4
                caption = maker.caption(day)
                captions.append(caption)
                alt = caption if rng.random() < 0.85 else ""
                article_images.append(
                    {
                        "path": f"{folder}/{name}",
                        "alt": alt,
                        "width": width,
                        "height": height,
                        "format": ext,
                    }
                )
                blocks[number + 1 : number + 1] = [("img", f"{folder}/{name}", alt, width, height)]
            if images:
                position = len(article_images) + 1
                blocks[position:position] = [("center", captions[0])]
        elif genre == "policy":
            blocks = [("center", doc_number or ""), ("plain", SALUTATION)]
            if "《" in ref.title:
                document_name = ref.title.split("《", 1)[1].split("》", 1)[0]
                blocks.append(("p", f"现将《{document_name}》印发给你们，请认真贯彻执行。"))
            else:
                blocks.append(("p", maker.notice_opening(day).replace("通知如下", "规定如下")))
            blocks += [("right", issuer), ("right", cn_date(day))]
            blocks += [("p", clause) for clause in maker.regulation(day, rng.randint(4, 5))]
        else:
            if doc_number:
                blocks.append(("center", doc_number))
            if genre in ("notice", "personnel"):
                blocks.append(("plain", SALUTATION))
                blocks.append(("p", maker.notice_opening(day)))
            for heading, paragraphs in maker.notice_sections(
                day, rng.randint(2, 4 if genre != "finance" else 2)
            ):
                blocks.append(("h", heading))
                blocks += [("p", paragraph) for paragraph in paragraphs]

        table_chance = {"finance": 1.0, "plan": 0.15, "notice": 0.1, "personnel": 0.3, "news": 0.05}
        tables = 0
        if rng.random() < table_chance.get(genre, 0.0):
            blocks.insert(max(1, len(blocks) - 1), ("table", maker.data_table(genre)))
            tables = 1

        attachment_chance = {
            "notice": 0.35,
            "policy": 0.3,
            "personnel": 0.4,
            "plan": 0.2,
            "finance": 0.2,
        }
        if rng.random() < attachment_chance.get(genre, 0.0):
            for number in range(rng.randint(1, 2)):
                ext = (
                    "xls" if genre == "finance" else rng.choice(("doc", "doc", "xls", "pdf", "zip"))
                )
                name = f"P0{ymd}{ref.legacy_id:06d}{number:02d}.{ext}"
                label = f"{maker.attachment_name(day)}.{ext}"
                lead = f"附件{number + 1}：" if rng.random() < 0.7 else "附件："
                blocks.append(("attach", f"{folder}/{name}", lead, label))
                article_attachments.append(
                    {"path": f"{folder}/{name}", "name": label, "format": ext}
                )

        if genre in ("notice", "personnel", "plan", "finance"):
            blocks += [("right", issuer), ("right", cn_date(day))]

        broken: list[str] = []
        if per_mille(plan.seed, "broken", ref.path) < BROKEN_LINK_PER_MILLE:
            missing = f"{folder}/t{ymd}_{900000 + ref.gid}.htm"
            blocks.insert(1, ("link", "此前的有关情况，详见", missing, "相关报道", "。"))
            broken.append(missing)

        for image in article_images:
            image["exists"] = (
                per_mille(plan.seed, "missing", image["path"]) >= MISSING_IMAGE_PER_MILLE
            )
        for attachment in article_attachments:
            attachment["exists"] = (
                per_mille(plan.seed, "missing", attachment["path"]) >= MISSING_ATTACHMENT_PER_MILLE
            )

        article = self.meta(ref, rng, blocks, issuer, dept[3], doc_number)
        article.images = article_images
        article.attachments = article_attachments
        article.broken = broken
        article.tables = tables
        return article

    def meta(
        self,
        ref: ArticleRef,
        rng: Any,
        blocks: list[Block],
        issuer: str,
        dept_short: str,
        doc_number: str | None,
    ) -> Article:
        """Choose the source, author and meta line of an article."""
        column = ref.column
        genre = column.genre
        county = self.county
        day = ref.day
        if genre in ("news", "photo"):
            pool = [*NEWS_SOURCES, dept_short, rng.choice(county.towns)]
            source: str | None = rng.choice(pool)
        elif genre == "personnel":
            source = "县人社局"
        elif genre == "finance":
            source = "县财政局"
        else:
            source = "县政府办" if issuer.endswith("人民政府办公室") else dept_short
        if rng.random() < 0.06:
            source = None
        author = (
            person_name(rng)
            if rng.random() < (0.7 if genre in ("news", "photo") else 0.15)
            else None
        )
        editor = person_name(rng)

        if genre == "policy":
            index_number = f"{county.index_prefix}/{day.year}-{ref.legacy_id:05d}"
            date_text = f"{day:%Y-%m-%d}"
            cells = [
                ("索引号", index_number),
                ("发布机构", issuer),
                ("生成日期", date_text),
                ("文号", doc_number or ""),
            ]
            meta_html = (
                '<table width="100%" border="1" cellspacing="0" cellpadding="4" class="xxgk">'
                f"<tr><td>索引号：</td><td>{text(index_number)}</td>"
                f"<td>发布机构：</td><td>{text(issuer)}</td></tr>"
                f"<tr><td>生成日期：</td><td>{date_text}</td>"
                f"<td>文号：</td><td>{text(doc_number or '')}</td></tr>"
                "</table>\n"
            )
            meta_text = " ".join(f"{label}：{value}" for label, value in cells)
            return Article(
                ref,
                blocks,
                issuer,
                None,
                None,
                "xxgk",
                meta_html,
                meta_text,
                date_text,
                doc_number,
                index_number,
            )

        style = self.profile.meta_style
        if per_mille(self.plan.seed, "meta", column.path) < 250:
            style = (style + 1 + self.plan.column_index(column)) % 5
        date_text = date_text_for(style, day)
        src = source or ""
        if style == 0:
            parts = [f"发布时间：{date_text}", f"来源：{src}"] + (
                [f"作者：{author}"] if author else []
            )
            editor = None
        elif style == 1:
            parts = [f"发布日期：{date_text}", f"信息来源：{src}"]
            author = editor = None
        elif style == 2:
            parts = [f"日期：{date_text}", f"文章来源：{src}"] + (
                [f"作者：{author}"] if author else []
            )
            editor = None
        elif style == 3:
            parts = [f"[{date_text}]", f"来源：{src}"]
            author = editor = None
        else:
            clock = f"{rng.randint(8, 18):02d}:{rng.randrange(60):02d}"
            parts = [f"时间：{date_text} {clock}", f"来源：{src}", f"责任编辑：{editor}"]
            author = None
        separator = rng.choice(("　", "&nbsp;&nbsp;&nbsp;", "　　"))
        meta_html = separator.join(text(part) for part in parts)
        if style == 2:
            meta_html += f'{separator}点击数：<span id="count">{rng.randint(12, 3000)}</span>'
        meta_text = " ".join(parts)
        return Article(
            ref,
            blocks,
            source,
            author,
            editor,
            f"style{style}",
            meta_html,
            meta_text,
            date_text,
            doc_number,
        )

    def render_article(self, article: Article, path: str, declared: str | None) -> str:
        """Render an article page at a path (links are relative to it)."""
        ref = article.ref
        profile = self.profile
        body = render_blocks(article.blocks, path, profile.paragraph_style)
        if profile.body_style == "trs":
            body_row = (
                f'<tr><td class="content"><div class="TRS_Editor">{TRS_STYLE}{body}</div></td></tr>'
            )
            title_row = f'<tr><td align="center" class="title">{text(ref.title)}</td></tr>'
        elif profile.body_style == "zoom_td":
            body_row = f'<tr><td class="content" id="zoom">{body}</td></tr>'
            title_row = (
                '<tr><td align="center"><font size="5" color="#c00000">'
                f"<b>{text(ref.title)}</b></font></td></tr>"
            )
        else:
            body_row = f'<tr><td><div id="fontzoom">{body}</div></td></tr>'
            title_row = f'<tr><td align="center"><h1 class="title">{text(ref.title)}</h1></td></tr>'
        if article.meta_style == "xxgk":
            top, meta_row = article.meta_html, ""
        else:
            top, meta_row = "", f'<tr><td align="center" class="info">{article.meta_html}</td></tr>'
        neighbours = []
        column_index = self.plan.column_index(ref.column)
        for label, index in (("上一篇", ref.index + 1), ("下一篇", ref.index - 1)):
            if 0 <= index < self.plan.counts[column_index]:
                other = self.plan.article(column_index, index)
                target = other.duplicate_path or other.path
                neighbours.append(
                    f'{label}：<a href="{relative(target, path)}">{text(other.title)}</a>'
                )
            else:
                neighbours.append(f"{label}：没有了")
        main = (
            f"{top}"
            '<table width="100%" border="0" cellspacing="0" cellpadding="0" class="article">\n'
            f"{title_row}\n{meta_row}\n{body_row}\n"
            '<tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】'
            '【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>\n'
            f'<tr><td class="prevnext">{"<br>".join(neighbours)}</td></tr>\n</table>\n'
        )
        return document(
            self.chrome,
            path,
            self.html_title(ref.title),
            declared,
            main,
            trail=ref.column.trail,
            menu=self.column_menu(ref.column, path),
        )

    def article_entry(self, article: Article, path: str) -> dict[str, Any]:
        """Return the manifest truth of an article rendered at a path."""
        ref = article.ref
        column = ref.column
        entry: dict[str, Any] = {
            "html_title": self.html_title(ref.title),
            "column": column.path,
            "column_name": column.name,
            "breadcrumb": ["首页", *(name for name, _ in column.trail)],
            "legacy_id": ref.legacy_id,
            "publish_date": f"{ref.day:%Y-%m-%d}",
            "date_text": article.date_text,
            "source": article.source,
            "author": article.author,
            "editor": article.editor,
            "meta_text": article.meta_text,
            "meta_style": article.meta_style,
            "doc_number": article.doc_number,
            "index_number": article.index_number,
            "body_selector": BODY_SELECTORS[self.profile.body_style],
            **body_truth(article.blocks),
            "tables": article.tables,
            "images": [{**image, "src": relative(image["path"], path)} for image in article.images],
            "attachments": [
                {**attachment, "href": relative(attachment["path"], path)}
                for attachment in article.attachments
            ],
            "broken_links": [
                {"href": relative(target, path), "path": target} for target in article.broken
            ],
        }
        return entry

    def article(self, column_index: int, index: int) -> None:
        """Write an article, its existing images and attachments, and its duplicate if any."""
        ref = self.plan.article(column_index, index)
        article = self.compose(ref)
        entry = self.article_entry(article, ref.path)
        duplicate = ref.duplicate_path
        data = self.emit(
            ref.path,
            "article",
            ref.title,
            lambda declared: self.render_article(article, ref.path, declared),
            **entry,
            duplicate_of=None,
            duplicates=[duplicate] if duplicate else [],
        )
        for image in article.images:
            if image["exists"]:
                self.image_asset(image["path"], image["path"], image["width"], image["height"])
        for attachment in article.attachments:
            if attachment["exists"]:
                legacy_name = attachment["path"].rsplit("/", 1)[1].rsplit(".", 1)[0]
                content = assets.attachment_bytes(
                    attachment["format"], legacy_name, attachment["name"]
                )
                self.writer.asset(
                    attachment["path"], content, "attachment", format=attachment["format"]
                )
        if ref.duplicate == "copy" and duplicate:
            declared, actual = charset_for(self.profile, ref.path)
            copy_entry = {
                "url": self.writer.url(duplicate),
                "kind": "article",
                "title": ref.title,
                "declared_charset": declared,
                "encoding": actual,
                **entry,
                "duplicate_of": ref.path,
                "duplicates": [],
            }
            self.writer.copy(duplicate, data, copy_entry)
        elif ref.duplicate == "wget" and duplicate:
            self.emit(
                duplicate,
                "article",
                ref.title,
                lambda declared: self.render_article(article, duplicate, declared),
                url=f"http://{self.profile.host}{ref.duplicate_url}",
                **self.article_entry(article, duplicate),
                duplicate_of=ref.path,
                duplicates=[],
            )
