"""How to address a contact: the name said on the phone and the salutation of a letter.

The default comes from what was typed and the company's country. Where first names are the custom
(US, CA, AU, NZ, GB, IE) a call greets "Hi Dana" and a letter opens "Dear Dana". An honorific typed
with the name ("Ms. Reyes", "Frau Dr. Weber") is a choice: it is kept, with the surname, in calls
and letters alike. Elsewhere, without an honorific, the full name is the polite form: nothing here
guesses "Frau" or "Herr" from a first name.
"""

from __future__ import annotations

from dataclasses import dataclass

FIRST_NAME_COUNTRIES = frozenset({"US", "CA", "AU", "NZ", "GB", "IE"})

#: Words that, typed before a name, say how the contact wishes to be addressed.
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "frau", "herr", "mag", "ing", "dipl"}
)


@dataclass(frozen=True, slots=True)
class Addressing:
    spoken: str  # the name after "Hi": "Dana", "Frau Weber"; "" when no name is known
    salutation: str  # the letter's opening without its comma: "Dear Ms. Reyes"; "" when unknown


def _is_honorific(word: str) -> bool:
    return word.rstrip(".").lower() in HONORIFICS


def address_for(name: str, country: str, chosen: str = "") -> Addressing:
    """The greeting and salutation for a contact; `chosen` (typed by the seeker) wins when set."""
    chosen = " ".join(chosen.split())
    if chosen:
        return Addressing(chosen, f"Dear {chosen}")
    words = name.split()
    if not words:
        return Addressing("", "")
    titles: list[str] = []
    while len(titles) < len(words) - 1 and _is_honorific(words[len(titles)]):
        titles.append(words[len(titles)])
    if titles:
        form = " ".join([*titles, words[-1]])
    elif country.upper() in FIRST_NAME_COUNTRIES:
        form = words[0]
    else:
        form = " ".join(words)
    return Addressing(form, f"Dear {form}")
