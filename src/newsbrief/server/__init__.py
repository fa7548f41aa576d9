"""``newsbrief serve``: the HTTP API and the web page (app.py), its command (commands.py), URL fetching (fetch.py)."""
