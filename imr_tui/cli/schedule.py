"""`imr-tui schedule GROUP [--ics FILE] [--json]`: the session plan, and an iCalendar export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from imr_tui.cli.common import DbOption, JsonOption, LangOption, print_json, settings_for
from imr_tui.cli.output import echo
from imr_tui.clock import SystemClock
from imr_tui.errors import BadInputError
from imr_tui.i18n import _, format_short_date, format_time, format_weekday

IcsOption = Annotated[
    Path | None,
    typer.Option("--ics", help=_("Also write the group sessions to this iCalendar file (.ics), without any participant's name."), show_default=False),
]


def schedule(
    ctx: typer.Context,
    group: Annotated[str, typer.Argument(help=_("The group's name (or a unique part of it) or id."), show_default=False)],
    ics: IcsOption = None,
    db: DbOption = None,
    lang: LangOption = None,
    json: JsonOption = False,
) -> None:
    from imr_tui.curriculum.loader import load_curriculum
    from imr_tui.store import open_store

    target = _check_ics_path(ics) if ics else None
    settings = settings_for(ctx, database=db, language=lang)
    curriculum = load_curriculum(settings.curriculum)
    store = open_store(settings.database)
    try:
        group_id, _name = store.groups.find(group)
        plan = store.schedule.plan(group_id)
    finally:
        store.close()
    if target is not None:
        from imr_tui.planning.calendar_export import write_plan_calendar

        events = write_plan_calendar(target, plan, curriculum, SystemClock().now().astimezone())
        echo(_("{path}: {count} sessions in iCalendar format").format(path=target, count=events), err=True)
    if json:
        print_json(_as_json(plan, curriculum))
    else:
        _print_table(plan, curriculum)


def _check_ics_path(path: Path) -> Path:
    path = path.expanduser().absolute()
    if path.suffix.lower() != ".ics":
        raise BadInputError(_("--ics: the file name must end in .ics, such as plan.ics"))
    from imr_tui.safe_output import check_target

    return check_target(path, "--ics")


def _as_json(plan, curriculum) -> dict:
    def title(module_id, topic_id):
        module, topic = curriculum.module(module_id), curriculum.topic(module_id, topic_id)
        return (str(module.title) if module else None), (str(topic.title) if topic else None)

    sessions = []
    for entry in plan.entries:
        module_title, topic_title = title(entry.module_id, entry.topic_id)
        sessions.append({
            "id": entry.id, "date": entry.date.isoformat(), "start_time": entry.start_time.isoformat(timespec="minutes"),
            "minutes": entry.minutes, "module_id": entry.module_id, "module": module_title, "topic_id": entry.topic_id,
            "topic": topic_title, "status": entry.status, "cancel_reason": entry.cancel_reason,
            "individual": entry.individual, "participant_id": entry.participant_id,
        })  # fmt: skip
    return {"group": {"id": plan.group_id, "name": plan.name, "location": plan.location, "cadence": plan.cadence, "weekdays": list(plan.weekdays)}, "sessions": sessions}


def _print_table(plan, curriculum) -> None:
    from rich.table import Table

    from imr_tui.cli.output import inert_console
    from imr_tui.planning.labels import session_status_label

    table = Table(title=f"{plan.name} · {plan.location}" if plan.location else plan.name)
    for column in (_("Id"), _("Date"), _("Weekday"), _("Time")):
        table.add_column(column, no_wrap=True)
    for column in (_("Module"), _("Topic"), _("Status")):
        table.add_column(column)
    group_sessions = [entry for entry in plan.entries if not entry.individual]
    for entry in group_sessions:
        module = curriculum.module(entry.module_id)
        topic = curriculum.topic(entry.module_id, entry.topic_id)
        table.add_row(
            str(entry.id), format_short_date(entry.date), format_weekday(entry.date, "abbreviated"), format_time(entry.start_time),
            f"{module.number}. {module.title}" if module else "–", str(topic.title) if topic else "–",
            session_status_label(entry.status, entry.cancel_reason),
        )  # fmt: skip
    console = inert_console()
    console.print(table)
    individual = len(plan.entries) - len(group_sessions)
    if individual:
        console.print(_("Also {count} individual module 1 meetings; --json lists them.").format(count=individual))
