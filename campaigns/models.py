# The June Action Month, the Children's Forum and other campaigns arrive with their own issue.
