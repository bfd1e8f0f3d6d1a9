"""Annual plans: the model plan, writes, the PDF and each target against its
actual value (issue #7, items 1 and 3)."""
