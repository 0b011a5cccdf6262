"""`imr-tui goals PARTICIPANT`: a person's goal tree, steps, follow-ups and IMR Scale history."""

from __future__ import annotations

from typing import Annotated

import typer

from imr_tui.cli.common import DbOption, JsonOption, LangOption, guarded, print_json, settings_for
from imr_tui.i18n import _

ParticipantArgument = Annotated[str, typer.Argument(help=_("The participant's name (or a unique part of it) or id."), show_default=False)]


@guarded
def goals(ctx: typer.Context, participant: ParticipantArgument, db: DbOption = None, lang: LangOption = None, json: JsonOption = False) -> None:
    from imr_tui.imrs.loader import load_scale
    from imr_tui.models import AuditAction
    from imr_tui.store import open_store

    settings = settings_for(ctx, database=db, language=lang)
    scale = load_scale()
    store = open_store(settings.database)
    try:
        person = store.goals.find_participant(participant)
        store.audit.record(AuditAction.VIEW, person.id)
        tree = store.goals.participant_goals(person.id)
        ratings = store.imrs.history(person.id)
    finally:
        store.close()
    if json:
        from imr_tui.goals.export import goals_as_data

        print_json(goals_as_data(tree, scale, ratings))
        return
    from rich.console import Console

    from imr_tui.cli.goals_text import goal_tree_text, imrs_table

    console = Console()
    console.print(goal_tree_text(tree))
    console.print()
    console.print(imrs_table(scale, ratings))
