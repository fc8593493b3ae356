"""The campaign's events from the command line: interviews, the agenda, outcomes, offers and the
end of a campaign. Each command reads its options, calls one service and prints what it planned.
"""

from __future__ import annotations

import shutil
from typing import Annotated, Any

import typer

from pursuit.commands import (
    REFUSED,
    USAGE,
    DataDir,
    Json,
    User,
    acting_seeker,
    cli_actor,
    emit,
    fail,
    fetch_owned,
    now,
    open_db,
    parse_date,
    parse_time,
    refusals,
)
from pursuit.method.vocab import Outcome

interview_app = typer.Typer(
    help="Interviews: what was promised, and the closing ask.", no_args_is_help=True
)

CampaignId = Annotated[int, typer.Argument(metavar="CAMPAIGN", help="The campaign's id.")]
At = Annotated[
    str | None,
    typer.Option(
        "--at",
        metavar="TIME",
        help="When it happened, e.g. 2026-12-01T09:05 in the company's zone (default: now).",
        show_default=False,
    ),
]

#: Results that cannot be logged without a detail, and the option that gives it.
NEEDS = {
    "reached_pending": ("promise", "--promise TEXT (what they said they would do, and when)"),
    "reached_interview": ("interview_at", "--interview-at TIME"),
    "gatekeeper_callback": ("callback_at", "--callback-at TIME"),
}


# -- interviews ----------------------------------------------------------------------------------

PromiseText = Annotated[
    str, typer.Option(metavar="TEXT", help='What they promised: "we\'ll call you by Friday".')
]
Alternative = Annotated[
    int | None,
    typer.Option(
        metavar="N", help="An ambiguous promise: use its N-th other reading (0 is the first shown)."
    ),
]
Permission = Annotated[
    str, typer.Option(metavar="ANSWER", help="May you call them? granted, declined or not-asked.")
]
CallAt = Annotated[
    str | None, typer.Option(metavar="TIME", help="The call time they agreed to (with granted).")
]
WayThrough = Annotated[
    str, typer.Option(metavar="TEXT", help="The best way to reach them when you call.")
]


def _permission_and_time(permission: str, call_at: str | None) -> tuple[Any, Any]:
    """The --permission answer and its --call-at time, refused as bad usage when they disagree."""
    from pursuit.method.vocab import PermissionAnswer

    answer = _choice(PermissionAnswer, permission, "--permission")
    agreed = parse_time(call_at, "--call-at") if call_at else None
    if answer is PermissionAnswer.GRANTED and agreed is None:
        fail("--permission granted needs --call-at TIME: the time they agreed to", USAGE)
    return answer, agreed


