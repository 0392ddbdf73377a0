"""The anniversary calendar: which commemorations are round in a given year.

A calendar file lists events (name as directives print it, date, period,
source). An event is round in year Y when Y - its year is a positive
multiple of its period (5 years unless the event says otherwise). Issuers
add their own events with a second calendar file of the same form.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from thidua_docs.structure.directive import Text
from thidua_docs.vnformat import short_date



class Event(BaseModel):
    """One commemorated event."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Text
    date: dt.date
    period: Annotated[int, Field(ge=1, le=100)] | None = None
    source: Text
    note: Text | None = None


class Calendar(BaseModel):
    """A calendar file: the default period and the events."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    period: Annotated[int, Field(ge=1, le=100)] = 5
    events: Annotated[list[Event], Field(min_length=1)]


class Anniversary(BaseModel):
    """A round anniversary of an event in a given year."""

    model_config = ConfigDict(frozen=True)

    event: Event
    year: int

    @property
    def age(self) -> int:
        return self.year - self.event.date.year

    @property
    def wording(self) -> str:
        """"90 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930-03/02/2020)"."""
        start = self.event.date
        return (f"{self.age} năm {self.event.name} "
                f"({short_date(start)}-{short_date(_same_day(start, self.year))})")


def _same_day(date: dt.date, year: int) -> dt.date:
    try:
        return date.replace(year=year)
    except ValueError:  # 29 February in a common year
        return date.replace(year=year, day=28)


def default_calendar() -> Path:
    """The national calendar, bundled with the package."""
    from thidua_docs import bundled

    return bundled.path(bundled.CALENDAR)


def round_anniversaries(calendars: list[Calendar], year: int) -> list[Anniversary]:
    """The events of *calendars* that are round in *year*, in calendar order of the day."""
    found = []
    for calendar in calendars:
        for event in calendar.events:
            age = year - event.date.year
            if age > 0 and age % (event.period or calendar.period) == 0:
                found.append(Anniversary(event=event, year=year))
    return sorted(found, key=lambda a: (a.event.date.month, a.event.date.day))
