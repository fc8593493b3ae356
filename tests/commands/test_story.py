"""METHOD §4 end to end from the command line: real processes on a fresh data dir, with the
clock set by PURSUIT_NOW so the dates (Thanksgiving 2026 is Thursday Nov 26) are fixed."""

from __future__ import annotations

from typing import Any

from .conftest import Pursuit


def steps(actions: list[dict[str, Any]]) -> list[tuple[str, str, str | None]]:
    return [(a["kind"], a["due_at"], a["window"]) for a in actions]


def test_a_local_campaign_runs_from_the_promise_to_the_visit_and_the_close_out(
    pursuit: Pursuit,
) -> None:
    """GIVEN an interview on Thursday Nov 19 where they promise to call "by Wednesday"
    WHEN they stay silent, the calls go unanswered and the visit finds the contact out
    THEN every step lands where METHOD §4 puts it, and the campaign closes with its lesson."""
    pursuit.now = "2026-11-19T08:00-05:00"
    made = pursuit("init --email sam@example.com --name 'Sam Lee' --json").json()
    assert made["created"] is True
    assert pursuit("init --email sam@example.com").code == 0  # twice is harmless
    assert pursuit("company add 'Acme Tools' --local --json").json() == {"id": 1}
    campaign = pursuit(
        "campaign add --company 'Acme Tools' --role Buyer --contact 'Dana Jones' --json"
    ).json()["id"]

    # The interview is this afternoon: the closing ask offers Wednesday Nov 25 at 9:00 or 17:30,
    # and Tuesday Dec 1 (the next Tue–Thu after Thanksgiving week) as the other day.
    logged = pursuit(
        f"interview log {campaign} --at 2026-11-19T15:00 --with 'Dana Jones' "
        '--promise "We\'ll call you by Wednesday" --json'
    ).json()
    assert logged["promise"]["latest"] == "2026-11-25"
    ask = logged["closing_ask"]
    assert ask["options"] == ["2026-11-25T09:00:00-05:00", "2026-11-25T17:30:00-05:00"]
    assert ask["alternate_day"] == "2026-12-01"
    assert "may I give you a call" in ask["script"]
    # The missed-promise call: Thanksgiving and the Friday after are closed, so Monday Nov 30.
    thanks, call = logged["next_actions"]
    assert steps(logged["next_actions"]) == [
        ("thank_you", "2026-11-20T09:00:00-05:00", "morning"),
        ("call", "2026-11-30T09:00:00-05:00", "morning"),
    ]
    assert call["company"] == "Acme Tools" and call["contact"] == "Dana Jones"
    assert "never leave a message" in call["script"]

    pursuit.now = "2026-11-20T09:30-05:00"
    sent = pursuit(f"outcome {thanks['id']} done --json").json()
    assert sent == {
        "campaign_id": campaign,
        "campaign_status": "active",
        "next_actions": [],
        "note": "",
    }

    # Monday morning of the next week: the call is on the agenda.
    pursuit.now = "2026-11-30T08:00-05:00"
    agenda = pursuit("agenda --json").json()
    assert [a["id"] for a in agenda] == [call["id"]]

    # The gatekeeper gives a time: the callback is planned at exactly that time, no window.
    pursuit.now = "2026-11-30T09:05-05:00"
    answer = pursuit(
        f"outcome {call['id']} gatekeeper-callback --callback-at 2026-11-30T14:00 --json"
    ).json()
    assert steps(answer["next_actions"]) == [("callback", "2026-11-30T14:00:00-05:00", None)]

    # Four more attempts go unanswered: each retry on the next Tue–Thu, windows in rotation.
    attempt = answer["next_actions"][0]
    retries = [
        ("2026-11-30T14:01-05:00", "no-answer", ("2026-12-01T17:30:00-05:00", "end_of_day")),
        ("2026-12-01T17:31-05:00", "voicemail-not-left", ("2026-12-02T12:15:00-05:00", "lunch")),
        ("2026-12-02T12:16-05:00", "gatekeeper-no-time", ("2026-12-03T09:00:00-05:00", "morning")),
    ]
    for now, result, expected in retries:
        pursuit.now = now
        answer = pursuit(f"outcome {attempt['id']} {result} --json").json()
        assert steps(answer["next_actions"]) == [("call", *expected)]
        attempt = answer["next_actions"][0]

    # The fifth attempt: a local company gets a visit (Tuesday Dec 8 at 08:30) with the note
    # printed the business day before, at the end of the day.
    pursuit.now = "2026-12-03T09:01-05:00"
    answer = pursuit(f"outcome {attempt['id']} no-answer --json").json()
    assert steps(answer["next_actions"]) == [
        ("leave_note", "2026-12-07T17:30:00-05:00", "end_of_day"),
        ("visit", "2026-12-08T08:30:00-05:00", "morning"),
    ]
    note, visit = answer["next_actions"]
    shown = pursuit(f"campaign show {campaign} --json").json()
    assert shown["attempts"] == 5

    # A finished step takes no second outcome, and nothing changes.
    again = pursuit(f"outcome {attempt['id']} no-answer")
    assert again.code == 1
    assert again.out == "" and len(again.err.strip().splitlines()) == 1
    assert pursuit(f"campaign show {campaign} --json").json() == shown

    pursuit.now = "2026-12-07T17:45-05:00"
    assert pursuit(f"outcome {note['id']} done --json").json()["next_actions"] == []
    pursuit.now = "2026-12-08T08:40-05:00"
    left = pursuit(
        f"outcome {visit['id']} unavailable --note 'Left the note at reception' --json"
    ).json()
    assert steps(left["next_actions"]) == [("close_out", "2026-12-15T09:00:00-05:00", "morning")]

    pursuit.now = "2026-12-15T09:10-05:00"
    closed = pursuit(f"close {campaign} --lesson 'Ask who decides, and when' --json")
    assert closed.json()["campaign_status"] == "lost"
    story = pursuit(f"campaign show {campaign} --json").json()
    assert story["status"] == "lost"
    assert story["lesson"] == "Ask who decides, and when"
    assert [t["outcome"] for t in story["touches"]] == [
        "done",
        "gatekeeper_callback",
        "no_answer",
        "voicemail_not_left",
        "gatekeeper_no_time",
        "no_answer",
        "done",
        "unavailable",
    ]
    assert story["touches"][1]["callback_at"] == "2026-11-30T14:00:00-05:00"
    assert story["touches"][-1]["note"] == "Left the note at reception"
    assert [a["status"] for a in story["actions"]] == ["done"] * 8 + ["cancelled"]
    assert pursuit("agenda --json").json() == []


