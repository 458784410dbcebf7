"""The LSH bands of article fingerprints: an indexed table of buckets for candidate lookup."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("guarantee", "0003_wording_starter_list"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="FingerprintBand",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("bucket", models.BigIntegerField(verbose_name="分桶")),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.page",
                    ),
                ),
            ],
            options={
                "verbose_name": "指纹分段",
                "verbose_name_plural": "指纹分段",
                "indexes": [models.Index(fields=["bucket", "page"], name="guarantee_band_bucket")],
            },
        ),
    ]
