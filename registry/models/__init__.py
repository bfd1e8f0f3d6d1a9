"""The registry's models: places, lookups, and the children of each commune."""

from registry.models.children import (
    Caregiver,
    Child,
    ChildEvent,
    Household,
    Sex,
    SpecialCircumstance,
)
from registry.models.imports import ImportBatch
from registry.models.lookups import EthnicGroup, PublicHoliday, RiskCategory
from registry.models.places import Commune, Province, ResidentialGroup

__all__ = [
    "Caregiver",
    "Child",
    "ChildEvent",
    "Commune",
    "EthnicGroup",
    "Household",
    "ImportBatch",
    "Province",
    "PublicHoliday",
    "ResidentialGroup",
    "RiskCategory",
    "Sex",
    "SpecialCircumstance",
]
