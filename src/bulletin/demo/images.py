"""Illustrations for the demo story, drawn with Pillow when the story is seeded.

Drawn rather than downloaded, so the demo needs no network and carries no photographs of
real places or people. Each painter returns a small JPEG of a simple scene; a fixed seed
per scene keeps them the same from run to run.
"""

import io
import random
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

WIDTH, HEIGHT = 1200, 800
RIVER = (74, 104, 122)
FLOOD = (112, 94, 66)
BRICK = ((150, 82, 64), (128, 96, 80), (166, 120, 92), (118, 70, 58))


def _gradient(top: tuple, bottom: tuple) -> Image.Image:
    """A vertical gradient filling the frame, from top colour to bottom colour."""
    ramp = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    return ImageOps.colorize(ramp, black=top, white=bottom)


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=72, optimize=True, progressive=True)
    return buffer.getvalue()


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def _terrace(draw: ImageDraw.ImageDraw, rng: random.Random, ground: int, storeys: int = 2) -> None:
    """A row of terraced houses standing on the line y = ground."""
    x = -40
    while x < WIDTH:
        width = rng.randint(150, 200)
        top = ground - storeys * 150 - rng.randint(0, 30)
        draw.rectangle((x, top, x + width, ground), fill=rng.choice(BRICK))
        draw.polygon([(x - 8, top), (x + width + 8, top), (x + width - 20, top - 50),
                      (x + 20, top - 50)], fill=(70, 66, 72))
        for storey in range(storeys):
            y = ground - (storey + 1) * 150 + 40
            for wx in (x + 12, x + width - 56):
                draw.rectangle((wx, y, wx + 44, y + 70), fill=(196, 206, 214), outline=(240, 236, 226), width=5)
        draw.rectangle((x + width // 2 - 18, ground - 110, x + width // 2 + 18, ground), fill=(52, 70, 60))
        x += width


def _water(image: Image.Image, level: int, colour: tuple, rng: random.Random) -> None:
    """Flood the frame below y = level with ripples, slightly see-through."""
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    draw.rectangle((0, level, WIDTH, HEIGHT), fill=(*colour, 235))
    for _ripple in range(60):
        x, y = rng.randint(0, WIDTH), rng.randint(level + 8, HEIGHT)
        draw.line((x, y, x + rng.randint(30, 120), y), fill=(*[min(c + 45, 255) for c in colour], 200), width=3)
    image.alpha_composite(layer)


def _rain(image: Image.Image, rng: random.Random, drops: int = 400) -> None:
    draw = ImageDraw.Draw(image, "RGBA")
    for _drop in range(drops):
        x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
        draw.line((x, y, x - 6, y + 26), fill=(210, 216, 222, 110), width=1)


def flooded_street() -> bytes:
    """Terraced houses with brown water up to the ground-floor windowsills."""
    rng = random.Random(14)
    image = _gradient((92, 98, 108), (176, 180, 184)).convert("RGBA")
    _terrace(ImageDraw.Draw(image), rng, ground=720)
    _water(image, 668, FLOOD, rng)
    _rain(image, rng)
    return _jpeg(image)


def receding_water() -> bytes:
    """The same terrace with a mud line on the walls and shallow water draining away."""
    rng = random.Random(14)
    image = _gradient((150, 170, 190), (214, 220, 226)).convert("RGBA")
    draw = ImageDraw.Draw(image)
    _terrace(draw, rng, ground=720)
    draw.rectangle((0, 662, WIDTH, 674), fill=(96, 80, 58))
    _water(image, 732, FLOOD, rng)
    return _jpeg(image)


def sandbags() -> bytes:
    """A wall of sandbags three rows high across a front door."""
    rng = random.Random(5)
    image = _gradient((84, 90, 100), (160, 164, 170)).convert("RGBA")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 80, WIDTH, 760), fill=BRICK[0])
    draw.rectangle((480, 200, 720, 760), fill=(40, 58, 50))
    draw.rectangle((0, 740, WIDTH, HEIGHT), fill=(88, 88, 90))
    for row in range(3):
        y = 690 - row * 62
        offset = 0 if row % 2 == 0 else 55
        for x in range(-60 + offset, WIDTH, 112):
            shade = rng.randint(-14, 14)
            draw.rounded_rectangle((x, y, x + 108, y + 66), radius=26,
                                   fill=(176 + shade, 150 + shade, 104 + shade), outline=(120, 98, 64), width=3)
    _rain(image, rng, drops=250)
    return _jpeg(image)


def rescue_boat() -> bytes:
    """An orange inflatable with three helmeted crew between half-drowned houses."""
    rng = random.Random(17)
    image = _gradient((98, 104, 114), (170, 174, 180)).convert("RGBA")
    draw = ImageDraw.Draw(image)
    _terrace(draw, rng, ground=700)
    _water(image, 520, FLOOD, rng)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((330, 560, 870, 650), radius=45, fill=(232, 104, 30), outline=(150, 60, 20), width=6)
    for x in (430, 580, 730):
        draw.rectangle((x - 28, 470, x + 28, 570), fill=(34, 40, 52))
        draw.ellipse((x - 30, 410, x + 30, 470), fill=(240, 200, 40))
    draw.line((840, 600, 930, 540), fill=(40, 40, 40), width=10)
    return _jpeg(image)


