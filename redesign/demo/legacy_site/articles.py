"""Article pages: body, meta line and truth of each article, rendered at one or two URLs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import assets
from .body import Block, body_truth, render_blocks
from .context import SiteContext
from .layouts import BODY_SELECTORS, TRS_STYLE, document, relative, text
from .patterns import DATE_FREE, EMPTY_BODY, ISSUER_TITLE, SCRIPT_DATE, SITE_TITLE, TITLE_LESS
from .plan import ArticleRef, per_mille, rng_for
from .quirks import (
    HEADLINE_SELECTORS,
    date_truth,
    empty_body,
    headline_row,
    pattern_names,
    script_date,
    split_title_less,
)
from .text import NEWS_SOURCES, TextMaker, cn_date, person_name
from .writer import charset_for

MISSING_IMAGE_PER_MILLE = 50
MISSING_ATTACHMENT_PER_MILLE = 60
BROKEN_LINK_PER_MILLE = 30
SALUTATION = "各乡镇人民政府，县直各单位："


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
    date_text: str | None  # None when the page shows no date
    doc_number: str | None = None
    index_number: str | None = None
    images: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    tables: int = 0
    issuer: str = ""
    decoys: list[str] = field(default_factory=list)  # other dates the body's first lines cite


def date_text_for(style: int, day: date) -> str:
    """Return the date as one of the site's meta-line formats prints it."""
    if style == 1:
        return f"{day.year}年{day.month:02d}月{day.day:02d}日"
    if style == 2:
        return f"{day.year}-{day.month}-{day.day}"
    if style == 4:
        return f"{day:%Y/%m/%d}"
    return f"{day:%Y-%m-%d}"


