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
from imr_tui.i18n import N_, _, format_long_date
from imr_tui.i18n.bindings import translate_bindings
from imr_tui.store import Store
from imr_tui.store.opening import StoreNotOpened, StoreOpening

log = logging.getLogger(__name__)


class IMRApp(App[None]):
    TITLE = "IMR"
    BINDINGS = [
        Binding("ctrl+q", "quit", N_("Quit"), id="app.quit", priority=True, show=False),
        Binding("ctrl+p", "command_palette", N_("Commands"), id="app.commands", priority=True, show=False),
        Binding("f1", "help", N_("Help"), id="app.help", show=False),
        Binding("f5", "toggle_presentation", N_("Presentation"), id="app.presentation", show=False),
    ]

    presentation_mode: reactive[bool] = reactive(False)
    """Participants by alias or initials, goals and notes hidden: for a shared screen."""

    def __init__(self, settings: Settings, store: Store | StoreOpening, curriculum: Curriculum, clock: Clock | None = None) -> None:
        super().__init__()
        translate_bindings(self)
        self.settings = settings
        self._opening = store if isinstance(store, StoreOpening) else None
        self._store = None if isinstance(store, StoreOpening) else store
        self.curriculum = curriculum
        self.clock = clock or SystemClock()
        self.theme = settings.theme
        self._first_screen_logged = False
        self.set_reactive(IMRApp.presentation_mode, settings.presentation_mode)

    @property
    def store(self) -> Store:
        """The open store; while it is still opening (see `StoreOpening`), waits for it."""
        if self._store is None:
            assert self._opening is not None
            if threading.current_thread() is threading.main_thread():
                self._opening.start()  # the app's own thread cannot wait for its first frame to start it
            if not self._opening.wait():
                raise StoreNotOpened() from self._opening.error  # a worker ends quietly; run() raises the error
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
            self.call_after_refresh(self._opening.start)
            self.run_worker(self._end_if_the_store_fails, thread=True, name="open-store")

    def _end_if_the_store_fails(self) -> None:
        assert self._opening is not None
        if not self._opening.wait():
            self.call_from_thread(self.exit, return_code=1)

    def update_subtitle(self) -> None:
        parts = [format_long_date(self.today())]
        if self.presentation_mode:
            parts.append(_("PRESENTATION MODE"))
        self.sub_title = " · ".join(parts)

    def watch_presentation_mode(self) -> None:
        self.update_subtitle()

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
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=_("Search for commands…")))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action with a key on this screen is also a command, in the user's language."""
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.action in seen or binding.action == "command_palette":
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
        """Worker failures end up here, whatever screen started the worker."""
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            log.error("background task %s failed: %s", event.worker.name, type(error).__name__)
            message = getattr(error, "message", None) or _("Something went wrong while loading. The details are in the log.")
            self.notify(message, severity="error", timeout=10)

    def log_first_screen(self) -> None:
        """The start-up time a therapist feels: from import to the first screen with its data."""
        if not self._first_screen_logged:
            self._first_screen_logged = True
            log.info("first screen ready after %.0f ms", (time.perf_counter() - START_TIME) * 1000)


def _action_runner(node, action: str):
    async def run() -> None:
        await node.run_action(action)

    return run
