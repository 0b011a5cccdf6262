"""A person's goals as a tree: recovery goal, short-term goals, steps, and each step's follow-ups."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from imr_tui.i18n import _, format_short_date
from imr_tui.i18n.goal_labels import goal_label, outcome_label, step_label
from imr_tui.store.goal_records import (
    FollowUpRecord,
    ParticipantGoals,
    RecoveryGoalRecord,
    ShortTermGoalRecord,
    StepRecord,
)

GOAL_ORDER = {"active": 0, "achieved": 1, "archived": 2}
"""Archived goals stay visible, last, so they can be restored."""


@dataclass(frozen=True)
class NodeRef:
    kind: str
    """goal, short_term, step, follow_up; loose (steps without a goal yet); empty (no goal yet)."""
    id: int | None = None

    @property
    def row_id(self) -> int:
        """The id of the goal, short-term goal, step or follow-up (only loose and empty have none)."""
        assert self.id is not None, self.kind
        return self.id


class GoalTree(Tree[NodeRef]):
    DEFAULT_CSS = """
    GoalTree { scrollbar-size-horizontal: 0; }
    """

    def __init__(self) -> None:
        super().__init__("", id="goal-tree")
        self.show_root = False
        self.guide_depth = 3

    def show(self, goals: ParticipantGoals) -> None:
        """Rebuild, keeping which nodes were open and where the cursor was."""
        opened = {node.data for node in self.all_nodes() if node.is_expanded}
        known = {node.data for node in self.all_nodes()}
        at = self.cursor_node.data if self.cursor_node else None
        self.clear()

        def add(parent: TreeNode[NodeRef], label: Text, ref: NodeRef, open_by_default: bool, leaf: bool = False) -> TreeNode[NodeRef]:
            if leaf:
                return parent.add_leaf(label, ref)
            return parent.add(label, ref, expand=ref in opened if ref in known else open_by_default)

        for goal in sorted(goals.goals, key=lambda g: (GOAL_ORDER.get(g.status, 0), g.set_on, g.id)):
            goal_node = add(self.root, goal_text(goal), NodeRef("goal", goal.id), goal.status != "archived")
            shorts = sorted(goal.short_term_goals, key=lambda s: (s.status == "archived", s.position, s.id))
            for short in shorts:
                short_node = add(goal_node, short_term_text(short), NodeRef("short_term", short.id), short.status == "active")
                for step in short.steps:
                    self._add_step(short_node, step, add)
            if not shorts:
                goal_node.add_leaf(Text(_("No short-term goal yet: press d to add one"), style="dim italic"), NodeRef("goal", goal.id))
        if goals.loose_steps:
            loose = add(self.root, Text(_("Steps while finding a goal"), style="bold"), NodeRef("loose"), True)
            for step in goals.loose_steps:
                self._add_step(loose, step, add)
        if not goals.goals and not goals.loose_steps:
            self.root.add_leaf(Text(_("No goal yet. Press N to write the goal in the person's own words."), style="italic"), NodeRef("empty"))
        self._restore_cursor(at)

    def _add_step(self, parent: TreeNode[NodeRef], step: StepRecord, add) -> None:
        ref = NodeRef("step", step.id)
        node = add(parent, step_text(step), ref, False, leaf=not step.follow_ups)
        for follow_up in step.follow_ups:
            node.add_leaf(follow_up_text(follow_up), NodeRef("follow_up", follow_up.id))

    def _restore_cursor(self, at: NodeRef | None) -> None:
        for node in self.all_nodes():
            if node.data == at and node.data is not None:
                parent = node.parent
                while parent is not None:
                    parent.expand()
                    parent = parent.parent
                self.call_after_refresh(self.move_cursor, node)
                return
        self.call_after_refresh(self.move_cursor_to_line, 0)

    def all_nodes(self) -> list[TreeNode[NodeRef]]:
        found, pending = [], list(self.root.children)
        while pending:
            node = pending.pop(0)
            found.append(node)
            pending.extend(node.children)
        return found

    def highlighted(self) -> NodeRef | None:
        return self.cursor_node.data if self.cursor_node else None

    def parent_ref(self, ref: NodeRef, kind: str) -> NodeRef | None:
        """The nearest node of `kind` at or above the node for `ref`."""
        node = next((n for n in self.all_nodes() if n.data == ref), None)
        while node is not None and node.data is not None:
            if node.data.kind == kind:
                return node.data
            node = node.parent
        return None


def goal_text(goal: RecoveryGoalRecord) -> Text:
    text = Text.assemble(("★ " if goal.status == "achieved" else "◎ ", "bold"), (goal.text, "bold"))
    if goal.status != "active":
        text.append(f"  {goal_label(goal.status)}", style="italic")
    if goal.status == "archived":
        text.stylize("dim")
    return text


def short_term_text(short: ShortTermGoalRecord) -> Text:
    text = Text.assemble(("★ " if short.status == "achieved" else "◆ "), short.text)
    if short.target_date:
        text.append("  " + _("by {date}").format(date=format_short_date(short.target_date)), style="dim")
    if short.status != "active":
        text.append(f"  {goal_label(short.status)}", style="italic")
    if short.status == "archived":
        text.stylize("dim")
    return text


def step_text(step: StepRecord) -> Text:
    """The status in a symbol and a word first, so it shows however narrow the tree is."""
    text = Text.assemble(f"{step_label(step.status)}: ", step.text)
    if step.due_on:
        text.append("  " + _("due {date}").format(date=format_short_date(step.due_on)), style="dim")
    if step.status == "dropped":
        text.stylize("dim")
    return text


def follow_up_text(follow_up: FollowUpRecord) -> Text:
    text = Text(f"{format_short_date(follow_up.date)}  {outcome_label(follow_up.result)}")
    if follow_up.note:
        text.append(f" – {follow_up.note}", style="italic")
    return text
