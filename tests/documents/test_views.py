"""The documents pages: each fetches only the signed-in seeker's rows and makes one service call."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.test import Client

from pursuit.accounts.models import Seeker
from pursuit.campaigns.models import Campaign, Offer
from pursuit.documents import services
from pursuit.documents.models import NoteDraft, Resume

from .conftest import local_campaign, make_pdf, page_texts, to_visit, upload


def client_for(seeker: Seeker) -> Client:
    client = Client()
    client.force_login(seeker.user)
    return client


def content(response: object) -> str:
    streamed = getattr(response, "streaming_content", None)
    if streamed is not None:
        return b"".join(streamed).decode()  # type: ignore[arg-type]
    return response.content.decode()  # type: ignore[attr-defined]


def pdf_file(data: bytes, name: str = "cv.pdf") -> io.BytesIO:
    return upload(data, name)


def test_a_resume_is_uploaded_listed_and_downloaded(alice: Seeker) -> None:
    client = client_for(alice)
    response = client.post(
        "/documents/resumes", {"file": pdf_file(make_pdf("cv")), "label": "Short"}
    )
    assert response.status_code == 302
    page = content(client.get("/documents/"))
    assert "Short" in page and "1 page" in page

    resume = Resume.objects.get()
    download = client.get(f"/documents/resumes/{resume.pk}.pdf")
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"hello", "This file is not a PDF"), (b"%PDF-1.7\n" + b"\x00" * 100, "This PDF is damaged")],
)
def test_a_bad_upload_is_shown_next_to_the_field(alice: Seeker, data: bytes, message: str) -> None:
    response = client_for(alice).post("/documents/resumes", {"file": pdf_file(data)})

    assert response.status_code == 400
    assert message in content(response)
    assert not Resume.objects.exists()


def test_the_composer_prefills_our_wording_and_keeps_the_seekers(
    alice: Seeker, acme: Campaign
) -> None:
    leave_note, _ = to_visit(acme)
    services.add_resume(seeker=alice, upload=upload(make_pdf("cv page one", "cv page two")))
    client = client_for(alice)

    page = content(client.get(f"/documents/note/{leave_note.pk}"))
    assert "I stopped by today hoping for a quick word" in page
    assert "Dear Dana," in page

    saved = client.post(
        f"/documents/note/{leave_note.pk}",
        {"body": "Dear Dana,\n\nSorry to miss you.", "resume": "", "download": "1"},
    )
    assert saved.status_code == 302
    assert saved["Location"] == f"/documents/note/{leave_note.pk}.pdf"
    assert NoteDraft.objects.get(campaign=acme).body == "Dear Dana,\n\nSorry to miss you."

    printed = client.get(saved["Location"])
    assert printed["Content-Disposition"] == 'attachment; filename="note-acme-tools.pdf"'
    pages = page_texts(printed.content)
    assert len(pages) == 3
    assert "Sorry to miss you." in pages[0] and "cv page one" in pages[1]


def test_our_wording_sent_back_unchanged_stays_ours(alice: Seeker, acme: Campaign) -> None:
    leave_note, _ = to_visit(acme)
    client = client_for(alice)
    page = content(client.get(f"/documents/note/{leave_note.pk}"))
    body = page.split('name="body"', 1)[1].split(">", 1)[1].split("</textarea>", 1)[0]

    import html

    client.post(f"/documents/note/{leave_note.pk}", {"body": html.unescape(body), "resume": ""})
    assert NoteDraft.objects.get(campaign=acme).body == ""


def test_another_seekers_note_offers_and_files_are_404(
    alice: Seeker, bob: Seeker, acme: Campaign
) -> None:
    leave_note, _ = to_visit(acme)
    resume = services.add_resume(seeker=alice, upload=upload(make_pdf("cv")))
    client = client_for(bob)

    for url in (
        f"/documents/note/{leave_note.pk}",
        f"/documents/note/{leave_note.pk}.pdf",
        f"/documents/resumes/{resume.pk}.pdf",
        f"/documents/offers/{acme.pk}",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/documents/resumes/{resume.pk}/delete").status_code == 404
    assert Resume.objects.filter(pk=resume.pk).exists()


def test_a_written_offer_with_its_letter_wins_and_asks_about_the_others(
    alice: Seeker, acme: Campaign
) -> None:
    globex = local_campaign(alice, "Globex")
    client = client_for(alice)

    response = client.post(
        f"/documents/offers/{acme.pk}",
        {
            "written": "1",
            "wanted": "on",
            "salary": "85,000",
            "start_date": "2027-01-04",
            "terms": "hybrid",
            "letter": pdf_file(make_pdf("Offer of employment"), "offer.pdf"),
        },
    )

    assert response.status_code == 302
    assert response["Location"] == f"/documents/offers/{acme.pk}/wind-down"
    asked = content(client.get(response["Location"]))
    assert "Buyer at Globex" in asked
    assert "checked" not in asked  # nothing is ticked for the seeker
    client.post(response["Location"], {"campaigns": [globex.pk]})
    globex.refresh_from_db()
    assert globex.status == "withdrawn"

    offer = Offer.objects.get(campaign=acme)
    letter = client.get(f"/documents/offers/letter/{offer.pk}.pdf")
    assert b"".join(letter.streaming_content).startswith(b"%PDF-")  # type: ignore[attr-defined]
    assert "offer.pdf" in content(client.get(f"/documents/offers/{acme.pk}"))


def test_a_bad_letter_keeps_the_form_and_records_nothing(alice: Seeker, acme: Campaign) -> None:
    response = client_for(alice).post(
        f"/documents/offers/{acme.pk}",
        {"written": "1", "wanted": "on", "letter": pdf_file(b"not a pdf", "offer.docx")},
    )
    assert response.status_code == 400
    assert "This file is not a PDF" in content(response)
    assert not Offer.objects.exists()


def test_the_work_search_log_downloads_as_csv_or_pdf(alice: Seeker, acme: Campaign) -> None:
    to_visit(acme)
    client = client_for(alice)

    csv = client.get(
        "/documents/log", {"start": "2026-11-01", "end": "2026-12-31", "format": "csv"}
    )
    assert csv["Content-Type"] == "text/csv; charset=utf-8"
    assert content(csv).splitlines()[1].startswith("2026-11-19,15:00,Acme Tools,Buyer,Dana Reyes")
    report = client.get(
        "/documents/log", {"start": "2026-11-01", "end": "2026-12-31", "format": "pdf"}
    )
    assert "Work-search log" in page_texts(report.content)[0]
    wrong = client.get("/documents/log", {"start": "2026-12-31", "end": "2026-11-01"})
    assert wrong.status_code == 400
    assert "The last day comes before the first." in content(wrong)


def test_an_export_downloads_and_imports_into_an_empty_account_with_progress(
    alice: Seeker, bob: Seeker, acme: Campaign
) -> None:
    to_visit(acme)
    services.add_resume(seeker=alice, upload=upload(make_pdf("cv")))
    exported = client_for(alice).get("/documents/export.zip")
    assert zipfile.ZipFile(io.BytesIO(exported.content)).namelist()[0] == "pursuit.json"

    response = client_for(bob).post(
        "/documents/import", {"file": upload(exported.content, "pursuit.zip")}
    )

    page = content(response)
    assert page.index("<progress") < page.index("Imported.</strong>")
    assert "1 campaign," in page and "1 résumé" in page
    assert Campaign.objects.filter(seeker=bob).count() == 1
    # A full account is refused next to the file field, before the archive is unpacked.
    again = client_for(bob).post("/documents/import", {"file": upload(exported.content)})
    assert again.status_code == 400 and "new, empty account" in content(again)


CSV = b"""Company,Position,Interview Date,Status
Acme Tools,Buyer,2026-11-19 15:00,interviewing
Globex,Planner,someday,offer
"""


def test_a_tracker_csv_is_mapped_previewed_and_imported_whole_or_not_at_all(
    alice: Seeker,
) -> None:
    client = client_for(alice)
    uploaded = client.post("/documents/import/applications", {"file": upload(CSV, "apps.csv")})
    assert uploaded.status_code == 302
    mapping_page = uploaded["Location"]
    page = content(client.get(mapping_page))
    assert '<option value="Position" selected>' in page

    choices = {"company": "Company", "role": "Position", "interview_date": "Interview Date"}
    preview = content(client.post(mapping_page, {**choices, "status": "Status", "preview": "1"}))
    assert "Preview" in preview and "<progress" in preview
    assert "Row 3, column “Interview Date”" in preview
    assert not Campaign.objects.exists()

    refused = content(client.post(mapping_page, {**choices, "status": "Status", "import": "1"}))
    assert "Nothing was imported" in refused
    assert not Campaign.objects.exists()

    done = content(
        client.post(mapping_page, {**choices, "status": "Status", "skip_bad": "on", "import": "1"})
    )
    assert "Imported 1 of 2 rows." in done
    assert list(Campaign.objects.values_list("role", flat=True)) == ["Buyer"]
    assert client.get(mapping_page).status_code == 404  # the upload is gone once imported


def test_an_upload_token_is_the_seekers_own(alice: Seeker, bob: Seeker) -> None:
    uploaded = client_for(alice).post(
        "/documents/import/applications", {"file": upload(CSV, "apps.csv")}
    )
    assert client_for(bob).get(uploaded["Location"]).status_code == 404
    assert client_for(alice).get("/documents/import/applications/../../x").status_code == 404


def test_the_composer_sits_under_documents_with_one_way_to_the_pdf(
    alice: Seeker, acme: Campaign
) -> None:
    leave_note, _ = to_visit(acme)
    page = content(client_for(alice).get(f"/documents/note/{leave_note.pk}"))
    assert 'href="/documents/" aria-current="page">Documents' in page
    assert 'href="/" aria-current="page"' not in page
    assert page.count("download the PDF") + page.count("Download the PDF") == 1
