"""One line above the footer when the store is not keeping up: what is not saved, what failed."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from imr_tui.i18n import _, ngettext


class StoreStatus(Static):
    DEFAULT_CSS = """
    StoreStatus {
        dock: bottom;
        height: auto;
        max-height: 4;
        padding: 0 1;
        background: $warning-muted;
        color: $text;
        display: none;
    }
    StoreStatus.-failed { background: $error-muted; }
    /* Docked widgets on one edge overlap: this one stands on the footer's line, not under it. */
    StoreStatus.-above-footer { margin-bottom: 1; }
    """

    read_problem: reactive[str | None] = reactive(None)
    """Why this screen's last reading failed, until it is read again."""

    def on_mount(self) -> None:
        self.watch(self.app, "store_queue", self.show, init=True)

    def watch_read_problem(self) -> None:
        self.show()

    def show(self, _queue: object = None) -> None:
        waiting, problem = getattr(self.app, "store_queue", (0, None))
        lines = []
        if waiting and problem:
            lines.append(
                ngettext("● Not saved yet: {count} change. {reason} f2 tries now.", "● Not saved yet: {count} changes. {reason} f2 tries now.", waiting).format(count=waiting, reason=problem)
            )
        if self.read_problem:
            lines.append(_("⚠ Could not read from the database: {reason} f2 tries again.").format(reason=self.read_problem))
        self.set_class(bool(self.read_problem), "-failed")
        self.update("\n".join(lines))
        self.display = bool(lines)
