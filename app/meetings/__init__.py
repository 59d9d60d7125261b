"""Briefing meetings (hội nghị giao ban) with collaborators."""
