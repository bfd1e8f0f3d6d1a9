from django.db import migrations


class Migration(migrations.Migration):
    """The plan's targets read the year's figures (values); the stored annex
    was read by nothing else."""

    dependencies = [
        ("reports", "0008_rollup_province_values"),
    ]

    operations = [
        migrations.RemoveField(model_name="dashboardrollup", name="annex"),
    ]
