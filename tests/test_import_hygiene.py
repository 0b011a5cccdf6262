"""Screens and widgets never import the database layer: each module, imported alone in a fresh
Python, leaves SQLAlchemy, SQLModel and the table models out of `sys.modules`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import imr_tui

PACKAGE = Path(imr_tui.__file__).parent
FORBIDDEN = ("sqlalchemy", "sqlmodel", "imr_tui.models")


def ui_modules() -> list[str]:
    found = []
    for folder in ("screens", "widgets"):
        for path in sorted((PACKAGE / folder).glob("*.py")):
            if path.stem != "__init__":
                found.append(f"imr_tui.{folder}.{path.stem}")
    return found


CHECK = """
import importlib, sys
importlib.import_module({module!r})
print(",".join(name for name in {forbidden!r} if name in sys.modules))
"""

@pytest.mark.parametrize("module", ui_modules())
def test_a_screen_or_widget_does_not_import_the_database_layer(module: str) -> None:
    result = subprocess.run([sys.executable, "-c", CHECK.format(module=module, forbidden=FORBIDDEN)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} imports {result.stdout.strip()}"
