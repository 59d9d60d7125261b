"""The province's consolidated monthly report: drafted at a province office by
`report draft --month` (app.reports.draft hands a province's monthly report to `sections`),
then numbered, approved, signed and sent through the register like any report.

facts: the figures from what the lower offices sent; topics: topics merged across communes;
wording and actions: the prose; sections: the register sections with their tables.
"""
