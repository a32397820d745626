"""The PDI desk 新车PDI (DESIGN §1 step 1)."""
