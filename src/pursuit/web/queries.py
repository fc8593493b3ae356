"""What the pages read, each page in a fixed number of queries whatever the seeker's data size.

Rows are turned into small display records here (strings ready to print), so templates stay
lean loops and no template ever touches a relation that would cost a query per row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from itertools import groupby
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.db import connection
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from pursuit.accounts.models import Seeker, User
from pursuit.campaigns import services
from pursuit.campaigns.access import owned
from pursuit.campaigns.models import (
    Action,
    Campaign,
    Interview,
    Offer,
    Promise,
    Touch,
)
from pursuit.campaigns.queries import seeker_calendar
from pursuit.method import scripts, slots
from pursuit.method.calendar import zone_named
from pursuit.method.ladder import ALLOWED_OUTCOMES, DECLINED_REASON, campaign_warnings
from pursuit.method.vocab import (
    ActionKind,
    ActionStatus,
    Basis,
    CampaignStatus,
    Outcome,
    PermissionAnswer,
)
from pursuit.reminders.models import WorkerHeartbeat
from pursuit.web import format as fmt

#: The worker beats every 30 seconds; this much silence means reminders have stopped.
WORKER_SILENCE = dt.timedelta(minutes=5)

#: Outcome buttons that need a detail before they can be sent; each reveals a small form.
NEEDS_INPUT = frozenset(
    {Outcome.GATEKEEPER_CALLBACK, Outcome.REACHED_PENDING, Outcome.REACHED_INTERVIEW}
)
#: Replies that end the chase one way or another; they sit with "reached them".
REPLIES = (Outcome.REACHED_VERBAL_OFFER, Outcome.REACHED_REJECTED)
_BUTTON_ORDER = list(fmt.OUTCOME_BUTTONS)


@dataclass(frozen=True, slots=True)
class Controls:
    """The outcome buttons of one kind of step: the same for every card of that kind."""

    quick: tuple[tuple[str, str], ...]  # (value, label): one tap
    callback: bool  # "call back at a set time" reveals a time input
    reached: tuple[tuple[str, str], ...]  # replies once the decision maker was reached
    interview: bool  # "another interview" reveals a time input
    skip: str  # the skip button's words, or "" when the kind cannot be skipped
    lesson: bool = False  # confirming the close-out asks what was learned, in the same form


#: Words that differ by kind: "done" on a close-out means out of the running.
_KIND_WORDS: dict[tuple[ActionKind, Outcome], str] = {
    (ActionKind.THANK_YOU, Outcome.DONE): "Sent",
    (ActionKind.LEAVE_NOTE, Outcome.DONE): "Printed",
    (ActionKind.REQUEST_WRITTEN_OFFER, Outcome.DONE): "Asked",
    (ActionKind.CLOSE_OUT, Outcome.DONE): "Confirm: out of the running",
    (ActionKind.CLOSE_OUT, Outcome.SKIPPED): "Not yet — one more round of calls",
}


def _controls(kind: ActionKind) -> Controls:
    allowed = ALLOWED_OUTCOMES[kind]

    def word(o: Outcome) -> str:
        return _KIND_WORDS.get((kind, o), fmt.OUTCOME_BUTTONS[o])

    later = {Outcome.SKIPPED, Outcome.THEY_CALLED, *NEEDS_INPUT, *REPLIES}
    quick = [o for o in _BUTTON_ORDER if o in allowed and o not in later]
    replies = [o for o in (Outcome.REACHED_PENDING, *REPLIES, Outcome.THEY_CALLED) if o in allowed]
    return Controls(
        quick=tuple((o.value, word(o)) for o in quick),
        callback=Outcome.GATEKEEPER_CALLBACK in allowed,
        reached=tuple((o.value, word(o)) for o in replies),
        interview=Outcome.REACHED_INTERVIEW in allowed,
        skip=word(Outcome.SKIPPED) if Outcome.SKIPPED in allowed else "",
        lesson=kind is ActionKind.CLOSE_OUT,
    )


CONTROLS: dict[str, Controls] = {k.value: _controls(k) for k in ActionKind}


class StepRow(NamedTuple):
    """The columns a card shows, read in one query with the campaign, company and contact."""

    id: int
    kind: str
    due_at: dt.datetime
    zone: str
    reason: str
    script: str
    campaign_id: int
    role: str
    company: str
    company_phone: str
    company_country: str
    contact: str | None
    contact_title: str | None
    contact_phone: str | None
    way_through: str | None


STEP_COLUMNS = (
    "id",
    "kind",
    "due_at",
    "zone",
    "reason",
    "script",
    "campaign_id",
    "campaign__role",
    "campaign__company__name",
    "campaign__company__phone",
    "campaign__company__country",
    "campaign__contact__name",
    "campaign__contact__title",
    "campaign__contact__phone",
    "campaign__contact__way_through",
)


def step_rows(qs: QuerySet[Action]) -> list[StepRow]:
    """Plain rows rather than model instances: building four models per card would cost more
    than the rest of Today together."""
    return [StepRow._make(r) for r in qs.values_list(*STEP_COLUMNS)]


def row_of(action: Action) -> StepRow:
    """The same row from an Action fetched with its campaign, company and contact."""
    campaign = action.campaign
    company, contact = campaign.company, campaign.contact
    return StepRow(
        action.pk,
        action.kind,
        action.due_at,
        action.zone,
        action.reason,
        action.script,
        campaign.pk,
        campaign.role,
        company.name,
        company.phone,
        company.country,
        contact.name if contact else None,
        contact.title if contact else None,
        contact.phone if contact else None,
        contact.way_through if contact else None,
    )


@dataclass(slots=True)
class Card:
    """One planned step as Today and the campaign page show it."""

    id: int
    kind: str
    kind_label: str
    when: str  # in the company's zone
    yours: str  # the seeker's clock, when it differs
    zone: str
    company: str
    campaign_id: int
    role: str
    contact: str
    contact_title: str
    tel_href: str
    tel_label: str
    reason: str
    way_through: str
    script: str
    controls: Controls
    words: str  # what the script is: words to say, a draft, a checklist
    url: str  # where its outcome is posted
    campaign_url: str
    own_day: dt.date
    overdue: bool = False
    #: What was typed and what went wrong, when the card comes back with an error.
    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    open: str = ""  # which reveal form to show open: "callback" or "reached"


@dataclass(slots=True)
class Day:
    heading: str
    date: dt.date
    cards: list[Card]
    is_today: bool = False

    @property
    def anchor(self) -> str:
        return f"day-{self.date:%Y%m%d}"

    @property
    def count(self) -> int:
        return len(self.cards)


@dataclass(slots=True)
class Agenda:
    overdue: list[Card]
    days: list[Day]
    warnings: list[str]
    worker_silent: bool
    horizon: dt.date
    count: int = 0


@dataclass(frozen=True, slots=True)
class Viewer:
    """The seeker's way of seeing time: their zone, their today, their clock."""

    seeker: Seeker
    zone: ZoneInfo
    today: dt.date
    twelve: bool
    now: dt.datetime

    @classmethod
    def of(cls, seeker: Seeker, now: dt.datetime | None = None) -> Viewer:
        now = now or timezone.now()
        zone = zone_named(seeker.zone)
        return cls(seeker, zone, now.astimezone(zone).date(), fmt.twelve_hour(seeker.locale), now)


