"""A NUL in the URL gets a 400 on every database, on the public site and in the admin."""

import pytest
from django.contrib.auth import get_user_model

NUL_URLS = [
    "/admin/tag-autocomplete/?term=%00",
    "/admin/tag-autocomplete/?term=a%00b",
    "/admin/pages/search/?q=x&%00=1",
    "/search/?q=%00",
    "/yaowen%00/",
    "/documents/1/a%00.pdf",
]


@pytest.mark.parametrize("url", NUL_URLS)
def test_a_nul_in_the_url_is_refused_with_400(client, county, url):
    admin = get_user_model().objects.create_superuser("root", "root@example.com", "x-pass-123456")
    client.force_login(admin)
    response = client.get(url, HTTP_HOST="napo.localhost")
    assert response.status_code == 400
    assert "不允许的字符" in response.content.decode()


def test_ordinary_urls_pass_the_guard(client, county):
    response = client.get("/search/?q=%E8%A6%81%E9%97%BB", HTTP_HOST="napo.localhost")
    assert response.status_code == 200
