"""load_demo_cluster refuses production: it would create admin/admin12345 on a live cluster."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Site

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.mark.django_db
def test_the_demo_refuses_to_load_under_production(settings):
    settings.REDESIGN_ENVIRONMENT = "production"
    sites = Site.objects.count()
    with pytest.raises(CommandError, match="生产环境不能加载演示网群") as caught:
        call_command("load_demo_cluster", "--quiet")
    assert "admin12345" in str(caught.value)
    assert not get_user_model().objects.exists()
    assert Site.objects.count() == sites


def test_production_settings_do_not_even_install_the_demo():
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(
        DJANGO_SETTINGS_MODULE="redesign.settings.production",
        SECRET_KEY="k" * 20 + "-production-secret-from-the-environment-0123456789",
        ALLOWED_HOSTS="napo.example.gov.cn",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/redesign_unused",
    )
    result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [sys.executable, "manage.py", "load_demo_cluster", "--quiet"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "Unknown command: 'load_demo_cluster'" in result.stderr
