"""Official reports: drafting from data, the register, rendering (DOCX/PDF) and signing."""
