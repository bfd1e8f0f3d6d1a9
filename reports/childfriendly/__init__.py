"""The child-friendly commune self-assessment (QĐ 06/QĐ-TTg, DOMAIN.md §8):
versioned criteria as data, scores computed from the indicator engine or entered
with evidence, the recognition rule, and the dossier's two PDFs."""
