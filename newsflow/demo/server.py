"""Run the demo news site as its own process: ``python -m newsflow.demo.server``.

It prints its base URL on the first line of stdout, then serves until killed
(SIGTERM and Ctrl-C both close it cleanly)::

    python -m newsflow.demo.server --port 8765 [--generated-pages 1000]

URL layout (``<site>`` is ``courier``, ``meridian`` or ``crossroads``)::

    /                                home page
    /<site>/<yyyy>/<mm>/<slug>.html  the hand-written articles
    /rss.xml                         RSS 2.0 of all of them (courier links carry utm_* tags)
    /sitemap.xml                     urlset of all of them
    /sitemap-index.xml               index pointing to /sitemap-news.xml.gz
    /sitemap-news.xml.gz             gzipped Google News sitemap
    /robots.txt                      allows everything, names the sitemap index
    /gen/<i>.html, /gen/rss.xml      generated pages, when generated_pages > 0

Anything else is a 404. In-process users import :class:`DemoSite` and
:func:`serve_demo_site` from here or from :mod:`newsflow.demo`.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from collections.abc import Sequence
from types import FrameType

from newsflow.demo._server import DemoSite, RequestRecord, serve_demo_site

__all__ = ["DemoSite", "RequestRecord", "main", "serve_demo_site"]


def main(argv: Sequence[str] | None = None) -> int:
    """Serve the demo site in the foreground, printing its base URL first."""
    parser = argparse.ArgumentParser(
        prog="python -m newsflow.demo.server",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--port", type=int, default=0, help="port to bind (default: any free)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback)")
    parser.add_argument(
        "--generated-pages",
        type=int,
        default=0,
        metavar="N",
        help="also serve N generated pages under /gen/",
    )
    args = parser.parse_args(argv)

    def stop(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(0)  # unwinds serve_forever, so the socket is closed cleanly

    signal.signal(signal.SIGTERM, stop)
    site = DemoSite(args.port, generated_pages=args.generated_pages, host=args.host).bind()
    print(site.base_url, flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        site.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
