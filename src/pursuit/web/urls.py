from django.urls import path

from pursuit.web import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
]
