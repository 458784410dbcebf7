"""The responsibility ledger: exact figures from a constructed log, the form, command and views."""

import csv
import io
from datetime import date, datetime, timedelta
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from redesign.core.models import ArticlePage
from redesign.guarantee.ledger import credit, leaderboard, split
from redesign.guarantee.models import Contract, ContractStage, ItemRecord, NearDuplicate, Stage
from tests.conftest import add_article, column_of

SHANGHAI = ZoneInfo("Asia/Shanghai")
D = Decimal
# The logs are of 2024: provisioning publishes each site's standard pages now, in a later year.


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """An aware Shanghai moment on a day."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI)


def person(username: str, name: str):
    """A user with a Chinese name (family name in last_name)."""
    return get_user_model().objects.create_user(
        username=username, password="x-pass-123456", last_name=name[0], first_name=name[1:]
    )


def item(result, title, published_at, submitted=None, reviewed=None, published=None, **kw):
    """A live article of a site whose record names who submitted, reviewed and published it."""
    article = add_article(column_of(result, "yaowen"), title)
    submitted_at = kw.pop("submitted_at", published_at - timedelta(minutes=kw.pop("wait", 60)))
    ItemRecord.objects.filter(page=article).update(
        site=result.site,
        first_published_at=published_at,
        submitted_at=submitted_at if submitted else None,
        submitted_by=submitted,
        reviewed_by=reviewed,
        published_by=published,
        **kw,
    )
    return article


def contract_for(result, stages, budget="10000.00", year=2024, **fields) -> Contract:
    """A contract of the site for the year with stages given as (stage, weight, people)."""
    contract = Contract.objects.create(
        site=result.site,
        year=year,
        budget=D(budget),
        starts_on=date(year, 1, 1),
        ends_on=date(year, 12, 31),
        **fields,
    )
    for order, (stage, weight, people) in enumerate(stages):
        row = ContractStage.objects.create(
            contract=contract, stage=stage, weight=D(weight), sort_order=order
        )
        row.people.set(people)
        row.people.commit()
    return contract


@pytest.fixture
def ledger_case(county, other_county, staff):
    """The constructed log: 4 items in the year, others outside it, and the contract's people."""
    informant, reviewer, maintainer = staff["informant"], staff["reviewer"], staff["maintainer"]
    leader = person("napo_leader", "黄书记")
    collector = person("napo_collector", "农收集")
    builders = [person(f"napo_builder{n}", f"李建{n}") for n in range(3)]
    day = date(2024, 3, 10)
    for number in range(3):
        reviewer_of = reviewer if number < 2 else None
        item(county, f"稿件{number}", at(day), informant, reviewer_of, maintainer)
    item(county, "维护员自写", at(day), maintainer, None, maintainer)
    # the year's last minutes count; the next year's first do not
    last = item(county, "年末稿件", at(date(2024, 12, 31), 23, 30), informant, None, maintainer)
    item(county, "次年稿件", at(date(2025, 1, 1), 0, 10), informant, reviewer, maintainer)
    item(county, "上年稿件", at(date(2023, 12, 31), 23, 50), informant, reviewer, maintainer)
    withdrawn = item(county, "已撤稿件", at(day), informant, reviewer, maintainer)
    withdrawn.unpublish()
    item(other_county, "他站稿件", at(day), informant, reviewer, maintainer)
    contract = contract_for(
        county,
        [
            (Stage.AGREEMENT, "10", [maintainer, leader]),
            (Stage.COLLECTION, "10", [collector]),
            (Stage.BUILD, "20", builders),
            (Stage.UPDATE, "60", []),
        ],
    )
    return {
        "contract": contract,
        "informant": informant,
        "reviewer": reviewer,
        "maintainer": maintainer,
        "leader": leader,
        "collector": collector,
        "builders": builders,
        "last": last,
    }


def by_user(result) -> dict:
    """The ledger's people by user id."""
    return {p.user_id: p for p in result.people}