def test_a_granted_call_leads_to_a_verbal_then_a_written_offer_and_the_campaign_is_won(
    pursuit: Pursuit,
) -> None:
    """GIVEN an interview where the decision maker agrees to a call at a set time
    WHEN the call brings a verbal offer and then the written offer arrives
    THEN the call is planned at exactly that time, the offer is chased in writing, and it's won."""
    pursuit.now = "2026-12-01T08:00-05:00"
    assert pursuit("init --email sam@example.com --name 'Sam Lee'").code == 0
    pursuit("company add 'Beta Corp' --tz America/Chicago --subdiv IL --json")
    campaign = pursuit(
        "campaign add --company 'Beta Corp' --role 'Senior Buyer' --contact 'Lee Park' --json"
    ).json()["id"]

    logged = pursuit(
        f"interview log {campaign} --at 2026-12-02T10:00 --permission granted "
        "--call-at 2026-12-09T09:00 --way-through 'Ask for Lee directly' --json"
    ).json()
    # Times are in the company's zone (Chicago), with its offset.
    assert logged["closing_ask"]["options"][0] == "2026-12-09T09:00:00-06:00"
    assert steps(logged["next_actions"]) == [
        ("thank_you", "2026-12-03T09:00:00-06:00", "morning"),
        ("call", "2026-12-09T09:00:00-06:00", None),
    ]
    call = logged["next_actions"][1]
    assert "Lee Park asked me to call today at 9:00 AM" in call["script"]
    assert "Ask for Lee directly" in call["script"]

    pursuit.now = "2026-12-09T09:10-06:00"
    offer = pursuit(f"outcome {call['id']} reached-verbal-offer --json").json()
    assert offer["campaign_status"] == "offer_verbal"
    assert steps(offer["next_actions"]) == [
        ("request_written_offer", "2026-12-10T09:00:00-06:00", "morning")
    ]
    pursuit.now = "2026-12-10T09:15-06:00"
    asked = pursuit(f"outcome {offer['next_actions'][0]['id']} done --json").json()
    assert steps(asked["next_actions"]) == [
        ("request_written_offer", "2026-12-14T09:00:00-06:00", "morning")
    ]

    pursuit.now = "2026-12-11T11:00-06:00"
    won = pursuit(f"offer {campaign} --written --at 2026-12-11T10:30 --json").json()
    assert won["campaign_status"] == "won"
    assert won["next_actions"] == []
    listed = pursuit("campaign list --status won --json").json()
    assert [(c["id"], c["status"], c["next_action"]) for c in listed] == [(campaign, "won", None)]
    assert pursuit("agenda --json").json() == []
    # A won campaign takes no more offers: refused, exit 1.
    assert pursuit(f"offer {campaign} --verbal").code == 1
