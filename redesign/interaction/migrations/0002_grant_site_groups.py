"""Existing sites' groups get the handling rights new sites' groups are created with."""

from django.db import migrations

REVIEWER = ("change_question", "approve_question")
MAINTAINER = ("change_question", "add_department", "change_department", "delete_department")


def _permission(apps, model: str, codename: str, name: str):
    """The permission, created if post_migrate has not made it yet."""
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="interaction", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def grant(apps, schema_editor):
    """Each site's 审核 group handles and approves; its 维护 group handles and keeps departments."""
    Site = apps.get_model("wagtailcore", "Site")
    Group = apps.get_model("auth", "Group")
    GroupSitePermission = apps.get_model("wagtailcore", "GroupSitePermission")
    model_of = {"question": ("change_question", "approve_question")}
    perms = {
        codename: _permission(
            apps, "question" if codename in model_of["question"] else "department", codename, codename
        )
        for codename in {*REVIEWER, *MAINTAINER}
    }
    settings_perm = _permission(
        apps, "interactionsettings", "change_interactionsettings", "Can change 留言办理设置"
    )
    for site in Site.objects.exclude(site_name=""):
        for suffix, codenames in (("审核", REVIEWER), ("维护", MAINTAINER)):
            group = Group.objects.filter(name=f"{site.site_name} {suffix}").first()
            if group is None:
                continue
            group.permissions.add(*(perms[codename] for codename in codenames))
            if suffix == "维护":
                GroupSitePermission.objects.get_or_create(
                    group=group, site=site, permission=settings_perm
                )


class Migration(migrations.Migration):
    dependencies = [
        ("interaction", "0001_initial"),
        ("wagtailcore", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
