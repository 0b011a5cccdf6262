"""One section of a service plan being written: free text, or a list to add to, remove from and reorder.

It shows plain values and reports every change as `Edited`; the screen saves. Lists of
people (contacts) and numbers have a field per part, so a phone number stays findable.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Select, Static, TextArea

from imr_tui.i18n import N_, _
from imr_tui.service_plan.content import Contact, Network, SectionValue, network_label
from imr_tui.service_plan.template import SectionKind, SectionSpec

Item = str | Contact


def _blank(kind: SectionKind) -> Item:
    return "" if kind == SectionKind.LIST else Contact("", network=Network.PERSONAL if kind == SectionKind.CONTACTS else "")


class ItemRow(Horizontal):
    """One item of a list section: a text, or a contact's name, relation, phone and network."""

    def __init__(self, kind: SectionKind, item: Item, index: int) -> None:
        super().__init__(classes="item-row")
        self.kind, self.item, self.index = kind, item, index

    def compose(self) -> ComposeResult:
        yield Static(f"{self.index + 1}.", classes="item-number")
        if isinstance(self.item, str):
            yield Input(self.item, placeholder=_("Write here, in the participant's words"), classes="item-text", compact=True, select_on_focus=False)
            return
        yield Input(self.item.name, placeholder=_("Name") if self.kind == SectionKind.CONTACTS else _("What"), classes="item-name", compact=True, select_on_focus=False)
        if self.kind == SectionKind.CONTACTS:
            yield Input(self.item.relation, placeholder=_("Relation"), classes="item-relation", compact=True, select_on_focus=False)
        yield Input(self.item.phone, placeholder=_("Phone"), classes="item-phone", compact=True, select_on_focus=False)
        if self.kind == SectionKind.CONTACTS:
            options = [(network_label(network), network.value) for network in Network]
            # Left blank when it was never said: opening a plan must not change it.
            yield Select(options, value=self.item.network or Select.NULL, prompt="–", classes="item-network", compact=True)

    def read(self) -> Item:
        if not self.query(Input):
            return self.item  # mounted but not composed yet: what it was made with
        if self.kind == SectionKind.LIST:
            return self.query_one(".item-text", Input).value

        def text(name: str) -> str:
            found = self.query(f".item-{name}")
            return found.first(Input).value if found else ""

        network = ""
        if self.kind == SectionKind.CONTACTS:
            chosen = self.query_one(".item-network", Select).value
            network = "" if chosen is Select.NULL else str(chosen)
        return Contact(text("name"), text("relation"), text("phone"), network)


