"""What the gateway tells the screens: facts, named as such."""

from __future__ import annotations

from typing import Any

from textual.message import Message

from imr_tui.gateway.request import StoreRequest


class StoreAnswered(Message, bubble=False):
    """A request ran; `result` is what the call returned."""

    def __init__(self, request: StoreRequest, result: Any) -> None:
        super().__init__()
        self.request = request
        self.result = result


class StoreFailed(Message, bubble=False):
    """A request failed and will not be tried again (a read, or a write the store refused)."""

    def __init__(self, request: StoreRequest, error: BaseException, explanation: str) -> None:
        super().__init__()
        self.request = request
        self.error = error
        self.explanation = explanation
        """One line in the user's language."""


class StoreQueueChanged(Message, bubble=False):
    """Sent to the app: how many writes wait, and why the first one has not landed yet."""

    def __init__(self, waiting_writes: int, problem: str | None) -> None:
        super().__init__()
        self.waiting_writes = waiting_writes
        self.problem = problem
