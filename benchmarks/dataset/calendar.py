"""When the service is closed: public holidays, three summer weeks and Christmas."""

from __future__ import annotations

import datetime as dt

from dataset.tables import Tables, stamp
from imr_tui.planning.schedule import is_public_holiday


class ServiceCalendar:
    def __init__(self, first_year: int, last_year: int) -> None:
        self.periods: list[tuple[dt.date, dt.date, str]] = []
        for year in range(first_year, last_year + 1):
            self.periods.append((dt.date(year, 7, 8), dt.date(year, 7, 28), f"Sommerstengt {year}"))
            self.periods.append((dt.date(year, 12, 22), dt.date(year + 1, 1, 2), f"Juleferie {year}"))
        self._closed_days = {
            start + dt.timedelta(days=offset)
            for start, end, _label in self.periods
            for offset in range((end - start).days + 1)
        }

    def is_closed(self, day: dt.date) -> bool:
        return day in self._closed_days or is_public_holiday(day)

    def write(self, tables: Tables) -> None:
        for start, end, label in self.periods:
            tables.add("closed_period", stamp(start - dt.timedelta(days=90)), group_id=None, starts_on=start, ends_on=end, label=label)
