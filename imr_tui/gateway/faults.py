"""Which store errors pass (a busy file, a server that is restarting) and how to say them.

SQLAlchemy is imported inside the functions: an error from the store means it is loaded.
"""

from __future__ import annotations

from imr_tui.errors import StoreUnavailable, UserError
from imr_tui.i18n import _

# OperationalErrors that another try will not mend: the schema or the file itself is wrong.
LASTING = ("no such table", "no such column", "readonly database", "malformed", "not a database", "undefined")
BUSY = ("database is locked", "database table is locked", "busy")


def is_transient(error: BaseException) -> bool:
    """True when the same call may well succeed in a moment."""
    if isinstance(error, StoreUnavailable):
        return True
    from sqlalchemy import exc

    if isinstance(error, exc.DBAPIError) and error.connection_invalidated:
        return True
    if isinstance(error, exc.DisconnectionError | exc.InterfaceError):
        return True
    if isinstance(error, exc.OperationalError):
        text = _first_line(error).lower()
        return not any(phrase in text for phrase in LASTING)
    return False


def explain(error: BaseException) -> str:
    """One line for the therapist; never the SQL or its parameters (they may hold personal data)."""
    if isinstance(error, UserError):
        return error.message
    text = _first_line(error).lower()
    if any(phrase in text for phrase in BUSY):
        return _("The database is busy: another program is writing to it.")
    if is_transient(error):
        return _("The database does not answer (the server may be restarting, or the connection was lost).")
    return _("The database refused the change: {reason}").format(reason=_first_line(error)[:120])


def _first_line(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    return lines[0] if lines else type(error).__name__
