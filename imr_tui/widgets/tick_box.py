"""A checkbox whose state reads without colour: a tick when on, blank when off."""

from __future__ import annotations

from textual.widgets import Checkbox


class TickBox(Checkbox):
    """Textual's checkbox shows the same X either way and tells the states apart by colour only."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # Textual reads this name
        return "✓" if self.value else " "
