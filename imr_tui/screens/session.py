"""The session screen, open in the room: agenda and timer, today's material, attendance,
each person's step, the home assignment and notes. Every change is saved as it is made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Markdown, Static, TextArea

from imr_tui.domain.attendance import attendance_words
from imr_tui.domain.conflicts import EditConflict
from imr_tui.domain.records import AttendanceMark, SessionOverview, SessionParticipant
from imr_tui.i18n import N_, _, format_long_date, format_time, ngettext
from imr_tui.planning.agenda import AgendaItem, build_agenda
from imr_tui.planning.timer import AgendaTimer
from imr_tui.screens.base import BaseScreen
from imr_tui.screens.material import material_markdown
from imr_tui.widgets.agenda_panel import AgendaPanel
from imr_tui.widgets.attendance_list import AttendanceList
from imr_tui.widgets.autosave import Autosaver
from imr_tui.widgets.more_keys import MoreKeys
from imr_tui.widgets.name_warning import NameWarning, shared_text

if TYPE_CHECKING:
    from imr_tui.store import Store

ATTENDANCE = Binding.Group(N_("Attendance"), compact=True)
TICK_SECONDS = 0.5
TIMER_SAVE_SECONDS = 30


def mark_words(mark: AttendanceMark) -> str:
    words = attendance_words(mark.status)
    return words + (", " + _("picked up") if mark.picked_up else "")


class SessionScreen(BaseScreen):
    CSS_PATH = "session.tcss"
    HELP_TEXT = N_(
        "**The session** follows the IMR session structure: the agenda with clock times and a timer, "
        "today's module and topic with its key points, attendance, each person's step, the home "
        "assignment and notes.\n\n"
        "Attendance: **1** present, **2** late, **3** left early, **4** absent with notice, "
        "**5** absent without notice, **h** picked up, **A** everyone not yet marked is present. "
        "The highlight moves down after each mark.\n\n"
        "**f** follows up the highlighted person's step and records the next one. "
        "**t** starts or pauses the timer, **n** goes to the next part, **m** changes the minutes for this session. "
        "**a** writes the group's home assignment, **N** the notes; escape goes back to the list.\n\n"
        "Everything is saved as you go. **f5** hides names, steps and notes when the screen is shared."
    )
    BINDINGS = [
        Binding("1", "mark('present')", N_("Present"), id="session.present", group=ATTENDANCE),
        Binding("2", "mark('late')", N_("Late"), id="session.late", group=ATTENDANCE),
        Binding("3", "mark('left_early')", N_("Left early"), id="session.left_early", group=ATTENDANCE),
        Binding("4", "mark('absent_notice')", N_("Absent with notice"), id="session.absent_notice", group=ATTENDANCE),
        Binding("5", "mark('absent_no_notice')", N_("Absent without notice"), id="session.absent_no_notice", group=ATTENDANCE),
        Binding("h", "toggle_pickup", N_("Picked up"), id="session.picked_up"),
        Binding("A", "mark_rest_present", N_("Rest present"), id="session.rest_present"),
        Binding("f", "follow_up", N_("Step"), id="session.follow_up"),
        Binding("g", "open_goals", N_("Goals"), id="session.goals", show=False),
        Binding("t", "toggle_timer", N_("Timer"), id="session.timer"),
        Binding("n", "next_part", N_("Next part"), id="session.next_part"),
        Binding("m", "edit_minutes", N_("Minutes"), id="session.minutes", show=False),
        Binding("a", "write('home_assignment')", N_("Home assignment"), id="session.home_assignment", show=False),
        Binding("N", "write('notes')", N_("Notes"), id="session.notes", show=False),
        Binding("H", "mark_held", N_("Mark as held"), id="session.held", show=False),
        Binding("p", "print_agenda", N_("Print agenda"), id="session.print", show=False),
        Binding("escape", "back", N_("Back"), id="session.back"),
        Binding("f5", "app.toggle_presentation", N_("Presentation"), id="session.presentation", show=False),
        Binding("f1", "app.help", N_("Help"), id="session.help", show=False),
    ]

    class Loaded(Message):
        def __init__(self, overview: SessionOverview, marks_before: int) -> None:
            super().__init__()
            self.overview = overview
            self.marks_before = marks_before
            """How many marks this window had made when the reading began."""

    def __init__(self, session_id: int) -> None:
        super().__init__()
        self.session_id = session_id
        self.overview: SessionOverview | None = None
        self.agenda: list[AgendaItem] = []
        self.timer: AgendaTimer | None = None
        self.saved_texts: dict[str, str] = {}
        """What the database held for each text field when this window last read or wrote it."""
        self.autosaver = Autosaver(self)
        self.choosing: set[str] = set()
        """Text fields whose conflict with another window is being decided."""
        self.marks = 0
        """Attendance changes made in this window, so a reading older than the last one is not shown."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="session-title")
        with Horizontal(id="session-body"):
            with Vertical(id="agenda-column"):
                yield Static(_("Agenda"), classes="section-title")
                yield AgendaPanel()
                yield Static(id="attendance-title", classes="section-title")
                yield AttendanceList()
            with VerticalScroll(id="material-column", can_focus=False):
                yield Static(_("Today's material"), classes="section-title")
                yield Markdown(id="material")
                yield Static(_("Home assignment for the group"), classes="section-title")
                yield TextArea(id="home_assignment", soft_wrap=True)
                yield Static(id="home_assignment-shared", classes="shared", markup=False)
                yield NameWarning(id="home_assignment-names")
                yield Static(_("Notes for the session"), classes="section-title private")
                yield TextArea(id="notes", soft_wrap=True, classes="private")
        yield MoreKeys()
        yield Footer()

    def on_mount(self) -> None:
        self.loading = True
        self.load()
        self.watch(self.app, "presentation_mode", self.show_presentation, init=False)
        self.set_interval(TICK_SECONDS, self.tick)
        self.set_interval(TIMER_SAVE_SECONDS, self.save_timer)

    def load(self) -> None:
        marks_before = self.marks
        session_id = self.session_id
        self.read(lambda store: store.sessions.overview(session_id), lambda overview: self.on_session_screen_loaded(self.Loaded(overview, marks_before)))

    def on_session_screen_loaded(self, message: Loaded) -> None:
        if message.marks_before != self.marks:
            # A mark was made while this was read (after a follow-up closed, say): showing it
            # would put the earlier marks back on screen, so read again.
            self.load()
            return
        first_reading = self.overview is None
        self.overview = overview = message.overview
        session = overview.session
        self.query_one("#session-title", Static).update(
            f"[b]{overview.group_name}[/b] · {format_long_date(session.date)} {format_time(session.start_time)} · {overview.group_location}"
        )
        self.build_agenda()
        self.query_one("#material", Markdown).update(material_markdown(self.imr.curriculum, session.module_id, session.topic_id))
        for field in ("home_assignment", "notes"):
            text = getattr(overview, field)
            self.saved_texts[field] = text
            area = self.query_one(f"#{field}", TextArea)
            if area.text != text:
                with area.prevent(TextArea.Changed):
                    area.text = text
        self.query_one(AttendanceList).show(list(overview.participants), self.imr.presentation_mode)
        self.show_presentation()
        self.loading = False
        if first_reading:
            # Only when the screen opens: a later reading (after a follow-up window closed)
            # must not take the keys from the notes or from a window opened meanwhile, where
            # a field would select its text again and the next key would replace it.
            self.query_one(AttendanceList).focus()

    # The agenda and its timer

    def build_agenda(self) -> None:
        overview = self.overview
        assert overview is not None, "the agenda is built from the session read"
        session = overview.session
        module = self.imr.curriculum.module(session.module_id)
        individual = bool(module and module.individual)
        structure = self.imr.curriculum.structure
        self.agenda = build_agenda(structure, session.start_time, individual, overview.part_minutes)
        minutes = [item.minutes for item in self.agenda]
        if self.timer is None:
            self.timer = AgendaTimer.from_json(overview.timer_state, minutes, self.imr.clock.monotonic)
        self.timer.set_minutes(minutes)
        self.query_one(AgendaPanel).show_agenda(self.agenda, self.timer.part_index)
        self.tick()

    def tick(self) -> None:
        if self.timer is not None:
            self.query_one(AgendaPanel).show_reading(self.timer.reading())

    def save_timer(self) -> None:
        if self.timer is not None:
            session_id, state = self.session_id, self.timer.to_json()
            self.write(lambda store: store.session_edits.save_timer(session_id, state), what=_("the timer"))

    def action_toggle_timer(self) -> None:
        if self.timer is not None:
            self.timer.toggle()
            self.save_timer()
            self.tick()

    def action_next_part(self) -> None:
        if self.timer is not None:
            self.timer.next_part()
            self.save_timer()
            self.query_one(AgendaPanel).show_agenda(self.agenda, self.timer.part_index)
            self.tick()

    def action_edit_minutes(self) -> None:
        from imr_tui.screens.part_minutes import PartMinutesScreen

        if self.overview is None:
            return
        module = self.imr.curriculum.module(self.overview.session.module_id)
        individual = bool(module and module.individual)
        structure = self.imr.curriculum.structure
        screen = PartMinutesScreen(structure.parts, self.overview.part_minutes, individual, self.overview.session.minutes)
        self.app.push_screen(screen, self.use_minutes)

    def use_minutes(self, minutes: dict[str, int] | None) -> None:
        if minutes is None or self.overview is None:
            return
        session_id, before = self.session_id, self.overview.part_minutes
        self.show_minutes(minutes)
        self.write(lambda store: store.session_edits.set_part_minutes(session_id, minutes), what=_("the minutes of the agenda"))
        self.changed(_("the minutes of the agenda"), lambda store: store.session_edits.set_part_minutes(session_id, before), lambda: self.show_minutes(before))

    def show_minutes(self, minutes: dict[str, int]) -> None:
        assert self.overview is not None, "minutes are changed on the session read"
        self.overview = replace(self.overview, part_minutes=minutes)
        self.build_agenda()

    # Attendance

    def action_mark(self, status: str) -> None:
        people = self.query_one(AttendanceList)
        person = people.highlighted()
        if person is None:
            return
        session_id = self.session_id
        self.set_mark(person, AttendanceMark(status, person.picked_up), lambda store: store.session_edits.mark_attendance(session_id, person.id, status))
        people.action_cursor_down()

    def action_toggle_pickup(self) -> None:
        person = self.query_one(AttendanceList).highlighted()
        if person is None:
            return
        session_id, picked_up = self.session_id, not person.picked_up
        # Picked up implies present: marking it on someone not yet marked marks them present.
        mark = AttendanceMark(person.attendance or "present", picked_up)
        self.set_mark(person, mark, lambda store: store.session_edits.set_picked_up(session_id, person.id, picked_up))

    def set_mark(self, person: SessionParticipant, mark: AttendanceMark, store_it: Callable[[Store], None]) -> None:
        """Shown at once, stored after; ctrl+z puts the earlier mark back.

        The status and the pick-up are stored each on its own (two windows may set one each);
        the undo puts both back, unless another window changed them since.
        """
        before = AttendanceMark(person.attendance, person.picked_up)
        session_id, name = self.session_id, person.display_name(self.imr.presentation_mode)
        self.show_mark(person.id, mark)
        what = _("{name} – {what}").format(name=name, what=mark_words(mark))
        self.write(store_it, what=what)
        self.changed(what, lambda store: store.session_edits.set_attendance(session_id, person.id, before, expected=mark), lambda: self.show_mark(person.id, before, highlight=True))

    def show_mark(self, participant_id: int, mark: AttendanceMark, highlight: bool = False) -> None:
        people = self.query_one(AttendanceList)
        for index, person in enumerate(people.people):
            if person.id == participant_id:
                people.update_person(replace(person, attendance=mark.status, picked_up=mark.picked_up))
                if highlight:
                    people.move_cursor(row=index)
        self.marks += 1
        self.show_attendance_count()

    def action_mark_rest_present(self) -> None:
        people = self.query_one(AttendanceList)
        unmarked = [person.id for person in people.people if person.attendance is None]
        if not unmarked:
            return
        session_id = self.session_id
        self.show_marks(unmarked, AttendanceMark("present"))
        what = ngettext("{count} more present", "{count} more present", len(unmarked)).format(count=len(unmarked))
        self.write(lambda store: store.session_edits.mark_unmarked_present(session_id, unmarked), what=what)

        def undo(store: Store) -> None:
            for participant_id in unmarked:
                store.session_edits.set_attendance(session_id, participant_id, AttendanceMark(None), expected=AttendanceMark("present"))

        self.changed(what, undo, lambda: self.show_marks(unmarked, AttendanceMark(None)))

    def show_marks(self, participant_ids: list[int], mark: AttendanceMark) -> None:
        for participant_id in participant_ids:
            self.show_mark(participant_id, mark)

    def show_attendance_count(self) -> None:
        people = self.query_one(AttendanceList).people
        marked = sum(1 for person in people if person.attendance)
        present = sum(1 for person in people if person.attendance in {"present", "late", "left_early"})
        text = _("Participants") + "  " + _("{present} of {count} here").format(present=present, count=len(people))
        if marked < len(people):
            text += "  " + _("({unmarked} not marked)").format(unmarked=len(people) - marked)
        self.query_one("#attendance-title", Static).update(text)

    # Steps and follow-up

    def action_follow_up(self) -> None:
        from imr_tui.screens.follow_up import FollowUpScreen

        person = self.query_one(AttendanceList).highlighted()
        if person is None or self.overview is None:
            return
        if self.imr.presentation_mode:
            self.notify(_("Steps are hidden in presentation mode (f5)."), severity="warning")
            return
        screen = FollowUpScreen(self.session_id, self.overview.next_session_id, person)
        self.app.push_screen(screen, self.follow_up_closed)

    def follow_up_closed(self, person: SessionParticipant | None) -> None:
        # The person as the follow-up left them, at once: the next key may open the same
        # follow-up again before the store has answered the reading below.
        if person is not None:
            self.query_one(AttendanceList).update_person(person)
        self.load()

    def action_open_goals(self) -> None:
        from imr_tui.screens.goals import GoalScreen

        person = self.query_one(AttendanceList).highlighted()
        if person is None:
            return
        if self.imr.presentation_mode:
            self.notify(_("Goals are hidden in presentation mode (f5)."), severity="warning")
            return
        self.app.push_screen(GoalScreen(person.id))

    # Home assignment and notes: saved as typed, never over another window's text

    @on(TextArea.Changed)
    def remember_text(self, event: TextArea.Changed) -> None:
        field, text = event.text_area.id, event.text_area.text
        assert field is not None, "every text of the screen has an id"
        if field == "home_assignment":
            self.check_names(text)
        # The text is taken now, so a save that runs as the screen closes needs no widget.
        self.autosaver.schedule(field, lambda: self.save_text(field, text))

    def save_text(self, field: str, text: str) -> None:
        """Stored in order behind this window's earlier saves, so each is based on the one before."""
        session_id, based_on = self.session_id, self.saved_texts[field]
        self.saved_texts[field] = text

        def refused(error: BaseException) -> bool:
            if not isinstance(error, EditConflict):
                return False
            self.resolve_conflict(field, text, error.stored)
            return True

        what = _("The notes") if field == "notes" else _("The home assignment")
        self.write(lambda store: store.session_edits.save_text(session_id, field, text, based_on), failed=refused, what=what)

    def resolve_conflict(self, field: str, mine: str, theirs: str) -> None:
        from imr_tui.screens.conflict import ConflictScreen

        if field in self.choosing:
            return  # a later save of the same text met the same other window: one question is enough
        self.choosing.add(field)
        what = _("The notes") if field == "notes" else _("The home assignment")

        def keep(text: str | None) -> None:
            self.choosing.discard(field)
            if text is None:
                return
            self.saved_texts[field] = theirs
            area = self.query_one(f"#{field}", TextArea)
            with area.prevent(TextArea.Changed):
                area.text = text
            area.move_cursor(area.document.end)  # typing goes on at the end, not before the chosen text
            self.save_text(field, text)

        self.app.push_screen(ConflictScreen(what, mine, theirs), keep)

    # Names in the text the group sees; presentation, closing

    def check_names(self, text: str) -> None:
        if self.overview is not None:
            self.query_one(NameWarning).check(text, self.overview.participants, self.imr.presentation_mode)

    def show_presentation(self, _presentation: bool | None = None) -> None:
        if self.overview is None:
            return
        presenting = self.imr.presentation_mode
        for widget in self.query(".private"):
            widget.display = not presenting
        # The shared screen shows the home assignment as the group may read it: names by alias.
        area = self.query_one("#home_assignment", TextArea)
        area.display = not presenting
        shared = self.query_one("#home_assignment-shared", Static)
        shared.display = presenting
        if presenting:
            shared.update(shared_text(area.text, self.overview.participants))
        self.check_names(area.text)
        people = self.query_one(AttendanceList)
        if people.presenting != presenting:
            people.show(people.people, presenting)
        self.show_attendance_count()

    def action_print_agenda(self) -> None:
        from imr_tui.screens.print_preview import PrintPreviewScreen

        self.autosaver.flush()  # the printed home assignment is what is typed now
        self.app.push_screen(PrintPreviewScreen(self.session_id))

    def action_mark_held(self) -> None:
        if self.overview is None:
            return
        if self.overview.session.date != self.imr.today():
            from imr_tui.screens.confirm import ConfirmScreen

            question = _("This session is on {date}, not today. Mark it as held anyway?").format(date=format_long_date(self.overview.session.date))
            self.app.push_screen(ConfirmScreen(question), lambda yes: self.mark_held() if yes else None)
            return
        self.mark_held()

    def mark_held(self) -> None:
        session_id = self.session_id
        self.write(lambda store: store.session_edits.mark_held(session_id), what=_("the session marked as held"))
        self.changed(_("the session marked as held"), lambda store: store.session_edits.reopen(session_id))
        self.notify(_("The session is marked as held. ctrl+z takes it back."))

    def action_write(self, field: str) -> None:
        area = self.query_one(f"#{field}", TextArea)
        if area.display:
            area.focus()
            area.scroll_visible()

    def action_back(self) -> None:
        if isinstance(self.focused, TextArea):
            # Escape leaves the text, not the session: the list is where the keys work.
            self.autosaver.flush()
            self.query_one(AttendanceList).focus()
            return
        self.autosaver.flush()
        self.save_timer()
        # If the last save meets another window's text, the screen stays: the therapist chooses first.
        self.after_saves(lambda: self.app.pop_screen() if self.app.screen is self else None)

    def on_unmount(self) -> None:
        self.autosaver.flush()
