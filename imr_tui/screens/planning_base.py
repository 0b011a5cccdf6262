"""What the planning screens share: store edits in a worker, then a fresh load of the screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual import work
from textual.message import Message

from imr_tui.errors import UserError
from imr_tui.screens.base import BaseScreen

T = TypeVar("T")


class PlanningScreen(BaseScreen):
    class Changed(Message):
        """The store took an edit: the screen loads its data again."""

    def reload(self) -> None:
        raise NotImplementedError

    def on_planning_screen_changed(self) -> None:
        self.reload()

    @work(thread=True, group="planning-edit")
    def run_store_action(self, action: Callable[[], T], notice: str | Callable[[T], str] | None = None) -> None:
        """Run an edit; a refusal is shown as a warning, a success as `notice`, then the screen reloads."""
        try:
            result = action()
        except UserError as error:
            self.app.notify(error.message, severity="warning", timeout=8)
            return
        text = notice(result) if callable(notice) else notice
        if text:
            self.app.notify(text)
        self.post_message(self.Changed())
