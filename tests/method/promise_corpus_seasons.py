"""Sentences about holidays, quarters and the turn of the year, said to companies in six countries.

METHOD §5.1: every date is read in the company's country and zone. The moments are chosen where
readers slip: a Friday, a weekend, the day before a holiday, the week the clocks change. Business
days follow each country's public holidays (the US also closes the day after Thanksgiving, Dec 24
and Dec 31); the Australian company is in New South Wales.
"""

from __future__ import annotations

from pursuit.method.calendar import BusinessCalendar

from .promise_corpus import Case
from .promise_corpus_seasons_eu_au import AU, DE, GB, IE
from .promise_corpus_seasons_us_ca import CA, US

SEASON_CALENDARS = {
    "ca": BusinessCalendar(zone="America/Toronto", country="CA"),
    "gb": BusinessCalendar(zone="Europe/London", country="GB"),
    "ie": BusinessCalendar(zone="Europe/Dublin", country="IE"),
    "au": BusinessCalendar(zone="Australia/Sydney", country="AU", subdiv="NSW"),
}

SEASON_CORPUS: list[Case] = [
    *(c._replace(calendar="us") for c in US),
    *(c._replace(calendar="ca", locale="en_CA") for c in CA),
    *(c._replace(calendar="gb", locale="en_GB") for c in GB),
    *(c._replace(calendar="ie", locale="en_IE") for c in IE),
    *(c._replace(calendar="de", locale="de_DE") for c in DE),
    *(c._replace(calendar="au", locale="en_AU") for c in AU),
]
