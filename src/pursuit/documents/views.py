"""The documents pages: résumés, the note composer and its PDF, offers with their letters, the
work-search log, export and import. Each view fetches through `owned`/`get_owned` (anyone
else's row is a 404), checks the form, makes one service call and answers."""

from __future__ import annotations

import io
import re
import secrets
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from pursuit.campaigns import services as campaigns
from pursuit.campaigns.access import get_owned, owned
from pursuit.campaigns.models import Action, Campaign, Offer
from pursuit.documents import archive, exchange, note, services, tracker_csv, worklog
from pursuit.documents.forms import (
    AccountImportForm,
    ApplicationsUploadForm,
    LetterForm,
    MappingForm,
    NoteForm,
    OfferWithLetterForm,
    ResumeForm,
    WindDownForm,
    WorkLogForm,
)
from pursuit.documents.models import Resume
from pursuit.documents.streaming import streamed
from pursuit.errors import ServiceError
from pursuit.method.vocab import CampaignStatus
from pursuit.web import format as fmt
from pursuit.web.format import sentence
from pursuit.web.guard import seeker_required

#: A tracker's CSV waits in storage between the upload and the import under this name.
_UPLOAD_TOKEN = re.compile(r"[0-9a-f]{32}")
MAX_CSV_BYTES = 5 * 1024 * 1024


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# -- the documents page --------------------------------------------------------------------------


def _paper(request: HttpRequest, *, status: int = 200, **forms: Any) -> HttpResponse:
    seeker = request.seeker  # type: ignore[attr-defined]
    today = note.seeker_today(seeker)
    context = {
        "nav": "documents",
        "resumes": owned(Resume, request.user),  # type: ignore[arg-type]
        "resume_form": forms.get("resume_form") or ResumeForm(),
        "log_form": forms.get("log_form")
        or WorkLogForm(initial={"start": today.replace(day=1), "end": today}),
        "account_form": forms.get("account_form") or AccountImportForm(),
        "applications_form": forms.get("applications_form") or ApplicationsUploadForm(),
    }
    return render(request, "documents/paper.html", context, status=status)


@seeker_required
def paper(request: HttpRequest) -> HttpResponse:
    return _paper(request)


# -- résumés -------------------------------------------------------------------------------------


@require_POST
@seeker_required
def resume_add(request: HttpRequest) -> HttpResponse:
    form = ResumeForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            added = services.add_resume(
                seeker=request.seeker,  # type: ignore[attr-defined]
                upload=upload,
                label=form.cleaned_data["label"],
                filename=upload.name,
            )
        except ServiceError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"Added “{added.label}” ({added.pages} pages).")
            return redirect("documents:index")
    return _paper(request, status=400, resume_form=form)


@seeker_required
def resume_file(request: HttpRequest, pk: int) -> FileResponse:
    resume = get_owned(Resume, request.user, pk)  # type: ignore[arg-type]
    return FileResponse(
        resume.file.open("rb"), content_type="application/pdf", filename=resume.filename
    )


@require_POST
@seeker_required
def resume_delete(request: HttpRequest, pk: int) -> HttpResponse:
    resume = get_owned(Resume, request.user, pk)  # type: ignore[arg-type]
    services.delete_resume(resume=resume)
    messages.success(request, f"Deleted “{resume.label}”.")
    return redirect("documents:index")


# -- the note ------------------------------------------------------------------------------------


def _action(request: HttpRequest, pk: int) -> Action:
    rows = owned(Action, request.user).select_related(  # type: ignore[arg-type]
        "campaign__company", "campaign__contact", "campaign__seeker__user"
    )
    return get_owned(Action, request.user, pk, rows)  # type: ignore[arg-type]


