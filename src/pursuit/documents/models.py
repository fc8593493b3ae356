"""Paper a seeker keeps: résumés, the leave-behind note of each campaign, offer letters.

The PDFs themselves live in Django's file storage (the data dir by default), never in the
database; a row holds the storage name and what the upload check learned about the file.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone

from pursuit.accounts.models import Seeker
from pursuit.campaigns.models import Campaign, Offer, Trashable


def _resume_name(instance: Resume, filename: str) -> str:
    # The seeker's own file name stays in `filename`; the stored name is ours, so no upload can
    # choose where it lands.
    return f"resumes/{instance.seeker_id}/{uuid.uuid4().hex}.pdf"


def _letter_name(instance: OfferLetter, filename: str) -> str:
    return f"offer-letters/{instance.offer.campaign.seeker_id}/{uuid.uuid4().hex}.pdf"


class StoredPdf(models.Model):
    """A checked PDF in file storage (see pdf.check_pdf); each kind names its own storage path."""

    filename = models.CharField("file name", max_length=200)
    size = models.PositiveIntegerField(help_text="Bytes.")
    pages = models.PositiveSmallIntegerField()
    #: Not auto_now_add: an import keeps the time the seeker first uploaded the file.
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True


class Resume(StoredPdf, Trashable):
    """One version of the seeker's résumé; a campaign's note picks one of them."""

    seeker = models.ForeignKey(Seeker, on_delete=models.CASCADE, related_name="resumes")
    label = models.CharField(max_length=120)
    file = models.FileField(upload_to=_resume_name, max_length=300)

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return self.label


class NoteDraft(models.Model):
    """The leave-behind note of one campaign, as the seeker edited it, and the résumé it goes
    out with. A campaign without one prints our own wording with the newest résumé."""

    campaign = models.OneToOneField(Campaign, on_delete=models.CASCADE, related_name="note_draft")
    body = models.TextField(blank=True)
    resume = models.ForeignKey(
        Resume, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"note for {self.campaign}"


class OfferLetter(StoredPdf):
    """The written offer itself, as the company sent it."""

    offer = models.OneToOneField(Offer, on_delete=models.CASCADE, related_name="letter")
    file = models.FileField(upload_to=_letter_name, max_length=300)

    def __str__(self) -> str:
        return self.filename
