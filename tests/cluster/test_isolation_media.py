"""Images and documents stay within their site: admin API, chosen ids, documents per host."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.http import QueryDict
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from blocks.base import PARAGRAPH_FEATURES
from redesign.cluster.models import SiteIdentity
from redesign.core.models import ArticlePage, IndustryPage
from tests.cluster.conftest import editor_of, only_in
from tests.conftest import make_image

IMAGE_REFUSED = "只能选用本站资源集合中的图片。"
DOCUMENT_REFUSED = "只能选用本站资源集合中的文件。"


def _superuser():
    """A cluster administrator."""
    return get_user_model().objects.create_superuser("root", password="x-pass-123456")


def _document(collection, title: str = "共享文件"):
    """A small text document in the collection."""
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"cluster-wide", name="shared.txt"), collection=collection
    )


def _messages(error) -> list[str]:
    """Every message of a (possibly nested StreamField) validation error."""
    data = error.as_json_data() if hasattr(error, "as_json_data") else {"messages": error.messages}
    found: list[str] = []

    def walk(node) -> None:
        """Collect the messages lists of a JSON error tree."""
        if isinstance(node, dict):
            found.extend(node.get("messages", []))
            for key, child in node.items():
                if key != "messages":
                    walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(data)
    return found


def _field_messages(response, name: str) -> list[str]:
    """The messages the re-rendered form shows on one field."""
    errors = response.context["form"].errors.as_data().get(name, [])
    return [message for error in errors for message in _messages(error)]


def _edit_data(client, page, **streams) -> QueryDict:
    """The page's edit form as the browser posts it, with the given StreamField blocks."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for name in ("body", "attachments", "figures"):
        if f"{name}-count" in data or hasattr(page, name):
            data.update(nested_form_data({name: streamfield(streams.get(name, []))}))
    return data


def _image_block(image) -> dict:
    """An ImageBlock's posted value."""
    return {"image": str(image.pk), "alt": "替代文本", "caption": "", "credit": ""}


def _gallery(*images) -> dict:
    """A GalleryBlock's posted value: a ListBlock of images."""
    items = {
        str(i): {"value": _image_block(image), "deleted": "", "order": str(i)}
        for i, image in enumerate(images)
    }
    return {"heading": "图集", "images": {**items, "count": str(len(items))}}


def _paragraph(html: str) -> str:
    """A ParagraphBlock's posted value (Draftail's contentstate)."""
    return rich_text(html, features=PARAGRAPH_FEATURES)


def _latest(page):
    """The page's latest revision, read afresh from the database."""
    return type(page).objects.get(pk=page.pk).get_latest_revision_as_object()


def _maintainer(client, sites, key: str = "a"):
    """Log in a maintainer of one site."""
    user = editor_of(sites[key]["result"], "maintainer", f"{key}_maint")
    client.force_login(user)
    return user


# --- the admin API -----------------------------------------------------------------------------


def _listed_ids(client, media: str) -> set[int]:
    """Every id the admin API lists, page by page."""
    ids: set[int] = set()
    while True:
        response = client.get(f"/admin/api/main/{media}/", {"offset": len(ids), "limit": 20})
        assert response.status_code == 200
        page = {item["id"] for item in response.json()["items"]}
        if not page:
            return ids
        ids |= page


@pytest.mark.parametrize("media", ["images", "documents"])
@pytest.mark.parametrize("role", ["informant", "maintainer"])
def test_admin_api_lists_only_own_media(client, two_sites, media, role):
    client.force_login(editor_of(two_sites["a"]["result"], role, f"a_{role}"))
    ids = _listed_ids(client, media)
    assert ids == {item.pk for item in two_sites["a"][media]}


@pytest.mark.parametrize("media", ["images", "documents"])
def test_admin_api_detail_and_find_of_another_site_is_404(client, two_sites, media):
    _maintainer(client, two_sites)
    own, other = two_sites["a"][media][0], two_sites["b"][media][0]
    assert client.get(f"/admin/api/main/{media}/{own.pk}/").status_code == 200
    assert client.get(f"/admin/api/main/{media}/{other.pk}/").status_code == 404
    assert client.get(f"/admin/api/main/{media}/find/", {"id": other.pk}).status_code == 404


