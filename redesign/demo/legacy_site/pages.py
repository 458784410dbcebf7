"""Builds every page of a generated site, one at a time, and hands it to the writer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import assets
from .articles import ArticlePages
from .body import Block, body_truth, render_blocks
from .context import SiteContext
from .layouts import (
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
from .plan import ArticleRef, Column, SitePlan, rng_for
from .text import LEADER_DUTIES, TextMaker
from .writer import SiteWriter

INTERVIEW_PATH = "hdjl/zxft/index.htm"  # linked from a few pages, never mirrored


class SiteBuilder(SiteContext):
    """Produces the pages and assets of a planned site in a fixed order."""

    def __init__(self, plan: SitePlan, writer: SiteWriter) -> None:
        """Prepare the shared chrome and the article writer."""
        super().__init__(plan, writer)
        self.articles = ArticlePages(self)

    # -- the whole site ----------------------------------------------------------------------

    def build(self, progress: Callable[[int, int], None] | None = None) -> None:
        """Write every file of the site."""
        self.progress = progress
        self.site_assets()
        self.home()
        for section in self.plan.sections:
            self.section(section.path, section.name, section.crumb_separator)
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
                (ref.title, relative(ref.path, path), ref.list_date)
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

    def section(self, section_path: str, name: str, separator: str | None = None) -> None:
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
                (ref.title, relative(ref.path, path), ref.list_date)
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
                crumb_separator=separator,
            ),
            breadcrumb=["首页", name],
            crumb_separator=separator or self.profile.crumb_separator,
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
            self.articles.write(column_index, index)

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
                "date": ref.list_date,
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
                crumb_separator=column.crumb_separator,
            ),
            column=column.path,
            column_name=column.name,
            breadcrumb=["首页", *column.crumbs],
            crumb_separator=column.crumb_separator or self.profile.crumb_separator,
            page=page_index,
            page_count=pages,
            list_count=len(items),
            list_items=items,
            broken_links=[],
        )
