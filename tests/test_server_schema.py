"""Every endpoint against the OpenAPI spec (schemathesis): valid requests get responses that match the spec,
malformed ones (negative data: wrong types, out-of-range numbers, missing fields) get a 4xx, never a 500.
"""

from __future__ import annotations

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

import newsbrief
from newsbrief.server.app import create_app

# Our own short articles for the store the GET endpoints read.
ARTICLES = (
    ("OSLO: Norway's fishing ministry on Tuesday cut the cod quota for next year by a fifth after scientists warned "
     "that stocks in the Barents Sea had fallen for a fourth year.\n"
     "\u201cWe cannot fish what is not there,\u201d Fisheries Minister Ingrid Dahl told reporters in Oslo.\n"
     "Fishermen's association leader Ola Berg said the cut would cost coastal towns hundreds of jobs.\n",
     "2025-02-04", "Fjord News"),
    ("TROMSO: Fishing crews in northern Norway protested on Thursday against the cod quota cut announced "
     "by the government on Tuesday.\n"
     "Ola Berg, who leads the fishermen's association, said crews would meet Ingrid Dahl next week.\n",
     "2025-02-06", "Arctic Post"),
)


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    from newsbrief.corpus.store import Store, content_hash

    store = Store(tmp_path_factory.mktemp("schema-corpus") / "corpus.sqlite3")
    with store.transaction() as db:
        story = store.new_story(db, "Cod quota cut")
        for text, day, source in ARTICLES:
            article = newsbrief.analyze(text, published=day, source=source, title=text.split(":")[0].title())
            store.add_article(db, article, content_hash(article.text), story_id=story)
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(store=store, warm_up=False))
    # few examples: every one of them runs the language model or the database on a shared 2-core machine
    schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE], max_examples=12)
    yield schema
    store.close()


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck), max_examples=12)
def test_every_endpoint_conforms_to_the_spec(case):
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.status_code} {response.text}"
    excluded = []
    if case.operation.label == "POST /analyze":
        # schema-valid text can still be refused by design (422: no words, not English, an unreadable date);
        # every other check (no 5xx, status codes, response schema, negative data refused) still applies
        excluded.append(positive_data_acceptance)
    case.validate_response(response, excluded_checks=excluded)


def test_real_answers_of_every_endpoint_match_the_spec(api_schema):
    """Generated ids rarely hit a stored one: ask for the stored article and story themselves too."""
    from fastapi.testclient import TestClient

    client = TestClient(api_schema.app)
    checked = {
        ("GET", "/articles"): "/articles", ("GET", "/articles/{article_id}"): "/articles/1",
        ("GET", "/stories"): "/stories", ("GET", "/stories/{story_id}"): "/stories/1?since=2025-02-05",
        ("GET", "/search"): "/search?q=quota", ("GET", "/quotes"): "/quotes?speaker=Dahl",
        ("GET", "/events"): "/events", ("GET", "/entities"): "/entities", ("GET", "/health"): "/health",
    }
    for (method, template), url in checked.items():
        response = client.get(url)
        assert response.status_code == 200, (url, response.text)
        assert response.json(), url
        api_schema[template][method].validate_response(response)
    analysed = client.post("/analyze", json={"text": ARTICLES[0][0], "published": ARTICLES[0][1]})
    assert analysed.status_code == 200
    api_schema["/analyze"]["POST"].validate_response(analysed)
    # and the check has teeth: a wrong answer does not pass
    broken = client.get("/articles/1")
    broken._content = json.dumps({**broken.json(), "key_points": "not a list"}).encode()
    with pytest.raises(Exception, match=r"key_points|not a list|array"):
        api_schema["/articles/{article_id}"]["GET"].validate_response(broken)