@seeker_required
def note_composer(request: HttpRequest, action_id: int) -> HttpResponse:
    """Our wording, or the seeker's, for the note left at this visit, and the résumé with it."""
    action = _action(request, action_id)
    campaign = action.campaign
    seeker = request.seeker  # type: ignore[attr-defined]
    resumes = owned(Resume, request.user)  # type: ignore[arg-type]
    visit = note.visit_for(action)
    day = visit.local_due().date() if visit else note.seeker_today(seeker)
    wording = note.our_wording(campaign, day)
    draft = note.draft_of(campaign)
    status = 200
    if request.method == "POST":
        if "ours" in request.POST:
            services.save_note(campaign=campaign, body="")
            messages.success(request, "The note is back to our wording.")
            return redirect("documents:note", action_id=action.pk)
        form = NoteForm(request.POST, resumes=resumes)
        if form.is_valid():
            body = form.cleaned_data["body"]
            # Sent back unchanged, our wording stays ours: it follows later changes of name.
            if _same_text(body, wording.body):
                body = ""
            try:
                services.save_note(campaign=campaign, body=body, resume=form.cleaned_data["resume"])
            except ServiceError as error:
                form.add_service_error(error)
            else:
                if "download" in request.POST:
                    return redirect("documents:note_pdf", action_id=action.pk)
                messages.success(request, "Note saved.")
                return redirect("documents:note", action_id=action.pk)
        status = 400
    else:
        form = NoteForm(
            resumes=resumes,
            initial={
                "body": draft.body if draft and draft.body else wording.body,
                "resume": draft.resume if draft else None,
            },
        )
    context = {
        "nav": "documents",
        "action": action,
        "campaign": campaign,
        "visit_when": _visit_when(visit, seeker) if visit else "",
        "letter": note.letter_for(campaign, day=day, body=""),
        "own_wording": bool(draft and draft.body),
        "form": form,
        "has_resume": resumes.exists(),
    }
    return render(request, "documents/note.html", context, status=status)


def _visit_when(visit: Action, seeker: Any) -> str:
    today, twelve = note.seeker_today(seeker), fmt.twelve_hour(seeker.locale)
    return fmt.when(visit.local_due(), today, twelve, dated=True)


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


@seeker_required
def note_pdf(request: HttpRequest, action_id: int) -> HttpResponse:
    action = _action(request, action_id)
    return _pdf(note.note_pdf(action), note.note_filename(action))


# -- offers --------------------------------------------------------------------------------------


def _campaign(request: HttpRequest, pk: int) -> Campaign:
    rows = owned(Campaign, request.user).select_related("company", "contact")  # type: ignore[arg-type]
    return get_owned(Campaign, request.user, pk, rows)  # type: ignore[arg-type]


@seeker_required
def offers(request: HttpRequest, campaign_id: int) -> HttpResponse:
    """The campaign's offers with their letters and terms, and a form for the next one."""
    campaign = _campaign(request, campaign_id)
    status = 200
    if request.method == "POST":
        form = OfferWithLetterForm(request.POST, request.FILES)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                result = campaigns.record_offer(campaign=campaign, **data)
            except ServiceError as error:
                form.add_service_error(error)
            else:
                won = result.campaign.status == CampaignStatus.WON
                if won and services.other_open_campaigns(result.campaign).exists():
                    return redirect("documents:wind_down", campaign_id=campaign.pk)
                messages.success(request, _offer_said(result.campaign))
                return redirect("documents:offers", campaign_id=campaign.pk)
        status = 400
    else:
        form = OfferWithLetterForm()
    context = {
        "nav": "campaigns",
        "campaign": campaign,
        "offers": campaign.offers.select_related("letter").order_by("at"),
        "form": form,
    }
    return render(request, "documents/offers.html", context, status=status)


def _offer_said(campaign: Campaign) -> str:
    if campaign.status == CampaignStatus.WON:
        return "Offer recorded: a written offer you want. Congratulations!"
    if campaign.status == CampaignStatus.OFFER_VERBAL:
        return (
            "Offer recorded. Until it is a written offer you want, keep your other campaigns going."
        )
    return "Offer recorded."


@seeker_required
def offer_letter(request: HttpRequest, offer_id: int) -> FileResponse:
    offer = get_owned(Offer, request.user, offer_id)  # type: ignore[arg-type]
    letter = getattr(offer, "letter", None)
    if letter is None:
        raise Http404("this offer has no letter")
    return FileResponse(
        letter.file.open("rb"), content_type="application/pdf", filename=letter.filename
    )


@require_POST
@seeker_required
def offer_letter_add(request: HttpRequest, offer_id: int) -> HttpResponse:
    offer = get_owned(Offer, request.user, offer_id)  # type: ignore[arg-type]
    form = LetterForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attach_offer_letter(offer=offer, upload=form.cleaned_data["letter"])
        except ServiceError as error:
            messages.error(request, sentence(error.message))
        else:
            messages.success(request, "The letter is kept with the offer.")
    else:
        messages.error(request, "Choose the letter's PDF file first.")
    return redirect("documents:offers", campaign_id=offer.campaign_id)


@seeker_required
def wind_down(request: HttpRequest, campaign_id: int) -> HttpResponse:
    """After a win, ask which other campaigns to withdraw from; none is ticked for the seeker."""
    campaign = _campaign(request, campaign_id)
    if campaign.status != CampaignStatus.WON:
        return redirect("documents:offers", campaign_id=campaign.pk)
    others = services.other_open_campaigns(campaign)
    form = WindDownForm(request.POST or None, others=others)
    if request.method == "POST" and form.is_valid():
        picked = list(form.cleaned_data["campaigns"])
        if picked:
            services.wind_down(won=campaign, campaigns=picked)
            messages.success(request, f"Withdrawn from {len(picked)} campaign(s).")
        else:
            messages.success(request, "Your other campaigns keep going.")
        return redirect("documents:offers", campaign_id=campaign.pk)
    context = {"nav": "campaigns", "campaign": campaign, "form": form}
    return render(request, "documents/wind_down.html", context)