def test_split_assigns_the_remainder_by_largest_fraction():
    assert split(D("100.00"), [D(1)] * 3) == [D("33.34"), D("33.33"), D("33.33")]
    assert split(D("0.05"), [D(1), D(1)]) == [D("0.03"), D("0.02")]
    assert split(D("10.00"), [D(2), D(1)]) == [D("6.67"), D("3.33")]
    assert split(D("10.00"), [D(0), D(0)]) == [D("0.00"), D("0.00")]
    assert sum(split(D("1234.57"), [D(7), D(11), D(13), D(17)])) == D("1234.57")


def test_ledger_from_a_constructed_log(ledger_case):
    case = ledger_case
    ItemRecord.objects.filter(page=case["last"]).delete()  # figures below: the 4 March items
    result = credit(case["contract"])
    people = by_user(result)
    informant = people[case["informant"].pk]
    reviewer = people[case["reviewer"].pk]
    maintainer = people[case["maintainer"].pk]

    assert result.valid and result.messages == []
    assert result.items == 4
    assert (informant.submitted, informant.reviewed, informant.published) == (3, 0, 0)
    assert (reviewer.submitted, reviewer.reviewed, reviewer.published) == (0, 2, 0)
    assert (maintainer.submitted, maintainer.reviewed, maintainer.published) == (1, 0, 4)
    # points: submit 40, review 20, publish 40 per item
    assert (informant.points, reviewer.points, maintainer.points) == (120, 40, 200)
    assert result.points == 360
    assert informant.update_share == D(120) / D(360)

    # 内容更新 6000.00 by points: 2000.00, 666.666… → 666.67 (the left cent), 3333.333… → 3333.33
    update = result.stage(Stage.UPDATE)
    assert update.amount == D("6000.00")
    assert informant.stages[Stage.UPDATE] == D("2000.00")
    assert reviewer.stages[Stage.UPDATE] == D("666.67")
    assert maintainer.stages[Stage.UPDATE] == D("3333.33")
    # 签订协议 1000.00 between two; 收集资料 1000.00 to one; 建网 2000.00 among three
    assert maintainer.stages[Stage.AGREEMENT] == D("500.00")
    assert people[case["leader"].pk].total == D("500.00")
    assert people[case["collector"].pk].total == D("1000.00")
    builders = [people[user.pk].total for user in case["builders"]]
    assert builders == [D("666.67"), D("666.67"), D("666.66")]

    assert maintainer.total == D("3833.33")
    assert informant.total == D("2000.00") and informant.budget_share == D("0.2")
    assert result.assigned == D("10000.00") and result.unassigned == 0
    assert result.people[0].user_id == case["maintainer"].pk  # the largest share first


def test_the_period_counts_its_last_local_minutes_and_only_live_items(ledger_case):
    result = credit(ledger_case["contract"])
    informant = by_user(result)[ledger_case["informant"].pk]
    assert result.items == 5  # the four of March and 23:30 on 31 December
    assert informant.submitted == 4
    assert sum(p.total for p in result.people) == D("10000.00")


def test_role_weights_change_the_points(ledger_case):
    contract = ledger_case["contract"]
    ItemRecord.objects.filter(page=ledger_case["last"]).delete()
    contract.submit_weight, contract.review_weight, contract.publish_weight = D(50), D(0), D(50)
    contract.save()
    people = by_user(credit(contract))
    assert people[ledger_case["informant"].pk].points == 150
    assert people[ledger_case["reviewer"].pk].points == 0
    assert ledger_case["reviewer"].pk not in [
        p.user_id for p in credit(contract).people if Stage.UPDATE in p.stages
    ]
    # points 150 and 250 of 400: 6000.00 × 150/400 and × 250/400
    assert people[ledger_case["informant"].pk].stages[Stage.UPDATE] == D("2250.00")
    assert people[ledger_case["maintainer"].pk].stages[Stage.UPDATE] == D("3750.00")