def rest_centre() -> bytes:
    """Rows of green camp beds in a hall with tall windows."""
    image = _gradient((226, 220, 206), (170, 150, 120))
    draw = ImageDraw.Draw(image)
    for x in range(80, WIDTH, 220):
        draw.rounded_rectangle((x, 60, x + 110, 300), radius=50, fill=(206, 224, 236), outline=(250, 248, 240), width=8)
    draw.rectangle((760, 330, 1140, 380), fill=(120, 80, 50))
    for x in range(790, 1120, 60):
        draw.rectangle((x, 306, x + 26, 330), fill=(250, 250, 250))
    for row, (y, depth) in enumerate(((400, 90), (520, 110), (660, 130))):
        for x in range(40 + row * 30, WIDTH - 100, 280):
            draw.rectangle((x, y, x + 230, y + depth * 0.55), fill=(72, 110, 72), outline=(40, 64, 40), width=3)
            draw.rectangle((x + 150, y + 6, x + 220, y + depth * 0.45), fill=(196, 170, 210))
    return _jpeg(image)


def rain_radar() -> bytes:
    """A radar map: a band of rain, heaviest over the hills, across a river line."""
    rng = random.Random(3)
    image = Image.new("RGB", (WIDTH, HEIGHT), (44, 58, 52))
    draw = ImageDraw.Draw(image)
    draw.line([(600, 0), (560, 200), (640, 420), (590, 620), (620, HEIGHT)], fill=RIVER, width=14)
    rain = Image.new("RGBA", image.size, (0, 0, 0, 0))
    painter = ImageDraw.Draw(rain)
    for colour, count, spread in (((60, 180, 80, 150), 40, 220), ((230, 210, 60, 170), 22, 130),
                                  ((220, 60, 50, 190), 10, 60)):
        for _cell in range(count):
            x = rng.randint(250, 950)
            y = int(260 - (x - 600) * 0.25) + rng.randint(-spread, spread) // 2
            r = rng.randint(40, 90)
            painter.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    image = Image.alpha_composite(image.convert("RGBA"), rain.filter(ImageFilter.GaussianBlur(18)))
    label = ImageDraw.Draw(image)
    label.ellipse((586, 584, 614, 612), fill=(250, 250, 250))
    label.text((630, 580), "Marrowby", fill=(250, 250, 250), font=_font(30))
    return _jpeg(image)


def _metres(level: float) -> float:
    """The y of a river level on the gauge chart: 0 m at y = 700, 5.5 m at y = 80."""
    return 700 - 620 * level / 5.5


def river_gauge() -> bytes:
    """A line chart of the river climbing towards the 4.6 metre walls."""
    image = Image.new("RGB", (WIDTH, HEIGHT), (250, 250, 246))
    draw = ImageDraw.Draw(image)
    left, right = 140, 1140
    for m in range(6):
        draw.line((left, _metres(m), right, _metres(m)), fill=(222, 222, 216), width=2)
        draw.text((60, _metres(m) - 16), f"{m} m", fill=(80, 80, 80), font=_font(28))
    for x in range(left, right, 36):
        draw.line((x, _metres(4.6), x + 20, _metres(4.6)), fill=(200, 40, 40), width=5)
    draw.text((right - 300, _metres(4.6) - 44), "Flood walls 4.6 m", fill=(200, 40, 40), font=_font(30))
    readings = (0.9, 0.95, 1.1, 1.5, 2.1, 2.7, 3.2, 3.42, 3.7, 3.91)
    step = (right - 200 - left) / (len(readings) - 1)
    points = [(left + i * step, _metres(m)) for i, m in enumerate(readings)]
    draw.line(points, fill=RIVER, width=10, joint="curve")
    draw.ellipse((points[-1][0] - 14, points[-1][1] - 14, points[-1][0] + 14, points[-1][1] + 14), fill=RIVER)
    draw.text((left, 730), "River Sennet at Sennet Bridge, last 30 hours", fill=(60, 60, 60), font=_font(30))
    return _jpeg(image)


def evacuation_map() -> bytes:
    """A street map with the river across it and the evacuated area shaded red."""
    image = Image.new("RGB", (WIDTH, HEIGHT), (238, 232, 214))
    draw = ImageDraw.Draw(image, "RGBA")
    river = [(0, 330), (260, 360), (520, 320), (800, 380), (1200, 350)]
    zone = [(120, 370), (520, 340), (820, 400), (1000, 390), (980, 620), (560, 660), (160, 600)]
    draw.polygon(zone, fill=(214, 48, 48, 90), outline=(190, 30, 30, 255))
    for y in range(120, HEIGHT, 110):
        draw.line((0, y + 30, WIDTH, y - 30), fill=(255, 255, 255), width=9)
    for x in range(90, WIDTH, 170):
        draw.line((x, 0, x + 60, HEIGHT), fill=(255, 255, 255), width=9)
    draw.line(river, fill=RIVER, width=46, joint="curve")
    font = _font(30)
    draw.text((60, 250), "River Sennet", fill=(40, 70, 90), font=font)
    draw.text((420, 520), "Riverside estate", fill=(120, 20, 20), font=font)
    draw.text((700, 150), "Market Square", fill=(70, 70, 70), font=font)
    draw.rectangle((40, 720, 80, 750), fill=(214, 48, 48))
    draw.text((95, 718), "Evacuation order in force", fill=(60, 60, 60), font=font)
    return _jpeg(image)


SCENES: dict[str, Callable[[], bytes]] = {
    painter.__name__: painter
    for painter in (flooded_street, receding_water, sandbags, rescue_boat, rest_centre,
                    rain_radar, river_gauge, evacuation_map)
}


def draw(scene: str) -> bytes:
    """Draw the named scene and return it as JPEG bytes."""
    try:
        painter = SCENES[scene]
    except KeyError:
        raise ValueError(f"No demo scene named {scene!r}; there are {', '.join(sorted(SCENES))}.") from None
    return painter()