@pytest.mark.parametrize("media", ["images", "documents"])
def test_admin_api_search_stays_confined(client, two_sites, media):
    _maintainer(client, two_sites)
    other = two_sites["b"][media][0]
    response = client.get(f"/admin/api/main/{media}/", {"search": other.title})
    assert response.status_code == 200
    assert other.pk not in {item["id"] for item in response.json()["items"]}


@pytest.mark.parametrize("media", ["images", "documents"])
def test_superuser_admin_api_sees_every_site(client, two_sites, media):
    client.force_login(_superuser())
    ids = _listed_ids(client, media)
    assert ids >= {item.pk for key in ("a", "b") for item in two_sites[key][media]}
    other = two_sites["b"][media][0]
    assert client.get(f"/admin/api/main/{media}/{other.pk}/").status_code == 200


def test_admin_api_refuses_anonymous(client, two_sites):
    assert client.get("/admin/api/main/images/").status_code in (302, 403)


# --- ids chosen in page forms ------------------------------------------------------------------


def test_cover_image_of_another_site_is_refused_keeping_what_was_typed(client, two_sites):
    a, b = two_sites["a"], two_sites["b"]
    _maintainer(client, two_sites)
    article = a["article"]
    data = _edit_data(client, article)
    data["cover_image"] = str(b["images"][0].pk)
    data["summary"] = "编辑刚写的摘要"
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 200
    assert _field_messages(response, "cover_image") == [IMAGE_REFUSED]
    form = response.context["form"]
    assert form["summary"].value() == "编辑刚写的摘要"
    assert not form["cover_image"].value()  # the chooser shows nothing of the other site
    assert b["images"][0].title not in response.content.decode()
    latest = _latest(article)
    assert latest.cover_image_id != b["images"][0].pk and latest.summary != "编辑刚写的摘要"


def test_own_cover_image_and_blocks_save(client, two_sites):
    a = two_sites["a"]
    _maintainer(client, two_sites)
    article, image, document = a["article"], a["images"][0], a["documents"][0]
    data = _edit_data(
        client,
        article,
        body=[
            ("image", _image_block(image)),
            ("paragraph", _paragraph(f'<p><a linktype="document" id="{document.pk}">附件</a></p>')),
        ],
        attachments=[("attachment", {"document": str(document.pk), "title": ""})],
    )
    data["cover_image"] = str(image.pk)
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 302
    latest = _latest(article)
    assert latest.cover_image_id == image.pk
    assert latest.attachments[0].value["document"].pk == document.pk


@pytest.mark.parametrize(
    ("field", "make_block", "message"),
    [
        ("body", lambda b: ("image", _image_block(b["images"][0])), IMAGE_REFUSED),
        ("body", lambda b: ("gallery", _gallery(b["images"][0])), IMAGE_REFUSED),
        (
            "body",
            lambda b: (
                "paragraph",
                _paragraph(f'<p><a linktype="document" id="{b["documents"][0].pk}">文件</a></p>'),
            ),
            DOCUMENT_REFUSED,
        ),
        (
            "attachments",
            lambda b: ("attachment", {"document": str(b["documents"][0].pk), "title": "通知"}),
            DOCUMENT_REFUSED,
        ),
    ],
    ids=["image-block", "gallery-list", "rich-text-document-link", "attachment"],
)
def test_stream_blocks_with_another_sites_media_are_refused(
    client, two_sites, field, make_block, message
):
    a, b = two_sites["a"], two_sites["b"]
    _maintainer(client, two_sites)
    article = a["article"]
    own = (
        ("image", _image_block(a["images"][0]))
        if field == "body"
        else ("attachment", {"document": str(a["documents"][0].pk), "title": ""})
    )
    data = _edit_data(client, article, **{field: [own, make_block(b)]})
    data["summary"] = "没丢的摘要"
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 200
    assert _field_messages(response, field) == [message]
    block_errors = response.context["form"].errors.as_data()[field][0].block_errors
    assert list(block_errors) == [1]  # the error sits on the offending block, not the own one
    assert response.context["form"]["summary"].value() == "没丢的摘要"