class ArticlePages:
    """Composes, renders and writes the articles of a site through the site's shared context."""

    def __init__(self, site: SiteContext) -> None:
        """Bind the site context whose plan, writer and chrome the articles use."""
        self.site = site

    def compose(self, ref: ArticleRef) -> Article:
        """Write the body, meta line and assets' truth of an article (not yet rendered)."""
        plan = self.site.plan
        column = ref.column
        county = self.site.county
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
        elif genre == "guide":
            for heading, paragraph in maker.guide_sections(ref.title, day):
                blocks += [("h", heading), ("p", paragraph)]
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
            "guide": 0.3,
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

        dateless = ref.variant(SCRIPT_DATE) or ref.variant(DATE_FREE)
        if genre in ("notice", "personnel", "plan", "finance"):
            # Pages that print no date in plain text sign off without one as well.
            blocks.append(("right", issuer))
            if not dateless:
                blocks.append(("right", cn_date(day)))
        decoys: list[str] = []
        if ref.variant(SCRIPT_DATE):
            line, other = maker.decoy(day, rule=genre not in ("news", "photo"))
            first = next((n for n, block in enumerate(blocks) if block[0] == "p"), 0)
            blocks.insert(first, ("p", line))
            decoys.append(f"{other:%Y-%m-%d}")

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

        empty = ref.variant(EMPTY_BODY)
        if empty:
            blocks, article_attachments = empty_body(empty, ref, maker)
            article_images, broken, tables = [], [], 0
            doc_number = None  # it was printed in the body
        article = self.meta(ref, rng, blocks, issuer, dept[3], doc_number)
        article.images = article_images
        article.attachments = article_attachments
        article.broken = broken
        article.tables = tables
        article.issuer = issuer
        article.decoys = decoys
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
        county = self.site.county
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

        style = self.site.profile.meta_style
        if per_mille(self.site.plan.seed, "meta", column.path) < 250:
            style = (style + 1 + self.site.plan.column_index(column)) % 5
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
        # parts[0] holds the date: a script writes it instead, or the page has none.
        html_parts = [text(part) for part in parts]
        written = ref.variant(SCRIPT_DATE)
        if written:
            html_parts[0], parts[0] = script_date(written, day, rng)
            date_text = f"{day:%Y-%m-%d}"
        elif ref.variant(DATE_FREE):
            html_parts, parts, date_text = html_parts[1:], parts[1:], None
        meta_html = separator.join(html_parts)
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

    def html_title(self, article: Article) -> str | None:
        """Return the <title> text of an article page (None: the page has no <title>)."""
        holds, _ = split_title_less(article.ref.variant(TITLE_LESS))
        if holds == SITE_TITLE:
            return self.site.profile.site_name
        if holds == ISSUER_TITLE:
            return article.issuer
        if holds is not None:
            return None
        return self.site.html_title(article.ref.title)

    def render_article(self, article: Article, path: str, declared: str | None) -> str:
        """Render an article page at a path (links are relative to it)."""
        ref = article.ref
        profile = self.site.profile
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
        _, markup = split_title_less(ref.variant(TITLE_LESS))
        if markup is not None:
            title_row = headline_row(markup, ref.title)
        if article.meta_style == "xxgk":
            top, meta_row = article.meta_html, ""
        else:
            top, meta_row = "", f'<tr><td align="center" class="info">{article.meta_html}</td></tr>'
        neighbours = []
        column_index = self.site.plan.column_index(ref.column)
        for label, index in (("上一篇", ref.index + 1), ("下一篇", ref.index - 1)):
            if 0 <= index < self.site.plan.counts[column_index]:
                other = self.site.plan.article(column_index, index)
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
            self.site.chrome,
            path,
            self.html_title(article),
            declared,
            main,
            trail=ref.column.trail,
            menu=self.site.column_menu(ref.column, path),
            crumb_separator=ref.column.crumb_separator,
        )

    def article_entry(self, article: Article, path: str) -> dict[str, Any]:
        """Return the manifest truth of an article rendered at a path."""
        ref = article.ref
        column = ref.column
        separator = column.crumb_separator or self.site.profile.crumb_separator
        _, markup = split_title_less(ref.variant(TITLE_LESS))
        profile = self.site.profile
        entry: dict[str, Any] = {
            "html_title": self.html_title(article),
            "column": column.path,
            "column_name": column.name,
            "breadcrumb": ["首页", *column.crumbs],
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
            "body_selector": BODY_SELECTORS[self.site.profile.body_style],
            **body_truth(article.blocks),
            "tables": article.tables,
            "images": [{**image, "src": relative(image["path"], path)} for image in article.images],
            "attachments": [
                {**attachment, "href": attachment.get("href") or relative(attachment["path"], path)}
                for attachment in article.attachments
            ],
            "broken_links": [
                {"href": relative(target, path), "path": target} for target in article.broken
            ],
            # The patterns of real legacy sites (see patterns.py) and their truth.
            "patterns": pattern_names(ref, separator),
            **date_truth(ref, article.date_text, bool(ref.variant(SCRIPT_DATE))),
            "decoy_dates": article.decoys,
            "old_column": column.crumbs,
            "column_twin": column.twin,
            "crumb_separator": separator,
            "empty_body": bool(ref.variant(EMPTY_BODY)),
            "attachment_hrefs": [
                attachment.get("href") or relative(attachment["path"], path)
                for attachment in article.attachments
            ],
            "headline": ref.title,
            "headline_selector": HEADLINE_SELECTORS.get(markup or "")
            or ("h1.title" if profile.body_style == "fontzoom" else None),
            "has_h1": markup is None and profile.body_style == "fontzoom",
        }
        return entry

    def write(self, column_index: int, index: int) -> None:
        """Write an article, its existing images and attachments, and its duplicate if any."""
        ref = self.site.plan.article(column_index, index)
        article = self.compose(ref)
        entry = self.article_entry(article, ref.path)
        counts = self.site.pattern_counts
        for pattern in entry["patterns"]:
            counts[pattern] = counts.get(pattern, 0) + 1
        duplicate = ref.duplicate_path
        data = self.site.emit(
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
                self.site.image_asset(image["path"], image["path"], image["width"], image["height"])
        for attachment in article.attachments:
            if attachment["exists"]:
                legacy_name = attachment["path"].rsplit("/", 1)[1].rsplit(".", 1)[0]
                content = assets.attachment_bytes(
                    attachment["format"], legacy_name, attachment["name"]
                )
                self.site.writer.asset(
                    attachment["path"], content, "attachment", format=attachment["format"]
                )
        if ref.duplicate == "copy" and duplicate:
            declared, actual = charset_for(self.site.profile, ref.path)
            copy_entry = {
                "url": self.site.writer.url(duplicate),
                "kind": "article",
                "title": ref.title,
                "declared_charset": declared,
                "encoding": actual,
                **entry,
                "duplicate_of": ref.path,
                "duplicates": [],
            }
            self.site.writer.copy(duplicate, data, copy_entry)
        elif ref.duplicate == "wget" and duplicate:
            self.site.emit(
                duplicate,
                "article",
                ref.title,
                lambda declared: self.render_article(article, duplicate, declared),
                url=f"http://{self.site.profile.host}{ref.duplicate_url}",
                **self.article_entry(article, duplicate),
                duplicate_of=ref.path,
                duplicates=[],
            )
