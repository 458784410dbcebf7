"""Demo pictures drawn with Pillow: landscapes, emblems, portraits, products and topic banners.

No text is drawn (Pillow's default font has no Chinese glyphs); the pictures are compositions of
gradients and simple shapes, saved as JPEG (photos) or PNG (emblems).
"""

from __future__ import annotations

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

Colour = tuple[int, int, int]

# sky top, sky bottom, far hills, near hills, fields, accent (sun, flowers, fruit)
PALETTES: dict[str, tuple[str, ...]] = {
    "green": ("#7fb8e6", "#e4f1fb", "#6f9f8a", "#2f6b3f", "#8cbf4f", "#f6d36b"),
    "forest": ("#9cc6e8", "#eef5f9", "#5d8c6e", "#245236", "#6d9b3a", "#f1c453"),
    "hills": ("#a8cbe8", "#f3f1e7", "#7c9a84", "#3e6b45", "#b5c766", "#f0b94a"),
    "karst": ("#8ec3e0", "#f1f6f2", "#7fa7a0", "#3a7161", "#9fc35a", "#f7d77a"),
    "fields": ("#8fc2ea", "#fbf3d9", "#8aa978", "#4b7a3b", "#d9c25a", "#f4c542"),
    "village": ("#f2b58a", "#fde8c8", "#a88a7a", "#6b5a4a", "#c9a65a", "#d63b3b"),
    "autumn": ("#f0a36b", "#fde3c1", "#b0795a", "#8a3b22", "#d08a3a", "#c0262d"),
    "orchard": ("#9ccbe9", "#f6f0dc", "#7e9f6e", "#3d6b32", "#9cbf45", "#f28c18"),
    "meadow": ("#a9d2ef", "#f5f8ea", "#86ab7e", "#4c7d45", "#a9cc62", "#8c5a3c"),
    "river": ("#6fa9dc", "#e7f0fa", "#7294b8", "#2f5c8a", "#7fb26a", "#f4d35e"),
}