def test_weights_not_summing_to_100_give_a_message_and_no_money(county, staff):
    contract = contract_for(
        county, [(Stage.AGREEMENT, "10", []), (Stage.UPDATE, "80", [])], budget="5000.00"
    )
    item(county, "稿件", at(date(2024, 5, 1)), staff["informant"], None, staff["maintainer"])
    result = credit(contract)
    assert not result.valid
    assert any("100%（现为 90%）" in message for message in result.messages)
    assert any("收集资料" in message and "建网" in message for message in result.messages)
    assert all(stage.amount is None for stage in result.stages)
    assert by_user(result)[staff["informant"].pk].submitted == 1
    assert result.assigned == 0


def test_a_stage_without_people_leaves_its_budget_unassigned(county, staff):
    contract = contract_for(
        county,
        [
            (Stage.AGREEMENT, "25", []),
            (Stage.COLLECTION, "25", [staff["reviewer"]]),
            (Stage.BUILD, "25", [staff["reviewer"]]),
            (Stage.UPDATE, "25", []),
        ],
        budget="400.00",
    )
    result = credit(contract)  # no items either
    assert result.stage(Stage.AGREEMENT).unassigned == D("100.00")
    assert result.stage(Stage.UPDATE).unassigned == D("100.00")
    assert result.assigned == D("200.00") and result.unassigned == D("200.00")
    assert len([m for m in result.messages if "未分配" in m]) == 2


# The admin form.


def form_data(result, stages, **fields) -> dict:
    """The POST of the contract form with stages given as (stage, weight)."""
    data = {
        "site": result.site.pk,
        "year": 2024,
        "title": "",
        "budget": "10000.00",
        "starts_on": "2024-01-01",
        "ends_on": "2024-12-31",
        "submit_weight": "40",
        "review_weight": "20",
        "publish_weight": "40",
        "note": "",
        "stages-TOTAL_FORMS": str(len(stages)),
        "stages-INITIAL_FORMS": "0",
        "stages-MIN_NUM_FORMS": "0",
        "stages-MAX_NUM_FORMS": "1000",
        **fields,
    }
    for index, (stage, weight) in enumerate(stages):
        data.update({f"stages-{index}-stage": stage, f"stages-{index}-weight": weight})
    return data


FULL = [
    (Stage.AGREEMENT, "10"),
    (Stage.COLLECTION, "10"),
    (Stage.BUILD, "20"),
    (Stage.UPDATE, "60"),
]


@pytest.fixture
def admin_client(client, db):
    """A client logged in as a cluster administrator."""
    client.force_login(
        get_user_model().objects.create_superuser("ledger_admin", password="x-pass-123456")
    )
    return client


def test_the_form_refuses_weights_that_do_not_sum_to_100(admin_client, county):
    stages = [*FULL[:3], (Stage.UPDATE, "50")]
    response = admin_client.post(reverse("guarantee_contracts:add"), form_data(county, stages))
    assert response.status_code == 200
    assert "四个阶段的权重之和必须为 100%（现为 90%）" in response.content.decode()
    assert not Contract.objects.exists()


def test_the_form_refuses_a_stage_twice_or_missing(admin_client, county):
    stages = [(Stage.AGREEMENT, "10"), (Stage.AGREEMENT, "30"), (Stage.UPDATE, "60")]
    response = admin_client.post(reverse("guarantee_contracts:add"), form_data(county, stages))
    text = response.content.decode()
    assert response.status_code == 200
    assert "每个阶段只能出现一次：签订协议 重复" in text
    assert "缺少阶段：收集资料、建网" in text
    assert not Contract.objects.exists()


def test_the_form_saves_a_contract_whose_weights_sum_to_100(admin_client, county, staff):
    data = form_data(county, FULL, **{"stages-0-people": [staff["maintainer"].pk]})
    response = admin_client.post(reverse("guarantee_contracts:add"), data)
    assert response.status_code == 302
    contract = Contract.objects.get()
    assert sorted(contract.stages.values_list("stage", flat=True)) == sorted(s for s, _ in FULL)
    agreement = contract.stages.get(stage=Stage.AGREEMENT)
    assert list(agreement.people.all()) == [staff["maintainer"]]


def test_the_form_offers_only_the_users_sites(county, other_county, staff):
    from redesign.guarantee.admin.ledger import contract_viewset

    form_class = contract_viewset.get_edit_handler().get_form_class()
    form = form_class(for_user=staff["maintainer"])
    assert list(form.fields["site"].queryset) == [county.site]


