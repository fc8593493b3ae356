"""Operations in the owner's admin: the worker's heartbeat, and the account emails (invitations)
kept when no mail server is set. Seekers' reminders hold their campaigns,
so they stay in each seeker's own outbox."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from pursuit.reminders.models import OutboxMessage, WorkerHeartbeat


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(ReadOnlyAdmin):
    list_display = ["name", "pid", "host", "last_beat"]


@admin.register(OutboxMessage)
class AccountEmailAdmin(ReadOnlyAdmin):
    list_display = ["to", "subject", "created_at", "error"]
    fields = ["to", "subject", "body_text", "error", "created_at"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[OutboxMessage]:
        return super().get_queryset(request).filter(seeker__isnull=True)
