"""The API plans nothing from a guess: an ambiguous promise needs `reading`, a default one is
flagged and its check-in day can be picked; a company's locale reads its numbers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from .conftest import Api


def _campaign(api: Api, **company: Any) -> int:
    made = api.post("/companies", {"name": "Thames Ltd", **company}).json()
    return api.post("/campaigns", {"company_id": made["id"], "role": "Buyer"}).json()["id"]


def _yesterday() -> str:
    return f"{timezone.localdate() - dt.timedelta(days=1)}T15:00"


def test_an_ambiguous_promise_without_a_reading_is_a_400_naming_the_field(as_alice: Api) -> None:
    london = {"zone": "Europe/London", "country": "GB"}
    company = as_alice.post("/companies", {"name": "Thames Ltd", **london}).json()
    assert company["locale"] == "en_GB"
    made = as_alice.post("/campaigns", {"company_id": company["id"], "role": "Buyer"}).json()
    body = {"campaign_id": made["id"], "at": _yesterday(), "promise_text": "by 4/12"}
    refused = as_alice.post("/interviews", body)
    assert refused.status_code == 400
    assert refused.json()["field"] == "reading"
    assert "pick a reading" in refused.json()["detail"]
    assert as_alice.get("/interviews").json()["items"] == []
    picked = as_alice.post("/interviews", body | {"reading": 2})
    assert picked.status_code == 201
    promise = picked.json()["promise"]
    assert promise["ambiguous"] is True and promise["defaulted"] is False
    assert promise["latest"].endswith("-04-12")


def test_a_default_reading_is_flagged_and_its_day_can_be_picked(as_alice: Api) -> None:
    campaign_id = _campaign(as_alice)
    day = timezone.localdate() + dt.timedelta(days=20)
    body = {"campaign_id": campaign_id, "at": _yesterday(), "promise_text": "we'll be in touch"}
    logged = as_alice.post("/interviews", body | {"call_on": day.isoformat()}).json()
    assert (logged["promise"]["defaulted"], logged["promise"]["ambiguous"]) == (True, False)
    call = next(a for a in logged["actions"] if a["kind"] == "call")
    # On that day, or the next business day when it is a holiday or a weekend.
    assert call["due_at"][:10] >= day.isoformat() and "you picked" in call["reason"]
    later = day + dt.timedelta(days=9)
    moved = as_alice.post(f"/campaigns/{campaign_id}/check-in", {"call_on": later.isoformat()})
    assert moved.status_code == 200
    (call,) = moved.json()["actions"]
    assert call["due_at"][:10] >= later.isoformat() and "you picked" in call["reason"]


def test_a_check_in_day_is_refused_when_they_named_a_date(
    as_alice: Api, campaign: dict[str, Any]
) -> None:
    day = (timezone.localdate() + dt.timedelta(days=20)).isoformat()
    refused = as_alice.post(f"/campaigns/{campaign['id']}/check-in", {"call_on": day})
    assert refused.status_code == 400 and refused.json()["field"] == "call_on"


def test_lang_picks_the_reader_and_an_unknown_one_is_refused(as_alice: Api) -> None:
    campaign_id = _campaign(as_alice, zone="Europe/Berlin", country="DE")
    body = {"campaign_id": campaign_id, "at": _yesterday(), "promise_text": "Ende nächster Woche"}
    refused = as_alice.post("/interviews", body | {"lang": "fr"})
    assert refused.status_code == 422 and refused.json()["field"] == "lang"
    logged = as_alice.post("/interviews", body | {"lang": "de"})
    assert logged.status_code == 201
    promise = logged.json()["promise"]
    assert promise["defaulted"] is False and promise["matched"] == "Ende nächster Woche"
