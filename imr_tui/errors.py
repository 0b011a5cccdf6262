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
