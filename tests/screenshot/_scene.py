"""Known content on a real screen, and ways to read pixels back."""

from __future__ import annotations

import io
import random
import time
import tkinter

from PIL import Image

from supportkit.screenshot import RawFrame

SCREEN_SIZE = (1280, 800)


class Scene:
    """One borderless Tk window at a known place, filled with known content."""

    def __init__(self, root: tkinter.Tk) -> None:
        self.root = root
        self.window = tkinter.Toplevel(root)
        self.window.overrideredirect(True)  # no window manager, no decorations: exact geometry
        self.canvas = tkinter.Canvas(self.window, highlightthickness=0, borderwidth=0)
        self.canvas.pack(fill="both", expand=True)
        self._images: list[tkinter.PhotoImage] = []

    def show(
        self, x: int, y: int, width: int, height: int, background: str = "#ffffff"
    ) -> tkinter.Canvas:
        """Place the window and clear it to ``background``; draw on the returned canvas."""
        self.canvas.delete("all")
        self._images.clear()
        self.canvas.configure(width=width, height=height, background=background)
        self.window.geometry(f"{width}x{height}+{x}+{y}")
        self.window.deiconify()
        self.window.lift()
        return self.canvas

    def image(self, x: int, y: int, picture: Image.Image) -> None:
        """Put a Pillow image on the canvas at (x, y), through Tk's own PNG reader."""
        buffer = io.BytesIO()
        picture.save(buffer, "PNG")
        photo = tkinter.PhotoImage(master=self.root, data=buffer.getvalue(), format="png")
        self._images.append(photo)
        self.canvas.create_image(x, y, image=photo, anchor="nw")

    def settle(self) -> None:
        """Let Tk draw everything and the X server take it."""
        for _ in range(3):
            self.root.update()
            time.sleep(0.02)

    def hide(self) -> None:
        self.window.withdraw()
        self.root.update()


def frame_pixel(frame: RawFrame, x: int, y: int) -> tuple[int, int, int]:
    """The RGB colour of the frame's pixel (x, y)."""
    offset = (y * frame.width + x) * 4
    blue, green, red = frame.data[offset : offset + 3]
    return red, green, blue


def decode(data: bytes) -> Image.Image:
    """An encoded image, decoded to RGB."""
    import io

    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGB")


def photo_like(width: int, height: int, seed: int = 7) -> Image.Image:
    """Smooth colour gradients under fine noise: deflate's worst case, like a photo or video."""
    noise = random.Random(seed).randbytes(width * height)
    grain = Image.frombytes("L", (width, height), noise).point(lambda v: v // 3)
    horizontal = Image.linear_gradient("L").resize((width, height)).rotate(90, expand=False)
    vertical = Image.linear_gradient("L").resize((width, height))
    base = Image.merge("RGB", (horizontal, vertical, horizontal.transpose(Image.FLIP_LEFT_RIGHT)))
    return Image.blend(base, Image.merge("RGB", (grain, grain, grain)), 0.35)
