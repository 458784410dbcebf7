"""Each fingerprint keeps its normalised text, one clause a line, for the exact comparison.

Fingerprints stored before are left with an empty text (detection skips them): run
fingerprint_articles once after migrating to fill the texts and the clause keys.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("guarantee", "0004_fingerprint_bands"),
    ]

    operations = [
        migrations.AddField(
            model_name="fingerprint",
            name="text",
            field=models.TextField(blank=True, default="", verbose_name="规范化正文"),
        ),
    ]
