"""Serving the dashboards: Voila with the request guard, the kernel manager (seats), compression,
offline chart code, the landing page."""