def hex_to_rgb(value: str) -> Colour:
    """A #rrggbb colour as an RGB tuple."""
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _mix(a: Colour, b: Colour, t: float) -> Colour:
    """Linear mix of two colours."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _vertical_gradient(size: tuple[int, int], top: Colour, bottom: Colour) -> Image.Image:
    """An image fading from top to bottom colour."""
    width, height = size
    strip = Image.new("RGB", (1, height))
    for y in range(height):
        strip.putpixel((0, y), _mix(top, bottom, y / max(height - 1, 1)))
    return strip.resize(size)


def _ridge(rng: random.Random, width: int, base: float, amplitude: float) -> list[tuple[int, int]]:
    """The outline of a range of hills as a sum of sine waves."""
    waves = [
        (rng.uniform(0.6, 1.6), rng.uniform(0, math.tau), rng.uniform(0.4, 1.0)) for _ in range(3)
    ]
    points = []
    step = max(width // 80, 4)
    for x in range(0, width + step, step):
        t = x / width * math.tau
        y = sum(amp * math.sin(freq * t * 2 + phase) for freq, phase, amp in waves) / 2.4
        points.append((x, round(base - amplitude * y)))
    return points


def _to_bytes(image: Image.Image, fmt: str = "JPEG") -> bytes:
    """Encode an image."""
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.convert("RGB").save(buffer, "JPEG", quality=82, optimize=True)
    else:
        image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def landscape(rng: random.Random, size: tuple[int, int], palette: str) -> bytes:
    """A landscape: sky, sun, two ranges of hills, terraced fields and sometimes a river."""
    colours = [hex_to_rgb(c) for c in PALETTES.get(palette, PALETTES["green"])]
    sky_top, sky_bottom, far, near, fields, accent = colours
    width, height = size
    image = _vertical_gradient(size, sky_top, sky_bottom)
    draw = ImageDraw.Draw(image)

    sun_x, sun_y = rng.randint(width // 6, width * 5 // 6), rng.randint(height // 10, height // 3)
    radius = max(min(width, height) // 12, 6)
    draw.ellipse((sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius), fill=accent)

    for i in range(rng.randint(2, 4)):  # clouds
        cx, cy = rng.randint(0, width), rng.randint(height // 12, height // 3)
        for j in range(3):
            r = radius * (0.7 + 0.3 * j) * 0.9
            ox = cx + (j - 1) * r * 0.9
            draw.ellipse((ox - r, cy - r * 0.6, ox + r, cy + r * 0.6), fill=(255, 255, 255))
        del i

    layers = [
        (far, height * 0.52, height * 0.16),
        (_mix(far, near, 0.5), height * 0.62, height * 0.14),
        (near, height * 0.72, height * 0.12),
    ]
    for colour, base, amplitude in layers:
        outline = _ridge(rng, width, base, amplitude)
        draw.polygon([*outline, (width, height), (0, height)], fill=colour)

    top = round(height * 0.78)
    bands = rng.randint(4, 7)
    for b in range(bands):  # terraced fields
        y0 = top + (height - top) * b / bands
        y1 = top + (height - top) * (b + 1) / bands
        shade = _mix(fields, near, (b % 2) * 0.25)
        wobble = rng.randint(-6, 6)
        draw.polygon(
            [(0, y0 + wobble), (width, y0 - wobble), (width, y1 + 2), (0, y1 + 2)], fill=shade
        )
    if rng.random() < 0.5:  # a river winding to the front
        river = hex_to_rgb("#9fcbe8")
        x = rng.randint(width // 4, width * 3 // 4)
        points_left, points_right = [], []
        for step in range(11):
            y = top + (height - top) * step / 10
            x += rng.randint(-width // 40, width // 40)
            half = 3 + step * width / 220
            points_left.append((x - half, y))
            points_right.append((x + half, y))
        draw.polygon(points_left + points_right[::-1], fill=river)
    for _ in range(rng.randint(8, 20)):  # trees and bushes
        tx, ty = rng.randint(0, width), rng.randint(round(height * 0.7), height)
        r = rng.randint(max(width // 160, 3), max(width // 70, 5))
        draw.ellipse((tx - r, ty - r, tx + r, ty + r), fill=_mix(near, (20, 50, 20), 0.35))
    return _to_bytes(image.filter(ImageFilter.SMOOTH))


def banner(rng: random.Random, palette: str, size: tuple[int, int] = (1600, 560)) -> bytes:
    """A wide landscape for the home banner."""
    return landscape(rng, size, palette)


def emblem(primary: str, accent: str, size: int = 256) -> bytes:
    """A site logo: a round badge with stylised hills and a river, no text."""
    scale = 4
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    p, a = hex_to_rgb(primary), hex_to_rgb(accent)
    draw.ellipse((0, 0, big - 1, big - 1), fill=p)
    inset = big // 14
    draw.ellipse((inset, inset, big - inset, big - inset), fill=(255, 255, 255))
    inner = inset * 2
    draw.ellipse((inner, inner, big - inner, big - inner), fill=_mix(p, (255, 255, 255), 0.85))
    draw.ellipse((big * 0.58, big * 0.22, big * 0.72, big * 0.36), fill=a)  # the sun
    draw.polygon(
        [(big * 0.18, big * 0.68), (big * 0.38, big * 0.34), (big * 0.56, big * 0.68)], fill=p
    )
    draw.polygon(
        [(big * 0.40, big * 0.68), (big * 0.62, big * 0.42), (big * 0.84, big * 0.68)],
        fill=_mix(p, (0, 0, 0), 0.2),
    )
    for i in range(3):  # waves
        y = big * (0.72 + i * 0.06)
        draw.arc(
            (big * 0.2, y - big * 0.05, big * 0.5, y + big * 0.05), 0, 180, fill=p, width=big // 60
        )
        draw.arc(
            (big * 0.5, y - big * 0.05, big * 0.8, y + big * 0.05),
            180,
            360,
            fill=p,
            width=big // 60,
        )
    return _to_bytes(image.resize((size, size), Image.Resampling.LANCZOS), "PNG")


def portrait(rng: random.Random, primary: str, size: tuple[int, int] = (240, 320)) -> bytes:
    """A neutral silhouette standing in for a leader's photo."""
    width, height = size
    background = _mix(hex_to_rgb(primary), (255, 255, 255), 0.82)
    image = _vertical_gradient(size, background, _mix(background, (255, 255, 255), 0.5))
    draw = ImageDraw.Draw(image)
    suit = _mix(hex_to_rgb("#2b3440"), hex_to_rgb(primary), rng.uniform(0, 0.25))
    draw.ellipse((width * 0.12, height * 0.62, width * 0.88, height * 1.25), fill=suit)
    draw.polygon(
        [(width * 0.42, height * 0.62), (width * 0.5, height * 0.8), (width * 0.58, height * 0.62)],
        fill=(245, 245, 245),
    )
    skin = (222, 190, 160)
    draw.rectangle((width * 0.43, height * 0.5, width * 0.57, height * 0.64), fill=skin)
    draw.ellipse((width * 0.3, height * 0.2, width * 0.7, height * 0.56), fill=skin)
    draw.chord(
        (width * 0.29, height * 0.17, width * 0.71, height * 0.46), 180, 360, fill=(40, 35, 32)
    )
    return _to_bytes(image)


