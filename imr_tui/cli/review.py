"""`imr-tui export attendance` and `imr-tui journal`: the register and journal drafts as files.

Both contain participants' names: they are for the therapist and the patient record, not
for handing out. Files are written readable by the owner only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from imr_tui.cli.common import DbOption, LangOption, guarded, parse_date, settings_for
from imr_tui.cli.output import echo
from imr_tui.errors import BadInputError
from imr_tui.i18n import _

export_app = typer.Typer(no_args_is_help=True)

GroupArgument = Annotated[str, typer.Argument(help=_("The group's name (or a unique part of it) or id."), show_default=False)]


@export_app.command(
    "attendance", help=_("The attendance register as a spreadsheet (csv or xlsx). It contains participants' names: keep it safe.")
)
@guarded
def export_attendance(
    ctx: typer.Context,
    group: GroupArgument,
    output: Annotated[Path, typer.Option("-o", "--output", help=_("The file to write."), show_default=False)],
    format: Annotated[str | None, typer.Option("--format", help=_("csv or xlsx (default: from the file's suffix)."), show_default=False)] = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    from imr_tui.exports.attendance import FORMATS, write_attendance
    from imr_tui.store import open_store

    kind = (format or output.suffix.lstrip(".")).lower()
    if kind not in FORMATS:
        raise BadInputError(_("--format: '{kind}' is not a spreadsheet format imr-tui writes; choose csv or xlsx").format(kind=kind))
    settings = settings_for(ctx, database=db, language=lang)
    store = open_store(settings.database)
    try:
        group_id, _name = store.groups.find(group)
        register = store.attendance.register(group_id)
    finally:
        store.close()
    from imr_tui.curriculum.loader import load_curriculum

    path = write_attendance(register, load_curriculum(settings.curriculum), settings.review_rules(), output, kind)
    echo(_("The register of {group} is written to {path} (it contains names)").format(group=register.group_name, path=path), err=True)


@guarded
def journal(
    ctx: typer.Context,
    group: GroupArgument,
    output: Annotated[Path, typer.Option("-o", "--output", help=_("The folder to write the notes in."), show_default=False)],
    date: Annotated[str | None, typer.Option("--date", help=_("The session on this day (YYYY-MM-DD); default: the last one held."), show_default=False)] = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    from imr_tui.curriculum.loader import load_curriculum
    from imr_tui.exports.journal import write_journal_notes
    from imr_tui.store import open_store

    settings = settings_for(ctx, database=db, language=lang)
    if not output.exists():
        raise BadInputError(_("-o: the folder {folder} does not exist").format(folder=output))
    if not output.is_dir():
        raise BadInputError(_("-o: {folder} is not a folder; create it first").format(folder=output))
    day = parse_date(date, "--date") if date else None
    store = open_store(settings.database)
    try:
        group_id, _name = store.groups.find(group)
        session_id = _held_session(store, group_id, day)
        paths = write_journal_notes(store, load_curriculum(settings.curriculum), session_id, output)
    finally:
        store.close()
    for written in paths:
        echo(str(written.path))
        if written.others_named:
            echo(_("⚠ {file}: this note names another participant: {names}. A journal note should only be about its own person.").format(
                file=written.path.name, names=", ".join(written.others_named)), err=True)  # fmt: skip
    echo(_("{count} draft notes written; check each before it goes into the patient record").format(count=len(paths)), err=True)


def _held_session(store, group_id: int, day) -> int:
    register = store.attendance.register(group_id)
    held = [session for session in register.held() if day is None or session.date == day]
    if not held:
        if day is None:
            raise BadInputError(_("the group has held no session yet"))
        raise BadInputError(_("the group held no session on {date}").format(date=day.isoformat()))
    return held[-1].id if day is None else held[0].id

