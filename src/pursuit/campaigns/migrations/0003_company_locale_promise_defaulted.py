"""Companies get a locale (how they write dates) and promises say when no date was said."""

from typing import Any

from django.db import migrations, models

from pursuit.method.locales import locale_for_country


def locales_from_countries(apps: Any, schema_editor: Any) -> None:
    """Every company writes dates as its country does, until the seeker says otherwise."""
    Company = apps.get_model("campaigns", "Company")
    for country in Company.objects.values_list("country", flat=True).distinct():
        Company.objects.filter(country=country).update(locale=locale_for_country(country))


def mark_defaults(apps: Any, schema_editor: Any) -> None:
    """A promise read from no words of time was stored with nothing matched."""
    Promise = apps.get_model("campaigns", "Promise")
    Promise.objects.filter(matched="", kind="around").update(defaulted=True)


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0002_history")]

    operations = [
        migrations.AddField(
            model_name="company",
            name="locale",
            field=models.CharField(default="en_US", max_length=16),
        ),
        migrations.AddField(
            model_name="promise",
            name="defaulted",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(locales_from_countries, migrations.RunPython.noop),
        migrations.RunPython(mark_defaults, migrations.RunPython.noop),
    ]
