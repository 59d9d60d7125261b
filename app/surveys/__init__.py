"""Opinion surveys: questionnaire, sample plan, anonymous responses, tabulation, report."""
