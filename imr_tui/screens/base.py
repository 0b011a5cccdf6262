"""What every screen of the app shares: translated key labels, a help text, the store gateway."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.worker import Worker, WorkerState

from imr_tui.gateway.client import StoreClient
from imr_tui.i18n import N_
from imr_tui.i18n.bindings import translate_bindings

if TYPE_CHECKING:
    from imr_tui.app import IMRApp


ScreenResultT = TypeVar("ScreenResultT")
"""What a screen gives back when it is dismissed; most give nothing."""


class BaseScreen(StoreClient, Screen[ScreenResultT]):
    HELP_TEXT: ClassVar[str] = ""
    """What the screen is for, marked with N_() and shown by f1."""
    BINDINGS: ClassVar = [Binding("f2", "retry_store", N_("Try again"), id="app.retry", show=False)]
    """Merged by Textual into every screen's own bindings."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self)

    def on_mount(self) -> None:
        from textual.widgets import Footer

        from imr_tui.widgets.store_status import StoreStatus

        footers = self.query(Footer)
        self.mount(StoreStatus(classes="-above-footer" if footers else ""))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker's failure is sent to the screen that started it (it does not bubble): the app says it."""
        if event.state == WorkerState.ERROR:
            self.imr.report_worker_failure(event.worker)

    def watch_loading(self, loading: bool) -> None:
        # While a screen loads, nothing on it can take the focus, and Textual gives the focus only
        # as the screen opens: once the data is shown, the keys need the first widget that takes them.
        if not loading and self.focused is None:
            self.call_after_refresh(self.focus_first)

    def focus_first(self) -> None:
        if self.focused is not None or not self.is_current:
            return
        selector = self.AUTO_FOCUS if self.AUTO_FOCUS is not None else self.app.AUTO_FOCUS
        for widget in self.query(selector or "*"):
            if widget.focusable:
                self.set_focus(widget)
                return

    @property
    def imr(self) -> IMRApp:
        return self.app  # type: ignore[return-value]

    def log_access(self, participant_id: int) -> None:
        """Note in the audit trail that this therapist opened the person's record (helsepersonelloven § 21a)."""
        from imr_tui.domain.vocabulary import AuditAction

        self.write(lambda store: store.audit.record(AuditAction.VIEW, participant_id))


ResultT = TypeVar("ResultT")


class BaseModal(StoreClient, ModalScreen[ResultT]):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self)

    @property
    def imr(self) -> IMRApp:
        return self.app  # type: ignore[return-value]

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.imr.report_worker_failure(event.worker)
