"""Campaign screens, one module per part: campaigns, activities and photos,
support, the forum, trainings."""
