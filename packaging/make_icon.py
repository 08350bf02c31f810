"""Draw the application icon: resources/icons/app.svg, app.png (256 px) and app.ico (16–256 px).

    python packaging/make_icon.py

A ledger page with a checkmark seal on a deep red tile. One geometry (on a 256-unit grid) feeds both the
SVG and the Pillow raster, so the two never drift apart. Sizes of 24 px and below get a simplified
drawing (no ruled lines, no folded corner, a bigger seal): at that size detail only turns into grey mush.

Pillow is a packaging-time tool only (the "packaging" extra); the program never imports it.
"""

from __future__ import annotations

import argparse
import io
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parent.parent
ICON_DIR = REPO / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # what Windows Explorer, the taskbar and Start ask for
SMALL_MAX = 24  # at and below this size the simplified drawing is used
SUPERSAMPLE = 8  # draw this many times larger, then downscale: cheap anti-aliasing

GRID = 256
TILE_RED = "#A3191F"  # deep 中国红, dark enough for white to read on it
TILE_EDGE = "#7A1217"
PAPER = "#FFFFFF"
FOLD = "#E8D9D9"
RULE = "#C7B3B3"
SEAL = "#E8B130"  # gold seal
CHECK = "#A3191F"


@dataclass(frozen=True)
class Geometry:
    tile_radius: float
    doc: tuple[float, float, float, float]  # left, top, right, bottom
    fold: float  # size of the folded top-right corner, 0 for none
    rules: tuple[tuple[float, float, float], ...]  # (x0, x1, y) ruled lines
    rule_width: float
    seal_center: tuple[float, float]
    seal_radius: float
    seal_ring: float  # red ring that separates the seal from the paper
    check: tuple[tuple[float, float], ...]
    check_width: float


FULL = Geometry(
    tile_radius=44,
    doc=(56, 30, 176, 214),
    fold=34,
    rules=((78, 154, 82), (78, 154, 110), (78, 132, 138)),
    rule_width=11,
    seal_center=(176, 180),
    seal_radius=52,
    seal_ring=10,
    check=((150, 181), (168, 199), (202, 161)),
    check_width=15,
)

SMALL = Geometry(
    tile_radius=40,
    doc=(44, 22, 168, 214),
    fold=0,
    rules=((72, 140, 70),),
    rule_width=22,
    seal_center=(172, 170),
    seal_radius=72,
    seal_ring=14,
    check=((134, 172), (160, 198), (208, 144)),
    check_width=26,
)


def _document_outline(g: Geometry) -> list[tuple[float, float]]:
    left, top, right, bottom = g.doc
    if g.fold <= 0:
        return [(left, top), (right, top), (right, bottom), (left, bottom)]
    return [(left, top), (right - g.fold, top), (right, top + g.fold), (right, bottom), (left, bottom)]


def render(size: int) -> Image.Image:
    """The icon at `size` px, RGBA."""
    g = SMALL if size <= SMALL_MAX else FULL
    canvas = size * SUPERSAMPLE
    k = canvas / GRID

    def s(value: float) -> float:
        return value * k

    def pt(point: tuple[float, float]) -> tuple[float, float]:
        return (s(point[0]), s(point[1]))

    image = Image.new("RGBA", (canvas, canvas), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    tile = (s(4), s(4), s(252), s(252))
    draw.rounded_rectangle(tile, radius=s(g.tile_radius), fill=TILE_RED, outline=TILE_EDGE, width=round(s(4)))
    draw.polygon([pt(p) for p in _document_outline(g)], fill=PAPER)
    if g.fold > 0:
        _, top, right, _ = g.doc
        corner = [(right - g.fold, top), (right - g.fold, top + g.fold), (right, top + g.fold)]
        draw.polygon([pt(p) for p in corner], fill=FOLD)
    for x0, x1, y in g.rules:
        _round_line(draw, [pt((x0, y)), pt((x1, y))], s(g.rule_width), RULE)
    cx, cy = g.seal_center
    outer = g.seal_radius + g.seal_ring
    draw.ellipse((s(cx - outer), s(cy - outer), s(cx + outer), s(cy + outer)), fill=TILE_RED)
    r = g.seal_radius
    draw.ellipse((s(cx - r), s(cy - r), s(cx + r), s(cy + r)), fill=SEAL)
    _round_line(draw, [pt(p) for p in g.check], s(g.check_width), CHECK)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def _round_line(
    draw: ImageDraw.ImageDraw, points: list[tuple[float, float]], width: float, colour: str
) -> None:
    """A polyline with round caps and joins (Pillow's own caps are square)."""
    draw.line(points, fill=colour, width=round(width), joint="curve")
    radius = width / 2
    for x, y in points:
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)


