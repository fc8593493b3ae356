"""The leave-behind note: our wording, the seeker's edits, laid out as a one-page letter with the
campaign's résumé behind it, ready to print before a visit (METHOD §4 step 6)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import slugify

from pursuit.accounts.models import Seeker
from pursuit.campaigns.models import Action, Campaign
from pursuit.campaigns.services import facts_for
from pursuit.documents import pdf
from pursuit.documents.models import NoteDraft, Resume
from pursuit.method.calendar import zone_named
from pursuit.method.scripts import note_text
from pursuit.method.vocab import ActionKind, ActionStatus


@dataclass(frozen=True, slots=True)
class Wording:
    """Our note for a campaign on a given day, cut where the letter's layout takes over."""

    date_label: str
    body: str
    closing: str


@dataclass(frozen=True, slots=True)
class Letter:
    """Everything printed on the note's page."""

    sender: str
    sender_lines: tuple[str, ...]
    date_label: str
    addressee: tuple[str, ...]
    paragraphs: tuple[str, ...]
    closing: str
    signature: str
    paper: str


def our_wording(campaign: Campaign, day: dt.date) -> Wording:
    """`note_text` split into the date line, the body the seeker may edit, and the closing word
    (the letter prints the signature line and the name under it itself)."""
    text = note_text(facts_for(campaign), today=day)
    date_label, _, rest = text.partition("\n\n")
    body, _, sign_off = rest.rpartition("\n\n")
    return Wording(date_label, body, sign_off.split("\n", 1)[0])


def seeker_today(seeker: Seeker, now: dt.datetime | None = None) -> dt.date:
    return (now or timezone.now()).astimezone(zone_named(seeker.zone)).date()


def visit_for(action: Action) -> Action | None:
    """The visit a note is for: the step itself, or the planned visit after the step that
    prints the note."""
    if action.kind == ActionKind.VISIT:
        return action
    if action.kind != ActionKind.LEAVE_NOTE:
        return None
    return (
        Action.objects.filter(
            campaign_id=action.campaign_id,
            kind=ActionKind.VISIT,
            status=ActionStatus.PLANNED,
            due_at__gte=action.due_at,
        )
        .order_by("due_at")
        .first()
    )


def note_day(action: Action, *, today: dt.date) -> dt.date:
    """The day the note will be left: the visit's day (the note is printed the evening before),
    or today for a note printed without a visit planned."""
    visit = visit_for(action)
    return visit.local_due().date() if visit is not None else today


def draft_of(campaign: Campaign) -> NoteDraft | None:
    return NoteDraft.objects.select_related("resume").filter(campaign=campaign).first()


def resume_for(campaign: Campaign) -> Resume | None:
    """The campaign's chosen résumé, else the seeker's newest one."""
    draft = draft_of(campaign)
    if draft is not None and draft.resume is not None:
        return draft.resume
    return Resume.objects.filter(seeker_id=campaign.seeker_id).first()


def letter_for(campaign: Campaign, *, day: dt.date, body: str | None = None) -> Letter:
    """The page as it will print; `body` overrides the saved draft and our wording."""
    seeker, company, contact = campaign.seeker, campaign.company, campaign.contact
    wording = our_wording(campaign, day)
    if body is None:
        draft = draft_of(campaign)
        body = draft.body if draft is not None and draft.body.strip() else wording.body
    addressee = []
    if contact is not None:
        addressee.append(f"{contact.name}, {contact.title}" if contact.title else contact.name)
    addressee += [company.name, company.address]
    return Letter(
        sender=seeker.name or seeker.user.email,
        sender_lines=tuple(line for line in (seeker.phone, seeker.user.email) if line),
        date_label=wording.date_label,
        addressee=tuple(line for line in addressee if line),
        paragraphs=tuple(p.strip() for p in body.replace("\r\n", "\n").split("\n\n") if p.strip()),
        closing=wording.closing,
        signature=seeker.name,
        paper=pdf.paper_size(seeker.locale),
    )


def render_letter(letter: Letter) -> bytes:
    """The note's page. A long note is set smaller rather than spill onto a second page."""
    document = pdf.render_pages("documents/pdf/note.html", {"letter": letter, "compact": False})
    if len(document.pages) > 1:
        document = pdf.render_pages("documents/pdf/note.html", {"letter": letter, "compact": True})
    return document.write_pdf()


def note_pdf(
    action: Action, *, resume: Resume | bytes | None = None, now: dt.datetime | None = None
) -> bytes:
    """The note for a visit (or the step that prints it), with the résumé appended: the one
    given (a stored version, or a checked PDF's bytes), else the campaign's."""
    campaign = (
        Campaign.objects.select_related("company", "contact", "seeker__user")
        .prefetch_related("company__contacts")
        .get(pk=action.campaign_id)
    )
    day = note_day(action, today=seeker_today(campaign.seeker, now))
    note = render_letter(letter_for(campaign, day=day))
    resume = resume or resume_for(campaign)
    if resume is None:
        return note
    if isinstance(resume, bytes):
        return pdf.concatenate(note, resume)
    with resume.file.open("rb") as file:
        return pdf.concatenate(note, file.read())


def note_filename(action: Action) -> str:
    return f"note-{slugify(action.campaign.company.name) or 'company'}.pdf"