def test_industry_page_cover_and_enterprise_logo_are_confined(client, two_sites):
    a, b = two_sites["a"], two_sites["b"]
    _maintainer(client, two_sites)
    industry = IndustryPage.objects.descendant_of(a["result"].home).first()
    data = _edit_data(
        client,
        industry,
        body=[("enterprise", {"name": "茶企", "logo": str(b["images"][1].pk)})],
    )
    data["cover_image"] = str(b["images"][0].pk)
    response = client.post(f"/admin/pages/{industry.pk}/edit/", data)
    assert response.status_code == 200
    assert _field_messages(response, "cover_image") == [IMAGE_REFUSED]
    assert _field_messages(response, "body") == [IMAGE_REFUSED]


def test_informant_creating_a_page_cannot_use_another_sites_image(client, two_sites):
    a, b = two_sites["a"], two_sites["b"]
    client.force_login(editor_of(a["result"], "informant", "a_informant"))
    url = f"/admin/pages/add/core/articlepage/{a['column'].pk}/"
    response = client.get(url)
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield([]), "attachments": streamfield([])}))
    data.update({"title": "信息员稿件", "slug": "xinxiyuan", "cover_image": str(b["images"][0].pk)})
    response = client.post(url, data)
    assert response.status_code == 200
    assert _field_messages(response, "cover_image") == [IMAGE_REFUSED]
    assert not ArticlePage.objects.filter(title="信息员稿件").exists()
    data["cover_image"] = str(a["images"][0].pk)
    assert client.post(url, data).status_code == 302
    assert ArticlePage.objects.get(title="信息员稿件").cover_image_id == a["images"][0].pk


def test_existing_references_stay_saveable_but_cannot_be_swapped(client, two_sites):
    a, b = two_sites["a"], two_sites["b"]
    article = a["article"]
    shared_image, shared_doc = b["images"][0], b["documents"][0]
    article.cover_image = shared_image  # as a cluster administrator chose it earlier
    article.body = [("image", {"image": shared_image, "alt": "旧图", "caption": "", "credit": ""})]
    article.attachments = [("attachment", {"document": shared_doc, "title": ""})]
    article.save_revision().publish()
    _maintainer(client, two_sites)

    unchanged = _edit_data(
        client,
        article,
        body=[("image", _image_block(shared_image))],
        attachments=[("attachment", {"document": str(shared_doc.pk), "title": ""})],
    )
    assert unchanged["cover_image"] == str(shared_image.pk)
    unchanged["summary"] = "只改了摘要"
    assert client.post(f"/admin/pages/{article.pk}/edit/", unchanged).status_code == 302
    latest = _latest(article)
    assert latest.summary == "只改了摘要" and latest.cover_image_id == shared_image.pk

    swapped = _edit_data(client, article, body=[("image", _image_block(b["images"][1]))])
    swapped["cover_image"] = str(b["images"][1].pk)
    response = client.post(f"/admin/pages/{article.pk}/edit/", swapped)
    assert response.status_code == 200
    assert _field_messages(response, "cover_image") == [IMAGE_REFUSED]
    assert _field_messages(response, "body") == [IMAGE_REFUSED]


def test_root_collection_images_are_for_administrators_only(client, two_sites):
    a = two_sites["a"]
    shared = make_image(Collection.get_first_root_node(), "网群共享图片")
    _maintainer(client, two_sites)
    data = _edit_data(client, a["article"])
    data["cover_image"] = str(shared.pk)
    response = client.post(f"/admin/pages/{a['article'].pk}/edit/", data)
    assert _field_messages(response, "cover_image") == [IMAGE_REFUSED]

    client.force_login(_superuser())
    data = _edit_data(client, a["article"], body=[("image", _image_block(shared))])
    data["cover_image"] = str(shared.pk)
    assert client.post(f"/admin/pages/{a['article'].pk}/edit/", data).status_code == 302
    assert _latest(a["article"]).cover_image_id == shared.pk