_WORDS = {
    ActionKind.CALL: "The words to say",
    ActionKind.CALLBACK: "The words to say",
    ActionKind.VISIT: "The words to say",
    ActionKind.THANK_YOU: "The draft",
    ActionKind.REQUEST_WRITTEN_OFFER: "The draft",
}


@cache
def _url_pattern(name: str) -> str:
    return reverse(name, args=[987654321]).replace("987654321", "{}")


def url_for(name: str, pk: int) -> str:
    """The URL of an object's page; reversed once per name, then filled in, so a page of cards
    does not pay a URL reverse for each."""
    return _url_pattern(name).format(pk)


def card_for(row: StepRow, viewer: Viewer, *, dated: bool = False) -> Card:
    """A display record for one step. Under Today's day headings the time is enough; elsewhere
    (`dated`) and for overdue steps the day is said too."""
    local = row.due_at.astimezone(zone_named(row.zone))
    own_day = local.astimezone(viewer.zone).date()
    overdue = own_day < viewer.today
    if overdue or dated:
        when = fmt.when(local, viewer.today, viewer.twelve, dated=True)
    else:
        when = fmt.clock(local, viewer.twelve)
    phone = row.contact_phone or row.company_phone
    # Read in the company's country, shown as dialled from the seeker's.
    href, label = (
        fmt.phone_link(phone, row.company_country, viewer.seeker.country) if phone else ("", "")
    )
    return Card(
        id=row.id,
        kind=row.kind,
        kind_label=fmt.kind_label(row.kind),
        when=when,
        yours=(
            fmt.also_yours(local, viewer.zone, viewer.today, viewer.twelve)
            if row.zone != viewer.seeker.zone
            else ""
        ),
        zone=row.zone,
        company=row.company,
        campaign_id=row.campaign_id,
        role=row.role,
        contact=row.contact or "",
        contact_title=row.contact_title or "",
        tel_href=href,
        tel_label=label,
        reason=row.reason,
        way_through=row.way_through or "",
        script=row.script,
        controls=CONTROLS[row.kind],
        words=_WORDS.get(row.kind, "What to do"),
        url=url_for("action_outcome", row.id),
        campaign_url=url_for("campaign", row.campaign_id),
        own_day=own_day,
        overdue=overdue,
    )


