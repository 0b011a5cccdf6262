"""Writing a participant's service plan, section by section, saved as it is typed.

Another window may be writing the same plan: a section it saved since this one read it
is never overwritten; the therapist sees both and chooses (nothing typed is lost).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from imr_tui.domain.conflicts import EditConflict
from imr_tui.i18n import N_, _, format_short_date
from imr_tui.screens.service_plan_base import ServicePlanScreenBase
from imr_tui.service_plan.content import SectionValue, from_json, is_blank, same_content, to_json
from imr_tui.service_plan.export import review_label
from imr_tui.service_plan.revision_dates import review_state
from imr_tui.service_plan.template import ServicePlanTemplate
from imr_tui.store.service_plan_records import ServicePlanRecord
from imr_tui.widgets.autosave import Autosaver
from imr_tui.widgets.service_plan_section import SectionEditor

if TYPE_CHECKING:
    from imr_tui.store import Store


def written(value: SectionValue) -> list:
    """A list's lines that have words, in order."""
    return [] if isinstance(value, str) else [item for item in value if not is_blank((item,))]


class ServicePlanEditorScreen(ServicePlanScreenBase):
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
        self.resolving: set[str] = set()
        """Sections whose conflict with another window's text is being shown."""

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

    @staticmethod
    def plan_of(store: Store, participant_id: int, template: ServicePlanTemplate) -> ServicePlanRecord:
        return store.service_plans.open_draft(participant_id, template)

    async def on_service_plan_screen_base_loaded(self, message: ServicePlanScreenBase.Loaded) -> None:
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
            await self.changed_line(editor, lambda: editor.remove_item(report=False), _("a line removed from “{section}”"))

    async def action_move_item(self, offset: int) -> None:
        if editor := self.current_editor():
            await self.changed_line(editor, lambda: editor.move_item(offset, report=False), _("a line moved in “{section}”"))

    async def changed_line(self, editor: SectionEditor, change, what: str) -> None:
        """Remove or move a line, store it at once, and let ctrl+z put the list back as it was."""
        before, index = editor.value(), editor.current_index()
        await change()
        after = editor.value()
        if after == before:
            return
        section_id, participant_id = editor.spec.id, self.participant_id
        self.autosaver.save(section_id)  # what was typed before the key first, as typed
        self.save(section_id, after)
        expected = self.stored.get(section_id, "")
        if written(before) == written(after):
            return  # only an empty line offered to write on went: nothing to undo
        what = what.format(section=editor.spec.title)

        def show_undone() -> None:
            self.stored[section_id] = to_json(before)
            self.call_later(self._show_undone, section_id, before, index)

        self.changed(what, lambda store: store.service_plans.put_section(participant_id, section_id, before, expected), show_undone)

    async def _show_undone(self, section_id: str, value: SectionValue, index: int | None) -> None:
        if editors := self.query(f"#section-{section_id}"):
            editor = editors.first(SectionEditor)
            await editor.show_value(value)
            editor.focus_line(index)
            self.refresh_label(editor)

    # Saving as typed

    @on(SectionEditor.Edited)
    def remember(self, event: SectionEditor.Edited) -> None:
        # The value is read now, so a save that runs as the screen closes needs no widget.
        section_id, value = event.section_id, event.editor.value()
        self.autosaver.schedule(section_id, lambda: self.save(section_id, value))

    def save(self, section_id: str, value: SectionValue) -> None:
        section = self.template.section(section_id) if self.template else None
        stored = self.stored.get(section_id, "")
        if section is None or to_json(value) == stored or (is_blank(value) and is_blank(from_json(section.kind, stored))):
            return  # nothing new: an empty line offered to write on is not a change
        participant_id = self.participant_id
        self.stored[section_id] = to_json(value)  # the next save is based on this one, which runs first

        def refused(error: BaseException) -> bool:
            if not isinstance(error, EditConflict) or not self.is_attached:
                return False  # said by the app: the window has closed
            self.resolve_conflict(section_id, value, error.stored)
            return True

        self.write(lambda store: store.service_plans.save_section(participant_id, section_id, value, stored), failed=refused, what=str(section.title))
        if self.is_attached and (editors := self.query(f"#section-{section_id}")):
            self.refresh_label(editors.first(SectionEditor))

    def refresh_label(self, editor: SectionEditor) -> None:
        sections = self.query_one("#sections", OptionList)
        index = [editor.spec.id for editor in self.editors()].index(editor.spec.id)
        sections.replace_option_prompt_at_index(index, self._section_label(editor))
        self.show_head()

    def resolve_conflict(self, section_id: str, mine: SectionValue, theirs_json: str) -> None:
        from imr_tui.screens.service_plan_conflict import SectionConflictScreen, merged

        if section_id in self.resolving:
            return  # the therapist is choosing already; later typing is taken into that choice
        self.resolving.add(section_id)
        editor = self.editor(section_id)
        theirs = from_json(editor.spec.kind, theirs_json)

        async def choose(choice: str | None) -> None:
            self.resolving.discard(section_id)
            if choice is None:
                return
            self.stored[section_id] = theirs_json
            # What was typed into the question goes on in the line being written, before mine is read.
            typed_on = choice != "theirs" and bool(question.typed) and type_on(self.app.focused, question.typed)
            mine_now = editor.value()  # what is on screen now, typed after the save that met theirs too
            if choice != "theirs" and question.typed and not typed_on:
                mine_now = with_typed(mine_now, question.typed)  # no line has the focus: kept as the last
            kept = {"mine": mine_now, "theirs": theirs, "both": merged(theirs, mine_now)}[choice]
            if kept != editor.value():
                await editor.show_value(kept)
            if choice != "theirs":
                self.save(section_id, kept)
            self.refresh_label(editor)

        question = SectionConflictScreen(str(editor.spec.title), mine, theirs)
        self.app.push_screen(question, choose)

    # Finishing, versions, leaving

    def flushed(self) -> bool:
        """Send what is pending to the store; False when a conflict needs the therapist's choice first."""
        self.autosaver.flush()
        return self.app.screen is self

    def action_finish(self) -> None:
        from imr_tui.screens.service_plan_dialogs import FinishRevisionDialog

        if self.plan is None or self.template is None or self.imr.presentation_mode or not self.flushed():
            return

        participant_id = self.participant_id

        def finished(version) -> None:
            if version is not None:
                number = version.number
                self.notify(_("Version {number} finished; review by {date}.").format(number=number, date=format_short_date(version.review_on)))
                self.load()
                what = _("version {number} of the service plan finished").format(number=number)
                self.changed(what, lambda store: store.service_plans.reopen_revision(participant_id, number), self.load_after_undo)

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
            self.after_saves(self.close_if_shown)

    def close_if_shown(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()

    def on_unmount(self) -> None:
        self.autosaver.flush()


def type_on(field: Widget | None, typed: str) -> bool:
    """What was typed while the question was open goes on where the therapist was typing."""
    if isinstance(field, Input):
        field.insert_text_at_cursor(typed.replace("\n", " "))
    elif isinstance(field, TextArea):
        field.insert(typed)
    else:
        return False
    return True


def with_typed(value: SectionValue, typed: str) -> SectionValue:
    if isinstance(value, str):
        return value + typed
    if all(isinstance(item, str) for item in value):
        return (*value, typed.strip())  # type: ignore[return-value]
    return value
