"""Writing a participant's service plan, section by section, saved as it is typed.

Another window may be writing the same plan: a section it saved since this one read it
is never overwritten; the therapist sees both and chooses (nothing typed is lost).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from imr_tui.i18n import N_, _, format_short_date
from imr_tui.screens.service_plan_base import PlanScreen
from imr_tui.service_plan.content import SectionValue, from_json, is_blank, same_content, to_json
from imr_tui.service_plan.export import review_label
from imr_tui.service_plan.review import review_state
from imr_tui.service_plan.template import PlanTemplate
from imr_tui.store.service_plan_records import ServicePlanRecord
from imr_tui.widgets.autosave import Autosaver
from imr_tui.widgets.service_plan_section import SectionEditor


class ServicePlanEditorScreen(PlanScreen):
    HELP_TEXT = N_(
        "**The service plan** in the participant's own words, section by section. Choose a section on the left "
        "(arrow keys), **tab** into it and write: everything is saved as you type.\n\n"
        "In a list, **enter** starts a new line, **ctrl+n** adds one, **ctrl+r** removes the line, "
        "**ctrl+↑**/**ctrl+↓** move it. **ctrl+f** finishes this revision as a dated version with a review date; "
        "**ctrl+o** shows earlier versions (compare, share, print, or start again from one). "
        "The plan is hidden in presentation mode."
    )
    BINDINGS = [
        Binding("ctrl+n", "add_item", N_("New line"), id="service_plan.add"),
        Binding("ctrl+r", "remove_item", N_("Remove line"), id="service_plan.remove"),
        Binding("ctrl+up", "move_item(-1)", N_("Move up"), id="service_plan.move_up", show=False),
        Binding("ctrl+down", "move_item(1)", N_("Move down"), id="service_plan.move_down", show=False),
        Binding("ctrl+pagedown", "next_section(1)", N_("Next section"), id="service_plan.next_section", show=False),
        Binding("ctrl+pageup", "next_section(-1)", N_("Previous section"), id="service_plan.previous_section", show=False),
        Binding("ctrl+f", "finish", N_("Finish revision"), id="service_plan.finish"),
        Binding("ctrl+o", "versions", N_("Versions"), id="service_plan.versions"),
        Binding("escape", "back", N_("Back"), id="service_plan.back"),
        Binding("f5", "app.toggle_presentation", N_("Presentation"), id="service_plan.presentation", show=False),
        Binding("f1", "app.help", N_("Help"), id="service_plan.help", show=False),
    ]

    def __init__(self, participant_id: int) -> None:
        super().__init__(participant_id)
        self.stored: dict[str, str] = {}
        """Each section's JSON as this window last read or wrote it."""
        self.autosaver = Autosaver(self)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="plan-title")
        yield Static(id="plan-state")
        with Horizontal(id="plan-body"):
            yield OptionList(id="sections")
            pane = VerticalScroll(id="section-pane")
            pane.can_focus = False  # tab goes from the sections straight into the fields
            yield pane
        yield Static(_("The service plan is hidden in presentation mode (f5)."), id="plan-hidden")
        yield Footer()

    def read(self, template: PlanTemplate) -> ServicePlanRecord:
        return self.imr.store.service_plans.open_draft(self.participant_id, template)

    async def on_plan_screen_loaded(self, message: PlanScreen.Loaded) -> None:
        self.plan, self.template = message.plan, message.template
        self.stored = {key: section.stored for key, section in message.plan.draft.items()}
        pane = self.query_one("#section-pane", VerticalScroll)
        await pane.remove_children()
        editors = [SectionEditor(section, message.plan.draft[section.id].value) for section in self.template.sections if section.id in message.plan.draft]
        await pane.mount_all(editors)
        sections = self.query_one("#sections", OptionList)
        sections.clear_options()
        sections.add_options([Option(self._section_label(editor), id=editor.spec.id) for editor in editors])
        sections.highlighted = 0
        self.show_section(editors[0].spec.id if editors else "")
        self.show_head()
        self.show_presentation()
        sections.focus()

    # What is shown

    def editors(self) -> list[SectionEditor]:
        return list(self.query(SectionEditor))

    def editor(self, section_id: str) -> SectionEditor:
        return self.query_one(f"#section-{section_id}", SectionEditor)

    def _section_label(self, editor: SectionEditor) -> str:
        value = editor.value()
        mark = "·" if is_blank(value) else "✓"
        count = "" if isinstance(value, str) or is_blank(value) else f" ({sum(1 for item in value if not is_blank((item,)))})"
        return f"{mark} {editor.spec.title}{count}"

    def show_section(self, section_id: str) -> None:
        focused = self.focused
        for editor in self.editors():
            editor.display = editor.spec.id == section_id
            if not editor.display and focused is not None and editor in focused.ancestors:
                # A tab typed faster than the section changed: follow it into the section now shown.
                self.call_after_refresh(self.enter_section)

    def current_editor(self) -> SectionEditor | None:
        shown = [editor for editor in self.editors() if editor.display]
        return shown[0] if shown else None

    def show_head(self) -> None:
        plan = self.plan
        if plan is None or self.template is None:
            return
        self.query_one("#plan-title", Static).update(f"[b]{plan.participant.name}[/b] · {self.template.name}")
        current = plan.current
        if current is None:
            state = _("Draft: no finished version yet. Finish the revision (ctrl+f) when the participant is happy with it.")
        else:
            state = _("Version {number} of {date}, review by {review}").format(number=current.number, date=format_short_date(current.finished_on), review=format_short_date(current.review_on))
            if label := review_label(review_state(current.review_on, self.imr.today())):
                state += f" ⚠ {label}"
            if not same_content(self.draft_content(), current.content):
                state += " · " + _("changes since version {number} not finished yet").format(number=current.number)
        self.query_one("#plan-state", Static).update(state)

    def draft_content(self) -> dict[str, SectionValue]:
        return {editor.spec.id: editor.value() for editor in self.editors()}

    @on(OptionList.OptionHighlighted, "#sections")
    def section_chosen(self, event: OptionList.OptionHighlighted) -> None:
        self.show_section(event.option.id or "")

    @on(OptionList.OptionSelected, "#sections")
    def enter_section(self) -> None:
        if editor := self.current_editor():
            editor.query("Input, TextArea").first().focus()

    def action_next_section(self, offset: int) -> None:
        sections = self.query_one("#sections", OptionList)
        if sections.option_count:
            sections.highlighted = ((sections.highlighted or 0) + offset) % sections.option_count

    # Lists

    async def action_add_item(self) -> None:
        if editor := self.current_editor():
            await editor.add_item()

    async def action_remove_item(self) -> None:
        if editor := self.current_editor():
            await editor.remove_item()

    async def action_move_item(self, offset: int) -> None:
        if editor := self.current_editor():
            await editor.move_item(offset)

    # Saving as typed

    @on(SectionEditor.Edited)
    def remember(self, event: SectionEditor.Edited) -> None:
        # The value is read now, so a save that runs as the screen closes needs no widget.
        section_id, value = event.section_id, event.editor.value()
        self.autosaver.schedule(section_id, lambda: self.save(section_id, value))

    def save(self, section_id: str, value: SectionValue) -> None:
        from imr_tui.store.service_plans import SectionConflict

        section = self.template.section(section_id) if self.template else None
        stored = self.stored.get(section_id, "")
        if section is None or to_json(value) == stored or (is_blank(value) and is_blank(from_json(section.kind, stored))):
            return  # nothing new: an empty line offered to write on is not a change
        try:
            self.stored[section_id] = self.imr.store.service_plans.save_section(self.participant_id, section_id, value, stored)
        except SectionConflict as conflict:
            if self.is_attached:
                self.resolve_conflict(section_id, value, conflict.stored)
            return
        if self.is_attached and (editors := self.query(f"#section-{section_id}")):
            self.refresh_label(editors.first(SectionEditor))

    def refresh_label(self, editor: SectionEditor) -> None:
        sections = self.query_one("#sections", OptionList)
        index = [editor.spec.id for editor in self.editors()].index(editor.spec.id)
        sections.replace_option_prompt_at_index(index, self._section_label(editor))
        self.show_head()

    def resolve_conflict(self, section_id: str, mine: SectionValue, theirs_json: str) -> None:
        from imr_tui.screens.service_plan_conflict import SectionConflictScreen, merged

        editor = self.editor(section_id)
        theirs = from_json(editor.spec.kind, theirs_json)

        async def choose(choice: str | None) -> None:
            if choice is None:
                return
            self.stored[section_id] = theirs_json
            kept = {"mine": mine, "theirs": theirs, "both": merged(theirs, mine)}[choice]
            if choice != "mine":
                await editor.show_value(kept)
            if choice != "theirs":
                self.save(section_id, kept)
            self.refresh_label(editor)

        self.app.push_screen(SectionConflictScreen(str(editor.spec.title), mine, theirs), choose)

    # Finishing, versions, leaving

    def flushed(self) -> bool:
        """Save what is pending; False when a conflict needs the therapist's choice first."""
        self.autosaver.flush()
        return self.app.screen is self

    def action_finish(self) -> None:
        from imr_tui.screens.service_plan_dialogs import FinishRevisionDialog

        if self.plan is None or self.template is None or self.imr.presentation_mode or not self.flushed():
            return

        def finished(version) -> None:
            if version is not None:
                self.notify(_("Version {number} finished; review by {date}.").format(number=version.number, date=format_short_date(version.review_on)))
                self.load()

        self.app.push_screen(FinishRevisionDialog(self.participant_id, self.template), finished)

    def action_versions(self) -> None:
        from imr_tui.screens.service_plan_versions import ServicePlanVersionsScreen

        if self.plan is None or self.imr.presentation_mode or not self.flushed():
            return
        if not self.plan.versions:
            self.notify(_("There is no finished version yet: finish this revision with ctrl+f."), severity="warning")
            return
        self.app.push_screen(ServicePlanVersionsScreen(self.participant_id), lambda restarted: self.load() if restarted else None)

    def action_back(self) -> None:
        if self.flushed():
            self.app.pop_screen()

    def on_unmount(self) -> None:
        self.autosaver.flush()
