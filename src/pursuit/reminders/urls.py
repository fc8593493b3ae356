from django.urls import path

from pursuit.reminders import views

app_name = "reminders"

urlpatterns = [
    path("calendar/<str:token>.ics", views.feed, name="feed"),
    path("calendar/action/<int:pk>.ics", views.step_ics, name="step_ics"),
    path("reminders/", views.settings_page, name="settings"),
    path("reminders/rotate", views.rotate, name="rotate"),
    path("reminders/outbox/", views.outbox, name="outbox"),
    path("reminders/outbox/<int:pk>", views.outbox_message, name="outbox_message"),
    path("reminders/pause", views.pause, name="pause"),
    path("reminders/pause/<int:pk>/end", views.end_pause, name="end_pause"),
    path("reminders/unsubscribe/<str:token>", views.unsubscribe, name="unsubscribe"),
]
