"""Reports: list exports, KPIs and spreadsheet imports."""
