"""The parts counter 配件前台 (DESIGN §9): the warehouse clerk's workspace."""
