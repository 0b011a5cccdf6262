"""Textual's own words (key labels in the footer, the help panel) in the reader's language.

Textual writes its widgets' key labels in English as class attributes and offers no hook
to translate them, so the screens' active bindings pass through our catalogue each time
the footer or the help panel asks for them: a dictionary look-up per key, and the
language may change between two apps in one process (the snapshot tests do that).
"""

from __future__ import annotations

from dataclasses import replace

from imr_tui.i18n.catalogue import N_, gettext

# The labels of Textual's own bindings that a user can see in a footer or a help panel.
LIBRARY_KEY_LABELS = (
    N_("Dismiss menu"),
    N_("Show menu"),
    N_("Exit the command palette"),
    N_("Next command"),
    N_("Previous command"),
    N_("Next page"),
    N_("Previous page"),
    N_("Copy selected text"),
    N_("Focus Next"),
    N_("Focus Previous"),
    N_("Toggle"),
    N_("Press button"),
    N_("Submit"),
    N_("Select"),
    N_("Open link"),
    N_("Next tab"),
    N_("Previous tab"),
    N_("Toggle option"),
    N_("Next option"),
    N_("Previous option"),
    N_("Toggle collapsible"),
    N_("palette"),
)

_installed = False


def install() -> None:
    """Route every screen's active bindings through the catalogue (once per process)."""
    global _installed
    if _installed:
        return
    from textual.screen import Screen

    original = Screen.active_bindings.fget  # type: ignore[attr-defined]  # a property: its getter
    assert original is not None

    def active_bindings(screen: Screen) -> dict:
        bindings = original(screen)
        for key, active in bindings.items():
            binding = active.binding
            if binding.id:
                continue  # the app's own bindings (each has an id) are translated when their screen is made
            description = gettext(binding.description) if binding.description else ""
            tooltip = gettext(active.tooltip) if active.tooltip else ""
            if description != binding.description or tooltip != active.tooltip:
                bindings[key] = active._replace(binding=replace(binding, description=description), tooltip=tooltip)
        return bindings

    Screen.active_bindings = property(active_bindings, doc=Screen.active_bindings.__doc__)  # type: ignore[method-assign, assignment]
    _installed = True
