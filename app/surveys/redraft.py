"""Redrafting hook for the report register: a survey report's sections are rebuilt from the
survey's data (app.reports.draft.regenerate finds this module by its file name)."""

from app.surveys.registered import regenerated_sections

REDRAFT = {"survey": regenerated_sections}
