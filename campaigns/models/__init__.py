"""The campaigns' models: campaigns and forums, activities and their photos,
support given to children, trainings."""

from campaigns.models.activities import (
    Activity,
    ActivityPhoto,
    Category,
    Organiser,
    PhotoConsent,
    PhotoSubject,
    SubKind,
)
from campaigns.models.campaigns import Campaign, Forum, ForumParticipant, FundingSource
from campaigns.models.support import Support
from campaigns.models.trainings import Training, TrainingAttendee

__all__ = [
    "Activity",
    "ActivityPhoto",
    "Campaign",
    "Category",
    "Forum",
    "ForumParticipant",
    "FundingSource",
    "Organiser",
    "PhotoConsent",
    "PhotoSubject",
    "SubKind",
    "Support",
    "Training",
    "TrainingAttendee",
]
