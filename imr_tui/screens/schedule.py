"""A group's plan: every session with its date, module and topic; cancel, move or edit one."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Static

from imr_tui.domain.schedule_records import GroupPlan, PlanChange, PlanEntry, RowState
from imr_tui.domain.vocabulary import SessionStatus
from imr_tui.i18n import N_, _, format_short_date, format_time, format_weekday, ngettext
from imr_tui.planning.labels import meets_label, plan_change_notice, session_status_label
from imr_tui.screens.planning_base import PlanningScreen
from imr_tui.screens.schedule_dialogs import CancelSessionDialog, ContentDialog, JumpDialog, MoveSessionDialog
from imr_tui.widgets.more_keys import MoreKeys


class ScheduleScreen(PlanningScreen):
    CSS_PATH = "planning.tcss"
    HELP_TEXT = N_(
        "**The plan** lists the group's sessions with their module and topic; the cursor starts at the "
        "first session from today.\n\n"
        "**c** cancels the highlighted session (or plans a cancelled one again) and **m** moves it: "
        "either way you choose whether the module and topic move along to the following sessions. "
        "**e** chooses another module or topic, and **j** goes to a date (enter: today). A held "
        "session is never moved.\n\n"
        "A session marked held by mistake can be set back to planned with **o**, as long as no journal "
        "notes are drafted for it. **ctrl+z** takes back the last cancel, move, change of content, "
        "reinstatement or reopening.\n\n"
        "**k** lists the closed days; after a change the plan can be laid out again around them, as "
        "can the group form. **i** shows the module 1 meetings with each participant, and **enter** "
        "opens a session. **p** prints the course schedule for the group (no names on it)."
    )
    BINDINGS = [
        Binding("c", "cancel_session", N_("Cancel session"), id="schedule.cancel"),
        Binding("m", "move_session", N_("Move"), id="schedule.move"),
        Binding("e", "edit_content", N_("Module/topic"), id="schedule.edit"),
        Binding("i", "toggle_individual", N_("Module 1"), id="schedule.individual"),
        Binding("p", "print_schedule", N_("Print"), id="schedule.print"),
        Binding("escape", "app.pop_screen", N_("Back"), id="schedule.back"),
        # Named in the line above the footer, which has no room for them at 100 columns.
        Binding("o", "reopen_session", N_("Reopen"), id="schedule.reopen", show=False),
        Binding("j", "jump", N_("Go to date"), id="schedule.jump", show=False),
        Binding("k", "closed_periods", N_("Closed days"), id="schedule.closed", show=False),
        Binding("f1", "app.help", N_("Help"), id="schedule.help", show=False),
    ]

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
        yield MoreKeys()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#plan", DataTable)
        # Widths that fit 110 columns (100 in a narrower terminal); longer titles end in an
        # ellipsis (the session screen shows them whole).
        wide = self.app.size.width >= 110
        for label, width in ((_("Date"), 10), (_("Weekday"), 7), (_("Time"), 5), (_("Module"), 34 if wide else 29), (_("Topic"), 26 if wide else 22), (_("Status"), 16 if wide else 14)):
            table.add_column(label, width=width)
        table.loading = True
        self.reload()

    def reload(self) -> None:
        group_id = self.group_id
        self.read(lambda store: store.schedule.plan(group_id), self.show_plan)

    def show_plan(self, plan: GroupPlan) -> None:
        self.plan = plan
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
        assert self.plan is not None, "rows are shown from the plan read"
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
        self.app.push_screen(JumpDialog(self.imr.today()), lambda day: self.go_to(day) if day else None)

    def action_toggle_individual(self) -> None:
        self.show_individual = not self.show_individual
        if self.plan is not None:
            self.show_plan(self.plan)

    def _editable(self) -> PlanEntry | None:
        entry = self.highlighted()
        if entry is not None and entry.status == SessionStatus.HELD:
            self.notify(_("A held session is never moved or changed: it is the record of what happened. o sets it back to planned."), severity="warning")
            return None
        return entry

    def action_cancel_session(self) -> None:
        """Cancel the highlighted session; on a cancelled one, offer to plan it again."""
        entry = self._editable()
        if entry is None:
            return
        if entry.status == SessionStatus.CANCELLED:
            from imr_tui.screens.confirm import ConfirmScreen

            self.app.push_screen(ConfirmScreen(_("The session is cancelled. Plan it again?")), lambda yes: self.reinstate(entry) if yes else None)
            return
        self.app.push_screen(CancelSessionDialog(entry), self.edited_as(_("the session on {date} cancelled").format(date=format_short_date(entry.date))))

    def reinstate(self, entry: PlanEntry) -> None:
        session_id, version = entry.id, entry.version
        self.show_entry(replace(entry, status=SessionStatus.PLANNED, cancel_reason=""))
        what = _("the session on {date} planned again").format(date=format_short_date(entry.date))
        self.store_edit(lambda store: store.schedule.reinstate_session(session_id, version), _("The session is planned again."), what=what, then=lambda change: self.undoable(what, change))

    def action_reopen_session(self) -> None:
        """A session marked held by mistake, set back to planned after a question."""
        entry = self.highlighted()
        if entry is None:
            return
        if entry.status != SessionStatus.HELD:
            self.notify(_("Only a held session can be set back to planned."), severity="warning")
            return
        from imr_tui.screens.confirm import ConfirmScreen

        question = _("The session on {date} is marked as held. Set it back to planned? The audit trail keeps that you did.").format(date=format_short_date(entry.date))
        self.app.push_screen(ConfirmScreen(question), lambda yes: self.reopen(entry) if yes else None)

    def reopen(self, entry: PlanEntry) -> None:
        session_id, version = entry.id, entry.version
        self.show_entry(replace(entry, status=SessionStatus.PLANNED))
        what = _("the session on {date} set back to planned").format(date=format_short_date(entry.date))
        self.store_edit(lambda store: store.schedule.reopen_held(session_id, version), _("The session is planned again. ctrl+z marks it held again."), what=what, then=lambda change: self.undoable(what, change))

    def show_entry(self, changed: PlanEntry) -> None:
        """One session shown as it is now, before the store has it (the reload that follows confirms it)."""
        if self.plan is not None:
            self.show_plan(replace(self.plan, entries=tuple(changed if entry.id == changed.id else entry for entry in self.plan.entries)))

    def undoable(self, what: str, change: PlanChange) -> None:
        """Log a stored plan edit for ctrl+z: its sessions go back as they were, unless changed since."""
        if not change.after:
            return
        before, after = change.before, change.after
        self.changed(what, lambda store: store.schedule.restore_rows(before, after), lambda: self.show_undone(before, after))

    def show_undone(self, before: tuple[RowState, ...], after: tuple[RowState, ...]) -> None:
        """The sessions back as they were at once; read again once the undo is stored (it is queued next)."""
        if self.plan is not None:
            earlier = {state.id: state for state in before}
            added = {state.id for state in after} - earlier.keys()
            entries = []
            for entry in self.plan.entries:
                if entry.id in added:
                    continue
                state = earlier.get(entry.id)
                if state is not None:
                    entry = replace(entry, date=state.date, start_time=state.start_time, module_id=state.module_id, topic_id=state.topic_id, status=state.status, cancel_reason=state.cancel_reason)
                entries.append(entry)
            self.show_plan(replace(self.plan, entries=tuple(sorted(entries, key=lambda entry: (entry.date, entry.start_time, entry.id)))))
        self.call_after_refresh(self.reload)

    def action_move_session(self) -> None:
        if (entry := self._editable()) is not None:
            self.app.push_screen(MoveSessionDialog(entry), self.edited_as(_("the session on {date} moved").format(date=format_short_date(entry.date))))

    def action_edit_content(self) -> None:
        if (entry := self._editable()) is not None:
            self.app.push_screen(ContentDialog(entry, self.imr.curriculum), self.edited_as(_("the module and topic on {date}").format(date=format_short_date(entry.date))))

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
            group_id, curriculum, today = self.group_id, self.imr.curriculum, self.imr.today()
            self.store_edit(lambda store: store.schedule.generate_schedule(group_id, curriculum, today), lambda change: plan_change_notice(change) or _("The plan is unchanged."), what=_("the plan laid out again"))

    def edited_as(self, what: str):
        """What a dialog's stored edit is called in the undo log ("cancelling the session on 1.12.")."""

        def edited(change: PlanChange | None) -> None:
            if change is None:
                return
            notice = plan_change_notice(change)
            self.notify((notice or _("Saved.")) + "\n" + _("ctrl+z takes it back."), severity="warning" if change.warnings else "information")
            self.undoable(what, change)
            self.reload()

        return edited

    @on(DataTable.RowSelected, "#plan")
    def open_session(self) -> None:
        entry = self.highlighted()
        if entry is not None:
            from imr_tui.screens.session import SessionScreen

            self.app.push_screen(SessionScreen(entry.id))
