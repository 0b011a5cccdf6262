"""Builds the app from settings: language first, then curriculum and store, then the App.

The CLI and the tests build the app the same way, through `make_app`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from imr_tui.clock import Clock
from imr_tui.config import Settings
from imr_tui.curriculum.loader import load_curriculum
from imr_tui.i18n import set_language
from imr_tui.store import Store
from imr_tui.store.opening import StoreOpening

if TYPE_CHECKING:
    from imr_tui.app import IMRApp


def make_app(settings: Settings, *, store: Store | None = None, clock: Clock | None = None) -> IMRApp:
    set_language(settings.language)
    curriculum = load_curriculum(settings.curriculum)
    # Without a store given, it opens in a thread while Textual starts; --db is checked here, before.
    opened: Store | StoreOpening = store or StoreOpening(settings.database)
    from imr_tui.app import IMRApp  # after the language is set and the inputs are checked

    return IMRApp(settings, opened, curriculum, clock)
