"""Applications from another tracker (a spreadsheet, a job board's export) as a CSV file.

Each row becomes a campaign through the campaign services, as if the seeker had typed it in:
the company (found by name, or new), the role and contact, the interview with its promise (so
the ladder plans the next step), then the status. Columns are matched to our fields by their
usual names, and any of them can be mapped by hand.

All rows or none: the rows run in one transaction, each in its own savepoint, so every bad row is
found and named (row and column) in one pass; then, unless bad rows may be skipped, any bad row
rolls the whole file back. A dry run is the same pass, always rolled back: its preview is what an
import would do, step for step.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from pursuit.accounts.models import Seeker
from pursuit.campaigns import services
from pursuit.campaigns.history import Actor
from pursuit.campaigns.models import Action, Campaign, Company
from pursuit.documents.progress import Progress, Steps, drive
from pursuit.errors import ServiceError
from pursuit.method.scripts import when_label
from pursuit.method.vocab import ActionKind, ActionStatus, CampaignStatus
from pursuit.validation import limit, one_line

#: Our fields, each with the column names trackers commonly give it (compared lowercased).
FIELDS: Mapping[str, tuple[str, ...]] = {
    "company": ("company", "company name", "employer", "organization", "organisation"),
    "role": ("role", "position", "job title", "title", "job", "job position"),
    "contact": ("contact", "contact name", "contact person", "hiring manager", "interviewer"),
    "interview_date": (
        "interview date",
        "interview",
        "interviewed on",
        "date of interview",
        "date",
    ),
    "promise": ("promise", "promise text", "they said", "next step", "follow up", "follow-up"),
    "status": ("status", "stage", "state"),
}
REQUIRED = ("company", "role")

#: What other trackers call each campaign status.
STATUS_WORDS: Mapping[str, CampaignStatus] = {
    **dict.fromkeys(
        ("", "active", "applied", "interviewing", "interviewed", "in progress", "waiting", "open"),
        CampaignStatus.ACTIVE,
    ),
    **dict.fromkeys(
        ("offer", "verbal offer", "offer received", "offer_verbal", "offer verbal"),
        CampaignStatus.OFFER_VERBAL,
    ),
    **dict.fromkeys(
        ("won", "accepted", "hired", "written offer", "offer accepted"), CampaignStatus.WON
    ),
    **dict.fromkeys(
        ("lost", "rejected", "not selected", "no offer", "closed"), CampaignStatus.LOST
    ),
    **dict.fromkeys(("withdrawn", "withdrew"), CampaignStatus.WITHDRAWN),
}

#: A service's field, as the CSV field it came from.
_SERVICE_FIELDS = {
    "company": "company",
    "zone": "company",
    "country": "company",
    "subdiv": "company",
    "role": "role",
    "promise": "promise",
    "said_at": "promise",
    "alternative": "promise",
    "at": "interview_date",
    "agreed_at": "interview_date",
}

#: An interview logged with a day but no time is taken to have been at this time.
DEFAULT_INTERVIEW_TIME = dt.time(10, 0)
_NUMERIC_DATE = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{2}|\d{4})(?:[ T,]+(.+))?")
_HAS_TIME = re.compile(r"\d:\d\d|\d\s*[ap]\.?m\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Problem:
    """A row that cannot be imported: its spreadsheet row number (the header is row 1), the
    column as the file names it (None when it is about the row as a whole), and why."""

    row: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column {self.column!r}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Imported:
    row: int
    company: str
    role: str
    status: str
    next_step: str

    @property
    def status_label(self) -> str:
        return str(self.status).replace("_", " ")


@dataclass
class Report:
    rows: int
    mapping: dict[str, str]
    imported: list[Imported] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False
    #: Whether the imported rows are now in the database.
    saved: bool = False


class _RowError(Exception):
    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


# -- reading the file ----------------------------------------------------------------------------


def read_table(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows of a CSV file, whatever its separator and common encoding."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ServiceError("cannot read this file as text: save it as CSV (UTF-8)", "file")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:8192], delimiters=",;\t"
        )
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = [name.strip() for name in next(reader)]
        rows = [
            dict(zip(header, (v.strip() for v in values), strict=False))
            for values in reader
            if any(v.strip() for v in values)
        ]
    except StopIteration:
        raise ServiceError("this file is empty", "file") from None
    except csv.Error as error:
        raise ServiceError(f"this is not a CSV file we can read: {error}", "file") from None
    if not any(header):
        raise ServiceError("the first row should name the columns", "file")
    return header, rows


def guess_mapping(header: list[str]) -> dict[str, str]:
    """Our field -> the file's column, for every column with a name we know."""
    by_name = {name.strip().lower(): name for name in header}
    found: dict[str, str] = {}
    for ours, names in FIELDS.items():
        match = next((by_name[n] for n in names if n in by_name), None)
        if match is not None and match not in found.values():
            found[ours] = match
    return found


