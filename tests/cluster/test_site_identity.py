"""Site identity settings in the admin: theme choice, colours and the 找错 link."""

from redesign.cluster.models import SiteIdentity, contrast_ratio


def _form(county, **changes) -> dict:
    data = {
        "full_name": "那坡县人民政府",
        "short_name": "那坡县",
        "tagline": "",
        "identity_code": "4510260001",
        "icp_number": "桂ICP备00000000号",
        "police_number": "",
        "conac_url": "",
        "error_report_url": "",
        "organizer": "",
        "operator": "",
        "address": "",
        "postcode": "",
        "phone": "",
        "email": "",
        "logo": "",
        "banner_image": "",
        "theme": "default",
        "primary_color": "",
        "accent_color": "",
        "base_font_size": "",
    }
    data.update(changes)
    return data


def test_admin_edits_the_theme_and_colours(admin_client, county):
    url = f"/admin/settings/cluster/siteidentity/{county.site.pk}/"
    page = admin_client.get(url)
    assert page.status_code == 200
    assert "政府网站标识码" in page.content.decode() and "中国红" in page.content.decode()
    response = admin_client.post(url, _form(county, theme="hongse", primary_color="#8a1c1c"))
    assert response.status_code == 302
    identity = SiteIdentity.for_site(county.site)
    assert identity.theme == "hongse"
    assert identity.primary_color == "#8a1c1c"


def test_bad_colour_and_identity_code_are_refused(admin_client, county):
    url = f"/admin/settings/cluster/siteidentity/{county.site.pk}/"
    response = admin_client.post(url, _form(county, primary_color="red", identity_code="12"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "#RRGGBB" in html and "10 位" in html
    assert SiteIdentity.for_site(county.site).primary_color == ""


def test_a_colour_white_text_cannot_be_read_on_is_refused(admin_client, county):
    url = f"/admin/settings/cluster/siteidentity/{county.site.pk}/"
    response = admin_client.post(url, _form(county, accent_color="#e3731c"))
    assert response.status_code == 200
    assert "3.12:1" in response.content.decode() and "4.5:1" in response.content.decode()
    assert SiteIdentity.for_site(county.site).accent_color == ""


def test_base_font_size_override_reaches_the_page(admin_client, county, client):
    url = f"/admin/settings/cluster/siteidentity/{county.site.pk}/"
    assert admin_client.post(url, _form(county, base_font_size="19")).status_code == 302
    identity = SiteIdentity.for_site(county.site)
    assert identity.token_overrides()["font-size-base"] == "19px"
    html = client.get("/", HTTP_HOST=county.site.hostname).content.decode()
    assert "--font-size-base:19px;" in html
    response = admin_client.post(url, _form(county, base_font_size="12"))
    assert response.status_code == 200
    assert SiteIdentity.for_site(county.site).base_font_size == 19


def test_contrast_ratio_follows_wcag():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#0b4ea2", "#ffffff"), 2) == 8.0
    assert contrast_ratio("#777777", "#ffffff") < 4.5 <= contrast_ratio("#767676", "#ffffff")


def test_error_report_link_uses_the_identity_code(county):
    identity = SiteIdentity.for_site(county.site)
    identity.identity_code = "4510260001"
    assert identity.error_report_link.endswith("site_code=4510260001")
    identity.error_report_url = "https://example.org/jiucuo"
    assert identity.error_report_link == "https://example.org/jiucuo"
