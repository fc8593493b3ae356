"""How a contact is greeted on the phone and addressed in a letter, by the company's country."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pursuit.method.addressing import Addressing, address_for

CASES = [
    # name as typed, country, chosen form, spoken greeting name, letter salutation
    ("Dana Reyes", "US", "", "Dana", "Dear Dana"),
    ("  Dana   Reyes ", "US", "", "Dana", "Dear Dana"),
    ("Ms. Dana Reyes", "US", "", "Ms. Reyes", "Dear Ms. Reyes"),
    ("Ms. Jones", "US", "", "Ms. Jones", "Dear Ms. Jones"),
    ("Dr. Sam Ortiz", "US", "", "Dr. Ortiz", "Dear Dr. Ortiz"),
    ("Dana", "US", "", "Dana", "Dear Dana"),
    ("Sam Ortiz", "GB", "", "Sam", "Dear Sam"),
    ("Mr Sam Ortiz", "GB", "", "Mr Ortiz", "Dear Mr Ortiz"),
    ("Mrs Ann O'Neill", "IE", "", "Mrs O'Neill", "Dear Mrs O'Neill"),
    ("Sam Ortiz", "CA", "", "Sam", "Dear Sam"),
    ("Sam Ortiz", "AU", "", "Sam", "Dear Sam"),
    ("Anna Weber", "DE", "", "Anna Weber", "Dear Anna Weber"),
    ("Frau Weber", "DE", "", "Frau Weber", "Dear Frau Weber"),
    ("Frau Anna Weber", "DE", "", "Frau Weber", "Dear Frau Weber"),
    ("Herr Jonas Weber", "AT", "", "Herr Weber", "Dear Herr Weber"),
    ("Frau Dr. Anna Weber", "DE", "", "Frau Dr. Weber", "Dear Frau Dr. Weber"),
    ("Dr. Anna Weber", "CH", "", "Dr. Weber", "Dear Dr. Weber"),
    ("Anna Weber", "DE", "Anna", "Anna", "Dear Anna"),
    ("Dana Reyes", "US", "Ms. Reyes", "Ms. Reyes", "Dear Ms. Reyes"),
    ("", "US", "", "", ""),
]
IDS = [
    "us-first-name",
    "us-spaces-trimmed",
    "us-honorific-and-surname",
    "us-typed-with-honorific-kept",
    "us-doctor",
    "us-one-name",
    "gb-first-name",
    "gb-mr-without-dot",
    "ie-mrs",
    "ca-first-name",
    "au-first-name",
    "de-no-honorific-full-name",
    "de-frau-as-typed",
    "de-frau-and-surname",
    "at-herr-and-surname",
    "de-frau-keeps-dr",
    "ch-dr-alone",
    "de-chosen-first-name-wins",
    "us-chosen-form-wins",
    "no-name",
]


@pytest.mark.parametrize(("name", "country", "chosen", "spoken", "salutation"), CASES, ids=IDS)
def test_it_addresses_the_contact_by_the_countrys_convention(
    name: str, country: str, chosen: str, spoken: str, salutation: str
) -> None:
    assert address_for(name, country, chosen) == Addressing(spoken, salutation)


@given(st.text(max_size=40), st.sampled_from(["US", "GB", "DE", "FR", ""]))
def test_it_never_invents_a_word_that_was_not_typed(name: str, country: str) -> None:
    spoken = address_for(name, country).spoken
    assert set(spoken.split()) <= set(name.split())
