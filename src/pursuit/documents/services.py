"""Writes about a seeker's paper: résumés, note drafts, offer letters, winding down after a win.

Each function is keyword-only and refuses with `ServiceError` having stored nothing: an upload is
read and checked in full before a row or a file is written. File storage has no transactions, so
a file written in a block that fails is removed again (`NewFiles`), and a file whose row is
deleted goes only once the deletion is committed.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from types import TracebackType
from typing import IO, Final

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from pursuit.accounts.models import Seeker
from pursuit.campaigns import services as campaign_services
from pursuit.campaigns.models import Campaign, Offer
from pursuit.documents import pdf
from pursuit.documents.models import NoteDraft, OfferLetter, Resume
from pursuit.errors import ServiceError
from pursuit.method.vocab import CampaignStatus
from pursuit.validation import limit, one_line, printable, text

#: A note longer than this no longer fits one page, even set small.
MAX_NOTE_CHARS = 2000


@dataclass(frozen=True, slots=True)
class CheckedPdf:
    """An upload that passed `pdf.check_pdf`, held in memory until it is stored."""

    data: bytes
    pages: int
    filename: str


def checked_pdf(upload: IO[bytes], *, field: str, filename: str = "") -> CheckedPdf:
    """Read an uploaded file (an UploadedFile or any binary file) and check it is a usable PDF."""
    size = _size_of(upload)
    if size is not None and size > pdf.MAX_UPLOAD_BYTES:
        raise pdf.too_large(size, field)
    # One byte past the limit is enough to know a file without a size is too large.
    data = upload.read(pdf.MAX_UPLOAD_BYTES + 1)
    pages = pdf.check_pdf(data, field=field)
    given = printable(filename or str(getattr(upload, "name", "") or ""))
    name = os.path.basename(given).strip() or "document.pdf"
    return CheckedPdf(data, pages, name[:200])


def _size_of(upload: IO[bytes]) -> int | None:
    """How many bytes are left to read, when that can be known without reading them: an
    upload's own size, a file's size on disk, or a seekable stream's end."""
    size = getattr(upload, "size", None)
    if isinstance(size, int):
        return size
    try:
        return os.fstat(upload.fileno()).st_size - upload.tell()
    except (AttributeError, OSError, ValueError):
        pass
    try:
        if upload.seekable():
            here = upload.tell()
            end = upload.seek(0, os.SEEK_END)
            upload.seek(here)
            return end - here
    except (AttributeError, OSError, ValueError):
        pass
    return None


class NewFiles:
    """Files written inside a block; removed again when the block raises."""

    def __init__(self) -> None:
        self._written: list[FieldFile] = []

    def save(self, field_file: FieldFile, data: bytes) -> None:
        field_file.save("upload.pdf", ContentFile(data), save=False)
        self._written.append(field_file)

    def __enter__(self) -> NewFiles:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            for field_file in self._written:
                field_file.storage.delete(field_file.name)


def _delete_after_commit(field_file: FieldFile) -> None:
    if field_file.name:
        transaction.on_commit(partial(field_file.storage.delete, field_file.name))


# -- résumés -------------------------------------------------------------------------------------


def add_resume(*, seeker: Seeker, upload: IO[bytes], label: str = "", filename: str = "") -> Resume:
    """A new version of the seeker's résumé; the newest is what campaigns without a choice use."""
    label = one_line(label, field="label", max_length=limit(Resume, "label"))
    checked = checked_pdf(upload, field="file", filename=filename)
    label = label or os.path.splitext(checked.filename)[0][: limit(Resume, "label")] or "Résumé"
    with NewFiles() as files, transaction.atomic():
        resume = Resume(
            seeker=seeker,
            label=label,
            filename=checked.filename,
            size=len(checked.data),
            pages=checked.pages,
        )
        files.save(resume.file, checked.data)
        resume.save()
        return resume


