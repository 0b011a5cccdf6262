"""`imr-tui print agenda GROUP`: a session's agenda on one A4 page, as a file or on a printer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from imr_tui.cli.common import MAX_ID, DbOption, GlobalOptions, LangOption, guarded, parse_date, settings_for
from imr_tui.cli.output import echo
from imr_tui.errors import BadInputError
from imr_tui.i18n import _, use_language

app = typer.Typer(no_args_is_help=True)



@app.command("agenda", help=_("The agenda of a session on one A4 page: a PDF (or Markdown, HTML), or sent to a printer."))
@guarded
def agenda(
    ctx: typer.Context,
    group: Annotated[str, typer.Argument(help=_("The group's name (or a unique part of it) or id."), show_default=False)],
    date: Annotated[str | None, typer.Option("--date", help=_("The session on this day (YYYY-MM-DD); default: the next one."), show_default=False)] = None,
    session: Annotated[int | None, typer.Option("--session", min=1, max=MAX_ID, help=_("The session with this id (see: imr-tui group show GROUP)."), show_default=False)] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help=_("The file to write: .pdf, .md or .html (default: a PDF in the current folder)."), show_default=False)] = None,
    printer: Annotated[str | None, typer.Option("--printer", help=_("Send the PDF to this printer with lp."), show_default=False)] = None,
    with_names: Annotated[bool, typer.Option("--with-names", help=_("Add a sign-in sheet with the participants' names, on a sheet of its own (never on the handout)."))] = False,
    no_group_name: Annotated[bool, typer.Option("--no-group-name", help=_("Leave the group's name off the page."))] = False,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    settings = settings_for(ctx, database=db, language=lang)
    day = parse_date(date, "--date") if date is not None else None
    if day is not None and session is not None:
        raise BadInputError(_("give either --date or --session, not both"))
    _check_output(output, printer)

    from imr_tui.clock import SystemClock
    from imr_tui.curriculum.loader import load_curriculum
    from imr_tui.printing import agenda_document, render
    from imr_tui.printing.output import slug
    from imr_tui.store import open_store

    curriculum = load_curriculum(settings.curriculum)
    store = open_store(settings.database)
    try:
        group_id, _name = store.groups.find(group)
        session_id = _session_id(store, group_id, day, session, SystemClock().now().date())
        with use_language(settings.language):
            document = agenda_document(
                store, curriculum, session_id, with_names=with_names, show_group_name=not no_group_name,
                in_group_language=_handout_language(ctx, lang) is None,
            )  # fmt: skip
        name_part = f"-{slug(document.group_name)}" if document.group_name else ""
        path = (output or Path(f"agenda{name_part}-{document.date.isoformat()}.pdf")).expanduser().absolute()
        render(document, path)
        _note_handout(store, group_id, session_id)
    finally:
        store.close()
    echo(_("Agenda written to {path}").format(path=path))
    _send(path, printer or _default_printer(settings, output))


def _note_handout(store, group_id: int, session_id: int) -> None:
    """The agenda counts as a handout in the fidelity self-assessment; the agenda is written whatever happens here."""
    import logging

    try:
        store.fidelity.record_print("agenda", group_id=group_id, session_id=session_id)
    except Exception as error:
        logging.getLogger(__name__).warning("could not note the handout for the fidelity count: %s", type(error).__name__)


def _handout_language(ctx: typer.Context, lang: str | None) -> str | None:
    """A --lang given to this command (or before it); None: the handout is in the group's language."""
    return lang or (ctx.find_root().obj or GlobalOptions()).language


def _default_printer(settings, output: Path | None) -> str | None:
    """The printer from the settings, for PDFs only: a Markdown or HTML file is not printed by lp."""
    return settings.printer if output is None or output.suffix.lower() == ".pdf" else None


def _send(path: Path, printer: str | None) -> None:
    if printer:
        from imr_tui.printing.printer import send_to_printer

        job = send_to_printer(path, printer)
        echo(_("Sent to the printer {printer}: {job}").format(printer=printer, job=job or path.name))


