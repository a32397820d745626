"""After-sales DMS for 4S dealerships."""

__version__ = "0.1.0"
