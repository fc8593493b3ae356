"""Under /documents/: the note of a visit at a stable address, résumés, offers, the log, and
the account's export and import."""

from django.urls import path

from pursuit.documents import views

app_name = "documents"

urlpatterns = [
    path("", views.paper, name="index"),
    path("resumes", views.resume_add, name="resume_add"),
    path("resumes/<int:pk>.pdf", views.resume_file, name="resume_file"),
    path("resumes/<int:pk>/delete", views.resume_delete, name="resume_delete"),
    path("note/<int:action_id>", views.note_composer, name="note"),
    path("note/<int:action_id>.pdf", views.note_pdf, name="note_pdf"),
    path("offers/<int:campaign_id>", views.offers, name="offers"),
    path("offers/<int:campaign_id>/wind-down", views.wind_down, name="wind_down"),
    path("offers/letter/<int:offer_id>.pdf", views.offer_letter, name="offer_letter"),
    path("offers/letter/<int:offer_id>", views.offer_letter_add, name="offer_letter_add"),
    path("log", views.worklog_file, name="worklog"),
    path("export.zip", views.export_archive, name="export"),
    path("import", views.import_account, name="import_account"),
    path("import/applications", views.applications_upload, name="applications_upload"),
    path("import/applications/<str:token>", views.applications, name="applications"),
]
