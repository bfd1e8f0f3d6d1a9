"""Writes of campaigns, one module per aggregate. Each service checks the
actor's role, locks what it changes, validates, and writes an audit row in the
same transaction (ids and codes only, never a child's name)."""
