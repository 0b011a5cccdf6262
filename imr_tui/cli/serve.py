"""`imr-tui serve`: the app in a browser, on this machine unless a reverse proxy with TLS is named."""

from __future__ import annotations

from typing import Annotated

import typer

from imr_tui.cli.common import DbOption, LangOption, guarded, settings_for
from imr_tui.i18n import _


@guarded
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help=_("The address to listen on; beyond this machine only with --public-url."))] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help=_("The port to listen on."))] = 8000,
    public_url: Annotated[str | None, typer.Option("--public-url", help=_("The https address of the reverse proxy in front (TLS and your service's login)."), show_default=False)] = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    from imr_tui.serve.address import ServeAddress

    settings = settings_for(ctx, database=db, language=lang)  # first: it sets the language of the messages
    address = ServeAddress.checked(host, port, public_url)
    from imr_tui.serve.server import serve as run_server  # aiohttp and textual-serve: only when serving

    run_server(settings, address)
