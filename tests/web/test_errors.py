"""The error pages keep the app's layout and offer a way back."""

from __future__ import annotations

from django.test import Client, RequestFactory
from django.views.defaults import server_error

from pursuit.accounts.models import Seeker


def test_it_answers_a_missing_page_in_the_layout_with_a_way_back(
    alice_client: Client, alice: Seeker
) -> None:
    response = alice_client.get("/campaigns/987654")
    page = response.content.decode()
    assert response.status_code == 404
    assert 'aria-label="Main"' in page  # the navigation, as on every page
    assert '<a class="button primary" href="/">Back to Today</a>' in page


def test_it_answers_a_server_error_in_the_layout_with_a_way_back(db: None) -> None:
    response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "pursuit/app.css" in page
    assert "Something went wrong" in page and 'href="/">Back to Today</a>' in page
