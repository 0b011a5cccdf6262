"""`imr-tui group list` and `imr-tui group show GROUP`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from imr_tui.cli.common import DbOption, JsonOption, LangOption, guarded, print_json, settings_for
from imr_tui.cli.output import echo, inert_console
from imr_tui.clock import SystemClock
from imr_tui.i18n import _, format_short_date, format_time, format_weekday

app = typer.Typer(no_args_is_help=True)


def _open(ctx: typer.Context, db: str | None, lang: str | None):
    from imr_tui.curriculum.loader import load_curriculum
    from imr_tui.store import open_store

    settings = settings_for(ctx, database=db, language=lang)
    return open_store(settings.database), load_curriculum(settings.curriculum)


def _module_title(curriculum, module_id: str | None) -> str:
    module = curriculum.module(module_id)
    return f"{module.number}. {module.title}" if module else "–"


@app.command("list", help=_("The groups, who leads them, and their next session."))
@guarded
def list_groups(ctx: typer.Context, db: DbOption = None, lang: LangOption = None, json: JsonOption = False) -> None:
    from imr_tui.curriculum.loader import load_curriculum
    from imr_tui.store.first_reader import read_today_overview

    settings = settings_for(ctx, database=db, language=lang)
    today = SystemClock().now().date()
    # The Today screen's statement on plain sqlite3 where it can answer: the list without loading the database layer.
    groups = read_today_overview(settings.database, today)
    if groups is None:
        from imr_tui.store import open_store

        store = open_store(settings.database)
        groups = store.groups.overview(today)
        store.close()
    curriculum = load_curriculum(settings.curriculum)
    if json:
        print_json([
            {
                "id": g.id, "name": g.name, "location": g.location, "status": g.status,
                "therapists": [{"id": t.id, "name": t.name, "role": t.role} for t in g.therapists],
                "active_participants": g.active_participants, "sessions_held": g.sessions_held,
                "next_session": None if g.next_session is None else {
                    "id": g.next_session.id, "date": g.next_session.date.isoformat(),
                    "start_time": g.next_session.start_time.isoformat(timespec="minutes"),
                    "module_id": g.next_session.module_id, "topic_id": g.next_session.topic_id,
                },
            }
            for g in groups
        ])  # fmt: skip
        return
    if not groups:
        echo(_("There are no groups yet. To try the app with fictional people, run: imr-tui demo"))
        return
    table = Table(title=_("Groups"))
    for column in (_("Id"), _("Group"), _("Led by"), _("Participants"), _("Next session"), _("Module")):
        table.add_column(column)
    for g in groups:
        session = g.next_session
        when = f"{format_weekday(session.date, 'abbreviated')} {format_short_date(session.date)} {format_time(session.start_time)}" if session else "–"
        table.add_row(
            str(g.id), g.name, ", ".join(t.name for t in g.therapists), str(g.active_participants), when,
            _module_title(curriculum, session.module_id if session else None),
        )  # fmt: skip
    inert_console().print(table)


@app.command("show", help=_("One group: therapists, participants and sessions. GROUP is a name or an id."))
@guarded
def show_group(
    ctx: typer.Context,
    group: Annotated[str, typer.Argument(help=_("The group's name (or a unique part of it) or id."), show_default=False)],
    db: DbOption = None,
    lang: LangOption = None,
    json: JsonOption = False,
) -> None:
    store, curriculum = _open(ctx, db, lang)
    try:
        group_id, _name = store.groups.find(group)
        detail = store.groups.detail(group_id)
    finally:
        store.close()
    if json:
        print_json({
            "id": detail.id, "name": detail.name, "location": detail.location, "status": detail.status,
            "cadence": detail.cadence, "weekdays": list(detail.weekdays), "start_date": detail.start_date.isoformat(),
            "start_time": detail.start_time.isoformat(timespec="minutes"), "session_minutes": detail.session_minutes,
            "therapists": [{"id": t.id, "name": t.name, "role": t.role} for t in detail.therapists],
            "participants": [
                {"id": p.id, "name": p.name, "alias": p.alias, "needs_pickup": p.needs_pickup, "joined_on": p.joined_on.isoformat(),
                 "left_on": p.left_on.isoformat() if p.left_on else None, "leave_reason": p.leave_reason}
                for p in detail.participants
            ],
            "sessions": [
                {"id": s.id, "date": s.date.isoformat(), "start_time": s.start_time.isoformat(timespec="minutes"),
                 "minutes": s.minutes, "module_id": s.module_id, "topic_id": s.topic_id, "status": s.status}
                for s in detail.sessions
            ],
        })  # fmt: skip
        return
    console = inert_console()
    console.print(Text.assemble((detail.name, "bold"), f" · {detail.location}"))
    console.print(_("Led by: {names}").format(names=", ".join(t.name for t in detail.therapists) or "–"))
    people = Table(title=_("Participants"))
    for column in (_("Id"), _("Name"), _("Joined"), _("Left"), _("Pick-up")):
        people.add_column(column)
    for p in detail.participants:
        people.add_row(
            str(p.id), p.name, format_short_date(p.joined_on), format_short_date(p.left_on) if p.left_on else "",
            _("yes") if p.needs_pickup else "",
        )  # fmt: skip
    console.print(people)
    held = sum(1 for s in detail.sessions if s.status == "held")
    console.print(_("Sessions: {held} held of {total} planned").format(held=held, total=len(detail.sessions)))
    sessions = Table(title=_("Sessions"))
    for column in (_("Id"), _("Date"), _("Time"), _("Module"), _("Status")):
        sessions.add_column(column)
    for s in detail.sessions:
        sessions.add_row(
            str(s.id), f"{format_weekday(s.date, 'abbreviated')} {format_short_date(s.date)}", format_time(s.start_time),
            _module_title(curriculum, s.module_id), session_status_label(s.status),
        )  # fmt: skip
    console.print(sessions)


def session_status_label(status: str) -> str:
    return {"planned": _("planned"), "held": _("held"), "cancelled": _("cancelled")}.get(status, status)
