"""A group's plan: every session with its date, module and topic; cancel, move or edit one."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static

from imr_tui.i18n import N_, _, format_short_date, format_time, format_weekday, ngettext
from imr_tui.models import SessionStatus
from imr_tui.planning.labels import meets_label, plan_change_notice, session_status_label
from imr_tui.screens.planning_base import PlanningScreen
from imr_tui.screens.schedule_dialogs import CancelSessionDialog, ContentDialog, JumpDialog, MoveSessionDialog
from imr_tui.store.planning_records import GroupPlan, PlanChange, PlanEntry


class ScheduleScreen(PlanningScreen):
    CSS_PATH = "planning.tcss"
    HELP_TEXT = N_(
        "**The plan** lists the group's sessions with their module and topic; the cursor starts at the "
        "first session from today.\n\n"
        "**c** cancels the highlighted session (or plans a cancelled one again) and **m** moves it: "
        "either way you choose whether the module and topic move along to the following sessions. "
        "**e** chooses another module or topic, and **j** goes to a date (enter: today). A held "
        "session is never moved.\n\n"
        "**k** lists the closed days; after a change the plan can be laid out again around them, as "
        "can the group form. **i** shows the module 1 meetings with each participant, and **enter** "
        "opens a session. **p** prints the course schedule for the group (no names on it)."
    )
    BINDINGS = [
        Binding("c", "cancel_session", N_("Cancel session"), id="schedule.cancel"),
        Binding("m", "move_session", N_("Move"), id="schedule.move"),
        Binding("e", "edit_content", N_("Module/topic"), id="schedule.edit"),
        Binding("j", "jump", N_("Go to date"), id="schedule.jump"),
        Binding("i", "toggle_individual", N_("Module 1"), id="schedule.individual"),
        Binding("k", "closed_periods", N_("Closed days"), id="schedule.closed"),
        Binding("p", "print_schedule", N_("Print"), id="schedule.print"),
        Binding("escape", "app.pop_screen", N_("Back"), id="schedule.back"),
        Binding("f1", "app.help", N_("Help"), id="schedule.help"),
    ]

    class Loaded(Message):
        def __init__(self, plan: GroupPlan) -> None:
            super().__init__()
            self.plan = plan

    def __init__(self, group_id: int) -> None:
        super().__init__()
        self.group_id = group_id
        self.plan: GroupPlan | None = None
        self.rows: list[PlanEntry] = []
        self.show_individual = False
        self._placed = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="planning"):
            yield Static(id="plan-title", classes="screen-title")
            yield Static(id="plan-subtitle", classes="screen-subtitle")
            yield DataTable(id="plan", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#plan", DataTable)
        # Widths that fit 110 columns; longer titles end in an ellipsis (the session screen shows them whole).
        for label, width in ((_("Date"), 10), (_("Weekday"), 7), (_("Time"), 5), (_("Module"), 34), (_("Topic"), 26), (_("Status"), 16)):
            table.add_column(label, width=width)
        table.loading = True
        self.reload()

    def reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="schedule")
    def load(self) -> None:
        self.post_message(self.Loaded(self.imr.store.schedule.plan(self.group_id)))

    def on_schedule_screen_loaded(self, message: Loaded) -> None:
        self.plan = plan = message.plan
        title = _("Plan: {group}").format(group=plan.name)
        self.query_one("#plan-title", Static).update(f"{title} · {plan.location}" if plan.location else title)
        individual = sum(1 for entry in plan.entries if entry.individual)
        parts = [meets_label(plan.cadence, plan.weekdays), _("led by {names}").format(names=", ".join(plan.therapists) or "–")]
        if individual and not self.show_individual:
            parts.append(ngettext("{count} module 1 meeting (i shows it)", "{count} module 1 meetings (i shows them)", individual).format(count=individual))
        self.query_one("#plan-subtitle", Static).update(" · ".join(parts))
        self.show_rows()

    def show_rows(self) -> None:
        table = self.query_one("#plan", DataTable)
        current, scrolled = self.highlighted(), table.scroll_y
        self.rows = [entry for entry in self.plan.entries if self.show_individual or not entry.individual]
        today = self.imr.today()
        table.clear()
        for entry in self.rows:
            table.add_row(*self._cells(entry, today), key=str(entry.id))
        table.loading = False
        if current is not None and any(entry.id == current.id for entry in self.rows):
            # After an edit the same rows stay in view: the therapist keeps their place.
            table.move_cursor(row=table.get_row_index(str(current.id)), scroll=False)
            self.call_after_refresh(table.scroll_to, y=scrolled, animate=False)
        elif not self._placed:
            self.show_today()
        self._placed = True

    def _cells(self, entry: PlanEntry, today: dt.date) -> tuple[Text, ...]:
        curriculum = self.imr.curriculum
        module = curriculum.module(entry.module_id)
        topic = curriculum.topic(entry.module_id, entry.topic_id)
        module_text = f"{module.number}. {module.title}" if module else "–"
        if entry.individual:
            # Who first: a long module title is cut at the column's edge.
            module_text = f"{entry.participant_alias} · {module_text}"
        style = "dim" if entry.date < today or entry.status == SessionStatus.CANCELLED else ("bold" if entry.date == today else "")
        cells = (
            format_short_date(entry.date), format_weekday(entry.date, "abbreviated"), format_time(entry.start_time),
            module_text, str(topic.title) if topic else "–", session_status_label(entry.status, entry.cancel_reason),
        )  # fmt: skip
        return tuple(Text(cell, style=style, no_wrap=True, overflow="ellipsis") for cell in cells)

    def highlighted(self) -> PlanEntry | None:
        table = self.query_one("#plan", DataTable)
        return self.rows[table.cursor_row] if self.rows and table.cursor_row < len(self.rows) else None

    def go_to(self, day: dt.date) -> None:
        """Cursor on the first session on or after `day`, with that whole week in view from the top."""
        table = self.query_one("#plan", DataTable)
        index = next((i for i, entry in enumerate(self.rows) if entry.date >= day), len(self.rows) - 1)
        if index < 0:
            return
        monday = self.rows[index].date - dt.timedelta(days=self.rows[index].date.weekday())
        week_starts = next(i for i, entry in enumerate(self.rows) if entry.date >= monday)
        table.move_cursor(row=index, animate=False, scroll=False)
        # After the cursor's own scrolling, which would leave the row at the bottom edge.
        self.call_after_refresh(table.scroll_to, y=week_starts, animate=False)

    def show_today(self) -> None:
        self.go_to(self.imr.today())

    def action_jump(self) -> None:
        self.app.push_screen(JumpDialog(self.imr.today()), lambda day: day and self.go_to(day))

    def action_toggle_individual(self) -> None:
        self.show_individual = not self.show_individual
        if self.plan is not None:
            self.on_schedule_screen_loaded(self.Loaded(self.plan))

    def _editable(self) -> PlanEntry | None:
        entry = self.highlighted()
        if entry is not None and entry.status == SessionStatus.HELD:
            self.notify(_("A held session is never moved or changed: it is the record of what happened."), severity="warning")
            return None
        return entry

    def action_cancel_session(self) -> None:
        """Cancel the highlighted session; on a cancelled one, offer to plan it again."""
        entry = self._editable()
        if entry is None:
            return
        if entry.status == SessionStatus.CANCELLED:
            from imr_tui.screens.confirm import ConfirmScreen

            self.app.push_screen(ConfirmScreen(_("The session is cancelled. Plan it again?")), lambda yes: yes and self.reinstate(entry))
            return
        self.app.push_screen(CancelSessionDialog(entry), self.edited)

    def reinstate(self, entry: PlanEntry) -> None:
        schedule = self.imr.store.schedule
        self.run_store_action(lambda: schedule.reinstate_session(entry.id, entry.version), _("The session is planned again."))

    def action_move_session(self) -> None:
        if (entry := self._editable()) is not None:
            self.app.push_screen(MoveSessionDialog(entry), self.edited)

    def action_edit_content(self) -> None:
        if (entry := self._editable()) is not None:
            self.app.push_screen(ContentDialog(entry, self.imr.curriculum), self.edited)

    def action_print_schedule(self) -> None:
        from imr_tui.screens.print_preview import PrintPreviewScreen, schedule_job

        self.app.push_screen(PrintPreviewScreen(schedule_job(self.group_id)))

    def action_closed_periods(self) -> None:
        from imr_tui.screens.closed_periods import ClosedPeriodsScreen

        self.app.push_screen(ClosedPeriodsScreen(self.group_id), self._closed_days_changed)

    def _closed_days_changed(self, changed: bool | None) -> None:
        """New closed days move nothing by themselves: offer to lay the plan out again around them."""
        if not changed:
            return
        from imr_tui.screens.confirm import ConfirmScreen

        question = _("Lay out the plan again from today? Planned sessions get new dates and modules from the cadence; held and earlier sessions stay.")
        self.app.push_screen(ConfirmScreen(question), self._replan_confirmed)

    def _replan_confirmed(self, yes: bool | None) -> None:
        if yes:
            schedule, curriculum, today = self.imr.store.schedule, self.imr.curriculum, self.imr.today()
            self.run_store_action(lambda: schedule.generate_schedule(self.group_id, curriculum, today), lambda change: plan_change_notice(change) or _("The plan is unchanged."))

    def edited(self, change: PlanChange | None) -> None:
        if change is None:
            return
        notice = plan_change_notice(change)
        self.notify(notice or _("Saved."), severity="warning" if change.warnings else "information")
        self.reload()

    @on(DataTable.RowSelected, "#plan")
    def open_session(self) -> None:
        entry = self.highlighted()
        if entry is not None:
            from imr_tui.screens.session import SessionScreen

            self.app.push_screen(SessionScreen(entry.id))
