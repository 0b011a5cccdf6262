"""Known service plans for the tests: two versions whose differences are written down here."""

from __future__ import annotations

import datetime as dt

from imr_tui.service_plan import load_template
from imr_tui.service_plan.content import Contact

FIRST = {
    "triggers": ("Too little sleep", "Arguments at work"),
    "warning-signs": ("I stop answering the phone",),
    "contacts": (Contact("Siri Testesen", "sister", "900 00 001", "personal"), Contact("Dr. Berg", "GP", "22 00 00 00", "professional")),
    "practical": ("Feed the cat",),
}
SECOND = {
    "triggers": ("Too little sleep for three nights", "Moving house"),  # reworded, one removed, one added
    "warning-signs": ("I stop answering the phone",),  # the same
    "contacts": (Contact("Siri Testesen", "sister", "900 00 009", "personal"), Contact("Home care", "municipality", "23 00 00 00", "professional")),
    "practical": (),  # removed
}


def write_sections(store, person: int, content: dict) -> None:
    template = load_template()
    plan = store.service_plans.open_draft(person, template)
    for section_id, value in content.items():
        store.service_plans.save_section(person, section_id, value, plan.draft[section_id].stored)


def plan_with_two_versions(store, person: int, first_on: dt.date) -> None:
    """Version 1 on `first_on`, version 2 a month later, each reviewed three months on."""
    template = load_template()
    write_sections(store, person, FIRST)
    store.service_plans.finish_revision(person, template, made_by_id=None, finished_on=first_on, review_on=first_on + dt.timedelta(days=91))
    write_sections(store, person, SECOND)
    second_on = first_on + dt.timedelta(days=30)
    store.service_plans.finish_revision(person, template, made_by_id=None, finished_on=second_on, review_on=second_on + dt.timedelta(days=91))


def new_person(store, name: str = "Siri Testesen", language: str = "nb") -> int:
    from imr_tui.models import Participant

    with store.database.transaction() as session:
        person = Participant(name=name, alias="ST", language=language)
        session.add(person)
        session.flush()
        return person.id
