"""Translating key-binding labels when a screen is made, not when its module is imported.

Binding labels are class attributes, evaluated once at import; marking them with `N_()`
and translating each instance's copy lets one process show screens in either language
(the snapshot tests do).
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from imr_tui.i18n.catalogue import gettext


def translate_bindings(node: DOMNode) -> None:
    bindings = node._bindings.key_to_bindings  # the instance's own copy of the merged map
    for key, key_bindings in bindings.items():
        bindings[key] = [
            replace(
                binding,
                description=gettext(binding.description) if binding.description else "",
                tooltip=gettext(binding.tooltip) if binding.tooltip else "",
                group=replace(binding.group, description=gettext(binding.group.description)) if binding.group else None,
            )
            for binding in key_bindings
        ]
