"""What the planning screens share: an edit through the store gateway, then a fresh load of the screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from imr_tui.errors import UserError
from imr_tui.screens.base import BaseScreen

if TYPE_CHECKING:
    from imr_tui.store import Store


class PlanningScreen(BaseScreen):
    def reload(self) -> None:
        raise NotImplementedError

    def load(self) -> None:
        """Read the screen's data again (ctrl+z calls it when another window changed something)."""
        self.reload()

    def store_edit(self, call: Callable[[Store], Any], notice: str | Callable[[Any], str] | None = None, *, what: str = "", then: Callable[[Any], None] | None = None) -> None:
        """Store an edit the screen already shows; a refusal is a warning, a success `notice`; then the screen reloads."""

        def done(result: Any) -> None:
            text = notice(result) if callable(notice) else notice
            if text:
                self.notify(text)
            if then is not None:
                then(result)
            self.reload()

        def refused(error: BaseException) -> bool:
            if not isinstance(error, UserError):
                return False
            self.notify(error.message, severity="warning", timeout=8)
            self.reload()  # back to what is stored
            return True

        self.write(call, done, failed=refused, what=what)
