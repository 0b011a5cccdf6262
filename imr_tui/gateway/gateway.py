"""The database thread: store calls one after another, in the order the screens made them."""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from imr_tui.gateway import faults
from imr_tui.gateway.messages import StoreAnswered, StoreFailed, StoreQueueChanged
from imr_tui.gateway.request import Kind, StoreRequest

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump

    from imr_tui.store import Store
    from imr_tui.store.first_reader import FirstReader

log = logging.getLogger(__name__)

FIRST_RETRY_SECONDS = 0.5
LAST_RETRY_SECONDS = 5.0


class StoreGateway:
    """Runs every store call of the app on one thread; see the package's docstring."""

    def __init__(
        self, app: App[Any], store: Callable[[], Store], *, first_reader: FirstReader | None = None,
        first_retry: float = FIRST_RETRY_SECONDS, last_retry: float = LAST_RETRY_SECONDS,
    ) -> None:  # fmt: skip
        self.app = app
        self._store = store
        self._first_reader = first_reader
        """Answers requests with an `early` call until the store is open (then closed, on this thread)."""
        self.first_retry = first_retry
        self.last_retry = last_retry
        self._queue: deque[StoreRequest | None] = deque()
        self._changed = threading.Condition()
        self._busy: StoreRequest | None = None
        self._problem: str | None = None
        self._thread = threading.Thread(target=self._run, name="store-gateway", daemon=True)

    # -- asked from the UI thread ---------------------------------------------------------

    def read(
        self, owner: MessagePump, call: Callable[[Store], Any], answer: Callable[[Any], object] | None = None, *,
        failed: Callable[[BaseException], bool] | None = None, what: str = "", early: Callable[[FirstReader], Any] | None = None,
    ) -> StoreRequest:  # fmt: skip
        """Ask the store for something; `answer` gets it on the UI thread (from `early` while the store opens, if it can)."""
        return self.submit(StoreRequest(Kind.READ, call, owner, answer, failed, what, early))

    def write(self, owner: MessagePump, call: Callable[[Store], Any], answer: Callable[[Any], object] | None = None, *, failed: Callable[[BaseException], bool] | None = None, what: str = "") -> StoreRequest:
        """Store a change the screen already shows; it is kept and retried until the store takes it."""
        return self.submit(StoreRequest(Kind.WRITE, call, owner, answer, failed, what))

    def submit(self, request: StoreRequest) -> StoreRequest:
        with self._changed:
            if self._thread.ident is None:
                self._thread.start()
            self._queue.append(request)
            self._changed.notify_all()
        if request.is_write:
            self._tell_app()
        return request

    def retry_now(self) -> None:
        """Try a waiting write at once instead of at its next turn (the therapist asked)."""
        with self._changed:
            self._changed.notify_all()

    @property
    def waiting_writes(self) -> int:
        """Writes not yet stored: queued, or being tried."""
        with self._changed:
            queued = sum(1 for request in self._queue if request is not None and request.is_write)
            return queued + (1 if self._busy is not None and self._busy.is_write else 0)

    @property
    def problem(self) -> str | None:
        """Why the first waiting write has not landed, while it has not."""
        return self._problem

    def idle(self) -> bool:
        with self._changed:
            return not self._queue and self._busy is None

    def wait_until_idle(self, timeout: float | None = None) -> bool:
        """For the app's last moments and for tests: True when everything asked has run."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._queue and self._busy is None, timeout)

    def close(self, timeout: float = 5.0) -> bool:
        """Let what is queued run (up to `timeout`), then stop the thread; True when nothing was left."""
        done = self.wait_until_idle(timeout) if self._thread.ident is not None else True
        with self._changed:
            self._queue.append(None)
            self._changed.notify_all()
        return done

    # -- the database thread --------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: bool(self._queue))
                request = self._queue.popleft()
                self._busy = request
            if request is None:
                self._close_first_reader()
                return
            self._serve(request)
            with self._changed:
                self._busy = None
                self._changed.notify_all()
            if request.is_write:
                self._tell_app()

    def _serve(self, request: StoreRequest) -> None:
        if request.early is not None and self._first_reader is not None:
            result = self._answer_early(request)
            if result is not None:
                self._deliver(request, StoreAnswered(request, result))
                return
        while True:
            request.attempts += 1
            try:
                store = self._store()
                self._close_first_reader()  # the store is open: it answers from now on
                result = request.call(store)
            except BaseException as error:  # every failure is answered; none ends the thread
                if request.is_write and _worth_another_try(error):
                    self._problem = faults.explain(error)
                    log.warning("store write %s waits: %s", request.number, type(error).__name__)
                    self._tell_app()
                    self._pause(request.attempts)
                    continue
                log.error("store %s %s failed: %s", request.kind, request.number, type(error).__name__)
                self._deliver(request, StoreFailed(request, error, faults.explain(error)))
                if request.is_write:
                    self._problem = None
                return
            if request.is_write:
                self._problem = None
            self._deliver(request, StoreAnswered(request, result))
            return

    def _answer_early(self, request: StoreRequest) -> Any:
        assert request.early is not None and self._first_reader is not None
        try:
            return request.early(self._first_reader)
        except Exception as error:  # the store answers instead, and says what is wrong if something is
            log.warning("first reader could not answer request %s: %s", request.number, type(error).__name__)
            return None

    def _close_first_reader(self) -> None:
        reader, self._first_reader = self._first_reader, None
        if reader is not None:
            reader.close()

    def _pause(self, attempts: int) -> None:
        seconds = min(self.first_retry * 2 ** (attempts - 1), self.last_retry)
        with self._changed:
            self._changed.wait(seconds)  # `retry_now()` or a new request ends the wait early

    def _deliver(self, request: StoreRequest, message: StoreAnswered | StoreFailed) -> None:
        if not request.owner.post_message(message) and isinstance(message, StoreFailed):
            self.app.post_message(message)  # the screen has closed: the app says it instead

    def _tell_app(self) -> None:
        self.app.post_message(StoreQueueChanged(self.waiting_writes, self._problem))


def _worth_another_try(error: BaseException) -> bool:
    if not isinstance(error, Exception):
        return False
    try:
        return faults.is_transient(error)
    except Exception:  # the store never opened: SQLAlchemy may not be there to ask
        return False