def agenda(user: User, seeker: Seeker, *, now: dt.datetime | None = None) -> Agenda:
    """Today: overdue steps, today's, and the next business days, grouped by the seeker's day."""
    viewer = Viewer.of(seeker, now)
    calendar = seeker_calendar(seeker)
    playbook = seeker.playbook
    horizon = calendar.add_business_days(viewer.today, playbook.quiet_horizon_business_days)
    end = dt.datetime.combine(horizon + dt.timedelta(days=1), dt.time(), tzinfo=viewer.zone)
    rows = step_rows(
        owned(Action, user)
        .filter(status=ActionStatus.PLANNED, due_at__lt=end)
        .order_by("due_at", "id")
    )
    cards = [card_for(r, viewer) for r in rows]
    overdue = [c for c in cards if c.overdue]
    days = [
        Day(
            fmt.day_heading(day, viewer.today, viewer.twelve),
            day,
            group,
            day == viewer.today,
        )
        for day, group in (
            (d, list(g))
            for d, g in groupby((c for c in cards if not c.overdue), key=lambda c: c.own_day)
        )
    ]
    active, won, beating = _standing(seeker, viewer.now)
    next_planned = cards[0].own_day if cards else None
    warnings = campaign_warnings(
        active=active,
        any_won=won > 0,
        next_planned=next_planned,
        today=viewer.today,
        calendar=calendar,
        playbook=playbook,
    )
    return Agenda(overdue, days, warnings, not beating, horizon, len(cards))


_STANDING_SQL = """
    SELECT
        (SELECT COUNT(*) FROM {campaign}
            WHERE seeker_id = %s AND status = %s AND trashed_at IS NULL),
        (SELECT COUNT(*) FROM {campaign}
            WHERE seeker_id = %s AND status = %s AND trashed_at IS NULL),
        EXISTS (SELECT 1 FROM {heartbeat} WHERE last_beat >= %s)
"""


def _standing(seeker: Seeker, now: dt.datetime) -> tuple[int, int, bool]:
    """Active and won campaigns, and whether the worker beat lately (reminders are going out).

    Three numbers in one plain SQL statement: through the ORM the same query cost 1 ms to build,
    25 times what it takes to run, on a page that answers in under 10. Only counts of the
    seeker's own rows are read; `seeker` is the signed-in user's own profile.
    """
    sql = _STANDING_SQL.format(
        campaign=Campaign._meta.db_table, heartbeat=WorkerHeartbeat._meta.db_table
    )
    since = connection.ops.adapt_datetimefield_value(now - WORKER_SILENCE)
    params = [seeker.pk, CampaignStatus.ACTIVE.value, seeker.pk, CampaignStatus.WON.value, since]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        active, won, beating = cursor.fetchone()
    return active, won, bool(beating)


# -- the campaign board ---------------------------------------------------------------------------

BOARD_COLUMNS = (
    (CampaignStatus.ACTIVE, "Active"),
    (CampaignStatus.OFFER_VERBAL, "Verbal offer"),
    (CampaignStatus.WON, "Won"),
    (CampaignStatus.LOST, "Out of the running"),
    (CampaignStatus.WITHDRAWN, "Withdrawn"),
)


