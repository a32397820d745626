"""The technician terminal 技师终端 (DESIGN §9)."""
