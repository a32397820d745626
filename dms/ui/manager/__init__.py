"""The manager 服务经理 workspace (DESIGN §9): KPIs, reports and exports, administration."""
