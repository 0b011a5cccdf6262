"""The app in a browser: `imr-tui serve`.

textual-serve runs one app process per browser tab; this package puts it behind a token and a
session cookie, refuses WebSockets from other sites, serves its own page with no request leaving
the machine, drops file downloads, and limits how many sessions run at once.
"""
