"""A partial IMR Scale rating is kept and shown, but never counts for the change since the start,
the latest rating or the chart; a whole rating is stored exactly as sent, however often it is sent."""

from __future__ import annotations

import datetime as dt

from imr_tui.imrs.loader import load_scale
from imr_tui.imrs.scoring import complete, summarise
from imr_tui.store import open_store
from imr_tui.widgets.imrs_chart import change_summary, mean_chart

from conftest import TODAY
from goal_data import person_in_a_group


def all_items(scale, score: int) -> dict[str, int | None]:
    return {item.id: (None if item.may_be_not_applicable else score) for item in scale.items}


def text_of(renderable) -> str:
    import io

    from rich.console import Console

    console = Console(width=200, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.file.getvalue()


def test_a_partial_rating_is_left_out_of_the_change_and_the_chart(demo_store, demo_target) -> None:
    scale = load_scale()
    person, _sessions = person_in_a_group(demo_store, TODAY.date())
    start, later = TODAY.date() - dt.timedelta(days=60), TODAY.date() - dt.timedelta(days=30)
    imrs = demo_store.imrs
    imrs.put_rating(scale, None, person, start, "participant", "start", all_items(scale, 2))
    imrs.put_rating(scale, None, person, later, "participant", "during", all_items(scale, 4))
    partial = imrs.put_rating(scale, None, person, TODAY.date(), "participant", "during", {"goal-progress": 1})
    again = imrs.put_rating(scale, partial, person, TODAY.date(), "participant", "during", {"goal-progress": 1})  # sent twice: the same
    assert again == partial
    store = open_store(demo_target)
    history = store.imrs.history(person)
    store.close()
    assert [complete(scale, rating) for rating in history] == [True, True, False]
    version = summarise(scale, history, "participant")
    assert len(version.ratings) == 3 and len(version.finished) == 2
    assert version.change == 2.0  # 2 -> 4, the partial 1 left out
    assert "+2,0" in text_of(change_summary(scale, version)) or "+2.0" in text_of(change_summary(scale, version))
    chart = text_of(mean_chart(scale, [version]))
    assert len(chart.strip().splitlines()) == 4  # the title, the version, a line for each finished rating: none for the partial
