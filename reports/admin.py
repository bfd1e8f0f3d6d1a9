"""The reports app's admin pages: registered by their modules."""

from reports.childfriendly import admin as childfriendly_admin

__all__ = ["childfriendly_admin"]
