"""What a screen needs to use the gateway: ask, get the answer, show what failed.

Mixed into the app's screens and modals. A failed read is shown on the screen that asked,
with f2 to try again; a refused write is said in a notification (what the therapist typed
stays on the screen); writes that wait for the store are shown by `StoreStatus`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from imr_tui.gateway.messages import StoreAnswered, StoreFailed
from imr_tui.gateway.request import Kind, StoreRequest
from imr_tui.i18n import _

if TYPE_CHECKING:
    from imr_tui.gateway.gateway import StoreGateway
    from imr_tui.store import Store
    from imr_tui.store.first_reader import FirstReader


class StoreClient:
    """Screens call `self.read(...)` and `self.write(...)`; never the store itself."""

    failed_read: StoreRequest | None = None
    _unanswered_writes: int = 0
    _unanswered_reads: int = 0
    _reads_due: int = 0
    _after_saves: list[Callable[[], object]] | None = None

    @property
    def gateway(self) -> StoreGateway:
        return self.app.gateway  # type: ignore[attr-defined]

    def read(
        self, call: Callable[[Store], Any], answer: Callable[[Any], object] | None = None, *,
        failed: Callable[[BaseException], bool] | None = None, early: Callable[[FirstReader], Any] | None = None,
    ) -> StoreRequest:  # fmt: skip
        """`early`, for the first screen: the same answer from the first reader while the store opens."""
        self._unanswered_reads += 1
        return self.gateway.read(self, call, answer, failed=failed, early=early)  # type: ignore[arg-type]

    def read_after_refresh(self, start: Callable[[], object]) -> None:
        """Start a reading once the screen has painted what it has; counted as reading meanwhile."""
        self._reads_due += 1

        def due() -> None:
            self._reads_due -= 1
            start()

        self.call_after_refresh(due)  # type: ignore[attr-defined]

    @property
    def reading(self) -> bool:
        """True while a reading this screen asked for has not been answered and shown."""
        return self._unanswered_reads > 0 or self._reads_due > 0

    def _read_answered(self) -> None:
        self._unanswered_reads = max(0, self._unanswered_reads - 1)

    def write(self, call: Callable[[Store], Any], answer: Callable[[Any], object] | None = None, *, what: str = "", failed: Callable[[BaseException], bool] | None = None) -> StoreRequest:
        self._unanswered_writes += 1
        return self.gateway.write(self, call, answer, failed=failed, what=what)  # type: ignore[arg-type]

    def after_saves(self, then: Callable[[], object]) -> None:
        """Run `then` once this screen's writes are stored (closing a window, say).

        If one of them meets another window's text, `then` is dropped: the therapist chooses
        first, and closes again. While the store is unreachable the writes stay queued for the
        app and `then` runs at once: leaving a screen never waits for a server.
        """
        if self._unanswered_writes == 0 or self.gateway.problem:
            then()
            return
        self._after_saves = [*(self._after_saves or []), then]

    def _write_answered(self, refused: bool) -> None:
        self._unanswered_writes = max(0, self._unanswered_writes - 1)
        if refused:
            self._after_saves = None
        elif self._unanswered_writes == 0 and self._after_saves:
            waiting, self._after_saves = self._after_saves, None
            for then in waiting:
                then()

    def changed(self, what: str, undo: Callable[[Store], Any], show_undone: Callable[[], None] | None = None) -> None:
        """Log a change this screen just made, with the store call that takes it back (ctrl+z)."""
        from imr_tui.undo import Change

        self.app.undo_log.add(Change(what, undo, self, show_undone))  # type: ignore[attr-defined, arg-type]

    def on_store_answered(self, message: StoreAnswered) -> None:
        if message.request is self.failed_read or (self.failed_read is not None and message.request.kind is Kind.READ):
            self.failed_read = None
            self.show_read_problem(None)
        try:
            if message.request.answer is not None:
                message.request.answer(message.result)
        finally:
            if message.request.is_write:
                self._write_answered(refused=False)
            else:
                self._read_answered()

    def on_store_failed(self, message: StoreFailed) -> None:
        request = message.request
        if request.is_write:
            self._write_answered(refused=True)
        else:
            self._read_answered()
        if request.failed is not None and request.failed(message.error):
            return
        if request.kind is Kind.READ:
            self.failed_read = request
            self.show_read_problem(message.explanation)
            if hasattr(self, "loading"):
                self.loading = False  # type: ignore[has-type]
        else:
            what = request.what or _("a change")
            self.notify(_("Not saved: {what}. {reason}").format(what=what, reason=message.explanation), severity="error", timeout=15)  # type: ignore[attr-defined]

    def show_read_problem(self, explanation: str | None) -> None:
        from imr_tui.widgets.store_status import StoreStatus

        for status in self.query(StoreStatus):  # type: ignore[attr-defined]
            status.read_problem = explanation
            return
        if explanation is not None:
            self.notify(_("Could not read from the database: {reason}").format(reason=explanation), severity="error", timeout=15)  # type: ignore[attr-defined]

    def action_retry_store(self) -> None:
        """f2: the failed read again, and any waiting write at once."""
        request = self.failed_read
        if request is not None:
            self.failed_read = None
            self.show_read_problem(None)
            if not request.is_write:
                self._unanswered_reads += 1
            self.gateway.submit(StoreRequest(request.kind, request.call, request.owner, request.answer, request.failed, request.what, request.early))
        self.gateway.retry_now()
