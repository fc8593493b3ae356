"""The owner's admin keeps accounts and operations: users, invitations, account emails and the
worker's heartbeat. Campaign data (companies, contacts, steps, offers, papers) is not here:
each seeker reaches their own through the app, and nobody else's."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from pursuit.accounts.models import Invitation, Seeker, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Personal info", {"fields": ("first_name", "last_name")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


@admin.register(Seeker)
class SeekerAdmin(admin.ModelAdmin):
    """The account's settings; a seeker's days off and playbook stay theirs."""

    list_display = ["__str__", "zone", "country", "locale"]
    fields = ["user", "name", "zone", "country", "subdiv", "locale"]
    readonly_fields = ["user"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "invited_by", "created_at", "used_at"]
