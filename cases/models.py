# Incident reports and the NĐ 56/2017 case workflow arrive with their own issues.
