"""Every group that may edit a site's 站点信息 may also edit that site's 内容保障策略."""

from django.db import migrations


def grant(apps, schema_editor):
    """Give change_contentpolicy on the same site to each holder of change_siteidentity."""
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    policy_type, _ = ContentType.objects.get_or_create(app_label="guarantee", model="contentpolicy")
    Permission.objects.get_or_create(
        content_type=policy_type,
        codename="change_contentpolicy",
        defaults={"name": "Can change 内容保障策略"},
    )
    GroupSitePermission = apps.get_model("wagtailcore", "GroupSitePermission")
    identity = Permission.objects.filter(
        content_type__app_label="cluster", codename="change_siteidentity"
    ).first()
    policy = Permission.objects.filter(
        content_type__app_label="guarantee", codename="change_contentpolicy"
    ).first()
    if identity is None or policy is None:
        return
    for held in GroupSitePermission.objects.filter(permission=identity):
        GroupSitePermission.objects.get_or_create(
            group_id=held.group_id, site_id=held.site_id, permission=policy
        )


class Migration(migrations.Migration):
    dependencies = [
        ("guarantee", "0001_initial"),
        ("cluster", "0005_siteidentity_collection"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