# --- ids chosen in the site settings -----------------------------------------------------------


def _identity_url(result) -> str:
    """The admin URL of a site's 站点信息."""
    return f"/admin/settings/cluster/siteidentity/{result.site.pk}/"


def _identity_data(client, result) -> QueryDict:
    """The 站点信息 form as the browser posts it."""
    response = client.get(_identity_url(result))
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="w-editor-form")


def test_site_logo_of_another_site_is_refused(client, two_sites):
    a, b = two_sites["a"], two_sites["b"]
    _maintainer(client, two_sites)
    data = _identity_data(client, a["result"])
    data["logo"] = str(b["images"][0].pk)
    data["tagline"] = "新口号"
    response = client.post(_identity_url(a["result"]), data)
    assert response.status_code == 200
    assert _field_messages(response, "logo") == [IMAGE_REFUSED]
    assert response.context["form"]["tagline"].value() == "新口号"
    identity = SiteIdentity.for_site(a["result"].site)
    assert identity.logo_id != b["images"][0].pk and identity.tagline != "新口号"

    data["logo"] = str(a["images"][0].pk)
    assert client.post(_identity_url(a["result"]), data).status_code == 302
    assert SiteIdentity.for_site(a["result"].site).logo_id == a["images"][0].pk


def test_site_banner_chosen_earlier_stays_saveable(client, two_sites):
    a, b = two_sites["a"], two_sites["b"]
    identity = SiteIdentity.for_site(a["result"].site)
    identity.banner_image = b["images"][0]
    identity.save()
    _maintainer(client, two_sites)
    data = _identity_data(client, a["result"])
    data["tagline"] = "照常保存"
    assert client.post(_identity_url(a["result"]), data).status_code == 302
    identity.refresh_from_db()
    assert identity.tagline == "照常保存" and identity.banner_image_id == b["images"][0].pk


def test_only_superusers_see_and_set_the_site_collection(client, two_sites):
    a, b = two_sites["a"], two_sites["b"]
    _maintainer(client, two_sites)
    data = _identity_data(client, a["result"])
    assert "collection" not in data
    data["collection"] = str(b["result"].collection.pk)
    assert client.post(_identity_url(a["result"]), data).status_code == 302
    assert SiteIdentity.for_site(a["result"].site).collection == a["result"].collection

    client.force_login(_superuser())
    assert "collection" in _identity_data(client, a["result"])


# --- documents served per host -----------------------------------------------------------------


def _get(client, document, result, **extra):
    """Fetch a document's public URL under a site's hostname."""
    return client.get(document.url, HTTP_HOST=result.site.hostname, **extra)


def test_documents_are_served_only_on_their_own_sites_host(client, two_sites):
    a, b = two_sites["a"], two_sites["b"]
    own, other = a["documents"][0], b["documents"][0]
    assert _get(client, own, a["result"]).status_code == 200
    assert _get(client, other, b["result"]).status_code == 200
    assert _get(client, other, a["result"]).status_code == 404
    assert _get(client, own, b["result"]).status_code == 404
    # an unknown host falls back to the default site in Wagtail: not a site's own host
    assert client.get(own.url, HTTP_HOST="unknown.localhost").status_code == 404


def test_documents_of_a_sub_collection_follow_their_site(client, two_sites):
    a, b = two_sites["a"], two_sites["b"]
    child = a["result"].collection.add_child(name="政策文件")
    document = _document(child, "下级集合的文件")
    assert _get(client, document, a["result"]).status_code == 200
    assert _get(client, document, b["result"]).status_code == 404


def test_root_collection_documents_are_served_everywhere(client, two_sites):
    document = _document(Collection.get_first_root_node())
    for key in ("a", "b"):
        assert _get(client, document, two_sites[key]["result"]).status_code == 200
    assert client.get(document.url, HTTP_HOST="unknown.localhost").status_code == 200