# The command.


def test_command_table(ledger_case):
    out = StringIO()
    call_command("responsibility_report", "--year", "2024", stdout=out, stderr=StringIO())
    text = out.getvalue()
    assert "那坡县人民政府 2024 年度" in text and "经费 10000.00 元" in text
    # five items: points 160, 40 and 240 of 440 share 6000.00 as 2181.82, 545.45 and 3272.73
    line = next(line for line in text.splitlines() if line.startswith("napomaintainer"))
    assert line.split()[1:6] == ["napo_maintainer", "1", "0", "5", "240"]
    assert line.split()[-3:] == ["3272.73", "3772.73", "37.73%"]
    line = next(line for line in text.splitlines() if line.startswith("napoinformant"))
    assert line.split()[-3:] == ["2181.82", "2181.82", "21.82%"]
    assert "内容更新" in text and "6000.00" in text


def test_command_csv_with_leaderboard(ledger_case):
    ItemRecord.objects.filter(page=ledger_case["last"]).delete()
    out = StringIO()
    call_command(
        "responsibility_report",
        "--year=2024",
        "--site=napo.localhost",
        "--format=csv",
        "--leaderboard",
        stdout=out,
        stderr=StringIO(),
    )
    tables = out.getvalue().split("\r\n\r\n")
    rows = list(csv.reader(io.StringIO(tables[0])))
    assert rows[0][:4] == ["站点", "年度", "姓名", "用户名"]
    by_name = {row[3]: row for row in rows[1:]}
    assert by_name["napo_maintainer"][4:8] == ["1", "0", "4", "200"]
    assert by_name["napo_maintainer"][-2] == "3833.33"
    assert by_name["napo_informant"][-3:] == ["2000.00", "2000.00", "20.00%"]
    assert sum(D(row[-2]) for row in rows[1:]) == D("10000.00")
    sites = list(csv.reader(io.StringIO(tables[1])))
    assert sites[1][1:4] == ["那坡县人民政府", "napo.localhost", "4"]
    assert len(sites) == 2  # --site keeps the leaderboard to that site


def test_command_unknown_site_and_year_without_contract(ledger_case):
    with pytest.raises(CommandError, match="nowhere.localhost"):
        call_command("responsibility_report", "--year", "2024", "--site", "nowhere.localhost")
    with pytest.raises(CommandError, match="2023"):
        call_command("responsibility_report", "--year", "2023")
    with pytest.raises(CommandError, match="jingxi.localhost"):
        call_command("responsibility_report", "--year", "2024", "--site", "jingxi.localhost")


# The leaderboard.


def test_leaderboard_ranks_sites_and_people(county, other_county, staff, other_staff):
    day = date(2024, 4, 1)
    for number in range(3):
        item(
            county, f"那坡{number}", at(day), staff["informant"], None, staff["maintainer"], wait=30
        )
    copied = item(
        other_county, "靖西0", at(day), other_staff["informant"], None, other_staff["maintainer"]
    )
    item(other_county, "靖西1", at(day), other_staff["informant"], None, other_staff["maintainer"])
    reprint = item(county, "那坡转载", at(day), staff["informant"], None, staff["maintainer"])
    ArticlePage.objects.filter(pk=reprint.pk).update(origin="reprint")
    ItemRecord.objects.filter(page=reprint).update(origin="reprint")
    NearDuplicate.objects.create(page=copied, similar_to=reprint, similarity=0.9)

    board = leaderboard(date(2024, 1, 1), date(2024, 12, 31), top=1)
    napo, jingxi = board.sites
    assert (napo.site_id, napo.published, napo.original, napo.flagged) == (
        county.site.pk,
        4,
        3,
        0,
    )
    assert napo.originality == pytest.approx(0.75) and jingxi.originality == pytest.approx(0.5)
    assert (napo.median_minutes, jingxi.median_minutes) == (30, 60)  # 30, 30, 30, 60
    assert (napo.rank, jingxi.rank) == (1, 2)
    assert [s.site_id for s in board.candidate_units] == [county.site.pk]
    assert board.people[0].user_id in (staff["informant"].pk, staff["maintainer"].pk)
    assert board.people[0].items == 4 and len(board.candidate_people) == 1

    mine = leaderboard(date(2024, 1, 1), date(2024, 12, 31), [other_county.site.pk])
    assert [s.site_id for s in mine.sites] == [other_county.site.pk]
    assert {p.username for p in mine.people} == {"jingxi_informant", "jingxi_maintainer"}


