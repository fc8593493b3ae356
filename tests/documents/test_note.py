"""The leave-behind note: one page of letter, the résumé behind it, refused uploads say why."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.http import Http404
from pypdf import PdfReader

from pursuit.accounts.models import Seeker
from pursuit.campaigns import trash
from pursuit.campaigns.access import get_owned, owned
from pursuit.campaigns.models import Campaign
from pursuit.documents import note, pdf, services
from pursuit.documents.models import NoteDraft, Resume
from pursuit.errors import ServiceError

from .conftest import encrypted_pdf, make_pdf, ny, page_texts, to_visit, upload


def test_it_prints_the_note_then_the_resume_as_one_pdf(alice: Seeker, acme: Campaign) -> None:
    resume = services.add_resume(
        seeker=alice, upload=upload(make_pdf("Alice Moreau experience", "Alice Moreau education"))
    )
    leave_note, visit = to_visit(acme)

    printed = note.note_pdf(leave_note, resume=resume, now=ny("2026-12-01T17:00"))

    pages = page_texts(printed)
    assert len(pages) == 3
    assert "Dear Dana," in pages[0]
    assert "sorry to have missed you" in pages[0]
    assert "Head of Purchasing" in pages[0]
    assert "1 Main St, New York" in pages[0]
    visit_day = visit.local_due().date()
    assert f"{visit_day:%B} {visit_day.day}, {visit_day.year}" in pages[0]
    assert "Alice Moreau experience" in pages[1]
    assert "Alice Moreau education" in pages[2]


def test_it_uses_the_seekers_own_wording_and_chosen_resume(alice: Seeker, acme: Campaign) -> None:
    services.add_resume(seeker=alice, upload=upload(make_pdf("the newest version")))
    chosen = services.add_resume(seeker=alice, upload=upload(make_pdf("the short version")))
    Resume.objects.filter(pk=chosen.pk).update(uploaded_at=ny("2020-01-01T00:00"))
    leave_note, _ = to_visit(acme)
    services.save_note(
        campaign=acme, body="Dear Dana,\n\nSorry I missed you; here is my résumé.", resume=chosen
    )

    pages = page_texts(note.note_pdf(leave_note))

    assert "Sorry I missed you" in pages[0]
    assert "stopped by today" not in pages[0]
    assert pages[1:] == ["the short version"]


def test_without_a_choice_the_newest_resume_goes_out(alice: Seeker, acme: Campaign) -> None:
    services.add_resume(seeker=alice, upload=upload(make_pdf("older")), label="Older")
    services.add_resume(seeker=alice, upload=upload(make_pdf("newer")), label="Newer")
    leave_note, _ = to_visit(acme)

    assert page_texts(note.note_pdf(leave_note))[1:] == ["newer"]


def test_a_long_note_is_set_smaller_to_stay_on_one_page(alice: Seeker, acme: Campaign) -> None:
    leave_note, _ = to_visit(acme)
    paragraph = "I would be glad to show what I can do for your purchasing team. " * 5
    services.save_note(campaign=acme, body="\n\n".join([paragraph] * 5))

    assert pdf.page_count(note.note_pdf(leave_note)) == 1


def test_a_note_too_long_for_one_page_is_refused(acme: Campaign) -> None:
    with pytest.raises(ServiceError, match="one page") as refused:
        services.save_note(campaign=acme, body="x" * (services.MAX_NOTE_CHARS + 1))
    assert refused.value.field == "body"
    assert not NoteDraft.objects.exists()


@pytest.mark.parametrize(
    ("locale", "width_pt"), [("en_US", 612), ("en_CA", 612), ("en_GB", 595), ("en_AU", 595)]
)
def test_the_paper_follows_the_locale(
    alice: Seeker, acme: Campaign, locale: str, width_pt: int
) -> None:
    Seeker.objects.filter(pk=alice.pk).update(locale=locale)
    leave_note, _ = to_visit(acme)
    page = PdfReader(io.BytesIO(note.note_pdf(leave_note))).pages[0]
    assert round(float(page.mediabox.width)) == width_pt


def test_a_resume_is_kept_in_file_storage_not_the_database(alice: Seeker) -> None:
    resume = services.add_resume(
        seeker=alice, upload=upload(make_pdf("one", "two"), "Alice CV.pdf")
    )

    assert resume.pages == 2
    assert resume.filename == "Alice CV.pdf"
    assert resume.label == "Alice CV"
    assert resume.file.name.startswith(f"resumes/{alice.pk}/")
    with resume.file.open("rb") as stored:
        assert stored.read(5) == b"%PDF-"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 this is a word file", "not a PDF"),
        (b"", "empty"),
        (b"%PDF-1.7\n" + b"\x00garbage" * 50, "damaged"),
    ],
    ids=["not-a-pdf", "empty", "damaged"],
)
def test_an_unreadable_upload_is_refused_and_nothing_is_stored(
    alice: Seeker, data: bytes, message: str
) -> None:
    with pytest.raises(ServiceError, match=message) as refused:
        services.add_resume(seeker=alice, upload=upload(data))
    assert refused.value.field == "file"
    assert not Resume.objects.exists()


def test_a_password_protected_pdf_is_refused(alice: Seeker) -> None:
    with pytest.raises(ServiceError, match="password-protected"):
        services.add_resume(seeker=alice, upload=upload(encrypted_pdf("secret cv")))
    assert not Resume.objects.exists()


def test_a_file_over_10_mb_is_refused_before_it_is_read(alice: Seeker) -> None:
    big = upload(make_pdf("cv") + b"%" * (10 * 1024 * 1024))

    with pytest.raises(ServiceError, match="limit is 10 MB"):
        services.add_resume(seeker=alice, upload=big)
    assert not Resume.objects.exists()


def test_a_truncated_pdf_is_refused_as_damaged(alice: Seeker) -> None:
    whole = make_pdf("cv")
    with pytest.raises(ServiceError, match="damaged"):
        services.add_resume(seeker=alice, upload=upload(whole[: len(whole) // 3]))


def test_another_seekers_resume_cannot_go_with_a_note(bob: Seeker, acme: Campaign) -> None:
    bobs = services.add_resume(seeker=bob, upload=upload(make_pdf("bob")))
    with pytest.raises(ServiceError, match="no such résumé"):
        services.save_note(campaign=acme, resume=bobs)


def test_deleting_a_resume_keeps_its_file_in_the_trash_until_it_is_emptied(
    alice: Seeker, django_capture_on_commit_callbacks: object
) -> None:
    resume = services.add_resume(seeker=alice, upload=upload(make_pdf("cv")))
    storage, name = resume.file.storage, resume.file.name

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        services.delete_resume(resume=resume)
    assert not owned(Resume, alice.user).exists()
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        trash.empty(seekers=[alice.pk])
    assert not storage.exists(name)


def test_a_resume_is_fetched_only_by_its_seeker(alice: Seeker, bob: Seeker) -> None:
    resume = services.add_resume(seeker=alice, upload=upload(make_pdf("cv")))

    assert list(owned(Resume, alice.user)) == [resume]
    assert not owned(Resume, bob.user).exists()
    with pytest.raises(Http404):
        get_owned(Resume, bob.user, resume.pk)


def test_a_stream_of_unknown_size_over_10_mb_is_said_to_be_over_the_limit(alice: Seeker) -> None:
    class Stream(io.RawIOBase):
        """A pipe: no size, no seeking."""

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            buffer[: len(buffer)] = b"%" * len(buffer)
            return len(buffer)

    with pytest.raises(ServiceError, match="this file is over 10 MB and the limit is 10 MB"):
        services.add_resume(seeker=alice, upload=io.BufferedReader(Stream()))
