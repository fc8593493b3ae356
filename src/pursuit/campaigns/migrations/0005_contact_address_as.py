from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0004_edit_and_trash"),
    ]

    operations = [
        migrations.AddField(
            model_name="contact",
            name="address_as",
            field=models.CharField(blank=True, max_length=120),
        ),
    ]
