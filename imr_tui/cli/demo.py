"""`imr-tui demo`: a fresh demo database with fictional people, kept apart from real data."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from imr_tui.cli.common import DbOption, LangOption, settings_for
from imr_tui.cli.output import echo
from imr_tui.errors import BadInputError
from imr_tui.i18n import _
from imr_tui.paths import default_database_path, demo_database_path, make_private_dir


def demo(
    ctx: typer.Context,
    db: DbOption = None,
    lang: LangOption = None,
    no_launch: Annotated[bool, typer.Option("--no-launch", help=_("Build the demo database but do not start the app."))] = False,
) -> None:
    settings = settings_for(ctx, language=lang)
    target = Path(db).expanduser().resolve() if db else demo_database_path()
    if db and "://" in db:
        raise BadInputError(_("--db: the demo is built in a SQLite file; give a file path"))
    _refuse_real_database(target, settings.database)
    if target == demo_database_path():
        make_private_dir(target.parent)
    from imr_tui.clock import SystemClock
    from imr_tui.curriculum.loader import load_curriculum
    from imr_tui.store import open_store
    from imr_tui.store.demo import build_demo

    curriculum = load_curriculum(settings.curriculum)
    _remove_old_demo(target)
    store = open_store(str(target))
    store.maintenance.mark_as_demo()  # first: a demo killed half-built is still known as one, and replaced next time
    build_demo(store.database, curriculum, SystemClock().now().date())
    echo(_("Demo database with fictional people: {path}").format(path=target), err=True)
    if no_launch:
        store.close()
        return
    from imr_tui.factory import make_app

    make_app(replace(settings, database=str(target)), store=store).run()


def _refuse_real_database(target: Path, configured: str | None) -> None:
    from imr_tui.store.location import resolve_location

    real = {default_database_path().resolve()}
    if configured:
        location = resolve_location(configured)
        if location.path is not None:
            real.add(location.path)
    if target in real:
        raise BadInputError(_("--db: {path} is your real database; the demo is never built there").format(path=target))


def _remove_old_demo(target: Path) -> None:
    """Replace an earlier demo, but never a database that holds anything else."""
    if not target.exists() or target.stat().st_size == 0:
        return
    from imr_tui.store import open_store

    store = open_store(str(target))
    try:
        is_demo = store.maintenance.is_demo()
    finally:
        store.close()
    if not is_demo:
        raise BadInputError(_("--db: {path} already holds data that is not a demo; choose another file").format(path=target))
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
