"""Errors a user can act on: each carries one translated line and an exit code."""

from __future__ import annotations


class UserError(Exception):
    """Something went wrong that the user can fix (exit 1): a file, a database, a printer."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadInputError(UserError):
    """What the user asked for is not valid (exit 2): an option, a name, a file's content."""

    exit_code = 2


class StoreUnavailable(UserError):
    """The store cannot be reached just now (a server restarting, a lost connection); worth another try."""


ECHO_LIMIT = 60


def echoed(text: str, limit: int = ECHO_LIMIT) -> str:
    """What the user typed, cut to a length one line of a message can carry."""
    text = " ".join(text.split())  # a pasted newline or tab would break the one line
    return text if len(text) <= limit else text[: limit - 1] + "…"
