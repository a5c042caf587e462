"""The web app's limits, in one place (``onrecord serve`` flags map onto them)."""

#: Largest request body accepted for paste/upload/extract (bytes); larger ones get 413.
MAX_UPLOAD = 2_000_000

#: Seconds a request's queries may run in all before they are interrupted (503 query_timeout).
QUERY_SECONDS = 5.0

#: Read-only store connections the server keeps.
READERS = 8

#: Articles that may wait for extraction before the server answers 503 with Retry-After.
QUEUE = 8

#: Seconds a request waits for its extraction before answering 503.
EXTRACT_SECONDS = 120.0
