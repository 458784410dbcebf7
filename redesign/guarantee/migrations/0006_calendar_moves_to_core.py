"""The working calendar's overrides move to core, where interaction's deadlines read them too."""

from django.db import migrations


def copy_days(apps, schema_editor):
    """Carry every override across before the old table goes."""
    old = apps.get_model("guarantee", "CalendarDay")
    new = apps.get_model("core", "CalendarDay")
    new.objects.bulk_create(
        new(date=day.date, is_working_day=day.is_working_day, site_id=day.site_id, note=day.note)
        for day in old.objects.all()
    )


def copy_back(apps, schema_editor):
    """Undo: the overrides return to the guarantee's table."""
    old = apps.get_model("guarantee", "CalendarDay")
    new = apps.get_model("core", "CalendarDay")
    old.objects.bulk_create(
        old(date=day.date, is_working_day=day.is_working_day, site_id=day.site_id, note=day.note)
        for day in new.objects.all()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_calendarday"),
        ("guarantee", "0005_fingerprint_text"),
    ]

    operations = [
        migrations.RunPython(copy_days, copy_back),
        migrations.DeleteModel(name="CalendarDay"),
    ]
