"""Load the demo data of every app. It lives in reports, the top of the
dependency graph, because it calls each app's own demo module."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from campaigns import demo as campaigns_demo
from cases import demo as cases_demo
from registry import demo as registry_demo
from registry.models import Commune
from registry.places import places_load_quang_ngai
from reports.dashboard.rollups import rollup_refresh_commune


class Command(BaseCommand):
    help = "Load invented demo data (idempotent). Refuses to run with DEBUG off."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force", action="store_true", help="run even with DEBUG off"
        )
        parser.add_argument(
            "--list-logins", action="store_true", help="only print the demo logins"
        )

    def handle(self, *args, **options) -> None:
        if options["list_logins"]:
            with translation.override("vi"):
                for username, role in registry_demo.demo_logins():
                    self.stdout.write(f"    {username:<12} {role}")
            return
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "Demo data is for development; use --force to load it anyway."
            )
        places_load_quang_ngai()
        registry_demo.demo_seed_places_and_people()
        registry_demo.demo_seed_children()
        cases_demo.demo_seed_cases()
        campaigns_demo.demo_seed_campaigns()
        # The dashboards' figures now, rather than at beat's first round.
        demo = Commune.objects.filter(admin_code__in=registry_demo.GROUPS)
        for commune_id in demo.values_list("pk", flat=True):
            rollup_refresh_commune(commune_id=commune_id)
        if options["verbosity"] > 0:
            self.stdout.write("Demo data loaded.")
