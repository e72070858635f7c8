#!/usr/bin/env python3
"""Scanned versions of the seed PDFs, as office scanners save them. Profiles:

  bilevel (corpus/scan/): each page of corpus/pdf/<stem>.pdf rasterized at 200 dpi
      (pdftoppm), turned by a slight angle (0.5-1.5 degrees, either way), given
      noise and a little blur, thresholded to black and white with dust specks,
      stored CCITT G4.
  gray (corpus/scan-gray/): grey JPEG pages (quality 75) at 200 dpi, turned by
      0.3-1.2 degrees, a little blur and noise, the scanner's grey paper and
      not-quite-black ink (thin rules come out faint).
  color (corpus/scan-color/): colour JPEG pages at 200-300 dpi on a tinted paper,
      with a red round stamp over the left part of every signature (and the title
      line above it) and a blue signature scrawl between title and name.

Deterministic: every random choice (angles, noise, stamp) comes from a generator
seeded with the profile and stem. Fixture-making only; needs poppler-utils
(pdftoppm, pdftotext) and Pillow (pip install Pillow).

Usage: scripts/make_scans.py [--profile bilevel|gray|color|all] [PDF...]
"""
import argparse
import glob
import math
import os
import random
import re
import subprocess
import tempfile

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

DPI = 200
OUT = {"bilevel": "corpus/scan", "gray": "corpus/scan-gray", "color": "corpus/scan-color"}
# A grey or colour JPEG page weighs 250-600 KB: the JPEG profiles scan only the
# seeds with gold whose pages keep each folder near 10 MB (tables, stamps, headers).
SEEDS = {"gray": ["000_1565e888bd593adb", "002_1959aaa17098eaac"], "color": ["002_1959aaa17098eaac", "004_7a78778d670c068a"]}
STAMP_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def pages_of(pdf, tmp, dpi, gray=True):
    """Rasterizes `pdf` to PNG pages; returns their paths in page order."""
    prefix = os.path.join(tmp, "p")
    mode = ["-gray"] if gray else []
    subprocess.run(["pdftoppm", "-r", str(dpi), *mode, "-png", pdf, prefix], check=True)
    return sorted(glob.glob(prefix + "*.png"), key=lambda p: int(p.rsplit("-", 1)[1].split(".")[0]))


def noise_field(size, rng, tile=256):
    """Uniform grey noise (0-255) of `size`, from `rng` (a tiled random field, shifted per row of tiles)."""
    field = Image.frombytes("L", (tile, tile), bytes(rng.randrange(256) for _ in range(tile * tile)))
    out = Image.new("L", size)
    for ty in range(0, size[1], tile):
        shift = rng.randrange(tile)
        row = ImageChops.offset(field, shift, 0)
        for tx in range(0, size[0], tile):
            out.paste(row, (tx, ty))
    return out


def bilevel(page, rng):
    """One page as a black-and-white scanner gives it: turned by a slight angle,
    grey noise and a little blur, thresholded, with dust specks."""
    angle = rng.uniform(0.5, 1.5) * rng.choice([-1, 1])
    img = Image.open(page).convert("L")
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    img = Image.blend(img, Image.effect_noise(img.size, 40), 0.12).filter(ImageFilter.GaussianBlur(0.6))
    bw = img.point(lambda v: 255 if v > 160 else 0)
    # Specks where a second noise field is three sigmas below its mean (about 0.1 % of pixels).
    specks = Image.effect_noise(img.size, 40).point(lambda v: 255 if v < 8 else 0)
    bw = Image.composite(Image.new("L", img.size, 0), bw, specks)
    return bw.convert("1"), angle


