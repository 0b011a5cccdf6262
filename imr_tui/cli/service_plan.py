"""`imr-tui service-plan PARTICIPANT` and `imr-tui print service-plan PARTICIPANT`: a person's service plan."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from imr_tui.cli.common import MAX_ID, DbOption, JsonOption, LangOption, guarded, print_json, settings_for
from imr_tui.cli.output import echo
from imr_tui.errors import BadInputError, UserError
from imr_tui.i18n import _, use_language

TemplateOption = Annotated[Path | None, typer.Option("--template", help=_("A service's own service plan template (also IMR_TUI_SERVICE_PLAN)."), show_default=False)]


@guarded
def service_plan(
    ctx: typer.Context,
    participant: Annotated[str | None, typer.Argument(help=_("The participant's name (or a unique part of it) or id."), show_default=False)] = None,
    check: Annotated[bool, typer.Option("--check", help=_("Only validate the template; exit 2 with FILE:LINE: field: problem for each error."))] = False,
    template: TemplateOption = None,
    db: DbOption = None,
    lang: LangOption = None,
    json: JsonOption = False,
) -> None:
    settings = settings_for(ctx, database=db, language=lang)
    if check:
        _check_template(template)
        return
    if participant is None:
        raise BadInputError(_("name the participant, e.g. imr-tui service-plan 'Astrid Kvamme' (or --check to validate the template)"))
    from imr_tui.clock import SystemClock

    plan_template, _person, plan = _read_plan(settings, participant, template)
    today = SystemClock().now().date()
    if json:
        from imr_tui.service_plan.export import plan_as_data

        print_json(plan_as_data(plan, today))
        return
    _print_plan(plan_template, plan, today)


def _read_plan(settings, participant: str, template: Path | None):
    """The template, the person a user means, and their plan."""
    from imr_tui.domain.vocabulary import AuditAction
    from imr_tui.service_plan import load_template
    from imr_tui.store import open_store

    plan_template = load_template(template)
    store = open_store(settings.database)
    try:
        person = store.goals.find_participant(participant)
        store.audit.record(AuditAction.VIEW, person.id)
        return plan_template, person, store.service_plans.plan(person.id, plan_template)
    finally:
        store.close()


def _check_template(path: Path | None) -> None:
    from imr_tui.service_plan.loader import check_template, template_path

    path = path or template_path()
    template, problems = check_template(path)
    for problem in problems:
        echo(str(problem), err=True)
    if problems or template is None:
        raise typer.Exit(2)
    echo(_("{file}: OK: {count} sections; review after {months} months").format(file=path, count=len(template.sections), months=template.review_months))


def _print_plan(template, plan, today) -> None:
    from rich.text import Text

    from imr_tui.cli.output import inert_console
    from imr_tui.service_plan.export import plan_lines, review_label, version_line
    from imr_tui.service_plan.revision_dates import review_state

    console = inert_console(highlight=False)
    console.print(Text(f"{template.name} – {plan.participant.name}", style="bold"))
    current = plan.current
    if current is None:
        console.print(_("No finished version yet.") + (" " + _("A draft is being written.") if plan.has_unfinished_changes else ""))
        return
    state = review_label(review_state(current.review_on, today))
    console.print(version_line(current) + (f" · {state.upper()}" if state else ""))
    if plan.has_unfinished_changes:
        console.print(_("A new revision is being written (not finished)."), style="italic")
    for title, lines in plan_lines(template, current):
        console.print()
        console.print(Text(title, style="bold"))
        for line in lines:
            console.print(f"  • {line}", soft_wrap=True)
    console.print()
    console.print(Text(_("Versions"), style="bold"))
    from imr_tui.i18n import format_short_date
    from imr_tui.printing.service_plan import share_method_label

    for version in reversed(plan.versions):
        console.print(f"  {version_line(version)}", soft_wrap=True)
        for share in plan.shares_of(version.number):
            relation = f" ({share.relation})" if share.relation else ""
            console.print("    " + _("shared with consent: {person}{relation}, {date}, {how}").format(
                person=share.person, relation=relation, date=format_short_date(share.shared_on), how=share_method_label(share.method)), soft_wrap=True)  # fmt: skip


@guarded
def print_service_plan(
    ctx: typer.Context,
    participant: Annotated[str, typer.Argument(help=_("The participant's name (or a unique part of it) or id."), show_default=False)],
    version: Annotated[int | None, typer.Option("--version", min=1, max=MAX_ID, help=_("Print this version (default: the newest)."), show_default=False)] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help=_("The file to write: .pdf, .md or .html (default: a PDF in the current folder)."), show_default=False)] = None,
    template: TemplateOption = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    settings = settings_for(ctx, database=db, language=lang)
    from imr_tui.printing.output import check_suffix

    if output is not None:
        check_suffix(output)
    from imr_tui.clock import SystemClock
    from imr_tui.printing import render
    from imr_tui.printing.output import slug
    from imr_tui.printing.service_plan import ServicePlanDocument

    plan_template, person, plan = _read_plan(settings, participant, template)
    chosen = plan.version(version) if version is not None else plan.current
    if chosen is None:
        with use_language(settings.language):
            if version is not None:
                numbers = ", ".join(str(v.number) for v in plan.versions) or "–"
                raise BadInputError(_("--version: {name}'s plan has no version {number}; its versions: {numbers}").format(name=person.name, number=version, numbers=numbers))
            raise UserError(_("{name} has no finished service plan yet: finish a revision in the app first").format(name=person.name))
    language = lang or plan.language or settings.language  # the participant's language, unless --lang asks otherwise
    today = SystemClock().now().date()
    document = ServicePlanDocument(language, plan_template, plan, chosen, today)
    path = (output or Path(f"service-plan-{slug(person.name)}-v{chosen.number}.pdf")).expanduser().absolute()
    render(document, path)
    echo(_("Service plan written to {path}").format(path=path))
