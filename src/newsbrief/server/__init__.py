"""``newsbrief serve``: the HTTP API and the web page.

app.py builds the FastAPI app (``create_app``); corpus_routes.py adds the GET endpoints over the corpus store;
fetch.py fetches a link safely; commands.py is the ``serve`` subcommand; static/ is the page (no build step);
openapi.json is the spec, kept in the repository and checked against the app by the tests.
"""
