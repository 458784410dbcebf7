"""Demo notices (通知公告), from the templates of sample_text's notices.toml."""

from __future__ import annotations

import datetime

from redesign.demo.sample_text import cn_date, cn_number, load_words

from .base import NEWS, ArticleSpec, CountyText, Section

NOTICES = load_words("notices")
ATTACHMENT_NAMES = NOTICES["notice_attachments"]


class NoticeWriter(CountyText):
    """Writes a county's 通知、公告、通告 and 公示."""

    def notice_article(self, column: str, when: datetime.datetime) -> ArticleSpec:
        """A 通知公告 item, most with a 文号 and issuing body."""
        county = self.county
        title = ""
        for _attempt in range(30):
            topic = self.topic(when.date())
            kind = self.pick(NOTICES["notice_kinds"])
            later = when + datetime.timedelta(days=self.rng.randint(3, 12))
            extra = {
                "topic": topic.name,
                "year": str(when.year),
                "month": str(later.month),
                "day": str(later.day),
                "town": self.town(),
                "campaign": self.pick(NEWS["campaigns"]),
                "role_job": self.pick(NOTICES["jobs"]),
                "road": county.seat + self.pick(NOTICES["roads"]),
                "m": str(self.rng.randint(3, 30)),
                "subsidy": self.pick(NOTICES["subsidies"]),
                "plan": self.pick(NOTICES["plans"])["name"],
            }
            title = self.fill(kind["title"], **extra)
            if title not in self._titles:
                break
        self._titles.add(title)
        issuer_kind, items_key = kind["issuer"], kind["items"]
        issuer = {
            "office": county.office,
            "water": f"{county.name}城乡供水有限公司",
            "traffic": county.dept("公安局交通管理大队"),
        }.get(issuer_kind) or self.department()
        number_kind = kind["number_kind"]
        number = self.document_number(number_kind, when.year) if number_kind else ""
        if not number and issuer_kind == "dept" and self.rng.random() < 0.4:
            number = self.document_number("政通", when.year)
        is_notice = title.endswith("通知")
        paragraphs = [self.fill(NOTICES["notice_leads"][kind["lead"]], **extra)]
        if is_notice and issuer_kind == "office":
            paragraphs.insert(0, f"各乡（镇）人民政府，{county.unit}直各有关单位：")
        sentences = NOTICES["notice_items"][items_key]
        chosen = self.rng.sample(sentences, min(len(sentences), self.rng.randint(3, 4)))
        chosen.sort(key=sentences.index)
        items = [
            f"{cn_number(i + 1)}、{self.fill(sentence, measure=self.pick(topic.measures), **extra)}"
            for i, sentence in enumerate(chosen)
        ]
        phone = f"{county.phone[:5]}{self.rng.randint(6800000, 6899999)}"
        if is_notice:
            ending = "特此通知。"
        else:
            ending = "特此通告。" if title.endswith("通告") else "特此公告。"
        closing = [
            f"联系人：{self.person()}，联系电话：{phone}。",
            ending,
            issuer,
            cn_date(when.date()),
        ]
        spec = ArticleSpec(
            column=column,
            title=title,
            publish_date=when,
            summary=paragraphs[-1][:80],
            sections=[Section(paragraphs=paragraphs), Section(paragraphs=items + closing)],
            source=issuer,
            document_number=number,
            issuing_body=issuer,
            written_date=(when - datetime.timedelta(days=self.rng.randint(0, 3))).date(),
        )
        if items_key in ATTACHMENT_NAMES and self.rng.random() < 0.6:
            spec.attachment = "docx"
            spec.attachment_title = f"附件：{ATTACHMENT_NAMES[items_key]}"
        return spec
