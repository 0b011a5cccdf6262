"""The finished versions of a plan: read one, compare it with the newest, share, print, or start again from it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from imr_tui.i18n import N_, _, format_short_date
from imr_tui.printing.service_plan import share_method_label
from imr_tui.screens.print_preview import PrintJob
from imr_tui.screens.service_plan_base import ServicePlanScreenBase
from imr_tui.service_plan.compare import compare_plans
from imr_tui.service_plan.export import plan_lines, version_line
from imr_tui.store.service_plan_records import ServicePlanVersionRecord

if TYPE_CHECKING:
    from imr_tui.store import Store


def service_plan_job(participant_id: int, number: int, language: str, today: dt.date) -> PrintJob:
    """Print one version, in the participant's language (`language` where they have none)."""

    def fetch(store: Store) -> tuple[object, object]:
        from imr_tui.service_plan import load_template

        template = load_template()
        return template, store.service_plans.plan(participant_id, template)

    def make(found, _curriculum, _with_names: bool):
        from imr_tui.printing.service_plan import ServicePlanDocument

        template, plan = found
        return ServicePlanDocument(plan.language or language, template, plan, plan.version(number), today)

    def file_name(document) -> str:
        from imr_tui.printing.output import slug

        return f"service-plan-{slug(document.plan.participant.name)}-v{document.version.number}.pdf"

    return PrintJob(lambda: _("The service plan as it will be printed (A4, personal)"), make, file_name, fetch=fetch)