@interview_app.command("log")
def interview_log(
    campaign_id: CampaignId,
    at: Annotated[
        str,
        typer.Option(
            "--at", metavar="TIME", help="When the interview is (or was), in the company's zone."
        ),
    ],
    with_name: Annotated[
        str, typer.Option("--with", metavar="NAME", help="Who interviewed you.")
    ] = "",
    promise: PromiseText = "",
    alternative: Alternative = None,
    permission: Permission = "not-asked",
    call_at: CallAt = None,
    way_through: WayThrough = "",
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Log an interview (ahead or past): plans the thank-you and the follow-up call; for an
    interview ahead, prints the closing ask to say before it ends."""
    moment = parse_time(at, "--at")
    answer, agreed = _permission_and_time(permission, call_at)
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import services
    from pursuit.campaigns.models import Campaign
    from pursuit.campaigns.serialize import action_json, promise_json
    from pursuit.commands.shapes import closing_ask_json
    from pursuit.method import scripts

    campaign = fetch_owned(Campaign, seeker, campaign_id, "company", "contact")
    with refusals():
        result = services.log_interview(
            campaign=campaign,
            at=moment,
            with_name=with_name,
            promise_text=promise,
            alternative=alternative,
            permission=answer,
            agreed_at=agreed,
            way_through=way_through,
            now=now(),
            actor=cli_actor(seeker),
        )
    data: dict[str, Any] = {
        "campaign_id": result.campaign.pk,
        "promise": promise_json(result.promise) if result.promise else None,
        "next_actions": [action_json(a) for a in result.actions],
    }
    if result.closing_ask is not None:
        ask = result.closing_ask
        facts = services.facts_for(result.campaign)
        data["closing_ask"] = closing_ask_json(
            ask, scripts.closing_ask(ask.options, ask.alternate_day, facts)
        )
    emit(data, as_json, table=_interview_lines)


@interview_app.command("answer")
def interview_answer(
    campaign_id: CampaignId,
    promise: PromiseText = "",
    alternative: Alternative = None,
    permission: Permission = "not-asked",
    call_at: CallAt = None,
    way_through: WayThrough = "",
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Record what was said at the campaign's latest interview, logged before it happened: the
    promise and the answer to the closing ask. Plans the follow-up again from them."""
    answer, agreed = _permission_and_time(permission, call_at)
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import services
    from pursuit.campaigns.models import Campaign
    from pursuit.campaigns.serialize import action_json, promise_json

    campaign = fetch_owned(Campaign, seeker, campaign_id, "company", "contact")
    interview = campaign.interviews.order_by("-at").first()
    if interview is None:
        fail(f"campaign {campaign_id} has no interview yet: log one first", REFUSED)
    with refusals():
        result = services.record_interview_answer(
            interview=interview,
            promise_text=promise,
            alternative=alternative,
            permission=answer,
            agreed_at=agreed,
            way_through=way_through,
            now=now(),
            actor=cli_actor(seeker),
        )
    data: dict[str, Any] = {
        "campaign_id": result.campaign.pk,
        "promise": promise_json(result.promise) if result.promise else None,
        "next_actions": [action_json(a) for a in result.actions],
    }
    emit(data, as_json, table=_interview_lines)


def _interview_lines(data: dict[str, Any]) -> str:
    lines = []
    if data.get("closing_ask"):
        lines += [data["closing_ask"]["script"], ""]
    if data["promise"]:
        p = data["promise"]
        lines.append(f"Promise read as {p['earliest']}..{p['latest']}: {p['explanation']}")
        for n, other in enumerate(p["alternatives"]):
            lines.append(f"  or, with --alternative {n}: {other['earliest']}..{other['latest']}")
    lines.append(_actions_text(data["next_actions"]))
    return "\n".join(lines)


# -- the agenda ----------------------------------------------------------------------------------


def agenda(
    start: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="DATE",
            help="First day to show (default: today, with every overdue step).",
            show_default=False,
        ),
    ] = None,
    days: Annotated[
        int | None,
        typer.Option(
            min=0, metavar="N", help="Business days to show after the first.", show_default="5"
        ),
    ] = None,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """What to do: overdue steps, today's and the next business days', soonest first."""
    first = parse_date(start, "--from") if start else None
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import queries
    from pursuit.campaigns.serialize import actions_json

    moment = now()
    if days is not None:
        from pursuit.errors import ServiceError
        from pursuit.validation import span

        try:
            span(days, field="--days", start=first or moment.date())
        except ServiceError as error:
            fail(error.message, USAGE)
    begin, end = queries.agenda_range(seeker, now=moment, start=first, days=days)
    planned = queries.agenda(seeker.user, start=begin, end=end)
    steps = actions_json(planned)
    if as_json:
        emit(steps, as_json)
        return
    from pursuit.web.format import phone_link

    phones = {
        pk: phone_link(own or main, country, seeker.country)[1]
        for pk, own, main, country in planned.values_list(
            "id",
            "campaign__contact__phone",
            "campaign__company__phone",
            "campaign__company__country",
        )
        if own or main
    }
    width = shutil.get_terminal_size().columns
    warnings = queries.warnings(seeker, now=moment)
    typer.echo(_agenda_lines(steps, phones, warnings, width))


def _agenda_lines(
    steps: list[dict[str, Any]], phones: dict[int, str], warnings: list[str], width: int
) -> str:
    """Each step in three lines cut to the terminal's width: what, when, the number and whom to
    call; the first words to say; why now. The warnings come first, as on Today."""
    lines = [_fit(f"Keep going: {w}.", width) for w in warnings]
    if not steps:
        lines.append("Nothing planned in this range.")
    for s in steps:
        # The phone before the names: on a narrow terminal the number is what must not be cut.
        phone = f"  {phones[s['id']]}" if s["id"] in phones else ""
        head = f"{s['id']:>5}  {s['due_at'][:16].replace('T', ' ')}  {s['kind']}{phone}  "
        head += " · ".join(bit for bit in (s["company"], s["contact"]) if bit)
        lines.append(_fit(head, width))
        if say := _first_words(s["script"]):
            lines.append(_fit(f"       {say}", width))
        lines.append(_fit(f"       why: {s['reason']}", width))
    return "\n".join(lines)


def _first_words(script: str) -> str:
    """The first line said aloud (the scripts quote what to say), else the script's first line."""
    lines = [line.strip() for line in script.splitlines() if line.strip()]
    return next((line for line in lines if line.startswith("“")), lines[0] if lines else "")


def _fit(line: str, width: int) -> str:
    return line if len(line) <= width else line[: max(width - 1, 1)] + "…"


# -- outcomes and the end of a campaign ----------------------------------------------------------


