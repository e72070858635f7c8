#!/usr/bin/env python3
"""Scanned versions of the seed PDFs: each page of corpus/pdf/<stem>.pdf is
rasterized at 200 dpi (pdftoppm), turned by a slight angle (0.5-1.5 degrees,
either way), given noise and a little blur, thresholded to black and white with
dust specks, and written as an image-only PDF corpus/scan/<stem>.pdf (CCITT G4,
as office scanners store it). Deterministic: the random generator is seeded with
the stem. Fixture-making only; needs poppler-utils and Pillow (pip install Pillow).

Usage: scripts/make_scans.py [PDF...]
"""
import glob
import os
import random
import subprocess
import sys
import tempfile

from PIL import Image, ImageFilter

DPI = 200


def pages_of(pdf, tmp):
    """Rasterizes `pdf` to grey PNG pages; returns their paths in page order."""
    prefix = os.path.join(tmp, "p")
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", pdf, prefix], check=True)
    return sorted(glob.glob(prefix + "*.png"), key=lambda p: int(p.rsplit("-", 1)[1].split(".")[0]))


def scanned(page, rng):
    """One page as an office scanner gives it: turned by a slight angle, grey
    noise and a little blur, thresholded to black and white, with dust specks."""
    angle = rng.uniform(0.5, 1.5) * rng.choice([-1, 1])
    img = Image.open(page).convert("L")
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    img = Image.blend(img, Image.effect_noise(img.size, 40), 0.12).filter(ImageFilter.GaussianBlur(0.6))
    bw = img.point(lambda v: 255 if v > 160 else 0)
    # Specks where a second noise field is three sigmas below its mean (about 0.1 % of pixels).
    specks = Image.effect_noise(img.size, 40).point(lambda v: 255 if v < 8 else 0)
    bw = Image.composite(Image.new("L", img.size, 0), bw, specks)
    return bw.convert("1"), angle


def scan(pdf, out_dir):
    stem = os.path.splitext(os.path.basename(pdf))[0]
    rng = random.Random(stem)
    with tempfile.TemporaryDirectory() as tmp:
        images = []
        angles = []
        for page in pages_of(pdf, tmp):
            img, angle = scanned(page, rng)
            images.append(img)
            angles.append(round(angle, 2))
        out = os.path.join(out_dir, stem + ".pdf")
        images[0].save(out, "PDF", resolution=DPI, save_all=True, append_images=images[1:])
    print(f"{out}: {len(images)} pages, angles {angles}")


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    os.chdir(root)
    pdfs = sys.argv[1:] or sorted(glob.glob("corpus/pdf/*.pdf"))
    if not pdfs:
        sys.exit("no PDFs in corpus/pdf (run scripts/make_pdf.sh first)")
    os.makedirs("corpus/scan", exist_ok=True)
    for pdf in pdfs:
        scan(pdf, "corpus/scan")


if __name__ == "__main__":
    main()
