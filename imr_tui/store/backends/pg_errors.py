"""A PostgreSQL connection that failed, said in plain words.

libpq reports a failed connection with no SQLSTATE, only text: the client's own (English)
for a server that is down or a host that does not resolve, the server's (in its own
language) for a refused login. The English phrases are matched; anything else keeps the
server's first line, which never holds the password.
"""

from __future__ import annotations

from sqlalchemy.engine import URL

from imr_tui.errors import UserError
from imr_tui.i18n import _

SERVER_DOWN = ("Connection refused", "timeout expired", "No route to host", "Network is unreachable")
UNKNOWN_HOST = ("failed to resolve host", "could not translate host name", "Name or service not known")
WRONG_LOGIN = ("password authentication failed", "no password supplied", "authentication failed for user")
NOT_ALLOWED = ("no pg_hba.conf entry",)
NO_DATABASE = ("does not exist",)


def explain_connection_error(error: Exception, url: URL, where: str) -> UserError:
    from imr_tui.store.database import first_line

    message = str(getattr(error, "orig", None) or error)
    server = f"{url.host or 'localhost'}:{url.port or 5432}"
    user = url.username or ""
    if _mentions(message, SERVER_DOWN):
        return UserError(_("cannot reach the database server at {server}: it is not running or does not accept connections there; nothing was changed").format(server=server))
    if _mentions(message, UNKNOWN_HOST):
        return UserError(_("cannot find the database server '{host}'; check the host name in the database URL").format(host=url.host))
    if _mentions(message, WRONG_LOGIN):
        return UserError(_("the database server at {server} refused the login of '{user}': wrong user name or password; nothing was changed").format(server=server, user=user))
    if _mentions(message, NOT_ALLOWED):
        return UserError(_("the database server at {server} does not let '{user}' in from this machine (pg_hba.conf); ask its administrator").format(server=server, user=user))
    if f'database "{url.database}"' in message and _mentions(message, NO_DATABASE):
        return UserError(_("there is no database '{database}' on {server}; create it first (CREATE DATABASE) or correct the URL").format(database=url.database, server=server))
    return UserError(_("cannot open the database {where}: {reason}").format(where=where, reason=first_line(error)))


def _mentions(message: str, phrases: tuple[str, ...]) -> bool:
    return any(phrase in message for phrase in phrases)