@dataclass(slots=True)
class BoardItem:
    id: int
    url: str
    role: str
    company: str
    contact: str
    next_step: str = ""
    next_reason: str = ""
    lesson: str = ""


@dataclass(slots=True)
class Column:
    status: str
    title: str
    items: list[BoardItem] = field(default_factory=list)


def board(user: User, seeker: Seeker) -> tuple[list[Column], list[str]]:
    """Every campaign by status with its next planned step, and the dashboard warnings.
    Plain rows, as on Today: a board of hundreds of campaigns should not build a model for each."""
    viewer = Viewer.of(seeker)
    campaigns = owned(Campaign, user).order_by("-updated_at")
    nexts: dict[int, tuple[str, dt.datetime, str, str]] = {}
    planned = (
        owned(Action, user)
        .filter(status=ActionStatus.PLANNED)
        .order_by("-due_at", "-id")
        .values_list("campaign_id", "kind", "due_at", "zone", "reason")
    )
    for campaign_id, *step in planned:
        nexts[campaign_id] = tuple(step)  # type: ignore[assignment]  # the earliest is written last
    columns = {status.value: Column(status.value, title) for status, title in BOARD_COLUMNS}
    for pk, status, role, company, contact, lesson in campaigns.values_list(
        "pk", "status", "role", "company__name", "contact__name", "lesson"
    ):
        item = BoardItem(pk, url_for("campaign", pk), role, company, contact or "", lesson=lesson)
        if (step := nexts.get(pk)) is not None:
            kind, due, zone, reason = step
            local = due.astimezone(zone_named(zone))
            when = fmt.when(local, viewer.today, viewer.twelve)
            item.next_step, item.next_reason = f"{fmt.kind_label(kind)} {when}", reason
        columns[status].items.append(item)
    soonest = min((step[1] for step in nexts.values()), default=None)
    warnings = campaign_warnings(
        active=len(columns[CampaignStatus.ACTIVE].items),
        any_won=bool(columns[CampaignStatus.WON].items),
        next_planned=soonest.astimezone(viewer.zone).date() if soonest else None,
        today=viewer.today,
        calendar=seeker_calendar(seeker),
        playbook=seeker.playbook,
    )
    return list(columns.values()), warnings


# -- one campaign ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Entry:
    """One line of a campaign's timeline."""

    at: dt.datetime
    kind: str  # interview, promise, step, touch, offer
    title: str
    when: str
    detail: str = ""
    status: str = ""
    action_id: int | None = None
    move_value: str = ""
    future: bool = False


@dataclass(slots=True)
class CampaignPage:
    campaign: Campaign
    next_card: Card | None
    timeline: list[Entry]
    closing_ask: str = ""
    best_way: str = ""
    upcoming_interview: str = ""
    planned: list[Entry] = field(default_factory=list)
    has_interview: bool = False
    #: No date was said: the planned check-in call's day, which the seeker may change.
    check_in_day: str = ""
    check_in_on: dt.date | None = None
    #: The rows behind the timeline, for the correction forms.
    interviews: list[Interview] = field(default_factory=list)
    promises: list[Promise] = field(default_factory=list)
    offers: list[Offer] = field(default_factory=list)


