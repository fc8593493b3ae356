from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("pursuit.api.urls")),
    path("", include("pursuit.reminders.urls")),
    path("documents/", include("pursuit.documents.urls")),
    path("", include("pursuit.web.urls")),
]