class ServicePlanVersionsScreen(ServicePlanScreenBase):
    """Dismissed with True when a new revision was started from an earlier version."""

    SHOWN_WHILE_PRIVATE = "#plan-body, #version-hint, #plan-state"
    HELP_TEXT = N_(
        "**Versions of the service plan**, newest first. Choose one with the arrow keys to read it.\n\n"
        "**c** shows what changed between it and the newest version (added, removed, changed, section by section), "
        "**n** starts a new revision from it, **s** records who got a copy (with the participant's consent), "
        "**p** prints it."
    )
    BINDINGS = [
        Binding("c", "toggle_compare", N_("Compare with newest"), id="service_plan_versions.compare"),
        Binding("n", "start_from", N_("New revision from this"), id="service_plan_versions.start_from"),
        Binding("s", "share", N_("Shared with…"), id="service_plan_versions.share"),
        Binding("p", "print_version", N_("Print"), id="service_plan_versions.print"),
        Binding("escape", "back", N_("Back"), id="service_plan_versions.back"),
        Binding("f5", "app.toggle_presentation", N_("Presentation"), id="service_plan_versions.presentation", show=False),
        Binding("f1", "app.help", N_("Help"), id="service_plan_versions.help", show=False),
    ]

    def __init__(self, participant_id: int) -> None:
        super().__init__(participant_id)
        self.comparing = False
        self.chosen: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="plan-title")
        yield Static(_("A plan is reviewed about every three months; it belongs to the participant, who decides who gets it."), id="plan-state")
        with Horizontal(id="plan-body"):
            yield OptionList(id="versions")
            with VerticalScroll(id="version-pane"):
                yield Static(id="version")
        yield Static(_("The service plan is hidden in presentation mode (f5)."), id="plan-hidden")
        yield Static(_("c compare with the newest · n new revision from this · s shared with… · p print"), id="version-hint")
        yield Footer()

    def on_service_plan_screen_base_loaded(self, message: ServicePlanScreenBase.Loaded) -> None:
        self.plan, self.template = message.plan, message.template
        self.query_one("#plan-title", Static).update(f"[b]{self.plan.participant.name}[/b] · " + _("Versions of the service plan"))
        versions = self.query_one("#versions", OptionList)
        versions.clear_options()
        newest = self.plan.current
        for version in reversed(self.plan.versions):
            label = _("Version {number}").format(number=version.number) + f" · {format_short_date(version.finished_on)}"
            if newest and version.number == newest.number:
                label += " · " + _("newest")
            if version.made_by:
                label += f"\n  {version.made_by}"
            versions.add_option(Option(label, id=str(version.number)))
        chosen = self.chosen if self.chosen is not None and self.plan.version(self.chosen) else (newest.number if newest else None)
        if chosen is not None:
            versions.highlighted = [v.number for v in reversed(self.plan.versions)].index(chosen)
        self.show_presentation()
        versions.focus()

    @on(OptionList.OptionHighlighted, "#versions")
    def version_chosen(self, event: OptionList.OptionHighlighted) -> None:
        self.chosen = int(event.option.id or 0)
        self.show_version()

    def version(self) -> ServicePlanVersionRecord | None:
        return self.plan.version(self.chosen) if self.plan and self.chosen is not None else None

    def show_version(self) -> None:
        version, plan, template = self.version(), self.plan, self.template
        if version is None or plan is None or template is None:
            return
        text = Text()
        text.append(version_line(version) + "\n", style="bold")
        if self.comparing:
            text.append_text(self.changes_text(version))
        else:
            for title, lines in plan_lines(template, version):
                text.append(f"\n{title}\n", style="bold")
                for line in lines:
                    text.append(f"  • {line}\n")
        shares = plan.shares_of(version.number)
        text.append("\n" + _("Shared with consent") + "\n", style="bold")
        if not shares:
            text.append("  " + _("not shared with anyone yet") + "\n", style="dim")
        for share in shares:
            relation = f" ({share.relation})" if share.relation else ""
            text.append(f"  ✓ {share.person}{relation}, {format_short_date(share.shared_on)}, {share_method_label(share.method)}\n")
        self.query_one("#version", Static).update(text)

    def changes_text(self, version: ServicePlanVersionRecord) -> Text:
        newest = self.plan.current if self.plan else None
        text = Text()
        if newest is None or self.template is None or newest.number == version.number:
            text.append("\n" + _("This is the newest version: choose an earlier one to see what changed since.") + "\n", style="italic")
            return text
        text.append("\n" + _("What changed from version {old} to version {new}:").format(old=version.number, new=newest.number) + "\n")
        changes = compare_plans(self.template, version.content, newest.content)
        if not changes:
            text.append("  " + _("nothing: the two versions say the same") + "\n", style="dim")
        for change in changes:
            section = self.template.section(change.section_id)
            text.append(f"\n{section.title if section else change.section_id}\n", style="bold")
            for item in change.added:
                text.append("  + " + _("added") + f": {item}\n")
            for item in change.removed:
                text.append("  − " + _("removed") + f": {item}\n")
            for edit in change.changed:
                text.append("  ~ " + _("changed") + f": {edit.old} → {edit.new}\n")
        return text

    def action_toggle_compare(self) -> None:
        self.comparing = not self.comparing
        self.show_version()

    def action_start_from(self) -> None:
        from imr_tui.screens.confirm import ConfirmScreen

        version, plan = self.version(), self.plan
        if version is None or plan is None or self.template is None or self.imr.presentation_mode:
            return
        question = _("Start a new revision from version {number}?").format(number=version.number)
        if plan.has_unfinished_changes:
            question += " " + _("The changes written since version {newest} and not finished will be replaced.").format(newest=plan.current.number if plan.current else "–")

        def answer(yes: bool | None) -> None:
            if yes:
                participant_id, template, number = self.participant_id, self.template, version.number
                assert template is not None  # read before the question was asked
                self.write(lambda store: store.service_plans.start_from(participant_id, template, number), what=_("a new revision from version {number}").format(number=number))
                self.notify(_("The draft now starts from version {number}.").format(number=number))
                self.dismiss(True)

        self.app.push_screen(ConfirmScreen(question), answer)

    def action_share(self) -> None:
        from imr_tui.screens.service_plan_dialogs import ShareDialog

        if (version := self.version()) is None or self.imr.presentation_mode:
            return

        def shared(share) -> None:
            if share is not None:
                self.notify(_("Recorded: {person} got version {number}.").format(person=share.person, number=share.version_number))
                self.load()

        self.app.push_screen(ShareDialog(self.participant_id, version.number), shared)

    def action_print_version(self) -> None:
        from imr_tui.screens.print_preview import PrintPreviewScreen

        if (version := self.version()) is not None and not self.imr.presentation_mode:
            self.app.push_screen(PrintPreviewScreen(service_plan_job(self.participant_id, version.number, self.imr.settings.language, self.imr.today())))

    def action_back(self) -> None:
        self.dismiss(False)