def rename_resume(*, resume: Resume, label: str) -> Resume:
    label = one_line(label, field="label", max_length=limit(Resume, "label"))
    if not label:
        raise ServiceError("give the résumé a name you will recognise", "label")
    resume.label = label
    resume.save(update_fields=["label"])
    return resume


def delete_resume(*, resume: Resume) -> None:
    """The version goes to the Trash (its file with it, until the Trash is emptied); notes
    that used it fall back to the newest remaining résumé."""
    from pursuit.campaigns import trash

    trash.trash(row=resume)


# -- the note ------------------------------------------------------------------------------------

#: `save_note(resume=KEEP)` leaves the campaign's chosen résumé as it is.
KEEP: Final = object()


def save_note(
    *, campaign: Campaign, body: str | None = None, resume: Resume | object | None = KEEP
) -> NoteDraft:
    """Keep the seeker's wording of a campaign's note and the résumé it goes out with.

    An empty body means our wording; `body=None` leaves the wording as it is.
    """
    if body is not None:
        body = text(body, field="body").strip()
        if len(body) > MAX_NOTE_CHARS:
            raise ServiceError(
                f"keep the note under {MAX_NOTE_CHARS:,} characters so it fits on one page "
                f"(it has {len(body):,})",
                "body",
            )
    if isinstance(resume, Resume) and resume.seeker_id != campaign.seeker_id:
        raise ServiceError("no such résumé", "resume")
    with transaction.atomic():
        draft, _ = NoteDraft.objects.select_for_update().get_or_create(campaign=campaign)
        if body is not None:
            draft.body = body
        if resume is not KEEP:
            draft.resume = resume if isinstance(resume, Resume) else None
        draft.updated_at = timezone.now()
        draft.save()
        return draft


# -- offers --------------------------------------------------------------------------------------


def keep_offer_letter(*, offer: Offer, letter: CheckedPdf) -> OfferLetter:
    """Store the letter of a written offer, replacing the one it had."""
    with NewFiles() as files, transaction.atomic():
        old = OfferLetter.objects.filter(offer=offer).first()
        if old is not None:
            _delete_after_commit(old.file)
            old.delete()
        stored = OfferLetter(
            offer=offer, filename=letter.filename, size=len(letter.data), pages=letter.pages
        )
        files.save(stored.file, letter.data)
        stored.save()
        return stored


def attach_offer_letter(*, offer: Offer, upload: IO[bytes], filename: str = "") -> OfferLetter:
    """The letter arrived after the offer was logged; it makes the offer a written one.

    Only the file is added here: whether the campaign is won is `record_offer`'s call, when the
    seeker logs the written offer with the terms they care about.
    """
    if not offer.written:
        raise ServiceError(
            "a letter comes with a written offer: log the written offer with it", "letter"
        )
    return keep_offer_letter(offer=offer, letter=checked_pdf(upload, field="letter"))


def other_open_campaigns(campaign: Campaign) -> QuerySet[Campaign]:
    """The campaigns a seeker might wind down once this one is won."""
    open_statuses = [s.value for s in CampaignStatus if s.is_open]
    return (
        Campaign.objects.filter(seeker_id=campaign.seeker_id, status__in=open_statuses)
        .exclude(pk=campaign.pk)
        .select_related("company")
        .order_by("company__name", "role")
    )


def wind_down(
    *, won: Campaign, campaigns: Iterable[Campaign], now: dt.datetime | None = None
) -> list[Campaign]:
    """Withdraw the other campaigns the seeker picked once `won` is won; all or none."""
    if won.status != CampaignStatus.WON:
        raise ServiceError("wind down other campaigns once this one is won")
    picked = list(campaigns)
    if any(c.seeker_id != won.seeker_id or c.pk == won.pk for c in picked):
        raise ServiceError("no such campaign", "campaigns")
    with transaction.atomic():
        return [
            campaign_services.withdraw(campaign=campaign, now=now).campaign for campaign in picked
        ]
