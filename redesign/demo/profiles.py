"""The places of the demo cluster: counties, their industries and the portal, read from data/.

Counties are real places; every figure, enterprise and product in data/ is made up for the demo.
`data/cluster.toml` holds the portal, the county order and the departments' names;
`data/counties/<key>.toml` holds one county each.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class KeyFigure:
    """A headline figure: value, unit, label and note."""

    value: str
    unit: str
    label: str
    note: str = ""

    def as_block_value(self) -> dict[str, str]:
        """The value of a KeyFigureBlock."""
        return {"value": self.value, "unit": self.unit, "label": self.label, "note": self.note}


@dataclass(frozen=True)
class Enterprise:
    """A (made-up) local enterprise or cooperative."""

    name: str
    description: str
    products: str
    address: str
    phone: str


@dataclass(frozen=True)
class Product:
    """A local product, with the colour its generated picture uses."""

    name: str
    description: str
    origin: str
    season: str
    colour: str


@dataclass(frozen=True)
class Industry:
    """A specialty or pillar industry of a county."""

    slug: str
    title: str
    kind: str  # "specialty" or "pillar"
    summary: str
    intro: str
    figures: tuple[KeyFigure, ...]
    enterprises: tuple[Enterprise, ...]
    products: tuple[Product, ...]
    palette: str
    history: str
    short: str = ""

    @property
    def short_name(self) -> str:
        """The industry's name without 产业, as used in running text."""
        return self.short or self.title.removesuffix("产业")


@dataclass(frozen=True)
class County:
    """A county (or county-level city) of the demo cluster and its identity."""

    key: str
    hostname: str  # napo.localhost
    name: str  # 那坡县
    unit: str  # 县 or 市
    abbr: str  # 那, as in 那政办发
    code: str  # administrative division code, the prefix of invented identity codes
    towns: tuple[str, ...]
    slogan: str
    subtitle: str
    primary_color: str
    accent_color: str
    palette: str
    area: str
    population: str
    gdp: str
    border: bool
    postcode: str
    phone: str
    features: str
    history: str
    industries: tuple[Industry, ...]
    # How the site stands in the content guarantee's demo: green (alive), amber (going quiet),
    # red (dying: a stale home page and 通知公告 column, a blank column).
    health: str = "green"

    @property
    def full_name(self) -> str:
        """The government's name, e.g. 那坡县人民政府."""
        return f"{self.name}人民政府"

    @property
    def office(self) -> str:
        """The government office, e.g. 那坡县人民政府办公室."""
        return f"{self.full_name}办公室"

    @property
    def seat(self) -> str:
        """The town where the government sits."""
        return self.towns[0]

    @property
    def address(self) -> str:
        """The government's (made-up) address."""
        return f"{self.name}{self.seat}政府路{int(self.code[-2:]) % 9 + 1}号"

    @property
    def media_centre(self) -> str:
        """The county's media centre, the usual 来源 of news."""
        return f"{self.name}融媒体中心"

    def dept(self, suffix: str) -> str:
        """A department's full name, e.g. 那坡县农业农村局."""
        return f"{self.name}{suffix}"


@dataclass(frozen=True)
class Portal:
    """The cluster's portal site."""

    name: str
    hostname: str
    full_name: str
    code: str
    organizer: str
    operator: str
    address: str
    postcode: str
    phone: str
    primary_color: str
    accent_color: str
    palette: str


def read_toml(path: Path) -> dict[str, Any]:
    """One data file, parsed."""
    with path.open("rb") as data:
        return tomllib.load(data)


def industry_from(data: dict[str, Any]) -> Industry:
    """An industry from its [[industries]] table."""
    return Industry(
        **{
            **data,
            "figures": tuple(KeyFigure(**figure) for figure in data["figures"]),
            "enterprises": tuple(Enterprise(**row) for row in data.get("enterprises", ())),
            "products": tuple(Product(**row) for row in data.get("products", ())),
        }
    )


def county_from(data: dict[str, Any]) -> County:
    """A county from its data file."""
    return County(
        **{
            **data,
            "towns": tuple(data["towns"]),
            "industries": tuple(industry_from(row) for row in data.get("industries", ())),
        }
    )


def load_counties(folder: Path = DATA) -> tuple[County, ...]:
    """The counties named in cluster.toml, in its order, each from counties/<key>.toml."""
    keys = read_toml(folder / "cluster.toml")["counties"]
    return tuple(county_from(read_toml(folder / "counties" / f"{key}.toml")) for key in keys)


CLUSTER = read_toml(DATA / "cluster.toml")
DEPARTMENTS: tuple[str, ...] = tuple(CLUSTER["departments"])
PORTAL = Portal(**CLUSTER["portal"])
PORTAL_HOSTNAME = PORTAL.hostname
DEPARTMENT_SITES: tuple[tuple[str, str], ...] = tuple(
    (row["department"], row["slug"]) for row in CLUSTER["department_sites"]
)
SERVICE_TILES: tuple[tuple[str, str, str], ...] = tuple(
    (row["icon"], row["title"], row["path"]) for row in CLUSTER["service_tiles"]
)
COUNTIES: tuple[County, ...] = load_counties()