class SectionEditor(Vertical):
    BINDINGS = [
        Binding("up", "line(-1)", N_("Previous line"), show=False),
        Binding("down", "line(1)", N_("Next line"), show=False),
    ]
    """Up and down move between the lines of a list, into the same field of the next line."""

    DEFAULT_CSS = """
    SectionEditor { height: auto; }
    SectionEditor .section-title { text-style: bold; color: $text-primary; }
    SectionEditor .section-hint { color: $text-muted; }
    SectionEditor .section-keys { color: $text-muted; margin-top: 1; }
    SectionEditor TextArea { height: 10; margin-top: 1; }
    SectionEditor #items { height: auto; margin-top: 1; }
    SectionEditor .column-titles { height: 1; margin-top: 1; margin-bottom: -1; }
    SectionEditor .column-title { color: $text-muted; text-style: bold; }
    SectionEditor .item-row { height: 1; margin-bottom: 1; }
    SectionEditor .item-row.-current .item-number { color: $text-accent; text-style: bold; }
    SectionEditor .item-row.-current { background: $boost; }
    SectionEditor .item-number { width: 4; color: $text-muted; }
    SectionEditor Input { background: $surface; }
    SectionEditor Input:focus { background: $boost; }
    SectionEditor .item-text { width: 1fr; }
    SectionEditor .item-name { width: 2fr; margin-right: 1; }
    SectionEditor .item-relation { width: 2fr; margin-right: 1; }
    SectionEditor .item-phone { width: 1fr; margin-right: 1; }
    SectionEditor .item-network { width: 18; }
    """

    class Edited(Message):
        def __init__(self, editor: SectionEditor) -> None:
            super().__init__()
            self.editor = editor

        @property
        def section_id(self) -> str:
            return self.editor.spec.id

    def __init__(self, spec: SectionSpec, value: SectionValue) -> None:
        super().__init__(id=f"section-{spec.id}")
        self.spec = spec
        self.items: list[Item] = [] if isinstance(value, str) else list(value)
        self.text = value if isinstance(value, str) else ""

    def compose(self) -> ComposeResult:
        yield Static(str(self.spec.title), classes="section-title")
        if self.spec.hint:
            yield Static(str(self.spec.hint), classes="section-hint")
        if self.spec.kind == SectionKind.TEXT:
            yield TextArea(self.text, soft_wrap=True, id="section-text")
            return
        if self.spec.kind != SectionKind.LIST:
            yield self._column_titles()
        yield Vertical(*self._rows(), id="items")
        yield Static(_("enter a new line · ctrl+n new · ctrl+r remove · ctrl+↑ ctrl+↓ move"), classes="section-keys")

    def _column_titles(self) -> Horizontal:
        """Names over the fields of a contact, so an empty field still says what goes in it."""
        if self.spec.kind == SectionKind.CONTACTS:
            titles = [(_("Name"), "item-name"), (_("Relation"), "item-relation"), (_("Phone"), "item-phone"), (_("Network"), "item-network")]
        else:
            titles = [(_("What"), "item-name"), (_("Phone"), "item-phone")]
        return Horizontal(Static("", classes="item-number"), *(Static(title, classes=f"column-title {css}") for title, css in titles), classes="column-titles")

    def _rows(self) -> list[Widget]:
        shown = self.items or [_blank(self.spec.kind)]  # an empty list offers a line to write on
        return [ItemRow(self.spec.kind, item, index) for index, item in enumerate(shown)]

    # Reading

    def value(self) -> SectionValue:
        if self.spec.kind == SectionKind.TEXT:
            return self.query_one("#section-text", TextArea).text
        return tuple(row.read() for row in self.query(ItemRow))  # type: ignore[return-value]

    def current_index(self) -> int | None:
        focused = self.app.focused
        for node in (focused.ancestors_with_self if focused else []):
            if isinstance(node, ItemRow):
                return node.index
        return None

    # Changing

    async def show_value(self, value: SectionValue) -> None:
        """Put a value on screen (after a conflict was resolved) without reporting it as typed."""
        if isinstance(value, str):
            area = self.query_one("#section-text", TextArea)
            with area.prevent(TextArea.Changed):
                area.text = value
            return
        await self._rebuild(list(value), focus=None, edited=False)

    async def add_item(self) -> None:
        if self.spec.kind == SectionKind.TEXT:
            return
        items: list[Item] = list(self.value())
        index = self.current_index()
        position = len(items) if index is None else index + 1
        items.insert(position, _blank(self.spec.kind))
        await self._rebuild(items, focus=position, edited=False)

    async def remove_item(self, report: bool = True) -> None:
        """Remove the current line; `report=False` when the caller stores it itself (and logs its undo)."""
        index = self.current_index()
        if self.spec.kind == SectionKind.TEXT or index is None:
            return
        items: list[Item] = list(self.value())
        del items[index]
        await self._rebuild(items, focus=min(index, len(items) - 1) if items else 0, edited=report)

    async def move_item(self, offset: int, report: bool = True) -> None:
        index = self.current_index()
        if self.spec.kind == SectionKind.TEXT or index is None:
            return
        items: list[Item] = list(self.value())
        target = index + offset
        if not 0 <= target < len(items):
            return
        items[index], items[target] = items[target], items[index]
        await self._rebuild(items, focus=target, edited=report)

    async def _rebuild(self, items: list[Item], focus: int | None, edited: bool) -> None:
        self.items = items
        container = self.query_one("#items", Vertical)
        with self.prevent(Input.Changed, Select.Changed):
            await container.remove_children()
            await container.mount_all(self._rows())
        if focus is not None:
            rows = list(self.query(ItemRow))
            if rows:
                rows[min(focus, len(rows) - 1)].query(Input).first().focus()
        if edited:
            self.post_message(self.Edited(self))

    @on(Input.Changed)
    @on(Select.Changed)
    @on(TextArea.Changed)
    def typed(self, event: Message) -> None:
        event.stop()
        self.post_message(self.Edited(self))

    def on_descendant_focus(self, event) -> None:
        """Coming into a text, the cursor goes to its end: the therapist goes on writing, not over it.

        The line being written is marked (its number and a lighter background) and scrolled into view.
        """
        area = event.widget if isinstance(event.widget, TextArea) else None
        if area is not None and area.cursor_location == (0, 0) and area.text:
            area.move_cursor(area.document.end)
        current = self.current_index()
        for row in self.query(ItemRow):
            row.set_class(row.index == current, "-current")
            if row.index == current:
                row.scroll_visible()

    def on_descendant_blur(self) -> None:
        self.call_after_refresh(self._unmark_left)

    def _unmark_left(self) -> None:
        if self.current_index() is None:
            for row in self.query(ItemRow):
                row.remove_class("-current")

    def action_line(self, offset: int) -> None:
        """To the same field of the line above or below; at either end, nothing moves."""
        index, focused = self.current_index(), self.app.focused
        rows = list(self.query(ItemRow))
        if index is None or focused is None or not 0 <= index + offset < len(rows):
            return
        fields = [widget for widget in rows[index].query("Input, Select") if widget.can_focus]
        column = fields.index(focused) if focused in fields else 0
        self.focus_line(index + offset, column)

    def focus_line(self, index: int | None, column: int = 0) -> None:
        rows = list(self.query(ItemRow))
        if index is None or not rows:
            return
        fields = [widget for widget in rows[min(index, len(rows) - 1)].query("Input, Select") if widget.can_focus]
        if fields:
            fields[min(column, len(fields) - 1)].focus()

    @on(Input.Submitted)
    async def new_line(self, event: Input.Submitted) -> None:
        """Enter at the end of an item starts the next one, as in a written list."""
        event.stop()
        if self.spec.kind == SectionKind.LIST:
            await self.add_item()
        else:
            self.screen.focus_next()
