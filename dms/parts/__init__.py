"""Parts and warehouse: catalogue, stock ledger, reservations, picking, receipts, transfers,
stocktakes and old parts (no Qt)."""
