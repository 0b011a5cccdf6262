"""One person's goals: the recovery goal in their words, short-term goals, steps and follow-ups.

The tree is for moving and acting; the pane beside it shows the highlighted item in full.
Every change is saved at once; writing happens in a small editor that saves as it is typed.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Static, Tree

from imr_tui.goals.effort import count_effort, effort_sentence, result_strip
from imr_tui.goals.shown import with_move, with_status, without
from imr_tui.i18n import N_, _
from imr_tui.i18n.goal_labels import quoted
from imr_tui.screens.base import BaseScreen
from imr_tui.store.goal_records import ParticipantGoals, RecoveryGoalRecord, ShortTermGoalRecord, StepRecord
from imr_tui.widgets.goal_detail import GoalDetail
from imr_tui.widgets.goal_tree import GoalTree, NodeRef

STEP_STATUS = Binding.Group(N_("Step status"), compact=True)
STATUS_WORDS = {
    "active": N_("active again"), "achieved": N_("achieved"), "archived": N_("archived"),
    "planned": N_("planned"), "done": N_("done"), "partly": N_("partly done"), "not_done": N_("not done"), "dropped": N_("dropped"),
}  # fmt: skip
"""How a status change is named when it is undone ("Angret: “Gå tur” – gjort")."""


def shorten(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class GoalScreen(BaseScreen):
    CSS_PATH = "goals.tcss"
    HELP_TEXT = N_(
        "**Goals** shows the person's recovery goal in their own words, the short-term goals on the way, "
        "and the steps small enough to do before the next session, with how each was followed up.\n\n"
        "**N** writes a new recovery goal, **d** a short-term goal, **s** a step; **e** changes the highlighted one. "
        "**R** gives the goal new words: the earlier wording is kept. **a** marks a goal achieved (again to undo), "
        "**z** archives or restores it. A step's status: **1** done, **2** partly, **3** not done, **4** dropped, **0** planned. "
        "**ctrl+up** and **ctrl+down** (or **K** and **J**) move a short-term goal or step.\n\n"
        "**t** shows the timeline of the course, **i** the IMR Scale. Everything is saved as you go. "
        "Goals are hidden in presentation mode (**f5**)."
    )
    BINDINGS = [
        Binding("e", "edit", N_("Edit"), id="goals.edit"),
        Binding("N", "new_goal", N_("New goal"), id="goals.new_goal"),
        Binding("d", "new_short_term", N_("Short-term goal"), id="goals.new_short_term"),
        Binding("s", "new_step", N_("New step"), id="goals.new_step"),
        Binding("R", "revise", N_("Revise goal"), id="goals.revise", show=False),
        Binding("a", "achieved", N_("Achieved"), id="goals.achieved"),
        Binding("z", "archive", N_("Archive/restore"), id="goals.archive", show=False),
        Binding("1", "step_status('done')", N_("Done"), id="goals.step_done", group=STEP_STATUS, show=False),
        Binding("2", "step_status('partly')", N_("Partly"), id="goals.step_partly", group=STEP_STATUS, show=False),
        Binding("3", "step_status('not_done')", N_("Not done"), id="goals.step_not_done", group=STEP_STATUS, show=False),
        Binding("4", "step_status('dropped')", N_("Dropped"), id="goals.step_dropped", group=STEP_STATUS, show=False),
        Binding("0", "step_status('planned')", N_("Planned"), id="goals.step_planned", group=STEP_STATUS, show=False),
        Binding("x,delete", "remove", N_("Remove"), id="goals.remove", show=False),
        Binding("ctrl+up,K", "move(-1)", N_("Move up"), id="goals.move_up", show=False),
        Binding("ctrl+down,J", "move(1)", N_("Move down"), id="goals.move_down", show=False),
        Binding("t", "timeline", N_("Timeline"), id="goals.timeline"),
        Binding("i", "imrs", N_("IMR Scale"), id="goals.imrs"),
        Binding("escape", "back", N_("Back"), id="goals.back"),
        Binding("f5", "app.toggle_presentation", N_("Presentation"), id="goals.presentation", show=False),
        Binding("f1", "app.help", N_("Help"), id="goals.help", show=False),
    ]

    class Loaded(Message):
        def __init__(self, goals: ParticipantGoals) -> None:
            super().__init__()
            self.goals = goals

    def __init__(self, participant_id: int) -> None:
        super().__init__()
        self.participant_id = participant_id
        self.goals: ParticipantGoals | None = None
        self.keys_shown = 0
        """Changes shown on screen before the store had them (see `load`)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="goals-title")
        yield Static(id="goals-effort")
        with Horizontal(id="goals-body"):
            yield GoalTree()
            with VerticalScroll(id="goal-detail-column", can_focus=False):
                yield GoalDetail(id="goal-detail")
        yield Static(_("Goals are hidden in presentation mode (f5)."), id="goals-hidden")
        yield Footer()

    def on_mount(self) -> None:
        self.log_access(self.participant_id)
        self.loading = True
        self.load()
        self.watch(self.app, "presentation_mode", self.show_presentation, init=False)

    def load(self) -> None:
        participant_id, today, asked_after = self.participant_id, self.imr.today(), self.keys_shown

        def answer(goals: ParticipantGoals) -> None:
            if asked_after != self.keys_shown:
                self.load()  # read before the last key's change: read again, after its write
                return
            self.post_message(self.Loaded(goals))

        self.read(lambda store: store.goals.participant_goals(participant_id, today), answer)

    def on_goal_screen_loaded(self, message: Loaded) -> None:
        self.show_goals(message.goals)
        self.loading = False
        self.query_one(GoalTree).focus()

    def show_change(self, goals: ParticipantGoals) -> None:
        """A key's change, shown before the store has it: a reading asked before it is not shown."""
        self.keys_shown += 1
        self.show_goals(goals)

    def show_goals(self, goals: ParticipantGoals) -> None:
        """Show the goals as read, or as just changed by a key before the store has answered."""
        self.goals = goals
        self.query_one("#goals-title", Static).update(f"[b]{goals.participant.name}[/b] · " + _("Goals and steps"))
        steps = goals.all_steps()
        strip = result_strip(steps)
        self.query_one("#goals-effort", Static).update(effort_sentence(count_effort(steps)) + (f"   {strip}" if strip else ""))
        self.query_one(GoalTree).show(goals)
        self.show_detail()
        self.show_presentation()

    @on(Tree.NodeHighlighted)
    def show_detail(self) -> None:
        if self.goals is not None:
            self.query_one(GoalDetail).show(self.goals, self.query_one(GoalTree).highlighted())

    def show_presentation(self, _presenting: bool | None = None) -> None:
        presenting = self.imr.presentation_mode
        for widget in self.query("#goals-body, #goals-effort"):
            widget.display = not presenting
        self.query_one("#goals-hidden").display = presenting

    # Finding what the keys act on

    def highlighted(self) -> NodeRef | None:
        if self.goals is None or self.imr.presentation_mode:
            return None
        return self.query_one(GoalTree).highlighted()

    def current(self, kind: str) -> NodeRef | None:
        ref = self.highlighted()
        return self.query_one(GoalTree).parent_ref(ref, kind) if ref else None

    def shown_goals(self) -> ParticipantGoals:
        """The goals on screen: a key finds nothing to act on before they are shown."""
        assert self.goals is not None
        return self.goals

    def goal_record(self, goal_id: int) -> RecoveryGoalRecord:
        return next(goal for goal in self.shown_goals().goals if goal.id == goal_id)

    def short_record(self, short_id: int) -> ShortTermGoalRecord:
        return next(short for goal in self.shown_goals().goals for short in goal.short_term_goals if short.id == short_id)

    def step_record(self, step_id: int) -> StepRecord:
        return next(step for step in self.shown_goals().all_steps() if step.id == step_id)

    # Writing

    def open_editor(self, target) -> None:
        from imr_tui.screens.goal_editor import GoalItemEditor

        self.app.push_screen(GoalItemEditor(target, self.imr.today(), on_added=self.added), lambda _saved: self.load())

    def action_new_goal(self) -> None:
        from imr_tui.screens.goal_editor import EditTarget

        if self.goals is not None and not self.imr.presentation_mode:
            self.open_editor(EditTarget("goal", None, self.participant_id, day=self.imr.today()))

    def action_new_short_term(self) -> None:
        from imr_tui.screens.goal_editor import EditTarget

        goal = self.current("goal") or self._only_active_goal()
        if goal is None:
            self.notify(_("Write the recovery goal first (N), then the short-term goals on the way to it."), severity="warning")
            return
        self.open_editor(EditTarget("short_term", None, self.participant_id, parent_id=goal.id))

    def action_new_step(self) -> None:
        from imr_tui.screens.goal_editor import EditTarget

        if self.goals is None or self.imr.presentation_mode:
            return
        short = self.current("short_term")
        if short is None and (goal_ref := self.current("goal")) is not None:
            goal = self.goal_record(goal_ref.row_id)
            active = [s for s in goal.short_term_goals if s.status == "active"]
            short = NodeRef("short_term", active[-1].id) if active else None
            if short is None:
                self.notify(_("Add a short-term goal first (d): a step leads towards one."), severity="warning")
                return
        # Without a goal yet, the step stands on its own and is followed up all the same.
        due = self.goals.next_session_on
        self.open_editor(EditTarget("step", None, self.participant_id, parent_id=short.id if short else None, day=due))

    def action_edit(self) -> None:
        from imr_tui.screens.goal_editor import EditTarget

        ref = self.highlighted()
        if ref is None or ref.kind in {"empty", "loose"}:
            if ref is not None and ref.kind == "empty":
                self.action_new_goal()
            return
        if ref.kind == "goal":
            goal = self.goal_record(ref.row_id)
            target = EditTarget("goal", goal.id, self.participant_id, text=goal.text, why=goal.why, day=goal.set_on)
        elif ref.kind == "short_term":
            short = self.short_record(ref.row_id)
            target = EditTarget("short_term", short.id, self.participant_id, parent_id=short.goal_id, text=short.text, day=short.target_date)
        else:
            step_ref = self.current("step")
            assert step_ref is not None  # a step or one of its follow-ups is highlighted
            step = self.step_record(step_ref.row_id)
            target = EditTarget("step", step.id, self.participant_id, parent_id=step.short_term_goal_id, text=step.text, day=step.due_on)
        self.open_editor(target)

    def action_revise(self) -> None:
        from imr_tui.screens.goal_editor import EditTarget

        ref = self.current("goal") or self._only_active_goal()
        if ref is None:
            return
        goal = self.goal_record(ref.row_id)
        self.open_editor(EditTarget("goal", goal.id, self.participant_id, text=goal.text, why=goal.why, day=goal.set_on, revise=True))

    def _only_active_goal(self) -> NodeRef | None:
        if self.goals is None or self.imr.presentation_mode:
            return None
        active = [goal for goal in self.goals.goals if goal.status == "active"]
        return NodeRef("goal", active[-1].id) if active else None

    # Status and order, saved at once

    def action_achieved(self) -> None:
        ref = self._goal_or_short_term()
        if ref is None:
            return
        status = self._status(ref)
        self._set_status(ref, "active" if status == "achieved" else "achieved")

    def action_archive(self) -> None:
        ref = self._goal_or_short_term()
        if ref is None:
            return
        archived = self._status(ref) == "archived"
        self._set_status(ref, "active" if archived else "archived")
        self.notify(_("Restored.") if archived else _("Archived: it stays in the list, and z restores it."))

    def action_step_status(self, status: str) -> None:
        step = self.current("step")
        if step is None:
            self.notify(_("Highlight a step to set how it went."), severity="warning")
            return
        self._set_status(step, status)

    def action_move(self, offset: int) -> None:
        ref = self.highlighted()
        if ref is None or ref.kind not in {"short_term", "step"} or self.goals is None:
            return
        kind, row_id, before = ref.kind, ref.row_id, self.goals
        moved = with_move(before, kind, row_id, offset)
        if moved == before:
            return  # at the top or the bottom already
        self.show_change(moved)
        after: dict[str, list[int]] = {}

        def move(store) -> None:
            after["order"] = store.goal_edits.move(kind, row_id, offset)

        what = self._what(ref, _("moved up") if offset < 0 else _("moved down"))
        self.write(move, lambda _done: self.load(), what=what)
        # Runs after the move (writes run in order), so the order it stored is known by then.
        self.changed(what, lambda store: store.goal_edits.move(kind, row_id, -offset, expected_order=after.get("order")), self.load_after_undo)

    def action_remove(self) -> None:
        """x: a short-term goal or step written by mistake goes; ctrl+z brings it back."""
        ref = self.highlighted()
        if ref is None or ref.kind not in {"short_term", "step"} or self.goals is None:
            if ref is not None:
                self.notify(_("Highlight a short-term goal or a step to remove it."), severity="warning")
            return
        kind, row_id = ref.kind, ref.row_id
        what = self._what(ref, _("removed"))
        self.show_change(without(self.goals, kind, row_id))
        removed: dict[str, dict] = {}

        def remove(store) -> None:
            removed["row"] = store.goal_edits.remove(kind, row_id)

        def refused(error: BaseException) -> bool:
            self.load()  # it stays: shown again as stored
            return False  # the reason is said as for any refused change

        def removed_it(_result: object) -> None:  # logged once stored: a refused removal has nothing to undo
            self.changed(what, lambda store: store.goal_edits.put_back(kind, removed["row"]), self.load_after_undo)

        self.write(remove, removed_it, failed=refused, what=what)

    def added(self, kind: str, row: dict[str, int | None], saved: dict[str, str]) -> None:
        """A short-term goal or step was just added in the editor: ctrl+z takes it back while nothing depends on it.

        `row` and `saved` are filled in as the editor's writes run: the id it got, the text last saved.
        """
        what = _("{text} added").format(text=quoted(shorten(saved["text"])))
        self.changed(what, lambda store: store.goal_edits.remove_new(kind, row["id"], expected_text=saved["text"]) if row["id"] else None, self.load_after_undo)

    def load_after_undo(self) -> None:
        self.call_after_refresh(self.load)  # after the undo is queued: the reading then sees it

    def _goal_or_short_term(self) -> NodeRef | None:
        ref = self.highlighted()
        if ref is not None and ref.kind in {"goal", "short_term"}:
            return ref
        if ref is not None:
            self.notify(_("Highlight a goal or a short-term goal."), severity="warning")
        return None

    def _status(self, ref: NodeRef) -> str:
        if ref.kind == "step":
            return self.step_record(ref.row_id).status
        return self.goal_record(ref.row_id).status if ref.kind == "goal" else self.short_record(ref.row_id).status

    def _set_status(self, ref: NodeRef, status: str) -> None:
        kind, row_id, before = ref.kind, ref.row_id, self._status(ref)
        if self.goals is None or status == before:
            return
        self.show_change(with_status(self.goals, kind, row_id, status))
        what = self._what(ref, _(STATUS_WORDS.get(status, status)))
        self.write(lambda store: store.goal_edits.set_status(kind, row_id, status), what=what)
        self.changed(what, lambda store: store.goal_edits.set_status(kind, row_id, before, expected=status), lambda: self.show_status(kind, row_id, before))

    def show_status(self, kind: str, row_id: int, status: str) -> None:
        if self.goals is not None:
            self.show_change(with_status(self.goals, kind, row_id, status))

    def _what(self, ref: NodeRef, change: str) -> str:
        """The change in the user's words: “Gå tur hver dag” – done."""
        text = self.goal_record(ref.row_id).text if ref.kind == "goal" else self.short_record(ref.row_id).text if ref.kind == "short_term" else self.step_record(ref.row_id).text
        return f"{quoted(shorten(text))} – {change}"

    # Other views of the same person

    def action_timeline(self) -> None:
        from imr_tui.screens.goal_timeline import TimelineScreen

        if self.goals is not None and not self.imr.presentation_mode:
            self.app.push_screen(TimelineScreen(self.goals))

    def action_imrs(self) -> None:
        from imr_tui.screens.imrs import ImrsScreen

        if self.goals is not None and not self.imr.presentation_mode:
            self.app.push_screen(ImrsScreen(self.goals.participant))

    def action_back(self) -> None:
        self.app.pop_screen()