def outcome(
    action_id: Annotated[int, typer.Argument(metavar="ACTION", help="The step's id.")],
    result: Annotated[
        str,
        typer.Argument(
            metavar="RESULT",
            help="What happened: "
            + ", ".join(o.value.replace("_", "-") for o in Outcome)
            + " (docs/cli.md says which step takes which).",
        ),
    ],
    at: At = None,
    callback_at: Annotated[
        str | None, typer.Option(metavar="TIME", help="The time the gatekeeper gave.")
    ] = None,
    promise: Annotated[str, typer.Option(metavar="TEXT", help="What they promised now.")] = "",
    interview_at: Annotated[
        str | None, typer.Option(metavar="TIME", help="When the next interview is.")
    ] = None,
    note: Annotated[str, typer.Option(metavar="TEXT", help="Anything worth keeping.")] = "",
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Record what happened on a step; prints the next steps it planned."""
    happened = _choice(Outcome, result, "RESULT")
    given = {
        "promise": promise.strip() or None,
        "callback_at": parse_time(callback_at, "--callback-at") if callback_at else None,
        "interview_at": parse_time(interview_at, "--interview-at") if interview_at else None,
    }
    if happened.value in NEEDS:
        key, option = NEEDS[happened.value]
        if given[key] is None:
            fail(f"{_dashed(happened)} needs {option}", USAGE)
    moment = parse_time(at, "--at") if at else None
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import services
    from pursuit.campaigns.models import Action
    from pursuit.commands.shapes import step_json

    action = fetch_owned(Action, seeker, action_id, "campaign")
    with refusals("Give the time it happened with --at TIME (e.g. --at 2026-12-01T09:05)."):
        done = services.log_outcome(
            action=action,
            outcome=happened,
            at=moment,
            callback_at=given["callback_at"],
            promise_text=promise,
            interview_at=given["interview_at"],
            note=note,
            now=now(),
            actor=cli_actor(seeker),
        )
    emit(step_json(done), as_json, table=_step_lines)


def offer(
    campaign_id: CampaignId,
    written: Annotated[
        bool | None,
        typer.Option(
            "--written/--verbal",
            help="A written offer, or a verbal one (to get in writing).",
            show_default=False,
        ),
    ] = None,
    wanted: Annotated[
        bool, typer.Option("--wanted/--not-wanted", help="Is it an offer you want?")
    ] = True,
    at: At = None,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Record an offer: a verbal one is chased in writing; a written one you want wins."""
    if written is None:
        fail("say which offer: --verbal or --written", USAGE)
    moment = parse_time(at, "--at") if at else None
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import services
    from pursuit.campaigns.models import Campaign
    from pursuit.commands.shapes import step_json

    campaign = fetch_owned(Campaign, seeker, campaign_id, "company", "contact")
    with refusals():
        done = services.record_offer(
            campaign=campaign,
            written=written,
            wanted=wanted,
            at=moment,
            now=now(),
            actor=cli_actor(seeker),
        )
    emit(step_json(done), as_json, table=_step_lines)


def close(
    campaign_id: CampaignId,
    lesson: Annotated[str, typer.Option(metavar="TEXT", help="What you learned.")] = "",
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Confirm you are out of the running (the campaign turns lost); keeps what you learned."""
    _end(campaign_id, data_dir, user, as_json, "close_out", lesson=lesson)


def reopen(
    campaign_id: CampaignId,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Reopen a lost, won or withdrawn campaign: a call is planned to pick the thread up."""
    _end(campaign_id, data_dir, user, as_json, "reopen")


def withdraw(
    campaign_id: CampaignId,
    data_dir: DataDir = None,
    user: User = None,
    as_json: Json = False,
) -> None:
    """Withdraw from a campaign at your choice; its planned steps are cancelled."""
    _end(campaign_id, data_dir, user, as_json, "withdraw")


def _end(
    campaign_id: int, data_dir: Any, user: str | None, as_json: bool, service: str, **kw: Any
) -> None:
    open_db(data_dir)
    seeker = acting_seeker(user)
    from pursuit.campaigns import services
    from pursuit.campaigns.models import Campaign
    from pursuit.commands.shapes import step_json

    campaign = fetch_owned(Campaign, seeker, campaign_id, "company", "contact")
    with refusals():
        done = getattr(services, service)(
            campaign=campaign, now=now(), actor=cli_actor(seeker), **kw
        )
    emit(step_json(done), as_json, table=_step_lines)


# -- helpers -------------------------------------------------------------------------------------


def _choice[E](enum: type[E], value: str, name: str) -> E:
    """A vocabulary member typed with dashes (`no-answer`); anything else is bad usage."""
    try:
        return enum(value.strip().lower().replace("-", "_"))  # type: ignore[call-arg]
    except ValueError:
        choices = ", ".join(_dashed(m) for m in enum)  # type: ignore[attr-defined]
        fail(f"{name}: unknown {value!r}; use one of {choices}", USAGE)


def _dashed(member: Any) -> str:
    return str(member.value).replace("_", "-")


def _actions_text(actions: list[dict[str, Any]]) -> str:
    if not actions:
        return "Nothing new planned."
    lines = ["Planned:"]
    for a in actions:
        when = a["due_at"][:16].replace("T", " ")
        lines.append(f"  {a['id']:>5}  {when}  {a['kind']:<22} {a['reason']}")
    return "\n".join(lines)


def _step_lines(data: dict[str, Any]) -> str:
    head = f"Campaign {data['campaign_id']} is {data['campaign_status'].replace('_', ' ')}"
    head += f": {data['note']}." if data["note"] else "."
    return head + "\n" + _actions_text(data["next_actions"])
