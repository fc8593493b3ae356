from django.contrib import admin

from pursuit.campaigns.models import (
    Action,
    Campaign,
    Company,
    Contact,
    Interview,
    Offer,
    Promise,
    Touch,
)


class ActionInline(admin.TabularInline):
    model = Action
    extra = 0
    fields = ["kind", "due_at", "window", "status", "reason"]
    readonly_fields = fields


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["role", "company", "status", "attempts", "updated_at"]
    list_filter = ["status"]
    search_fields = ["role", "company__name"]
    inlines = [ActionInline]


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ["name", "zone", "country", "local"]
    search_fields = ["name"]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["kind", "campaign", "due_at", "status"]
    list_filter = ["kind", "status"]


for model in (Contact, Interview, Promise, Touch, Offer):
    admin.site.register(model)
