"""Draw the program's icon (「学」 in white on the accent blue, rounded) into resources/icons/:
studyapp.ico (16–256 px, for the Windows executable and its shortcuts) and studyapp.png (the
window icon). Run again after changing the design; the files are committed.

    .venv/bin/python scripts/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
ACCENT = (29, 95, 168, 255)  # ui.style.ACCENT


def draw(size: int = 512) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    d.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=ACCENT)
    font = ImageFont.truetype(str(ROOT / "resources" / "fonts" / "wqy-microhei.ttc"), int(size * 0.72))
    box = d.textbbox((0, 0), "学", font=font)
    w, h = box[2] - box[0], box[3] - box[1]
    d.text(((size - w) / 2 - box[0], (size - h) / 2 - box[1]), "学", font=font, fill="white")
    return image


def main() -> None:
    out = ROOT / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.resize((256, 256), Image.LANCZOS).save(out / "studyapp.png")
    image.save(out / "studyapp.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    print(f"wrote {out / 'studyapp.ico'} and {out / 'studyapp.png'}")


if __name__ == "__main__":
    main()
