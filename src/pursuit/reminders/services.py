"""Writes of the reminders app: a seeker's reminder settings, the feed token, and pauses.

A pause (of one campaign, or of the seeker as a blackout in their profile) moves every planned
step that falls inside it past its end, with the method's own rules: `slots.place` on the
company's business calendar with the paused days closed, preferred days for calls and visits,
steps kept apart, and the printed note still on the business day before its visit.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from pursuit.accounts.models import Blackout, Seeker
from pursuit.accounts.services import add_blackout
from pursuit.campaigns import history
from pursuit.campaigns.models import Action, Campaign
from pursuit.campaigns.services import calendar_for, facts_for
from pursuit.errors import ServiceError
from pursuit.method.calendar import BusinessCalendar, CalendarError
from pursuit.method.playbook import Playbook
from pursuit.method.scripts import ScriptFacts, script_for
from pursuit.method.slots import Busy, NoFreeSlot, place
from pursuit.method.vocab import ActionKind, ActionStatus, Basis, Window
from pursuit.reminders.models import CampaignPause, Reminder, ReminderSettings, new_token
from pursuit.validation import day, limit, one_line

#: A pause longer than this is a closed campaign, not a pause.
MAX_PAUSE_DAYS = 366
#: Calls and visits go on preferred days (Tue–Thu by default); tasks on any business day.
_PREFERRED_ONLY = frozenset({ActionKind.CALL, ActionKind.CALLBACK, ActionKind.VISIT})
_MOVED = " (moved past your time off)"


# -- settings ------------------------------------------------------------------------------------


def settings_for(seeker: Seeker) -> ReminderSettings:
    """The seeker's reminder settings, made with the defaults the first time they are needed."""
    try:
        return seeker.reminders
    except ReminderSettings.DoesNotExist:
        prefs, _ = ReminderSettings.objects.get_or_create(seeker=seeker)
        seeker.reminders = prefs
        return prefs


def update_settings(
    *,
    seeker: Seeker,
    email_enabled: bool,
    digest_enabled: bool,
    digest_at: dt.time,
    lead_minutes: int,
    alarm_minutes: int,
) -> ReminderSettings:
    if not 1 <= lead_minutes <= 120:
        raise ServiceError("remind me between 1 and 120 minutes before", "lead_minutes")
    if not 0 <= alarm_minutes <= 1440:
        raise ServiceError("the alarm goes off 0 to 1440 minutes before", "alarm_minutes")
    with transaction.atomic():
        prefs = settings_for(seeker)
        prefs.email_enabled = email_enabled
        prefs.digest_enabled = digest_enabled
        prefs.digest_at = digest_at
        prefs.lead_minutes = lead_minutes
        prefs.alarm_minutes = alarm_minutes
        prefs.save()
        _drop_unwanted(prefs)
    return prefs


def unsubscribe(*, seeker: Seeker) -> ReminderSettings:
    """No more email: what is already waiting is dropped too."""
    with transaction.atomic():
        prefs = settings_for(seeker)
        prefs.email_enabled = False
        prefs.save(update_fields=["email_enabled"])
        _drop_unwanted(prefs)
    return prefs


def _drop_unwanted(prefs: ReminderSettings) -> None:
    """Waiting reminders that the new settings no longer ask for will not go out."""
    waiting = Reminder.objects.filter(seeker=prefs.seeker, status=Reminder.Status.PENDING)
    if not prefs.email_enabled:
        waiting.update(status=Reminder.Status.OBSOLETE, last_error="email switched off")
    elif not prefs.digest_enabled:
        waiting.filter(kind=Reminder.Kind.DIGEST).update(
            status=Reminder.Status.OBSOLETE, last_error="digest switched off"
        )


def rotate_feed_token(*, seeker: Seeker, now: dt.datetime | None = None) -> ReminderSettings:
    """A new secret feed URL; the old one answers 404 from now on."""
    prefs = settings_for(seeker)
    prefs.feed_token = new_token()
    prefs.token_rotated_at = now or timezone.now()
    prefs.save(update_fields=["feed_token", "token_rotated_at"])
    return prefs


def note_feed_body(*, prefs: ReminderSettings, etag: str, now: dt.datetime) -> ReminderSettings:
    """Remember when the feed's content last changed, for a truthful Last-Modified."""
    if prefs.feed_etag != etag:
        # Conditional, so two fetches that race keep the first moment the change was seen.
        ReminderSettings.objects.filter(pk=prefs.pk).exclude(feed_etag=etag).update(
            feed_etag=etag, feed_changed_at=now
        )
        prefs.refresh_from_db(fields=["feed_etag", "feed_changed_at"])
    return prefs


# -- pauses --------------------------------------------------------------------------------------


@dataclass
class Paused:
    """What a pause did: the pause (or blackout) and the steps it moved."""

    pause: CampaignPause | Blackout
    moved: list[Action] = field(default_factory=list)