# -- the work-search log -------------------------------------------------------------------------


@seeker_required
def worklog_file(request: HttpRequest) -> HttpResponse:
    form = WorkLogForm(request.GET)
    if not form.is_valid():
        return _paper(request, status=400, log_form=form)
    seeker = request.seeker  # type: ignore[attr-defined]
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    found = worklog.entries(seeker, start=start, end=end)
    name = f"work-search-log-{start}-{end}"
    if form.cleaned_data["format"] == "pdf":
        return _pdf(worklog.render_pdf(seeker, found, start=start, end=end), f"{name}.pdf")
    text = io.StringIO()
    worklog.write_csv(found, text)
    response = HttpResponse(text.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


# -- export and import ---------------------------------------------------------------------------


@seeker_required
def export_archive(request: HttpRequest) -> HttpResponse:
    seeker = request.seeker  # type: ignore[attr-defined]
    response = HttpResponse(archive.archive_bytes(seeker), content_type="application/zip")
    name = f"pursuit-{note.seeker_today(seeker):%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
@seeker_required
def import_account(request: HttpRequest) -> HttpResponseBase:
    form = AccountImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _paper(request, status=400, account_form=form)
    try:
        # One byte over the limit is enough to refuse: a bigger upload is never read whole.
        data = form.cleaned_data["file"].read(settings.IMPORT_MAX_BYTES + 1)
        source = archive.read_source(data, into=request.seeker)  # type: ignore[attr-defined]
    except ServiceError as error:
        form.add_error("file", sentence(error.message))
        return _paper(request, status=400, account_form=form)
    steps = exchange.load_steps(seeker=request.seeker, source=source)  # type: ignore[attr-defined]
    return streamed(
        request,
        title="Importing your account",
        steps=steps,
        result="documents/_account_result.html",
    )


def _stored_csv(seeker_id: int, token: str) -> str:
    if not _UPLOAD_TOKEN.fullmatch(token):
        raise Http404("no such upload")
    return f"imports/{seeker_id}/{token}.csv"


@require_POST
@seeker_required
def applications_upload(request: HttpRequest) -> HttpResponse:
    form = ApplicationsUploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(MAX_CSV_BYTES + 1)
        try:
            if len(data) > MAX_CSV_BYTES:
                raise ServiceError("this file is over 5 MB: split it in two", "file")
            tracker_csv.read_table(data)
        except ServiceError as error:
            form.add_error("file", sentence(error.message))
        else:
            token = secrets.token_hex(16)
            default_storage.save(_stored_csv(request.seeker.pk, token), ContentFile(data))  # type: ignore[attr-defined]
            return redirect("documents:applications", token=token)
    return _paper(request, status=400, applications_form=form)


@seeker_required
def applications(request: HttpRequest, token: str) -> HttpResponseBase:
    """Match the file's columns, preview the import (nothing saved), then import it."""
    seeker = request.seeker  # type: ignore[attr-defined]
    name = _stored_csv(seeker.pk, token)
    if not default_storage.exists(name):
        raise Http404("no such upload")
    with default_storage.open(name, "rb") as file:
        data = file.read()
    header, rows = tracker_csv.read_table(data)
    if request.method == "POST":
        form = MappingForm(request.POST, header=header)
        if form.is_valid():
            dry_run = "import" not in request.POST
            steps = tracker_csv.import_steps(
                seeker=seeker,
                data=data,
                mapping=form.mapping(),
                dry_run=dry_run,
                skip_bad=form.cleaned_data["skip_bad"],
                now=timezone.now(),
            )
            return streamed(
                request,
                title="Checking the rows" if dry_run else "Importing the rows",
                steps=steps,
                result="documents/_applications_result.html",
                context={"form": form, "token": token},
                done=lambda report: _forget_upload(name) if report.saved else None,
            )
    else:
        form = MappingForm(header=header, initial=tracker_csv.guess_mapping(header))
    context = {
        "nav": "documents",
        "form": form,
        "header": header,
        "sample": [[row.get(c, "") for c in header] for row in rows[:5]],
        "rows": len(rows),
        "token": token,
    }
    return render(request, "documents/applications.html", context)


def _forget_upload(name: str) -> None:
    default_storage.delete(name)