def test_administrators_get_every_document_where_the_admin_answers(client, two_sites, settings):
    a, b = two_sites["a"], two_sites["b"]
    other = b["documents"][0]
    client.force_login(_superuser())
    settings.REDESIGN_ADMIN_HOSTNAME = ""  # the admin answers on every host
    assert _get(client, other, a["result"]).status_code == 200
    settings.REDESIGN_ADMIN_HOSTNAME = "admin.localhost"
    assert client.get(other.url, HTTP_HOST="admin.localhost").status_code == 200
    assert _get(client, other, a["result"]).status_code == 404


def test_editors_get_only_their_sites_documents_on_the_admin_host(client, two_sites, settings):
    a, b = two_sites["a"], two_sites["b"]
    settings.REDESIGN_ADMIN_HOSTNAME = "admin.localhost"
    _maintainer(client, two_sites)
    assert client.get(a["documents"][0].url, HTTP_HOST="admin.localhost").status_code == 200
    assert client.get(b["documents"][0].url, HTTP_HOST="admin.localhost").status_code == 404


def test_private_documents_keep_their_restrictions_on_their_own_host(client, two_sites):
    a, b = two_sites["a"], two_sites["b"]
    private = a["result"].collection.add_child(name="内部文件")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="x1"
    )
    members = a["result"].collection.add_child(name="登录可见")
    CollectionViewRestriction.objects.create(
        collection=members, restriction_type=CollectionViewRestriction.LOGIN
    )
    secret, internal = _document(private, "内部通知"), _document(members, "登录通知")

    response = _get(client, secret, a["result"])
    assert response.status_code == 200
    assert "password" in response.content.decode() and "Content-Disposition" not in response
    assert _get(client, secret, b["result"]).status_code == 404
    response = _get(client, internal, a["result"])
    assert response.status_code == 302 and "login" in response["Location"]
    assert _get(client, internal, b["result"]).status_code == 404


# --- Wagtail's own media views, with the other site's ids --------------------------------------


OTHER_IMAGE_URLS = [
    ("get", "/admin/images/{id}/"),
    ("post", "/admin/images/{id}/"),
    ("get", "/admin/images/{id}/delete/"),
    ("post", "/admin/images/{id}/delete/"),
    ("get", "/admin/images/usage/{id}/"),
    ("get", "/admin/images/{id}/generate_url/"),
    ("get", "/admin/images/{id}/generate_url/output/"),
    ("get", "/admin/images/{id}/preview/fill-20x20/"),
    ("get", "/admin/images/chooser/{id}/"),
    ("get", "/admin/images/chooser/{id}/select_format/"),
    ("post", "/admin/images/chooser/{id}/select_format/"),
    ("post", "/admin/images/multiple/{id}/"),
    ("post", "/admin/images/multiple/{id}/delete/"),
]
OTHER_DOCUMENT_URLS = [
    ("get", "/admin/documents/edit/{id}/"),
    ("post", "/admin/documents/edit/{id}/"),
    ("get", "/admin/documents/delete/{id}/"),
    ("post", "/admin/documents/delete/{id}/"),
    ("get", "/admin/documents/usage/{id}/"),
    ("get", "/admin/documents/chooser/{id}/"),
    ("post", "/admin/documents/multiple/{id}/"),
    ("post", "/admin/documents/multiple/{id}/delete/"),
]


@pytest.mark.parametrize(("method", "url"), OTHER_IMAGE_URLS + OTHER_DOCUMENT_URLS)
def test_media_views_refuse_another_sites_ids(client, two_sites, method, url):
    b = two_sites["b"]
    media = "images" if url.startswith("/admin/images/") else "documents"
    target = b[media][0]
    _maintainer(client, two_sites)
    data = {"title": "被改的标题", "focal_point_x": "1", "focal_point_y": "1"}
    data |= {"focal_point_width": "2", "focal_point_height": "2", "format": "fullwidth"}
    data |= {"alt_text": "替代文本", f"{media[:-1]}-{target.pk}-title": "被改的标题"}
    response = getattr(client, method)(url.format(id=target.pk), data if method == "post" else {})
    assert response.status_code in (302, 403, 404), response.status_code
    if response.status_code == 302:
        assert response["Location"].rstrip("/") == "/admin"  # Wagtail's permission-denied redirect
    target.refresh_from_db()
    assert target.title != "被改的标题"
    assert getattr(target, "focal_point_x", None) is None