def _check_span(start: dt.date, end: dt.date) -> None:
    day(start, field="start")
    day(end, field="end")
    if end < start:
        raise ServiceError("the last day comes before the first", "end")
    if (end - start).days >= MAX_PAUSE_DAYS:
        raise ServiceError("a pause can last a year at most", "end")


def pause_campaign(
    *,
    campaign: Campaign,
    start: dt.date,
    end: dt.date,
    note: str = "",
    now: dt.datetime | None = None,
) -> Paused:
    """Put one campaign on hold from `start` to `end` (its company's dates, both included)."""
    _check_span(start, end)
    note = one_line(note, field="note", max_length=limit(CampaignPause, "note"))
    now = now or timezone.now()
    with transaction.atomic():
        pause = CampaignPause.objects.create(campaign=campaign, start=start, end=end, note=note)
        moved = move_out_of_pauses(seeker=campaign.seeker, now=now, campaign=campaign)
    return Paused(pause, moved)


def pause_everything(
    *, seeker: Seeker, start: dt.date, end: dt.date, note: str = "", now: dt.datetime | None = None
) -> Paused:
    """Time off for the seeker: a blackout in their profile, and every step inside it moved."""
    _check_span(start, end)
    now = now or timezone.now()
    with transaction.atomic():
        blackout = add_blackout(seeker=seeker, start=start, end=end, note=note)
        moved = move_out_of_pauses(seeker=seeker, now=now)
    return Paused(blackout, moved)


def end_pause(*, pause: CampaignPause, now: dt.datetime | None = None) -> None:
    """Back early: the pause ends yesterday (or goes, if it had not started). Steps already
    moved stay where they are: the seeker's plan does not jump around twice."""
    now = now or timezone.now()
    company_zone = calendar_for(pause.campaign.company, pause.campaign.seeker)
    today = company_zone.today(now)
    if pause.start >= today:
        pause.delete()
    elif pause.end >= today:
        pause.end = today - dt.timedelta(days=1)
        pause.save(update_fields=["end"])


def paused_days(campaign_ids: list[int], today: dt.date) -> dict[int, set[dt.date]]:
    """Each campaign's own paused days from yesterday on (a seeker's blackouts come with
    `calendar_for`)."""
    days: dict[int, set[dt.date]] = defaultdict(set)
    pauses = CampaignPause.objects.filter(
        campaign_id__in=campaign_ids, end__gte=today - dt.timedelta(days=1)
    )
    for pause in pauses:
        days[pause.campaign_id].update(pause.days())
    return days


def move_out_of_pauses(
    *, seeker: Seeker, now: dt.datetime, campaign: Campaign | None = None
) -> list[Action]:
    """Re-place every planned step of the seeker (or of one campaign) that falls on a paused
    or blacked-out day; returns the steps moved. Safe to run again: it finds nothing the second
    time. Steps that stand earlier than yesterday stay: they are the seeker's overdue list."""
    seeker = Seeker.objects.select_related("user").get(pk=seeker.pk)
    planned = Action.objects.filter(
        seeker=seeker, status=ActionStatus.PLANNED, due_at__gte=now - dt.timedelta(days=2)
    ).select_related("campaign__company", "campaign__contact")
    if campaign is not None:
        planned = planned.filter(campaign=campaign)
    steps = list(planned.order_by("due_at", "id"))
    if not steps:
        return []
    closed = paused_days([s.campaign_id for s in steps], now.date())
    calendars: dict[int, BusinessCalendar] = {}
    inside: dict[int, list[Action]] = defaultdict(list)
    for step in steps:
        cal = calendars.get(step.campaign_id)
        if cal is None:
            cal = calendar_for(step.campaign.company, seeker).with_blackout(
                closed.get(step.campaign_id, ())
            )
            calendars[step.campaign_id] = cal
        day = cal.today(step.due_at)
        if day in cal.blackout:
            inside[step.campaign_id].append(step)
    if not inside:
        return []
    return _replace_steps(seeker, inside, calendars, steps, now)


def _replace_steps(
    seeker: Seeker,
    inside: dict[int, list[Action]],
    calendars: dict[int, BusinessCalendar],
    planned: list[Action],
    now: dt.datetime,
) -> list[Action]:
    moving = {a.pk for group in inside.values() for a in group}
    # A printed note belongs to its visit: when either moves, both do.
    pair = {ActionKind.VISIT, ActionKind.LEAVE_NOTE}
    for campaign_id, group in inside.items():
        if not {a.kind for a in group} & pair:
            continue
        for a in planned:
            if a.campaign_id == campaign_id and a.kind in pair and a.pk not in moving:
                group.append(a)
                moving.add(a.pk)
    busy: list[Busy] = [(a.due_at, a.due_at) for a in planned if a.pk not in moving]
    busy += list(
        Action.objects.filter(seeker=seeker, status=ActionStatus.PLANNED, due_at__gte=now)
        .exclude(pk__in=[a.pk for a in planned])
        .values_list("due_at", "due_at")
    )
    playbook = seeker.playbook
    moved: list[Action] = []
    with transaction.atomic():
        for campaign_id, group in inside.items():
            cal = calendars[campaign_id]
            placed = _place_group(group, cal, playbook, now, busy)
            facts = facts_for(group[0].campaign)
            visit = next((due for a, due, _ in placed if a.kind == ActionKind.VISIT), None)
            # Recorded like any write, so an undo of an earlier change never puts them back.
            with history.recorded(
                campaigns=[group[0].campaign],
                actor=PAUSE_KEEPER,
                kind="pause_move",
                summary="Steps moved off paused or blacked-out days",
                now=now,
            ):
                for action, due, window in placed:
                    moved += _save_moved(action, due, window, facts, visit, cal)
    return moved


