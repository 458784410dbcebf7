"""Each site's identity names its collection: the images and documents that belong to the site.

create_county_site makes the collection as a child of the root collection, named after the site;
existing sites are linked to that collection here. A site without such a collection stays
unlinked (its documents are then served cluster-wide, as those of the root collection).
"""

import django.db.models.deletion
from django.db import migrations, models


def link_site_collections(apps, schema_editor):
    """Link every site identity to the root collection's child named after its site."""
    SiteIdentity = apps.get_model("cluster", "SiteIdentity")
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    top_level = Collection.objects.filter(depth=2, path__startswith=root.path)
    taken = set(
        SiteIdentity.objects.exclude(collection=None).values_list("collection_id", flat=True)
    )
    for identity in SiteIdentity.objects.filter(collection=None).select_related("site"):
        collection = top_level.filter(name=identity.site.site_name).first()
        if collection is None or collection.pk in taken:
            continue
        identity.collection = collection
        identity.save(update_fields=["collection"])
        taken.add(collection.pk)


class Migration(migrations.Migration):

    dependencies = [
        ("cluster", "0004_confine_default_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="siteidentity",
            name="collection",
            field=models.OneToOneField(
                blank=True,
                help_text="本站图片和文件所在的资源集合（含其下级集合）；其中的文件只在本站域名下提供。",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.collection",
                verbose_name="资源集合",
            ),
        ),
        migrations.RunPython(link_site_collections, migrations.RunPython.noop),
    ]
