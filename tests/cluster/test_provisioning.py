"""create_county_site: what it creates, idempotency and clear errors."""

import importlib

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    WorkflowPage,
)

from redesign.cluster.models import SiteIdentity
from redesign.cluster.provisioning import STANDARD_COLUMNS, ProvisioningError, create_county_site
from redesign.core.column_types import ColumnType
from redesign.core.models import ColumnPage, HomePage, StandardPage


def _counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "sites": Site.objects.count(),
        "groups": Group.objects.count(),
        "page_perms": GroupPagePermission.objects.count(),
        "collection_perms": GroupCollectionPermission.objects.count(),
        "collections": Collection.objects.count(),
        "workflows": WorkflowPage.objects.count(),
        "identities": SiteIdentity.objects.count(),
    }


def test_creates_site_home_columns_collection_groups(county):
    site = Site.objects.get(hostname="napo.localhost", port=80)
    assert site.site_name == "那坡县人民政府"
    assert isinstance(site.root_page.specific, HomePage)
    children = {p.slug: p.specific for p in site.root_page.get_children()}
    for spec in STANDARD_COLUMNS:
        assert spec.slug in children, spec.title
        page = children[spec.slug]
        assert page.title == spec.title
        assert page.live and page.show_in_menus
        if spec.page_type == "standard":
            assert isinstance(page, StandardPage)
        else:
            assert isinstance(page, ColumnPage)
            assert page.column_type == spec.column_type
    assert children["hudong"].column_type == ColumnType.INTERACTION
    assert county.collection.name == "那坡县人民政府"
    assert sorted(g.name for g in county.groups.values()) == sorted(
        ["那坡县人民政府 信息员", "那坡县人民政府 审核", "那坡县人民政府 维护"]
    )
    identity = SiteIdentity.for_site(site)
    assert identity.full_name == "那坡县人民政府"
    assert identity.short_name == "那坡县"
    assert WorkflowPage.objects.filter(page=county.home).exists()


def test_permissions_are_confined_to_the_site(county):
    for group in county.groups.values():
        pages = set(GroupPagePermission.objects.filter(group=group).values_list("page", flat=True))
        assert pages == {county.home.pk}
        collections = set(
            GroupCollectionPermission.objects.filter(group=group).values_list(
                "collection", flat=True
            )
        )
        assert collections == {county.collection.pk}
    informant = set(
        GroupPagePermission.objects.filter(group=county.groups["informant"]).values_list(
            "permission__codename", flat=True
        )
    )
    assert informant == {"add_page"}
    maintainer = set(
        GroupPagePermission.objects.filter(group=county.groups["maintainer"]).values_list(
            "permission__codename", flat=True
        )
    )
    assert "publish_page" in maintainer


def test_running_twice_changes_nothing(county):
    before = _counts()
    again = create_county_site(name="那坡县人民政府", hostname="napo.localhost", port=80)
    assert not again.changed
    assert again.home.pk == county.home.pk
    assert _counts() == before


def test_second_run_restores_a_missing_column_only(county):
    ColumnPage.objects.child_of(county.home).get(slug="tzgg").delete()
    result = create_county_site(name="那坡县人民政府", hostname="napo.localhost", port=80)
    assert result.created == ["栏目「通知公告」"]


def test_command_is_idempotent_and_reports(county, capsys):
    call_command("create_county_site", "--name", "那坡县人民政府", "--hostname", "napo.localhost")
    assert "无变更" in capsys.readouterr().out


def test_hostname_owned_by_another_site_is_a_clear_error(county):
    before = _counts()
    with pytest.raises(CommandError, match="已被站点「那坡县人民政府」使用"):
        call_command(
            "create_county_site", "--name", "靖西市人民政府", "--hostname", "napo.localhost"
        )
    assert _counts() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--name", "某县", "--hostname", "bad host!"], "不合法"),
        (["--name", "某县", "--hostname", "x.localhost", "--theme", "nope"], "不存在"),
        (["--name", "  ", "--hostname", "x.localhost"], "不能为空"),
        (["--name", "某县", "--hostname", "x.localhost", "--port", "70000"], "不合法"),
    ],
)
def test_bad_arguments_give_one_clear_line(db, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("create_county_site", *args)
    assert not Site.objects.filter(hostname="x.localhost").exists()


def test_dry_run_writes_nothing(db, capsys):
    before = _counts()
    call_command(
        "create_county_site", "--name", "德保县人民政府", "--hostname", "debao.localhost",
        "--dry-run",
    )  # fmt: skip
    out = capsys.readouterr().out
    assert "将创建" in out and "试运行" in out
    assert _counts() == before


def test_same_name_on_another_host_is_refused(county):
    with pytest.raises(ProvisioningError, match="已被 napo.localhost:80 使用"):
        create_county_site(name="那坡县人民政府", hostname="other.localhost", port=80)


def test_default_flag_moves_the_default_site(county):
    result = create_county_site(name="网群门户", hostname="127.0.0.1", port=8000, is_default=True)
    assert Site.objects.get(is_default_site=True) == result.site


def test_the_identity_names_the_sites_collection(county):
    assert SiteIdentity.for_site(county.site).collection == county.collection


def test_a_second_run_links_an_unlinked_collection_only(county):
    SiteIdentity.objects.filter(site=county.site).update(collection=None)
    before = _counts()
    result = create_county_site(name="那坡县人民政府", hostname="napo.localhost", port=80)
    assert result.created == ["资源集合「那坡县人民政府」归属本站"]
    assert result.collection == county.collection
    assert SiteIdentity.for_site(county.site).collection == county.collection
    assert _counts() == before
    assert not create_county_site(name="那坡县人民政府", hostname="napo.localhost").changed


def test_a_renamed_collection_stays_the_sites(county):
    county.collection.name = "那坡县图片与文件"
    county.collection.save()
    result = create_county_site(name="那坡县人民政府", hostname="napo.localhost", port=80)
    assert not result.changed
    assert result.collection == county.collection


def test_a_collection_owned_by_another_site_is_a_clear_error(county):
    identity = SiteIdentity.for_site(county.site)
    identity.collection = Collection.get_first_root_node().add_child(name="靖西市人民政府")
    identity.save()
    with pytest.raises(ProvisioningError, match="已属于站点「那坡县人民政府」"):
        create_county_site(name="靖西市人民政府", hostname="jingxi.localhost", port=80)
    assert not Site.objects.filter(hostname="jingxi.localhost").exists()


def test_migration_links_existing_sites_to_their_collections(county, other_county):
    from django.apps import apps as django_apps

    link = importlib.import_module(
        "redesign.cluster.migrations.0005_siteidentity_collection"
    ).link_site_collections
    SiteIdentity.objects.update(collection=None)
    Collection.get_first_root_node().add_child(name="网群共享")
    link(django_apps, None)
    assert SiteIdentity.for_site(county.site).collection == county.collection
    assert SiteIdentity.for_site(other_county.site).collection == other_county.collection
    link(django_apps, None)  # a second run changes nothing
    assert SiteIdentity.objects.exclude(collection=None).count() == 2
