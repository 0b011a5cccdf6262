"""The look every printed document shares: A4, margins, type sizes, spacing and colours.

The PDF renderer works in millimetres and points; the HTML renderer turns the same
numbers into CSS, so a page looks alike on paper from either.
"""

from __future__ import annotations

from pathlib import Path

PAGE_WIDTH = 210.0  # mm, A4 portrait
PAGE_HEIGHT = 297.0
MARGIN_X = 20.0
MARGIN_TOP = 18.0
MARGIN_BOTTOM = 16.0

# DejaVu Sans ships inside the package (fonts/LICENSE): æ, ø and å print on any machine.
FONTS_DIR = Path(__file__).parent / "fonts"
FONT_FAMILY = "DejaVu Sans"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
CSS_FONTS = '"DejaVu Sans", "Verdana", "Helvetica Neue", Arial, sans-serif'

# Type sizes in points. They never shrink: a long document takes more sheets (nothing under 8 pt).
KICKER = 9.5
TITLE = 21.0
DETAILS = 11.0
HEADING = 13.0
BODY = 11.0
SMALL = 9.0
"""Table headings and notes; also the cells of a wide register."""
RUNNING = 9.0
"""The title repeated on top of every sheet after the first."""
FOOTER = 8.5
"""The sheet number at the bottom ("page 2 of 3")."""
LINE_HEIGHT = 1.4
"""Line height as a multiple of the type size: generous, for readers who find text hard going."""

# Spacing in millimetres.
AFTER_HEADER = 7.0
AFTER_HEADING = 2.0
AFTER_SECTION = 6.0
BULLET_INDENT = 5.5
CELL_PADDING = 1.4
COLUMN_GAP = 3.0
CELL_GAP = 1.5
"""The padding left and right inside a table cell in a PDF (half the gap between columns)."""
BOX_PADDING = 5.0

# Lines to write on, wide enough for handwriting.
WRITING_LINE_GAP = 9.0
SIGN_ROW = 11.0

# Colours: dark ink, a calm blue for headings and rules, a pale fill for the box to fill in.
INK = "#1f2328"
MUTED = "#59636e"
ACCENT = "#1d5c78"
RULE = "#c9d3da"
BOX_FILL = "#f1f6f8"
WRITING_LINE = "#98a3ad"

MM_PER_POINT = 25.4 / 72


def line_height(points: float) -> float:
    """The height in millimetres of one line of type of `points` size."""
    return points * MM_PER_POINT * LINE_HEIGHT


def rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
