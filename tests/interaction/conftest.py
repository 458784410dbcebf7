"""Fixtures of the message board's tests: two county boards, their handlers, a question factory."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import timezone

from redesign.cluster.provisioning import create_county_site
from redesign.interaction.codes import new_code
from redesign.interaction.models import Department, InteractionSettings, Question, QuestionEvent


@dataclass
class Board:
    """One county site with its departments and handlers."""

    result: object
    departments: list
    maintainer: object
    reviewer: object
    informant: object

    @property
    def site(self):
        """The site."""
        return self.result.site

    @property
    def host(self) -> str:
        """The host the public pages answer on."""
        return self.result.site.hostname


def _board(name: str, hostname: str, key: str) -> Board:
    """Provision a county site, two departments and a user in each role."""
    result = create_county_site(name=name, hostname=hostname, port=80)
    departments = [
        Department.objects.create(site=result.site, name=f"{name[:3]}{suffix}", sort_order=n)
        for n, suffix in enumerate(("住房和城乡建设局", "教育局"))
    ]
    users = {}
    for role in ("maintainer", "reviewer", "informant"):
        user = get_user_model().objects.create_user(
            username=f"{key}_{role}", password="x-pass-123456", email=f"{key}_{role}@example.org"
        )
        user.groups.add(result.groups[role])
        users[role] = user
    return Board(result, departments, **users)


@pytest.fixture(autouse=True)
def _fresh_limits():
    """Each test starts with empty rate-limit counters."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def board(db) -> Board:
    """那坡县's board at napo.localhost."""
    return _board("那坡县人民政府", "napo.localhost", "napo")


@pytest.fixture
def other_board(db) -> Board:
    """靖西市's board at jingxi.localhost."""
    return _board("靖西市人民政府", "jingxi.localhost", "jingxi")


def make_question(board: Board, *, days_ago: float = 0, status: str = "new", **fields) -> Question:
    """A question of the board submitted some days ago, in a state, with its first log line."""
    submitted = timezone.now() - timedelta(days=days_ago)
    values = {
        "site": board.site,
        "code": new_code(),
        "subject": "小区路灯不亮",
        "content": "幸福小区门口的路灯坏了一个月。",
        "category": "help",
        "name": "张三",
        "phone": "13812345678",
        "email": "zhangsan@example.org",
        "ip_address": "198.51.100.20",
        "status": status,
        "submitted_at": submitted,
        "due_date": (timezone.localtime(submitted) + timedelta(days=7)).date(),
        **fields,
    }
    question = Question.objects.create(**values)
    QuestionEvent.objects.create(question=question, at=submitted, action="submit", to_status="new")
    return question


def settings_of(board: Board, **values) -> InteractionSettings:
    """The board's settings, with these values saved."""
    settings = InteractionSettings.for_site(board.site)
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()
    return settings
