"""Take away the tree-wide rights of Wagtail's default Editors and Moderators groups.

Wagtail creates both groups with page permissions on the tree root and image/document permissions
on the root collection: in a cluster that is every county at once. Their page and collection
permissions are removed, and a group nobody belongs to is deleted; per-site rights come only from
create_county_site's groups.
"""

from django.db import migrations

DEFAULT_GROUPS = ("Editors", "Moderators")


def confine_default_groups(apps, schema_editor):
    """Remove the default groups' tree-wide rights, and the groups when nobody is in them."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for group in Group.objects.filter(name__in=DEFAULT_GROUPS):
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        if not group.user_set.exists():
            group.delete()


class Migration(migrations.Migration):

    dependencies = [
        ("cluster", "0003_siteidentity_theme_default_setting"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(confine_default_groups, migrations.RunPython.noop)]