def mapping_for(header: list[str], given: Mapping[str, str] | None = None) -> dict[str, str]:
    """The guessed mapping with the seeker's choices laid over it; a choice that names a column
    the file does not have, or an unknown field, is refused."""
    mapping = guess_mapping(header)
    for ours, column in (given or {}).items():
        if ours not in FIELDS:
            raise ServiceError(f"unknown field {ours!r}: use one of {', '.join(FIELDS)}", "mapping")
        if not column:
            mapping.pop(ours, None)
            continue
        if column not in header:
            raise ServiceError(
                f"{ours}: the file has no column {column!r} (it has {', '.join(header)})", "mapping"
            )
        mapping = {k: v for k, v in mapping.items() if v != column}
        mapping[ours] = column
    missing = [f for f in REQUIRED if f not in mapping]
    if missing:
        raise ServiceError(
            f"no column for {' and '.join(missing)}: say which column holds it", "mapping"
        )
    return mapping


def parse_interview_time(text: str, locale: str) -> dt.datetime | None:
    """When the interview was, as a wall-clock time at the company; None for an empty cell.

    Numbers read month first in en_US and day first elsewhere (dots always day first); a day
    without a time is taken as 10:00.
    """
    text = text.strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(text), DEFAULT_INTERVIEW_TIME)
        return dt.datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        pass
    match = _NUMERIC_DATE.fullmatch(text)
    if match:
        first, sep, second, year, rest = match.groups()
        month_first = sep != "." and locale.replace("-", "_") == "en_US"
        month, day = (first, second) if month_first else (second, first)
        full_year = int(year) + 2000 if len(year) == 2 else int(year)
        try:
            day_of = dt.date(full_year, int(month), int(day))
        except ValueError:
            raise ValueError(f"{text!r} is not a date") from None
        return dt.datetime.combine(day_of, _time_of(rest) if rest else DEFAULT_INTERVIEW_TIME)
    return _words_date(text, locale)


def _time_of(text: str) -> dt.time:
    text = text.strip().upper().replace(".", "")
    for pattern in ("%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M%p", "%I %p", "%I%p"):
        try:
            # Only the wall-clock time is kept; the company's zone is applied by the services.
            return dt.datetime.strptime(text, pattern).time()  # noqa: DTZ007
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a time of day: write it like 15:00 or 3:00 PM")


def _words_date(text: str, locale: str) -> dt.datetime:
    """Dates in words ("Nov 19, 2026", "19 November 2026 3pm"), read by dateparser."""
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "DATE_ORDER": "MDY" if locale.replace("-", "_") == "en_US" else "DMY",
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None:
        raise ValueError(f"{text!r} is not a date: write it like 2026-11-19 or 2026-11-19 15:00")
    if not _HAS_TIME.search(text):
        return dt.datetime.combine(parsed.date(), DEFAULT_INTERVIEW_TIME)
    return parsed


# -- importing -----------------------------------------------------------------------------------


def import_applications(
    *,
    seeker: Seeker,
    data: bytes,
    mapping: Mapping[str, str] | None = None,
    dry_run: bool = False,
    skip_bad: bool = False,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
) -> Report:
    """Import a tracker's CSV. Without `skip_bad`, one bad row keeps every row out."""
    steps = import_steps(
        seeker=seeker, data=data, mapping=mapping, dry_run=dry_run, skip_bad=skip_bad, now=now
    )
    return drive(steps, progress)