def _check_output(output: Path | None, printer: str | None) -> None:
    """Fail on a bad file type before anything is read, and send only PDFs to a printer."""
    from imr_tui.printing.output import check_suffix
    from imr_tui.safe_output import check_target

    if output is not None:
        check_target(output.expanduser().absolute())
    if output is not None and check_suffix(output) != ".pdf" and printer:
        raise BadInputError(_("--printer sends a PDF; give -o a file name that ends in .pdf, or leave -o out"))


def _session_id(store, group_id: int, day: dt.date | None, session_id: int | None, today: dt.date) -> int:
    if session_id is None:
        return store.sessions.for_group(group_id, today, on=day).id
    overview = store.sessions.overview(session_id)
    if overview.session.group_id != group_id:
        raise BadInputError(
            _("session {id} belongs to another group ({group}); see the sessions with: imr-tui group show GROUP").format(
                id=session_id, group=overview.group_name
            )
        )
    return session_id


@app.command(
    "attendance", help=_("The attendance register on landscape A4 (or .md, .html). It contains participants' names: keep it safe.")
)
@guarded
def attendance(
    ctx: typer.Context,
    group: Annotated[str, typer.Argument(help=_("The group's name (or a unique part of it) or id."), show_default=False)],
    output: Annotated[Path | None, typer.Option("-o", "--output", help=_("The file to write: .pdf, .md or .html (default: a PDF in the current folder)."), show_default=False)] = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    from imr_tui.curriculum.loader import load_curriculum
    from imr_tui.printing import render
    from imr_tui.printing.attendance import AttendanceDocument
    from imr_tui.printing.output import check_suffix, slug
    from imr_tui.store import open_store

    settings = settings_for(ctx, database=db, language=lang)
    if output is not None:
        check_suffix(output)
    store = open_store(settings.database)
    try:
        group_id, _name = store.groups.find(group)
        register = store.attendance.register(group_id)
    finally:
        store.close()
    document = AttendanceDocument(settings.language, register, load_curriculum(settings.curriculum), settings.review_rules())
    path = render(document, output or Path(f"attendance-{slug(register.group_name)}.pdf"))
    echo(_("The register of {group} is written to {path} (it contains names)").format(group=register.group_name, path=path), err=True)


@app.command("schedule", help=_("The course schedule of a group on A4 (or .md, .html): dates, times, modules and topics, no names."))
@guarded
def schedule(
    ctx: typer.Context,
    group: Annotated[str, typer.Argument(help=_("The group's name (or a unique part of it) or id."), show_default=False)],
    from_day: Annotated[str | None, typer.Option("--from", help=_("Only the sessions from this day on (YYYY-MM-DD); default: the whole course."), show_default=False)] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help=_("The file to write: .pdf, .md or .html (default: a PDF in the current folder)."), show_default=False)] = None,
    printer: Annotated[str | None, typer.Option("--printer", help=_("Send the PDF to this printer with lp."), show_default=False)] = None,
    no_group_name: Annotated[bool, typer.Option("--no-group-name", help=_("Leave the group's name off the page."))] = False,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    settings = settings_for(ctx, database=db, language=lang)
    start = parse_date(from_day, "--from") if from_day is not None else None
    _check_output(output, printer)

    from imr_tui.curriculum.loader import load_curriculum
    from imr_tui.printing import render
    from imr_tui.printing.output import slug
    from imr_tui.printing.schedule import ScheduleDocument
    from imr_tui.store import open_store

    curriculum = load_curriculum(settings.curriculum)
    store = open_store(settings.database)
    try:
        group_id, _name = store.groups.find(group)
        plan = store.schedule.plan(group_id)
    finally:
        store.close()
    language = settings.language if _handout_language(ctx, lang) else plan.language
    document = ScheduleDocument(language, plan, curriculum, from_day=start, show_group_name=not no_group_name)
    path = (output or Path(f"schedule-{slug(plan.name)}.pdf")).expanduser().absolute()
    render(document, path)
    echo(_("The course schedule is written to {path}").format(path=path))
    _send(path, printer or _default_printer(settings, output))