def campaign_page(user: User, seeker: Seeker, campaign: Campaign) -> CampaignPage:
    """The campaign's header data, next step card and timeline, in time order."""
    viewer = Viewer.of(seeker)
    zone = zone_named(campaign.company.zone)
    actions = list(
        owned(Action, user)
        .select_related("campaign__company", "campaign__contact")
        .filter(campaign=campaign)
        .order_by("due_at", "id")
    )
    interviews = list(owned(Interview, user).filter(campaign=campaign))
    promises = list(owned(Promise, user).filter(campaign=campaign))
    touches = list(owned(Touch, user).filter(campaign=campaign))
    offers = list(owned(Offer, user).filter(campaign=campaign))

    def when(moment: dt.datetime) -> str:
        local = moment.astimezone(zone)
        text = fmt.when(local, viewer.today, viewer.twelve)
        yours = fmt.also_yours(local, viewer.zone, viewer.today, viewer.twelve)
        return f"{text} ({yours})" if yours else text

    entries: list[Entry] = []
    for i in interviews:
        detail = {
            PermissionAnswer.GRANTED: "They agreed you may call"
            + (f": {when(i.agreed_at)}" if i.agreed_at else ""),
            PermissionAnswer.DECLINED: fmt.sentence(DECLINED_REASON.format(until="their date")),
            PermissionAnswer.NOT_ASKED: "",
        }[PermissionAnswer(i.permission)]
        if i.way_through:
            detail += f"{'. ' if detail else ''}Best way through: {i.way_through}"
        title = "Interview (coming up)" if i.at > viewer.now else "Interview"
        entries.append(Entry(i.at, "interview", title, when(i.at), detail))
    for p in promises:
        reading = p.explanation or f"read as {fmt.span(p.earliest, p.latest, viewer.twelve)}"
        entries.append(
            Entry(p.said_at, "promise", f"They said “{p.text}”", when(p.said_at), reading)
        )
    kinds = {a.pk: a.kind for a in actions}
    for t in touches:
        outcome = Outcome(t.outcome)
        title = fmt.done_words(kinds.get(t.action_id) if t.action_id else None, outcome)
        detail = t.note
        if t.callback_at:
            detail = f"Call back {when(t.callback_at)}. {detail}".strip()
        entries.append(Entry(t.at, "touch", title, when(t.at), detail))
    for o in offers:
        kind = "Written offer" if o.written else "Verbal offer"
        bits = [b for b in (o.salary, o.start_date and f"starts {o.start_date:%b %-d, %Y}") if b]
        if not o.wanted:
            bits.append("not one you want")
        entries.append(Entry(o.at, "offer", kind, when(o.at), ", ".join(bits)))
    planned = []
    for a in actions:
        future = a.status == ActionStatus.PLANNED
        entry = Entry(
            a.due_at,
            "step",
            fmt.kind_label(a.kind),
            when(a.due_at),
            a.reason,
            a.status,
            a.pk,
            a.due_at.astimezone(zone).strftime("%Y-%m-%dT%H:%M"),
            future,
        )
        if future:
            planned.append(entry)
        else:
            entries.append(entry)
    entries.sort(key=lambda e: e.at)
    next_action = next((a for a in actions if a.status == ActionStatus.PLANNED), None)
    page = CampaignPage(
        campaign,
        card_for(row_of(next_action), viewer, dated=True) if next_action else None,
        entries,
        planned=planned,
        has_interview=bool(interviews) and campaign.status_enum.is_open,
        interviews=interviews,
        promises=promises,
        offers=offers,
    )
    check_in = next(
        (
            a
            for a in actions
            if a.status == ActionStatus.PLANNED
            and a.kind == ActionKind.CALL
            and a.basis == Basis.NO_PROMISE
        ),
        None,
    )
    if check_in is not None:
        day = check_in.due_at.astimezone(zone).date()
        page.check_in_on = day
        page.check_in_day = fmt.day_heading(day, viewer.today, viewer.twelve)
    upcoming = [i for i in interviews if i.at > viewer.now]
    if upcoming and campaign.status_enum.is_open:
        interview = upcoming[0]
        latest = promises[-1].latest if promises else None
        calendar = services.calendar_for(campaign.company, seeker)
        ask = slots.closing_ask(
            interview.at.astimezone(zone), latest, calendar=calendar, playbook=seeker.playbook
        )
        facts = _facts(campaign, seeker, viewer)
        page.closing_ask = scripts.closing_ask(ask.options, ask.alternate_day, facts)
        page.best_way = scripts.best_way_through_question(facts)
        page.upcoming_interview = when(interview.at)
    return page


def _facts(campaign: Campaign, seeker: Seeker, viewer: Viewer) -> scripts.ScriptFacts:
    return scripts.ScriptFacts(
        company=campaign.company.name,
        seeker=seeker.name,
        role=campaign.role,
        contact=campaign.contact.name if campaign.contact else None,
        address_as=campaign.contact.address_as if campaign.contact else "",
        country=campaign.company.country,
        locale=seeker.locale,
        seeker_zone=viewer.zone if seeker.zone != campaign.company.zone else None,
    )


def next_planned(user: User, campaign_id: int) -> Action | None:
    return (
        owned(Action, user)
        .filter(campaign_id=campaign_id, status=ActionStatus.PLANNED)
        .order_by("due_at", "id")
        .first()
    )
