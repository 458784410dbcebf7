"""Create a county site: its Site, home, standard columns, collection, groups and workflow."""

import re
from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from redesign.core.column_types import ColumnType
from redesign.core.models import ColumnPage, HomePage, StandardPage

from .models import SiteIdentity
from .themes import available_themes, default_theme_name

HOSTNAME_RE = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)


class ProvisioningError(Exception):
    """The site cannot be created as asked; the message says why, in one line."""


@dataclass(frozen=True)
class ColumnSpec:
    """One of the columns every county site starts with."""

    slug: str
    title: str
    page_type: str  # "column" or "standard"
    column_type: str = ColumnType.OTHER


# The columns 国办发〔2017〕47号 requires of every government site, plus 要闻 for the news function.
STANDARD_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("yaowen", "要闻", "column", ColumnType.NEWS),
    ColumnSpec("zwdt", "政务动态", "column", ColumnType.NEWS),
    ColumnSpec("tzgg", "通知公告", "column", ColumnType.NOTICE),
    ColumnSpec("zcwj", "政策文件", "column", ColumnType.POLICY),
    ColumnSpec("gkxx", "概况信息", "standard"),
    ColumnSpec("jgzn", "机构职能", "standard"),
    ColumnSpec("fzrxx", "负责人信息", "standard"),
    ColumnSpec("hudong", "互动交流", "column", ColumnType.INTERACTION),
    ColumnSpec("tscy", "特色产业", "column", ColumnType.INDUSTRY),
)


@dataclass(frozen=True)
class RoleSpec:
    """A per-site group: its name suffix and the permissions confined to the site."""

    key: str
    suffix: str
    page_permissions: tuple[str, ...]
    collection_permissions: tuple[str, ...]
    site_permissions: tuple[tuple[str, str, str], ...] = ()  # (app label, model, codename)
    # Model permissions whose objects the app confines to the group's sites itself (留言办理).
    model_permissions: tuple[tuple[str, str, str], ...] = ()  # (app label, model, codename)


ROLES: tuple[RoleSpec, ...] = (
    RoleSpec(
        "informant",
        "信息员",
        ("add_page",),
        ("add_image", "choose_image", "add_document", "choose_document"),
    ),
    RoleSpec(
        "reviewer",
        "审核",
        ("add_page", "change_page", "lock_page"),
        (
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
        ),
        model_permissions=(
            ("interaction", "question", "change_question"),
            ("interaction", "question", "approve_question"),
        ),
    ),
    RoleSpec(
        "maintainer",
        "维护",
        ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"),
        (
            "add_image",
            "change_image",
            "choose_image",
            "delete_image",
            "add_document",
            "change_document",
            "choose_document",
            "delete_document",
        ),
        (
            ("cluster", "siteidentity", "change_siteidentity"),
            ("guarantee", "contentpolicy", "change_contentpolicy"),
            ("interaction", "interactionsettings", "change_interactionsettings"),
        ),
        (
            ("interaction", "question", "change_question"),
            ("interaction", "department", "add_department"),
            ("interaction", "department", "change_department"),
            ("interaction", "department", "delete_department"),
        ),
    ),
)


@dataclass
class ProvisioningResult:
    """What create_county_site found and what it created."""

    site: Site
    home: HomePage
    collection: Collection
    groups: dict[str, Group]
    created: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether anything was created."""
        return bool(self.created)


def short_name_for(full_name: str) -> str:
    """The short name of a government site: 那坡县人民政府 → 那坡县."""
    for suffix in ("人民政府门户网站", "人民政府网", "人民政府", "政府门户网站", "门户网站"):
        if full_name.endswith(suffix) and len(full_name) > len(suffix):
            return full_name[: -len(suffix)]
    return full_name


def validate_hostname(hostname: str) -> str:
    """Return the hostname lower-cased, or raise ProvisioningError."""
    hostname = (hostname or "").strip().lower()
    if not HOSTNAME_RE.match(hostname):
        raise ProvisioningError(_("主机名「%(host)s」不合法。") % {"host": hostname})
    return hostname


def _home_slug(hostname: str) -> str:
    """A slug for the home page derived from the hostname's first label."""
    return slugify(hostname.split(".")[0]) or "site"