#: Who moves steps out of a pause in the history: the reminder worker (or the pause's own
#: write, which runs the same code at once).
PAUSE_KEEPER = history.Actor(None, "worker", "reminder worker")


def _window_of(action: Action, cal: BusinessCalendar, playbook: Playbook) -> Window:
    if action.window:
        return Window(action.window)
    t = cal.local(action.due_at).time()
    return next((w for w in Window if playbook.window(w).contains(t)), Window.MORNING)


def _place_group(
    group: list[Action],
    cal: BusinessCalendar,
    playbook: Playbook,
    now: dt.datetime,
    busy: list[Busy],
) -> list[tuple[Action, dt.datetime, Window]]:
    placed: list[tuple[Action, dt.datetime, Window]] = []
    note = next((a for a in group if a.kind == ActionKind.LEAVE_NOTE), None)
    visit = next((a for a in group if a.kind == ActionKind.VISIT), None)
    for action in sorted(group, key=lambda a: a.due_at):
        if action is note and visit is not None:
            continue
        kind = ActionKind(action.kind)
        try:
            due, window = place(
                kind,
                cal.today(action.due_at),
                _window_of(action, cal, playbook),
                calendar=cal,
                playbook=playbook,
                now=now,
                busy=busy,
                preferred_only=kind in _PREFERRED_ONLY,
            )
        except (NoFreeSlot, CalendarError) as exc:
            raise ServiceError(f"cannot move {kind.label.lower()}: {exc}") from None
        if action is visit and note is not None:
            due, window, note_due = _place_visit_with_note(due, window, cal, playbook, now, busy)
            placed.append((note, note_due, Window.END_OF_DAY))
            busy.append((note_due, note_due))
        placed.append((action, due, window))
        busy.append((due, due))
    return placed


def _place_visit_with_note(
    visit_due: dt.datetime,
    window: Window,
    cal: BusinessCalendar,
    playbook: Playbook,
    now: dt.datetime,
    busy: list[Busy],
) -> tuple[dt.datetime, Window, dt.datetime]:
    """The note goes on the business day before the visit, end of day; with no room that
    evening, the visit moves to the next preferred day (as the ladder plans them)."""
    weekdays = playbook.preferred_weekdays
    day = cal.today(visit_due)
    for _ in range(30):
        note_day = cal.previous_business_day(day)
        try:
            note_due, _ = place(
                ActionKind.LEAVE_NOTE,
                max(note_day, cal.today(now)),
                Window.END_OF_DAY,
                calendar=cal,
                playbook=playbook,
                now=now,
                busy=busy,
                last_day=note_day,
            )
            visit_due, window = place(
                ActionKind.VISIT,
                day,
                window,
                calendar=cal,
                playbook=playbook,
                now=now,
                busy=[*busy, (note_due, note_due)],
                preferred_only=True,
            )
        except NoFreeSlot:
            day = cal.next_preferred_day(day, weekdays)
            continue
        if cal.today(visit_due) > cal.next_business_day(note_day):
            # The visit's day was full: try again with the note before the day it landed on.
            day = cal.today(visit_due)
            continue
        return visit_due, window, note_due
    raise ServiceError("cannot find a day for the visit and the note before it")


def _save_moved(
    action: Action,
    due: dt.datetime,
    window: Window,
    facts: ScriptFacts,
    visit: dt.datetime | None,
    cal: BusinessCalendar,
) -> list[Action]:
    kind = ActionKind(action.kind)
    basis = Basis(action.basis)
    step_facts = facts
    if kind is ActionKind.CALLBACK:
        # The gatekeeper's time was the old one: the script must not say it is this one.
        step_facts = replace(facts, callback_at=cal.local(action.due_at))
    elif kind is ActionKind.LEAVE_NOTE and visit is not None:
        step_facts = replace(facts, visit_at=visit)
    script = script_for(kind, basis, cal.local(due), step_facts)
    reason = action.reason if action.reason.endswith(_MOVED) else action.reason + _MOVED
    # Conditional: a step that was done or moved meanwhile is left as the seeker left it.
    changed = Action.objects.filter(
        Q(pk=action.pk) & Q(status=ActionStatus.PLANNED) & Q(due_at=action.due_at)
    ).update(due_at=due, window=window.value, script=script, reason=reason[:300])
    if not changed:
        return []
    action.due_at, action.window, action.script, action.reason = (
        due,
        window.value,
        script,
        reason[:300],
    )
    return [action]
