from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0007_dashboardrollup"),
    ]

    operations = [
        migrations.RenameField(
            model_name="dashboardrollup",
            old_name="public_values",
            new_name="province_values",
        ),
    ]
