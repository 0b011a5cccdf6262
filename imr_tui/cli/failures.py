"""The one line for an error nobody foresaw, shared by the commands and the bare start."""

from __future__ import annotations

from imr_tui.i18n import _


def unexpected(error: BaseException | None) -> str:
    return _("imr-tui: unexpected error: {error} (run again with --debug for details)").format(error=type(error).__name__)