def import_steps(
    *,
    seeker: Seeker,
    data: bytes,
    mapping: Mapping[str, str] | None = None,
    dry_run: bool = False,
    skip_bad: bool = False,
    now: dt.datetime | None = None,
) -> Steps[Report]:
    """`import_applications`, yielding (rows done, rows) after each row."""
    now = now or timezone.now()
    header, rows = read_table(data)
    columns = mapping_for(header, mapping)
    report = Report(rows=len(rows), mapping=columns, dry_run=dry_run)
    companies = {c.name.lower(): c for c in Company.objects.filter(seeker=seeker)}
    with transaction.atomic():
        for index, row in enumerate(rows):
            number = index + 2
            values = {ours: row.get(column, "") or "" for ours, column in columns.items()}
            new: dict[str, Company] = {}
            try:
                with transaction.atomic():
                    report.imported.append(_import_row(seeker, values, number, companies, new, now))
            except _RowError as error:
                column = columns.get(error.field) if error.field else None
                report.problems.append(Problem(number, column, error.message))
            else:
                companies.update(new)
            yield index + 1, len(rows)
        keep = not dry_run and (skip_bad or not report.problems)
        if not keep:
            transaction.set_rollback(True)
        report.saved = keep
    return report


def _import_row(
    seeker: Seeker,
    values: Mapping[str, str],
    number: int,
    companies: Mapping[str, Company],
    new: dict[str, Company],
    now: dt.datetime,
) -> Imported:
    try:
        # Read as the service will store it, so the same company in two rows is found again.
        name = one_line(
            values.get("company", ""), field="company", max_length=limit(Company, "name")
        )
    except ServiceError as error:
        raise _RowError("company", error.message) from None
    if not name:
        raise _RowError("company", "no company named")
    status = STATUS_WORDS.get(values.get("status", "").strip().lower())
    if status is None:
        known = sorted({word for word in STATUS_WORDS if word})
        raise _RowError("status", f"unknown status: use one of {', '.join(known)}")
    try:
        at = parse_interview_time(values.get("interview_date", ""), seeker.locale)
    except ValueError as error:
        raise _RowError("interview_date", str(error)) from None
    promise = values.get("promise", "").strip()
    if promise and at is None:
        raise _RowError("promise", "a promise needs the date of the interview it was made at")
    contact = values.get("contact", "").strip()
    try:
        company = companies.get(name.lower())
        if company is None:
            company = services.create_company(seeker=seeker, name=name)
            new[name.lower()] = company
        campaign = services.create_campaign(
            seeker=seeker, company=company, role=values.get("role", ""), contact_name=contact
        )
        if at is not None:
            services.log_interview(
                campaign=campaign,
                at=at,
                with_name=contact,
                promise_text=promise,
                now=now,
                actor=Actor.seeker(seeker, "import"),
            )
        campaign = _reach(campaign, status, now, Actor.seeker(seeker, "import"))
    except ServiceError as error:
        raise _RowError(_SERVICE_FIELDS.get(error.field or ""), error.message) from None
    return Imported(number, company.name, campaign.role, campaign.status, _next_step(campaign))


def _reach(campaign: Campaign, status: CampaignStatus, now: dt.datetime, actor: Actor) -> Campaign:
    """Bring a new campaign to the status the tracker gave, the way the seeker would."""
    if status is CampaignStatus.OFFER_VERBAL:
        return services.record_offer(
            campaign=campaign, written=False, now=now, actor=actor
        ).campaign
    if status is CampaignStatus.WON:
        return services.record_offer(campaign=campaign, written=True, now=now, actor=actor).campaign
    if status is CampaignStatus.LOST:
        return services.close_out(campaign=campaign, now=now, actor=actor).campaign
    if status is CampaignStatus.WITHDRAWN:
        return services.withdraw(campaign=campaign, now=now, actor=actor).campaign
    return campaign


def _next_step(campaign: Campaign) -> str:
    step = (
        Action.objects.filter(campaign=campaign, status=ActionStatus.PLANNED)
        .order_by("due_at")
        .first()
    )
    if step is None:
        return ""
    return f"{ActionKind(step.kind).label}: {when_label(step.local_due(), campaign.seeker.locale)}"
