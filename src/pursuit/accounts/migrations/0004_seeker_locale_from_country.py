"""Seekers outside the United States were all given en_US; they get their country's locale."""

from typing import Any

from django.db import migrations

from pursuit.accounts.services import seeker_locale


def locales_from_countries(apps: Any, schema_editor: Any) -> None:
    Seeker = apps.get_model("accounts", "Seeker")
    rows = Seeker.objects.filter(locale="en_US").exclude(country="US")
    for country in rows.values_list("country", flat=True).distinct():
        rows.filter(country=country).update(locale=seeker_locale(country))


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_invitation_expiry_and_address")]

    operations = [migrations.RunPython(locales_from_countries, migrations.RunPython.noop)]
