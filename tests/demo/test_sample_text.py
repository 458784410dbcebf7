"""The shared sample text and the demo's data files: deterministic, read-only, well formed."""
# ruff: noqa: S311 - seeded sample text, not security

import datetime
import random

import pytest

from redesign.demo import profiles
from redesign.demo.sample_text import (
    Decks,
    cn_date,
    cn_number,
    fill,
    load_words,
    name_book,
    person_name,
)
from redesign.demo.sample_text.words import DATA


def strings(value):
    """Every string inside a parsed data value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from strings(item)
    elif hasattr(value, "values"):
        for item in value.values():
            yield from strings(item)


def test_every_data_file_loads_read_only():
    """Each data/*.toml parses; lists come back as tuples and tables cannot be changed."""
    names = sorted(path.stem for path in DATA.glob("*.toml"))
    assert {"names", "news", "notices", "portal", "pages", "legacy_words"} <= set(names)
    for name in names:
        words = load_words(name)
        assert words
        with pytest.raises(TypeError):
            words["extra"] = ()  # type: ignore[index]
    assert isinstance(load_words("news")["campaigns"], tuple)


@pytest.mark.parametrize("name", ["legacy_words", "legacy_templates"])
def test_legacy_words_fit_gb2312(name):
    """A generated legacy site may be written as gb2312, so its words must all encode."""
    for text in strings(load_words(name)):
        text.encode("gb2312")
    for text in strings(load_words("names")["common"]):
        text.encode("gb2312")


def test_person_names_come_from_their_book_and_repeat_per_seed():
    """A seed gives the same names; a name is a surname and one or two given parts."""
    common, guangxi = name_book("common"), name_book("guangxi")
    first = [person_name(random.Random(3), common) for _ in range(50)]
    assert first == [person_name(random.Random(3), common) for _ in range(50)]
    rng = random.Random(5)
    for _ in range(200):
        name = person_name(rng, common)
        assert name[0] in common.surnames and 2 <= len(name) <= 3
        name = person_name(rng, guangxi)
        assert name[0] in guangxi.surnames and name[1:] in guangxi.given


def test_fill_gives_each_repeated_slot_its_own_phrase():
    """A slot named in repeats takes a different phrase at each place."""
    text = fill("{a}，{a}，{town}", {"town": "城关镇"}, random.Random(1), {"a": ("甲", "乙", "丙")})
    first, second, town = text.split("，")
    assert first != second and {first, second} <= {"甲", "乙", "丙"} and town == "城关镇"
    with pytest.raises(ValueError, match="random source"):
        fill("{a}", {}, repeats={"a": ("甲",)})


def test_decks_draw_every_template_before_repeating():
    """A deck hands out each template once per round."""
    decks = Decks(random.Random(2))
    templates = ("一", "二", "三", "四")
    assert sorted(decks.draw(templates) for _ in range(4)) == sorted(templates)
    assert sorted(decks.draw(templates) for _ in range(4)) == sorted(templates)


def test_chinese_dates_and_numerals():
    """Dates read 2026年3月5日; small numbers are Chinese numerals."""
    assert cn_date(datetime.date(2026, 3, 5)) == "2026年3月5日"
    assert [cn_number(n) for n in (1, 3, 10, 12)] == ["一", "三", "十", "12"]


def test_county_data_files_fill_the_profiles():
    """Every county named in cluster.toml has its file; keys, hosts and codes are distinct."""
    counties = profiles.COUNTIES
    assert [county.key for county in counties] == list(profiles.CLUSTER["counties"])
    for field in ("key", "hostname", "code", "primary_color"):
        assert len({getattr(county, field) for county in counties}) == len(counties), field
    for county in counties:
        assert county.hostname.endswith(".localhost") and county.towns
        assert 2 <= len(county.industries) <= 3
        for industry in county.industries:
            assert industry.kind in ("specialty", "pillar")
            assert industry.figures and industry.enterprises and industry.products
    assert profiles.PORTAL.hostname == profiles.PORTAL_HOSTNAME
    assert profiles.DEPARTMENTS and profiles.SERVICE_TILES and profiles.DEPARTMENT_SITES
