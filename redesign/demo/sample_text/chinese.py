"""Dates and numerals written the Chinese way."""

from __future__ import annotations

import datetime

NUMERALS = "零一二三四五六七八九十"


def cn_date(value: datetime.date) -> str:
    """A date as a 落款 shows it: 2026年3月5日."""
    return f"{value.year}年{value.month}月{value.day}日"


def cn_number(n: int) -> str:
    """A small number (0–10) in Chinese numerals, as in 一、 or 第三条; larger ones as digits."""
    return NUMERALS[n] if 0 <= n <= 10 else str(n)
