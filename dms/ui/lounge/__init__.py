"""The customer lounge board 休息室看板 (DESIGN §9): no sign-in, read-only."""