@transaction.atomic
def create_county_site(
    name: str,
    hostname: str,
    port: int = 80,
    theme: str | None = None,
    is_default: bool = False,
) -> ProvisioningResult:
    """Create the county site, or complete it where parts are missing; never change what exists."""
    name = (name or "").strip()
    if not name:
        raise ProvisioningError(_("站点名称不能为空。"))
    hostname = validate_hostname(hostname)
    if not 0 < port < 65536:
        raise ProvisioningError(_("端口 %(port)s 不合法。") % {"port": port})
    theme = theme or default_theme_name()  # REDESIGN_DEFAULT_THEME unless one is asked for
    if theme not in available_themes():
        raise ProvisioningError(
            _("主题「%(theme)s」不存在，可用主题：%(themes)s。")
            % {"theme": theme, "themes": "、".join(available_themes())}
        )

    created: list[str] = []
    site = Site.objects.filter(hostname=hostname, port=port).select_related("root_page").first()
    if site is not None and site.site_name != name:
        raise ProvisioningError(
            _("主机名 %(host)s:%(port)s 已被站点「%(other)s」使用。")
            % {"host": hostname, "port": port, "other": site.site_name or site.hostname}
        )
    same_name = Site.objects.filter(site_name=name).exclude(hostname=hostname, port=port).first()
    if same_name is not None:
        raise ProvisioningError(
            _("站点名称「%(name)s」已被 %(host)s:%(port)s 使用。")
            % {"name": name, "host": same_name.hostname, "port": same_name.port}
        )

    if site is None:
        home = _create_home(name, hostname)
        site = Site.objects.create(
            hostname=hostname, port=port, site_name=name, root_page=home, is_default_site=False
        )
        created.append(_("站点 %(host)s:%(port)s") % {"host": hostname, "port": port})
        created.append(_("首页「%(title)s」") % {"title": home.title})
    else:
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            raise ProvisioningError(
                _("站点 %(host)s 的根页面不是站点首页，无法补全。") % {"host": hostname}
            )
    if is_default and not site.is_default_site:
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
        site.is_default_site = True
        site.save(update_fields=["is_default_site"])
        created.append(_("设为默认站点"))

    identity, identity_created = SiteIdentity.objects.get_or_create(
        site=site,
        defaults={"full_name": name, "short_name": short_name_for(name), "theme": theme},
    )
    if identity_created:
        created.append(_("站点信息"))

    for spec in STANDARD_COLUMNS:
        if _ensure_column(home, spec):
            created.append(_("栏目「%(title)s」") % {"title": spec.title})

    collection, collection_created = _ensure_collection(name, identity)
    if collection_created:
        created.append(_("资源集合「%(name)s」") % {"name": name})
    if identity.collection_id is None:
        identity.collection = collection
        identity.save(update_fields=["collection"])
        if not collection_created:
            created.append(_("资源集合「%(name)s」归属本站") % {"name": collection.name})

    groups = {}
    for role in ROLES:
        group, group_created = _ensure_group(name, role, site, collection)
        groups[role.key] = group
        if group_created:
            created.append(_("用户组「%(name)s」") % {"name": group.name})

    if _ensure_workflow(name, home, groups):
        created.append(_("审核发布流程"))

    return ProvisioningResult(site, home, collection, groups, created)


def _create_home(name: str, hostname: str) -> HomePage:
    """Add a new home page under the tree root with a slug no other site uses."""
    root = Page.get_first_root_node()
    base = _home_slug(hostname)
    slug, n = base, 1
    while Page.objects.filter(depth=root.depth + 1, slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    home = HomePage(title=name, slug=slug, seo_title=name)
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


def _ensure_column(home: HomePage, spec: ColumnSpec) -> bool:
    """Create one standard column under the home unless a child with its slug exists."""
    if home.get_children().filter(slug=spec.slug).exists():
        return False
    if spec.page_type == "standard":
        page = StandardPage(title=spec.title, slug=spec.slug, show_in_menus=True)
    else:
        page = ColumnPage(
            title=spec.title, slug=spec.slug, column_type=spec.column_type, show_in_menus=True
        )
    home.add_child(instance=page)
    page.save_revision().publish()
    return True


def _ensure_collection(name: str, identity: SiteIdentity) -> tuple[Collection, bool]:
    """The site's collection: the one its identity names, else the root's child named after it."""
    if identity.collection is not None:
        return identity.collection, False
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    if existing is not None:
        owner = SiteIdentity.objects.filter(collection=existing).select_related("site").first()
        if owner is not None:
            raise ProvisioningError(
                _("资源集合「%(name)s」已属于站点「%(other)s」。")
                % {"name": name, "other": owner.site.site_name or owner.site.hostname}
            )
        return existing, False
    return root.add_child(name=name), True


def _permission(codename: str, app_label: str, model: str) -> Permission:
    """A permission looked up by app, model and codename."""
    content_type = ContentType.objects.get(app_label=app_label, model=model)
    return Permission.objects.get(content_type=content_type, codename=codename)


def _ensure_group(
    site_name: str, role: RoleSpec, site: Site, collection: Collection
) -> tuple[Group, bool]:
    """A group whose page, collection and settings permissions are confined to one site."""
    home = site.root_page
    group, created = Group.objects.get_or_create(name=f"{site_name} {role.suffix}")
    group.permissions.add(_permission("access_admin", "wagtailadmin", "admin"))
    for codename in role.page_permissions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=home, permission=_permission(codename, "wagtailcore", "page")
        )
    for codename in role.collection_permissions:
        model = "image" if codename.endswith("_image") else "document"
        app_label = "wagtailimages" if model == "image" else "wagtaildocs"
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=_permission(codename, app_label, model),
        )
    for app_label, model, codename in role.site_permissions:
        GroupSitePermission.objects.get_or_create(
            group=group, site=site, permission=_permission(codename, app_label, model)
        )
    for app_label, model, codename in role.model_permissions:
        group.permissions.add(_permission(codename, app_label, model))
    return group, created


def _ensure_workflow(site_name: str, home: HomePage, groups: dict[str, Group]) -> bool:
    """The two-step workflow of the site: 审核 by reviewers, then 发布 by maintainers."""
    if WorkflowPage.objects.filter(page=home).exists():
        return False
    workflow = Workflow.objects.create(name=f"{site_name} 审核发布")
    review = GroupApprovalTask.objects.create(name=f"{site_name} 审核")
    review.groups.set([groups["reviewer"], groups["maintainer"]])
    publish = GroupApprovalTask.objects.create(name=f"{site_name} 终审发布")
    publish.groups.set([groups["maintainer"]])
    WorkflowTask.objects.create(workflow=workflow, task=review, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=publish, sort_order=1)
    WorkflowPage.objects.create(page=home, workflow=workflow)
    return True