def grey_scan(img, rng, paper, ink):
    """Turned by a slight angle, blurred a little, with faint noise; white maps to
    `paper` and black to `ink` (grey levels or RGB triples, per band)."""
    angle = rng.uniform(0.3, 1.2) * rng.choice([-1, 1])
    fill = 255 if img.mode == "L" else (255, 255, 255)
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=fill).filter(ImageFilter.GaussianBlur(1.0))
    noise = noise_field(img.size, rng).point(lambda v: 128 + (v - 128) // 24)  # +-5 grey levels
    if img.mode == "L":
        img = ImageChops.add(img, noise, 1.0, -128)
        return img.point(lambda v: ink + (paper - ink) * v // 255), angle
    bands = [ImageChops.add(b, noise, 1.0, -128) for b in img.split()]
    bands = [b.point(lambda v, p=p, k=k: k + (p - k) * v // 255) for b, p, k in zip(bands, paper, ink)]
    return Image.merge("RGB", bands), angle


def signatures(pdf, page_no, scale):
    """Signature blocks on a page (pixels at `scale` px/pt): after every `Nơi
    nhận:`, the box of the signer's lines (`TM.`/`KT.`/`CHỦ TỊCH` ... name),
    wherever the layout puts them."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page_no), "-l", str(page_no), pdf, "-"],
                          check=True, capture_output=True, text=True).stdout
    words = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]
    blocks = []
    for i, w in enumerate(words):
        if w[4] != "Nơi" or i + 1 >= len(words) or not words[i + 1][4].startswith("nhận"):
            continue
        title = next((v for v in words[i + 2:] if v[4] in ("TM.", "KT.", "CHỦ", "PHÓ", "Q.")), None)
        if title is None:
            continue
        line = title[3] - title[1]
        block = [v for v in words if title[1] - 2 <= v[1] <= title[1] + 4.5 * line and v[0] >= title[0] - 5]
        box = [min(v[0] for v in block), min(v[1] for v in block), max(v[2] for v in block), max(v[3] for v in block)]
        blocks.append([c * scale for c in box])
    return blocks


def draw_stamp(img, center, radius, rng):
    """A red round seal multiplied onto `img`: two rings, lettering round the rim, a star."""
    size = int(radius * 2 + 8)
    layer = Image.new("RGB", (size, size), (255, 255, 255))
    d = ImageDraw.Draw(layer)
    c = size / 2
    red = (200, 35, 45)
    for r, w in ((radius, max(3, radius // 28)), (radius * 0.68, max(2, radius // 45))):
        d.ellipse([c - r, c - r, c + r, c + r], outline=red, width=int(w))
    font = ImageFont.truetype(STAMP_FONT, int(radius * 0.16))
    text = "ỦY BAN NHÂN DÂN * TỈNH LÂM ĐỒNG * "
    for k, ch in enumerate(text):
        a = 2 * math.pi * k / len(text) - math.pi / 2
        glyph = Image.new("L", (int(radius * 0.3),) * 2, 0)
        ImageDraw.Draw(glyph).text((glyph.width / 2, glyph.height / 2), ch, fill=255, font=font, anchor="mm")
        glyph = glyph.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
        r = radius * 0.84
        pos = (int(c + r * math.cos(a) - glyph.width / 2), int(c + r * math.sin(a) - glyph.height / 2))
        layer.paste(Image.new("RGB", glyph.size, red), pos, glyph)
    star = [(c + (radius * 0.3 if k % 2 == 0 else radius * 0.12) * math.cos(math.pi * k / 5 - math.pi / 2),
             c + (radius * 0.3 if k % 2 == 0 else radius * 0.12) * math.sin(math.pi * k / 5 - math.pi / 2)) for k in range(10)]
    d.polygon(star, fill=red)
    # Uneven ink: lighten the seal in blotches.
    blotch = noise_field(layer.size, rng, 64).filter(ImageFilter.GaussianBlur(6)).point(lambda v: max(0, v - 120) * 2)
    layer = ImageChops.lighter(layer, Image.merge("RGB", [blotch] * 3))
    layer = layer.rotate(rng.uniform(0, 360), resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    box = (int(center[0] - size / 2), int(center[1] - size / 2))
    region = img.crop((box[0], box[1], box[0] + size, box[1] + size))
    img.paste(ImageChops.multiply(region, layer), box)


def draw_scrawl(img, box, rng, scale):
    """A blue signature: a few looping strokes across the block's middle."""
    d = ImageDraw.Draw(img)
    blue = (30, 50, 160)
    x0, x1 = box[0] + (box[2] - box[0]) * 0.3, box[0] + (box[2] - box[0]) * 0.8
    y = (box[1] + box[3]) / 2
    amp = 10 * scale
    points = []
    for k in range(120):
        t = k / 119
        points.append((x0 + (x1 - x0) * t + amp * 0.8 * math.sin(t * 19 + 1), y + amp * math.sin(t * 13 + rng.uniform(-0.2, 0.2)) * (1 - t * 0.5)))
    d.line(points, fill=blue, width=max(2, int(1.2 * scale)), joint="curve")


def scan(pdf, profile):
    stem = os.path.splitext(os.path.basename(pdf))[0]
    rng = random.Random(stem if profile == "bilevel" else f"{profile}:{stem}")
    dpi = DPI if profile != "color" else rng.choice([200, 240, 300])
    with tempfile.TemporaryDirectory() as tmp:
        images, angles = [], []
        for n, page in enumerate(pages_of(pdf, tmp, dpi, gray=profile != "color"), start=1):
            if profile == "bilevel":
                img, angle = bilevel(page, rng)
            elif profile == "gray":
                img, angle = grey_scan(Image.open(page).convert("L"), rng, 236, 28)
            else:
                img = Image.open(page).convert("RGB")
                for box in signatures(pdf, n, dpi / 72):
                    draw_scrawl(img, box, rng, dpi / 72)
                    radius = 17 / 25.4 * dpi  # a 34 mm seal
                    draw_stamp(img, (box[0] + radius * 0.6, (box[1] + box[3]) / 2), int(radius), rng)
                img, angle = grey_scan(img, rng, (246, 243, 232), (35, 35, 45))
            images.append(img)
            angles.append(round(angle, 2))
        out = os.path.join(OUT[profile], stem + ".pdf")
        extra = {} if profile == "bilevel" else {"quality": 75 if profile == "gray" else 60, "optimize": True}
        images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:], **extra)
    print(f"{out}: {len(images)} pages at {dpi} dpi, angles {angles}, {os.path.getsize(out) // 1024} KB")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--profile", choices=[*OUT, "all"], default="bilevel")
    ap.add_argument("pdfs", nargs="*")
    args = ap.parse_args()
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    pdfs = args.pdfs or sorted(glob.glob("corpus/pdf/*.pdf"))
    if not pdfs:
        raise SystemExit("no PDFs in corpus/pdf (run scripts/make_pdf.sh first)")
    for profile in OUT if args.profile == "all" else [args.profile]:
        os.makedirs(OUT[profile], exist_ok=True)
        for pdf in args.pdfs or [f"corpus/pdf/{s}.pdf" for s in SEEDS.get(profile, [])] or pdfs:
            scan(pdf, profile)


if __name__ == "__main__":
    main()
