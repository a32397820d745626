"""Front desk 前台接待: lookup, vehicle file, customers and vehicles, appointment book."""
