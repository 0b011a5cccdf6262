"""`imr-tui goals PARTICIPANT`: a person's goal tree, steps, follow-ups and IMR Scale history."""

from __future__ import annotations

from typing import Annotated

import typer

from imr_tui.cli.common import DbOption, JsonOption, LangOption, guarded, print_json, settings_for
from imr_tui.i18n import _

ParticipantArgument = Annotated[str, typer.Argument(help=_("The participant's name (or a unique part of it) or id."), show_default=False)]


def read_goals(database: str | None, participant: str):
    """The person, their goal tree and IMR Scale ratings; the look is noted in the audit trail."""
    from imr_tui.domain.vocabulary import AuditAction
    from imr_tui.store import open_store

    store = open_store(database)
    try:
        person = store.goals.find_participant(participant)
        store.audit.record(AuditAction.VIEW, person.id)
        return person, store.goals.participant_goals(person.id), store.imrs.history(person.id)
    finally:
        store.close()


@guarded
def goals(ctx: typer.Context, participant: ParticipantArgument, db: DbOption = None, lang: LangOption = None, json: JsonOption = False) -> None:
    from imr_tui.imrs.loader import load_scale

    settings = settings_for(ctx, database=db, language=lang)
    scale = load_scale()
    _person, tree, ratings = read_goals(settings.database, participant)
    if json:
        from imr_tui.goals.export import goals_as_data

        print_json(goals_as_data(tree, scale, ratings))
        return
    from imr_tui.cli.goals_text import goal_tree_text, imrs_table
    from imr_tui.cli.output import inert_console

    console = inert_console()
    console.print(goal_tree_text(tree))
    console.print()
    console.print(imrs_table(scale, ratings))
