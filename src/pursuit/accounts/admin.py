from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from pursuit.accounts.models import Blackout, Invitation, Seeker, User


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


class BlackoutInline(admin.TabularInline):
    model = Blackout
    extra = 0


@admin.register(Seeker)
class SeekerAdmin(admin.ModelAdmin):
    list_display = ["__str__", "zone", "country", "locale"]
    inlines = [BlackoutInline]


admin.site.register(Invitation)
