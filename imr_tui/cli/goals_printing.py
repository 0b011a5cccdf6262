"""`imr-tui print goals PARTICIPANT`: a person's goals, steps and IMR Scale on A4, as many sheets as they need."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from imr_tui.cli.common import DbOption, LangOption, guarded, settings_for
from imr_tui.cli.goals import ParticipantArgument, read_goals
from imr_tui.cli.output import echo
from imr_tui.i18n import _


@guarded
def print_goals(
    ctx: typer.Context,
    participant: ParticipantArgument,
    output: Annotated[Path | None, typer.Option("-o", "--output", help=_("The file to write: .pdf, .md or .html (default: a PDF in the current folder)."), show_default=False)] = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    settings = settings_for(ctx, database=db, language=lang)
    from imr_tui.printing.output import check_suffix

    if output is not None:
        check_suffix(output)  # a wrong file type fails before anything is read

    from imr_tui.clock import SystemClock
    from imr_tui.goals.document import GoalsDocument
    from imr_tui.imrs.loader import load_scale
    from imr_tui.printing import render
    from imr_tui.printing.output import slug

    scale = load_scale()
    person, goals, ratings = read_goals(settings.database, participant)
    today = SystemClock().now().date()
    document = GoalsDocument(settings.language, goals, scale, ratings, today)
    path = (output or Path(f"goals-{slug(person.name)}-{today.isoformat()}.pdf")).expanduser().absolute()
    render(document, path)
    _note_goal_page(settings.database, person.id)
    echo(_("Goals written to {path}").format(path=path))


def _note_goal_page(database: str | None, participant_id: int) -> None:
    """A goal page given out counts for the fidelity self-assessment (the event only, never the page)."""
    from imr_tui.store import open_store

    store = open_store(database)
    try:
        store.fidelity.record_print("goals", participant_id=participant_id)
    finally:
        store.close()
