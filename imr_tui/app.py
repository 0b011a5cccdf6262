"""The Textual application: holds the settings, the store and the curriculum it is given."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from imr_tui import START_TIME
from imr_tui.clock import Clock, SystemClock
from imr_tui.config import Settings
from imr_tui.curriculum import Curriculum
from imr_tui.errors import StoreUnavailable
from imr_tui.gateway import StoreAnswered, StoreFailed, StoreGateway, StoreQueueChanged
from imr_tui.i18n import N_, _, format_long_date
from imr_tui.i18n.bindings import translate_bindings
from imr_tui.i18n.textual_texts import install as install_textual_texts
from imr_tui.store import Store
from imr_tui.store.first_reader import FirstReader
from imr_tui.store.opening import StoreNotOpened, StoreOpening
from imr_tui.undo import UndoLog

log = logging.getLogger(__name__)


class IMRApp(App[None]):
    TITLE = "IMR"
    BINDINGS = [
        Binding("ctrl+q", "quit", N_("Quit"), id="app.quit", priority=True, show=False),
        Binding("ctrl+p", "command_palette", N_("Commands"), id="app.commands", priority=True, show=False),
        Binding("f1", "help", N_("Help"), id="app.help", show=False),
        Binding("f5", "toggle_presentation", N_("Presentation"), id="app.presentation", show=False),
        Binding("ctrl+z", "undo", N_("Undo"), id="app.undo", show=False),
    ]

    presentation_mode: reactive[bool] = reactive(False)
    """Participants by alias or initials, goals and notes hidden: for a shared screen."""
    store_queue: reactive[tuple[int, str | None]] = reactive((0, None))
    """Writes not yet stored, and why the first has not landed (see `StoreGateway`)."""

    def __init__(self, settings: Settings, store: Store | StoreOpening, curriculum: Curriculum, clock: Clock | None = None) -> None:
        super().__init__()
        translate_bindings(self)
        install_textual_texts()
        self.settings = settings
        self._opening = store if isinstance(store, StoreOpening) else None
        self._store = None if isinstance(store, StoreOpening) else store
        self.curriculum = curriculum
        self.clock = clock or SystemClock()
        self.theme = settings.theme
        self._first_screen_logged = False
        self.set_reactive(IMRApp.presentation_mode, settings.presentation_mode)
        self._first_reader = FirstReader.for_opening(self._opening) if self._opening is not None else None
        """While the store opens, the first screen's list is read with plain sqlite3 (SQLite files only)."""
        self.gateway = StoreGateway(self, lambda: self.store, first_reader=self._first_reader)
        """Every store call of every screen goes through it, off this thread and in order."""
        self.undo_log = UndoLog()
        """The changes made in this window, for ctrl+z."""

    @property
    def store(self) -> Store:
        """The open store; while it is still opening (see `StoreOpening`), waits for it."""
        if self._store is None:
            assert self._opening is not None
            if self._first_reader is not None or threading.current_thread() is threading.main_thread():
                # The app's own thread cannot wait for its first frame to start it; with a first reader,
                # the gateway asks for the store only once the first list is answered (or cannot be).
                self._start_opening()
            if not self._opening.wait():
                error = self._opening.error
                if _passing(error):
                    # Locked by another program, or the server restarting, while the store opened: the
                    # next call opens it again; the gateway shows its writes as not saved meanwhile.
                    self._opening = StoreOpening(self._opening.target)
                    self._opening.start()
                    from imr_tui.gateway.faults import explain

                    raise StoreUnavailable(explain(error)) from error  # type: ignore[arg-type]
                raise StoreNotOpened() from error  # a worker ends quietly; run() raises the error
            self._store = self._opening.result()
        return self._store

    def run(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        result = super().run(*args, **kwargs)
        if self._opening is not None:
            self._opening.start()  # if the app ended before its first frame: no thread waits for ever
            if self._opening.error is not None:
                raise self._opening.error  # the CLI reports it as it would before the app started
        return result

    def today(self) -> dt.date:
        return self.clock.now().date()

    def on_mount(self) -> None:
        from imr_tui.screens.today import TodayScreen

        self.update_subtitle()
        self.push_screen(TodayScreen())
        if self._opening is not None:
            if self._first_reader is None:
                self.call_after_refresh(self._opening.start)  # else once the first list is on screen
            self.run_worker(self._end_if_the_store_fails, thread=True, name="open-store")
        self.run_worker(self._take_in_draft_files, thread=True, name="draft-files", exit_on_error=False)

    def _take_in_draft_files(self) -> None:
        """Drafts an older version kept as files go into the database, once; the files are deleted."""
        from imr_tui.form_drafts import drafts_dir, import_draft_files

        if drafts_dir().is_dir():  # most starts: nothing to take in, and no need to wait for the store
            import_draft_files(self.store)

    def _start_opening(self) -> None:
        if self._first_reader is not None:
            self._first_reader.retire()  # it holds no connection while the store opens (see retire)
        if self._opening is not None:
            self._opening.start()

    def _end_if_the_store_fails(self) -> None:
        assert self._opening is not None
        if not self._opening.wait() and not _passing(self._opening.error):
            self.call_from_thread(self.exit, return_code=1)  # a passing fault is tried again by the gateway

    def update_subtitle(self) -> None:
        parts = [format_long_date(self.today())]
        if self.presentation_mode:
            parts.append(_("PRESENTATION MODE"))
        waiting = self.store_queue[0]
        if waiting and self.store_queue[1]:
            parts.append(_("NOT SAVED YET: {count}").format(count=waiting))
        self.sub_title = " · ".join(parts)

    def watch_presentation_mode(self) -> None:
        self.update_subtitle()

    def on_store_queue_changed(self, message: StoreQueueChanged) -> None:
        self.store_queue = (message.waiting_writes, message.problem)
        self.update_subtitle()

    def on_store_answered(self, message: StoreAnswered) -> None:
        if message.request.answer is not None and message.request.owner is self:
            message.request.answer(message.result)

    def on_store_failed(self, message: StoreFailed) -> None:
        """A failure of the app's own requests, or of a screen that had closed before the answer came."""
        request = message.request
        if request.owner is self and request.failed is not None and request.failed(message.error):
            return
        self.notify(_("Not saved: {what}. {reason}").format(what=request.what or _("a change"), reason=message.explanation), severity="error", timeout=15)

    # Undo: the last change made in this window, then the one before it

    def action_undo(self) -> None:
        change = self.undo_log.take_last()
        if change is None:
            self.notify(_("Nothing to undo."))
            return
        screen_open = getattr(change.owner, "is_attached", False)

        def refused(error: BaseException) -> bool:
            from imr_tui.domain.conflicts import ChangedMeanwhile

            if not isinstance(error, ChangedMeanwhile):
                return False
            self.notify(_("Not undone: {what}. It was changed in another window since.").format(what=change.what), severity="warning", timeout=10)
            if screen_open and hasattr(change.owner, "load"):
                change.owner.load()  # show what the other window stored
            return True

        self.gateway.write(self, change.undo, lambda _result: self.notify(_("Undone: {what}").format(what=change.what)), failed=refused, what=_("undo of {what}").format(what=change.what))
        # The screen goes back in the same frame; a reading it asks for now runs after the undo.
        if change.show_undone is not None and screen_open:
            change.show_undone()

    async def action_quit(self) -> None:
        """Quitting while changes wait for the store asks first: they would be lost."""
        waiting = self.gateway.waiting_writes
        if not waiting:
            self.exit()
            return
        from imr_tui.screens.confirm import ConfirmScreen

        question = _("{count} changes are not saved yet ({reason}). Quit anyway and lose them?").format(count=waiting, reason=self.gateway.problem or _("the database is still working"))

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(ConfirmScreen(question), answered)

    def on_unmount(self) -> None:
        if self._opening is not None:
            # Quitting before the first list showed: the thread that watches the opening waits for it,
            # and Textual waits for that thread, so the opening must have begun.
            self._opening.start()
        self.gateway.close(timeout=5.0)  # what is queued gets its chance to land

    def action_toggle_presentation(self) -> None:
        self.presentation_mode = not self.presentation_mode
        self.notify(_("Presentation mode is on: participants are shown by alias.") if self.presentation_mode else _("Presentation mode is off."))

    def action_help(self) -> None:
        from imr_tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_help_quit(self) -> None:
        self.notify(_("Press ctrl+q to quit."))

    def action_command_palette(self) -> None:
        from imr_tui.widgets.command_palette import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]  # Textual types it for App[object]; IMRApp is an App[None]
            self.push_screen(CommandPalette(id="--command-palette", placeholder=_("Search for commands…")))

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        from imr_tui.widgets.command_palette import CommandPalette

        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=_("Search for themes…")))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action with a key on this screen is also a command, in the user's language.

        Only the app's own bindings (each has an id) are offered: Textual's widget keys
        ("Cursor down", "Focus Next", "Copy selected text") are no commands a therapist looks for.
        """
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.id or not binding.description or binding.action in seen or binding.action == "command_palette":
                continue
            seen.add(binding.action)
            yield SystemCommand(binding.description, _("Key: {key}").format(key=self.get_key_display(binding)), _action_runner(active.node, binding.action))
        yield SystemCommand(_("Change theme"), _("Choose the colours of the app"), self.action_change_theme)
        # Textual's own Screenshot command is left out on purpose: a picture of a screen carries participants' data.

    def _deliver_binary(self, binary, **options):  # type: ignore[no-untyped-def]
        """In a browser (`imr-tui serve`) no file is handed out as a download: it would carry health data off the server."""
        if self.is_web:
            binary.close()
            log.warning("refused a file download in the browser")
            return None
        return super()._deliver_binary(binary, **options)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.report_worker_failure(event.worker)

    def report_worker_failure(self, worker: Worker) -> None:
        """Every worker's failure, sent here by the screen that started it; the app runs on."""
        error = worker.error
        log.error("background task %s failed: %s", worker.name, type(error).__name__)
        message = getattr(error, "message", None) or _("Something went wrong in the background. The details are in the log.")
        self.notify(message, severity="error", timeout=10)

    def log_first_screen(self) -> None:
        """The start-up time a therapist feels: from import to the first screen with its data."""
        if not self._first_screen_logged:
            self._first_screen_logged = True
            if self._opening is not None:
                self.call_after_refresh(self._start_opening)  # the store opens while the list is on screen
            log.info("first screen ready after %.0f ms", (time.perf_counter() - START_TIME) * 1000)


def _passing(error: BaseException | None) -> bool:
    """An opening that failed for a passing reason (a lock, a lost server): worth another try, not the end."""
    if not isinstance(error, Exception):
        return False
    from imr_tui.gateway.faults import is_transient

    try:
        return is_transient(error)
    except Exception:
        return False


def _action_runner(node, action: str):
    async def run() -> None:
        await node.run_action(action)

    return run
