"""`imr-tui participant export|erase PARTICIPANT` (an access request; the right to be forgotten)
and `imr-tui audit` (who touched which record, and when)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from imr_tui.cli.common import DbOption, JsonOption, LangOption, guarded, parse_date, print_json, settings_for
from imr_tui.cli.goals import ParticipantArgument
from imr_tui.cli.output import echo
from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import _
from imr_tui.i18n.labels import audit_action_label

app = typer.Typer(no_args_is_help=True)


@app.command("export", help=_("Everything stored about one participant, as JSON and a readable PDF (for an access request)."))
@guarded
def export(
    ctx: typer.Context,
    participant: ParticipantArgument,
    output: Annotated[Path, typer.Option("-o", "--output", help=_("The folder to write the two files in (made if missing, readable by you only)."), show_default=False)],
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    settings = settings_for(ctx, database=db, language=lang)
    folder = _check_folder(output.expanduser().absolute())
    from imr_tui.clock import SystemClock
    from imr_tui.domain.vocabulary import AuditAction
    from imr_tui.exports.participant import write_participant_json
    from imr_tui.printing import render
    from imr_tui.printing.participant_record import ParticipantRecordDocument
    from imr_tui.store import open_store

    store = open_store(settings.database)
    try:
        person = store.goals.find_participant(participant)
        store.audit.record(AuditAction.EXPORT, person.id)
        data = store.participant_data.collect(person.id)
        access_log = [entry.as_data() for entry in store.audit.entries(participant_id=person.id)]
    finally:
        store.close()
    made = not folder.exists()
    _folder(folder)  # made only now: a command that fails leaves no empty folder behind
    now = SystemClock().now().astimezone()  # with its UTC offset in the JSON
    json_file, pdf_file = folder / f"participant-{person.id}.json", folder / f"participant-{person.id}.pdf"
    try:
        json_path = write_participant_json(data, access_log, now, json_file)
        pdf_path = render(ParticipantRecordDocument(settings.language, data, access_log, now.date()), pdf_file)
    except UserError:
        if made:  # one of the two alone is no export: leave the folder as it was, absent
            json_file.unlink(missing_ok=True)
            folder.rmdir()
        raise
    echo(_("Written: {json} and {pdf} (personal health data: keep them safe)").format(json=json_path, pdf=pdf_path))


def _check_folder(path: Path) -> Path:
    if path.exists() and not path.is_dir():
        raise BadInputError(_("-o: {path} is a file; give a folder").format(path=path))
    if not path.parent.is_dir():
        raise BadInputError(_("-o: the folder {folder} does not exist").format(folder=path.parent))
    return path


def _folder(path: Path) -> Path:
    from imr_tui.safe_output import os_failure

    try:
        path.mkdir(mode=0o700, exist_ok=True)
    except FileNotFoundError:
        raise BadInputError(_("-o: the folder {folder} does not exist").format(folder=path.parent)) from None
    except PermissionError:
        raise UserError(_("-o: no permission to make {path}").format(path=path)) from None
    except OSError as error:
        raise os_failure(path, error) from None
    return path


@app.command("erase", help=_("Remove a participant's personal data for good, keeping only anonymous attendance counts."))
@guarded
def erase(
    ctx: typer.Context,
    participant: ParticipantArgument,
    confirm_name: Annotated[str | None, typer.Option("--confirm-name", help=_("For scripts: the participant's full name (or id), typed out, instead of the prompt."), show_default=False)] = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    settings = settings_for(ctx, database=db, language=lang)
    from imr_tui.clock import SystemClock
    from imr_tui.store import open_store

    store = open_store(settings.database)
    try:
        person = store.goals.find_participant(participant)
        if confirm_name is None:
            echo(_("This erases everything stored about {name} (id {id}): goals, steps, notes, IMR Scale ratings and service plans. Attendance marks and enrolment dates stay, without the name, so the groups' figures stay true. It cannot be undone.").format(name=person.name, id=person.id))
            confirm_name = _typed(_("Type the participant's full name (or id) to erase"))
        placeholder = _("Erased participant {id}").format(id=person.id)
        from imr_tui.form_drafts import import_draft_files

        import_draft_files(store)  # drafts left in files by an older version are erased with the rest
        exports = [entry.at for entry in store.audit.entries(participant_id=person.id) if entry.action == "export"]
        result = store.participant_data.erase(person.id, confirm_name, placeholder, SystemClock().now().date())
        path = store.database.location.path
    finally:
        store.close()
    echo(_("Erased: {deleted} records deleted; {kept} kept without personal data, under the name “{placeholder}”.").format(
        deleted=sum(result.deleted.values()), kept=sum(result.anonymised.values()), placeholder=placeholder))
    if result.mentions_replaced:
        echo(_("The name was also replaced in {count} other records that mentioned it.").format(count=result.mentions_replaced))
    _report_copies(path, result, exports)


def _report_copies(path: Path | None, result, exports: list) -> None:
    """Copies made before the erase are not changed: the ones the app knows of are named."""
    from imr_tui.store.known_copies import backups_holding

    backups = backups_holding(path, result.participant_id, result.name) if path is not None else ()
    for backup in backups:
        echo(_("Still holds the person: the backup {path}").format(path=backup))
    for moment in exports:
        echo(_("Still holds the person: the export made {time} (participant-{id}.json and .pdf)").format(
            time=f"{moment.astimezone():%Y-%m-%d %H:%M}", id=result.participant_id))
    if backups or exports:
        echo(_("These copies are not changed by an erase: delete them, or keep them as safely as the database."))
    else:
        echo(_("Backups made before now still hold the data: delete them, or keep them as safely as the database."))


def _typed(prompt: str) -> str:
    try:
        return typer.prompt(prompt, default="", show_default=False)
    except typer.Abort:  # end of input: nobody typed anything
        raise UserError(_("what was typed is not the participant's name; nothing was erased")) from None


@guarded
def audit(
    ctx: typer.Context,
    participant: Annotated[str | None, typer.Option("--participant", help=_("Only the records of this participant (name or id)."), show_default=False)] = None,
    since: Annotated[str | None, typer.Option("--since", help=_("Only from this day on (YYYY-MM-DD)."), show_default=False)] = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Who created, changed, deleted, exported or erased which record, and when; never the content."""
    settings = settings_for(ctx, database=db)
    from_day = parse_date(since, "--since") if since else None
    from imr_tui.store import open_store

    store = open_store(settings.database)
    try:
        person_id = store.goals.find_participant(participant).id if participant else None
        entries = store.audit.entries(participant_id=person_id, since=from_day)
    finally:
        store.close()
    if json:
        print_json([entry.as_data() for entry in entries])
        return
    if not entries:
        echo(_("Nothing logged."))
    for entry in entries:
        who = _("participant {id}").format(id=entry.participant_id) if entry.participant_id is not None else ""
        action = audit_action_label(entry.action)
        echo(f"{entry.at.astimezone():%Y-%m-%d %H:%M:%S}  {entry.actor}  {action:<10}  {entry.table} #{entry.record_id}  {who}".rstrip())
