from django.core.management.base import BaseCommand

from registry.places import places_load_quang_ngai


class Command(BaseCommand):
    help = "Load the official list of Quảng Ngãi's communes (idempotent)."

    def handle(self, *args, **options) -> None:
        count = places_load_quang_ngai()
        if options["verbosity"] > 0:
            self.stdout.write(f"{count} communes loaded.")
