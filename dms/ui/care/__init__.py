"""The customer-care workspace 客服回访 (DESIGN §9)."""
