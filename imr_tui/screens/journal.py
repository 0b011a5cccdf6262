"""Draft journal notes for a held session, one per participant, to edit and copy into the
patient record system. Edits are kept as typed; a note that names another participant warns."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from imr_tui.domain.conflicts import EditConflict
from imr_tui.domain.records import SessionOverview, SessionParticipant
from imr_tui.i18n import N_, _, format_short_date
from imr_tui.review.journal import draft_note, other_participants_named
from imr_tui.screens.base import BaseScreen
from imr_tui.widgets.autosave import Autosaver


class JournalScreen(BaseScreen):
    CSS_PATH = "journal.tcss"
    HELP_TEXT = N_(
        "**Journal notes**: a draft for each participant of a held session, made from what is stored "
        "(attendance, the module and topic, their step and how it went, the home assignment). Edit it, "
        "then copy it (**c**) into the patient record system, which stays the legal record.\n\n"
        "Your edits are kept. **d** goes back to a fresh draft. A note should only be about its own "
        "person: a warning shows when it names another participant."
    )
    BINDINGS = [
        Binding("c", "copy", N_("Copy note"), id="journal.copy"),
        Binding("d", "fresh_draft", N_("Fresh draft"), id="journal.fresh"),
        Binding("escape", "back", N_("Back"), id="journal.back"),
        Binding("f1", "app.help", N_("Help"), id="journal.help"),
    ]

    def __init__(self, session_id: int) -> None:
        super().__init__()
        self.session_id = session_id
        self.overview: SessionOverview | None = None
        self.notes: dict[int, str] = {}
        self.stored: dict[int, str] = {}
        """The edited notes as the database held them when this window last read or wrote them."""
        self.current: SessionParticipant | None = None
        self.autosaver = Autosaver(self)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="journal-title")
        with Horizontal(id="journal-body"):
            yield OptionList(id="people")
            with Vertical(id="note-column"):
                yield TextArea(id="note", soft_wrap=True)
                yield Static(id="warning")
        yield Footer()

    def on_mount(self) -> None:
        self.loading = True
        self.load()

    def load(self) -> None:
        session_id = self.session_id
        self.read(lambda store: (store.sessions.overview(session_id), store.journal.edited(session_id)), lambda found: self.show(*found))

    def show(self, overview: SessionOverview, edited: dict[int, str]) -> None:
        self.overview = overview
        self.stored = dict(edited)
        curriculum = self.imr.curriculum
        self.notes = {p.id: edited.get(p.id) or draft_note(overview, p, curriculum) for p in overview.participants}
        self.query_one("#journal-title", Static).update(
            _("Draft journal notes · {group} · {date}").format(group=overview.group_name, date=format_short_date(overview.session.date))
        )
        people = self.query_one("#people", OptionList)
        people.clear_options()
        people.add_options(Option(person.name, id=str(person.id)) for person in overview.participants)
        self.loading = False
        if overview.participants:
            people.highlighted = 0
            people.focus()

    @on(OptionList.OptionHighlighted, "#people")
    def show_note(self, event: OptionList.OptionHighlighted) -> None:
        self.autosaver.flush()
        assert self.overview is not None, "the list of people is filled once the session is read"
        self.current = next(p for p in self.overview.participants if str(p.id) == event.option.id)
        area = self.query_one("#note", TextArea)
        with area.prevent(TextArea.Changed):
            area.text = self.notes[self.current.id]
        self.check_names()

    @on(OptionList.OptionSelected, "#people")
    def edit_note(self) -> None:
        self.query_one("#note", TextArea).focus()

    @on(TextArea.Changed, "#note")
    def remember(self, event: TextArea.Changed) -> None:
        if self.current is None:
            return
        person_id, text = self.current.id, event.text_area.text
        self.notes[person_id] = text
        self.autosaver.schedule(str(person_id), lambda: self.save_note(person_id, text))
        self.check_names()

    def save_note(self, person_id: int, text: str | None) -> None:
        """Keep the note (None: back to a fresh draft) unless another window changed it meanwhile.

        Stored in order behind this window's earlier saves, so each is based on the one before.
        """
        session_id, based_on = self.session_id, self.stored.get(person_id, "")
        if text is None:
            self.stored.pop(person_id, None)
        else:
            self.stored[person_id] = text

        def refused(error: BaseException) -> bool:
            if not isinstance(error, EditConflict):
                return False
            self.resolve_conflict(person_id, self.notes[person_id], error.stored)
            return True

        what = _("The journal note")
        self.write(lambda store: store.journal.save(session_id, person_id, text, based_on=based_on), failed=refused, what=what)

    def resolve_conflict(self, person_id: int, mine: str, theirs: str) -> None:
        from imr_tui.screens.conflict import ConflictScreen

        def keep(text: str | None) -> None:
            if text is None:
                return
            self.stored[person_id] = theirs
            self.notes[person_id] = text
            if self.current is not None and self.current.id == person_id:
                area = self.query_one("#note", TextArea)
                with area.prevent(TextArea.Changed):
                    area.text = text
                area.move_cursor(area.document.end)  # typing goes on at the end, not before the chosen text
                self.check_names()
            self.save_note(person_id, text)

        self.app.push_screen(ConflictScreen(_("The journal note"), mine, theirs), keep)

    def check_names(self) -> None:
        assert self.overview is not None and self.current is not None, "a note is shown"
        named = other_participants_named(self.notes[self.current.id], self.current, list(self.overview.participants))
        warning = self.query_one("#warning", Static)
        warning.update(_("⚠ This note names another participant: {names}. A journal note should only be about its own person.").format(names=", ".join(named)) if named else "")
        warning.set_class(bool(named), "-shown")

    def action_copy(self) -> None:
        if self.current is None:
            return
        self.app.copy_to_clipboard(self.notes[self.current.id])
        self.notify(_("The note for {name} is copied. Paste it into the patient record.").format(name=self.current.name))

    def action_fresh_draft(self) -> None:
        if self.current is None:
            return
        assert self.overview is not None, "a person is chosen from the session read"
        self.notes[self.current.id] = draft_note(self.overview, self.current, self.imr.curriculum)
        self.save_note(self.current.id, None)
        area = self.query_one("#note", TextArea)
        with area.prevent(TextArea.Changed):
            area.text = self.notes[self.current.id]
        self.check_names()

    def action_back(self) -> None:
        if self.focused is self.query_one("#note", TextArea):
            self.query_one("#people", OptionList).focus()
            return
        self.autosaver.flush()
        # If the last save meets another window's text, the screen stays: the therapist chooses first.
        self.after_saves(lambda: self.app.pop_screen() if self.app.screen is self else None)

    def on_unmount(self) -> None:
        self.autosaver.flush()
