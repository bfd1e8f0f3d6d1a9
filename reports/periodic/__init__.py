"""Periodic reports: periods, recipients, numbering, issuing and their PDFs."""