def product(rng: random.Random, colour: str, size: tuple[int, int] = (800, 600)) -> bytes:
    """A still life: a basket or plate of round products of the given colour on a table."""
    width, height = size
    main = hex_to_rgb(colour)
    wall = _mix(main, (250, 246, 238), 0.85)
    image = _vertical_gradient(size, wall, _mix(wall, (255, 255, 255), 0.4))
    draw = ImageDraw.Draw(image)
    table = (150, 110, 75)
    draw.rectangle((0, height * 0.62, width, height), fill=table)
    for i in range(6):
        y = height * (0.66 + i * 0.06)
        draw.line((0, y, width, y), fill=_mix(table, (90, 60, 40), 0.3), width=2)
    cx, cy = width / 2, height * 0.68
    draw.ellipse(
        (cx - width * 0.32, cy - height * 0.08, cx + width * 0.32, cy + height * 0.1),
        fill=(236, 232, 222),
    )
    r = min(width, height) * 0.075
    positions = []
    for row in range(3):
        for col in range(5 - row):
            x = cx + (col - (4 - row) / 2) * r * 1.7 + rng.uniform(-r * 0.15, r * 0.15)
            y = cy - row * r * 1.3 + rng.uniform(-r * 0.1, r * 0.1)
            positions.append((x, y))
    for x, y in positions:
        shade = _mix(main, (0, 0, 0), rng.uniform(0, 0.2))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=shade)
        hl = r * 0.35
        draw.ellipse(
            (x - r * 0.5, y - r * 0.6, x - r * 0.5 + hl, y - r * 0.6 + hl),
            fill=_mix(shade, (255, 255, 255), 0.5),
        )
    leaf = (70, 130, 60)
    for _ in range(4):
        x, y = rng.choice(positions)
        draw.ellipse((x + r * 0.2, y - r * 1.4, x + r * 1.1, y - r * 0.8), fill=leaf)
    return _to_bytes(image.filter(ImageFilter.SMOOTH))


def topic_banner(
    rng: random.Random, primary: str, accent: str, size: tuple[int, int] = (600, 180)
) -> bytes:
    """An abstract banner for a 专题: a gradient with circles and a ribbon."""
    width, height = size
    p, a = hex_to_rgb(primary), hex_to_rgb(accent)
    image = Image.new("RGB", size)
    strip = Image.new("RGB", (width, 1))
    for x in range(width):
        strip.putpixel((x, 0), _mix(p, _mix(p, a, 0.6), x / max(width - 1, 1)))
    image.paste(strip.resize(size))
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(5, 9)):
        r = rng.randint(height // 8, height // 2)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse((x - r, y - r, x + r, y + r), outline=_mix(p, (255, 255, 255), 0.35), width=3)
    ribbon = [(0, height * 0.7), (width, height * 0.45), (width, height * 0.6), (0, height * 0.85)]
    draw.polygon(ribbon, fill=_mix(a, (255, 255, 255), 0.2))
    return _to_bytes(image)
