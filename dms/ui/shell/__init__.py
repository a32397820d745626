"""The window around the workspaces: workspace and action registries, change bus, commands."""
