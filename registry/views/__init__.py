"""Registry views, one module per screen family (children, import, export)."""
