"""Remove Wagtail's placeholder welcome page and its site: cluster sites come from create_county_site."""

from django.db import migrations


def remove_welcome_page(apps, schema_editor):
    """Delete the untouched welcome page Wagtail creates on install, and the site pointing at it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    if page_type is None:
        return
    for page in Page.objects.filter(depth=2, slug="home", content_type=page_type, numchild=0):
        Site.objects.filter(root_page=page).delete()
        page.delete()
        root = Page.objects.get(depth=1)
        root.numchild = Page.objects.filter(depth=2).count()
        root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_english_locale"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(remove_welcome_page, migrations.RunPython.noop)]
