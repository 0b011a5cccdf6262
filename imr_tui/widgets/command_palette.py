"""Textual's command palette with its own words in the reader's language."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual import command
from textual.widgets.option_list import Option

from imr_tui.i18n import _


class CommandPalette(command.CommandPalette):
    """The palette, saying "no matches" in the active language.

    Textual writes "No matches found" inside this method with no way to pass another text,
    so the method is repeated here with the text translated (Textual 8.2).
    """

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(command.CommandList).add_option(
                    Option(Align.center(Text(_("No matches found"), style="not bold")), disabled=True, id=self._NO_MATCHES)
                )
                self._list_visible = True
            else:
                self._list_visible = False  # browsing with an empty search: nothing to report

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
