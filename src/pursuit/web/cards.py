"""The HTML of a step card, written with string formatting rather than a template.

Why: Today shows every step of the next business days, a hundred cards and more for a busy
seeker, and it has to answer within 10 ms. Measured on 127 cards, the same markup through a
Django template partial took about 0.5 ms a card (some 40 variable lookups and escapes each);
here it is a few microseconds. Every value is escaped on the way in; the pages around the cards
are ordinary templates. The markup matches what app.css styles (`.card`, `.facts`, `.outcomes`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape as _escape

from django.utils.safestring import SafeString, mark_safe

from pursuit.web.queries import CONTROLS, BoardItem, Card, Controls, url_for


def escape(text: str) -> str:
    """HTML-escaped text; most values (names, times, numbers) have nothing to escape, and
    finding that out is a fifth of the cost of escaping them anyway."""
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return _escape(text)
    return text


@dataclass(frozen=True, slots=True)
class Page:
    """What every card of a page shares: one CSRF token, where to come back (when not Today),
    the card shown open."""

    token: str
    next: str = ""
    first_id: int | None = None
    #: The card that answers a tap in place: it takes the focus the tapped button had.
    focus_id: int | None = None


def _hidden(page: Page) -> str:
    token = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(page.token)}">'
    if page.next:
        return f'{token}<input type="hidden" name="next" value="{escape(page.next)}">'
    return token


def _form(card: Card | _Blank, hidden: str, body: str, css: str = "") -> str:
    # Plain forms: the card's hx-boost sends them through htmx when it runs.
    klass = f' class="{css}"' if css else ""
    return f'<form{klass} method="post" action="{card.url}">{hidden}{body}</form>'


def _error(card: Card | _Blank, name: str) -> str:
    message = card.errors.get(name)
    return f'<p class="error" role="alert">{escape(message)}</p>' if message else ""


def _input(card: Card | _Blank, name: str, kind: str, placeholder: str = "") -> str:
    # A field to fix takes the focus when its card comes back (htmx honours autofocus).
    invalid = ' aria-invalid="true" autofocus' if name in card.errors else ""
    hint = f' placeholder="{escape(placeholder)}"' if placeholder else ""
    value = escape(card.values.get(name, ""))
    return f'<input type="{kind}" name="{name}" value="{value}"{hint}{invalid}>'


def _button(value: str, label: str, css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    # A screen reader says what the tap does; the name still starts with the words on the button,
    # which is what someone using voice control says (WCAG 2.5.3).
    return (
        f'<button{klass} name="outcome" value="{value}">{escape(label)}'
        '<span class="vh"> — record this outcome</span></button>'
    )


def _reveal(card: Card | _Blank, name: str, summary: str, body: str) -> str:
    opened = " open" if card.open == name else ""
    return f'<details class="reveal"{opened}><summary>{summary}</summary>{body}</details>'


_PROMISE_HINT = "e.g. we'll decide by Friday"


def _outcomes(card: Card, page: Page) -> str:
    if not (card.values or card.errors or card.open):
        # Every untouched card of a kind has the same controls but for its URL: build them once.
        return _untouched(card.kind, card.zone, _hidden(page)).replace(_URL, card.url)
    return _controls(card, _hidden(page))


_URL = "\x00url\x00"


@dataclass(frozen=True, slots=True)
class _Blank:
    """What the controls read of a card, for one nobody has typed into."""

    controls: Controls
    zone: str
    url: str = _URL
    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    open: str = ""


@lru_cache(maxsize=256)
def _untouched(kind: str, zone: str, hidden: str) -> str:
    return _controls(_Blank(CONTROLS[kind], zone), hidden)


def _asked(card: Card | _Blank, hidden: str) -> str:
    """An outcome tapped on a step not due yet: when did it happen? (default now, editable).
    What else was typed rides along, so the answer records the outcome as it was meant."""
    outcome = escape(card.values.get("outcome", ""))
    kept = "".join(
        f'<input type="hidden" name="{name}" value="{escape(card.values[name])}">'
        for name in ("callback_at", "promise", "interview_at", "note")
        if card.values.get(name)
    )
    body = (
        f'<p class="question" role="alert">{escape(card.errors.get("at", ""))}</p>{kept}'
        '<label>When it happened <span class="hint">your time</span>'
        f"{_input(card, 'at', 'datetime-local')}</label>"
        f'<div class="buttons"><button class="primary" name="outcome" value="{outcome}">'
        'Record it</button><button name="not_yet" value="1">Not yet</button></div>'
    )
    return f'<div class="outcomes asked">{_form(card, hidden, body)}</div>'


def _controls(card: Card | _Blank, hidden: str) -> str:
    if card.open == "when":
        return _asked(card, hidden)
    c: Controls = card.controls
    # A fieldset: the question names the group of buttons that answer it.
    out = ['<fieldset class="outcomes"><legend class="outcomes-label">What happened?</legend>']
    out.append(_error(card, "outcome") + _error(card, "form"))
    buttons = "".join(_button(v, label) for v, label in c.quick)
    if c.skip:
        buttons += _button("skipped", c.skip, "link")
    if c.lesson:
        # Out of the running is the moment to write down what to do differently next time.
        lesson = escape(card.values.get("lesson", ""))
        buttons = (
            '<label class="lesson">What did you learn? <span class="hint">optional, kept with '
            f'the campaign</span><textarea name="lesson" rows="2">{lesson}</textarea></label>'
            f'{_error(card, "lesson")}<div class="buttons">{buttons}</div>'
        )
    out.append(_form(card, hidden, buttons, "quick"))
    if c.callback:
        body = (
            f'<label>The time they gave <span class="hint">their time, {escape(card.zone)}'
            f"</span>{_input(card, 'callback_at', 'datetime-local')}</label>"
            f"{_error(card, 'callback_at')}"
            + _button("gatekeeper_callback", "Plan the callback", "primary")
        )
        summary = "They gave a time to call back"
        out.append(_reveal(card, "callback", summary, _form(card, hidden, body)))
    if c.reached:
        replies = "".join(
            _button(v, label, "primary" if i == 0 else "") for i, (v, label) in enumerate(c.reached)
        )
        body = _form(
            card,
            hidden,
            '<label>What did they say about timing? <span class="hint">optional</span>'
            f"{_input(card, 'promise', 'text', _PROMISE_HINT)}</label>"
            f'{_error(card, "promise")}<div class="buttons">{replies}</div>',
        )
        if c.interview:
            body += _form(
                card,
                hidden,
                '<label>They want another interview: when? <span class="hint">their time'
                f"</span>{_input(card, 'interview_at', 'datetime-local')}</label>"
                f"{_error(card, 'interview_at')}"
                + _button("reached_interview", "Plan around the interview"),
                "sub",
            )
        summary = "I reached them" if c.interview else "They got in touch"
        out.append(_reveal(card, "reached", summary, body))
    out.append("</fieldset>")
    return "".join(out)


def _facts(card: Card) -> str:
    rows = []
    if card.contact:
        title = card.contact_title and f', <span class="muted">{escape(card.contact_title)}</span>'
        rows.append(f"<div><dt>Ask for</dt><dd>{escape(card.contact)}{title}</dd></div>")
    if card.tel_href:
        rows.append(
            f'<div><dt>Phone</dt><dd><a class="tel" href="{escape(card.tel_href)}">'
            f"{escape(card.tel_label)}</a></dd></div>"
        )
    if card.way_through:
        rows.append(f"<div><dt>Way through</dt><dd>{escape(card.way_through)}</dd></div>")
    rows.append(f"<div><dt>Why now</dt><dd>{escape(card.reason)}</dd></div>")
    return f'<dl class="facts">{"".join(rows)}</dl>'


#: Steps that print the leave-behind note: their cards lead to it (documents/views.py).
_NOTE_KINDS = frozenset({"leave_note", "visit"})


def _note_links(card: Card) -> str:
    if card.kind not in _NOTE_KINDS:
        return ""
    return (
        f'<p class="card-links"><a href="{url_for("documents:note", card.id)}">Open the note</a>'
        f'<a href="{url_for("documents:note_pdf", card.id)}" download>Download the PDF</a></p>'
    )


def card_html(card: Card, page: Page) -> str:
    overdue = " is-overdue" if card.overdue else ""
    yours = f' <span class="yours">· {escape(card.yours)}</span>' if card.yours else ""
    words = ""
    if card.script:
        opened = " open" if card.id == page.first_id else ""
        words = (
            f'<details class="words"{opened}><summary>{escape(card.words)}</summary>'
            f'<div class="script">{escape(card.script)}</div></details>'
        )
    # One set of htmx attributes for the whole card: its forms are boosted, their answer replaces
    # the card, and a second tap while the first is on its way is dropped.
    # A card that answers a tap takes the focus, unless a field in it asks to be fixed.
    focus = ' tabindex="-1" autofocus' if card.id == page.focus_id and not card.errors else ""
    return (
        f'<article class="card kind-{card.kind}{overdue}" id="step-{card.id}"{focus} '
        'hx-boost="true" hx-target="this" hx-swap="outerHTML" hx-sync="this:drop">'
        f'<header class="card-head"><p class="when"><time>{escape(card.when)}</time>{yours}</p>'
        f'<p class="kind-badge">{escape(card.kind_label)}</p>'
        f'<a class="add-calendar" href="/calendar/action/{card.id}.ics" download>'
        "Add to calendar</a></header>"
        f'<h3 class="card-title"><a href="{card.campaign_url}">{escape(card.company)}</a> '
        f'<span class="role">{escape(card.role)}</span></h3>'
        f"{_facts(card)}{_note_links(card)}{words}{_outcomes(card, page)}</article>"
    )


def cards_html(cards: list[Card], page: Page) -> SafeString:
    """Every card of a list, escaped value by value, as markup for a template."""
    return mark_safe("\n".join(card_html(c, page) for c in cards))


# -- a page of many cards -------------------------------------------------------------------------
#
# A template copies its output at every level it passes through (loop, block, base), twice each;
# with a couple of hundred kilobytes of cards that copying cost more than building them (6 ms
# against 1.6 ms, measured). So a long list goes into the page after rendering: the template
# prints a slot where each list belongs, and the response is joined once from the pieces.

_SLOT = re.compile(r"<!--cards:(\w+)-->")


def slot(name: str) -> SafeString:
    """Where the cards named `name` go in a page's template."""
    return mark_safe(f"<!--cards:{name}-->")


def splice(frame: str, lists: dict[str, list[str]]) -> list[str]:
    """The rendered page with each slot replaced by its pieces, to be joined once."""
    parts = _SLOT.split(frame)
    pieces = [parts[0]]
    for i in range(1, len(parts), 2):
        pieces.extend(lists.get(parts[i], ()))
        pieces.append(parts[i + 1])
    return pieces


def tile_html(item: BoardItem) -> str:
    """A campaign on the board: company, role, and its next step (or what was learned)."""
    contact = f" · {escape(item.contact)}" if item.contact else ""
    if item.next_step:
        tail = (
            f'<span class="tile-next">{escape(item.next_step)}</span>'
            f'<span class="tile-reason">{escape(item.next_reason)}</span>'
        )
    elif item.lesson:
        lesson = item.lesson if len(item.lesson) <= 90 else item.lesson[:89] + "…"
        tail = f'<span class="tile-reason">Learned: {escape(lesson)}</span>'
    else:
        tail = ""
    return (
        f'<a class="tile" href="{item.url}"><span class="tile-company">{escape(item.company)}'
        f'</span><span class="tile-role">{escape(item.role)}{contact}</span>{tail}</a>'
    )
