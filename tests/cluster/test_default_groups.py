"""Wagtail's default groups hold no rights over the whole tree once the cluster is migrated."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

migration = importlib.import_module("redesign.cluster.migrations.0004_confine_default_groups")


@pytest.mark.django_db
def test_migrated_database_has_no_default_groups_with_tree_wide_rights():
    groups = Group.objects.filter(name__in=migration.DEFAULT_GROUPS)
    assert not GroupPagePermission.objects.filter(group__in=groups).exists()
    assert not GroupCollectionPermission.objects.filter(group__in=groups).exists()
    assert not groups.exists()


@pytest.mark.django_db
def test_a_default_group_with_members_is_kept_but_loses_its_rights():
    editors = Group.objects.create(name="Editors")
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    GroupPagePermission.objects.create(
        group=editors, page=root_page, permission=Permission.objects.get(codename="change_page")
    )
    GroupCollectionPermission.objects.create(
        group=editors,
        collection=root_collection,
        permission=Permission.objects.get(codename="add_image"),
    )
    get_user_model().objects.create_user("old_editor", password="x-pass-123456").groups.add(editors)
    Group.objects.create(name="Moderators")

    migration.confine_default_groups(django_apps, None)

    assert Group.objects.filter(name="Editors").exists()
    assert not GroupPagePermission.objects.filter(group=editors).exists()
    assert not GroupCollectionPermission.objects.filter(group=editors).exists()
    assert not Group.objects.filter(name="Moderators").exists()