# The admin views.


def test_staff_see_their_own_sites_contracts_and_ledgers(client, ledger_case, other_county):
    mine = ledger_case["contract"]
    theirs = contract_for(other_county, [(Stage.UPDATE, "100", [])], title="靖西市责任协议")
    client.force_login(ledger_case["informant"])

    index = client.get(reverse("guarantee_contracts:index")).content.decode()
    assert str(mine) in index and "靖西市责任协议" not in index

    page = client.get(reverse("guarantee_contracts:ledger", args=(mine.pk,)))
    assert page.status_code == 200
    text = page.content.decode()
    assert "责任制台账" in text and "3772.73" in text and "napo_maintainer" in text

    exported = client.get(reverse("guarantee_contracts:ledger", args=(mine.pk,)) + "?export=csv")
    assert exported["Content-Type"].startswith("text/csv")
    assert "3772.73" in exported.content.decode("utf-8-sig")

    board = client.get(
        reverse("guarantee_contracts:leaderboard") + "?start=2024-01-01&end=2024-12-31"
    )
    assert board.status_code == 200
    assert "napo.localhost" in board.content.decode() and "jingxi" not in board.content.decode()

    assert client.get(reverse("guarantee_contracts:ledger", args=(theirs.pk,))).status_code == 404


def contract_routes() -> list[str]:
    """Every admin URL pattern of the contracts' views that takes a contract's id."""

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    return [
        route
        for route in walk(get_resolver().url_patterns, "")
        if route.startswith("admin/guarantee/contracts/") and "<" in route
    ]


def test_another_sites_editor_gets_nothing_of_a_contract(client, ledger_case, other_staff):
    contract = ledger_case["contract"]
    routes = contract_routes()
    assert {"ledger", "edit", "delete", "history"} <= {route.split("/")[3] for route in routes}
    for role, user in other_staff.items():
        client.force_login(user)
        for route in routes:
            url = "/" + route.split("<")[0] + str(contract.pk) + "/"
            for query in ("", "?export=csv"):
                response = client.get(url + query)
                assert response.status_code in (302, 403, 404), (role, url, query)
                text = response.content.decode(errors="replace") + response.get("Location", "")
                assert "napo" not in text and "那坡" not in text, (role, url)
        assert "那坡" not in client.get(reverse("guarantee_contracts:index")).content.decode()
        board = client.get(reverse("guarantee_contracts:leaderboard") + "?export=csv")
        assert "napo" not in board.content.decode("utf-8-sig")


def test_staff_cannot_add_or_edit_contracts(client, ledger_case, staff):
    contract = ledger_case["contract"]
    client.force_login(staff["maintainer"])
    for url in (
        reverse("guarantee_contracts:add"),
        reverse("guarantee_contracts:edit", args=(contract.pk,)),
        reverse("guarantee_contracts:delete", args=(contract.pk,)),
    ):
        assert client.get(url).status_code in (302, 403)
    response = client.post(reverse("guarantee_contracts:delete", args=(contract.pk,)))
    assert response.status_code in (302, 403)
    assert Contract.objects.filter(pk=contract.pk).exists()


def test_an_administrator_sees_every_contract(admin_client, ledger_case, other_county):
    contract_for(other_county, [(Stage.UPDATE, "100", [])], title="靖西市责任协议")
    index = admin_client.get(reverse("guarantee_contracts:index")).content.decode()
    assert "靖西市责任协议" in index and str(ledger_case["contract"]) in index
    edit = admin_client.get(reverse("guarantee_contracts:edit", args=(ledger_case["contract"].pk,)))
    assert edit.status_code == 200
