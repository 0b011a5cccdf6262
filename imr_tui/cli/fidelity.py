"""`imr-tui fidelity GROUP` and `imr-tui print fidelity GROUP`: the group's IMR fidelity self-assessment."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from imr_tui.cli.common import DbOption, JsonOption, LangOption, guarded, print_json, settings_for
from imr_tui.cli.output import echo, inert_console
from imr_tui.errors import BadInputError
from imr_tui.i18n import _

GroupArgument = Annotated[str | None, typer.Argument(help=_("The group's name (or a unique part of it) or id; with --check, the scale file to check."), show_default=False)]


@guarded
def fidelity(
    ctx: typer.Context,
    group: GroupArgument = None,
    check: Annotated[bool, typer.Option("--check", help=_("Only validate a fidelity scale file (default: the shipped one); exit 2 with FILE:LINE: field: problem for each error."))] = False,
    db: DbOption = None,
    lang: LangOption = None,
    json: JsonOption = False,
) -> None:
    settings = settings_for(ctx, database=db, language=lang)
    if check:
        _check_scale(Path(group) if group else None)
        return
    if group is None:
        raise BadInputError(_("name the group, e.g. imr-tui fidelity 'Ukesgruppa Nydal' (or --check to validate the scale file)"))
    assessment = read_assessment(settings, group)
    if json:
        from imr_tui.fidelity.assessment import as_data

        print_json(as_data(assessment))
        return
    _print_table(assessment)


def read_assessment(settings, group: str):
    from imr_tui.clock import SystemClock
    from imr_tui.curriculum.loader import load_curriculum
    from imr_tui.fidelity.assessment import assess
    from imr_tui.fidelity.loader import load_fidelity_scale
    from imr_tui.store import open_store

    scale = load_fidelity_scale()
    curriculum = load_curriculum(settings.curriculum)
    store = open_store(settings.database)
    try:
        group_id, name = store.groups.find(group)
        return assess(store, scale, len(curriculum.modules), group_id, name, SystemClock().now().date())
    finally:
        store.close()


def _check_scale(path: Path | None) -> None:
    from imr_tui.fidelity.loader import check_fidelity_scale, default_scale_path

    path = path or default_scale_path()
    scale, problems = check_fidelity_scale(path)
    for problem in problems:
        echo(str(problem), err=True)
    if problems or scale is None:
        raise typer.Exit(2)
    computed = ", ".join(str(item.number) for item in scale.items if item.rule) or "–"
    echo(_("{file}: OK: {items} items; scored from the data: {computed}").format(file=path, items=len(scale.items), computed=computed))


def _print_table(assessment) -> None:
    from rich.table import Table

    from imr_tui.i18n import format_short_date
    from imr_tui.i18n.fidelity_labels import mean_line, source_label

    table = Table(title=_("IMR fidelity: {group}, {date}").format(group=assessment.group_name, date=format_short_date(assessment.assessed_on)))
    for column in (_("No."), _("Scale item"), _("Score"), _("From"), _("How it was counted")):
        table.add_column(column)
    for view in assessment.items:
        table.add_row(str(view.item.number), str(view.item.title), "–" if view.score is None else str(view.score), source_label(view.source), view.evidence)
    console = inert_console()
    console.print(table)
    console.print(mean_line(assessment))


@guarded
def print_fidelity(
    ctx: typer.Context,
    group: Annotated[str, typer.Argument(help=_("The group's name (or a unique part of it) or id."), show_default=False)],
    output: Annotated[Path | None, typer.Option("-o", "--output", help=_("The file to write: .pdf, .md or .html (default: a PDF in the current folder)."), show_default=False)] = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    settings = settings_for(ctx, database=db, language=lang)
    from imr_tui.printing.output import check_suffix

    if output is not None:
        check_suffix(output)  # a wrong file type fails before anything is read
    from imr_tui.fidelity.document import FidelityDocument
    from imr_tui.printing import render
    from imr_tui.printing.output import slug

    assessment = read_assessment(settings, group)
    document = FidelityDocument(settings.language, assessment)
    path = (output or Path(f"fidelity-{slug(assessment.group_name)}-{assessment.assessed_on.isoformat()}.pdf")).expanduser().absolute()
    render(document, path)
    echo(_("The fidelity self-assessment is written to {path} (no participant names)").format(path=path))
