"""Demo policy documents (政策文件), from the templates of sample_text's notices.toml."""

from __future__ import annotations

import datetime

from redesign.demo.sample_text import cn_date, cn_number

from .base import ArticleSpec, CountyText, Section, Topic
from .notices import NOTICES


class PolicyWriter(CountyText):
    """Writes a county's 政策文件 with their 文号, 索引号 and PDF."""

    def policy_article(self, column: str, when: datetime.datetime) -> ArticleSpec:
        """A 政策文件 item with 文号, 发布机构, 索引号, 成文日期 and a PDF attachment."""
        county = self.county
        title, plan = "", ""
        for _attempt in range(30):
            topic = self.topic(when.date())
            kind = self.pick(NOTICES["policy_titles"])
            template = kind["title"]
            chosen = self.pick(NOTICES["plans"])
            plan, plan_subject = chosen["name"], chosen["subject"]
            industry = self.industry_name()
            measures = NOTICES["plan_measures"]
            if "{plan}" in template:
                topic = Topic(plan_subject, f"提升{plan_subject}工作水平", measures)
            elif "{industry}" in template:
                topic = Topic(f"{industry}产业", f"做强做优{industry}产业", measures)
            subject = topic.name
            title = self.fill(
                template,
                full_name=county.full_name,
                office=county.office,
                plan=plan,
                topic=topic.name,
                industry=industry,
            )
            if title not in self._titles and subject not in self._subjects:
                break
        self._titles.add(title)
        self._subjects.add(subject)
        issuer = county.full_name if kind["issuer"] == "gov" else county.office
        written = (when - datetime.timedelta(days=self.rng.randint(2, 12))).date()
        tasks = [
            f"（{cn_number(i + 1)}）"
            + self.fill(task, topic=topic.name, measure=measure, industry=industry)
            for i, (task, measure) in enumerate(
                zip(
                    self.rng.sample(NOTICES["policy_tasks"], 4),
                    [self.pick(topic.measures) for _ in range(4)],
                    strict=True,
                )
            )
        ]
        document = f"《{county.name}{plan}》" if "《" in title else "本意见"
        sections = [
            Section(
                paragraphs=[
                    f"各乡（镇）人民政府，{county.unit}直各委、办、局：",
                    f"现将{document}印发给你们，请结合实际认真贯彻落实。",
                    issuer,
                    cn_date(written),
                ]
            ),
            Section(
                heading="一、总体要求",
                paragraphs=[
                    self.fill(
                        "以推动高质量发展为主题，坚持以人民为中心，围绕{goal}，统筹发展和"
                        "安全，扎实推进{topic}各项工作。",
                        goal=topic.goal,
                        topic=topic.name,
                    )
                ],
            ),
            Section(
                heading="二、主要目标",
                paragraphs=[
                    self.fill(
                        "到{target}年，全{unit}{topic}工作机制更加健全，重点指标达到全市"
                        "平均水平以上，群众满意度明显提升。",
                        target=str(when.year + 2),
                        topic=topic.name,
                    )
                ],
            ),
            Section(heading="三、重点任务", items=tasks),
            Section(
                heading="四、保障措施",
                paragraphs=[
                    "各有关单位要按照职责分工，细化工作方案，加强协作配合，确保各项任务落到实处。",
                    f"本文件自印发之日起施行，由{county.office}负责解释。",
                ],
            ),
        ]
        return ArticleSpec(
            column=column,
            title=title,
            publish_date=when,
            summary=self.fill(
                "围绕{goal}，从总体要求、主要目标、重点任务和保障措施四个方面作出部署。",
                goal=topic.goal,
            ),
            sections=sections,
            source=issuer,
            document_number=self.document_number(kind["number_kind"], written.year),
            issuing_body=issuer,
            index_number=self.index_number(written.year),
            written_date=written,
            attachment="pdf",
            attachment_title=f"{title}.pdf",
        )
