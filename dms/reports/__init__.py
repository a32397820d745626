"""Reports: list exports, KPIs and spreadsheet imports.

Printed documents (PDF): `dms.reports.documents`; 大写 amounts: `dms.reports.capitals`.
"""
