"""Widgets and models several workspaces use: the paged table model, the message bar."""