def svg() -> str:
    """The full-size drawing as SVG (for the Qt window icon at any scale and for documentation)."""
    g = FULL
    _, top, right, _ = g.doc
    outline = " ".join(f"{x:g},{y:g}" for x, y in _document_outline(g))
    fold = f"{right - g.fold:g},{top:g} {right - g.fold:g},{top + g.fold:g} {right:g},{top + g.fold:g}"
    rules = "\n".join(
        f'  <line x1="{x0:g}" y1="{y:g}" x2="{x1:g}" y2="{y:g}"'
        f' stroke="{RULE}" stroke-width="{g.rule_width:g}" stroke-linecap="round"/>'
        for x0, x1, y in g.rules
    )
    cx, cy = g.seal_center
    check = " ".join(f"{x:g},{y:g}" for x, y in g.check)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by packaging/make_icon.py; edit the script, not this file. -->
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>政务公开台账</title>
  <rect x="6" y="6" width="244" height="244" rx="{g.tile_radius:g}"
        fill="{TILE_RED}" stroke="{TILE_EDGE}" stroke-width="4"/>
  <polygon points="{outline}" fill="{PAPER}"/>
  <polygon points="{fold}" fill="{FOLD}"/>
{rules}
  <circle cx="{cx:g}" cy="{cy:g}" r="{g.seal_radius + g.seal_ring:g}" fill="{TILE_RED}"/>
  <circle cx="{cx:g}" cy="{cy:g}" r="{g.seal_radius:g}" fill="{SEAL}"/>
  <polyline points="{check}" fill="none" stroke="{CHECK}" stroke-width="{g.check_width:g}"
            stroke-linecap="round" stroke-linejoin="round"/>
</svg>
"""


def ico_bytes(frames: list[Image.Image]) -> bytes:
    """An .ico holding each frame as drawn: 32-bit BMP below 256 px, PNG at 256 px.

    That split is what Windows' own icons use and what every icon reader (Explorer, the resource
    compiler PyInstaller drives, Inno Setup) understands. Pillow's ICO writer stores every size as PNG
    and rescales the largest frame, which would lose the simplified small drawing.
    """
    images = [_png_bytes(frame) if frame.width >= 256 else _bmp_bytes(frame) for frame in frames]
    header = struct.pack("<HHH", 0, 1, len(frames))
    offset = len(header) + 16 * len(frames)
    entries = b""
    for frame, data in zip(frames, images, strict=True):
        side = frame.width % 256  # 0 stands for 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(images)


def _png_bytes(frame: Image.Image) -> bytes:
    buffer = io.BytesIO()
    frame.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _bmp_bytes(frame: Image.Image) -> bytes:
    """BITMAPINFOHEADER (height doubled: colour rows, then the AND mask), BGRA rows bottom-up, mask."""
    width, height = frame.size
    raw = frame.convert("RGBA").tobytes()
    stride = width * 4
    mask_stride = (width + 31) // 32 * 4
    pixels = bytearray()
    mask = bytearray()
    for y in reversed(range(height)):
        rgba = raw[y * stride : (y + 1) * stride]
        bgra = bytearray(rgba)
        bgra[0::4], bgra[2::4] = rgba[2::4], rgba[0::4]
        pixels += bgra
        row = bytearray(mask_stride)
        for x, alpha in enumerate(rgba[3::4]):
            if alpha == 0:  # transparent also for readers that ignore the alpha channel
                row[x // 8] |= 0x80 >> (x % 8)
        mask += row
    info = struct.pack("<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0, len(pixels) + len(mask), 0, 0, 0, 0)
    return info + bytes(pixels) + bytes(mask)


def write_icons(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    frames = {size: render(size) for size in ICO_SIZES}
    png = folder / "app.png"
    frames[256].save(png, optimize=True)
    ico = folder / "app.ico"
    ico.write_bytes(ico_bytes([frames[n] for n in ICO_SIZES]))
    svg_file = folder / "app.svg"
    svg_file.write_text(svg(), encoding="utf-8", newline="\n")
    return [ico, png, svg_file]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ICON_DIR, help="output folder (default: resources/icons)")
    parser.add_argument("--preview", type=Path, help="also write a sheet of every ICO size to this PNG")
    args = parser.parse_args(argv)
    for path in write_icons(args.out):
        print(f"wrote {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")
    if args.preview:
        sheet = Image.new("RGBA", (sum(ICO_SIZES) + 10 * len(ICO_SIZES) + 10, 276), "#F0F0F0")
        x = 10
        for size in ICO_SIZES:
            sheet.paste(render(size), (x, 10))
            x += size + 10
        sheet.save(args.preview)
    return 0


if __name__ == "__main__":
    sys.exit(main())