def test_bulk_actions_leave_another_sites_media_alone(client, two_sites):
    a, b = two_sites["a"], two_sites["b"]
    _maintainer(client, two_sites)
    image, document = b["images"][0], b["documents"][0]
    client.post(f"/admin/bulk/wagtailimages/image/delete/?id={image.pk}")
    client.post(f"/admin/bulk/wagtaildocs/document/delete/?id={document.pk}")
    assert get_image_model().objects.filter(pk=image.pk).exists()
    assert get_document_model().objects.filter(pk=document.pk).exists()
    own = a["images"][0]
    response = client.post(
        f"/admin/bulk/wagtailimages/image/add_to_collection/?id={own.pk}",
        {"collection": b["result"].collection.pk},
    )
    assert response.status_code == 200
    own.refresh_from_db()
    assert own.collection == a["result"].collection


@pytest.mark.parametrize("sub_collection", [False, True], ids=["one-collection", "two"])
def test_own_media_cannot_move_into_another_sites_collection(client, two_sites, sub_collection):
    a, b = two_sites["a"], two_sites["b"]
    if sub_collection:  # the editor then chooses among two collections, both of the own site
        a["result"].collection.add_child(name="专题图片")
    _maintainer(client, two_sites)
    for media, url in (
        ("images", "/admin/images/{id}/"),
        ("documents", "/admin/documents/edit/{id}/"),
    ):
        own = a[media][0]
        response = client.get(url.format(id=own.pk))
        data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
        # with one collection Wagtail leaves the field out and ignores a posted id
        assert ("collection" in data) is sub_collection
        data["collection"] = str(b["result"].collection.pk)
        response = client.post(url.format(id=own.pk), data)
        if sub_collection:
            assert response.status_code == 200
            assert "collection" in response.context["form"].errors
        else:
            assert response.status_code == 302
        own.refresh_from_db()
        assert own.collection == a["result"].collection


def test_uploads_cannot_land_in_another_sites_collection(client, two_sites):
    a, b = two_sites["a"], two_sites["b"]
    _maintainer(client, two_sites)
    before = get_image_model().objects.filter(collection=b["result"].collection).count()
    png = make_image(a["result"].collection, "上传源").file.read()
    response = client.post(
        "/admin/images/multiple/add/",
        {"files[]": ContentFile(png, name="up.png"), "collection": b["result"].collection.pk},
    )
    assert response.status_code in (200, 400)
    assert get_image_model().objects.filter(collection=b["result"].collection).count() == before
    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": ContentFile(b"x", name="up.txt"), "collection": b["result"].collection.pk},
    )
    assert response.status_code in (200, 400)
    assert (
        not get_document_model()
        .objects.filter(collection=b["result"].collection, title="up")
        .exists()
    )


@pytest.mark.parametrize("media", ["images", "documents"])
def test_listings_and_choosers_ignore_another_sites_collection(client, two_sites, media):
    _maintainer(client, two_sites)
    others = only_in(two_sites, "b", media)
    assert others
    for url in (f"/admin/{media}/", f"/admin/{media}/chooser/"):
        response = client.get(url, {"collection_id": two_sites["b"]["result"].collection.pk})
        assert response.status_code == 200
        body = response.json()["html"] if "chooser" in url else response.content.decode()
        assert not any(title in body for title in others), url


@pytest.mark.parametrize("role", ["informant", "maintainer"])
def test_collections_admin_is_closed_to_site_editors(client, two_sites, role):
    b = two_sites["b"]["result"].collection
    client.force_login(editor_of(two_sites["a"]["result"], role, f"a_{role}"))
    for url in ("/admin/collections/", f"/admin/collections/{b.pk}/", "/admin/collections/add/"):
        assert client.get(url).status_code in (302, 403), url
    client.post(f"/admin/collections/{b.pk}/delete/")
    client.post(f"/admin/collections/{b.pk}/", {"name": "改名", "parent": b.get_parent().pk})
    b.refresh_from_db()
    assert b.name == "靖西市人民政府"
