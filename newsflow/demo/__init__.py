"""An offline sample news site for ``newsflow demo``, the end-to-end tests and benchmarks.

Six fictional conflict and diplomacy stories on three fictional outlets, each
page wrapped in the boilerplate real outlets print (donation appeals, photo
credits, author bios, "Voice is AI-generated", "Source: ... and news agencies"),
plus an RSS feed, sitemaps and, on request, any number of generated pages. The
true body text and the events a human coder would extract travel with each
article, so a pipeline's output can be checked against them::

    from newsflow.demo import ARTICLES, serve_demo_site

    with serve_demo_site() as site:
        feed_url = site.base_url + "/rss.xml"
"""

from newsflow.demo._articles import ARTICLES
from newsflow.demo._generate import generated_article
from newsflow.demo._outlets import OUTLETS
from newsflow.demo._records import EVACUATION_ROOT, DemoArticle, ExpectedEvent, Outlet, Photo
from newsflow.demo._server import DemoSite, RequestRecord, serve_demo_site

__all__ = [
    "ARTICLES",
    "EVACUATION_ROOT",
    "OUTLETS",
    "DemoArticle",
    "DemoSite",
    "ExpectedEvent",
    "Outlet",
    "Photo",
    "RequestRecord",
    "generated_article",
    "serve_demo_site",
]
