"""One line under a screen naming the keys its footer has no room for: every key stays findable."""

from __future__ import annotations

from textual.widgets import Static

from imr_tui.i18n import _

ALWAYS = ("ctrl+z", "f1")
"""The app's keys worth saying on every screen that has a hint line (undo, help)."""


class MoreKeys(Static):
    DEFAULT_CSS = """
    MoreKeys { color: $text-muted; height: auto; padding: 0 1; }
    """

    def on_mount(self) -> None:
        self.show_keys()

    def show_keys(self) -> None:
        """From the keys the screen declares (not the ones active now, which follow the focus)."""
        from textual.binding import Binding

        shown: set[str] = set()
        parts = []
        own = [binding for cls in type(self.screen).__mro__ for binding in cls.__dict__.get("BINDINGS", ()) if isinstance(binding, Binding)]
        app_keys = [binding for binding in getattr(type(self.app), "BINDINGS", ()) if isinstance(binding, Binding) and binding.key in ALWAYS]
        for binding in [*own, *app_keys]:
            # Only the app's own keys (they have ids); f2 is offered where a read failed.
            if binding.show or not binding.description or not binding.id or binding.id == "app.retry" or {binding.action, binding.key} & shown:
                continue
            shown.update({binding.action, binding.key})
            parts.append(f"{self.app.get_key_display(binding)} {_(binding.description).lower()}")
        self.update(_("More keys: {keys}").format(keys=" · ".join(parts)) if parts else "")
