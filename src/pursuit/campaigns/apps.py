from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "pursuit.campaigns"
    default_auto_field = "django.db.models.BigAutoField"
